/**
 * The LSP adapter: the only module that knows LSP. It wires a connection to the analysis workers
 * (lsp/analysisPool.ts), which run the language service: document sync, scheduled diagnostics, features,
 * settings, and the custom `apiLens/describe` request. This thread never analyses: it reads messages, keeps
 * the document mirror, decides when diagnostics are due and answers every request within REQUEST_DEADLINE_MS
 * (the result, or ServerCancelled when the document's analysis is not done by then). A feature that fails
 * is logged and answers empty.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  DidChangeConfigurationNotification, FileChangeType, LSPErrorCodes, ResponseError, TextDocumentSyncKind,
  type CancellationToken, type Connection, type Diagnostic, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { DEFAULT_SCHEDULER_OPTIONS, DiagnosticScheduler } from './diagnosticScheduler';
import { AnalysisPool, type Config } from './analysisPool';
import { reclaimAfterDrop } from './memory';
import type { Feature } from './workerProtocol';
import { DEFAULT_SETTINGS, effectiveSeverity, normaliseSettings, type LensSettings } from '../rules/settings';
import { RULE_ANALYSIS_FAILED } from '../rules/registry';
import type { CodeActionResult, CompletionResult, DocumentSymbolResult, FoldingRangeResult, HoverResult, LensDiagnostic, Location } from '../core/types';
import type { DocumentSummary } from '../analysis/summary';
import {
  fromLspDiagnostic, toLspCodeActions, toLspCompletion, toLspDiagnostic, toLspFolding, toLspHover, toLspSymbols,
} from './convert';

export const DESCRIBE_REQUEST = 'apiLens/describe';
/** Client -> server: `{ trusted: boolean }` when VS Code workspace trust is granted (see client/src/workspaceTrust.ts). */
export const WORKSPACE_TRUST_NOTIFICATION = 'apiLens/workspaceTrust';
/** {left, right} (document URIs) -> Comparison (analysis/compare.ts) | null when either is not ours. */
export const COMPARE_REQUEST = 'apiLens/compare';
import { compareSummaries } from '../analysis/compare';
import { VERSION } from '../core/version';

/** Delay before re-publishing documents that depend on a changed one (imports, $refs to other files). */
const DEPENDENT_DELAY_MS = 120;
/**
 * A request not answered by then gets ServerCancelled: issue #8 asks for an answer within 2 s. The clock starts
 * when the handler runs, after this thread has read the messages before it: a 30 MB didOpen just ahead takes
 * ~0.5 s to parse on a loaded machine (measured: 1981 ms from the client's side with 1.5 s here), so half of
 * the 2 s is left for that and the transport. Only a document whose analysis is not done waits this long (the
 * first analysis of a large one, or one queued behind it in the same worker).
 */
export const REQUEST_DEADLINE_MS = 1000;
/** Diagnostics whose worker died are asked again after this (the pool gives a document up after two deaths). */
const CRASH_RETRY_MS = 250;

export interface ServerOptions {
  /** Folder of docs/rules/<code>.md (diagnostics link there). */
  docsDir?: string;
  /** The analysis worker script; by default dist/analysisWorker.js beside this bundle. */
  workerScript?: string;
}

