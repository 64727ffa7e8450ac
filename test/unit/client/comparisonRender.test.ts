/**
 * The comparison webview's HTML for a hostile document: markup and <script> in the title, descriptions,
 * paths and names must stay inert text; the CSP must be strict and every script must carry the nonce.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { renderComparison, escapeHtml, type Assets } from '../../../client/src/comparison/render';
import { classify } from '../../../server/src/analysis/classify';
import { compareSummaries } from '../../../server/src/analysis/compare';
import type { DocumentSummary } from '../../../server/src/analysis/summary';
import { endpoint, http, soap, summary } from '../../support/summaries';

const EVIL = `<script>alert("x")</script><img src=x onerror=alert(1)>"'\`&`;
const assets: Assets = { cspSource: 'vscode-webview://abc', nonce: 'N0nce+/=', styleUri: 'vscode-webview://abc/media/comparison.css', scriptUri: 'vscode-webview://abc/media/comparison.js' };

function hostile(): DocumentSummary {
  const s = summary('oas30', [
    http('GET', `/items/${EVIL}`, { name: `list${EVIL}`, responseMediaTypes: [`application/${EVIL}+json`] }),
    http('POST', '/items', { name: 'createItem' }),
  ], { title: EVIL, endpoints: [endpoint(`https://api.example.com/${EVIL}`)] });
  s.formats.push({ value: `application/${EVIL}`, confidence: 'certain', reason: `Seen in ${EVIL}`, evidence: [{ uri: `file:///${EVIL}`, span: { start: 0, end: 1 }, range: { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } } }] });
  s.protocols.push({ value: 'HTTPS', confidence: 'certain', reason: `server url ${EVIL}`, evidence: [] });
  const c = classify(s);
  c.operations[0].range = { start: { line: 3, character: 4 }, end: { line: 3, character: 9 } };
  return c;
}

/** Our tags, tokenised: name plus attributes, consuming quoted values whole (so escaped text inside them is skipped). */
function tagsOf(html: string): { name: string; attrs: [string, string | undefined][] }[] {
  const out: { name: string; attrs: [string, string | undefined][] }[] = [];
  const re = /<([a-zA-Z][a-zA-Z0-9]*)/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const attrs: [string, string | undefined][] = [];
    let i = m.index + m[0].length;
    const attr = /\s+([^\s=>/]+)(?:="([^"]*)"|=([^\s>]*))?/y;
    for (;;) {
      attr.lastIndex = i;
      const a = attr.exec(html);
      if (!a) break;
      assert.equal(a[3], undefined, `unquoted attribute value in <${m[1]} ${a[1]}=${a[3]}>`);
      attrs.push([a[1].toLowerCase(), a[2]]);
      i = attr.lastIndex;
    }
    assert.match(html.slice(i, i + 2), /^\s*\/?>/, `tag <${m[1]}> not closed where expected: ${html.slice(i, i + 40)}`);
    out.push({ name: m[1].toLowerCase(), attrs });
  }
  return out;
}

/** No element, attribute or event handler comes from document text. */
function assertInert(html: string): void {
  const tags = tagsOf(html);
  const allowed = new Set(['html', 'head', 'meta', 'link', 'title', 'body', 'main', 'script', 'header', 'h1', 'h2', 'p', 'div', 'section', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'span', 'strong', 'button', 'a']);
  assert.deepEqual(tags.map((t) => t.name).filter((t) => !allowed.has(t)), [], 'unexpected elements (unescaped document markup)');
  assert.equal(tags.filter((t) => t.name === 'script').length, 1, 'exactly one script element: ours');
  const attrNames = new Set(tags.flatMap((t) => t.attrs.map(([n]) => n)));
  assert.deepEqual([...attrNames].filter((n) => n.startsWith('on') || n === 'style'), [], 'no event handler or inline style attribute');
  for (const t of tags) for (const [n, v] of t.attrs) assert.ok(!/[<>"]/.test(v ?? ''), `raw markup in ${t.name} ${n}`);
  assert.ok(!html.includes('alert("x")'), 'the double quotes of document text are escaped');
  assert.deepEqual(tags.filter((t) => t.name === 'a').map((t) => t.attrs.find(([n]) => n === 'href')?.[1]).filter((h) => !/^https?:\/\//.test(h ?? '')), [], 'links go to spec pages only');
}

function assertCsp(html: string): void {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(csp, 'CSP meta present');
  const policy = csp[1].replace(/&#39;/g, "'");
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'nonce-N0nce\+\/='(;|$)/);
  assert.match(policy, /style-src vscode-webview:\/\/abc(;|$)/);
  assert.ok(!/https?:/.test(policy), 'no remote source allowed');
  assert.ok(!/unsafe-inline|unsafe-eval/.test(policy));
  for (const m of html.matchAll(/<script([^>]*)>/g)) assert.match(m[1], /nonce="N0nce\+\/="/, 'every script has the nonce');
  assert.ok(!/<script[^>]*>[^<]+<\/script>/.test(html), 'no inline script body');
  for (const m of html.matchAll(/<link[^>]*href="([^"]+)"/g)) assert.ok(m[1].startsWith('vscode-webview://abc/media/'));
}

test('single mode: hostile title, names, paths, media types and reasons stay inert text', () => {
  const html = renderComparison(assets, { mode: 'single', summary: hostile(), label: `evil${EVIL}.yaml`, canCompare: true });
  assertCsp(html);
  assertInert(html);
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'), 'the title is shown, escaped');
});

test('single mode: the six dimensions as a table with caption and header scopes; facts are buttons to their ranges', () => {
  const html = renderComparison(assets, { mode: 'single', summary: hostile(), label: 'a.yaml', canCompare: true });
  assert.match(html, /<table class="compare"><caption>/);
  for (const d of ['Scope', 'Message formats', 'Protocol and transport security', 'Architecture weight', 'Design styles', 'Who can call it']) {
    assert.match(html, new RegExp(`<th scope="row">${d}</th>`));
  }
  assert.match(html, /<th scope="col">This document<\/th>/);
  assert.match(html, /<button type="button" class="source" data-uri="file:\/\/\/&lt;script&gt;[^"]*" data-sl="1" data-sc="2" data-el="1" data-ec="9" aria-label="Format: application\//);
  assert.match(html, /<button type="button" class="source"[^>]*data-sl="3" data-sc="4"[^>]*aria-label="Operation: list/);
  assert.match(html, /<button type="button" class="action" data-action="pickOther">/);
  assert.match(html, /REST \(level 2\)/);
});

test('pair mode: WSDL and OpenAPI side by side with operations paired; hostile labels escaped', () => {
  const w = classify(summary('wsdl11', [soap('GetWeather', '1.1', 'document', 'literal'), soap('Ping', '1.1')], { title: 'Weather' }));
  const o = hostile();
  o.operations.push(http('GET', '/weather/{city}', { name: 'getWeather' }));
  const html = renderComparison(assets, { mode: 'pair', comparison: compareSummaries(w, classify(o)), leftLabel: 'weather.wsdl', rightLabel: `x${EVIL}` });
  assertCsp(html);
  assertInert(html);
  assert.match(html, /1 operation\(s\) paired by name/);
  assert.match(html, /<th scope="col">weather\.wsdl<\/th><th scope="col">x&lt;script&gt;/);
  assert.match(html, /<button type="button" class="action" data-action="single">/);
});

test('empty mode and escapeHtml', () => {
  const html = renderComparison(assets, { mode: 'empty', message: `${EVIL} is not ours` });
  assertCsp(html);
  assertInert(html);
  assert.equal(escapeHtml(`<a href="x" title='y'>&\``), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;');
});
