/**
 * Rules over WSDL 1.1 SOAP bindings (soap: and soap12:): WS-I Basic Profile requirements on styles, uses,
 * namespaces, parts and faults, and soapAction hygiene. A SOAP 1.1 binding is judged by Basic Profile 1.1,
 * a SOAP 1.2 binding by Basic Profile 2.0 (which keeps these description rules for wsoap12); bindings that
 * are not SOAP get only R2401.
 */
import type { Span } from '../../core/text';
import { attrNS } from '../../syntax/xmlParser';
import type { XmlAttribute, XmlElement } from '../../syntax/xmlTree';
import { NS, TRANSPORT, type Binding, type BindingMessage, type BindingOperation, type Message, type OperationMessage, type Part, type PortTypeOperation, type SoapBody, type WsdlModel } from '../model';
import {
  R2201, R2203, R2204, R2205, R2209, R2210, R2401, R2701, R2702, R2705, R2706, R2710, R2716, R2717, R2720, R2721,
  R2723, R2726, R2749, R2754, MIME_ONE_SOAP_BODY, SOAP_BINDING_MISSING, SOAP_ACTION_DUPLICATE, SOAP_ACTION_MISMATCH, SOAP_ACTION_MISSING, SOAP_VALUE_INVALID,
} from './catalog';
import { actionFor, escAttr } from './structure';
import { Collector, attr, attrRemovalSpan, fixes, isAbsoluteUri, isSoap, listNames, partsNamed, profileOf, q, soapVersionOf, styleOf } from './util';

const WSA_ACTION_NS = [
  'http://www.w3.org/2007/05/addressing/metadata',
  'http://www.w3.org/2006/05/addressing/wsdl',
  'http://www.w3.org/2005/08/addressing',
  'http://schemas.xmlsoap.org/ws/2004/08/addressing',
];

export function checkSoapBindings(c: Collector): void {
  if (c.model.doc.version !== '1.1') return;
  for (const b of c.model.doc.bindings) {
    if (!isSoap(b)) {
      if (b.protocol === 'http' || b.protocol === 'other' || b.protocol === 'none') checkNonSoap(c, b);
      continue;
    }
    if (!b.soap) checkMissingSoapBinding(c, b);
    checkBindingLevel(c, b);
    checkMime(c, b);
    checkStyles(c, b);
    for (const op of b.operations) checkOperation(c, b, op);
    checkWireSignatures(c, b);
    checkSoapActions(c, b);
  }
}

function checkNonSoap(c: Collector, b: Binding): void {
  const what = b.protocol === 'http' ? 'the WSDL 1.1 HTTP binding (http:binding)'
    : b.protocol === 'none' ? 'no binding extension at all' : 'a binding extension other than SOAP';
  c.add(R2401, b.nameSpan,
    `Binding ${q(b.name)} uses ${what}. WS-I Basic Profile covers only SOAP bindings (soap:binding for Basic Profile 1.1, soap12:binding for 2.0), so clients built for the profile may not support it. Offer a SOAP binding as well if interoperability matters.`);
}

/** soap:operation / soap:body without soap:binding: most stacks then ignore the SOAP elements (WSDL 1.1 §3.3). */
function checkMissingSoapBinding(c: Collector, b: Binding): void {
  const v = soapVersionOf(b)!;
  const sample = b.operations.find((o) => o.soapOperation)?.soapOperation?.el ?? b.operations.find((o) => o.input?.body)?.input?.body?.el;
  const prefix = sample?.prefix ? `${sample.prefix}:` : v === '1.2' ? 'soap12:' : 'soap:';
  const styles = new Set(b.operations.map((o) => o.style?.value ?? 'document'));
  const style = styles.size === 1 ? [...styles][0] : undefined;
  // wsdl:documentation must stay the first child (WSDL 1.1 schema), so the new element goes after it.
  const first = b.el.children.find((ch) => !(ch.localName === 'documentation' && ch.ns === NS.WSDL11));
  const element = `<${prefix}binding${style ? ` style="${style}"` : ''} transport="${TRANSPORT.SOAP_HTTP}"/>`;
  c.add(SOAP_BINDING_MISSING, b.nameSpan,
    `Binding ${q(b.name)} uses SOAP ${v} elements (${prefix}operation, ${prefix}body) but has no <${prefix}binding>; without it tools do not recognise a SOAP binding and ignore style and transport. Add ${element} as the first child of the binding.`,
    first && style && (style === 'rpc' || style === 'document')
      ? fixes({ title: `Add ${element}`, edits: [{ start: first.span.start, end: first.span.start, newText: element, block: { indentLike: first.span.start } }], preferred: true })
      : {});
}

