/**
 * The main thread's record of every open document: editor version, size, and enough to rebuild its text.
 * The analysis workers keep the live copies (each worker's language service applies the edits it is sent);
 * this one is what a restarted worker is given and which version diagnostics must match.
 *
 * The text is rebuilt lazily: the mirror keeps the text as opened (or last rebuilt) and the edits since, and
 * applies them only when the text is asked for (a worker restarts) or when MAX_PENDING edits have piled up.
 * Applying an edit to a 13 MB string makes V8 flatten a new copy (26 MB for a two-byte string), so applying
 * each edit here as it comes cost the main thread ~25 MB of garbage per keystroke on GitHub's description.
 * The same LineIndex as the language service's converts the ranges, so both copies agree character for character.
 *
 * A large text is kept as UTF-8 bytes (when that round-trips: no lone surrogate): GitHub's description has 36
 * characters above U+00FF, so V8 holds it as a 26 MB two-byte string; as UTF-8 it is 13 MB outside the heap.
 */
import { LineIndex } from '../core/text';
import type { TextChange } from '../service/languageService';

interface Mirrored { text: string | Buffer; version: number; pending: TextChange[]; size: number }

/** Edits kept unapplied at most; past this the text is rebuilt (one line index, one copy). */
const MAX_PENDING = 2000;
/** Texts at least this long are kept as UTF-8. */
const BYTES_FROM_CHARS = 1024 * 1024;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** String.prototype.isWellFormed (Node 20+): 30 ms on 13 MB where the regular expression takes 65 ms. */
const wellFormed = (text: string): boolean => {
  const native = (text as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !LONE_SURROGATE.test(text);
};

function store(text: string): string | Buffer {
  return text.length >= BYTES_FROM_CHARS && wellFormed(text) ? Buffer.from(text, 'utf8') : text;
}

export class DocumentMirror {
  private readonly docs = new Map<string, Mirrored>();

  open(uri: string, text: string, version: number): void { this.docs.set(uri, { text: store(text), version, pending: [], size: text.length }); }

  /** Records editor changes (each range refers to the text the previous change left). False when not open. */
  edit(uri: string, changes: readonly TextChange[], version: number): boolean {
    const d = this.docs.get(uri);
    if (!d) return false;
    d.version = version;
    for (const c of changes) {
      if (c.range) d.pending.push(c);
      else { d.text = store(c.text); d.pending = []; d.size = c.text.length; }
    }
    if (d.pending.length > MAX_PENDING) this.text(uri);
    return true;
  }

  close(uri: string): void { this.docs.delete(uri); }
  has(uri: string): boolean { return this.docs.has(uri); }
  version(uri: string): number | undefined { return this.docs.get(uri)?.version; }
  /** Length when opened (or last replaced whole): what decides where the document is analysed. 0 when not open. */
  size(uri: string): number { return this.docs.get(uri)?.size ?? 0; }
  uris(): string[] { return [...this.docs.keys()]; }

  /** The current text (the pending edits applied now). */
  text(uri: string): string | undefined {
    const d = this.docs.get(uri);
    if (!d) return undefined;
    let text = typeof d.text === 'string' ? d.text : d.text.toString('utf8');
    if (!d.pending.length) return text;
    let lines = new LineIndex(text);
    for (const c of d.pending) {
      const start = lines.offsetAt(c.range!.start);
      const end = Math.max(start, lines.offsetAt(c.range!.end));
      text = text.slice(0, start) + c.text + text.slice(end);
      lines = lines.withEdit(text, start, end, c.text);
    }
    d.text = store(text);
    d.pending = [];
    return text;
  }
}
