/**
 * Messages between the LSP thread (lsp/analysisPool.ts) and an analysis worker (lsp/analysisWorker.ts).
 * Plain data (structured clone): the worker returns the language service's own results, the LSP thread
 * converts them to LSP types. No LSP import here, so the worker bundle does not carry the LSP library.
 */
import type { LensSettings } from '../rules/settings';
import type { TextChange } from '../service/languageService';

/** What a worker can be asked to compute; each is one LanguageService method of the same name. */
export type Feature =
  | 'diagnostics' | 'hover' | 'symbols' | 'definition' | 'references' | 'folding' | 'completion' | 'codeActions' | 'describe';

export interface Job {
  t: 'job';
  id: number;
  uri: string;
  feature: Feature;
  /** The method's arguments after the URI. */
  args: unknown[];
  /** Diagnostics only: the version they are for; a newer version makes the job stale (dropped, not run). */
  version?: number;
  /** Date.now() after which nobody waits for the answer any more (0: no deadline): the job is dropped, not run. */
  deadline: number;
}

export type ToWorker =
  | { t: 'config'; roots: string[]; trusted: boolean; settings: LensSettings }
  /** `analyse`: a large document homed in this worker, analysed as soon as nothing else waits (its diagnostics job follows). */
  | { t: 'open'; uri: string; text: string; version: number; analyse?: boolean }
  | { t: 'edit'; uri: string; changes: TextChange[]; version: number }
  | { t: 'close'; uri: string }
  | { t: 'fileChanged'; uri: string }
  /** The LSP thread answered job `id` already (client cancel, deadline): do not start it. */
  | { t: 'cancel'; id: number }
  | Job;

export type FromWorker =
  /** The worker started job `id` (on `uri`): if the worker dies now, this document is the suspect. */
  | { t: 'started'; id: number; uri: string }
  /** `dependencies`: diagnostics only, the URIs the document's analysis read (imports, $ref'd files). */
  | { t: 'done'; id: number; result: unknown; dependencies?: string[] }
  /** Not run: superseded by a newer version, cancelled, or past its deadline. */
  | { t: 'dropped'; id: number }
  | { t: 'log'; message: string };

/** workerData of an analysis worker: the folder of docs/rules pages its diagnostics link to. */
export interface WorkerData {
  docsDir: string;
  /** Analyse small built-in samples once at start, so the first real analysis does not run cold code. */
  warmUp?: boolean;
}
