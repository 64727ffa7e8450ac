/**
 * Path keys and path parameters: template variables declared and used, path parameters required, no
 * trailing slash, no query string, no empty `{}`, no identical or ambiguous templates.
 */
import type { Span } from '../../core/text';
import type { JsonNode } from '../../syntax/jsonTree';
import type { OperationModel, ParameterModel, PathItemModel } from '../model';
import {
  PATH_AMBIGUOUS, PATH_EMPTY_PARAMETER, PATH_IDENTICAL, PATH_PARAMS, PATH_QUERY_STRING, PATH_TRAILING_SLASH,
} from './catalog';
import { code, prop, type FixData, type RuleContext } from './context';

interface TemplateVar { name: string; span: Span }

/** `{name}` expressions of a path key, with their spans in the document. */
export function templateVars(ctx: RuleContext, item: PathItemModel): TemplateVar[] {
  const raw = ctx.text.slice(item.keySpan.start, item.keySpan.end);
  // Offsets of the path inside the raw key (quotes, escapes): search the raw text for each {expr}.
  const vars: TemplateVar[] = [];
  const re = /\{([^{}]*)\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) vars.push({ name: m[1], span: { start: item.keySpan.start + m.index, end: item.keySpan.start + m.index + m[0].length } });
  return vars;
}

function pathParams(params: ParameterModel[]): ParameterModel[] {
  return params.filter((p) => p.in?.value === 'path');
}

/** Operation-level parameters override path-level ones with the same name and location. */
function effective(op: OperationModel): ParameterModel[] {
  const own = op.parameters.filter((p) => p.level === 'operation');
  const key = (p: ParameterModel) => `${p.in?.value}:${p.name?.value}`;
  const ownKeys = new Set(own.map(key));
  return [...op.parameters.filter((p) => p.level === 'path' && !ownKeys.has(key(p))), ...own];
}

export function checkPaths(ctx: RuleContext): void {
  const items = ctx.model.pathItems.filter((p) => p.origin === 'operation');
  for (const item of items) {
    // Per path item (reads its resolved parameters); a trailing slash is checked against the other keys.
    const entry = item.path.endsWith('/') ? undefined : ctx.run?.entryAt(item.keySpan.start);
    ctx.entry('paths', entry, true, () => {
      checkPathKey(ctx, item);
      checkPathParameters(ctx, item);
    });
  }
  checkIdenticalAndAmbiguous(ctx, items);
}

function checkPathKey(ctx: RuleContext, item: PathItemModel): void {
  const path = item.path;
  const raw = ctx.text.slice(item.keySpan.start, item.keySpan.end);
  if (path.length > 1 && path.endsWith('/')) {
    const slash = raw.lastIndexOf('/');
    const trimmed = path.replace(/\/+$/, '');
    const clash = ctx.model.pathItems.some((p) => p.origin === 'operation' && p.path === trimmed);
    const fixes: FixData[] = slash >= 0 && !clash && trimmed.length > 0
      ? [{ title: `Remove the trailing slash: ${trimmed}`, edits: [{ start: item.keySpan.start + slash, end: item.keySpan.start + slash + 1, newText: '' }], preferred: true }]
      : [];
    ctx.report(PATH_TRAILING_SLASH, item.keySpan, `the path ${code(path)} ends with a slash; ${code(trimmed || '/')} and ${code(path)} are different URLs to most servers and clients`, { fixes });
  }
  const q = path.indexOf('?');
  if (q >= 0) {
    const at = raw.indexOf('?');
    ctx.report(PATH_QUERY_STRING, at >= 0 ? { start: item.keySpan.start + at, end: item.keySpan.end } : item.keySpan,
      `the path ${code(path)} contains a query string; a path key is matched against the URL path only: declare ${code(path.slice(q + 1).split('&')[0].split('=')[0] || 'the query')} as an \`in: query\` parameter instead`);
  }
  for (const v of templateVars(ctx, item)) {
    if (v.name.trim() === '') ctx.report(PATH_EMPTY_PARAMETER, v.span, `the path ${code(path)} has an empty template expression \`{}\`: name the variable and declare it as an \`in: path\` parameter`);
  }
}

