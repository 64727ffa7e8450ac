/**
 * Design-style classification: turns a dialect's raw per-operation signals into design styles with
 * reasons, evidence and confidence, then the document's styles ("mixed" when several apply, with the
 * operations that make each), its headline and the clients that can consume it.
 *
 * Order of evidence, strongest first: what the contract says outright (a SOAP binding's style/use, a
 * WSDL 2.0 HTTP binding), payload hints (an XML-RPC methodCall, a JSON-RPC envelope, a GraphQL query),
 * media types and headers (application/soap+xml, SOAPAction), and last the shape of paths and methods
 * (verbs in paths, POST for everything), which is a heuristic and says so in its confidence.
 */
import type { Confidence, DocumentSummary, Evidence, Fact, OperationSummary, StyleId } from './summary';
import { SPEC } from './specLinks';
import { verbsInPath, verbOfName, type VerbHit } from './pathVerbs';

const MAX_EVIDENCE = 50;

// ---- per-operation signals -------------------------------------------------------------------------

const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());
const mediaTypes = (op: OperationSummary) => [...op.requestMediaTypes, ...op.responseMediaTypes].map((m) => m.toLowerCase().split(';')[0].trim());
const isXmlMedia = (m: string) => m === 'text/xml' || m === 'application/xml' || m.endsWith('+xml');
const isJsonMedia = (m: string) => m === 'application/json' || m.endsWith('+json') || m === 'text/json';
const pathEnds = (op: OperationSummary, re: RegExp) => !!op.path && re.test(withoutTrailingSlashes(op.path));
/** `path.replace(/\/+$/, '')` without the regular expression (it retries at every slash: asked ~4 times per operation). */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47 /* / */) end--;
  return end === path.length ? path : path.slice(0, end);
}
const ev = (op: OperationSummary): Evidence => ({ uri: op.uri, span: op.span });
const isHttpOp = (op: OperationSummary) => !op.soapVersion && !!op.method;

/** The verbs in an operation's path, or (when the path has none) a leading verb in its name for POST. */
export function operationVerbs(op: OperationSummary): VerbHit[] {
  return op.path ? verbsInPath(op.path) : [];
}

/** SOAP (WSDL binding) style of one operation. */
function soapStyle(op: OperationSummary, kind: DocumentSummary['kind']): Fact {
  const style = op.bindingStyle ?? 'document';
  // WSDL 2.0's SOAP binding has no encoded use: it is always literal.
  const use = kind === 'wsdl20' ? 'literal' : op.use ?? 'literal';
  const id = `soap-${style}-${use}` as StyleId;
  const v = `SOAP ${op.soapVersion}`;
  const said = kind === 'wsdl20'
    ? [style === 'rpc' ? 'the interface operation declares the RPC style (wrpc)' : 'the interface operation declares no RPC style, so the message element itself is the Body content', 'WSDL 2.0 SOAP bindings are always literal']
    : [
      op.bindingStyle ? `the binding says style="${op.bindingStyle}"` : `no style attribute, so the default style="document" applies`,
      op.use ? `soap:body says use="${op.use}"` : 'no use attribute, so literal is assumed',
    ];
  let meaning: string;
  let spec = kind === 'wsdl20' ? (style === 'rpc' ? SPEC.wsdl20Rpc : SPEC.wsdl20Soap) : SPEC.wsdl11Soap;
  if (style === 'document' && use === 'literal') meaning = 'the SOAP Body carries the XML elements defined by the schema, as they are';
  else if (style === 'rpc' && use === 'literal') meaning = 'the SOAP Body holds one wrapper element named after the operation, with one child per message part, each defined by the schema';
  else if (use === 'encoded') {
    meaning = `parts are serialised with SOAP Encoding (type-annotated, graph-capable) rather than by the schema; WS-I Basic Profile forbids it and many current toolkits do not support it`;
    spec = SPEC.wsiLiteral;
  } else meaning = 'an unusual combination';
  return {
    value: `SOAP ${style}/${use}`, style: id, confidence: 'certain',
    reason: `${v} operation: ${said.join(' and ')}, which means ${meaning}.`,
    evidence: [ev(op)], spec, operations: [op.name],
  };
}

