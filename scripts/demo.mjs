// The main job on the bundled examples: describe each example document, then check them all.
// Usage: npm run demo   (after npm ci)
import { spawnSync } from 'child_process';
import { readdirSync } from 'fs';
import { join } from 'path';

const dir = 'test-fixtures/examples';
const run = (args) => {
  console.log(`\n$ api-lens ${args.join(' ')}`);
  return spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit' }).status;
};
for (const f of readdirSync(dir).sort()) run(['describe', join(dir, f)]);
const status = run(['check', dir]);
// check exits 1 when it finds errors; the examples are meant to show some. Exit 2 is a real failure.
process.exit(status === 2 || status === null ? 1 : 0);
