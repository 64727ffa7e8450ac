// Times the OpenAPI analysis in-process, split into parse / build+$refs / rules / whole service call
// (best of N per column), plus hover and definition latency over 200 positions (not a test):
//   node scripts/bench-openapi-analysis.mjs [--runs N] [files...]
// Default inputs: GitHub's 13 MB api.github.com.json from .bench-peers when present, its YAML rendering
// (written to the OS temp folder), and the corpus's large documents.
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createRequire } from 'module';
import { pathToFileURL } from 'url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(os.tmpdir(), 'api-lens-bench-openapi.cjs');
await esbuild.build({
  stdin: { contents: "export { LanguageService } from './server/src/service/languageService'; export { timings } from './server/src/openapi/dialect';", resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error',
});
const { LanguageService, timings } = require(out);
const YAML = require('yaml');

const args = process.argv.slice(2);
const ri = args.indexOf('--runs');
const runs = ri >= 0 ? Number(args.splice(ri, 2)[1]) : 5;
let files = args;
if (!files.length) {
  const corpus = path.resolve(root, '..', 'shared', 'corpus', 'large');
  const gh13 = path.join(root, '.bench-peers', 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json');
  files = [];
  if (fs.existsSync(gh13)) {
    const ghYaml = path.join(os.tmpdir(), `api-lens-generated-${fs.statSync(gh13).size}.yaml`);
    if (!fs.existsSync(ghYaml)) fs.writeFileSync(ghYaml, YAML.stringify(JSON.parse(fs.readFileSync(gh13, 'utf8')), { aliasDuplicateObjects: false, lineWidth: 0 }));
    files.push(gh13, ghYaml);
  }
  for (const d of fs.readdirSync(corpus)) {
    const walk = (p) => fs.statSync(p).isDirectory() ? fs.readdirSync(p).forEach((n) => walk(path.join(p, n))) : /\.(json|ya?ml)$/.test(p) && files.push(p);
    walk(path.join(corpus, d));
  }
}
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  const uri = pathToFileURL(path.resolve(f)).toString();
  const rows = [];
  let svc;
  for (let k = 0; k < runs; k++) {
    svc = new LanguageService();
    const t = performance.now();
    svc.open(uri, text, 1);
    svc.diagnostics(uri);
    rows.push([timings.parseMs, timings.buildMs, timings.rulesMs, performance.now() - t]);
  }
  const best = [0, 1, 2, 3].map((i) => Math.round(Math.min(...rows.map((r) => r[i]))));
  const lines = text.split('\n');
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const lat = (fn) => { const ts = []; for (let i = 0; i < 200; i++) { const line = Math.floor(rnd() * lines.length); const t = performance.now(); fn(line); ts.push(performance.now() - t); } ts.sort((a, b) => a - b); return `${ts[100].toFixed(2)}/${ts[197].toFixed(2)}`; };
  const hover = lat((line) => svc.hover(uri, { line, character: Math.floor(rnd() * Math.max(1, lines[line].length)) }));
  const def = lat((line) => svc.definition(uri, { line, character: Math.max(0, lines[line].indexOf('$ref')) + 8 }));
  console.log(`${path.basename(f).padEnd(24)} ${(text.length / 1048576).toFixed(1).padStart(5)} MB  parse ${best[0]} ms · build+refs ${best[1]} ms · rules ${best[2]} ms · whole analysis ${best[3]} ms · hover ${hover} ms · definition ${def} ms (median/p99)`);
}
console.log(`best of ${runs} runs per column; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
