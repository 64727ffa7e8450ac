/**
 * Issue #8: the server never blocks. Analysis runs in worker threads (server/src/lsp/analysisPool.ts), so while
 * a 20 MB description is being analysed, requests on other documents are answered at once, a request on the
 * large document itself is answered within 2 s (its result, or a clean cancellation error), typing supersedes
 * the analysis of older versions (no stale diagnostics are published), and a worker that dies is replaced
 * while the server goes on serving.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { performance } from 'perf_hooks';
import { LspTestClient } from '../support/lspClient';

/** The requirement: any one request answers within 2 s. */
const REQUIREMENT_MS = 2000;
const CANCELLED = new Set([-32802, -32800]); // ServerCancelled, RequestCancelled
const clients: LspTestClient[] = [];
after(async () => { for (const c of clients) await c.stop(); });

const SMALL_URI = 'file:///tmp/api-lens-nonblocking/small.yaml';
const SMALL = `openapi: 3.0.3
info: {title: Small, version: '1'}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200': {description: ok}
`;

/**
 * A generated OpenAPI 3.0 description of about `bytes` (pretty JSON, one path and one schema per item). Line
 * `markLine` holds `"description": "ok"` of the first item's response: edits there stay valid JSON.
 */
function hugeOpenApi(bytes: number): { text: string; markLine: number } {
  const head = '{\n  "openapi": "3.0.3",\n  "info": { "title": "Huge", "version": "1" },\n  "paths": {\n';
  const path = (i: number) => `    "/items${i}/{id}": {\n      "get": {\n        "operationId": "getItem${i}",\n` +
    '        "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],\n' +
    '        "responses": {\n          "200": {\n            "description": "ok",\n' +
    `            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Item${i}" } } }\n          }\n        }\n      }\n    }`;
  const schema = (i: number) => `      "Item${i}": {\n        "type": "object",\n        "properties": {\n          "id": { "type": "string" },\n` +
    `          "name": { "type": "string", "description": "The name of item ${i}" },\n          "tags": { "type": "array", "items": { "type": "string" } }\n        }\n      }`;
  const n = Math.ceil(bytes / (path(0).length + schema(0).length + 4));
  const paths: string[] = [];
  const schemas: string[] = [];
  for (let i = 0; i < n; i++) { paths.push(path(i)); schemas.push(schema(i)); }
  const text = `${head}${paths.join(',\n')}\n  },\n  "components": {\n    "schemas": {\n${schemas.join(',\n')}\n    }\n  }\n}\n`;
  return { text, markLine: 10 };
}

async function timed<T>(p: Promise<T>): Promise<{ ms: number; value?: T; error?: { code?: number; message?: string } }> {
  const t0 = performance.now();
  try {
    const value = await p;
    return { ms: performance.now() - t0, value };
  } catch (e) {
    return { ms: performance.now() - t0, error: e as { code?: number } };
  }
}

const hoverSmall = (c: LspTestClient) => c.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: SMALL_URI }, position: { line: 0, character: 2 } });
const symbolsSmall = (c: LspTestClient) => c.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: SMALL_URI } });

test('while a 20 MB description is analysed, hover and symbols on another document answer at once, and a request on the large one answers within 2 s', { timeout: 180_000 }, async (t) => {
  const client = await LspTestClient.start();
  clients.push(client);
  await client.open(SMALL_URI, SMALL);
  await client.waitForDiagnostics(SMALL_URI, 20_000);
  const { text } = hugeOpenApi(20 * 1024 * 1024);
  const huge = 'file:///tmp/api-lens-nonblocking/huge.json';
  let analysed = false;
  const published = client.waitForDiagnostics(huge, 120_000).then((d) => { analysed = true; return d; });
  const t0 = performance.now();
  await client.open(huge, text);
  // A request on the large document itself, sent right behind it: answered, or cancelled cleanly, in time.
  const own = timed(client.request('textDocument/documentSymbol', { textDocument: { uri: huge } }));
  const times: number[] = [];
  while (!analysed) {
    const h = await timed(hoverSmall(client));
    assert.ok(h.value, `hover on the small document answered nothing: ${JSON.stringify(h.error)}`);
    const s = await timed(symbolsSmall(client));
    assert.ok(Array.isArray(s.value) && s.value.length > 0, `symbols on the small document answered nothing: ${JSON.stringify(s.error)}`);
    times.push(h.ms, s.ms);
    await new Promise((r) => setTimeout(r, 20));
  }
  const analysisMs = performance.now() - t0;
  const diags = await published;
  const o = await own;
  t.diagnostic(`20 MB analysed in ${Math.round(analysisMs)} ms (${diags.length} diagnostics); meanwhile ${times.length} requests on the small document: ` +
    `max ${Math.round(Math.max(...times))} ms, median ${Math.round(times.sort((a, b) => a - b)[times.length >> 1])} ms; ` +
    `symbols on the large document: ${o.error ? `error ${o.error.code}` : 'result'} in ${Math.round(o.ms)} ms`);
  assert.ok(times.length >= 2, 'the analysis was too quick to test anything');
  assert.ok(Math.max(...times) < REQUIREMENT_MS, `a request on the small document took ${Math.round(Math.max(...times))} ms`);
  assert.ok(o.ms < REQUIREMENT_MS, `the request on the large document took ${Math.round(o.ms)} ms`);
  if (o.error) assert.ok(CANCELLED.has(o.error.code!), `not a cancellation: ${JSON.stringify(o.error)}`);
  else assert.ok(Array.isArray(o.value) && o.value.length > 0);
  // Once analysed, the large document answers for real.
  const after = await timed(client.hover(huge, 3, 6));
  assert.ok(after.value && after.ms < REQUIREMENT_MS, `hover on the analysed large document: ${JSON.stringify(after)}`);
  assert.equal(client.process.exitCode, null);
});

