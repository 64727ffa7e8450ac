/**
 * Entry of `dist/analysisWorker.js`: one analysis worker thread. It holds a LanguageService with every open
 * document (the LSP thread sends opens, edits and closes to all workers, so $refs and imports to other open
 * documents resolve), and answers the jobs the LSP thread homes here (lsp/analysisPool.ts).
 *
 * Order: messages are handled in the order they were sent, so a request sees exactly the edits sent before it.
 * Diagnostics jobs are deferred until no request is waiting, and one for a version that is no longer current
 * is dropped without being run: typing supersedes the analysis of what was typed before. Before each job the
 * worker takes every message already waiting (receiveMessageOnPort), so a cancel or an edit that arrived while
 * the previous job ran is seen. A job runs to its end: the LSP thread answers for it when its deadline passes.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'worker_threads';
import { LanguageService } from '../service/languageService';
import { IDLE_RECLAIM_MS, RECLAIM_CEILING_BYTES, reclaimAfterDrop, reclaimIfOverBudget } from './memory';
import type { FromWorker, Job, ToWorker, WorkerData } from './workerProtocol';
import { warmUpSteps } from './warmUp';

const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);
const log = (message: string) => post({ t: 'log', message });
const service = new LanguageService({ docsDir: (workerData as WorkerData).docsDir, log });

type Queued = Exclude<ToWorker, { t: 'cancel' }>;
const inbox: Queued[] = [];
/** Diagnostics jobs waiting for the requests to be done: the latest per document. */
const diagnostics = new Map<string, Job>();
const cancelled = new Set<number>();
/** Documents edited since their last diagnostics. */
const edited = new Set<string>();
/**
 * Large documents just opened here: analysed as soon as nothing else waits, without waiting for their diagnostics
 * job (the LSP thread sends it after its scheduler's pause and a collection of its own: 50-100 ms on a busy
 * machine, during which this worker sat idle). The job then finds the analysis done.
 */
const opening = new Set<string>();
/** Analysed early: the job that comes for it counts as the one that rebuilt it. */
const analysedEarly = new Set<string>();
let scheduled = false;

// A worker held in reserve for large documents compiles its code on samples (lsp/warmUp.ts), one step per turn,
// once it has been idle WARM_UP_RESUME_MS. Real work (a job, a document to analyse) stops it; what is left resumes
// at the next idle time, so a large document's first edits find the incremental paths compiled. (It used to stop
// for good at the first message, and the pool sends the settings right after starting a worker: it never ran.)
// A failure there is only logged: the worker serves cold.
const WARM_UP_RESUME_MS = 600;
const warmUp = (workerData as WorkerData).warmUp ? warmUpSteps((workerData as WorkerData).docsDir) : [];
const warmUpTotal = warmUp.length;
let warmUpMs = 0;
let warmUpTimer: NodeJS.Timeout | undefined;
function warmUpStep(): void {
  drain();
  if (inbox.length || diagnostics.size || opening.size) { schedule(); return; } // taken by drain(): no 'message' event will come for it
  if (!warmUp.length) return;
  const t0 = performance.now();
  try { warmUp.shift()!(); } catch (e) { log(`warm-up failed: ${(e as Error)?.stack ?? e}`); warmUp.length = 0; return; }
  warmUpMs += performance.now() - t0;
  if (!warmUp.length) log(`warm-up done: ${warmUpTotal} steps in ${warmUpMs.toFixed(0)} ms`);
  else setImmediate(warmUpStep);
}
/** The worker is idle: the rest of the warm-up, if any, after WARM_UP_RESUME_MS without a message. */
function resumeWarmUpLater(): void {
  if (!warmUp.length) return;
  cancelWarmUpResume();
  warmUpTimer = setTimeout(() => { warmUpTimer = undefined; warmUpStep(); }, WARM_UP_RESUME_MS);
}
function cancelWarmUpResume(): void {
  if (warmUpTimer) { clearTimeout(warmUpTimer); warmUpTimer = undefined; }
}
// Not at once: an editor sends its first document right after starting the server, and a cold step (50-130 ms)
// then stood between that document's text and its analysis. The warm-up waits for the worker's first idle time.
resumeWarmUpLater();

port.on('message', (m: ToWorker) => { cancelIdleReclaim(); cancelWarmUpResume(); take(m); schedule(); });

function take(m: ToWorker): void {
  if (m.t === 'cancel') cancelled.add(m.id);
  else inbox.push(m);
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(turn);
}

/** Every message already sent, without waiting for the event loop. */
function drain(): void {
  for (let r = receiveMessageOnPort(port); r; r = receiveMessageOnPort(port)) take(r.message as ToWorker);
}

