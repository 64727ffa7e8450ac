/**
 * Split files through the built server: a file that a description `$ref`s is a fragment of it. Opened before
 * its description (an editor restoring its tabs in any order), it has no kind of its own until the
 * description is analysed; then its diagnostics must come without the user touching it.
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { LspTestClient } from '../support/lspClient';

let client: LspTestClient;
before(async () => { client = await LspTestClient.start(); });
after(async () => { await client.stop(); });

test('a split file opened before its description gets its diagnostics once the description is open', async () => {
  const fragment = 'file:///tmp/api-lens-split/schemas/pet.yaml';
  const description = 'file:///tmp/api-lens-split/openapi.yaml';
  // The fragment's own $ref is broken: once it is known as a fragment, that is reported in it.
  const fragmentText = "Pet:\n  type: object\n  properties:\n    owner:\n      $ref: '#/Owner'\n";
  const first = client.waitForDiagnostics(fragment);
  await client.open(fragment, fragmentText, 'yaml');
  assert.deepEqual((await first).map((d) => d.code), [], 'alone it is just YAML: nothing to say');
  const later = client.waitForDiagnostics(fragment, 10000, (d) => d.length > 0);
  await client.open(description, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Pet:\n      $ref: 'schemas/pet.yaml#/Pet'\n", 'yaml');
  const d = await later;
  assert.deepEqual(d.map((x) => x.code), ['oas-ref-unresolved'], JSON.stringify(d));
  assert.equal(d[0].range.start.line, 4);
});
