/**
 * The fuzz loop: picks corpus documents, mutates them (seeded), drives the server with each case,
 * and records findings with everything needed to replay them (`--seed S --case N`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CORPUS, FIXTURES } from '../support/fixtures';
import { mutate, type Mutation } from './mutators';
import { Random, caseSeed } from './random';
import { FuzzSession, type Finding } from './session';

export interface FuzzOptions {
  seed: number;
  /** Stop after this many cases (whichever of iterations/seconds comes first). */
  iterations?: number;
  seconds?: number;
  /** Replay only this case number of the seed. */
  only?: number;
  corpus?: string;
  /** Where findings are written (one folder per case); nothing is written when undefined. */
  out?: string;
  /** Documents larger than this are skipped (bytes). */
  maxBytes?: number;
  /** An answer slower than this is a finding (default 2000 ms). */
  budgetMs?: number;
  log?: (line: string) => void;
}

export interface FuzzSummary {
  seed: number;
  corpus: string;
  usedFallback: boolean;
  documents: number;
  cases: number;
  changes: number;
  requests: number;
  seconds: number;
  maxMs: number;
  maxRssMb: number;
  restarts: number;
  byLabel: Record<string, number>;
  findings: { case: number; file: string; label: string; finding: Finding }[];
}

const EXT = /\.(wsdl|xsd|xml|json|ya?ml)$/i;

function listDocuments(root: string, maxBytes: number): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, n.name);
      if (n.isDirectory()) walk(p);
      else if (EXT.test(n.name) && fs.statSync(p).size <= maxBytes) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}

/** The corpus (../shared/corpus), or test-fixtures with a clear notice when it is missing. */
export function resolveCorpus(dir: string | undefined, log: (l: string) => void): { root: string; fallback: boolean } {
  const want = dir ?? CORPUS;
  if (fs.existsSync(want) && fs.statSync(want).isDirectory()) return { root: want, fallback: false };
  log(`fuzz: corpus not found at ${want}; falling back to ${FIXTURES} (fewer, smaller documents: less coverage)`);
  return { root: FIXTURES, fallback: true };
}

export async function runFuzz(o: FuzzOptions): Promise<FuzzSummary> {
  const log = o.log ?? (() => undefined);
  const { root, fallback } = resolveCorpus(o.corpus, log);
  const files = listDocuments(root, o.maxBytes ?? 1_500_000);
  if (!files.length) throw new Error(`fuzz: no documents under ${root}`);
  const summary: FuzzSummary = {
    seed: o.seed, corpus: root, usedFallback: fallback, documents: files.length, cases: 0, changes: 0, requests: 0,
    seconds: 0, maxMs: 0, maxRssMb: 0, restarts: 0, byLabel: {}, findings: [],
  };
  const session = new FuzzSession(pathToFileURL(root).toString(), o.budgetMs);
  await session.start();
  const t0 = Date.now();
  const deadline = o.seconds !== undefined ? t0 + o.seconds * 1000 : Infinity;
  const last = o.only !== undefined ? o.only + 1 : (o.iterations ?? Infinity);
  try {
    for (let i = o.only ?? 0; i < last && Date.now() < deadline; i++) {
      const r = new Random(caseSeed(o.seed, i));
      const file = files[r.int(files.length)];
      const original = fs.readFileSync(file, 'utf8');
      const m = mutate(file, original, r);
      const uri = pathToFileURL(file).toString();
      const res = await session.run(uri, m, r);
      summary.cases++;
      summary.changes += res.changes;
      summary.requests += res.requests;
      summary.maxMs = Math.max(summary.maxMs, res.maxMs);
      summary.byLabel[m.label] = (summary.byLabel[m.label] ?? 0) + 1;
      const rel = path.relative(root, file);
      for (const f of res.findings) {
        summary.findings.push({ case: i, file: rel, label: m.label, finding: f });
        log(`case ${i} ${m.label} ${rel}: ${f.kind}: ${f.detail.split('\n')[0].slice(0, 300)}`);
      }
      if (res.findings.length && o.out) saveFinding(o.out, o.seed, i, rel, m, res.findings, o.maxBytes);
      if (summary.cases % 100 === 0) log(`fuzz: ${summary.cases} cases, ${summary.requests} requests, ${summary.findings.length} findings, ${Math.round((Date.now() - t0) / 1000)} s`);
    }
  } finally {
    summary.seconds = (Date.now() - t0) / 1000;
    summary.maxRssMb = Math.round(session.maxRssKb / 1024);
    summary.restarts = session.restarts;
    await session.stop();
  }
  return summary;
}

function saveFinding(out: string, seed: number, i: number, rel: string, m: Mutation, findings: Finding[], maxBytes?: number): void {
  const dir = path.join(out, `seed${seed}-case${i}`);
  fs.mkdirSync(dir, { recursive: true });
  const ext = path.extname(rel) || '.txt';
  fs.writeFileSync(path.join(dir, `input${ext}`), m.text);
  if (m.kind === 'typing') fs.writeFileSync(path.join(dir, 'edits.json'), JSON.stringify(m.edits));
  fs.writeFileSync(path.join(dir, 'finding.json'), JSON.stringify({ seed, case: i, file: rel, label: m.label, findings, replay: `npm run fuzz -- --seed ${seed} --case ${i}${maxBytes ? ` --max-bytes ${maxBytes}` : ''}` }, null, 2));
}
