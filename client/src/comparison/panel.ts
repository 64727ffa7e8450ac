/**
 * The comparison webview ("API Lens: Compare API and Web Service"): asks the server (apiLens/describe,
 * apiLens/compare) and renders with render.ts. One panel at a time; it follows the active document in
 * single mode, re-renders when a shown document changes, and reveals source ranges on request.
 */
import * as crypto from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DocumentSummary } from '../../../server/src/analysis/summary';
import type { Comparison } from '../../../server/src/analysis/compare';
import { renderComparison, type ViewModel } from './render';

export const DESCRIBE_REQUEST = 'apiLens/describe';
export const COMPARE_REQUEST = 'apiLens/compare';
const REFRESH_DELAY_MS = 300;
/** LSP ServerCancelled: the server's deadline passed while a large document is still being analysed. */
const SERVER_CANCELLED = -32802;

type Message =
  | { type: 'reveal'; uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }
  | { type: 'pickOther' } | { type: 'single' } | { type: 'openSpec'; url: string };

function label(uri: string): string {
  const u = vscode.Uri.parse(uri);
  return vscode.workspace.asRelativePath(u, false) || path.basename(u.path);
}

export class ComparisonPanel implements vscode.Disposable {
  private static current: ComparisonPanel | undefined;
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private left: string;
  private right: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;

  static show(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, uri: string, right?: string): ComparisonPanel {
    if (ComparisonPanel.current) {
      ComparisonPanel.current.setDocuments(uri, right);
      ComparisonPanel.current.panel.reveal(undefined, true);
      return ComparisonPanel.current;
    }
    ComparisonPanel.current = new ComparisonPanel(context, client, uri, right);
    return ComparisonPanel.current;
  }

  private constructor(private readonly context: vscode.ExtensionContext, private readonly client: () => LanguageClient | undefined, left: string, right?: string) {
    this.left = left;
    this.right = right;
    const media = vscode.Uri.joinPath(context.extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel('apiLens.compare', 'API Lens: Compare', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true, localResourceRoots: [media], enableFindWidget: true,
    });
    this.panel.onDidDispose(() => this.dispose(), null, this.disposables);
    this.panel.webview.onDidReceiveMessage((m: Message) => void this.onMessage(m), null, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => {
      const u = e.document.uri.toString();
      if (u === this.left || u === this.right) this.schedule();
    }, null, this.disposables);
    vscode.window.onDidChangeActiveTextEditor((ed) => {
      // Follow the active document in single mode; ignore focus moving to the panel itself (no editor).
      const u = ed?.document.uri.toString();
      if (!u || this.right || u === this.left || !vscode.languages.match(selector(), ed!.document)) return;
      void this.describe(u).then((s) => { if (s && !this.right) { this.left = u; void this.refresh(); } });
    }, null, this.disposables);
    void this.refresh();
  }

