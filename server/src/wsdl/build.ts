/**
 * XML tree -> WsdlDocument for ONE document (WSDL 1.1, WSDL 2.0, or a standalone XML Schema reached
 * through an import). Cross-document resolution is wsdl/buildModel.ts's job. Builds only what the
 * WSDL/XSD specs define at their fixed places; the XML tree is walked iteratively (no recursion).
 */
import type { Span } from '../core/text';
import { attr, attrNS, lookupNamespace } from '../syntax/xmlParser';
import type { XmlDocument, XmlElement } from '../syntax/xmlTree';
import { normaliseDraftWsdl20, recommendationUri } from './draftNamespaces';
import {
  NS, type Binding, type BindingMessage, type BindingOperation, type BindingProtocol, type Component, type ComponentKind,
  type ImportKind, type ImportRef, type Interface, type InterfaceFault, type InterfaceOperation, type Message,
  type OperationMessage, type Part, type Port, type PortType, type PortTypeOperation, type QNameRef, type Schema,
  type SchemaComponent, type Service, type SoapBody, type Valued, type WsdlDocument,
} from './model';

/** XML Schema namespaces: the Recommendation's, and the 1999/2000 drafts that old WSDLs still use. */
export const XSD_NAMESPACES = new Set<string>([NS.XSD, 'http://www.w3.org/2000/10/XMLSchema', 'http://www.w3.org/1999/XMLSchema']);
const isXsd = (ns: string | undefined) => ns !== undefined && XSD_NAMESPACES.has(ns);

/**
 * After an incremental re-parse (syntax/xmlParser.ts reparseXml): the previous document of the same tree, and
 * where the re-scanned element ended in the old text and by how much the text after it moved. Top-level
 * elements other than the re-scanned one keep their model objects (their QName spans are shifted).
 */
export interface Rebuild { previous: WsdlDocument; oldEnd: number; delta: number }

/** What each top-level element contributed to a document (for Rebuild). */
const partsOf = new WeakMap<WsdlDocument, Map<XmlElement, WsdlDocument>>();

export function buildDocument(uri: string, xml: XmlDocument, rebuild?: Rebuild): WsdlDocument {
  const draft = normaliseDraftWsdl20(xml);
  const root = xml.root;
  const version: WsdlDocument['version'] = root?.ns === NS.WSDL20 ? '2.0' : isXsd(root?.ns) && root!.localName === 'schema' ? 'xsd' : '1.1';
  const b = new Builder(uri, version, xml, rebuild);
  if (draft) b.doc.draftNamespace = draft;
  if (root) {
    if (version === 'xsd') b.schema(root);
    else if (version === '2.0') b.wsdl20(root);
    else if (root.ns === NS.WSDL11) b.wsdl11(root);
  }
  return b.doc;
}

/** A string attribute as a Valued. */
export function valued(el: XmlElement, name: string): Valued | undefined {
  const a = attr(el, name);
  return a ? { value: a.value, span: a.valueSpan } : undefined;
}
function valuedNS(el: XmlElement, ns: string, local: string): Valued | undefined {
  const a = attrNS(el, ns, local);
  return a ? { value: a.value, span: a.valueSpan } : undefined;
}

function kids(el: XmlElement, ns: string, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (c.ns === ns && (local === undefined || c.localName === local)) out.push(c);
  return out;
}
function kid(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  return el.children.find((c) => c.ns === ns && c.localName === local);
}