/** WSDL 1.1 §5.4: in mime:multipartRelated exactly one mime:part (the root) holds the soap:body. */
function checkMime(c: Collector, b: Binding): void {
  for (const op of b.operations) {
    for (const bm of [op.input, op.output]) {
      if (!bm) continue;
      for (const mm of bm.mime) {
        if (mm.kind !== 'multipartRelated') continue;
        const bodies = mm.el.children.filter((p) => p.localName === 'part' && p.ns === NS.MIME)
          .flatMap((p) => p.children.filter((x) => x.localName === 'body' && (x.ns === NS.SOAP11 || x.ns === NS.SOAP12)));
        if (bodies.length === 1) continue;
        c.add(MIME_ONE_SOAP_BODY, bodies.length ? bodies[1].nameSpan : mm.el.nameSpan, bodies.length
          ? `This mime:multipartRelated in operation ${q(op.name)} has ${bodies.length} mime:parts with a soap:body; only the root part may carry the SOAP envelope, the others carry attachments (mime:content). Keep one soap:body and bind the other parts with mime:content.`
          : `This mime:multipartRelated in operation ${q(op.name)} has no mime:part with a soap:body, so the message has no SOAP envelope. Add a first <mime:part> holding the soap:body.`);
      }
    }
  }
}

function checkBindingLevel(c: Collector, b: Binding): void {
  const s = b.soap;
  if (!s) return;
  const prefix = s.el.name;
  if (s.style && s.style.value !== 'rpc' && s.style.value !== 'document') {
    c.add(SOAP_VALUE_INVALID, s.style.span, `${prefix} style=${q(s.style.value)} is neither "rpc" nor "document" (WSDL 1.1 §3.3). Use one of them.`);
  }
  if (!s.transport) {
    c.add(R2701, s.el.nameSpan,
      `<${prefix}> of binding ${q(b.name)} has no transport attribute, so the binding does not say how messages travel (${profileOf(b)} R2701). Add transport="${TRANSPORT.SOAP_HTTP}" for SOAP over HTTP.`,
      fixes({ title: `Add transport="${TRANSPORT.SOAP_HTTP}" (SOAP over HTTP)`, edits: [{ start: s.el.nameSpan.end, end: s.el.nameSpan.end, newText: ` transport="${TRANSPORT.SOAP_HTTP}"` }] }));
    return;
  }
  const t = s.transport.value.trim();
  const ok = t === TRANSPORT.SOAP_HTTP || (b.protocol === 'soap12' && t === TRANSPORT.SOAP12_HTTP);
  if (!ok) {
    const known = t === TRANSPORT.SOAP_JMS || /jms/i.test(t) ? 'JMS' : t === TRANSPORT.SOAP_SMTP || /smtp/i.test(t) ? 'SMTP' : undefined;
    c.add(R2702, s.transport.span,
      `transport=${q(t)}${known ? ` is SOAP over ${known}` : ' is not the SOAP/HTTP transport'}; ${profileOf(b)} (R2702) requires HTTP, "${TRANSPORT.SOAP_HTTP}", and clients built for the profile only speak HTTP. ${known ? 'Keep it only if every client supports that transport.' : 'Check the URI (a typo here means no client knows the transport).'}`);
  }
}

