/**
 * Detection runs on every opened file, ours or not, so it must be linear in the text: a regex with
 * lazy alternatives was quadratic on unclosed `<?`, `<!--` and `<a` runs (a hang on open of a 1 MB file).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { detectKind } from '../../../server/src/service/detect';

const WSDL = '<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"/>';
const CASES: Record<string, string> = {
  'unclosed processing instructions': '<?'.repeat(50_000),
  'unclosed comments': '<!--'.repeat(25_000),
  'unclosed start tags': '<a'.repeat(50_000),
  'unclosed start tags after the root name': '<wsdl:definitions ' + '<x'.repeat(50_000),
  'a DOCTYPE of many bracket pairs': '<!DOCTYPE ' + '[]'.repeat(50_000) + '>' + WSDL,
  'unclosed DOCTYPEs': '<!DOCTYPE ['.repeat(10_000),
  'lone angle brackets': '<'.repeat(100_000) + WSDL,
  'many xmlns attributes without a closing quote': '<wsdl:definitions ' + 'xmlns="'.repeat(10_000) + '>',
};

for (const [name, text] of Object.entries(CASES)) {
  test(`detection is linear: ${name} (${Math.round(text.length / 1024)} KB)`, () => {
    const t0 = performance.now();
    detectKind(text, 'file:///x.xml');
    const ms = performance.now() - t0;
    assert.ok(ms < 250, `${Math.round(ms)} ms`);
  });
}

test('detection still finds the root after a prolog, comments, PIs and a DOCTYPE with an internal subset', () => {
  const text = `<?xml version="1.0"?>\n<!-- <wsdl:nope> -->\n<?pi x?>\n<!DOCTYPE d [<!ENTITY a "<b>"> <!-- ] > -->]>\n${WSDL}`;
  assert.deepEqual(detectKind(text), { kind: 'wsdl11', version: '1.1', syntax: 'xml' });
  assert.equal(detectKind('<?xml version="1.0"?><!-- unclosed ' + WSDL.slice(0, 10)), null);
});
