/**
 * Incremental YAML re-parse (syntax/yamlIncremental.ts), checked against an oracle: after each of many seeded
 * random edits applied in sequence, the patched tree must equal a fresh parseYaml of the new text (types,
 * values, keys, every span, parents, errors), or the function must decline. Real documents of each OpenAPI
 * version from ../shared/corpus (the fixtures when it is absent) and a generated one with anchors, block
 * scalars, flow collections, compact and nested sequences, quoted and multi-line scalars, comments.
 * Longer run: YAML_ORACLE_EDITS=20000 YAML_ORACLE_SEED=7 node --test out/test/unit/openapi/yamlIncremental.test.js
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseYaml, yamlSplittable } from '../../../server/src/syntax/yamlParser';
import { reparseYaml } from '../../../server/src/syntax/yamlIncremental';
import type { JsonDocument, JsonNode } from '../../../server/src/syntax/jsonTree';
import { CORPUS, readFixture } from '../../support/fixtures';

const EDITS = Number(process.env.YAML_ORACLE_EDITS ?? 700);
const SEED = Number(process.env.YAML_ORACLE_SEED ?? 20261126);

/** Everything observable of a parse, spans included, one line per fact. */
function dump(doc: JsonDocument): string[] {
  const out: string[] = [];
  for (const e of doc.errors) out.push(`error ${e.code}@${e.span.start}-${e.span.end} ${e.message}`);
  for (const d of doc.damaged ?? []) out.push(`damaged@${d.start}-${d.end}`);
  const walk = (n: JsonNode, parent: JsonNode | undefined): void => {
    out.push(`${n.type}@${n.span.start}-${n.span.end}=${JSON.stringify(n.value ?? null)} alias=${!!n.alias} parent-ok=${n.parent === parent}`);
    if (n.properties) for (const p of n.properties) {
      out.push(`key ${JSON.stringify(p.key)}@${p.keySpan.start}-${p.keySpan.end} prop@${p.span.start}-${p.span.end}`);
      walk(p.value, n);
    }
    if (n.items) for (const it of n.items) walk(it, n);
  };
  if (doc.root) walk(doc.root, undefined);
  return out;
}

