/**
 * Drives the built language server over LSP with one fuzz case at a time, as an editor would:
 * open (or type into) a document, ask for hover, symbols, definition, folding and completion, wait for
 * diagnostics, close. Every answer is timed against the budget; a dead or silent server is a finding.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspTestClient } from '../support/lspClient';
import { FIXTURES } from '../support/fixtures';
import type { Mutation, TextEdit } from './mutators';
import type { Random } from './random';

/** Any single request must answer within this (the promise to users). */
export const BUDGET_MS = 2000;
/** Beyond this a request is a hang: the server is restarted. */
export const HANG_MS = 15000;
/** Diagnostics are debounced by the adapter; the budget runs from the end of that delay. */
const DIAGNOSTIC_SLACK_MS = 300;

export type FindingKind = 'crash' | 'hang' | 'slow' | 'feature-error' | 'stderr';

export interface Finding { kind: FindingKind; detail: string; ms?: number }

export interface CaseResult {
  requests: number;
  changes: number;
  findings: Finding[];
  maxMs: number;
  /** True when the server had to be restarted after this case. */
  restarted: boolean;
}

interface Pos { line: number; character: number }

function positionAt(text: string, offset: number): Pos {
  let line = 0, last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; last = i; }
  return { line, character: offset - last - 1 };
}

export class FuzzSession {
  private client!: LspTestClient;
  /** Resolves when the server process exits: a pending request then fails at once instead of hanging. */
  private exited!: Promise<string>;
  private logs: string[] = [];
  private stderrSeen = 0;
  maxRssKb = 0;
  restarts = 0;

  /** `budgetMs`: an answer slower than this is a 'slow' finding (the suite allows for a loaded machine). */
  constructor(private readonly rootUri: string | undefined, private readonly budgetMs = BUDGET_MS) {}

  /** Documents of every kind kept open beside the fuzzed one, as in a real workspace (cross-document features see them). */
  private neighbours: { uri: string; text: string }[] = [];

  async start(): Promise<void> {
    this.client = await LspTestClient.start({ rootUri: this.rootUri, onLog: (m) => this.logs.push(m) });
    const proc = this.client.process;
    this.exited = new Promise((resolve) => proc.once('exit', () => resolve('exited')));
    this.stderrSeen = 0;
    const dir = path.join(FIXTURES, 'examples');
    this.neighbours = fs.existsSync(dir) ? fs.readdirSync(dir).sort().map((f) => ({ uri: pathToFileURL(path.join(dir, f)).toString(), text: fs.readFileSync(path.join(dir, f), 'utf8') })) : [];
    for (const n of this.neighbours) await this.client.open(n.uri, n.text);
  }

  async stop(): Promise<void> { await this.client?.stop(); }

  private alive(): boolean { return this.client.process.exitCode === null && this.client.process.signalCode === null; }

