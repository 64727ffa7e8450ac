/** Style smells on hand-built, classified summaries (the fixtures in test-fixtures/rules/style-* cover real documents). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { classify } from '../../../server/src/analysis/classify';
import { styleFindings } from '../../../server/src/analysis/styleRules';
import { endpoint, http, summary } from '../../support/summaries';

const codes = (fs: { code: string }[]) => fs.map((f) => f.code);

test('a verb in a REST path: flagged with a rewrite; an RPC API is not flagged op by op', () => {
  const rest = classify(summary('oas30', [http('GET', '/orders'), http('POST', '/orders'), http('GET', '/orders/{id}'), http('GET', '/orders/{id}/getInvoice')]));
  const f = styleFindings(rest).filter((x) => x.code === 'style-verb-in-rest-path');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /"getInvoice" names an action \(get\)/);
  assert.match(f[0].message, /Consider GET \/orders\/\{id\}\/invoice\./);
  const create = classify(summary('oas30', [http('GET', '/users'), http('GET', '/users/{id}'), http('PUT', '/users/{id}'), http('POST', '/users/create')]));
  assert.match(styleFindings(create).find((x) => x.code === 'style-verb-in-rest-path')!.message, /Consider POST \/users\./);
  const rpc = classify(summary('oas30', [http('GET', '/getUser'), http('POST', '/createUser')]));
  assert.deepEqual(codes(styleFindings(rpc)).filter((c) => c === 'style-verb-in-rest-path'), []);
});

test('GET, HEAD and DELETE with a body are warned with the RFC 9110 section of the method', () => {
  const s = classify(summary('oas30', [http('GET', '/a', { hasRequestBody: true }), http('DELETE', '/a', { hasRequestBody: true }), http('PUT', '/a')]));
  const f = styleFindings(s).filter((x) => x.code === 'style-body-on-get');
  assert.equal(f.length, 2);
  assert.match(f[0].message, /RFC 9110 §9\.3\.1/);
  assert.match(f[1].message, /RFC 9110 §9\.3\.5/);
});

test('POST for reads, by path or by operationId; not for GraphQL or JSON-RPC endpoints', () => {
  const s = classify(summary('oas30', [http('POST', '/getUser'), http('POST', '/users', { name: 'listUsers' }), http('POST', '/users/search', { name: 'searchUsers' }), http('POST', '/orders', { name: 'createOrder' })]));
  const f = styleFindings(s).filter((x) => x.code === 'style-post-for-read');
  assert.equal(f.length, 3);
  assert.match(f[0].message, /its path says "getUser"/);
  assert.match(f[1].message, /its name listUsers says list/);
  assert.match(f[2].message, /QUERY method/);
  const g = classify(summary('oas30', [http('POST', '/graphql', { name: 'getData', bodyHints: ['graphql-query'] })]));
  assert.deepEqual(codes(styleFindings(g)), []);
});

test('SOAP 1.1 and 1.2 ports in one service; separate services are not mixed', () => {
  const s = classify(summary('wsdl11', [], { endpoints: [endpoint('https://a/11', { soapVersion: '1.1', service: 'S' }), endpoint('https://a/12', { soapVersion: '1.2', service: 'S' })] }));
  const f = styleFindings(s);
  assert.deepEqual(codes(f), ['style-mixed-soap-versions']);
  assert.match(f[0].message, /Service S offers SOAP 1\.1 and SOAP 1\.2 ports/);
  const apart = classify(summary('wsdl11', [], { endpoints: [endpoint('https://a/11', { soapVersion: '1.1', service: 'A' }), endpoint('https://a/12', { soapVersion: '1.2', service: 'B' })] }));
  assert.deepEqual(codes(styleFindings(apart)), []);
});

test('a document mixing styles: one finding at the first operation of each minority style', () => {
  const gql = http('POST', '/graphql', { name: 'graphql', bodyHints: ['graphql-query'] });
  const s = classify(summary('oas30', [http('GET', '/users'), http('GET', '/users/{id}'), http('PUT', '/users/{id}'), gql]));
  const f = styleFindings(s).filter((x) => x.code === 'style-mixed-document');
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].span, gql.span);
  assert.match(f[0].message, /This operation is GraphQL over HTTP while most of the document \(3 operation\(s\)\) is REST \(level 2\)/);
});
