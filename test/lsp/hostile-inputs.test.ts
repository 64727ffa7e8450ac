/**
 * Every hostile case of test/unit/hostile/cases.ts (except the 100 MB ones, which hostile-resilience
 * covers) through the built server, one after another in one process, as an editor sends them: the
 * diagnostics arrive in budget with the expected code, hover and symbols answer in budget, no internal
 * error is logged, and the server is alive at the end.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspTestClient } from '../support/lspClient';
import { CASES, SECRET } from '../unit/hostile/cases';

const BUDGET_MS = 2000 * Number(process.env.HOSTILE_SLACK ?? 2);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-lens-hostile-lsp-'));
const logs: string[] = [];
let client: LspTestClient | undefined;
after(async () => { await client?.stop(); fs.rmSync(dir, { recursive: true, force: true }); });

async function within<T>(what: string, p: Promise<T>): Promise<T> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const r = await Promise.race([p, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${BUDGET_MS} ms`)), BUDGET_MS); })]);
  clearTimeout(timer);
  assert.ok(performance.now() - t0 <= BUDGET_MS, `${what} took ${Math.round(performance.now() - t0)} ms`);
  return r;
}

test('every hostile input through the built server: diagnostics, hover and symbols in budget, no internal error', { timeout: 300_000 }, async (t) => {
  client = await LspTestClient.start({ rootUri: pathToFileURL(dir).toString(), onLog: (m) => logs.push(m) });
  // The 100 MB cases are in hostile-resilience; cases with their own settings need their own server (unit tests).
  for (const c of CASES.filter((x) => !/100MB/.test(x.name) && !x.settings)) {
    const caseDir = path.join(dir, c.name);
    fs.mkdirSync(caseDir);
    for (const [f, content] of Object.entries(c.files?.(caseDir) ?? {})) fs.writeFileSync(path.join(caseDir, f), content);
    const text = c.text(caseDir);
    const file = path.join(caseDir, c.file);
    if (c.onDisk) fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).toString();
    const before = logs.length;
    const published = client.waitForDiagnostics(uri, 60_000);
    const t0 = performance.now();
    await client.open(uri, text);
    const diags = await within(`${c.name}: diagnostics`, published);
    const ms = performance.now() - t0;
    const hover = await within(`${c.name}: hover`, client.hover(uri, 0, 1));
    const mid = text.slice(0, text.length >> 1).split('\n');
    await within(`${c.name}: hover in the middle`, client.hover(uri, mid.length - 1, mid[mid.length - 1].length));
    const symbols = await within(`${c.name}: symbols`, client.request('textDocument/documentSymbol', { textDocument: { uri } }));
    await client.close(uri);
    t.diagnostic(`${c.name}: diagnostics in ${Math.round(ms)} ms [${[...new Set(diags.map((d) => d.code))].join(', ')}]`);
    assert.ok(!diags.some((d) => d.code === 'lens-internal-error'), `${c.name}: ${diags.find((d) => d.code === 'lens-internal-error')?.message}`);
    assert.deepEqual(logs.slice(before).filter((l) => /failed|uncaught|unhandled/.test(l)).map((l) => l.slice(0, 300)), [], `${c.name}: errors logged`);
    if (c.expect && !c.todo) assert.ok(diags.some((d) => c.expect!.code.test(String(d.code))), `${c.name}: expected ${c.expect.code}, got ${diags.map((d) => d.code)}`);
    assert.ok(!JSON.stringify([diags, hover, symbols]).includes(SECRET), `${c.name}: a secret on disk reached the client`);
    assert.equal(client.process.exitCode, null, `${c.name}: the server died`);
  }
});
