/** Text rendering of a DocumentSummary for `api-lens describe`. */
import type { DocumentSummary, Fact } from '../analysis/summary';

function where(file: string, f: Fact): string {
  const e = f.evidence[0];
  if (!e?.range) return '';
  return ` (${file}:${e.range.start.line + 1}:${e.range.start.character + 1})`;
}

export function formatSummaryText(file: string, s: DocumentSummary): string {
  const lines: string[] = [];
  lines.push(`${file}`);
  lines.push(`  kind:      ${s.kind} ${s.version}${s.title ? ` — ${s.title}` : ''}`);
  lines.push(`  scope:     ${s.scope === 'web-service' ? 'web service (WSDL contract)' : 'API'}`);
  lines.push(`  summary:   ${s.headline}`);
  const section = (name: string, facts: Fact[]) => {
    lines.push(`  ${name}:`);
    if (!facts.length) lines.push('    (none found)');
    for (const f of facts) lines.push(`    - ${f.value} [${f.confidence}]${where(file, f)}: ${f.reason}`);
  };
  section('protocols', s.protocols);
  section('formats', s.formats);
  section('styles', s.styles);
  if (s.security.length) section('security', s.security);
  lines.push(`  operations: ${s.weight.operations}, messages: ${s.weight.messages}, schema types: ${s.weight.schemaTypes}, envelope: ${s.weight.envelope ? 'yes' : 'no'}`);
  if (s.clients.length) lines.push(`  clients:   ${s.clients.join('; ')}`);
  return lines.join('\n');
}
