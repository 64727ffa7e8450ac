/**
 * Hovers on WSDL 1.1 / 2.0 and XML Schema elements, attributes and QName references: what it is, what it
 * refers to (with a preview of the target), and the protocol / format / style it implies, with the spec link.
 * Lookups go through the element tree (binary search by offset) and per-version indexes: no re-walk per hover.
 */
import { code, codeBlock, escapeMarkdown, link } from '../core/markdown';
import type { Span } from '../core/text';
import type { HoverResult } from '../core/types';
import { attr, elementAt } from '../syntax/xmlParser';
import type { XmlAttribute, XmlElement } from '../syntax/xmlTree';
import type { Binding, BindingOperation, Component, ImportRef, InterfaceOperation, Message, PortType, QNameRef, SchemaComponent, Service } from './model';
import { NS } from './model';
import { XSD_NAMESPACES } from './build';
import { xsdBuiltin, xsdBuiltinText } from './xsdBuiltins';
import { type Ctx, declarationAt, partAt, protocolLabel, refIndex, textOf } from './features';
import {
  EXTENSION_NS, SPEC, STYLE20, type Spec, addressProtocol, contentType, effectiveStyle, effectiveUse, envelopeNs, http20Method, mepText, primitiveText, transportOf,
} from './semantics';

/** A table entry for a key taken from the document (never an Object.prototype member such as "constructor"). */
const own = <T>(table: Record<string, T>, key: string): T | undefined => (Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined);
const inSpan = (s: Span | undefined, o: number) => !!s && o >= s.start && o <= s.end;
const see = (s: Spec) => `See ${link(s.title, s.url)}.`;
const c = (t: string) => code(t);

export function wsdlHover(ctx: Ctx, offset: number): HoverResult | null {
  const a = ctx.doc;
  const el = elementAt(a.model.doc.root, offset);
  if (!el) return null;
  const lines = a.source.lines;
  const result = (md: string | undefined, span: Span): HoverResult | null => (md ? { markdown: md, range: lines.rangeOf(span) } : null);
  // A QName reference?
  const ref = refIndex(a).get(el)?.find((r) => inSpan(r.span, offset));
  if (ref) return result(refHover(ctx, ref), ref.span);
  if (inSpan(el.nameSpan, offset) || inSpan(el.endNameSpan, offset)) return result(elementHover(ctx, el), inSpan(el.nameSpan, offset) ? el.nameSpan : el.endNameSpan!);
  // soap:body parts= / soap:header part=: the message part named there.
  if ((el.ns === NS.SOAP11 || el.ns === NS.SOAP12) && (el.localName === 'body' || el.localName === 'header' || el.localName === 'headerfault')) {
    const p = partAt(a, el, offset);
    if (p) {
      const preview = textOf(ctx, p.uri)?.slice(p.part.span.start, Math.min(p.part.span.end, p.part.span.start + 600));
      const what = p.part.element ? `element ${c(p.part.element.raw)}` : p.part.type ? `type ${c(p.part.type.raw)}` : 'no element or type';
      return result(`**message part** ${c(p.part.name)} (${what})\n\n${el.localName === 'body' ? 'Sent in the SOAP Body.' : 'Sent as a SOAP header block.'}${preview ? '\n\n' + codeBlock(preview, 'xml') : ''}\n\n${see(el.localName === 'body' ? SPEC.soapBody : SPEC.soapHeader)}`, p.span);
    }
  }
  for (const at of el.attributes) {
    if (inSpan(at.nameSpan, offset) || inSpan(at.valueSpan, offset)) {
      const md = attributeHover(ctx, el, at);
      return result(md, inSpan(at.nameSpan, offset) ? at.nameSpan : at.valueSpan);
    }
  }
  if (el.localName === 'documentation' && inSpan(el.textSpan, offset)) return null;
  return null;
}

// ---- references ---------------------------------------------------------------------------------------

const KIND_WORDS: Record<string, string> = {
  message: 'message', portType: 'portType', binding: 'binding', service: 'service', interface: 'interface',
  interfaceFault: 'interface fault', interfaceOperation: 'interface operation', element: 'schema element',
  type: 'schema type', attribute: 'schema attribute', group: 'model group', attributeGroup: 'attribute group',
};

function refHover(ctx: Ctx, ref: QNameRef): string {
  const m = ctx.doc.model;
  const out: string[] = [];
  const nsText = ref.ns === undefined ? `prefix ${c(ref.prefix)} is not declared` : ref.ns === '' ? 'no namespace' : c(ref.ns);
  out.push(`**${escapeMarkdown(KIND_WORDS[ref.kind] ?? ref.kind)} reference** ${c(ref.raw)} → {${nsText}}${c(ref.local)}`);
  const r = m.resolve(ref);
  if (r.status === 'found') {
    const t = r.target;
    const where = t.uri === ctx.doc.source.uri ? 'in this document' : `in ${c(fileName(t.uri))}`;
    out.push(`Defined ${where}${t.kind === 'type' ? ` as ${c('xsd:' + ((t as SchemaComponent).typeKind ?? 'type'))}` : ''}.`);
    out.push(targetSummary(ctx, t));
    const preview = previewOf(ctx, t);
    if (preview) out.push(codeBlock(preview, 'xml'));
  } else if (r.status === 'builtin') {
    const bi = ref.ns === NS.XSD && ref.kind === 'type' ? xsdBuiltin(ref.local) : undefined;
    out.push(bi ? `${c('xsd:' + bi.name)} is ${escapeMarkdown(xsdBuiltinText(bi))} ${see(bi.spec)}`
      : XSD_NAMESPACES.has(ref.ns ?? '') ? `A built-in XML Schema ${ref.kind === 'type' ? 'datatype' : 'component'}. ${see({ title: 'XML Schema Part 2 §3', url: 'https://www.w3.org/TR/xmlschema-2/#built-in-datatypes' })}`
      : ref.ns === NS.SOAPENC ? `A SOAP 1.1 encoding type: it implies rpc/encoded-style data, which WS-I Basic Profile forbids. ${see(SPEC.soapEncoding)}`
        : `Defined by a well-known namespace (${c(r.ns)}).`);
  } else if (r.status === 'unavailable') {
    out.push(`Not checked: ${escapeMarkdown(r.reason)}.`);
  } else {
    out.push(r.reason === 'undeclared-prefix'
      ? `**Unresolved:** the prefix ${c(ref.prefix)} is not declared on this element or an ancestor. ${see(SPEC.xmlns)}`
      : ref.ns === NS.XSD && ref.kind === 'type'
        ? `**Unresolved:** ${c(ref.local)} is not an XML Schema built-in datatype. ${see({ title: 'XML Schema Part 2 §3 built-in datatypes', url: 'https://www.w3.org/TR/xmlschema-2/#built-in-datatypes' })}`
        : `**Unresolved:** no ${escapeMarkdown(KIND_WORDS[ref.kind] ?? ref.kind)} named ${c(ref.local)} in ${ref.ns ? c(ref.ns) : 'no namespace'} in this document or its imports.`);
  }
  out.push(refRole(ref));
  return out.filter(Boolean).join('\n\n');
}

