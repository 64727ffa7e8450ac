// A minimal LSP client for the benchmark: starts any language server over stdio (ours, yaml-language-server)
// the way an editor does, and times requests and diagnostics. Plain JS so the bench does not depend on the
// test build; test/support/lspClient.ts stays the client of the tests.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

export class BenchLspClient {
  /**
   * @param {string[]} argv node arguments (script first), e.g. ['dist/server.js', '--stdio']
   * @param {{ settings?: object, rootUri?: string, execArgv?: string[] }} opts
   */
  static async start(argv, opts = {}) {
    const t0 = performance.now();
    const proc = spawn(process.execPath, [...(opts.execArgv ?? []), ...argv], { stdio: ['pipe', 'pipe', 'pipe'] });
    const c = new BenchLspClient(proc, opts);
    c.initializeResult = await c.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: opts.rootUri ?? null,
      workspaceFolders: opts.rootUri ? [{ uri: opts.rootUri, name: 'root' }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { versionSupport: true },
          synchronization: { didSave: false },
        },
      },
      initializationOptions: opts.initializationOptions,
    });
    await c.connection.sendNotification('initialized', {});
    c.startMs = performance.now() - t0;
    if (opts.didChangeConfiguration) await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: opts.didChangeConfiguration });
    return c;
  }

  constructor(proc, opts) {
    this.process = proc;
    this.stderr = '';
    this.waiters = [];
    this.published = new Map();
    proc.stderr.on('data', (d) => { this.stderr += String(d); if (this.stderr.length > 100000) this.stderr = this.stderr.slice(-50000); });
    this.connection = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p) => {
      const at = performance.now();
      this.published.set(p.uri, p);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i];
        if (w.uri === p.uri && (w.minVersion === undefined || p.version === undefined || p.version >= w.minVersion)) {
          this.waiters.splice(i, 1);
          w.resolve({ at, diagnostics: p.diagnostics });
        }
      }
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('telemetry/event', () => undefined);
    this.connection.onRequest('workspace/configuration', (p) => p.items.map((it) => pick(opts.settings ?? {}, it.section)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('$/progress', () => undefined);
    this.connection.onRequest(/** any custom request */ 'custom/schemaRequest', () => null);
    this.connection.listen();
  }

  /** Next diagnostics for `uri` (with version >= minVersion when the server sends versions). */
  nextDiagnostics(uri, timeoutMs, minVersion) {
    return new Promise((resolve, reject) => {
      const w = { uri, minVersion, resolve: (r) => { clearTimeout(timer); resolve(r); } };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(w);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(w);
    });
  }

  /** Milliseconds from sending didOpen to the first diagnostics for it. */
  async openToDiagnostics(uri, languageId, text, timeoutMs) {
    const wait = this.nextDiagnostics(uri, timeoutMs);
    const t0 = performance.now();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const r = await wait;
    return { ms: r.at - t0, diagnostics: r.diagnostics };
  }

  /** Milliseconds from a didChange to the next diagnostics (the editor's view of "edit to new diagnostics"). */
  async editToDiagnostics(uri, version, changes, timeoutMs) {
    const wait = this.nextDiagnostics(uri, timeoutMs, version);
    const t0 = performance.now();
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    const r = await wait;
    return { ms: r.at - t0, diagnostics: r.diagnostics };
  }

  /** Round-trip of one request in milliseconds, and its result. */
  async timed(method, params) {
    const t0 = performance.now();
    const result = await this.connection.sendRequest(method, params);
    return { ms: performance.now() - t0, result };
  }

  /** CPU time used so far by the server process (all threads, user + system), in ms; null where /proc is missing. */
  cpuMs() { return readCpuMs(this.process.pid); }

  /** Peak resident set of the server process (VmHWM), in MiB; null where /proc is missing. */
  peakRssMiB() { return readHwm(this.process.pid); }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await this.connection.sendNotification('exit');
    } catch { /* gone already */ }
    this.connection.dispose();
    await new Promise((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const t = setTimeout(() => { this.process.kill('SIGKILL'); resolve(); }, 3000);
      this.process.once('exit', () => { clearTimeout(t); resolve(); });
    });
  }
}

/** utime + stime of a process from /proc/<pid>/stat (clock ticks of 10 ms), in ms. */
export function readCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch { return null; }
}

export function readHwm(pid) {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch { return null; }
}

function pick(settings, section) {
  if (!section) return settings;
  let v = settings;
  for (const k of section.split('.')) { if (v == null || typeof v !== 'object') return null; v = v[k]; }
  return v ?? null;
}
