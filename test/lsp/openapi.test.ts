/**
 * OpenAPI through the built server over stdio: hovers per version in YAML and JSON, syntax diagnostics,
 * and cross-file $ref definition / references.
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspTestClient } from '../support/lspClient';
import { FIXTURES, withCursors } from '../support/fixtures';

let client: LspTestClient;
before(async () => { client = await LspTestClient.start({ rootUri: pathToFileURL(FIXTURES).toString() }); });
after(async () => { await client.stop(); });

const plain = (md: string | null) => (md ?? '').replace(/\\(.)/g, '$1');

/** First cursor of each hover fixture is the version key; the second names the protocol or a version-only field. */
const CASES: [string, RegExp, RegExp][] = [
  ['swagger2', /Swagger 2\.0/, /host/],
  ['oas30', /OpenAPI 3\.0/, /Server URL: HTTPS/],
  ['oas31', /OpenAPI 3\.1/, /jsonSchemaDialect/],
  ['oas32', /OpenAPI 3\.2/, /\$self/],
];

for (const [version, first, second] of CASES) {
  for (const ext of ['yaml', 'json']) {
    test(`hover through LSP: ${version} ${ext}`, async () => {
      const file = path.join(FIXTURES, 'openapi', 'hover', `${version}.${ext}`);
      const { text, cursors } = withCursors(fs.readFileSync(file, 'utf8'));
      const uri = pathToFileURL(file).toString();
      const diags = client.waitForDiagnostics(uri);
      await client.open(uri, text);
      const d = await diags;
      assert.deepEqual(d.filter((x) => x.code === 'json-syntax' || x.code === 'yaml-syntax'), []);
      assert.match(plain(await client.hover(uri, cursors[0].line, cursors[0].character)), first);
      assert.match(plain(await client.hover(uri, cursors[1].line, cursors[1].character)), second);
      await client.close(uri);
    });
  }
}

test('syntax errors are diagnostics at the exact place', async () => {
  const uri = 'file:///tmp/api-lens-lsp/broken.json';
  const text = '{\n  "openapi": "3.1.0",\n  "info": {"title": "t", "version": "1"},\n  "paths": {},\n}\n';
  const diags = client.waitForDiagnostics(uri);
  await client.open(uri, text);
  const d = (await diags).filter((x) => x.code === 'json-syntax');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, { line: 3, character: 13 });
  assert.match(String(d[0].message), /Trailing comma/);
  assert.equal(d[0].severity, 1);
});

test('cross-file $ref: definition lands in the other file, references come back', async () => {
  const file = path.join(FIXTURES, 'openapi', 'refs', 'main.yaml');
  const uri = pathToFileURL(file).toString();
  const text = fs.readFileSync(file, 'utf8');
  const diags = client.waitForDiagnostics(uri);
  await client.open(uri, text);
  await diags;
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes("'./schemas/pet.yaml#/Pet'"));
  const character = lines[line].indexOf("'./schemas") + 4;
  const defs = await client.request<{ uri: string; range: { start: { line: number } } }[] | { uri: string; range: { start: { line: number } } }>('textDocument/definition', { textDocument: { uri }, position: { line, character } });
  const list = Array.isArray(defs) ? defs : [defs];
  assert.equal(list.length, 1);
  assert.ok(list[0].uri.endsWith('/openapi/refs/schemas/pet.yaml'), list[0].uri);
  assert.equal(list[0].range.start.line, 0);
  const refs = await client.request<{ uri: string }[]>('textDocument/references', { textDocument: { uri }, position: { line, character }, context: { includeDeclaration: true } });
  assert.equal(refs.filter((r) => r.uri === uri).length, 2);
  assert.ok(refs.some((r) => r.uri.endsWith('/schemas/pet.yaml')));
  const hover = plain(await client.hover(uri, line, character));
  assert.match(hover, /Resolves to `#\/Pet` in `pet\.yaml`/);
  assert.match(hover, /type: object/);
  await client.close(uri);
});

test('a split file referred to by an open description: $ref definition and hover inside it', async () => {
  const main = path.join(FIXTURES, 'openapi', 'refs', 'main.yaml');
  const mainUri = pathToFileURL(main).toString();
  const diags = client.waitForDiagnostics(mainUri);
  await client.open(mainUri, fs.readFileSync(main, 'utf8'));
  await diags;
  const pet = path.join(FIXTURES, 'openapi', 'refs', 'schemas', 'pet.yaml');
  const petUri = pathToFileURL(pet).toString();
  const text = fs.readFileSync(pet, 'utf8');
  await client.open(petUri, text);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes("'#/Owner'"));
  const character = lines[line].indexOf("'#/Owner'") + 3;
  const defs = await client.request<{ uri: string; range: { start: { line: number } } }[]>('textDocument/definition', { textDocument: { uri: petUri }, position: { line, character } });
  assert.deepEqual((Array.isArray(defs) ? defs : [defs]).map((d) => [d.uri, d.range.start.line]), [[petUri, lines.findIndex((l) => l.startsWith('Owner:'))]]);
  assert.match(plain(await client.hover(petUri, line, character)), /Resolves to `#\/Owner`/);
  assert.equal(await client.hover(petUri, 1, 4), null);
  await client.close(petUri);
  await client.close(mainUri);
});

test('an object never closed: the error carries where it was opened (relatedInformation), no cascade', async () => {
  const uri = 'file:///tmp/api-lens-lsp/unclosed.json';
  const text = '{\n  "openapi": "3.0.3",\n  "info": {"title": "t", "version": "1"},\n  "paths": {\n    "/a": {\n      "get": {"responses": {"200": {"$ref": "#/components/responses/R"}}}\n  },\n  "components": {"responses": {"R": {"description": "r"}}}\n}\n';
  const diags = client.waitForDiagnostics(uri);
  await client.open(uri, text);
  const d = await diags;
  const unclosed = d.filter((x) => x.code === 'json-syntax');
  assert.equal(unclosed.length, 1, JSON.stringify(d));
  const rel = (unclosed[0] as { relatedInformation?: { location: { uri: string; range: { start: { line: number } } } }[] }).relatedInformation ?? [];
  assert.deepEqual(rel.map((r) => [r.location.uri, r.location.range.start.line]), [[uri, 4], [uri, 0]]);
  assert.deepEqual(d.filter((x) => x.code === 'oas-ref-unresolved'), []);
  assert.equal(d.filter((x) => x.code === 'oas-checks-deferred').length, 1);
  await client.close(uri);
});

test('key completion through LSP: the keys of this version, as text edits that replace the typed part', async () => {
  const { text, cursors } = withCursors("openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\npaths:\n  /pets:\n    get:\n      summary: s\n      respo¦\n");
  const uri = 'untitled:completion-keys.yaml';
  const diags = client.waitForDiagnostics(uri);
  await client.open(uri, text, 'yaml');
  await diags;
  type Item = { label: string; detail?: string; documentation?: { value: string }; textEdit?: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string } };
  const r = await client.request<Item[] | { items: Item[] } | null>('textDocument/completion', { textDocument: { uri }, position: cursors[0] });
  const items = Array.isArray(r) ? r : r?.items ?? [];
  const responses = items.find((i) => i.label === 'responses');
  assert.ok(responses, items.map((i) => i.label).join(', '));
  assert.equal(responses.textEdit?.newText, 'responses: ');
  assert.deepEqual(responses.textEdit?.range, { start: { line: 8, character: 6 }, end: { line: 8, character: 11 } });
  assert.ok(!items.some((i) => i.label === 'summary' || i.label === 'consumes'), 'present keys and 2.0-only keys are not offered');
  await client.close(uri);
});
