/** Output formats of `api-lens check`: stylish (people), json (scripts), sarif (code-scanning tools). */
import * as path from 'path';
import type { LensDiagnostic } from '../core/types';
import { getRule } from '../rules/registry';

export interface FileDiagnostics { file: string; diagnostics: LensDiagnostic[] }

export function formatJson(results: FileDiagnostics[]): string {
  const flat = results.flatMap((r) => r.diagnostics.map((d) => ({
    file: r.file, range: d.range, severity: d.severity, code: d.code, message: d.message, source: d.source,
  })));
  return JSON.stringify(flat, null, 2);
}

export function formatStylish(results: FileDiagnostics[], useColor: boolean): string {
  const c = (code: string, s: string) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);
  const colors: Record<string, string> = { error: '31', warning: '33', information: '36', hint: '90' };
  const lines: string[] = [];
  let errors = 0, warnings = 0, infos = 0;
  for (const r of results) {
    if (!r.diagnostics.length) continue;
    lines.push(c('4', r.file));
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++; else if (d.severity === 'warning') warnings++; else infos++;
      const pos = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      lines.push(`  ${pos.padEnd(9)} ${c(colors[d.severity], d.severity.padEnd(11))} ${d.message}  ${c('90', d.code)}`);
    }
    lines.push('');
  }
  const total = errors + warnings + infos;
  lines.push(total ? `${total} problems (${errors} errors, ${warnings} warnings, ${infos} infos and hints)` : 'No problems found.');
  return lines.join('\n');
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(results: FileDiagnostics[], version: string): string {
  const codes = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: {
        name: 'api-lens', version, informationUri: 'https://github.com/api-lens/api-lens',
        rules: codes.map((id) => ({ id, shortDescription: { text: getRule(id)?.title ?? id } })),
      } },
      results: results.flatMap((r) => r.diagnostics.map((d) => ({
        ruleId: d.code, level: SARIF_LEVEL[d.severity], message: { text: d.message },
        locations: [{ physicalLocation: {
          artifactLocation: { uri: r.file.split(path.sep).join('/') },
          region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
        } }],
      }))),
    }],
  };
  return JSON.stringify(sarif, null, 2);
}