/** Style of one operation from its own signals (document-level REST/RPC judgement comes later). */
function operationStyle(op: OperationSummary, kind: DocumentSummary['kind']): Fact | undefined {
  if (op.origin === 'webhook') {
    return { value: 'Webhook', style: 'webhook', confidence: 'certain', reason: `Declared under webhooks: the API sends this request to a URL the consumer registers, not the other way round.`, evidence: [ev(op)], spec: SPEC.oasWebhooks, operations: [op.name] };
  }
  if (op.origin === 'callback') {
    return { value: 'Callback', style: 'callback', confidence: 'certain', reason: `Declared as a callback: after a request to this API, the API calls back a URL taken from that request (a runtime expression).`, evidence: [ev(op)], spec: SPEC.oasCallbacks, operations: [op.name] };
  }
  if (op.soapVersion) return soapStyle(op, kind);
  if (!op.method && !op.path) {
    if (kind === 'wsdl11' || kind === 'wsdl20') {
      return { value: 'Abstract operation (no binding)', style: 'abstract', confidence: 'certain', reason: `No binding gives this operation a protocol, so its wire format and style are not defined by this document.`, evidence: [ev(op)], operations: [op.name] };
    }
    return undefined;
  }
  if (kind === 'wsdl20' || kind === 'wsdl11') {
    const v11 = kind === 'wsdl11';
    return {
      value: v11 ? 'HTTP binding (WSDL 1.1)' : 'HTTP binding (REST-like)', style: 'wsdl-http-binding', confidence: 'certain',
      reason: v11
        ? `A WSDL 1.1 HTTP binding sends ${op.method ?? 'HTTP'} requests to the location "${op.path ?? ''}" without a SOAP envelope: plain HTTP, usually one URL per operation (RPC over HTTP).`
        : `A WSDL 2.0 HTTP binding maps the operation to ${op.method ?? 'an HTTP method'} on the URI template "${op.path ?? ''}" without a SOAP envelope: REST-like, as far as the method and the template are chosen for the resource.`,
      evidence: [ev(op)], spec: v11 ? SPEC.wsdl11Http : SPEC.wsdl20Http, operations: [op.name],
    };
  }
  const hints = lower(op.bodyHints);
  const headers = lower(op.headerNames);
  const media = mediaTypes(op);
  const method = (op.method ?? '').toUpperCase();

  // SOAP through an OpenAPI document.
  const soapHeader = headers.includes('soapaction');
  const soap12Media = media.includes('application/soap+xml');
  // text/xml POSTed to a SOAP-looking endpoint (Service.asmx, .svc, /soap) is SOAP 1.1 as .NET and WCF publish it.
  const soapPath = method === 'POST' && op.requestMediaTypes.some((m) => m.toLowerCase().startsWith('text/xml')) && pathEnds(op, /(\.asmx|\.svc|\/soap(11|12)?|\/services?\/[^/]+)$/i);
  if (hints.includes('soap-envelope') || soap12Media || soapHeader || soapPath) {
    const seen: string[] = [];
    if (soapPath && !soapHeader && !soap12Media && !hints.includes('soap-envelope')) {
      return {
        value: 'SOAP over HTTP (tunnelled)', style: 'soap-tunnel', confidence: 'possible',
        reason: `A POST of text/xml to "${op.path}", a typical SOAP endpoint; no envelope or SOAPAction header was declared to confirm it.`,
        evidence: [ev(op)], spec: SPEC.soap11Http, operations: [op.name],
      };
    }
    if (hints.includes('soap-envelope')) seen.push('a SOAP Envelope in the body schema or example');
    if (soap12Media) seen.push('the SOAP 1.2 media type application/soap+xml');
    if (soapHeader) seen.push('a SOAPAction header (SOAP 1.1)');
    const conf: Confidence = hints.includes('soap-envelope') || soap12Media ? 'certain' : 'likely';
    return {
      value: 'SOAP over HTTP (tunnelled)', style: 'soap-tunnel', confidence: conf,
      reason: `${method || 'This'} operation carries SOAP: ${seen.join(', ')}. OpenAPI describes only the HTTP request; the operation is named inside the envelope${soapHeader ? ' and by SOAPAction' : ''}, not by the URL or method.`,
      evidence: [ev(op)], spec: soap12Media ? SPEC.soap12Http : SPEC.soap11Http, operations: [op.name],
    };
  }
  if (hints.includes('methodcall') || (pathEnds(op, /\/(rpc2|xml-?rpc)$/i) && method === 'POST' && media.some(isXmlMedia))) {
    const certain = hints.includes('methodcall');
    return {
      value: 'XML-RPC', style: 'xml-rpc', confidence: certain ? 'certain' : 'likely',
      reason: certain
        ? `The request body is an XML-RPC <methodCall> (a methodName and params): the procedure is named in the body and every call is a POST to one URL.`
        : `A POST of XML to "${op.path}", the conventional XML-RPC endpoint name; no <methodCall> body was seen to confirm it.`,
      evidence: [ev(op)], spec: SPEC.xmlRpc, operations: [op.name],
    };
  }
  if (hints.includes('jsonrpc') || (pathEnds(op, /\/json-?rpc$/i) && method === 'POST')) {
    const certain = hints.includes('jsonrpc');
    return {
      value: 'JSON-RPC', style: 'json-rpc', confidence: certain ? 'certain' : 'likely',
      reason: certain
        ? `The body has the JSON-RPC envelope ("jsonrpc", "method", "params", "id"): the procedure is named in the body, so the URL and method say nothing about it.`
        : `A POST to "${op.path}", the conventional JSON-RPC endpoint name; no "jsonrpc" member was seen in the body to confirm it.`,
      evidence: [ev(op)], spec: SPEC.jsonRpc, operations: [op.name],
    };
  }
  const gqlMedia = media.some((m) => m === 'application/graphql' || m === 'application/graphql-response+json');
  if (hints.includes('graphql-query') || gqlMedia || pathEnds(op, /\/graphql$/i)) {
    const seen: string[] = [];
    if (hints.includes('graphql-query')) seen.push('a "query" member holding a GraphQL document');
    if (gqlMedia) seen.push('a GraphQL media type');
    if (pathEnds(op, /\/graphql$/i)) seen.push(`the path "${op.path}"`);
    return {
      value: 'GraphQL over HTTP', style: 'graphql', confidence: hints.includes('graphql-query') || gqlMedia ? 'certain' : 'likely',
      reason: `${seen.join(', ').replace(/^./, (c) => c.toUpperCase())}: one endpoint takes a query that selects the data, so operations are defined by the GraphQL schema, not by this document's paths.`,
      evidence: [ev(op)], spec: SPEC.graphqlHttp, operations: [op.name],
    };
  }
  const verbs = operationVerbs(op);
  if (verbs.length) {
    const h = verbs[0];
    return {
      value: 'RPC over HTTP', style: 'rpc-http', confidence: 'likely',
      reason: `The path segment "${h.segment}" names an action (${h.verb}) rather than a resource; the HTTP method${method ? ` ${method}` : ''} then repeats or contradicts it.`,
      evidence: [ev(op)], spec: SPEC.restResources, operations: [op.name],
    };
  }
  return {
    value: 'REST', style: 'rest', confidence: 'possible',
    reason: `${method} on the resource path "${op.path ?? ''}": the method says what is done, the path names what it is done to.`,
    evidence: [ev(op)], spec: SPEC.restUniformInterface, operations: [op.name],
  };
}

