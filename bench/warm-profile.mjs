// One first analysis of a document in-process, after the reserve worker's warm-up has run (the state a large
// document meets in a server that has been idle a second): wall, CPU (all threads) and the OpenAPI phases, and
// optionally a CPU profile of that analysis alone.
//   node --expose-gc bench/warm-profile.mjs <file> [--warm N] [--profile out.cpuprofile]
//   node bench/profile-summary.mjs out.cpuprofile bench-results/warm-profile.cjs 60
// --warm 0 measures the cold analysis. Bundles server/src of this working tree (no build step needed).
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadServerModules } from './bundle.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const file = args[0];
if (!file || file.startsWith('--')) { console.error('usage: node --expose-gc bench/warm-profile.mjs <file> [--warm N] [--profile out]'); process.exit(2); }
const m = await loadServerModules('warm-profile', `
  export { LanguageService } from './server/src/service/languageService';
  export { warmUpSteps } from './server/src/lsp/warmUp';
  export { timings } from './server/src/openapi/dialect';`);
for (let r = 0; r < Number(opt('--warm', 1)); r++) for (const step of m.warmUpSteps('/tmp')) step();
// As in the worker: the warm-up's service is garbage, and an idle full collection has run since.
await new Promise((r) => setTimeout(r, 500)); globalThis.gc?.(); await new Promise((r) => setTimeout(r, 300));
const service = new m.LanguageService({ docsDir: '/tmp', log: () => undefined });
const text = readFileSync(file, 'utf8');
const uri = 'file:///measured' + (file.endsWith('.json') ? '.json' : file.endsWith('.wsdl') ? '.wsdl' : '.yaml');
const session = new Session();
const out = opt('--profile');
if (out) {
  session.connect();
  await session.post('Profiler.enable'); await session.post('Profiler.setSamplingInterval', { interval: 200 }); await session.post('Profiler.start');
}
const c0 = process.cpuUsage(); const t0 = performance.now();
service.open(uri, text, 1); service.diagnostics(uri);
const c = process.cpuUsage(c0); const wall = performance.now() - t0;
if (out) { const { profile } = await session.post('Profiler.stop'); writeFileSync(out, JSON.stringify(profile)); }
const t = m.timings;
const families = Object.entries(t.families ?? {}).filter(([, v]) => v >= 5).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
console.log(`wall ${wall.toFixed(0)} ms, cpu ${((c.user + c.system) / 1000).toFixed(0)} ms | parse ${t.parseMs?.toFixed(0)} build ${t.buildMs?.toFixed(0)} rules ${t.rulesMs?.toFixed(0)} (${families})`);
