/**
 * Markdown helpers for hovers. Document text is always escaped: it is data, never markup. Whatever a
 * document holds (HTML, `<script>`, links, images, `command:` URIs, theme icons `$(...)`, headings,
 * backticks) must render as the literal characters, in VS Code and in any other LSP client.
 */

const MD_SPECIAL = /[\\`*_{}\[\]()<>#+\-.!|~&"'=$:]/g;
/** Bidirectional controls can make text read differently from what it is ("Trojan Source"): shown, not applied. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/** Document text in one hover piece is capped: a 10 MB name must not become a 10 MB hover. */
const MAX_TEXT = 20_000;
const MAX_CODE = 1_000;

function cap(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Shown as ⟨U+202E⟩ (mathematical angle brackets: no Markdown meaning, so no escaping needed). */
const visibleBidi = (c: string) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`;

/**
 * Escapes text so that it renders literally in Markdown (and any HTML in it stays inert). `:` is escaped so
 * that no `scheme:` autolinks (GFM linkify), `$` so that `$(icon)` is no theme icon, `=` so that no
 * setext heading forms under a line.
 */
export function escapeMarkdown(text: string): string {
  return cap(text, MAX_TEXT).replace(MD_SPECIAL, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '\\' + c).replace(BIDI, visibleBidi);
}

/** Inline code span for document text (names, URLs): backticks inside are handled by a longer fence. */
export function code(text: string): string {
  const t = cap(text, MAX_CODE).replace(/[\r\n]+/g, ' ').replace(BIDI, visibleBidi);
  if (t.trim() === '') return t === '' ? '(empty)' : '` `';
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((s) => s.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return fence + pad + t + pad + fence;
}

/** Schemes a hover may link to; anything else (javascript:, command:, data:, vscode:) is shown as text. */
const LINKABLE = /^(https?|file|mailto):/i;

/** A link with our title; a URL of another scheme is not linked but shown as code. */
export function link(title: string, url: string): string {
  if (!LINKABLE.test(url)) return `${escapeMarkdown(title)} (${code(url)})`;
  // Characters that could end the destination or start a title/HTML are percent-encoded.
  const dest = url.replace(/[()\s<>"'`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeMarkdown(title)}](${dest})`;
}

/** A fenced code block for a preview of document text (e.g. a $ref target); fence longer than any inside. */
export function codeBlock(text: string, lang = ''): string {
  const body = cap(text, MAX_TEXT);
  const longest = Math.max(2, ...(body.match(/`{3,}/g) ?? []).map((s) => s.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang.replace(/[^\w+.#-]/g, '')}\n${body}\n${fence}`;
}
