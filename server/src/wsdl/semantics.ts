/**
 * What WSDL constructs imply (protocol, transport, format, style), as data with spec links. Shared by
 * hovers (wsdl/hover.ts) and the document summary (wsdl/summarize.ts) so both always say the same thing.
 */
import { MEP, NS, TRANSPORT, type Binding, type BindingOperation } from './model';

export interface Spec { title: string; url: string }

const W11 = 'https://www.w3.org/TR/wsdl.html';
const W20 = 'https://www.w3.org/TR/wsdl20/';
const W20A = 'https://www.w3.org/TR/wsdl20-adjuncts/';
export const SPEC = {
  definitions: { title: 'WSDL 1.1 §2.1', url: `${W11}#_document-s` },
  import: { title: 'WSDL 1.1 §2.1.1', url: `${W11}#_document-n` },
  types: { title: 'WSDL 1.1 §2.2', url: `${W11}#_types` },
  messages: { title: 'WSDL 1.1 §2.3', url: `${W11}#_messages` },
  portTypes: { title: 'WSDL 1.1 §2.4', url: `${W11}#_porttypes` },
  oneWay: { title: 'WSDL 1.1 §2.4.1', url: `${W11}#_one-way` },
  requestResponse: { title: 'WSDL 1.1 §2.4.2', url: `${W11}#_request-response` },
  solicitResponse: { title: 'WSDL 1.1 §2.4.3', url: `${W11}#_solicit-resp` },
  notification: { title: 'WSDL 1.1 §2.4.4', url: `${W11}#_notification` },
  bindings: { title: 'WSDL 1.1 §2.5', url: `${W11}#_bindings` },
  ports: { title: 'WSDL 1.1 §2.6', url: `${W11}#_ports` },
  services: { title: 'WSDL 1.1 §2.7', url: `${W11}#_services` },
  soapBinding: { title: 'WSDL 1.1 §3.3 soap:binding', url: `${W11}#_soap:binding` },
  soapOperation: { title: 'WSDL 1.1 §3.4 soap:operation', url: `${W11}#_soap:operation` },
  soapBody: { title: 'WSDL 1.1 §3.5 soap:body', url: `${W11}#_soap:body` },
  soapFault: { title: 'WSDL 1.1 §3.6 soap:fault', url: `${W11}#_soap:fault` },
  soapHeader: { title: 'WSDL 1.1 §3.7 soap:header', url: `${W11}#_soap:header` },
  soapAddress: { title: 'WSDL 1.1 §3.8 soap:address', url: `${W11}#_soap:address` },
  soap12Binding: { title: 'WSDL 1.1 Binding Extension for SOAP 1.2', url: 'https://www.w3.org/Submission/wsdl11soap12/' },
  http: { title: 'WSDL 1.1 §4 HTTP GET & POST binding', url: `${W11}#_http` },
  mime: { title: 'WSDL 1.1 §5 MIME binding', url: W11 },
  soap11: { title: 'SOAP 1.1', url: 'https://www.w3.org/TR/2000/NOTE-SOAP-20000508/' },
  soap12: { title: 'SOAP 1.2 Part 1', url: 'https://www.w3.org/TR/soap12-part1/' },
  soap12Http: { title: 'SOAP 1.2 Part 2 §7 HTTP binding', url: 'https://www.w3.org/TR/soap12-part2/#soapinhttp' },
  soapEncoding: { title: 'SOAP 1.1 §5 encoding', url: 'https://www.w3.org/TR/2000/NOTE-SOAP-20000508/#_Toc478383512' },
  soapJms: { title: 'SOAP over Java Message Service 1.0', url: 'https://www.w3.org/TR/soapjms/' },
  bp: { title: 'WS-I Basic Profile 1.1', url: 'http://www.ws-i.org/Profiles/BasicProfile-1.1.html' },
  bpR2706: { title: 'WS-I BP 1.1 R2706', url: 'http://www.ws-i.org/Profiles/BasicProfile-1.1.html#R2706' },
  bpR2705: { title: 'WS-I BP 1.1 R2705', url: 'http://www.ws-i.org/Profiles/BasicProfile-1.1.html#R2705' },
  bpR2702: { title: 'WS-I BP 1.1 R2702', url: 'http://www.ws-i.org/Profiles/BasicProfile-1.1.html#R2702' },
  bpR2201: { title: 'WS-I BP 1.1 R2201', url: 'http://www.ws-i.org/Profiles/BasicProfile-1.1.html#R2201' },
  bpR2203: { title: 'WS-I BP 1.1 R2203/R2204', url: 'http://www.ws-i.org/Profiles/BasicProfile-1.1.html#R2203' },
  rfc9110: { title: 'RFC 9110 §4.2 http and https URIs', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-4.2' },
  xsd: { title: 'XML Schema Part 1', url: 'https://www.w3.org/TR/xmlschema-1/' },
  xsdImport: { title: 'XML Schema Part 1 §4.2', url: 'https://www.w3.org/TR/xmlschema-1/#compound-schema' },
  xmlns: { title: 'Namespaces in XML 1.0', url: 'https://www.w3.org/TR/xml-names/' },
  w20Description: { title: 'WSDL 2.0 §2.1 Description', url: `${W20}#Description` },
  w20Interface: { title: 'WSDL 2.0 §2.2 Interface', url: `${W20}#Interface` },
  w20Fault: { title: 'WSDL 2.0 §2.3 Interface Fault', url: `${W20}#InterfaceFault` },
  w20Operation: { title: 'WSDL 2.0 §2.4 Interface Operation', url: `${W20}#InterfaceOperation` },
  w20MessageRef: { title: 'WSDL 2.0 §2.5 Interface Message Reference', url: `${W20}#InterfaceMessageReference` },
  w20FaultRef: { title: 'WSDL 2.0 §2.6 Interface Fault Reference', url: `${W20}#InterfaceFaultReference` },
  w20Binding: { title: 'WSDL 2.0 §2.9 Binding', url: `${W20}#Binding` },
  w20Service: { title: 'WSDL 2.0 §2.15 Service', url: `${W20}#Service` },
  w20Endpoint: { title: 'WSDL 2.0 §2.16 Endpoint', url: `${W20}#Endpoint` },
  w20Include: { title: 'WSDL 2.0 §4.1 include', url: `${W20}#includes` },
  w20Import: { title: 'WSDL 2.0 §4.2 import', url: `${W20}#imports` },
  w20Types: { title: 'WSDL 2.0 §3 Types', url: `${W20}#eii-types` },
  w20Mep: { title: 'WSDL 2.0 Adjuncts §2 Message Exchange Patterns', url: `${W20A}#meps` },
  w20Soap: { title: 'WSDL 2.0 Adjuncts §5 SOAP binding', url: `${W20A}#soap-binding` },
  w20Http: { title: 'WSDL 2.0 Adjuncts §6 HTTP binding', url: `${W20A}#http-binding` },
  w20HttpMethod: { title: 'WSDL 2.0 Adjuncts §6.3 HTTP method selection', url: `${W20A}#_http_binding_default_rule_method` },
  w20HttpLocation: { title: 'WSDL 2.0 Adjuncts §6.7 {http location}', url: `${W20A}#_http_operation_location_query_constr` },
  w20Serialization: { title: 'WSDL 2.0 Adjuncts §6.8 serialization', url: `${W20A}#_http_serialization` },
} satisfies Record<string, Spec>;

/** Transport named by a URI (soap:binding/@transport, wsoap:protocol). */
export function transportOf(uri: string): { label: string; text: string; spec?: Spec } {
  const u = uri.trim();
  if (u === TRANSPORT.SOAP_HTTP || /^http:\/\/schemas\.xmlsoap\.org\/soap\/http\/?$/.test(u)) return { label: 'HTTP', text: 'SOAP messages travel in HTTP POST requests and responses', spec: SPEC.soapBinding };
  if (u === TRANSPORT.SOAP12_HTTP || u.startsWith('http://www.w3.org/2003/05/soap/bindings/HTTP')) return { label: 'HTTP', text: 'the SOAP 1.2 HTTP binding (POST, or GET for safe retrievals)', spec: SPEC.soap12Http };
  if (/jms/i.test(u)) return { label: 'JMS', text: 'SOAP messages travel over a Java Message Service queue or topic, not HTTP', spec: SPEC.soapJms };
  if (/smtp|mail/i.test(u)) return { label: 'SMTP', text: 'SOAP messages travel by e-mail (SMTP), asynchronously', spec: SPEC.soapBinding };
  if (/^https?:\/\/.*\/http\/?$/i.test(u)) return { label: 'HTTP', text: 'an HTTP transport (non-standard URI)' };
  if (/tcp/i.test(u)) return { label: 'TCP', text: 'a raw TCP transport (vendor-specific)' };
  return { label: 'other', text: `a transport WSDL/SOAP do not define (${u}); clients must know it out of band` };
}

/** Protocol of an endpoint address by its URI scheme. */
export function addressProtocol(url: string): { label: string; secure: boolean; text: string } {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url.trim());
  const scheme = m ? m[1].toLowerCase() : '';
  switch (scheme) {
    case 'https': return { label: 'HTTPS', secure: true, text: 'HTTP over TLS: the connection is encrypted and the server authenticated' };
    case 'http': return { label: 'HTTP', secure: false, text: 'plain HTTP without TLS: messages (and any credentials in them) travel unencrypted' };
    case 'jms': return { label: 'JMS', secure: false, text: 'a JMS destination (SOAP over JMS)' };
    case 'mailto': case 'smtp': return { label: 'SMTP', secure: false, text: 'an e-mail address (SOAP over SMTP)' };
    case 'ws': return { label: 'WS', secure: false, text: 'WebSocket without TLS' };
    case 'wss': return { label: 'WSS', secure: true, text: 'WebSocket over TLS' };
    case '': return { label: 'relative', secure: false, text: 'a relative address, resolved against where the WSDL was fetched from' };
    default: return { label: scheme.toUpperCase(), secure: false, text: `a ${scheme}: address` };
  }
}