  setDocuments(left: string, right?: string): void {
    this.left = left;
    this.right = right;
    void this.refresh();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, REFRESH_DELAY_MS);
  }

  /** Set by ask() when the server answered ServerCancelled: the view says so and asks again shortly. */
  private busy = false;

  private async ask<T>(method: string, params: unknown): Promise<T | null> {
    const c = this.client();
    if (!c) return null;
    try { return await c.sendRequest<T | null>(method, params); } catch (e) {
      if ((e as { code?: number })?.code === SERVER_CANCELLED) this.busy = true;
      return null;
    }
  }

  private describe(uri: string): Promise<DocumentSummary | null> { return this.ask<DocumentSummary>(DESCRIBE_REQUEST, { uri }); }

  private async refresh(): Promise<void> {
    const gen = ++this.generation;
    this.busy = false;
    let vm: ViewModel;
    const c = this.client();
    if (!c) vm = { mode: 'empty', message: 'The API Lens language server is not running (see API Lens: Show Output).' };
    else if (this.right) {
      const cmp = await this.ask<Comparison>(COMPARE_REQUEST, { left: this.left, right: this.right });
      vm = cmp
        ? { mode: 'pair', comparison: cmp, leftLabel: label(this.left), rightLabel: label(this.right) }
        : { mode: 'empty', message: `One of ${label(this.left)} and ${label(this.right)} is not a WSDL, Swagger or OpenAPI document API Lens understands.` };
    } else {
      const s = await this.describe(this.left);
      vm = s
        ? { mode: 'single', summary: s, label: label(this.left), canCompare: true }
        : { mode: 'empty', message: `${label(this.left)} is not a WSDL, Swagger or OpenAPI document API Lens understands.` };
    }
    if (gen !== this.generation) return; // a newer refresh started meanwhile
    if (this.busy) {
      vm = { mode: 'empty', message: 'API Lens is still analysing this document (a large one takes a second or two); this view fills in when it is done.' };
      this.schedule();
    }
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    this.panel.title = vm.mode === 'pair' ? `API Lens: ${vm.leftLabel} ↔ ${vm.rightLabel}` : vm.mode === 'single' ? `API Lens: ${vm.label}` : 'API Lens: Compare';
    webview.html = renderComparison({
      cspSource: webview.cspSource,
      nonce: crypto.randomBytes(16).toString('base64'),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'comparison.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'comparison.js')).toString(),
    }, vm);
  }

  private async onMessage(m: Message): Promise<void> {
    if (m.type === 'reveal') {
      const uri = vscode.Uri.parse(m.uri);
      const range = new vscode.Range(m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character);
      const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === m.uri);
      const editor = await vscode.window.showTextDocument(uri, { viewColumn: open?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
      // Select the range with the cursor at its start, so the start is what the editor (and the status bar) shows.
      editor.selection = new vscode.Selection(range.end, range.start);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } else if (m.type === 'single') {
      this.right = undefined;
      await this.refresh();
    } else if (m.type === 'pickOther') {
      const other = await pickDocument(this.client, this.left);
      if (other) { this.right = other; await this.refresh(); }
    } else if (m.type === 'openSpec') {
      // Only spec links we rendered: https URLs (and the one http XML-RPC spec page).
      if (/^https?:\/\/[^\s]+$/.test(m.url)) await vscode.env.openExternal(vscode.Uri.parse(m.url));
    }
  }

  dispose(): void {
    if (ComparisonPanel.current === this) ComparisonPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

let selectorValue: vscode.DocumentSelector = [];
/** The client's document selector (set once by registerComparison). */
function selector(): vscode.DocumentSelector { return selectorValue; }

/** Offers the other open documents API Lens understands. */
async function pickDocument(client: () => LanguageClient | undefined, exclude: string): Promise<string | undefined> {
  const c = client();
  if (!c) return undefined;
  const candidates: { label: string; description: string; uri: string }[] = [];
  for (const d of vscode.workspace.textDocuments) {
    const u = d.uri.toString();
    if (u === exclude || !vscode.languages.match(selector(), d)) continue;
    let s: DocumentSummary | null = null;
    try { s = await c.sendRequest<DocumentSummary | null>(DESCRIBE_REQUEST, { uri: u }); } catch { s = null; }
    if (s) candidates.push({ label: label(u), description: s.headline, uri: u });
  }
  if (!candidates.length) {
    void vscode.window.showInformationMessage('Open another WSDL, Swagger or OpenAPI document to compare with (for example the OpenAPI description of the same service).');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(candidates, { placeHolder: 'Compare with which document?' });
  return pick?.uri;
}

/** Registers apiLens.compare. Arguments (for tests and other extensions): [leftUri?, rightUri?] as strings or Uris. */
export function registerComparison(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, documentSelector: vscode.DocumentSelector): vscode.Disposable {
  selectorValue = documentSelector;
  return vscode.commands.registerCommand('apiLens.compare', async (left?: vscode.Uri | string, right?: vscode.Uri | string) => {
    const l = left?.toString() ?? vscode.window.activeTextEditor?.document.uri.toString();
    if (!l) {
      void vscode.window.showInformationMessage('Open a WSDL, Swagger or OpenAPI document first, then run API Lens: Compare API and Web Service.');
      return;
    }
    ComparisonPanel.show(context, client, l, right?.toString());
  });
}