test('typing in a 20 MB description while it is analysed: the diagnostics published are those of the last version only', { timeout: 180_000 }, async (t) => {
  const client = await LspTestClient.start();
  clients.push(client);
  const { text, markLine } = hugeOpenApi(20 * 1024 * 1024);
  const huge = 'file:///tmp/api-lens-nonblocking/typing.json';
  await client.open(huge, text);
  const col = text.split('\n', markLine + 1)[markLine].indexOf('"ok"') + 3; // inside "ok"
  let version = 1;
  // A burst of keystrokes inside "ok", a pause (the server asks for diagnostics of that version while the first
  // analysis still runs), another burst, and last a syntax error after the string: only that version may be published.
  const type = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await client.change(huge, ++version, [{ range: { start: { line: markLine, character: col }, end: { line: markLine, character: col } }, text: 'k' }]);
      await new Promise((r) => setTimeout(r, 15));
    }
  };
  await type(5);
  await new Promise((r) => setTimeout(r, 300));
  await type(5);
  const end = col + 10 + 1; // after the closing quote of "okkkkkkkkkk"
  await client.change(huge, ++version, [{ range: { start: { line: markLine, character: end }, end: { line: markLine, character: end } }, text: ' @' }]);
  const final = version;
  const diags = await client.waitForDiagnostics(huge, 120_000, () => client.diagnosticVersions.get(huge) === final);
  await new Promise((r) => setTimeout(r, 500)); // anything stale would arrive by now
  const versions = client.published.filter((p) => p.uri === huge).map((p) => p.version);
  t.diagnostic(`published versions: ${JSON.stringify(versions)} (last sent ${final})`);
  assert.deepEqual(versions, [final], 'a superseded version was published');
  assert.ok(diags.some((d) => d.code === 'json-syntax' && d.range.start.line === markLine && d.range.start.character === end + 1),
    `the syntax error of the last version is missing: ${JSON.stringify(diags.filter((d) => d.code === 'json-syntax'))}`);
});

test('a worker that dies (out of memory under its heap limit) is replaced: the server logs it, keeps serving, and reports lens-analysis-failed', { timeout: 180_000 }, async (t) => {
  const logs: string[] = [];
  // 48 MiB of heap per worker: enough for small documents, not for analysing 6 MB.
  const client = await LspTestClient.start({ env: { API_LENS_WORKER_HEAP_MB: '48' }, onLog: (m) => logs.push(m) });
  clients.push(client);
  await client.open(SMALL_URI, SMALL);
  await client.waitForDiagnostics(SMALL_URI, 20_000);
  const killer = 'file:///tmp/api-lens-nonblocking/killer.json';
  const { text } = hugeOpenApi(6 * 1024 * 1024);
  const failed = client.waitForDiagnostics(killer, 120_000, (d) => d.some((x) => x.code === 'lens-analysis-failed'));
  await client.open(killer, text);
  const own = timed(client.request('textDocument/hover', { textDocument: { uri: killer }, position: { line: 3, character: 6 } }));
  // The other document is served throughout.
  const h = await timed(hoverSmall(client));
  assert.ok(h.value && h.ms < REQUIREMENT_MS, `hover on the small document while the worker dies: ${JSON.stringify(h)}`);
  const diags = await failed;
  assert.deepEqual(diags.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['lens-analysis-failed', 0, 0]]);
  assert.match(String(diags[0].codeDescription?.href), /lens-analysis-failed\.md$/);
  const o = await own;
  assert.ok(o.ms < REQUIREMENT_MS, `the request on the dying document took ${Math.round(o.ms)} ms`);
  assert.ok(o.error ? CANCELLED.has(o.error.code!) : o.value === null, `request on the dying document: ${JSON.stringify(o)}`);
  const deaths = logs.filter((l) => /analysis worker heavy-\d+ stopped .* while analysing file:\/\/\/tmp\/api-lens-nonblocking\/killer\.json/.test(l));
  t.diagnostic(`${deaths.length} worker deaths logged; ${logs.filter((l) => /out of memory|memory limit/i.test(l)).length} out-of-memory errors`);
  assert.equal(deaths.length, 2, logs.join('\n'));
  assert.ok(logs.some((l) => /memory limit/.test(l)), 'the out-of-memory error is logged');
  // Still serving: the small document, and new documents.
  assert.ok((await hoverSmall(client))?.contents.value);
  const other = 'file:///tmp/api-lens-nonblocking/other.yaml';
  const otherDiags = client.waitForDiagnostics(other, 20_000);
  await client.open(other, SMALL.replace('listPets', 'listCats'));
  await otherDiags;
  assert.ok(await client.hover(other, 0, 2));
  assert.equal(await client.hover(killer, 3, 6), null, 'a given-up document answers nothing');
  assert.equal(client.process.exitCode, null);
});