/** R2705: one style per binding. The binding's own style (or "document") is the norm; operations that differ are reported. */
function checkStyles(c: Collector, b: Binding): void {
  const valid = (st: string) => st === 'rpc' || st === 'document'; // other values are wsdl-soap-value-invalid
  const styles = new Set(b.operations.map((o) => styleOf(b, o)).filter(valid));
  for (const op of b.operations) {
    if (op.style && op.style.value !== 'rpc' && op.style.value !== 'document') {
      c.add(SOAP_VALUE_INVALID, op.style.span, `style=${q(op.style.value)} on operation ${q(op.name)} is neither "rpc" nor "document" (WSDL 1.1 §3.4).`);
    }
  }
  if (styles.size < 2) return;
  const norm = b.soap?.style?.value ?? majorityStyle(b);
  for (const op of b.operations) {
    const st = styleOf(b, op);
    if (st === norm || !valid(st)) continue;
    c.add(R2705, op.style?.span ?? op.nameSpan,
      `Operation ${q(op.name)} uses style=${q(st)} while binding ${q(b.name)} is otherwise ${q(norm)}; a binding must be entirely rpc-literal or entirely document-literal (${profileOf(b)} R2705), because stacks pick one serialisation per binding. Move this operation to a binding of its own style, or change its style.`);
  }
}

function majorityStyle(b: Binding): string {
  const n = b.operations.filter((o) => styleOf(b, o) === 'rpc').length;
  return n > b.operations.length / 2 ? 'rpc' : 'document';
}

interface Bound { bm: BindingMessage; om?: OperationMessage; msg?: Message }

function checkOperation(c: Collector, b: Binding, op: BindingOperation): void {
  const m = c.model;
  const ptOp = c.ptOp(b, op.name);
  const style = styleOf(b, op);
  const profile = profileOf(b);
  const pairs: Bound[] = [];
  for (const dir of ['input', 'output'] as const) {
    const bm = op[dir];
    if (!bm) continue;
    const om = ptOp?.[dir];
    pairs.push({ bm, om, msg: c.message(om?.message) });
  }
  for (const { bm, msg } of pairs) {
    const body = bm.body;
    if (body) {
      checkUse(c, b, body, 'soap:body');
      checkNamespace(c, b, style, body, 'body');
      if (msg && bm.mime.length === 0) checkBodyParts(c, b, op, style, body, msg, profile);
    }
    if (msg) checkUnbound(c, b, op, bm, msg);
    for (const h of bm.headers) {
      checkUse(c, b, h, 'soap:header');
      checkNamespace(c, b, style, h, 'header');
      checkHeaderPart(c, b, h, 'header');
      checkHeaderParts(c, b, h.el, op);
      for (const hf of headerfaults(h)) {
        checkHeaderParts(c, b, hf, op);
        const hfUse = attr(hf, 'use');
        if (hfUse?.value === 'encoded') c.add(R2706, hfUse.valueSpan, literalMessage(b, 'soap:headerfault'), literalFix(hf));
        const hfNs = attr(hf, 'namespace');
        if (hfNs) c.add(style === 'rpc' ? R2726 : R2716, hfNs.nameSpan, namespaceMessage(b, style, 'headerfault'), removeNsFix(hf, hfNs));
        if (!attr(hf, 'part')) c.add(R2720, hf.nameSpan, `soap:headerfault in operation ${q(op.name)} has no part attribute; ${profile} R2720 requires it to name the one part that carries the header fault.`);
      }
    }
  }
  for (const f of op.faults) checkFault(c, b, op, ptOp, f, style);
}

