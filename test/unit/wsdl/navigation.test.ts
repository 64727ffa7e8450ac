/**
 * WSDL navigation across files: imports resolved relative to the document (WSDL import, xsd:import inside an
 * embedded schema, chameleon xsd:include), go to definition, find references, symbols, folding, and that an
 * edit to an imported file re-analyses its importer.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../../../server/src/service/languageService';
import { Workspace, fileUri } from '../../../server/src/service/workspace';
import { FIXTURES, withCursors } from '../../support/fixtures';
import type { WsdlAnalysed } from '../../../server/src/wsdl/dialect';

const MULTI = path.join(FIXTURES, 'wsdl', 'multi');
const uriOf = (name: string) => fileUri(path.join(MULTI, name));

function setup() {
  const workspace = new Workspace();
  workspace.setRoots([fileUri(MULTI)]);
  const service = new LanguageService({ workspace });
  const { text, cursors } = withCursors(fs.readFileSync(path.join(MULTI, 'main.wsdl'), 'utf8'));
  service.open(uriOf('main.wsdl'), text, 1);
  return { service, text, cursors };
}

function lineOf(file: string, needle: string): number {
  const t = fs.readFileSync(path.join(MULTI, file), 'utf8');
  return t.slice(0, t.indexOf(needle)).split('\n').length - 1;
}

test('imports are followed across files and every reference resolves', () => {
  const { service } = setup();
  const a = service.analyse(uriOf('main.wsdl')) as WsdlAnalysed;
  const m = a.model;
  assert.deepEqual(m.documents.map((d) => path.basename(d.uri)), ['main.wsdl', 'abstract.wsdl', 'types.xsd', 'common.xsd']);
  for (const d of m.documents) {
    for (const r of d.refs) assert.equal(m.resolve(r).status === 'found' || m.resolve(r).status === 'builtin', true, `${path.basename(d.uri)}: ${r.raw} → ${m.resolve(r).status}`);
  }
  // A chameleon include (common.xsd has no targetNamespace) takes the including schema's namespace.
  const orderType = m.lookup('type', 'http://example.com/orders/types', 'OrderType');
  assert.ok(orderType && orderType.uri === uriOf('common.xsd'));
  assert.deepEqual(service.diagnostics(uriOf('main.wsdl')).filter((d) => /unresolved|import/.test(d.code)), []);
  assert.ok(a.dependencies.includes(uriOf('abstract.wsdl')) && a.dependencies.includes(uriOf('types.xsd')));
});

test('go to definition across files: import location, portType, portType operation, binding', () => {
  const { service, cursors } = setup();
  const main = uriOf('main.wsdl');
  // ¦1 location="abstract.wsdl": the hover says where it resolved; definition opens that document
  assert.match(service.hover(main, cursors[0])!.markdown, /Resolved to `abstract\.wsdl`/);
  const imported = service.definition(main, cursors[0]);
  assert.deepEqual(imported.map((l) => [path.basename(l.uri), l.range.start.line]), [['abstract.wsdl', 1]]);
  const pt = service.definition(main, cursors[1]);
  assert.equal(pt.length, 1);
  assert.equal(pt[0].uri, uriOf('abstract.wsdl'));
  assert.equal(pt[0].range.start.line, lineOf('abstract.wsdl', 'name="OrderPortType"'));
  const op = service.definition(main, cursors[2]);
  assert.equal(op[0]?.uri, uriOf('abstract.wsdl'));
  assert.equal(op[0].range.start.line, lineOf('abstract.wsdl', 'operation name="PlaceOrder"'));
  const b = service.definition(main, cursors[3]);
  assert.equal(b[0]?.uri, main);
  assert.equal(b[0].range.start.line, 5);
});

test('definition from an embedded schema reference into an imported .xsd', () => {
  const { service } = setup();
  const abs = uriOf('abstract.wsdl');
  const text = fs.readFileSync(path.join(MULTI, 'abstract.wsdl'), 'utf8');
  service.open(abs, text, 1);
  const at = text.indexOf('t:PlaceOrder"') + 3;
  const lines = service.analyse(abs)!.source.lines;
  const defs = service.definition(abs, lines.positionAt(at));
  assert.equal(defs[0]?.uri, uriOf('types.xsd'));
  assert.equal(defs[0].range.start.line, lineOf('types.xsd', 'name="PlaceOrder"'));
  const h = service.hover(abs, lines.positionAt(at))!.markdown;
  assert.match(h, /Defined in `types\.xsd`/);
  assert.match(h, /```xml\n<xs:element name="PlaceOrder" type="OrderType"\/>/);
});

test('find references: the declaration, and references in open documents that import it', () => {
  const { service } = setup();
  const abs = uriOf('abstract.wsdl');
  const text = fs.readFileSync(path.join(MULTI, 'abstract.wsdl'), 'utf8');
  service.open(abs, text, 1);
  const lines = service.analyse(abs)!.source.lines;
  const pos = lines.positionAt(text.indexOf('OrderPortType'));
  const refs = service.references(abs, pos, true);
  const where = refs.map((r) => `${path.basename(r.uri)}:${r.range.start.line}`).sort();
  assert.deepEqual(where, [`abstract.wsdl:${lineOf('abstract.wsdl', 'OrderPortType')}`, `main.wsdl:${lineOf('main.wsdl', 'tns:OrderPortType')}`]);
  const without = service.references(abs, pos, false);
  assert.equal(without.length, 1);
  // A message is referenced twice? once each, from the portType operation
  const msg = service.references(abs, lines.positionAt(text.indexOf('tns:PlaceOrderRequest') + 5), true);
  assert.equal(msg.length, 2);
});

test('editing an imported file re-analyses the importer', () => {
  const { service } = setup();
  const main = uriOf('main.wsdl');
  assert.equal(service.diagnostics(main).filter((d) => d.code === 'wsdl-unresolved-reference').length, 0);
  const abs = uriOf('abstract.wsdl');
  const broken = fs.readFileSync(path.join(MULTI, 'abstract.wsdl'), 'utf8').replace('name="OrderPortType"', 'name="OrderPortTypeX"');
  service.open(abs, broken, 2);
  const codes = service.diagnostics(main).map((d) => d.code);
  assert.ok(codes.some((c) => /unresolved/.test(c)), `after the edit: ${codes.join(', ')}`);
});

test('symbols: outline of messages, portTypes, bindings, services and schemas; folding ranges', () => {
  const workspace = new Workspace();
  const service = new LanguageService({ workspace });
  const file = path.join(FIXTURES, 'wsdl', 'hover-wsdl11.wsdl');
  const uri = fileUri(file);
  service.open(uri, withCursors(fs.readFileSync(file, 'utf8')).text, 1);
  const syms = service.symbols(uri);
  const names = syms.map((s) => `${s.kind}:${s.name}`);
  for (const n of ['namespace:http://example.com/quotes', 'struct:GetQuoteRequest', 'interface:QuotePortType', 'class:QuoteSoap11', 'module:QuoteService']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
  const pt = syms.find((s) => s.name === 'QuotePortType')!;
  assert.deepEqual(pt.children!.map((c) => `${c.name} ${c.detail}`), ['GetQuote request-response', 'Subscribe one-way', 'Ask solicit-response', 'Tick notification', 'Legacy one-way']);
  const svc = syms.find((s) => s.name === 'QuoteService')!;
  assert.deepEqual(svc.children!.map((c) => c.name), ['QuoteSoap11Port', 'QuoteSoap12Port', 'QuoteHttpPort']);
  const schema = syms.find((s) => s.kind === 'namespace')!;
  assert.deepEqual(schema.children!.map((c) => c.name), ['GetQuote', 'GetQuoteResponse', 'QuoteRequest', 'Symbol']);
  const folds = service.folding(uri);
  assert.ok(folds.some((f) => f.startLine === 1), 'the root folds');
  assert.ok(folds.length > 20);
  for (const f of folds) assert.ok(f.endLine > f.startLine);
});

test('WSDL 2.0 symbols: interfaces with operations and faults, bindings, services with endpoints', () => {
  const service = new LanguageService();
  const file = path.join(FIXTURES, 'wsdl', 'hover-wsdl20.wsdl');
  const uri = fileUri(file);
  service.open(uri, withCursors(fs.readFileSync(file, 'utf8')).text, 1);
  const syms = service.symbols(uri);
  const itf = syms.find((s) => s.name === 'reservationInterface')!;
  assert.deepEqual(itf.children!.map((c) => `${c.name} ${c.detail}`), ['invalidDataFault fault', 'opCheckAvailability in-out', 'opNotify in-only']);
  assert.ok(syms.some((s) => s.name === 'reservationHTTPBinding' && s.detail === 'binding HTTP'));
  assert.deepEqual(syms.find((s) => s.name === 'reservationService')!.children!.map((c) => c.name), ['soapEndpoint', 'httpEndpoint']);
});

test('namespaces: prefix scoping, default namespace, redeclared prefixes', () => {
  const text = `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:p="urn:outer" targetNamespace="urn:outer">
  <types>
    <schema xmlns="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:inner" xmlns:p="urn:inner">
      <element name="E" type="p:T"/>
      <complexType name="T"/>
    </schema>
  </types>
  <message name="M"><part name="a" element="q:E" xmlns:q="urn:inner"/><part name="b" element="p:E"/><part name="c" element="z:E"/></message>
</definitions>`;
  const service = new LanguageService();
  const uri = 'file:///tmp/api-lens-ns.wsdl';
  service.open(uri, text, 1);
  const m = (service.analyse(uri) as WsdlAnalysed).model;
  const st = (raw: string) => { const r = m.doc.refs.find((x) => x.raw === raw)!; return `${r.ns} ${m.resolve(r).status}`; };
  assert.equal(st('p:T'), 'urn:inner found'); // inner redeclaration of p wins inside the schema
  assert.equal(st('q:E'), 'urn:inner found'); // declared on the element itself
  assert.equal(st('p:E'), 'urn:outer unresolved'); // outer p
  assert.equal(st('z:E'), 'undefined unresolved');
  const schema = m.doc.schemas[0];
  assert.equal(schema.el.ns, 'http://www.w3.org/2001/XMLSchema'); // default namespace on the schema element
  assert.equal(m.doc.messages[0].el.ns, 'http://schemas.xmlsoap.org/wsdl/');
});

test('imports: remote not followed (information), missing file warned, self-include reported, all terminate', () => {
  const text = `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:r="urn:remote" xmlns:tns="urn:t" targetNamespace="urn:t">
  <types><xsd:schema targetNamespace="urn:t">
    <xsd:import namespace="urn:remote" schemaLocation="https://example.com/r.xsd"/>
    <xsd:include schemaLocation="self.wsdl"/>
  </xsd:schema></types>
  <import namespace="urn:missing" location="nowhere/missing.wsdl"/>
  <message name="M"><part name="a" element="r:Anything"/></message>
</definitions>`;
  const service = new LanguageService();
  const uri = 'file:///tmp/api-lens-imports/self.wsdl';
  service.open(uri, text, 1);
  const d = service.diagnostics(uri);
  const by = (c: string) => d.filter((x) => x.code === c);
  assert.equal(by('wsdl-import-remote')[0]?.severity, 'information');
  assert.equal(by('wsdl-import-not-found')[0]?.severity, 'warning');
  assert.equal(by('wsdl-import-cycle').length, 1);
  // A reference into the namespace of an import that was not followed is not reported as unresolved.
  assert.deepEqual(d.filter((x) => /unresolved/.test(x.code)).map((x) => x.message), []);
});

test('definition of soap:header part= and soap:body parts= goes to the message part', () => {
  const text = `<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:p" targetNamespace="urn:p">
  <wsdl:message name="In"><wsdl:part name="body" type="tns:x"/><wsdl:part name="auth" type="tns:y"/></wsdl:message>
  <wsdl:portType name="PT"><wsdl:operation name="Op"><wsdl:input message="tns:In"/></wsdl:operation></wsdl:portType>
  <wsdl:binding name="B" type="tns:PT"><soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="Op"><wsdl:input><soap:body use="literal" parts="body" namespace="urn:p"/><soap:header message="tns:In" part="auth" use="literal"/></wsdl:input></wsdl:operation>
  </wsdl:binding>
</wsdl:definitions>`;
  const service = new LanguageService();
  const uri = 'file:///tmp/api-lens-parts.wsdl';
  service.open(uri, text, 1);
  const lines = service.analyse(uri)!.source.lines;
  const at = (needle: string, d: number) => service.definition(uri, lines.positionAt(text.indexOf(needle) + d));
  const header = at('part="auth"', 7);
  assert.equal(header.length, 1);
  assert.deepEqual(header[0].range.start, lines.positionAt(text.indexOf('"auth" type') + 1));
  const body = at('parts="body"', 8);
  assert.deepEqual(body[0]?.range.start, lines.positionAt(text.indexOf('"body" type') + 1));
  const h = service.hover(uri, lines.positionAt(text.indexOf('part="auth"') + 7))!.markdown;
  assert.match(h, /\*\*message part\*\* `auth` \(type `tns:y`\)[\s\S]*SOAP header block[\s\S]*```xml\n<wsdl:part name="auth" type="tns:y"\/>/);
  assert.match(service.hover(uri, lines.positionAt(text.indexOf('parts="body"') + 8))!.markdown, /message part\*\* `body`[\s\S]*SOAP Body/);
});

test('WSDL 2.0 operation names are scoped by interface: a binding ref= finds its own interface\'s operation', () => {
  const text = `<description xmlns="http://www.w3.org/ns/wsdl" xmlns:tns="urn:s" targetNamespace="urn:s">
  <interface name="A"><operation name="get"/></interface>
  <interface name="Base"><fault name="oops"/><operation name="get"/></interface>
  <interface name="B" extends="tns:Base"/>
  <binding name="BB" interface="tns:B" type="http://www.w3.org/ns/wsdl/http"><fault ref="tns:oops"/><operation ref="tns:get"/></binding>
</description>`;
  const service = new LanguageService();
  const uri = 'file:///tmp/api-lens-scoped.wsdl';
  service.open(uri, text, 1);
  const lines = service.analyse(uri)!.source.lines;
  const def = service.definition(uri, lines.positionAt(text.indexOf('ref="tns:get"') + 7));
  assert.equal(def[0]?.range.start.line, 2, 'the operation of Base (which B extends), not the one of A');
  const fault = service.definition(uri, lines.positionAt(text.indexOf('ref="tns:oops"') + 7));
  assert.equal(fault[0]?.range.start.line, 2);
});

test('a schema in the 2000/10 draft XML Schema namespace is still modelled (no unresolved references)', () => {
  const text = `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:xsd="http://www.w3.org/2000/10/XMLSchema" xmlns:tns="urn:old" targetNamespace="urn:old">
  <types><xsd:schema targetNamespace="urn:old"><xsd:element name="E" type="xsd:string"/></xsd:schema></types>
  <message name="M"><part name="p" element="tns:E"/><part name="q" type="xsd:int"/></message>
</definitions>`;
  const service = new LanguageService();
  const uri = 'file:///tmp/api-lens-old-xsd.wsdl';
  service.open(uri, text, 1);
  const m = (service.analyse(uri) as WsdlAnalysed).model;
  assert.deepEqual(m.doc.refs.map((r) => `${r.raw} ${m.resolve(r).status}`), ['xsd:string builtin', 'tns:E found', 'xsd:int builtin']);
});

test('an import outside the workspace folders is information ("not read"), a missing one inside is a warning', () => {
  const workspace = new Workspace();
  workspace.setRoots([fileUri(MULTI)]);
  const service = new LanguageService({ workspace });
  const uri = uriOf('virtual.wsdl');
  const text = `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:v">
  <import namespace="urn:q" location="../hover-wsdl11.wsdl"/>
  <import namespace="urn:m" location="missing.wsdl"/>
</definitions>`;
  service.open(uri, text, 1);
  const d = service.diagnostics(uri).filter((x) => x.code === 'wsdl-import-not-found');
  assert.deepEqual(d.map((x) => `${x.range.start.line} ${x.severity}`), ['1 information', '2 warning']);
  assert.match(d[0].message, /outside the workspace folders/);
  assert.match(d[1].message, /no such file/);
  const lines = service.analyse(uri)!.source.lines;
  assert.match(service.hover(uri, lines.positionAt(text.indexOf('../hover') + 2))!.markdown, /outside the workspace folders/);
});
