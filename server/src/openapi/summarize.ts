/**
 * DocumentSummary of an OpenAPI / Swagger document: protocols (server URLs, Swagger 2 schemes), formats
 * (media types), security, endpoints, weight, and per-operation raw signals for analysis/classify.ts
 * (which names the design styles and the headline). Every fact carries the spans that prove it.
 */
import type { ArchitectureWeight, DocumentSummary, Endpoint, Evidence, Fact, OperationSummary } from '../analysis/summary';
import { copySpan, type Span } from '../core/text';
import type { JsonNode } from '../syntax/jsonTree';
import { formatOf, protocolMeaning, securityOnTheWire } from './knowledge';
import { specUrl, type MediaTypeModel, type OpenApiModel, type OperationModel, type ResolvedNode } from './model';
import { addChainReads, mapOffset, VOLATILE, type IncrementalRun } from './entries';

const MAX_HINT_NODES = 2000;

/**
 * A cached operation summary, kept as it was made (no copy per operation on a first analysis); `spans`: the
 * offsets of its spans in the text it was made on (the tree's spans move in place on an incremental re-parse),
 * in the order moveSummary() visits them; `reads`: the entries its `$ref`s reached.
 */
interface CachedOp { summary: OperationSummary; spans: number[]; reads: string[] }

/**
 * `run`: the incremental run of this analysis (openapi/entries.ts): an operation of an entry the edit left
 * alone (with everything its `$ref`s reach) keeps its summary, spans moved and ranges recomputed.
 */
