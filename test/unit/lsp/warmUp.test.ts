/**
 * The reserve worker's warm-up (lsp/warmUp.ts): its samples must be what they claim, every OpenAPI version in
 * both syntaxes and WSDL, and well-formed, so the warm-up compiles the paths real documents take (a sample that
 * misdetects, or trips a structural error, warms the wrong code); and every step must run.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { warmUpDocuments, warmUpEditOffsets, warmUpSteps } from '../../../server/src/lsp/warmUp';
import { timings as openApiTimings } from '../../../server/src/openapi/dialect';
import { LanguageService } from '../../../server/src/service/languageService';
import { LineIndex } from '../../../server/src/core/text';

test('the warm-up samples cover every OpenAPI version in JSON and YAML, and WSDL, with no structural error', () => {
  const service = new LanguageService();
  const seen = new Set<string>();
  warmUpDocuments().forEach((docs, pass) => {
    for (const { uri, text } of docs) {
      const at = `pass ${pass} ${uri}`;
      const u = `${uri}-${pass}`;
      service.open(u, text, 1);
      const kind = service.describe(u)?.kind;
      assert.ok(kind, `${at}: not recognised`);
      seen.add(`${kind} ${uri.slice(uri.lastIndexOf('.') + 1)}`);
      const errors = service.diagnostics(u).filter((d) => d.severity === 'error');
      assert.deepEqual(errors.map((d) => `${d.code}: ${d.message}`), [], at);
      service.close(u);
    }
  });
  for (const k of ['oas30 json', 'oas30 yaml', 'oas31 json', 'oas32 yaml', 'swagger2 json', 'swagger2 yaml', 'wsdl11 wsdl']) assert.ok(seen.has(k), `${k} missing from ${[...seen].join(', ')}`);
});

test('every warm-up step runs', () => {
  const steps = warmUpSteps('');
  assert.ok(steps.length >= 9);
  for (const s of steps) s();
});

test('the warm-up edits run the incremental re-analysis (the path the first real edit of a large document takes)', () => {
  const service = new LanguageService();
  let checked = 0;
  for (const docs of warmUpDocuments()) {
    for (const { uri, text } of docs.filter((d) => !d.uri.endsWith('.wsdl'))) {
      const u = `${uri}-${checked}`;
      service.open(u, text, 1);
      service.diagnostics(u);
      const offsets = warmUpEditOffsets(uri, text);
      assert.equal(offsets.length, 2, `${u}: a description and a path key to type in`);
      let version = 1;
      const lines = new LineIndex(text);
      for (const offset of offsets) {
        const at = lines.positionAt(offset);
        service.edit(u, [{ range: { start: at, end: at }, text: 'x' }], ++version);
        service.diagnostics(u);
        assert.equal(openApiTimings.incremental, true, `${u}: the edit at ${at.line}:${at.character} ran the full analysis`);
      }
      service.close(u);
      checked++;
    }
  }
  assert.equal(checked, 6);
});