class Builder {
  doc: WsdlDocument;
  private tns = '';
  private readonly byEl = new Map<XmlElement, Component>();
  constructor(private readonly uri: string, version: WsdlDocument['version'], xml: XmlDocument, private readonly rebuild?: Rebuild) {
    this.doc = {
      uri, version, xml, root: xml.root, targetNamespace: '', imports: [], schemas: [], messages: [], portTypes: [],
      interfaces: [], bindings: [], services: [], refs: [], components: [],
    };
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** QName-valued attribute -> reference (undefined when absent or empty). */
  private qref(el: XmlElement, attrName: string, kind: ComponentKind, inSchema = false): QNameRef | undefined {
    const a = attr(el, attrName);
    if (!a) return undefined;
    const v = a.value;
    // Fast path (nearly every QName): one token without surrounding white space.
    if (v.length > 0 && !/\s/.test(v)) return this.ref(v, a.valueSpan.start, el, attrName, kind, inSchema);
    return this.tokens(v, a.valueSpan.start, el, attrName, kind, inSchema)[0];
  }
  /** Whitespace-separated list of QNames (extends=, memberTypes=). */
  private qrefs(el: XmlElement, attrName: string, kind: ComponentKind, inSchema = false): QNameRef[] {
    const a = attr(el, attrName);
    return a ? this.tokens(a.value, a.valueSpan.start, el, attrName, kind, inSchema) : [];
  }
  private tokens(value: string, offset: number, el: XmlElement, attrName: string, kind: ComponentKind, inSchema: boolean): QNameRef[] {
    const out: QNameRef[] = [];
    const re = /\S+/g;
    for (let m = re.exec(value); m; m = re.exec(value)) out.push(this.ref(m[0], offset + m.index, el, attrName, kind, inSchema));
    return out;
  }
  private ref(raw: string, start: number, el: XmlElement, attrName: string, kind: ComponentKind, inSchema: boolean): QNameRef {
    const colon = raw.indexOf(':');
    const prefix = colon > 0 ? raw.slice(0, colon) : '';
    const r: QNameRef = {
      raw, prefix, local: colon > 0 ? raw.slice(colon + 1) : raw, ns: lookupNamespace(el, prefix), kind, attr: attrName,
      span: { start, end: start + raw.length }, el, uri: this.uri, inSchema,
    };
    this.doc.refs.push(r);
    return r;
  }
  private component<T extends Component>(kind: T['kind'], el: XmlElement, ns: string, extra: Omit<T, keyof Component>): T {
    const n = attr(el, 'name');
    const c = { kind, name: n?.value ?? '', ns, uri: this.uri, el, span: el.span, nameSpan: n ? n.valueSpan : el.nameSpan, ...extra } as T;
    if (n) this.doc.components.push(c);
    this.byEl.set(el, c);
    return c;
  }
  /** A URI-valued attribute (MEP, style, binding type); a draft WSDL 2.0 URI reads as the Recommendation's. */
  private uriValued(el: XmlElement, name: string): Valued | undefined {
    const v = valued(el, name);
    const base = this.doc.draftNamespace;
    if (!v || !base) return v;
    return { value: v.value.split(/\s+/).map((t) => recommendationUri(t, base) ?? t).join(' '), span: v.span };
  }
  private named(el: XmlElement): { name: string; nameSpan: Span } {
    const n = attr(el, 'name');
    return { name: n?.value ?? '', nameSpan: n ? n.valueSpan : el.nameSpan };
  }
  private importRef(kind: ImportKind, el: XmlElement, locAttr: string): ImportRef {
    const r: ImportRef = { kind, el, span: el.span, namespace: valued(el, 'namespace'), location: valued(el, locAttr), status: 'no-location' };
    this.doc.imports.push(r);
    return r;
  }

  /**
   * Builds each top-level child of the root into its own part (or reuses the previous build's part for an
   * unchanged child), then concatenates the parts in document order.
   */
  private topLevel(root: XmlElement, ns: string, one: (c: XmlElement, d: WsdlDocument) => void): void {
    const final = this.doc;
    const previous = this.rebuild ? partsOf.get(this.rebuild.previous) : undefined;
    const parts = new Map<XmlElement, WsdlDocument>();
    const ordered: WsdlDocument[] = [];
    for (const c of root.children) {
      if (c.ns !== ns) continue;
      let part = previous?.get(c);
      if (part) {
        const { oldEnd, delta } = this.rebuild!;
        if (delta !== 0) for (const r of part.refs) if (r.span.start >= oldEnd) { r.span.start += delta; r.span.end += delta; }
      } else {
        part = { ...final, imports: [], schemas: [], messages: [], portTypes: [], interfaces: [], bindings: [], services: [], refs: [], components: [] };
        this.doc = part;
        try { one(c, part); } finally { this.doc = final; }
      }
      parts.set(c, part);
      ordered.push(part);
    }
    const append = <T>(to: T[], from: T[]) => { for (const x of from) to.push(x); };
    for (const p of ordered) {
      append(final.imports, p.imports); append(final.schemas, p.schemas); append(final.messages, p.messages);
      append(final.portTypes, p.portTypes); append(final.interfaces, p.interfaces); append(final.bindings, p.bindings);
      append(final.services, p.services); append(final.refs, p.refs); append(final.components, p.components);
    }
    partsOf.set(final, parts);
  }

  // ---- WSDL 1.1 ----------------------------------------------------------------------------------

  wsdl11(root: XmlElement): void {
    const d = this.doc;
    const tns = attr(root, 'targetNamespace');
    this.tns = d.targetNamespace = tns?.value ?? '';
    d.tnsSpan = tns?.valueSpan;
    d.name = valued(root, 'name');
    this.topLevel(root, NS.WSDL11, (c, p) => {
      switch (c.localName) {
        case 'import': this.importRef('wsdl:import', c, 'location'); break;
        case 'types': for (const s of c.children) if (isXsd(s.ns) && s.localName === 'schema') this.schema(s); break;
        case 'message': p.messages.push(this.message(c)); break;
        case 'portType': p.portTypes.push(this.portType(c)); break;
        case 'binding': p.bindings.push(this.binding11(c)); break;
        case 'service': p.services.push(this.service(c)); break;
      }
    });
  }

  private message(el: XmlElement): Message {
    const parts: Part[] = kids(el, NS.WSDL11, 'part').map((p) => ({
      ...this.named(p), el: p, span: p.span, element: this.qref(p, 'element', 'element'), type: this.qref(p, 'type', 'type'),
    }));
    return this.component<Message>('message', el, this.tns, { parts });
  }

  private opMessage(el: XmlElement, direction: OperationMessage['direction']): OperationMessage {
    const n = attr(el, 'name');
    return { direction, name: n?.value, nameSpan: n?.valueSpan, el, span: el.span, message: this.qref(el, 'message', 'message') };
  }

  private portType(el: XmlElement): PortType {
    const operations: PortTypeOperation[] = kids(el, NS.WSDL11, 'operation').map((o) => {
      let input: OperationMessage | undefined, output: OperationMessage | undefined;
      const faults: OperationMessage[] = [];
      let first: 'input' | 'output' | undefined;
      for (const c of o.children) {
        if (c.ns !== NS.WSDL11) continue;
        if (c.localName === 'input') { input ??= this.opMessage(c, 'input'); first ??= 'input'; }
        else if (c.localName === 'output') { output ??= this.opMessage(c, 'output'); first ??= 'output'; }
        else if (c.localName === 'fault') faults.push(this.opMessage(c, 'fault'));
      }
      // WSDL 1.1 §2.4: the order of input and output decides the transmission primitive.
      const primitive = input && output ? (first === 'input' ? 'request-response' : 'solicit-response')
        : input ? 'one-way' : output ? 'notification' : undefined;
      const po = attr(o, 'parameterOrder');
      return {
        ...this.named(o), el: o, span: o.span, primitive, input, output, faults,
        parameterOrder: po ? { value: po.value.split(/\s+/).filter(Boolean), span: po.valueSpan } : undefined,
      };
    });
    return this.component<PortType>('portType', el, this.tns, { operations });
  }

  private soapExt(el: XmlElement): { version?: '1.1' | '1.2'; protocol: BindingProtocol } {
    if (el.ns === NS.SOAP11) return { version: '1.1', protocol: 'soap11' };
    if (el.ns === NS.SOAP12) return { version: '1.2', protocol: 'soap12' };
    if (el.ns === NS.HTTP11) return { protocol: 'http' };
    return { protocol: 'other' };
  }

  private soapBody(el: XmlElement): SoapBody {
    const parts = valued(el, el.localName === 'body' ? 'parts' : 'part');
    return {
      el, span: el.span, soapVersion: this.soapExt(el).version, use: valued(el, 'use'), namespace: valued(el, 'namespace'),
      encodingStyle: valued(el, 'encodingStyle'), parts: parts ? { ...parts, names: parts.value.split(/\s+/).filter(Boolean) } : undefined,
      message: this.qref(el, 'message', 'message'), name: valued(el, 'name'),
    };
  }

  private bindingMessage11(el: XmlElement, direction: BindingMessage['direction']): BindingMessage {
    const n = attr(el, 'name');
    const m: BindingMessage = { direction, name: n?.value, nameSpan: n?.valueSpan, el, span: el.span, headers: [], mime: [], extensions: [] };
    const visit = (c: XmlElement): void => {
      if (c.ns === NS.SOAP11 || c.ns === NS.SOAP12) {
        if (c.localName === 'body') m.body ??= this.soapBody(c);
        else if (c.localName === 'header') {
          const h = this.soapBody(c);
          m.headers.push(h);
          for (const hf of c.children) if (hf.localName === 'headerfault') this.soapBody(hf);
        } else if (c.localName === 'fault') m.fault ??= this.soapBody(c);
        else m.extensions.push(c);
      } else if (c.ns === NS.MIME) {
        m.mime.push({ el: c, span: c.span, kind: c.localName, type: valued(c, 'type'), part: valued(c, 'part') });
        // mime:multipartRelated > mime:part > (soap:body | mime:content ...): two fixed levels.
        for (const p of c.children) for (const x of p.children) visit(x);
      } else if (c.ns !== NS.WSDL11) m.extensions.push(c);
    };
    for (const c of el.children) visit(c);
    return m;
  }

  private binding11(el: XmlElement): Binding {
    const b = this.component<Binding>('binding', el, this.tns, { type: this.qref(el, 'type', 'portType'), protocol: 'none', operations: [], faults: [] });
    for (const c of el.children) {
      if ((c.ns === NS.SOAP11 || c.ns === NS.SOAP12) && c.localName === 'binding') {
        const v = this.soapExt(c);
        b.protocol = v.protocol;
        b.soap ??= { el: c, span: c.span, soapVersion: v.version!, style: valued(c, 'style'), transport: valued(c, 'transport') };
      } else if (c.ns === NS.HTTP11 && c.localName === 'binding') {
        b.protocol = 'http';
        b.http ??= { el: c, span: c.span, verb: valued(c, 'verb') };
      } else if (c.ns !== NS.WSDL11 && c.localName === 'binding' && b.protocol === 'none') b.protocol = 'other';
    }
    for (const o of kids(el, NS.WSDL11, 'operation')) {
      const op: BindingOperation = { ...this.named(o), el: o, span: o.span, faults: [] };
      for (const c of o.children) {
        if ((c.ns === NS.SOAP11 || c.ns === NS.SOAP12) && c.localName === 'operation') {
          op.soapOperation = { el: c, span: c.span, soapVersion: c.ns === NS.SOAP11 ? '1.1' : '1.2' };
          op.soapAction = valued(c, 'soapAction');
          op.soapActionRequired = valued(c, 'soapActionRequired');
          op.style = valued(c, 'style');
        } else if (c.ns === NS.HTTP11 && c.localName === 'operation') op.httpLocation = valued(c, 'location');
        else if (c.ns === NS.WSDL11 && c.localName === 'input') op.input ??= this.bindingMessage11(c, 'input');
        else if (c.ns === NS.WSDL11 && c.localName === 'output') op.output ??= this.bindingMessage11(c, 'output');
        else if (c.ns === NS.WSDL11 && c.localName === 'fault') op.faults.push(this.bindingMessage11(c, 'fault'));
      }
      b.operations.push(op);
    }
    return b;
  }

  private service(el: XmlElement): Service {
    const is20 = el.ns === NS.WSDL20;
    const ports: Port[] = kids(el, is20 ? NS.WSDL20 : NS.WSDL11, is20 ? 'endpoint' : 'port').map((p) => {
      const port: Port = { ...this.named(p), el: p, span: p.span, binding: this.qref(p, 'binding', 'binding') };
      if (is20) {
        const a = attr(p, 'address');
        if (a) port.address = { el: p, span: p.span, protocol: 'other', location: { value: a.value, span: a.valueSpan } };
      } else {
        for (const c of p.children) {
          if (c.localName !== 'address') continue;
          const loc = valued(c, 'location');
          if (!loc) continue;
          port.address = { el: c, span: c.span, protocol: this.soapExt(c).protocol, location: loc };
          break;
        }
      }
      return port;
    });
    return this.component<Service>('service', el, this.tns, { ports, interface: is20 ? this.qref(el, 'interface', 'interface') : undefined });
  }

  // ---- WSDL 2.0 ----------------------------------------------------------------------------------

  wsdl20(root: XmlElement): void {
    const d = this.doc;
    const tns = attr(root, 'targetNamespace');
    this.tns = d.targetNamespace = tns?.value ?? '';
    d.tnsSpan = tns?.valueSpan;
    this.topLevel(root, NS.WSDL20, (c, p) => {
      switch (c.localName) {
        case 'import': this.importRef('wsdl:import', c, 'location'); break;
        case 'include': this.importRef('wsdl:include', c, 'location'); break;
        case 'types':
          for (const s of c.children) {
            if (!isXsd(s.ns)) continue;
            if (s.localName === 'schema') this.schema(s);
            else if (s.localName === 'import') this.importRef('xsd:import', s, 'schemaLocation');
          }
          break;
        case 'interface': p.interfaces.push(this.interface(c)); break;
        case 'binding': p.bindings.push(this.binding20(c)); break;
        case 'service': p.services.push(this.service(c)); break;
      }
    });
  }

  private msg20(el: XmlElement, direction: OperationMessage['direction']): OperationMessage {
    const m: OperationMessage = { direction, el, span: el.span, messageLabel: attr(el, 'messageLabel')?.value };
    const e = attr(el, 'element');
    if (e && e.value.trim().startsWith('#')) m.elementToken = e.value.trim();
    else m.element = this.qref(el, 'element', 'element');
    if (direction === 'infault' || direction === 'outfault') m.ref = this.qref(el, 'ref', 'interfaceFault');
    return m;
  }

  private interface(el: XmlElement): Interface {
    const itf = this.component<Interface>('interface', el, this.tns, {
      extends: this.qrefs(el, 'extends', 'interface'), styleDefault: valued(el, 'styleDefault'), operations: [], faults: [],
    });
    for (const c of kids(el, NS.WSDL20)) {
      if (c.localName === 'fault') {
        const f = this.component<InterfaceFault>('interfaceFault', c, this.tns, {});
        const e = attr(c, 'element');
        if (e && e.value.trim().startsWith('#')) f.elementToken = e.value.trim();
        else f.element = this.qref(c, 'element', 'element');
        itf.faults.push(f);
      } else if (c.localName === 'operation') {
        const op = this.component<InterfaceOperation>('interfaceOperation', c, this.tns, {
          pattern: this.uriValued(c, 'pattern'), style: this.uriValued(c, 'style'), safe: valuedNS(c, NS.WSDLX, 'safe'), inputs: [], outputs: [], faults: [],
        });
        for (const m of kids(c, NS.WSDL20)) {
          if (m.localName === 'input') op.inputs.push(this.msg20(m, 'input'));
          else if (m.localName === 'output') op.outputs.push(this.msg20(m, 'output'));
          else if (m.localName === 'infault' || m.localName === 'outfault') op.faults.push(this.msg20(m, m.localName));
        }
        itf.operations.push(op);
      }
    }
    return itf;
  }

  private bindingMessage20(el: XmlElement, direction: BindingMessage['direction']): BindingMessage {
    const m: BindingMessage = { direction, el, span: el.span, headers: [], mime: [], extensions: [] };
    if (direction === 'fault' || direction === 'infault' || direction === 'outfault') m.ref = this.qref(el, 'ref', 'interfaceFault');
    const code = attrNS(el, NS.WSOAP, 'code');
    if (code && !code.value.startsWith('#')) {
      // A SOAP fault code QName (e.g. soap:Sender), not a component: kept on the model, not in `refs`.
      m.wsoapCode = this.tokens(code.value, code.valueSpan.start, el, code.name, 'type', false)[0];
      if (m.wsoapCode) this.doc.refs.pop();
    }
    for (const c of el.children) if (c.ns !== NS.WSDL20) m.extensions.push(c);
    return m;
  }

  private binding20(el: XmlElement): Binding {
    const type20 = this.uriValued(el, 'type');
    const protocol: BindingProtocol = type20?.value === NS.WSOAP
      ? (valuedNS(el, NS.WSOAP, 'version')?.value === '1.1' ? 'soap11' : 'soap12')
      : type20?.value === NS.WHTTP ? 'http' : type20 ? 'other' : 'none';
    const b = this.component<Binding>('binding', el, this.tns, {
      type: this.qref(el, 'interface', 'interface'), protocol, type20,
      wsoapVersion: valuedNS(el, NS.WSOAP, 'version'), wsoapProtocol: valuedNS(el, NS.WSOAP, 'protocol'),
      whttpMethodDefault: valuedNS(el, NS.WHTTP, 'methodDefault'), operations: [], faults: [],
    });
    for (const c of kids(el, NS.WSDL20)) {
      if (c.localName === 'fault') b.faults.push(this.bindingMessage20(c, 'fault'));
      else if (c.localName === 'operation') {
        const ref = this.qref(c, 'ref', 'interfaceOperation');
        const op: BindingOperation = {
          name: ref?.local ?? '', nameSpan: ref?.span ?? c.nameSpan, el: c, span: c.span, ref, faults: [],
          wsoapAction: valuedNS(c, NS.WSOAP, 'action'), wsoapMep: valuedNS(c, NS.WSOAP, 'mep'),
          whttpMethod: valuedNS(c, NS.WHTTP, 'method'), whttpLocation: valuedNS(c, NS.WHTTP, 'location'),
          whttpInputSerialization: valuedNS(c, NS.WHTTP, 'inputSerialization'), whttpOutputSerialization: valuedNS(c, NS.WHTTP, 'outputSerialization'),
        };
        op.soapAction = op.wsoapAction;
        for (const m of kids(c, NS.WSDL20)) {
          if (m.localName === 'input') op.input ??= this.bindingMessage20(m, 'input');
          else if (m.localName === 'output') op.output ??= this.bindingMessage20(m, 'output');
          else if (m.localName === 'infault' || m.localName === 'outfault') op.faults.push(this.bindingMessage20(m, m.localName));
        }
        b.operations.push(op);
      }
    }
    return b;
  }

  // ---- XML Schema ---------------------------------------------------------------------------------

  schema(el: XmlElement): void {
    const tns = attr(el, 'targetNamespace');
    const s: Schema = {
      uri: this.uri, el, span: el.span, targetNamespace: tns?.value ?? '', tnsSpan: tns?.valueSpan,
      elementFormDefault: valued(el, 'elementFormDefault'), components: [], imports: [],
    };
    if (this.doc.version === 'xsd') { this.doc.targetNamespace = s.targetNamespace; this.doc.tnsSpan = s.tnsSpan; }
    const ns = s.targetNamespace;
    for (const c of el.children) {
      if (c.ns !== el.ns) continue;
      switch (c.localName) {
        case 'import': s.imports.push(this.importRef('xsd:import', c, 'schemaLocation')); break;
        case 'include': s.imports.push(this.importRef('xsd:include', c, 'schemaLocation')); break;
        case 'redefine': s.imports.push(this.importRef('xsd:redefine', c, 'schemaLocation')); break;
        case 'element': s.components.push(this.component<SchemaComponent>('element', c, ns, { typeRef: undefined })); break;
        case 'complexType': case 'simpleType':
          s.components.push(this.component<SchemaComponent>('type', c, ns, { typeKind: c.localName })); break;
        case 'attribute': s.components.push(this.component<SchemaComponent>('attribute', c, ns, {})); break;
        case 'group': s.components.push(this.component<SchemaComponent>('group', c, ns, {})); break;
        case 'attributeGroup': s.components.push(this.component<SchemaComponent>('attributeGroup', c, ns, {})); break;
      }
    }
    // References anywhere inside the schema (iterative walk; the tree depth is capped by the parser).
    const byEl = new Map<XmlElement, SchemaComponent>();
    for (const comp of s.components) byEl.set(comp.el, comp);
    const stack: XmlElement[] = [...el.children].reverse();
    while (stack.length) {
      const c = stack.pop()!;
      if (c.ns === el.ns) this.schemaRefs(c, byEl.get(c));
      for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i]);
    }
    this.doc.schemas.push(s);
  }

  private schemaRefs(c: XmlElement, global: SchemaComponent | undefined): void {
    switch (c.localName) {
      case 'element': {
        const t = this.qref(c, 'type', 'type', true);
        this.qref(c, 'ref', 'element', true);
        const sg = this.qref(c, 'substitutionGroup', 'element', true);
        if (global) global.typeRef = t ?? sg;
        break;
      }
      case 'attribute': this.qref(c, 'type', 'type', true); this.qref(c, 'ref', 'attribute', true); break;
      case 'group': this.qref(c, 'ref', 'group', true); break;
      case 'attributeGroup': this.qref(c, 'ref', 'attributeGroup', true); break;
      case 'extension': case 'restriction': {
        const base = this.qref(c, 'base', 'type', true);
        // Record the base on the enclosing global type (for previews and "derived from").
        const owner = c.parent?.localName === 'simpleType' ? c.parent : c.parent?.parent;
        const comp = owner ? this.byEl.get(owner) as SchemaComponent | undefined : undefined;
        if (base && comp && comp.kind === 'type' && !comp.typeRef) comp.typeRef = base;
        break;
      }
      case 'list': this.qref(c, 'itemType', 'type', true); break;
      case 'union': this.qrefs(c, 'memberTypes', 'type', true); break;
    }
  }
}
