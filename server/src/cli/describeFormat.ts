/** Text rendering of a DocumentSummary for `api-lens describe`: the same facts as the hover and the comparison view. */
import type { DocumentSummary, Fact, OperationSummary } from '../analysis/summary';
import { scopeSentence, weightSentence } from '../analysis/summaryMarkdown';

const MAX_OPERATIONS = 40;
const MAX_ENDPOINTS = 10;

/** One line of terminal-safe text: document text may hold control characters (escape sequences). */
function clean(t: string): string {
  // eslint-disable-next-line no-control-regex
  return t.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�').replace(/\s*\n\s*/g, ' ');
}

function at(file: string, r: { start: { line: number; character: number } } | undefined): string {
  return r ? `${file}:${r.start.line + 1}:${r.start.character + 1}` : '';
}

function factLines(file: string, f: Fact, withNotes: boolean): string[] {
  const where = at(file, f.evidence[0]?.range);
  const more = f.evidence.length > 1 ? ` (+${f.evidence.length - 1} more)` : '';
  const out = [`    - ${clean(f.value)}  [${f.confidence}]${where ? `  ${where}${more}` : ''}`, `        ${clean(f.reason)}`];
  if (withNotes) for (const n of f.notes ?? []) out.push(`        · ${clean(n)}`);
  if (f.spec) out.push(`        see ${f.spec.title}: ${f.spec.url}`);
  return out;
}

function opLine(file: string, o: OperationSummary): string {
  // Every SOAP call is a POST: for SOAP operations the binding says more than the method.
  const http = o.method && !o.soapVersion ? `${o.method}${o.path !== undefined ? ` ${o.path}` : ''}` : '';
  const soap = o.soapVersion ? `SOAP ${o.soapVersion}${o.binding ? ` (${o.binding})` : ''}` : '';
  const style = o.styles.map((s) => s.value).join(', ') || '—';
  const origin = o.origin !== 'operation' ? ` [${o.origin}]` : '';
  const where = at(file, o.range);
  return `    - ${clean(o.name)}${origin}: ${style}${http || soap ? ` — ${clean([http, soap].filter(Boolean).join(', '))}` : ''}${where ? `  ${where}` : ''}`;
}

export function formatSummaryText(file: string, s: DocumentSummary): string {
  const lines: string[] = [];
  lines.push(`${file}`);
  lines.push(`  ${clean(s.headline)}`);
  lines.push('');
  lines.push(`  kind:       ${s.kind} ${clean(s.version)}${s.title ? ` — ${clean(s.title)}` : ''}`);
  lines.push(`  scope:      ${scopeSentence(s)}`);
  lines.push(`  weight:     ${weightSentence(s)}`);
  const section = (name: string, facts: Fact[], withNotes = false) => {
    lines.push(`  ${name}:`);
    if (!facts.length) lines.push('    (none found)');
    for (const f of facts) lines.push(...factLines(file, f, withNotes));
  };
  section('design styles', s.styles, true);
  section('protocols', s.protocols);
  section('formats', s.formats);
  if (s.security.length) section('security', s.security);
  if (s.endpoints.length) {
    lines.push('  endpoints:');
    for (const e of s.endpoints.slice(0, MAX_ENDPOINTS)) {
      lines.push(`    - ${clean(e.url)}  ${e.protocol}${e.soapVersion ? `, SOAP ${e.soapVersion}` : ''}${e.service ? `, service ${clean(e.service)}` : ''}${e.range ? `  ${at(file, e.range)}` : ''}`);
    }
    if (s.endpoints.length > MAX_ENDPOINTS) lines.push(`    … and ${s.endpoints.length - MAX_ENDPOINTS} more`);
  }
  if (s.operations.length) {
    // WSDL lists binding operations; say how many abstract operations they bind, as the weight line does.
    const w = s.weight;
    lines.push(`  operations (${w.bindingOperations !== undefined && w.operations !== s.operations.length ? `${w.operations}, bound ${s.operations.length} times` : s.operations.length}):`);
    for (const o of s.operations.slice(0, MAX_OPERATIONS)) lines.push(opLine(file, o));
    if (s.operations.length > MAX_OPERATIONS) lines.push(`    … and ${s.operations.length - MAX_OPERATIONS} more (--format json lists all)`);
  }
  if (s.clients.length) {
    lines.push('  who can call it:');
    for (const c of s.clients) lines.push(`    - ${c}`);
  }
  return lines.join('\n');
}
