/**
 * Hostile and broken documents (see cases.ts): each is generated, analysed in its own process with a
 * 1 GB heap cap, and must be answered in bounded time and memory, without an internal error, without
 * reading what it must not, and with the diagnostic the user needs at the right place.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CASES, WSDL_OPEN, WSDL_CLOSE, OAS_JSON_OPEN, OAS_YAML, type HostileCase } from './cases';
import { LanguageService } from '../../../server/src/service/languageService';
import type { ProbeResult } from './probe';

const PROBE = path.join(__dirname, 'probe.js');
/** Analysis plus every feature, for one document: the user's 2 s promise. */
const DEFAULT_BUDGET_MS = 2000;
const DEFAULT_RSS_MB = 400;
/**
 * Time budgets are the user's promise measured on an idle machine; the suite shares two cores with other
 * work, so it allows this factor (HOSTILE_SLACK=1 for the strict check). The failures this guards against
 * (quadratic scans, expansion) miss their budget by 10x to 1000x.
 */
const SLACK = Number(process.env.HOSTILE_SLACK ?? 2);
/** Diagnostics beyond this drown the Problems panel and the protocol: parsers cap their errors, the service lists 500 per code. */
const MAX_DIAGNOSTICS = 3000;

function probe(c: HostileCase): Promise<ProbeResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-lens-hostile-'));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--max-old-space-size=1024', PROBE, c.name, dir], { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      fs.rmSync(dir, { recursive: true, force: true });
      if (err) return reject(new Error(`${c.name}: probe failed (${err.killed ? 'killed after 60 s' : `exit ${err.code} ${err.signal ?? ''}`}): ${stderr.slice(-3000)}`));
      try { resolve(JSON.parse(stdout)); } catch { reject(new Error(`${c.name}: bad probe output: ${stdout.slice(0, 500)} ${stderr.slice(-1000)}`)); }
    });
  });
}

/** At most two probes at a time (CI machines have two cores). */
const queue: (() => void)[] = [];
let running = 0;
function limited<T>(f: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const go = () => { running++; f().then(resolve, reject).finally(() => { running--; queue.shift()?.(); }); };
    if (running < 2) go(); else queue.push(go);
  });
}
const results = new Map(CASES.map((c) => [c.name, limited(() => probe(c))]));
for (const p of results.values()) p.catch(() => undefined);

/**
 * Whether a syntax's parser already reports errors through its dialect (the parsers and dialects are
 * being written in parallel): until then, the expected-diagnostic checks of that syntax are todo, while
 * time, memory, internal errors and leaks are always checked.
 */
const BROKEN: Record<'xml' | 'json' | 'yaml', [string, string]> = {
  xml: ['file:///probe/broken.wsdl', `${WSDL_OPEN}<wsdl:types><a x=></wsdl:types>${WSDL_CLOSE}`],
  json: ['file:///probe/broken.json', `${OAS_JSON_OPEN}[1,,2}`],
  yaml: ['file:///probe/broken.yaml', `${OAS_YAML}paths: {}\nx-h: [1, 2\n  a: : b\n`],
};
const wired = (syntax: 'xml' | 'json' | 'yaml') => {
  const s = new LanguageService();
  const [uri, text] = BROKEN[syntax];
  s.open(uri, text, 1);
  return s.diagnostics(uri).some((d) => String(d.code).startsWith(`${syntax}-`));
};
const WIRED = { xml: wired('xml'), json: wired('json'), yaml: wired('yaml') };
const syntaxOf = (file: string) => (/\.json$/.test(file) ? 'json' : /\.ya?ml$/.test(file) ? 'yaml' : 'xml');

for (const c of CASES) {
  test(`hostile: ${c.name}`, { todo: c.todo }, async (t) => {
    const r = await results.get(c.name)!;
    const codes = [...new Set(r.diagnostics.map((d) => d.code))];
    t.diagnostic(`${(r.bytes / 1024 / 1024).toFixed(1)} MB: ${Math.round(r.ms)} ms (slowest call ${Math.round(r.maxCallMs)} ms), peak RSS ${r.rssMb} MB, ${r.diagnosticCount} diagnostics [${codes.join(', ')}]`);
    assert.deepEqual(r.logs, [], 'internal errors were logged');
    assert.ok(!r.diagnostics.some((d) => d.code === 'lens-internal-error'), `lens-internal-error: ${r.diagnostics.find((d) => d.code === 'lens-internal-error')?.message}`);
    assert.equal(r.leakedSecret, false, 'the content of a file referenced by an entity or DTD appeared in a result (XXE)');
    const budget = (c.budgetMs ?? DEFAULT_BUDGET_MS) * SLACK;
    assert.ok(r.ms <= budget, `took ${Math.round(r.ms)} ms (budget ${budget} ms)`);
    assert.ok(r.rssMb <= (c.rssMb ?? DEFAULT_RSS_MB), `peak RSS ${r.rssMb} MB (budget ${c.rssMb ?? DEFAULT_RSS_MB} MB)`);
    assert.ok(r.diagnosticCount <= MAX_DIAGNOSTICS, `${r.diagnosticCount} diagnostics`);
    if (c.expect) {
      const e = c.expect;
      const syntax = syntaxOf(c.file);
      const todo = !e.code.source.includes('lens-') && !WIRED[syntax] ? `the ${syntax} parser does not report through its dialect yet` : undefined;
      await t.test(`diagnostic ${e.code}`, { todo }, () => {
      const matching = r.diagnostics.filter((d) => e.code.test(d.code) && (!e.message || e.message.test(d.message)));
      assert.ok(matching.length > 0, `expected a diagnostic ${e.code}${e.message ? ` saying ${e.message}` : ''}; got ${JSON.stringify(r.diagnostics.slice(0, 5))}`);
      if (r.expectAt) {
        const [lo, hi] = r.expectAt;
        assert.ok(matching.some((d) => d.offset >= lo && d.offset <= hi), `expected it at offsets ${lo}..${hi}; got ${matching.map((d) => d.offset).join(', ')}`);
      }
      });
    }
  });
}
