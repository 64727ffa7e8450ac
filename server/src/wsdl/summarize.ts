/**
 * WSDL model -> DocumentSummary: protocols, formats, endpoints, per-operation raw SOAP/HTTP signals and
 * weight, each fact with evidence spans and a reason. Design styles are left to analysis/classify.ts.
 */
import type { Span } from '../core/text';
import type { Confidence, DocumentSummary, Endpoint, Fact, OperationSummary } from '../analysis/summary';
import type { XmlElement } from '../syntax/xmlTree';
import type { Ctx } from './features';
import { NS, type Binding, type BindingOperation, type InterfaceOperation } from './model';
import { EXTENSION_NS, SPEC, type Spec, addressProtocol, contentType, effectiveStyle, effectiveUse, http20Method, soapVersionOf, transportOf } from './semantics';

class Facts {
  private readonly map = new Map<string, Fact>();
  constructor(private readonly uri: string) {}
  add(value: string, reason: string, span: Span, spec?: Spec, confidence: Confidence = 'certain'): void {
    const f = this.map.get(value);
    if (f) { if (f.evidence.length < 20) f.evidence.push({ uri: this.uri, span }); return; }
    this.map.set(value, { value, confidence, reason, evidence: [{ uri: this.uri, span }], spec });
  }
  list(): Fact[] { return [...this.map.values()]; }
  has(v: string): boolean { return this.map.has(v); }
}

