/**
 * client/src/workspaceTrust.ts with a stand-in for the `vscode` module (only the workspace-trust API it
 * uses): the server starts in the matching mode, Restricted Mode says what it limits in the output
 * channel, and granting trust tells the server.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import Module = require('module');

interface FakeWorkspace { isTrusted: boolean; grant?: () => void }
const fake: FakeWorkspace = { isTrusted: false };
const vscodeStub = {
  workspace: {
    get isTrusted() { return fake.isTrusted; },
    onDidGrantWorkspaceTrust(listener: () => void) { fake.grant = listener; return { dispose() { fake.grant = undefined; } }; },
  },
};

// Resolve `vscode` to the stand-in for the module under test only.
const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
const originalLoad = loader._load;
loader._load = function (request: string, parent: unknown, isMain: boolean) {
  return request === 'vscode' ? vscodeStub : originalLoad.call(this, request, parent, isMain);
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const trust = require('../../../client/src/workspaceTrust') as typeof import('../../../client/src/workspaceTrust');
loader._load = originalLoad;

function fakes() {
  const lines: string[] = [];
  const sent: [string, unknown][] = [];
  const output = { appendLine: (l: string) => lines.push(l) } as unknown as import('vscode').OutputChannel;
  const client = { sendNotification: async (m: string, p: unknown) => { sent.push([m, p]); } } as unknown as import('vscode-languageclient/node').LanguageClient;
  return { lines, sent, output, client };
}

test('Restricted Mode: the server starts untrusted, the output channel says what is limited, a grant lifts it', () => {
  fake.isTrusted = false;
  assert.deepEqual(trust.trustInitializationOptions(), { workspaceTrusted: false });
  assert.equal(trust.restrictedNote(), trust.RESTRICTED_NOTE);
  const { lines, sent, output, client } = fakes();
  const sub = trust.watchWorkspaceTrust(client, output);
  assert.deepEqual(lines, [trust.RESTRICTED_NOTE]);
  assert.match(trust.RESTRICTED_NOTE, /reads no other file from disk/);
  fake.isTrusted = true;
  fake.grant!();
  assert.deepEqual(sent, [['apiLens/workspaceTrust', { trusted: true }]]);
  assert.match(lines[1], /Workspace trusted/);
  sub.dispose();
});

test('a trusted workspace: nothing to say, the server starts trusted', () => {
  fake.isTrusted = true;
  assert.deepEqual(trust.trustInitializationOptions(), { workspaceTrusted: true });
  assert.equal(trust.restrictedNote(), undefined);
  const { lines, output, client } = fakes();
  trust.watchWorkspaceTrust(client, output).dispose();
  assert.deepEqual(lines, []);
});

test('the notification name matches the server', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const adapter = require('../../../server/src/lsp/adapter') as typeof import('../../../server/src/lsp/adapter');
  assert.equal(trust.WORKSPACE_TRUST_NOTIFICATION, adapter.WORKSPACE_TRUST_NOTIFICATION);
});
