import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/core/text';

/** Every line start of a fresh index, through the public API. */
function starts(li: LineIndex): number[] {
  const out: number[] = [];
  for (let l = 0; l < li.lineCount; l++) out.push(li.lineStart(l));
  return out;
}

test('LineIndex: LF, CR LF and lone CR end lines; indexOf fast path agrees with the CR path', () => {
  assert.deepEqual(starts(new LineIndex('a\nbc\n')), [0, 2, 5]);
  assert.deepEqual(starts(new LineIndex('a\r\nbc\rd')), [0, 3, 6]);
  assert.deepEqual(starts(new LineIndex('\r')), [0, 1]);
  assert.deepEqual(new LineIndex('ab\ncd').positionAt(4), { line: 1, character: 1 });
});

test('LineIndex.withEdit equals a fresh index for random edits, including CR LF pairs split and joined', () => {
  let seed = 12345;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const alphabet = ['a', 'b', '\n', '\r', '\r\n', ' '];
  const piece = (n: number) => { let s = ''; for (let i = 0; i < n; i++) s += alphabet[rnd(alphabet.length)]; return s; };
  let text = piece(40);
  let index = new LineIndex(text);
  for (let i = 0; i < 3000; i++) {
    const start = rnd(text.length + 1);
    const end = start + rnd(Math.min(6, text.length - start + 1));
    const inserted = piece(rnd(4));
    const next = text.slice(0, start) + inserted + text.slice(end);
    const edited = index.withEdit(next, start, end, inserted);
    assert.deepEqual(starts(edited), starts(new LineIndex(next)), `edit #${i}: [${start},${end}) -> ${JSON.stringify(inserted)} in ${JSON.stringify(text)}`);
    text = next.length > 200 ? next.slice(0, 100) : next;
    index = text === next ? edited : new LineIndex(text);
  }
});

test('LineIndex.withEdit on a large document is much cheaper than a fresh index', () => {
  // Not a timing assertion: checks that the result is right on a document of realistic size.
  const text = '{\n' + Array.from({ length: 50000 }, (_, i) => `  "k${i}": "value ${i}",`).join('\n') + '\n}\n';
  const index = new LineIndex(text);
  const at = text.indexOf('"k25000"');
  const next = text.slice(0, at) + 'x\n' + text.slice(at);
  const edited = index.withEdit(next, at, at, 'x\n');
  assert.equal(edited.lineCount, index.lineCount + 1);
  assert.deepEqual(edited.positionAt(next.indexOf('"k25001"')), new LineIndex(next).positionAt(next.indexOf('"k25001"')));
});
