// Runs the extension-host suite (e2e/exthost/suite.js) inside code-server, the way @vscode/test-electron
// runs it in desktop VS Code: the workbench is opened with a payload naming extensionDevelopmentPath and
// extensionTestsPath (honoured because code-server runs with --vscode-option enable-smoke-test-driver),
// and calls window.codeAutomationExit(code) once the suite's run() settles.
// env: CS_URL, WS (folder to open), EXT (extension folder = repo root), TESTS (suite module), PW_DIR
import { createRequire } from 'module';
import * as path from 'path';

const { CS_URL, WS, EXT, TESTS, PW_DIR } = process.env;
const { chromium } = createRequire(path.join(PW_DIR, 'package.json'))('playwright-core');
const host = new URL(CS_URL).host;
const payload = [['extensionDevelopmentPath', `vscode-remote://${host}${EXT}`],
                 ['extensionTestsPath', `vscode-remote://${host}${TESTS}`]];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage();
// the extension host's console is forwarded to the page; keep our lines and errors
page.on('console', (m) => { if (/PASS:|FAIL:|SKIP:|suite|Error/.test(m.text())) console.log('[ext host]', m.text().replace(/^%c\s*\S+\s+color:\s*\S+\s*/, '').slice(0, 400)); });
const done = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
const code = await Promise.race([done, new Promise((r) => setTimeout(() => r('timeout after 240 s'), 240000))]);
console.log('extension host exit code:', code);
await browser.close();
process.exit(code === 0 ? 0 : 1);