/** `retain`: receives the summary's closures, to keep with the analysis (OpenApiAnalysed.retained). */
export function summarizeOpenApi(m: OpenApiModel, bytes: number, run?: IncrementalRun, retain?: unknown[]): DocumentSummary {
  const uri = m.uri;
  // `$ref` reads of the operation being summarised (incremental re-analysis).
  let reads: Set<string> | undefined;
  const swagger = m.kind === 'swagger2';
  const resolve = (n: JsonNode, from?: string) => {
    const r = m.resolver.resolve(n, from);
    if (reads) { if (r) { if (r.chain.length) addChainReads(r.chain, uri, swagger, reads); } else if (n.properties?.some((p) => p.key === '$ref')) reads.add(VOLATILE); }
    return r;
  };
  // Ranges are filled here from the model's LineIndex (the service fills only what is missing). Spans are copied:
  // a span of the tree is its node (syntax/jsonTree.ts), and a summary leaves the worker.
  const ev = (span: Span): Evidence => ({ uri, span: copySpan(span), range: m.lines.rangeOf(span) });
  const base = specUrl(m.kind, m.version);
  const label = m.kind === 'swagger2' ? 'Swagger 2.0' : `OpenAPI ${m.version}`;

  // ---- protocols and endpoints
  const byProto = new Map<string, Span[]>();
  const endpoints: Endpoint[] = [];
  for (const s of m.servers) {
    const l = byProto.get(s.protocol) ?? [];
    l.push(s.span);
    byProto.set(s.protocol, l);
    endpoints.push({ url: s.url, uri, span: copySpan(s.span), protocol: s.protocol, range: m.lines.rangeOf(s.span) });
  }
  const protocols: Fact[] = [...byProto].map(([p, spans]) => ({
    value: p, confidence: 'certain', evidence: spans.slice(0, 20).map(ev),
    reason: `${spans.length} ${m.kind === 'swagger2' ? (p === 'relative' ? 'host without schemes' : 'scheme entr' + (spans.length > 1 ? 'ies' : 'y')) : 'server URL' + (spans.length > 1 ? 's' : '')} ${p === 'relative' ? `${spans.length > 1 ? 'are' : 'is'} relative to the document location` : `${spans.length > 1 ? 'use' : 'uses'} ${p}`}: ${protocolMeaning(p)}.`,
    spec: { title: `${label}: ${m.kind === 'swagger2' ? 'Swagger Object (schemes, host)' : 'Server Object'}`, url: `${base}#${m.kind === 'swagger2' ? 'swagger-object' : 'server-object'}` },
  }));
  if (!protocols.length && m.root) {
    const s = m.versionProperty?.keySpan ?? { start: 0, end: 0 };
    protocols.push({ value: 'relative', confidence: 'possible', evidence: [ev(s)], reason: m.kind === 'swagger2' ? 'No schemes or host: the API is served from where this document is served (HTTP or HTTPS).' : 'No servers: the default server is "/", relative to where this document is served.', spec: { title: `${label}`, url: base } });
  }

  // ---- formats
  const byFormat = new Map<string, { spans: Span[]; types: Set<string> }>();
  const addMedia = (mt: MediaTypeModel) => {
    const format = formatName(mt.mediaType);
    const e = byFormat.get(format) ?? { spans: [], types: new Set<string>() };
    if (e.spans.length < 20) e.spans.push(mt.keySpan);
    e.types.add(mt.mediaType);
    byFormat.set(format, e);
  };
  const seenMedia = new Set<MediaTypeModel>();
  const eachMedia = (op: OperationModel, fn: (mt: MediaTypeModel, dir: 'request' | 'response') => void) => {
    if (m.kind === 'swagger2') {
      const hasBody = op.parameters.some((p) => p.in?.value === 'body' || p.in?.value === 'formData');
      if (hasBody) for (const mt of op.consumes) fn(mt, 'request');
      for (const mt of op.produces) fn(mt, 'response');
      return;
    }
    for (const mt of op.requestBody?.content ?? []) fn(mt, 'request');
    for (const r of op.responses) for (const mt of r.content) fn(mt, 'response');
  };
  for (const op of m.operations) eachMedia(op, (mt) => { if (!seenMedia.has(mt)) { seenMedia.add(mt); addMedia(mt); } });
  if (m.kind === 'swagger2') for (const mt of [...m.consumes, ...m.produces]) if (!seenMedia.has(mt)) { seenMedia.add(mt); addMedia(mt); }
  for (const c of m.components) {
    if ((c.section === 'requestBodies' || c.section === 'responses') && m.kind !== 'swagger2') {
      const content = c.node.properties?.find((p) => p.key === 'content')?.value;
      for (const p of content?.properties ?? []) addMedia({ mediaType: p.key, keySpan: p.keySpan, examples: [], source: 'content', pointer: '' });
    }
  }
  const formats: Fact[] = [...byFormat].map(([fmt, e]) => {
    const info = formatOf([...e.types][0]);
    return {
      value: fmt, confidence: 'certain', evidence: e.spans.map(ev),
      reason: `Media type${e.types.size > 1 ? 's' : ''} ${[...e.types].slice(0, 5).join(', ')}${e.types.size > 5 ? ', …' : ''}: ${info.what}.`,
      ...(info.link ? { spec: info.link } : {}),
    };
  });

  // ---- security
  const security: Fact[] = m.securitySchemes.map((s) => ({
    value: s.type?.value === 'http' && s.scheme ? `HTTP ${s.scheme.value}` : s.type?.value ?? 'unknown',
    confidence: 'certain', evidence: [ev(s.keySpan)],
    reason: `${s.name}: ${securityOnTheWire(s.type?.value, s.scheme?.value, s.in?.value, s.paramName?.value, s.flows).replace(/`/g, '')}`,
    spec: { title: `${label}: Security Scheme Object`, url: `${base}#security-scheme-object` },
  }));

  // ---- operations
  const region = run?.plan?.region;
  const summaryOf = (op: OperationModel): OperationSummary => {
    const entry = run?.entryAt(op.pathItem.keySpan.start);
    if (!run || !entry || op.pathItem.uri !== uri) return summarise(op);
    const key = op.methodSpan.start;
    const next = run.nextRecord('summary', entry);
    const ops = (next.extra ??= new Map<number, CachedOp>()) as Map<number, CachedOp>;
    if (ops.has(key)) return summarise(op); // the same operation reached twice: summarised, not cached
    {
      const prev = run.reused('summary', entry, true);
      const old = (prev?.extra as Map<number, CachedOp> | undefined)?.get(run.previousOffset(key));
      if (old && region && !old.reads.some((k) => k === VOLATILE || run.plan!.dirtyKeys.has(k))) {
        const was = old.spans;
        let i = 0;
        const moved = moveSummary(old.summary, () => { const sp = { start: mapOffset(was[i], region), end: mapOffset(was[i + 1], region) }; i += 2; return sp; }, m);
        // Cached as it is: nothing changes a summary's lists afterwards (classify replaces `styles`, which the
        // next move empties again), and the next move recomputes its ranges.
        ops.set(key, { summary: moved, spans: spansOf(moved, uri), reads: old.reads });
        for (const k of old.reads) (next.reads ??= new Set()).add(k);
        return moved;
      }
    }
    const mine = reads = new Set();
    try {
      const o = summarise(op);
      ops.set(key, { summary: o, spans: spansOf(o, uri), reads: [...mine] });
      for (const k of mine) (next.reads ??= new Set()).add(k);
      return o;
    } finally { reads = undefined; }
  };
  const summarise = (op: OperationModel): OperationSummary => {
    const req: string[] = [];
    const res: string[] = [];
    eachMedia(op, (mt, dir) => (dir === 'request' ? req : res).push(mt.mediaType));
    const headerNames: string[] = [];
    for (const p of op.parameters) if (p.name && (p.in?.value === 'header' || /soapaction/i.test(p.name.value))) headerNames.push(p.name.value);
    for (const r of op.responses) for (const h of r.headers) headerNames.push(h.name);
    const hypermedia = op.responses.some((r) => r.links.length > 0 || r.headers.some((h) => h.name.toLowerCase() === 'link') ||
      r.content.some((c) => /hal\+json|vnd\.api\+json/.test(c.mediaType) || hasProperty(c.schema, '_links', resolve)));
    const bodyHints = new Set<string>();
    const bodies: (JsonNode | undefined)[] = [];
    if (m.kind === 'swagger2') bodies.push(op.requestBody?.schema);
    for (const mt of op.requestBody?.content ?? []) bodies.push(mt.schema, mt.example, ...mt.examples);
    for (const b of bodies) if (b) hintsOf(b, resolve, bodyHints);
    const name = op.operationId?.value ?? `${op.method.toUpperCase()} ${op.path}`;
    const protos = op.servers.length ? op.servers : m.servers;
    return {
      name, uri, span: copySpan(op.methodSpan), range: m.lines.rangeOf(op.methodSpan), origin: op.origin, method: op.method.toUpperCase(), path: op.path,
      requestMediaTypes: [...new Set(req)], responseMediaTypes: [...new Set(res)], statusCodes: op.responses.map((r) => r.status),
      headerNames, hasRequestBody: carriesData(op, m, resolve), hypermedia, bodyHints: [...bodyHints],
      protocols: [...new Set(protos.map((s) => s.protocol))].map((p) => ({ value: p, confidence: 'certain' as const, reason: `Served over ${p}.`, evidence: protos.filter((s) => s.protocol === p).slice(0, 3).map((s) => ev(s.span)) })),
      formats: [...new Set([...req, ...res].map(formatName))].map((f) => ({ value: f, confidence: 'certain' as const, reason: `Its media types include ${f}.`, evidence: [ev(op.methodSpan)] })),
      styles: [],
    };
  };
  retain?.push(resolve, ev, addMedia, eachMedia, summaryOf, summarise);
  const operations: OperationSummary[] = m.operations.map(summaryOf);

  const weight: ArchitectureWeight = {
    operations: m.operations.length,
    messages: m.operations.reduce((n, o) => n + (o.requestBody ? 1 : 0) + o.responses.length, 0),
    schemaTypes: m.components.filter((c) => c.section === 'schemas' || c.section === 'definitions').length,
    envelope: false,
    bytes,
  };
  const headline = [formats[0]?.value, protocols.map((p) => p.value).join('/')].filter(Boolean).join(' · ');
  return {
    uri, kind: m.kind, version: m.version, title: m.title?.value, scope: 'api', protocols, formats, styles: [], security,
    endpoints, operations, weight, clients: [], headline,
  };
}