// ---- Richardson maturity of the plain HTTP operations -------------------------------------------------

const GENERIC_STATUS = new Set(['200', 'default', '2xx', '2XX']);
/** Paths that name an entry point rather than a resource. */
const TUNNEL_PATH = /^\/?$|\/(api|gateway|services?|endpoint|rpc|soap|ws|invoke|execute|command|actions?|dispatch|call)\/?$|\.(asmx|php|cgi|aspx|svc|do|jsp|ashx)\/?$/i;

interface Maturity {
  level: 0 | 1 | 2 | 3;
  notes: string[];
  confidence: Confidence;
  postOnly: boolean;
  singleEndpoint: boolean;
}

/** Richardson levels (Fowler's summary of L. Richardson's model), each criterion noted as met or missed. */
export function richardson(ops: OperationSummary[]): Maturity {
  const paths = new Set(ops.map((o) => o.path ?? ''));
  const methods = new Set(ops.map((o) => (o.method ?? '').toUpperCase()));
  const notes: string[] = [];
  const singleEndpoint = paths.size <= 1;
  // One POST alone says little (POST /pets may well create a pet): POST-only needs two operations, and a
  // lone POST is a level-0 tunnel only on a path that names no resource (/, /api, /gateway, *.asmx, ...).
  const postOnly = methods.size === 1 && methods.has('POST') && ops.length > 1;
  const lonePostTunnel = ops.length === 1 && methods.has('POST') && TUNNEL_PATH.test(ops[0].path ?? '/');
  if (singleEndpoint && (postOnly || lonePostTunnel || ops.length > 1 && methods.size === 1)) {
    notes.push(`Level 0: every operation goes to one endpoint (${[...paths][0] || '/'}) with one method (${[...methods][0]}); HTTP is only a transport.`);
    return { level: 0, notes, confidence: 'likely', postOnly, singleEndpoint };
  }
  notes.push(singleEndpoint
    ? (methods.size > 1 ? `Level 1: one resource path, reached with several methods.` : `Level 1: one resource path (too few operations to judge much more).`)
    : `Level 1: ${paths.size} resource paths identify separate resources.`);
  const bodyOnSafe = ops.filter((o) => ['GET', 'HEAD', 'DELETE'].includes((o.method ?? '').toUpperCase()) && o.hasRequestBody);
  const postReads = ops.filter((o) => (o.method ?? '').toUpperCase() === 'POST' && isReadByName(o));
  const misuse = bodyOnSafe.length + postReads.length;
  const methodList = [...methods].sort().join(', ');
  // A few misused methods are smells (style rules report them), not a different maturity: up to a quarter.
  const methodsOk = !postOnly && misuse * 4 <= ops.length;
  if (postOnly) notes.push(`Not level 2: every operation uses POST, so the method says nothing about what is done (RFC 9110 §9.3).`);
  else if (!methodsOk) notes.push(`Not level 2: ${misuse} of ${ops.length} operations use methods against their meaning (${[...bodyOnSafe.map((o) => `${o.method} with a body: ${o.name}`), ...postReads.map((o) => `POST for a read: ${o.name}`)].slice(0, 3).join('; ')}).`);
  if (!methodsOk) return { level: 1, notes, confidence: 'likely', postOnly, singleEndpoint };
  const codes = new Set(ops.flatMap((o) => o.statusCodes));
  const specific = [...codes].filter((c) => !GENERIC_STATUS.has(c)).sort();
  notes.push(`Level 2: methods follow their HTTP meaning (${methodList})${misuse ? `, with ${misuse} exception(s)` : ''}.`);
  let confidence: Confidence = 'likely';
  if (specific.length) notes.push(`Status codes beyond 200 are declared (${specific.slice(0, 6).join(', ')}${specific.length > 6 ? ', …' : ''}).`);
  else { notes.push(`Only 200/default responses are declared, so the use of status codes (RFC 9110 §15) cannot be confirmed.`); confidence = 'possible'; }
  const withResponses = ops.filter((o) => o.responseMediaTypes.length > 0 || o.statusCodes.length > 0);
  const hyper = ops.filter((o) => o.hypermedia);
  if (hyper.length && hyper.length * 2 >= Math.max(1, withResponses.length)) {
    notes.push(`Level 3: ${hyper.length} of ${withResponses.length || ops.length} operations return hypermedia links (links, HAL, JSON:API or Link headers), so clients can follow the API instead of building URLs.`);
    return { level: 3, notes, confidence, postOnly, singleEndpoint };
  }
  notes.push(hyper.length
    ? `Not level 3: only ${hyper.length} of ${withResponses.length || ops.length} operations return hypermedia links.`
    : `Not level 3: no response carries hypermedia links, so clients build URLs from out-of-band knowledge.`);
  return { level: 2, notes, confidence, postOnly, singleEndpoint };
}

