import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { LanguageService } from '../../../server/src/service/languageService';
import { LineIndex } from '../../../server/src/core/text';
import { readFixture } from '../../support/fixtures';
import { openApiDialect } from '../../../server/src/openapi/dialect';
import { wsdlDialect } from '../../../server/src/wsdl/dialect';

const URI = 'file:///tmp/api-lens-test/edit.wsdl';

/** Diagnostics of `text` analysed from scratch. */
function fresh(text: string) {
  const s = new LanguageService();
  s.open(URI, text, 1);
  return s.diagnostics(URI);
}

test('service.edit: incremental changes give the same text, ranges and diagnostics as opening the result', () => {
  const original = readFixture('rules/wsdl-unresolved-reference/bad-message.wsdl').replace(/¦/g, '');
  const s = new LanguageService();
  s.open(URI, original, 1);
  const before = s.diagnostics(URI);
  assert.ok(before.length > 0, 'the fixture has findings');

  // Two changes in one notification, the second relative to the text after the first: insert a line near the
  // top (every later range moves down), then rename the target namespace prefix usage on that new line.
  const lines = new LineIndex(original);
  const at = lines.positionAt(original.indexOf('<wsdl:types>'));
  const changes = [
    { range: { start: at, end: at }, text: '<!-- inserted\r\n comment -->\n  ' },
    { range: { start: { line: at.line + 1, character: 1 }, end: { line: at.line + 1, character: 8 } }, text: 'COMMENT' },
  ];
  assert.equal(s.edit(URI, changes, 2), true);
  const expected = original.slice(0, lines.offsetAt(at)) + '<!-- inserted\r\n COMMENT -->\n  ' + original.slice(lines.offsetAt(at));
  assert.equal(s.workspace.getOpen(URI)?.text, expected);
  assert.equal(s.workspace.getOpen(URI)?.version, 2);
  const after = s.diagnostics(URI);
  assert.deepEqual(after, fresh(expected));
  assert.equal(after[0].range.start.line, before[0].range.start.line + 2, 'ranges moved down by the two inserted line breaks');

  // A change without a range replaces the whole text.
  assert.equal(s.edit(URI, [{ text: original }], 3), true);
  assert.deepEqual(s.diagnostics(URI), before);
});

test('service.edit: a document that is not open is left alone', () => {
  const s = new LanguageService();
  assert.equal(s.edit('file:///nope.wsdl', [{ text: 'x' }], 2), false);
});

test('service.edit: the previous analysis is kept only for a dialect that re-analyses incrementally', () => {
  const wsdl = readFixture('rules/wsdl-unresolved-reference/bad-message.wsdl').replace(/¦/g, '');
  const s = new LanguageService();
  s.open(URI, wsdl, 1);
  s.diagnostics(URI);
  const at = new LineIndex(wsdl).positionAt(wsdl.indexOf('<wsdl:types>'));
  s.edit(URI, [{ range: { start: at, end: at }, text: ' ' }], 2);
  assert.equal(s.keepsPrevious(URI), !!wsdlDialect.reanalyse, 'kept exactly when the dialect can use it');
  assert.deepEqual(s.diagnostics(URI), fresh(wsdl.slice(0, wsdl.indexOf('<wsdl:types>')) + ' ' + wsdl.slice(wsdl.indexOf('<wsdl:types>'))));
  assert.equal(s.keepsPrevious(URI), false, 'used once, then dropped');

  const yaml = 'openapi: 3.0.3\ninfo:\n  title: t\n  version: "1"\npaths: {}\n';
  const y = 'file:///tmp/api-lens-test/edit.yaml';
  s.open(y, yaml, 1);
  s.diagnostics(y);
  s.edit(y, [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 9 } }, text: 'x' }], 2);
  assert.equal(s.keepsPrevious(y), !!openApiDialect.reanalyse, 'kept exactly when the dialect can use it');
});