/** R2749: parts= belongs to soap:body; a header or headerfault names its single part with part=. */
function checkHeaderParts(c: Collector, b: Binding, el: XmlElement, op: BindingOperation): void {
  const i = el.attributes.findIndex((a) => a.name === 'parts');
  if (i < 0) return;
  const a = el.attributes[i];
  const names = a.value.split(/\s+/).filter(Boolean);
  const hasPart = !!attr(el, 'part');
  const gone = attrRemovalSpan(el, a, i);
  const fix = !hasPart && names.length === 1
    ? fixes({ title: `Write part="${names[0]}"`, edits: [{ start: a.nameSpan.start, end: a.nameSpan.end, newText: 'part' }], preferred: true })
    : fixes({ title: "Remove the parts attribute", edits: [{ start: gone.start, end: gone.end, newText: '' }] });
  c.add(R2749, a.nameSpan,
    `${el.name} in operation ${q(op.name)} has a parts attribute; only soap:body has one. ${profileOf(b)} R2749 forbids it on soap:header and soap:headerfault: ${hasPart ? 'the part= beside it already names the header\'s part, so remove parts=' : names.length === 1 ? `write part="${names[0]}" instead` : 'a header carries exactly one part, named with part='}.`,
    fix);
}

function headerfaults(h: SoapBody): XmlElement[] {
  return h.el.children.filter((e) => e.localName === 'headerfault' && (e.ns === NS.SOAP11 || e.ns === NS.SOAP12));
}

function literalMessage(b: Binding, what: string): string {
  return `${what} use="encoded": SOAP encoding (${soapVersionOf(b) === '1.2' ? 'SOAP 1.2 Part 2 §3' : 'SOAP 1.1 §5'}) serialises data by rules outside the schema, and stacks disagree on them; ${profileOf(b)} R2706 allows only use="literal". Switch to literal and describe the exact XML in the schema.`;
}

function literalFix(el: XmlElement) {
  const use = attr(el, 'use')!;
  const edits = [{ start: use.valueSpan.start, end: use.valueSpan.end, newText: 'literal' }];
  const enc = attr(el, 'encodingStyle');
  if (enc) { const s = attrRemovalSpan(el, enc); edits.push({ start: s.start, end: s.end, newText: '' }); }
  return fixes({ title: 'Switch to use="literal" (the message schema must then describe the literal XML: SOAP-encoded types such as soapenc:Array no longer apply)', edits });
}

function checkUse(c: Collector, b: Binding, body: SoapBody, what: string): void {
  if (!body.use) return;
  const v = body.use.value;
  if (v === 'encoded') c.add(R2706, body.use.span, literalMessage(b, body.el.name || what), literalFix(body.el));
  else if (v !== 'literal') c.add(SOAP_VALUE_INVALID, body.use.span, `use=${q(v)} is neither "literal" nor "encoded" (WSDL 1.1 §3.5). Use "literal".`);
}

function namespaceMessage(b: Binding, style: string, what: string): string {
  return style === 'rpc'
    ? `In an rpc-literal binding, soap:${what} must not carry a namespace attribute (${profileOf(b)} R2726): header and fault content is described by its part's element, whose namespace is fixed by the schema. Remove the attribute.`
    : `In a document-literal binding, soap:${what} must not carry a namespace attribute (${profileOf(b)} R2716): the body content is the part's global element, whose namespace the schema already fixes. Remove the attribute.`;
}

function removeNsFix(el: XmlElement, a: XmlAttribute) {
  const s = attrRemovalSpan(el, a);
  return fixes({ title: 'Remove the namespace attribute', edits: [{ start: s.start, end: s.end, newText: '' }], preferred: true });
}

