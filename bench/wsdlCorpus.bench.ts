/**
 * Every file under ../shared/corpus/wsdl through the language service: WSDL documents get diagnostics,
 * hovers on every 50th element, symbols, describe; .xsd files (not API descriptions by themselves) are
 * parsed and modelled with their imports, as when a WSDL imports them. Reports files, findings by code,
 * crashes and any file slower than 2 s.
 * Usage: npx tsc -p . && node out/bench/wsdlCorpus.bench.js [corpus/wsdl folder]
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { LanguageService } from '../server/src/service/languageService';
import { Workspace, fileUri } from '../server/src/service/workspace';
import { parseXml } from '../server/src/syntax/xmlParser';
import { buildDocument } from '../server/src/wsdl/build';
import { buildModel } from '../server/src/wsdl/buildModel';

const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'wsdl'));
const files: string[] = [];
const walk = (d: string) => { for (const n of fs.readdirSync(d)) { const p = path.join(d, n); if (fs.statSync(p).isDirectory()) walk(p); else files.push(p); } };
walk(root);
files.sort();

const workspace = new Workspace();
workspace.setRoots([fileUri(root)]);
const errors: string[] = [];
const service = new LanguageService({ workspace, log: (m) => errors.push(m.split('\n')[0]) });
const byCode = new Map<string, number>();
const slow: string[] = [];
let wsdl = 0, xsd = 0, other = 0, findings = 0;
const t0 = performance.now();
for (const f of files) {
  const uri = fileUri(f);
  const text = workspace.read(uri)?.text;
  if (text === undefined) continue;
  const t = performance.now();
  try {
    service.open(uri, text, 1);
    if (service.kindOf(uri)) {
      wsdl++;
      for (const d of service.diagnostics(uri)) { byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1); findings++; if (d.code === 'lens-internal-error') errors.push(`${f}: ${d.message}`); }
      service.symbols(uri);
      service.describe(uri);
      service.folding(uri);
      const lines = service.analyse(uri)!.source.lines;
      let k = 0;
      for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) if (k++ % 50 === 0) { service.hover(uri, lines.positionAt(i + 2)); service.definition(uri, lines.positionAt(i + 2)); }
    } else if (/\.xsd$/i.test(f)) {
      xsd++;
      const x = parseXml(text);
      for (const e of x.errors) { byCode.set(e.code, (byCode.get(e.code) ?? 0) + 1); findings++; }
      const built = buildModel(buildDocument(uri, x), (u) => { const r = workspace.read(u); if (!r) return undefined; const xx = parseXml(r.text); return xx.root ? buildDocument(u, xx) : 'not-xml'; });
      for (const fd of built.findings) { byCode.set(fd.code, (byCode.get(fd.code) ?? 0) + 1); findings++; }
    } else other++;
    service.close(uri);
  } catch (e) {
    errors.push(`${f}: ${(e as Error).stack}`);
  }
  const ms = performance.now() - t;
  if (ms > 2000) slow.push(`${path.relative(root, f)} ${ms.toFixed(0)} ms`);
}
console.log(`${files.length} files under ${root}: ${wsdl} WSDL, ${xsd} XSD, ${other} other; ${findings} findings in ${(performance.now() - t0).toFixed(0)} ms`);
for (const [c, n] of [...byCode].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)} ${c}`);
console.log(`crashes/internal errors: ${errors.length}${errors.length ? '\n  ' + errors.slice(0, 10).join('\n  ') : ''}`);
console.log(`files over 2 s: ${slow.length ? slow.join(', ') : 'none'}`);
