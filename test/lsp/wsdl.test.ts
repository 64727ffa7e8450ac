/**
 * WSDL through the built server over stdio: hovers of the main element kinds, go to definition into an
 * imported file, references, symbols, and a syntax error published at its exact position.
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspTestClient } from '../support/lspClient';
import { FIXTURES, withCursors } from '../support/fixtures';

let client: LspTestClient;
before(async () => { client = await LspTestClient.start({ rootUri: pathToFileURL(FIXTURES).toString() }); });
after(async () => { await client.stop(); });

const plain = (md: string | null) => (md ?? '').replace(/\\(.)/g, '$1');

async function openMarked(rel: string) {
  const file = path.join(FIXTURES, rel);
  const uri = pathToFileURL(file).toString();
  const { text, cursors } = withCursors(fs.readFileSync(file, 'utf8'));
  const diags = client.waitForDiagnostics(uri);
  await client.open(uri, text);
  return { uri, text, cursors, diags: await diags };
}

test('hovers through LSP: soap:binding, soap:body encoded, address, WSDL 2.0 HTTP binding', async () => {
  const w11 = await openMarked('wsdl/hover-wsdl11.wsdl');
  const at = async (i: number) => plain(await client.hover(w11.uri, w11.cursors[i].line, w11.cursors[i].character));
  assert.match(await at(0), /WSDL 1\.1 definitions/);
  assert.match(await at(30), /SOAP 1\.1 over HTTP\*\* · XML envelope[\s\S]*document style/);
  assert.match(await at(38), /rpc\/encoded[\s\S]*Not WS-I compliant[\s\S]*R2706/);
  assert.match(await at(39), /SOAP 1\.2 over HTTP/);
  assert.match(await at(49), /plain HTTP without TLS/);
  assert.match(await at(44), /\*\*JMS\*\*/);
  const w20 = await openMarked('wsdl/hover-wsdl20.wsdl');
  const h = plain(await client.hover(w20.uri, w20.cursors[20].line, w20.cursors[20].character));
  assert.match(h, /Plain HTTP, no SOAP envelope: REST-like/);
  const op = plain(await client.hover(w20.uri, w20.cursors[22].line, w20.cursors[22].character));
  assert.match(op, /plain HTTP GET \(whttp:method\), no SOAP envelope · location availability\/\{checkInDate\}/);
});

test('go to definition into an imported WSDL, and references back', async () => {
  const main = await openMarked('wsdl/multi/main.wsdl');
  const defs = await client.request<{ uri: string; range: { start: { line: number } } }[]>('textDocument/definition', {
    textDocument: { uri: main.uri }, position: main.cursors[1],
  });
  const abstractUri = pathToFileURL(path.join(FIXTURES, 'wsdl', 'multi', 'abstract.wsdl')).toString();
  assert.equal(defs.length, 1);
  assert.equal(defs[0].uri, abstractUri);
  const abstractText = fs.readFileSync(path.join(FIXTURES, 'wsdl', 'multi', 'abstract.wsdl'), 'utf8');
  assert.equal(defs[0].range.start.line, abstractText.slice(0, abstractText.indexOf('name="OrderPortType"')).split('\n').length - 1);
  const refs = await client.request<{ uri: string }[]>('textDocument/references', {
    textDocument: { uri: main.uri }, position: main.cursors[3], context: { includeDeclaration: true },
  });
  assert.equal(refs.length, 2); // the binding's name and the port's binding=
  const syms = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: main.uri } });
  assert.deepEqual(syms.map((s) => s.name), ['abstract.wsdl', 'OrderBinding', 'OrderService']);
});

test('a syntax error is published at its exact line and column with a readable message', async () => {
  const uri = 'file:///tmp/api-lens-lsp/broken.wsdl';
  const text = [
    '<?xml version="1.0"?>',
    '<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:b">',
    '  <wsdl:message name="M">',
    '    <wsdl:part name="p" type="xsd:string"/>',
    '  </wsdl:mesage>',
    '</wsdl:definitions>',
  ].join('\n');
  const diags = client.waitForDiagnostics(uri);
  await client.open(uri, text);
  const d = (await diags).filter((x) => x.code === 'xml-syntax');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, { line: 4, character: 4 });
  assert.deepEqual(d[0].range.end, { line: 4, character: 15 });
  assert.match(typeof d[0].message === 'string' ? d[0].message : d[0].message.value, /Unexpected end tag <\/wsdl:mesage>: the open element is <wsdl:message>/);
  assert.equal(d[0].severity, 1);
  // The rest of the document is still understood: hover on the root still names the kind.
  assert.match(plain(await client.hover(uri, 1, 3)), /WSDL 1\.1/);
});

test('completion of QName values through LSP: imported components with their declared prefix, built-in types, as text edits', async () => {
  const doc = await openMarked('wsdl/completion/main.wsdl');
  type Item = { label: string; detail?: string; textEdit?: { range: { start: { line: number; character: number } }; newText: string } };
  const complete = async (i: number) => {
    const r = await client.request<Item[] | { items: Item[] } | null>('textDocument/completion', { textDocument: { uri: doc.uri }, position: doc.cursors[i] });
    return Array.isArray(r) ? r : r?.items ?? [];
  };
  const element = await complete(2);
  assert.deepEqual(element.map((x) => x.label).sort(), ['t:Order', 'tns:PlaceOrder']);
  assert.deepEqual(element[0].textEdit?.range.start, doc.cursors[2]);
  const types = await complete(0);
  assert.ok(types.some((x) => x.label === 'xsd:base64Binary' && x.detail === 'XML Schema built-in type'));
  assert.ok(types.some((x) => x.label === 't:Address' && x.detail === 'type in types.xsd'));
});
