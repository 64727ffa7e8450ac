// Drives code-server (a real VS Code workbench) in Debian's chromium through playwright-core and checks
// what a user sees: hovers, the Problems panel, the status bar item, the comparison view from the command
// palette. Expectations come from e2e/expectations.json. A screenshot is saved after every step.
// env: CS_URL (http://127.0.0.1:PORT), WS (folder to open), SHOTS (screenshot folder), PW_DIR (where
//      playwright-core is installed), CHROMIUM (default /usr/bin/chromium)
import { createRequire } from 'module';
import * as path from 'path';
import * as fs from 'fs';

const require = createRequire(import.meta.url);
const { load, reporter } = require('../lib/expectations.js');
const { CS_URL, WS, SHOTS, PW_DIR } = process.env;
const { chromium } = createRequire(path.join(PW_DIR, 'package.json'))('playwright-core');

const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const r = reporter('code-server UI');
const docs = load();
fs.mkdirSync(SHOTS, { recursive: true });
let shotNo = 0;
const shot = async (name) => {
  const file = path.join(SHOTS, `${String(++shotNo).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
  await page.screenshot({ path: file });
  log('screenshot', file);
};
const re = (s) => new RegExp(s);
const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

const quickInput = page.locator('.quick-input-widget input');
/** Opens the quick input (F1 = command palette) and types `text`; ">" commands, ":" go to line, else files. */
async function quickOpen(text, rowText) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await quickInput.waitFor({ state: 'visible', timeout: 10000 });
  await quickInput.fill(text);
  if (rowText) await page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first().waitFor({ timeout: 20000 });
  else await sleep(300);
  await page.keyboard.press('Enter');
}

async function openFile(doc) {
  await quickOpen(doc.file, doc.name);   // the relative path: other fixtures have similar names
  // data-resource-name: the comparison view's tab also names the document in its label
  await page.locator(`.tabs-container .tab.active[data-resource-name="${doc.name}"]`).first().waitFor({ timeout: 20000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 20000 });
}

/** Cursor to the 0-based LSP position, then "Show or Focus Hover"; retried while the server starts. */
async function hoverAt(h, deadlineMs) {
  const want = re(h.expect);
  const hover = page.locator('.monaco-hover:not(.hidden)');
  let last = '';
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    await quickOpen(`:${h.line + 1}:${h.character + 1}`);
    await page.locator('.monaco-editor.focused').first().waitFor({ timeout: 5000 }).catch(() => {});
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    try {
      await hover.first().waitFor({ state: 'visible', timeout: 3000 });
      for (let i = 0; i < 10; i++) {
        last = (await hover.allInnerTexts()).join('\n');
        if (want.test(last)) return last;
        await sleep(300);
      }
    } catch { /* no hover yet */ }
  }
  throw new Error(`hover did not match /${h.expect}/; last hover text: ${JSON.stringify(last.slice(0, 400))}`);
}

async function run() {
  await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  log('workbench loaded');
  await shot('workbench');

  // 1. hovers, in each document (the first one waits for activation + server start)
  let first = true;
  for (const doc of docs) {
    await openFile(doc);
    log('opened', doc.file);
    for (const h of doc.hovers) {
      const what = `hover on ${doc.name} ${h.name} (${h.line + 1}:${h.character + 1})`;
      if (h.missing.length) { r.skipMissing(what, h.missing); continue; }
      try {
        const text = await hoverAt(h, first ? 90000 : 20000);
        r.pass(`${what} matches /${h.expect}/: ${JSON.stringify(text.split('\n')[0].slice(0, 120))}`);
      } catch (e) { r.fail(`${what}: ${e.message}`); }
      first = false;
      await shot(`hover-${doc.name}-${h.name}`);
      await page.keyboard.press('Escape');
    }
  }

  // 2. the Problems panel lists each expected diagnostic with its code (both documents are open)
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').first().waitFor({ timeout: 20000 });
  for (const doc of docs) {
    for (const d of doc.diagnostics) {
      const what = `Problems panel lists ${d.code} in ${doc.name} at Ln ${d.line + 1}, Col ${d.character + 1}`;
      if (d.missing.length) { r.skipMissing(what, d.missing); continue; }
      const row = page.locator('.markers-panel .monaco-list-row')
        .filter({ hasText: d.code }).filter({ hasText: `[Ln ${d.line + 1}, Col ${d.character + 1}]` }).first();
      try {
        await row.waitFor({ timeout: 20000 });
        r.pass(`${what}: ${JSON.stringify((await row.innerText()).replace(/\s+/g, ' ').slice(0, 160))}`);
      } catch {
        const rows = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
        r.fail(`${what}: not found; rows: ${JSON.stringify(rows)}`);
      }
    }
  }
  await shot('problems');

  // 3. the status bar item of each document, 4. the comparison view from the command palette
  for (const doc of docs) {
    await openFile(doc);
    if (doc.statusBar) {
      const what = `status bar item for ${doc.name} matches /${doc.statusBar.expect}/`;
      if (doc.statusBar.missing.length) r.skipMissing(what, doc.statusBar.missing);
      else {
        // entries created by this extension get DOM ids starting with its identifier (publisher.name)
        const item = page.locator('.statusbar-item[id^="api-lens.api-lens"]').filter({ hasText: re(doc.statusBar.expect) }).first();
        try {
          await item.waitFor({ timeout: 20000 });
          r.pass(`${what}: ${JSON.stringify(await item.innerText())}`);
        } catch {
          const items = await page.locator('.statusbar-item').evaluateAll((els) => els.map((e) => `${e.id}=${e.textContent.trim()}`));
          r.fail(`${what}: not found; status bar items: ${JSON.stringify(items)}`);
        }
      }
      await shot(`statusbar-${doc.name}`);
    }
    if (doc.compare) {
      const what = `"API Lens: Compare API and Web Service" shows ${doc.name}'s facts ${doc.compare.expect.map((e) => `/${e}/`).join(' ')}`;
      if (doc.compare.missing.length) { r.skipMissing(what, doc.compare.missing); continue; }
      try {
        await quickOpen('>API Lens: Compare API and Web Service', 'API Lens: Compare API and Web Service');
        const body = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame').locator('body');
        await body.waitFor({ timeout: 30000 });
        let text = '';
        for (let i = 0; i < 40; i++) {
          text = await body.innerText();
          if (doc.compare.expect.every((e) => re(e).test(text))) break;
          await sleep(250);
        }
        const miss = doc.compare.expect.filter((e) => !re(e).test(text));
        if (miss.length) r.fail(`${what}: missing ${miss.join(', ')} in ${JSON.stringify(text.slice(0, 400))}`);
        else r.pass(`${what}: ${JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 160))}`);
      } catch (e) { r.fail(`${what}: ${e.message.split('\n')[0]}`); }
      await shot(`compare-${doc.name}`);
    }
  }
}

try { await run(); }
catch (e) { r.fail(`driver error: ${e.stack || e}`); await shot('driver-error').catch(() => {}); }
finally { await browser.close(); }
log(`${r.counts.pass} passed, ${r.counts.fail} failed, ${r.counts.skip} skipped`);
process.exit(r.counts.fail ? 1 : 0);
