/**
 * Incremental re-parse of a YAML tree after an edit. YAML nests by indentation, so the unit re-parsed is a
 * run of whole lines: the entries (mapping keys or sequence items "- ") of the innermost block collection
 * whose lines hold the change. An entry's lines run from its key (or dash) line to the line of the next
 * entry of the same collection or of an enclosing one; blank and comment lines after a value belong to it.
 *
 * Why that part parses alike alone and in place: the parser decides where a value ends by looking at the
 * next content line's column, and the line that follows the part (unchanged, an entry of this or an
 * enclosing collection) has a column at most the collection's, which ends every value inside the part just
 * as the end of the text does. What comes before the part only looks at its first line's indentation and
 * first character, which the change must leave alone. So the part is parsed as a text of its own (its
 * first line's prefix, e.g. "- " of a compact "- key: v", blanked to spaces so that columns stay), and the
 * result must be a block collection of the same kind at the same column; its entries replace the old ones,
 * the rest of the tree is kept (node identity: caches by node stay valid) and shifted. When an inner part
 * does not parse alone (a line dedented out of it), the entries around it at the enclosing levels are tried.
 *
 * Syntax errors before, inside or after the part are fine: the parser recovers line by line, within the
 * collection that holds the bad line, so an error does not move where the part starts or ends; the part's
 * errors replace the old ones inside it. Anchors are fine (nothing can refer to them: see below); aliases
 * are not. Declined (undefined: the caller parses the whole text): documents that are not splittable
 * (yamlSplittable: an alias, a verbatim tag, the nesting limit, a quoted scalar open at the end) or hold a
 * flow collection never closed (damaged); a change before the first entry, on the first character of an
 * entry or across its indentation (but not among the comment lines above the first entry); a part that is not splittable, holds a document marker or a directive,
 * or ends its collection; parts (tried together) larger than a quarter of the text and 64 KB (the whole
 * parse is then about as cheap). Without an alias in the document, no node outside the part refers to one inside, and an alias
 * inside the part to an anchor outside it is an error in the part alone: declined.
 */
import type { JsonDocument, JsonNode, JsonSyntaxError, TreeNode, TreeProperty } from './jsonTree';
import { AFTER_DOCUMENT, MAX_DEPTH, MAX_ERRORS, parseYaml, yamlSplittable } from './yamlParser';
import { changedRegion } from './textChange';

/** One level of the descent: a block collection, the entries [i, j] whose lines hold the change. */
interface Level {
  node: JsonNode;
  /** Nesting of `node` as the parser counts it (the root collection is 1). */
  depth: number;
  i: number;
  j: number;
  /** Start of the first line of entry i; end (next entry's line start, or the enclosing part's end) of entry j. */
  from: number;
  to: number;
  /** Offset of entry i's key or dash (its column is the collection's indentation). */
  first: number;
}

const isBreak = (c: number): boolean => c === 10 || c === 13;
const isBlankOrEnd = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c !== c;

