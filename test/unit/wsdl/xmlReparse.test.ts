/**
 * Incremental XML re-parse must equal a full parse: random edits (typing, deleting, breaking tags, quotes,
 * entities) inside the children of the root of real WSDLs, alone and in sequences, compared node by node.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseXml, reparseXml, type XmlEdit } from '../../../server/src/syntax/xmlParser';
import type { XmlDocument, XmlElement } from '../../../server/src/syntax/xmlTree';
import { FIXTURES, withCursors } from '../../support/fixtures';

function dump(d: XmlDocument): string {
  const out: string[] = [];
  const sp = (s?: { start: number; end: number }) => (s ? `${s.start}-${s.end}` : '-');
  const stack: XmlElement[] = d.root ? [d.root] : [];
  while (stack.length) {
    const e = stack.pop()!;
    out.push(`${e.name} ns=${e.ns} d=${e.depth} p=${e.parent?.name ?? ''}@${sp(e.parent?.nameSpan)} ${sp(e.span)} ${sp(e.nameSpan)} ${sp(e.endNameSpan)} ${sp(e.startTagSpan)} t=${JSON.stringify(e.text)} ${sp(e.textSpan)} ` +
      e.attributes.map((a) => `${a.name}@${sp(a.nameSpan)}=${JSON.stringify(a.value)}@${sp(a.valueSpan)}`).join(' ') + ` n=${e.children.length}`);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
  }
  for (const c of d.comments) out.push(`comment ${sp(c.span)} ${JSON.stringify(c.text)}`);
  for (const e of d.errors) out.push(`error ${e.code} ${sp(e.span)} ${e.message}`);
  return out.join('\n');
}

/** Deterministic pseudo-random numbers (a test that fails must fail again). */
function rng(seed: number) { return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff); }

const PIECES = ['a', ' ', '<', '>', '/', '"', "'", '=', '&', '&amp;', ';', ':', '\n', '<x>', '</x>', '<y/>', 'name="n"', '<!-- c -->', '<![CDATA[z]]>', 'tns:', '</wsdl:operation>', '</wsdl:definitions>'];

function randomEdit(text: string, doc: XmlDocument, r: () => number): XmlEdit {
  const kids = doc.root?.children ?? [];
  const k = kids.length ? kids[Math.floor(r() * kids.length)] : undefined;
  const start = k ? k.span.start + 1 + Math.floor(r() * Math.max(1, k.span.end - k.span.start - 2)) : Math.floor(r() * text.length);
  const del = r() < 0.5 ? Math.floor(r() * 6) : 0;
  const ins = r() < 0.7 ? PIECES[Math.floor(r() * PIECES.length)] : '';
  return { start, end: Math.min(text.length, start + del), text: ins };
}

const apply = (t: string, e: XmlEdit) => t.slice(0, e.start) + e.text + t.slice(e.end);

const FILES = ['wsdl/hover-wsdl11.wsdl', 'wsdl/hover-wsdl20.wsdl', 'examples/weather-soap.wsdl', 'wsdl/multi/abstract.wsdl'];

test('incremental re-parse equals a full parse (single and chained random edits)', () => {
  let reused = 0, fellBack = 0;
  for (const rel of FILES) {
    const base = withCursors(fs.readFileSync(path.join(FIXTURES, rel), 'utf8')).text;
    const r = rng(rel.length * 7919);
    for (let round = 0; round < 150; round++) {
      let text = base;
      let doc = parseXml(text);
      const chain = 1 + Math.floor(r() * 3);
      for (let step = 0; step < chain; step++) {
        if (!doc.root || doc.root.children.length === 0) break;
        // A batch of 1-3 edits, each in the coordinates left by the previous one.
        const edits: XmlEdit[] = [];
        let t = text;
        const n = 1 + Math.floor(r() * 3);
        for (let i = 0; i < n; i++) {
          const e = randomEdit(t, i === 0 ? doc : parseXml(t), r);
          edits.push(e);
          t = apply(t, e);
        }
        const full = parseXml(t);
        const expected = dump(full);
        const inc = reparseXml(doc, text.length, t, edits)?.doc;
        if (inc) {
          reused++;
          assert.equal(dump(inc), expected, `${rel} round ${round} step ${step}: ${JSON.stringify(edits)}`);
          doc = inc;
        } else {
          fellBack++;
          doc = full;
        }
        text = t;
      }
    }
  }
  assert.ok(reused > 150, `the incremental path is taken (${reused} reused, ${fellBack} full)`);
});

test('edits outside a root child, or across two, fall back to a full parse', () => {
  const text = '<r xmlns="urn:r">\n  <a x="1"/>\n  <b>t</b>\n</r>';
  const doc = parseXml(text);
  const between = text.indexOf('\n  <b>');
  assert.equal(reparseXml(doc, text.length, apply(text, { start: between, end: between, text: ' ' }), [{ start: between, end: between, text: ' ' }]), undefined);
  const across = { start: text.indexOf('x='), end: text.indexOf('t</b>'), text: '' };
  assert.equal(reparseXml(doc, text.length, apply(text, across), [across]), undefined);
  const inside = { start: text.indexOf('t</b>'), end: text.indexOf('t</b>') + 1, text: 'text' };
  const next = apply(text, inside);
  const inc = reparseXml(doc, text.length, next, [inside])?.doc;
  assert.ok(inc);
  assert.equal(dump(inc), dump(parseXml(next)));
});
