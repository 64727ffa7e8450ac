/**
 * Every quick fix offered on the OpenAPI rule fixtures (test-fixtures/rules/oas-*) is applied alone and the
 * result re-analysed: the fixed diagnostic disappears, and the fix introduces no new error.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../../server/src/service/languageService';
import { Workspace, fileUri } from '../../server/src/service/workspace';
import { LineIndex } from '../../server/src/core/text';
import type { LensDiagnostic, TextEditResult } from '../../server/src/core/types';
import { FIXTURES, openFixture, withCursors } from '../support/fixtures';

function apply(text: string, edits: TextEditResult[]): string {
  const lines = new LineIndex(text);
  const abs = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of abs) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const key = (d: LensDiagnostic) => `${d.code} ${d.message}`;

test('every quick fix on the oas-* fixtures removes its finding and adds no error', (t) => {
  const dir = path.join(FIXTURES, 'rules');
  let applied = 0;
  const problems: string[] = [];
  for (const code of fs.readdirSync(dir).filter((c) => c.startsWith('oas-')).sort()) {
    for (const f of fs.readdirSync(path.join(dir, code)).filter((n) => n.startsWith('bad'))) {
      const file = path.join(dir, code, f);
      const { text } = withCursors(fs.readFileSync(file, 'utf8'));
      const { service: ls, uri } = openFixture(file, text);
      const before = ls.diagnostics(uri);
      for (const d of before.filter((x) => x.code.startsWith('oas-'))) {
        for (const action of ls.codeActions(uri, [d])) {
          applied++;
          const fixed = apply(text, action.edits.flatMap((e) => e.edits));
          // A separate workspace: opening the fixed text must not change what `ls` sees for its next actions.
          const checkWorkspace = new Workspace();
          checkWorkspace.setRoots([fileUri(path.dirname(file))]);
          const check = new LanguageService({ workspace: checkWorkspace });
          check.open(uri, fixed, 2);
          const after = check.diagnostics(uri);
          const where = `${code}/${f} "${action.title}"`;
          if (after.some((x) => key(x) === key(d))) problems.push(`${where}: the diagnostic is still there`);
          const oldErrors = new Set(before.filter((x) => x.severity === 'error').map(key));
          const added = after.filter((x) => x.severity === 'error' && !oldErrors.has(key(x)));
          if (added.length) problems.push(`${where}: new errors ${added.map(key).join(' | ')}`);
        }
      }
    }
  }
  t.diagnostic(`${applied} quick fixes applied`);
  assert.ok(applied >= 8, `${applied} quick fixes applied`);
  assert.deepEqual(problems, []);
});
