/**
 * The VS Code client: starts the API Lens language server over IPC, and owns what only VS Code has
 * (output channel, status bar item, commands, the comparison webview). Thin by design: all
 * knowledge lives in the server; this file asks it through LSP.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerStatusBar } from './statusBar';
import { trustInitializationOptions, watchWorkspaceTrust } from './workspaceTrust';

let client: LanguageClient | undefined;

export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'wsdl' }, { scheme: 'file', language: 'xml' },
  { scheme: 'file', language: 'yaml' }, { scheme: 'file', language: 'json' }, { scheme: 'file', language: 'jsonc' },
  { scheme: 'untitled', language: 'wsdl' }, { scheme: 'untitled', language: 'yaml' }, { scheme: 'untitled', language: 'json' },
];

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient | undefined }> {
  const output = vscode.window.createOutputChannel('API Lens', { log: true });
  context.subscriptions.push(output);
  context.subscriptions.push(registerCommands(context, output, () => client, DOCUMENT_SELECTOR));
  if (!vscode.workspace.getConfiguration('apiLens').get<boolean>('enable', true)) {
    output.appendLine('API Lens is disabled (apiLens.enable is false).');
    return { client: undefined };
  }
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    initializationOptions: trustInitializationOptions(),
    synchronize: {
      configurationSection: 'apiLens',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{wsdl,xsd,xml,yaml,yml,json}'),
    },
  };
  client = new LanguageClient('apiLens', 'API Lens', serverOptions, clientOptions);
  await client.start();
  output.appendLine('API Lens language server started.');
  context.subscriptions.push(watchWorkspaceTrust(client, output));
  context.subscriptions.push(registerStatusBar(() => client, DOCUMENT_SELECTOR));
  return { client };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
