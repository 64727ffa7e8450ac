// Where a full analysis allocates (including objects already collected): the sampling heap profiler through
// the inspector, on one input, summarised per source module and per function. For FINDINGS.md.
//   node bench/alloc.mjs <file>   (uses bench-results/phases.cjs: run bench/phases.mjs once first)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from './inputs.mjs';

const bundleFile = path.join(REPO, 'bench-results', 'phases.cjs');
const m = createRequire(import.meta.url)(bundleFile);
const file = path.resolve(process.argv[2]);
const text = readFileSync(file, 'utf8');
const session = new Session();
session.connect();
const post = (method, params) => new Promise((res, rej) => session.post(method, params, (e, r) => (e ? rej(e) : res(r))));
await post('HeapProfiler.enable');
await post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const s = new m.LanguageService();
const uri = pathToFileURL(file).toString();
s.open(uri, text, 1);
const n = s.diagnostics(uri).length;
const { profile } = await post('HeapProfiler.stopSampling');
const markers = [];
readFileSync(bundleFile, 'utf8').split('\n').forEach((l, i) => { const x = /^\/\/ ((?:server|node_modules)\/\S+)$/.exec(l); if (x) markers.push([i, x[1]]); });
const mod = (url, line) => { if (!url.endsWith('phases.cjs')) return url ? `(node) ${url.split('/').pop()}` : '(vm)'; let b = '?'; for (const [i, name] of markers) { if (i <= line) b = name; else break; } return b; };
const byFn = new Map(), byMod = new Map();
let total = 0;
// Built-ins (Object.entries, iterators, Array.push) are charged to the nearest caller of ours.
(function walk(node, caller) {
  const own = node.callFrame.url ? `${node.callFrame.functionName || '(anonymous)'}  [${mod(node.callFrame.url, node.callFrame.lineNumber)}]` : undefined;
  if (node.selfSize) {
    const md = own ? mod(node.callFrame.url, node.callFrame.lineNumber) : caller ? /\[(.*)\]$/.exec(caller)[1] : '(vm)';
    const k = own ?? (caller ? `${caller} via ${node.callFrame.functionName || 'builtin'}` : '(vm)');
    byFn.set(k, (byFn.get(k) ?? 0) + node.selfSize); byMod.set(md, (byMod.get(md) ?? 0) + node.selfSize); total += node.selfSize;
  }
  for (const c of node.children ?? []) walk(c, own ?? caller);
})(profile.head, undefined);
const mib = (b) => (b / 2 ** 20).toFixed(0).padStart(6);
console.log(`${path.basename(file)}: ${n} findings; allocated during open + diagnostics (sampled): ${mib(total)} MiB\n\nby module:`);
for (const [k, v] of [...byMod].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${mib(v)} MiB  ${k}`);
console.log('\nby function:');
for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${mib(v)} MiB  ${k}`);
