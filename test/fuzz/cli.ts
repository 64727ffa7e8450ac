/**
 * `npm run fuzz -- [--seed N] [--iterations N] [--seconds N] [--case N] [--corpus DIR] [--out DIR] [--max-bytes N]`
 * Mutates the corpus documents and drives the built server (dist/server.js) with them; prints a
 * summary and writes each finding (input, edits, replay command) under --out (default .fuzz/findings).
 * Exits 1 when the server crashed or hung.
 */
import * as path from 'path';
import { REPO_ROOT } from '../support/lspClient';
import { runFuzz } from './runner';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const num = (name: string): number | undefined => (arg(name) !== undefined ? Number(arg(name)) : undefined);

async function main(): Promise<void> {
  const seed = num('seed') ?? 1;
  const only = num('case');
  const iterations = num('iterations');
  const seconds = num('seconds') ?? (iterations === undefined && only === undefined ? 60 : undefined);
  const out = arg('out') ?? path.join(REPO_ROOT, '.fuzz', 'findings');
  const summary = await runFuzz({
    seed, only, iterations, seconds, out, corpus: arg('corpus'), maxBytes: num('max-bytes'),
    log: (l) => console.log(l),
  });
  const { findings, ...figures } = summary;
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.finding.kind] = (counts[f.finding.kind] ?? 0) + 1;
  console.log(JSON.stringify({ ...figures, findingsByKind: counts, findingsIn: findings.length ? out : undefined }, null, 2));
  process.exit(findings.some((f) => f.finding.kind === 'crash' || f.finding.kind === 'hang') ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