export type SoapVersion = '1.1' | '1.2';

export function soapVersionOf(b: Binding): SoapVersion | undefined {
  if (b.protocol === 'soap11') return '1.1';
  if (b.protocol === 'soap12') return '1.2';
  return undefined;
}

/** WSDL 1.1 §3.4: soap:operation style, else soap:binding style, else "document". */
export function effectiveStyle(b: Binding, op?: BindingOperation): 'document' | 'rpc' | undefined {
  if (b.protocol !== 'soap11' && b.protocol !== 'soap12') return undefined;
  if (b.type20) return undefined;
  const s = op?.style?.value ?? b.soap?.style?.value ?? 'document';
  return s === 'rpc' ? 'rpc' : 'document';
}

/** use of the operation's bodies: 'encoded' when any body is encoded, 'literal' when they say literal. */
export function effectiveUse(op: BindingOperation): 'literal' | 'encoded' | undefined {
  const bodies = [op.input?.body, op.output?.body, ...op.faults.map((f) => f.fault)].filter((x) => x);
  if (bodies.some((b) => b!.use?.value === 'encoded')) return 'encoded';
  if (bodies.some((b) => b!.use?.value === 'literal')) return 'literal';
  return undefined;
}

export function soapVersionSpec(v: SoapVersion): Spec { return v === '1.1' ? SPEC.soap11 : SPEC.soap12; }

