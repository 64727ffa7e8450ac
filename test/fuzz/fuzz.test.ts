/**
 * The short fuzz run inside the normal suite: a few seconds of mutated corpus documents against the
 * built server. The long run is `npm run fuzz -- --seconds 1800`. Set FUZZ_SEED to vary the seed.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { runFuzz } from './runner';

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 4);

test(`fuzz: ${SECONDS} s of mutated documents, seed ${SEED}: the server stays alive and answers within budget`, async (t) => {
  // The 2 s budget, times the load factor the hostile tests use (HOSTILE_SLACK, default 2): the suite shares the cores.
  const budgetMs = 2000 * Number(process.env.HOSTILE_SLACK ?? 2);
  const summary = await runFuzz({ seed: SEED, seconds: SECONDS, maxBytes: 300_000, budgetMs, log: (l) => t.diagnostic(l) });
  t.diagnostic(`${summary.cases} cases, ${summary.changes} changes, ${summary.requests} requests over ${summary.documents} documents from ${summary.corpus}; slowest answer ${Math.round(summary.maxMs)} ms; server RSS max ${summary.maxRssMb} MB`);
  assert.ok(summary.cases > 0, 'no case ran');
  const fatal = summary.findings.filter((f) => f.finding.kind === 'crash' || f.finding.kind === 'hang' || f.finding.kind === 'slow');
  assert.deepEqual(fatal.map((f) => `case ${f.case} (${f.label} ${f.file}): ${f.finding.kind}: ${f.finding.detail.slice(0, 300)}  replay: npm run fuzz -- --seed ${SEED} --case ${f.case}`), []);
});

test('fuzz: without the corpus it says so and falls back to test-fixtures', async () => {
  const lines: string[] = [];
  const summary = await runFuzz({ seed: SEED, iterations: 3, corpus: '/nonexistent/shared/corpus', log: (l) => lines.push(l) });
  assert.equal(summary.usedFallback, true);
  assert.match(lines.join('\n'), /corpus not found at \/nonexistent\/shared\/corpus; falling back to .*test-fixtures/);
  assert.equal(summary.cases, 3);
});
