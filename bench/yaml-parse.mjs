// The full YAML parse against the JSON parse of the same content, in-process: CPU ms (best of N), the garbage
// collections during the parse, and the bytes allocated per tree node (including what was already collected)
// and kept by the tree.
//   node --expose-gc bench/yaml-parse.mjs [--reps N] [--only stripe|github]
// Inputs: Stripe's YAML and JSON (../shared/corpus/large), GitHub's JSON and its YAML rendering (bench inputs).
// Stripe's YAML and JSON are not the same release (99k vs 80k nodes), so the YAML's own content is also rendered as
// JSON (2-space indentation, in memory) and parsed with parseJson: the "json=" row, the like-for-like comparison.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { loadServerModules, REPO } from './bundle.mjs';
import { CORPUS } from './paths.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const reps = Number(opt('--reps', 7));
const m = await loadServerModules('yaml-parse', `
      export { parseJson } from './server/src/syntax/jsonParser';
      export { parseYaml } from './server/src/syntax/yamlParser';`);
const gc = globalThis.gc ?? (() => undefined);
const pairs = [
  { name: 'stripe', yaml: `${CORPUS}/large/stripe-openapi-yaml/openapi/spec3.yaml`, json: `${CORPUS}/large/stripe-openapi-json/openapi/spec3.json` },
  { name: 'github', yaml: path.join(REPO, 'bench-results/inputs/api.github.com.yaml'), json: path.join(REPO, '.bench-peers/node_modules/@octokit/openapi/generated/api.github.com.json') },
].filter((p) => !opt('--only') || p.name.includes(opt('--only')));

const countNodes = (root) => {
  let n = 0;
  const stack = root ? [root] : [];
  while (stack.length) {
    const x = stack.pop();
    n++;
    if (x.alias) continue;
    if (x.properties) for (const p of x.properties) stack.push(p.value);
    else if (x.items) for (const i of x.items) stack.push(i);
  }
  return n;
};

/** One parse: CPU and wall ms, GC count and pause ms, bytes allocated (heap growth plus what each GC freed). */
const measure = (parse, text) => {
  gc(); gc();
  const profiler = new v8.GCProfiler();
  profiler.start();
  const used0 = process.memoryUsage().heapUsed;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const doc = parse(text);
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const used1 = process.memoryUsage().heapUsed;
  const { statistics } = profiler.stop();
  gc(); gc();
  const retained = process.memoryUsage().heapUsed - used0;
  let freed = 0, pause = 0;
  for (const s of statistics) { freed += s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize; pause += s.cost / 1000; }
  return { doc, cpu: (c.user + c.system) / 1000, wall, gcs: statistics.length, pause, allocated: used1 - used0 + freed, retained };
};

/** The plain value of a tree (to render a YAML document's own content as JSON). */
const toValue = (n) => (n.properties ? Object.fromEntries(n.properties.map((p) => [p.key, toValue(p.value)])) : n.items ? n.items.map(toValue) : n.value);

const load = () => (existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : '?');
console.log(`best of ${reps} (CPU ms, wall ms); GC count and pause of that run; allocated = heap growth + freed by GCs; load ${load()}`);
for (const p of pairs) {
  if (!existsSync(p.yaml) || !existsSync(p.json)) { console.log(`${p.name}: inputs missing`); continue; }
  const yamlText = readFileSync(p.yaml, 'utf8');
  const texts = { yaml: yamlText, json: readFileSync(p.json, 'utf8'), 'json=': JSON.stringify(toValue(m.parseYaml(yamlText).root), null, 2) };
  const kinds = Object.keys(texts);
  const best = {};
  const nodes = {};
  // Interleaved so that a load spike hits all.
  for (let r = 0; r < reps; r++) {
    for (const kind of kinds) {
      const x = measure(kind === 'yaml' ? m.parseYaml : m.parseJson, texts[kind]);
      if (!nodes[kind]) nodes[kind] = countNodes(x.doc.root);
      x.doc = undefined;
      if (!best[kind] || x.cpu < best[kind].cpu) best[kind] = x;
    }
  }
  for (const kind of kinds) {
    const b = best[kind];
    const mb = (texts[kind].length / 2 ** 20).toFixed(1);
    console.log(`${p.name} ${kind.padEnd(4)} ${mb.padStart(5)} MB ${String(nodes[kind]).padStart(8)} nodes  cpu ${b.cpu.toFixed(0).padStart(5)}  wall ${b.wall.toFixed(0).padStart(5)}  gc ${String(b.gcs).padStart(3)} (${b.pause.toFixed(0)} ms)  allocated ${(b.allocated / 2 ** 20).toFixed(0).padStart(4)} MiB = ${(b.allocated / nodes[kind]).toFixed(0)} B/node, kept ${(b.retained / nodes[kind]).toFixed(0)} B/node`);
  }
  const ratio = (k) => `cpu ${(best.yaml.cpu / best[k].cpu).toFixed(2)} wall ${(best.yaml.wall / best[k].wall).toFixed(2)}`;
  console.log(`${p.name} yaml/json ${ratio('json')}; yaml/json= (same content) ${ratio('json=')}`);
}
console.log(`load after ${load()}`);
