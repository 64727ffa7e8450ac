/** Incremental edits over LSP: the server applies ranges to its own copy, and diagnostics follow the text. */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { LspTestClient } from '../support/lspClient';
import { readFixture, withCursors } from '../support/fixtures';

let client: LspTestClient;
before(async () => { client = await LspTestClient.start(); });
after(async () => { await client.stop(); });

test('edits by range fix and re-break a reference; diagnostics carry the version and follow the text', async () => {
  const uri = 'file:///tmp/api-lens-test/incremental.wsdl';
  const { text, cursors } = withCursors(readFixture('rules/wsdl-unresolved-reference/bad-message.wsdl'));
  const at = cursors[0];
  const code = 'wsdl-unresolved-reference';
  const has = (d: { code?: string | number; range: { start: { line: number } } }[], line: number) => d.some((x) => x.code === code && x.range.start.line === line);

  let wait = client.waitForDiagnostics(uri);
  await client.open(uri, text);
  assert.ok(has(await wait, at.line), 'the fixture reports the unresolved message');
  assert.equal(client.diagnosticVersions.get(uri), 1);

  // Insert two lines above the reference: its diagnostic must move down by two.
  wait = client.waitForDiagnostics(uri, 10000, (d) => has(d, at.line + 2));
  await client.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '<!-- a\n b -->\n' }]);
  await wait;
  assert.equal(client.diagnosticVersions.get(uri), 2);

  // Replacing the name fixes the reference (GetAlertRequest -> GetAlertsRequest, which is declared). The server must
  // see exactly the edited text: compare with a fresh open of that text.
  const line = at.line + 2;
  const edited = text.split('\n');
  edited.splice(1, 0, '<!-- a', ' b -->');
  const target = edited[line];
  const col = target.indexOf('GetAlertRequest');
  assert.ok(col > 0);
  wait = client.waitForDiagnostics(uri, 10000, () => client.diagnosticVersions.get(uri) === 3);
  await client.change(uri, 3, [{ range: { start: { line, character: col }, end: { line, character: col + 'GetAlertRequest'.length } }, text: 'GetAlertsRequest' }]);
  const incremental = await wait;
  edited[line] = target.slice(0, col + 8) + 's' + target.slice(col + 8);
  assert.ok(!has(incremental, line), 'the fixed reference is no longer reported');

  const fresh = 'file:///tmp/api-lens-test/fresh.wsdl';
  const waitFresh = client.waitForDiagnostics(fresh);
  await client.open(fresh, edited.join('\n'));
  const expected = await waitFresh;
  assert.deepEqual(incremental.map((d) => [d.code, d.range, d.message]), expected.map((d) => [d.code, d.range, d.message]));
});
