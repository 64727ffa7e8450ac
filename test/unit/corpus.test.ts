/**
 * Every document of ../shared/corpus (real WSDL, XSD and OpenAPI files) goes through the language service
 * without an internal error: analysis, diagnostics, symbols and describe. Validity agreement is checked by
 * `npm run corpus-report`; this test guards against crashes.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../../server/src/service/languageService';
import { Workspace, fileUri } from '../../server/src/service/workspace';
import { CORPUS } from '../support/fixtures';

const manifest = path.join(CORPUS, 'MANIFEST.tsv');

test('every corpus document is analysed without an internal error', (t) => {
  if (!fs.existsSync(manifest)) {
    t.skip(`corpus not found at ${CORPUS} (expected ../shared/corpus next to the repository)`);
    return;
  }
  const files = fs.readFileSync(manifest, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
  assert.ok(files.length > 1000, 'the corpus manifest lists the documents');
  const internal: string[] = [];
  const workspace = new Workspace();
  workspace.setRoots([fileUri(CORPUS)]);
  const service = new LanguageService({ workspace, log: (m) => internal.push(m.split('\n')[0]) });
  let recognised = 0;
  for (const rel of files) {
    const uri = fileUri(path.join(CORPUS, rel));
    const read = workspace.read(uri);
    if (!read) continue;
    service.open(uri, read.text, 1);
    const diags = service.diagnostics(uri);
    if (service.kindOf(uri)) {
      recognised++;
      service.symbols(uri);
      service.describe(uri);
    }
    for (const d of diags) if (d.code === 'lens-internal-error') internal.push(`${rel}: ${d.message}`);
    service.close(uri);
  }
  assert.ok(recognised > 1200, `recognised ${recognised} documents`);
  assert.deepEqual(internal.slice(0, 20), [], `${internal.length} internal errors`);
});
