/**
 * The WSDL document model (WSDL 1.1 and 2.0, and the XML Schemas they embed or import): plain data built
 * from the XML syntax tree by wsdl/build.ts, every fact with the span it came from. Rules
 * (wsdl/rules/**), hovers, symbols, definition/references and the summary all read this; none of them
 * walks the XML tree again for WSDL semantics.
 *
 * HOW TO RESOLVE A REFERENCE (for rules and features)
 * - Every QName-valued attribute of the document (message=, element=, type=, binding=, interface=,
 *   extends=, ref= ...) is a `QNameRef` in `WsdlDocument.refs` AND on the owning model object
 *   (e.g. `Part.element`, `Binding.type`). `ref.ns` is the namespace URI its prefix maps to in scope at that
 *   element (XML Namespaces §6: nearest xmlns:p / xmlns on the element or an ancestor); an unprefixed
 *   QName takes the default namespace (XSD and WSDL both say so); `ref.ns === undefined` means the prefix
 *   is not declared.
 * - `ref.kind` says what it names: 'message' | 'portType' | 'binding' | 'interface' | 'interfaceFault' |
 *   'interfaceOperation' | 'service' | 'element' | 'type' | 'attribute' | 'group' | 'attributeGroup'.
 *   A part's element= is 'element', type= is 'type' (complexType OR simpleType share one symbol space).
 * - `model.resolve(ref)` looks the (kind, ns, local) up in this document and in every document reachable
 *   through wsdl:import / wsdl:include / xsd:import / xsd:include / xsd:redefine (followed transitively,
 *   cycles cut). Results:
 *     found        -> `target` is the Component (with its own uri + spans: it may live in another file)
 *     builtin      -> an XML Schema built-in type (exactly the list in wsdl/xsdBuiltins.ts: a type= naming any
 *                     other name in the XML Schema namespace is unresolved) / a SOAP-encoding or other
 *                     well-known namespace
 *     unavailable  -> the namespace belongs to an import that was not followed (remote URL, missing file,
 *                     import without schemaLocation): do NOT report it as unresolved
 *     unresolved   -> reason 'undeclared-prefix' | 'not-found': a real dangling reference
 * - `model.lookup(kind, ns, local)` is the same lookup by name; `model.components(kind)` lists every
 *   component of a kind across the closure. WSDL 1.1 binding operations name their portType operation
 *   by NCName (not QName): `model.portTypeOperation(binding, name)` finds it. WSDL 2.0 interface operation
 *   and fault QNames are scoped by interface: `resolve` looks a binding's ref= up in the binding's interface
 *   (and the interfaces it extends) first.
 * - Parts are not global: `Message.parts` / `model.part(messageRef, partName)` finds a part by name.
 *
 * Spans are UTF-16 offsets in the document named by the object's `uri` (compare with `model.doc.uri`
 * before reporting: findings can only be placed in the document being analysed).
 */
import type { Span } from '../core/text';
import type { XmlDocument, XmlElement } from '../syntax/xmlTree';

// ---- namespaces --------------------------------------------------------------------------------

export const NS = {
  WSDL11: 'http://schemas.xmlsoap.org/wsdl/',
  SOAP11: 'http://schemas.xmlsoap.org/wsdl/soap/',
  SOAP12: 'http://schemas.xmlsoap.org/wsdl/soap12/',
  HTTP11: 'http://schemas.xmlsoap.org/wsdl/http/',
  MIME: 'http://schemas.xmlsoap.org/wsdl/mime/',
  SOAPENC: 'http://schemas.xmlsoap.org/soap/encoding/',
  SOAP12ENC: 'http://www.w3.org/2003/05/soap-encoding',
  XSD: 'http://www.w3.org/2001/XMLSchema',
  XSI: 'http://www.w3.org/2001/XMLSchema-instance',
  XML: 'http://www.w3.org/XML/1998/namespace',
  WSDL20: 'http://www.w3.org/ns/wsdl',
  WSOAP: 'http://www.w3.org/ns/wsdl/soap',
  WHTTP: 'http://www.w3.org/ns/wsdl/http',
  WSDLX: 'http://www.w3.org/ns/wsdl-extensions',
  WSDLI: 'http://www.w3.org/ns/wsdl-instance',
} as const;

/** Well-known transport URIs (WSDL 1.1 soap:binding/@transport, WSDL 2.0 wsoap:protocol). */
export const TRANSPORT = {
  SOAP_HTTP: 'http://schemas.xmlsoap.org/soap/http',
  SOAP12_HTTP: 'http://www.w3.org/2003/05/soap/bindings/HTTP/',
  SOAP_JMS: 'http://www.w3.org/2010/soapjms/',
  SOAP_SMTP: 'http://schemas.xmlsoap.org/soap/smtp',
} as const;

