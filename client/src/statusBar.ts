/**
 * The status bar item: the active document's headline ("SOAP 1.2 · XML · document/literal",
 * "REST (level 2) · JSON · HTTPS"), the reasons in its tooltip, hidden for documents that are not ours.
 * Clicking it opens the comparison view. Refreshed on editor switch, edits (debounced) and settings.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DocumentSummary } from '../../server/src/analysis/summary';
import { DESCRIBE_REQUEST } from './comparison/panel';

const REFRESH_DELAY_MS = 400;
/** LSP ServerCancelled: the request was not answered within the server's deadline (a large document is being analysed). */
const SERVER_CANCELLED = -32802;
/** Asked again this long after a ServerCancelled. */
const RETRY_MS = 1000;

/** Tooltip Markdown: structure from us, every piece of document text through appendText (escaped). */
export function tooltipOf(s: DocumentSummary): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('**API Lens** — ');
  md.appendText(s.headline);
  md.appendMarkdown('\n\n');
  for (const f of s.styles.slice(0, 4)) {
    md.appendMarkdown('- **');
    md.appendText(f.value);
    md.appendMarkdown('**: ');
    md.appendText(f.reason);
    md.appendMarkdown('\n');
  }
  const line = (title: string, values: string[]) => {
    if (!values.length) return;
    md.appendMarkdown(`\n**${title}:** `);
    md.appendText(values.join(', '));
    md.appendMarkdown('\n');
  };
  line('Protocols', s.protocols.map((p) => p.value));
  line('Formats', s.formats.map((f) => f.value));
  md.appendMarkdown('\n\n$(preview) Click to compare this API with a web service.');
  return md;
}

export function registerStatusBar(client: () => LanguageClient | undefined, documentSelector: vscode.DocumentSelector): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('apiLens.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'API Lens';
  item.command = { title: 'Compare API and Web Service', command: 'apiLens.compare' };
  let timer: NodeJS.Timeout | undefined;
  let generation = 0;

  const update = async () => {
    const gen = ++generation;
    const editor = vscode.window.activeTextEditor;
    const enabled = vscode.workspace.getConfiguration('apiLens').get<boolean>('statusBar.enable', true);
    const c = client();
    if (!enabled || !editor || !c || !vscode.languages.match(documentSelector, editor.document)) { item.hide(); return; }
    let s: DocumentSummary | null = null;
    try {
      s = await c.sendRequest<DocumentSummary | null>(DESCRIBE_REQUEST, { uri: editor.document.uri.toString() });
    } catch (e) {
      // ServerCancelled: the server answers within its deadline while a large document is still being analysed.
      if (gen === generation && (e as { code?: number })?.code === SERVER_CANCELLED) { schedule(RETRY_MS); return; }
      s = null;
    }
    if (gen !== generation) return;
    if (!s) { item.hide(); return; }
    // "$(" would start an icon: the headline is ours, but keep it literal anyway.
    item.text = `$(telescope) ${s.headline.replace(/\$\(/g, '$\u200b(')}`;
    item.tooltip = tooltipOf(s);
    item.accessibilityInformation = { label: `API Lens: ${s.headline}. Activate to open the comparison view.`, role: 'button' };
    item.show();
  };
  const schedule = (delay = REFRESH_DELAY_MS) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { timer = undefined; void update(); }, delay);
  };

  const subs = [
    item,
    vscode.window.onDidChangeActiveTextEditor(() => schedule(0)),
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === vscode.window.activeTextEditor?.document) schedule(); }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('apiLens')) schedule(0); }),
    { dispose: () => { if (timer) clearTimeout(timer); } },
  ];
  // After a restart (API Lens: Restart Language Server) the item asks again once the server is back.
  const c = client();
  if (c) subs.push(c.onDidChangeState(() => schedule(0)));
  schedule(0);
  return vscode.Disposable.from(...subs);
}
