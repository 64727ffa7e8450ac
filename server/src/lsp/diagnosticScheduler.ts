/**
 * When to recompute and publish each open document's diagnostics.
 *
 * Editors send one change per keystroke. Re-analysing a large document on every keystroke wastes work, but a
 * fixed debounce adds its whole delay to every lone edit (the common case: fix one thing, look). So a change
 * after a pause is analysed almost at once, and only changes arriving less than `typingMs` apart (the user is
 * typing) wait for a pause of `typingMs`. Changes that arrive while an analysis runs (in a worker, lsp/analysisPool.ts)
 * coalesce into the next run: the worker drops a job whose version is no longer current before starting it.
 *
 * Documents due at the same time are published one per turn of the event loop, so requests (hover,
 * definition) are answered in between, and the document the user touched last goes first: that is the one on
 * screen. No LSP here: the adapter passes `publish`.
 */
export interface SchedulerOptions {
  /** Changes closer together than this are typing: wait until this long after the last one. */
  typingMs: number;
  /** Delay for a change after a pause (and for an open). */
  idleMs: number;
  now?: () => number;
  /** Where an exception thrown by publish goes (the server's log). */
  onError?: (e: unknown) => void;
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = { typingMs: 120, idleMs: 5 };

export class DiagnosticScheduler {
  private readonly due = new Map<string, number>();
  private readonly touchedAt = new Map<string, number>();
  private readonly lastChange = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Infinity;
  private touches = 0;
  private readonly now: () => number;

  constructor(private readonly publish: (uri: string) => void, private readonly opts: SchedulerOptions = DEFAULT_SCHEDULER_OPTIONS) {
    this.now = opts.now ?? (() => Date.now());
  }

  /** The user acted on this document (opened, edited, hovered...): it is published before the others. */
  touch(uri: string): void { this.touchedAt.set(uri, ++this.touches); }

  opened(uri: string): void {
    this.touch(uri);
    this.lastChange.delete(uri);
    this.at(uri, this.opts.idleMs);
  }

  changed(uri: string): void {
    const now = this.now();
    const prev = this.lastChange.get(uri);
    this.lastChange.set(uri, now);
    this.touch(uri);
    this.at(uri, prev !== undefined && now - prev < this.opts.typingMs ? this.opts.typingMs : this.opts.idleMs);
  }

  /** Recompute later without the user acting on it (a dependency changed, settings changed); keeps an earlier due time. */
  later(uri: string, delay = this.opts.typingMs): void {
    const t = this.now() + delay;
    const cur = this.due.get(uri);
    if (cur === undefined || t < cur) this.at(uri, delay);
  }

  /** Closed: nothing more for it. */
  forget(uri: string): void {
    this.due.delete(uri);
    this.touchedAt.delete(uri);
    this.lastChange.delete(uri);
  }

  isDue(uri: string): boolean { return this.due.has(uri); }

  private at(uri: string, delay: number): void {
    this.due.set(uri, this.now() + delay);
    this.arm();
  }

  private arm(): void {
    let next = Infinity;
    for (const t of this.due.values()) if (t < next) next = t;
    if (next === this.timerAt && this.timer) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = next;
    if (next === Infinity) return;
    this.timer = setTimeout(() => this.run(), Math.max(0, next - this.now()));
  }

  private run(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.now();
    let best: string | undefined;
    for (const [uri, t] of this.due) {
      if (t > now) continue;
      if (best === undefined || (this.touchedAt.get(uri) ?? 0) > (this.touchedAt.get(best) ?? 0)) best = uri;
    }
    if (best !== undefined) {
      this.due.delete(best);
      try {
        this.publish(best);
      } catch (e) {
        this.opts.onError?.(e); // one document's failure must not stop the others, nor the server
      }
    }
    this.arm();
  }
}
