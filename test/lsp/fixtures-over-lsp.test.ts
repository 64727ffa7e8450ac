/**
 * The fixture suites again, through the built server over stdio: every rule's bad/good fixture
 * (test-fixtures/rules/<code>/) and every hover fixture marker (test-fixtures/wsdl/hover-*.wsdl,
 * test-fixtures/openapi/hover/*). Hovers must equal what the language service answers in process, which
 * the unit tests check against their expectations; so what the unit tests assert, an editor sees.
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspTestClient } from '../support/lspClient';
import { FIXTURES, withCursors } from '../support/fixtures';
import { LanguageService } from '../../server/src/service/languageService';
import { Workspace, fileUri } from '../../server/src/service/workspace';

let client: LspTestClient;
before(async () => { client = await LspTestClient.start({ rootUri: pathToFileURL(FIXTURES).toString() }); });
after(async () => { await client.stop(); });

let version = 1;
async function openAndDiagnose(file: string, text: string) {
  const uri = pathToFileURL(file).toString();
  const diags = client.waitForDiagnostics(uri, 20000);
  await client.open(uri, text, undefined, version++);
  const d = await diags;
  return { uri, diagnostics: d };
}

test('every rule fixture gives the same verdict through the LSP', async () => {
  const dir = path.join(FIXTURES, 'rules');
  const failures: string[] = [];
  let checked = 0;
  for (const code of fs.readdirSync(dir).sort()) {
    for (const f of fs.readdirSync(path.join(dir, code)).filter((n) => /^(bad|good)/.test(n)).sort()) {
      const file = path.join(dir, code, f);
      const { text, cursors } = withCursors(fs.readFileSync(file, 'utf8'));
      const { uri, diagnostics } = await openAndDiagnose(file, text);
      const found = diagnostics.filter((d) => d.code === code);
      checked++;
      if (f.startsWith('good') && found.length) failures.push(`${code}/${f}: fired`);
      if (f.startsWith('bad')) {
        if (!found.length) failures.push(`${code}/${f}: did not fire`);
        for (const c of cursors) {
          if (!found.some((d) => d.range.start.line === c.line && d.range.start.character === c.character)) failures.push(`${code}/${f}: nothing at ${c.line + 1}:${c.character + 1}`);
        }
        for (const d of found) {
          if (!d.codeDescription?.href.endsWith(`/docs/rules/${code}.md`)) failures.push(`${code}/${f}: no docs link`);
        }
      }
      await client.close(uri);
    }
  }
  assert.ok(checked > 300, `checked ${checked} fixtures`);
  assert.deepEqual(failures, []);
});

function hoverFixtures(): string[] {
  const wsdl = fs.readdirSync(path.join(FIXTURES, 'wsdl')).filter((n) => n.startsWith('hover-')).map((n) => path.join(FIXTURES, 'wsdl', n));
  const oasDir = path.join(FIXTURES, 'openapi', 'hover');
  const oas = fs.readdirSync(oasDir).filter((n) => /\.(ya?ml|json)$/.test(n)).map((n) => path.join(oasDir, n));
  return [...wsdl, ...oas];
}

test('every hover fixture marker answers the same Markdown through the LSP as in process', async () => {
  const failures: string[] = [];
  let markers = 0;
  for (const file of hoverFixtures()) {
    const { text, cursors } = withCursors(fs.readFileSync(file, 'utf8'));
    if (!cursors.length) continue;
    const workspace = new Workspace();
    workspace.setRoots([fileUri(FIXTURES)]);
    const service = new LanguageService({ workspace });
    const uri = pathToFileURL(file).toString();
    service.open(uri, text, 1);
    await openAndDiagnose(file, text);
    for (const c of cursors) {
      markers++;
      const expected = service.hover(uri, c)?.markdown ?? null;
      const got = await client.hover(uri, c.line, c.character);
      if (expected === null) { failures.push(`${path.basename(file)} ${c.line + 1}:${c.character + 1}: no hover in process`); continue; }
      if (got !== expected) failures.push(`${path.basename(file)} ${c.line + 1}:${c.character + 1}: differs over LSP`);
    }
    await client.close(uri);
  }
  assert.ok(markers > 100, `checked ${markers} hover markers`);
  assert.deepEqual(failures, []);
});