// ---- references ----------------------------------------------------------------------------------

export type ComponentKind =
  | 'message' | 'portType' | 'binding' | 'service'                 // WSDL 1.1 (binding/service also 2.0)
  | 'interface' | 'interfaceFault' | 'interfaceOperation'           // WSDL 2.0
  | 'element' | 'type' | 'attribute' | 'group' | 'attributeGroup';   // XML Schema

/** A QName written in an attribute value (or one token of a list-valued attribute such as extends=). */
export interface QNameRef {
  /** As written, e.g. "tns:GetWeather". */
  raw: string;
  prefix: string;
  local: string;
  /** Namespace URI the prefix maps to in scope; undefined when the prefix is not declared. */
  ns: string | undefined;
  /** What the reference names. */
  kind: ComponentKind;
  /** Attribute that holds it, as written (e.g. "message", "element", "type", "base", "ref"). */
  attr: string;
  /** Span of this QName inside the attribute value (exactly the token). */
  span: Span;
  /** Element carrying the attribute. */
  el: XmlElement;
  /** Document the reference is in. */
  uri: string;
  /** True when the reference is inside an xsd:schema (schema-to-schema), false for WSDL-level references. */
  inSchema: boolean;
}

/** Anything that can be the target of a QName: has a name in a target namespace. */
export interface Component {
  kind: ComponentKind;
  /** Local name (the name= attribute). */
  name: string;
  /** Target namespace it is defined in. */
  ns: string;
  /** Document it is defined in. */
  uri: string;
  el: XmlElement;
  /** The whole element. */
  span: Span;
  /** The name= attribute value (the element name when name= is missing). */
  nameSpan: Span;
}

// ---- WSDL 1.1 ----------------------------------------------------------------------------------

export interface Part {
  name: string;
  nameSpan: Span;
  el: XmlElement;
  span: Span;
  element?: QNameRef;
  type?: QNameRef;
}

export interface Message extends Component {
  kind: 'message';
  parts: Part[];
}

/** WSDL 1.1 §2.4: the four transmission primitives, from the order of input/output in the operation. */
export type TransmissionPrimitive = 'one-way' | 'request-response' | 'solicit-response' | 'notification';

/** input / output / fault (and WSDL 2.0 infault / outfault) of an abstract operation. */
export interface OperationMessage {
  /** 'infault' / 'outfault' only in WSDL 2.0. */
  direction: 'input' | 'output' | 'fault' | 'infault' | 'outfault';
  name?: string;
  nameSpan?: Span;
  el: XmlElement;
  span: Span;
  /** WSDL 1.1 message=. */
  message?: QNameRef;
  /** WSDL 2.0 element= when it is a QName. */
  element?: QNameRef;
  /** WSDL 2.0 element= when it is a token: '#any' | '#none' | '#other'. */
  elementToken?: string;
  /** WSDL 2.0 messageLabel= ("In", "Out"). */
  messageLabel?: string;
  /** WSDL 2.0 infault/outfault ref= (an interface fault). */
  ref?: QNameRef;
}

export interface PortTypeOperation {
  name: string;
  nameSpan: Span;
  el: XmlElement;
  span: Span;
  /** Undefined when there is neither input nor output. */
  primitive?: TransmissionPrimitive;
  parameterOrder?: { value: string[]; span: Span };
  input?: OperationMessage;
  output?: OperationMessage;
  faults: OperationMessage[];
}

export interface PortType extends Component {
  kind: 'portType';
  operations: PortTypeOperation[];
}

/** Which binding extension a binding uses. */
export type BindingProtocol = 'soap11' | 'soap12' | 'http' | 'other' | 'none';

/** A string attribute value with its span (value between the quotes). */
export interface Valued<T extends string = string> { value: T; span: Span }

export interface SoapBody {
  el: XmlElement;
  span: Span;
  /** soap:body, soap:header, soap:fault, soap:headerfault, mime:... */
  soapVersion?: '1.1' | '1.2';
  use?: Valued;
  namespace?: Valued;
  encodingStyle?: Valued;
  /** soap:body parts= (NMTOKENS); soap:header/@part. */
  parts?: Valued & { names: string[] };
  /** soap:header/@message, soap:headerfault/@message. */
  message?: QNameRef;
  /** soap:fault name=. */
  name?: Valued;
}

export interface BindingMessage {
  direction: 'input' | 'output' | 'fault' | 'infault' | 'outfault';
  name?: string;
  nameSpan?: Span;
  el: XmlElement;
  span: Span;
  body?: SoapBody;
  headers: SoapBody[];
  /** soap:fault inside a binding fault. */
  fault?: SoapBody;
  /** mime:multipartRelated / mime:content / mime:mimeXml elements present (MIME binding, WSDL 1.1 §5). */
  mime: { el: XmlElement; span: Span; kind: string; type?: Valued; part?: Valued }[];
  /** WSDL 2.0 binding fault ref= (interface fault). */
  ref?: QNameRef;
  /** WSDL 2.0 wsoap:code on a binding fault. */
  wsoapCode?: QNameRef;
  /** Any other extension element (namespace URI + local name), for rules about unknown extensions. */
  extensions: XmlElement[];
}

