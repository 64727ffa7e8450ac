/** Entry point of the language server: `node dist/server.js --stdio` (any LSP client) or --node-ipc (VS Code). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/adapter';

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('api-lens language server: start it with --stdio (or --node-ipc from VS Code).\n');
  process.exit(2);
}
startServer(createConnection(ProposedFeatures.all));
