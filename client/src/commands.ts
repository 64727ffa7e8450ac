/**
 * The palette commands: Compare API and Web Service (comparison/panel.ts), Show Output, Restart
 * Language Server. Registered before the server starts, so they exist even when it is disabled.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerComparison } from './comparison/panel';

export function registerCommands(
  context: vscode.ExtensionContext, output: vscode.OutputChannel, client: () => LanguageClient | undefined,
  documentSelector: vscode.DocumentSelector,
): vscode.Disposable {
  return vscode.Disposable.from(
    registerComparison(context, client, documentSelector),
    vscode.commands.registerCommand('apiLens.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('apiLens.restartServer', async () => {
      const c = client();
      if (!c) {
        void vscode.window.showInformationMessage('The API Lens language server is not running (apiLens.enable is false); enable it and reload the window.');
        return;
      }
      output.appendLine('Restarting the API Lens language server…');
      await c.restart();
      output.appendLine('API Lens language server restarted.');
    }),
  );
}
