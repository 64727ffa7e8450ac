/**
 * WSDL hovers on every element kind, attribute and QName reference, through the language service.
 * Fixtures mark each cursor with ¦; EXPECT lists, in marker order, what the hover there must say.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { LanguageService } from '../../../server/src/service/languageService';
import { FIXTURES, openFixture, readFixture, withCursors } from '../../support/fixtures';

/** Markdown without backslash escapes, so expectations read like the rendered hover. */
const plain = (md: string) => md.replace(/\\(.)/g, '$1');

function hoversOf(rel: string): { text: string; hovers: (string | null)[] } {
  const file = path.join(FIXTURES, rel);
  const { text, cursors } = withCursors(readFixture(rel));
  const { service, uri } = openFixture(file, text);
  return { text, hovers: cursors.map((c) => { const h = service.hover(uri, c); return h ? plain(h.markdown) : null; }) };
}

function check(rel: string, expect: RegExp[]): void {
  const { hovers } = hoversOf(rel);
  assert.equal(hovers.length, expect.length, `${rel}: one expectation per ¦ marker`);
  const failures: string[] = [];
  hovers.forEach((h, i) => {
    if (h === null || !expect[i].test(h)) failures.push(`marker #${i + 1}: expected ${expect[i]}, got ${h === null ? 'no hover' : JSON.stringify(h.slice(0, 300))}`);
  });
  assert.deepEqual(failures, []);
}

