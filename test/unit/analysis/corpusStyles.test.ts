/**
 * Every sixth corpus document of our kinds under 100 KB (a fixed sample, to keep the suite fast; corpus.test.ts
 * describes them all for crashes) gets a classification: at least one style with a reason,
 * a headline, and evidence ranges inside the document. (scripts/style-distribution.ts prints the
 * distribution over the whole corpus.)
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../../../server/src/service/languageService';
import { Workspace, fileUri } from '../../../server/src/service/workspace';
import { CORPUS } from '../../support/fixtures';

test('corpus documents are classified, each style with a reason', (t) => {
  const manifest = path.join(CORPUS, 'MANIFEST.tsv');
  if (!fs.existsSync(manifest)) { t.skip('no corpus'); return; }
  const rows = fs.readFileSync(manifest, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'))
    .filter(([, kind, , bytes]) => /^(wsdl|oas|swagger)/.test(kind) && Number(bytes) < 100_000)
    .filter((_, i) => i % 6 === 0);
  const workspace = new Workspace();
  workspace.setRoots([fileUri(CORPUS)]);
  const service = new LanguageService({ workspace });
  const problems: string[] = [];
  let classified = 0;
  for (const [rel] of rows) {
    const uri = fileUri(path.join(CORPUS, rel));
    const read = workspace.read(uri);
    if (!read) continue;
    service.open(uri, read.text, 1);
    const s = service.describe(uri);
    service.close(uri);
    if (!s) continue; // not recognised by detection (e.g. a WSDL 2.0 draft namespace): no summary to judge
    classified++;
    if (!s.styles.length) problems.push(`${rel}: no style`);
    if (!s.headline) problems.push(`${rel}: no headline`);
    for (const f of s.styles) {
      if (f.reason.length < 20) problems.push(`${rel}: ${f.value} without a reason`);
      for (const e of f.evidence) if (!e.range) problems.push(`${rel}: ${f.value} evidence without a range`);
    }
  }
  assert.deepEqual(problems.slice(0, 20), []);
  assert.ok(classified > rows.length * 0.9, `${classified} of ${rows.length} classified`);
});
