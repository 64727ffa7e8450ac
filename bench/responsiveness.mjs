// `node bench/responsiveness.mjs`: does a large document block the others? (issue #8: "never blocks typing").
// Starts the built server over stdio, opens a small OpenAPI document, then opens a large one (GitHub's 13 MB
// description by default) and, until the large one's diagnostics arrive, hovers on the small document again
// and again; then types in the large document (a burst of edits) and hovers on the small one meanwhile.
// Prints the hover latencies (max, median), what a hover on the large document itself got, start time,
// the large document's open->diagnostics and the server's peak RSS (VmHWM: every thread of the process).
//   node bench/responsiveness.mjs [--file PATH] [--runs N (3)] [--json FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { BenchLspClient } from './lsp.mjs';
import { REPO, PEERS } from './inputs.mjs';
import { hoverPositions, editPositions } from './positions.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 && i + 1 < args.length ? args[i + 1] : d; };
const FILE = opt('--file', path.join(PEERS, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json'));
const RUNS = Number(opt('--runs', 3));
const SERVER_JS = path.join(REPO, 'dist', 'server.js');
const SMALL_URI = 'file:///bench/responsiveness/small.yaml';
const SMALL = readFileSync(path.join(REPO, 'test-fixtures', 'examples', 'bookshop-openapi30.yaml'), 'utf8');
const log = (m) => process.stderr.write(`${m}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function hoverSmall(client) {
  const t0 = performance.now();
  const r = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: SMALL_URI }, position: { line: 0, character: 2 } });
  if (!r) throw new Error('no hover on the small document');
  return performance.now() - t0;
}

/** Hovers on the small document, one after another (50 ms apart), until `done` settles. */
async function hoverUntil(client, done) {
  let finished = false;
  done.then(() => { finished = true; }, () => { finished = true; });
  const times = [];
  while (!finished) {
    times.push(await hoverSmall(client));
    await sleep(50);
  }
  return times;
}

async function run(text, uri, languageId, format) {
  const client = await BenchLspClient.start([SERVER_JS, '--stdio']);
  const out = { startMs: client.startMs };
  try {
    await client.openToDiagnostics(SMALL_URI, 'yaml', SMALL, 30000);
    await hoverSmall(client);
    const cpu0 = client.cpuMs();
    const opened = client.nextDiagnostics(uri, 300000);
    const t0 = performance.now();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    // A request on the large document itself while it is being analysed: a result or a cancellation, in time.
    const [pos] = hoverPositions(text, format, 1);
    const own = client.timed('textDocument/hover', { textDocument: { uri }, position: pos })
      .then((r) => ({ ms: r.ms, got: r.result ? 'result' : 'empty' }), (e) => ({ ms: performance.now() - t0, got: `error ${e.code}` }));
    out.whileOpening = await hoverUntil(client, opened);
    out.openMs = (await opened).at - t0;
    out.openCpuMs = client.cpuMs() - cpu0;
    out.own = await own;
    // Typing in the large document: 10 edits 30 ms apart, then wait for diagnostics of the last version.
    const pos2 = Object.values(editPositions(text, format)).find(Boolean);
    let version = 1;
    const typing = (async () => {
      for (let i = 0; i < 10; i++) {
        const change = i % 2 === 0 ? { range: { start: pos2, end: pos2 }, text: 'x' } : { range: { start: pos2, end: { line: pos2.line, character: pos2.character + 1 } }, text: '' };
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
        await sleep(30);
      }
      await client.nextDiagnostics(uri, 300000, version);
    })();
    out.whileTyping = await hoverUntil(client, typing);
    await typing;
    out.peakMiB = client.peakRssMiB();
  } finally {
    out.peakMiB ??= client.peakRssMiB();
    await client.stop();
  }
  return out;
}

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const f0 = (x) => (x === undefined || Number.isNaN(x) ? '-' : Math.round(x).toString());

const text = readFileSync(FILE, 'utf8');
const uri = pathToFileURL(FILE).toString();
const format = /\.ya?ml$/i.test(FILE) ? 'yaml' : 'json';
log(`responsiveness: ${path.basename(FILE)} ${(Buffer.byteLength(text) / 2 ** 20).toFixed(1)} MB, ${RUNS} runs, load ${os.loadavg()[0].toFixed(1)}`);
const runs = [];
for (let i = 0; i < RUNS; i++) {
  const r = await run(text, uri, format, format);
  runs.push(r);
  log(`  run ${i + 1}: start ${f0(r.startMs)} ms; open->diagnostics ${f0(r.openMs)} ms (server CPU ${f0(r.openCpuMs)} ms); ` +
    `hover on the small document while opening: max ${f0(Math.max(...r.whileOpening))} median ${f0(median(r.whileOpening))} ms (${r.whileOpening.length} hovers); ` +
    `while typing: max ${f0(Math.max(...r.whileTyping))} median ${f0(median(r.whileTyping))} ms; hover on the large document: ${r.own.got} in ${f0(r.own.ms)} ms; peak ${f0(r.peakMiB)} MiB`);
}
const summary = {
  file: FILE, runs: RUNS, load: os.loadavg()[0],
  startMs: median(runs.map((r) => r.startMs)),
  openMs: median(runs.map((r) => r.openMs)),
  hoverWhileOpeningMaxMs: median(runs.map((r) => Math.max(...r.whileOpening))),
  hoverWhileOpeningMedianMs: median(runs.map((r) => median(r.whileOpening))),
  hoverWhileTypingMaxMs: median(runs.map((r) => Math.max(...r.whileTyping))),
  ownHover: runs.map((r) => `${r.own.got} ${f0(r.own.ms)} ms`),
  peakMiB: Math.max(...runs.map((r) => r.peakMiB ?? 0)),
};
log(`median of ${RUNS} runs: hover on another document while the large one opens: max ${f0(summary.hoverWhileOpeningMaxMs)} ms, median ${f0(summary.hoverWhileOpeningMedianMs)} ms; while typing in it: max ${f0(summary.hoverWhileTypingMaxMs)} ms; start ${f0(summary.startMs)} ms; open->diagnostics ${f0(summary.openMs)} ms; peak ${f0(summary.peakMiB)} MiB (load ${os.loadavg()[0].toFixed(1)})`);
if (opt('--json')) writeFileSync(opt('--json'), JSON.stringify({ summary, runs }, null, 2));
