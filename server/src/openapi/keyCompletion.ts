/**
 * Completion of property names and enumerated values in OpenAPI / Swagger documents: what the official
 * schema of the document's own version allows at the cursor (openapi/schemaNavigator.ts), minus the keys
 * the object already has, required ones first, each with what the field means (openapi/hover.ts).
 *
 * Where the cursor is comes from the text, not only from the tree: while a key is half typed the document
 * does not parse as intended (`  respo` is a YAML scalar where a mapping entry belongs, `"respo` an
 * unterminated JSON string). YAML is read by indentation up from the cursor's line; JSON by the innermost
 * object around the cursor in the tolerant parser's tree, which keeps the brackets it saw.
 */
import type { Range } from '../core/text';
import type { CompletionResult } from '../core/types';
import type { FeatureContext } from '../service/dialect';
import type { JsonNode } from '../syntax/jsonTree';
import type { OpenApiAnalysed } from './dialect';
import type { OpenApiModel } from './model';
import { fieldDocumentation } from './hover';
import { schemaPlace, type PathSegment } from './schemaNavigator';

const KEY_CHARS = /[A-Za-z0-9_$.\-]/;
const MAX_ITEMS = 500;

interface KeyPlace {
  /** Path of the object the key belongs to, from the root. */
  path: PathSegment[];
  /** Keys the object already has (not offered again). */
  existing: Set<string>;
  /** What the completion replaces: the typed part of the key (with its opening quote in JSON). */
  range: Range;
}

interface ValuePlace {
  path: PathSegment[];
  range: Range;
  /** The quote the value opened with, if any. */
  quote: string;
}

export function keyCompletions(ctx: FeatureContext<OpenApiAnalysed>, offset: number): CompletionResult[] {
  const m = ctx.doc.model;
  if (ctx.doc.source.kind.fragment) return []; // a split file: what its keys mean depends on the referrer
  const keyAt = m.syntax === 'yaml' ? yamlKeyPlace(m, offset) : jsonKeyPlace(m, offset);
  if (keyAt) return keysFor(m, keyAt);
  const valueAt = m.syntax === 'yaml' ? yamlValuePlace(m, offset) : jsonValuePlace(m, offset);
  return valueAt ? valuesFor(m, valueAt) : [];
}

function keysFor(m: OpenApiModel, at: KeyPlace): CompletionResult[] {
  // Keys the object already has are left out (at the root that includes the version key, which chose the schema).
  const place = schemaPlace(m.kind, at.path);
  const keys = [...place.properties].filter(([k]) => !at.existing.has(k));
  keys.sort(([a, x], [b, y]) => Number(y.required) - Number(x.required) || a.localeCompare(b));
  const out: CompletionResult[] = [];
  for (const [key, info] of keys.slice(0, MAX_ITEMS)) {
    const doc = fieldDocumentation(m.kind, m.version, at.path, key);
    const insert = m.syntax === 'json' ? `"${key}": ` : `${key}: `;
    out.push({
      label: key, kind: 'property', range: at.range, insertText: insert,
      detail: `${info.required ? 'required · ' : ''}${info.object ?? place.objects[0] ?? 'OpenAPI'}`,
      ...(doc ? { documentation: doc } : {}),
    });
  }
  if (place.extensions && !at.existing.has('x-') && out.length) {
    out.push({ label: 'x-', kind: 'property', range: at.range, insertText: m.syntax === 'json' ? '"x-' : 'x-', detail: 'specification extension', documentation: 'A vendor extension: any key that starts with `x-` may hold any value; tools ignore the ones they do not know.' });
  }
  return out;
}

function valuesFor(m: OpenApiModel, at: ValuePlace): CompletionResult[] {
  const place = schemaPlace(m.kind, at.path);
  return place.values.filter((v) => typeof v === 'string' || typeof v === 'boolean').slice(0, MAX_ITEMS).map((v) => {
    const text = String(v);
    const insert = typeof v === 'string' && (m.syntax === 'json' || at.quote) ? `${at.quote || '"'}${text}${at.quote || '"'}` : text;
    return { label: text, kind: 'value' as const, range: at.range, insertText: insert, detail: `allowed by the ${place.objects[0] ?? 'OpenAPI schema'}` };
  });
}

