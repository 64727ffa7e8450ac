/**
 * XML parser choice, measured: API Lens's spanned scanner (syntax/xmlParser.ts) against fast-xml-parser
 * (object tree, with and without its start-offset metadata) and its XMLValidator, on the large WSDL.
 * Usage: node bench/build-wsdl.mjs /tmp/large.wsdl && npx tsc -p . && node out/bench/xmlParser.bench.js [/tmp/large.wsdl]
 */
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseXml } from '../server/src/syntax/xmlParser';

const file = process.argv[2] ?? '/tmp/large.wsdl';
const text = fs.readFileSync(file, 'utf8');

/** Wall and CPU time (process.cpuUsage: a loaded machine inflates it less than wall time). */
function time(label: string, run: () => unknown, rounds = 15): void {
  for (let i = 0; i < 3; i++) run();
  const t: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const c = process.cpuUsage();
    const s = performance.now();
    run();
    t.push(performance.now() - s);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  t.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(`${label.padEnd(48)} wall median ${t[t.length >> 1].toFixed(1).padStart(6)} ms (min ${t[0].toFixed(1).padStart(6)})   CPU median ${cpu[cpu.length >> 1].toFixed(1).padStart(6)} ms`);
}

console.log(`${file}: ${(text.length / 1024 / 1024).toFixed(2)} M chars`);
time('api-lens parseXml (full tree, all spans, ns)', () => parseXml(text));
time('fast-xml-parser XMLParser (no spans)', () => new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(text));
time('fast-xml-parser XMLParser captureMetaData', () => new XMLParser({ ignoreAttributes: false, preserveOrder: true, captureMetaData: true } as never).parse(text));
time('fast-xml-parser XMLValidator.validate', () => XMLValidator.validate(text));
const broken = text.replace('</wsdl:message>', '</wsdl:mesage>');
const r = XMLValidator.validate(broken);
console.log('fast-xml-parser on a broken copy:', JSON.stringify(r).slice(0, 200));
const d = parseXml(broken);
console.log('api-lens on a broken copy:', d.errors.length, 'errors, first:', d.errors[0]?.message, '; root children kept:', d.root?.children.length);
