/**
 * A small LSP client over stdio for tests, the benchmark and the fuzzer: it starts the built server
 * (`node dist/server.js --stdio`) as an editor would and speaks the protocol through vscode-jsonrpc.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type ProtocolConnection, type PublishDiagnosticsParams, type Diagnostic, type InitializeResult,
} from 'vscode-languageserver-protocol/node';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');

export interface StartOptions {
  rootUri?: string;
  settings?: unknown;
  /** Extra node flags, e.g. --max-old-space-size. */
  execArgv?: string[];
  /** Capture the server's window/logMessage output. */
  onLog?: (message: string) => void;
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
}

export class LspTestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** The document version each URI's last diagnostics were computed for (undefined when the server sent none). */
  readonly diagnosticVersions = new Map<string, number | undefined>();
  /** Every publication, in order of arrival. */
  readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: { uri: string; resolve: (d: Diagnostic[]) => void; predicate: (d: Diagnostic[]) => boolean }[] = [];
  initializeResult?: InitializeResult;
  stderr = '';

  private constructor(proc: ChildProcess, private readonly opts: StartOptions) {
    this.process = proc;
    proc.stderr!.on('data', (d) => { this.stderr += String(d); });
    this.connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.diagnostics.set(p.uri, p.diagnostics);
      this.diagnosticVersions.set(p.uri, p.version);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i];
        if (w.uri === p.uri && w.predicate(p.diagnostics)) { this.waiters.splice(i, 1); w.resolve(p.diagnostics); }
      }
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => opts.onLog?.(p.message));
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => opts.settings ?? {}));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  static async start(opts: StartOptions = {}): Promise<LspTestClient> {
    const proc = spawn(process.execPath, [...(opts.execArgv ?? []), SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: opts.env ? { ...process.env, ...opts.env } : process.env });
    const client = new LspTestClient(proc, opts);
    client.initializeResult = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: opts.rootUri ?? null,
      workspaceFolders: opts.rootUri ? [{ uri: opts.rootUri, name: 'root' }] : null,
      capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] } } },
      initializationOptions: opts.settings ? { settings: opts.settings } : undefined,
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  open(uri: string, text: string, languageId = guessLanguage(uri), version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy `predicate` (default: any). */
  waitForDiagnostics(uri: string, timeoutMs = 10000, predicate: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.findIndex((w) => w.resolve === done);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (d: Diagnostic[]) => { clearTimeout(timer); resolve(d); };
      this.waiters.push({ uri, resolve: done, predicate });
    });
  }

  /**
   * The hover's Markdown. Asked again when the server answers ServerCancelled (-32802: the document's analysis
   * was not done within the server's deadline), as an editor does on the next mouse move; use request() to see it.
   */
  async hover(uri: string, line: number, character: number): Promise<string | null> {
    for (;;) {
      try {
        const h = await this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }) as { contents: { value: string } } | null;
        return h ? h.contents.value : null;
      } catch (e) {
        if ((e as { code?: number })?.code !== -32802) throw e;
      }
    }
  }

  request<T = unknown>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch { /* already gone */ }
    this.connection.dispose();
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const t = setTimeout(() => { this.process.kill('SIGKILL'); resolve(); }, 2000);
      this.process.once('exit', () => { clearTimeout(t); resolve(); });
    });
  }
}

export function guessLanguage(uri: string): string {
  if (/\.wsdl$/i.test(uri)) return 'wsdl';
  if (/\.(xml|xsd)$/i.test(uri)) return 'xml';
  if (/\.ya?ml$/i.test(uri)) return 'yaml';
  return 'json';
}
