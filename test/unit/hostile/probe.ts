/**
 * Runs one hostile case in its own process (so that its time and peak memory are its own, and a crash
 * cannot take the test runner with it): `node probe.js <case> <dir>`. Prints one JSON line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LanguageService } from '../../../server/src/service/languageService';
import { Workspace } from '../../../server/src/service/workspace';
import { normaliseSettings } from '../../../server/src/rules/settings';
import { LineIndex } from '../../../server/src/core/text';
import { CASES, SECRET } from './cases';

export interface ProbeResult {
  name: string;
  bytes: number;
  /** Open + diagnostics + symbols + folding + hovers + definitions + describe, in ms. */
  ms: number;
  /** Slowest single feature call (ms). */
  maxCallMs: number;
  rssMb: number;
  diagnostics: { code: string; message: string; offset: number }[];
  diagnosticCount: number;
  logs: string[];
  leakedSecret: boolean;
  /** The case's expected-diagnostic window [lo, hi] in offsets, computed here where the text is. */
  expectAt?: [number, number];
}

function main(): void {
  const [name, dir] = process.argv.slice(2);
  const c = CASES.find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name}`);
  for (const [f, content] of Object.entries(c.files?.(dir) ?? {})) fs.writeFileSync(path.join(dir, f), content);
  const text = c.text(dir);
  const file = path.join(dir, c.file);
  if (c.onDisk) fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  const logs: string[] = [];
  const workspace = new Workspace();
  workspace.setRoots([pathToFileURL(dir).toString()]);
  const service = new LanguageService({ workspace, settings: normaliseSettings(c.settings ?? {}), log: (m) => logs.push(m.slice(0, 2000)) });

  const outputs: unknown[] = [];
  let maxCallMs = 0;
  const call = <T>(f: () => T): T => {
    const t = performance.now();
    const r = f();
    maxCallMs = Math.max(maxCallMs, performance.now() - t);
    outputs.push(r);
    return r;
  };
  // A 100 MB document is not indexed whole by the probe either (that alone takes a second).
  const lines = new LineIndex(text.length > 20_000_000 ? text.slice(0, 65536) : text);
  const t0 = performance.now();
  service.open(uri, text, 1);
  const diags = call(() => service.diagnostics(uri));
  call(() => service.symbols(uri));
  call(() => service.folding(uri));
  const offsets = [0, 1, text.length >> 1, text.length - 1, text.length];
  for (const needle of ['&xxe;', '&leak;', '&lol9;', '$ref', 'schemaLocation', 'location=', '*a1']) {
    const i = text.indexOf(needle);
    if (i >= 0) offsets.push(i + 1);
  }
  for (const o of offsets) {
    const pos = lines.positionAt(o);
    call(() => service.hover(uri, pos));
    call(() => service.definition(uri, pos));
    call(() => service.completion(uri, pos));
  }
  call(() => service.describe(uri));
  const ms = performance.now() - t0;

  const serialised = JSON.stringify(outputs);
  const result: ProbeResult = {
    name, bytes: Buffer.byteLength(text), ms, maxCallMs,
    rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    diagnostics: [...diags.slice(0, 50), ...diags.slice(50).filter((d) => String(d.code).startsWith('lens-'))].map((d) => ({ code: String(d.code), message: d.message.slice(0, 300), offset: lines.offsetAt(d.range.start) })),
    diagnosticCount: diags.length,
    logs,
    leakedSecret: serialised.includes(SECRET),
    expectAt: c.expect?.at?.(text),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main();