export function summarizeWsdl(ctx: Ctx): DocumentSummary {
  const a = ctx.doc;
  const m = a.model;
  const d = m.doc;
  const uri = a.source.uri;
  const protocols = new Facts(uri);
  const formats = new Facts(uri);
  const operations: OperationSummary[] = [];
  const endpoints: Endpoint[] = [];
  const styleSet = new Set<string>();
  const soapVersions = new Set<string>();
  let allSoap = d.bindings.length > 0;

  for (const b of d.bindings) {
    const v = soapVersionOf(b);
    const evid = b.soap?.span ?? b.type20?.span ?? b.nameSpan;
    if (v) {
      soapVersions.add(v);
      protocols.add(`SOAP ${v}`, b.soap ? `${b.soap.el.name} in binding "${b.name}"` : `WSDL 2.0 SOAP binding "${b.name}" (wsoap:version ${b.wsoapVersion?.value ?? '1.2, the default'})`, evid, v === '1.1' ? SPEC.soap11 : SPEC.soap12);
      formats.add('XML', `SOAP ${v} messages are XML envelopes (binding "${b.name}")`, evid, v === '1.1' ? SPEC.soap11 : SPEC.soap12);
      const tr = b.soap?.transport ?? b.wsoapProtocol;
      if (tr) {
        const t = transportOf(tr.value);
        protocols.add(t.label, `transport ${tr.value} of binding "${b.name}": ${t.text}`, tr.span, t.spec);
      }
    } else {
      allSoap = false;
      if (b.protocol === 'http') {
        const ev = b.http?.span ?? b.type20?.span ?? b.nameSpan;
        protocols.add('HTTP', b.type20 ? `WSDL 2.0 HTTP binding "${b.name}": plain HTTP, no SOAP envelope` : `http:binding (verb ${b.http?.verb?.value ?? '?'}) in binding "${b.name}": plain HTTP, no SOAP envelope`, ev, b.type20 ? SPEC.w20Http : SPEC.http);
      } else if (b.protocol === 'other') protocols.add('other', `binding "${b.name}" uses an extension API Lens does not know`, b.nameSpan, undefined, 'possible');
    }
    for (const op of b.operations) operations.push(operationSummary(ctx, b, op));
    for (const op of b.operations) {
      const msgs = [op.input, op.output, ...op.faults];
      for (const msg of msgs) {
        if (msg?.mime.some((x) => x.kind === 'multipartRelated')) formats.add('MIME multipart/related', `SOAP with Attachments: mime:multipartRelated in operation "${op.name}" of binding "${b.name}"`, msg.mime[0].span, SPEC.mime);
        for (const mm of msg?.mime ?? []) if (mm.kind === 'content' && mm.type) formats.add(mm.type.value, `mime:content type in operation "${op.name}"`, mm.type.span, SPEC.mime);
        if (msg?.mime.some((x) => x.kind === 'mimeXml')) formats.add('XML', `mime:mimeXml in operation "${op.name}": plain XML without an envelope`, msg.mime[0].span, SPEC.mime);
      }
      for (const ser of [op.whttpInputSerialization, op.whttpOutputSerialization]) if (ser) formats.add(ser.value, `whttp serialization of operation "${op.name}"`, ser.span, SPEC.w20Serialization);
      if (b.protocol === 'http' && b.type20 && !op.whttpInputSerialization && !op.whttpOutputSerialization) formats.add('application/xml', `WSDL 2.0 HTTP binding "${b.name}": the default serialization of a response (and of a non-GET request) is application/xml`, op.span, SPEC.w20Serialization, 'likely');
      if (b.protocol === 'http' && !b.type20) formats.add('XML', `WSDL 1.1 HTTP binding "${b.name}": bodies are XML or form data (mime:*)`, op.span, SPEC.http, 'likely');
    }
    const st = effectiveStyle(b);
    if (st) styleSet.add(st);
  }
  const security = new Facts(uri);
  policySignals(d.root, formats, protocols, security);

  for (const s of d.services) {
    for (const p of s.ports) {
      if (!p.address) continue;
      const loc = p.address.location;
      const ap = addressProtocol(loc.value);
      let soapVersion: '1.1' | '1.2' | undefined = p.address.protocol === 'soap11' ? '1.1' : p.address.protocol === 'soap12' ? '1.2' : undefined;
      if (!soapVersion && p.binding) {
        const r = m.resolve(p.binding);
        if (r.status === 'found') soapVersion = soapVersionOf(r.target as Binding);
      }
      endpoints.push({ url: loc.value, uri, span: loc.span, protocol: ap.label, soapVersion, service: s.name || undefined });
      if (ap.label !== 'relative') protocols.add(ap.label, `address of port "${p.name}" (${loc.value}): ${ap.text}`, loc.span, ap.label === 'HTTP' || ap.label === 'HTTPS' ? SPEC.rfc9110 : undefined);
    }
  }

  const useSet = new Set(operations.map((o) => o.use).filter(Boolean));
  const versions = [...soapVersions].sort();
  const head: string[] = [];
  if (versions.length) head.push(`SOAP ${versions.join('/')}`);
  else if (protocols.has('HTTP') || protocols.has('HTTPS')) head.push(protocols.has('HTTPS') && !protocols.has('HTTP') ? 'HTTPS' : 'HTTP');
  else head.push(d.version === '2.0' ? 'WSDL 2.0' : 'WSDL 1.1');
  const fmt = formats.list().map((f) => f.value);
  head.push(fmt.includes('XML') ? 'XML' : fmt[0] ?? 'XML');
  if (styleSet.size) head.push(`${[...styleSet].sort().join('+')}/${useSet.size === 1 ? [...useSet][0] : useSet.size ? 'mixed' : 'literal'}`);
  else if (d.bindings.some((b) => b.type20 && b.protocol === 'http')) head.push('HTTP binding');

  const schemaTypes = m.documents.reduce((n, doc) => n + doc.schemas.reduce((k, s) => k + s.components.filter((c) => c.kind === 'element' || c.kind === 'type').length, 0), 0);
  const abstractOps = abstractOperationCount(ctx);
  const clients: string[] = [];
  if (soapVersions.size) clients.push('SOAP toolkits that generate clients from WSDL (JAX-WS/CXF, .NET WCF, gSOAP, zeep)');
  if (d.bindings.some((b) => b.protocol === 'http')) clients.push('any HTTP client with an XML parser');

  return {
    uri, kind: a.source.kind.kind, version: a.source.kind.version, title: d.name?.value ?? d.services[0]?.name,
    scope: 'web-service', protocols: protocols.list(), formats: formats.list(), styles: [], security: security.list(), endpoints, operations,
    weight: {
      operations: abstractOps,
      bindingOperations: operations.length,
      messages: d.messages.length || d.interfaces.reduce((n, i) => n + i.operations.reduce((k, o) => k + o.inputs.length + o.outputs.length, 0), 0),
      schemaTypes, envelope: allSoap, bytes: a.source.text.length,
    },
    clients, headline: head.join(' · '),
  };
}

