// `npm run bench`: a benchmark, not a test. It runs the built server (dist/server.js --stdio) as an editor
// would, on real large API descriptions, and prints one table per input next to the parse floors measured in
// this process and the peers run on the same files. See README "Performance" for what each figure means.
//   npm run bench                      all inputs, all peers (about 10 minutes on 2 cores)
//   npm run bench -- --quick           cuts + Stripe JSON + WSDL, no peers, fewer samples (under a minute)
//   npm run bench -- --no-peers        every input, API Lens and floors only
//   npm run bench -- --only stripe     inputs whose name contains "stripe"
//   options: --hovers N (200) --edits N (10 per kind) --edit-pause MS (1000, idle time before each timed edit)
//            --first-runs N (3: open -> first diagnostics is the median of N fresh servers)
//            --spectral-timeout S (180) --peer-timeout S (300)
//            --peers yls,redocly,spectral,swagger-parser (a subset) --json FILE
import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import * as os from 'node:os';
import { BenchLspClient } from './lsp.mjs';
import { CORPUS } from './paths.mjs';
import { prepareInputs, REPO, PEERS, OUT } from './inputs.mjs';
import { hoverPositions, definitionPositions, editPositions } from './positions.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const flag = (n) => args.includes(n);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 && i + 1 < args.length ? args[i + 1] : d; };
const QUICK = flag('--quick');
const PEERS_ON = !QUICK && !flag('--no-peers');
const PEER_SET = new Set((opt('--peers', 'yls,redocly,spectral,swagger-parser')).split(','));
const ONLY = opt('--only', '');
const HOVERS = Number(opt('--hovers', QUICK ? 60 : 200));
const EDITS = Number(opt('--edits', QUICK ? 4 : 10));
// A user reads the diagnostics before the next keystroke: each timed edit starts on an idle server, so samples
// are independent (the worker collects garbage when idle, lsp/memory.ts). The back-to-back row shows the other
// case: each edit sent the moment the previous one's diagnostics arrive.
const EDIT_PAUSE_MS = Number(opt('--edit-pause', 1000));
// One open is one sample of a figure that varies ±10% from run to run on this kind of machine: the figure is the
// median of FIRST_RUNS fresh servers (each opens the document right after \`initialized\`, as an editor does with
// its first file); the other figures come from the last of them.
const FIRST_RUNS = Math.max(1, Number(opt('--first-runs', QUICK ? 1 : 3)));
const SPECTRAL_TIMEOUT_S = Number(opt('--spectral-timeout', 180));
const PEER_TIMEOUT_S = Number(opt('--peer-timeout', 300));
const SERVER_JS = path.join(REPO, 'dist', 'server.js');
const CLI_JS = path.join(REPO, 'dist', 'cli.js');
const log = (m) => process.stderr.write(`${m}\n`);

const TARGETS = {
  start: 250, firstDiagJson: 1500, firstDiagYaml: 2000, firstDiagStripe: 600, firstDiagWsdl: 600,
  editMedian: 250, editP95: 500, editWsdl: 150, hoverMedian: 10, hoverP99: 50, memMiB: 500,
};

