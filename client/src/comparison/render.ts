/**
 * The comparison view's HTML, as a pure function of the server's data (no vscode import, so tests can
 * call it). Security: a strict Content-Security-Policy (no default source, styles only from the
 * extension's media folder, scripts only with this render's nonce, nothing remote), and EVERY string that
 * comes from a document goes through escapeHtml, attributes included. Accessibility: real tables with
 * captions and header scopes, real buttons for every link to source, labelled regions.
 */
import type { DocumentSummary, Evidence, Fact, OperationSummary } from '../../../server/src/analysis/summary';
import type { Comparison } from '../../../server/src/analysis/compare';

export interface Assets {
  /** webview.cspSource */
  cspSource: string;
  /** A fresh random nonce per render. */
  nonce: string;
  /** URIs (as strings) of media/comparison.css and media/comparison.js inside the webview. */
  styleUri: string;
  scriptUri: string;
}

export type ViewModel =
  | { mode: 'single'; summary: DocumentSummary; label: string; canCompare: boolean }
  | { mode: 'pair'; comparison: Comparison; leftLabel: string; rightLabel: string }
  | { mode: 'empty'; message: string };

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };
/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"'`]/g, (c) => ESC[c]);
}

const KIND_NAMES: Record<DocumentSummary['kind'], string> = {
  wsdl11: 'WSDL 1.1', wsdl20: 'WSDL 2.0', swagger2: 'Swagger 2.0', oas30: 'OpenAPI 3.0', oas31: 'OpenAPI 3.1', oas32: 'OpenAPI 3.2',
};

/** A button that reveals a source range; plain text when the fact has no location. */
function sourceButton(label: string, where: { uri: string; range?: Evidence['range'] } | undefined, describe: string): string {
  if (!where?.range) return `<span>${escapeHtml(label)}</span>`;
  const r = where.range;
  const line = r.start.line + 1;
  return `<button type="button" class="source" data-uri="${escapeHtml(where.uri)}" data-sl="${r.start.line}" data-sc="${r.start.character}" data-el="${r.end.line}" data-ec="${r.end.character}"`
    + ` aria-label="${escapeHtml(`${describe}: ${label}, go to line ${line}`)}" title="${escapeHtml(`Go to line ${line}`)}">${escapeHtml(label)}</button>`;
}

