// In-process cost of one edit on a large OpenAPI document, by phase and rule family (CPU-ish wall ms).
//   node --expose-gc bench/edit-probe.mjs <file> [--edits N] [--where description|pathkey] [--profile f]
//        [--worker]   run the service in a worker thread with the analysis pool's heap limit, as the server does
//        [--idle-gc]  a full collection and a 1 s pause before each edit, as the worker's idle reclaim in the bench
//        [--idle-gc-alt] the 1 s pause before each edit, the collection before every other one (an A/B in one process)
// Each edit line ends with the GC pauses on the analysing thread during it (scavenges / mark-compacts, ms).
// Bundles server/src on the fly with esbuild into bench-results/edit-probe.cjs.
import { readFileSync, readdirSync } from 'node:fs';
import { loadServerModules } from './bundle.mjs';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { editPositions } from './positions.mjs';
const args = isMainThread ? process.argv.slice(2) : workerData.args;
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
if (isMainThread && args.includes('--worker')) {
  // The same heap limit as lsp/analysisPool.ts gives its workers (2 GiB).
  const w = new Worker(fileURLToPath(import.meta.url), { workerData: { args }, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
  await new Promise((res, rej) => { w.on('exit', res); w.on('error', rej); });
} else {
  await main();
}

async function main() {
  const m = await loadServerModules(isMainThread ? 'edit-probe' : 'edit-probe-worker', `
      export { LanguageService } from './server/src/service/languageService';
      export { timings as openApiTimings } from './server/src/openapi/dialect';`);
  if (typeof globalThis.gc !== 'function') { v8.setFlagsFromString('--expose-gc'); globalThis.gc = vm.runInNewContext('gc'); }
  const gcs = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) gcs.push(e); }).observe({ entryTypes: ['gc'] });
  const gcSince = (t) => {
    let minor = 0, major = 0, nMinor = 0, nMajor = 0;
    for (const e of gcs) if (e.startTime >= t) {
      if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) { minor += e.duration; nMinor++; } else { major += e.duration; nMajor++; }
    }
    return `gc minor ${minor.toFixed(0)} (${nMinor}) major ${major.toFixed(0)} (${nMajor})`;
  };
  // CPU time per thread of the process (Linux /proc, 10 ms ticks): which threads an edit keeps busy.
  const threadTicks = () => {
    const out = new Map();
    try {
      for (const tid of readdirSync('/proc/self/task')) {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const name = readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
        out.set(tid, { name, ticks: Number(f[11]) + Number(f[12]) });
      }
    } catch { /* not Linux */ }
    return out;
  };
  const threadsSince = (before) => {
    const byName = new Map();
    for (const [tid, t] of threadTicks()) {
      const d = t.ticks - (before.get(tid)?.ticks ?? 0);
      if (d > 0) byName.set(tid, (byName.get(tid) ?? 0) + d * 10);
    }
    return [...byName].map(([n, ms]) => `${n}:${ms}`).join(' ');
  };
  const file = args[0];
  const text = readFileSync(file, 'utf8');
  const s = new m.LanguageService();
  const uri = pathToFileURL(file).toString();
  s.open(uri, text, 1);
  let t0 = performance.now(); const c0 = process.cpuUsage(); s.diagnostics(uri); const c1 = process.cpuUsage(c0);
  console.log(isMainThread ? 'main thread' : 'worker thread', 'open', (performance.now() - t0).toFixed(0), 'cpu', ((c1.user + c1.system) / 1000).toFixed(0), JSON.stringify(m.openApiTimings));
  // --profile FILE: a CPU profile of the edits only (summarise with bench/profile-summary.mjs FILE bench-results/edit-probe.cjs).
  const profileFile = opt('--profile');
  let session;
  if (profileFile) {
    const { Session } = await import('node:inspector');
    session = new Session();
    session.connect();
    const post = (m, p) => new Promise((res, rej) => session.post(m, p, (e, r) => (e ? rej(e) : res(r))));
    await post('Profiler.enable'); await post('Profiler.setSamplingInterval', { interval: 200 }); await post('Profiler.start');
    session.stopTo = async (f) => { const { profile } = await post('Profiler.stop'); (await import('node:fs')).writeFileSync(f, JSON.stringify(profile)); };
  }
  const where = opt('--where', 'description');
  const pos = editPositions(text, file.endsWith('.json') ? 'json' : 'yaml')[where === 'pathkey' ? 'path key' : 'description'];
  let v = 2;
  const N = Number(opt('--edits', 6));
  const idleGc = args.includes('--idle-gc');
  const altGc = args.includes('--idle-gc-alt');
  const byGc = { after: [], without: [] };
  const times = [];
  const cpus = [];
  for (let k = 0; k < N; k++) {
    if (idleGc || (altGc && k % 4 < 2)) globalThis.gc();
    if (idleGc || altGc) await new Promise((r) => setTimeout(r, 1000));
    // As bench/run.mjs: insert 'x', then delete it.
    const change = k % 2 === 0 ? { range: { start: pos, end: pos }, text: 'x' } : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
    const th0 = threadTicks();
    t0 = performance.now(); const e0 = process.cpuUsage();
    s.edit(uri, [change], v++);
    const d = s.diagnostics(uri); const t1 = performance.now(); const e1 = process.cpuUsage(e0);
    await new Promise((r) => setTimeout(r, 20)); // the gc entries are delivered asynchronously
    times.push(t1 - t0);
    cpus.push((e1.user + e1.system) / 1000);
    if (altGc) byGc[k % 4 < 2 ? 'after' : 'without'].push(cpus.at(-1));
    console.log('edit', (t1 - t0).toFixed(0), 'cpu', cpus.at(-1).toFixed(0), `[${threadsSince(th0)}]`, gcSince(t0), JSON.stringify(m.openApiTimings, (k, x) => typeof x === 'number' ? Math.round(x) : x), d.length);
  }
  if (session) await session.stopTo(profileFile);
  const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]?.toFixed(0);
  if (altGc) console.log('cpu median after a full collection', med(byGc.after), 'without', med(byGc.without), JSON.stringify(byGc, (k, x) => typeof x === 'number' ? Math.round(x) : x));
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  console.log('median', times[Math.floor(times.length / 2)].toFixed(0), 'cpu median', cpus[Math.floor(cpus.length / 2)].toFixed(0));
  const g0 = performance.now(); globalThis.gc(); console.log('full gc', (performance.now() - g0).toFixed(0), 'ms; rss', (process.memoryUsage.rss() / 2 ** 20).toFixed(0), 'MiB; heap used', (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0), 'MiB');
}
