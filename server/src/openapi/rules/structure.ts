/**
 * Structural validity against the official JSON Schema of the document's own version (server/schemas/),
 * interpreted directly over the positioned tree so every problem lands on the exact key or value.
 *
 * Why not a generic validator's error list: a generic validator reports every failed oneOf/anyOf branch
 * (a `$ref` typo yields a dozen errors). Here, when no alternative matches, the alternative that fits best
 * (discriminating keys such as `$ref`, `in`, `type` agree; fewest problems) is chosen and only its problems
 * are reported. The schema keywords interpreted are the ones the four official schemas use (draft-04 and
 * 2020-12 subsets: $ref, $dynamicRef, type, enum, const, pattern, min/max*, required, properties,
 * patternProperties, additionalProperties, unevaluatedProperties, dependentSchemas/dependencies, items,
 * allOf/anyOf/oneOf/not, if/then/else, uniqueItems). `format` is not checked (annotation only, as in 2020-12).
 */
import type { Span } from '../../core/text';
import type { JsonNode, JsonProperty } from '../../syntax/jsonTree';
import type { OasKind } from '../model';
import { schema as swagger20 } from '../../../schemas/swagger-2.0';
import { schema as oas30 } from '../../../schemas/oas-3.0';
import { schema as oas31 } from '../../../schemas/oas-3.1';
import { schema as oas32 } from '../../../schemas/oas-3.2';
import { PATTERN_WORDS, VERSION_NAME, anchorOf, article, describePatterns, objectNameOfDef, otherVersionField } from './structureWords';

export type StructureIssueKind = 'unknown-property' | 'required' | 'type' | 'value' | 'conflict';

export interface StructureIssue {
  kind: StructureIssueKind;
  span: Span;
  message: string;
}

type Schema = Record<string, unknown> | boolean;

/** An issue whose message is built only when read: most issues die with a failed oneOf alternative. */
class LazyIssue implements StructureIssue {
  private text?: string;
  constructor(readonly kind: StructureIssueKind, readonly span: Span, private readonly build: () => string) {}
  get message(): string { return this.text ??= this.build(); }
  get built(): string | undefined { return this.text; }
}

/** An issue's message if it is known without building it (lazy issues nobody read have none yet). */
export function builtMessage(i: StructureIssue): string | undefined {
  return i instanceof LazyIssue ? i.built : i.message;
}

function issue(kind: StructureIssueKind, span: Span, build: () => string): StructureIssue {
  return new LazyIssue(kind, span, build);
}
type Obj = Record<string, unknown>;

/**
 * Where a node sits: the key (or array index) that holds it. An object's member is checked with its own
 * JsonProperty as its place (no allocation per node). Beside it, methods take `object`: the spec object the
 * node is (e.g. 'Operation Object').
 */
interface Place {
  /** Key name as written, or `name[3]` for array items; '' for the root. */
  readonly key: string;
  /** Span to report "missing required property" at: the holding key, or the item's first key. */
  readonly keySpan: Span;
}

const SCHEMAS: Record<OasKind, Obj> = { swagger2: swagger20, oas30, oas31, oas32 };

/**
 * The keywords the checker reads, as fields of one class: every normalised schema has the same shape, so
 * keyword reads in the hot loop are monomorphic (measured 2-3x faster than reading the raw schema objects).
 */
class NSchema {
  $ref: unknown = undefined; $dynamicRef: unknown = undefined; $dynamicAnchor: unknown = undefined;
  type: unknown = undefined; enum: unknown = undefined; const: unknown = undefined; hasConst = false;
  pattern: unknown = undefined; minLength: unknown = undefined; maxLength: unknown = undefined;
  minimum: unknown = undefined; maximum: unknown = undefined; exclusiveMinimum: unknown = undefined;
  exclusiveMaximum: unknown = undefined; multipleOf: unknown = undefined;
  minItems: unknown = undefined; maxItems: unknown = undefined; uniqueItems: unknown = undefined;
  items: unknown = undefined; additionalItems: unknown = undefined; contains: unknown = undefined;
  minContains: unknown = undefined; maxContains: unknown = undefined;
  required: unknown = undefined; minProperties: unknown = undefined; maxProperties: unknown = undefined;
  properties: unknown = undefined; patternProperties: unknown = undefined; additionalProperties: unknown = undefined;
  propertyNames: unknown = undefined; dependentSchemas: unknown = undefined; dependencies: unknown = undefined;
  allOf: unknown = undefined; anyOf: unknown = undefined; oneOf: unknown = undefined; not: unknown = undefined;
  if: unknown = undefined; then: unknown = undefined; else: unknown = undefined;
  unevaluatedProperties: unknown = undefined;
  /** How many of these keywords the original schema had. */
  keyCount = 0;
  /** Precomputed once per schema (not per instance node): */
  /** `type` as a set of TYPE_BIT bits (0 when there is no `type`). */
  typeMask = 0;
  /** `required`, when it is an array. */
  requiredList: string[] | undefined = undefined;
  /** `patternProperties` with each pattern compiled. */
  patternList: KeyPattern[] | undefined = undefined;
  /** `enum` as a set, when every value is a string, number or boolean (compared with `===`, as sameValue does). */
  enumSet: Set<unknown> | undefined = undefined;
  /** The `$ref` target and the spec object it names, resolved once by the checker of this schema's version. */
  refTarget: Schema | undefined = undefined;
  refObject: string | undefined = undefined;
  /** Which keyword groups the schema has (K_* bits): check() tests one bit per group it lacks. */
  groups = 0;
}

const K_REF = 1, K_DYNAMIC_REF = 2, K_TYPE = 4, K_VALUE = 8, K_STRING = 16, K_NUMBER = 32, K_ARRAY = 64, K_OBJECT = 128,
  K_ALL_OF = 256, K_ANY_OF = 512, K_ONE_OF = 1024, K_NOT = 2048, K_IF = 4096, K_UNEVALUATED = 8192;
function groupsOf(n: NSchema): number {
  const has = (...v: unknown[]) => v.some((x) => x !== undefined);
  return (typeof n.$ref === 'string' ? K_REF : 0) | (typeof n.$dynamicRef === 'string' ? K_DYNAMIC_REF : 0)
    | (n.type !== undefined ? K_TYPE : 0) | (Array.isArray(n.enum) || n.hasConst ? K_VALUE : 0)
    | (has(n.pattern, n.minLength, n.maxLength) ? K_STRING : 0)
    | (has(n.minimum, n.maximum, n.exclusiveMinimum, n.exclusiveMaximum, n.multipleOf) ? K_NUMBER : 0)
    | (has(n.minItems, n.maxItems, n.uniqueItems, n.contains, n.items) ? K_ARRAY : 0)
    | (has(n.required, n.propertyNames, n.minProperties, n.maxProperties, n.properties, n.patternProperties, n.additionalProperties, n.dependentSchemas, n.dependencies) ? K_OBJECT : 0)
    | (Array.isArray(n.allOf) ? K_ALL_OF : 0) | (Array.isArray(n.anyOf) ? K_ANY_OF : 0) | (Array.isArray(n.oneOf) ? K_ONE_OF : 0)
    | (n.not !== undefined ? K_NOT : 0) | (n.if !== undefined ? K_IF : 0) | (n.unevaluatedProperties !== undefined ? K_UNEVALUATED : 0);
}