/** One job per turn, so the messages that came meanwhile are taken before the next one. */
function turn(): void {
  scheduled = false;
  drain();
  while (inbox.length) {
    const m = inbox.shift()!;
    if (m.t !== 'job') { apply(m); continue; }
    if (m.feature === 'diagnostics') {
      const older = diagnostics.get(m.uri);
      if (older) post({ t: 'dropped', id: older.id });
      diagnostics.delete(m.uri); // re-inserted last: the most recently asked goes last, as the LSP thread ordered them
      diagnostics.set(m.uri, m);
      continue;
    }
    if (!runnable(m)) { post({ t: 'dropped', id: m.id }); continue; }
    run(m);
    schedule();
    return;
  }
  // No request waits: the oldest diagnostics job still current.
  for (const [uri, job] of diagnostics) {
    diagnostics.delete(uri);
    if (!runnable(job) || service.workspace.getOpen(uri)?.version !== job.version) { post({ t: 'dropped', id: job.id }); continue; }
    run(job);
    schedule();
    return;
  }
  for (const uri of opening) {
    opening.delete(uri);
    if (!service.workspace.getOpen(uri) || service.analysedChars(uri) > 0) continue;
    analyseEarly(uri);
    schedule();
    return;
  }
  resumeWarmUpLater();
}

function analyseEarly(uri: string): void {
  // Reported as a job (id 0, which no job has), so the pool knows what this worker is busy with if it dies or the
  // document is closed meanwhile.
  post({ t: 'started', id: 0, uri });
  try {
    service.analyse(uri);
    analysedEarly.add(uri);
  } catch (e) {
    log(`analysis of ${uri} failed: ${(e as Error)?.stack ?? e}`);
  }
  post({ t: 'dropped', id: 0 });
}

function runnable(job: Job): boolean {
  if (cancelled.delete(job.id)) return false;
  return job.deadline === 0 || Date.now() < job.deadline;
}

function apply(m: Exclude<Queued, Job>): void {
  switch (m.t) {
    case 'config':
      service.workspace.setRoots(m.roots);
      service.workspace.trusted = m.trusted;
      service.setSettings(m.settings); // drops every analysis
      break;
    case 'open':
      service.open(m.uri, m.text, m.version);
      analysedEarly.delete(m.uri);
      if (m.analyse) opening.add(m.uri);
      break;
    case 'edit': {
      const dropping = service.analysedChars(m.uri);
      service.edit(m.uri, m.changes, m.version);
      edited.add(m.uri);
      // A dialect that re-analyses incrementally keeps the old analysis: nothing was freed, skip the collection.
      if (!service.keepsPrevious(m.uri)) reclaimAfterDrop(dropping);
      break;
    }
    case 'close': {
      const dropping = service.analysedChars(m.uri);
      service.close(m.uri);
      edited.delete(m.uri);
      opening.delete(m.uri);
      analysedEarly.delete(m.uri);
      reclaimAfterDrop(dropping);
      break;
    }
    case 'fileChanged':
      service.fileChanged(m.uri);
      break;
  }
}

type Method = (uri: string, ...args: unknown[]) => unknown;

let idleTimer: NodeJS.Timeout | undefined;
/** A full collection once the worker has been idle IDLE_RECLAIM_MS; any message postpones it to the next analysis. */
function idleReclaim(uri: string): void {
  cancelIdleReclaim();
  idleTimer = setTimeout(() => {
    idleTimer = undefined;
    drain();
    if (inbox.length || diagnostics.size) { schedule(); return; } // work came in: it goes first
    reclaimIfOverBudget(service.analysedChars(uri));
  }, IDLE_RECLAIM_MS);
}
function cancelIdleReclaim(): void {
  if (idleTimer) { clearTimeout(idleTimer); idleTimer = undefined; }
}

function run(job: Job): void {
  post({ t: 'started', id: job.id, uri: job.uri });
  try {
    compute(job);
  } catch (e) {
    // The service guards each feature; this is a bug around them. The feature answers nothing, the worker lives on.
    log(`${job.feature} on ${job.uri} failed: ${(e as Error)?.stack ?? e}`);
    post({ t: 'done', id: job.id, result: undefined });
  }
}

function compute(job: Job): void {
  if (job.feature === 'diagnostics') {
    opening.delete(job.uri);
    const rebuilt = analysedEarly.delete(job.uri) || service.analysedChars(job.uri) === 0;
    // Each edit of a large text leaves a flattened copy of it behind (26 MB on GitHub's two-byte description):
    // typing without pauses piles them up under the analysis about to start. Collected first only past the
    // ceiling; below it, the collection waits for the worker to be idle (memory.ts).
    if (rebuilt && edited.delete(job.uri)) reclaimIfOverBudget(service.workspace.getOpen(job.uri)?.text.length ?? 0, undefined, RECLAIM_CEILING_BYTES);
    const result = service.diagnostics(job.uri);
    post({ t: 'done', id: job.id, result, dependencies: service.dependencies(job.uri) });
    // After a large (re)analysis, once the diagnostics are out and nothing else is asked for a moment: collect
    // the previous analysis an incremental dialect kept and the analysis' temporaries, when over budget.
    if (rebuilt) idleReclaim(job.uri);
    return;
  }
  const result = (service[job.feature] as Method).call(service, job.uri, ...job.args);
  post({ t: 'done', id: job.id, result });
}
