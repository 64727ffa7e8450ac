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

/** Runs a full collection when an analysis of `chars` characters was just dropped; returns whether it ran. */
export function reclaimAfterDrop(chars: number): boolean {
  if (chars < RECLAIM_MIN_CHARS) return false;
  const gc = collector();
  if (!gc) return false;
  gc();
  return true;
}
