/**
 * Correctness oracle of incremental re-analysis (openapi/entries.ts, Dialect.reanalyse): random edits of the
 * kinds an editor makes (type or delete in a description, rename a path key, break a `$ref` and fix it, add
 * or remove a property, introduce a syntax error and repair it, move lines) applied in sequence to real
 * documents of each version, YAML and JSON, and Stripe. After every edit the incrementally re-analysed
 * document must answer exactly what a fresh full analysis of the same text answers: every diagnostic (code,
 * message, range, severity, related information, in order), hover and definition at a few positions, and
 * the document summary (describe).
 * Seeded and reproducible. API_LENS_ORACLE_STEPS=N runs N edits per document (default: a short run);
 * API_LENS_ORACLE_VERBOSE=1 lists the edits; API_LENS_ORACLE_FAILED=file.json saves a failing sequence.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../../../server/src/service/languageService';
import { LineIndex, type Position } from '../../../server/src/core/text';
import { fileUri } from '../../../server/src/service/workspace';
import { CORPUS } from '../../support/fixtures';
import { timings } from '../../../server/src/openapi/dialect';

const STEPS = Number(process.env.API_LENS_ORACLE_STEPS ?? 14);

interface Edit { start: number; end: number; text: string; kind: string; removed?: string }

/** A random edit of one of the kinds an editor makes, at a random place of `text`. */
function pickEdit(text: string, yaml: boolean, rnd: (n: number) => number): Edit {
  const from = rnd(text.length);
  const find = (re: RegExp): RegExpExecArray | null => {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    g.lastIndex = from;
    return g.exec(text) ?? ((g.lastIndex = 0), g.exec(text));
  };
  const kinds = ['desc-insert', 'desc-delete', 'path-key', 'ref', 'add-prop', 'remove-prop', 'syntax', 'char', 'char', 'desc-insert'];
  const kind = kinds[rnd(kinds.length)];
  switch (kind) {
    case 'desc-insert': case 'desc-delete': {
      const m = find(yaml ? /(?:description|summary|title): (?=[A-Za-z])/ : /"(?:description|summary|title)": "(?=[A-Za-z])/);
      if (!m) break;
      const at = m.index + m[0].length + rnd(3);
      if (kind === 'desc-insert') return { start: at, end: at, text: ['x', 'y', ' ', 'Z'][rnd(4)], kind };
      if (/[\w ]/.test(text.charAt(at))) return { start: at, end: at + 1, text: '', kind };
      break;
    }
    case 'path-key': {
      const m = find(yaml ? /^ {2}\/(?=[\w{])/m : /^ *"\/(?=[\w{])/m);
      if (m) return { start: m.index + m[0].length, end: m.index + m[0].length, text: 'x', kind };
      break;
    }
    case 'ref': {
      const m = find(yaml ? /\$ref: '?#\/(?=\w)/ : /"\$ref": "#\/(?=\w)/);
      const at = m ? m.index + m[0].length + rnd(4) : 0;
      if (m) return rnd(2) ? { start: at, end: at, text: 'x', kind } : { start: at, end: at + 1, text: '', kind };
      break;
    }
    case 'add-prop': {
      if (yaml) {
        const m = find(/^( +)[\w$'"][^:\n]*: /m);
        if (m) return { start: m.index, end: m.index, text: `${m[1]}x-oracle: ${rnd(2) ? '1' : 'a b'}\n`, kind };
      } else {
        const m = find(/\{\n/);
        if (m) return { start: m.index + 1, end: m.index + 1, text: '\n"x-oracle": 1,', kind };
      }
      break;
    }
    case 'remove-prop': {
      const m = find(yaml ? /^ +[\w-]+: [^\n|>&*#]+\n/m : /^ *"[^"\n]*": (?:"[^"\n\\]*"|-?[\d.]+|true|false|null),\n/m);
      if (m) return { start: m.index, end: m.index + m[0].length, text: '', kind };
      break;
    }
    case 'syntax': {
      const at = from;
      return { start: at, end: at, text: ['{', '"', ':', ']', '\n  - ', '}'][rnd(6)], kind };
    }
  }
  const at = rnd(text.length);
  return rnd(2) ? { start: at, end: at, text: 'q', kind: 'char' } : { start: at, end: Math.min(text.length, at + 1), text: '', kind: 'char' };
}

/** Positions to ask hover and definition at: inside `$ref` values and at random places. */
function probePositions(text: string, rnd: (n: number) => number): number[] {
  const out: number[] = [];
  for (let i = 0; i < 2; i++) {
    const at = text.indexOf('$ref', rnd(text.length));
    if (at >= 0) out.push(at + 10);
  }
  for (let i = 0; i < 2; i++) out.push(rnd(text.length));
  return out;
}

function snapshot(s: LanguageService, uri: string, text: string, probes: number[]): string {
  const lines = new LineIndex(text);
  const pos = (o: number): Position => lines.positionAt(o);
  const diags = s.diagnostics(uri).map((d) => ({ r: d.range, c: d.code, m: d.message, s: d.severity, rel: d.relatedInformation, data: d.data }));
  const answers = probes.map((o) => ({ at: o, hover: s.hover(uri, pos(o)), def: s.definition(uri, pos(o)) }));
  // The summary (design styles, operations with their evidence) behind the style-* findings and the root hover.
  return JSON.stringify({ diags, answers, summary: s.describe(uri) }, null, 1);
}

/** The first differing line of two snapshots, with context, for the failure message. */
function firstDifference(a: string, b: string): string {
  const x = a.split('\n'), y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i}:\n  incremental: ${x.slice(Math.max(0, i - 3), i + 3).join('\n  ')}\n  full:        ${y.slice(Math.max(0, i - 3), i + 3).join('\n  ')}`;
  }
  return '(none)';
}

function runOracle(file: string, steps: number, seed0: number): { incremental: number; edits: string[] } {
  const uri = fileUri(file);
  let text = fs.readFileSync(file, 'utf8');
  const yaml = /\.ya?ml$/i.test(file);
  let seed = seed0;
  // The high bits of the generator: its low bits repeat with a short period.
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return Math.floor((seed / 0x80000000) * n); };
  const inc = new LanguageService();
  inc.open(uri, text, 1);
  inc.diagnostics(uri);
  const kinds: string[] = [];
  // Applied edits with the text they replaced, so they can be undone: a broken $ref fixed, a syntax error
  // repaired (while the document has one, edits undo until it is gone: syntax errors disable reuse).
  const applied: Edit[] = [];
  const log: { start: number; end: number; text: string }[] = [];
  let broken = false;
  let version = 1;
  let incremental = 0;
  for (let step = 0; step < steps; step++) {
    const top = applied[applied.length - 1];
    const undo = top && (broken || rnd(3) === 0);
    const e: Edit = undo ? { start: top.start, end: top.start + top.text.length, text: top.removed!, kind: 'undo ' + top.kind } : pickEdit(text, yaml, rnd);
    const removed = text.slice(e.start, e.end);
    const lines = new LineIndex(text);
    inc.edit(uri, [{ range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) }, text: e.text }], ++version);
    text = text.slice(0, e.start) + e.text + text.slice(e.end);
    if (undo) applied.pop(); else applied.push({ ...e, removed });
    kinds.push(e.kind);
    log.push({ start: e.start, end: e.end, text: e.text });
    const probes = probePositions(text, rnd);
    const a = snapshot(inc, uri, text, probes);
    if (timings.incremental) incremental++;
    broken = /"c": "(?:json|yaml)-syntax"/.test(a);
    const full = new LanguageService();
    full.open(uri, text, version);
    const b = snapshot(full, uri, text, probes);
    // To replay a failure: API_LENS_ORACLE_FAILED=file.json writes the document and the edits there.
    if (a !== b && process.env.API_LENS_ORACLE_FAILED) fs.writeFileSync(process.env.API_LENS_ORACLE_FAILED, JSON.stringify({ file, edits: log }));
    if (a !== b) assert.fail(`${path.basename(file)} (seed ${seed0}), after edit ${step + 1} (${kinds.join(', ')}: ${JSON.stringify(e)}), the incremental analysis differs from a full one at ${firstDifference(a, b)}`);
  }
  if (process.env.API_LENS_ORACLE_VERBOSE) console.log(`${path.relative(CORPUS, file)}: ${incremental}/${steps} incremental; ${kinds.join(', ')}`);
  return { incremental, edits: kinds };
}

/** A few mid-sized corpus documents per version and syntax (enough entries to reuse, quick to analyse). */
function corpusDocuments(): string[] {
  const manifest = path.join(CORPUS, 'MANIFEST.tsv');
  if (!fs.existsSync(manifest)) return [];
  const rows = fs.readFileSync(manifest, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'))
    .filter(([p, kind, format, bytes, validity]) => /^(swagger2|oas3[012])$/.test(kind) && (format === 'json' || format === 'yaml')
      && Number(bytes) > 6_000 && Number(bytes) < 120_000 && validity !== 'invalid' && !p.startsWith('large/'))
    .sort((a, b) => Number(b[3]) - Number(a[3]) || a[0].localeCompare(b[0]));
  const out: string[] = [];
  const per = new Map<string, number>();
  for (const [p, kind, format] of rows) {
    const k = `${kind}/${format}`;
    if ((per.get(k) ?? 0) >= 2) continue;
    per.set(k, (per.get(k) ?? 0) + 1);
    out.push(path.join(CORPUS, p));
  }
  return out;
}

test('incremental re-analysis equals a full analysis after random edits (corpus, each version and syntax)', (t) => {
  const docs = corpusDocuments();
  if (!docs.length) { t.skip(`corpus not found at ${CORPUS}`); return; }
  assert.ok(docs.length >= 5, `${docs.length} documents`);
  let incremental = 0;
  for (const [i, file] of docs.entries()) incremental += runOracle(file, STEPS, 1000 + i).incremental;
  // The oracle means something only if edits did take the incremental path.
  assert.ok(incremental >= docs.length * STEPS / 4, `${incremental} of ${docs.length * STEPS} edits re-analysed incrementally`);
});

test('incremental re-analysis equals a full analysis after random edits (Stripe, JSON and YAML)', (t) => {
  const files = ['large/stripe-openapi-json/openapi/spec3.json', 'large/stripe-openapi-yaml/openapi/spec3.yaml'].map((p) => path.join(CORPUS, p)).filter((f) => fs.existsSync(f));
  if (!files.length) { t.skip(`Stripe not found in ${CORPUS}`); return; }
  let incremental = 0;
  for (const [i, file] of files.entries()) incremental += runOracle(file, Math.max(2, Math.round(STEPS / 5)), 7 + i).incremental;
  assert.ok(incremental >= 1, `${incremental} edits re-analysed incrementally`);
});