export interface BindingOperation {
  /** WSDL 1.1: name= (matches a portType operation by NCName). WSDL 2.0: local part of ref=. */
  name: string;
  nameSpan: Span;
  el: XmlElement;
  span: Span;
  /** WSDL 2.0 ref= (interface operation). */
  ref?: QNameRef;
  /** soap:operation / soap12:operation element. */
  soapOperation?: { el: XmlElement; span: Span; soapVersion: '1.1' | '1.2' };
  soapAction?: Valued;
  soapActionRequired?: Valued;
  /** soap:operation/@style. */
  style?: Valued;
  /** http:operation/@location (WSDL 1.1 HTTP binding). */
  httpLocation?: Valued;
  /** WSDL 2.0 whttp:method, whttp:location, wsoap:action, wsoap:mep, whttp:inputSerialization... */
  whttpMethod?: Valued;
  whttpLocation?: Valued;
  wsoapAction?: Valued;
  wsoapMep?: Valued;
  whttpInputSerialization?: Valued;
  whttpOutputSerialization?: Valued;
  input?: BindingMessage;
  output?: BindingMessage;
  faults: BindingMessage[];
}

export interface Binding extends Component {
  kind: 'binding';
  /** WSDL 1.1 type= (portType); WSDL 2.0 interface=. */
  type?: QNameRef;
  protocol: BindingProtocol;
  /** soap:binding / soap12:binding element (WSDL 1.1). */
  soap?: { el: XmlElement; span: Span; soapVersion: '1.1' | '1.2'; style?: Valued; transport?: Valued };
  /** http:binding (WSDL 1.1). */
  http?: { el: XmlElement; span: Span; verb?: Valued };
  /** WSDL 2.0 binding type= URI (wsoap or whttp). */
  type20?: Valued;
  /** WSDL 2.0 wsoap:version ("1.1" | "1.2"), wsoap:protocol (transport), wsoap:mepDefault. */
  wsoapVersion?: Valued;
  wsoapProtocol?: Valued;
  /** WSDL 2.0 whttp:methodDefault, whttp:queryParameterSeparatorDefault etc. */
  whttpMethodDefault?: Valued;
  operations: BindingOperation[];
  /** WSDL 2.0 binding-level faults. */
  faults: BindingMessage[];
}

export interface Address {
  el: XmlElement;
  span: Span;
  /** soap:address -> soap11, soap12:address -> soap12, http:address -> http, WSDL 2.0 endpoint address= -> other. */
  protocol: BindingProtocol;
  location: Valued;
}

export interface Port {
  name: string;
  nameSpan: Span;
  el: XmlElement;
  span: Span;
  /** binding= */
  binding?: QNameRef;
  address?: Address;
}

export interface Service extends Component {
  kind: 'service';
  /** WSDL 1.1 ports; WSDL 2.0 endpoints (same shape). */
  ports: Port[];
  /** WSDL 2.0 interface=. */
  interface?: QNameRef;
}

// ---- WSDL 2.0 ----------------------------------------------------------------------------------

export interface InterfaceFault extends Component {
  kind: 'interfaceFault';
  element?: QNameRef;
  elementToken?: string;
}

export interface InterfaceOperation extends Component {
  kind: 'interfaceOperation';
  /** pattern= MEP URI (e.g. http://www.w3.org/ns/wsdl/in-out); undefined = default in-out (WSDL 2.0 §2.4.1). */
  pattern?: Valued;
  style?: Valued;
  safe?: Valued;
  inputs: OperationMessage[];
  outputs: OperationMessage[];
  faults: OperationMessage[];
}

export interface Interface extends Component {
  kind: 'interface';
  extends: QNameRef[];
  styleDefault?: Valued;
  operations: InterfaceOperation[];
  faults: InterfaceFault[];
}

// ---- XML Schema --------------------------------------------------------------------------------

export interface SchemaComponent extends Component {
  kind: 'element' | 'type' | 'attribute' | 'group' | 'attributeGroup';
  /** For kind 'type': which one. */
  typeKind?: 'complexType' | 'simpleType';
  /** Global element type= / substitutionGroup, type base=, when present. */
  typeRef?: QNameRef;
}

export interface Schema {
  uri: string;
  el: XmlElement;
  span: Span;
  /** '' when the schema has no targetNamespace (chameleon / no-namespace schema). */
  targetNamespace: string;
  tnsSpan?: Span;
  elementFormDefault?: Valued;
  components: SchemaComponent[];
  imports: ImportRef[];
}