function checkPathParameters(ctx: RuleContext, item: PathItemModel): void {
  const vars = templateVars(ctx, item).filter((v) => v.name.trim() !== '');
  const names = new Set<string>();
  for (const v of vars) {
    if (names.has(v.name)) ctx.report(PATH_PARAMS, v.span, `the path variable ${code(v.name)} appears twice in ${code(item.path)}; each must have its own name`);
    names.add(v.name);
  }
  const ops = item.operations;
  // A path item `$ref`ed from another file: only the key is here, so only the template is reported.
  const localItem = item.uri === ctx.model.uri;
  // Declared but not in the template; and not required.
  const declared = localItem ? [...pathParams(item.parameters), ...ops.flatMap((o) => pathParams(o.parameters.filter((p) => p.level === 'operation')))] : [];
  for (const p of declared) {
    const name = p.name?.value;
    if (name === undefined) continue;
    const local = p.uri === ctx.model.uri;
    if (!names.has(name)) {
      const span = local && p.name ? p.name.span : refSpan(p);
      ctx.report(PATH_PARAMS, span, `the path parameter ${code(name)} does not appear in the path ${code(item.path)}; every \`in: path\` parameter must match a {${name}} segment`);
    }
    if (p.required?.value !== true && local) {
      const fixes = requiredFix(ctx, p);
      const span = p.node.properties?.[0]?.keySpan ?? p.node.span;
      ctx.report(PATH_PARAMS, span, `the path parameter ${code(name)} must be marked \`required: true\`: a path segment is always present`, { fixes });
    }
  }
  // In the template but not declared.
  const pathNamesOf = ops.map((o) => new Set(effective(o).filter((p) => p.in?.value === 'path').map((p) => p.name?.value)));
  for (const v of vars) {
    const missingIn = ops.filter((_, i) => !pathNamesOf[i].has(v.name));
    const pathLevel = item.parameters.some((p) => p.in?.value === 'path' && p.name?.value === v.name);
    // A path item without operations cannot be called: nothing to declare the variable for yet.
    if (ops.length === 0 || missingIn.length === 0 || pathLevel) continue;
    if (missingIn.length === ops.length || !localItem) {
      ctx.report(PATH_PARAMS, v.span, `the path variable ${code(v.name)} of ${code(item.path)} is not declared: add an \`in: path\` parameter named ${code(v.name)} (with \`required: true\`) to the path item or to each operation`, { fixes: declareFix(ctx, item, v.name) });
    } else {
      for (const o of missingIn) ctx.report(PATH_PARAMS, o.methodSpan, `the ${o.method.toUpperCase()} operation of ${code(item.path)} does not declare the path variable ${code(v.name)}`);
    }
  }
}

function refSpan(p: ParameterModel): Span {
  return p.ref ? p.ref.valueSpan : p.entry.span;
}

function requiredFix(ctx: RuleContext, p: ParameterModel): FixData[] {
  const node = p.node;
  const req = prop(node, 'required');
  if (req) return [{ title: 'Set required: true', edits: [{ start: req.value.span.start, end: req.value.span.end, newText: 'true' }], preferred: true }];
  const first = node.properties?.[0];
  if (!first) return [];
  if (ctx.isFlow(node)) return [{ title: 'Add required: true', edits: [{ start: first.keySpan.start, end: first.keySpan.start, newText: ctx.model.syntax === 'json' ? '"required": true, ' : 'required: true, ' }], preferred: true }];
  const indent = ' '.repeat(ctx.column(first.keySpan.start));
  return [{ title: 'Add required: true', edits: [{ start: first.keySpan.start, end: first.keySpan.start, newText: `required: true\n${indent}` }], preferred: true }];
}

/** Inserts a path-level `in: path` parameter for `name` (appending to an existing `parameters` list). */
function declareFix(ctx: RuleContext, item: PathItemModel, name: string): FixData[] {
  if (item.uri !== ctx.model.uri || item.ref) return [];
  const node = item.node;
  if (node.type !== 'object') return [];
  const v2 = ctx.kind === 'swagger2';
  const title = `Declare the path parameter ${name}`;
  const json = ctx.model.syntax === 'json';
  const q = (s: string) => JSON.stringify(s);
  const flowParam = json
    ? `{${q('name')}: ${q(name)}, ${q('in')}: ${q('path')}, ${q('required')}: true, ${v2 ? `${q('type')}: ${q('string')}` : `${q('schema')}: {${q('type')}: ${q('string')}}`}}`
    : `{name: ${q(name)}, in: path, required: true, ${v2 ? 'type: string' : 'schema: {type: string}'}}`;
  const params = prop(node, 'parameters');
  if (params && params.value.type === 'array') {
    const list = params.value;
    const last = list.items?.[list.items.length - 1];
    if (!last) {
      if (ctx.text.charCodeAt(list.span.start) === 91 /* [ */) return [{ title, edits: [{ start: list.span.start + 1, end: list.span.start + 1, newText: flowParam }] }];
      return [];
    }
    if (json || ctx.text.charCodeAt(list.span.start) === 91) return [{ title, edits: [{ start: last.span.end, end: last.span.end, newText: `, ${flowParam}` }] }];
    const dashCol = ctx.column(last.span.start) - 2;
    if (dashCol < 0) return [];
    const ind = ' '.repeat(dashCol);
    const body = v2 ? `type: string` : `schema:\n${ind}    type: string`;
    return [{ title, edits: [{ start: last.span.end, end: last.span.end, newText: `\n${ind}- name: ${name}\n${ind}  in: path\n${ind}  required: true\n${ind}  ${body}` }] }];
  }
  if (params) return [];
  const first = node.properties?.[0];
  if (!first) return [];
  if (ctx.isFlow(node)) {
    const k = json ? q('parameters') : 'parameters';
    return [{ title, edits: [{ start: first.keySpan.start, end: first.keySpan.start, newText: `${k}: [${flowParam}], ` }] }];
  }
  const ind = ' '.repeat(ctx.column(first.keySpan.start));
  const body = v2 ? `type: string` : `schema:\n${ind}      type: string`;
  return [{ title, edits: [{ start: first.keySpan.start, end: first.keySpan.start, newText: `parameters:\n${ind}  - name: ${name}\n${ind}    in: path\n${ind}    required: true\n${ind}    ${body}\n${ind}` }] }];
}

