/**
 * The analysis workers, seen from the LSP thread: where each document is analysed, what every job answers
 * within its deadline, and what happens when a worker dies.
 *
 * Homes. Each document is analysed in one worker, its home. A document of at least `largeChars` when opened
 * gets a *heavy* worker (one per large document, up to `maxHeavy`; past that the least loaded one), so its
 * analysis never stands between the user and another document. Everything else shares the *light* worker,
 * except a document linked to a large one by a dependency (a split file $ref'd by it, a document $ref'ing
 * it): that one follows the large document, whose analysis it needs (`onRehomed` says when one moves, so its
 * diagnostics are computed again there). Small documents' texts go to every worker (cross-file $refs and
 * imports resolve in any of them); a large one's only to its home (each copy costs its size twice over on
 * every edit), so elsewhere it reads as the file on disk. A heavy worker left with no large document is
 * stopped after `retireMs`: its memory goes back to the system at once.
 *
 * Deadlines. A job with a deadline is answered `deadline` when the worker has not answered by then (the worker
 * is told, and drops the job if it has not started it); a cancelled token answers `cancelled` at once.
 *
 * Crashes. A worker that dies (an exception outside the guarded features, out of memory under its
 * resourceLimits) is logged and started again with the open documents; its pending jobs answer `crashed`.
 * The document it was working on is the suspect: after `giveUpAfter` deaths in a row, its analysis is given
 * up (`onGivenUp`: the adapter reports lens-analysis-failed) until its text changes.
 */
import { Worker } from 'worker_threads';
import { DocumentMirror } from './documentMirror';
import type { TextChange } from '../service/languageService';
import type { LensSettings } from '../rules/settings';
import type { Feature, FromWorker, Job, ToWorker, WorkerData } from './workerProtocol';

export interface PoolOptions {
  /** The worker script (dist/analysisWorker.js). */
  script: string;
  docsDir: string;
  log: (message: string) => void;
  /** A document's analysis was given up (it killed its worker `giveUpAfter` times in a row). */
  onGivenUp: (uri: string) => void;
  /** A document's home changed (a dependency linked it to a large document): its analysis there is new. */
  onRehomed?: (uri: string) => void;
  /**
   * An open document became a dependency of another one's analysis (a description now `$ref`s it): what it is
   * may have changed (a YAML file nobody referred to is now a split file of that description), ask again.
   */
  onLinked?: (uri: string) => void;
  /** Documents at least this long (UTF-16 units) get a heavy worker of their own. */
  largeChars?: number;
  maxHeavy?: number;
  /** Old-generation heap limit of each worker (V8 resourceLimits), in MiB: past it the worker dies, not the server. */
  heapMb?: number;
  giveUpAfter?: number;
  retireMs?: number;
}

export interface Config { roots: string[]; trusted: boolean; settings: LensSettings }

export type Outcome<T> =
  | { ok: true; value: T; dependencies?: string[] }
  /** deadline: not answered in time; cancelled: by the client; crashed: the worker died; given-up: see onGivenUp; dropped: superseded. */
  | { ok: false; why: 'deadline' | 'cancelled' | 'crashed' | 'given-up' | 'dropped' };

export interface CancelToken { isCancellationRequested: boolean; onCancellationRequested(listener: () => void): { dispose(): void } }

interface Pending { job: Job; slot: Slot; resolve: (o: Outcome<unknown>) => void; timer?: ReturnType<typeof setTimeout>; listener?: { dispose(): void } }

interface Slot {
  name: string;
  worker: Worker;
  heavy: boolean;
  pending: Map<number, Pending>;
  /** The job the worker said it started (the suspect if it dies). */
  running?: { id: number; uri: string };
  /** Large documents homed here. */
  homes: Set<string>;
  retireTimer?: ReturnType<typeof setTimeout>;
  stopping?: boolean;
  /** When its workers died lately (to back off from a worker that dies at once, whatever it is given). */
  deaths: number[];
  /** Dead, waiting to be started again: jobs answer `crashed` meanwhile. */
  down?: boolean;
}

export const DEFAULTS = {
  /** ~50-150 ms of analysis: what the light worker may spend on one document before a hover elsewhere waits. */
  largeChars: 256 * 1024,
  maxHeavy: 2,
  /** GitHub's 13 MB description peaks under 500 MiB for the whole process; a 50 MB document (the default limit) fits. */
  heapMb: 2048,
  giveUpAfter: 2,
  retireMs: 10_000,
};

