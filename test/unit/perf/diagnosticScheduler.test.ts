import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticScheduler } from '../../../server/src/lsp/diagnosticScheduler';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * Waits (real time, at most 5 s) until `done()` holds: the scheduler's timers are real, and on a loaded machine a
 * 0 ms timer can take tens of ms, so a fixed sleep before a positive assertion made these tests flaky. What must
 * NOT have happened yet is still checked after a sleep: the fake clock, not the real one, decides what is due.
 */
async function until(done: () => boolean): Promise<void> {
  const end = Date.now() + 5000;
  while (!done() && Date.now() < end) await sleep(2);
}

function setup(typingMs = 60, idleMs = 0) {
  let clock = 1000;
  const published: string[] = [];
  const s = new DiagnosticScheduler((u) => published.push(u), { typingMs, idleMs, now: () => clock });
  return { s, published, advance: (ms: number) => { clock += ms; } };
}

test('scheduler: a lone change is published at once, not after the typing debounce', async () => {
  const { s, published } = setup(10000, 0);
  s.opened('a');
  await until(() => published.length >= 1);
  assert.deepEqual(published, ['a']);
  s.changed('a'); // first change after the open: no typing yet (typingMs is 10 s: only the lone-change path publishes)
  await until(() => published.length >= 2);
  assert.deepEqual(published, ['a', 'a']);
});

test('scheduler: changes closer than typingMs wait for a pause, and coalesce into one publish', async () => {
  const { s, published, advance } = setup(40, 0);
  s.changed('a');
  await until(() => published.length >= 1);
  assert.deepEqual(published, ['a']);
  advance(10); s.changed('a');
  advance(10); s.changed('a');
  await sleep(15);
  assert.deepEqual(published, ['a'], 'typing: not yet');
  advance(100);
  await until(() => published.length >= 2);
  await sleep(20); // and no third one
  assert.deepEqual(published, ['a', 'a'], 'one publish after the pause');
});

test('scheduler: documents due together go one at a time, the last touched first', async () => {
  const { s, published } = setup(60, 0);
  s.later('background-1', 0);
  s.later('background-2', 0);
  s.opened('visible');
  s.touch('background-2');
  s.touch('visible');
  await until(() => published.length >= 3);
  assert.deepEqual(published, ['visible', 'background-2', 'background-1']);
});

test('scheduler: later() keeps an earlier due time; forget() cancels', async () => {
  const { s, published } = setup(60, 0);
  s.opened('a');
  s.later('a', 10000);
  s.later('b', 0);
  s.forget('b');
  await until(() => published.length >= 1);
  await sleep(20); // b would have been due at once
  assert.deepEqual(published, ['a']);
  assert.equal(s.isDue('a'), false);
});

test('scheduler: an exception in publish is reported and does not stop the others', async () => {
  const published: string[] = [];
  const errors: unknown[] = [];
  const s = new DiagnosticScheduler((u) => { if (u === 'bad') throw new Error('boom'); published.push(u); }, { typingMs: 60, idleMs: 0, onError: (e) => errors.push(e) });
  s.opened('good');
  s.opened('bad');
  s.later('other', 0);
  await until(() => published.length >= 2 && errors.length >= 1);
  assert.deepEqual(published, ['good', 'other']);
  assert.equal(errors.length, 1);
});