/**
 * A `patternProperties` pattern: a literal prefix (`^x-`) or whole key (`^\$ref$`), and a key made of one
 * ASCII character class (`^[a-zA-Z0-9\.\-_]+$`, every component name) are matched without a RegExp.
 */
class KeyPattern {
  readonly prefix: string | undefined;
  readonly exact: string | undefined;
  /** `^[...]+$`: the ASCII codes the class holds. */
  readonly chars: Uint8Array | undefined;
  /** null: a pattern no RegExp accepts, which matches nothing. */
  readonly regex: RegExp | null = null;
  constructor(readonly pattern: string, readonly schema: Schema) {
    const literal = /^\^((?:[A-Za-z0-9_\-/: ]|\\[/.$-])*)(\$?)$/.exec(pattern);
    const text = literal?.[1].replace(/\\(.)/g, '$1');
    this.prefix = literal && !literal[2] ? text : undefined;
    this.exact = literal && literal[2] ? text : undefined;
    this.chars = literal ? undefined : classPlus(pattern);
    if (!literal && !this.chars) this.regex = regexOf(pattern);
  }
  test(key: string): boolean {
    if (this.prefix !== undefined) return key.startsWith(this.prefix);
    if (this.exact !== undefined) return key === this.exact;
    const chars = this.chars;
    if (chars !== undefined) {
      if (key.length === 0) return false;
      for (let i = 0; i < key.length; i++) { const c = key.charCodeAt(i); if (c >= 128 || chars[c] === 0) return false; }
      return true;
    }
    return this.regex !== null && this.regex.test(key);
  }
}

/**
 * The characters of a pattern `^[CLASS]+$` whose class is written in ASCII letters, digits, `_`, `-` and escaped
 * punctuation; undefined for anything else (a RegExp then decides). The class is asked of the RegExp itself,
 * one ASCII character at a time, so it means exactly what the pattern means (it holds no other characters).
 */
function classPlus(pattern: string): Uint8Array | undefined {
  const m = /^\^\[((?:[A-Za-z0-9_-]|\\[.\-_$/])+)\]\+\$$/.exec(pattern);
  if (!m) return undefined;
  const one = regexOf(`^[${m[1]}]$`);
  if (!one) return undefined;
  const chars = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (one.test(String.fromCharCode(c))) chars[c] = 1;
  return chars;
}

/** One bit per instance type; `integer` has its own (a number node matches it when its value is an integer). */
const TYPE_BIT: Record<string, number> = { object: 1, array: 2, string: 4, number: 8, boolean: 16, null: 32, integer: 64 };
function typeMaskOf(type: unknown): number {
  let mask = 0;
  for (const t of Array.isArray(type) ? type : [type]) mask |= typeof t === 'string' ? TYPE_BIT[t] ?? 0 : 0;
  return mask | 128; // 128: the schema has a `type` (a mask of 128 alone matches no node)
}
function bitOf(type: JsonNode['type']): number {
  switch (type) {
    case 'object': return 1;
    case 'array': return 2;
    case 'string': return 4;
    case 'number': return 8;
    case 'boolean': return 16;
    default: return 32;
  }
}
/** Whether `node` is of one of the types in `mask` (what `type` asks, for every type of the schema at once). */
function typeOk(node: JsonNode, mask: number): boolean {
  const bit = bitOf(node.type);
  if ((mask & bit) !== 0) return true;
  return bit === 8 && (mask & 64) !== 0 && Number.isInteger(node.value);
}

/**
 * Whether checking `node` against `schema` certainly finds nothing, without a call: `{}` and a schema that
 * has only `type` (most fields of the official schemas), when the type matches. The fast path of a member.
 */
function settled(node: JsonNode, schema: Schema): boolean {
  if (typeof schema !== 'object') return schema === true;
  const groups = nschema(schema).groups;
  return groups === 0 || (groups === K_TYPE && typeOk(node, nschema(schema).typeMask));
}

/** Whether `node` equals one of `s.enum`'s values. */
function inEnum(node: JsonNode, s: NSchema, values: unknown[]): boolean {
  if (s.enumSet) return node.type !== 'object' && node.type !== 'array' && s.enumSet.has(node.value);
  for (const v of values) if (sameValue(node, v)) return true;
  return false;
}

