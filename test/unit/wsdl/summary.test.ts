/** The WSDL document summary: raw per-operation signals, protocols, formats, endpoints and weight, with evidence. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { LanguageService } from '../../../server/src/service/languageService';
import { Workspace, fileUri } from '../../../server/src/service/workspace';
import { FIXTURES, readFixture, withCursors } from '../../support/fixtures';
import { weightSentence } from '../../../server/src/analysis/summaryMarkdown';
import { formatSummaryText } from '../../../server/src/cli/describeFormat';
import { renderComparison } from '../../../client/src/comparison/render';

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

function describeText(name: string, text: string) {
  const service = new LanguageService({ workspace: new Workspace() });
  const uri = fileUri(path.join(FIXTURES, 'wsdl', name));
  service.open(uri, text, 1);
  return { s: service.describe(uri)!, diags: service.diagnostics(uri) };
}

test('weight counts abstract operations once; each operation and endpoint names its binding and service', () => {
  const { s } = describe('examples/weather-soap.wsdl');
  assert.equal(s.weight.operations, 1, 'one portType operation');
  assert.equal(s.weight.bindingOperations, 2, 'bound by a SOAP 1.1 and a SOAP 1.2 binding');
  assert.deepEqual(s.operations.map((o) => `${o.name} ${o.binding}`), ['GetWeather WeatherSoap11', 'GetWeather WeatherSoap12']);
  assert.deepEqual(s.endpoints.map((e) => e.service), ['WeatherService', 'WeatherService']);
  // describe, hover and the comparison view say the same thing.
  assert.match(weightSentence(s), /^1 operation\(s\) \(bound 2 times\), /);
  assert.match(formatSummaryText('weather-soap.wsdl', s), /operations \(1, bound 2 times\):/);
  const html = renderComparison({ cspSource: 'x', nonce: 'n', styleUri: 's', scriptUri: 'j' }, { mode: 'single', summary: s, label: 'weather-soap.wsdl', canCompare: false });
  assert.match(html, /1 operation\(s\) \(bound 2 times\)/);
  assert.match(html, /SOAP 1\.2 \(WeatherSoap12\)/);
  // An abstract-only document: its portType operations, no bindings.
  const { s: abs } = describe('wsdl/multi/abstract.wsdl');
  assert.ok(abs.weight.operations > 0);
  assert.equal(abs.weight.bindingOperations, 0);
});

test('style-mixed-soap-versions is judged per wsdl:service', () => {
  const one = readFixture('examples/weather-soap.wsdl');
  const mixed = describeText('one-service.wsdl', one);
  assert.ok(mixed.diags.some((d) => d.code === 'style-mixed-soap-versions' && /Service WeatherService/.test(d.message)));
  const two = one.replace('    <wsdl:port name="WeatherSoap12Port"', '  </wsdl:service>\n  <wsdl:service name="WeatherService12">\n    <wsdl:port name="WeatherSoap12Port"');
  assert.notEqual(two, one);
  const apart = describeText('two-services.wsdl', two);
  assert.deepEqual(apart.s.endpoints.map((e) => e.service), ['WeatherService', 'WeatherService12']);
  assert.deepEqual(apart.diags.filter((d) => d.code === 'style-mixed-soap-versions'), []);
});
