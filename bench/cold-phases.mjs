// Phases of three analyses of one document in one fresh process (run 1 meets cold code, run 3 is the steady
// state): wall, CPU (all threads), openapi parse/build/rules and each rule family, in ms.
//   node --expose-gc bench/cold-phases.mjs [file]     (Stripe YAML by default)
import { readFileSync } from 'node:fs';
import { loadServerModules } from './bundle.mjs';
import { CORPUS } from './paths.mjs';
const file = process.argv[2] || `${CORPUS}/large/stripe-openapi-yaml/openapi/spec3.yaml`;
const m = await loadServerModules('cold-phases', `
  export { LanguageService } from './server/src/service/languageService';
  export { timings } from './server/src/openapi/dialect';`);
const text = readFileSync(file, 'utf8');
const ext = file.endsWith('.json') ? '.json' : '.yaml';
const rows = [];
for (let i = 0; i < 3; i++) {
  await new Promise((r) => setTimeout(r, 200)); globalThis.gc?.();
  const svc = new m.LanguageService({ docsDir: '/tmp', log: () => undefined });
  const c0 = process.cpuUsage(); const t0 = performance.now();
  svc.open('file:///x' + i + ext, text, 1); svc.diagnostics('file:///x' + i + ext);
  const c = process.cpuUsage(c0); const t = m.timings;
  rows.push({ wall: performance.now() - t0, cpu: (c.user + c.system) / 1000, parse: t.parseMs, build: t.buildMs, rules: t.rulesMs, ...t.families });
}
for (const k of Object.keys(rows[0])) console.log(k.padEnd(24), rows.map((r) => (r[k] ?? 0).toFixed(1).padStart(7)).join(''));
