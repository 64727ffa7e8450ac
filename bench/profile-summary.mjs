// Summarises a .cpuprofile of an esbuild bundle: self time per source module (from the `// path` markers
// esbuild writes before each module) and per function.   node bench/profile-summary.mjs <profile> <bundle.js> [top]
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export function summarise(profileFile, bundleFile, top = 25) {
  const p = JSON.parse(readFileSync(profileFile, 'utf8'));
  const markers = [];
  readFileSync(bundleFile, 'utf8').split('\n').forEach((l, i) => { const m = /^\/\/ ((?:server|client|node_modules)\/\S+)$/.exec(l); if (m) markers.push([i, m[1]]); });
  const moduleOf = (url, line) => {
    if (!url.endsWith(path.basename(bundleFile))) return url ? `(node) ${path.basename(url)}` : '(vm)';
    let lo = 0, hi = markers.length - 1, best = '(bundle prelude)';
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (markers[mid][0] <= line) { best = markers[mid][1]; lo = mid + 1; } else hi = mid - 1; }
    return best;
  };
  const dt = new Map();
  p.samples.forEach((s, i) => dt.set(s, (dt.get(s) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const byModule = new Map(), byFn = new Map();
  let total = 0;
  for (const n of p.nodes) {
    const t = dt.get(n.id) ?? 0;
    if (!t) continue;
    const cf = n.callFrame;
    if (cf.functionName === '(idle)') continue;
    total += t;
    const mod = cf.functionName.startsWith('(') ? cf.functionName : moduleOf(cf.url, cf.lineNumber);
    byModule.set(mod, (byModule.get(mod) ?? 0) + t);
    const fn = `${cf.functionName || '(anonymous)'}  [${mod}]`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + t);
  }
  const lines = [`busy ${total.toFixed(0)} ms (idle excluded)`, '', 'by module:'];
  for (const [k, v] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${v.toFixed(0).padStart(7)} ms ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
  lines.push('', 'by function:');
  for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${v.toFixed(0).padStart(7)} ms ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(summarise(process.argv[2], process.argv[3], Number(process.argv[4] ?? 25)));
