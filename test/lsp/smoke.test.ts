/** Starts the built server over stdio, as any LSP client would, and checks the basic contract. */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspTestClient } from '../support/lspClient';
import { FIXTURES } from '../support/fixtures';

let client: LspTestClient;
before(async () => { client = await LspTestClient.start({ rootUri: pathToFileURL(FIXTURES).toString() }); });
after(async () => { await client.stop(); });

test('initialize advertises the features', () => {
  const caps = client.initializeResult!.capabilities;
  assert.ok(caps.hoverProvider);
  assert.ok(caps.documentSymbolProvider);
  assert.ok(caps.definitionProvider);
  assert.equal(client.initializeResult!.serverInfo?.name, 'api-lens');
});

for (const file of fs.readdirSync(path.join(FIXTURES, 'examples'))) {
  test(`hover on the version of ${file} names the kind`, async () => {
    const p = path.join(FIXTURES, 'examples', file);
    const uri = pathToFileURL(p).toString();
    const text = fs.readFileSync(p, 'utf8');
    const diags = client.waitForDiagnostics(uri);
    await client.open(uri, text);
    await diags;
    const m = /(wsdl:definitions|<description|"swagger"|^openapi|"openapi")/m.exec(text)!;
    const before = text.slice(0, m.index + 3);
    const line = before.split('\n').length - 1;
    const character = before.length - before.lastIndexOf('\n') - 1;
    const hover = await client.hover(uri, line, character);
    assert.ok(hover, `no hover in ${file}`);
    assert.match(hover, /WSDL 1\.1|WSDL 2\.0|Swagger 2\.0|OpenAPI 3\.[012]/);
  });
}

test('an unrelated YAML file gets no diagnostics and no hover', async () => {
  const uri = 'file:///tmp/api-lens-test/deployment.yaml';
  const diags = client.waitForDiagnostics(uri);
  await client.open(uri, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
  assert.deepEqual(await diags, []);
  assert.equal(await client.hover(uri, 1, 2), null);
});
