// Per rule family cost of a first OpenAPI analysis, in-process: opens each file in a fresh LanguageService
// several times and prints, per family, the median and best wall ms (openapi/dialect timings.families) and the
// CPU ms of open -> diagnostics. Run 1 includes JIT warm-up (the server's reserve worker warms up the same way).
// --warm: first runs the reserve worker's warm-up (lsp/warmUp.ts), so run 1 is what a warmed worker's first
// analysis costs (printed as "first").
//   node --expose-gc bench/rules-probe.mjs <file>... [--reps N] [--warm]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadServerModules } from './bundle.mjs';

const args = process.argv.slice(2);
const repsAt = args.indexOf('--reps');
const reps = repsAt >= 0 ? Number(args[repsAt + 1]) : 5;
const files = args.filter((a, i) => !a.startsWith('--') && i !== repsAt + 1);
const m = await loadServerModules('rules-probe', `
      export { LanguageService } from './server/src/service/languageService';
      export { timings } from './server/src/openapi/dialect';
      export { warmUpSteps } from './server/src/lsp/warmUp';`);
if (args.includes('--warm')) for (const step of m.warmUpSteps('')) step();
const gc = globalThis.gc ?? (() => undefined);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).toString();
  const fam = {}; const cpu = []; let n = 0;
  for (let r = 0; r < reps; r++) {
    gc();
    const s = new m.LanguageService();
    const c0 = process.cpuUsage();
    s.open(uri, text, 1);
    n = s.diagnostics(uri).length;
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    fam.parse ??= []; fam.parse.push(m.timings.parseMs);
    fam.build ??= []; fam.build.push(m.timings.buildMs);
    fam.rules ??= []; fam.rules.push(m.timings.rulesMs);
    for (const [k, v] of Object.entries(m.timings.families)) (fam['  ' + k] ??= []).push(v);
    s.close(uri);
  }
  console.log(`${file.split('/').pop()} (${n} findings): open -> diagnostics CPU first ${cpu[0].toFixed(0)} median ${median(cpu).toFixed(0)} best ${Math.min(...cpu).toFixed(0)} ms over ${reps}`);
  for (const [k, v] of Object.entries(fam)) console.log(`  ${k.padEnd(18)} first ${v[0].toFixed(1).padStart(7)}  median ${median(v).toFixed(1).padStart(7)}  best ${Math.min(...v).toFixed(1).padStart(7)}`);
}
