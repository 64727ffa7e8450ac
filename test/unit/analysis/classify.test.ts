/** Design-style classification on hand-built summaries: each style, its reasons, and mixed documents. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { classify } from '../../../server/src/analysis/classify';
import type { DocumentSummary } from '../../../server/src/analysis/summary';
import { endpoint, http, op, soap, summary } from '../../support/summaries';

const styleIds = (s: DocumentSummary) => s.styles.map((f) => f.style);
const style = (s: DocumentSummary, id: string) => {
  const f = s.styles.find((x) => x.style === id);
  assert.ok(f, `expected style ${id}; got ${s.styles.map((x) => x.value).join(', ')}`);
  return f;
};

test('SOAP document/literal from the binding, with version in the headline', () => {
  const s = classify(summary('wsdl11', [soap('GetWeather', '1.2', 'document', 'literal')], { endpoints: [endpoint('https://x/ws', { soapVersion: '1.2' })] }));
  assert.deepEqual(styleIds(s), ['soap-document-literal']);
  const f = style(s, 'soap-document-literal');
  assert.equal(f.confidence, 'certain');
  assert.match(f.reason, /style="document"/);
  assert.match(f.reason, /use="literal"/);
  assert.equal(s.headline, 'SOAP 1.2 · XML · document/literal');
  assert.ok(s.operations[0].styles.some((x) => x.style === 'soap-document-literal'));
  assert.ok(s.clients.some((c) => /wsimport|svcutil/.test(c)));
});

test('SOAP defaults: no style attribute means document, no use means literal, and the reason says so', () => {
  const s = classify(summary('wsdl11', [soap('Ping', '1.1')]));
  const f = style(s, 'soap-document-literal');
  assert.match(f.reason, /default style="document"/);
});

test('SOAP rpc/literal and rpc/encoded; encoded cites WS-I R2706 and warns about toolkits', () => {
  const lit = classify(summary('wsdl11', [soap('Add', '1.1', 'rpc', 'literal')]));
  assert.deepEqual(styleIds(lit), ['soap-rpc-literal']);
  assert.match(style(lit, 'soap-rpc-literal').reason, /wrapper element named after the operation/);
  const enc = classify(summary('wsdl11', [soap('Add', '1.1', 'rpc', 'encoded')]));
  const f = style(enc, 'soap-rpc-encoded');
  assert.match(f.spec!.url, /R2706/);
  assert.match(f.reason, /SOAP Encoding/);
  assert.equal(enc.headline, 'SOAP 1.1 · XML · rpc/encoded');
  assert.ok(enc.clients.some((c) => /Axis 1/.test(c)));
});

test('SOAP 1.1 and 1.2 bindings of the same operations are one style, not mixed', () => {
  const s = classify(summary('wsdl11', [soap('GetWeather', '1.1', 'document', 'literal'), soap('GetWeather', '1.2', 'document', 'literal')]));
  assert.deepEqual(styleIds(s), ['soap-document-literal']);
  assert.equal(s.headline, 'SOAP 1.1 + 1.2 · XML · document/literal');
  assert.deepEqual(style(s, 'soap-document-literal').notes, ['Bound to SOAP 1.1 and 1.2.']);
});

test('WSDL 2.0 HTTP binding is REST-like; offered next to SOAP for the same operation it is not mixed', () => {
  const only = classify(summary('wsdl20', [op({ name: 'opCheckAvailability', method: 'GET', path: 'availability/{checkInDate}' })]));
  const f = style(only, 'wsdl-http-binding');
  assert.equal(f.value, 'HTTP binding (REST-like)');
  assert.match(f.spec!.url, /wsdl20-adjuncts\/#http-binding/);
  const both = classify(summary('wsdl20', [soap('opCheckAvailability', '1.2'), op({ name: 'opCheckAvailability', method: 'GET', path: 'availability/{d}' })]));
  assert.deepEqual(styleIds(both), ['soap-document-literal', 'wsdl-http-binding']);
  assert.match(both.styles[0].notes!.join(' '), /also offered as HTTP binding/);
  assert.match(both.headline, /^SOAP 1\.2 · XML · document\/literal · \+ HTTP binding$/);
});

test('REST level 2: resources, methods, status codes; level 3 with hypermedia', () => {
  const ops = [http('GET', '/books'), http('POST', '/books'), http('GET', '/books/{isbn}'), http('DELETE', '/books/{isbn}')];
  const s = classify(summary('oas30', ops, { endpoints: [endpoint('https://api.example.com')] }));
  const f = style(s, 'rest');
  assert.equal(f.value, 'REST (level 2)');
  assert.equal(f.level, 2);
  assert.ok(f.notes!.some((n) => /^Level 1: 2 resource paths/.test(n)));
  assert.ok(f.notes!.some((n) => /Status codes beyond 200 are declared \(201, 204, 400, 404\)/.test(n)));
  assert.ok(f.notes!.some((n) => /Not level 3: no response carries hypermedia/.test(n)));
  assert.equal(s.headline, 'REST (level 2) · JSON · HTTPS');
  const h = classify(summary('oas30', [http('GET', '/orders', { hypermedia: true }), http('GET', '/orders/{id}', { hypermedia: true }), http('POST', '/orders')]));
  assert.equal(style(h, 'rest').value, 'REST (level 3)');
});

test('REST with only 200 responses is level 2 with lower confidence and says why', () => {
  const s = classify(summary('oas30', [http('GET', '/a', { statusCodes: ['200'] }), http('PUT', '/a', { statusCodes: ['200'] })]));
  const f = style(s, 'rest');
  assert.equal(f.confidence, 'possible');
  assert.ok(f.notes!.some((n) => /Only 200\/default/.test(n)));
});

test('REST level 1: resources but GET with bodies (methods against their meaning)', () => {
  const s = classify(summary('oas30', [http('GET', '/a', { hasRequestBody: true }), http('GET', '/b', { hasRequestBody: true }), http('PUT', '/b')]));
  const f = style(s, 'rest');
  assert.equal(f.level, 1);
  assert.ok(f.notes!.some((n) => /GET with a body/.test(n)));
});

test('level 0: one endpoint, one method, nothing else to go by: RPC over HTTP at level 0', () => {
  const s = classify(summary('oas30', [http('POST', '/api', { requestMediaTypes: ['application/xml'], responseMediaTypes: ['application/xml'] })]));
  const f = style(s, 'rpc-http');
  assert.equal(f.level, 0);
  assert.match(f.reason, /one endpoint/);
  assert.match(f.reason, /Richardson level 0/);
});

test('RPC over HTTP: verbs in paths, named with the segments', () => {
  const s = classify(summary('swagger2', [http('GET', '/getUser'), http('POST', '/users/create'), http('POST', '/deleteUser'), http('GET', '/users')]));
  const f = style(s, 'rpc-http');
  assert.match(f.reason, /3 of 4 operations name an action in the path/);
  assert.ok(s.operations[0].styles[0].reason.includes('"getUser"'));
  // One resource-like operation is noted, not a second style.
  assert.deepEqual(styleIds(s), ['rpc-http']);
  assert.ok(f.notes!.some((n) => /1 operation\(s\) address resources without a verb \(GET \/users\)/.test(n)));
  // Two of six make a second group: mixed.
  const m = classify(summary('oas30', [http('GET', '/getUser'), http('POST', '/createUser'), http('POST', '/deleteUser'), http('GET', '/findUser'), http('GET', '/users'), http('GET', '/users/{id}')]));
  assert.deepEqual(styleIds(m), ['mixed', 'rest', 'rpc-http']);
});

test('RPC over HTTP: a POST-only API, even with noun paths', () => {
  const s = classify(summary('oas30', [http('POST', '/users'), http('POST', '/orders'), http('POST', '/invoices')]));
  assert.deepEqual(styleIds(s), ['rpc-http']);
  assert.match(style(s, 'rpc-http').reason, /Every one of the 3 operations uses POST/);
  assert.ok(s.operations.every((o) => o.styles[0].style === 'rpc-http'));
});

test('verbs are found only at word boundaries (settings, address, updates are nouns)', () => {
  const s = classify(summary('oas30', [http('GET', '/settings'), http('GET', '/address'), http('GET', '/updates'), http('PUT', '/settings')]));
  assert.deepEqual(styleIds(s), ['rest']);
});

test('SOAP tunnelled through OpenAPI: SOAPAction header, text/xml, envelope', () => {
  const s = classify(summary('oas30', [http('POST', '/service.asmx', { headerNames: ['SOAPAction'], requestMediaTypes: ['text/xml'], bodyHints: ['soap-envelope'] })]));
  const f = style(s, 'soap-tunnel');
  assert.equal(f.confidence, 'certain');
  assert.match(f.reason, /SOAPAction header/);
  assert.match(f.reason, /SOAP Envelope/);
  assert.equal(f.level, 0);
  const header = classify(summary('oas30', [http('POST', '/svc', { headerNames: ['soapaction'] })]));
  assert.equal(style(header, 'soap-tunnel').confidence, 'likely');
  const soap12 = classify(summary('oas30', [http('POST', '/svc', { requestMediaTypes: ['application/soap+xml; charset=utf-8'] })]));
  assert.match(style(soap12, 'soap-tunnel').spec!.url, /soap12-part2/);
});

test('XML-RPC from a methodCall body, or (less sure) from the /RPC2 path', () => {
  const s = classify(summary('oas30', [http('POST', '/RPC2', { requestMediaTypes: ['text/xml'], bodyHints: ['methodCall'] })]));
  assert.equal(style(s, 'xml-rpc').confidence, 'certain');
  const p = classify(summary('oas30', [http('POST', '/RPC2', { requestMediaTypes: ['text/xml'] })]));
  assert.equal(style(p, 'xml-rpc').confidence, 'likely');
  assert.ok(p.clients.some((c) => /xmlrpc\.client/.test(c)));
});

test('GraphQL over HTTP: one /graphql endpoint taking a query', () => {
  const s = classify(summary('oas30', [http('POST', '/graphql', { bodyHints: ['graphql-query'] }), http('GET', '/graphql', { name: 'graphqlGet' })]));
  assert.deepEqual(styleIds(s), ['graphql']);
  const f = style(s, 'graphql');
  assert.equal(f.confidence, 'certain');
  assert.deepEqual(f.operations, ['POST /graphql', 'graphqlGet']);
  assert.match(s.headline, /^GraphQL over HTTP · JSON/);
});

test('JSON-RPC from the envelope', () => {
  const s = classify(summary('oas31', [http('POST', '/rpc', { bodyHints: ['jsonrpc'] })]));
  assert.deepEqual(styleIds(s), ['json-rpc']);
  assert.match(style(s, 'json-rpc').spec!.url, /jsonrpc\.org/);
});

test('webhooks and callbacks are named, and do not make a REST API mixed', () => {
  const s = classify(summary('oas31', [
    http('GET', '/subscriptions'), http('POST', '/subscriptions'),
    op({ name: 'newPet', method: 'POST', path: 'newPet', origin: 'webhook' }),
    op({ name: 'onEvent', method: 'POST', path: '{$request.body#/callbackUrl}', origin: 'callback' }),
  ]));
  assert.deepEqual(styleIds(s), ['rest', 'webhook', 'callback']);
  assert.ok(s.clients.some((c) => /receive webhooks/.test(c)));
  const only = classify(summary('oas31', [op({ name: 'newPet', method: 'POST', path: 'newPet', origin: 'webhook' })]));
  assert.deepEqual(styleIds(only), ['webhook']);
  assert.match(only.headline, /^Webhook/);
});

test('mixed: REST plus GraphQL plus JSON-RPC, each with its operations', () => {
  const s = classify(summary('oas30', [
    http('GET', '/users'), http('GET', '/users/{id}'), http('PUT', '/users/{id}'),
    http('POST', '/graphql', { name: 'graphql', bodyHints: ['graphql-query'] }),
    http('POST', '/rpc', { name: 'rpc', bodyHints: ['jsonrpc'] }),
  ]));
  const m = style(s, 'mixed');
  assert.equal(m.value, 'Mixed (REST level 2 + GraphQL over HTTP + JSON-RPC)');
  assert.match(m.reason, /REST level 2: GET \/users, GET \/users\/\{id\}, PUT \/users\/\{id\}/);
  assert.match(m.reason, /GraphQL over HTTP: graphql/);
  assert.match(m.reason, /JSON-RPC: rpc/);
  assert.equal(s.styles[0].style, 'mixed');
  assert.match(s.headline, /^Mixed \(/);
});

test('mixed WSDL: document/literal and rpc/encoded on different operations', () => {
  const s = classify(summary('wsdl11', [soap('A', '1.1', 'document', 'literal'), soap('B', '1.1', 'rpc', 'encoded')]));
  assert.ok(styleIds(s).includes('mixed'));
  assert.match(style(s, 'mixed').value, /SOAP document\/literal \+ SOAP rpc\/encoded/);
});

test('no operations: an explicit unknown style, never a crash', () => {
  const s = classify(summary('oas30', []));
  assert.equal(s.styles[0].value, 'No operations');
  assert.equal(s.headline, 'API (no operations)');
});

test('plain http:// endpoints: the clients note mixed content', () => {
  const s = classify(summary('oas30', [http('GET', '/a')], { endpoints: [endpoint('http://api.example.com')] }));
  assert.ok(s.clients.some((c) => /mixed content/.test(c)));
  assert.match(s.headline, / · HTTP$/);
});

test('one verb path among many resources is REST with a note, not mixed', () => {
  const s = classify(summary('oas30', [
    http('GET', '/orders'), http('POST', '/orders'), http('GET', '/orders/{id}'), http('DELETE', '/orders/{id}'),
    http('POST', '/orders/{id}/cancel'), http('GET', '/orders/{id}/getInvoice'),
  ]));
  assert.deepEqual(styleIds(s), ['rest']);
  assert.match(style(s, 'rest').reason, /5 of 6 operations address resources.*1 put a verb in the path \(\/orders\/\{id\}\/getInvoice\)/);
  assert.equal(s.operations[5].styles[0].style, 'rpc-http');
});

test('a lone POST on a resource path is not a level-0 tunnel; on /gateway or *.asmx it is', () => {
  const pets = classify(summary('oas30', [http('POST', '/pets')]));
  assert.deepEqual(styleIds(pets), ['rest']);
  const gw = classify(summary('oas30', [http('POST', '/Service.asmx')]));
  assert.equal(style(gw, 'rpc-http').level, 0);
});

test('text/xml POSTed to Service.asmx is possibly SOAP; text/xml to /orders is not', () => {
  const asmx = classify(summary('oas30', [http('POST', '/Service.asmx', { requestMediaTypes: ['text/xml; charset=utf-8'] })]));
  const f = style(asmx, 'soap-tunnel');
  assert.equal(f.confidence, 'possible');
  assert.match(f.reason, /no envelope or SOAPAction header/);
  const orders = classify(summary('oas30', [http('POST', '/orders', { requestMediaTypes: ['text/xml'] }), http('GET', '/orders')]));
  assert.deepEqual(styleIds(orders), ['rest']);
});

test('SOAP groups note one-way and service-initiated operations', () => {
  const s = classify(summary('wsdl11', [soap('Log', '1.1', 'document', 'literal', { pattern: 'one-way' }), soap('Get', '1.1', 'document', 'literal'), soap('Alert', '1.1', 'document', 'literal', { pattern: 'notification' })]));
  const notes = style(s, 'soap-document-literal').notes!.join('\n');
  assert.match(notes, /1 one-way operation\(s\) \(Log\)/);
  assert.match(notes, /1 operation\(s\) start at the service \(Alert\).*R2303/);
});

test('SOAP over another transport says so in the headline', () => {
  const s = classify(summary('wsdl11', [soap('Order', '1.1', 'document', 'literal')], { endpoints: [endpoint('jms:jndi:OrderQueue', { soapVersion: '1.1' })] }));
  assert.equal(s.headline, 'SOAP 1.1 over JMS · XML · document/literal');
});
