/**
 * The analysis pool without LSP: homes, deadlines, cancellation, superseded diagnostics, a worker's death.
 * The workers run the compiled worker script (out/server/src/lsp/analysisWorker.js).
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { AnalysisPool, type CancelToken, type PoolOptions } from '../../../server/src/lsp/analysisPool';
import { DocumentMirror } from '../../../server/src/lsp/documentMirror';
import { LanguageService } from '../../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../../server/src/rules/settings';
import { REPO_ROOT } from '../../support/lspClient';

const SCRIPT = path.join(REPO_ROOT, 'out', 'server', 'src', 'lsp', 'analysisWorker.js');
const pools: AnalysisPool[] = [];
after(async () => { for (const p of pools) await p.stop(); });

function pool(opts: Partial<PoolOptions> = {}, logs: string[] = []): AnalysisPool {
  const p = new AnalysisPool({ script: SCRIPT, docsDir: path.join(REPO_ROOT, 'docs', 'rules'), log: (m) => logs.push(m), onGivenUp: () => undefined, ...opts });
  p.start({ roots: [], trusted: true, settings: DEFAULT_SETTINGS });
  pools.push(p);
  return p;
}

const SMALL = "openapi: 3.0.3\ninfo: {title: S, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n";
/** A YAML description of about `n` paths: large enough to keep a worker busy for a while. */
function big(n: number): string {
  let s = "openapi: 3.0.3\ninfo: {title: B, version: '1'}\npaths:\n";
  for (let i = 0; i < n; i++) s += `  /p${i}:\n    get:\n      operationId: op${i}\n      responses:\n        '200': {description: ok}\n`;
  return s;
}

test('a small document is analysed in the light worker, a large one in a heavy worker of its own, retired when closed', async () => {
  const p = pool({ largeChars: 10_000, retireMs: 50 });
  p.open('file:///s.yaml', SMALL, 1);
  p.open('file:///b.yaml', big(500), 1);
  assert.equal(p.size, 2);
  const s = await p.run<unknown[]>('file:///s.yaml', 'diagnostics', [], { version: 1 });
  const b = await p.run<unknown[]>('file:///b.yaml', 'symbols', []);
  assert.ok(s.ok && Array.isArray(s.value));
  assert.ok(b.ok && Array.isArray(b.value) && b.value.length > 0);
  p.close('file:///b.yaml');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(p.size, 1, 'the heavy worker was stopped');
});

test('closing a large document while its worker still has work for it stops that worker at once', async () => {
  const p = pool({ largeChars: 10_000 });
  p.open('file:///c.yaml', big(20_000), 1);
  const diagnostics = p.run('file:///c.yaml', 'diagnostics', [], { version: 1 });
  p.close('file:///c.yaml');
  assert.equal(p.size, 1, 'the heavy worker was stopped');
  assert.deepEqual(await diagnostics, { ok: false, why: 'dropped' });
});

test('a request not answered by its deadline answers "deadline"; a cancelled one "cancelled" at once; the worker goes on', async () => {
  const p = pool({ largeChars: 10_000 });
  p.open('file:///slow.yaml', big(10_000), 1);
  const t0 = Date.now();
  const first = await p.run('file:///slow.yaml', 'hover', [{ line: 3, character: 4 }], { deadlineMs: 100 });
  assert.deepEqual(first, { ok: false, why: 'deadline' });
  // Answered by the 100 ms timer, not by the analysis (which would answer ok): the bound only has to tell the two
  // apart, with room for a loaded machine (1 s failed once at load 5 while the analysis took several seconds).
  assert.ok(Date.now() - t0 < 3000, `${Date.now() - t0} ms`);
  let cancel: (() => void) | undefined;
  const token: CancelToken = { isCancellationRequested: false, onCancellationRequested: (l) => { cancel = l; return { dispose: () => undefined }; } };
  const cancelled = p.run('file:///slow.yaml', 'hover', [{ line: 3, character: 4 }], { token });
  cancel!();
  assert.deepEqual(await cancelled, { ok: false, why: 'cancelled' });
  const later = await p.run<{ markdown: string }>('file:///slow.yaml', 'hover', [{ line: 3, character: 4 }]);
  assert.ok(later.ok && later.value?.markdown, 'answered once the analysis is done');
});

