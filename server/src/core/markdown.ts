/** Markdown helpers for hovers. Document text is always escaped: it is data, never markup. */

const MD_SPECIAL = /[\\`*_{}\[\]()<>#+\-.!|~&"']/g;

/** Escapes text so that it renders literally in Markdown (and any HTML in it stays inert). */
export function escapeMarkdown(text: string): string {
  return text.replace(MD_SPECIAL, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '\\' + c));
}

/** Inline code span for document text (names, URLs): backticks inside are handled by a longer fence. */
export function code(text: string): string {
  const t = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((s) => s.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return fence + pad + t + pad + fence;
}

export function link(title: string, url: string): string {
  return `[${escapeMarkdown(title)}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/** A fenced code block for a preview of document text (e.g. a $ref target); fence longer than any inside. */
export function codeBlock(text: string, lang = ''): string {
  const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((s) => s.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}
