/**
 * Hover latency on a large WSDL once it is open (the target: well under 20 ms on 2.6 MB).
 * Opens the document in the language service, runs the first analysis, then hovers at 2,000 positions
 * spread over the document (element names, attribute values, QName references) and reports percentiles.
 * Then times edit -> diagnostics (CPU and wall) for one-character edits inside messages, which take the
 * incremental path (one top-level element re-scanned and rebuilt), against a full open of the same text.
 * Usage: node bench/build-wsdl.mjs /tmp/large.wsdl && npx tsc -p . && node out/bench/wsdlHover.bench.js [/tmp/large.wsdl]
 */
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { LanguageService } from '../server/src/service/languageService';
import { Workspace, fileUri } from '../server/src/service/workspace';

const file = process.argv[2] ?? '/tmp/large.wsdl';
const text = fs.readFileSync(file, 'utf8');
const uri = fileUri(file);
const service = new LanguageService({ workspace: new Workspace() });
let t = performance.now();
service.open(uri, text, 1);
const diags = service.diagnostics(uri);
const analyseMs = performance.now() - t;
t = performance.now();
service.describe(uri);
const describeMs = performance.now() - t;
const lines = service.analyse(uri)!.source.lines;

// Positions: inside element names, attribute values and references, spread evenly over the text.
const positions: number[] = [];
const re = /<([A-Za-z][\w.:-]*)|="([^"]*)"/g;
const all: number[] = [];
for (let m = re.exec(text); m; m = re.exec(text)) all.push(m.index + 3);
for (let i = 0; i < 2000; i++) positions.push(all[Math.floor((i * all.length) / 2000)]);

function run(label: string, f: (p: number) => unknown): void {
  const times: number[] = [];
  let answered = 0;
  for (const off of positions) {
    const pos = lines.positionAt(off);
    const s = performance.now();
    if (f(pos as never)) answered++;
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))].toFixed(2);
  console.log(`${label.padEnd(12)} n=${times.length} answered=${answered} p50 ${pct(0.5)} ms  p95 ${pct(0.95)} ms  p99 ${pct(0.99)} ms  max ${times[times.length - 1].toFixed(2)} ms`);
}

console.log(`${file}: ${(text.length / 1024 / 1024).toFixed(2)} M chars, ${lines.lineCount} lines`);
console.log(`open + first analysis (parse, model, rules, diagnostics): ${analyseMs.toFixed(0)} ms, ${diags.length} diagnostics; describe: ${describeMs.toFixed(0)} ms`);
run('hover', (p) => service.hover(uri, p as never));
run('hover again', (p) => service.hover(uri, p as never));
run('definition', (p) => service.definition(uri, p as never).length);

// ---- edit -> diagnostics ------------------------------------------------------------------------------
function cpu(f: () => void): [number, number] {
  const c = process.cpuUsage();
  const w = performance.now();
  f();
  const d = process.cpuUsage(c);
  return [(d.user + d.system) / 1000, performance.now() - w];
}
let current = text;
let version = 1;
const editTimes: [number, number][] = [];
for (let i = 0; i < 8; i++) {
  const at = current.indexOf('<wsdl:part name="', Math.floor(current.length * (0.1 + 0.08 * i))) + 17;
  const li = service.analyse(uri)!.source.lines;
  const pos = li.positionAt(at);
  editTimes.push(cpu(() => { service.edit(uri, [{ range: { start: pos, end: pos }, text: 'x' }], ++version); service.diagnostics(uri); }));
  current = current.slice(0, at) + 'x' + current.slice(at);
}
const fullOpen = cpu(() => { const fresh = new LanguageService({ workspace: new Workspace() }); fresh.open(uri, current, 1); fresh.diagnostics(uri); });
const med = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1].toFixed(0);
console.log(`edit -> diagnostics (incremental): median CPU ${med(editTimes.map((x) => x[0]))} ms, wall ${med(editTimes.map((x) => x[1]))} ms; full open -> diagnostics: CPU ${fullOpen[0].toFixed(0)} ms, wall ${fullOpen[1].toFixed(0)} ms`);
