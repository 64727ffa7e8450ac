/** Completion of QName attribute values: components of the right kind, from imports too, with the prefix declared for their namespace. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { LanguageService } from '../../../server/src/service/languageService';
import { FIXTURES, openFixture, readFixture, withCursors } from '../../support/fixtures';

function open(rel: string) {
  const file = path.join(FIXTURES, rel);
  const { text, cursors } = withCursors(readFixture(rel));
  const { service, uri } = openFixture(file, text);
  return { service, uri, text, at: (i: number) => service.completion(uri, cursors[i]) };
}
const labels = (items: { label: string }[]) => items.map((i) => i.label).sort();

test('WSDL 1.1: part element=, input message=, binding type=, port binding= offer their kind with declared prefixes', () => {
  const { at } = open('wsdl/completion/main.wsdl');
  // element=: the schema's own element and the imported one; urn:example:hidden has no prefix in scope, so Secret is not offered.
  assert.deepEqual(labels(at(2)), ['t:Order', 'tns:PlaceOrder']);
  assert.deepEqual(labels(at(3)), ['tns:PlaceOrderRequest', 'tns:PlaceOrderResponse']);
  assert.deepEqual(labels(at(4)), ['tns:Shop']);
  assert.deepEqual(labels(at(6)), ['tns:ShopSoap']);
  // A binding operation's name= (an NCName): the portType's operations not bound yet.
  assert.deepEqual(labels(at(5)), ['CancelOrder', 'PlaceOrder']);
  assert.equal(at(5).find((x) => x.label === 'CancelOrder')!.detail, 'operation of portType Shop (one-way)');
  const msg = at(3)[0];
  assert.equal(msg.detail, 'message in this document');
  // The whole token under the cursor is replaced ("tns:Pl" -> the chosen name).
  assert.equal(msg.range!.end.character - msg.range!.start.character, 'tns:Pl'.length);
  assert.equal(at(4)[0].range!.end.character - at(4)[0].range!.start.character, 'tns:Shop'.length);
});

test('type= and base= offer schema types and the XML Schema built-in types; imported ones say where they come from', () => {
  const { at } = open('wsdl/completion/main.wsdl');
  const types = at(0);
  assert.ok(labels(types).includes('t:Address') && labels(types).includes('tns:Code'));
  assert.ok(labels(types).includes('xsd:string') && labels(types).includes('xsd:dateTime') && labels(types).includes('xsd:anyType'));
  assert.ok(!labels(types).some((l) => /Order|Secret/.test(l)), 'elements are not types');
  assert.equal(types.find((t) => t.label === 't:Address')!.detail, 'type in types.xsd');
  assert.match(types.find((t) => t.label === 'xsd:int')!.documentation!, /32-bit signed integer[\s\S]*§3\.3\.17/);
  assert.ok(labels(at(1)).includes('xsd:token'));
  assert.equal(types.length, labels(types).length);
  assert.equal(new Set(labels(types)).size, types.length, 'no duplicates');
});

test('WSDL 2.0: a binding operation ref= offers its interface\'s operations (inherited too); interface= offers interfaces', () => {
  const { at } = open('wsdl/completion/itf20.wsdl');
  assert.deepEqual(labels(at(0)), ['#any', '#none', '#other', 'tns:book'], 'element= of an interface message: tokens and elements');
  assert.deepEqual(labels(at(1)), ['tns:ping', 'tns:reserve']);
  assert.deepEqual(labels(at(2)), ['tns:Base', 'tns:Hotel', 'tns:Other']);
});

test('no completion outside QName attribute values', () => {
  const { service, uri, text } = open('wsdl/completion/main.wsdl');
  const lines = service.analyse(uri)!.source.lines;
  for (const needle of ['name="PlaceOrderRequest"', 'location="https', 'targetNamespace="urn:example:shop">', '<wsdl:portType']) {
    assert.deepEqual(service.completion(uri, lines.positionAt(text.indexOf(needle) + needle.indexOf('"') + 2)), [], needle);
  }
});

test('more components than one answer holds: those containing the typed text are kept', () => {
  let text = '<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:tns="urn:big" targetNamespace="urn:big">\n';
  for (let i = 0; i < 3000; i++) text += `<wsdl:message name="M${i}"/>\n`;
  text += '<wsdl:portType name="P"><wsdl:operation name="o"><wsdl:input message="tns:M299"/></wsdl:operation></wsdl:portType></wsdl:definitions>';
  const service = new LanguageService();
  const uri = 'file:///tmp/api-lens-big-completion.wsdl';
  service.open(uri, text, 1);
  const at = service.analyse(uri)!.source.lines.positionAt(text.indexOf('tns:M299"') + 'tns:M299'.length);
  assert.deepEqual(labels(service.completion(uri, at)), ['tns:M299', 'tns:M2990', 'tns:M2991', 'tns:M2992', 'tns:M2993', 'tns:M2994', 'tns:M2995', 'tns:M2996', 'tns:M2997', 'tns:M2998', 'tns:M2999']);
});
