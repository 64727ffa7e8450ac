// One cold parse (JSON or YAML, by the file's extension) in this fresh process: wall, CPU (all threads, GC
// included) and the heap the tree keeps after a full collection. Compare two trees by running it alternately
// from each (it parses with the server/src beside it), many times: one run is noisy, the retained heap is not.
//   node --expose-gc bench/parse-cold.mjs <file>
import { readFileSync } from 'node:fs';
import { loadServerModules } from './bundle.mjs';

const file = process.argv[2];
if (!file) { console.error('usage: node --expose-gc bench/parse-cold.mjs <file>'); process.exit(2); }
const m = await loadServerModules('parse-cold', `
  export { parseJson } from './server/src/syntax/jsonParser';
  export { parseYaml } from './server/src/syntax/yamlParser';`);
const text = readFileSync(file, 'utf8');
globalThis.gc?.(); await new Promise((r) => setTimeout(r, 100)); globalThis.gc?.();
const h0 = process.memoryUsage().heapUsed;
const c0 = process.cpuUsage(); const t0 = performance.now();
const doc = file.endsWith('.json') ? m.parseJson(text) : m.parseYaml(text);
const wall = performance.now() - t0; const c = process.cpuUsage(c0);
globalThis.gc?.();
const kept = process.memoryUsage().heapUsed - h0;
console.log(`wall ${wall.toFixed(0)} ms, cpu ${((c.user + c.system) / 1000).toFixed(0)} ms, tree ${(kept / 1048576).toFixed(1)} MiB, ${doc.errors.length} errors`);