/** A POST whose path or name says it only reads. */
export function isReadByName(op: OperationSummary): boolean {
  const pathVerb = operationVerbs(op)[0];
  if (pathVerb) return pathVerb.kind === 'read';
  const byName = verbOfName(op.name);
  return byName?.kind === 'read';
}

// ---- document level --------------------------------------------------------------------------------

const STYLE_ORDER: StyleId[] = [
  'soap-document-literal', 'soap-rpc-literal', 'soap-rpc-encoded', 'soap-document-encoded', 'wsdl-http-binding',
  'rest', 'rpc-http', 'graphql', 'json-rpc', 'xml-rpc', 'soap-tunnel', 'abstract', 'webhook', 'callback',
];
/** Styles in which the consumer calls the API (webhooks and callbacks run the other way). */
const isRequestStyle = (s: StyleId) => s !== 'webhook' && s !== 'callback';

function shortStyle(f: Fact): string {
  switch (f.style) {
    case 'soap-document-literal': return 'document/literal';
    case 'soap-rpc-literal': return 'rpc/literal';
    case 'soap-rpc-encoded': return 'rpc/encoded';
    case 'soap-document-encoded': return 'document/encoded';
    default: return f.value;
  }
}

function uniq<T>(xs: T[]): T[] { return [...new Set(xs)]; }
function listNames(names: string[], max = 4): string {
  const u = uniq(names);
  return u.slice(0, max).join(', ') + (u.length > max ? ` and ${u.length - max} more` : '');
}

