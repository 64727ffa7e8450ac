/**
 * Runs every document of ../shared/corpus through describe (the language service, as `api-lens describe`
 * does) and prints the distribution of design styles found: the main style per document (the first style
 * fact, "mixed" with its parts), every style, REST maturity levels, per document kind; plus crashes
 * (describe throwing or an internal-error finding) and documents of our kinds that got no summary.
 * Usage: npx tsc -p . && node out/scripts/style-distribution.js [--json]
 */
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../server/src/service/languageService';
import { Workspace, fileUri } from '../server/src/service/workspace';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const OURS = new Set(['wsdl11', 'wsdl20', 'swagger2', 'oas30', 'oas31', 'oas32']);

type Count = Record<string, number>;
const inc = (c: Count, k: string, n = 1) => { c[k] = (c[k] ?? 0) + n; };
const sorted = (c: Count) => Object.entries(c).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

function main(): void {
  const manifest = path.join(CORPUS, 'MANIFEST.tsv');
  if (!fs.existsSync(manifest)) { console.error(`style-distribution: no corpus at ${CORPUS}`); process.exit(2); }
  const rows = fs.readFileSync(manifest, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const workspace = new Workspace();
  workspace.setRoots([fileUri(CORPUS)]);
  let internalLogs = 0;
  const service = new LanguageService({ workspace, log: () => { internalLogs++; } });
  const main: Count = {}, all: Count = {}, levels: Count = {}, byKind: Record<string, Count> = {}, headlines: Count = {};
  const crashes: string[] = [], unsummarised: string[] = [];
  let described = 0, slowest = { ms: 0, file: '' };
  const t0 = Date.now();
  for (const [rel, kind] of rows) {
    const uri = fileUri(path.join(CORPUS, rel));
    const t = Date.now();
    try {
      const read = workspace.read(uri);
      if (!read) continue;
      service.open(uri, read.text, 1);
      const s = service.describe(uri);
      if (service.diagnostics(uri).some((d) => d.code === 'lens-internal-error')) crashes.push(`${rel}: internal error`);
      if (!s) { if (OURS.has(kind) && !service.diagnostics(uri).some((d) => d.code === 'lens-file-too-large')) unsummarised.push(rel); continue; }
      described++;
      const first = s.styles[0];
      const key = first.style === 'mixed' ? first.value : (first.style ?? first.value);
      inc(main, first.style === 'mixed' ? 'mixed' : key);
      inc(byKind[s.kind] ??= {}, first.style === 'mixed' ? 'mixed' : key);
      if (first.style === 'mixed') inc(headlines, first.value);
      for (const f of s.styles) if (f.style !== 'mixed') inc(all, f.style ?? f.value);
      for (const f of s.styles) if (f.style === 'rest') inc(levels, `level ${f.level}`);
    } catch (e) {
      crashes.push(`${rel}: ${(e as Error).message}`);
    } finally {
      service.close(uri);
      const ms = Date.now() - t;
      if (ms > slowest.ms) slowest = { ms, file: rel };
    }
  }
  const result = { files: rows.length, described, crashes, internalLogs, unsummarised, main: sorted(main), all: sorted(all), restLevels: sorted(levels), mixed: sorted(headlines), byKind: Object.fromEntries(Object.entries(byKind).map(([k, c]) => [k, sorted(c)])), seconds: (Date.now() - t0) / 1000, slowest };
  if (process.argv.includes('--json')) { console.log(JSON.stringify(result, null, 2)); return; }
  console.log(`${rows.length} corpus files, ${described} described, ${crashes.length} crashes, ${internalLogs} internal log lines, ${unsummarised.length} of our kinds without a summary; ${result.seconds.toFixed(1)} s (slowest ${slowest.ms} ms: ${slowest.file})`);
  console.log('\nmain style per document:');
  for (const [k, n] of result.main) console.log(`  ${String(n).padStart(5)}  ${k}`);
  console.log('\nevery style found (a document may have several):');
  for (const [k, n] of result.all) console.log(`  ${String(n).padStart(5)}  ${k}`);
  console.log('\nREST maturity levels:');
  for (const [k, n] of result.restLevels) console.log(`  ${String(n).padStart(5)}  ${k}`);
  console.log('\nmixed documents, by combination (top 12):');
  for (const [k, n] of result.mixed.slice(0, 12)) console.log(`  ${String(n).padStart(5)}  ${k}`);
  console.log('\nmain style by kind:');
  for (const [k, c] of Object.entries(result.byKind)) console.log(`  ${k}: ${c.map(([s, n]) => `${s} ${n}`).join(', ')}`);
  for (const c of crashes.slice(0, 20)) console.log(`CRASH ${c}`);
  for (const u of unsummarised.slice(0, 10)) console.log(`NO SUMMARY ${u}`);
}

main();