export class AnalysisPool {
  readonly mirror = new DocumentMirror();
  private readonly opts: Required<PoolOptions>;
  private config: Config | undefined;
  private light: Slot | undefined;
  private readonly heavy: Slot[] = [];
  /** Large document -> its heavy worker. */
  private readonly largeHome = new Map<string, Slot>();
  /** What each document's last analysis read (from diagnostics jobs): links documents to large ones. */
  private readonly deps = new Map<string, string[]>();
  /** Where each document's last job ran. */
  private readonly lastSlot = new Map<string, Slot>();
  private readonly crashes = new Map<string, number>();
  private readonly givenUp = new Set<string>();
  private nextId = 1;
  private workers = 0;

  constructor(opts: PoolOptions) {
    this.opts = { ...DEFAULTS, onRehomed: () => undefined, onLinked: () => undefined, ...opts } as Required<PoolOptions>;
  }

  /**
   * Starts the light worker, and one heavy worker held in reserve, while the client finishes initializing:
   * the first large document then finds a worker loaded and warmed up (on Stripe's 4 MB YAML, starting a
   * worker on its didOpen cost ~120 ms and its cold first analysis ~170 ms more than a warm one).
   */
  start(config: Config): void {
    if (this.light) { this.configure(config); return; }
    this.config = config;
    this.light = this.spawn(false);
    if (this.opts.maxHeavy > 0) this.heavy.push(this.spawn(true));
  }

  /**
   * Sends a new configuration to the workers, which drop every analysis. Returns false, and sends nothing, when it
   * equals the current one: an editor answers the settings pull of `initialized` while the first document is
   * already being analysed, and dropping that analysis for the same settings doubled its first diagnostics.
   */
  configure(config: Config): boolean {
    if (this.config && JSON.stringify(this.config) === JSON.stringify(config)) return false;
    this.config = config;
    this.broadcast({ t: 'config', ...config });
    return true;
  }

  open(uri: string, text: string, version: number): void {
    this.crashes.delete(uri);
    this.givenUp.delete(uri);
    // The workers first (the analysis starts at once), the mirror after: keeping a large text as UTF-8 costs this
    // thread ~90 ms on 13 MB, and a heavy worker started here must not be given the document twice.
    const home = this.largeHome.get(uri) ?? (text.length >= this.opts.largeChars ? this.homeLarge(uri) : undefined);
    if (home) home.worker.postMessage({ t: 'open', uri, text, version, analyse: true } satisfies ToWorker);
    else this.broadcast({ t: 'open', uri, text, version });
    this.mirror.open(uri, text, version);
  }

  edit(uri: string, changes: TextChange[], version: number): boolean {
    if (!this.mirror.edit(uri, changes, version)) return false;
    // A new text deserves a new try, but one more death gives it up again.
    if (this.givenUp.delete(uri)) this.crashes.set(uri, this.opts.giveUpAfter - 1);
    const m: ToWorker = { t: 'edit', uri, changes, version };
    const home = this.largeHome.get(uri);
    if (home) home.worker.postMessage(m);
    else this.broadcast(m);
    return true;
  }

  close(uri: string): void {
    this.mirror.close(uri);
    this.deps.delete(uri);
    this.lastSlot.delete(uri);
    this.crashes.delete(uri);
    this.givenUp.delete(uri);
    this.broadcast({ t: 'close', uri });
    const home = this.largeHome.get(uri);
    if (home) {
      this.largeHome.delete(uri);
      home.homes.delete(uri);
      // Still working (on the document just closed, opened by mistake, a 30 MB file?): stop that work now.
      if (home.homes.size === 0 && (home.running || home.pending.size > 0)) this.retire(home);
      else if (home.homes.size === 0) this.retireLater(home);
    }
  }

  fileChanged(uri: string): void { this.broadcast({ t: 'fileChanged', uri }); }

  isGivenUp(uri: string): boolean { return this.givenUp.has(uri); }

  /** Open documents whose last analysis read `uri`. */
  dependents(uri: string): string[] {
    const out: string[] = [];
    for (const [other, d] of this.deps) if (other !== uri && d.includes(uri) && this.mirror.has(other)) out.push(other);
    return out;
  }

