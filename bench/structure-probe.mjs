// The structural check alone (openapi/rules/structure.ts checkStructure), in-process: parses and builds each file
// once, then checks it N times (no memo: what a first analysis without recording costs, JIT warm after run 1)
// and prints the CPU ms (all threads: compiler and GC helpers included) median / best, wall ms, and the issue count.
//   node --expose-gc bench/structure-probe.mjs <file>... [--reps N] [--memo]
import { readFileSync } from 'node:fs';
import { loadServerModules } from './bundle.mjs';

const args = process.argv.slice(2);
const repsAt = args.indexOf('--reps');
const reps = repsAt >= 0 ? Number(args[repsAt + 1]) : 10;
const files = args.filter((a, i) => !a.startsWith('--') && i !== repsAt + 1);
const m = await loadServerModules('structure-probe', `
      export { parseAny } from './server/src/openapi/refs';
      export { checkStructure } from './server/src/openapi/rules/structure';
      export { detectKind } from './server/src/service/detect';`);
const gc = process.env.NO_GC ? () => undefined : globalThis.gc ?? (() => undefined);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const uri = 'file://' + file;
  const kind = m.detectKind(text, uri).kind;
  const root = m.parseAny(text, uri).root;
  const cpu = [], wall = []; let n = 0;
  for (let r = 0; r < reps; r++) {
    gc();
    const c0 = process.cpuUsage(), t0 = performance.now();
    n = m.checkStructure(root, { kind, specUrl: 'https://spec' }).length;
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  console.log(`${file.split('/').pop()} ${kind}: ${n} issues; checkStructure CPU first ${cpu[0].toFixed(0)} median ${median(cpu).toFixed(1)} best ${Math.min(...cpu).toFixed(1)} ms over ${reps}; wall first ${wall[0].toFixed(0)} median ${median(wall).toFixed(1)}`);
}