function checkNamespace(c: Collector, b: Binding, style: string, body: SoapBody, what: 'body' | 'header'): void {
  const nsA = attr(body.el, 'namespace');
  if (style === 'document') {
    if (nsA) c.add(R2716, nsA.nameSpan, namespaceMessage(b, style, what), removeNsFix(body.el, nsA));
    return;
  }
  if (what === 'header') {
    if (nsA) c.add(R2726, nsA.nameSpan, namespaceMessage(b, style, what), removeNsFix(body.el, nsA));
    return;
  }
  if (body.use?.value === 'encoded') return; // R2717 is about rpc-literal; encoded is already R2706
  const tns = c.model.doc.targetNamespace;
  if (!nsA) {
    c.add(R2717, body.el.nameSpan,
      `In an rpc-literal binding, soap:body needs a namespace attribute (${profileOf(b)} R2717): it is the namespace of the operation wrapper element on the wire, and without it stacks disagree on what to send. Add namespace="${tns || 'urn:your-namespace'}".`,
      tns ? fixes({ title: `Add namespace="${tns}" (the targetNamespace)`, edits: [{ start: body.el.nameSpan.end, end: body.el.nameSpan.end, newText: ` namespace="${escAttr(tns)}"` }], preferred: true }) : {});
  } else if (!isAbsoluteUri(nsA.value)) {
    c.add(R2717, nsA.valueSpan,
      `soap:body namespace=${q(nsA.value)} is not an absolute URI; ${profileOf(b)} R2717 requires one (e.g. "${tns || 'urn:example:service'}"), because it becomes the namespace of the rpc wrapper element.`);
  }
}

/** R2201, R2210, R2203, R2204 for the parts bound to soap:body. */
function checkBodyParts(c: Collector, b: Binding, op: BindingOperation, style: string, body: SoapBody, msg: Message, profile: string): void {
  if (body.use?.value === 'encoded') return; // literal-only rules; encoded is R2706
  const names = body.parts?.names;
  if (style === 'document') {
    if (names && names.length > 1) {
      c.add(R2201, body.parts!.span,
        `Document-literal soap:body in operation ${q(op.name)} binds ${names.length} parts (${listNames(names)}); ${profile} R2201 allows at most one, since the SOAP Body of a document-literal message holds exactly one element. Wrap the parts in one element and bind that part alone.`);
    } else if (!names && msg.parts.length > 1) {
      c.add(R2210, body.el.nameSpan,
        `soap:body in operation ${q(op.name)} has no parts attribute, so it binds all ${msg.parts.length} parts of message ${q(msg.name)} (${listNames(msg.parts.map((p) => p.name))}); ${profile} R2210 allows one part in a document-literal body. Add parts="<the body part>" and bind the rest to soap:header, or wrap them in one element.`);
    }
  }
  for (const p of partsNamed(msg, names)) {
    if (!c.here(msg.uri)) continue;
    if (style === 'rpc' && p.element) {
      c.addOnce(R2203, p.element.span,
        `Part ${q(p.name)} of message ${q(msg.name)} is bound to an rpc-literal soap:body (operation ${q(op.name)}) but declared with element=; ${profile} R2203 requires type= there, since rpc style wraps each part in an accessor element named after the part. Use type= or switch the binding to document style.`);
    } else if (style === 'document' && p.type) {
      c.addOnce(R2204, p.type.span,
        `Part ${q(p.name)} of message ${q(msg.name)} is bound to a document-literal soap:body (operation ${q(op.name)}) but declared with type=; ${profile} R2204 requires element=, since the body must hold a global element whose name the schema fixes. Declare a global element of this type and refer to it with element=.`);
    }
  }
}