  private sampleRss(): void {
    try {
      const status = fs.readFileSync(`/proc/${this.client.process.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      if (kb > this.maxRssKb) this.maxRssKb = kb;
    } catch { /* not Linux, or gone */ }
  }

  /** Runs one case; never throws. */
  async run(uri: string, m: Mutation, r: Random): Promise<CaseResult> {
    const res: CaseResult = { requests: 0, changes: 0, findings: [], maxMs: 0, restarted: false };
    this.logs = [];
    let hung = false;
    const timed = async (name: string, send: () => Promise<unknown>): Promise<void> => {
      if (hung || !this.alive()) return;
      res.requests++;
      const t0 = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        // ServerCancelled (-32802): the document's analysis did not finish within the server's deadline. That is
        // the server keeping its promise to answer in time, not a failure; the time still counts below.
        send().then(() => 'ok', (e) => ((e as { code?: number })?.code === -32802 ? 'ok' : `error: ${(e as Error)?.message ?? e}`)),
        new Promise<string>((resolve) => { timer = setTimeout(() => resolve('hang'), HANG_MS); }),
        this.exited,
      ]);
      clearTimeout(timer);
      const ms = performance.now() - t0;
      res.maxMs = Math.max(res.maxMs, ms);
      if (outcome === 'exited') return;
      if (outcome === 'hang') { hung = true; res.findings.push({ kind: 'hang', detail: `${name} gave no answer within ${HANG_MS} ms`, ms }); return; }
      if (!this.alive()) return;
      if (outcome !== 'ok') res.findings.push({ kind: 'feature-error', detail: `${name}: ${outcome}`, ms });
      else if (ms > this.budgetMs) res.findings.push({ kind: 'slow', detail: `${name} took ${Math.round(ms)} ms`, ms });
    };

    let text = m.text;
    const features = async (final: boolean) => {
      const at = () => positionAt(text, r.int(text.length + 1));
      const doc = { uri };
      await timed('hover', () => this.client.request('textDocument/hover', { textDocument: doc, position: at() }));
      await timed('documentSymbol', () => this.client.request('textDocument/documentSymbol', { textDocument: doc }));
      if (!final) return;
      await timed('hover', () => this.client.request('textDocument/hover', { textDocument: doc, position: at() }));
      await timed('definition', () => this.client.request('textDocument/definition', { textDocument: doc, position: at() }));
      await timed('definition', () => this.client.request('textDocument/definition', { textDocument: doc, position: at() }));
      await timed('foldingRange', () => this.client.request('textDocument/foldingRange', { textDocument: doc }));
      await timed('completion', () => this.client.request('textDocument/completion', { textDocument: doc, position: at() }));
      await timed('references', () => this.client.request('textDocument/references', { textDocument: doc, position: at(), context: { includeDeclaration: true } }));
      // The other open documents are still served, and see the fuzzed one.
      if (this.neighbours.length) {
        const n = this.neighbours[r.int(this.neighbours.length)];
        const lines = n.text.split('\n');
        const position = { line: r.int(lines.length), character: 0 };
        position.character = r.int(lines[position.line].length + 1);
        await timed('hover (other document)', () => this.client.request('textDocument/hover', { textDocument: { uri: n.uri }, position }));
        await timed('references (other document)', () => this.client.request('textDocument/references', { textDocument: { uri: n.uri }, position, context: { includeDeclaration: true } }));
      }
    };

    try {
      const edits: TextEdit[] = m.kind === 'typing' ? m.edits : [];
      let diags = edits.length ? undefined : this.client.waitForDiagnostics(uri, HANG_MS);
      diags?.catch(() => undefined);
      const tOpen = performance.now();
      await this.client.open(uri, text, undefined, 1);
      let version = 1;
      for (let i = 0; i < edits.length && this.alive() && !hung; i++) {
        const e = edits[i];
        const range = { start: positionAt(text, e.start), end: positionAt(text, e.end) };
        text = text.slice(0, e.start) + e.text + text.slice(e.end);
        if (i === edits.length - 1) { diags = this.client.waitForDiagnostics(uri, HANG_MS); diags.catch(() => undefined); }
        await this.client.change(uri, ++version, [{ range, text: e.text }]);
        res.changes++;
        // An editor asks for hover and symbols while the user types; the answers must keep up.
        if (i % 7 === 6) await features(false);
      }
      const tLast = performance.now();
      await features(true);
      if (this.alive() && !hung && diags) {
        res.requests++;
        try {
          if (await Promise.race([diags, this.exited]) === 'exited') throw new Error('exited');
          const ms = performance.now() - (edits.length ? tLast : tOpen) - (edits.length ? 120 : 0);
          res.maxMs = Math.max(res.maxMs, ms);
          if (ms > this.budgetMs + DIAGNOSTIC_SLACK_MS) res.findings.push({ kind: 'slow', detail: `diagnostics took ${Math.round(ms)} ms`, ms });
        } catch {
          if (this.alive()) { hung = true; res.findings.push({ kind: 'hang', detail: `no diagnostics within ${HANG_MS} ms` }); }
        }
      }
      this.sampleRss();
      if (this.alive() && !hung) await this.client.close(uri);
    } catch (e) {
      if (this.alive()) res.findings.push({ kind: 'feature-error', detail: `driver: ${(e as Error)?.message ?? e}` });
    }

    if (!this.alive()) {
      res.findings.push({ kind: 'crash', detail: `server exited (code ${this.client.process.exitCode}, signal ${this.client.process.signalCode}); stderr: ${this.client.stderr.slice(-2000)}` });
    }
    for (const l of this.logs) if (/failed|error|exception/i.test(l)) res.findings.push({ kind: 'feature-error', detail: l.slice(0, 4000) });
    if (this.client.stderr.length > this.stderrSeen) {
      const s = this.client.stderr.slice(this.stderrSeen);
      this.stderrSeen = this.client.stderr.length;
      if (s.trim()) res.findings.push({ kind: 'stderr', detail: s.slice(0, 4000) });
    }
    if (hung || !this.alive()) {
      res.restarted = true;
      this.restarts++;
      this.client.process.kill('SIGKILL');
      await this.stop().catch(() => undefined);
      await this.start();
    }
    return res;
  }
}
