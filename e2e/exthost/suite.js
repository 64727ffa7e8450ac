// Extension-host test suite: runs INSIDE the VS Code extension host, with the real vscode API, under
// @vscode/test-electron (desktop VS Code, e2e/exthost/test-electron.mjs) or code-server's extension-tests
// mode (e2e/code-server/exthost.mjs). Both load this module as extensionTestsPath and await run();
// a rejection means failure. A tiny runner on node:assert, so no test framework is needed.
// The workspace must be test-fixtures/; expectations come from e2e/expectations.json.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { ROOT, load, plainText, reporter } = require('../lib/expectations.js');

const EXTENSION_ID = 'api-lens.api-lens';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const hoverText = (hovers) =>
  plainText((hovers || []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'));
const codeOf = (d) => (d.code && typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** Polls `probe` until `ok(value)` or the deadline; returns the last value. */
async function until(probe, ok, ms) {
  const end = Date.now() + ms;
  let v = await probe();
  while (!ok(v) && Date.now() < end) { await sleep(150); v = await probe(); }
  return v;
}

exports.run = async function run() {
  const r = reporter('extension host');
  const tests = [];
  const test = (name, fn) => tests.push({ name, fn });
  const docs = load();
  const uriOf = (doc) => vscode.Uri.file(doc.abs);
  let firstHover = true;

  test(`extension ${EXTENSION_ID} is installed and activates`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} not found`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriOf(docs[0])));
    await until(() => ext.isActive, Boolean, 20000);
    assert.ok(ext.isActive, 'not activated by opening a WSDL document');
  });

  test('every command declared in package.json is registered', async () => {
    const declared = require(`${ROOT}/package.json`).contributes.commands.map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(declared.filter((c) => !registered.has(c)), [], 'declared but not registered');
    return { detail: declared.join(', ') };
  });

  for (const doc of docs) {
    for (const h of doc.hovers) {
      test(`hover on ${doc.name} ${h.name} (${h.line + 1}:${h.character + 1}) matches /${h.expect}/`, async () => {
        if (h.missing.length) return { skip: h.missing };
        const uri = uriOf(doc);
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
        const pos = new vscode.Position(h.line, h.character);
        const text = await until(
          async () => hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos)),
          (t) => new RegExp(h.expect).test(t), firstHover ? 30000 : 10000);
        firstHover = false;
        assert.match(text, new RegExp(h.expect));
        return { detail: JSON.stringify(text.split('\n')[0].slice(0, 120)) };
      });
    }
    for (const d of doc.diagnostics) {
      test(`diagnostic ${d.code} in ${doc.name} starts at ${d.line + 1}:${d.character + 1}`, async () => {
        if (d.missing.length) return { skip: d.missing };
        const uri = uriOf(doc);
        await vscode.workspace.openTextDocument(uri);
        const match = (x) => codeOf(x) === d.code && x.range.start.line === d.line && x.range.start.character === d.character;
        const diags = await until(() => vscode.languages.getDiagnostics(uri), (ds) => ds.some(match), 15000);
        const found = diags.find(match);
        assert.ok(found, `not found; got ${JSON.stringify(diags.map((x) => `${codeOf(x)}@${x.range.start.line + 1}:${x.range.start.character + 1}`))}`);
        assert.strictEqual(found.source, 'api-lens');
        return { detail: JSON.stringify(found.message.slice(0, 120)) };
      });
    }
  }

  test('a YAML file that is not an API description gets no diagnostics and no hover', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n' });
    await vscode.window.showTextDocument(doc);
    await sleep(1500);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(doc.uri), []);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(1, 2));
    assert.strictEqual(hoverText(hovers), '');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  for (const doc of docs.filter((d) => d.compare)) {
    test(`command apiLens.compare opens the comparison view for ${doc.name}`, async () => {
      if (doc.compare.missing.length) return { skip: doc.compare.missing };
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriOf(doc)));
      await vscode.commands.executeCommand('apiLens.compare');
      const webviewTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && /apiLens|api-lens/i.test(t.input.viewType));
      const tab = await until(webviewTab, Boolean, 10000);
      assert.ok(tab, 'no API Lens webview tab opened');
      // the view's content is only visible in the UI (e2e/code-server/ui.mjs); here: its title names the document
      const titled = await until(() => webviewTab()?.label ?? '', (l) => l.includes(doc.name), 10000);
      assert.ok(titled.includes(doc.name), `webview tab "${titled}" does not name ${doc.name}`);
      return { detail: `tab "${titled}" (${tab.input.viewType})` };
    });
  }

  for (const command of ['apiLens.showOutput', 'apiLens.restartServer']) {
    test(`command ${command} runs`, async () => {
      assert.ok((await vscode.commands.getCommands(true)).includes(command), `${command} not registered`);
      await vscode.commands.executeCommand(command);
      if (command === 'apiLens.restartServer') {
        const h = docs[0].hovers[0];
        const uri = uriOf(docs[0]);
        const text = await until(
          async () => hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(h.line, h.character))),
          (t) => new RegExp(h.expect).test(t), 20000);
        assert.match(text, new RegExp(h.expect), 'no hover after the restart');
      }
    });
  }

  for (const t of tests) {
    try {
      const res = (await t.fn()) || {};
      if (res.skip) r.skipMissing(t.name, res.skip);
      else r.pass(t.name + (res.detail ? `: ${res.detail}` : ''));
    } catch (e) {
      r.fail(`${t.name}: ${String((e && e.message) || e).replace(/\s+/g, ' ').slice(0, 400)}`);
    }
  }
  const summary = `${r.counts.pass} passed, ${r.counts.fail} failed, ${r.counts.skip} skipped`;
  console.log(`extension host suite: ${summary}`);
  if (r.counts.fail) throw new Error(`extension host suite: ${summary}`);
};