/** R2209: with parts= on soap:body, every other part should be bound to a header (or MIME part). */
function checkUnbound(c: Collector, b: Binding, op: BindingOperation, bm: BindingMessage, msg: Message): void {
  if (bm.mime.length) return;
  const names = bm.body ? bm.body.parts?.names : [];
  if (!names) return;
  const bound = new Set(names);
  for (const h of bm.headers) {
    if (!h.parts) continue;
    const hm = c.message(h.message);
    if (hm === msg) bound.add(h.parts.value);
  }
  const unbound = msg.parts.filter((p) => !bound.has(p.name)).map((p) => p.name);
  if (unbound.length) {
    c.add(R2209, bm.body?.parts?.span ?? bm.el.nameSpan,
      `Part${unbound.length > 1 ? 's' : ''} ${listNames(unbound)} of message ${q(msg.name)} ${unbound.length > 1 ? 'are' : 'is'} bound neither to soap:body nor to a soap:header in operation ${q(op.name)}, so ${unbound.length > 1 ? 'they are' : 'it is'} never sent (${profileOf(b)} R2209). ${bm.body ? `Add ${unbound.length > 1 ? 'them' : 'it'} to parts=` : `The <${bm.el.localName}> has no soap:body at all: add one`}, bind ${unbound.length > 1 ? 'them' : 'it'} to a soap:header, or remove ${unbound.length > 1 ? 'them' : 'it'} from the message.`);
  }
}

function checkHeaderPart(c: Collector, b: Binding, h: SoapBody, what: string): void {
  const m = c.model;
  if (!h.parts) {
    const only = c.message(h.message)?.parts;
    const one = only && only.length === 1 ? only[0].name : undefined;
    c.add(R2720, h.el.nameSpan,
      `soap:${what} has no part attribute; ${profileOf(b)} R2720 requires it to name the single part (of message ${h.message ? q(h.message.raw) : 'the header message'}) that becomes the header block.${one ? ` That message has one part: add part="${one}".` : ' Add part="<part name>".'}`,
      one ? fixes({ title: `Add part="${one}"`, edits: [{ start: h.el.nameSpan.end, end: h.el.nameSpan.end, newText: ` part="${escAttr(one)}"` }], preferred: true }) : {});
    return;
  }
  const hm = c.message(h.message);
  const p = hm?.parts.find((x) => x.name === h.parts!.value);
  if (hm && p && p.type && !p.element && c.here(hm.uri)) {
    c.addOnce(R2205, p.type.span, partByElementMessage(b, p, hm, 'soap:header'));
  }
}

function partByElementMessage(b: Binding, p: Part, msg: Message, where: string): string {
  return `Part ${q(p.name)} of message ${q(msg.name)} is bound to ${where} but declared with type=; ${profileOf(b)} R2205 requires element=, because a header block or fault detail is one element whose name the schema must fix. Refer to a global element instead.`;
}

function checkFault(c: Collector, b: Binding, op: BindingOperation, ptOp: PortTypeOperation | undefined, f: BindingMessage, style: string): void {
  const sf = f.fault;
  const profile = profileOf(b);
  if (!sf) return;
  if (!sf.name) {
    c.add(R2721, sf.el.nameSpan,
      `soap:fault in operation ${q(op.name)} has no name attribute; ${profile} R2721 requires it, to tie the SOAP fault to its wsdl:fault.${f.name ? ` Add name="${f.name}".` : ''}`,
      f.name ? fixes({ title: `Add name="${f.name}"`, edits: [{ start: sf.el.nameSpan.end, end: sf.el.nameSpan.end, newText: ` name="${escAttr(f.name)}"` }], preferred: true }) : {});
  } else if (f.name && sf.name.value !== f.name) {
    c.add(R2754, sf.name.span,
      `soap:fault name=${q(sf.name.value)} differs from its wsdl:fault name=${q(f.name)}; ${profile} R2754 requires them to be equal, otherwise the fault cannot be matched to its message. Rename it to ${q(f.name)}.`,
      fixes({ title: `Rename to '${f.name}'`, edits: [{ start: sf.name.span.start, end: sf.name.span.end, newText: escAttr(f.name) }], preferred: true }));
  }
  if (sf.use?.value === 'encoded') {
    c.add(R2723, sf.use.span,
      `soap:fault use="encoded" in operation ${q(op.name)}: ${profile} R2723 allows only literal faults, since the fault detail must be the literal element of the fault part. Use use="literal".`,
      literalFix(sf.el));
  } else if (sf.use && sf.use.value !== 'literal') {
    c.add(SOAP_VALUE_INVALID, sf.use.span, `use=${q(sf.use.value)} is neither "literal" nor "encoded" (WSDL 1.1 §3.6). Use "literal".`);
  }
  const nsA = attr(sf.el, 'namespace');
  if (nsA) c.add(style === 'rpc' ? R2726 : R2716, nsA.nameSpan, namespaceMessage(b, style, 'fault'), removeNsFix(sf.el, nsA));
  const pf = ptOp?.faults.find((x) => x.name === f.name);
  const fm = c.message(pf?.message);
  if (fm && c.here(fm.uri)) {
    for (const p of fm.parts) if (p.type && !p.element) c.addOnce(R2205, p.type.span, partByElementMessage(b, p, fm, 'soap:fault'));
  }
}

