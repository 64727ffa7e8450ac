/** The summary as hover Markdown and as `describe` text: complete, with reasons, and document text escaped. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { classify } from '../../../server/src/analysis/classify';
import { summaryMarkdown } from '../../../server/src/analysis/summaryMarkdown';
import { formatSummaryText } from '../../../server/src/cli/describeFormat';
import { endpoint, http, soap, summary } from '../../support/summaries';

test('hover Markdown: headline, scope, styles with reasons and notes, spec links, clients', () => {
  const s = classify(summary('oas30', [http('GET', '/books'), http('POST', '/books')], { endpoints: [endpoint('https://x')] }));
  const md = summaryMarkdown(s);
  assert.match(md, /^### REST \\\(level 2\\\) · JSON · HTTPS/);
  assert.match(md, /\*\*Design style\*\*/);
  assert.match(md, /Richardson maturity level 2/);
  assert.match(md, /\[Richardson Maturity Model \\\(M\\\. Fowler\\\)\]\(https:\/\/martinfowler\.com/);
  assert.match(md, /Who can call it/);
  assert.match(md, /API \(not a WSDL web service\)|API \\\(not a WSDL web service\\\)/);
});

test('hover Markdown escapes document text: a path with markup stays text', () => {
  const s = classify(summary('oas30', [http('GET', '/<img src=x onerror=alert(1)>/getUser')], { title: '<script>alert(1)</script>' }));
  const md = summaryMarkdown(s);
  assert.ok(!md.includes('<script'), md);
  assert.ok(!md.includes('<img'), md);
  assert.match(md, /&lt;script&gt;/);
});

test('describe text lists styles with notes, operations with their style, and clients', () => {
  const s = classify(summary('wsdl11', [soap('GetWeather', '1.1', 'document', 'literal'), soap('GetWeather', '1.2', 'document', 'literal')], { endpoints: [endpoint('http://x/ws', { soapVersion: '1.1', service: 'WeatherService' })] }));
  s.operations[0].range = { start: { line: 4, character: 2 }, end: { line: 4, character: 9 } };
  const t = formatSummaryText('w.wsdl', s);
  assert.match(t, /^w\.wsdl\n  SOAP 1\.1 \+ 1\.2 · XML · document\/literal/);
  assert.match(t, /design styles:\n    - SOAP document\/literal  \[certain\]/);
  assert.match(t, /· Bound to SOAP 1\.1 and 1\.2\./);
  assert.match(t, /- GetWeather: SOAP document\/literal — SOAP 1\.1  w\.wsdl:5:3/);
  assert.match(t, /http:\/\/x\/ws  HTTP, SOAP 1\.1, service WeatherService/);
  assert.match(t, /who can call it:/);
});

test('describe text strips terminal control characters from document text', () => {
  const s = classify(summary('oas30', [http('GET', '/a')], { title: 'evil\u001b[2Jtitle' }));
  assert.ok(!formatSummaryText('a.yaml', s).includes('\u001b'));
});
