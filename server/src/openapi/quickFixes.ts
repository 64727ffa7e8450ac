/**
 * Quick fixes for OpenAPI findings. Rules attach the edits (as offsets into the analysed text) to the
 * finding itself (rules/context.ts FixData), so a fix is computed where the problem is understood. Here a
 * diagnostic coming back from the editor is matched to a finding of the CURRENT analysis by code and
 * range, so stale diagnostics (from an older version of the text) never produce edits at wrong offsets.
 */
import type { CodeActionResult, LensDiagnostic } from '../core/types';
import type { Analysed } from '../service/dialect';
import type { FindingFixData } from './rules/context';

function sameRange(a: LensDiagnostic['range'], b: LensDiagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function openApiCodeActions(doc: Analysed, diagnostics: LensDiagnostic[]): CodeActionResult[] {
  const lines = doc.source.lines;
  const actions: CodeActionResult[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (!d.code.startsWith('oas-')) continue;
    for (const f of doc.findings) {
      if (f.code !== d.code) continue;
      const fixes = (f.data as FindingFixData | undefined)?.fixes;
      if (!fixes?.length || !sameRange(lines.rangeOf(f.span), d.range)) continue;
      for (const fix of fixes) {
        const key = `${fix.title}:${fix.edits.map((e) => `${e.start}-${e.end}`).join(',')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        actions.push({
          title: fix.title, kind: 'quickfix', diagnosticCodes: [d.code], isPreferred: fix.preferred,
          edits: [{ uri: doc.source.uri, edits: fix.edits.map((e) => ({ range: lines.rangeOf({ start: e.start, end: e.end }), newText: e.newText })) }],
        });
      }
    }
  }
  return actions;
}
