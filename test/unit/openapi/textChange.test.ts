/**
 * changedRegion (syntax/textChange.ts) compares chunks as substrings before characters: it must find the same
 * common prefix and suffix as a character loop, for edits anywhere, of any size, in texts of any length.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { changedRegion } from '../../../server/src/syntax/textChange';

function naive(a: string, b: string): { start: number; oldEnd: number; newEnd: number } | undefined {
  if (a === b) return undefined;
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a[p] === b[p]) p++;
  let s = 0;
  while (s < max - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { start: p, oldEnd: a.length - s, newEnd: b.length - s };
}

test('changedRegion finds the same region as a character-by-character comparison', () => {
  let seed = 7;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  for (let i = 0; i < 400; i++) {
    const len = [0, 1, 7, 100, 5000, 70_000, 300_000][rnd(7)];
    // Few distinct characters, so that prefix and suffix overlap often (e.g. "aa" -> "aaa").
    let a = '';
    while (a.length < len) a += 'ab\n'[rnd(3)].repeat(1 + rnd(40));
    a = a.slice(0, len);
    const at = rnd(a.length + 1);
    const del = rnd(3) === 0 ? rnd(Math.min(a.length - at, 1 + rnd(100_000)) + 1) : 0;
    const ins = 'ab\n'[rnd(3)].repeat(rnd(3));
    const b = a.slice(0, at) + ins + a.slice(at + del);
    assert.deepEqual(changedRegion(a, b), naive(a, b), `case ${i}: length ${len}, at ${at}, -${del} +${JSON.stringify(ins)}`);
  }
});
