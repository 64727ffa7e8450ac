/** Entry point of the language server: `node dist/server.js --stdio` (any LSP client) or --node-ipc (VS Code). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/adapter';

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('api-lens language server: start it with --stdio (or --node-ipc from VS Code).\n');
  process.exit(2);
}
const connection = createConnection(ProposedFeatures.all);
// A bug outside the guarded features must not take the server down with the user's editor session:
// it is logged to the output channel and the server keeps serving.
let reporting = false;
const report = (what: string, e: unknown) => {
  if (reporting) return; // the log itself failed (e.g. the client is gone): do not loop
  reporting = true;
  try { connection.console.error(`[api-lens] ${what}: ${(e as Error)?.stack ?? e}`); } catch { /* nowhere to log */ } finally { reporting = false; }
};
process.on('uncaughtException', (e) => report('uncaught exception', e));
process.on('unhandledRejection', (e) => report('unhandled rejection', e));
startServer(connection);
