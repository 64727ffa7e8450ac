/**
 * Runs every document of ../shared/corpus through the language service (as `api-lens check` does) and
 * prints, per kind in MANIFEST.tsv: files, files recognised, errors, warnings, infos, crashes (internal
 * errors) and files slower than 2 s; then validity agreement (valid files with errors, invalid files
 * without). Usage: npm run corpus-report [-- --json] [-- --codes]
 */
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../server/src/service/languageService';
import { Workspace, fileUri } from '../server/src/service/workspace';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

interface Row { path: string; kind: string; format: string; bytes: number; validity: string }
interface Result extends Row { recognised: boolean; errors: number; warnings: number; infos: number; internal: number; ms: number; codes: Record<string, number>; firstError?: string }

function main(): void {
  if (!fs.existsSync(path.join(CORPUS, 'MANIFEST.tsv'))) {
    console.error(`corpus-report: no corpus at ${CORPUS}`);
    process.exit(2);
  }
  const rows: Row[] = fs.readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => {
    const [p, kind, format, bytes, validity] = l.split('\t');
    return { path: p, kind, format, bytes: Number(bytes), validity };
  });
  const workspace = new Workspace();
  workspace.setRoots([fileUri(CORPUS)]);
  const service = new LanguageService({ workspace, log: (m) => console.error(`internal: ${m.split('\n')[0]}`) });
  const results: Result[] = [];
  for (const r of rows) {
    const uri = fileUri(path.join(CORPUS, r.path));
    const t = process.hrtime.bigint();
    const read = workspace.read(uri);
    let res: Result = { ...r, recognised: false, errors: 0, warnings: 0, infos: 0, internal: 0, ms: 0, codes: {} };
    if (read) {
      service.open(uri, read.text, 1);
      const diags = service.diagnostics(uri);
      res.recognised = !!service.kindOf(uri);
      for (const d of diags) {
        res.codes[d.code] = (res.codes[d.code] ?? 0) + 1;
        if (d.code === 'lens-internal-error') res.internal++;
        if (d.severity === 'error') { res.errors++; res.firstError ??= `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`; }
        else if (d.severity === 'warning') res.warnings++;
        else res.infos++;
      }
      service.close(uri);
    }
    res.ms = Number(process.hrtime.bigint() - t) / 1e6;
    results.push(res);
  }
  if (process.argv.includes('--json')) { console.log(JSON.stringify(results, null, 2)); return; }
  const kinds = [...new Set(results.map((r) => r.kind))].sort();
  console.log('kind       files  recognised  errors  warnings  infos  internal  >2s  valid-with-errors  invalid-without-errors');
  for (const k of kinds) {
    const rs = results.filter((r) => r.kind === k);
    const sum = (f: (r: Result) => number) => rs.reduce((a, r) => a + f(r), 0);
    console.log(`${k.padEnd(10)} ${String(rs.length).padStart(5)}  ${String(rs.filter((r) => r.recognised).length).padStart(10)}  ${String(sum((r) => r.errors)).padStart(6)}  ${String(sum((r) => r.warnings)).padStart(8)}  ${String(sum((r) => r.infos)).padStart(5)}  ${String(sum((r) => r.internal)).padStart(8)}  ${String(rs.filter((r) => r.ms > 2000).length).padStart(3)}  ${String(rs.filter((r) => r.validity === 'valid' && r.errors > 0).length).padStart(17)}  ${String(rs.filter((r) => r.validity === 'invalid' && r.errors === 0 && r.recognised).length).padStart(22)}`);
  }
  const slow = results.filter((r) => r.ms > 2000);
  for (const r of slow) console.log(`slow: ${r.path} ${r.ms.toFixed(0)} ms`);
  const total = results.reduce((a, r) => a + r.ms, 0);
  console.log(`total ${results.length} files in ${(total / 1000).toFixed(1)} s; slowest ${results.slice().sort((a, b) => b.ms - a.ms).slice(0, 3).map((r) => `${r.path} ${r.ms.toFixed(0)} ms`).join(', ')}`);
  if (process.argv.includes('--codes')) {
    const codes: Record<string, number> = {};
    for (const r of results) for (const [c, n] of Object.entries(r.codes)) codes[c] = (codes[c] ?? 0) + n;
    for (const [c, n] of Object.entries(codes).sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(7)} ${c}`);
  }
  if (process.argv.includes('--disagreements')) {
    for (const r of results) {
      if (r.validity === 'valid' && r.errors > 0) console.log(`valid-with-errors ${r.path}: ${r.firstError}`);
      if (r.validity === 'invalid' && r.recognised && r.errors === 0) console.log(`invalid-without-errors ${r.path}`);
    }
  }
}

main();
