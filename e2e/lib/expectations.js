// Loads e2e/expectations.json and resolves each `at` text to a 0-based LSP position in its fixture.
// CommonJS so that both the ESM drivers and the extension-host suite (loaded with require) can use it.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test-fixtures');

/** Position of `at` (plus `offset` UTF-16 units) in `text`; throws when `at` is missing or not unique. */
function positionOf(text, at, offset = 0, file = '') {
  const i = text.indexOf(at);
  if (i < 0 || text.indexOf(at, i + 1) >= 0) throw new Error(`"${at}" must occur exactly once in ${file}`);
  const before = text.slice(0, i + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** True when client/src registers the command id (its quoted id appears in a .ts file there). */
function clientRegisters(command) {
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  return walk(path.join(ROOT, 'client', 'src'))
    .some((f) => f.endsWith('.ts') && /registerCommand\(/.test(fs.readFileSync(f, 'utf8')) &&
      fs.readFileSync(f, 'utf8').includes(`'${command}'`));
}

/** True when the built CLI (dist/cli.js) describes the fixture, i.e. its dialect has a summary. */
const described = new Map();
function cliDescribes(file) {
  if (!described.has(file)) {
    // ELECTRON_RUN_AS_NODE: inside desktop VS Code's extension host, execPath is Electron
    const r = require('child_process').spawnSync(process.execPath,
      [path.join(ROOT, 'dist', 'cli.js'), 'describe', path.join(FIXTURES, file)],
      { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    described.set(file, r.status === 0);
  }
  return described.get(file);
}

/** The `needs` not met yet: repository paths (relative to the root) that do not exist, "command:<id>"
 *  entries whose command client/src does not register, "describe:<fixture>" entries the CLI cannot describe. */
function missing(needs = []) {
  const met = (p) => (p.startsWith('command:') ? clientRegisters(p.slice(8))
    : p.startsWith('describe:') ? cliDescribes(p.slice(9)) : fs.existsSync(path.join(ROOT, p)));
  const say = (p) => (p.startsWith('command:') ? `a registration of ${p.slice(8)} in client/src`
    : p.startsWith('describe:') ? `a summary of ${p.slice(9)}: \`api-lens describe\` fails on it` : p);
  return needs.filter((p) => !met(p)).map(say);
}

function load() {
  const spec = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'expectations.json'), 'utf8'));
  return spec.documents.map((d) => {
    const abs = path.join(FIXTURES, d.file);
    const text = fs.readFileSync(abs, 'utf8');
    return {
      ...d,
      abs,
      name: path.basename(d.file),
      hovers: (d.hovers || []).map((h) => ({ ...h, ...positionOf(text, h.at, h.offset || 0, d.file), missing: missing(h.needs) })),
      diagnostics: (d.diagnostics || []).map((x) => ({
        ...x, ...positionOf(text, x.at, x.offset || 0, d.file),
        missing: missing([...(x.needs || []), `docs/rules/${x.code}.md`]),
      })),
      statusBar: d.statusBar && { ...d.statusBar, missing: missing(d.statusBar.needs) },
      compare: d.compare && { ...d.compare, missing: missing(d.compare.needs) },
    };
  });
}

/** Collects PASS / FAIL / SKIP lines; appends them to $API_LENS_E2E_RESULTS when set (run.sh counts them). */
function reporter(prefix) {
  const counts = { pass: 0, fail: 0, skip: 0 };
  const write = (kind, msg) => {
    counts[kind]++;
    const line = `${kind.toUpperCase()}: [${prefix}] ${msg}`;
    console.log(line);
    if (process.env.API_LENS_E2E_RESULTS) fs.appendFileSync(process.env.API_LENS_E2E_RESULTS, line + '\n');
  };
  return {
    counts,
    pass: (m) => write('pass', m),
    fail: (m) => write('fail', m),
    skip: (m) => write('skip', m),
    skipMissing: (what, miss) => write('skip', `${what}: not implemented yet (missing ${miss.join(', ')})`),
  };
}

/** Hover Markdown as a reader sees it (what code-server renders): backslash escapes, emphasis and code
 *  marks removed, so that one expectation fits the UI text and the raw LSP Markdown alike. */
function plainText(md) {
  return String(md).replace(/\\([\\`*_{}\[\]()#+\-.!|<>~])/g, '$1').replace(/\*\*|`/g, '');
}

module.exports = { ROOT, FIXTURES, load, positionOf, missing, clientRegisters, plainText, reporter };