/** formatOf(mediaType).format, remembered: a summary asks it for every media type of every operation. */
function formatName(mediaType: string): string {
  let f = formatNames.get(mediaType);
  if (f === undefined) {
    if (formatNames.size > 10_000) formatNames.clear();
    formatNames.set(mediaType, f = formatOf(mediaType).format);
  }
  return f;
}
const formatNames = new Map<string, string>();

/** Whether a schema (after local refs) declares a property, looking only a few levels in. */
type Resolve = (n: JsonNode, from?: string) => ResolvedNode | undefined;

/**
 * A copy of an operation summary with its spans from `at` (called once per span of this document, in the order
 * spansOf() lists them) and ranges from the model's lines; `styles` empty again (analysis/classify.ts fills them
 * on each summary).
 */
function moveSummary(o: OperationSummary, at: (s: Span) => Span, m: OpenApiModel): OperationSummary {
  const span = at(o.span);
  return {
    // The lists of names are shared: nothing changes them once made (classify only reads them).
    ...o, span, range: m.lines.rangeOf(span),
    protocols: movedFacts(o.protocols, at, m), formats: movedFacts(o.formats, at, m), styles: [],
  };
}

function movedFacts(fs: Fact[], at: (s: Span) => Span, m: OpenApiModel): Fact[] {
  const out: Fact[] = [];
  for (const f of fs) {
    const evidence: Evidence[] = [];
    for (const e of f.evidence) {
      if (e.uri !== m.uri) { evidence.push({ ...e }); continue; }
      const span = at(e.span);
      evidence.push({ ...e, span, range: m.lines.rangeOf(span) });
    }
    out.push({ ...f, evidence });
  }
  return out;
}