  /**
   * Runs `feature` on `uri` in its home worker. `deadlineMs`: answer `deadline` if the worker has not answered
   * by then; `version`: for diagnostics, the version they are for (a newer one drops the job).
   */
  run<T>(uri: string, feature: Feature, args: unknown[], opts: { deadlineMs?: number; token?: CancelToken; version?: number } = {}): Promise<Outcome<T>> {
    if (this.givenUp.has(uri)) return Promise.resolve({ ok: false, why: 'given-up' });
    if (opts.token?.isCancellationRequested) return Promise.resolve({ ok: false, why: 'cancelled' });
    const slot = this.slotFor(uri);
    if (slot.down) return Promise.resolve({ ok: false, why: 'crashed' });
    if (this.mirror.has(uri)) this.lastSlot.set(uri, slot);
    const job: Job = { t: 'job', id: this.nextId++, uri, feature, args, version: opts.version, deadline: opts.deadlineMs ? Date.now() + opts.deadlineMs : 0 };
    return new Promise<Outcome<T>>((resolve) => {
      const p: Pending = { job, slot, resolve: resolve as (o: Outcome<unknown>) => void };
      slot.pending.set(job.id, p);
      if (opts.deadlineMs) p.timer = setTimeout(() => this.abandon(p, 'deadline'), opts.deadlineMs);
      if (opts.token) p.listener = opts.token.onCancellationRequested(() => this.abandon(p, 'cancelled'));
      slot.worker.postMessage(job);
    });
  }

  /** Stops every worker (the server is shutting down). */
  async stop(): Promise<void> {
    const all = [this.light, ...this.heavy].filter((s): s is Slot => !!s);
    this.light = undefined;
    this.heavy.length = 0;
    await Promise.all(all.map((s) => { s.stopping = true; return s.worker.terminate(); }));
  }

  /** Number of live workers (for tests and logs). */
  get size(): number { return (this.light ? 1 : 0) + this.heavy.length; }

  // ---- homes --------------------------------------------------------------------------------------

  private slotFor(uri: string): Slot {
    const home = this.largeHome.get(uri);
    if (home) return home;
    for (const [large, slot] of this.largeHome) {
      if (this.deps.get(large)?.includes(uri) || this.deps.get(uri)?.includes(large)) return slot;
    }
    return this.light ??= this.spawn(false);
  }

  private homeLarge(uri: string): Slot {
    let slot = this.heavy.find((s) => s.homes.size === 0);
    if (!slot && this.heavy.length < this.opts.maxHeavy) this.heavy.push(slot = this.spawn(true));
    if (!slot) {
      const load = (s: Slot) => [...s.homes].reduce((n, u) => n + this.mirror.size(u), 0);
      slot = this.heavy.reduce((a, b) => (load(b) < load(a) ? b : a));
    }
    if (slot.retireTimer) { clearTimeout(slot.retireTimer); slot.retireTimer = undefined; }
    slot.homes.add(uri);
    this.largeHome.set(uri, slot);
    return slot;
  }

  private retireLater(slot: Slot): void {
    if (slot.retireTimer) clearTimeout(slot.retireTimer);
    slot.retireTimer = setTimeout(() => {
      slot.retireTimer = undefined;
      if (slot.homes.size > 0) return;
      if (slot.pending.size > 0) return this.retireLater(slot);
      this.retire(slot);
    }, this.opts.retireMs);
    slot.retireTimer.unref?.();
  }

  /**
   * Stops a heavy worker that homes no document. What it still had to do answers `dropped`; an open document
   * whose diagnostics were among it (one linked to the closed large document) is re-homed, to be asked again.
   */
  private retire(slot: Slot): void {
    if (slot.retireTimer) { clearTimeout(slot.retireTimer); slot.retireTimer = undefined; }
    const i = this.heavy.indexOf(slot);
    if (i >= 0) this.heavy.splice(i, 1);
    for (const [u, s] of this.lastSlot) if (s === slot) this.lastSlot.delete(u);
    slot.stopping = true;
    for (const p of [...slot.pending.values()]) {
      this.finish(p, { ok: false, why: 'dropped' });
      if (p.job.feature === 'diagnostics' && this.mirror.has(p.job.uri)) this.opts.onRehomed(p.job.uri);
    }
    void slot.worker.terminate();
  }

  // ---- workers ------------------------------------------------------------------------------------

  private spawn(heavy: boolean): Slot {
    const slot = { name: `${heavy ? 'heavy' : 'light'}-${++this.workers}`, heavy, pending: new Map(), homes: new Set(), deaths: [] } as Omit<Slot, 'worker'> as Slot;
    slot.worker = this.startWorker(slot);
    return slot;
  }