function groupFact(id: StyleId, facts: Fact[], ops: OperationSummary[]): Fact {
  const names = uniq(facts.flatMap((f) => f.operations ?? []));
  const first = facts[0];
  const evidence = facts.flatMap((f) => f.evidence).slice(0, MAX_EVIDENCE);
  const conf: Confidence = facts.some((f) => f.confidence === 'certain') ? 'certain' : facts.some((f) => f.confidence === 'likely') ? 'likely' : 'possible';
  const count = names.length === 1 ? `Operation ${names[0]}` : `${names.length} operations (${listNames(names)})`;
  const value = (id === 'webhook' || id === 'callback') && names.length > 1 ? `${first.value}s` : first.value;
  const base: Fact = { value, style: id, confidence: conf, reason: '', evidence, spec: first.spec, operations: names };
  if (id.startsWith('soap-') && id !== 'soap-tunnel') {
    const versions = uniq(ops.filter((o) => names.includes(o.name) && o.soapVersion).map((o) => o.soapVersion!)).sort();
    base.reason = `${count}: ${first.reason.replace(/^SOAP 1\.[12] operation: /, '')}`;
    base.notes = [];
    if (versions.length) base.notes.push(`Bound to SOAP ${versions.join(' and ')}.`);
    const groupOps = ops.filter((o) => names.includes(o.name));
    const oneWay = uniq(groupOps.filter((o) => o.pattern === 'one-way' || o.pattern?.endsWith('/in-only') || o.pattern?.endsWith('/robust-in-only')).map((o) => o.name));
    if (oneWay.length) base.notes.push(`${oneWay.length} one-way operation(s) (${listNames(oneWay, 3)}): the client sends a message and receives no SOAP response, only the HTTP status.`);
    const pushed = uniq(groupOps.filter((o) => o.pattern === 'notification' || o.pattern === 'solicit-response' || o.pattern?.endsWith('/out-only') || o.pattern?.endsWith('/out-in')).map((o) => o.name));
    if (pushed.length) base.notes.push(`${pushed.length} operation(s) start at the service (${listNames(pushed, 3)}): WSDL 1.1 defines no SOAP/HTTP binding for notification or solicit-response, and WS-I Basic Profile (R2303) excludes them.`);
    if (!base.notes.length) delete base.notes;
  } else {
    base.reason = `${count}. ${first.reason}`;
  }
  return base;
}

/** Fills operation.styles, summary.styles, summary.headline and summary.clients. */
export function classify(summary: DocumentSummary): DocumentSummary {
  const kind = summary.kind;
  const opFacts = new Map<OperationSummary, Fact>();
  for (const op of summary.operations) {
    const f = operationStyle(op, kind);
    if (f) opFacts.set(op, f);
  }

  // Plain HTTP operations (neither tunnels nor webhooks) are judged together: REST maturity is a
  // property of an API, not of one operation.
  const plain = summary.operations.filter((o) => isHttpOp(o) && kind !== 'wsdl11' && kind !== 'wsdl20' && (opFacts.get(o)?.style === 'rest' || opFacts.get(o)?.style === 'rpc-http'));
  const docFacts: Fact[] = [];
  classifyPlain(plain, opFacts, docFacts);

  // Group the non-plain operations by style.
  const byStyle = new Map<StyleId, Fact[]>();
  for (const op of summary.operations) {
    const f = opFacts.get(op);
    if (!f || plain.includes(op)) continue;
    const arr = byStyle.get(f.style!) ?? [];
    arr.push(f);
    byStyle.set(f.style!, arr);
  }
  for (const id of STYLE_ORDER) {
    const facts = byStyle.get(id);
    if (facts?.length) docFacts.push(groupFact(id, facts, summary.operations));
  }
  docFacts.sort((a, b) => STYLE_ORDER.indexOf(a.style!) - STYLE_ORDER.indexOf(b.style!));

  // Tunnels through one endpoint are Richardson level 0 by construction.
  for (const f of docFacts) {
    if (f.style === 'graphql' || f.style === 'json-rpc' || f.style === 'xml-rpc' || f.style === 'soap-tunnel') {
      f.level = 0;
      (f.notes ??= []).push('Richardson level 0: the request content (body, or a query parameter for GraphQL GET) names the operation; one URL serves every call.');
    }
  }

  for (const [op, f] of opFacts) op.styles = [...op.styles.filter((s) => !s.style), f];

  const mixed = mixedFact(docFacts);
  summary.styles = mixed ? [mixed, ...docFacts] : docFacts;
  if (!summary.styles.length && kind.startsWith('wsdl') && summary.weight.operations > 0) {
    summary.styles = [{
      value: 'Abstract interface (no binding)', style: 'abstract', confidence: 'certain', evidence: [],
      reason: `The ${summary.weight.operations} operation(s) are declared in a ${kind === 'wsdl11' ? 'portType' : 'interface'} but no binding gives them a protocol, so the wire format and style are left to another document (often one that imports this one).`,
      spec: kind === 'wsdl11' ? SPEC.wsdl11Soap : SPEC.wsdl20Soap,
    }];
  }
  if (!summary.styles.length) {
    summary.styles = [{
      value: summary.operations.length ? 'Unknown' : 'No operations', confidence: 'possible', evidence: [],
      reason: summary.operations.length ? 'The operations carry no signal of a design style.'
        : 'The document declares no operations (a fragment with shared components, or one whose operations live in another file), so there is no design style to judge.',
    }];
  }
  summary.headline = headline(summary);
  summary.clients = clientsOf(summary);
  return summary;
}

