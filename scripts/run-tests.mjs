// Runs every compiled test (out/test/**/*.test.js) with node's test runner.
// Usage: node scripts/run-tests.mjs [filter-substring]   (e2e tests live elsewhere: npm run test:e2e)
import { readdirSync, statSync } from 'fs';
import { join } from 'path';
import { spawnSync } from 'child_process';

const filter = process.argv[2] ?? '';
const files = [];
const walk = (d) => {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (n.endsWith('.test.js') && p.includes(filter)) files.push(p);
  }
};
walk('out/test');
files.sort();
if (!files.length) { console.error(`no test files match "${filter}"`); process.exit(1); }
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
