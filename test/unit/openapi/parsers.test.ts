/**
 * The positioned JSON and YAML parsers: exact spans, duplicate keys kept, errors at the right place with
 * a message a person understands, the same values as the `yaml` package, and hostile input in bounded
 * time (alias bombs, deep nesting, very long lines, BOMs).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as YAML from 'yaml';
import { parseJson } from '../../../server/src/syntax/jsonParser';
import { parseYaml, yamlHasAliases, yamlSplittable } from '../../../server/src/syntax/yamlParser';
import type { JsonNode } from '../../../server/src/syntax/jsonTree';

const plain = (n: JsonNode | undefined): unknown => {
  if (!n) return null;
  if (n.type === 'object') return Object.fromEntries((n.properties ?? []).map((p) => [p.key, plain(p.value)]));
  if (n.type === 'array') return (n.items ?? []).map(plain);
  return n.value;
};

test('JSON: spans of keys and values are exact; duplicates are kept', () => {
  const text = '{ "a": [1, "x"], "b": {"c": null}, "a": true }';
  const d = parseJson(text);
  assert.deepEqual(d.errors, []);
  const props = d.root!.properties!;
  assert.equal(props.length, 3);
  assert.equal(text.slice(props[0].keySpan.start, props[0].keySpan.end), '"a"');
  assert.equal(text.slice(props[0].value.span.start, props[0].value.span.end), '[1, "x"]');
  assert.equal(text.slice(props[1].value.properties![0].value.span.start, props[1].value.properties![0].value.span.end), 'null');
  assert.equal(props[2].key, 'a');
  assert.equal(props[0].value.items![1].parent, props[0].value);
});

test('JSON: errors point at the problem and the rest is kept', () => {
  const text = '{\n  "a": 1,\n  "b": 2,\n}\n';
  const d = parseJson(text);
  assert.equal(d.errors.length, 1);
  assert.match(d.errors[0].message, /Trailing comma/);
  assert.equal(d.errors[0].span.start, text.indexOf(',\n}'));
  assert.deepEqual(plain(d.root), { a: 1, b: 2 });
  const missing = parseJson('{"a": 1 "b": 2}');
  assert.match(missing.errors[0].message, /',' is missing/);
  assert.deepEqual(plain(missing.root), { a: 1, b: 2 });
  const unclosed = parseJson('{"a": {"b": 1}');
  assert.match(unclosed.errors[0].message, /not closed/);
  assert.deepEqual(plain(unclosed.root), { a: { b: 1 } });
  assert.match(parseJson("{'a': 1}").errors[0].message, /double quotes/);
  assert.match(parseJson('{"a": True}').errors[0].message, /lower case/);
  assert.match(parseJson('{"a": 01}').errors[0].message, /leading zeros/);
  assert.equal(parseJson('\ufeff{"a": "\\u00e9\\n"}').root!.properties![0].value.value, 'é\n');
});

test('YAML: spans of keys and values are exact, in block and flow style', () => {
  const text = 'a: 1\nb:\n  - x\n  - {k: "v w", n: [1, 2]}\n"q k": |\n  line\n';
  const d = parseYaml(text);
  assert.deepEqual(d.errors, []);
  const [a, b, q] = d.root!.properties!;
  assert.equal(text.slice(a.keySpan.start, a.keySpan.end), 'a');
  assert.equal(text.slice(a.value.span.start, a.value.span.end), '1');
  const flow = b.value.items![1];
  assert.equal(text.slice(flow.span.start, flow.span.end), '{k: "v w", n: [1, 2]}');
  assert.equal(text.slice(flow.properties![0].value.span.start, flow.properties![0].value.span.end), '"v w"');
  assert.equal(q.key, 'q k');
  assert.equal(text.slice(q.keySpan.start, q.keySpan.end), '"q k"');
  assert.equal(q.value.value, 'line\n');
});

test('YAML: the same values as the yaml package on the constructs API descriptions use', () => {
  const text = [
    'openapi: 3.1.0', 'n: 1.5', 'i: 0x1F', 'o: 0o17', 'b: True', 'z: ~', 'e:', 's: 2024-01-01', "v: '1.0'",
    'multi: this is', '  folded plain', '', '  with a break', 'lit: |+', '  keep', '', 'fold: >-', '  a', '  b', '', '  c', '    indented', 'd: "tab\\t\\u00e9 \\x41"',
    "sq: 'it''s'", 'anchors:', '  base: &b {x: 1}', '  copy: *b', 'list:', '- a', '- b: 1', '  c: 2', '- - nested', 'empty: []', 'k: v # comment', '"200": ok', '? ', '',
  ].slice(0, -2).join('\n') + '\n';
  const ours = parseYaml(text);
  assert.deepEqual(ours.errors, []);
  assert.deepEqual(plain(ours.root), YAML.parse(text));
});

test('YAML: errors with positions and messages', () => {
  const bad = 'a:\n  b: 1\n   c: 2\n';
  const d = parseYaml(bad);
  assert.match(d.errors[0].message, /Bad indentation/);
  assert.equal(d.errors[0].span.start, bad.indexOf('c: 2'));
  assert.match(parseYaml('a: b: c\n').errors[0].message, /same line/);
  assert.match(parseYaml('a:\n\t- x\n').errors[0].message, /Tabs/);
  // Once, although each collection that ends at that line looks at it.
  assert.equal(parseYaml('a:\n  b:\n    c:\n      d: 1\n\t x: 2\n').errors.filter((e) => /Tabs/.test(e.message)).length, 1);
  assert.match(parseYaml('x: *nope\n').errors[0].message, /Unknown alias/);
  assert.match(parseYaml('a: "open\nb: 1\n').errors[0].message, /Unterminated/);
  assert.match(parseYaml('a: [1, 2\n').errors[0].message, /not closed/);
  assert.match(parseYaml('a: 1\n---\nb: 2\n').errors[0].message, /more than one YAML document/);
});

test('YAML: the end of the text reads like any other end of a value (keep chomping, a tag with no value)', () => {
  for (const text of ['lit: |+\n  keep\n', 'lit: |+\n  keep\n\n', 'lit: |+\n  keep\n  ', 'a: !!str\n', 'a: !!str\nb: 1\n']) {
    const ours = parseYaml(text);
    assert.deepEqual(ours.errors, [], JSON.stringify(text));
    assert.deepEqual(plain(ours.root), YAML.parse(text), JSON.stringify(text));
  }
  // An empty value with a tag sits after the tag, whether a line or the end of the text follows.
  const at = (t: string) => parseYaml(t).root!.properties![0].value.span.start;
  assert.equal(at('a: !!str\n'), 'a: !!str'.length);
  assert.equal(at('a: !!str\nb: 1\n'), 'a: !!str'.length);
});

test('YAML: "- " and "? " never start a key, and nothing is read silently after "..."', () => {
  assert.match(parseYaml('a: 1\n- b: 2\n').errors[0].message, /sequence item/);
  assert.match(parseYaml('a: 1\n? b: 2\n').errors[0].message, /Complex mapping keys/);
  const ended = parseYaml('a: 1\n...\nb: 2\n');
  assert.match(ended.errors[0].message, /after the end of the document/);
  assert.equal(ended.errors[0].span.start, 'a: 1\n'.length);
  assert.deepEqual(parseYaml('a: 1\n... # end\n').errors, []);
  assert.deepEqual(plain(parseYaml('-x: 1\n?y: 2\n').root), { '-x': 1, '?y': 2 });
});

test('YAML: what a parse tells about sharing (aliases) and splitting (yamlIncremental.ts)', () => {
  const anchorOnly = parseYaml('a: &x {b: 1}\nc: 2\n');
  assert.equal(yamlHasAliases(anchorOnly), false);
  assert.equal(yamlSplittable(anchorOnly), true);
  const aliased = parseYaml('a: &x {b: 1}\nc: *x\n');
  assert.equal(yamlHasAliases(aliased), true);
  assert.equal(yamlSplittable(aliased), false);
  assert.equal(yamlHasAliases(parseYaml('a: "AT&T" # &x\n')), false);
  for (const text of ['a: !<tag:x> 1\n', 'a: "open\n', 'a: ' + '['.repeat(600) + ']'.repeat(600) + '\n']) assert.equal(yamlSplittable(parseYaml(text)), false, text.slice(0, 20));
});

test('YAML: an alias bomb is refused quickly, with a finding', () => {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let prev = 'a';
  for (const n of 'bcdefghijklmnop') { text += `${n}: &${n} [${Array(9).fill('*' + prev).join(', ')}]\n`; prev = n; }
  const t = Date.now();
  const d = parseYaml(text);
  assert.ok(Date.now() - t < 1000);
  assert.match(d.errors[0].message, /alias bomb/);
});

test('deep nesting, long lines and BOMs do not overflow or stall', () => {
  for (const [name, parse, text] of [
    ['json', parseJson, '['.repeat(100_000) + ']'.repeat(100_000)],
    ['yaml flow', parseYaml, '['.repeat(100_000) + ']'.repeat(100_000)],
    ['yaml block', parseYaml, '- '.repeat(100_000) + 'x'],
  ] as const) {
    const t = Date.now();
    const d = parse(text);
    assert.ok(Date.now() - t < 2000, name);
    assert.match(d.errors[0].message, /Nesting deeper than/, name);
  }
  const long = 'd: ' + 'x'.repeat(10_000_000) + '\n';
  assert.equal((parseYaml(long).root!.properties![0].value.value as string).length, 10_000_000);
  assert.deepEqual(parseYaml('\ufeffa: 1\n').errors, []);
  assert.equal(parseYaml('\ufeffa: 1\n').root!.properties![0].key, 'a');
});