async function main() {
  if (!existsSync(SERVER_JS)) throw new Error('dist/server.js missing: npm run build');
  log(`api-lens bench: node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; preparing inputs...`);
  let inputs = prepareInputs({ quick: QUICK, log });
  if (ONLY) inputs = inputs.filter((i) => i.name.toLowerCase().includes(ONLY.toLowerCase()));
  const results = [];
  const md = [`# API Lens benchmark`, '', `${new Date().toISOString()} · node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · commit ${gitHead()} · load average at start ${os.loadavg()[0].toFixed(1)}`, `Command: \`npm run bench${args.length ? ' -- ' + args.join(' ') : ''}\``, ''];
  if (os.loadavg()[0] > os.cpus().length) log(`warning: load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores: wall times will be inflated; the server CPU figures are less affected`);
  for (const input of inputs) {
    const text = readFileSync(input.file, 'utf8');
    const sizeMB = Buffer.byteLength(text) / 2 ** 20;
    log(`\n== ${input.name}: ${sizeMB.toFixed(2)} MB (${path.relative(REPO, input.file)})`);
    const r = { input: input.name, file: input.file, sizeMB, ours: await runOurs(input, text), cli: await runOurCli(input), floors: floors(input, text), peers: {} };
    if (PEERS_ON && input.group === 'openapi') r.peers = await runPeers(input, text);
    results.push(r);
    const table = render(r, input);
    process.stdout.write(table + '\n');
    md.push(table);
  }
  md.push(`Load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min). Wall times on a loaded machine are inflated; "server CPU" is the server process's own CPU time (all threads) for the same interval.`);
  mkdirSync(path.join(REPO, 'bench-results'), { recursive: true });
  writeFileSync(path.join(REPO, 'bench-results', 'latest.md'), md.join('\n') + '\n');
  writeFileSync(opt('--json', path.join(REPO, 'bench-results', 'latest.json')), JSON.stringify({ args, date: new Date().toISOString(), commit: gitHead(), results }, null, 2));
  log(`\nwritten: bench-results/latest.md, bench-results/latest.json`);
}

// ---- API Lens over LSP ---------------------------------------------------------------------------------

async function runOurs(input, text) {
  const uri = pathToFileURL(input.file).toString();
  const firsts = [];
  for (let run = 1; run < FIRST_RUNS; run++) {
    const c = await BenchLspClient.start([SERVER_JS, '--stdio']);
    try {
      const cpu0 = c.cpuMs();
      const open = await c.openToDiagnostics(uri, input.languageId, text, 180000);
      firsts.push({ ms: open.ms, cpuMs: c.cpuMs() - cpu0, startMs: c.startMs });
    } finally { await c.stop(); }
  }
  const client = await BenchLspClient.start([SERVER_JS, '--stdio']);
  const out = { startMs: client.startMs, startCpuMs: client.cpuMs() };
  try {
    const cpu0 = client.cpuMs();
    const open = await client.openToDiagnostics(uri, input.languageId, text, 180000);
    firsts.push({ ms: open.ms, cpuMs: client.cpuMs() - cpu0, startMs: client.startMs });
    const byMs = [...firsts].sort((a, b) => a.ms - b.ms);
    const mid = byMs[(byMs.length - 1) >> 1];
    out.firstDiagMs = mid.ms;
    out.firstDiagCpuMs = mid.cpuMs;
    out.firstDiagRuns = firsts.map((f) => f.ms);
    out.startRuns = firsts.map((f) => f.startMs);
    out.diagnostics = open.diagnostics.length;
    log(`  ours: start ${fmt(out.startMs)} ms, open->diagnostics ${firsts.map((f) => fmt(f.ms)).join(' / ')} ms, median ${fmt(mid.ms)} (${open.diagnostics.length} diagnostics)`);

    const hovers = hoverPositions(text, input.format, HOVERS);
    const ht = [];
    let nonEmpty = 0;
    for (const p of hovers) {
      const r = await client.timed('textDocument/hover', { textDocument: { uri }, position: p });
      ht.push(r.ms);
      if (r.result) nonEmpty++;
    }
    out.hover = stats(ht);
    out.hover.answered = nonEmpty;
    const defs = definitionPositions(text, input.format, HOVERS);
    const dt = [];
    let found = 0;
    for (const p of defs) {
      const r = await client.timed('textDocument/definition', { textDocument: { uri }, position: p });
      dt.push(r.ms);
      if (Array.isArray(r.result) ? r.result.length : r.result) found++;
    }
    out.definition = stats(dt);
    out.definition.answered = found;
    log(`  ours: hover median ${fmt(out.hover.median)} p99 ${fmt(out.hover.p99)} ms (${nonEmpty}/${hovers.length} answered); definition median ${fmt(out.definition.median)} p99 ${fmt(out.definition.p99)} ms (${found}/${defs.length} found)`);

    const edits = editPositions(text, input.format);
    let version = 1;
    out.edits = {};
    const all = [];
    const cpus = [];
    for (const [kind, pos] of Object.entries(edits)) {
      if (!pos) continue;
      const times = [];
      for (let i = 0; i < EDITS; i++) {
        const change = i % 2 === 0
          ? { range: { start: pos, end: pos }, text: 'x' }
          : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
        await new Promise((r) => setTimeout(r, EDIT_PAUSE_MS));
        const c0 = client.cpuMs();
        const r = await client.editToDiagnostics(uri, ++version, [change], 120000);
        times.push(r.ms);
        cpus.push(client.cpuMs() - c0);
      }
      out.edits[kind] = stats(times);
      all.push(...times);
    }
    out.edit = stats(all);
    out.editCpu = stats(cpus);
    // Back to back: the next edit as soon as the diagnostics arrive (garbage collections then fall on edits).
    const pos = edits.description ?? Object.values(edits).find(Boolean);
    if (pos && EDIT_PAUSE_MS > 0) {
      const burst = [];
      for (let i = 0; i < EDITS; i++) {
        const change = i % 2 === 0 ? { range: { start: pos, end: pos }, text: 'x' } : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
        burst.push((await client.editToDiagnostics(uri, ++version, [change], 120000)).ms);
      }
      out.editBackToBack = stats(burst);
    }
    log(`  ours: edit->diagnostics ${Object.entries(out.edits).map(([k, s]) => `${k} median ${fmt(s.median)}`).join(', ')}; p95 ${fmt(out.edit.p95)} ms`);
    out.peakMiB = client.peakRssMiB();
  } catch (e) {
    out.error = String(e?.message ?? e);
    log(`  ours FAILED: ${out.error}\n${client.stderr.slice(-2000)}`);
  } finally {
    out.peakMiB ??= client.peakRssMiB();
    await client.stop();
  }
  return out;
}