function lineStartOf(text: string, p: number): number {
  for (let i = p - 1; i >= 0; i--) if (isBreak(text.charCodeAt(i))) return i + 1;
  return 0;
}
function nextLine(text: string, p: number): number {
  let i = p;
  while (i < text.length && !isBreak(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
  return i + 1;
}

/** Whether text[0, end) holds only blank lines and comment lines. */
function onlyComments(text: string, end: number): boolean {
  for (let p = 0; p < end; p = nextLine(text, p)) {
    let c = text.charCodeAt(p);
    while (c === 32 || c === 9) c = text.charCodeAt(++p);
    if (p < end && c !== 35 && !isBreak(c)) return false;
  }
  return true;
}

/** A block (not flow) mapping or sequence, and not an alias. */
function isBlockCollection(n: JsonNode, text: string): boolean {
  if (n.alias) return false;
  if (n.type === 'object') return !!n.properties?.length && text.charCodeAt(n.span.start) !== 123;
  if (n.type === 'array') return !!n.items?.length && text.charCodeAt(n.span.start) === 45;
  return false;
}

/**
 * Offsets of the entries of a block collection: a key's first character, or an item's dash. A sequence item
 * keeps no dash offset: it is the first line after the previous item whose column `indent` holds "- ".
 */
function entryStarts(node: JsonNode, text: string): (k: number) => number {
  if (node.properties) { const ps = node.properties; return (k) => ps[k].keySpan.start; }
  const items = node.items!;
  const indent = node.span.start - lineStartOf(text, node.span.start);
  const memo = new Map<number, number>();
  return (k) => {
    if (k === 0) return node.span.start;
    const m = memo.get(k);
    if (m !== undefined) return m;
    let at = -1;
    const limit = items[k].span.start;
    for (let ls = nextLine(text, items[k - 1].span.end); ls <= limit && ls < text.length; ls = nextLine(text, ls)) {
      let c = 0;
      while (c < indent && text.charCodeAt(ls + c) === 32) c++;
      if (c === indent && text.charCodeAt(ls + c) === 45 && isBlankOrEnd(text.charCodeAt(ls + c + 1))) { at = ls + c; break; }
    }
    memo.set(k, at);
    return at;
  };
}

/**
 * Applies the change between `oldText` and `newText` to `doc` (a YAML parse of `oldText`), mutating it;
 * undefined: parse the whole text. `known`: the changed region when the caller knows it from the edits (any
 * region outside which both texts agree; finding the smallest one costs ~3 ms on 10 MB).
 */
export function reparseYaml(doc: JsonDocument, oldText: string, newText: string, known?: { start: number; oldEnd: number; newEnd: number }): JsonDocument | undefined {
  if (doc.syntax !== 'yaml' || doc.damaged || !doc.root || !yamlSplittable(doc) || doc.errors.length >= MAX_ERRORS) return undefined;
  const region = known ?? changedRegion(oldText, newText);
  if (!region) return doc;
  const { start, oldEnd } = region;
  const delta = region.newEnd - oldEnd;
  if (oldText.charCodeAt(0) === 0xfeff || newText.charCodeAt(0) === 0xfeff) return undefined;

  // Among the comment and blank lines above the first entry (a file header), a change moves everything and
  // changes nothing, as long as those lines stay comments (no content, directive or '---').
  if (isBlockCollection(doc.root, oldText)) {
    const top = lineStartOf(oldText, doc.root.span.start);
    if (oldEnd <= top && (top + delta === 0 || isBreak(newText.charCodeAt(top + delta - 1))) && onlyComments(oldText, top) && onlyComments(newText, top + delta)) {
      if (delta) {
        shiftOld(doc.root, undefined, 0, 0, oldEnd, delta);
        doc.errors = doc.errors.map((e) => ({ ...e, span: { start: e.span.start + delta, end: e.span.end + delta } }));
      }
      return doc;
    }
  }

  // Descend through block collections while the change stays within one entry's lines.
  const levels: Level[] = [];
  let node = doc.root;
  let to = oldText.length;
  let depth = 1;
  while (isBlockCollection(node, oldText)) {
    const n = node.properties ? node.properties.length : node.items!.length;
    const at = entryStarts(node, oldText);
    // i: the last entry starting before the change (the change leaves its first character alone).
    let lo = 0, hi = n - 1, i = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = at(mid);
      if (s < 0) return undefined;
      if (s < start) { i = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (i < 0) break;
    const endOf = (k: number): number => (k + 1 < n ? lineStartOf(oldText, at(k + 1)) : to);
    // j: the first entry from i whose lines end after the change (text inserted at the start of an entry's
    // line goes with that entry: the part must end with a line break), else the last.
    lo = i; hi = n - 1;
    let j = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (endOf(mid) > oldEnd) { j = mid; hi = mid - 1; } else lo = mid + 1;
    }
    if (endOf(j) < oldEnd) break;
    const first = at(i);
    levels.push({ node, depth, i, j, from: lineStartOf(oldText, first), to: endOf(j), first });
    if (i !== j) break;
    const v = node.properties ? node.properties[i].value : node.items![i];
    to = endOf(i);
    node = v;
    depth++;
  }

  // Innermost first; an enclosing part can absorb a change of indentation the inner one cannot. The parts
  // tried together stay within the budget (deep nesting would otherwise re-parse the same lines per level).
  let budget = Math.max(newText.length / 4, 65536);
  for (let k = levels.length - 1; k >= 0; k--) {
    const lv = levels[k];
    budget -= lv.to - lv.from;
    if (budget < 0) break;
    if (splice(doc, lv, oldText, newText, oldEnd, delta)) return doc;
  }
  return undefined;
}

function splice(doc: JsonDocument, lv: Level, oldText: string, newText: string, oldEnd: number, delta: number): boolean {
  const { node, from, first } = lv;
  const to = lv.to + delta;
  // The part must end with a line break so that the next line is still a line of its own.
  if (to < newText.length && !isBreak(newText.charCodeAt(to - 1))) return false;
  // Its first line up to the entry's first character is unchanged (start > first); blank it to spaces.
  let prefix = '';
  for (let p = from; p < first; p++) {
    const c = oldText.charCodeAt(p);
    if (c !== 32 && c !== 45) return false;
    prefix += ' ';
  }
  const part = prefix + newText.slice(first, to);
  // At column 0, a '%' line would be read as a directive; anywhere, '---' / '...' end the document.
  if (first === from && part.charCodeAt(0) === 37) return false;
  if (/(?:^|[\n\r])(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(part)) return false;
  const sub = parseYaml(part, MAX_DEPTH - (lv.depth - 1));
  const root = sub.root;
  if (sub.damaged || !root || !yamlSplittable(sub) || root.type !== node.type || root.span.start !== prefix.length) return false;
  if (!isBlockCollection(root, part)) return false;
  // Errors: the old ones lie before the part, inside it (replaced) or after it, in that order (the parser
  // reports in reading order); one that straddles an edge (a tag that does not fit a collection holding the
  // part) or a part that ends its collection (a line less indented) declines. No cap may drop any.
  let errors = doc.errors;
  if (errors.length || sub.errors.length) {
    let b = 0;
    while (b < errors.length && errors[b].span.end <= from && errors[b].span.start < from) b++;
    let a = b;
    while (a < errors.length && errors[a].span.start >= from && errors[a].span.end <= lv.to && errors[a].span.start < lv.to) a++;
    for (let k = a; k < errors.length; k++) if (errors[k].span.start < lv.to) return false;
    // At the cap the part's own errors may have been dropped, AFTER_DOCUMENT among them.
    if (sub.errors.length >= MAX_ERRORS || sub.errors.some((e) => e.message === AFTER_DOCUMENT)) return false;
    if (b + sub.errors.length + errors.length - a > MAX_ERRORS) return false;
    const moved = (e: JsonSyntaxError, by: number): JsonSyntaxError => ({ ...e, span: { start: e.span.start + by, end: e.span.end + by } });
    errors = [...errors.slice(0, b), ...sub.errors.map((e) => moved(e, from)), ...errors.slice(a).map((e) => moved(e, delta))];
  }

  // The new entries, at their offsets in the new text.
  doc.errors = errors;
  shiftNew(root, from);
  const isMap = !!node.properties;
  const removed = lv.j - lv.i + 1;
  if (isMap) {
    const props = root.properties!;
    for (const p of props) p.value.parent = node;
    if (props.length === 1 && removed === 1) {
      // One entry for one: keep the property object, as the JSON path does.
      const old = node.properties![lv.i] as TreeProperty;
      const p = props[0] as TreeProperty;
      old.key = p.key; old.start = p.start; old.end = p.end; old.value = p.value; old.spanEnd = p.spanEnd;
    } else node.properties!.splice(lv.i, removed, ...props);
  } else {
    const items = root.items!;
    for (const it of items) it.parent = node;
    node.items!.splice(lv.i, removed, ...items);
  }
  const added = isMap ? root.properties!.length : root.items!.length;
  if (delta) shiftOld(doc.root!, node, lv.i, added, oldEnd, delta);
  // Ends of the collections whose last entry was replaced, upwards. The part then runs to the end of
  // `node`, so `node` ends where the part's collection does (lines with errors after its last entry count).
  const kids = isMap ? node.properties! : node.items!;
  if (lv.i + added === kids.length) {
    node.span.end = root.span.end;
    for (let n: JsonNode = node, parent = n.parent; parent; n = parent, parent = n.parent) {
      // "key:" then a collection on the next lines: the property ends where the collection ends.
      let k: number;
      if (parent.properties) {
        k = parent.properties.findIndex((p) => p.value === n);
        if (k < 0) break;
        (parent.properties[k] as TreeProperty).spanEnd = n.span.end;
        if (k !== parent.properties.length - 1) break;
      } else {
        k = parent.items!.indexOf(n);
        if (k !== parent.items!.length - 1) break;
      }
      parent.span.end = n.span.end;
    }
  }
  return true;
}

/** Moves a freshly parsed part (offsets relative to its own text) by `by`. */
function shiftNew(n: JsonNode, by: number): void {
  const stack = [n as TreeNode];
  while (stack.length) {
    const x = stack.pop()!;
    x.start += by;
    x.end += by;
    if (x.properties) for (const p of x.properties as TreeProperty[]) {
      p.start += by; p.end += by; p.spanEnd += by; // the key (the property is its key span), then the property's end
      stack.push(p.value as TreeNode);
    } else if (x.items) for (const it of x.items) stack.push(it as TreeNode);
  }
}

/**
 * Shifts by `delta` every span of the kept tree at or after `oldEnd`. A subtree ending before the change is
 * left alone; the new entries (`count` from index `first` of `spliced`, if any) are already in place.
 */
function shiftOld(root: JsonNode, spliced: JsonNode | undefined, first: number, count: number, oldEnd: number, delta: number): void {
  const stack = [root as TreeNode];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.end < oldEnd) continue;
    if (x.start >= oldEnd) x.start += delta;
    x.end += delta;
    const props = x.properties as TreeProperty[] | undefined;
    if (props) {
      for (let k = 0; k < props.length; k++) {
        if (x === spliced && k === first) { k += count - 1; continue; }
        const p = props[k];
        if (p.spanEnd < oldEnd) continue;
        if (p.start >= oldEnd) { p.start += delta; p.end += delta; } // the key
        p.spanEnd += delta;
        stack.push(p.value as TreeNode);
      }
    } else if (x.items) {
      const items = x.items as TreeNode[];
      for (let k = 0; k < items.length; k++) {
        if (x === spliced && k === first) { k += count - 1; continue; }
        if (items[k].end >= oldEnd) stack.push(items[k]);
      }
    }
  }
}