  /** A new worker for `slot`, given the configuration and every open document. */
  private startWorker(slot: Slot): Worker {
    const data: WorkerData = { docsDir: this.opts.docsDir, warmUp: slot.heavy };
    // stdout/stderr piped here, not to the process's: the process's stdout is the LSP channel.
    const worker = new Worker(this.opts.script, { workerData: data, stdout: true, stderr: true, resourceLimits: { maxOldGenerationSizeMb: this.opts.heapMb } });
    worker.unref(); // the process lives as long as its LSP connection, not its workers
    worker.stdout.on('data', (d) => this.opts.log(`${slot.name}: ${String(d).trimEnd()}`));
    worker.stderr.on('data', (d) => this.opts.log(`${slot.name}: ${String(d).trimEnd()}`));
    worker.on('message', (m: FromWorker) => this.received(slot, m));
    worker.on('error', (e) => this.opts.log(`analysis worker ${slot.name} failed: ${(e as Error)?.stack ?? e}`));
    worker.on('exit', (code) => this.exited(slot, worker, code));
    if (this.config) worker.postMessage({ t: 'config', ...this.config } satisfies ToWorker);
    for (const uri of this.mirror.uris()) {
      const home = this.largeHome.get(uri);
      if (home && home !== slot) continue; // a large document lives in its home only
      worker.postMessage({ t: 'open', uri, text: this.mirror.text(uri)!, version: this.mirror.version(uri)! } satisfies ToWorker);
    }
    return worker;
  }

  private broadcast(m: ToWorker): void {
    for (const s of [this.light, ...this.heavy]) s?.worker.postMessage(m);
  }

  private received(slot: Slot, m: FromWorker): void {
    switch (m.t) {
      case 'log': this.opts.log(m.message); return;
      case 'started': slot.running = { id: m.id, uri: m.uri }; return;
      case 'done': case 'dropped': {
        if (slot.running?.id === m.id) slot.running = undefined;
        const p = slot.pending.get(m.id);
        if (!p) return;
        if (m.t === 'dropped') return this.finish(p, { ok: false, why: 'dropped' });
        if (m.dependencies) {
          const before = this.deps.get(p.job.uri) ?? [];
          this.deps.set(p.job.uri, m.dependencies);
          for (const u of m.dependencies) if (u !== p.job.uri && !before.includes(u) && this.mirror.has(u)) this.opts.onLinked(u);
          this.crashes.delete(p.job.uri);
          // The new dependencies may link it, or a document it reads, to a large document's worker.
          for (const u of [p.job.uri, ...m.dependencies]) {
            const was = this.lastSlot.get(u);
            if (was && was !== this.slotFor(u)) { this.lastSlot.delete(u); this.opts.onRehomed(u); }
          }
        }
        return this.finish(p, m.dependencies ? { ok: true, value: m.result, dependencies: m.dependencies } : { ok: true, value: m.result });
      }
    }
  }

  /** The LSP thread answers without the worker: the worker is told not to start the job. */
  private abandon(p: Pending, why: 'deadline' | 'cancelled'): void {
    if (!p.slot.pending.has(p.job.id)) return;
    this.finish(p, { ok: false, why });
    p.slot.worker.postMessage({ t: 'cancel', id: p.job.id } satisfies ToWorker);
  }

  private finish(p: Pending, o: Outcome<unknown>): void {
    if (!p.slot.pending.delete(p.job.id)) return;
    if (p.timer) clearTimeout(p.timer);
    p.listener?.dispose();
    p.resolve(o);
  }

  private exited(slot: Slot, worker: Worker, code: number): void {
    if (slot.stopping || slot.worker !== worker) return;
    const suspect = slot.running?.uri;
    slot.running = undefined;
    this.opts.log(`analysis worker ${slot.name} stopped (exit code ${code})${suspect ? ` while analysing ${suspect}` : ''}; starting a new one`);
    for (const p of [...slot.pending.values()]) this.finish(p, { ok: false, why: 'crashed' });
    if (suspect && this.mirror.has(suspect)) {
      const n = (this.crashes.get(suspect) ?? 0) + 1;
      this.crashes.set(suspect, n);
      if (n >= this.opts.giveUpAfter && !this.givenUp.has(suspect)) {
        this.givenUp.add(suspect);
        this.opts.log(`${suspect} stopped its analysis worker ${n} times: API Lens gives up analysing it until it changes`);
        this.opts.onGivenUp(suspect);
      }
    }
    // Started again at once, unless its workers keep dying without a document to blame (then after a pause
    // that doubles, up to 30 s): a new worker is given every open document, the mirror has them all.
    const now = Date.now();
    slot.deaths = [...slot.deaths.filter((t) => now - t < 60_000), now];
    const pause = slot.deaths.length > 3 ? Math.min(30_000, 1000 * 2 ** (slot.deaths.length - 4)) : 0;
    if (pause === 0) { slot.worker = this.startWorker(slot); return; }
    this.opts.log(`analysis worker ${slot.name} died ${slot.deaths.length} times in a minute: starting it again in ${pause / 1000} s`);
    slot.down = true;
    setTimeout(() => {
      slot.down = false;
      if (!slot.stopping) slot.worker = this.startWorker(slot);
    }, pause).unref?.();
  }
}