/** What this kind of reference means where it stands. */
function refRole(ref: QNameRef): string {
  const el = ref.el.localName;
  if (ref.attr === 'element' && el === 'part') return `A part with ${c('element=')} is the literal XML element in the SOAP body; document/literal requires it. ${see(SPEC.bpR2203)}`;
  if (ref.attr === 'type' && el === 'part') return `A part with ${c('type=')} is typed, not an element: it suits rpc style (the part becomes a child of the operation wrapper). ${see(SPEC.bpR2203)}`;
  if (ref.attr === 'message' && (el === 'input' || el === 'output' || el === 'fault')) return `The abstract message this ${el} carries. ${see(SPEC.portTypes)}`;
  if (ref.attr === 'message') return `The message that defines this header's part. ${see(SPEC.soapHeader)}`;
  if (ref.attr === 'type' && el === 'binding') return `The portType this binding makes concrete: every operation of it gets a wire format here. ${see(SPEC.bindings)}`;
  if (ref.attr === 'binding') return `The binding this endpoint speaks. ${see(ref.el.ns === NS.WSDL20 ? SPEC.w20Endpoint : SPEC.ports)}`;
  if (ref.attr === 'interface') return `The interface (abstract operations) this ${el} implements. ${see(el === 'service' ? SPEC.w20Service : SPEC.w20Binding)}`;
  if (ref.attr === 'extends') return `An interface this one inherits operations and faults from. ${see(SPEC.w20Interface)}`;
  if (ref.attr === 'ref' && ref.kind === 'interfaceOperation') return `The interface operation this binding operation gives a wire format. ${see(SPEC.w20Binding)}`;
  if (ref.attr === 'ref' && ref.kind === 'interfaceFault') return `The interface fault this refers to. ${see(SPEC.w20FaultRef)}`;
  if (ref.attr === 'element') return `The XML element that is the message content. ${see(SPEC.w20MessageRef)}`;
  if (ref.inSchema) return `A schema reference (${c(ref.attr + '=')}). ${see(SPEC.xsd)}`;
  return '';
}

