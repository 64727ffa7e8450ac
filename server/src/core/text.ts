/**
 * Positions and ranges, editor-neutral. Offsets are UTF-16 code-unit indexes into the document text
 * (what JavaScript strings and LSP use). `Position`/`Range` have the same shape as LSP's, so the
 * adapter passes them through, but nothing here depends on LSP.
 */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
/** A half-open offset interval [start, end) in one document's text. */
export interface Span { start: number; end: number }

export function span(start: number, end: number): Span { return { start, end }; }
export function contains(s: Span, offset: number): boolean { return offset >= s.start && offset <= s.end; }

/** Maps offsets to line/character and back in O(log lines); built once per document version. */
export class LineIndex {
  private readonly lineStarts: number[];
  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }
  get lineCount(): number { return this.lineStarts.length; }
  lineStart(line: number): number { return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]; }
  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - this.lineStarts[lo] };
  }
  offsetAt(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.lineStarts[pos.line];
    const next = pos.line + 1 < this.lineStarts.length ? this.lineStarts[pos.line + 1] : this.text.length;
    return Math.max(start, Math.min(start + pos.character, next));
  }
  rangeOf(s: Span): Range { return { start: this.positionAt(s.start), end: this.positionAt(s.end) }; }
}
