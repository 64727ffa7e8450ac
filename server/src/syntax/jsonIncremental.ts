/**
 * Incremental re-parse of a JSON tree after an edit: only the smallest object or array that encloses the
 * change (with its brackets untouched) is parsed again; the rest of the tree is kept and its spans shifted.
 * On GitHub's 13 MB description this replaces a ~330 ms parse by the parse of one entry plus one span walk
 * (~35 ms, bench/FINDINGS.md). Anything unusual (syntax errors before or after, a change that touches
 * brackets, a different node type) returns undefined and the caller parses the whole text.
 */
import type { JsonDocument, JsonNode, TreeNode, TreeProperty } from './jsonTree';
import { MAX_DEPTH, parseJson } from './jsonParser';
import { changedRegion } from './textChange';
import { copySpan } from '../core/text';

/**
 * Applies the change between `oldText` and `newText` to `doc` (a parse of `oldText` without errors), mutating
 * it. Returns the updated document, or undefined when a full parse is needed.
 */
export function reparseJson(doc: JsonDocument, oldText: string, newText: string, known?: { start: number; oldEnd: number; newEnd: number }): JsonDocument | undefined {
  if (doc.syntax !== 'json' || doc.errors.length || !doc.root) return undefined;
  // `known`: the region the caller knows from the edits (scanning 13 MB for it costs ~40 ms).
  const region = known ?? changedRegion(oldText, newText);
  if (!region) return doc;
  const { start, oldEnd } = region;
  const delta = region.newEnd - oldEnd;
  if (insideString(doc, oldText, newText, start, oldEnd, delta)) return doc;
  // The innermost container whose brackets are outside the change.
  let node: JsonNode = doc.root;
  if (!(node.span.start < start && oldEnd < node.span.end)) return undefined;
  let depth = 0;
  for (;;) {
    const kids = node.properties ? node.properties.map((p) => p.value) : node.items ?? [];
    const inner = kids.find((k) => (k.type === 'object' || k.type === 'array') && k.span.start < start && oldEnd < k.span.end);
    if (!inner) break;
    node = inner;
    depth++;
  }
  const oldSpan = copySpan(node.span); // the node's own span moves below
  // Depth budget: what the whole-text parse would allow below this node.
  const sub = parseJson(newText.slice(oldSpan.start, oldSpan.end + delta), MAX_DEPTH - depth);
  if (sub.errors.length || !sub.root || sub.root.type !== node.type) return undefined;
  const fresh = sub.root;
  // Place the new subtree at its offset.
  shift(fresh, oldSpan.start);
  // Splice it in for the old node (the root's brackets are never in the change, so there is a parent).
  const parent = node.parent;
  fresh.parent = parent;
  if (parent?.properties) {
    const prop = parent.properties.find((p) => p.value === node);
    if (!prop) return undefined;
    prop.value = fresh;
  } else if (parent?.items) {
    const i = parent.items.indexOf(node);
    if (i < 0) return undefined;
    parent.items[i] = fresh;
  } else doc.root = fresh;
  // Everything after the change moves by delta; ancestors grow or shrink by delta.
  if (delta !== 0) shiftTree(doc.root!, fresh, oldSpan.end, delta);
  else if (parent?.properties) for (const p of parent.properties as TreeProperty[]) if (p.value === fresh) p.spanEnd = fresh.span.end;
  return doc;
}

/**
 * The common edit, typing in a description or a path key: a change strictly inside one string (a key or a
 * value) whose new content needs no escapes. The string is updated in place and spans after it move; no
 * node is replaced, so every node keeps its identity. False: not such an edit (nothing was changed).
 */
