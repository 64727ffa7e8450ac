/** WSDL diagnostics and their quick fixes through the built server over stdio, as an editor sees them. */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspTestClient } from '../support/lspClient';
import { FIXTURES, withCursors } from '../support/fixtures';

let client: LspTestClient;
const dir = path.join(FIXTURES, 'rules', 'wsi-r2706-literal-only');
before(async () => { client = await LspTestClient.start({ rootUri: pathToFileURL(dir).toString() }); });
after(async () => { await client.stop(); });

interface Action { title: string; kind?: string; diagnostics?: { code?: string }[]; isPreferred?: boolean; edit?: { changes?: Record<string, { range: { start: { line: number; character: number } }; newText: string }[]> } }

test('use="encoded" is published with its code and docs link, and the quick fix switches it to literal', async () => {
  const file = path.join(dir, 'bad.wsdl');
  const uri = pathToFileURL(file).toString();
  const { text, cursors } = withCursors(fs.readFileSync(file, 'utf8'));
  const published = client.waitForDiagnostics(uri, 10000, (d) => d.some((x) => x.code === 'wsi-r2706-literal-only'));
  await client.open(uri, text, 'wsdl');
  const diags = await published;
  const d = diags.find((x) => x.code === 'wsi-r2706-literal-only')!;
  assert.deepEqual(d.range.start, cursors[0]);
  assert.equal(d.severity, 2 /* Warning */);
  assert.match(d.codeDescription?.href ?? '', /docs\/rules\/wsi-r2706-literal-only\.md$/);
  assert.match(String(d.message), /Basic Profile 1\.1 R2706/);

  const actions = await client.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] },
  });
  assert.equal(actions.length, 1);
  const a = actions[0];
  assert.equal(a.kind, 'quickfix');
  assert.match(a.title, /use="literal".*schema must/);
  assert.equal(a.diagnostics?.[0]?.code, 'wsi-r2706-literal-only');
  const edits = a.edit?.changes?.[uri] ?? [];
  assert.deepEqual(edits.map((e) => e.newText).sort(), ['', 'literal']);
  assert.ok(edits.some((e) => e.range.start.line === cursors[0].line && e.range.start.character === cursors[0].character && e.newText === 'literal'));
});

test('a binding that misses an operation gets the skeleton quick fix over LSP', async () => {
  const file = path.join(FIXTURES, 'rules', 'wsi-r2718-binding-operations-match', 'bad.wsdl');
  const uri = pathToFileURL(file).toString();
  const { text } = withCursors(fs.readFileSync(file, 'utf8'));
  const published = client.waitForDiagnostics(uri, 10000, (d) => d.some((x) => x.code === 'wsi-r2718-binding-operations-match'));
  await client.open(uri, text, 'wsdl');
  const d = (await published).find((x) => x.code === 'wsi-r2718-binding-operations-match')!;
  const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  assert.deepEqual(actions.map((x) => x.title), ["Add a binding operation skeleton for 'GetAlerts' (literal use)"]);
  assert.equal(actions[0].isPreferred, true);
  assert.match(actions[0].edit!.changes![uri][0].newText, /<wsdl:operation name="GetAlerts">/);
});