/** R2710: operations of one binding must differ on the wire (the input's body element, or the rpc operation name). */
function checkWireSignatures(c: Collector, b: Binding): void {
  const m = c.model;
  const seen = new Map<string, BindingOperation>();
  for (const op of b.operations) {
    const sig = signature(c, b, op);
    if (sig === undefined) continue;
    const prev = seen.get(sig.key);
    if (!prev) { seen.set(sig.key, op); continue; }
    if (prev.name === op.name) continue; // overloading is R2304's business
    // Basic Profile 1.2 / 2.0 count the WS-Addressing Action as part of the signature (e.g. WS-Trust's operations).
    const a1 = wsaAction(c.ptOp(b, prev.name)?.input)?.value, a2 = wsaAction(c.ptOp(b, op.name)?.input)?.value;
    if (a1 && a2 && a1 !== a2) continue;
    c.add(R2710, op.nameSpan,
      `Operations ${q(prev.name)} and ${q(op.name)} of binding ${q(b.name)} send the same request on the wire (${sig.label}), so the service cannot tell which one was called (${profileOf(b)} R2710). Give each operation its own input element${op.soapAction?.value ? '' : ', or at least distinct soapActions'}.`,
      { related: [c.related(m.doc.uri, prev.nameSpan, `operation ${prev.name}`)] });
  }
}

function signature(c: Collector, b: Binding, op: BindingOperation): { key: string; label: string } | undefined {
  const style = styleOf(b, op);
  if (style === 'rpc') {
    const ns = op.input?.body?.namespace?.value ?? '';
    return { key: `rpc {${ns}}${op.name}`, label: `rpc wrapper element ${q(op.name)}` };
  }
  const ptOp = c.ptOp(b, op.name);
  if (!ptOp?.input || !op.input?.body || op.input.mime.length) return undefined;
  const msg = c.message(ptOp.input.message);
  if (!msg) return undefined;
  const parts = partsNamed(msg, op.input.body.parts?.names);
  if (parts.length === 0) return { key: 'doc (empty)', label: 'an empty SOAP Body' };
  if (parts.length > 1) return undefined;
  const el = parts[0].element;
  if (!el || el.ns === undefined) return undefined;
  return { key: `doc {${el.ns}}${el.local}`, label: `body element ${q(el.raw)}` };
}

function wsaAction(om: OperationMessage | undefined): { value: string; span: Span } | undefined {
  if (!om) return undefined;
  for (const ns of WSA_ACTION_NS) {
    const a = attrNS(om.el, ns, 'Action');
    if (a) return { value: a.value, span: a.valueSpan };
  }
  return undefined;
}

