/**
 * One failing and one passing fixture per diagnostic code, by convention:
 *   test-fixtures/rules/<code>/bad*.<ext>   must produce <code>; each ¦ marks where one such diagnostic starts
 *   test-fixtures/rules/<code>/good*.<ext>  must not produce <code>
 * Extra files in the folder (e.g. imported schemas, $ref targets) are on disk for multi-file rules.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../../server/src/service/languageService';
import { allRules } from '../../server/src/rules/registry';
import { FIXTURES, openFixture, withCursors } from '../support/fixtures';

const RULES_DIR = path.join(FIXTURES, 'rules');

function diagnosticsOf(file: string, text: string) {
  const { service, uri } = openFixture(file, text);
  return service.diagnostics(uri);
}

const codes = fs.existsSync(RULES_DIR) ? fs.readdirSync(RULES_DIR).sort() : [];
for (const code of codes) {
  const dir = path.join(RULES_DIR, code);
  const files = fs.readdirSync(dir).sort();
  for (const f of files.filter((n) => /^(bad|good)/.test(n))) {
    test(`${code}: ${f}`, () => {
      const file = path.join(dir, f);
      const { text, cursors } = withCursors(fs.readFileSync(file, 'utf8'));
      const found = diagnosticsOf(file, text).filter((d) => d.code === code);
      if (f.startsWith('good')) {
        assert.deepEqual(found.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`), [], `${code} must not fire on ${f}`);
        return;
      }
      assert.ok(found.length > 0, `${code} must fire on ${f}`);
      for (const c of cursors) {
        assert.ok(found.some((d) => d.range.start.line === c.line && d.range.start.character === c.character),
          `${code} expected at ${c.line + 1}:${c.character + 1}; got ${found.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ')}`);
      }
    });
  }
}

test('every registered rule has a docs page, and a bad and a good fixture', () => {
  new LanguageService(); // loading the service loads every dialect, which registers its rules
  const missingDocs: string[] = [];
  const missingFixtures: string[] = [];
  for (const r of allRules()) {
    if (!fs.existsSync(path.join(FIXTURES, '..', 'docs', 'rules', `${r.code}.md`))) missingDocs.push(r.code);
    if (r.code.startsWith('lens-')) continue; // service-level conditions are tested in test/lsp
    const dir = path.join(RULES_DIR, r.code);
    const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    if (!names.some((n) => n.startsWith('bad')) || !names.some((n) => n.startsWith('good'))) missingFixtures.push(r.code);
  }
  assert.deepEqual(missingDocs, [], 'rules without docs/rules/<code>.md');
  assert.deepEqual(missingFixtures, [], 'rules without test-fixtures/rules/<code>/bad* and good*');
});