const WSDL11: RegExp[] = [
  /WSDL 1\.1 definitions[\s\S]*http:\/\/example\.com\/quotes/, // root
  /Namespace declaration[\s\S]*XML Schema/,                     // xmlns:xsd
  /WSDL documentation/,
  /wsdl:import[\s\S]*Not followed/,                               // remote import element
  /location[\s\S]*Not followed/,                                  // its location value
  /WSDL types/,
  /XML Schema\*\*[\s\S]*http:\/\/example\.com\/quotes/,           // xsd:schema
  /targetNamespace/,
  /XML Schema element.*GetQuote/,
  /schema type reference[\s\S]*xsd:complexType[\s\S]*```xml/,     // type="tns:QuoteRequest"
  /primitive built-in datatype: an arbitrary-precision decimal[\s\S]*§3\.2\.3/,// xsd:decimal
  /XML Schema complexType.*QuoteRequest[\s\S]*referenced 1 time/,
  /schema type reference[\s\S]*xsd:simpleType/,                   // tns:Symbol
  /XML Schema simpleType.*Symbol/,
  /WSDL message.*GetQuoteRequest[\s\S]*parameters/,
  /WSDL message part/,
  /schema element reference[\s\S]*```xml\n<xsd:element name="GetQuote"[\s\S]*document\/literal requires it/,
  /`xsd:string` is a primitive built-in datatype[\s\S]*§3\.2\.1/,// type="xsd:string"
  /SOAP 1\.1 encoding type[\s\S]*WS-I/,                           // soapenc:Array
  /WSDL portType.*QuotePortType[\s\S]*5 operation/,
  /WSDL operation.*GetQuote[\s\S]*request-response/,
  /WSDL operation input[\s\S]*GetQuoteRequest/,
  /message reference[\s\S]*Parts: `parameters`[\s\S]*```xml/,
  /WSDL operation output/,
  /WSDL operation fault/,
  /one-way/,
  /solicit-response[\s\S]*R2303/,
  /notification/,
  /WSDL binding.*QuoteSoap11[\s\S]*SOAP 1\.1 · over HTTP · document\/mixed/,
  /portType reference[\s\S]*5 operation/,
  /SOAP 1\.1 over HTTP\*\* · XML envelope[\s\S]*text\/xml[\s\S]*\*\*document style/,
  /transport[\s\S]*\*\*HTTP\*\*/,
  /WSDL binding operation.*GetQuote[\s\S]*SOAP 1\.1 · document\/literal · SOAPAction "http:\/\/example\.com\/quotes\/GetQuote"/,
  /SOAP 1\.1 operation[\s\S]*SOAPAction HTTP header/,
  /WSDL binding input[\s\S]*use="literal"/,
  /SOAP 1\.1 body[\s\S]*document\/literal/,
  /SOAP 1\.1 header[\s\S]*parameters/,
  /SOAP 1\.1 fault[\s\S]*QuoteFault/,
  /rpc\/encoded[\s\S]*Not WS-I compliant[\s\S]*R2706/,
  /SOAP 1\.2 over HTTP[\s\S]*application\/soap\+xml/,
  /multipart\/related/,
  /media type `image\/png`/,
  /Plain HTTP, no SOAP envelope[\s\S]*GET/,
  /HTTP operation[\s\S]*\/quote/,
  /\*\*JMS\*\*/,
  /\*\*SMTP\*\*/,
  /WSDL service.*QuoteService/,
  /WSDL port.*QuoteSoap11Port[\s\S]*plain HTTP without TLS/,
  /binding reference[\s\S]*SOAP 1\.1 · over HTTP/,
  /SOAP 1\.1 address[\s\S]*\*\*HTTP\*\*, plain HTTP without TLS/,
  /location[\s\S]*\*\*HTTPS\*\*/,
  /HTTP address[\s\S]*HTTPS/,
  /WSDL 1\.1 definitions/,                                        // end tag
];

const WSDL20: RegExp[] = [
  /WSDL 2\.0 description/,
  /WSDL 2\.0 documentation/,
  /WSDL 2\.0 types/,
  /WSDL 2\.0 interface.*reservationInterface[\s\S]*extending `tns:baseInterface`/,
  /interface reference[\s\S]*inherits/,
  /WSDL 2\.0 interface fault.*invalidDataFault/,
  /schema element reference/,
  /WSDL 2\.0 interface operation[\s\S]*\*\*in-out\*\*[\s\S]*safe/,
  /MEP \*\*in-out\*\*/,
  /WSDL 2\.0 input[\s\S]*In/,
  /WSDL 2\.0 output[\s\S]*Out/,
  /WSDL 2\.0 outfault/,
  /interface fault reference[\s\S]*```xml/,
  /MEP \*\*in-only\*\*/,
  /WSDL 2\.0 binding.*reservationSOAPBinding[\s\S]*SOAP 1\.2 · over HTTP/,
  /interface reference[\s\S]*implements/,
  /wsoap:protocol[\s\S]*SOAP over \*\*HTTP\*\*/,
  /WSDL 2\.0 binding fault/,
  /WSDL binding operation[\s\S]*SOAP 1\.2/,
  /interface operation reference[\s\S]*```xml\n<operation name="opCheckAvailability"/,
  /WSDL 2\.0 HTTP binding[\s\S]*Plain HTTP, no SOAP envelope: REST-like/,
  /WSDL 2\.0 \*\*HTTP binding\*\*/,
  /WSDL binding operation[\s\S]*plain HTTP GET \(whttp:method\), no SOAP envelope · location availability\/\{checkInDate\}/,
  /plain HTTP GET\*\*, no SOAP envelope/,
  /URI template/,
  /WSDL 2\.0 service[\s\S]*tns:reservationInterface/,
  /WSDL 2\.0 endpoint.*soapEndpoint[\s\S]*\*\*HTTPS\*\*/,
  /binding reference[\s\S]*SOAP 1\.2/,
  /\*\*HTTP\*\*: plain HTTP without TLS/,
];

test('WSDL 1.1 hovers: every element kind, attribute and reference', () => check('wsdl/hover-wsdl11.wsdl', WSDL11));
test('WSDL 2.0 hovers: every element kind, attribute and reference', () => check('wsdl/hover-wsdl20.wsdl', WSDL20));

test('hover escapes document text (no raw markup from the document)', () => {
  const text = '<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:x" xmlns:tns="urn:x"><wsdl:message name="M"><wsdl:part name="p" element="tns:**bold**&lt;img&gt;"/></wsdl:message></wsdl:definitions>';
  const service = new LanguageService();
  const uri = 'file:///tmp/api-lens-hover-escape.wsdl';
  service.open(uri, text, 1);
  const i = text.indexOf('tns:**') + 5;
  const h = service.hover(uri, { line: 0, character: i });
  assert.ok(h);
  // Document text appears only inside code spans (rendered literally), never as Markdown or HTML.
  const outsideCode = h.markdown.replace(/(`+)[\s\S]*?\1/g, '');
  assert.ok(!/<img>|\*\*bold/.test(outsideCode), h.markdown);
  assert.match(h.markdown, /`tns:\*\*bold\*\*<img>`/);
});

test('hover on the root names the kind and appends the summary headline', () => {
  const { hovers } = hoversOf('wsdl/hover-wsdl11.wsdl');
  assert.match(hovers[0]!, /^\*\*WSDL 1\.1 definitions\*\*[\s\S]*\n---\n[\s\S]*SOAP/);
});