function insideString(doc: JsonDocument, oldText: string, newText: string, start: number, oldEnd: number, delta: number): boolean {
  let node: JsonNode = doc.root!;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const props = node.properties as TreeProperty[] | undefined;
    let next: JsonNode | undefined;
    if (props) {
      // Binary search: the property whose span (key to value end) holds the change.
      let lo = 0, hi = props.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const p = props[mid];
        if (oldEnd > p.spanEnd) lo = mid + 1;
        else if (start < p.start) hi = mid - 1;
        else {
          if (p.start < start && oldEnd < p.end) {
            const raw = plainString(oldText, newText, p.start, p.end, delta);
            if (raw === undefined) return false;
            p.key = raw;
            shiftTree(doc.root!, undefined, oldEnd, delta);
            p.end += delta;
            return true;
          }
          next = p.value;
          break;
        }
      }
    } else if (node.items) {
      const items = node.items;
      let lo = 0, hi = items.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const it = items[mid];
        if (oldEnd > it.span.end) lo = mid + 1;
        else if (start < it.span.start) hi = mid - 1;
        else { next = it; break; }
      }
    }
    if (!next) return false;
    if (next.type === 'string') {
      if (!(next.span.start < start && oldEnd < next.span.end)) return false;
      const raw = plainString(oldText, newText, next.span.start, next.span.end, delta);
      if (raw === undefined) return false;
      next.value = raw;
      shiftTree(doc.root!, undefined, oldEnd, delta);
      return true;
    }
    if (next.type !== 'object' && next.type !== 'array') return false;
    node = next;
  }
  return false;
}

/** The new content of the quoted string at [s, e) of the old text when it needs no escapes; else undefined. */
function plainString(oldText: string, newText: string, s: number, e: number, delta: number): string | undefined {
  if (oldText.charCodeAt(s) !== 34 || oldText.charCodeAt(e - 1) !== 34 || newText.charCodeAt(e - 1 + delta) !== 34) return undefined;
  const raw = newText.slice(s + 1, e - 1 + delta);
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92) return undefined;
  }
  return raw;
}

/** Moves a freshly parsed subtree (offsets relative to its own text) to `by`. One pass, parents first. */
function shift(n: JsonNode, by: number): void {
  const stack = [n as TreeNode];
  while (stack.length) {
    const x = stack.pop()!;
    x.start += by;
    x.end += by;
    if (x.properties) for (const p of x.properties as TreeProperty[]) {
      p.start += by; p.end += by; // the key (the property is its key span)
      p.spanEnd = p.value.span.end + by; // the value is not moved yet
      stack.push(p.value as TreeNode);
    } else if (x.items) for (const it of x.items) stack.push(it as TreeNode);
  }
}

/**
 * Shifts by `delta` every span at or after `oldEnd` in the whole tree; ancestors of the change (which end
 * after it) grow or shrink. `skip` (the new subtree) is already in place. One pass, parents before children,
 * so a property's end is computed from its value's span before the value moves. Members that end before
 * `oldEnd` hold nothing to move (a JSON node's descendants lie inside its span): they are not visited.
 */
function shiftTree(root: JsonNode, skip: JsonNode | undefined, oldEnd: number, delta: number): void {
  const stack = [root as TreeNode];
  while (stack.length) {
    const x = stack.pop()!;
    if (x === skip) continue; // the new subtree (possibly the new root) is already in place
    if (x.start >= oldEnd) { x.start += delta; x.end += delta; }
    else if (x.end >= oldEnd) x.end += delta;
    const props = x.properties as TreeProperty[] | undefined;
    if (props) {
      for (let i = firstPropertyEndingFrom(props, oldEnd); i < props.length; i++) {
        const p = props[i];
        if (p.start >= oldEnd) { p.start += delta; p.end += delta; } // the key
        const v = p.value as TreeNode;
        p.spanEnd = v === skip || v.end < oldEnd ? v.end : v.end + delta;
        if (v !== skip) stack.push(v);
      }
    } else if (x.items) {
      const items = x.items as TreeNode[];
      for (let i = firstNodeEndingFrom(items, oldEnd); i < items.length; i++) if (items[i] !== skip) stack.push(items[i]);
    }
  }
}

/** Index of the first property (in source order) that ends at or after `at`. */
function firstPropertyEndingFrom(props: readonly TreeProperty[], at: number): number {
  let lo = 0, hi = props.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (props[mid].spanEnd < at) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Index of the first node (in source order) that ends at or after `at`. */
function firstNodeEndingFrom(items: readonly TreeNode[], at: number): number {
  let lo = 0, hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].end < at) lo = mid + 1; else hi = mid;
  }
  return lo;
}