const SP = new Set(['http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702', 'http://schemas.xmlsoap.org/ws/2005/07/securitypolicy']);
const SP_SPEC: Spec = EXTENSION_NS['http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702'].spec;

/** Policy assertions anywhere in the document (one iterative walk per version): security, MTOM, addressing, RM. */
function policySignals(root: XmlElement | undefined, formats: Facts, protocols: Facts, security: Facts): void {
  const stack: XmlElement[] = root ? [root] : [];
  while (stack.length) {
    const el = stack.pop()!;
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
    const ns = el.ns ?? '';
    if (SP.has(ns)) {
      const L = el.localName;
      if (L === 'TransportBinding') security.add('TLS (policy)', 'sp:TransportBinding: the policy requires a secure transport (HTTPS) for these messages', el.nameSpan, SP_SPEC);
      else if (L === 'AsymmetricBinding' || L === 'SymmetricBinding') security.add('WS-Security message protection', `sp:${L}: messages are signed and/or encrypted with WS-Security, independently of the transport`, el.nameSpan, SP_SPEC);
      else if (L === 'UsernameToken') security.add('WS-Security UsernameToken', 'sp:UsernameToken: the client sends a user name (and password or digest) in a WS-Security header', el.nameSpan, SP_SPEC);
      else if (L === 'X509Token') security.add('WS-Security X.509', 'sp:X509Token: X.509 certificates sign or encrypt messages', el.nameSpan, SP_SPEC);
      else if (L === 'SamlToken' || L === 'IssuedToken') security.add(`WS-Security ${L === 'SamlToken' ? 'SAML' : 'issued'} token`, `sp:${L}: a token from an identity provider (STS) authenticates the client`, el.nameSpan, SP_SPEC);
      else if (L === 'HttpsToken') security.add('TLS (policy)', 'sp:HttpsToken: HTTPS is required', el.nameSpan, SP_SPEC);
    } else if (ns === 'http://schemas.xmlsoap.org/ws/2004/09/policy/optimizedmimeserialization' && el.localName === 'OptimizedMimeSerialization') {
      formats.add('MTOM', 'wsoma:OptimizedMimeSerialization: binary content travels as XOP/MIME attachments', el.nameSpan, EXTENSION_NS[ns].spec);
    } else if ((ns === 'http://www.w3.org/2007/05/addressing/metadata' && el.localName === 'Addressing') || (ns === 'http://www.w3.org/2006/05/addressing/wsdl' && el.localName === 'UsingAddressing')) {
      protocols.add('WS-Addressing', `${el.name}: messages carry WS-Addressing headers (To, Action, MessageID, ReplyTo)`, el.nameSpan, EXTENSION_NS[ns].spec);
    } else if (ns === 'http://docs.oasis-open.org/ws-rx/wsrmp/200702' && el.localName === 'RMAssertion') {
      protocols.add('WS-ReliableMessaging', 'wsrmp:RMAssertion: delivery with acknowledgements and retransmission', el.nameSpan, EXTENSION_NS[ns].spec);
    }
  }
}