test('diagnostics asked for a version that an edit superseded are dropped, not computed', async () => {
  const p = pool({ largeChars: 10_000 });
  p.open('file:///t.yaml', big(2_000), 1);
  const busy = p.run('file:///t.yaml', 'symbols', []); // keeps the worker busy with the first analysis
  const stale = p.run('file:///t.yaml', 'diagnostics', [], { version: 1 });
  p.edit('file:///t.yaml', [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# x\n' }], 2);
  const current = p.run<{ range: { start: { line: number } } }[]>('file:///t.yaml', 'diagnostics', [], { version: 2 });
  assert.deepEqual(await stale, { ok: false, why: 'dropped' });
  const c = await current;
  assert.ok(c.ok && Array.isArray(c.value) && Array.isArray(c.dependencies));
  await busy;
});

test('a worker that dies is replaced; the document that killed it twice is given up until it changes', async () => {
  const logs: string[] = [];
  const givenUp: string[] = [];
  const p = pool({ largeChars: 10_000, heapMb: 24, onGivenUp: (u) => givenUp.push(u) }, logs);
  p.open('file:///s.yaml', SMALL, 1);
  p.open('file:///k.yaml', big(60_000), 1);
  const first = await p.run('file:///k.yaml', 'diagnostics', [], { version: 1 });
  assert.deepEqual(first, { ok: false, why: 'crashed' });
  const second = await p.run('file:///k.yaml', 'diagnostics', [], { version: 1 });
  assert.deepEqual(second, { ok: false, why: 'crashed' });
  assert.deepEqual(givenUp, ['file:///k.yaml']);
  assert.deepEqual(await p.run('file:///k.yaml', 'hover', [{ line: 0, character: 0 }]), { ok: false, why: 'given-up' });
  assert.ok(logs.some((l) => /heavy-\d+ stopped .* while analysing file:\/\/\/k\.yaml/.test(l)), logs.join('\n'));
  // The light worker never noticed.
  const s = await p.run('file:///s.yaml', 'hover', [{ line: 0, character: 2 }]);
  assert.ok(s.ok && s.value);
  // An edit gives it one more try.
  p.edit('file:///k.yaml', [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#\n' }], 2);
  assert.equal(p.isGivenUp('file:///k.yaml'), false);
});

test('a split file $ref\'d by a large description follows it into its worker, where it is a fragment', async () => {
  const rehomed: string[] = [];
  const p = pool({ largeChars: 10_000, onRehomed: (u) => rehomed.push(u) });
  const fragment = 'file:///tmp/api-lens-pool/pet.yaml';
  const large = 'file:///tmp/api-lens-pool/main.yaml';
  p.open(fragment, "Pet:\n  type: object\n  properties:\n    owner:\n      $ref: '#/Owner'\nOwner:\n  type: string\n", 1);
  p.open(large, big(500).replace('paths:\n', "paths:\n  /pet:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: 'pet.yaml#/Pet'}\n"), 1);
  const ref = { line: 4, character: 15 };
  // Alone in the light worker it is plain YAML: nothing to say.
  assert.deepEqual(await p.run(fragment, 'definition', [ref]), { ok: true, value: [] });
  const d = await p.run(large, 'diagnostics', [], { version: 1 });
  assert.ok(d.ok && d.dependencies?.includes(fragment), JSON.stringify(d.ok && d.dependencies));
  assert.deepEqual(rehomed, [fragment]);
  const def = await p.run<{ uri: string; range: { start: { line: number } } }[]>(fragment, 'definition', [ref]);
  assert.ok(def.ok && def.value.length === 1 && def.value[0].uri === fragment && def.value[0].range.start.line === 5, JSON.stringify(def));
});

for (const [what, start] of [['a small text', ''], ['a large text (kept as UTF-8)', `# ${'é€😀 '.repeat(300_000)}\n`], ['a large text with a lone surrogate', `# \uD800 ${'x'.repeat(1_100_000)}\n`]]) test(`the mirror rebuilds the text the language service has after the same edits: ${what}`, () => {
  const mirror = new DocumentMirror();
  const service = new LanguageService();
  const uri = 'file:///m.yaml';
  let text = `${start}a: 1\r\nb: 2\rc: 3\n\nd: [1, 2]\n`;
  mirror.open(uri, text, 1);
  service.open(uri, text, 1);
  let seed = 7;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  const last = start ? 40 : 300;
  for (let v = 2; v < last; v++) {
    const lines = text.split(/\r\n|\r|\n/);
    const line = rnd(lines.length + 1);
    const start = { line, character: rnd(8) };
    const end = rnd(3) === 0 ? { line: line + rnd(2), character: rnd(5) } : start;
    const change = { range: { start, end }, text: ['x', '\n', '\r\n', '', 'yz\rw'][rnd(5)] };
    mirror.edit(uri, [change], v);
    service.edit(uri, [change], v);
    text = service.workspace.getOpen(uri)!.text;
    if (v % 20 === 0) assert.equal(mirror.text(uri), text, `after edit ${v}`);
  }
  assert.equal(mirror.text(uri), text);
  assert.equal(mirror.version(uri), last - 1);
});

test('the heavy worker held in reserve warms up fully: real work interrupts it, idle time resumes it', async () => {
  const logs: string[] = [];
  const p = pool({ largeChars: 10_000 }, logs);
  // Real work at once: a large document interrupts the warm-up (or comes before it starts) ...
  const large = 'file:///tmp/api-lens-pool/warm.yaml';
  p.open(large, big(400), 1);
  assert.ok((await p.run(large, 'diagnostics', [], { version: 1 })).ok);
  // ... which finishes once the worker is idle. Before, the settings message sent with the worker's start stopped it for good.
  const deadline = Date.now() + 20_000;
  while (!logs.some((l) => l.startsWith('warm-up done')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.ok(logs.some((l) => /^warm-up done: \d+ steps in \d+ ms$/.test(l)), logs.join('\n'));
});

test('the same settings again keep every analysis; other settings drop them', async () => {
  // An editor answers the settings pull of `initialized` while the first document is being analysed: with the
  // same settings, dropping that analysis ran it twice (it doubled open -> first diagnostics).
  const p = pool();
  const same = { roots: [], trusted: true, settings: DEFAULT_SETTINGS };
  assert.equal(p.configure(JSON.parse(JSON.stringify(same))), false);
  assert.equal(p.configure({ ...same, trusted: false }), true);
  assert.equal(p.configure({ ...same, trusted: false }), false);
  assert.equal(p.configure({ ...same, roots: ['file:///w'] , trusted: false }), true);
});
