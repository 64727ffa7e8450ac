/**
 * Quick fixes (code actions) for WSDL diagnostics. Rules attach their fixes to the finding as plain
 * offsets (wsdl/rules/util.ts FixData); here they become text edits. The finding is looked up again in
 * the current analysis (same code, same start), so a fix never applies stale offsets from an editor's
 * older diagnostic; the diagnostic's own data is the fallback.
 */
import type { Span } from '../core/text';
import type { CodeActionResult, Finding, LensDiagnostic, TextEditResult } from '../core/types';
import type { Analysed, FeatureContext } from '../service/dialect';
import type { FixData, FixEdit } from './rules/util';

export function wsdlCodeActions(ctx: FeatureContext<Analysed>, diagnostics: LensDiagnostic[]): CodeActionResult[] {
  const { source, findings } = ctx.doc;
  const out: CodeActionResult[] = [];
  for (const d of diagnostics) {
    const at = source.lines.offsetAt(d.range.start);
    const current = findings.find((f) => f.code === d.code && f.span.start === at && f.message === d.message)
      ?? findings.find((f) => f.code === d.code && f.span.start === at);
    const data = (current?.data ?? d.data) as FixData | undefined;
    if (!data || !Array.isArray(data.fix)) continue;
    for (const fix of data.fix) {
      const edits = fix.edits.map((e) => toEdit(source.text, source.lines, e));
      out.push({ title: fix.title, kind: 'quickfix', diagnosticCodes: [d.code], edits: [{ uri: source.uri, edits }], isPreferred: fix.preferred });
    }
  }
  return out;
}

function toEdit(text: string, lines: Analysed['source']['lines'], e: FixEdit): TextEditResult {
  if (!e.block) return { range: lines.rangeOf({ start: e.start, end: e.end }), newText: e.newText };
  // Block insertion before a closing tag: on its own line(s), indented like a sibling element.
  const lineStart = text.lastIndexOf('\n', e.start - 1) + 1;
  const before = text.slice(lineStart, e.start);
  const closeIndent = /^[ \t]*$/.test(before) ? before : /^[ \t]*/.exec(before)![0];
  let indent = closeIndent + '  ';
  if (e.block.indentLike !== undefined) {
    const ls = text.lastIndexOf('\n', e.block.indentLike - 1) + 1;
    const pre = text.slice(ls, e.block.indentLike);
    if (/^[ \t]*$/.test(pre)) indent = pre;
  }
  const unit = indent.length > closeIndent.length && indent.startsWith(closeIndent) ? indent.slice(closeIndent.length) : '  ';
  const body = e.newText.split('\n').map((l) => {
    const lead = /^ */.exec(l)![0].length;
    return indent + unit.repeat(Math.floor(lead / 2)) + l.slice(lead);
  }).join('\n');
  const span: Span = /^[ \t]*$/.test(before)
    ? { start: lineStart, end: lineStart }                  // closing tag alone on its line: insert full lines above it
    : { start: e.start, end: e.start };                     // closing tag after content: break the line
  const newText = span.start === lineStart ? body + '\n' : '\n' + body + '\n' + closeIndent;
  return { range: lines.rangeOf(span), newText };
}

export type { Finding };
