/**
 * Incremental JSON re-parse (syntax/jsonIncremental.ts): after random edits, the patched tree must equal a
 * fresh parse of the new text (types, values, keys, every span), or the function must decline.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseJson } from '../../../server/src/syntax/jsonParser';
import { reparseJson } from '../../../server/src/syntax/jsonIncremental';
import type { JsonNode } from '../../../server/src/syntax/jsonTree';
import { LanguageService } from '../../../server/src/service/languageService';
import { readFixture } from '../../support/fixtures';
import { timings } from '../../../server/src/openapi/dialect';

/** Everything observable of a tree, spans included, as one string. */
function dump(n: JsonNode | undefined, out: string[] = []): string[] {
  if (!n) return out;
  out.push(`${n.type}@${n.span.start}-${n.span.end}=${JSON.stringify(n.value ?? null)}`);
  if (n.properties) for (const p of n.properties) {
    out.push(`key ${JSON.stringify(p.key)}@${p.keySpan.start}-${p.keySpan.end} prop@${p.span.start}-${p.span.end} parent-ok=${p.value.parent === n}`);
    dump(p.value, out);
  }
  if (n.items) for (const it of n.items) { out.push(`item parent-ok=${it.parent === n}`); dump(it, out); }
  return out;
}

test('random edits: the patched tree equals a fresh parse, or the re-parse declines', () => {
  const base = readFixture('examples/petstore-swagger2.json');
  let seed = 42;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const inserts = ['x', '"', ',', '{}', '[]', '"k": 1, ', ' ', '\n', '}', '0', 'true', '"a"', ':'];
  let patched = 0;
  let declined = 0;
  let text = base;
  let doc = parseJson(text);
  for (let i = 0; i < 600; i++) {
    const at = rnd(text.length);
    const del = rnd(4) === 0 ? rnd(6) : 0;
    const ins = rnd(3) === 0 ? '' : inserts[rnd(inserts.length)];
    const next = text.slice(0, at) + ins + text.slice(at + del);
    const fresh = parseJson(next);
    const result = reparseJson(doc, text, next);
    if (result) {
      patched++;
      assert.equal(fresh.errors.length, 0, `patched although the new text has errors (edit ${i})`);
      assert.deepEqual(dump(result.root), dump(fresh.root), `edit ${i} at ${at}: -${del} +${JSON.stringify(ins)}`);
      doc = result;
    } else {
      declined++;
      doc = fresh;
    }
    // Keep the document mostly valid so that later edits can be patched.
    if (fresh.errors.length) { text = base; doc = parseJson(text); } else text = next;
  }
  assert.ok(patched > 50, `patched ${patched}, declined ${declined}`);
});

test('an edit through the service re-analyses incrementally with the same findings as a fresh analysis', () => {
  const text = readFixture('examples/petstore-swagger2.json');
  const uri = 'file:///tmp/api-lens-incremental/petstore.json';
  const svc = new LanguageService();
  svc.open(uri, text, 1);
  svc.diagnostics(uri);
  const at = text.indexOf('"description"');
  const range = { start: svc.analyse(uri)!.source.lines.positionAt(at), end: svc.analyse(uri)!.source.lines.positionAt(at) };
  const inserted = '"x-note": "added", ';
  assert.ok(svc.edit(uri, [{ range, text: inserted }], 2));
  const incremental = svc.diagnostics(uri);
  const fresh = new LanguageService();
  fresh.open(uri, text.slice(0, at) + inserted + text.slice(at), 1);
  assert.deepEqual(incremental, fresh.diagnostics(uri));
  const h1 = svc.hover(uri, { line: range.start.line, character: range.start.character + 3 });
  const h2 = fresh.hover(uri, { line: range.start.line, character: range.start.character + 3 });
  assert.deepEqual(h1, h2);
});

test('body hints after an edit: a summary made without looking for them (no hint anywhere) is not reused once an edit adds one, and the reverse', () => {
  // The hint sits two $refs away (Call -> Payload): only the search for hints reads Payload.
  const schema = (extra: string) => `{"type": "object", "properties": {"id": {"type": "string"}${extra}}}`;
  const doc = (extra: string) => `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {
  "/calls": {"post": {"operationId": "call", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Call"}}}}, "responses": {"200": {"description": "ok"}}}},
  "/things": {"get": {"operationId": "things", "responses": {"200": {"description": "ok"}}}}},
  "components": {"schemas": {"Call": {"type": "object", "properties": {"payload": {"$ref": "#/components/schemas/Payload"}}}, "Payload": ${schema(extra)}, "Other": {"type": "string"}}}}`;
  const withHint = ', "jsonrpc": {"type": "string"}';
  for (const [from, to] of [['', withHint], [withHint, '']]) {
    const uri = 'file:///hints.json';
    const text = doc(from);
    const svc = new LanguageService();
    svc.open(uri, text, 1);
    svc.diagnostics(uri);
    const at = text.indexOf('"id": {"type": "string"}') + '"id": {"type": "string"}'.length;
    const lines = svc.analyse(uri)!.source.lines;
    assert.ok(svc.edit(uri, [{ range: { start: lines.positionAt(at), end: lines.positionAt(at + from.length) }, text: to }], 2));
    const incremental = { diags: svc.diagnostics(uri), summary: JSON.stringify(svc.describe(uri)) };
    assert.ok(timings.incremental, 'the edit is re-analysed incrementally');
    const fresh = new LanguageService();
    fresh.open(uri, doc(to), 1);
    assert.deepEqual(incremental, { diags: fresh.diagnostics(uri), summary: JSON.stringify(fresh.describe(uri)) });
    const call = svc.describe(uri)!.operations.find((o) => o.name === 'call')!;
    assert.deepEqual(call.bodyHints, to ? ['jsonrpc'] : [], 'the hint follows the edit');
  }
});