/** The offsets of a summary's spans in this document, in moveSummary()'s order. */
function spansOf(o: OperationSummary, uri: string): number[] {
  const out = [o.span.start, o.span.end];
  addEvidenceSpans(o.protocols, uri, out);
  addEvidenceSpans(o.formats, uri, out);
  return out;
}

function addEvidenceSpans(fs: Fact[], uri: string, out: number[]): void {
  for (const f of fs) for (const e of f.evidence) if (e.uri === uri) out.push(e.span.start, e.span.end);
}

function hasProperty(schema: JsonNode | undefined, name: string, resolve: Resolve): boolean {
  return declares(schema, name, resolve, 0, { left: 200 });
}

function declares(n: JsonNode | undefined, name: string, resolve: Resolve, depth: number, budget: { left: number }): boolean {
  if (!n || --budget.left < 0 || depth > 4 || n.type !== 'object') return false;
  const r = resolve(n);
  const s = r?.node ?? n;
  const props = s.properties;
  if (props === undefined) return false;
  for (let i = 0; i < props.length; i++) {
    const p = props[i];
    if (p.key === 'properties') { const named = p.value.properties; if (named) for (let j = 0; j < named.length; j++) if (named[j].key === name) return true; }
    if (p.key === 'allOf' || p.key === 'oneOf' || p.key === 'anyOf') for (const it of p.value.items ?? []) if (declares(it, name, resolve, depth + 1, budget)) return true;
  }
  return false;
}

