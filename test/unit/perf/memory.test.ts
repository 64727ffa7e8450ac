import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { RECLAIM_CEILING_BYTES, RECLAIM_MIN_CHARS, RECLAIM_RSS_BYTES, reclaimAfterDrop, reclaimIfOverBudget } from '../../../server/src/lsp/memory';

test('reclaimAfterDrop: skips small documents, collects after a large one is dropped', () => {
  assert.equal(reclaimAfterDrop(0), false);
  assert.equal(reclaimAfterDrop(RECLAIM_MIN_CHARS - 1), false);
  // A large dropped analysis: garbage the collection must give back.
  let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `node ${i}` }));
  const before = process.memoryUsage().heapUsed;
  garbage = undefined;
  assert.equal(garbage, undefined);
  assert.equal(reclaimAfterDrop(RECLAIM_MIN_CHARS), true);
  assert.ok(process.memoryUsage().heapUsed < before - 5 * 1024 * 1024, 'the heap shrank by the dropped objects');
});

test('reclaimIfOverBudget: collects after a large analysis only when resident memory is above the budget', () => {
  assert.equal(reclaimIfOverBudget(RECLAIM_MIN_CHARS, RECLAIM_RSS_BYTES - 1), false);
  assert.equal(reclaimIfOverBudget(RECLAIM_MIN_CHARS - 1, RECLAIM_RSS_BYTES + 1), false, 'small documents never pause');
  assert.equal(reclaimIfOverBudget(RECLAIM_MIN_CHARS, RECLAIM_RSS_BYTES + 1), true);
});

test('reclaimIfOverBudget with the ceiling: a busy worker collects before an analysis only past the ceiling', () => {
  assert.ok(RECLAIM_CEILING_BYTES > RECLAIM_RSS_BYTES, 'the ceiling is above the idle budget');
  const between = (RECLAIM_RSS_BYTES + RECLAIM_CEILING_BYTES) / 2;
  assert.equal(reclaimIfOverBudget(RECLAIM_MIN_CHARS, between, RECLAIM_CEILING_BYTES), false, 'between budget and ceiling: left to the idle collection');
  assert.equal(reclaimIfOverBudget(RECLAIM_MIN_CHARS, RECLAIM_CEILING_BYTES + 1, RECLAIM_CEILING_BYTES), true);
});
