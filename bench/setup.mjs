// Installs the benchmark's pinned peers and inputs (bench/peers.package.json) into .bench-peers/ (git-ignored),
// from the npm registry only: --ignore-scripts, so no install script downloads binaries. Not project dependencies.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { REPO } from './paths.mjs';
const dir = path.join(REPO, '.bench-peers');
const wanted = readFileSync(path.join(REPO, 'bench', 'peers.package.json'), 'utf8');
const pkg = path.join(dir, 'package.json');
const installed = existsSync(pkg) && readFileSync(pkg, 'utf8') === wanted && existsSync(path.join(dir, 'node_modules', '.package-lock.json'));
if (installed) {
  console.error('bench peers: up to date in .bench-peers/');
} else {
  mkdirSync(dir, { recursive: true });
  writeFileSync(pkg, wanted);
  console.error('bench peers: installing pinned versions into .bench-peers/ (npm registry only, no install scripts)...');
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir, stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', PUPPETEER_SKIP_DOWNLOAD: '1', CYPRESS_INSTALL_BINARY: '0' },
  });
}