function checkSoapActions(c: Collector, b: Binding): void {
  const m = c.model;
  const tns = m.doc.targetNamespace;
  const overHttp = b.soap?.transport?.value.trim() === TRANSPORT.SOAP_HTTP || b.soap?.transport?.value.trim() === TRANSPORT.SOAP12_HTTP;
  const documentOps = b.operations.filter((o) => styleOf(b, o) === 'document');
  const byAction = new Map<string, BindingOperation>();
  // Operations whose request cannot be told apart by the body (same wire signature): the action is then all there is.
  const sigCount = new Map<string, number>();
  const sigOf = new Map<BindingOperation, string>();
  for (const op of b.operations) {
    const sg = signature(c, b, op);
    if (!sg) continue;
    sigOf.set(op, sg.key);
    sigCount.set(sg.key, (sigCount.get(sg.key) ?? 0) + 1);
  }
  const ambiguous = (op: BindingOperation) => { const k = sigOf.get(op); return k !== undefined && (sigCount.get(k) ?? 0) > 1; };
  for (const op of b.operations) {
    const ptOp = c.ptOp(b, op.name);
    const wsa = wsaAction(ptOp?.input);
    const sa = op.soapAction;
    const soapOp = op.soapOperation;
    // Where the action matters: SOAP 1.1 over HTTP always sends a SOAPAction header (WSDL 1.1 §3.4 says the
    // value is required for HTTP), and with several document operations it is what many servers dispatch on.
    // SOAP 1.2: only when the binding says soapActionRequired="true".
    const required = b.protocol === 'soap11' ? overHttp && documentOps.length > 1 && styleOf(b, op) === 'document'
      : op.soapActionRequired?.value === 'true';
    if (op.soapActionRequired && op.soapActionRequired.value !== 'true' && op.soapActionRequired.value !== 'false') {
      c.add(SOAP_VALUE_INVALID, op.soapActionRequired.span, `soapActionRequired=${q(op.soapActionRequired.value)} is not a boolean; write "true" or "false".`);
    }
    if (required && !sa) {
      const action = wsa?.value ?? actionFor(tns, op.name);
      const where = soapOp ? soapOp.el.nameSpan : op.nameSpan;
      c.add(SOAP_ACTION_MISSING, where,
        b.protocol === 'soap11'
          ? `Operation ${q(op.name)} has no soapAction, but binding ${q(b.name)} sends ${documentOps.length} document-style operations over SOAP 1.1/HTTP: the SOAPAction header is then the only hint besides the body element, and WSDL 1.1 §3.4 requires a value for HTTP. Add soapAction="${action}".`
          : `Operation ${q(op.name)} declares soapActionRequired="true" but no soapAction, so the client cannot send the required action parameter. Add soapAction="${action}".`,
        {
          ...(soapOp ? fixes({ title: `Add soapAction="${action}"`, edits: [{ start: soapOp.el.nameSpan.end, end: soapOp.el.nameSpan.end, newText: ` soapAction="${escAttr(action)}"` }], preferred: true }) : {}),
          ...(b.protocol === 'soap12' || ambiguous(op) ? { severity: 'warning' as const } : {}),
        });
    }
    if (sa && sa.value !== '') {
      const prev = byAction.get(sa.value);
      if (prev) {
        c.add(SOAP_ACTION_DUPLICATE, sa.span,
          `Operations ${q(prev.name)} and ${q(op.name)} of binding ${q(b.name)} share soapAction ${q(sa.value)}; a server that dispatches on SOAPAction (or on the WS-Addressing Action) cannot tell them apart. Give each operation its own action.`,
          { related: [c.related(m.doc.uri, prev.soapAction!.span, `soapAction of ${prev.name}`)], ...(ambiguous(op) ? {} : { severity: 'information' as const }) });
      } else byAction.set(sa.value, op);
      if (wsa && wsa.value !== '' && wsa.value !== sa.value) {
        c.add(SOAP_ACTION_MISMATCH, sa.span,
          `soapAction ${q(sa.value)} differs from the WS-Addressing Action ${q(wsa.value)} of the portType input; with WS-Addressing the two must match (WS-Addressing Metadata §4.4), and servers reject or misroute the request. Use ${q(wsa.value)}.`,
          fixes({ title: `Set soapAction to '${wsa.value}'`, edits: [{ start: sa.span.start, end: sa.span.end, newText: escAttr(wsa.value) }], preferred: true }));
      }
    }
  }
}
