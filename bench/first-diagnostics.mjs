// Open -> first diagnostics over LSP in N fresh servers (the editor case: didOpen right after initialized), wall and
// server CPU (all threads) per run, best and median:  node bench/first-diagnostics.mjs [N] [file] [server.js] [idle ms]
// idle ms: time between `initialized` and the didOpen (0 by default; 2000 lets the reserve worker warm up first).
// Stripe YAML by default. COLD_TRACE=<file> appends timestamps (client side) for a timeline with traces of your own.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as os from 'node:os';
import { BenchLspClient } from './lsp.mjs';
import { CORPUS } from './paths.mjs';
const n = +(process.argv[2] ?? 5);
const file = process.argv[3] || `${CORPUS}/large/stripe-openapi-yaml/openapi/spec3.yaml`;
const server = process.argv[4] ?? 'dist/server.js';
const idleMs = +(process.argv[5] ?? 0);
const text = readFileSync(file, 'utf8');
const w = [], c = [];
for (let i = 0; i < n; i++) {
  const client = await BenchLspClient.start([server, '--stdio']);
  if (idleMs) await new Promise((r) => setTimeout(r, idleMs));
  const cpu0 = client.cpuMs();
  if (process.env.COLD_TRACE) (await import('node:fs')).appendFileSync(process.env.COLD_TRACE, `${Date.now() % 100000} C didOpen\n`);
  const open = await client.openToDiagnostics(pathToFileURL(file).toString(), file.endsWith('.json') ? 'json' : 'yaml', text, 60000);
  if (process.env.COLD_TRACE) (await import('node:fs')).appendFileSync(process.env.COLD_TRACE, `${Date.now() % 100000} C diagnostics\n`);
  w.push(open.ms); c.push(client.cpuMs() - cpu0);
  await client.stop();
  await new Promise((r) => setTimeout(r, 300));
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(`wall ${w.map((x) => x.toFixed(0)).join(' ')} | best ${Math.min(...w).toFixed(0)} med ${med(w).toFixed(0)}`);
console.log(`cpu  ${c.map((x) => x.toFixed(0)).join(' ')} | best ${Math.min(...c).toFixed(0)} med ${med(c).toFixed(0)}  load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
