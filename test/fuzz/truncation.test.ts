/**
 * Truncation at structural points: each example document is cut after the characters where its
 * structure turns (tags, quotes, brackets, colons, newlines...) and analysed in-process with diagnostics,
 * symbols, folding and a hover at the cut: never an internal error, nothing logged. This is what a
 * half-saved file or a slow paste looks like to the server. The suite takes 150 cuts per document, evenly
 * spread; FUZZ_TRUNCATE_ALL=1 takes every one (4,400 cuts over the examples, ~10 s).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LanguageService } from '../../server/src/service/languageService';
import { Workspace } from '../../server/src/service/workspace';
import { FIXTURES } from '../support/fixtures';
import { formatOf, structuralPoints } from './mutators';

const DIR = path.join(FIXTURES, 'examples');
/** Cuts per document in the normal suite (evenly spread); FUZZ_TRUNCATE_ALL=1 cuts at every point. */
const MAX_CUTS = process.env.FUZZ_TRUNCATE_ALL ? Infinity : 150;

for (const f of fs.readdirSync(DIR).sort()) {
  test(`truncation at structural points: ${f}`, (t) => {
    const file = path.join(DIR, f);
    const full = fs.readFileSync(file, 'utf8');
    const all = [...new Set(structuralPoints(full, formatOf(f, full)))];
    const step = Math.max(1, all.length / MAX_CUTS);
    const points = all.filter((_, i) => Math.floor(i % step) === 0);
    const logs: string[] = [];
    const workspace = new Workspace();
    workspace.setRoots([pathToFileURL(DIR).toString()]);
    const s = new LanguageService({ workspace, log: (m) => logs.push(m.split('\n').slice(0, 4).join(' | ')) });
    const uri = pathToFileURL(file).toString();
    const failures: string[] = [];
    let version = 0;
    const t0 = performance.now();
    for (const p of points) {
      const text = full.slice(0, p);
      s.open(uri, text, ++version);
      const internal = s.diagnostics(uri).filter((d) => d.code === 'lens-internal-error');
      s.symbols(uri);
      s.folding(uri);
      const lines = text.split('\n');
      s.hover(uri, { line: lines.length - 1, character: lines[lines.length - 1].length });
      if (internal.length || logs.length) failures.push(`cut at ${p}: ${internal.map((d) => d.message).join('; ')} ${logs.splice(0).join(' || ')}`);
      if (failures.length >= 5) break;
    }
    t.diagnostic(`${points.length} of ${all.length} cuts in ${Math.round(performance.now() - t0)} ms`);
    assert.deepEqual(failures, []);
  });
}
