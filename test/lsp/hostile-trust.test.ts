/**
 * Workspace trust through the built server: untrusted (apiLens/workspaceTrust {trusted: false}, or
 * initializationOptions.workspaceTrusted false from the VS Code client) reads the open documents only;
 * a $ref or import to a file on disk is unresolved, and its content shows nowhere. Granting trust
 * re-analyses the open documents with the workspace's files.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspTestClient } from '../support/lspClient';
import { OAS_YAML, WSDL_OPEN, WSDL_CLOSE } from '../unit/hostile/cases';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-lens-trust-'));
let client: LspTestClient | undefined;
after(async () => { await client?.stop(); fs.rmSync(dir, { recursive: true, force: true }); });

test('untrusted: disk files are not read; granting trust follows them', { timeout: 60_000 }, async () => {
  fs.writeFileSync(path.join(dir, 'other.yaml'), 'components:\n  schemas:\n    S: {type: string, description: DISK-ONLY-CONTENT}\n');
  fs.writeFileSync(path.join(dir, 'imported.wsdl'), `${WSDL_OPEN}<wsdl:message name="M"/>${WSDL_CLOSE}`);
  const main = pathToFileURL(path.join(dir, 'main.yaml')).toString();
  const wsdl = pathToFileURL(path.join(dir, 'main.wsdl')).toString();
  const oasText = `${OAS_YAML}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: './other.yaml#/components/schemas/S'}\n`;
  const refLine = oasText.split('\n').findIndex((l) => l.includes('$ref'));
  const refCol = oasText.split('\n')[refLine].indexOf('./other') + 2;

  client = await LspTestClient.start({ rootUri: pathToFileURL(dir).toString() });
  await client.connection.sendNotification('apiLens/workspaceTrust', { trusted: false });
  let oasDiags = client.waitForDiagnostics(main);
  let wsdlDiags = client.waitForDiagnostics(wsdl);
  await client.open(main, oasText);
  await client.open(wsdl, `${WSDL_OPEN}<wsdl:import namespace="urn:h" location="imported.wsdl"/>${WSDL_CLOSE}`);
  const untrustedCodes = (await oasDiags).map((d) => String(d.code));
  const untrustedWsdl = (await wsdlDiags).map((d) => String(d.code));
  assert.ok(untrustedCodes.some((c) => /ref-unresolved/.test(c)), `untrusted OpenAPI: ${untrustedCodes}`);
  assert.ok(untrustedWsdl.some((c) => /not-found|unresolved/.test(c)), `untrusted WSDL: ${untrustedWsdl}`);
  const hover = await client.hover(main, refLine, refCol);
  assert.ok(!hover?.includes('DISK-ONLY-CONTENT'), 'the hover shows the content of a file on disk');
  const defs = await client.request<unknown[]>('textDocument/definition', { textDocument: { uri: main }, position: { line: refLine, character: refCol } });
  assert.ok(!JSON.stringify(defs ?? []).includes('other.yaml'), `definition leads to a disk file: ${JSON.stringify(defs)}`);

  oasDiags = client.waitForDiagnostics(main, 10_000, (d) => !d.some((x) => /ref-unresolved/.test(String(x.code))));
  wsdlDiags = client.waitForDiagnostics(wsdl, 10_000, (d) => !d.some((x) => /not-found|unresolved/.test(String(x.code))));
  await client.connection.sendNotification('apiLens/workspaceTrust', { trusted: true });
  await oasDiags;
  await wsdlDiags;
  assert.match((await client.hover(main, refLine, refCol)) ?? '', /DISK-ONLY-CONTENT|other\.yaml/);
});
