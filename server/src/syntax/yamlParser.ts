/**
 * YAML text -> JsonDocument with exact spans for every key and value.
 *
 * Hand-written on purpose. Measured on a 10 MB YAML rendering of GitHub's description, the `yaml` package
 * takes ~0.5 s just to lex and ~4 s to build its CST (Stripe's 4 MB: 0.7 s lex, 1.1 s CST), beyond the
 * first-diagnostics budget before any analysis. This parser reads the YAML that API descriptions use
 * (block and flow collections, plain / quoted / block scalars, anchors, aliases, tags, comments,
 * directives) straight into our tree in one pass.
 *
 * Safety: recursion is bounded by MAX_DEPTH (deeper content is skipped with an error, so consumers that
 * recurse stay safe); aliases are not copied (an alias node shares its anchor's children) and the total
 * expansion is counted, so an alias bomb ("billion laughs") is refused in bounded time and memory.
 * It never throws; errors have exact spans and the tree keeps everything parsed around them.
 */
import { TreeNode, TreeProperty, type JsonDocument, type JsonNode, type JsonNodeType, type JsonProperty, type JsonSyntaxError } from './jsonTree';
import type { Span } from '../core/text';
import { StringTable } from './stringTable';

export const MAX_DEPTH = 512;
/** Alias expansion budget: nodes reachable through aliases, on top of the document's own nodes. */
export const MAX_ALIAS_EXPANSION = 1_000_000;
export const MAX_ERRORS = 100;
/** The error for content after the root node (syntax/yamlIncremental.ts: a part that ends its collection). */
export const AFTER_DOCUMENT = 'Unexpected content after the end of the document.';

const NULL_RE = /^(?:~|null|Null|NULL)$/;
const BOOL_RE = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT_RE = /^[-+]?[0-9]+$/;
const OCT_RE = /^0o[0-7]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF_RE = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN_RE = /^\.(?:nan|NaN|NAN)$/;

/** The type resolvePlain() gave its last scalar (a variable, not a result object: one allocation less per scalar). */
let resolvedType: JsonNodeType = 'string';
/** YAML 1.2 core schema resolution of a plain scalar: returns the value and sets resolvedType. */
function resolvePlain(s: string): string | number | boolean | null {
  if (s === '') { resolvedType = 'null'; return null; }
  const c = s.charCodeAt(0);
  // Only scalars starting like a number, a bool, a null or .inf/.nan need a regex.
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
    resolvedType = 'number';
    if (INT_RE.test(s)) return Number(s);
    if (FLOAT_RE.test(s)) return Number(s);
    if (OCT_RE.test(s)) return parseInt(s.slice(2), 8);
    if (HEX_RE.test(s)) return parseInt(s.slice(2), 16);
    if (INF_RE.test(s)) return s.charCodeAt(0) === 45 ? -Infinity : Infinity;
    if (NAN_RE.test(s)) return NaN;
  } else if (c === 126 || c === 110 || c === 78) {
    if (NULL_RE.test(s)) { resolvedType = 'null'; return null; }
  } else if (c === 116 || c === 84 || c === 102 || c === 70) {
    if (BOOL_RE.test(s)) { resolvedType = 'boolean'; return s.charCodeAt(0) === 116 || s.charCodeAt(0) === 84; }
  }
  resolvedType = 'string';
  return s;
}

const isBlank = (c: number): boolean => c === 32 || c === 9;
/** Space, tab, line break or end of text (NaN). */
const isBlankOrEnd = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c !== c;
const isFlowIndicator = (c: number): boolean => c === 44 || c === 91 || c === 93 || c === 123 || c === 125;


/** YAML 1.2 §5.7 single-character escapes of double-quoted scalars (a Map: no prototype lookups). */
const SIMPLE_ESCAPES = new Map<string, string>(Object.entries({ '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' }));
/**
 * Documents in which a part of the text is not read on its own: an alias (its node shares the children of a
 * node elsewhere, and its expansion counts against MAX_ALIAS_EXPANSION), a verbatim tag `!<...>` (whose '>'
 * is searched past the line), the nesting limit (reported once for the whole text), a quoted scalar still
 * open at the end of the text. syntax/yamlIncremental.ts re-parses no part of them, and no part that is one.
 */
const entangled = new WeakSet<JsonDocument>();
export function yamlSplittable(doc: JsonDocument): boolean { return !entangled.has(doc); }
/** Documents with at least one alias: the only way two places of a YAML tree share nodes (an anchor alone shares nothing). */
const aliased = new WeakSet<JsonDocument>();
export function yamlHasAliases(doc: JsonDocument): boolean { return aliased.has(doc); }

/**
 * Parses `text`. `maxDepth` is the nesting allowed (syntax/yamlIncremental.ts passes what remains below the
 * collection whose entries it re-parses, so a part is refused exactly where the whole would be).
 */