const compiledPatterns = new Map<string, RegExp | null>();
/** A schema pattern as a RegExp (Unicode mode first, as JSON Schema means; null when neither mode accepts it). */
function regexOf(p: string): RegExp | null {
  let r = compiledPatterns.get(p);
  if (r === undefined) {
    try { r = new RegExp(p, 'u'); } catch { try { r = new RegExp(p); } catch { r = null; } }
    compiledPatterns.set(p, r);
  }
  return r;
}
const ONE = ['items', 'additionalItems', 'contains', 'additionalProperties', 'propertyNames', 'not', 'if', 'then', 'else', 'unevaluatedProperties'];
const LIST = ['allOf', 'anyOf', 'oneOf'];
const MAP = ['properties', 'patternProperties', 'dependentSchemas'];
const PLAIN = ['$ref', '$dynamicRef', '$dynamicAnchor', 'type', 'enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'minContains', 'maxContains', 'required', 'minProperties', 'maxProperties'];

/** A normalised schema's precomputed fields (every `Obj` the checker holds came from normalise()). */
function nschema(s: Obj): NSchema { return s as unknown as NSchema; }

const normalised = new WeakMap<object, NSchema>();
function normalise(s: unknown): Schema {
  if (typeof s === 'boolean') return s;
  if (!s || typeof s !== 'object' || Array.isArray(s)) return true;
  const cached = normalised.get(s);
  if (cached) return cached as unknown as Obj;
  const o = s as Obj;
  const n = new NSchema();
  normalised.set(s, n);
  const w = n as unknown as Obj;
  for (const k of PLAIN) if (o[k] !== undefined) { w[k] = o[k]; n.keyCount++; }
  if ('const' in o) { n.const = o.const; n.hasConst = true; n.keyCount++; }
  for (const k of ONE) {
    const v = o[k];
    if (v === undefined) continue;
    n.keyCount++;
    w[k] = k === 'items' && Array.isArray(v) ? v.map(normalise) : normalise(v);
  }
  for (const k of LIST) if (Array.isArray(o[k])) { w[k] = (o[k] as unknown[]).map(normalise); n.keyCount++; }
  for (const k of MAP) {
    const v = o[k];
    if (!v || typeof v !== 'object') continue;
    const m: Obj = Object.create(null);
    for (const [pk, pv] of Object.entries(v as Obj)) m[pk] = normalise(pv);
    w[k] = m;
    n.keyCount++;
  }
  if (n.type !== undefined) n.typeMask = typeMaskOf(n.type);
  if (Array.isArray(n.required)) n.requiredList = n.required as string[];
  if (n.patternProperties) n.patternList = Object.entries(n.patternProperties as Obj).map(([pattern, schema]) => new KeyPattern(pattern, schema as Schema));
  if (Array.isArray(n.enum) && n.enum.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) n.enumSet = new Set(n.enum);
  if (o.dependencies && typeof o.dependencies === 'object') {
    const m: Obj = Object.create(null);
    for (const [pk, pv] of Object.entries(o.dependencies as Obj)) m[pk] = Array.isArray(pv) ? pv : normalise(pv);
    n.dependencies = m;
    n.keyCount++;
  }
  n.groups = groupsOf(n);
  return n as unknown as Obj;
}

const checkers = new Map<OasKind, Checker>();

export interface StructureOptions {
  kind: OasKind;
  /** Base URL of the version's specification (model.ts specUrl), for "see" links. */
  specUrl: string;
  /** Stop after this many issues (a broken document must not flood the Problems panel). */
  maxIssues?: number;
  /** Reuses the results of entries (path items, components) an edit left untouched (openapi/entries.ts). */
  memo?: StructureMemo;
}

/**
 * What checking one entry node against one schema produced; `tag` tells apart the places it is checked from.
 * The issues may be lazy: a memo keeps a result for later runs only once each message is built (read).
 */
export interface StructureMemoResult { issues: StructureIssue[]; evaluated?: Set<string>; declared?: Obj[]; tracked: boolean }
export interface StructureMemo {
  /** The document root, and the entry nodes (two or three levels below it): only their checks are memoised. */
  readonly root: JsonNode;
  readonly nodes: { has(node: JsonNode): boolean };
  get(node: JsonNode, schema: object, tag: string): StructureMemoResult | undefined;
  set(node: JsonNode, schema: object, tag: string, result: StructureMemoResult): void;
}

/** Checks `root` against the official schema of `kind`. */
export function checkStructure(root: JsonNode, opts: StructureOptions): StructureIssue[] {
  let checker = checkers.get(opts.kind);
  if (!checker) { checker = new Checker(SCHEMAS[opts.kind], opts); checkers.set(opts.kind, checker); }
  checker.opts = opts;
  const out: StructureIssue[] = [];
  const first = root.type === 'object' && root.properties?.length ? root.properties[0].keySpan : { start: root.span.start, end: root.span.start };
  const versionKey = root.properties?.find((p) => p.key === 'openapi' || p.key === 'swagger')?.keySpan ?? first;
  checker.check(root, normalise(SCHEMAS[opts.kind]), { key: '', keySpan: versionKey }, opts.kind === 'swagger2' ? 'Swagger Object' : 'OpenAPI Object', out);
  // Dedupe (the same problem can be reached through two applicators) and bound.
  const seen = new Set<string>();
  const result: StructureIssue[] = [];
  for (const i of out) {
    const message = i.message; // materialises lazy messages
    const k = `${i.span.start}:${i.span.end}:${message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    result.push({ kind: i.kind, span: i.span, message });
    if (result.length >= (opts.maxIssues ?? 500)) break;
  }
  return result;
}

const TYPE_WORD: Record<string, string> = {
  object: 'an object', array: 'an array', string: 'a string', number: 'a number', integer: 'an integer',
  boolean: 'a boolean', null: 'null',
};

function nodeTypeWord(n: JsonNode): string {
  if (n.type === 'number') return Number.isInteger(n.value) ? 'an integer' : 'a number';
  return TYPE_WORD[n.type];
}

function show(n: JsonNode): string {
  if (n.type === 'object') return 'an object';
  if (n.type === 'array') return 'an array';
  return '`' + String(n.value).slice(0, 60) + '`';
}

function sameValue(n: JsonNode, v: unknown): boolean {
  if (v === null) return n.type === 'null';
  if (typeof v !== 'object') return n.type !== 'object' && n.type !== 'array' && n.value === v;
  if (Array.isArray(v)) return n.type === 'array' && (n.items ?? []).length === v.length && (n.items ?? []).every((x, i) => sameValue(x, v[i]));
  if (n.type !== 'object') return false;
  const props = n.properties ?? [];
  const keys = Object.keys(v as Obj);
  return props.length === keys.length && props.every((p) => keys.includes(p.key) && sameValue(p.value, (v as Obj)[p.key]));
}

/** Edit distance where swapping two neighbouring letters counts as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
      rows[i][j] = v;
    }
  }
  return rows[a.length][b.length];
}

export function didYouMean(key: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined, bestD = 99;
  const lower = key.toLowerCase();
  for (const c of candidates) {
    if (c.toLowerCase() === lower) return c;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestD) { best = c; bestD = d; }
  }
  return best !== undefined && bestD <= (key.length >= 5 ? 2 : 1) ? best : undefined;
}

/** Result of applying one schema to one node: the property names it evaluated (for unevaluatedProperties). */
interface Eval {
  /** Only tracked for schemas that use unevaluatedProperties (3.1+). */
  evaluated: Set<string> | undefined;
  /** `properties` maps applied at this node (candidates for "did you mean"). */
  declared: Obj[] | undefined;
}

class Checker {
  private readonly anchors = new Map<string, Obj>();
  private readonly refCache = new Map<string, Schema>();
  private readonly objectOfRef = new Map<string, string | undefined>();

  private readonly trackEvaluated: boolean;
  /** The entry node whose memoised check is running. */
  private memoNode?: JsonNode;
  /** Empty issue lists to reuse (alternatives(): a list that stayed empty goes back here). */
  private readonly scratch: StructureIssue[][] = [];

  constructor(private readonly root: Obj, public opts: StructureOptions) {
    this.collectAnchors(root, 0);
    this.trackEvaluated = opts.kind === 'oas31' || opts.kind === 'oas32';
  }

  private collectAnchors(s: unknown, depth: number): void {
    if (!s || typeof s !== 'object' || depth > 30) return;
    if (Array.isArray(s)) { for (const x of s) this.collectAnchors(x, depth + 1); return; }
    const o = s as Obj;
    if (typeof o.$dynamicAnchor === 'string') this.anchors.set(o.$dynamicAnchor, normalise(o) as Obj);
    for (const v of Object.values(o)) this.collectAnchors(v, depth + 1);
  }

  resolveRef(ref: string): Schema | undefined {
    let s = this.refCache.get(ref);
    if (s !== undefined) return s;
    const hash = ref.indexOf('#');
    const frag = hash >= 0 ? ref.slice(hash + 1) : '';
    let cur: unknown = this.root;
    for (const seg of frag.split('/').slice(1)) {
      const k = decodeURIComponent(seg).replace(/~1/g, '/').replace(/~0/g, '~');
      cur = cur && typeof cur === 'object' ? (cur as Obj)[k] : undefined;
    }
    if (cur === undefined || (typeof cur !== 'object' && typeof cur !== 'boolean')) return undefined;
    s = normalise(cur);
    this.refCache.set(ref, s);
    return s;
  }

  /** `s.$ref` resolved (kept on the schema: a normalised schema belongs to one version's official schema). */
  private refTargetOf(s: NSchema): Schema | undefined {
    if (s.refTarget === undefined && typeof s.$ref === 'string') {
      s.refTarget = this.resolveRef(s.$ref);
      s.refObject = this.refObjectName(s.$ref);
    }
    return s.refTarget;
  }

  private refObjectName(ref: string): string | undefined {
    if (this.objectOfRef.has(ref)) return this.objectOfRef.get(ref);
    const segs = ref.split('/');
    const def = segs.length === 3 && (segs[1] === 'definitions' || segs[1] === '$defs') ? segs[2] : undefined;
    const name = def ? objectNameOfDef(def) : undefined;
    const full = name ? `${name} Object` : undefined;
    this.objectOfRef.set(ref, full);
    return full;
  }

  private see(object: string): string {
    return `${this.opts.specUrl}#${anchorOf(object)}`;
  }

  /**
   * Whether the members of `node` may be entries (memoised): entries sit two or three levels below the root
   * (paths/<p>, components/<section>/<name>), so their holders one or two levels below it.
   */
  private holdsEntries(node: JsonNode): boolean {
    const memo = this.opts.memo;
    return memo !== undefined && node.parent !== undefined && (node.parent === memo.root || node.parent.parent === memo.root);
  }

  /** check() of a member of an entry holder: through the memo when it is an entry. */
  private member(node: JsonNode, schema: Schema, place: Place, object: string, out: StructureIssue[]): Eval {
    const memo = this.opts.memo;
    if (memo && typeof schema === 'object' && node !== this.memoNode && memo.nodes.has(node)) return this.memoised(memo, node, schema, place, object, out);
    return this.check(node, schema, place, object, out);
  }

  /** check() of an entry node through the memo: the issues are materialised (plain messages) to be kept. */
  private memoised(memo: StructureMemo, node: JsonNode, schema: Obj, place: Place, object: string, out: StructureIssue[]): Eval {
    const tag = `${place.key}\0${object}`;
    let r = memo.get(node, schema, tag);
    if (!r) {
      const local: StructureIssue[] = [];
      // Only the outermost application is memoised: the ones nested in it ($ref, allOf, oneOf on the same
      // node) are part of its result.
      this.memoNode = node;
      let ev: Eval;
      try { ev = this.check(node, schema, place, object, local); } finally { this.memoNode = undefined; }
      // Lazy issues stay lazy: the memo keeps only the results whose messages got built (structureRule.ts).
      r = { issues: local, evaluated: ev.evaluated ? new Set(ev.evaluated) : undefined, declared: ev.declared?.slice(), tracked: ev !== NO_EVAL };
      memo.set(node, schema, tag, r);
    }
    for (let k = 0; k < r.issues.length; k++) out.push(r.issues[k]);
    // Copies: callers merge into (and so may mutate) what check() returns.
    return r.tracked ? { evaluated: r.evaluated ? new Set(r.evaluated) : undefined, declared: r.declared?.slice() } : NO_EVAL;
  }

  /** Applies `schema` to `node`, pushing problems to `out`; returns what it evaluated. */
  check(node: JsonNode, schema: Schema, place: Place, object: string, out: StructureIssue[]): Eval {
    const ev: Eval = this.trackEvaluated ? { evaluated: undefined, declared: undefined } : NO_EVAL;
    if (schema === true) return ev;
    if (schema === false) {
      // A `false` schema excludes a field in this combination (e.g. 3.2 `itemEncoding` beside `prefixEncoding`).
      out.push(issue('unknown-property', place.key ? place.keySpan : node.span, () => `${place.key ? '`' + place.key + '`' : 'this value'} is not allowed here in ${article(object)} (it excludes a field used beside it); see ${this.see(object)}`));
      return ev;
    }
    const s = nschema(schema);
    const groups = s.groups;
    if (groups === 0) return ev; // `{}`: anything goes (examples, defaults)

    if ((groups & K_REF) !== 0) {
      const target = this.refTargetOf(s);
      if (target !== undefined) merge(ev, this.check(node, target, place, s.refObject ?? object, out));
    }
    if ((groups & K_DYNAMIC_REF) !== 0) {
      const target = this.anchors.get((s.$dynamicRef as string).replace(/^#/, ''));
      if (target) merge(ev, this.check(node, target, place, 'Schema Object', out));
    }

    // type: a wrong type makes every other keyword noise.
    if ((groups & K_TYPE) !== 0 && !typeOk(node, s.typeMask)) {
      const type = s.type;
      out.push(issue('type', node.span, () => {
        const want = (Array.isArray(type) ? type as string[] : [type as string]).map((t) => TYPE_WORD[t] ?? t).join(' or ');
        const hint = place.key === 'required' && node.type === 'boolean' && object === 'Schema Object'
          ? ': a schema lists its required properties by name in the `required` array of the object schema that holds them' : '';
        return `${place.key ? '`' + place.key + '`' : 'The document'} must be ${want} in ${article(object)} (found ${nodeTypeWord(node)})${hint}`;
      }));
      return ev;
    }

    if ((groups & K_VALUE) !== 0) {
      if (Array.isArray(s.enum) && !inEnum(node, s, s.enum)) {
        const values = s.enum as unknown[];
        out.push(issue('value', node.span, () => {
          const list = values.slice(0, 12).map((v) => '`' + String(v) + '`').join(', ');
          return `${labelOr(place)} must be ${values.length === 1 ? list : 'one of ' + list} in ${article(object)} (found ${show(node)})`;
        }));
      }
      if (s.hasConst === true && !sameValue(node, s.const)) {
        out.push(issue('value', node.span, () => `${labelOr(place)} must be \`${String(s.const)}\` here (found ${show(node)})`));
      }
    }

    const o = schema as Obj;
    switch (node.type) {
      case 'string': if ((groups & K_STRING) !== 0) this.checkString(node, o, place, object, out); break;
      case 'number': if ((groups & K_NUMBER) !== 0) this.checkNumber(node, o, place, object, out); break;
      case 'array': if ((groups & K_ARRAY) !== 0) this.checkArray(node, o, place, object, out); break;
      case 'object': if ((groups & K_OBJECT) !== 0) merge(ev, this.checkObject(node, o, place, object, out)); break;
    }
    if ((groups & (K_ALL_OF | K_ANY_OF | K_ONE_OF | K_NOT | K_IF | K_UNEVALUATED)) === 0) return ev;

    if ((groups & K_ALL_OF) !== 0) { const all = s.allOf as Schema[]; for (let i = 0; i < all.length; i++) merge(ev, this.check(node, all[i], place, object, out)); }
    if ((groups & K_ANY_OF) !== 0) merge(ev, this.alternatives(node, s.anyOf as Schema[], place, object, out, false));
    if ((groups & K_ONE_OF) !== 0) merge(ev, this.alternatives(node, s.oneOf as Schema[], place, object, out, true));
    if ((groups & K_NOT) !== 0) this.checkNot(node, s.not as Schema, place, object, out, undefined);
    if ((groups & K_IF) !== 0) {
      const probe: StructureIssue[] = [];
      const fails = this.certainlyFails(node, s.if as Schema, true);
      const ifEv = fails ? NO_EVAL : this.check(node, s.if as Schema, place, object, probe);
      if (!fails && probe.length === 0) {
        merge(ev, ifEv);
        if (s.then !== undefined) merge(ev, this.check(node, s.then as Schema, place, object, out));
      } else if (s.else !== undefined) merge(ev, this.check(node, s.else as Schema, place, object, out));
    }

    if ((groups & K_UNEVALUATED) !== 0 && node.type === 'object') {
      // Fields a dependentSchemas branch would allow (`style` once `schema` is there): when the trigger is
      // missing, that is the error already reported, not these fields.
      // Only when the object has none of the keys its oneOf alternatives require (the reported error).
      const altKeys = Array.isArray(s.oneOf) ? (s.oneOf as Schema[]).map(requiredKeyOf) : [];
      const missingAll = altKeys.length > 0 && altKeys.every((k) => k && !node.properties?.some((p) => p.key === k));
      const conditional = s.unevaluatedProperties === false && missingAll ? this.conditionalNames(o) : undefined;
      const holder = this.holdsEntries(node);
      for (const p of node.properties ?? []) {
        if (ev.evaluated?.has(p.key)) continue;
        if (conditional?.has(p.key)) continue;
        if (s.unevaluatedProperties === false) out.push(this.unknown(p.key, p.keySpan, place, object, ev.declared, o));
        else if (holder) this.member(p.value, s.unevaluatedProperties as Schema, p, object, out);
        else this.check(p.value, s.unevaluatedProperties as Schema, p, object, out);
      }
    }
    return ev;
  }

  private readonly conditionalCache = new WeakMap<Obj, Set<string>>();

  /** Property names declared inside the schema's dependentSchemas (through $ref / allOf / oneOf / anyOf). */
  private conditionalNames(s: Obj): Set<string> | undefined {
    if (!s.dependentSchemas) return undefined;
    let names = this.conditionalCache.get(s);
    if (names) return names;
    names = new Set();
    const out = names;
    const collect = (x: Schema | undefined, depth: number): void => {
      if (!x || typeof x !== 'object' || depth > 4) return;
      if (x.properties && typeof x.properties === 'object') for (const k of Object.keys(x.properties as Obj)) out.add(k);
      if (typeof x.$ref === 'string') collect(this.resolveRef(x.$ref), depth + 1);
      for (const k of ['allOf', 'oneOf', 'anyOf'] as const) if (Array.isArray(x[k])) for (const sub of x[k] as Schema[]) collect(sub, depth + 1);
      if (x.then) collect(x.then as Schema, depth + 1);
      if (x.else) collect(x.else as Schema, depth + 1);
    };
    for (const dep of Object.values(s.dependentSchemas as Obj)) collect(dep as Schema, 0);
    this.conditionalCache.set(s, names);
    return names;
  }

  private unknown(key: string, span: Span, place: Place, object: string, declaredMaps: Obj[] | undefined, s: Obj): StructureIssue {
    // The message is built only if this issue is reported (most are discarded with a failed alternative).
    return issue('unknown-property', span, () => {
        const see = this.see(object);
        const declared = declaredNames(declaredMaps);
        const guess = didYouMean(key, declared);
        const patterns = s.patternProperties && typeof s.patternProperties === 'object' ? Object.keys(s.patternProperties as Obj) : [];
        const other = otherVersionField(this.opts.kind, object, key);
        if (other) return `\`${key}\` is not a field of ${article(object)} in ${VERSION_NAME[this.opts.kind]}: ${other}`;
        if (guess) return `unknown property \`${key}\` in ${article(object)}: did you mean \`${guess}\`?`;
        if (patterns.length && declared.length === 0) return `\`${key}\` is not a valid key in ${article(object)}: expected ${describePatterns(patterns)}`;
        const meaningful = patterns.filter((p) => p !== '^x-');
        if (meaningful.length && declared.length <= 6) return `\`${key}\` is not a valid key in ${article(object)}: expected ${[...declared.map((d) => '`' + d + '`'), describePatterns(patterns)].join(', ')}`;
        return `unknown property \`${key}\` in ${article(object)} (extensions must start with \`x-\`; see ${see})`;
    });
  }

  private checkString(node: JsonNode, s: Obj, place: Place, object: string, out: StructureIssue[]): void {
    const v = node.value as string;
    if (typeof s.pattern === 'string') {
      const r = regexOf(s.pattern);
      const what = place.key === v ? 'key' : labelOr(place);
      const pattern = s.pattern;
      if (r && !r.test(v)) out.push(issue('value', node.span, () => `${what} \`${v.slice(0, 60)}\` is not ${PATTERN_WORDS[pattern] ?? `of the expected form (pattern \`${pattern}\`)`} in ${article(object)}`));
    }
    if (typeof s.maxLength === 'number' && [...v].length > s.maxLength) out.push(issue('value', node.span, () => `${labelOr(place)} must be at most ${s.maxLength} characters long`));
    if (typeof s.minLength === 'number' && [...v].length < s.minLength) out.push(issue('value', node.span, () => `${labelOr(place)} must not be empty`));
  }

  private checkNumber(node: JsonNode, s: Obj, place: Place, object: string, out: StructureIssue[]): void {
    const v = node.value as number;
    const excl = (k: string) => s[k] === true;
    if (typeof s.minimum === 'number' && (excl('exclusiveMinimum') ? v <= s.minimum : v < s.minimum)) out.push(issue('value', node.span, () => `${labelOr(place)} must be ${excl('exclusiveMinimum') ? 'greater than' : 'at least'} ${s.minimum} (found ${v})`));
    if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum) out.push(issue('value', node.span, () => `${labelOr(place)} must be greater than ${s.exclusiveMinimum} (found ${v})`));
    if (typeof s.exclusiveMaximum === 'number' && v >= s.exclusiveMaximum) out.push(issue('value', node.span, () => `${labelOr(place)} must be less than ${s.exclusiveMaximum} (found ${v})`));
    if (typeof s.multipleOf === 'number' && s.multipleOf > 0 && Math.abs(v / s.multipleOf - Math.round(v / s.multipleOf)) > 1e-9) out.push(issue('value', node.span, () => `${labelOr(place)} must be a multiple of ${s.multipleOf} (found ${v})`));
    if (typeof s.maximum === 'number' && (excl('exclusiveMaximum') ? v >= s.maximum : v > s.maximum)) out.push(issue('value', node.span, () => `${labelOr(place)} must be at most ${s.maximum} (found ${v})`));
  }

  private checkArray(node: JsonNode, s: Obj, place: Place, object: string, out: StructureIssue[]): void {
    const items = node.items ?? [];
    if (typeof s.minItems === 'number' && items.length < s.minItems) out.push(issue('value', node.span, () => `${labelOr(place)} must have at least ${s.minItems} item${s.minItems === 1 ? '' : 's'} in ${article(object)}`));
    if (typeof s.maxItems === 'number' && items.length > s.maxItems) out.push(issue('value', node.span, () => `${labelOr(place)} must have at most ${s.maxItems} items`));
    if (s.uniqueItems === true && items.length > 8 && items.length < 2000) this.checkUniqueBySet(items, place, object, out);
    else if (s.uniqueItems === true && items.length > 1 && items.length < 2000) {
      for (let i = 1; i < items.length; i++) {
        if (items[i].type === 'object' || items[i].type === 'array') continue;
        for (let j = 0; j < i; j++) {
          if (items[j].type === items[i].type && items[j].value === items[i].value) {
            out.push(issue('value', items[i].span, () => `${show(items[i])} is repeated in ${labelOr(place)} (items must be unique)`));
            break;
          }
        }
      }
    }
    if (s.contains !== undefined) {
      let n = 0;
      for (const it of items) {
        if (this.certainlyFails(it, s.contains as Schema, true)) continue;
        const probe: StructureIssue[] = [];
        this.check(it, s.contains as Schema, place, object, probe);
        if (probe.length === 0) n++;
      }
      const min = typeof s.minContains === 'number' ? s.minContains : 1;
      const what = describeContains(s.contains as Schema);
      if (n < min) out.push(issue('value', place.keySpan, () => `${labelOr(place)} must contain ${what} in ${article(object)}; see ${this.see(object)}`));
      if (typeof s.maxContains === 'number' && n > s.maxContains) out.push(issue('conflict', place.keySpan, () => `${labelOr(place)} has ${n} ${what}, but ${article(object)} allows at most ${s.maxContains}; see ${this.see(object)}`));
    }
    if (s.items === undefined || items.length === 0) return;
    const base = (place.key || 'item').replace(/\[\d+\]$/, '');
    if (Array.isArray(s.items)) {
      const tuple = s.items as Schema[];
      items.forEach((it, i) => {
        const sub = i < tuple.length ? tuple[i] : s.additionalItems as Schema | undefined;
        if (sub !== undefined) this.check(it, sub, itemAt(it, base, i), object, out);
      });
    } else {
      const sub = s.items as Schema;
      for (let i = 0; i < items.length; i++) if (!settled(items[i], sub)) this.check(items[i], sub, itemAt(items[i], base, i), object, out);
    }
  }

  /** uniqueItems on a longer array: the same findings as the pairwise loop (the first repeat of a scalar), by sets. */
  private checkUniqueBySet(items: JsonNode[], place: Place, object: string, out: StructureIssue[]): void {
    const seen = new Map<JsonNode['type'], Set<unknown>>();
    for (const it of items) {
      if (it.type === 'object' || it.type === 'array') continue;
      if (typeof it.value === 'number' && Number.isNaN(it.value)) continue; // NaN === NaN is false
      let set = seen.get(it.type);
      if (!set) seen.set(it.type, set = new Set());
      if (set.has(it.value)) out.push(issue('value', it.span, () => `${show(it)} is repeated in ${labelOr(place)} (items must be unique)`));
      else set.add(it.value);
    }
  }

  private checkObject(node: JsonNode, s: Obj, place: Place, object: string, out: StructureIssue[]): Eval {
    const ev: Eval = this.trackEvaluated ? { evaluated: undefined, declared: undefined } : NO_EVAL;
    const props = node.properties ?? [];
    const required = nschema(s).requiredList;
    if (required) {
      for (let i = 0; i < required.length; i++) {
        const r = required[i];
        if (!hasKey(props, r)) out.push(issue('required', place.keySpan, () => this.requiredMessage(r, node, place, object)));
      }
    }
    if (s.propertyNames !== undefined) {
      for (const p of props) {
        const keyNode: JsonNode = { type: 'string', value: p.key, span: p.keySpan };
        this.check(keyNode, s.propertyNames as Schema, p, object, out);
      }
    }
    if (typeof s.maxProperties === 'number' && props.length > s.maxProperties) out.push(issue('value', place.keySpan, () => `${labelOr(place)} must have at most ${s.maxProperties} entr${s.maxProperties === 1 ? 'y' : 'ies'} in ${article(object)}`));
    if (typeof s.minProperties === 'number' && props.length < s.minProperties) out.push(issue('value', place.keySpan, () => `${labelOr(place)} must have at least ${s.minProperties} entr${s.minProperties === 1 ? 'y' : 'ies'}`));
    const properties = s.properties && typeof s.properties === 'object' ? s.properties as Obj : undefined;
    const patterns = nschema(s).patternList;
    const additional = s.additionalProperties as Schema | undefined;
    if (properties && ev !== NO_EVAL) ev.declared = [properties];
    if (properties || patterns || additional !== undefined) {
      if (this.trackEvaluated) ev.evaluated = new Set();
      const holder = this.holdsEntries(node);
      for (let i = 0; i < props.length; i++) {
        const p = props[i];
        let matched = false;
        const declared = properties ? properties[p.key] : undefined;
        if (declared !== undefined) {
          matched = true;
          if (settled(p.value, declared as Schema)) { /* nothing to report */ }
          else if (holder) this.member(p.value, declared as Schema, p, object, out);
          else this.check(p.value, declared as Schema, p, object, out);
        }
        if (patterns) {
          for (let j = 0; j < patterns.length; j++) {
            const pe = patterns[j];
            if (!pe.test(p.key)) continue;
            matched = true;
            if (holder) this.member(p.value, pe.schema, p, object, out);
            else this.check(p.value, pe.schema, p, object, out);
          }
        }
        if (!matched && additional !== undefined) {
          if (additional === false) out.push(this.unknown(p.key, p.keySpan, place, object, ev.declared ?? (properties ? [properties] : undefined), s));
          else if (holder) this.member(p.value, additional, p, object, out);
          else this.check(p.value, additional, p, object, out);
          matched = true;
        }
        if (matched) ev.evaluated?.add(p.key);
      }
    }
    const deps = (s.dependentSchemas ?? s.dependencies) as Obj | undefined;
    if (deps && typeof deps === 'object') {
      for (const [k, dep] of Object.entries(deps)) {
        const trigger = props.find((p) => p.key === k);
        if (!trigger) continue;
        if (Array.isArray(dep)) {
          for (const r of dep as string[]) if (!props.some((p) => p.key === r)) out.push(issue('required', trigger.keySpan, () => `\`${r}\` is required when \`${k}\` is present in ${article(object)}`));
        } else {
          const sub = dep as Schema;
          if (typeof sub === 'object' && sub.not !== undefined && (sub.keyCount as number) <= 1) this.checkNot(node, sub.not as Schema, place, object, out, k);
          else merge(ev, this.check(node, sub, place, object, out));
        }
      }
    }
    return ev;
  }

  private requiredMessage(r: string, node: JsonNode, place: Place, object: string): string {
    const inValue = node.properties?.find((p) => p.key === 'in')?.value.value;
    if (r === 'required' && inValue === 'path') return `a path parameter must have \`required: true\` (${this.see('Parameter Object')})`;
    const where = place.key ? ` (at \`${place.key}\`)` : '';
    return `\`${r}\` is required in ${article(object)}${where}; see ${this.see(object)}`;
  }

  private checkNot(node: JsonNode, not: Schema, place: Place, object: string, out: StructureIssue[], trigger: string | undefined): void {
    if (this.certainlyFails(node, not, true)) return; // `not` holds
    const probe: StructureIssue[] = [];
    this.check(node, not, place, object, probe);
    if (probe.length > 0) return; // `not` holds
    const props = node.properties ?? [];
    if (typeof not === 'object' && Array.isArray(not.enum)) {
      const values = not.enum as unknown[];
      out.push(issue('value', node.span, () => `${labelOr(place)} is not allowed here: it must not be one of ${values.slice(0, 12).map((v) => '`' + String(v) + '`').join(', ')} (${article(object)}; see ${this.see(object)})`));
      return;
    }
    if (typeof not === 'object' && Array.isArray(not.allOf) && (not.allOf as Schema[]).every((c) => typeof c === 'object' && c.contains !== undefined)) {
      const kinds = (not.allOf as Obj[]).map((c) => describeContains(c.contains as Schema));
      out.push(issue('conflict', place.keySpan, () => `${labelOr(place)} must not contain both ${kinds.join(' and ')} (${article(object)}; see ${this.see(object)})`));
      return;
    }
    const req = typeof not === 'object' && Array.isArray(not.required) ? not.required as string[] : undefined;
    if (req && node.type === 'object') {
      const present = props.filter((p) => req.includes(p.key));
      const last = present[present.length - 1];
      if (trigger) {
        for (const p of present) out.push(issue('conflict', p.keySpan, () => `\`${p.key}\` must not be used together with \`${trigger}\` in ${article(object)}`));
        return;
      }
      if (present.length >= 2 && last) {
        out.push(issue('conflict', last.keySpan, () => `${present.map((p) => '`' + p.key + '`').join(' and ')} must not be used together in ${article(object)}`));
        return;
      }
      if (last) { out.push(issue('conflict', last.keySpan, () => `\`${last.key}\` is not allowed here in ${article(object)}`)); return; }
    }
    out.push(issue('conflict', place.keySpan, () => `${labelOr(place)} has a combination of fields that ${article(object)} does not allow; see ${this.see(object)}`));
  }

  /**
   * oneOf / anyOf. If an alternative matches, fine (for oneOf, two alternatives that each require a
   * different key both matching means mutually exclusive keys were combined). Otherwise report only the
   * best-fitting alternative's problems.
   */
  private alternatives(node: JsonNode, alts: Schema[], place: Place, object: string, out: StructureIssue[], exclusive: boolean): Eval {
    type Tried = { issues: StructureIssue[]; ev: Eval; score: number; alt: Schema };
    // Alternatives that certainly fail are checked only if no alternative matches: only then are their problems
    // read. First the cheap signs (type, required keys), then, when more than one alternative is left, the keys
    // and scalar values (an alternative left alone is checked anyway).
    // Bit i: alternative i certainly fails (a number, not an array per call; alternatives past the 31st are
    // never marked, which only means they are checked at once).
    let doomed = 0;
    let left = alts.length;
    const marked = alts.length < 31 ? alts.length : 31;
    for (let i = 0; i < marked; i++) if (this.certainlyFails(node, alts[i], false)) { doomed |= 1 << i; left--; }
    if (left > 1) for (let i = 0; i < marked; i++) if ((doomed & (1 << i)) === 0 && this.certainlyFails(node, alts[i], true)) { doomed |= 1 << i; left--; }
    let tried: Tried[] | undefined;
    if (left === 1 && doomed !== 0) {
      // One alternative left (e.g. a Schema Object, which is no Reference Object): when it matches, that is the
      // answer, without the lists below (this runs for most schema nodes of a description).
      let i = 0;
      while ((doomed & (1 << i)) !== 0) i++;
      const issues = this.scratch.pop() ?? [];
      const ev = this.check(node, alts[i], place, object, issues);
      if (issues.length === 0) {
        this.scratch.push(issues);
        if (!this.trackEvaluated) return NO_EVAL;
        const merged: Eval = { evaluated: undefined, declared: undefined };
        merge(merged, ev);
        return merged;
      }
      tried = [{ issues, ev, score: 0, alt: alts[i] }];
    }
    const passing: { ev: Eval; alt: Schema }[] = [];
    if (tried === undefined) {
      tried = [];
      for (let i = 0; i < alts.length; i++) {
        const alt = alts[i];
        if (i < 31 && (doomed & (1 << i)) !== 0) continue;
        const issues: StructureIssue[] = [];
        const ev = this.check(node, alt, place, object, issues);
        if (issues.length === 0) {
          passing.push({ ev, alt });
          // anyOf without unevaluatedProperties tracking: one match settles it.
          if (!exclusive && !this.trackEvaluated) break;
        } else tried.push({ issues, ev, score: 0, alt });
      }
    }
    if (passing.length === 0 && doomed !== 0) {
      // In the alternatives' order, as the best fit is the first of the lowest score.
      const all: Tried[] = [];
      let k = 0;
      for (let i = 0; i < alts.length; i++) {
        if (i >= 31 || (doomed & (1 << i)) === 0) { all.push(tried[k++]); continue; }
        const issues: StructureIssue[] = [];
        const ev = this.check(node, alts[i], place, object, issues);
        if (issues.length === 0) passing.push({ ev, alt: alts[i] }); // not reached while certainlyFails is right
        else all.push({ issues, ev, score: 0, alt: alts[i] });
      }
      tried = all;
    }
    if (passing.length > 0) {
      const ev: Eval = this.trackEvaluated ? { evaluated: undefined, declared: undefined } : NO_EVAL;
      for (const p of passing) merge(ev, p.ev);
      if (exclusive && passing.length > 1) {
        const keys = passing.map((p) => requiredKeyOf(p.alt)).filter((k): k is string => !!k && node.properties?.some((q) => q.key === k) === true);
        if (keys.length > 1 && new Set(keys).size === keys.length) {
          const last = node.properties!.filter((p) => keys.includes(p.key)).pop()!;
          out.push(issue('conflict', last.keySpan, () => `only one of ${keys.map((k) => '`' + k + '`').join(', ')} may be used in ${article(object)}`));
        }
      }
      return ev;
    }
    // "One of these keys is required" (e.g. the root needs `paths`, `components` or `webhooks`).
    const keys = alts.map(requiredKeyOf);
    if (node.type === 'object' && keys.every((k) => k && !node.properties?.some((p) => p.key === k)) && tried.every((t) => t.issues.every((i) => i.kind === 'required'))) {
      out.push(issue('required', place.keySpan, () => `${article(object).replace(/^a/, 'A')} needs at least one of ${keys.map((k) => '`' + k + '`').join(', ')}; see ${this.see(object)}`));
      return NO_EVAL;
    }
    for (const t of tried) t.score = this.score(node, t.issues);
    tried.sort((a, b) => a.score - b.score);
    const best = tried[0];
    if (!best) return NO_EVAL;
    // Every alternative disagrees on the same discriminating value: say which values are allowed at all.
    const disc = discriminatorIssue(best.issues, node);
    if (disc && tried.every((t) => discriminatorIssue(t.issues, node)?.span.start === disc.span.start)) {
      const allowed = new Set<string>();
      for (const t of tried) for (const v of allowedValues(t.alt, this, disc.key)) allowed.add(v);
      if (allowed.size > 0) {
        out.push(issue('value', disc.span, () => `\`${disc.key}\` must be one of ${[...allowed].map((v) => '`' + v + '`').join(', ')} in ${article(object)} (found ${show(disc.node)})`));
        return best.ev;
      }
    }
    out.push(...best.issues);
    return best.ev;
  }

  /**
   * True when checking `node` against `schema` certainly reports a problem, judged from the node's own type and
   * keys (through `$ref` and `allOf`): a wrong `type`, a scalar outside `enum`/`const`, a missing `required` key;
   * with `deep`, also a key that `additionalProperties: false` excludes and a scalar property value that fails
   * its property's schema (a discriminating `in`, `type`...). False means "not known".
   */
  private certainlyFails(node: JsonNode, schema: Schema, deep: boolean, depth = 0): boolean {
    if (schema === true) return false;
    if (schema === false) return true;
    const s = nschema(schema);
    if (s.type !== undefined && !typeOk(node, s.typeMask)) return true;
    if (node.type !== 'object' && node.type !== 'array') {
      if (Array.isArray(s.enum) && !inEnum(node, s, s.enum)) return true;
      if (s.hasConst && !sameValue(node, s.const)) return true;
    } else if (node.type === 'object') {
      const props = node.properties ?? NO_PROPS;
      const required = s.requiredList;
      if (required) for (let i = 0; i < required.length; i++) if (!hasKey(props, required[i])) return true;
      const properties = s.properties as Obj | undefined;
      if (deep && (properties || s.additionalProperties === false)) {
        for (let i = 0; i < props.length; i++) {
          const p = props[i];
          const declared = properties ? properties[p.key] : undefined;
          if (declared !== undefined) {
            if (p.value.type !== 'object' && p.value.type !== 'array' && depth < 8 && this.certainlyFails(p.value, declared as Schema, false, depth + 1)) return true;
          } else if (s.additionalProperties === false && !matchesPattern(s, p.key)) return true;
        }
      }
    }
    if (depth >= 8) return false;
    if (typeof s.$ref === 'string') {
      const target = this.refTargetOf(s);
      if (target !== undefined && this.certainlyFails(node, target, deep, depth + 1)) return true;
    }
    if (Array.isArray(s.allOf)) { const all = s.allOf as Schema[]; for (let i = 0; i < all.length; i++) if (this.certainlyFails(node, all[i], deep, depth + 1)) return true; }
    return false;
  }

  /** Lower is a better fit. A disagreement on a discriminating key (a required `$ref`, a wrong `in` or `type`) weighs most. */
  private score(node: JsonNode, issues: StructureIssue[]): number {
    let score = 0;
    const direct = new Map<number, string>();
    for (const p of node.properties ?? []) direct.set(p.value.span.start, p.key);
    for (const i of issues) {
      if (i.kind === 'type' && i.span.start === node.span.start && i.span.end === node.span.end) score += 1000;
      else if (i.kind === 'required' && /^`\$ref` is required/.test(i.message)) score += 1000;
      else if (i.kind === 'value' && direct.has(i.span.start)) score += ['in', 'type', 'const', 'style', 'flow'].includes(direct.get(i.span.start)!) ? 500 : 20;
      else if (i.kind === 'required') score += 10;
      else if (i.kind === 'unknown-property') score += 5;
      else score += 1;
    }
    return score;
  }
}

/** "items with `in: querystring`" for a contains schema that fixes one property; else "items of the required kind". */
function describeContains(c: Schema): string {
  if (typeof c === 'object' && c.properties && typeof c.properties === 'object') {
    for (const [k, v] of Object.entries(c.properties as Obj)) {
      const n = v as Obj;
      if (n && n.hasConst === true) return `items with \`${k}: ${String(n.const)}\``;
    }
  }
  return 'items of the required kind';
}

/** Where an array item sits: `base[i]`, reported at its first key (or its first character). */
function itemAt(item: JsonNode, base: string, i: number): Place {
  const keySpan = item.type === 'object' && item.properties?.length ? item.properties[0].keySpan : { start: item.span.start, end: Math.min(item.span.end, item.span.start + 1) };
  return { key: `${base}[${i}]`, keySpan };
}

function labelOr(place: Place): string {
  return place.key ? '`' + place.key + '`' : 'the value';
}

/** Shared "nothing evaluated" result: Swagger 2.0 / OpenAPI 3.0 schemas do not use unevaluatedProperties, so nothing is tracked. */
const NO_EVAL: Eval = Object.freeze({ evaluated: undefined, declared: undefined }) as Eval;

function merge(into: Eval, from: Eval): void {
  if (into === NO_EVAL || from === NO_EVAL) return;
  if (from.evaluated) {
    if (!into.evaluated) into.evaluated = from.evaluated;
    else if (into.evaluated !== from.evaluated) for (const k of from.evaluated) into.evaluated.add(k);
  }
  if (from.declared) {
    if (!into.declared) into.declared = from.declared;
    else if (into.declared !== from.declared) into.declared = into.declared.concat(from.declared);
  }
}

function declaredNames(d: Obj[] | undefined): string[] {
  const names: string[] = [];
  for (const m of d ?? []) names.push(...Object.keys(m));
  return names;
}

const NO_PROPS: readonly JsonProperty[] = [];

function matchesPattern(s: NSchema, key: string): boolean {
  const list = s.patternList;
  if (list) for (let i = 0; i < list.length; i++) if (list[i].test(key)) return true;
  return false;
}

function hasKey(props: readonly JsonProperty[], key: string): boolean {
  for (let i = 0; i < props.length; i++) if (props[i].key === key) return true;
  return false;
}

function requiredKeyOf(alt: Schema): string | undefined {
  if (typeof alt !== 'object' || !Array.isArray(alt.required) || alt.required.length !== 1) return undefined;
  return alt.required[0] as string;
}

function discriminatorIssue(issues: StructureIssue[], node: JsonNode): { key: string; span: Span; node: JsonNode } | undefined {
  for (const p of node.properties ?? []) {
    if (!['in', 'type'].includes(p.key)) continue;
    if (issues.some((i) => i.kind === 'value' && i.span.start === p.value.span.start)) return { key: p.key, span: p.value.span, node: p.value };
  }
  return undefined;
}

/** Values an alternative allows for a discriminating property (its `enum` / `const`, through `$ref`s and `allOf`). */
function allowedValues(alt: Schema, checker: Checker, key: string, depth = 0): string[] {
  if (typeof alt !== 'object' || depth > 6) return [];
  const out: string[] = [];
  const prop = (alt.properties as Obj | undefined)?.[key] as Obj | undefined;
  if (prop && Array.isArray(prop.enum)) out.push(...(prop.enum as unknown[]).map(String));
  if (prop && prop.hasConst === true) out.push(String(prop.const));
  if (typeof alt.$ref === 'string') {
    const t = checker.resolveRef(alt.$ref);
    if (t !== undefined) out.push(...allowedValues(t, checker, key, depth + 1));
  }
  for (const k of ['allOf', 'oneOf', 'anyOf']) if (Array.isArray(alt[k])) for (const sub of alt[k] as Schema[]) out.push(...allowedValues(sub, checker, key, depth + 1));
  return out;
}