/** The envelope namespace a SOAP version uses (what a client sees on the wire). */
export function envelopeNs(v: SoapVersion): string {
  return v === '1.1' ? 'http://schemas.xmlsoap.org/soap/envelope/' : 'http://www.w3.org/2003/05/soap-envelope';
}

export function contentType(v: SoapVersion): string { return v === '1.1' ? 'text/xml' : 'application/soap+xml'; }

/** WSDL 2.0 MEPs (Adjuncts §2) in words. */
export function mepText(uri: string | undefined): { name: string; text: string } {
  switch (uri ?? MEP.IN_OUT) {
    case MEP.IN_ONLY: return { name: 'in-only', text: 'one message in, nothing back (no fault either)' };
    case MEP.ROBUST_IN_ONLY: return { name: 'robust-in-only', text: 'one message in; only a fault may come back' };
    case MEP.IN_OUT: return { name: 'in-out', text: 'request and response (a fault may replace the response)' };
    case MEP.IN_OPTIONAL_OUT: return { name: 'in-optional-out', text: 'one message in, a response is optional' };
    case MEP.OUT_ONLY: return { name: 'out-only', text: 'the service sends one message, nothing comes back' };
    case MEP.ROBUST_OUT_ONLY: return { name: 'robust-out-only', text: 'the service sends one message; a fault may come back' };
    case MEP.OUT_IN: return { name: 'out-in', text: 'the service sends a request and receives the response' };
    case MEP.OUT_OPTIONAL_IN: return { name: 'out-optional-in', text: 'the service sends a message; a response is optional' };
    default: return { name: uri!, text: 'a message exchange pattern WSDL 2.0 does not predefine' };
  }
}

export function primitiveText(p: string | undefined): { text: string; spec: Spec } {
  switch (p) {
    case 'one-way': return { text: 'one-way: the client sends a message and gets nothing back', spec: SPEC.oneWay };
    case 'request-response': return { text: 'request-response: the client sends a request and receives a response (or a fault)', spec: SPEC.requestResponse };
    case 'solicit-response': return { text: 'solicit-response: the SERVICE sends a request and waits for the client\'s response (output before input). WS-I BP 1.1 R2303 forbids it; few toolkits support it', spec: SPEC.solicitResponse };
    case 'notification': return { text: 'notification: the SERVICE sends a message with no response (output only). WS-I BP 1.1 R2303 forbids it', spec: SPEC.notification };
    default: return { text: 'no input or output: the operation exchanges no message', spec: SPEC.portTypes };
  }
}

