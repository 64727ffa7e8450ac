// Profiles the server on one input: node --cpu-prof on dist/server.js, driven like the bench (open, hovers,
// definitions, edits), then prints the top functions by self time. For FINDINGS.md.
//   node bench/profile.mjs <file> [--edits N] [--top N] [--hovers N]
import { readFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchLspClient } from './lsp.mjs';
import { hoverPositions, definitionPositions, editPositions } from './positions.mjs';
import { REPO } from './inputs.mjs';

const args = process.argv.slice(2);
const file = path.resolve(args.find((a) => !a.startsWith('--')) ?? '');
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? Number(args[i + 1]) : d; };
const format = /\.ya?ml$/.test(file) ? 'yaml' : /\.(wsdl|xml)$/.test(file) ? 'xml' : 'json';
const languageId = format === 'xml' ? 'wsdl' : format;
const dir = path.join(REPO, 'bench-results', 'prof');
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) rmSync(path.join(dir, f));

const text = readFileSync(file, 'utf8');
const client = await BenchLspClient.start([path.join(REPO, 'dist', 'server.js'), '--stdio'], { execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=200'] });
const uri = pathToFileURL(file).toString();
const open = await client.openToDiagnostics(uri, languageId, text, 300000);
console.log(`open -> diagnostics ${open.ms.toFixed(0)} ms, ${open.diagnostics.length} diagnostics`);
for (const p of hoverPositions(text, format, opt('--hovers', 50))) await client.timed('textDocument/hover', { textDocument: { uri }, position: p });
for (const p of definitionPositions(text, format, opt('--hovers', 50))) await client.timed('textDocument/definition', { textDocument: { uri }, position: p });
let version = 1;
const pos = editPositions(text, format).description;
const times = [];
for (let i = 0; i < opt('--edits', 4); i++) {
  const change = i % 2 === 0 ? { range: { start: pos, end: pos }, text: 'x' } : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
  times.push((await client.editToDiagnostics(uri, ++version, [change], 300000)).ms.toFixed(0));
}
console.log(`edits -> diagnostics: ${times.join(', ')} ms; peak ${client.peakRssMiB()?.toFixed(0)} MiB`);
await client.stop();

const prof = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const p = JSON.parse(readFileSync(path.join(dir, prof), 'utf8'));
const self = new Map();
const dt = new Map();
for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
for (const n of p.nodes) {
  const cf = n.callFrame;
  const key = `${cf.functionName || '(anonymous)'} ${cf.url ? path.basename(cf.url) : ''}:${cf.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0) / 1000);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`\nself time, top ${opt('--top', 25)} (total ${total.toFixed(0)} ms; profile in ${path.relative(REPO, path.join(dir, prof))}):`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, opt('--top', 25))) console.log(`${v.toFixed(0).padStart(7)} ms  ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
