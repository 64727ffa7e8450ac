/**
 * JSON text -> JsonDocument with exact spans for every key and value.
 *
 * Hand-written on purpose: measured on GitHub's 13 MB description, a positioned parse through jsonc-parser
 * takes ~690 ms, while this scanner builds our tree directly in a single pass (see the commit message for
 * figures). It is iterative (an explicit stack), so nesting depth cannot overflow the call stack; beyond
 * MAX_DEPTH the value is skipped with an error, so later consumers that recurse stay safe too.
 * It never throws: errors carry exact spans and the tree keeps everything parsed around them.
 */
import { TreeNode, TreeProperty, type JsonDocument, type JsonNode, type JsonSyntaxError } from './jsonTree';
import type { Span } from '../core/text';
import { StringTable } from './stringTable';

/** Deeper nesting is skipped with a finding (real API descriptions stay far below this). */
export const MAX_DEPTH = 512;
const MAX_ERRORS = 100;

interface Frame {
  node: TreeNode;
  isObject: boolean;
  /** 0 just opened, 1 expect ':', 2 expect value, 3 expect ',' or close, 4 expect key/value after ','. */
  state: number;
  key: string;
  keyStart: number;
  keyEnd: number;
  /** Offset of the last ',' (for trailing-comma errors). */
  comma: number;
  /** Where this container's members start in pendingProps / pendingItems. */
  base: number;
}

