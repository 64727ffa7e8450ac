// In-process phase timings of the language service on the bench inputs, in CPU milliseconds (process.cpuUsage,
// so a loaded machine inflates them less than wall time), and the heap the analysis keeps. For FINDINGS.md.
//   node --expose-gc bench/phases.mjs [--only name] [--reps N]
// Bundles server/src on the fly with esbuild (no build step needed) into bench-results/phases.cjs.
import { readFileSync } from 'node:fs';
import { loadServerModules } from './bundle.mjs';
import { pathToFileURL } from 'node:url';
import { prepareInputs } from './inputs.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const reps = Number(opt('--reps', 2));
const m = await loadServerModules('phases', `
      export { LanguageService } from './server/src/service/languageService';
      export { parseJson } from './server/src/syntax/jsonParser';
      export { parseYaml } from './server/src/syntax/yamlParser';
      export { parseXml } from './server/src/syntax/xmlParser';
      export { timings as openApiTimings } from './server/src/openapi/dialect';
      export { LineIndex } from './server/src/core/text';`);
const gc = globalThis.gc ?? (() => undefined);
const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed / 2 ** 20; };
const cpu = (f) => { const c0 = process.cpuUsage(); const t0 = performance.now(); const r = f(); const c = process.cpuUsage(c0); return { r, cpu: (c.user + c.system) / 1000, wall: performance.now() - t0 }; };
const fmt = (x) => x.toFixed(0).padStart(6);

let inputs = prepareInputs({ quick: false, log: () => undefined });
if (opt('--only')) inputs = inputs.filter((i) => i.name.toLowerCase().includes(opt('--only').toLowerCase()));
console.log(`CPU ms (wall ms) per phase, best of ${reps}; retained = heap kept by the analysis (needs --expose-gc)`);
for (const input of inputs) {
  const text = readFileSync(input.file, 'utf8');
  const best = {};
  let retained = 0, findings = 0;
  for (let r = 0; r < reps; r++) {
    const parse = cpu(() => (input.format === 'json' ? m.parseJson(text) : input.format === 'yaml' ? m.parseYaml(text) : m.parseXml(text)));
    parse.r = undefined;
    const lines = cpu(() => new m.LineIndex(text));
    const h0 = heap();
    const s = new m.LanguageService();
    const uri = pathToFileURL(input.file).toString();
    s.open(uri, text, 1);
    const diag = cpu(() => s.diagnostics(uri));
    findings = diag.r.length;
    const t = { ...m.openApiTimings };
    const desc = cpu(() => s.describe(uri));
    retained = heap() - h0;
    const phases = { 'parse alone': parse, 'line index': lines, 'service: open -> diagnostics': diag, 'describe (cached)': desc };
    if (input.group === 'openapi') Object.assign(phases, { '  openapi parse': { cpu: t.parseMs, wall: t.parseMs }, '  openapi build': { cpu: t.buildMs, wall: t.buildMs }, '  openapi rules': { cpu: t.rulesMs, wall: t.rulesMs } });
    for (const [k, v] of Object.entries(phases)) if (!best[k] || v.cpu < best[k].cpu) best[k] = { cpu: v.cpu, wall: v.wall };
    s.close(uri);
  }
  console.log(`\n${input.name} (${(text.length / 2 ** 20).toFixed(1)} MB, ${findings} findings, retained ${retained.toFixed(0)} MiB)`);
  for (const [k, v] of Object.entries(best)) console.log(`${fmt(v.cpu)} (${fmt(v.wall)})  ${k}${k.startsWith('  openapi') ? ' [wall, from openapi/dialect timings]' : ''}`);
}