function factItem(f: Fact, what: string, notes = false): string {
  const conf = f.confidence === 'certain' ? '' : ` <span class="confidence">(${escapeHtml(f.confidence)})</span>`;
  const more = f.evidence.length > 1
    ? ` <span class="more">also at ${f.evidence.slice(1, 6).map((e, i) => sourceButton(`#${i + 2}`, e, `${what} ${f.value}, evidence ${i + 2}`)).join(' ')}${f.evidence.length > 6 ? ' …' : ''}</span>`
    : '';
  const spec = f.spec ? ` <span class="sub">— see</span> <a href="${escapeHtml(f.spec.url)}" class="spec">${escapeHtml(f.spec.title)}</a>` : '';
  const noteList = notes && f.notes?.length ? `<ul class="notes">${f.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  return `<li>${sourceButton(f.value, f.evidence[0], what)}${conf}: <span class="reason">${escapeHtml(f.reason)}</span>${more}${spec}${noteList}</li>`;
}

function factList(facts: Fact[], what: string, notes = false): string {
  if (!facts.length) return '<p class="none">None found in this document.</p>';
  return `<ul class="facts">${facts.map((f) => factItem(f, what, notes)).join('')}</ul>`;
}

function endpointList(s: DocumentSummary): string {
  if (!s.endpoints.length) return '';
  const items = s.endpoints.slice(0, 12).map((e) => {
    const label = `${e.url} (${e.protocol}${e.soapVersion ? `, SOAP ${e.soapVersion}` : ''})`;
    return `<li>${sourceButton(label, e, 'Endpoint')}</li>`;
  });
  return `<p class="sub">Endpoints:</p><ul class="facts">${items.join('')}${s.endpoints.length > 12 ? `<li>… and ${s.endpoints.length - 12} more</li>` : ''}</ul>`;
}

function weightText(s: DocumentSummary): string {
  const w = s.weight;
  const size = w.bytes ? `, ${escapeHtml((w.bytes / 1024).toFixed(1))} KB` : '';
  const bound = w.bindingOperations !== undefined && w.bindingOperations !== w.operations ? ` (bound ${w.bindingOperations} time${w.bindingOperations === 1 ? '' : 's'})` : '';
  return `<ul class="facts"><li>${w.operations} operation(s)${bound}</li><li>${w.messages} message(s)</li><li>${w.schemaTypes} named schema type(s)${size}</li>`
    + `<li>${w.envelope ? 'Every message travels in a SOAP envelope (XML)' : s.operations.some((o) => o.soapVersion) ? 'SOAP bindings wrap each message in an envelope; the other bindings send the payload bare' : 'No envelope: the HTTP body is the payload'}</li></ul>`;
}

function scopeText(s: DocumentSummary): string {
  const name = KIND_NAMES[s.kind];
  const kind = name.endsWith(s.version) ? name : `${name} (${escapeHtml(s.version)})`;
  return s.scope === 'web-service'
    ? `<strong>Web service</strong>: a ${kind} contract. Every web service is an API; this one is defined contract-first, message by message.`
    : `<strong>API</strong>, not a WSDL web service: a ${kind} description of HTTP paths, methods and media types.`;
}

/** The article's six dimensions; the general columns are our own, more precise wording. */
const DIMENSIONS: { key: string; name: string; api: string; ws: string; cell: (s: DocumentSummary) => string }[] = [
  {
    key: 'scope', name: 'Scope',
    api: 'Any interface one program offers another. Not every API is a web service.',
    ws: 'An API reached over a network through a WSDL contract and SOAP messages. Every web service is an API.',
    cell: scopeText,
  },
  {
    key: 'formats', name: 'Message formats',
    api: 'Any format, chosen per media type: JSON, XML, form data, binary, several at once.',
    ws: 'XML in a SOAP envelope; binary via MTOM/MIME attachments. A WSDL 2.0 HTTP binding can describe other serialisations.',
    cell: (s) => factList(s.formats, 'Format'),
  },
  {
    key: 'protocol', name: 'Protocol and transport security',
    api: 'HTTP or HTTPS; HTTPS is a property of each server URL.',
    ws: 'SOAP 1.1 or 1.2, nearly always over HTTP or HTTPS (the endpoint address decides); bindings may name other transports such as JMS or SMTP.',
    cell: (s) => factList(s.protocols, 'Protocol') + endpointList(s) + (s.security.length ? `<p class="sub">Security:</p>${factList(s.security, 'Security')}` : ''),
  },
  {
    key: 'weight', name: 'Architecture weight',
    api: 'Light: a path, a method, a body; a schema is optional.',
    ws: 'Heavier: messages, port types, bindings and services, an XML Schema for each message, an envelope around each.',
    cell: weightText,
  },
  {
    key: 'styles', name: 'Design styles',
    api: 'REST, GraphQL, RPC over HTTP (JSON-RPC, XML-RPC, action URLs), webhooks.',
    ws: 'SOAP document/literal or rpc (literal, or the legacy encoded); REST and XML-RPC services are often called web services too.',
    cell: (s) => factList(s.styles, 'Design style', true),
  },
  {
    key: 'clients', name: 'Who can call it',
    api: 'Any client that speaks HTTP and parses the format (JSON, XML, …).',
    ws: 'SOAP toolkits that read the WSDL, or code that builds the XML envelope by hand.',
    cell: (s) => s.clients.length ? `<ul class="facts">${s.clients.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>` : '<p class="none">—</p>',
  },
];

/** How an operation is reached: its SOAP binding (every SOAP call is a POST, so the method says nothing), or method and path. */
function how(o: OperationSummary): string {
  if (o.soapVersion) return `SOAP ${o.soapVersion}${o.binding ? ` (${o.binding})` : ''}`;
  return o.method ? `${o.method}${o.path !== undefined ? ` ${o.path}` : ''}` : '';
}

function opRow(o: OperationSummary): string {
  const http = how(o) || '—';
  const style = o.styles.map((s) => s.value).join(', ') || '—';
  const media = [...new Set([...o.requestMediaTypes, ...o.responseMediaTypes])].join(', ') || (o.soapVersion ? 'XML (SOAP envelope)' : '—');
  const origin = o.origin !== 'operation' ? ` <span class="badge">${escapeHtml(o.origin)}</span>` : '';
  return `<tr><th scope="row">${sourceButton(o.name, o, 'Operation')}${origin}</th><td>${escapeHtml(http)}</td><td>${escapeHtml(style)}</td><td>${escapeHtml(media)}</td></tr>`;
}

const MAX_OPS = 300;

function operationsTable(s: DocumentSummary): string {
  if (!s.operations.length) return '';
  const rows = s.operations.slice(0, MAX_OPS).map(opRow).join('');
  const more = s.operations.length > MAX_OPS ? `<p>… and ${s.operations.length - MAX_OPS} more operations.</p>` : '';
  return `<section aria-labelledby="ops-h"><h2 id="ops-h">Operations</h2><table class="ops"><caption>Each operation of this document, with its binding or HTTP method and path, its design style and media types</caption>`
    + `<thead><tr><th scope="col">Operation</th><th scope="col">Method and path, or binding</th><th scope="col">Style</th><th scope="col">Media types</th></tr></thead><tbody>${rows}</tbody></table>${more}</section>`;
}

function page(a: Assets, title: string, body: string): string {
  const csp = [
    "default-src 'none'",
    `style-src ${a.cspSource}`,
    `script-src 'nonce-${a.nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(a.styleUri)}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main>
${body}
</main>
<script nonce="${escapeHtml(a.nonce)}" src="${escapeHtml(a.scriptUri)}"></script>
</body>
</html>`;
}

/** One sentence: web service or API, and in which style, in the article's terms made precise. */
function verdict(s: DocumentSummary): string {
  const main = s.styles[0];
  const style = main ? escapeHtml(main.value) : 'no recognisable style';
  return s.scope === 'web-service'
    ? `A <strong>web service</strong> (and so also an API): ${style}, described contract-first in WSDL.`
    : `An <strong>API</strong> that is not a WSDL web service: ${style}.`;
}

function single(a: Assets, s: DocumentSummary, label: string, canCompare: boolean): string {
  const title = s.title ? `${s.title} — ${label}` : label;
  // This document's column comes first: it is what the reader came for; the general columns give the yardstick.
  const rows = DIMENSIONS.map((d) => `<tr id="dim-${d.key}"><th scope="row">${escapeHtml(d.name)}</th><td class="this">${d.cell(s)}</td><td class="general">${escapeHtml(d.api)}</td><td class="general">${escapeHtml(d.ws)}</td></tr>`).join('\n');
  const actions = `<div class="actions">${canCompare ? '<button type="button" class="action" data-action="pickOther">Compare with another open document…</button>' : ''}</div>`;
  const body = `<header><h1>${escapeHtml(s.headline)}</h1><p class="doc">${escapeHtml(title)}</p><p class="verdict">${verdict(s)}</p>${actions}</header>
<section aria-labelledby="cmp-h"><h2 id="cmp-h">API or web service?</h2>
<table class="compare"><caption>This document compared with APIs in general and with WSDL/SOAP web services, in six dimensions</caption>
<thead><tr><th scope="col">Dimension</th><th scope="col">This document</th><th scope="col">APIs in general</th><th scope="col">Web services (WSDL/SOAP)</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>
${operationsTable(s)}`;
  return page(a, `API Lens: ${title}`, body);
}

function opCell(s: DocumentSummary, idx: number[]): string {
  if (!idx.length) return '<span class="none">(not in this document)</span>';
  return idx.map((i) => {
    const o = s.operations[i];
    return `<div>${sourceButton(o.name, o, 'Operation')} <span class="sub">${escapeHtml(how(o))}</span></div>`;
  }).join('');
}

function styleCell(s: DocumentSummary, idx: number[]): string {
  return escapeHtml([...new Set(idx.flatMap((i) => s.operations[i].styles.map((f) => f.value)))].join(', ') || '—');
}

function pair(a: Assets, c: Comparison, leftLabel: string, rightLabel: string): string {
  const L = c.left, R = c.right;
  const rows = DIMENSIONS.map((d) => `<tr><th scope="row">${escapeHtml(d.name)}</th><td>${d.cell(L)}</td><td>${d.cell(R)}</td></tr>`).join('\n');
  const paired = c.pairs.filter((p) => p.left.length && p.right.length).length;
  const opRows = c.pairs.slice(0, MAX_OPS).map((p) => `<tr><td>${opCell(L, p.left)}</td><td>${styleCell(L, p.left)}</td><td>${opCell(R, p.right)}</td><td>${styleCell(R, p.right)}</td></tr>`).join('');
  const body = `<header><h1>${escapeHtml(leftLabel)} and ${escapeHtml(rightLabel)}</h1>
<p class="doc">${escapeHtml(L.headline)} <span aria-hidden="true">|</span><span class="sr-only">compared with</span> ${escapeHtml(R.headline)}</p>
<div class="actions"><button type="button" class="action" data-action="single">Show only ${escapeHtml(leftLabel)}</button> <button type="button" class="action" data-action="pickOther">Compare with another document…</button></div></header>
<section aria-labelledby="cmp-h"><h2 id="cmp-h">Side by side</h2>
<table class="compare"><caption>The two documents in the six dimensions that tell an API from a web service</caption>
<thead><tr><th scope="col">Dimension</th><th scope="col">${escapeHtml(leftLabel)}</th><th scope="col">${escapeHtml(rightLabel)}</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>
<section aria-labelledby="ops-h"><h2 id="ops-h">Operations</h2>
<p>${paired} operation(s) paired by name (GetWeather, getWeather and get_weather count as the same) or, failing that, by what they do to which resource (opCheckAvailability and GET /availability/{date}); the rest exist on one side only.</p>
<table class="ops"><caption>Operations of both documents, paired by normalised name</caption>
<thead><tr><th scope="col">${escapeHtml(leftLabel)}</th><th scope="col">Style</th><th scope="col">${escapeHtml(rightLabel)}</th><th scope="col">Style</th></tr></thead>
<tbody>${opRows}</tbody></table></section>`;
  return page(a, `API Lens: ${leftLabel} and ${rightLabel}`, body);
}

export function renderComparison(a: Assets, vm: ViewModel): string {
  if (vm.mode === 'single') return single(a, vm.summary, vm.label, vm.canCompare);
  if (vm.mode === 'pair') return pair(a, vm.comparison, vm.leftLabel, vm.rightLabel);
  return page(a, 'API Lens', `<h1>API Lens</h1><p role="status">${escapeHtml(vm.message)}</p>`);
}