/** `maxDepth` lets an incremental re-parse of a nested value keep the whole document's depth budget. */
export function parseJson(text: string, maxDepth = MAX_DEPTH): JsonDocument {
  const errors: JsonSyntaxError[] = [];
  const len = text.length;
  let pos = 0;
  if (text.charCodeAt(0) === 0xfeff) pos = 1; // a BOM is not content

  const error = (start: number, end: number, message: string, related?: JsonSyntaxError['related']): void => {
    if (errors.length < MAX_ERRORS) errors.push({ code: 'json-syntax', message, span: { start, end: Math.max(end, start) }, ...(related ? { related } : {}) });
  };
  const damaged: Span[] = [];
  /** The opening of the container on top of the stack: from its key (when it is a property value) to its bracket. */
  const openingOfTop = (): Span => {
    const f = stack[stack.length - 1];
    const p = stack[stack.length - 2];
    const b = f.node.start;
    return p?.isObject && p.keyEnd <= b ? { start: p.keyStart, end: b + 1 } : { start: b, end: b + 1 };
  };

  const skipWs = (): void => {
    // Blanks (most of a pretty-printed document's characters) counted in a local, not in the shared `pos`.
    let p = pos;
    let c = text.charCodeAt(p);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++p);
    pos = p;
    if (c === 47 || c === 0xfeff || c === 0xa0 || c === 0x2028 || c === 0x2029) skipOddWs();
  };
  /** skipWs() past comments and other white space, each reported. */
  const skipOddWs = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) { pos++; continue; }
      if (c === 47 /* / */) {
        const n = text.charCodeAt(pos + 1);
        if (n === 47) {
          const s = pos;
          while (pos < len && text.charCodeAt(pos) !== 10 && text.charCodeAt(pos) !== 13) pos++;
          error(s, pos, 'JSON does not allow comments; remove this // comment (or use YAML, which allows # comments).');
          continue;
        }
        if (n === 42) {
          const s = pos;
          const e = text.indexOf('*/', pos + 2);
          pos = e < 0 ? len : e + 2;
          error(s, pos, e < 0 ? 'Unterminated /* comment; JSON does not allow comments at all.' : 'JSON does not allow comments; remove this /* */ comment.');
          continue;
        }
      }
      if (c === 0xfeff || c === 0xa0 || c === 0x2028 || c === 0x2029) {
        error(pos, pos + 1, `Invalid whitespace character U+${c.toString(16).toUpperCase().padStart(4, '0')}; JSON allows only space, tab, line feed and carriage return.`);
        pos++;
        continue;
      }
      return;
    }
  };

  /** Keys and string values: one string object per distinct short value (stringTable.ts). */
  const strings = new StringTable(text);

  /** Reads a string starting at the opening quote; returns its value (pos ends after the closing quote). */
  const readString = (): string => {
    const start = pos;
    let i = pos + 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 34) { pos = i + 1; return strings.slice(start + 1, i); }
      if (c === 92) break;
      if (!(c >= 32)) { // a control character, or the end of the text (NaN)
        if (i >= len) { error(start, len, 'Unterminated string: a closing " is missing.'); pos = len; return text.slice(start + 1, len); }
        if (c === 10 || c === 13) { error(start, i, 'Unterminated string: a closing " is missing before the end of the line.'); pos = i; return text.slice(start + 1, i); }
        error(i, i + 1, 'Control characters must be escaped inside a JSON string (for a tab write \\t).');
      }
      i++;
    }
    // Slow path: escapes.
    let out = text.slice(start + 1, i);
    for (;;) {
      if (i >= len) { error(start, len, 'Unterminated string: a closing " is missing.'); pos = len; return out; }
      const c = text.charCodeAt(i);
      if (c === 34) { pos = i + 1; return out; }
      if (c === 10 || c === 13) { error(start, i, 'Unterminated string: a closing " is missing before the end of the line.'); pos = i; return out; }
      if (c === 92) {
        const e = text.charCodeAt(i + 1);
        switch (e) {
          case 34: out += '"'; break;
          case 92: out += '\\'; break;
          case 47: out += '/'; break;
          case 98: out += '\b'; break;
          case 102: out += '\f'; break;
          case 110: out += '\n'; break;
          case 114: out += '\r'; break;
          case 116: out += '\t'; break;
          case 117: {
            const hex = text.slice(i + 2, i + 6);
            if (/^[0-9a-fA-F]{4}$/.test(hex)) { out += String.fromCharCode(parseInt(hex, 16)); i += 6; continue; }
            error(i, Math.min(len, i + 2 + hex.length), 'Invalid unicode escape: \\u must be followed by four hexadecimal digits.');
            i += 2;
            continue;
          }
          default:
            error(i, i + 2, `Invalid escape ${JSON.stringify(text.slice(i, i + 2))} in a string; valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX.`);
            out += text.charAt(i + 1);
        }
        i += 2;
        continue;
      }
      if (c < 32) error(i, i + 1, 'Control characters must be escaped inside a JSON string (for a tab write \\t).');
      out += text.charAt(i);
      i++;
    }
  };

  const readNumber = (): number => {
    const start = pos;
    let i = pos;
    if (text.charCodeAt(i) === 45) i++;
    const intStart = i;
    while (i < len) { const c = text.charCodeAt(i); if (c >= 48 && c <= 57) i++; else break; }
    let bad = i === intStart || (text.charCodeAt(intStart) === 48 && i - intStart > 1);
    if (text.charCodeAt(i) === 46) {
      i++;
      const f = i;
      while (i < len) { const c = text.charCodeAt(i); if (c >= 48 && c <= 57) i++; else break; }
      if (i === f) bad = true;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const s = text.charCodeAt(i);
      if (s === 43 || s === 45) i++;
      const f = i;
      while (i < len) { const c = text.charCodeAt(i); if (c >= 48 && c <= 57) i++; else break; }
      if (i === f) bad = true;
    }
    // Swallow trailing identifier characters so "12px" is one bad token, not two.
    while (i < len) { const c = text.charCodeAt(i); if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95) { i++; bad = true; } else break; }
    pos = i;
    if (bad) error(start, i, `Invalid number ${JSON.stringify(text.slice(start, Math.min(i, start + 40)))}: JSON numbers have no leading zeros, no leading +, and digits on both sides of a decimal point.`);
    return Number(text.slice(start, i));
  };

  const scalar = (type: JsonNode['type'], start: number, end: number, value: JsonNode['value'], parent: JsonNode | undefined): TreeNode =>
    new TreeNode(type, start, end, value, undefined, undefined, parent);

  /** Skips a too-deep value by bracket counting (strings respected); returns its end. */
  const skipValue = (): number => {
    let depth = 0;
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === 34) { readString(); continue; }
      if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) { depth--; if (depth === 0) { pos++; return pos; } if (depth < 0) return pos; }
      pos++;
    }
    return pos;
  };

  const stack: Frame[] = [];
  // The members of the containers being read, innermost last: each container takes its own as an array of exactly
  // their number when it closes (an array grown by push keeps up to ~16 unused slots, in most objects more than used).
  const pendingProps: TreeProperty[] = [];
  const pendingItems: TreeNode[] = [];
  let root: TreeNode | undefined;
  let depthReported = false;

  /** Reads one value at pos; containers push a frame and return undefined (they complete later). */
  const readValue = (parent: JsonNode | undefined): TreeNode | undefined => {
    const start = pos;
    const c = text.charCodeAt(pos);
    if (c === 123 || c === 91) {
      if (stack.length >= maxDepth) {
        if (!depthReported) { error(start, start + 1, `Nesting deeper than ${MAX_DEPTH} levels: API Lens skips this value (no API description nests this deep).`); depthReported = true; }
        const end = skipValue();
        return scalar('null', start, end, null, parent);
      }
      pos++;
      const isObject = c === 123;
      const node = new TreeNode(isObject ? 'object' : 'array', start, start + 1, undefined, undefined, undefined, parent);
      stack.push({ node, isObject, state: 0, key: '', keyStart: 0, keyEnd: 0, comma: 0, base: isObject ? pendingProps.length : pendingItems.length });
      return undefined;
    }
    if (c === 34) { const v = readString(); return scalar('string', start, pos, v, parent); }
    if (c === 45 || (c >= 48 && c <= 57)) { const v = readNumber(); return scalar('number', start, pos, v, parent); }
    if (c === 116 && text.startsWith('true', pos)) { pos += 4; return scalar('boolean', start, pos, true, parent); }
    if (c === 102 && text.startsWith('false', pos)) { pos += 5; return scalar('boolean', start, pos, false, parent); }
    if (c === 110 && text.startsWith('null', pos)) { pos += 4; return scalar('null', start, pos, null, parent); }
    // Something that is not a JSON value: take the bare word (or one character) as the bad token.
    let i = pos;
    while (i < len) { const d = text.charCodeAt(i); if ((d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 95 || d === 36 || d === 46) i++; else break; }
    if (i === pos) i = pos + 1;
    const word = text.slice(pos, i);
    const hint = c === 39 ? ' Strings need double quotes (").' : /^(True|False|NULL|Null|undefined|NaN|Infinity)$/.test(word) ? ' JSON literals are true, false and null, in lower case.' : '';
    error(pos, i, `Unexpected ${JSON.stringify(word)}: a value (string, number, object, array, true, false or null) is expected here.${hint}`);
    pos = i;
    return scalar('null', start, i, null, parent);
  };

  const attach = (v: TreeNode): void => {
    const top = stack[stack.length - 1];
    if (!top) { root = v; return; }
    if (top.isObject) pendingProps.push(new TreeProperty(top.key, top.keyStart, top.keyEnd, v, v.end));
    else pendingItems.push(v);
    top.state = 3;
  };

  /** After a scalar member of `top`: the common ',' taken now rather than on one more turn of the loop (as state 3 would). */
  const commaAfter = (top: Frame): void => {
    skipWs();
    if (text.charCodeAt(pos) === 44) { top.comma = pos; pos++; top.state = 4; }
  };

  /** Indentation of the line holding `at` (columns before its first non-blank character). */
  const indentOf = (at: number): number => {
    let i = at;
    while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
    const lineStart = i;
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
    return i - lineStart;
  };
  /**
   * In indented JSON, the first container whose closing bracket (alone on its line) is not indented like the
   * line that opened it: when a bracket turns out to be missing, the missing one is most likely its own.
   */
  let suspect: Span | undefined;
  const checkIndent = (closer: number): void => {
    let i = closer;
    while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
    if (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) return; // not alone on its line
    if (closer - i !== indentOf(stack[stack.length - 1].node.start)) suspect = openingOfTop();
  };

  const close = (end: number, atEof = false): void => {
    if (!atEof && !suspect) checkIndent(end - 1);
    const f = stack.pop()!;
    f.node.end = end;
    if (f.isObject) { f.node.properties = pendingProps.slice(f.base); pendingProps.length = f.base; }
    else { f.node.items = pendingItems.slice(f.base); pendingItems.length = f.base; }
    attach(f.node);
  };

  skipWs();
  if (pos >= len) {
    error(0, len, 'The document is empty: a JSON value is expected.');
    return { root: undefined, errors, syntax: 'json' };
  }
  const first = readValue(undefined);
  if (first) attach(first);

  while (stack.length) {
    skipWs();
    const top = stack[stack.length - 1];
    if (pos >= len) {
      const open = top.node.start;
      let line = 1;
      for (let i = text.indexOf('\n'); i >= 0 && i < open; i = text.indexOf('\n', i + 1)) line++;
      const opening = openingOfTop();
      damaged.push(suspect && suspect.start > opening.start ? suspect : opening);
      const related = [{ span: opening, message: `The ${top.isObject ? 'object' : 'array'} that is never closed starts here; the missing ${top.isObject ? "'}'" : "']'"} belongs somewhere after it.` }];
      if (suspect && suspect.start > opening.start) {
        let sl = 1;
        for (let i = text.indexOf('\n'); i >= 0 && i < suspect.start; i = text.indexOf('\n', i + 1)) sl++;
        related.unshift({ span: suspect, message: `Probably here: the container opened on line ${sl} is closed by a bracket indented differently from the line that opened it, so its own closing bracket is likely the one missing.` });
      }
      error(len, len, `Unexpected end of the document: the ${top.isObject ? 'object' : 'array'} opened on line ${line} is not closed (missing ${top.isObject ? "'}'" : "']'"}).`, related);
      // Close every open container at the end, keeping what was parsed.
      while (stack.length) {
        const f = stack[stack.length - 1];
        if (f.isObject && (f.state === 1 || f.state === 2)) {
          // A key without a value: keep it with a null value so the key is still visible.
          pendingProps.push(new TreeProperty(f.key, f.keyStart, f.keyEnd, scalar('null', f.keyEnd, f.keyEnd, null, f.node), f.keyEnd));
        }
        close(len, true);
      }
      break;
    }
    const c = text.charCodeAt(pos);
    if (top.isObject) {
      switch (top.state) {
        case 0: case 4: {
          if (c === 34) {
            top.keyStart = pos;
            top.key = readString();
            top.keyEnd = pos;
            // The common `"key": value`: its ':' taken now rather than on one more turn of the loop (as state 1 would).
            skipWs();
            if (text.charCodeAt(pos) === 58) { pos++; top.state = 2; } else top.state = 1;
          } else if (c === 125) {
            if (top.state === 4) error(top.comma, top.comma + 1, 'Trailing comma: JSON does not allow a comma before }.');
            pos++;
            close(pos);
          } else if (c === 44) {
            error(pos, pos + 1, 'Unexpected comma: a property name is expected.');
            pos++;
          } else {
            const s = pos;
            let i = pos;
            while (i < len) { const d = text.charCodeAt(i); if ((d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 95 || d === 36 || d === 45) i++; else break; }
            if (i > s) {
              error(s, i, `Property names must be strings in double quotes: write "${text.slice(s, Math.min(i, s + 60))}".`);
              top.keyStart = s; top.key = text.slice(s, i); top.keyEnd = i; top.state = 1; pos = i;
            } else if (c === 93) {
              error(pos, pos + 1, "Unexpected ']': this object must be closed with '}'.");
              pos++;
              close(pos);
            } else {
              error(pos, pos + 1, `Unexpected ${JSON.stringify(text.charAt(pos))}: a property name in double quotes is expected.`);
              pos++;
            }
          }
          break;
        }
        case 1: {
          if (c === 58) { pos++; top.state = 2; break; }
          error(top.keyEnd, top.keyEnd + 1 > len ? len : pos + 1, `A ':' is expected after the property name ${JSON.stringify(top.key)}.`);
          if (c === 44 || c === 125) {
            pendingProps.push(new TreeProperty(top.key, top.keyStart, top.keyEnd, scalar('null', top.keyEnd, top.keyEnd, null, top.node), top.keyEnd));
            top.state = 3;
          } else top.state = 2; // treat as if the colon were there
          break;
        }
        case 2: {
          if (c === 44 || c === 125) {
            error(pos, pos + 1, `A value is expected for the property ${JSON.stringify(top.key)}.`);
            pendingProps.push(new TreeProperty(top.key, top.keyStart, top.keyEnd, scalar('null', pos, pos, null, top.node), pos));
            top.state = 3;
            break;
          }
          const v = readValue(top.node);
          if (v) { attach(v); commaAfter(top); }
          break;
        }
        default: {
          if (c === 44) { top.comma = pos; pos++; top.state = 4; }
          else if (c === 125) { pos++; close(pos); }
          else if (c === 34) { error(pos, pos + 1, "A ',' is missing between two properties."); top.state = 4; }
          else if (c === 93) { damaged.push(openingOfTop()); error(pos, pos + 1, "Unexpected ']': this object must be closed with '}'.", [{ span: openingOfTop(), message: 'The object opened here.' }]); pos++; close(pos); }
          else { error(pos, pos + 1, `Unexpected ${JSON.stringify(text.charAt(pos))}: a ',' or '}' is expected after a property.`); pos++; }
        }
      }
    } else {
      if (top.state === 3) {
        if (c === 44) { top.comma = pos; pos++; top.state = 4; }
        else if (c === 93) { pos++; close(pos); }
        else if (c === 125) { damaged.push(openingOfTop()); error(pos, pos + 1, "Unexpected '}': this array must be closed with ']'.", [{ span: openingOfTop(), message: 'The array opened here.' }]); pos++; close(pos); }
        else { error(pos, pos + 1, "A ',' is missing between two array items."); top.state = 4; }
      } else if (c === 93) {
        if (top.state === 4) error(top.comma, top.comma + 1, 'Trailing comma: JSON does not allow a comma before ].');
        pos++;
        close(pos);
      } else if (c === 44) {
        error(pos, pos + 1, 'Unexpected comma: an array item is expected.');
        pos++;
      } else {
        const v = readValue(top.node);
        if (v) { attach(v); commaAfter(top); }
      }
    }
  }

  skipWs();
  if (pos < len) error(pos, Math.min(len, pos + 1), 'Unexpected content after the end of the JSON document: a document holds exactly one value.');
  return { root, errors, syntax: 'json', ...(damaged.length ? { damaged } : {}) };
}
