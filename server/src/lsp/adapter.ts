/**
 * The LSP adapter: the only module that knows LSP. It wires a connection to the language service:
 * document sync, debounced diagnostics, features, settings, and the custom `apiLens/describe`
 * request. Any exception in a feature is logged and answered with an empty result.
 */
import * as path from 'path';
import {
  DidChangeConfigurationNotification, FileChangeType, TextDocumentSyncKind,
  type CancellationToken, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SCHEDULER_OPTIONS, DiagnosticScheduler } from './diagnosticScheduler';
import { reclaimAfterDrop, reclaimIfOverBudget } from './memory';
import { normaliseSettings } from '../rules/settings';
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

export function startServer(connection: Connection, docsDir = path.join(__dirname, '..', 'docs', 'rules')): void {
  const log = (m: string) => connection.console.log(`[api-lens] ${m}`);
  const service = new LanguageService({ docsDir, log });
  /** Open documents and their editor versions (the text lives in the service's workspace). */
  const docs = new Map<string, number>();
  let hasConfigurationPull = false;

  const guard = <T>(name: string, fallback: T, token: CancellationToken | undefined, run: () => T): T => {
    if (token?.isCancellationRequested) return fallback;
    try {
      return run();
    } catch (e) {
      log(`${name} failed: ${(e as Error)?.stack ?? e}`);
      return fallback;
    }
  };

  const publish = (uri: string) => {
    const version = docs.get(uri);
    if (version === undefined) return;
    const rebuilt = service.analysedChars(uri) === 0;
    const diagnostics = guard('diagnostics', [], undefined, () => service.diagnostics(uri).map(toLspDiagnostic));
    // The version lets clients drop diagnostics for a text they no longer show.
    void connection.sendDiagnostics({ uri, version, diagnostics });
    // After a large (re)analysis, once the diagnostics are out: collect the previous analysis an incremental
    // dialect kept and the analysis' temporaries when memory is above budget, so garbage does not pile up.
    if (rebuilt) setImmediate(() => reclaimIfOverBudget(service.analysedChars(uri)));
  };
  const scheduler = new DiagnosticScheduler(publish, { ...DEFAULT_SCHEDULER_OPTIONS, onError: (e) => log(`publishing diagnostics failed: ${(e as Error)?.stack ?? e}`) });
  const republishDependents = (uri: string) => {
    for (const other of service.dependents(uri)) if (docs.has(other)) scheduler.later(other, DEPENDENT_DELAY_MS);
  };

  const pullSettings = async () => {
    if (!hasConfigurationPull) return;
    try {
      const cfg = await connection.workspace.getConfiguration('apiLens');
      service.setSettings(normaliseSettings(cfg));
      for (const uri of docs.keys()) scheduler.later(uri, 0);
    } catch (e) {
      log(`reading settings failed: ${e}`);
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    hasConfigurationPull = !!params.capabilities.workspace?.configuration;
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    service.workspace.setRoots(roots);
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) service.setSettings(normaliseSettings(init.settings));
    // VS Code workspace trust (client/src/workspaceTrust.ts): untrusted = open documents only, no disk reads.
    service.workspace.trusted = (init as { workspaceTrusted?: boolean } | undefined)?.workspaceTrusted !== false;
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
      service.setSettings(normaliseSettings((p.settings as { apiLens: unknown }).apiLens));
      for (const uri of docs.keys()) scheduler.later(uri, 0);
    }
  });

  connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (p: { trusted?: boolean }) => {
    service.workspace.trusted = p?.trusted !== false;
    service.setSettings(service.getSettings()); // drops every analysis made under the other trust
    for (const uri of docs.keys()) scheduler.later(uri, 0);
  });

  connection.onDidOpenTextDocument(({ textDocument: t }) => {
    docs.set(t.uri, t.version);
    service.open(t.uri, t.text, t.version);
    scheduler.opened(t.uri);
    republishDependents(t.uri);
  });

  connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
    if (!docs.has(t.uri)) return;
    const dropping = service.analysedChars(t.uri);
    // Incremental changes go to the service as ranges: it updates its line index instead of rebuilding it.
    service.edit(t.uri, contentChanges.map((c) => ('range' in c ? { range: c.range, text: c.text } : { text: c.text })), t.version);
    docs.set(t.uri, t.version);
    // A dialect that re-analyses incrementally keeps the old analysis: nothing was freed, skip the collection.
    if (!service.keepsPrevious(t.uri)) reclaimAfterDrop(dropping);
    scheduler.changed(t.uri);
    republishDependents(t.uri);
  });

  connection.onDidCloseTextDocument(({ textDocument: t }) => {
    docs.delete(t.uri);
    scheduler.forget(t.uri);
    const dependents = service.dependents(t.uri);
    const dropping = service.analysedChars(t.uri);
    service.close(t.uri);
    reclaimAfterDrop(dropping);
    void connection.sendDiagnostics({ uri: t.uri, diagnostics: [] });
    for (const other of dependents) if (docs.has(other)) scheduler.later(other, DEPENDENT_DELAY_MS);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const c of changes) {
      if (c.type !== FileChangeType.Changed || !docs.has(c.uri)) service.fileChanged(c.uri);
      republishDependents(c.uri);
    }
  });

  // Hover, symbols and folding are asked for the document on screen: its diagnostics go first.
  connection.onHover((p, token) => { scheduler.touch(p.textDocument.uri); return guard('hover', null, token, () => toLspHover(service.hover(p.textDocument.uri, p.position))); });
  connection.onDocumentSymbol((p, token) => { scheduler.touch(p.textDocument.uri); return guard('symbols', [], token, () => toLspSymbols(service.symbols(p.textDocument.uri))); });
  connection.onDefinition((p, token) => guard('definition', [], token, () => service.definition(p.textDocument.uri, p.position)));
  connection.onReferences((p, token) =>
    guard('references', [], token, () => service.references(p.textDocument.uri, p.position, p.context.includeDeclaration)));
  connection.onFoldingRanges((p, token) => { scheduler.touch(p.textDocument.uri); return guard('folding', [], token, () => toLspFolding(service.folding(p.textDocument.uri))); });
  connection.onCompletion((p, token) => guard('completion', [], token, () => toLspCompletion(service.completion(p.textDocument.uri, p.position))));
  connection.onCodeAction((p, token) =>
    guard('codeAction', [], token, () =>
      toLspCodeActions(service.codeActions(p.textDocument.uri, p.context.diagnostics.map(fromLspDiagnostic)), p.context.diagnostics)));
  connection.onRequest(DESCRIBE_REQUEST, (p: { uri: string }, token) => guard('describe', null, token, () => service.describe(p.uri)));
  connection.onRequest(COMPARE_REQUEST, (p: { left: string; right: string }, token) => guard('compare', null, token, () => {
    const left = service.describe(p.left);
    const right = service.describe(p.right);
    return left && right ? compareSummaries(left, right) : null;
  }));

  connection.listen();
}
