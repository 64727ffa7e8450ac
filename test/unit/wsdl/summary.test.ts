/** The WSDL document summary: raw per-operation signals, protocols, formats, endpoints and weight, with evidence. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { LanguageService } from '../../../server/src/service/languageService';
import { Workspace, fileUri } from '../../../server/src/service/workspace';
import { FIXTURES, readFixture, withCursors } from '../../support/fixtures';

function describe(rel: string) {
  const file = path.join(FIXTURES, rel);
  const service = new LanguageService({ workspace: new Workspace() });
  const uri = fileUri(file);
  const text = withCursors(readFixture(rel)).text;
  service.open(uri, text, 1);
  return { s: service.describe(uri)!, text };
}

test('WSDL 1.1: per-operation SOAP signals, protocols with evidence, endpoints, weight', () => {
  const { s, text } = describe('wsdl/hover-wsdl11.wsdl');
  const ops = s.operations.map((o) => [o.name, o.soapVersion ?? '-', o.bindingStyle ?? '-', o.use ?? '-', o.soapAction ?? '-', o.pattern ?? '-', o.method ?? '-'].join(' '));
  assert.deepEqual(ops, [
    'GetQuote 1.1 document literal http://example.com/quotes/GetQuote request-response POST',
    'Legacy 1.1 rpc encoded urn:legacy one-way POST',
    'GetQuote 1.2 document literal http://example.com/quotes/GetQuote request-response POST',
    'GetQuote - - - - request-response GET',
  ]);
  assert.deepEqual(s.operations[2].requestMediaTypes, ['application/soap+xml', 'multipart/related']);
  assert.deepEqual(s.operations[0].headerNames, ['SOAPAction']);
  assert.deepEqual([s.operations[3].requestMediaTypes, s.operations[3].responseMediaTypes, s.operations[3].path], [[], ['text/xml'], '/quote']);
  const protocols = s.protocols.map((f) => f.value);
  for (const p of ['SOAP 1.1', 'SOAP 1.2', 'HTTP', 'HTTPS', 'JMS', 'SMTP']) assert.ok(protocols.includes(p), `${p} in ${protocols.join(', ')}`);
  const soap11 = s.protocols.find((f) => f.value === 'SOAP 1.1')!;
  assert.equal(text.slice(soap11.evidence[0].span.start, soap11.evidence[0].span.start + 13), '<soap:binding');
  assert.ok(soap11.evidence[0].range, 'the service fills in ranges');
  assert.ok(s.formats.some((f) => f.value === 'XML') && s.formats.some((f) => f.value === 'MIME multipart/related') && s.formats.some((f) => f.value === 'image/png'));
  assert.deepEqual(s.endpoints.map((e) => `${e.protocol} ${e.soapVersion ?? '-'} ${e.url}`), [
    'HTTP 1.1 http://example.com/quotes/soap11', 'HTTPS 1.2 https://example.com/quotes/soap12', 'HTTPS - https://example.com/quotes/http',
  ]);
  assert.equal(s.weight.messages, 4);
  assert.equal(s.weight.schemaTypes, 4);
  assert.equal(s.weight.envelope, false, 'an HTTP binding travels without an envelope');
  assert.equal(s.scope, 'web-service');
});

test('WSDL 2.0: SOAP binding signals, HTTP binding method/location and serializations, MEP', () => {
  const { s } = describe('wsdl/hover-wsdl20.wsdl');
  const soap = s.operations.find((o) => o.soapVersion === '1.2')!;
  assert.equal(soap.pattern, 'http://www.w3.org/ns/wsdl/in-out');
  const http = s.operations.find((o) => !o.soapVersion)!;
  assert.deepEqual([http.method, http.path], ['GET', 'availability/{checkInDate}']);
  assert.deepEqual(http.requestMediaTypes, ['application/x-www-form-urlencoded']);
  assert.deepEqual(http.responseMediaTypes, ['application/xml']);
  assert.ok(s.protocols.some((f) => f.value === 'SOAP 1.2'));
  assert.ok(s.protocols.some((f) => f.value === 'HTTP'));
  assert.deepEqual(s.endpoints.map((e) => e.protocol), ['HTTPS', 'HTTP']);
});
