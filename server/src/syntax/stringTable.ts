/**
 * Short strings of one text shared by their occurrences: API descriptions repeat the same keys and values
 * (GitHub's: ~6.6k distinct keys among 217k properties, ~20k distinct string values among 151k), and a parser
 * slicing each occurrence keeps one string object per occurrence alive with the tree. The table holds the last
 * string seen per hash (of the length and a few characters: O(1), a collision only costs a copy) and checks
 * the text against it before sharing it.
 */

/** Longer strings are descriptions and the like, seldom repeated: sliced, not looked up. */
const MAX_SHARED = 64;

export class StringTable {
  private readonly strings: (string | undefined)[];
  private readonly mask: number;
  constructor(private readonly text: string) {
    // Small texts (incremental re-parses of one entry) get a small table.
    this.strings = new Array(text.length < 1 << 19 ? 1024 : 8192);
    this.mask = this.strings.length - 1;
  }

  /** text.slice(s, e), the same string object as a previous occurrence when the table holds it. */
  slice(s: number, e: number): string {
    const text = this.text;
    const n = e - s;
    if (n > MAX_SHARED || n < 1) return text.slice(s, e);
    const h = Math.imul(n, 0x9e3779b1) ^ Math.imul(text.charCodeAt(s), 0x85ebca6b) ^ Math.imul(text.charCodeAt(e - 1), 0xc2b2ae35)
      ^ Math.imul(text.charCodeAt((s + e) >> 1), 0x27d4eb2f) ^ Math.imul(text.charCodeAt(s + 1), 0x165667b1) ^ text.charCodeAt(e - 2);
    const k = (h ^ (h >>> 15)) & this.mask;
    const old = this.strings[k];
    if (old !== undefined && old.length === n) {
      let i = 0;
      while (i < n && old.charCodeAt(i) === text.charCodeAt(s + i)) i++;
      if (i === n) return old;
    }
    const v = text.slice(s, e);
    this.strings[k] = v;
    return v;
  }
}
