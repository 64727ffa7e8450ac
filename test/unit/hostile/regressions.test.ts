/**
 * Every input under test-fixtures/regressions (each found by the fuzzer or a hostile test, with a comment
 * saying where from) is analysed with every feature at the start and middle of every line: no internal
 * error, nothing logged, within budget. A sibling `<name>.edits.json` ([{start, end, text}], offsets) is
 * replayed as typing, feature by feature after each edit.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LanguageService } from '../../../server/src/service/languageService';
import { Workspace } from '../../../server/src/service/workspace';
import { LineIndex } from '../../../server/src/core/text';
import { FIXTURES } from '../../support/fixtures';

const DIR = path.join(FIXTURES, 'regressions');
const BUDGET_MS = 2000 * Number(process.env.HOSTILE_SLACK ?? 2);

function exercise(s: LanguageService, uri: string, text: string): void {
  s.diagnostics(uri);
  s.symbols(uri);
  s.folding(uri);
  s.describe(uri);
  const lines = new LineIndex(text);
  const step = Math.max(1, Math.floor(lines.lineCount / 200));
  for (let line = 0; line < lines.lineCount; line += step) {
    const start = lines.lineStart(line);
    const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
    for (const o of [start, (start + end) >> 1, Math.max(start, end - 1)]) {
      const pos = lines.positionAt(o);
      s.hover(uri, pos);
      s.definition(uri, pos);
      s.references(uri, pos, true);
      s.completion(uri, pos);
    }
  }
  s.codeActions(uri, s.diagnostics(uri));
}

const files = fs.existsSync(DIR) ? fs.readdirSync(DIR).filter((f) => !f.endsWith('.edits.json')).sort() : [];
for (const f of files) {
  // A known open bug, reported to the code's owner: `REGRESSION-TODO: why` in the file makes it a todo.
  const todo = /REGRESSION-TODO: ([^\n]*)/.exec(fs.readFileSync(path.join(DIR, f), 'utf8'))?.[1];
  test(`regression: ${f}`, { todo }, () => {
    const file = path.join(DIR, f);
    const uri = pathToFileURL(file).toString();
    const logs: string[] = [];
    const workspace = new Workspace();
    workspace.setRoots([pathToFileURL(DIR).toString()]);
    const s = new LanguageService({ workspace, log: (m) => logs.push(m) });
    let text = fs.readFileSync(file, 'utf8');
    const t0 = performance.now();
    s.open(uri, text, 1);
    exercise(s, uri, text);
    const editsFile = `${file}.edits.json`;
    if (fs.existsSync(editsFile)) {
      let version = 1;
      for (const e of JSON.parse(fs.readFileSync(editsFile, 'utf8')) as { start: number; end: number; text: string }[]) {
        text = text.slice(0, e.start) + e.text + text.slice(e.end);
        s.open(uri, text, ++version);
        s.diagnostics(uri);
        s.hover(uri, new LineIndex(text).positionAt(e.start));
      }
      exercise(s, uri, text);
    }
    const ms = performance.now() - t0;
    assert.deepEqual(logs.map((l) => l.split('\n').slice(0, 3).join(' | ')), []);
    assert.ok(!s.diagnostics(uri).some((d) => d.code === 'lens-internal-error'));
    assert.ok(ms < BUDGET_MS, `${Math.round(ms)} ms`);
  });
}
