/** apiLens/describe and apiLens/compare through the built server over stdio, as an editor calls them. */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspTestClient } from '../support/lspClient';
import { FIXTURES } from '../support/fixtures';
import type { DocumentSummary } from '../../server/src/analysis/summary';
import type { Comparison } from '../../server/src/analysis/compare';

let client: LspTestClient;
const WSDL = path.join(FIXTURES, 'examples', 'weather-soap.wsdl');
const OAS = path.join(FIXTURES, 'examples', 'weather-openapi30.yaml');
const uriOf = (p: string) => pathToFileURL(p).toString();

before(async () => {
  client = await LspTestClient.start({ rootUri: pathToFileURL(FIXTURES).toString() });
  for (const p of [WSDL, OAS]) {
    const diags = client.waitForDiagnostics(uriOf(p));
    await client.open(uriOf(p), fs.readFileSync(p, 'utf8'));
    await diags;
  }
});
after(async () => { await client.stop(); });

test('apiLens/describe returns the classified summary with ranges', async () => {
  const s = await client.request<DocumentSummary | null>('apiLens/describe', { uri: uriOf(WSDL) });
  assert.ok(s);
  assert.equal(s.headline, 'SOAP 1.1 + 1.2 · XML · document/literal');
  assert.equal(s.scope, 'web-service');
  assert.deepEqual(s.styles.map((f) => f.style), ['soap-document-literal']);
  const ev = s.styles[0].evidence[0];
  assert.ok(ev.range, 'evidence has an LSP range');
  const line = fs.readFileSync(WSDL, 'utf8').split('\n')[ev.range.start.line];
  assert.match(line, /wsdl:operation name="GetWeather"/);
  assert.ok(s.operations.every((o) => o.range));
});

test('apiLens/describe follows edits and answers null for documents that are not ours', async () => {
  const uri = 'file:///tmp/api-lens-describe/api.yaml';
  await client.open(uri, 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /getUser:\n    get:\n      responses: { "200": { description: ok } }\n');
  const before = await client.request<DocumentSummary>('apiLens/describe', { uri });
  assert.equal(before.styles[0].style, 'rpc-http');
  await client.change(uri, 2, [{ text: 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /graphql:\n    post:\n      responses: { "200": { description: ok } }\n' }]);
  const after = await client.request<DocumentSummary>('apiLens/describe', { uri });
  assert.equal(after.styles[0].style, 'graphql');
  const other = 'file:///tmp/api-lens-describe/deploy.yaml';
  await client.open(other, 'apiVersion: v1\nkind: Pod\n');
  assert.equal(await client.request('apiLens/describe', { uri: other }), null);
});

test('apiLens/compare pairs the WSDL and the OpenAPI description by operation name', async () => {
  const c = await client.request<Comparison | null>('apiLens/compare', { left: uriOf(WSDL), right: uriOf(OAS) });
  assert.ok(c);
  assert.equal(c.right.headline, 'REST (level 2) · JSON · HTTPS');
  const paired = c.pairs.filter((p) => p.left.length && p.right.length);
  assert.equal(paired.length, 1);
  assert.equal(paired[0].key, 'getweather');
  assert.deepEqual(paired[0].left.map((i) => c.left.operations[i].name), ['GetWeather', 'GetWeather']);
  assert.deepEqual(paired[0].right.map((i) => c.right.operations[i].name), ['getWeather']);
  assert.ok(c.pairs.some((p) => !p.left.length && p.right.map((i) => c.right.operations[i].name).includes('getAlerts')));
});

test('the hover on the document root carries the whole summary with reasons', async () => {
  const text = fs.readFileSync(OAS, 'utf8');
  const hover = await client.hover(uriOf(OAS), 0, 2);
  assert.ok(hover);
  assert.match(hover, /REST \\\(level 2\\\)/);
  assert.match(hover, /\*\*Design style\*\*/);
  assert.match(hover, /Richardson/);
  assert.ok(text.startsWith('openapi'));
});
