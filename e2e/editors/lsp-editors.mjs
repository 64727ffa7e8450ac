// Neovim and Emacs (eglot) end-to-end checks, configured exactly as README.md tells users: the README's
// Lua / Elisp snippet is extracted, its /path/to/api-lens replaced by this checkout, and loaded as the
// editor's config. The editor script (e2e/nvim/collect.lua, e2e/emacs/collect.el) asks for the hovers and
// reads the diagnostics; this file compares what the editor got with e2e/expectations.json.
// usage: node e2e/editors/lsp-editors.mjs nvim|emacs   (env: E2E_RUN = scratch folder)
import { createRequire } from 'module';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const require = createRequire(import.meta.url);
const { ROOT, load, plainText, reporter } = require('../lib/expectations.js');
const editor = process.argv[2];
const RUN = process.env.E2E_RUN || fs.mkdtempSync('/tmp/api-lens-editors-');
fs.mkdirSync(RUN, { recursive: true });
const r = reporter(editor === 'nvim' ? 'neovim' : 'emacs');

/** The first fenced block of `lang` after the README line that starts with `heading`. */
function readmeSnippet(heading, lang) {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(heading);
  if (at < 0) throw new Error(`README.md has no "${heading}"`);
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(readme.slice(at));
  if (!m) throw new Error(`README.md has no \`\`\`${lang} block after "${heading}"`);
  if (!m[1].includes('/path/to/api-lens/dist/server.js')) throw new Error(`README's ${lang} snippet does not name /path/to/api-lens/dist/server.js`);
  return m[1].replaceAll('/path/to/api-lens', ROOT);
}

/** Runs the editor in its own process group (it starts the server as a child) and kills the group after. */
function runEditor(args, env, timeoutMs = 60000) {
  return new Promise((resolve) => {
    const child = spawn(args[0], args.slice(1), { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    const timer = setTimeout(() => { out += `\n(killed after ${timeoutMs} ms)`; try { process.kill(-child.pid, 'SIGKILL'); } catch {} }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* group already gone */ }
      resolve({ code, out });
    });
  });
}

let config;
let emacsMajor = 0;
if (editor === 'nvim') {
  const version = await runEditor(['nvim', '--version'], {});
  const [, maj, min] = /NVIM v(\d+)\.(\d+)/.exec(version.out) || [];
  const old = Number(maj) === 0 && Number(min) < 8;
  config = path.join(RUN, 'init.lua');
  fs.writeFileSync(config, (old ? fs.readFileSync(path.join(ROOT, 'e2e/nvim/shim-nvim07.lua'), 'utf8') : '') +
    readmeSnippet('**Neovim', 'lua'));
  console.log(`neovim ${version.out.split('\n')[0]}${old ? ' (README targets 0.8+: 0.8 API stand-ins from e2e/nvim/shim-nvim07.lua prepended)' : ''}`);
} else {
  const version = await runEditor(['emacs', '--version'], {});
  emacsMajor = Number((/GNU Emacs (\d+)/.exec(version.out) || [])[1]);
  config = path.join(RUN, 'api-lens.el');
  fs.writeFileSync(config, readmeSnippet('**Emacs', 'elisp'));
}

for (const doc of load()) {
  if (editor === 'emacs' && emacsMajor < 29 && doc.file.endsWith('.json')) {
    // Emacs 28 visits .json in js-mode, which the README's snippet leaves out (it would start the server for
    // every JavaScript file); Emacs 29+ has js-json-mode, which the snippet lists.
    r.skip(`${doc.name}: Emacs ${emacsMajor} opens .json in js-mode, not listed by the README snippet (Emacs 29+: js-json-mode)`);
    continue;
  }
  const out = path.join(RUN, `${editor}-${doc.name}.json`);
  const reqFile = path.join(RUN, `${editor}-${doc.name}.request.json`);
  const expected = doc.diagnostics.filter((d) => !d.missing.length);
  fs.writeFileSync(reqFile, JSON.stringify({ out, hovers: doc.hovers.map(({ line, character }) => ({ line, character })), minDiagnostics: expected.length }));
  fs.rmSync(out, { force: true });
  const args = editor === 'nvim'
    ? ['nvim', '--headless', '--clean', '-u', config, '-c', `luafile ${path.join(ROOT, 'e2e/nvim/collect.lua')}`, doc.abs]
    : ['emacs', '--batch', '-q', '-l', config, '-l', path.join(ROOT, 'e2e/emacs/collect.el'), doc.abs];
  const t = Date.now();
  const run = await runEditor(args, { API_LENS_E2E_REQUEST: reqFile });
  let got;
  try { got = JSON.parse(fs.readFileSync(out, 'utf8')); } catch { got = { error: `no result file; exit ${run.code}; output:\n${run.out.slice(-1500)}` }; }
  if (got.error) { r.fail(`${doc.name}: ${got.error}`); continue; }
  console.log(`${doc.name}: ${got.editor}${got.mode ? `, ${got.mode}` : ''}; server attached after ${got.attached_ms} ms, done after ${got.ms} ms (process ${Date.now() - t} ms)`);
  for (const h of doc.hovers) {
    const what = `hover on ${doc.name} ${h.name} (${h.line + 1}:${h.character + 1})`;
    if (h.missing.length) { r.skipMissing(what, h.missing); continue; }
    const text = plainText((got.hovers || []).find((x) => x.line === h.line && x.character === h.character)?.text ?? '');
    if (new RegExp(h.expect).test(text)) r.pass(`${what} matches /${h.expect}/: ${JSON.stringify(text.split('\n')[0].slice(0, 100))}`);
    else r.fail(`${what} does not match /${h.expect}/: ${JSON.stringify(text.slice(0, 300))}`);
  }
  // Neovim keeps each diagnostic's code; flymake shows only messages, so for Emacs the codes are checked on
  // what eglot received and the position on what flymake shows.
  const shown = (got.received || got.diagnostics || []).map((d) => `${d.code ?? '?'}@${d.line + 1}:${d.character + 1}`);
  for (const d of doc.diagnostics) {
    const what = `diagnostic ${d.code} in ${doc.name} at ${d.line + 1}:${d.character + 1}`;
    if (d.missing.length) { r.skipMissing(what, d.missing); continue; }
    const at = (x) => x.line === d.line && x.character === d.character;
    const ok = editor === 'nvim'
      ? (got.diagnostics || []).some((x) => at(x) && x.code === d.code)
      : (got.received || []).some((x) => at(x) && x.code === d.code) && (got.diagnostics || []).some(at);
    if (ok) r.pass(`${what} shown`);
    else r.fail(`${what} not shown; editor has ${JSON.stringify(shown)}${got.received ? `, received ${JSON.stringify(got.received.map((x) => `${x.code}@${x.line + 1}:${x.character + 1}`))}` : ''}`);
  }
  if (!doc.diagnostics.length) console.log(`${doc.name}: diagnostics read: ${JSON.stringify(shown)}`);
}
console.log(`${editor}: ${r.counts.pass} passed, ${r.counts.fail} failed, ${r.counts.skip} skipped`);
process.exit(r.counts.fail ? 1 : 0);
