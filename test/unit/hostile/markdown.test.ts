/**
 * Document text in hovers renders inert: escaped text, code spans, code blocks and links are rendered with
 * markdown-it (HTML enabled and linkify on: stricter than VS Code's hover renderer) and the HTML must contain
 * no element, link, image or autolink that came from the document.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createRequire } from 'module';
import { code, codeBlock, escapeMarkdown, link } from '../../../server/src/core/markdown';

const requireHere = createRequire(__filename);
let md: { render(s: string): string } | undefined;
try {
  const MarkdownIt = requireHere('markdown-it');
  md = new MarkdownIt({ html: true, linkify: true });
} catch { /* markdown-it comes with @vscode/vsce; without it only the string checks run */ }

const HOSTILE = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<!-- hidden --> visible', '<a href="command:workbench.action.terminal.new">x</a>',
  '[click](command:workbench.action.terminal.new)', '[x](javascript:alert(1))', '![img](https://evil.example/t.png)', '![img][r]\n\n[r]: https://evil.example/',
  'https://evil.example/phish', 'www.evil.example', 'mail@evil.example', '<https://evil.example>', '`code` and ``more``', '```\nfence\n```',
  '# heading', 'title\n===', '> quote', '- item\n* item\n1. item', '| a | b |\n|---|---|', '$(zap) icon', '&lt;script&gt; &amp; &#60;', '\\<script>',
  '**bold** _em_ ~~strike~~', 'line  \nbreak', '\u202eevil\u202c', 'tns:Foo', 'a\u0000b', '<svg/onload=alert(1)>', '<style>*{display:none}</style>',
  '<iframe src="https://evil.example">', '[a]: javascript:alert(1)\n[a]', '<details open><summary>x</summary></details>',
];

/** What the renderer may produce from escaped document text: paragraphs, line breaks, code. */
const ALLOWED_TAGS = new Set(['p', '/p', 'br', 'code', '/code', 'pre', '/pre']);

function tagsIn(html: string): string[] {
  return [...html.matchAll(/<\s*(\/?[a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase());
}

for (const [name, render] of Object.entries({
  escapeMarkdown: (t: string) => escapeMarkdown(t),
  code: (t: string) => code(t),
  codeBlock: (t: string) => codeBlock(t, 'yaml'),
})) {
  test(`${name}: hostile document text renders inert`, (t) => {
    if (!md) t.diagnostic('markdown-it is not installed: string checks only');
    for (const h of HOSTILE) {
      const out = render(h);
      if (name === 'escapeMarkdown') assert.ok(!/[<>]/.test(out), `raw angle bracket from ${JSON.stringify(h)}: ${out}`);
      if (!md) continue;
      const html = md.render(out);
      const bad = tagsIn(html).filter((x) => !ALLOWED_TAGS.has(x));
      assert.deepEqual(bad, [], `${JSON.stringify(h)} -> ${JSON.stringify(out)} -> ${html}`);
      assert.ok(!/<[^>]*\b(href|src)=/.test(html), `${JSON.stringify(h)} made a link: ${html}`);
    }
  });
}

test('escapeMarkdown keeps the visible characters (it escapes, it does not delete)', () => {
  if (!md) return;
  for (const h of ['<script>alert(1)</script>', '[x](javascript:alert(1))', 'tns:Foo', '# heading', '$(zap)', 'a_b*c`d']) {
    const text = md.render(escapeMarkdown(h)).replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"').trim();
    assert.equal(text, h);
  }
});

test('bidirectional controls and oversized text are shown, not applied', () => {
  assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(escapeMarkdown('a\u202eb\u2066c')));
  assert.match(escapeMarkdown('a\u202eb'), /U\+202E/);
  assert.ok(escapeMarkdown('x'.repeat(10_000_000)).length < 30_000);
  assert.ok(code('y'.repeat(10_000_000)).length < 2_000);
  assert.ok(codeBlock('z'.repeat(10_000_000)).length < 30_000);
  assert.equal(code(''), '(empty)');
});

test('links: our titles are escaped; only http(s), file and mailto destinations are linked', () => {
  for (const url of ['command:workbench.action.terminal.new', 'javascript:alert(1)', 'data:text/html,<script>', 'vscode://x', 'CoMmAnD:x']) {
    const out = link('t', url);
    assert.ok(!/\]\(/.test(out), `${url} was linked: ${out}`);
    if (md) assert.ok(!/<a /.test(md.render(out)), md.render(out));
  }
  const ok = link('A [title] <b>', 'https://example.org/a b)(c"d<e>`f');
  if (md) {
    const html = md.render(ok);
    assert.equal((html.match(/href=/g) ?? []).length, 1, html);
    assert.match(html, /href="https:\/\/example\.org\/a%20b%29%28c%22d%3Ce%3E%60f"/);
    assert.ok(!/<b>/.test(html));
  }
});

test('code spans and blocks survive backticks in the text', () => {
  if (!md) return;
  assert.match(md.render(code('a`b``c')), /<code>a`b``c<\/code>/);
  assert.match(md.render(codeBlock('x\n```\ny', 'yaml\n<script>')), /<pre><code class="language-yamlscript">x\n```\ny\n<\/code><\/pre>/);
});
