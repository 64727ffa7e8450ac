/**
 * VS Code workspace trust. In Restricted Mode API Lens still reads and explains the open documents, but the
 * server reads no other file from disk: imports, schema includes and $refs to other files are not followed
 * (they are reported as unresolved). What it limits is said in the output channel; when the user grants
 * trust, the server is told and re-analyses with the workspace's files.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Must match WORKSPACE_TRUST_NOTIFICATION in server/src/lsp/adapter.ts. */
export const WORKSPACE_TRUST_NOTIFICATION = 'apiLens/workspaceTrust';

export const RESTRICTED_NOTE =
  'Restricted Mode (untrusted workspace): API Lens explains the open documents but reads no other file from disk; ' +
  'imports, schema includes and $refs to other files are not followed and show as unresolved. Trust the workspace to follow them.';

/** Merged into the client's initializationOptions: the server starts in the matching mode. */
export function trustInitializationOptions(): { workspaceTrusted: boolean } {
  return { workspaceTrusted: vscode.workspace.isTrusted };
}

/** The Restricted Mode note (for a tooltip), or undefined in a trusted workspace. */
export function restrictedNote(): string | undefined {
  return vscode.workspace.isTrusted ? undefined : RESTRICTED_NOTE;
}

/** Says what is limited, and lifts the limit on the server when trust is granted. */
export function watchWorkspaceTrust(client: LanguageClient, output: vscode.OutputChannel): vscode.Disposable {
  if (!vscode.workspace.isTrusted) output.appendLine(RESTRICTED_NOTE);
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    output.appendLine('Workspace trusted: API Lens now follows imports and $refs to files in the workspace.');
    void client.sendNotification(WORKSPACE_TRUST_NOTIFICATION, { trusted: true });
  });
}