/** REST (with level) or RPC over HTTP for the plain HTTP operations; pushes the document facts. */
function classifyPlain(plain: OperationSummary[], opFacts: Map<OperationSummary, Fact>, out: Fact[]): Fact | undefined {
  if (!plain.length) return undefined;
  const m = richardson(plain);
  const verbOps = plain.filter((o) => opFacts.get(o)?.style === 'rpc-http');
  const nounOps = plain.filter((o) => opFacts.get(o)?.style === 'rest');
  const evidenceOf = (ops: OperationSummary[]) => ops.map(ev).slice(0, MAX_EVIDENCE);
  const names = (ops: OperationSummary[]) => ops.map((o) => o.name);

  // POST-only or a single tunnelling endpoint: RPC over HTTP for all of them.
  if (m.postOnly || m.level === 0) {
    for (const o of plain) {
      const f = opFacts.get(o)!;
      if (f.style === 'rest') opFacts.set(o, { ...f, value: 'RPC over HTTP', style: 'rpc-http', confidence: 'likely', reason: `${o.method} on "${o.path}" like every other operation: the method carries no meaning, so the path${m.singleEndpoint ? ' cannot; the body' : ''} names the procedure.` });
    }
    const f: Fact = {
      value: 'RPC over HTTP', style: 'rpc-http', level: m.level, confidence: 'likely', spec: SPEC.rfc9110Methods, operations: names(plain), evidence: evidenceOf(plain),
      reason: m.singleEndpoint
        ? `All ${plain.length} operation(s) are ${[...new Set(plain.map((o) => o.method))].join('/')} requests to one endpoint: the request body, not the URL or the method, selects what happens (Richardson level 0).`
        : `Every one of the ${plain.length} operations uses POST${verbOps.length ? `, and ${verbOps.length} name an action in the path` : ''}: the method says nothing, the path names a procedure (Richardson level ${m.level}).`,
      notes: m.notes,
    };
    out.push(f);
    return f;
  }
  // Mostly verbs in paths: RPC over HTTP, possibly with some resource-oriented operations.
  if (verbOps.length * 2 > plain.length) {
    const f: Fact = {
      value: 'RPC over HTTP', style: 'rpc-http', level: m.level, confidence: 'likely', spec: SPEC.restResources, operations: names(verbOps), evidence: evidenceOf(verbOps),
      reason: `${verbOps.length} of ${plain.length} operations name an action in the path (${listNames(verbOps.map((o) => `${o.method} ${o.path}`), 3)}): URLs name procedures, not resources.`,
      notes: m.notes,
    };
    out.push(f);
    if (significant(nounOps.length, plain.length)) out.push(restFact(nounOps, m, `${nounOps.length} operation(s) address resources without verbs in the path`));
    else if (nounOps.length) (f.notes ??= []).push(`${nounOps.length} operation(s) address resources without a verb (${listNames(nounOps.map((o) => `${o.method} ${o.path}`), 3)}).`);
    return f;
  }
  const f = restFact(nounOps, m, verbOps.length
    ? `${nounOps.length} of ${plain.length} operations address resources by path and say what they do with the method; ${verbOps.length} put a verb in the path (${listNames(verbOps.map((o) => o.path ?? o.name), 3)})`
    : `${plain.length} operation(s) address resources by path and say what they do with the method`);
  out.push(f);
  if (significant(verbOps.length, plain.length)) {
    out.push({
      value: 'RPC over HTTP', style: 'rpc-http', confidence: 'likely', spec: SPEC.restResources, operations: names(verbOps), evidence: evidenceOf(verbOps),
      reason: `${verbOps.length} operation(s) name an action in the path (${listNames(verbOps.map((o) => `${o.method} ${o.path}`), 3)}) instead of using the method on a resource.`,
    });
  }
  return f;
}

/** A minority group counts as a style of its own (making the document mixed) from two operations and over a quarter. */
function significant(n: number, total: number): boolean {
  return n >= 2 && n * 4 > total;
}

function restFact(ops: OperationSummary[], m: Maturity, lead: string): Fact {
  return {
    value: `REST (level ${m.level})`, style: 'rest', level: m.level, confidence: m.confidence,
    reason: `${lead}: Richardson maturity level ${m.level}.`,
    notes: m.notes, evidence: ops.map(ev).slice(0, MAX_EVIDENCE), spec: m.level === 3 ? SPEC.restUniformInterface : SPEC.richardson, operations: ops.map((o) => o.name),
  };
}