function operationSummary(ctx: Ctx, b: Binding, op: BindingOperation): OperationSummary {
  const m = ctx.doc.model;
  const v = soapVersionOf(b);
  const style = effectiveStyle(b, op);
  const use = effectiveUse(op);
  let pattern: string | undefined;
  if (op.ref) {
    const r = m.resolve(op.ref);
    if (r.status === 'found') pattern = (r.target as InterfaceOperation).pattern?.value ?? 'http://www.w3.org/ns/wsdl/in-out';
  } else pattern = m.portTypeOperation(b, op.name)?.primitive;
  const req: string[] = [], res: string[] = [];
  if (v) { req.push(contentType(v)); res.push(contentType(v)); }
  if (op.input?.mime.some((x) => x.kind === 'multipartRelated')) req.push('multipart/related');
  if (op.output?.mime.some((x) => x.kind === 'multipartRelated')) res.push('multipart/related');
  let method: string | undefined;
  if (b.protocol === 'http' && b.type20) {
    const itfOp = op.ref ? m.resolve(op.ref) : undefined;
    method = http20Method(op, b, itfOp?.status === 'found' ? (itfOp.target as InterfaceOperation).safe?.value === 'true' : undefined).method;
  } else if (b.protocol === 'http') method = b.http?.verb?.value;
  else if (v) method = 'POST';
  if (b.protocol === 'http' && !b.type20) {
    // WSDL 1.1 §4-5: http:urlEncoded / urlReplacement put the parts in the URL; mime:content / mimeXml give the body.
    const media = (msg: typeof op.input) => {
      const out: string[] = [];
      for (const x of msg?.mime ?? []) {
        if (x.kind === 'content') out.push(x.type?.value ?? '*/*');
        else if (x.kind === 'mimeXml') out.push('text/xml');
      }
      if (msg?.extensions.some((e) => e.ns === NS.HTTP11 && (e.localName === 'urlEncoded' || e.localName === 'urlReplacement')) && method !== 'GET') out.push('application/x-www-form-urlencoded');
      return out;
    };
    req.push(...media(op.input));
    res.push(...media(op.output));
  }
  if (b.protocol === 'http' && b.type20) {
    req.push(op.whttpInputSerialization?.value ?? (method === 'GET' ? 'application/x-www-form-urlencoded' : 'application/xml'));
    res.push(op.whttpOutputSerialization?.value ?? 'application/xml');
  }
  const protocols: Fact[] = [];
  const formats: Fact[] = [];
  const ev = [{ uri: ctx.doc.source.uri, span: op.nameSpan }];
  if (v) {
    protocols.push({ value: `SOAP ${v}`, confidence: 'certain', reason: `binding "${b.name}" is a SOAP ${v} binding`, evidence: ev });
    formats.push({ value: 'XML', confidence: 'certain', reason: `SOAP ${v} envelope`, evidence: ev });
  } else if (b.protocol === 'http') {
    protocols.push({ value: 'HTTP', confidence: 'certain', reason: `HTTP binding "${b.name}"${method ? `, method ${method}` : ''}`, evidence: ev });
    for (const t of new Set([...req, ...res])) formats.push({ value: t, confidence: 'likely', reason: `serialization of "${op.name}"`, evidence: ev });
  }
  return {
    name: op.name, uri: ctx.doc.source.uri, span: op.span, origin: 'operation',
    method, path: op.whttpLocation?.value ?? op.httpLocation?.value,
    requestMediaTypes: [...new Set(req)], responseMediaTypes: [...new Set(res)], statusCodes: [],
    headerNames: v === '1.1' ? ['SOAPAction'] : [], hasRequestBody: !!op.input || (!!v), hypermedia: false,
    bodyHints: v ? ['soap-envelope'] : [],
    soapVersion: v, soapAction: op.soapAction?.value, bindingStyle: style, use, pattern,
    protocols, formats, styles: [], binding: b.name || undefined,
  };
}

/**
 * Abstract operations a reader counts: those declared here (portType / interface operations) plus those
 * this document's bindings bind (possibly declared in an imported document), each once. One portType
 * operation bound by a SOAP 1.1 and a SOAP 1.2 binding is ONE operation, bound twice.
 */
function abstractOperationCount(ctx: Ctx): number {
  const m = ctx.doc.model;
  const d = m.doc;
  const seen = new Set<unknown>();
  for (const p of d.portTypes) for (const o of p.operations) seen.add(o);
  for (const i of d.interfaces) for (const o of i.operations) seen.add(o);
  for (const b of d.bindings) {
    for (const op of b.operations) {
      let target: unknown;
      if (op.ref) {
        const r = m.resolve(op.ref);
        if (r.status === 'found') target = r.target;
      } else target = m.portTypeOperation(b, op.name);
      // Unresolvable portType/interface: key by what the binding names, so two bindings of it still count once.
      seen.add(target ?? `${b.type?.ns ?? ''}|${b.type?.local ?? ''}|${op.ref ? `${op.ref.ns}|${op.ref.local}` : op.name}`);
    }
  }
  return seen.size;
}

export { NS };
