/**
 * Edits through LanguageService.edit() take the WSDL incremental path (one top-level element re-scanned) and
 * give exactly the diagnostics, hovers and symbols of a fresh analysis of the same text.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { LanguageService } from '../../../server/src/service/languageService';
import { Workspace, fileUri } from '../../../server/src/service/workspace';
import { LineIndex } from '../../../server/src/core/text';
import { FIXTURES, readFixture, withCursors } from '../../support/fixtures';
import type { WsdlAnalysed } from '../../../server/src/wsdl/dialect';

test('incremental WSDL re-analysis equals a fresh analysis, edit after edit', () => {
  const rel = 'wsdl/hover-wsdl11.wsdl';
  const file = path.join(FIXTURES, rel);
  const uri = fileUri(file);
  let text = withCursors(readFixture(rel)).text;
  const service = new LanguageService({ workspace: new Workspace() });
  service.open(uri, text, 1);
  service.diagnostics(uri);
  const edits: { find: string; del: number; insert: string }[] = [
    { find: 'tns:GetQuoteRequest"/>', del: 19, insert: 'tns:GetQuoteRequestX' },    // break a message reference
    { find: 'tns:GetQuoteRequestX', del: 20, insert: 'tns:GetQuoteRequest' },        // and fix it again
    { find: 'use="encoded"', del: 13, insert: 'use="literal"' },
    { find: '<wsdl:part name="symbol"', del: 0, insert: '\n    ' },                     // shifts everything after
    { find: '<wsdl:operation name="Tick">', del: 0, insert: '<wsdl:operation name="Tock"><wsdl:input message="tns:Nope"/></wsdl:operation>\n    ' },
    { find: 'soapAction="urn:legacy"', del: 23, insert: '' },
    { find: '<xsd:element name="GetQuoteResponse"', del: 1, insert: '' },            // a syntax error inside the schema
    { find: 'xsd:element name="GetQuoteResponse"', del: 0, insert: '<' },            // fixed again
  ];
  let version = 1;
  let reused = 0;
  for (const e of edits) {
    const at = text.indexOf(e.find);
    assert.ok(at >= 0, e.find);
    const lines = new LineIndex(text);
    const before = (service.analyse(uri) as WsdlAnalysed).model.doc.xml.root;
    service.edit(uri, [{ range: { start: lines.positionAt(at), end: lines.positionAt(at + e.del) }, text: e.insert }], ++version);
    text = text.slice(0, at) + e.insert + text.slice(at + e.del);
    const fresh = new LanguageService({ workspace: new Workspace() });
    fresh.open(uri, text, 1);
    const strip = (ds: ReturnType<LanguageService['diagnostics']>) => ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();
    assert.deepEqual(strip(service.diagnostics(uri)), strip(fresh.diagnostics(uri)), `after editing ${e.find}`);
    if ((service.analyse(uri) as WsdlAnalysed).model.doc.xml.root === before) reused++;
    const nl = new LineIndex(text);
    for (const probe of ['tns:QuotePortType', 'soap:binding', 'QuoteSoap12Port', 'xsd:simpleType']) {
      const pos = nl.positionAt(text.indexOf(probe) + 2);
      assert.equal(service.hover(uri, pos)?.markdown, fresh.hover(uri, pos)?.markdown, `hover on ${probe} after editing ${e.find}`);
    }
    assert.deepEqual(service.symbols(uri), fresh.symbols(uri));
    const refs = (ls: LanguageService) => (ls.analyse(uri) as WsdlAnalysed).model.doc.refs.map((r) => `${r.raw}@${r.span.start}-${r.span.end} ${r.ns}`);
    assert.deepEqual(refs(service), refs(fresh), `QName references after editing ${e.find}`);
    const comps = (ls: LanguageService) => (ls.analyse(uri) as WsdlAnalysed).model.doc.components.map((c) => `${c.kind} ${c.name}@${c.nameSpan.start} ${c.span.start}-${c.span.end}`);
    assert.deepEqual(comps(service), comps(fresh), `components after editing ${e.find}`);
  }
  assert.ok(reused >= 6, `the incremental path was taken ${reused} times of ${edits.length}`);
  // Unchanged top-level elements keep their model objects across an edit elsewhere.
  const m1 = (service.analyse(uri) as WsdlAnalysed).model.doc.messages[0];
  const lines = new LineIndex(text);
  const at = text.indexOf('soapAction="http://example.com/quotes/GetQuote"');
  service.edit(uri, [{ range: { start: lines.positionAt(at), end: lines.positionAt(at) }, text: ' ' }], ++version);
  assert.equal((service.analyse(uri) as WsdlAnalysed).model.doc.messages[0], m1);
});

test('a WSDL 2.0 draft-namespace description stays WSDL 2.0 (one draft finding) through incremental edits', () => {
  const rel = 'rules/wsdl-draft-namespace/bad.wsdl';
  const uri = fileUri(path.join(FIXTURES, rel));
  let text = withCursors(readFixture(rel)).text;
  const service = new LanguageService({ workspace: new Workspace() });
  service.open(uri, text, 1);
  const edits: { find: string; del: number; insert: string }[] = [
    { find: 'element="tns:greet"', del: 19, insert: 'element="tns:nope"' },          // inside the interface: re-scanned alone
    { find: '<wsdl:service', del: 0, insert: '<wsdl:interface name="Extra"><wsdl:operation name="x" pattern="http://www.w3.org/2006/01/wsdl/in-only"><wsdl:input element="#any"/></wsdl:operation></wsdl:interface>\n  ' },
    { find: 'element="tns:nope"', del: 18, insert: 'element="tns:greet"' },
  ];
  let version = 1;
  for (const e of edits) {
    const at = text.indexOf(e.find);
    assert.ok(at >= 0, e.find);
    const lines = new LineIndex(text);
    service.edit(uri, [{ range: { start: lines.positionAt(at), end: lines.positionAt(at + e.del) }, text: e.insert }], ++version);
    text = text.slice(0, at) + e.insert + text.slice(at + e.del);
    const fresh = new LanguageService({ workspace: new Workspace() });
    fresh.open(uri, text, 1);
    const strip = (ds: ReturnType<LanguageService['diagnostics']>) => ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`).sort();
    assert.deepEqual(strip(service.diagnostics(uri)), strip(fresh.diagnostics(uri)), `after editing ${e.find}`);
    assert.equal(service.diagnostics(uri).filter((d) => d.code === 'wsdl-draft-namespace').length, 1);
    assert.equal((service.analyse(uri) as WsdlAnalysed).model.doc.version, '2.0');
  }
  assert.ok(!service.diagnostics(uri).some((d) => d.code === 'wsdl-unknown-mep'), 'the draft in-only MEP reads as the Recommendation\'s');
});