/** "Mixed" when different operations follow different request styles (not one operation in several bindings). */
function mixedFact(facts: Fact[]): Fact | undefined {
  const req = facts.filter((f) => isRequestStyle(f.style!) && f.style !== 'abstract');
  if (req.length < 2) return undefined;
  const sets = req.map((f) => new Set(f.operations ?? []));
  let disjoint = false;
  for (let i = 0; i < sets.length && !disjoint; i++) {
    for (let j = 0; j < sets.length; j++) {
      if (i === j) continue;
      const aInB = [...sets[i]].every((n) => sets[j].has(n));
      const bInA = [...sets[j]].every((n) => sets[i].has(n));
      if (!aInB && !bInA) { disjoint = true; break; }
    }
  }
  if (!disjoint) {
    // Same operations offered through several bindings (e.g. SOAP and a WSDL 2.0 HTTP binding): not mixed.
    const first = req[0];
    (first.notes ??= []).push(`The same operations are also offered as ${req.slice(1).map((f) => f.value).join(', ')} through another binding.`);
    return undefined;
  }
  const parts = req.map((f) => `${shortLabel(f)}: ${listNames(f.operations ?? [], 3)}`);
  return {
    value: `Mixed (${req.map(shortLabel).join(' + ')})`, style: 'mixed', confidence: 'likely',
    reason: `Different operations follow different styles — ${parts.join('; ')}. Clients need a different approach for each part.`,
    evidence: req.flatMap((f) => f.evidence.slice(0, 3)), operations: uniq(req.flatMap((f) => f.operations ?? [])),
  };
}

function shortLabel(f: Fact): string {
  if (f.style === 'rest') return `REST level ${f.level}`;
  if (f.style?.startsWith('soap-') && f.style !== 'soap-tunnel') return `SOAP ${shortStyle(f)}`;
  return f.value;
}

// ---- headline and clients -------------------------------------------------------------------------

function formatFamilies(summary: DocumentSummary): string[] {
  const seen = new Set<string>();
  // Each distinct string once: thousands of operations repeat a handful of media types.
  const media = new Set<string>();
  for (const o of summary.operations) {
    for (const t of o.requestMediaTypes) media.add(t);
    for (const t of o.responseMediaTypes) media.add(t);
  }
  for (const f of summary.formats) media.add(f.value);
  for (const raw of media) {
    const m = raw.toLowerCase();
    if (m === 'xml' || isXmlMedia(m.split(';')[0])) seen.add('XML');
    else if (m === 'json' || isJsonMedia(m.split(';')[0]) || m.includes('json')) seen.add('JSON');
    else if (m.includes('x-www-form-urlencoded')) seen.add('form');
    else if (m.startsWith('multipart/')) seen.add('multipart');
    else if (m === 'application/octet-stream' || m.startsWith('image/') || m.startsWith('audio/') || m.startsWith('video/') || m === 'application/pdf') seen.add('binary');
    else if (m === 'text/event-stream' || m === 'event-stream') seen.add('event-stream'); // the name the format fact uses
    else if (m.startsWith('text/')) seen.add('text');
    else if (m === 'application/graphql') seen.add('GraphQL');
  }
  if (summary.weight.envelope || summary.operations.some((o) => o.soapVersion)) seen.add('XML');
  const order = ['JSON', 'XML', 'GraphQL', 'form', 'multipart', 'event-stream', 'text', 'binary'];
  return order.filter((o) => seen.has(o));
}

function transportOf(summary: DocumentSummary): string | undefined {
  // Transport security is a property of the endpoint URLs; protocol facts only when there are none
  // (a fact "HTTP" may name an HTTP binding, not an http:// address).
  const protos = uniq(summary.endpoints.map((e) => e.protocol.toUpperCase()).filter((p) => p !== 'RELATIVE'));
  const fromFacts = protos.length ? [] : summary.protocols.map((p) => p.value.toUpperCase()).filter((v) => v === 'HTTPS' || v === 'JMS' || v === 'SMTP' || v === 'WSS');
  const all = uniq([...protos, ...fromFacts]);
  if (!all.length) return undefined;
  const order = ['HTTPS', 'HTTP', 'WSS', 'WS', 'JMS', 'SMTP'];
  all.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  return all.join(' + ');
}

