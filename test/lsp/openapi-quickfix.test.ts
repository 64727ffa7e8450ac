/** OpenAPI diagnostics and their quick fixes through the built server over stdio, as an editor sees them. */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspTestClient } from '../support/lspClient';
import { FIXTURES, withCursors } from '../support/fixtures';

let client: LspTestClient;
const dir = path.join(FIXTURES, 'rules', 'oas-path-params');
before(async () => { client = await LspTestClient.start({ rootUri: pathToFileURL(dir).toString() }); });
after(async () => { await client.stop(); });

interface Edit { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }
interface Action { title: string; kind?: string; diagnostics?: { code?: string }[]; isPreferred?: boolean; edit?: { changes?: Record<string, Edit[]> } }

test('an undeclared path variable is published at the variable, with its docs link, and the quick fix declares it', async () => {
  const file = path.join(dir, 'bad.yaml');
  const uri = pathToFileURL(file).toString();
  const { text, cursors } = withCursors(fs.readFileSync(file, 'utf8'));
  const published = client.waitForDiagnostics(uri, 10000, (d) => d.some((x) => x.code === 'oas-path-params'));
  await client.open(uri, text, 'yaml');
  const diags = (await published).filter((x) => x.code === 'oas-path-params');
  const d = diags.find((x) => x.range.start.line === cursors[0].line && x.range.start.character === cursors[0].character);
  assert.ok(d, `oas-path-params at ${cursors[0].line + 1}:${cursors[0].character + 1}`);
  assert.equal(d.severity, 1 /* Error */);
  assert.match(d.codeDescription?.href ?? '', /docs\/rules\/oas-path-params\.md$/);
  assert.match(String(d.message), /`petId` of `\/pets\/{petId}` is not declared/);

  const actions = await client.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] },
  });
  assert.deepEqual(actions.map((a) => a.title), ['Declare the path parameter petId']);
  assert.equal(actions[0].kind, 'quickfix');
  assert.equal(actions[0].diagnostics?.[0]?.code, 'oas-path-params');
  const edits = actions[0].edit?.changes?.[uri] ?? [];
  assert.equal(edits.length, 1);
  assert.match(edits[0].newText, /^parameters:\n {6}- name: petId\n {8}in: path\n {8}required: true\n/);

  // Apply the edit like an editor: the diagnostic for petId goes away.
  const after = client.waitForDiagnostics(uri, 10000, (ds) => !ds.some((x) => x.code === 'oas-path-params' && /`petId` of/.test(String(x.message))));
  await client.change(uri, 2, [{ range: edits[0].range, text: edits[0].newText }]);
  const left = await after;
  assert.ok(left.some((x) => x.code === 'oas-path-params'), 'the other path-parameter problems of the fixture remain');
});

test('a plain-http server gets a warning whose quick fix switches to https', async () => {
  const file = path.join(FIXTURES, 'rules', 'oas-server-not-https', 'bad.yaml');
  const uri = pathToFileURL(file).toString();
  const { text } = withCursors(fs.readFileSync(file, 'utf8'));
  const published = client.waitForDiagnostics(uri, 10000, (d) => d.some((x) => x.code === 'oas-server-not-https'));
  await client.open(uri, text, 'yaml');
  const d = (await published).find((x) => x.code === 'oas-server-not-https')!;
  assert.equal(d.severity, 2 /* Warning */);
  const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Use https://', true]]);
  assert.equal(actions[0].edit!.changes![uri][0].newText, 's');
});
