// Incremental YAML re-parse (server/src/syntax/yamlIncremental.ts) against a whole parse, on GitHub's YAML
// (the bench input): a one-character edit inside a description near the middle and inside a path key, the
// bench's edit positions (bench/positions.mjs). CPU ms (process.cpuUsage), median of --reps; each patched
// tree is checked against a fresh parse of the new text.
//   node bench/yaml-incremental.mjs [--reps N] [file.yaml]
// Bundles server/src on the fly with esbuild into bench-results/yaml-incremental.cjs.
import { readFileSync } from 'node:fs';
import { loadServerModules } from './bundle.mjs';
import * as path from 'node:path';
import { prepareInputs } from './inputs.mjs';
import { editPositions } from './positions.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const reps = Number(opt('--reps', 7));
const fileArg = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const m = await loadServerModules('yaml-incremental', `
      export { parseYaml } from './server/src/syntax/yamlParser';
      export { reparseYaml } from './server/src/syntax/yamlIncremental';
      export { LineIndex } from './server/src/core/text';`);
const file = fileArg ?? prepareInputs({ quick: false, log: () => undefined }).find((i) => i.name === 'github (YAML)').file;
const text = readFileSync(file, 'utf8');
const cpu = (f) => { const c0 = process.cpuUsage(); const r = f(); const c = process.cpuUsage(c0); return { r, ms: (c.user + c.system) / 1000 }; };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Same tree, spans and errors (the test's oracle, in short). */
function same(a, b) {
  if (JSON.stringify(a.errors) !== JSON.stringify(b.errors)) return false;
  const st = [[a.root, b.root]];
  while (st.length) {
    const [x, y] = st.pop();
    if (!x || !y) { if (x !== y) return false; continue; }
    if (x.type !== y.type || x.span.start !== y.span.start || x.span.end !== y.span.end || !Object.is(x.value, y.value)) return false;
    const xp = x.properties ?? [], yp = y.properties ?? [], xi = x.items ?? [], yi = y.items ?? [];
    if (xp.length !== yp.length || xi.length !== yi.length) return false;
    for (let k = 0; k < xp.length; k++) {
      if (xp[k].key !== yp[k].key || xp[k].keySpan.start !== yp[k].keySpan.start || xp[k].span.end !== yp[k].span.end) return false;
      st.push([xp[k].value, yp[k].value]);
    }
    for (let k = 0; k < xi.length; k++) st.push([xi[k], yi[k]]);
  }
  return true;
}

const lines = new m.LineIndex(text);
const positions = editPositions(text, 'yaml');
console.log(`${path.basename(file)} (${(text.length / 2 ** 20).toFixed(1)} MB); CPU ms, median of ${reps}`);
for (const kind of ['description', 'path key']) {
  const pos = positions[kind];
  if (!pos) continue;
  const at = lines.offsetAt(pos);
  const incr = [], full = [];
  let patched = 0;
  for (let r = 0; r < reps; r++) {
    const next = text.slice(0, at) + 'xyz'[r % 3] + text.slice(at);
    const doc = m.parseYaml(text);
    const a = cpu(() => m.reparseYaml(doc, text, next));
    const b = cpu(() => m.parseYaml(next));
    if (a.r) {
      patched++;
      if (!same(a.r, b.r)) throw new Error(`${kind}: the patched tree differs from a fresh parse`);
    }
    incr.push(a.ms);
    full.push(b.ms);
  }
  console.log(`  ${kind.padEnd(12)} line ${pos.line + 1}: reparseYaml ${median(incr).toFixed(1).padStart(6)} ms (patched ${patched}/${reps})   parseYaml ${median(full).toFixed(1).padStart(6)} ms`);
}