test('WSDL 2.0: operation style and wsdlx:safe; HTTP method defaults from safety', () => {
  const text = `<description xmlns="http://www.w3.org/ns/wsdl" xmlns:tns="urn:s" targetNamespace="urn:s" xmlns:wsdlx="http://www.w3.org/ns/wsdl-extensions">
  <interface name="I"><operation name="Get" style="http://www.w3.org/ns/wsdl/style/iri" wsdlx:safe="true"/><operation name="Put"/></interface>
  <binding name="H" interface="tns:I" type="http://www.w3.org/ns/wsdl/http"><operation ref="tns:Get"/><operation ref="tns:Put"/></binding>
</description>`;
  const service = new LanguageService();
  const uri = 'file:///tmp/api-lens-style.wsdl';
  service.open(uri, text, 1);
  const lines = service.analyse(uri)!.source.lines;
  const at = (needle: string, d = 1) => plain(service.hover(uri, lines.positionAt(text.indexOf(needle) + d))?.markdown ?? '');
  assert.match(at('style='), /IRI style[\s\S]*HTTP GET/);
  assert.match(at('wsdlx:safe'), /no side effects[\s\S]*defaults to GET/);
  assert.match(at('operation ref="tns:Get"'), /plain HTTP GET \(default for an operation marked wsdlx:safe\)/);
  assert.match(at('operation ref="tns:Put"'), /plain HTTP POST \(default for an operation not marked safe\)/);
  const ops = service.describe(uri)!.operations.map((o) => `${o.name} ${o.method}`);
  assert.deepEqual(ops, ['Get GET', 'Put POST']);
});

test('policy extensions: hovers name WS-Policy / WS-SecurityPolicy, and the summary reports security, MTOM, addressing', () => {
  const text = `<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:wsp="http://www.w3.org/ns/ws-policy"
    xmlns:sp="http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702" xmlns:wsoma="http://schemas.xmlsoap.org/ws/2004/09/policy/optimizedmimeserialization"
    xmlns:wsam="http://www.w3.org/2007/05/addressing/metadata" targetNamespace="urn:p">
  <wsp:Policy><sp:TransportBinding/><sp:UsernameToken/><wsoma:OptimizedMimeSerialization/><wsam:Addressing/></wsp:Policy>
</wsdl:definitions>`;
  const service = new LanguageService();
  const uri = 'file:///tmp/api-lens-policy.wsdl';
  service.open(uri, text, 1);
  const lines = service.analyse(uri)!.source.lines;
  const at = (needle: string) => plain(service.hover(uri, lines.positionAt(text.indexOf(needle) + 2))?.markdown ?? '');
  assert.match(at('<wsp:Policy'), /WS-Policy 1\.5 Policy[\s\S]*requirements/);
  assert.match(at('<sp:TransportBinding'), /WS-SecurityPolicy 1\.2 TransportBinding/);
  const s = service.describe(uri)!;
  assert.deepEqual(s.security.map((f) => f.value), ['TLS (policy)', 'WS-Security UsernameToken']);
  assert.ok(s.formats.some((f) => f.value === 'MTOM'));
  assert.ok(s.protocols.some((f) => f.value === 'WS-Addressing'));
});

test('names from Object.prototype in the document are just names (constructor, __proto__, toString)', () => {
  const text = `<description xmlns="http://www.w3.org/ns/wsdl" xmlns:p="constructor" xmlns:q="__proto__" xmlns:tns="urn:x" targetNamespace="urn:x">
  <documentation>&constructor; &toString;</documentation>
  <types><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x"><xs:constructor/><xs:element name="toString" type="xs:__proto__"/></xs:schema></types>
  <interface name="constructor"><operation name="__proto__" style="constructor toString"/></interface>
  <p:constructor/><q:x/>
</description>`;
  const service = new LanguageService();
  const uri = 'file:///tmp/api-lens-proto.wsdl';
  service.open(uri, text, 1);
  const lines = service.analyse(uri)!.source.lines;
  for (const needle of ['xmlns:p', 'xs:constructor', 'style=', 'p:constructor', 'q:x', 'xs:__proto__', 'name="constructor"', '<interface']) {
    const h = service.hover(uri, lines.positionAt(text.indexOf(needle) + 2));
    assert.ok(!/function|\[native code\]/.test(h?.markdown ?? ''), `${needle}: ${h?.markdown}`);
    if (!/^(p:constructor|q:x)$/.test(needle)) assert.ok(h, `a hover on ${needle} (a crash would give none)`);
  }
  const doc = (service.analyse(uri) as unknown as { model: { doc: { xml: { root: { children: { localName: string; text: string }[] } } } } }).model.doc.xml.root;
  assert.equal(doc.children[0].text, '&constructor; &toString;');
  assert.ok(service.diagnostics(uri).some((d) => d.code === 'xml-syntax' && /Unknown entity '&constructor;'/.test(d.message)));
});