/** `api-lens check` on the file: a cold process, comparable with the lint CLIs. */
async function runOurCli(input) {
  return timeProcess([CLI_JS, 'check', input.file, '--format', 'json'], PEER_TIMEOUT_S);
}

// ---- floors -------------------------------------------------------------------------------------------

function floors(input, text) {
  const out = {};
  const reps = text.length < 2e6 ? 3 : 1;
  const best = (f) => { let b = Infinity; for (let i = 0; i < reps; i++) { const t = performance.now(); f(); b = Math.min(b, performance.now() - t); } return b; };
  if (input.format === 'json') {
    out['JSON.parse'] = best(() => JSON.parse(text));
    const jsonc = requirePeer('jsonc-parser');
    if (jsonc) out['jsonc-parser parseTree'] = best(() => jsonc.parseTree(text, [], { allowTrailingComma: true }));
  }
  if (input.format === 'yaml' || (input.format === 'json' && text.length < 2e6)) {
    const YAML = require('yaml');
    out['yaml parseDocument'] = best(() => YAML.parseDocument(text, { keepSourceTokens: false }));
  }
  if (input.format === 'xml') {
    const { XMLParser } = require('fast-xml-parser');
    out['fast-xml-parser parse'] = best(() => new XMLParser({ ignoreAttributes: false }).parse(text));
  }
  return out;
}

// ---- peers --------------------------------------------------------------------------------------------

