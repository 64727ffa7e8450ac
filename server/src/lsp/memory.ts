/**
 * Giving memory back when a large document's analysis is dropped (an edit, a close).
 *
 * Measured on GitHub's 13 MB description: V8 keeps the dropped analysis (~110 MiB of trees and models) around
 * while the next one is built, so the server's peak grew from 260 MiB after opening to 590 MiB after four
 * edits. A full collection right when the old analysis becomes garbage costs ~10 ms of CPU (the live set is
 * small then) and keeps the peak near 310 MiB. Only done for large documents: small ones are not worth a pause.
 */
import * as v8 from 'v8';
import * as vm from 'vm';

/** Documents at least this long (UTF-16 units) trigger a collection when their analysis is dropped. */
export const RECLAIM_MIN_CHARS = 2 * 1024 * 1024;

let collect: (() => void) | null | undefined;

/** The engine's full collection, exposed at run time (no --expose-gc needed on the command line); null if unavailable. */
function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    if (typeof (globalThis as { gc?: unknown }).gc === 'function') collect = (globalThis as unknown as { gc: () => void }).gc;
    else {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    }
  } catch {
    collect = null;
  }
  return collect;
}

/**
 * Resident memory (the whole process: every thread) above which an idle worker collects after a large
 * (re)analysis. Measured on GitHub's 13 MB description with an incremental dialect: without collections the
 * peak grew ~50 MiB per edit (the edited text's flattened copy, 26 MB, and the rebuilt model), to 1 GiB over a
 * bench run. A full collection marks the whole live analysis (~180 MiB): ~250-300 ms of CPU. Run after every
 * edit, two of them were 550 ms of the ~770 ms an edit cost over LSP; run when the worker is idle, they cost
 * the user nothing unless the next keystroke comes within that window.
 */
export const RECLAIM_RSS_BYTES = 320 * 1024 * 1024;

/**
 * Resident memory above which a worker collects before starting a large analysis even though it is not idle
 * (typing without pauses): the bound on the peak when idle collections never get their turn.
 */
export const RECLAIM_CEILING_BYTES = 440 * 1024 * 1024;

/** How long a worker must have been idle after a large analysis before it collects. */
export const IDLE_RECLAIM_MS = 300;

/** After a (re)analysis of `chars` characters: a full collection when resident memory is above `budget`. */
export function reclaimIfOverBudget(chars: number, rss = process.memoryUsage.rss(), budget = RECLAIM_RSS_BYTES): boolean {
  return rss > budget && reclaimAfterDrop(chars);
}

/** Runs a full collection when an analysis of `chars` characters was just dropped; returns whether it ran. */
export function reclaimAfterDrop(chars: number): boolean {
  if (chars < RECLAIM_MIN_CHARS) return false;
  const gc = collector();
  if (!gc) return false;
  gc();
  return true;
}
