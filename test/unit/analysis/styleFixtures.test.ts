/**
 * Every design style on a real document (test-fixtures/styles), through the language service:
 * dialect summarize() -> classify(). Asserts the style ids, the headline and the reasons that justify them.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../../../server/src/service/languageService';
import { Workspace, fileUri } from '../../../server/src/service/workspace';
import type { DocumentSummary } from '../../../server/src/analysis/summary';
import { FIXTURES } from '../../support/fixtures';

const DIR = path.join(FIXTURES, 'styles');

function describe(file: string): DocumentSummary {
  const p = path.join(DIR, file);
  const workspace = new Workspace();
  workspace.setRoots([fileUri(DIR)]);
  const service = new LanguageService({ workspace });
  const uri = fileUri(p);
  service.open(uri, fs.readFileSync(p, 'utf8'), 1);
  const s = service.describe(uri);
  assert.ok(s, `${file} has a summary`);
  return s;
}

interface Expect {
  styles: string[];
  headline: RegExp | string;
  /** Each must match the reason of one of the styles. */
  reasons?: RegExp[];
  check?: (s: DocumentSummary) => void }

const CASES: Record<string, Expect> = {
  'soap-document-literal.wsdl': { styles: ['soap-document-literal'], headline: 'SOAP 1.2 · XML · document/literal', reasons: [/style="document"/, /use="literal"/] },
  'soap-rpc-literal.wsdl': { styles: ['soap-rpc-literal'], headline: 'SOAP 1.1 · XML · rpc/literal', reasons: [/style="rpc"/, /wrapper element named after the operation/] },
  'soap-rpc-encoded.wsdl': { styles: ['soap-rpc-encoded'], headline: 'SOAP 1.1 · XML · rpc/encoded', reasons: [/use="encoded"/, /WS-I Basic Profile forbids it/] },
  'wsdl20-http-binding.wsdl': { styles: ['wsdl-http-binding'], headline: /^HTTP binding \(REST-like\) · XML/, reasons: [/GET on the URI template "books\/\{isbn\}"/] },
  'wsdl11-http-get-binding.wsdl': { styles: ['wsdl-http-binding'], headline: /^HTTP binding \(WSDL 1\.1\)/, reasons: [/GET requests to the location "\/GetTime"/] },
  'abstract-no-binding.wsdl': { styles: ['abstract'], headline: 'WSDL (no binding)', reasons: [/no binding gives them a protocol/] },
  'rest-level1.yaml': { styles: ['rest'], headline: 'REST (level 1) · JSON · HTTPS', reasons: [/Richardson maturity level 1/], check: (s) => assert.ok(s.styles[0].notes!.some((n) => /GET with a body: queryItems/.test(n))) },
  'rest-level2.yaml': { styles: ['rest'], headline: 'REST (level 2) · JSON · HTTPS', reasons: [/5 operation\(s\) address resources/], check: (s) => assert.ok(s.styles[0].notes!.some((n) => /Status codes beyond 200 are declared \(201, 204, 400, 404\)/.test(n))) },
  'rest-level3.json': { styles: ['rest'], headline: /^REST \(level 3\) · JSON/, check: (s) => assert.ok(s.styles[0].notes!.some((n) => /^Level 3: 3 of 3 operations return hypermedia links/.test(n))) },
  'pox-single-endpoint.yaml': { styles: ['rpc-http'], headline: 'RPC over HTTP · XML · HTTPS', reasons: [/one endpoint/, /Richardson level 0/], check: (s) => assert.equal(s.styles[0].level, 0) },
  'rpc-over-http.yaml': { styles: ['rpc-http'], headline: 'RPC over HTTP · JSON · HTTPS', reasons: [/4 of 4 operations name an action in the path/] },
  'post-only.json': { styles: ['rpc-http'], headline: 'RPC over HTTP · JSON · HTTPS', reasons: [/Every one of the 3 operations uses POST/] },
  'soap-tunnel-openapi.yaml': { styles: ['soap-tunnel'], headline: /^SOAP over HTTP \(tunnelled\) · XML/, reasons: [/SOAP Envelope/, /SOAPAction header/] },
  'xml-rpc-openapi.yaml': { styles: ['xml-rpc'], headline: /^XML-RPC · XML/, reasons: [/<methodCall>/], check: (s) => assert.equal(s.styles[0].confidence, 'certain') },
  'graphql.yaml': { styles: ['graphql'], headline: /^GraphQL over HTTP · JSON/, reasons: [/"query" member holding a GraphQL document|GraphQL media type/], check: (s) => assert.deepEqual(s.styles[0].operations, ['graphqlPost', 'graphqlGet']) },
  'json-rpc.json': { styles: ['json-rpc'], headline: /^JSON-RPC · JSON/, reasons: [/JSON-RPC envelope/] },
  'webhooks-openapi31.yaml': { styles: ['webhook'], headline: /^Webhooks · JSON/, reasons: [/2 operations \(orderCreated, orderShipped\)/] },
  'callbacks-openapi30.yaml': { styles: ['rest', 'callback'], headline: /^REST \(level 2\) \+ callback · JSON · HTTPS/, reasons: [/calls back a URL/] },
  'mixed-rest-graphql-jsonrpc.yaml': {
    styles: ['mixed', 'rest', 'graphql', 'json-rpc'], headline: /^Mixed \(REST level 2 \+ GraphQL over HTTP \+ JSON-RPC\) · JSON · HTTPS$/,
    reasons: [/REST level 2: listUsers, createUser, getUser; GraphQL over HTTP: graphql; JSON-RPC: rpc/],
  },
};

for (const [file, e] of Object.entries(CASES)) {
  test(`style of ${file}`, () => {
    const s = describe(file);
    assert.deepEqual(s.styles.map((f) => f.style), e.styles, s.styles.map((f) => `${f.value}: ${f.reason}`).join('\n'));
    if (typeof e.headline === 'string') assert.equal(s.headline, e.headline); else assert.match(s.headline, e.headline);
    const reasons = s.styles.map((f) => f.reason).join('\n');
    for (const re of e.reasons ?? []) assert.match(reasons, re);
    for (const f of s.styles) {
      assert.ok(f.reason.length > 20, `a reason for ${f.value}`);
      for (const ev of f.evidence) assert.ok(ev.range, 'evidence ranges filled in');
    }
    for (const o of s.operations) assert.ok(o.range, 'operation ranges filled in');
    e.check?.(s);
  });
}

test('every file in test-fixtures/styles has an expectation', () => {
  assert.deepEqual(fs.readdirSync(DIR).filter((f) => !(f in CASES)), []);
});
