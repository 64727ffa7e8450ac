// Times the positioned parsers against the floors, parse only (not a test):
//   node scripts/bench-parsers.mjs [files...]
// Default inputs: GitHub's api.github.com.json from .bench-peers (13 MB) when present, else the corpus copy, a
// YAML rendering of it (written to the OS temp folder), and Stripe's spec3.yaml / spec3.json from the corpus.
// Prints the best of 5 runs of JSON.parse / parseJson and yaml's Lexer / Parser(CST) / parseDocument / parseYaml.
// 12:37 UTC, 2 cores at load average ~4: GitHub 12.4 MB JSON.parse 30 ms, parseJson 201 ms; its 9.5 MB YAML
// yaml Lexer 390 ms, Parser(CST) 1690 ms, parseDocument 3795 ms, parseYaml 279 ms; Stripe 4.0 MB JSON.parse 11 ms,
// parseJson 106 ms; Stripe YAML Lexer 147 ms, CST 608 ms, parseDocument 1353 ms, parseYaml 97 ms.
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const YAML = require('yaml');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(os.tmpdir(), 'api-lens-bench-parsers.cjs');
await esbuild.build({
  stdin: { contents: "export { parseJson } from './server/src/syntax/jsonParser'; export { parseYaml } from './server/src/syntax/yamlParser';", resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error',
});
const { parseJson, parseYaml } = require(out);

const corpus = path.resolve(root, '..', 'shared', 'corpus', 'large');
let files = process.argv.slice(2);
if (!files.length) {
  const gh13 = path.join(root, '.bench-peers', 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json');
  const gh = fs.existsSync(gh13) ? gh13 : path.join(corpus, 'octokit-openapi', 'cache', 'api.github.com.json');
  const ghYaml = path.join(os.tmpdir(), `api-lens-${path.basename(path.dirname(gh))}-${fs.statSync(gh).size}.yaml`);
  if (!fs.existsSync(ghYaml)) fs.writeFileSync(ghYaml, YAML.stringify(JSON.parse(fs.readFileSync(gh, 'utf8')), { aliasDuplicateObjects: false, lineWidth: 0 }));
  files = [gh, ghYaml, path.join(corpus, 'stripe-openapi-json', 'openapi', 'spec3.json'), path.join(corpus, 'stripe-openapi-yaml', 'openapi', 'spec3.yaml')];
}
const best = (fn, n = 5) => { let b = Infinity; for (let i = 0; i < n; i++) { const t = performance.now(); fn(); b = Math.min(b, performance.now() - t); } return Math.round(b); };
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  const mb = (text.length / 1024 / 1024).toFixed(1);
  const row = [`${path.basename(f)} (${mb} MB)`];
  if (/\.json$/.test(f)) {
    row.push(`JSON.parse ${best(() => JSON.parse(text))} ms`, `parseJson ${best(() => parseJson(text))} ms`);
  } else {
    row.push(`yaml Lexer ${best(() => { for (const _ of new YAML.Lexer().lex(text)); }, 2)} ms`);
    row.push(`yaml Parser(CST) ${best(() => { for (const _ of new YAML.Parser().parse(text)); }, 2)} ms`);
    row.push(`yaml parseDocument ${best(() => YAML.parseDocument(text), 1)} ms`);
    row.push(`parseYaml ${best(() => parseYaml(text))} ms`);
  }
  console.log(row.join(' · '));
}