function segmentsOf(path: string): string[] {
  return path.split('?')[0].replace(/\/+$/, '').split('/').slice(1);
}

interface Templated { item: PathItemModel; segs: string[]; vars: boolean[] }
type TrieEntry = Templated & { index: number };
interface Trie { lit: Map<string, Trie>; wild?: Trie; entries: TrieEntry[] }
const newTrie = (): Trie => ({ lit: new Map(), entries: [] });

/**
 * Earlier paths that can match the same URL as `t` (at most ~50), below `node` at depth `d`. A module function,
 * not a closure per path: its optimized code survives the worker's full collections (ARCHITECTURE, Invariants).
 */
function searchTrie(node: Trie, d: number, t: Templated, found: TrieEntry[]): void {
  if (found.length > 50) return;
  if (d === t.segs.length) { found.push(...node.entries); return; }
  if (node.wild) searchTrie(node.wild, d + 1, t, found);
  if (t.vars[d]) for (const child of node.lit.values()) searchTrie(child, d + 1, t, found);
  else { const child = node.lit.get(t.segs[d]); if (child) searchTrie(child, d + 1, t, found); }
}

function checkIdenticalAndAmbiguous(ctx: RuleContext, items: PathItemModel[]): void {
  const byShape = new Map<string, PathItemModel>();
  const templated: Templated[] = [];
  for (const item of items) {
    if (!item.path.includes('{')) continue;
    const shape = item.path.replace(/\{[^{}]*\}/g, '{}');
    const first = byShape.get(shape);
    if (first && first.path !== item.path) {
      ctx.report(PATH_IDENTICAL, item.keySpan, `${code(item.path)} and ${code(first.path)} (line ${ctx.line(first.keySpan.start)}) differ only in variable names, so they match exactly the same URLs`, { related: [ctx.relatedHere(first.keySpan, `${first.path} is declared here`)] });
      continue;
    }
    if (!first) byShape.set(shape, item);
    const segs = segmentsOf(item.path);
    templated.push({ item, segs, vars: segs.map((s) => /^\{[^{}]*\}$/.test(s)) });
  }
  // Ambiguous: same length; every segment pair is equal or has a variable; and each side has a literal where
  // the other has a variable. Candidates come from a segment trie (variables are wildcards), so documents
  // with thousands of paths do not compare every pair.
  const byLen = new Map<number, Trie>();
  const reported = new Set<PathItemModel>();
  templated.forEach((t, index) => {
    const entry: TrieEntry = { ...t, index };
    let root = byLen.get(t.segs.length);
    if (!root) byLen.set(t.segs.length, root = newTrie());
    // Earlier paths that can match the same URL as this one.
    const found: TrieEntry[] = [];
    searchTrie(root, 0, t, found);
    for (const b of found) {
      let aLit = false, bLit = false;
      for (let k = 0; k < t.segs.length; k++) {
        if (t.vars[k] && !b.vars[k]) bLit = true;
        else if (!t.vars[k] && b.vars[k]) aLit = true;
      }
      if (aLit && bLit && !reported.has(t.item)) {
        reported.add(t.item);
        ctx.report(PATH_AMBIGUOUS, t.item.keySpan, `${code(t.item.path)} and ${code(b.item.path)} (line ${ctx.line(b.item.keySpan.start)}) can match the same URL and neither is more specific, so which one applies is undefined`, { related: [ctx.relatedHere(b.item.keySpan, `${b.item.path} is declared here`)] });
      }
    }
    let node = root;
    for (let d = 0; d < t.segs.length; d++) {
      if (t.vars[d]) node = node.wild ??= newTrie();
      else { let c = node.lit.get(t.segs[d]); if (!c) node.lit.set(t.segs[d], c = newTrie()); node = c; }
    }
    node.entries.push(entry);
  });
}

export type { JsonNode };
