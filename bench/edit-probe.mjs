// In-process cost of one edit on a large OpenAPI document, by phase and rule family (CPU-ish wall ms).
//   node --expose-gc bench/edit-probe.mjs <file> [--edits N] [--where description|pathkey]
// Bundles server/src on the fly with esbuild into bench-results/edit-probe.cjs.
import { readFileSync } from 'node:fs';
import { loadServerModules } from './bundle.mjs';
import { pathToFileURL } from 'node:url';
import { editPositions } from './positions.mjs';
const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const m = await loadServerModules('edit-probe', `
      export { LanguageService } from './server/src/service/languageService';
      export { timings as openApiTimings } from './server/src/openapi/dialect';`);
const file = args[0];
const text = readFileSync(file, 'utf8');
const s = new m.LanguageService();
const uri = pathToFileURL(file).toString();
s.open(uri, text, 1);
let t0 = performance.now(); const c0 = process.cpuUsage(); s.diagnostics(uri); const c1 = process.cpuUsage(c0);
console.log('open', (performance.now() - t0).toFixed(0), 'cpu', ((c1.user + c1.system) / 1000).toFixed(0), JSON.stringify(m.openApiTimings));
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
const times = [];
const cpus = [];
for (let k = 0; k < N; k++) {
  // As bench/run.mjs: insert 'x', then delete it.
  const change = k % 2 === 0 ? { range: { start: pos, end: pos }, text: 'x' } : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
  s.edit(uri, [change], v++);
  t0 = performance.now(); const e0 = process.cpuUsage(); const d = s.diagnostics(uri); const t1 = performance.now(); const e1 = process.cpuUsage(e0);
  times.push(t1 - t0);
  cpus.push((e1.user + e1.system) / 1000);
  console.log('edit', (t1 - t0).toFixed(0), JSON.stringify(m.openApiTimings, (k, x) => typeof x === 'number' ? Math.round(x) : x), d.length);
}
if (session) await session.stopTo(profileFile);
times.sort((a, b) => a - b);
cpus.sort((a, b) => a - b);
console.log('median', times[Math.floor(times.length / 2)].toFixed(0), 'cpu median', cpus[Math.floor(cpus.length / 2)].toFixed(0));
if (globalThis.gc) { const g0 = performance.now(); globalThis.gc(); console.log('full gc', (performance.now() - g0).toFixed(0), 'ms; rss', (process.memoryUsage.rss() / 2 ** 20).toFixed(0), 'MiB'); }
