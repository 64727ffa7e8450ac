/**
 * The OpenAPI summary's raw signals (what analysis/classify.ts builds the design styles on): protocols
 * from servers and Swagger 2 schemes/host, formats from media types, security, per-operation signals.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { LanguageService } from '../../../server/src/service/languageService';

function describe(text: string, name = 'doc.yaml') {
  const svc = new LanguageService();
  const uri = `file:///tmp/api-lens-summary/${name}`;
  svc.open(uri, text, 1);
  const s = svc.describe(uri);
  assert.ok(s, 'a summary');
  return s;
}

test('Swagger 2.0: protocols from schemes + host, formats from consumes/produces, body parameter', () => {
  const s = describe(`swagger: '2.0'
info: {title: t, version: '1'}
host: api.example.com
basePath: /v1
schemes: [https, wss]
consumes: [application/x-www-form-urlencoded]
produces: [application/xml, application/json]
securityDefinitions:
  basic: {type: basic}
paths:
  /things:
    post:
      parameters:
        - {name: body, in: body, schema: {type: object}}
      responses:
        '201': {description: created, headers: {Location: {type: string}}}
`);
  assert.deepEqual(s.protocols.map((p) => p.value).sort(), ['HTTPS', 'WSS']);
  assert.deepEqual(s.endpoints.map((e) => e.url), ['https://api.example.com/v1', 'wss://api.example.com/v1']);
  assert.deepEqual(s.formats.map((f) => f.value).sort(), ['JSON', 'XML', 'form']);
  assert.ok(s.formats.every((f) => f.evidence.length > 0 && f.evidence[0].range));
  assert.equal(s.security[0].value, 'basic');
  const op = s.operations[0];
  assert.equal(op.method, 'POST');
  assert.equal(op.path, '/things');
  assert.ok(op.hasRequestBody);
  assert.deepEqual(op.requestMediaTypes, ['application/x-www-form-urlencoded']);
  assert.deepEqual(op.statusCodes, ['201']);
  assert.ok(op.headerNames.includes('Location'));
});

test('OpenAPI 3: body hints (JSON-RPC, GraphQL, XML-RPC, SOAP), hypermedia, webhooks and callbacks', () => {
  const s = describe(`openapi: 3.1.0
info: {title: t, version: '1'}
servers: [{url: 'http://rpc.example.com'}]
paths:
  /rpc:
    post:
      operationId: rpc
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {jsonrpc: {const: '2.0'}, method: {type: string}, params: {}, id: {}}}
      responses:
        '200': {description: ok, headers: {Link: {schema: {type: string}}}}
  /graphql:
    post:
      operationId: gql
      requestBody:
        content:
          application/json:
            example: {query: '{ me { id } }', variables: {}}
      responses:
        '200': {description: ok, links: {next: {operationId: rpc}}}
  /RPC2:
    post:
      operationId: xmlrpc
      requestBody:
        content:
          text/xml:
            schema: {type: object, xml: {name: methodCall}}
      responses:
        '200': {description: ok}
  /soap:
    post:
      operationId: soap
      parameters: [{name: SOAPAction, in: header, schema: {type: string}}]
      requestBody:
        content:
          text/xml:
            example: '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>'
      responses:
        '200': {description: ok}
      callbacks:
        done:
          '{$request.body#/callback}':
            post:
              responses: {'200': {description: ok}}
webhooks:
  ping:
    post:
      responses: {'200': {description: ok}}
`);
  const by = new Map(s.operations.map((o) => [o.name, o]));
  assert.deepEqual(s.protocols.map((p) => p.value), ['HTTP']);
  assert.ok(by.get('rpc')!.bodyHints.includes('jsonrpc'));
  assert.ok(by.get('rpc')!.hypermedia, 'a Link header is hypermedia');
  assert.ok(by.get('gql')!.bodyHints.includes('graphql-query'));
  assert.ok(by.get('gql')!.hypermedia, 'a links object is hypermedia');
  assert.ok(by.get('xmlrpc')!.bodyHints.includes('methodCall'));
  assert.ok(by.get('soap')!.bodyHints.includes('soap-envelope'));
  assert.ok(by.get('soap')!.headerNames.includes('SOAPAction'));
  assert.deepEqual(s.operations.filter((o) => o.origin === 'webhook').map((o) => o.method), ['POST']);
  assert.deepEqual(s.operations.filter((o) => o.origin === 'callback').map((o) => o.path), ['{$request.body#/callback}']);
});

test('the version decides: webhooks in a 3.0 document are not operations', () => {
  const s = describe(`openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
webhooks:
  ping:
    post:
      responses: {'200': {description: ok}}
`);
  assert.deepEqual(s.operations, []);
});

test('server variables take their defaults', () => {
  const s = describe(`openapi: 3.0.3
info: {title: t, version: '1'}
servers: [{url: '{scheme}://api.example.com', variables: {scheme: {default: https, enum: [https, http]}}}]
paths: {}
`);
  assert.deepEqual(s.protocols.map((p) => p.value), ['HTTPS']);
});

test('text/event-stream: the format fact and the headline both say event-stream (not text)', () => {
  const s = describe(`openapi: 3.2.0
info: {title: t, version: '1'}
servers: [{url: 'https://api.example.com'}]
paths:
  /events:
    get:
      responses:
        '200':
          description: a stream
          content:
            text/event-stream:
              itemSchema: {type: object}
`, 'sse.yaml');
  assert.deepEqual(s.formats.map((f) => f.value), ['event-stream']);
  assert.match(s.headline ?? '', /event-stream/);
  assert.doesNotMatch(s.headline ?? '', /\btext\b/);
});