/**
 * The HTTP method of a WSDL 2.0 HTTP binding operation (Adjuncts §6.3): whttp:method, else the binding's
 * whttp:methodDefault, else GET when the interface operation is marked safe, else POST.
 */
export function http20Method(op: BindingOperation, b: Binding, safe: boolean | undefined): { method: string; why: string } {
  if (op.whttpMethod) return { method: op.whttpMethod.value, why: 'whttp:method' };
  if (b.whttpMethodDefault) return { method: b.whttpMethodDefault.value, why: 'the binding\'s whttp:methodDefault' };
  return safe ? { method: 'GET', why: 'default for an operation marked wsdlx:safe' } : { method: 'POST', why: 'default for an operation not marked safe' };
}

export const STYLE20: Record<string, string> = {
  'http://www.w3.org/ns/wsdl/style/iri': 'IRI style: the input element\'s children are simple values that can be written into a URI (what an HTTP GET needs)',
  'http://www.w3.org/ns/wsdl/style/rpc': 'RPC style: the input and output elements are named after the operation and list its parameters',
  'http://www.w3.org/ns/wsdl/style/multipart': 'Multipart style: the input element\'s children can be sent as the parts of a multipart/form-data body',
};

/** Extension namespaces often found in WSDLs (policies attached to bindings and operations). */
export const EXTENSION_NS: Record<string, { name: string; text: string; spec: Spec }> = {
  'http://www.w3.org/ns/ws-policy': { name: 'WS-Policy 1.5', text: 'a policy: requirements (security, addressing, reliability, MTOM) a client must meet to talk to this endpoint', spec: { title: 'WS-Policy 1.5', url: 'https://www.w3.org/TR/ws-policy/' } },
  'http://schemas.xmlsoap.org/ws/2004/09/policy': { name: 'WS-Policy 1.2', text: 'a policy: requirements (security, addressing, reliability, MTOM) a client must meet to talk to this endpoint', spec: { title: 'WS-Policy 1.5', url: 'https://www.w3.org/TR/ws-policy/' } },
  'http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702': { name: 'WS-SecurityPolicy 1.2', text: 'a security assertion: how messages are protected (TLS, signatures, encryption, tokens)', spec: { title: 'WS-SecurityPolicy 1.3', url: 'https://docs.oasis-open.org/ws-sx/ws-securitypolicy/v1.3/ws-securitypolicy.html' } },
  'http://schemas.xmlsoap.org/ws/2005/07/securitypolicy': { name: 'WS-SecurityPolicy 1.1', text: 'a security assertion: how messages are protected (TLS, signatures, encryption, tokens)', spec: { title: 'WS-SecurityPolicy 1.3', url: 'https://docs.oasis-open.org/ws-sx/ws-securitypolicy/v1.3/ws-securitypolicy.html' } },
  'http://schemas.xmlsoap.org/ws/2004/09/policy/optimizedmimeserialization': { name: 'MTOM policy', text: 'binary content travels as MIME attachments (XOP/MTOM) instead of base64 text inside the envelope', spec: { title: 'SOAP MTOM', url: 'https://www.w3.org/TR/soap12-mtom/' } },
  'http://www.w3.org/2007/05/addressing/metadata': { name: 'WS-Addressing metadata', text: 'messages carry WS-Addressing headers (wsa:To, wsa:Action, wsa:MessageID, wsa:ReplyTo)', spec: { title: 'WS-Addressing 1.0 Metadata', url: 'https://www.w3.org/TR/ws-addr-metadata/' } },
  'http://www.w3.org/2006/05/addressing/wsdl': { name: 'WS-Addressing WSDL binding', text: 'messages carry WS-Addressing headers (wsa:To, wsa:Action, wsa:MessageID, wsa:ReplyTo)', spec: { title: 'WS-Addressing 1.0 WSDL Binding', url: 'https://www.w3.org/TR/ws-addr-wsdl/' } },
  'http://docs.oasis-open.org/ws-rx/wsrmp/200702': { name: 'WS-ReliableMessaging policy', text: 'messages are delivered with WS-ReliableMessaging (acknowledgements, retransmission, ordering)', spec: { title: 'WS-RM Policy 1.2', url: 'https://docs.oasis-open.org/ws-rx/wsrmp/200702/wsrmp-1.2-spec-os.html' } },
  'http://www.w3.org/2010/soapjms/': { name: 'SOAP over JMS', text: 'JMS binding properties (destination, delivery mode, priority)', spec: { title: 'SOAP over Java Message Service 1.0', url: 'https://www.w3.org/TR/soapjms/' } },
};

export const WSOAP_MEP_REQUEST_RESPONSE = 'http://www.w3.org/2003/05/soap/mep/request-response/';
export { NS };
