/**
 * Protocol misuse, as buggy or unusual clients send it: positions out of range or negative, unknown and
 * odd URIs, changes with ranges past the end or reversed, changes to documents never opened, versions going
 * backwards, a document opened twice, missing or null parameters, a thousand open documents. Each request
 * is answered (a result or a JSON-RPC error), nothing is logged as a failure, and the server keeps serving.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { LspTestClient } from '../support/lspClient';
import { OAS_YAML, WSDL_OPEN, WSDL_CLOSE } from '../unit/hostile/cases';

const BUDGET_MS = 2000 * Number(process.env.HOSTILE_SLACK ?? 2);
let client: LspTestClient | undefined;
after(async () => { await client?.stop(); });

async function answered(what: string, p: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const r = await Promise.race([
    p.then(() => 'ok', (e: { code?: number }) => `error ${e?.code}`),
    new Promise<string>((resolve) => { timer = setTimeout(() => resolve('timeout'), BUDGET_MS); }),
  ]);
  clearTimeout(timer);
  assert.notEqual(r, 'timeout', `${what}: no answer within ${BUDGET_MS} ms`);
}

test('protocol misuse is answered and survived', { timeout: 120_000 }, async () => {
  const logs: string[] = [];
  client = await LspTestClient.start({ onLog: (m) => logs.push(m) });
  const c = client;
  const yaml = 'file:///tmp/api-lens-protocol/a.yaml';
  const wsdl = 'file:///tmp/api-lens-protocol/a.wsdl';
  const yamlText = `${OAS_YAML}paths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n`;
  await c.open(yaml, yamlText);
  // (A WSDL and an OpenAPI document open together is test/unit/hostile/mixed-workspace.test.ts.)
  const positions = [
    { line: -1, character: 0 }, { line: 0, character: -5 }, { line: 1e9, character: 1e9 }, { line: 2, character: 1e9 },
    { line: 1.5, character: 0.5 }, { line: Number.MAX_SAFE_INTEGER, character: 0 },
  ];
  const uris = [yaml, wsdl, 'file:///never/opened.yaml', 'untitled:Untitled-1', 'vscode-notebook-cell:/x.ipynb#W0', 'https://example.com/a.yaml', 'file:///bad%E0%A4%A.yaml', 'not a uri', ''];
  for (const uri of uris) {
    for (const position of positions) {
      for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/completion']) {
        await answered(`${method} ${uri} ${JSON.stringify(position)}`, c.request(method, { textDocument: { uri }, position }));
      }
      await answered(`references ${uri}`, c.request('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }));
    }
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange']) await answered(`${method} ${uri}`, c.request(method, { textDocument: { uri } }));
    await answered(`describe ${uri}`, c.request('apiLens/describe', { uri }));
    await answered(`codeAction ${uri}`, c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: -3, character: 0 }, end: { line: 1e6, character: 0 } }, context: { diagnostics: [{ range: { start: { line: 99, character: 0 }, end: { line: 0, character: 0 } }, message: 'x', code: 'oas-nonexistent' }] } }));
  }
  const wellFormed = logs.length;
  // Missing and null parameters: a broken client; each is answered (its failure may be logged).
  for (const method of ['textDocument/hover', 'textDocument/documentSymbol', 'textDocument/definition', 'apiLens/describe', 'apiLens/compare']) {
    await answered(`${method} null`, c.request(method, null));
    await answered(`${method} {}`, c.request(method, {}));
    await answered(`${method} {textDocument: null}`, c.request(method, { textDocument: null, position: null }));
  }
  const malformed = logs.splice(wellFormed);
  // Changes: past the end, reversed, to a document never opened, versions going backwards, opened twice.
  let v = 2;
  await c.change(yaml, v++, [{ range: { start: { line: 500, character: 0 }, end: { line: 600, character: 9 } }, text: 'x: 1\n' }]);
  await c.change(yaml, v++, [{ range: { start: { line: 3, character: 10 }, end: { line: 1, character: 0 } }, text: 'reversed' }]);
  await c.change(yaml, v++, [{ range: { start: { line: -2, character: -2 }, end: { line: 0, character: 3 } }, text: '' }]);
  await c.change(yaml, 1, [{ text: yamlText }]);
  await c.change('file:///never/opened.yaml', 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
  await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: yaml, languageId: 'yaml', version: 1, text: yamlText } });
  await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///never/opened.yaml' } });
  await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 2 }, { uri: 'file:///bad%E0%A4%A.yaml', type: 3 }] });
  await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { apiLens: { maxFileSizeMB: -1, rules: { 'x': 42, 'oas-info-contact': 'loud' } } } });
  await c.connection.sendNotification('$/unknownNotification', { x: 1 });
  await answered('an unknown request', c.request('apiLens/unknown', { x: 1 }));
  const beforeBroken = logs.length;
  await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri: yaml, version: v++ }, contentChanges: null });
  await c.connection.sendNotification('textDocument/didChange', { textDocument: null, contentChanges: [] });
  await c.connection.sendNotification('textDocument/didOpen', { textDocument: null });
  await c.connection.sendNotification('apiLens/workspaceTrust', null);
  await answered('hover after broken notifications', c.hover(yaml, 0, 2));
  malformed.push(...logs.splice(beforeBroken));

  // A thousand documents open at once, then closed.
  for (let i = 0; i < 1000; i++) await c.open(`file:///tmp/api-lens-protocol/many/${i}.yaml`, `${OAS_YAML}paths: {}\n`);
  await answered('hover with 1000 documents open', c.hover('file:///tmp/api-lens-protocol/many/999.yaml', 0, 2));
  for (let i = 0; i < 1000; i++) await c.close(`file:///tmp/api-lens-protocol/many/${i}.yaml`);

  await c.open(yaml, yamlText, 'yaml', 100);
  const hover = await c.hover(yaml, 0, 2);
  assert.ok(hover, 'the server still answers with a hover');
  assert.equal(c.process.exitCode, null, `the server died: ${c.stderr.slice(-2000)}`);
  assert.deepEqual(logs.filter((l) => /failed|uncaught|unhandled/i.test(l)).map((l) => l.split('\n').slice(0, 4).join(' | ').slice(0, 400)), []);
  assert.ok(!malformed.some((l) => /uncaught|unhandled/i.test(l)), 'a malformed message escaped the handlers');
});