async function runPeers(input, text) {
  const peers = {};
  if (PEER_SET.has('yls') && input.format === 'yaml') peers['yaml-language-server'] = await runYls(input, text);
  if (PEER_SET.has('redocly')) {
    peers['Redocly lint'] = await timeProcess([peerBin('@redocly/cli/bin/cli.js'), 'lint', input.file, '--format=summary'], PEER_TIMEOUT_S,
      { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' });
    log(`  Redocly lint: ${describe(peers['Redocly lint'])}`);
  }
  if (PEER_SET.has('spectral')) {
    const ruleset = path.join(OUT, 'spectral-ruleset.yaml');
    writeFileSync(ruleset, 'extends: ["spectral:oas"]\n');
    peers['Spectral lint'] = await timeProcess([peerBin('@stoplight/spectral-cli/dist/index.js'), 'lint', input.file, '--ruleset', ruleset, '--format', 'json', '--output', '/dev/null'], SPECTRAL_TIMEOUT_S);
    log(`  Spectral lint: ${describe(peers['Spectral lint'])}`);
  }
  if (PEER_SET.has('swagger-parser')) {
    peers['swagger-parser validate'] = await timeProcess([path.join(REPO, 'bench', 'swagger-parser-validate.cjs'), input.file], PEER_TIMEOUT_S);
    log(`  swagger-parser validate: ${describe(peers['swagger-parser validate'])}`);
  }
  return peers;
}

async function runYls(input, text) {
  const schemaFile = path.join(OUT, 'oas30-schema.json');
  const schemaSrc = path.join(CORPUS, 'openapi', 'OAI-OpenAPI-Specification-v3.2-dev', '_archive_', 'schemas', 'v3.0', 'schema.yaml');
  if (!existsSync(schemaFile) && existsSync(schemaSrc)) writeFileSync(schemaFile, JSON.stringify(require('yaml').parse(readFileSync(schemaSrc, 'utf8'))));
  const yaml = {
    validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false },
    schemas: existsSync(schemaFile) ? { [pathToFileURL(schemaFile).toString()]: ['*.yaml', '*.yml'] } : {},
  };
  const out = {};
  let client;
  try {
    client = await BenchLspClient.start([peerBin('yaml-language-server/bin/yaml-language-server'), '--stdio'], { settings: { yaml }, didChangeConfiguration: { yaml } });
    out.startMs = client.startMs;
    const uri = pathToFileURL(input.file).toString();
    const timeout = PEER_TIMEOUT_S * 1000;
    const open = await client.openToDiagnostics(uri, 'yaml', text, timeout);
    out.firstDiagMs = open.ms;
    const edits = editPositions(text, input.format);
    const times = [];
    let version = 1;
    for (const pos of Object.values(edits)) {
      if (!pos) continue;
      for (let i = 0; i < 2; i++) {
        const change = i % 2 === 0 ? { range: { start: pos, end: pos }, text: 'x' } : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
        times.push((await client.editToDiagnostics(uri, ++version, [change], timeout)).ms);
      }
    }
    out.edit = stats(times);
    const ht = [];
    for (const p of hoverPositions(text, input.format, 10)) ht.push((await client.timed('textDocument/hover', { textDocument: { uri }, position: p })).ms);
    out.hover = stats(ht);
    out.peakMiB = client.peakRssMiB();
    log(`  yaml-language-server: open->diagnostics ${fmt(out.firstDiagMs)} ms, edit median ${fmt(out.edit.median)} ms, hover median ${fmt(out.hover.median)} ms, ${fmt(out.peakMiB)} MiB`);
  } catch (e) {
    out.error = String(e?.message ?? e);
    log(`  yaml-language-server failed: ${out.error}`);
  } finally {
    if (client) { out.peakMiB ??= client.peakRssMiB(); await client.stop(); }
  }
  return out;
}

function peerBin(rel) { return path.join(PEERS, 'node_modules', rel); }
function requirePeer(name) { try { return createRequire(path.join(PEERS, 'package.json'))(name); } catch { return null; } }

/** Runs `node <argv>` under GNU time: wall milliseconds and peak RSS; killed after `timeoutS`. */
function timeProcess(argv, timeoutS, env = {}) {
  return new Promise((resolve) => {
    const stats = path.join(OUT, `time-${process.pid}.txt`);
    const useTime = existsSync('/usr/bin/time');
    const cmd = useTime ? '/usr/bin/time' : process.execPath;
    const full = useTime ? ['-f', '%e %M', '-o', stats, process.execPath, ...argv] : argv;
    const t0 = performance.now();
    const child = spawn(cmd, full, { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, timeoutS * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const ms = performance.now() - t0;
      if (timedOut) return resolve({ timedOut: true, timeoutS });
      let peakMiB = null;
      try { const [, kb] = readFileSync(stats, 'utf8').trim().split(/\s+/).slice(-2); peakMiB = Number(kb) / 1024; } catch { /* no GNU time */ }
      const inner = /BENCH_MS=(\d+(?:\.\d+)?)/.exec(stderr);
      resolve({ ms, innerMs: inner ? Number(inner[1]) : undefined, peakMiB, exitCode: code, ...(code !== 0 && code !== 1 ? { error: stderr.trim().split('\n').slice(-3).join(' ') } : {}) });
    });
  });
}

// ---- rendering ----------------------------------------------------------------------------------------

function render(r, input) {
  const o = r.ours;
  const isYaml = input.format === 'yaml';
  const isStripe = /stripe/i.test(input.name);
  const isWsdl = input.group === 'wsdl';
  const isFullGithub = input.large;
  const diagTarget = isWsdl ? TARGETS.firstDiagWsdl : isStripe ? TARGETS.firstDiagStripe : isFullGithub ? (isYaml ? TARGETS.firstDiagYaml : TARGETS.firstDiagJson) : undefined;
  const editTarget = isWsdl ? TARGETS.editWsdl : TARGETS.editMedian;
  const rows = [];
  const row = (figure, value, target, note = '') => rows.push(`| ${figure} | ${value === undefined || value === null ? '—' : fmt(value)} | ${target === undefined ? '' : `≤ ${target}`} | ${target === undefined || value == null ? '' : value <= target ? 'ok' : '**missed**'} | ${note} |`);
  rows.push(`| figure (API Lens, server running) | value | target | | note |`, '|---|---:|---:|---|---|');
  const startMax = o.startRuns?.length ? Math.max(...o.startRuns) : o.startMs;
  row('start → initialized (ms)', startMax, TARGETS.start, `${o.startRuns?.length > 1 ? `slowest of ${o.startRuns.length} starts (${o.startRuns.map(fmt).join(' / ')}); ` : ''}server CPU ${fmt(o.startCpuMs)} ms`);
  row('open → first diagnostics (ms)', o.firstDiagMs, diagTarget, `${o.firstDiagRuns?.length > 1 ? `median of ${o.firstDiagRuns.length} fresh servers (${o.firstDiagRuns.map(fmt).join(' / ')}); ` : ''}${o.diagnostics ?? '?'} diagnostics; server CPU ${fmt(o.firstDiagCpuMs)} ms`);
  for (const [kind, s] of Object.entries(o.edits ?? {})) row(`edit in ${kind} → diagnostics, median (ms)`, s.median, editTarget, `n=${s.n}, max ${fmt(s.max)}`);
  if (o.edit?.n) row('edit → diagnostics, p95 (ms)', o.edit.p95, isWsdl ? undefined : TARGETS.editP95, `server CPU per edit: median ${fmt(o.editCpu?.median)} ms; ${fmt(EDIT_PAUSE_MS)} ms idle before each`);
  if (o.editBackToBack?.n) row('edits back to back → diagnostics, median (ms)', o.editBackToBack.median, undefined, `n=${o.editBackToBack.n}, p95 ${fmt(o.editBackToBack.p95)}: each edit sent when the previous diagnostics arrive`);
  if (o.hover) {
    row('hover median (ms)', o.hover.median, TARGETS.hoverMedian, `${o.hover.answered}/${o.hover.n} answered`);
    row('hover p99 (ms)', o.hover.p99, TARGETS.hoverP99);
  }
  if (o.definition?.n) {
    row('definition median (ms)', o.definition.median, TARGETS.hoverMedian, `${o.definition.answered}/${o.definition.n} found`);
    row('definition p99 (ms)', o.definition.p99, TARGETS.hoverP99);
  }
  row('server peak memory, VmHWM (MiB)', o.peakMiB, TARGETS.memMiB);
  if (r.cli) row('`api-lens check` cold process (ms)', r.cli.ms, undefined, r.cli.peakMiB ? `${fmt(r.cli.peakMiB)} MiB peak` : '');
  if (o.error) rows.push(`| error | ${o.error.replace(/\|/g, '/')} | | | |`);

  const floorsRows = Object.entries(r.floors).map(([k, v]) => `| ${k} | ${fmt(v)} | ${o.firstDiagMs ? ratio(o.firstDiagMs, v) : ''} |`);
  const peerRows = Object.entries(r.peers).map(([name, p]) => {
    if (p.timedOut) return `| ${name} | did not finish in ${p.timeoutS} s | | | |`;
    if (p.error && !p.ms && !p.firstDiagMs) return `| ${name} | failed: ${p.error.replace(/\|/g, '/').slice(0, 120)} | | | |`;
    const ms = p.firstDiagMs ?? p.ms;
    const what = p.firstDiagMs !== undefined ? `open → diagnostics ${fmt(p.firstDiagMs)}; edit median ${fmt(p.edit?.median)}; hover median ${fmt(p.hover?.median)}` : `${fmt(p.ms)} whole process${p.innerMs !== undefined ? ` (${fmt(p.innerMs)} in validate)` : ''}`;
    const ours = p.firstDiagMs !== undefined ? o.firstDiagMs : r.cli?.ms;
    const ratios = [`time ×${ratio(ms, ours)}`];
    if (p.edit?.median && o.edit?.median) ratios.push(`edit ×${ratio(p.edit.median, o.edit.median)}`);
    if (p.hover?.median && o.hover?.median) ratios.push(`hover ×${ratio(p.hover.median, o.hover.median)}`);
    const ourMem = p.firstDiagMs !== undefined ? o.peakMiB : r.cli?.peakMiB;
    return `| ${name} | ${what} | ${fmt(p.peakMiB)} | ${ratios.join(', ')} | ${p.peakMiB && ourMem ? `×${ratio(p.peakMiB, ourMem)}` : ''} |`;
  });
  return [
    `## ${input.name}: ${r.sizeMB.toFixed(2)} MB`, '', ...rows, '',
    floorsRows.length ? ['| floor (same process, no positions kept unless named) | ms | ours ÷ floor |', '|---|---:|---:|', ...floorsRows, ''].join('\n') : '',
    peerRows.length ? ['| peer (same file) | ms | peak MiB | peer ÷ ours (time) | peer ÷ ours (memory) |', '|---|---|---:|---|---:|', ...peerRows, '',
      '_LSP peers are compared with our server (open → diagnostics, edit, hover, server memory); CLI peers with `api-lens check` as a cold process._', ''].join('\n') : '',
  ].join('\n').replace(/\n{3,}/g, '\n\n');
}

function stats(xs) {
  if (!xs.length) return { n: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { n: s.length, median: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1], min: s[0] };
}
function fmt(v) { return v === undefined || v === null || Number.isNaN(v) ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2); }
function ratio(a, b) { return a && b ? (a / b >= 10 ? (a / b).toFixed(0) : (a / b).toFixed(1)) : '—'; }
function describe(p) { return p.timedOut ? `did not finish in ${p.timeoutS} s` : `${fmt(p.ms)} ms, ${fmt(p.peakMiB)} MiB${p.error ? ` (${p.error.slice(0, 200)})` : ''}`; }
function gitHead() { try { return readFileSync(path.join(REPO, '.git', 'HEAD'), 'utf8').startsWith('ref:') ? require('node:child_process').execSync('git rev-parse --short HEAD', { cwd: REPO }).toString().trim() : '?'; } catch { return '?'; } }

main().catch((e) => { console.error(e); process.exit(1); });