/** The first difference between two parses (as `dump` would show it), or undefined; faster than comparing dumps. */
function difference(x: JsonDocument, y: JsonDocument): string | undefined {
  const a = [...x.errors.map((e) => `${e.code}@${e.span.start}-${e.span.end} ${e.message}`), ...(x.damaged ?? []).map((d) => `damaged@${d.start}-${d.end}`)];
  const b = [...y.errors.map((e) => `${e.code}@${e.span.start}-${e.span.end} ${e.message}`), ...(y.damaged ?? []).map((d) => `damaged@${d.start}-${d.end}`)];
  if (a.join('\n') !== b.join('\n')) return `errors: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  const node = (n: JsonNode) => `${n.type}@${n.span.start}-${n.span.end}=${JSON.stringify(n.value ?? null)} alias=${!!n.alias}`;
  const stack: [JsonNode | undefined, JsonNode | undefined, JsonNode | undefined, JsonNode | undefined][] = [[x.root, y.root, undefined, undefined]];
  while (stack.length) {
    const [m, n, pm, pn] = stack.pop()!;
    if (!m || !n) { if (m !== n) return `root: ${m && node(m)} vs ${n && node(n)}`; continue; }
    if (m.type !== n.type || m.span.start !== n.span.start || m.span.end !== n.span.end || !Object.is(m.value, n.value) || !!m.alias !== !!n.alias) return `${node(m)} vs ${node(n)}`;
    if ((m.parent === pm) !== (n.parent === pn)) return `parent of ${node(m)}`;
    const mp = m.properties ?? [], np = n.properties ?? [], mi = m.items ?? [], ni = n.items ?? [];
    if (mp.length !== np.length || mi.length !== ni.length) return `children of ${node(m)}: ${mp.length}/${mi.length} vs ${np.length}/${ni.length}`;
    for (let k = 0; k < mp.length; k++) {
      const p = mp[k], q = np[k];
      if (p.key !== q.key || p.keySpan.start !== q.keySpan.start || p.keySpan.end !== q.keySpan.end || p.span.start !== q.span.start || p.span.end !== q.span.end)
        return `key ${JSON.stringify(p.key)}@${p.keySpan.start}-${p.keySpan.end} prop@${p.span.start}-${p.span.end} vs ${JSON.stringify(q.key)}@${q.keySpan.start}-${q.keySpan.end} prop@${q.span.start}-${q.span.end}`;
      stack.push([p.value, q.value, m, n]);
    }
    for (let k = 0; k < mi.length; k++) stack.push([mi[k], ni[k], m, n]);
  }
  return undefined;
}

/** A document that uses what API descriptions rarely do, but YAML allows (no alias: those always decline). */
export function generatedYaml(): string {
  return [
    '# generated for the incremental re-parse oracle',
    'openapi: 3.1.0',
    'info:',
    '  title: Generated',
    '  version: "1.0"',
    '  description: |',
    '    A literal block',
    '      more indented',
    '',
    '    after an empty line',
    '  summary: >-',
    '    folded',
    '    text',
    'x-keep: |+',
    '  kept',
    '',
    'x-flow: {a: 1, b: [x, y, "z"], c: {d: e}}',
    'x-seq: [1, 2,',
    '  3, 4]',
    'x-tagged: !!map',
    '  inner: 1',
    '  more: [a]',
    'x-anchored: &base',
    '  type: object',
    '  properties:',
    '    id: {type: integer}',
    'x-compact:',
    '- name: a',
    '  value: 1',
    '- name: b',
    '  value:',
    '    - - nested',
    '      - seq',
    '    - !!str 12',
    '-',
    '- plain scalar',
    '  continued here',
    'x-quoted:',
    "  \"quoted key\": 'single ''quote'''",
    '  other: "double',
    '    folded line"',
    '  empty:',
    '  tagged: !!str',
    '  # a comment at the key column',
    '  last: ~',
    'paths:',
    '  /a:',
    '    get:',
    '      description: Get a.   # trailing comment',
    '      responses:',
    '        "200":',
    '          description: OK',
    '          content:',
    '            application/json:',
    '              schema: {$ref: "#/components/schemas/A"}',
    '  /b/{id}:',
    '    parameters:',
    '      - name: id',
    '        in: path',
    '        required: true',
    '    post:',
    '      tags: [b]',
    '      responses: {}',
    '# a comment at column 0',
    'components:',
    '  schemas:',
    '    A:',
    '      type: string',
    '      enum:',
    '      - one',
    '      - two',
    '',
  ].join('\n');
}

function corpusDocuments(): { name: string; text: string }[] {
  const picks = [
    'openapi/OAI-OpenAPI-Specification-examples/examples/v2.0/yaml/uber.yaml',
    'openapi/swagger-api-swagger-parser/modules/swagger-parser-v3/src/test/resources/referenceFiles/TS29571_CommonData.yaml',
    'openapi/Redocly-redocly-cli/resources/museum.yaml',
    'openapi/Redocly-redocly-cli/resources/cafe.yaml',
    'openapi/OAI-OpenAPI-Specification-v3.1-dev/src/schemas/validation/schema.yaml',
  ];
  const found = picks.map((p) => path.join(CORPUS, p)).filter((f) => fs.existsSync(f));
  if (found.length) return found.map((f) => ({ name: path.basename(path.dirname(f)) + '/' + path.basename(f), text: fs.readFileSync(f, 'utf8') }));
  return ['bookshop-openapi30.yaml', 'library-openapi32.yaml', 'reservation-openapi31.yaml', 'weather-openapi30.yaml']
    .map((f) => ({ name: f, text: readFixture(`examples/${f}`) }));
}

const INSERTS = ['x', 'y1', ' ', '  ', '\n', '\n  ', '\n    ', ':', ': ', ': v', '-', '- ', '\n- ', '"', "'", '#', ' #', '# c\n',
  '&a ', '*a', '|', '|\n', '>-\n', '[', ']', '{', '}', ',', 'k: v\n', '  k2: 1\n', 'k:\n  - a\n', '\t', '!!str ', '!!seq ', '!!map ',
  '---\n', '...', '? ', '\r\n', 'é', '%'];

/** Runs `count` seeded edits on `base`; returns how many were patched and declined. */
function oracle(name: string, base: string, seed: number, count: number) {
  let s = seed >>> 0 || 1;
  const rnd = (n: number): number => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s % n; };
  let text = base;
  let good = base;
  let brokenLeft = 0;
  let doc = parseYaml(text);
  let patched = 0, declined = 0, patchable = 0, patchedValid = 0, patchedBroken = 0;
  const samples: string[] = [];
  for (let i = 0; i < count; i++) {
    // Edits cluster where typing happens: often next to a line start (indentation) or a ':'.
    let at = rnd(text.length + 1);
    if (rnd(4) === 0) { const ls = text.lastIndexOf('\n', at - 1) + 1; at = Math.min(text.length, ls + rnd(8)); }
    const del = rnd(3) === 0 ? 1 + rnd(rnd(5) === 0 ? 40 : 4) : 0;
    let ins = del && rnd(2) === 0 ? '' : INSERTS[rnd(INSERTS.length)];
    if (rnd(12) === 0) {
      // A paste: a few whole lines from elsewhere in the text.
      const from = text.lastIndexOf('\n', rnd(text.length)) + 1;
      let to = from;
      for (let n = 1 + rnd(6); n > 0 && to < text.length; n--) { const e = text.indexOf('\n', to); to = e < 0 ? text.length : e + 1; }
      ins = text.slice(from, to);
    }
    const next = text.slice(0, at) + ins + text.slice(at + del);
    const fresh = parseYaml(next);
    const label = `${name} seed ${seed}, edit ${i} at ${at}: -${del} +${JSON.stringify(ins)} (${JSON.stringify(text.slice(Math.max(0, at - 20), at))}|${JSON.stringify(text.slice(at, at + del + 20))})`;
    let result: JsonDocument | undefined;
    // Half the time the caller passes the region it knows from the edit (not always the smallest one).
    const known = rnd(2) === 0 ? { start: at, oldEnd: at + del, newEnd: at + ins.length } : undefined;
    try { result = reparseYaml(doc, text, next, known); } catch (e) { assert.fail(`${label}: threw ${(e as Error).stack}`); }
    // Valid: no errors, and a root collection (a root scalar, e.g. after '>-' at the top, has no entries to re-parse).
    const valid = (d: JsonDocument) => !d.errors.length && yamlSplittable(d) && (d.root?.type === 'object' || d.root?.type === 'array');
    const bothValid = valid(doc) && valid(fresh);
    if (bothValid) patchable++;
    if (result) {
      patched++;
      if (bothValid) patchedValid++; else patchedBroken++;
      const diff = difference(result, fresh);
      if (diff) {
        // YAML_ORACLE_FAILURE=file: the whole failing case, to replay it.
        if (process.env.YAML_ORACLE_FAILURE) fs.writeFileSync(process.env.YAML_ORACLE_FAILURE, JSON.stringify({ text, next }));
        const ls = text.lastIndexOf('\n', text.lastIndexOf('\n', text.lastIndexOf('\n', at - 1) - 1) - 1) + 1;
        assert.fail(`${label}: the patched tree differs from a fresh parse: ${diff}\nbefore (from ${ls}):\n${text.slice(ls, at + del + 300)}\nafter:\n${next.slice(ls, at + ins.length + 300)}`);
      }
      doc = result;
    } else {
      declined++;
      if (bothValid && samples.length < 20) samples.push(label);
      doc = fresh;
    }
    // Keep the text mostly valid, so that later edits can be patched: undo half the edits that break it,
    // let the others go on for a few edits (patching from and to texts with errors), then go back.
    if (valid(fresh)) { text = good = next; brokenLeft = 0; }
    else if (brokenLeft > 0) { text = next; if (--brokenLeft === 0) { text = good; doc = parseYaml(text); } }
    else if (rnd(2) === 0) { text = next; brokenLeft = 1 + rnd(6); }
    else doc = parseYaml(text);
    if (rnd(200) === 0) { text = good = base; doc = parseYaml(text); brokenLeft = 0; }
  }
  return { patched, declined, patchable, patchedValid, patchedBroken, samples };
}

test(`oracle: ${EDITS} random edits per document, patched tree = fresh parse (seed ${SEED})`, (t) => {
  const docs = [...corpusDocuments(), { name: 'generated', text: generatedYaml() }, { name: 'generated (CRLF)', text: generatedYaml().replace(/\n/g, '\r\n') }];
  let k = 0, withErrors = 0;
  for (const d of docs) {
    assert.equal(parseYaml(d.text).errors.length, 0, `${d.name} parses without errors`);
    const r = oracle(d.name, d.text, SEED + k++, EDITS);
    t.diagnostic(`${d.name}: ${r.patched} patched (${r.patchedBroken} from or to a text with errors), ${r.declined} declined; ${r.patchedValid} of ${r.patchable} edits between valid texts patched`);
    if (process.env.YAML_ORACLE_VERBOSE) for (const l of r.samples) t.diagnostic(`  declined: ${l}`);
    // Most edits between valid texts land inside one entry: a re-parse that always declines is a defect too.
    assert.ok(r.patchedValid > r.patchable * 0.6, `${d.name}: only ${r.patchedValid} of ${r.patchable} edits between valid texts patched`);
    withErrors += r.patchedBroken;
  }
  assert.ok(withErrors > EDITS / 10, `only ${withErrors} edits from or to a text with errors patched`);
});

test('an edit in a value keeps every node outside the re-parsed entry (identity) and shifts what follows', () => {
  const text = generatedYaml();
  const doc = parseYaml(text);
  const before = new Set<JsonNode>();
  const collect = (n: JsonNode): void => { before.add(n); for (const p of n.properties ?? []) collect(p.value); for (const it of n.items ?? []) collect(it); };
  collect(doc.root!);
  const at = text.indexOf('Get a.') + 3;
  const next = text.slice(0, at) + 'XYZ' + text.slice(at);
  const result = reparseYaml(doc, text, next);
  assert.ok(result, 'patched');
  assert.deepEqual(dump(result), dump(parseYaml(next)));
  let kept = 0, total = 0;
  const count = (n: JsonNode): void => { total++; if (before.has(n)) kept++; for (const p of n.properties ?? []) count(p.value); for (const it of n.items ?? []) count(it); };
  count(result.root!);
  assert.equal(kept, total - 1, 'only the description value is a new node');
});

test('declines: a document with an alias, with an unclosed flow collection, an edit before the first entry', () => {
  const aliased = 'a: &x\n  b: 1\nc: *x\nd: text\n';
  const edit = (t: string, at: number, ins: string) => t.slice(0, at) + ins + t.slice(at);
  assert.equal(reparseYaml(parseYaml(aliased), aliased, edit(aliased, aliased.indexOf('text'), 'x')), undefined);
  const broken = 'a: [1\nb: 2\nc: 3\n';
  assert.equal(reparseYaml(parseYaml(broken), broken, edit(broken, broken.indexOf('2'), '3')), undefined);
  // Before the first entry's first character nothing encloses the change; before a later entry's, the
  // entry above takes it (and the indented line becomes an error of that part, as in a fresh parse).
  const plain = 'a: 1\nb: 2\n';
  assert.equal(reparseYaml(parseYaml(plain), plain, edit(plain, 0, '  ')), undefined);
  const indented = edit(plain, plain.indexOf('b'), '  ');
  const r = reparseYaml(parseYaml(plain), plain, indented);
  assert.ok(r);
  assert.deepEqual(dump(r), dump(parseYaml(indented)));
  assert.match(r.errors[0].message, /Bad indentation/);
});

test('an edit that dedents a line becomes an entry of the enclosing mapping', () => {
  const text = 'a:\n  b:\n    c: 1\n    d: 2\ne: 3\n';
  const at = text.indexOf('    d');
  const next = text.slice(0, at) + text.slice(at + 2);
  const doc = parseYaml(text);
  const result = reparseYaml(doc, text, next);
  assert.ok(result, 'patched');
  assert.deepEqual(dump(result), dump(parseYaml(next)));
  assert.deepEqual(result.root!.properties!.map((p) => p.key), ['a', 'e']);
  assert.deepEqual(result.root!.properties![0].value.properties!.map((p) => p.key), ['b', 'd']);
});

test('errors before, inside and after the re-parsed entry are kept, replaced and shifted like a fresh parse', () => {
  const text = 'a:\n  x: 0\n  b 1\n  c: 2\nd:\n  e: 3\n  f: 4\ng:\n  k: 0\n  h i\n';
  const edit = (t: string, at: number, del: number, ins: string) => t.slice(0, at) + ins + t.slice(at + del);
  const doc = parseYaml(text);
  assert.equal(doc.errors.length, 2);
  // A new error inside 'e' (a second ':'), the old ones before and after it kept.
  const next = edit(text, text.indexOf('3'), 1, 'x: y');
  const result = reparseYaml(doc, text, next);
  assert.ok(result, 'patched');
  const fresh = parseYaml(next);
  assert.equal(fresh.errors.length, 3);
  assert.deepEqual(dump(result), dump(fresh));
  // Fixing the error inside 'e' again, then the one after it.
  const back = reparseYaml(result, next, text);
  assert.ok(back);
  assert.deepEqual(dump(back), dump(parseYaml(text)));
  const fixed = edit(text, text.indexOf('h i') + 1, 0, ':');
  const r2 = reparseYaml(back, text, fixed);
  assert.ok(r2);
  assert.deepEqual(dump(r2), dump(parseYaml(fixed)));
  assert.equal(r2.errors.length, 1);
});

test('an error that spans the entry (a tag that does not fit the collection around it) moves the re-parse up to an entry that holds it', () => {
  const text = 'a: !!seq\n  b: 1\n  c: 2\nd: 3\n';
  const doc = parseYaml(text);
  assert.match(doc.errors[0].message, /tag !!seq does not match/);
  const keptD = doc.root!.properties![1].value;
  const next = text.replace('2', '22');
  const result = reparseYaml(doc, text, next);
  assert.ok(result);
  assert.deepEqual(dump(result), dump(parseYaml(next)));
  assert.equal(result.root!.properties![1].value, keptD, "'d' is outside the re-parsed entry 'a'");
});

test('an edit among the comment lines above the first entry shifts the tree; one that adds content there declines', () => {
  const text = '# header\n\n# more\nopenapi: 3.1.0\npaths: {}\n';
  const doc = parseYaml(text);
  const root = doc.root;
  const next = text.replace('header', 'a longer header\n#');
  const r = reparseYaml(doc, text, next);
  assert.ok(r);
  assert.equal(r.root, root, 'the same tree, shifted');
  assert.deepEqual(dump(r), dump(parseYaml(next)));
  for (const bad of ['%YAML 1.2\n---\n# more\nopenapi: 3.1.0\npaths: {}\n', 'x: 1\n\n# more\nopenapi: 3.1.0\npaths: {}\n']) assert.equal(reparseYaml(parseYaml(text), text, bad), undefined, bad);
});

test('hostile: deep nesting does not make every level re-parse the same lines (bounded work)', () => {
  // 480 nested keys over 400 KB of entries, and 1.6 MB beside them so that each level's part is under a
  // quarter of the text; an unterminated quote at the bottom fails the part at every level. Re-parsing
  // each level's part (the same 400 KB 480 times) took seconds; the budget stops after a quarter of the text.
  let text = '';
  const depth = 480;
  for (let d = 0; d < depth; d++) text += ' '.repeat(2 * d) + 'k:\n';
  for (let i = 0; i < 480; i++) text += ' '.repeat(2 * depth) + `e${i}: ${'v'.repeat(800)}\n`;
  for (let i = 0; i < 3200; i++) text += `top${i}: ${'w'.repeat(500)}\n`;
  const doc = parseYaml(text);
  assert.equal(doc.errors.length, 0);
  const at = text.indexOf('e240: ') + 6;
  const next = text.slice(0, at) + '"' + text.slice(at);
  const t0 = performance.now();
  const result = reparseYaml(doc, text, next);
  const ms = performance.now() - t0;
  assert.equal(result, undefined, 'the quote runs past every part: a full parse');
  assert.ok(ms < 1500, `${Math.round(ms)} ms`);
});

test('declines when the part reaches the error cap (what it dropped may have been the line that ends the part)', () => {
  // '{' turns 300 lines into a flow mapping with an error each; the part (entry k) runs to the line 'z' at
  // column 0, which ends it: in the part alone that is an error too, but past the cap of 100 it is dropped.
  const text = 'r:\n  m:\n    k: 1\n' + '    x: 1\n'.repeat(300) + '    y: }\nz\n  more: 1\n';
  const next = text.replace('k: 1', 'k: {1');
  const doc = parseYaml(text);
  assert.equal(doc.errors.length, 1);
  const result = reparseYaml(doc, text, next);
  if (result) assert.deepEqual(dump(result), dump(parseYaml(next)));
  assert.equal(result, undefined);
});