export function startServer(connection: Connection, opts: ServerOptions = {}): void {
  const docsDir = opts.docsDir ?? path.join(__dirname, '..', 'docs', 'rules');
  const log = (m: string) => connection.console.log(`[api-lens] ${m}`);
  let settings: LensSettings = DEFAULT_SETTINGS;
  let roots: string[] = [];
  let trusted = true;
  const config = (): Config => ({ roots, trusted, settings });
  let hasConfigurationPull = false;

  // A lower worker heap limit (MiB) makes a worker's death by memory reproducible in tests.
  const heapMb = Number(process.env.API_LENS_WORKER_HEAP_MB) || undefined;
  const pool = new AnalysisPool({
    script: opts.workerScript ?? path.join(__dirname, 'analysisWorker.js'), docsDir, log, ...(heapMb ? { heapMb } : {}),
    onGivenUp: (uri) => publishGivenUp(uri),
    onRehomed: (uri) => scheduler.later(uri, 0),
    onLinked: (uri) => scheduler.later(uri, DEPENDENT_DELAY_MS),
  });
  const docs = pool.mirror;

  /** Generation of the last diagnostics job per document: an older job's answer is never published. */
  const asked = new Map<string, number>();
  const publish = (uri: string) => {
    const version = docs.version(uri);
    if (version === undefined) return;
    if (pool.isGivenUp(uri)) return publishGivenUp(uri);
    const generation = (asked.get(uri) ?? 0) + 1;
    asked.set(uri, generation);
    void pool.run<LensDiagnostic[]>(uri, 'diagnostics', [], { version }).then((o) => {
      // Superseded: a newer version, or a newer job for this one (settings, a dependency changed) is coming.
      if (asked.get(uri) !== generation || docs.version(uri) !== version) return;
      if (o.ok) {
        let diagnostics: Diagnostic[] = [];
        try { diagnostics = (o.value ?? []).map(toLspDiagnostic); } catch (e) { log(`diagnostics failed: ${(e as Error)?.stack ?? e}`); }
        // The version lets clients drop diagnostics for a text they no longer show.
        void connection.sendDiagnostics({ uri, version, diagnostics });
      } else if (o.why === 'crashed') scheduler.later(uri, CRASH_RETRY_MS);
      else if (o.why === 'given-up') publishGivenUp(uri);
    });
  };
  const publishGivenUp = (uri: string) => {
    const version = docs.version(uri);
    if (version === undefined) return;
    const severity = effectiveSeverity(settings, RULE_ANALYSIS_FAILED.code);
    const diagnostics = severity === 'off' ? [] : [toLspDiagnostic({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, code: RULE_ANALYSIS_FAILED.code, source: 'api-lens',
      message: 'API Lens stopped analysing this document: its analysis failed twice (out of memory or a fatal error; details in the API Lens output). Edit the document to try again.',
      codeDescription: { href: pathToFileURL(path.join(docsDir, `${RULE_ANALYSIS_FAILED.code}.md`)).toString() },
    })];
    void connection.sendDiagnostics({ uri, version, diagnostics });
  };
  const scheduler = new DiagnosticScheduler(publish, { ...DEFAULT_SCHEDULER_OPTIONS, onError: (e) => log(`publishing diagnostics failed: ${(e as Error)?.stack ?? e}`) });
  const republishDependents = (uri: string) => {
    for (const other of pool.dependents(uri)) scheduler.later(other, DEPENDENT_DELAY_MS);
  };
  const reconfigure = () => {
    if (!pool.configure(config())) return; // the same settings: every analysis stands
    for (const uri of docs.uris()) scheduler.later(uri, 0);
  };

  /**
   * Runs a feature in the document's worker: its result converted, `fallback` when it has none or failed,
   * ServerCancelled past the deadline, RequestCancelled when the client cancelled.
   */
  const ask = async <R, L>(name: string, uri: string, feature: Feature, args: unknown[], fallback: L, token: CancellationToken | undefined, convert: (r: R) => L): Promise<L> => {
    const o = await pool.run<R>(uri, feature, args, { deadlineMs: REQUEST_DEADLINE_MS, token });
    if (o.ok) {
      try {
        return o.value === undefined || o.value === null ? fallback : convert(o.value);
      } catch (e) {
        log(`${name} failed: ${(e as Error)?.stack ?? e}`);
        return fallback;
      }
    }
    if (o.why === 'deadline') throw new ResponseError(LSPErrorCodes.ServerCancelled, `API Lens: ${name} was not answered within ${REQUEST_DEADLINE_MS} ms: ${uri} is still being analysed`);
    if (o.why === 'cancelled') throw new ResponseError(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
    return fallback; // the worker died, or the document is given up: nothing to say
  };

  const pullSettings = async () => {
    if (!hasConfigurationPull) return;
    try {
      const cfg = await connection.workspace.getConfiguration('apiLens');
      settings = normaliseSettings(cfg);
      reconfigure();
    } catch (e) {
      log(`reading settings failed: ${e}`);
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    hasConfigurationPull = !!params.capabilities.workspace?.configuration;
    roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const init = params.initializationOptions as { settings?: unknown; workspaceTrusted?: boolean } | undefined;
    if (init?.settings) settings = normaliseSettings(init.settings);
    // VS Code workspace trust (client/src/workspaceTrust.ts): untrusted = open documents only, no disk reads.
    trusted = init?.workspaceTrusted !== false;
    pool.start(config()); // the light worker loads while the client finishes initializing
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        foldingRangeProvider: true,
        completionProvider: { triggerCharacters: ['#', '/', '"', "'", ':'] },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
      },
      serverInfo: { name: 'api-lens', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (hasConfigurationPull) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
      void pullSettings();
    }
  });

  connection.onDidChangeConfiguration((p) => {
    if (hasConfigurationPull) void pullSettings();
    else if (p.settings && typeof p.settings === 'object' && 'apiLens' in (p.settings as object)) {
      settings = normaliseSettings((p.settings as { apiLens: unknown }).apiLens);
      reconfigure();
    }
  });

  connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (p: { trusted?: boolean }) => {
    trusted = p?.trusted !== false;
    reconfigure(); // the workers drop every analysis made under the other trust
  });

  connection.onDidOpenTextDocument(({ textDocument: t }) => {
    pool.open(t.uri, t.text, t.version);
    // Reading a large didOpen left its message (buffers, the decoded JSON: twice the text) as garbage on this
    // thread, whose heap is otherwise small: a collection now costs ~10 ms and gives it back before the analysis peaks.
    // (Only the length is kept: a closure holding the message would keep its text alive through that collection.)
    const chars = t.text.length;
    setImmediate(() => reclaimAfterDrop(chars));
    scheduler.opened(t.uri);
    republishDependents(t.uri);
  });

  connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
    // Incremental changes go to the workers as ranges: each updates its line index instead of rebuilding it.
    if (!pool.edit(t.uri, contentChanges.map((c) => ('range' in c ? { range: c.range, text: c.text } : { text: c.text })), t.version)) return;
    scheduler.changed(t.uri);
    republishDependents(t.uri);
  });

  connection.onDidCloseTextDocument(({ textDocument: t }) => {
    const dependents = pool.dependents(t.uri);
    pool.close(t.uri);
    scheduler.forget(t.uri);
    asked.delete(t.uri);
    void connection.sendDiagnostics({ uri: t.uri, diagnostics: [] });
    for (const other of dependents) scheduler.later(other, DEPENDENT_DELAY_MS);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const c of changes) {
      if (c.type !== FileChangeType.Changed || !docs.has(c.uri)) pool.fileChanged(c.uri);
      republishDependents(c.uri);
    }
  });

  // Hover, symbols and folding are asked for the document on screen: its diagnostics go first.
  connection.onHover((p, token) => {
    scheduler.touch(p.textDocument.uri);
    return ask('hover', p.textDocument.uri, 'hover', [p.position], null, token, (r: HoverResult) => toLspHover(r));
  });
  connection.onDocumentSymbol((p, token) => {
    scheduler.touch(p.textDocument.uri);
    return ask('symbols', p.textDocument.uri, 'symbols', [], [], token, (r: DocumentSymbolResult[]) => toLspSymbols(r));
  });
  connection.onDefinition((p, token) => ask('definition', p.textDocument.uri, 'definition', [p.position], [], token, (r: Location[]) => r));
  connection.onReferences((p, token) =>
    ask('references', p.textDocument.uri, 'references', [p.position, p.context.includeDeclaration], [], token, (r: Location[]) => r));
  connection.onFoldingRanges((p, token) => {
    scheduler.touch(p.textDocument.uri);
    return ask('folding', p.textDocument.uri, 'folding', [], [], token, (r: FoldingRangeResult[]) => toLspFolding(r));
  });
  connection.onCompletion((p, token) => ask('completion', p.textDocument.uri, 'completion', [p.position], [], token, (r: CompletionResult[]) => toLspCompletion(r)));
  connection.onCodeAction((p, token) =>
    ask('codeAction', p.textDocument.uri, 'codeActions', [p.context.diagnostics.map(fromLspDiagnostic)], [], token,
      (r: CodeActionResult[]) => toLspCodeActions(r, p.context.diagnostics)));
  connection.onRequest(DESCRIBE_REQUEST, (p: { uri: string }, token) =>
    ask('describe', p.uri, 'describe', [], null, token, (r: DocumentSummary) => r));
  connection.onRequest(COMPARE_REQUEST, async (p: { left: string; right: string }, token) => {
    const [left, right] = await Promise.all([
      ask('compare', p.left, 'describe', [], null, token, (r: DocumentSummary) => r),
      ask('compare', p.right, 'describe', [], null, token, (r: DocumentSummary) => r),
    ]);
    try {
      return left && right ? compareSummaries(left, right) : null;
    } catch (e) {
      log(`compare failed: ${(e as Error)?.stack ?? e}`);
      return null;
    }
  });
  connection.onShutdown(() => pool.stop());

  connection.listen();
}