function fileName(uri: string): string { return decodeURIComponent(uri.replace(/^.*\//, '')); }

/** A few lines of the target's source, trimmed. */
function previewOf(ctx: Ctx, t: Component): string | undefined {
  const text = textOf(ctx, t.uri);
  if (!text) return undefined;
  const raw = text.slice(t.span.start, Math.min(t.span.end, t.span.start + 1200));
  let linesOut = raw.split(/\r?\n/);
  // Re-indent relative to the first line's indentation.
  const lineStart = text.lastIndexOf('\n', t.span.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, t.span.start))?.[0].length ?? 0;
  linesOut = linesOut.map((l, i) => (i === 0 ? l : l.replace(new RegExp(`^[ \\t]{0,${indent}}`), '')));
  const truncated = linesOut.length > 12 || t.span.end - t.span.start > 1200;
  return linesOut.slice(0, 12).join('\n') + (truncated ? '\n…' : '');
}

function targetSummary(ctx: Ctx, t: Component): string {
  switch (t.kind) {
    case 'message': {
      const m = t as Message;
      return m.parts.length ? `Parts: ${m.parts.map((p) => `${c(p.name)} (${p.element ? 'element ' + c(p.element.raw) : p.type ? 'type ' + c(p.type.raw) : '?'})`).join(', ')}.` : 'A message with no parts.';
    }
    case 'portType': return `${(t as PortType).operations.length} operation(s): ${(t as PortType).operations.slice(0, 8).map((o) => c(o.name)).join(', ')}.`;
    case 'binding': return bindingLine(ctx, t as Binding);
    default: return '';
  }
}

function bindingLine(ctx: Ctx, b: Binding): string {
  const parts: string[] = [];
  const proto = protocolLabel(b.protocol);
  if (b.type20) {
    if (b.protocol === 'http') parts.push('plain HTTP (WSDL 2.0 HTTP binding)');
    else if (b.protocol === 'soap11' || b.protocol === 'soap12') parts.push(proto);
  } else if (proto) parts.push(proto);
  const transport = b.soap?.transport?.value ?? b.wsoapProtocol?.value;
  if (transport) parts.push(`over ${transportOf(transport).label}`);
  const style = effectiveStyle(b);
  if (style) {
    const uses = new Set(b.operations.map((o) => effectiveUse(o)).filter(Boolean));
    parts.push(`${style}/${uses.size === 1 ? [...uses][0] : uses.size ? 'mixed' : 'literal'}`);
  }
  return parts.length ? `Binding: ${escapeMarkdown(parts.join(' · '))}.` : '';
}

// ---- elements ------------------------------------------------------------------------------------------

function elementHover(ctx: Ctx, el: XmlElement): string | undefined {
  const m = ctx.doc.model;
  const d = m.doc;
  const ns = el.ns;
  const L = el.localName;
  const head = (title: string) => `**${escapeMarkdown(title)}** ${c('<' + el.name + '>')}`;
  if (el === d.root) {
    if (d.version === '2.0') return `${head('WSDL 2.0 description')}\n\nThe root of a WSDL 2.0 document${d.targetNamespace ? ` for ${c(d.targetNamespace)}` : ''}: interfaces (abstract operations), bindings (wire formats) and services (endpoints). ${see(SPEC.w20Description)}`;
    if (d.version === '1.1') return `${head('WSDL 1.1 definitions')}${d.name ? ` ${c(d.name.value)}` : ''}\n\nThe root of a WSDL 1.1 document${d.targetNamespace ? ` for ${c(d.targetNamespace)}` : ''}: ${d.messages.length} message(s), ${d.portTypes.length} portType(s), ${d.bindings.length} binding(s), ${d.services.length} service(s). ${see(SPEC.definitions)}`;
  }
  if (ns === NS.WSDL11) return wsdl11Element(ctx, el, head);
  if (ns === NS.WSDL20) return wsdl20Element(ctx, el, head);
  if (ns === NS.SOAP11 || ns === NS.SOAP12) return soapElement(ctx, el, head);
  if (ns === NS.HTTP11) return httpElement(el, head);
  if (ns === NS.MIME) return `${head('MIME binding: ' + L)}\n\n${L === 'multipartRelated' ? 'The message is a MIME multipart/related package: a SOAP envelope plus attachments (SOAP with Attachments).' : L === 'content' ? `A MIME part with media type ${c(attr(el, 'type')?.value ?? '*/*')}.` : L === 'mimeXml' ? 'A part sent as plain XML without a SOAP envelope.' : 'One part of a multipart/related message.'} ${see(SPEC.mime)}`;
  if (XSD_NAMESPACES.has(ns ?? '')) return xsdElement(ctx, el, head);
  const ext = ns ? own(EXTENSION_NS, ns) : undefined;
  if (ext) return `${head(ext.name + ' ' + L)}\n\n${escapeMarkdown(ext.text[0].toUpperCase() + ext.text.slice(1))}. ${see(ext.spec)}`;
  return undefined;
}

function bindingOf(ctx: Ctx, el: XmlElement): Binding | undefined {
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    if (e.localName === 'binding' && (e.ns === NS.WSDL11 || e.ns === NS.WSDL20)) return ctx.doc.model.doc.bindings.find((b) => b.el === e);
  }
  return undefined;
}
function bindingOperationOf(b: Binding | undefined, el: XmlElement): BindingOperation | undefined {
  if (!b) return undefined;
  for (let e: XmlElement | undefined = el; e && e !== b.el; e = e.parent) {
    const op = b.operations.find((o) => o.el === e);
    if (op) return op;
  }
  return undefined;
}

function importHover(ctx: Ctx, el: XmlElement, head: (t: string) => string, spec: Spec): string {
  const imp = ctx.doc.model.documents.flatMap((d) => d.imports).find((i) => i.el === el);
  const lines = [head(`${el.prefix ? el.prefix + ':' : ''}${el.localName}`)];
  lines.push(el.localName === 'include' ? 'Brings in definitions of the SAME target namespace from another document.' : 'Makes the definitions of another namespace available here.');
  if (imp) lines.push(importStatus(imp));
  lines.push(see(spec));
  return lines.join('\n\n');
}

function importStatus(imp: ImportRef): string {
  const loc = imp.location?.value;
  switch (imp.status) {
    case 'ok': return `Resolved to ${c(fileName(imp.resolvedUri ?? loc ?? ''))}${imp.namespace ? ` (namespace ${c(imp.namespace.value)})` : ''}.`;
    case 'remote': return `Not followed: ${c(loc ?? '')} is on the network, and API Lens never fetches; its names are not checked.`;
    case 'not-found': return imp.outsideWorkspace
      ? `${c(loc ?? '')} is outside the workspace folders: API Lens does not read it, so its names are not checked.`
      : `**Not found:** ${c(loc ?? '')} does not exist in the workspace.`;
    case 'not-xml': return `${c(loc ?? '')} is not a WSDL or XML Schema document.`;
    case 'cycle': return `Leads back to this document (a cycle); followed once.`;
    default: return imp.namespace ? `No location: the namespace ${c(imp.namespace.value)} must be known to the processor or defined by another schema in this document.` : 'No location.';
  }
}

function wsdl11Element(ctx: Ctx, el: XmlElement, head: (t: string) => string): string | undefined {
  const m = ctx.doc.model;
  const d = m.doc;
  const L = el.localName;
  switch (L) {
    case 'import': return importHover(ctx, el, head, SPEC.import);
    case 'types': return `${head('WSDL types')}\n\nThe XML Schemas that define the elements and types messages carry (${d.schemas.length} embedded schema(s)). ${see(SPEC.types)}`;
    case 'documentation': return `${head('WSDL documentation')}\n\nHuman-readable documentation; it has no effect on the wire. ${see(SPEC.definitions)}`;
    case 'message': {
      const msg = d.messages.find((x) => x.el === el);
      if (!msg) break;
      const users = m.referencesTo(msg).length;
      return `${head('WSDL message')} ${c(msg.name)}\n\nAn abstract message: ${msg.parts.length} part(s)${msg.parts.length ? ': ' + msg.parts.map((p) => `${c(p.name)} → ${p.element ? 'element ' + c(p.element.raw) : p.type ? 'type ' + c(p.type.raw) : '?'}`).join(', ') : ''}. Referenced ${users} time(s) in this document. ${see(SPEC.messages)}`;
    }
    case 'part': return `${head('WSDL message part')} ${c(attr(el, 'name')?.value ?? '')}\n\nOne logical piece of a message. ${attr(el, 'element') ? `With ${c('element=')} it is sent as that XML element (document style).` : attr(el, 'type') ? `With ${c('type=')} it is a typed value (rpc style: wrapped in an element named after the part).` : `It needs ${c('element=')} or ${c('type=')}.`} ${see(SPEC.messages)}`;
    case 'portType': {
      const pt = d.portTypes.find((x) => x.el === el);
      return `${head('WSDL portType')} ${c(pt?.name ?? '')}\n\nThe abstract interface: ${pt?.operations.length ?? 0} operation(s) with their messages, independent of protocol. Bindings give it a wire format. ${see(SPEC.portTypes)}`;
    }
    case 'binding': {
      const b = d.bindings.find((x) => x.el === el);
      if (!b) break;
      return `${head('WSDL binding')} ${c(b.name)}\n\nMakes ${b.type ? c(b.type.raw) : 'a portType'} concrete: protocol, style and encoding of every operation. ${bindingLine(ctx, b)} ${see(SPEC.bindings)}`;
    }
    case 'service': {
      const s = d.services.find((x) => x.el === el);
      return `${head('WSDL service')} ${c(s?.name ?? '')}\n\nA set of ports (endpoints): ${s ? serviceLine(s) : ''} ${see(SPEC.services)}`;
    }
    case 'port': {
      const s = d.services.find((x) => x.el === el.parent);
      const p = s?.ports.find((x) => x.el === el);
      const r = p?.binding ? m.resolve(p.binding) : undefined;
      const bl = r?.status === 'found' ? ` ${bindingLine(ctx, r.target as Binding)}` : '';
      return `${head('WSDL port')} ${c(p?.name ?? '')}\n\nOne endpoint: the binding ${p?.binding ? c(p.binding.raw) : '(none)'} at ${p?.address ? c(p.address.location.value) + ' — ' + escapeMarkdown(addressProtocol(p.address.location.value).text) : 'no address'}.${bl} ${see(SPEC.ports)}`;
    }
    case 'operation': case 'input': case 'output': case 'fault': {
      const b = bindingOf(ctx, el);
      if (b) return bindingOperationHover(ctx, b, el, head);
      // portType operation or its messages
      const opEl = L === 'operation' ? el : el.parent;
      const pt = d.portTypes.find((x) => x.el === opEl?.parent);
      const op = pt?.operations.find((o) => o.el === opEl);
      if (!op) break;
      if (L === 'operation') {
        const p = primitiveText(op.primitive);
        return `${head('WSDL operation')} ${c(op.name)} (portType ${c(pt!.name)})\n\nAn abstract operation, ${escapeMarkdown(p.text)}. ${see(p.spec)}`;
      }
      return `${head('WSDL operation ' + L)}\n\nThe ${L} message of operation ${c(op.name)}${attr(el, 'message') ? `: ${c(attr(el, 'message')!.value)}` : ''}. ${see(SPEC.portTypes)}`;
    }
  }
  return `${head('WSDL 1.1 ' + L)}\n\n${see(SPEC.definitions)}`;
}

function serviceLine(s: Service): string {
  return s.ports.map((p) => `${c(p.name)}${p.address ? ` at ${c(p.address.location.value)} (${addressProtocol(p.address.location.value).label})` : ''}`).join(', ') + '.';
}

function bindingOperationHover(ctx: Ctx, b: Binding, el: XmlElement, head: (t: string) => string): string {
  const op = bindingOperationOf(b, el);
  const L = el.localName;
  const soapV = b.protocol === 'soap11' ? '1.1' : b.protocol === 'soap12' ? '1.2' : undefined;
  if (L === 'operation' && op) {
    const lines = [`${head('WSDL binding operation')} ${c(op.name)} (binding ${c(b.name)})`];
    const pto = ctx.doc.model.portTypeOperation(b, op.name);
    lines.push(`The wire format of ${pto ? `portType operation ${c(pto.name)} (${escapeMarkdown(pto.primitive ?? 'no messages')})` : op.ref ? `interface operation ${c(op.ref.raw)}` : 'an operation'}.`);
    const facts: string[] = [];
    if (soapV) facts.push(`SOAP ${soapV}`);
    const style = effectiveStyle(b, op);
    const use = effectiveUse(op);
    if (style) facts.push(`${style}/${use ?? '?'}`);
    if (op.soapAction) facts.push(`SOAPAction ${JSON.stringify(op.soapAction.value)}`);
    if (b.protocol === 'http' && b.type20) {
      const itfOp = op.ref ? ctx.doc.model.resolve(op.ref) : undefined;
      const safe = itfOp?.status === 'found' ? (itfOp.target as InterfaceOperation).safe?.value === 'true' : undefined;
      const hm = http20Method(op, b, safe);
      facts.push(`plain HTTP ${hm.method} (${hm.why}), no SOAP envelope`);
    } else if (op.whttpMethod) facts.push(`HTTP ${op.whttpMethod.value}`);
    if (op.whttpLocation) facts.push(`location ${op.whttpLocation.value}`);
    if (facts.length) lines.push(escapeMarkdown(facts.join(' · ')));
    lines.push(see(b.type20 ? SPEC.w20Binding : SPEC.bindings));
    return lines.join('\n\n');
  }
  const msg = op && (L === 'input' ? op.input : L === 'output' ? op.output : op.faults.find((f) => f.el === el));
  const body = msg?.body ?? msg?.fault;
  return `${head('WSDL binding ' + L)}\n\nHow the ${L} of ${c(op?.name ?? '')} is encoded on the wire${body?.use ? `: ${c('use="' + body.use.value + '"')}` : ''}${msg?.mime.length ? ', as MIME multipart/related' : ''}. ${see(b.type20 ? SPEC.w20Binding : SPEC.bindings)}`;
}

function soapElement(ctx: Ctx, el: XmlElement, head: (t: string) => string): string {
  const v = el.ns === NS.SOAP11 ? '1.1' : '1.2';
  const b = bindingOf(ctx, el);
  const L = el.localName;
  const ext = v === '1.2' ? ` ${see(SPEC.soap12Binding)}` : '';
  switch (L) {
    case 'binding': {
      const style = attr(el, 'style')?.value ?? 'document';
      const tr = attr(el, 'transport')?.value;
      const t = tr ? transportOf(tr) : undefined;
      return [
        `${head(`SOAP ${v} binding`)}`,
        `**SOAP ${v}${t ? ` over ${escapeMarkdown(t.label)}` : ''}** · XML envelope (${c(envelopeNs(v))}${t?.label === 'HTTP' ? `, Content-Type ${c(contentType(v))}` : ''}) · **${escapeMarkdown(style)} style**${attr(el, 'style') ? '' : ' (the default)'}.`,
        t ? `Transport ${c(tr!)}: ${escapeMarkdown(t.text)}.` : `**No transport=**: WSDL 1.1 §3.3 requires it (WS-I BP R2701).`,
        style === 'rpc' ? 'rpc style: each message body is one element named after the operation, with one child per part.' : 'document style: the message parts are placed in the SOAP body as they are (with literal use, the schema describes the body exactly).',
        `${see(SPEC.soapBinding)}${ext} ${see(soapSpec(v))}`,
      ].join('\n\n');
    }
    case 'operation': {
      const sa = attr(el, 'soapAction');
      const st = attr(el, 'style');
      return [
        head(`SOAP ${v} operation`),
        sa ? `SOAPAction ${c(sa.value || '""')}: ${v === '1.1' ? 'sent as the SOAPAction HTTP header' : 'sent as the action parameter of the application/soap+xml Content-Type'}${sa.value === '' ? ' (empty: the server dispatches on the body element)' : ''}.` : 'No soapAction: with HTTP, clients send an empty SOAPAction (WS-I BP R2745 allows that).',
        st ? `Style ${c(st.value)} for this operation${b?.soap?.style && b.soap.style.value !== st.value ? ` (overrides the binding's ${c(b.soap.style.value)}; WS-I BP R2705 wants one style per binding)` : ''}.` : b ? `Style: ${escapeMarkdown(effectiveStyle(b) ?? 'document')} (from the binding).` : '',
        `${see(SPEC.soapOperation)}${ext}`,
      ].filter(Boolean).join('\n\n');
    }
    case 'body': return soapBodyHover(el, head, v, b);
    case 'header': return `${head(`SOAP ${v} header`)}\n\nThe part ${c(attr(el, 'part')?.value ?? '?')} of message ${c(attr(el, 'message')?.value ?? '?')} travels as a SOAP header block${attr(el, 'use') ? `, ${c('use="' + attr(el, 'use')!.value + '"')}` : ''}. ${see(SPEC.soapHeader)}${ext}`;
    case 'headerfault': return `${head(`SOAP ${v} headerfault`)}\n\nThe fault detail sent when the enclosing header cannot be processed. ${see(SPEC.soapHeader)}${ext}`;
    case 'fault': return `${head(`SOAP ${v} fault`)}\n\nThe wsdl:fault ${c(attr(el, 'name')?.value ?? '?')} is sent as the detail of a SOAP Fault${attr(el, 'use') ? `, ${c('use="' + attr(el, 'use')!.value + '"')}` : ''}. ${see(SPEC.soapFault)}${ext}`;
    case 'address': {
      const loc = attr(el, 'location')?.value ?? '';
      const p = addressProtocol(loc);
      return `${head(`SOAP ${v} address`)}\n\nEndpoint ${c(loc)}: **${escapeMarkdown(p.label)}**, ${escapeMarkdown(p.text)}.${!p.secure && p.label === 'HTTP' ? ` ${see(SPEC.rfc9110)}` : ''} ${see(SPEC.soapAddress)}${ext}`;
    }
  }
  return `${head(`SOAP ${v} ${L}`)}\n\n${see(SPEC.soapBinding)}${ext}`;
}

function soapSpec(v: '1.1' | '1.2'): Spec { return v === '1.1' ? SPEC.soap11 : SPEC.soap12; }

function soapBodyHover(el: XmlElement, head: (t: string) => string, v: '1.1' | '1.2', b: Binding | undefined): string {
  const use = attr(el, 'use')?.value;
  const op = b ? bindingOperationOf(b, el) : undefined;
  const style = b ? effectiveStyle(b, op) : undefined;
  const lines = [head(`SOAP ${v} body`)];
  if (use === 'encoded') {
    lines.push(`**${escapeMarkdown(style ?? 'rpc')}/encoded**: the body is serialised with SOAP encoding rules (${c(attr(el, 'encodingStyle')?.value ?? 'encodingStyle')}), not described exactly by the schema. **Not WS-I compliant**: Basic Profile R2706 allows only ${c('use="literal"')}, because encoded graphs (hrefs, arrays, xsi:type) were the main source of interoperability failures between toolkits. ${see(SPEC.bpR2706)} ${see(SPEC.soapEncoding)}`);
  } else if (use === 'literal') {
    lines.push(`**${escapeMarkdown(style ?? 'document')}/literal**: the body is exactly what the schema says${style === 'rpc' ? ', wrapped in an element named after the operation' : ''}. This is what WS-I Basic Profile requires.`);
  } else {
    lines.push(`No ${c('use=')}: WSDL 1.1 makes it required in practice; WS-I BP R2706 requires ${c('use="literal"')}.`);
  }
  const parts = attr(el, 'parts');
  if (parts) lines.push(`Only the parts ${c(parts.value)} go in the body (the others may be headers or attachments).`);
  const ns = attr(el, 'namespace');
  if (ns) lines.push(`namespace ${c(ns.value)}${style !== 'rpc' ? ': used only by rpc style (WS-I BP R2716 forbids it on document-literal)' : ': the namespace of the rpc wrapper element'}.`);
  lines.push(see(SPEC.soapBody));
  return lines.join('\n\n');
}

function httpElement(el: XmlElement, head: (t: string) => string): string {
  switch (el.localName) {
    case 'binding': return `${head('HTTP binding (WSDL 1.1 §4)')}\n\n**Plain HTTP, no SOAP envelope**, verb ${c(attr(el, 'verb')?.value ?? '?')}: parts are sent as URL parameters or a form/XML body. ${see(SPEC.http)}`;
    case 'operation': return `${head('HTTP operation')}\n\nRelative location ${c(attr(el, 'location')?.value ?? '')}, appended to the port's http:address. ${see(SPEC.http)}`;
    case 'address': { const loc = attr(el, 'location')?.value ?? ''; const p = addressProtocol(loc); return `${head('HTTP address')}\n\nBase URL ${c(loc)}: **${escapeMarkdown(p.label)}**, ${escapeMarkdown(p.text)}. ${see(SPEC.http)}`; }
    case 'urlEncoded': return `${head('http:urlEncoded')}\n\nParts are sent as query parameters (name=value). ${see(SPEC.http)}`;
    case 'urlReplacement': return `${head('http:urlReplacement')}\n\nParts replace the (name) placeholders in the operation's location. ${see(SPEC.http)}`;
  }
  return `${head('HTTP ' + el.localName)}\n\n${see(SPEC.http)}`;
}

function wsdl20Element(ctx: Ctx, el: XmlElement, head: (t: string) => string): string {
  const d = ctx.doc.model.doc;
  const L = el.localName;
  switch (L) {
    case 'include': return importHover(ctx, el, head, SPEC.w20Include);
    case 'import': return importHover(ctx, el, head, SPEC.w20Import);
    case 'types': return `${head('WSDL 2.0 types')}\n\nThe schemas of the message contents. ${see(SPEC.w20Types)}`;
    case 'interface': {
      const i = d.interfaces.find((x) => x.el === el);
      return `${head('WSDL 2.0 interface')} ${c(i?.name ?? '')}\n\nAbstract operations and faults${i?.extends.length ? `, extending ${i.extends.map((e) => c(e.raw)).join(', ')}` : ''}: ${i?.operations.length ?? 0} operation(s). ${see(SPEC.w20Interface)}`;
    }
    case 'operation': {
      const b = bindingOf(ctx, el);
      if (b) return bindingOperationHover(ctx, b, el, head);
      const op = d.interfaces.flatMap((i) => i.operations).find((o) => o.el === el);
      const mep = mepText(op?.pattern?.value);
      return `${head('WSDL 2.0 interface operation')} ${c(op?.name ?? '')}\n\nMessage exchange pattern **${escapeMarkdown(mep.name)}**${op?.pattern ? '' : ' (the default)'}: ${escapeMarkdown(mep.text)}.${op?.safe?.value === 'true' ? ' Declared safe (wsdlx:safe): no side effects, so an HTTP binding may use GET.' : ''} ${see(SPEC.w20Operation)} ${see(SPEC.w20Mep)}`;
    }
    case 'fault': {
      if (bindingOf(ctx, el)) return `${head('WSDL 2.0 binding fault')}\n\nHow an interface fault is sent on the wire. ${see(SPEC.w20Binding)}`;
      return `${head('WSDL 2.0 interface fault')} ${c(attr(el, 'name')?.value ?? '')}\n\nA named fault with content ${c(attr(el, 'element')?.value ?? '#any')}. ${see(SPEC.w20Fault)}`;
    }
    case 'input': case 'output': case 'infault': case 'outfault': {
      if (bindingOf(ctx, el)) return bindingOperationHover(ctx, bindingOf(ctx, el)!, el, head);
      const spec = L.endsWith('fault') ? SPEC.w20FaultRef : SPEC.w20MessageRef;
      return `${head('WSDL 2.0 ' + L)}\n\n${L.endsWith('fault') ? `The fault ${c(attr(el, 'ref')?.value ?? '?')} may be sent in this direction.` : `The ${L} message${attr(el, 'messageLabel') ? ` (label ${c(attr(el, 'messageLabel')!.value)})` : ''}, content ${c(attr(el, 'element')?.value ?? '#other')}.`} ${see(spec)}`;
    }
    case 'binding': {
      const b = d.bindings.find((x) => x.el === el);
      if (!b) break;
      if (b.protocol === 'http') {
        return `${head('WSDL 2.0 HTTP binding')} ${c(b.name)}\n\n**Plain HTTP, no SOAP envelope: REST-like**. Each operation maps to an HTTP method (${c(b.whttpMethodDefault?.value ?? 'GET if safe, else POST')} by default) and a URI template location. ${see(SPEC.w20Http)}`;
      }
      return `${head('WSDL 2.0 binding')} ${c(b.name)}\n\n${bindingLine(ctx, b)} ${see(b.protocol === 'soap11' || b.protocol === 'soap12' ? SPEC.w20Soap : SPEC.w20Binding)}`;
    }
    case 'service': {
      const s = d.services.find((x) => x.el === el);
      return `${head('WSDL 2.0 service')} ${c(s?.name ?? '')}\n\nEndpoints of interface ${c(s?.interface?.raw ?? '?')}: ${s ? serviceLine(s) : ''} ${see(SPEC.w20Service)}`;
    }
    case 'endpoint': {
      const a = attr(el, 'address')?.value;
      return `${head('WSDL 2.0 endpoint')} ${c(attr(el, 'name')?.value ?? '')}\n\nThe binding ${c(attr(el, 'binding')?.value ?? '?')}${a ? ` at ${c(a)}: **${escapeMarkdown(addressProtocol(a).label)}**, ${escapeMarkdown(addressProtocol(a).text)}` : ''}. ${see(SPEC.w20Endpoint)}`;
    }
    case 'documentation': return `${head('WSDL 2.0 documentation')}\n\nHuman-readable documentation. ${see(SPEC.w20Description)}`;
  }
  return `${head('WSDL 2.0 ' + L)}\n\n${see(SPEC.w20Description)}`;
}

function xsdElement(ctx: Ctx, el: XmlElement, head: (t: string) => string): string {
  const L = el.localName;
  if (L === 'schema') {
    const s = ctx.doc.model.doc.schemas.find((x) => x.el === el);
    return `${head('XML Schema')}\n\nTarget namespace ${s?.targetNamespace ? c(s.targetNamespace) : '(none)'}: ${s?.components.length ?? 0} global definition(s)${s?.elementFormDefault ? `, elementFormDefault ${c(s.elementFormDefault.value)}` : ''}. ${see(SPEC.xsd)}`;
  }
  if (L === 'import' || L === 'include' || L === 'redefine') return importHover(ctx, el, head, SPEC.xsdImport);
  const global = ctx.doc.model.doc.components.find((x) => x.el === el) as SchemaComponent | undefined;
  const name = attr(el, 'name')?.value;
  const what: Record<string, string> = {
    element: 'an XML element', complexType: 'a type with child elements and/or attributes', simpleType: 'a text-only type (restriction, list or union)',
    attribute: 'an XML attribute', group: 'a reusable group of elements', attributeGroup: 'a reusable group of attributes',
    sequence: 'children in this order', choice: 'exactly one of these children', all: 'these children in any order',
  };
  const users = global ? ctx.doc.model.referencesTo(global).length : 0;
  return `${head('XML Schema ' + L)}${name ? ' ' + c(name) : ''}\n\n${own(what, L) ? escapeMarkdown(`Declares ${own(what, L)}`) + '.' : ''}${global ? ` Global in ${c(global.ns || '(no namespace)')}; referenced ${users} time(s) in this document.` : ''} ${see(SPEC.xsd)}`;
}

// ---- attributes ----------------------------------------------------------------------------------------

function attributeHover(ctx: Ctx, el: XmlElement, at: XmlAttribute): string | undefined {
  const n = at.name;
  const v = at.value;
  if (n === 'xmlns' || n.startsWith('xmlns:')) {
    return `**Namespace declaration** ${c(n)}\n\n${n === 'xmlns' ? 'Default namespace' : `Prefix ${c(n.slice(6))}`} → ${c(v)}${own(KNOWN_NS, v) ? ` (${escapeMarkdown(own(KNOWN_NS, v)!)})` : ''}, in scope on this element and its descendants. ${see(SPEC.xmlns)}`;
  }
  if (n === 'targetNamespace') return `**targetNamespace** ${c(v)}\n\nThe namespace of every name defined here; references to them use a prefix bound to it. ${see(el.ns === NS.XSD ? SPEC.xsd : el.ns === NS.WSDL20 ? SPEC.w20Description : SPEC.definitions)}`;
  if ((el.ns === NS.SOAP11 || el.ns === NS.SOAP12) && (n === 'style' || n === 'transport' || n === 'use' || n === 'soapAction' || n === 'location' || n === 'encodingStyle' || n === 'namespace' || n === 'parts')) {
    if (n === 'transport') { const t = transportOf(v); return `**transport** ${c(v)}\n\n**${escapeMarkdown(t.label)}**: ${escapeMarkdown(t.text)}. ${see(t.spec ?? SPEC.soapBinding)}`; }
    if (n === 'location') { const p = addressProtocol(v); return `**location** ${c(v)}\n\n**${escapeMarkdown(p.label)}**: ${escapeMarkdown(p.text)}. ${see(SPEC.soapAddress)}`; }
    if (n === 'encodingStyle') return `**encodingStyle** ${c(v)}\n\nThe SOAP encoding rules for use="encoded" bodies; not allowed by WS-I BP (R2706). ${see(SPEC.soapEncoding)}`;
    return elementHover(ctx, el);
  }
  if (el.ns === NS.HTTP11 && (n === 'verb' || n === 'location')) return elementHover(ctx, el);
  if (n === 'type' && el.ns === NS.WSDL20 && el.localName === 'binding') {
    return v === NS.WHTTP ? `**type** ${c(v)}\n\nThe WSDL 2.0 **HTTP binding**: plain HTTP requests, REST-like. ${see(SPEC.w20Http)}` : v === NS.WSOAP ? `**type** ${c(v)}\n\nThe WSDL 2.0 **SOAP binding** (SOAP ${escapeMarkdown(attr(el, 'wsoap:version')?.value ?? '1.2')}). ${see(SPEC.w20Soap)}` : `**type** ${c(v)}\n\nA binding type WSDL 2.0 does not define. ${see(SPEC.w20Binding)}`;
  }
  const local = n.slice(n.indexOf(':') + 1);
  if (n.includes(':')) {
    const prefixNs = ctx.doc.model.doc.root ? nsOfPrefix(el, n.slice(0, n.indexOf(':'))) : undefined;
    if (prefixNs === NS.WHTTP) {
      if (local === 'method' || local === 'methodDefault') return `**whttp:${local}** ${c(v)}\n\nThe HTTP method: **plain HTTP ${escapeMarkdown(v)}**, no SOAP envelope (REST-like). ${see(SPEC.w20HttpMethod)}`;
      if (local === 'location') return `**whttp:location** ${c(v)}\n\nThe URI template of the request, relative to the endpoint address; {name} placeholders are filled from the input element's children. ${see(SPEC.w20HttpLocation)}`;
      if (local.endsWith('Serialization')) return `**whttp:${local}** ${c(v)}\n\nThe media type used to serialise the ${local.startsWith('input') ? 'request' : local.startsWith('output') ? 'response' : 'fault'} body. ${see(SPEC.w20Serialization)}`;
      return `**whttp:${local}** ${c(v)}\n\n${see(SPEC.w20Http)}`;
    }
    if (prefixNs === NS.WSOAP) {
      if (local === 'version') return `**wsoap:version** ${c(v)}\n\n**SOAP ${escapeMarkdown(v)}** envelopes. ${see(SPEC.w20Soap)}`;
      if (local === 'protocol') { const t = transportOf(v); return `**wsoap:protocol** ${c(v)}\n\nSOAP over **${escapeMarkdown(t.label)}**: ${escapeMarkdown(t.text)}. ${see(SPEC.w20Soap)}`; }
      if (local === 'action') return `**wsoap:action** ${c(v)}\n\nThe SOAP action of this operation. ${see(SPEC.w20Soap)}`;
      if (local === 'mep') return `**wsoap:mep** ${c(v)}\n\nThe SOAP message exchange pattern used on the wire. ${see(SPEC.w20Soap)}`;
      return `**wsoap:${local}** ${c(v)}\n\n${see(SPEC.w20Soap)}`;
    }
  }
  if ((n === 'style' || n === 'styleDefault') && el.ns === NS.WSDL20) {
    const styles = v.split(/\s+/).filter(Boolean).map((u) => own(STYLE20, u) ? `${c(u)}: ${escapeMarkdown(own(STYLE20, u)!)}` : `${c(u)}: a style WSDL 2.0 does not define`);
    return `**${escapeMarkdown(n)}**\n\n${styles.join('\n\n')}. See ${link('WSDL 2.0 Adjuncts §4 operation styles', 'https://www.w3.org/TR/wsdl20-adjuncts/#styles')}.`;
  }
  if (n.endsWith(':safe') && nsOfPrefix(el, n.slice(0, n.indexOf(':'))) === NS.WSDLX) {
    return `**wsdlx:safe** ${c(v)}\n\n${v === 'true' ? 'The operation has no side effects the client is responsible for (like HTTP GET): the HTTP binding then defaults to GET, and clients may retry it.' : 'Not declared safe: the HTTP binding defaults to POST.'} See ${link('WSDL 2.0 Adjuncts §3.1 safety', 'https://www.w3.org/TR/wsdl20-adjuncts/#safety')}.`;
  }
  if (n === 'pattern' && el.ns === NS.WSDL20) { const mp = mepText(v); return `**pattern** ${c(v)}\n\nMEP **${escapeMarkdown(mp.name)}**: ${escapeMarkdown(mp.text)}. ${see(SPEC.w20Mep)}`; }
  if (n === 'address' && el.ns === NS.WSDL20) { const p = addressProtocol(v); return `**address** ${c(v)}\n\n**${escapeMarkdown(p.label)}**: ${escapeMarkdown(p.text)}. ${see(SPEC.w20Endpoint)}`; }
  if ((n === 'location' || n === 'schemaLocation') && (el.localName === 'import' || el.localName === 'include' || el.localName === 'redefine')) {
    const imp = ctx.doc.model.documents.flatMap((d) => d.imports).find((i) => i.el === el);
    return `**${escapeMarkdown(n)}** ${c(v)}\n\n${imp ? importStatus(imp) : ''} ${see(el.ns === NS.XSD ? SPEC.xsdImport : SPEC.import)}`;
  }
  if (n === 'name') {
    const decl = declarationAt(ctx.doc, at.valueSpan.start);
    if (decl) {
      const refs = ctx.doc.model.referencesTo(decl).length;
      return `**${escapeMarkdown(KIND_WORDS[decl.kind] ?? decl.kind)}** ${c(decl.name)} in ${decl.ns ? c(decl.ns) : 'no namespace'}\n\nReferenced ${refs} time(s) in this document.`;
    }
  }
  return elementHover(ctx, el);
}

function nsOfPrefix(el: XmlElement, prefix: string): string | undefined {
  for (let e: XmlElement | undefined = el; e; e = e.parent) { const v = e.nsDecls?.get(prefix); if (v !== undefined) return v; }
  return undefined;
}

const KNOWN_NS: Record<string, string> = {
  [NS.WSDL11]: 'WSDL 1.1', [NS.SOAP11]: 'WSDL 1.1 SOAP 1.1 binding', [NS.SOAP12]: 'WSDL 1.1 SOAP 1.2 binding',
  [NS.HTTP11]: 'WSDL 1.1 HTTP binding', [NS.MIME]: 'WSDL 1.1 MIME binding', [NS.XSD]: 'XML Schema',
  [NS.SOAPENC]: 'SOAP 1.1 encoding', [NS.WSDL20]: 'WSDL 2.0', [NS.WSOAP]: 'WSDL 2.0 SOAP binding',
  [NS.WHTTP]: 'WSDL 2.0 HTTP binding', [NS.WSDLX]: 'WSDL 2.0 extensions', [NS.XSI]: 'XML Schema instance',
};
