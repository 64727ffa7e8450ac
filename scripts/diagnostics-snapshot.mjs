// Every diagnostic the built CLI (dist/cli.js) gives on the shared corpus and on the bench's large inputs
// (GitHub JSON and YAML, the merged WSDL), one line each, sorted: a before/after check for work that must
// not change what users see (a faster rule, a parser rewrite).
//   node scripts/diagnostics-snapshot.mjs --save FILE       write the snapshot
//   node scripts/diagnostics-snapshot.mjs --compare FILE    print what differs from FILE; exit 1 if anything does
// The bench inputs exist once `npm run bench` (or `node bench/setup.mjs`) has run; missing ones are skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (n) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };
const save = opt('--save'), compare = opt('--compare');
if (!save && !compare) { console.error('usage: --save FILE | --compare FILE'); process.exit(2); }

const corpus = path.resolve(REPO, '..', 'shared', 'corpus');
const targets = [corpus,
  path.join(REPO, '.bench-peers', 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json'),
  path.join(REPO, 'bench-results', 'inputs', 'api.github.com.yaml'),
  path.join(REPO, 'bench-results', 'inputs', 'onvif-merged.wsdl')].filter((f) => existsSync(f));

// Exit 1 means "some error found", which the corpus has by design; only a crash (no JSON) is a failure here.
const run = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', ...targets, '--format', 'json', '--max-file-size-mb', '64'],
  { maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (run.status !== 0 && run.status !== 1) { console.error(`api-lens check exited ${run.status}`); process.exit(2); }
const lines = JSON.parse(run.stdout).map((d) => {
  const r = d.range;
  return `${path.relative(REPO, path.resolve(d.file))}:${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.severity} ${d.code} ${d.message}`;
}).sort();

if (save) { writeFileSync(save, lines.join('\n') + '\n'); console.log(`${lines.length} diagnostics from ${targets.length} targets -> ${save}`); }
if (compare) {
  const before = new Set(readFileSync(compare, 'utf8').split('\n').filter(Boolean));
  const now = new Set(lines);
  const gone = [...before].filter((l) => !now.has(l)), added = lines.filter((l) => !before.has(l));
  for (const l of gone) console.log(`- ${l}`);
  for (const l of added) console.log(`+ ${l}`);
  console.log(`${lines.length} diagnostics now, ${before.size} before: ${gone.length} gone, ${added.length} new`);
  process.exit(gone.length || added.length ? 1 : 0);
}