/** Body hints from a schema or example: XML-RPC methodCall, JSON-RPC envelope, GraphQL query, SOAP Envelope. */
function hintsOf(root: JsonNode, resolve: Resolve, out: Set<string>): void {
  let budget = MAX_HINT_NODES;
  const stack: JsonNode[] = [root];
  const seen = new Set<JsonNode>();
  while (stack.length && --budget > 0) {
    let n = stack.pop()!;
    if (n.type === 'object' && hasRefKey(n)) {
      const r = resolve(n);
      if (!r) continue;
      n = r.node;
    }
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.type === 'string') {
      const v = String(n.value);
      // Each test needs one character most strings (descriptions, names) lack: looked for first.
      if (v.indexOf('<') >= 0) {
        if (/<methodCall[\s>]/.test(v)) out.add('methodCall');
        if (/<(\w+:)?Envelope[\s>]/.test(v) && /soap/i.test(v)) out.add('soap-envelope');
      }
      if (v.indexOf('"') >= 0 && /"jsonrpc"\s*:/.test(v)) out.add('jsonrpc');
      if (v.indexOf('{') >= 0 && /^\s*(query|mutation|subscription)?\s*[{]/.test(v) && /\{[\s\S]*\}/.test(v) && v.length < 5000 && /\b(query|mutation)\b/.test(v)) out.add('graphql-query');
      continue;
    }
    const props = n.properties;
    if (props !== undefined) for (let i = 0; i < props.length; i++) {
      const p = props[i];
      const k = p.key;
      if (k === 'methodCall' || (k === 'name' && p.value.value === 'methodCall')) out.add('methodCall');
      if (k === 'jsonrpc') out.add('jsonrpc');
      if (k === 'Envelope' || (k === 'name' && p.value.value === 'Envelope')) out.add('soap-envelope');
      if (k === 'query' && n.properties!.some((q) => q.key === 'variables' || q.key === 'operationName')) out.add('graphql-query');
      if (p.value.type === 'object' || p.value.type === 'array' || p.value.type === 'string') stack.push(p.value);
    }
    const items = n.items;
    if (items !== undefined) for (let i = 0; i < items.length; i++) stack.push(items[i]);
  }
}

function hasRefKey(n: JsonNode): boolean {
  const props = n.properties;
  if (props !== undefined) for (let i = 0; i < props.length; i++) if (props[i].key === '$ref') return true;
  return false;
}

/**
 * Whether the operation's request body can carry data. An optional body whose every schema admits only the
 * empty object (Stripe declares `{type: object, properties: {}, additionalProperties: false}` on ~200 GETs)
 * carries nothing: a GET that may send an empty form is not the smell style-body-on-get names.
 */
function carriesData(op: OperationModel, m: OpenApiModel, resolve: Resolve): boolean {
  const rb = op.requestBody;
  if (!rb) return false;
  if (rb.required?.value === true) return true;
  const schemas = m.kind === 'swagger2' ? [rb.schema] : rb.content.map((c) => c.schema);
  return schemas.some((s) => !onlyEmptyObject(s, rb.uri, resolve));
}

/** A schema (through `$ref`s) that admits only `{}`: no properties, and no others allowed, or maxProperties 0. */
function onlyEmptyObject(schema: JsonNode | undefined, uri: string, resolve: Resolve): boolean {
  const s = schema && (resolve(schema, uri)?.node ?? schema);
  if (!s || s.type !== 'object' || !s.properties) return false;
  let closed = false;
  for (const p of s.properties) {
    const v = p.value;
    switch (p.key) {
      case 'type': if (v.value !== 'object') return false; break;
      case 'properties': if (v.type !== 'object' || (v.properties?.length ?? 0) > 0) return false; break;
      case 'additionalProperties': if (v.value === false) closed = true; else return false; break;
      case 'maxProperties': if (v.value === 0) closed = true; break;
      case 'description': case 'title': case 'example': case 'examples': case 'deprecated': break;
      default: if (!p.key.startsWith('x-')) return false; // patternProperties, allOf, oneOf ...: may admit data
    }
  }
  return closed;
}