// ---- imports -----------------------------------------------------------------------------------

export type ImportKind = 'wsdl:import' | 'wsdl:include' | 'xsd:import' | 'xsd:include' | 'xsd:redefine';

export interface ImportRef {
  kind: ImportKind;
  el: XmlElement;
  span: Span;
  namespace?: Valued;
  /** location= (WSDL) or schemaLocation= (XSD). */
  location?: Valued;
  /** Absolute URI the location resolves to, relative to the document. */
  resolvedUri?: string;
  /**
   * ok: loaded; remote: http(s) URL, not followed; not-found: no such file (or outside the workspace);
   * no-location: xsd:import without schemaLocation (namespace only); cycle: leads back to this document;
   * not-xml: loaded but not parseable as WSDL/XSD.
   * Set by buildModel for `model.doc.imports` only (imported documents are shared with their own analyses).
   */
  status: 'ok' | 'remote' | 'not-found' | 'no-location' | 'cycle' | 'not-xml';
  /** With status 'not-found': the location is a local file outside the workspace folders (it may exist; it is not read). */
  outsideWorkspace?: boolean;
}

// ---- documents and the model -------------------------------------------------------------------

export interface WsdlDocument {
  uri: string;
  /** '1.1' / '2.0' for WSDL, 'xsd' for a standalone schema reached through an import. */
  version: '1.1' | '2.0' | 'xsd';
  xml: XmlDocument;
  root?: XmlElement;
  name?: Valued;
  targetNamespace: string;
  tnsSpan?: Span;
  imports: ImportRef[];
  /** Embedded schemas (wsdl:types/xsd:schema) or, for an .xsd, the root schema. */
  schemas: Schema[];
  messages: Message[];
  portTypes: PortType[];
  interfaces: Interface[];
  bindings: Binding[];
  services: Service[];
  /** Every QName reference in the document, in document order. */
  refs: QNameRef[];
  /**
   * WSDL 2.0 written in a pre-Recommendation namespace (e.g. http://www.w3.org/2006/01/wsdl): the draft base.
   * The tree's namespaces were mapped to the Recommendation's (wsdl/draftNamespaces.ts), so the rest of the
   * model reads as WSDL 2.0; rule wsdl-draft-namespace reports it.
   */
  draftNamespace?: string;
  /** Every named definition in the document (messages, portTypes, ..., schema components, interface operations/faults). */
  components: Component[];
}

export type Resolution =
  | { status: 'found'; target: Component }
  | { status: 'builtin'; ns: string }
  | { status: 'unavailable'; reason: string }
  | { status: 'unresolved'; reason: 'undeclared-prefix' | 'not-found' };

/** What rules and features get: this document plus everything its imports reach, with lookups. */
export interface WsdlModel {
  /** The document being analysed. */
  doc: WsdlDocument;
  /** `doc` first, then every document reachable through imports (each once). */
  documents: WsdlDocument[];
  /** Namespaces of imports that were not followed (remote, missing, no location): unresolved refs into them are not errors. */
  unavailableNamespaces: Set<string>;
  resolve(ref: QNameRef): Resolution;
  lookup(kind: ComponentKind, ns: string, local: string): Component | undefined;
  /** Every component of a kind across `documents`. */
  components(kind: ComponentKind): Component[];
  /** WSDL 1.1: the portType operation a binding operation names (via binding type=), when resolvable. */
  portTypeOperation(binding: Binding, operationName: string): PortTypeOperation | undefined;
  /** A part of the message a reference names. */
  part(messageRef: QNameRef, partName: string): Part | undefined;
  /** References (in `doc` only) that resolve to the given component. */
  referencesTo(target: Component): QNameRef[];
}

/** Is this a WSDL 2.0 message-exchange-pattern URI for one of the predefined MEPs (WSDL 2.0 Adjuncts §2)? */
export const MEP = {
  IN_ONLY: 'http://www.w3.org/ns/wsdl/in-only',
  ROBUST_IN_ONLY: 'http://www.w3.org/ns/wsdl/robust-in-only',
  IN_OUT: 'http://www.w3.org/ns/wsdl/in-out',
  IN_OPTIONAL_OUT: 'http://www.w3.org/ns/wsdl/in-opt-out',
  OUT_ONLY: 'http://www.w3.org/ns/wsdl/out-only',
  ROBUST_OUT_ONLY: 'http://www.w3.org/ns/wsdl/robust-out-only',
  OUT_IN: 'http://www.w3.org/ns/wsdl/out-in',
  OUT_OPTIONAL_IN: 'http://www.w3.org/ns/wsdl/out-opt-in',
} as const;