test('WSDL 1.1 hovers on the less common elements: xsd import/attribute/group refs, MIME parts, headerfault, binding fault, urlEncoded', () => check('wsdl/hover-extra11.wsdl', [
  /xsd:import[\s\S]*Resolved to `types\.xsd`/,
  /XML Schema attribute.*lang/,
  /XML Schema group.*G[\s\S]*reusable group of elements/,
  /model group reference[\s\S]*```xml\n<xsd:group name="G"/,
  /schema attribute reference[\s\S]*```xml\n<xsd:attribute name="lang"/,
  /MIME binding: part[\s\S]*One part of a multipart\/related message/,
  /SOAP 1\.1 headerfault/,
  /MIME binding: mimeXml[\s\S]*without a SOAP envelope/,
  /WSDL binding fault[\s\S]*use="literal"/,
  /http:urlEncoded[\s\S]*query parameters/,
]));

test('WSDL 2.0 hovers: include, import (missing), infault, wsoap:version', () => check('wsdl/hover-extra20.wsdl', [
  /include[\s\S]*SAME target namespace[\s\S]*Resolved to `included20\.wsdl`/,
  /import[\s\S]*Not found/,
  /location[\s\S]*Not found/,
  /WSDL 2\.0 infault[\s\S]*tns:F/,
  /wsoap:version[\s\S]*\*\*SOAP 1\.1\*\*/,
]));

test('XML Schema built-in types: hover says what each is with its Part 2 section; a misspelt one is unresolved everywhere', () => {
  const text = `<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:t" targetNamespace="urn:t">
  <wsdl:types><xsd:schema targetNamespace="urn:t">
    <xsd:element name="a" type="xsd:int"/>
    <xsd:element name="b" type="xsd:strng"/>
    <xsd:element name="c" type="xsd:anyType"/>
    <xsd:simpleType name="d"><xsd:restriction base="xsd:dateTimeStamp"/></xsd:simpleType>
    <xsd:element name="e" ref="xsd:schema"/>
  </xsd:schema></wsdl:types>
  <wsdl:message name="M"><wsdl:part name="p" type="xsd:base64Binary"/></wsdl:message>
</wsdl:definitions>`;
  const service = new LanguageService();
  const uri = 'file:///tmp/api-lens-builtins.wsdl';
  service.open(uri, text, 1);
  const lines = service.analyse(uri)!.source.lines;
  const at = (needle: string) => lines.positionAt(text.indexOf(needle) + 5);
  const hover = (needle: string) => plain(service.hover(uri, at(needle))?.markdown ?? '');
  assert.match(hover('xsd:int'), /xsd:int` is a built-in datatype derived from xsd:long: a 32-bit signed integer[\s\S]*XML Schema Part 2 §3\.3\.17 int\]\(https:\/\/www\.w3\.org\/TR\/xmlschema-2\/#int\)/);
  assert.match(hover('xsd:base64Binary'), /primitive built-in datatype: binary data written in Base64[\s\S]*§3\.2\.16/);
  assert.match(hover('xsd:anyType'), /ur-type/);
  assert.match(hover('xsd:dateTimeStamp'), /XML Schema 1\.1/);
  assert.match(hover('xsd:strng'), /Unresolved:\*\* `strng` is not an XML Schema built-in datatype/);
  assert.deepEqual(service.definition(uri, at('xsd:strng')), []);
  const model = (service.analyse(uri) as unknown as { model: import('../../../server/src/wsdl/model').WsdlModel }).model;
  const status = (raw: string) => model.resolve(model.doc.refs.find((r) => r.raw === raw)!).status;
  assert.deepEqual(['xsd:int', 'xsd:strng', 'xsd:anyType', 'xsd:schema', 'xsd:base64Binary'].map(status), ['builtin', 'unresolved', 'builtin', 'builtin', 'builtin']);
  const diags = service.diagnostics(uri).filter((d) => d.code === 'wsdl-unresolved-schema-reference');
  assert.deepEqual(diags.map((d) => d.message.match(/Did you mean '([^']+)'/)?.[1]), ['xsd:string']);
});