function headline(summary: DocumentSummary): string {
  const formats = formatFamilies(summary);
  const fmt = formats.length > 2 ? `${formats.slice(0, 2).join(', ')}, …` : formats.join(', ');
  const transport = transportOf(summary);
  const styles = summary.styles.filter((s) => s.style && s.style !== 'mixed' && s.style !== 'abstract');
  const soapStyles = styles.filter((s) => s.style!.startsWith('soap-') && s.style !== 'soap-tunnel');
  const versions = uniq(summary.operations.map((o) => o.soapVersion).filter((v): v is '1.1' | '1.2' => !!v)).sort();
  const nonHttp = transport?.split(' + ').filter((t) => !t.startsWith('HTTP')) ?? [];
  const parts: string[] = [];
  const mixed = summary.styles.find((s) => s.style === 'mixed');
  if (soapStyles.length && !mixed) {
    parts.push(`SOAP ${versions.join(' + ')}${nonHttp.length ? ` over ${nonHttp.join(', ')}` : ''}`.trim());
    if (fmt) parts.push(fmt);
    parts.push(uniq(soapStyles.map(shortStyle)).join(' + '));
    const http = styles.find((s) => s.style === 'wsdl-http-binding');
    if (http) parts.push('+ HTTP binding');
    return parts.join(' · ');
  }
  if (mixed) parts.push(mixed.value);
  else if (styles.length) {
    const req = styles.filter((s) => isRequestStyle(s.style!));
    const main = req.length ? req : styles;
    const events = req.length ? styles.filter((s) => !isRequestStyle(s.style!)).map((s) => s.value.toLowerCase()) : [];
    parts.push([...main.map((s) => s.value), ...events].join(' + '));
  } else parts.push(summary.kind.startsWith('wsdl') ? 'WSDL (no binding)' : 'API (no operations)');
  if (fmt) parts.push(fmt);
  if (transport) parts.push(transport);
  return parts.join(' · ');
}

function clientsOf(summary: DocumentSummary): string[] {
  const out: string[] = [];
  const styles = new Set(summary.styles.map((s) => s.style));
  const formats = formatFamilies(summary);
  const soapWsdl = [...styles].some((s) => s?.startsWith('soap-') && s !== 'soap-tunnel');
  if (soapWsdl) {
    out.push('SOAP toolkits that generate a client from the WSDL (for example JAX-WS wsimport, Apache CXF, .NET dotnet-svcutil, Python zeep, SoapUI).');
    if (styles.has('soap-rpc-encoded') || styles.has('soap-document-encoded')) {
      out.push('rpc/encoded needs a toolkit that still implements SOAP Encoding (Apache Axis 1, JAX-RPC, PHP SoapClient); JAX-WS and WS-I conformant toolkits refuse it.');
    }
    out.push('Any HTTP client that builds the XML envelope itself (POST, Content-Type text/xml with a SOAPAction header for SOAP 1.1, application/soap+xml for SOAP 1.2).');
  }
  if (styles.has('wsdl-http-binding')) out.push('Any HTTP client (the HTTP binding maps each operation to a method and URL without an envelope); few code generators read WSDL 2.0.');
  if (styles.has('rest') || styles.has('rpc-http')) {
    const parsers = formats.filter((f) => f === 'JSON' || f === 'XML');
    out.push(`Any HTTP client${parsers.length ? ` with a ${parsers.join(' or ')} parser` : ''} (browsers' fetch, curl, every language's standard library).`);
    if (!summary.kind.startsWith('wsdl')) out.push('OpenAPI code generators (for example openapi-generator, NSwag, oapi-codegen) generate typed clients from this document.');
  }
  if (styles.has('graphql')) out.push('GraphQL clients (Apollo Client, Relay, graphql-request), or any HTTP client POSTing JSON {"query", "variables"}.');
  if (styles.has('json-rpc')) out.push('JSON-RPC 2.0 libraries, or any HTTP client POSTing {"jsonrpc": "2.0", "method", "params", "id"}.');
  if (styles.has('xml-rpc')) out.push('XML-RPC libraries (Python xmlrpc.client, Apache XML-RPC), or any HTTP client POSTing a <methodCall> document.');
  if (styles.has('soap-tunnel')) out.push('SOAP toolkits cannot generate a client from an OpenAPI document: callers build the envelope themselves or use the service\'s WSDL if one exists.');
  if (styles.has('webhook') || styles.has('callback')) out.push('To receive webhooks or callbacks, the consumer must run an HTTP(S) endpoint reachable by the API.');
  const httpOnly = summary.endpoints.length > 0 && summary.endpoints.every((e) => e.protocol.toUpperCase() === 'HTTP');
  if (httpOnly) out.push('Web pages served over HTTPS cannot call these http:// endpoints from the browser (mixed content is blocked).');
  return out;
}
