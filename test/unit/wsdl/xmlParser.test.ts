/** The tolerant XML scanner: exact spans, readable errors at exact positions, recovery, and hostile input. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { performance } from 'perf_hooks';
import { parseXml, elementAt, MAX_DEPTH } from '../../../server/src/syntax/xmlParser';
import { LineIndex } from '../../../server/src/core/text';

const slice = (t: string, s: { start: number; end: number }) => t.slice(s.start, s.end);

test('spans of elements, names, end names, attributes and values', () => {
  const t = `<?xml version="1.0"?>\n<a:root xmlns:a="urn:a" x = 'v&amp;1'>\n  <a:child k="">text &lt; more<![CDATA[<raw>]]></a:child>\n  <empty/>\n</a:root>`;
  const d = parseXml(t);
  assert.deepEqual(d.errors, []);
  const root = d.root!;
  assert.equal(slice(t, root.nameSpan), 'a:root');
  assert.equal(slice(t, root.endNameSpan!), 'a:root');
  assert.equal(slice(t, root.span), t.slice(t.indexOf('<a:root')));
  assert.equal(root.ns, 'urn:a');
  const x = root.attributes.find((a) => a.name === 'x')!;
  assert.equal(slice(t, x.nameSpan), 'x');
  assert.equal(slice(t, x.valueSpan), 'v&amp;1');
  assert.equal(x.value, 'v&1');
  const child = root.children[0];
  assert.equal(child.text, 'text < more <raw>');
  const k = child.attributes[0];
  assert.deepEqual([k.value, k.valueSpan.start === k.valueSpan.end], ['', true]);
  assert.equal(slice(t, child.startTagSpan), '<a:child k="">');
  assert.equal(root.children[1].localName, 'empty');
  assert.equal(slice(t, root.children[1].span), '<empty/>');
  assert.equal(elementAt(root, t.indexOf('more'))?.localName, 'child');
  assert.equal(elementAt(root, t.indexOf('empty'))?.localName, 'empty');
});

function firstError(t: string) {
  const d = parseXml(t);
  const e = d.errors[0];
  const p = new LineIndex(t).positionAt(e.span.start);
  return { line: p.line + 1, col: p.character + 1, message: e.message, code: e.code, all: d.errors, root: d.root };
}

test('syntax errors: readable message at the exact line and column', () => {
  let e = firstError('<a>\n  <b>\n  </c>\n</a>');
  assert.deepEqual([e.line, e.col], [3, 5]);
  assert.match(e.message, /Unexpected end tag <\/c>: the open element is <b>/);
  e = firstError('<a>\n  <b x=1/>\n</a>');
  assert.deepEqual([e.line, e.col], [2, 8]);
  assert.match(e.message, /must be in quotes/);
  e = firstError('<a>\n  <b x="1"\n</a>');
  assert.match(e.message, /start tag of <b> is not closed/);
  e = firstError('<a>\n  <b>\n</a>');
  assert.deepEqual([e.line, e.col], [2, 4]);
  assert.match(e.message, /<b> is not closed: expected <\/b> before <\/a>/);
  e = firstError('<a>x & y</a>');
  assert.deepEqual([e.line, e.col], [1, 6]);
  e = firstError('<a>&nbsp;</a>');
  assert.match(e.message, /Unknown entity '&nbsp;'/);
  e = firstError('<a/><b/>');
  assert.match(e.message, /second root element <b>/);
  e = firstError('\n<?xml version="1.0"?><a/>');
  assert.match(e.message, /XML declaration/);
  e = firstError('<p:a/>');
  assert.match(e.message, /prefix 'p' is not declared/);
  e = firstError('<a q:b="1"/>');
  assert.match(e.message, /prefix 'q' of attribute 'q:b' is not declared/);
  assert.deepEqual([e.line, e.col], [1, 4]);
  e = firstError('<a b="1" b="2"/>');
  assert.match(e.message, /appears twice/);
  e = firstError('<a><!-- open');
  assert.match(e.message, /Comment is not closed/);
  e = firstError('');
  assert.match(e.message, /no root element/);
});

test('recovery: a misspelt end tag does not swallow the following siblings', () => {
  const t = '<r><m></mm><n/><o/></r>';
  const d = parseXml(t);
  assert.equal(d.errors.length, 1);
  assert.deepEqual(d.root!.children.map((c) => c.localName), ['m', 'n', 'o']);
});

test('DOCTYPE entities are reported and never expanded; external entities are never read', () => {
  const t = '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY y "yyy">]><a b="&y;">&x;</a>';
  const d = parseXml(t);
  assert.deepEqual(d.errors.map((e) => e.code), ['xml-doctype-entities']);
  assert.equal(d.errors[0].span.start, 0);
  assert.equal(d.root!.text, '&x;');
  assert.equal(d.root!.attributes[0].value, '&y;');
});

test('hostile: 100,000 levels of nesting, a 10 MB line, a million attributes-worth of text: bounded time, no stack overflow', () => {
  let t0 = performance.now();
  const deep = parseXml(`<r>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</r>`);
  assert.ok(performance.now() - t0 < 2000);
  assert.deepEqual(deep.errors.map((e) => e.code), ['xml-too-deep']);
  let depth = 0;
  for (let e = deep.root; e; e = e.children[0]) depth++;
  assert.equal(depth, MAX_DEPTH);
  t0 = performance.now();
  const unclosed = parseXml(`<r>${'<a>'.repeat(100_000)}`);
  assert.ok(performance.now() - t0 < 2000);
  assert.ok(unclosed.errors.length > 0 && unclosed.errors.length <= 200);
  t0 = performance.now();
  const line = parseXml(`<r a="${'x'.repeat(10_000_000)}">${'y'.repeat(10_000_000)}</r>`);
  assert.ok(performance.now() - t0 < 2000, `10 MB lines took ${performance.now() - t0} ms`);
  assert.equal(line.errors.length, 0);
  t0 = performance.now();
  const manyLt = parseXml(`<r>${'< '.repeat(500_000)}</r>`);
  assert.ok(performance.now() - t0 < 2000);
  assert.ok(manyLt.errors.length <= 200, 'errors are capped');
  t0 = performance.now();
  parseXml(`<r a="${'<'.repeat(1_000_000)}`);
  parseXml(`<r>${'&'.repeat(1_000_000)}</r>`);
  assert.ok(performance.now() - t0 < 2000);
  t0 = performance.now();
  const attrs = parseXml(`<r ${Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(' ')}/>`);
  assert.equal(attrs.root!.attributes.length, 100_000);
  assert.ok(performance.now() - t0 < 3000, 'many attributes stay linear');
});