export function parseYaml(text: string, maxDepth = MAX_DEPTH): JsonDocument {
  const len = text.length;
  const errors: JsonSyntaxError[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineStart = pos;
  let depth = 0;
  let depthReported = false;
  const anchors = new Map<string, JsonNode>();
  const weights = new Map<JsonNode, number>();
  let expansion = 0;
  let aliasRefused = false;
  let isEntangled = false;
  let hasAlias = false;

  /** Flow collections never closed (or closed by the wrong bracket): what follows may be swallowed (JsonDocument.damaged). */
  const damaged: Span[] = [];
  const error = (start: number, end: number, message: string): void => {
    if (errors.length < MAX_ERRORS) errors.push({ code: 'yaml-syntax', message, span: { start, end: Math.max(start, end) } });
  };
  const mk = (type: JsonNodeType, start: number, end: number, value: JsonNode['value']): TreeNode =>
    new TreeNode(type, start, end, value, undefined, undefined, undefined);

  /** Keys and scalars without escapes or line breaks: one string object per distinct short value (stringTable.ts). */
  const strings = new StringTable(text);
  const sharedSlice = (s: number, e: number): string => strings.slice(s, e);

  /** Without a \r in the text a line ends at the next \n: indexOf finds it much faster than a character loop. */
  const lfOnly = text.indexOf('\r') < 0;
  const lineEnd = (p: number): number => {
    if (lfOnly) { const i = text.indexOf('\n', p); return i < 0 ? len : i; }
    for (let i = p; i < len; i++) { const c = text.charCodeAt(i); if (c === 10 || c === 13) return i; }
    return len;
  };
  /** Moves pos past the line break at pos (\n, \r\n or \r) and updates lineStart. */
  const newline = (): void => {
    if (text.charCodeAt(pos) === 13 && text.charCodeAt(pos + 1) === 10) pos += 2; else pos++;
    lineStart = pos;
  };
  const col = (): number => pos - lineStart;
  const atDocMarker = (): boolean =>
    pos === lineStart && pos + 3 <= len && (text.startsWith('---', pos) || text.startsWith('...', pos)) && isBlankOrEnd(text.charCodeAt(pos + 3));

  /** The first offset from p that is not a space or a tab. */
  const skipBlanks = (p: number): number => {
    let c = text.charCodeAt(p);
    while (c === 32 || c === 9) c = text.charCodeAt(++p);
    return p;
  };
  /** Skips blanks and a comment on the current line; stops at the line break (or content). */
  const skipInline = (): void => {
    const p = skipBlanks(pos);
    pos = text.charCodeAt(p) === 35 ? lineEnd(p) : p;
  };
  let tabReported = -1;
  // skipToContent() is asked again from the same place when a value or a collection ends (readBlockNode looks
  // past an empty value, each collection that ends at a dedent looks at the same next line): remember the last answer.
  let stcFrom = -1, stcFromLs = -1, stcPos = -1, stcLs = -1, stcFound = false;
  /** Skips blanks, comments and line breaks up to the next content; reports tabs used as indentation. */
  const skipToContent = (): boolean => {
    if (pos === stcFrom && lineStart === stcFromLs) { pos = stcPos; lineStart = stcLs; return stcFound; }
    stcFrom = pos; stcFromLs = lineStart;
    stcFound = scanToContent();
    stcPos = pos; stcLs = lineStart;
    return stcFound;
  };
  const scanToContent = (): boolean => {
    let p = pos, ls = lineStart;
    for (;;) {
      let tab = -1;
      let c = text.charCodeAt(p);
      while (c === 32 || c === 9) {
        if (c === 9 && tab < 0 && p - ls === countSpaces(ls, p)) tab = p;
        c = text.charCodeAt(++p);
      }
      if (p >= len) { pos = p; lineStart = ls; return false; }
      if (c === 35) { p = lineEnd(p); continue; }
      if (c === 10 || c === 13) { p += c === 13 && text.charCodeAt(p + 1) === 10 ? 2 : 1; ls = p; continue; }
      pos = p; lineStart = ls;
      // Once per tab: collections ending at this line each look ahead across it.
      if (tab >= 0 && p > tab && tab > tabReported) { error(tab, tab + 1, 'Tabs are not allowed for indentation in YAML; indent with spaces.'); tabReported = tab; }
      return true;
    }
  };
  /** The spaces from the line start ls up to p. */
  const countSpaces = (ls: number, p: number): number => { let n = 0; for (let i = ls; i < p && text.charCodeAt(i) === 32; i++) n++; return n; };

  /** Skips the rest of a block node: every following line indented more than `indent`. */
  const skipBlock = (indent: number): number => {
    let end = pos;
    pos = lineEnd(pos); end = pos;
    for (;;) {
      const save = pos, saveLs = lineStart;
      if (pos < len) newline();
      if (!skipToContent() || col() <= indent) { pos = save; lineStart = saveLs; return end; }
      pos = lineEnd(pos); end = pos;
    }
  };

  const enter = (start: number): boolean => {
    if (depth >= maxDepth) {
      if (!depthReported) { error(start, start + 1, `Nesting deeper than ${MAX_DEPTH} levels: API Lens skips this value (no API description nests this deep).`); depthReported = true; isEntangled = true; }
      return false;
    }
    depth++;
    return true;
  };

  // ---- aliases ----------------------------------------------------------------------------

  /** Node count of a subtree, counting what aliases inside it expand to (memoised per anchored node). */
  const weightOf = (root: JsonNode): number => {
    const memo = weights.get(root);
    if (memo !== undefined) return memo;
    let total = 0;
    const stack: JsonNode[] = [root];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.alias) { total += weights.get(n) ?? 1; continue; }
      total++;
      if (n.properties) for (const p of n.properties) stack.push(p.value);
      else if (n.items) for (const i of n.items) stack.push(i);
      if (total > MAX_ALIAS_EXPANSION) break;
    }
    weights.set(root, total);
    return total;
  };

  const readAlias = (): JsonNode => {
    const start = pos;
    isEntangled = true;
    hasAlias = true;
    pos++;
    while (pos < len && !isBlankOrEnd(text.charCodeAt(pos)) && !isFlowIndicator(text.charCodeAt(pos))) pos++;
    const name = text.slice(start + 1, pos);
    const target = anchors.get(name);
    if (!target) {
      error(start, pos, `Unknown alias *${name}: no anchor &${name} is defined before this point.`);
      return mk('null', start, pos, null);
    }
    const w = weightOf(target);
    expansion += w;
    if (expansion > MAX_ALIAS_EXPANSION) {
      if (!aliasRefused) {
        error(start, pos, `Aliases expand to more than ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} nodes (an "alias bomb"); API Lens does not expand *${name} or later aliases.`);
        aliasRefused = true;
      }
      return mk('null', start, pos, null);
    }
    // Shares the anchor's content without copying it: expansion is lazy, and counted above.
    const n = new TreeNode(target.type, start, pos, target.value, target.properties, target.items, undefined);
    n.alias = true;
    weights.set(n, w);
    return n;
  };

  // ---- scalars ----------------------------------------------------------------------------

  /** Double-quoted scalar at pos (may span lines); returns the value, pos after the closing quote. */
  const readDouble = (): string => {
    const start = pos;
    pos++;
    let out = '';
    let segStart = pos;
    for (;;) {
      if (pos >= len) { isEntangled = true; error(start, lineEnd(start), 'Unterminated double-quoted string: a closing " is missing.'); return out + text.slice(segStart, len); }
      const c = text.charCodeAt(pos);
      if (c === 34) { out = out === '' ? sharedSlice(segStart, pos) : out + text.slice(segStart, pos); pos++; return out; }
      if (c === 92) {
        out += text.slice(segStart, pos);
        const e = text.charAt(pos + 1);
        const simple = SIMPLE_ESCAPES.get(e);
        if (simple !== undefined) { out += simple; pos += 2; }
        else if (e === 'x' || e === 'u' || e === 'U') {
          const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          const hex = text.slice(pos + 2, pos + 2 + n);
          if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === n) {
            const cp = parseInt(hex, 16);
            out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
            pos += 2 + n;
          } else { error(pos, pos + 2, `Invalid escape \\${e}: it needs ${n} hexadecimal digits.`); pos += 2; }
        } else if (e === '\n' || e === '\r') {
          // Escaped line break: the string continues on the next line without a space.
          pos++;
          newline();
          pos = skipBlanks(pos);
        } else { error(pos, pos + 2, `Invalid escape \\${e} in a double-quoted string.`); out += e; pos += 2; }
        segStart = pos;
        continue;
      }
      if (c === 10 || c === 13) {
        out += text.slice(segStart, pos).replace(/[ \t]+$/, '');
        out += foldBreaks();
        segStart = pos;
        continue;
      }
      pos++;
    }
  };

  /** At a line break inside a quoted or plain multi-line scalar: one break folds to a space, each empty line to \n. */
  const foldBreaks = (): string => {
    let breaks = 0;
    for (;;) {
      newline();
      breaks++;
      pos = skipBlanks(pos);
      const c = text.charCodeAt(pos);
      if (c !== 10 && c !== 13) break;
    }
    if (atDocMarker()) error(pos, pos + 3, 'A document marker inside a quoted string: the string is not closed.');
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  };

  const readSingle = (): string => {
    const start = pos;
    pos++;
    let out = '';
    let segStart = pos;
    for (;;) {
      if (pos >= len) { isEntangled = true; error(start, lineEnd(start), "Unterminated single-quoted string: a closing ' is missing."); return out + text.slice(segStart, len); }
      const c = text.charCodeAt(pos);
      if (c === 39) {
        if (text.charCodeAt(pos + 1) === 39) { out += text.slice(segStart, pos + 1); pos += 2; segStart = pos; continue; }
        out = out === '' ? sharedSlice(segStart, pos) : out + text.slice(segStart, pos);
        pos++;
        return out;
      }
      if (c === 10 || c === 13) {
        out += text.slice(segStart, pos).replace(/[ \t]+$/, '');
        out += foldBreaks();
        segStart = pos;
        continue;
      }
      pos++;
    }
  };

  /** End of a plain scalar on the current line, from pos (block: stops at ': ' and ' #'; flow: also at , [ ] { }). */
  const plainLineEnd = (flow: boolean): number => (flow ? plainLineEndFrom(pos, true) : blockPlainEnd(pos));
  // A block value is scanned by keyColon() (is it a key?), then by readPlain(): remember the last answer.
  let pleFrom = -1;
  let pleTo = -1;
  /** plainLineEnd(false) from `from`. */
  const blockPlainEnd = (from: number): number => {
    if (from === pleFrom) return pleTo;
    let i = from;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c > 58) { i++; continue; } // most characters: none of \n \r # : (nor the end of the text, NaN)
      if (c === 10 || c === 13 || c !== c) break;
      if (c === 58) { const n = text.charCodeAt(i + 1); if (n === 32 || n === 9 || n === 10 || n === 13 || n !== n) break; }
      else if (c === 35 && i > from) { const b = text.charCodeAt(i - 1); if (b === 32 || b === 9) break; }
      i++;
    }
    pleFrom = from;
    pleTo = i;
    return i;
  };
  const plainLineEndFrom = (from: number, flow: boolean): number => {
    let i = from;
    for (;;) {
      if (i >= len) return i;
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) return i;
      if (c === 58 /* : */) {
        const n = text.charCodeAt(i + 1);
        if (isBlankOrEnd(n) || (flow && isFlowIndicator(n))) return i;
      } else if (c === 35 /* # */ && i > from && isBlank(text.charCodeAt(i - 1))) return i;
      else if (flow && isFlowIndicator(c)) return i;
      i++;
    }
  };

  const trimEnd = (from: number, to: number): number => { while (to > from && isBlank(text.charCodeAt(to - 1))) to--; return to; };

  /** Plain scalar, possibly continued on more-indented lines (block) or following lines (flow). */
  const readPlain = (indent: number, flow: boolean): JsonNode => {
    const start = pos;
    let e = trimEnd(start, plainLineEnd(flow));
    pos = e;
    let value = sharedSlice(start, e);
    let end = e;
    let multi = false;
    // Continuation lines.
    for (;;) {
      const save = pos, saveLs = lineStart;
      const b = skipBlanks(pos);
      const c = text.charCodeAt(b);
      if (c !== 10 && c !== 13) break;
      // Most often the next line holds content at the owner's indentation or less: no continuation (the check below, without moving).
      const next = b + (c === 13 && text.charCodeAt(b + 1) === 10 ? 2 : 1);
      const f = skipBlanks(next);
      const fc = text.charCodeAt(f);
      if (f < len && fc !== 10 && fc !== 13 && f - next <= indent) break;
      pos = b;
      let breaks = 0;
      while (pos < len) {
        const d = text.charCodeAt(pos);
        if (d === 10 || d === 13) { newline(); breaks++; pos = skipBlanks(pos); } else break;
      }
      const d = text.charCodeAt(pos);
      if (pos >= len || col() <= indent || d === 35 || atDocMarker() || (flow && isFlowIndicator(d)) || (!flow && d === 45 && isBlankOrEnd(text.charCodeAt(pos + 1)) && col() <= indent + 1)) {
        pos = save; lineStart = saveLs; break;
      }
      const le = trimEnd(pos, plainLineEnd(flow));
      if (le === pos) { pos = save; lineStart = saveLs; break; }
      if (!flow && text.charCodeAt(le) === 58) {
        // "key:" on a continuation line: this is not a continuation but a misplaced mapping entry.
        pos = save; lineStart = saveLs; break;
      }
      value += breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
      value += text.slice(pos, le);
      pos = le;
      end = le;
      multi = true;
    }
    if (multi) return mk('string', start, end, value);
    const v = resolvePlain(value);
    return mk(resolvedType, start, end, v);
  };

  /** Block scalar (| or >) at pos; `indent` is the indentation of the node that owns it. */
  const readBlockScalar = (indent: number): JsonNode => {
    const start = pos;
    const folded = text.charCodeAt(pos) === 62;
    pos++;
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
    let explicit = 0;
    for (let k = 0; k < 2; k++) {
      const c = text.charCodeAt(pos);
      if (c === 45) { chomp = 'strip'; pos++; } else if (c === 43) { chomp = 'keep'; pos++; } else if (c >= 49 && c <= 57) { explicit = c - 48; pos++; }
    }
    const headerEnd = pos;
    skipInline();
    if (pos < len && text.charCodeAt(pos) !== 10 && text.charCodeAt(pos) !== 13) {
      error(pos, lineEnd(pos), 'Unexpected text after a block scalar indicator: the content of a | or > scalar starts on the next line.');
      pos = lineEnd(pos);
    }
    let contentIndent = explicit ? Math.max(indent, 0) + explicit : -1;
    const lines: string[] = [];
    let end = headerEnd;
    while (pos < len) {
      const save = pos, saveLs = lineStart;
      newline();
      let i = pos;
      while (text.charCodeAt(i) === 32) i++;
      const c = text.charCodeAt(i);
      const blank = i >= len || c === 10 || c === 13;
      const ind = i - lineStart;
      if (blank) {
        // A last line without a line break adds no break (and the end of the text is no line at all).
        if (i >= len) { pos = i; break; }
        lines.push(contentIndent >= 0 ? text.slice(Math.min(lineStart + contentIndent, i), i) : '');
        pos = i;
        continue;
      }
      if (contentIndent < 0) {
        if (ind <= indent) { pos = save; lineStart = saveLs; break; }
        contentIndent = ind;
      }
      if (ind < contentIndent) { pos = save; lineStart = saveLs; break; }
      const le = lineEnd(i);
      lines.push(text.slice(lineStart + contentIndent, le));
      pos = le;
      end = le;
    }
    let n = lines.length;
    while (n > 0 && lines[n - 1].trim() === '') n--;
    const body = lines.slice(0, n);
    const trailingBreaks = lines.length - n;
    if (end > headerEnd) { pos = end; lineStart = lineStartOf(end); } else { pos = headerEnd; lineStart = lineStartOf(headerEnd); pos = lineEnd(pos); }
    let value: string;
    if (!folded) value = body.join('\n');
    else {
      value = '';
      for (let k = 0; k < body.length; k++) {
        const l = body[k];
        if (k > 0) {
          const prev = body[k - 1];
          const moreIndented = (s: string) => s.length > 0 && (s.charCodeAt(0) === 32 || s.charCodeAt(0) === 9);
          if (l === '' || prev === '' || moreIndented(l) || moreIndented(prev)) value += '\n'; else value += ' ';
        }
        value += l;
      }
      // Folding: a run of empty lines between text lines stands for its count of newlines.
      if (value.indexOf('\n\n') >= 0) value = value.replace(/\n(\n+)/g, (_m, rest: string) => rest.length ? '\n'.repeat(rest.length) : '\n');
    }
    if (body.length) {
      if (chomp === 'clip') value += '\n';
      else if (chomp === 'keep') value += '\n' + '\n'.repeat(trailingBreaks);
    } else if (chomp === 'keep') value = '\n'.repeat(trailingBreaks);
    return mk('string', start, end, value);
  };
  const lineStartOf = (p: number): number => {
    if (lfOnly) return p > 0 ? text.lastIndexOf('\n', p - 1) + 1 : 0;
    for (let i = p - 1; i >= 0; i--) { const c = text.charCodeAt(i); if (c === 10 || c === 13) return i + 1; }
    return 0;
  };

  // ---- node properties (anchor, tag) --------------------------------------------------------

  interface Props { anchor: string | undefined; tag: string | undefined; start: number }
  /** The anchor and tag at pos, or undefined when there are none (most nodes: no object for them). */
  const readProps = (): Props | undefined => {
    const c0 = text.charCodeAt(pos);
    if (c0 !== 38 && c0 !== 33) return undefined;
    const p: Props = { anchor: undefined, tag: undefined, start: pos };
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c !== 38 && c !== 33) return p;
      const s = pos;
      pos++;
      if (c === 33 && text.charCodeAt(pos) === 60) { isEntangled = true; const e = text.indexOf('>', pos); pos = e < 0 ? lineEnd(pos) : e + 1; }
      else while (pos < len && !isBlankOrEnd(text.charCodeAt(pos)) && !isFlowIndicator(text.charCodeAt(pos))) pos++;
      if (c === 38) p.anchor = text.slice(s + 1, pos); else p.tag = text.slice(s, pos);
      pos = skipBlanks(pos);
    }
  };
  const applyProps = (n: JsonNode, p: Props | undefined): JsonNode => {
    if (p === undefined) return n;
    if (p.tag) {
      if (p.tag === '!!str' && n.type !== 'object' && n.type !== 'array') {
        n.type = 'string';
        n.value = text.slice(n.span.start, n.span.end).replace(/^["']|["']$/g, '');
      } else if ((p.tag === '!!map' && n.type !== 'object') || (p.tag === '!!seq' && n.type !== 'array')) {
        error(p.start, n.span.end, `The tag ${p.tag} does not match this value.`);
      }
    }
    if (p.anchor !== undefined) {
      if (n.alias) error(p.start, n.span.end, 'An alias cannot have an anchor.');
      anchors.set(p.anchor, n);
      weights.delete(n);
    }
    return n;
  };

  // ---- flow collections ---------------------------------------------------------------------

  const skipFlowSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9) pos++;
      else if (c === 10 || c === 13) newline();
      else if (c === 35 && (pos === lineStart || isBlank(text.charCodeAt(pos - 1)))) pos = lineEnd(pos);
      else return;
    }
  };

  const skipFlow = (): number => {
    let d = 0;
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === 34) { readDouble(); continue; }
      if (c === 39) { readSingle(); continue; }
      if (c === 10 || c === 13) { newline(); continue; }
      if (c === 91 || c === 123) d++;
      else if (c === 93 || c === 125) { d--; if (d === 0) { pos++; return pos; } }
      pos++;
    }
    return pos;
  };

  const readFlowNode = (indent: number): JsonNode => {
    skipFlowSpace();
    const props = readProps();
    skipFlowSpace();
    const start = pos;
    const c = text.charCodeAt(pos);
    let n: JsonNode;
    if (c === 91 || c === 123) n = readFlowCollection(indent);
    else if (c === 34) { const v = readDouble(); n = mk('string', start, pos, v); }
    else if (c === 39) { const v = readSingle(); n = mk('string', start, pos, v); }
    else if (c === 42) n = readAlias();
    else if (pos >= len || c === 44 || c === 93 || c === 125 || c === 58) n = mk('null', start, start, null);
    else n = readPlain(-1, true);
    return applyProps(n, props);
  };

  const readFlowCollection = (indent: number): JsonNode => {
    const start = pos;
    const isMap = text.charCodeAt(pos) === 123;
    if (!enter(start)) { const e = skipFlow(); return mk('null', start, e, null); }
    pos++;
    const node = new TreeNode(isMap ? 'object' : 'array', start, start + 1, undefined, isMap ? [] : undefined, isMap ? undefined : [], undefined);
    const close = isMap ? 125 : 93;
    for (;;) {
      skipFlowSpace();
      if (pos >= len) { damaged.push({ start, end: start + 1 }); error(start, start + 1, `This flow ${isMap ? 'mapping' : 'sequence'} is not closed: a '${isMap ? '}' : ']'}' is missing.`); break; }
      const c = text.charCodeAt(pos);
      if (c === close) { pos++; break; }
      if (c === 93 || c === 125) { damaged.push({ start, end: start + 1 }); error(pos, pos + 1, `Unexpected '${text.charAt(pos)}': this flow ${isMap ? 'mapping' : 'sequence'} must be closed with '${isMap ? '}' : ']'}'.`); pos++; break; }
      if (c === 44) { error(pos, pos + 1, 'Unexpected comma: an entry is expected here.'); pos++; continue; }
      const before = pos;
      const k = readFlowNode(indent);
      skipFlowSpace();
      if (text.charCodeAt(pos) === 58) {
        pos++;
        const v = readFlowNode(indent);
        const key = k.type === 'string' ? String(k.value) : text.slice(k.span.start, k.span.end);
        if (k.type === 'object' || k.type === 'array') error(k.span.start, k.span.end, 'A collection used as a mapping key is not supported in API descriptions.');
        const prop = new TreeProperty(key, k.span.start, k.span.end, v, v.span.end);
        if (isMap) { v.parent = node; node.properties!.push(prop); }
        else {
          // [a: b] is a sequence holding a one-pair mapping.
          const m = new TreeNode('object', prop.start, prop.spanEnd, undefined, [prop], undefined, node);
          v.parent = m;
          node.items!.push(m);
        }
      } else if (isMap) {
        const key = k.type === 'string' ? String(k.value) : text.slice(k.span.start, k.span.end);
        const v = mk('null', k.span.end, k.span.end, null);
        v.parent = node;
        node.properties!.push(new TreeProperty(key, k.span.start, k.span.end, v, k.span.end));
      } else { k.parent = node; node.items!.push(k); }
      skipFlowSpace();
      const d = text.charCodeAt(pos);
      if (d === 44) { pos++; continue; }
      if (d === close) { pos++; break; }
      if (pos >= len) continue;
      error(pos, pos + 1, `A ',' or '${isMap ? '}' : ']'}' is expected here.`);
      if (pos === before) pos++;
      if (d !== 93 && d !== 125) {
        // Skip the unexpected token to avoid a loop.
        const s = pos;
        pos = Math.max(pos + 1, plainLineEnd(true));
        if (pos === s) pos++;
      }
    }
    node.span.end = pos;
    depth--;
    return node;
  };

  // ---- block collections --------------------------------------------------------------------

  /** Where a block mapping key ends on this line (the ':' offset), or -1 when the line holds no key. */
  // keyColon() is asked twice at the start of a mapping (readBlockNode, then readBlockMapping): remember the last answer.
  let kcAt = -1;
  let kcResult = -1;
  const keyColon = (): number => {
    if (pos === kcAt) return kcResult;
    kcAt = pos;
    kcResult = keyColonAt();
    return kcResult;
  };
  const keyColonAt = (): number => {
    const c = text.charCodeAt(pos);
    if (c === 34 || c === 39) {
      const save = pos, saveLs = lineStart;
      const le = lineEnd(pos);
      // A quoted key is on one line; find its closing quote without crossing the line.
      let i = pos + 1;
      for (; i < le; i++) {
        const d = text.charCodeAt(i);
        if (c === 34 && d === 92) { i++; continue; }
        if (d === c) { if (c === 39 && text.charCodeAt(i + 1) === 39) { i++; continue; } break; }
      }
      pos = save; lineStart = saveLs;
      if (i >= le) return -1;
      let j = i + 1;
      while (isBlank(text.charCodeAt(j))) j++;
      return text.charCodeAt(j) === 58 && isBlankOrEnd(text.charCodeAt(j + 1)) ? j : -1;
    }
    if (c === 91 || c === 123 || c === 42 || c === 38 || c === 33 || c === 124 || c === 62 || c === 35) return -1;
    // "- " starts a sequence item and "? " a complex key, never a plain key (YAML 1.2 §7.3.3).
    if ((c === 45 || c === 63) && isBlankOrEnd(text.charCodeAt(pos + 1))) return -1;
    const e = plainLineEnd(false);
    return text.charCodeAt(e) === 58 ? e : -1;
  };


  /**
   * The common entry "key: value" / "- value" with a plain scalar on one line: the value starting after `from`
   * read directly, exactly as readBlockNode() would read it; undefined (nothing moved) for anything else.
   */
  const readLinePlain = (indent: number, from: number, parent: JsonNode): JsonNode | undefined => {
    const start = skipBlanks(from);
    const c = text.charCodeAt(start);
    // Not a plain scalar, or one that readBlockNode() checks further: a line break, # - ? : , [ ] { } & ! * | > " ' % @ `.
    if (c === 34 || c === 39) return readLineQuoted(from, start, c, parent);
    if (c !== c || c === 10 || c === 13 || c === 35 || c === 45 || c === 63 || c === 58 || c === 44 || c === 91 || c === 93 || c === 123 || c === 125 ||
      c === 38 || c === 33 || c === 42 || c === 124 || c === 62 || c === 37 || c === 64 || c === 96) return undefined;
    const ple = blockPlainEnd(start);
    if (text.charCodeAt(ple) === 58) return undefined; // "a: b: c", an error readBlockNode() reports
    const end = trimEnd(start, ple);
    const b = skipBlanks(end);
    const d = text.charCodeAt(b);
    const nl = d === 35 ? lineEnd(b) : b; // after a comment, or at the line break, or at the end of the text
    if (d === 10 || d === 13) {
      // Without a comment the next line may continue the scalar: only a content line at the owner's indentation
      // or less (in spaces) is sure not to; anything else goes to readPlain().
      const next = nl + (d === 13 && text.charCodeAt(nl + 1) === 10 ? 2 : 1);
      let f = next;
      while (text.charCodeAt(f) === 32) f++;
      const fc = text.charCodeAt(f);
      if (f >= len || fc === 9 || fc === 10 || fc === 13 || f - next > indent) return undefined;
      // What skipToContent() finds next (no tab, no comment line): the entry's collection asks it right away.
      if (fc !== 35) { stcFrom = nl; stcFromLs = lineStart; stcPos = f; stcLs = next; stcFound = true; }
    }
    // Only a scalar that starts like a number, a bool or a null goes to resolvePlain(): its regular expressions,
    // met late in a cold run, would deoptimize and recompile this function and the collections it is inlined into.
    const s = sharedSlice(start, end);
    let v: JsonNode['value'] = s;
    resolvedType = 'string';
    if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70) v = resolvePlain(s);
    pos = nl;
    return new TreeNode(resolvedType, start, end, v, undefined, undefined, parent);
  };

  // The entries of the block collections being read, innermost last: each collection takes its own as an array of
  // exactly their number when it ends (a growing array per collection would keep ~16 unused slots in most of them).
  const pendingProps: JsonProperty[] = [];
  const pendingItems: JsonNode[] = [];

  /** readLinePlain() for a quoted scalar at `start` (quote `q`): as readBlockNode() reads it, unless it is a quoted key. */
  const readLineQuoted = (from: number, start: number, q: number, parent: JsonNode): JsonNode | undefined => {
    pos = start;
    if (keyColon() >= 0) { pos = from; return undefined; } // "a: 'b': c", an error readBlockNode() reports
    const v = q === 34 ? readDouble() : readSingle();
    const n = new TreeNode('string', start, pos, v, undefined, undefined, parent);
    endValueLine();
    return n;
  };

  const readBlockMapping = (indent: number): JsonNode => {
    const start = pos;
    if (!enter(start)) { const e = skipBlock(indent - 1); return mk('null', start, e, null); }
    const node = new TreeNode('object', start, start, undefined, undefined, undefined, undefined);
    const base = pendingProps.length;
    for (;;) {
      // At a key, column == indent.
      const colon = keyColon();
      if (colon < 0) {
        const le = lineEnd(pos);
        const c = text.charCodeAt(pos);
        if (c === 45 && isBlankOrEnd(text.charCodeAt(pos + 1))) error(pos, le, 'A sequence item ("- ") where a mapping key is expected: indent it under a key, or give it a key.');
        else if (c === 63 && isBlankOrEnd(text.charCodeAt(pos + 1))) error(pos, le, 'Complex mapping keys ("? ") are not supported in API descriptions.');
        else error(pos, le, `A ':' is missing: each entry of a mapping is written "key: value".`);
        node.span.end = Math.max(node.span.end, le);
        pos = le;
        skipBlock(indent);
      } else {
        const keyStart = pos;
        const kc = text.charCodeAt(pos);
        let key: string;
        if (kc === 34) key = readDouble();
        else if (kc === 39) key = readSingle();
        else { pos = trimEnd(pos, colon); key = sharedSlice(keyStart, pos); } // a plain key ends at its ':' (found by keyColon)
        const keyEnd = pos;
        pos = colon + 1;
        let v = readLinePlain(indent, pos, node);
        if (v === undefined) { v = readBlockNode(indent, true, keyEnd); v.parent = node; }
        const end = Math.max(v.span.end, colon + 1);
        pendingProps.push(new TreeProperty(key, keyStart, keyEnd, v, end));
        node.end = end;
      }
      // Next entry?
      const save = pos, saveLs = lineStart;
      if (!skipToContent() || atDocMarker()) { pos = save; lineStart = saveLs; break; }
      const c = col();
      if (c < indent) { pos = save; lineStart = saveLs; break; }
      if (c > indent) {
        const le = lineEnd(pos);
        error(pos, le, 'Bad indentation: this line is indented more than the keys of the mapping it is in (or the previous value is not a multi-line scalar).');
        pos = le;
        skipBlock(indent);
        const s2 = pos, l2 = lineStart;
        if (!skipToContent() || atDocMarker() || col() !== indent) { pos = s2; lineStart = l2; break; }
      }
    }
    node.properties = pendingProps.slice(base);
    pendingProps.length = base;
    depth--;
    return node;
  };

  const readBlockSequence = (indent: number): JsonNode => {
    const start = pos;
    if (!enter(start)) { const e = skipBlock(indent - 1); return mk('null', start, e, null); }
    const node = new TreeNode('array', start, start + 1, undefined, undefined, undefined, undefined);
    const base = pendingItems.length;
    for (;;) {
      // At '-', column == indent.
      const dash = pos;
      pos++;
      let v = readLinePlain(indent, pos, node);
      if (v === undefined) { v = readBlockNode(indent, false, dash + 1); v.parent = node; }
      pendingItems.push(v);
      node.span.end = Math.max(v.span.end, dash + 1);
      const save = pos, saveLs = lineStart;
      if (!skipToContent() || atDocMarker()) { pos = save; lineStart = saveLs; break; }
      const c = col();
      const isDash = text.charCodeAt(pos) === 45 && isBlankOrEnd(text.charCodeAt(pos + 1));
      if (c === indent && isDash) continue;
      if (c > indent) {
        const le = lineEnd(pos);
        error(pos, le, 'Bad indentation: this line is indented more than the items ("- ") of the sequence it is in.');
        pos = le;
        skipBlock(indent);
        const s2 = pos, l2 = lineStart;
        if (skipToContent() && !atDocMarker() && col() === indent && text.charCodeAt(pos) === 45 && isBlankOrEnd(text.charCodeAt(pos + 1))) continue;
        pos = s2; lineStart = l2;
        break;
      }
      pos = save; lineStart = saveLs;
      break;
    }
    node.items = pendingItems.slice(base);
    pendingItems.length = base;
    depth--;
    return node;
  };

  /**
   * The value after "key:" or "- " (or the document root). `indent` is the indentation of the owning
   * collection (-1 at the root); `inMap` allows "key:\n- item" (a sequence at the key's own indentation).
   */
  const readBlockNode = (indent: number, inMap: boolean, emptyAt: number): JsonNode => {
    skipInline();
    const props = readProps();
    skipInline();
    let sameLine = true;
    const c0 = text.charCodeAt(pos);
    if (pos >= len || c0 === 10 || c0 === 13) {
      const save = pos, saveLs = lineStart;
      // An empty value with an anchor or a tag is placed after them (at the end of the text as before any line).
      const at = props !== undefined && (props.anchor !== undefined || props.tag) ? save : emptyAt;
      if (!skipToContent() || atDocMarker()) { pos = save; lineStart = saveLs; return applyProps(mk('null', at, at, null), props); }
      const c = col();
      const dash = text.charCodeAt(pos) === 45 && isBlankOrEnd(text.charCodeAt(pos + 1));
      if (c < indent || (c === indent && !(inMap && dash)) ) {
        pos = save; lineStart = saveLs;
        return applyProps(mk('null', at, at, null), props);
      }
      sameLine = false;
    }
    const start = pos;
    const c = text.charCodeAt(pos);
    const here = col();
    let n: JsonNode;
    if (c === 45 && isBlankOrEnd(text.charCodeAt(pos + 1))) {
      if (sameLine && inMap) error(pos, pos + 1, 'A sequence cannot start on the same line as its key: put "- " items on the following lines.');
      n = readBlockSequence(here);
    } else if (c === 91 || c === 123) {
      n = readFlowCollection(here);
      skipInline();
      if (text.charCodeAt(pos) === 58) { error(start, pos, 'A flow collection used as a mapping key is not supported in API descriptions.'); pos = lineEnd(pos); }
    } else if (c === 124 || c === 62) {
      n = readBlockScalar(indent);
    } else if (c === 42) {
      n = readAlias();
    } else if (keyColon() >= 0) {
      if (sameLine && inMap) error(start, lineEnd(start), 'A mapping cannot start on the same line as its key ("a: b: c"); put the inner entries on the next lines, indented.');
      n = readBlockMapping(here);
    } else if (c === 34 || c === 39) {
      const v = c === 34 ? readDouble() : readSingle();
      n = mk('string', start, pos, v);
    } else {
      n = readPlain(indent, false);
    }
    if (c !== 124 && c !== 62) endValueLine();
    return applyProps(n, props);
  };
  /** After a value: anything left on the line other than a comment is an error. */
  const endValueLine = (): void => {
    skipInline();
    const d = text.charCodeAt(pos);
    if (pos < len && d !== 10 && d !== 13) {
      const le = lineEnd(pos);
      error(pos, le, `Unexpected text after a value: ${JSON.stringify(text.slice(pos, Math.min(le, pos + 40)))}.`);
      pos = le;
    }
  };

  // ---- document --------------------------------------------------------------------------------

  let root: JsonNode | undefined;
  let started = false;
  /** Where '...' ended the document, if it did. */
  let endMarker = -1;
  for (;;) {
    if (!skipToContent()) break;
    if (pos === lineStart && text.charCodeAt(pos) === 37 /* % */ && !started) { pos = lineEnd(pos); continue; }
    if (atDocMarker() && text.charCodeAt(pos) === 45) {
      if (started || root) break;
      started = true;
      pos += 3;
      continue;
    }
    if (atDocMarker()) { if (root) { endMarker = pos; pos += 3; break; } pos += 3; continue; }
    if (root) {
      const le = lineEnd(pos);
      error(pos, le, AFTER_DOCUMENT);
      pos = le;
      continue;
    }
    root = readBlockNode(-1, false, pos);
    started = true;
  }
  // A second document.
  if (root && pos < len && atDocMarker() && text.charCodeAt(pos) === 45) {
    const s = pos;
    pos += 3;
    if (skipToContent()) error(s, s + 3, 'This file holds more than one YAML document; an API description is one document, so API Lens reads only the first.');
  } else if (root && endMarker >= 0 && skipToContent()) {
    error(endMarker, endMarker + 3, 'Content after the end of the document ("..."): an API description is one document, so API Lens reads only the first.');
  }
  const doc: JsonDocument = { root, errors, syntax: 'yaml', ...(damaged.length ? { damaged } : {}) };
  if (isEntangled) entangled.add(doc);
  if (hasAlias) aliased.add(doc);
  return doc;
}
