/**
 * The whole-document summary as hover Markdown (appended to the hover on the document root): what kind
 * of API this is, each fact with its reason and the spec section behind it. Every piece of text is
 * escaped, reasons included: they quote paths, names and media types from the document.
 */
import { code, escapeMarkdown, link } from '../core/markdown';
import type { Span } from '../core/text';
import type { DocumentSummary, Fact } from './summary';

const MAX_FACTS = 5;
const MAX_NOTES = 5;

const KIND_NAMES: Record<DocumentSummary['kind'], string> = {
  wsdl11: 'WSDL 1.1', wsdl20: 'WSDL 2.0', swagger2: 'Swagger 2.0', oas30: 'OpenAPI 3.0', oas31: 'OpenAPI 3.1', oas32: 'OpenAPI 3.2',
};

function factLine(f: Fact): string {
  const conf = f.confidence === 'certain' ? '' : ` *(${f.confidence})*`;
  const spec = f.spec ? ` — ${link(f.spec.title, f.spec.url)}` : '';
  return `- **${escapeMarkdown(f.value)}**${conf}: ${escapeMarkdown(f.reason)}${spec}`;
}

function section(title: string, facts: Fact[], withNotes = false): string[] {
  if (!facts.length) return [];
  const out = [`**${title}**`, ''];
  for (const f of facts.slice(0, MAX_FACTS)) {
    out.push(factLine(f));
    if (withNotes) for (const n of (f.notes ?? []).slice(0, MAX_NOTES)) out.push(`  - ${escapeMarkdown(n)}`);
  }
  if (facts.length > MAX_FACTS) out.push(`- …and ${facts.length - MAX_FACTS} more (see *API Lens: Compare API and Web Service*)`);
  out.push('');
  return out;
}

export function scopeSentence(s: DocumentSummary): string {
  return s.scope === 'web-service'
    ? 'Web service: a WSDL contract describing messages, bindings and endpoints. Every web service is an API; this one is defined contract-first.'
    : 'API (not a WSDL web service): an HTTP API described by its paths, methods and media types.';
}

/** "1 operation(s) (bound 2 times)": WSDL counts abstract operations and says how often bindings bind them. */
export function operationCount(w: DocumentSummary['weight']): string {
  const bound = w.bindingOperations !== undefined && w.bindingOperations !== w.operations ? ` (bound ${w.bindingOperations} time${w.bindingOperations === 1 ? '' : 's'})` : '';
  return `${w.operations} operation(s)${bound}`;
}

export function weightSentence(s: DocumentSummary): string {
  const w = s.weight;
  const kb = w.bytes ? `, ${(w.bytes / 1024).toFixed(w.bytes < 10240 ? 1 : 0)} KB` : '';
  const someSoap = s.operations.some((o) => o.soapVersion);
  const envelope = w.envelope ? 'every message travels in a SOAP envelope'
    : someSoap ? 'SOAP bindings wrap each message in an envelope; the other bindings send the payload bare'
      : 'no envelope: the body is the payload';
  return `${operationCount(w)}, ${w.messages} message(s), ${w.schemaTypes} named schema type(s)${kb}; ${envelope}.`;
}

export function summaryMarkdown(s: DocumentSummary): string {
  const lines: string[] = [];
  lines.push(`### ${escapeMarkdown(s.headline)}`, '');
  const title = s.title ? ` — ${escapeMarkdown(s.title)}` : '';
  const kind = KIND_NAMES[s.kind].endsWith(s.version) ? KIND_NAMES[s.kind] : `${KIND_NAMES[s.kind]} (${s.version})`;
  lines.push(`*${escapeMarkdown(kind)}*${title}`, '');
  lines.push(escapeMarkdown(scopeSentence(s)), '');
  lines.push(...section('Design style', s.styles, true));
  lines.push(...section('Protocols', s.protocols));
  lines.push(...section('Formats', s.formats));
  lines.push(...section('Security', s.security));
  lines.push('**Weight**', '', escapeMarkdown(weightSentence(s)), '');
  if (s.clients.length) {
    lines.push('**Who can call it**', '');
    for (const c of s.clients) lines.push(`- ${escapeMarkdown(c)}`);
  }
  return lines.join('\n').trimEnd();
}

/**
 * The design style of the operation whose head (first line: `get:`, `<wsdl:operation name=...>`) is under
 * the cursor, for the hover; undefined elsewhere.
 */
export function operationStyleMarkdown(s: DocumentSummary, isAt: (span: Span) => boolean): string | undefined {
  const ops = s.operations.filter((o) => o.uri === s.uri && isAt(o.span));
  if (!ops.length) return undefined;
  const op = ops.sort((a, b) => (a.span.end - a.span.start) - (b.span.end - b.span.start))[0];
  const f = op.styles.find((x) => x.style);
  if (!f) return undefined;
  const conf = f.confidence === 'certain' ? '' : ` *(${f.confidence})*`;
  const spec = f.spec ? ` — ${link(f.spec.title, f.spec.url)}` : '';
  const lines = [`**Design style of ${code(op.name)}: ${escapeMarkdown(f.value)}**${conf}`, '', `${escapeMarkdown(f.reason)}${spec}`];
  const doc = s.styles[0];
  if (doc && doc.style !== f.style) lines.push('', `The document as a whole: ${escapeMarkdown(doc.value)}.`);
  return lines.join('\n');
}