// ---- YAML: read the structure from indentation ------------------------------------------------------

interface YamlLine { indent: number; dashes: number[]; content: number; key?: string; rest: string }

/** A line's shape: its indentation, the columns of leading `- ` markers, and the key it opens, if any. */
function yamlLine(text: string): YamlLine | undefined {
  const m = /^( *)((?:-[ \t]+|-$)*)(.*)$/.exec(text);
  if (!m) return undefined;
  const body = m[3];
  if (!m[2] && (body === '' || body.startsWith('#'))) return undefined; // blank or comment
  const dashes: number[] = [];
  let col = m[1].length;
  for (const d of m[2].match(/-[ \t]*/g) ?? []) { dashes.push(col); col += d.length; }
  const km = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},&*!|>%@`][^#]*?)[ \t]*:(?:[ \t]+(.*))?$/.exec(body);
  let key: string | undefined;
  let rest = body;
  if (km) {
    key = km[1];
    if (key.startsWith('"')) { try { key = JSON.parse(key) as string; } catch { key = key.slice(1, -1); } }
    else if (key.startsWith("'")) key = key.slice(1, -1).replace(/''/g, "'");
    rest = (km[2] ?? '').replace(/[ \t]+#.*$/, '').trim();
  }
  return { indent: m[1].length, dashes, content: col, key, rest };
}

/** Whether a key line opens a nested block (nothing after the colon but an anchor, tag or comment). */
function opensBlock(l: YamlLine): boolean { return l.key !== undefined && (l.rest === '' || /^[&!][^\s]*$/.test(l.rest)); }

/**
 * The path of the container the cursor's line belongs to, read upward by indentation. `mode` says what is
 * looked for: the parent of a mapping whose keys start at `need`, or of a sequence whose `- ` markers are at
 * `need`. Keys of the cursor's own mapping met on the way go into `existing`.
 */
function yamlPath(lines: Lines, line: number, start: { mode: 'mapping' | 'sequence'; need: number }, existing: Set<string>): PathSegment[] | undefined {
  const path: PathSegment[] = [];
  let { mode, need } = start;
  const own = () => path.length === 0 && mode === 'mapping';
  for (let i = line - 1; i >= 0; i--) {
    if (mode === 'mapping' && need === 0 && !own()) return path;
    const l = lines.at(i);
    if (!l) continue;
    if (mode === 'mapping') {
      if (!l.dashes.length) {
        if (l.indent > need) continue;
        if (l.indent === need) { if (own() && l.key !== undefined) existing.add(l.key); continue; }
        if (l.key === undefined || !opensBlock(l)) return undefined; // under a scalar or a flow collection
        path.unshift(l.key);
        need = l.indent;
        continue;
      }
      const first = l.dashes[0];
      const last = l.dashes[l.dashes.length - 1];
      if (first >= need) continue; // an item of a sequence nested deeper, or held by a sibling key
      if (l.dashes.length > 1) return undefined; // `- - x`: not followed
      if (l.content === need) {
        // `- key: v` with the key at our column: we are in this item's mapping.
        if (own() && l.key !== undefined) existing.add(l.key);
        path.unshift(itemIndex(lines, i, last));
      } else if (l.content < need && l.key !== undefined && opensBlock(l)) {
        path.unshift(l.key);
        path.unshift(itemIndex(lines, i, last));
      } else return undefined;
      mode = 'sequence';
      need = last;
      continue;
    }
    // mode 'sequence': find the key that holds the items at column `need`.
    if (l.dashes.length ? l.dashes[0] >= need : l.indent > need) continue; // earlier items and their content
    if (l.key === undefined || !opensBlock(l) || l.content > need) return undefined;
    path.unshift(l.key);
    if (l.dashes.length) {
      if (l.dashes.length > 1) return undefined;
      path.unshift(itemIndex(lines, i, l.dashes[0]));
      need = l.dashes[0];
      continue;
    }
    mode = 'mapping';
    need = l.content;
  }
  return mode === 'mapping' && need === 0 ? path : undefined;
}

/** The index of the item that line `line` starts (or is inside of) in the sequence whose markers are at `dashColumn`. */
function itemIndex(lines: Lines, line: number, dashColumn: number): number {
  let n = 0;
  for (let i = line - 1; i >= 0; i--) {
    const l = lines.at(i);
    if (!l) continue;
    if (l.dashes.length && l.dashes[0] === dashColumn) { n++; continue; }
    if (l.dashes.length ? l.dashes[0] > dashColumn : l.indent > dashColumn) continue;
    break;
  }
  return n;
}

/** Keys of the same mapping below the cursor's line (until the mapping ends). */
function keysBelow(lines: Lines, line: number, column: number, existing: Set<string>): void {
  for (let i = line + 1; i < lines.count && i < line + 5000; i++) {
    const l = lines.at(i);
    if (!l) continue;
    if (l.dashes.length ? l.dashes[0] < column : l.indent < column) return;
    if (l.content === column && !l.dashes.length && l.key !== undefined) existing.add(l.key);
  }
}

/** The document's lines, read and shaped on demand (a key's path may be 50,000 lines up in a large spec). */
interface Lines { count: number; at(i: number): YamlLine | undefined }

function linesAround(m: OpenApiModel, offset: number): { lines: Lines; line: number; before: string; after: string } {
  const L = m.lines;
  const text = m.text;
  const raw = (i: number) => {
    const s = L.lineStart(i);
    let e = i + 1 < L.lineCount ? L.lineStart(i + 1) - 1 : text.length;
    if (e > s && text.charCodeAt(e - 1) === 13) e--;
    return text.slice(s, Math.max(s, e));
  };
  const pos = L.positionAt(offset);
  const lineText = raw(pos.line);
  const col = offset - L.lineStart(pos.line);
  const lines: Lines = {
    count: L.lineCount,
    at: (i) => {
      // Lines indented deeper than the cursor cannot hold it (only their indentation matters): no regex.
      const s = L.lineStart(i);
      let p = s;
      while (text.charCodeAt(p) === 32) p++;
      if (p - s > col && text.charCodeAt(p) !== 45) return { indent: p - s, dashes: [], content: p - s, rest: '' };
      return yamlLine(raw(i));
    },
  };
  return { lines, line: pos.line, before: lineText.slice(0, col), after: lineText.slice(col) };
}
function withItem(path: PathSegment[] | undefined, index: number): PathSegment[] | undefined { return path && [...path, index]; }

function yamlKeyPlace(m: OpenApiModel, offset: number): KeyPlace | undefined {
  const { lines, line, before, after } = linesAround(m, offset);
  const km = /^( *)((?:- +)*)([A-Za-z0-9_$.\-]*)$/.exec(before);
  if (!km || /^[^:#]*:/.test(after) || after.trim() && !/^[A-Za-z0-9_$.\-]*\s*$/.test(after)) return undefined;
  const column = km[1].length + km[2].length;
  const existing = new Set<string>();
  const dashCols: number[] = [];
  let c = km[1].length;
  for (const d of km[2].match(/- +/g) ?? []) { dashCols.push(c); c += d.length; }
  if (dashCols.length > 1) return undefined;
  // `- ke|`: the first key of a new item of the sequence held by the key above.
  const path = dashCols.length
    ? withItem(yamlPath(lines, line, { mode: 'sequence', need: dashCols[0] }, existing), itemIndex(lines, line, dashCols[0]))
    : yamlPath(lines, line, { mode: 'mapping', need: column }, existing);
  if (!path) return undefined;
  keysBelow(lines, line, column, existing);
  const typed = km[3];
  const start = m.lines.positionAt(offset - typed.length);
  let endOffset = offset;
  while (endOffset < m.text.length && KEY_CHARS.test(m.text[endOffset])) endOffset++;
  return { path, existing, range: { start, end: m.lines.positionAt(endOffset) } };
}

function yamlValuePlace(m: OpenApiModel, offset: number): ValuePlace | undefined {
  const { lines, line, before } = linesAround(m, offset);
  const vm = /^( *)((?:- +)*)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[A-Za-z0-9_$.\-]+)[ \t]*:[ \t]+(["']?)([A-Za-z0-9_$.\-/+]*)$/.exec(before);
  if (!vm) return undefined;
  const column = vm[1].length + vm[2].length;
  if (vm[2]) return undefined; // `- key: va|`: rare for enumerated fields; not followed
  const path = yamlPath(lines, line, { mode: 'mapping', need: column }, new Set());
  if (!path) return undefined;
  let key = vm[3];
  if (key.startsWith('"') || key.startsWith("'")) key = key.slice(1, -1);
  const typed = vm[5];
  return { path: [...path, key], range: { start: m.lines.positionAt(offset - typed.length - vm[4].length), end: m.lines.positionAt(offset) }, quote: vm[4] };
}

// ---- JSON: the tolerant parser's tree ---------------------------------------------------------------

/** The innermost object or array whose brackets enclose `offset`. */
function containerAt(root: JsonNode | undefined, offset: number): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  if (!node || offset <= node.span.start || offset >= node.span.end) return undefined;
  for (;;) {
    const kids: JsonNode[] = node.properties ? node.properties.map((p) => p.value) : node.items ?? [];
    const inner: JsonNode | undefined = kids.find((k) => (k.type === 'object' || k.type === 'array') && k.span.start < offset && offset < k.span.end);
    if (!inner) return node;
    node = inner;
  }
}

function pathOf(node: JsonNode): PathSegment[] {
  const path: PathSegment[] = [];
  for (let n = node; n.parent; n = n.parent) {
    const p = n.parent;
    if (p.type === 'array') path.unshift(p.items!.indexOf(n));
    else path.unshift(p.properties?.find((q) => q.value === n)?.key ?? '');
  }
  return path;
}

function jsonKeyPlace(m: OpenApiModel, offset: number): KeyPlace | undefined {
  const text = m.text;
  let s = offset;
  while (s > 0 && KEY_CHARS.test(text[s - 1])) s--;
  const quoted = text[s - 1] === '"';
  if (quoted) s--;
  let b = s - 1;
  while (b >= 0 && /\s/.test(text[b])) b--;
  if (b < 0 || (text[b] !== '{' && text[b] !== ',')) return undefined;
  const container = containerAt(m.root, offset);
  if (!container || container.type !== 'object') return undefined;
  // After a comma, the comma must belong to this object (not to a value's array).
  let e = offset;
  while (e < text.length && KEY_CHARS.test(text[e])) e++;
  if (quoted && text[e] === '"') e++;
  if (/^\s*:/.test(text.slice(e, e + 64))) return undefined; // an existing key being renamed: not offered
  const existing = new Set((container.properties ?? []).filter((p) => !(p.keySpan.start <= offset && offset <= p.keySpan.end)).map((p) => p.key));
  return { path: pathOf(container), existing, range: { start: m.lines.positionAt(s), end: m.lines.positionAt(e) } };
}

function jsonValuePlace(m: OpenApiModel, offset: number): ValuePlace | undefined {
  const text = m.text;
  const before = text.slice(Math.max(0, offset - 300), offset);
  const vm = /"((?:[^"\\]|\\.)*)"\s*:\s*("?)([A-Za-z0-9_$.\-/+]*)$/.exec(before);
  if (!vm) return undefined;
  const container = containerAt(m.root, offset - vm[0].length + 1);
  if (!container || container.type !== 'object') return undefined;
  let e = offset;
  while (e < text.length && KEY_CHARS.test(text[e])) e++;
  if (vm[2] && text[e] === '"') e++;
  const start = offset - vm[3].length - vm[2].length;
  return { path: [...pathOf(container), vm[1]], range: { start: m.lines.positionAt(start), end: m.lines.positionAt(e) }, quote: '"' };
}
