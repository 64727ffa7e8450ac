/**
 * Builds the OpenAPI model (openapi/model.ts) from a parsed JSON/YAML tree, in one linear pass per
 * section. The document's version decides which fields exist: Swagger 2.0 fields are read only in 2.0
 * documents, `webhooks` / `jsonSchemaDialect` only from 3.1, `query` / `additionalOperations` /
 * `itemSchema` / `$self` / tag `parent` and `kind` only in 3.2.
 */
import type { Span } from '../core/text';
import type { SourceDocument } from '../service/dialect';
import type { JsonDocument, JsonNode, JsonProperty } from '../syntax/jsonTree';
import { getProperty, getValue } from '../syntax/jsonTree';
import {
  PATH_ITEM_METHODS, bool, encodePointer, forgetKeyIndexes, parsePointer, pointerOf, str,
  type ComponentModel, type HeaderModel, type Located, type MediaTypeModel, type OasKind, type OpenApiModel,
  type OperationModel, type OperationOrigin, type ParameterModel, type PathItemModel, type RefModel,
  type RequestBodyModel, type ResponseModel, type SecurityRequirementModel, type SecuritySchemeModel,
  type ServerModel, type TagModel,
} from './model';
import { Resolver, splitRef, type ResolverEnv } from './refs';
import { resolveReference } from '../service/workspace';
import type { IncrementalPlan, ModelRecord, RefsRecord } from './entries';

const SCHEMA_KEYS = new Set(['schema', 'itemSchema', 'schemas', 'definitions']);

/**
 * The `$ref`s of each entry (path item, component) of the previous analysis, reused after an edit for the
 * entries it left untouched: same nodes (the incremental re-parse kept them), spans moved in place.
 */
export interface RefReuse {
  /** Entry value node -> the start of its property now. */
  entries: Map<JsonNode, number>;
  /** Start of an untouched entry's property -> its start in the previous text (absent: touched or new). */
  cleanFrom?: ReadonlyMap<number, number>;
  previous?: Map<JsonNode, RefsRecord>;
  /** Filled for the next edit (records made here carry the entry's tree facts: EntryRefs). */
  next: Map<JsonNode, RefsRecord>;
  /**
   * Model objects of path item / webhook entries: those of the previous analysis, reused for an entry the plan
   * leaves clean through everything its object `$ref`s reach (same nodes, spans moved in place), and those of
   * this one, for the next edit.
   */
  models?: { plan?: IncrementalPlan; previous?: Map<JsonNode, ModelRecord>; next: Map<JsonNode, ModelRecord> };
}

/**
 * Facts several rules need from the whole tree (rules/treeFacts.ts), gathered by collectRefs' walk: on a large
 * tree a second walk costs about as much as the first (every node is read from memory again).
 */
export interface WalkFacts {
  /** Encoded pointers of every `#...` `$ref` string, examples included (order inside one object not kept). */
  localRefs: string[];
  /** Values of every discriminator `mapping`. */
  mappingValues: string[];
  /** Pairs of properties, flat: [first, again, ...] for each later occurrence of a key in the same object. */
  duplicates: JsonProperty[];
}

/** A refs record of build.ts: the entry's tree facts with its refs. */
type EntryRefs = RefsRecord & { facts?: WalkFacts };

const walkFactsByModel = new WeakMap<OpenApiModel, WalkFacts>();
/** The tree facts gathered while building `model` (undefined for a model built elsewhere). */
export function walkFactsOf(model: OpenApiModel): WalkFacts | undefined { return walkFactsByModel.get(model); }

/**
 * Every `$ref` in the document (iterative walk; aliases are visited once, at their anchor), and the tree facts
 * into `facts` when given.
 */
export function collectRefs(root: JsonNode | undefined, uri: string, kind: OasKind, reuse?: RefReuse, retain?: object[], facts?: WalkFacts): RefModel[] {
  const out: RefModel[] = [];
  if (!root) return out;
  // OpenAPI 3.2 (Relative References in API Description URIs, Establishing the Base URI): `$self` is the document's own URI, so relative references
  // resolve against it (itself resolved against where the document was read); a reference back to `$self`
  // names this document.
  const selfNode = kind === 'oas32' && root.type === 'object' ? getValue(root, '$self') : undefined;
  let base: string | undefined;
  if (selfNode?.type === 'string' && typeof selfNode.value === 'string' && selfNode.value) {
    try { base = resolveReference(uri, selfNode.value).replace(/#.*$/, ''); } catch { base = undefined; }
    if (base === uri) base = undefined;
  }
  const st: RefWalk = { uri, kind, base, ids: kind === 'oas31' || kind === 'oas32', reuse, keys: [], splits: new Map() };
  retain?.push(st);
  try {
    walkRefs(st, root, '', 0, 0, out, facts ?? { localRefs: [], mappingValues: [], duplicates: [] }, true);
  } finally {
    forgetWideKeys();
  }
  out.sort(byKeyStart);
  return out;
}

const byKeyStart = (a: RefModel, b: RefModel): number => a.keySpan.start - b.keySpan.start;

/** A `$ref` found by the walk. Its holder's pointer is made when read (hovers and tests; most never are). */
class FoundRef implements RefModel {
  base?: string;
  /** Under a schema with `$id` (its base URI changed). */
  underId?: boolean;
  constructor(
    readonly ref: string, readonly keySpan: Span, readonly valueSpan: Span, readonly holder: JsonNode, readonly targetUri: string,
    readonly targetPointer: string, readonly external: boolean, readonly remote: boolean, readonly context: 'schema' | 'object',
  ) {}
  get pointer(): string { return pointerOf(this.holder); }
}

interface RefWalk {
  uri: string; kind: OasKind; base: string | undefined; ids: boolean; reuse: RefReuse | undefined;
  /** keys[d]: the key (or item index) of the node at depth d on the current path (the root is depth 0). */
  keys: (string | number)[];
  /** splitRef per `$ref` string: thousands of refs name the same few targets. */
  splits: Map<string, { uri: string; pointer: string; remote: boolean }>;
}

/**
 * collectRefs' walk below `start` (at `startDepth`, reached by `startKey`), depth first in document order.
 * The stack is kept in parallel arrays (node, key, depth and flags in one number): no object per container;
 * the path of a node is `keys[1..depth]`, read only where a `$ref` is found.
 */
function walkRefs(st: RefWalk, start: JsonNode, startKey: string | number, startDepth: number, startFlag: number, out: RefModel[], facts: WalkFacts, top: boolean): void {
  const { uri, kind, base, ids, reuse, keys } = st;
  const entries = top ? reuse?.entries : undefined;
  const nodes: JsonNode[] = [start];
  const stepKeys: (string | number)[] = [startKey];
  const steps: number[] = [startDepth * 4 + startFlag]; // flags 1: inside a schema, 2: under a schema with $id
  while (nodes.length) {
    const node = nodes.pop()!;
    const key = stepKeys.pop()!;
    const step = steps.pop()!;
    const depth = step >> 2;
    if (node.alias) { aliasFacts(node, depth, facts); continue; }
    const flag = step & 3;
    keys[depth] = key;
    // Entries sit two or three levels down (paths/x, components/schemas/x).
    const at = entries && (depth === 2 || depth === 3) ? entries.get(node) : undefined;
    if (at !== undefined) {
      // An entry: its refs as before when the edit left it alone, else walked on their own.
      const prev: EntryRefs | undefined = reuse!.previous?.get(node);
      const same = !!prev && !!prev.facts && reuse!.cleanFrom?.get(at) === prev.start;
      let refs = same ? prev!.refs : undefined;
      let mine = same ? prev!.facts : undefined;
      if (!refs || !mine) walkRefs(st, node, key, depth, flag, refs = [], mine = { localRefs: [], mappingValues: [], duplicates: [] }, false);
      // The resolution verdict is carried along; the dialect re-checks what it read.
      const rec: EntryRefs = same ? { start: at, refs, resolved: prev!.resolved, facts: mine } : { start: at, refs, facts: mine };
      reuse!.next.set(node, rec);
      for (let i = 0; i < refs.length; i++) out.push(refs[i]);
      append(facts.localRefs, mine.localRefs);
      append(facts.mappingValues, mine.mappingValues);
      append(facts.duplicates, mine.duplicates);
      continue;
    }
    const props = node.properties;
    if (props) {
      let f = flag;
      if (ids && (f & 1)) for (let i = 0; i < props.length; i++) if (props[i].key === '$id') { f |= 2; break; }
      const below = (depth + 1) * 4;
      // The facts stop 300 levels down (as the rules' walk of them did).
      const deep = depth > FACTS_DEPTH;
      if (props.length > 1 && !deep) duplicatesOf(props, facts.duplicates);
      for (let i = props.length - 1; i >= 0; i--) {
        const p = props[i];
        const v = p.value;
        const k = p.key;
        if (k === '$ref' && v.type === 'string') {
          const ref = v.value as string;
          if (!deep && ref.charCodeAt(0) === 35 /* # */) facts.localRefs.push(localPointer(ref));
          // Inside examples, defaults and enums, `$ref` is data, not a reference.
          if (isData(keys, depth, kind)) continue;
          let sp = st.splits.get(ref);
          if (!sp) st.splits.set(ref, sp = splitRef(ref, base ?? uri));
          let targetUri = sp.uri, remote = sp.remote;
          if (base && targetUri === base) { targetUri = uri; remote = false; }
          const r = new FoundRef(ref, p.keySpan, v.span, node, targetUri, sp.pointer, targetUri !== uri, remote, f & 1 ? 'schema' : 'object');
          if (base && targetUri !== uri) r.base = base;
          if (f & 2) r.underId = true;
          out.push(r);
          continue;
        }
        if (k === 'discriminator' && v.type === 'object' && !deep) mappingsOf(v, facts.mappingValues);
        if (v.properties || v.items) {
          nodes.push(v);
          stepKeys.push(k);
          steps.push(below + ((f & 1) || !SCHEMA_KEYS.has(k) ? f : f | 1));
        }
      }
    } else if (node.items) {
      const items = node.items;
      const below = (depth + 1) * 4 + flag;
      for (let i = items.length - 1; i >= 0; i--) {
        const it = items[i];
        if (it.properties || it.items) { nodes.push(it); stepKeys.push(i); steps.push(below); }
      }
    }
  }
}

const FACTS_DEPTH = 300;

function append<T>(to: T[], from: readonly T[]): void { for (let i = 0; i < from.length; i++) to.push(from[i]); }

/** A local `$ref` as an encoded pointer: without percent escapes the fragment already is one (~0 / ~1 as written). */
function localPointer(ref: string): string { return ref.includes('%') ? encodePointer(parsePointer(ref)) : ref.slice(1); }

function mappingsOf(discriminator: JsonNode, out: string[]): void {
  for (const q of discriminator.properties ?? []) if (q.key === 'mapping') for (const r of q.value.properties ?? []) if (r.value.type === 'string') out.push(r.value.value as string);
}

/** Each later occurrence of a key in `props`, with the first: pairs into `out`. */
function duplicatesOf(props: JsonProperty[], out: JsonProperty[]): void {
  if (props.length < 9) {
    for (let i = 1; i < props.length; i++) {
      for (let j = 0; j < i; j++) if (props[j].key === props[i].key) { out.push(props[j], props[i]); break; }
    }
    return;
  }
  // Wide objects share one map for the walk (no map per object): key -> index + the object's base.
  if (wideBase > 1 << 30) { wideKeys.clear(); wideBase = 0; }
  const base = wideBase;
  wideBase += props.length;
  for (let i = 0; i < props.length; i++) {
    const k = props[i].key;
    const at = wideKeys.get(k);
    if (at !== undefined && at >= base) out.push(props[at - base], props[i]);
    else wideKeys.set(k, base + i);
  }
}
const wideKeys = new Map<string, number>();
let wideBase = 0;
/** Forgets the keys (they may hold the document's text alive). */
function forgetWideKeys(): void { wideKeys.clear(); wideBase = 0; }

/**
 * The facts below a YAML alias: its nodes are the anchor's (the refs walk visits them once, there), but the facts
 * are gathered along every path, as the rules' own walk did (duplicates of the alias itself excepted).
 */
function aliasFacts(n: JsonNode, depth: number, facts: WalkFacts): void {
  if (depth > FACTS_DEPTH) return;
  if (n.type === 'array') { for (const i of n.items ?? []) if (i.type === 'object' || i.type === 'array') aliasFacts(i, depth + 1, facts); return; }
  if (n.type !== 'object') return;
  const props = n.properties ?? [];
  if (props.length > 1 && !n.alias) duplicatesOf(props, facts.duplicates);
  for (const p of props) {
    const v = p.value;
    if (p.key === '$ref' && v.type === 'string' && (v.value as string).startsWith('#')) facts.localRefs.push(localPointer(v.value as string));
    else if (p.key === 'discriminator' && v.type === 'object') mappingsOf(v, facts.mappingValues);
    if (v.type === 'object' || v.type === 'array') aliasFacts(v, depth + 1, facts);
  }
}

/** Keys whose members are names chosen by the author (a member named `default` or `enum` is not a keyword). */
const NAME_MAPS = new Set([
  'properties', 'patternProperties', 'responses', 'schemas', 'parameters', 'headers', 'requestBodies', 'examples', 'links',
  'callbacks', 'securitySchemes', 'definitions', '$defs', 'content', 'encoding', 'pathItems', 'mediaTypes', 'webhooks', 'paths',
  'variables', 'mapping', 'dependentSchemas', 'scopes', 'securityDefinitions',
]);

/** An item index, or a key written as one. */
const isIndex = (k: string | number): boolean => typeof k === 'number' || /^\d+$/.test(k);

/**
 * Whether a `$ref` in the object at `keys[1..depth]` (the walk's path, item indexes as numbers) is data (inside an
 * example, a default, an enum) rather than a reference.
 */
function isData(keys: readonly (string | number)[], depth: number, kind: OasKind): boolean {
  for (let i = 1; i <= depth; i++) {
    const k = keys[i];
    if (typeof k !== 'string') continue; // an item index is no keyword, and no name map holds items
    if (i > 1 && typeof keys[i - 1] === 'string' && NAME_MAPS.has(keys[i - 1] as string) && !(keys[i - 1] === 'examples' && kind === 'swagger2')) continue; // a name, e.g. the `default` response
    if (k === 'example' || k === 'x-example' || k === 'default' || k === 'enum' || k === 'const') return true;
    if (k === 'examples') {
      // 3.x: examples.<name> is an Example Object (or its $ref) whose `value` is data; 2.0 response
      // examples (media type -> value) and JSON Schema `examples` arrays are data.
      if (i + 2 <= depth && keys[i + 2] === 'value' || kind === 'swagger2' || i + 1 <= depth && isIndex(keys[i + 1])) return true;
    }
  }
  return false;
}

export function protocolOfUrl(url: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url.trim());
  if (!m) return 'relative';
  const s = m[1].toLowerCase();
  return s === 'http' ? 'HTTP' : s === 'https' ? 'HTTPS' : s === 'ws' ? 'WS' : s === 'wss' ? 'WSS' : s.toUpperCase();
}

/** `retained`: this build's own objects, for the analysis to keep as long as itself (see OpenApiAnalysed.retained). */
export function buildModel(source: SourceDocument, doc: JsonDocument, env: ResolverEnv, refReuse?: RefReuse): { model: OpenApiModel; resolver: Resolver; retained: object[] } {
  const kind = source.kind.kind as OasKind;
  forgetKeyIndexes();
  // A fragment (a split file) may be any value, e.g. a list of schemas; a description's root is an object.
  const root = doc.root && (doc.root.type === 'object' || source.kind.fragment) ? doc.root : undefined;
  const uri = source.uri;
  const retained: object[] = [];
  const facts: WalkFacts = { localRefs: [], mappingValues: [], duplicates: [] };
  const refs = collectRefs(root, uri, kind, refReuse, retained, facts);
  const self = { uri, root: doc.root, text: source.text, lines: source.lines, refsByHolder: new Map(refs.map((r) => [r.holder, r])) };
  const resolver = new Resolver(self, env, refs);
  const is2 = kind === 'swagger2';
  const since31 = kind === 'oas31' || kind === 'oas32';
  const is32 = kind === 'oas32';

  const model: OpenApiModel = {
    uri, kind, version: source.kind.version, syntax: doc.syntax, text: source.text, lines: source.lines, doc, root,
    versionProperty: getProperty(root, is2 ? 'swagger' : 'openapi'),
    info: getValue(root, 'info'),
    servers: [], pathItems: [], webhooks: [], operations: [], components: [], securitySchemes: [],
    securityRequirements: [], tags: [], refs, consumes: [], produces: [], resolver,
  };
  model.title = str(getValue(model.info, 'title'));
  if (since31) model.jsonSchemaDialect = str(getValue(root, 'jsonSchemaDialect'));
  if (is32) model.self = str(getValue(root, '$self'));
  walkFactsByModel.set(model, facts);
  const b = new ModelBuilder(model, resolver, self.refsByHolder);
  retained.push(b);

  // ---- servers
  if (is2) {
    const host = str(getValue(root, 'host'));
    const basePath = str(getValue(root, 'basePath'))?.value ?? '';
    const schemes = items(getValue(root, 'schemes')).map(str).filter((x): x is Located<string> => !!x);
    for (const s of schemes) {
      const url = host ? `${s.value.toLowerCase()}://${host.value}${basePath}` : `${s.value.toLowerCase()}:${basePath || '/'}`;
      model.servers.push({ url, span: s.span, node: s.node, protocol: protocolOfUrl(s.value + ':'), level: 'root', variables: [], synthesized: true });
    }
    if (!schemes.length && host) {
      // No schemes: the scheme used to reach the documentation itself (unknown here).
      model.servers.push({ url: `//${host.value}${basePath}`, span: host.span, node: host.node, protocol: 'relative', level: 'root', variables: [], synthesized: true });
    }
  } else b.serversOf(getValue(root, 'servers'), 'root');

  // ---- media types
  if (is2) {
    model.consumes = listMedia(getValue(root, 'consumes'), 'consumes', '/consumes');
    model.produces = listMedia(getValue(root, 'produces'), 'produces', '/produces');
  }

  // ---- paths and webhooks
  // Swagger 2 operations share the root consumes/produces lists of their model: always built again.
  const models = !is2 ? refReuse?.models : undefined;
  if (models?.plan) models.plan.setModel(model);
  for (const p of entries(getValue(root, 'paths'))) {
    if (p.key.startsWith('x-')) continue;
    b.pathEntry(p, 'operation', `/paths/${esc(p.key)}`, models, refReuse);
  }
  if (since31) {
    for (const p of entries(getValue(root, 'webhooks'))) {
      if (p.key.startsWith('x-')) continue;
      model.webhooks.push(b.pathEntry(p, 'webhook', `/webhooks/${esc(p.key)}`, models, refReuse));
    }
  }

  // ---- components
  let schemesHolder: JsonNode | undefined;
  let schemesBase = '';
  if (is2) {
    for (const s of ['definitions', 'parameters', 'responses', 'securityDefinitions']) b.addSection(getValue(root, s), s, `/${s}`);
    schemesHolder = getValue(root, 'securityDefinitions');
    schemesBase = '/securityDefinitions';
  } else {
    const comps = getValue(root, 'components');
    for (const s of entries(comps)) {
      if (s.key.startsWith('x-')) continue;
      b.addSection(s.value, s.key, `/components/${esc(s.key)}`);
    }
    schemesHolder = getValue(comps, 'securitySchemes');
    schemesBase = '/components/securitySchemes';
  }
  for (const s of entries(schemesHolder)) {
    const r = b.resolved(s.value);
    const n = r.node;
    const type = str(getValue(n, 'type'));
    const flows = is2 ? [str(getValue(n, 'flow'))?.value].filter((x): x is string => !!x) : entries(getValue(n, 'flows')).map((f) => f.key);
    const sm: SecuritySchemeModel = {
      name: s.key, keySpan: s.keySpan, node: n, type, scheme: is2 ? undefined : str(getValue(n, 'scheme')), in: str(getValue(n, 'in')),
      paramName: str(getValue(n, 'name')), flows, pointer: `${schemesBase}/${esc(s.key)}`,
    };
    model.securitySchemes.push(sm);
  }
  model.securityRequirements = securityOf(getValue(root, 'security'), 'root', '/security');

  // ---- tags
  items(getValue(root, 'tags')).forEach((t, i) => {
    const tag: TagModel = { name: str(getValue(t, 'name')), node: t, pointer: `/tags/${i}` };
    if (is32) { tag.parent = str(getValue(t, 'parent')); tag.kind = str(getValue(t, 'kind')); tag.summary = str(getValue(t, 'summary')); }
    model.tags.push(tag);
  });

  return { model, resolver, retained };
}

const entries = (n: JsonNode | undefined): JsonProperty[] => (n && n.type === 'object' && n.properties) || [];
const items = (n: JsonNode | undefined): JsonNode[] => (n && n.type === 'array' && n.items) || [];

const listMedia = (n: JsonNode | undefined, src: 'consumes' | 'produces', ptr: string): MediaTypeModel[] =>
  items(n).map((it, i) => ({ mediaType: typeof it.value === 'string' ? it.value : '', keySpan: it.span, examples: [], source: src, pointer: `${ptr}/${i}` }))
    .filter((m) => m.mediaType);

const securityOf = (n: JsonNode | undefined, level: SecurityRequirementModel['level'], ptr: string): SecurityRequirementModel[] =>
  items(n).map((req, i) => ({
    node: req, level, pointer: `${ptr}/${i}`,
    schemes: entries(req).map((p) => ({ name: p.key, keySpan: p.keySpan, scopes: items(p.value).map(str).filter((x): x is Located<string> => !!x) })),
  }));

/** The path items, operations and their parts of one model build. */
class ModelBuilder {
  private readonly uri: string;
  private readonly kind: OasKind;
  private readonly is2: boolean;
  private readonly is32: boolean;

  constructor(private readonly model: OpenApiModel, private readonly resolver: Resolver, private readonly refsByHolder: Map<JsonNode, RefModel>) {
    this.uri = model.uri;
    this.kind = model.kind;
    this.is2 = model.kind === 'swagger2';
    this.is32 = model.kind === 'oas32';
  }

  /** Resolves an object that may be a `$ref`; falls back to the entry itself when unresolvable. */
  resolved(entry: JsonNode): { node: JsonNode; uri: string; ref?: RefModel } {
    const ref = this.refsByHolder.get(entry);
    if (!ref) return { node: entry, uri: this.uri };
    const r = this.resolver.resolve(entry);
    return r ? { node: r.node, uri: r.uri, ref } : { node: entry, uri: this.uri, ref };
  }

  serversOf(n: JsonNode | undefined, level: ServerModel['level']): ServerModel[] {
    const out: ServerModel[] = [];
    for (const s of items(n)) {
      const u = str(getValue(s, 'url'));
      if (!u) continue;
      // {variables} take their default values (e.g. "{scheme}://host" with default https).
      const vars = entries(getValue(s, 'variables'));
      const effective = u.value.replace(/\{([^}]+)\}/g, (whole, name: string) => {
        const d = getValue(vars.find((v) => v.key === name)?.value, 'default');
        return d && (typeof d.value === 'string' || typeof d.value === 'number') ? String(d.value) : whole;
      });
      out.push({ url: u.value, span: u.span, node: s, protocol: protocolOfUrl(effective), level, variables: vars.map((p) => p.key) });
    }
    this.model.servers.push(...out);
    return out;
  }

  contentOf(n: JsonNode | undefined, ptr: string): MediaTypeModel[] {
    const is32 = this.is32;
    return entries(n).map((p) => {
      const mt = p.value;
      const exs = entries(getValue(mt, 'examples')).map((e) => e.value);
      return {
        mediaType: p.key, keySpan: p.keySpan, node: mt, schema: getValue(mt, 'schema'),
        itemSchema: is32 ? getValue(mt, 'itemSchema') : undefined, example: getValue(mt, 'example'), examples: exs,
        source: 'content' as const, pointer: `${ptr}/${esc(p.key)}`,
      };
    });
  }

  paramsOf(n: JsonNode | undefined, level: ParameterModel['level'], ptr: string): ParameterModel[] {
    return items(n).map((entry, i) => {
      const r = this.resolved(entry);
      const node = r.node;
      return {
        node, entry, ref: r.ref, uri: r.uri, name: str(getValue(node, 'name')), in: str(getValue(node, 'in')),
        required: bool(getValue(node, 'required')), schema: getValue(node, 'schema'),
        content: this.is2 ? [] : this.contentOf(getValue(node, 'content'), `${ptr}/${i}/content`), level, pointer: `${ptr}/${i}`,
      };
    });
  }

  buildOperation(pi: PathItemModel, method: string, methodSpan: Span, node: JsonNode, ptr: string, additional: boolean, parent?: OperationModel): OperationModel {
    const is2 = this.is2;
    const op: OperationModel = {
      method, methodSpan, path: pi.path, pathSpan: pi.keySpan, node, pathItem: pi, origin: pi.origin, additional,
      operationId: str(getValue(node, 'operationId')), summary: str(getValue(node, 'summary')),
      tags: items(getValue(node, 'tags')).map(str).filter((x): x is Located<string> => !!x),
      deprecated: getValue(node, 'deprecated')?.value === true,
      parameters: [...pi.parameters, ...this.paramsOf(getValue(node, 'parameters'), 'operation', `${ptr}/parameters`)],
      responsesNode: getValue(node, 'responses'), responses: [], consumes: [], produces: [], servers: [], callbacks: [], pointer: ptr,
    };
    if (parent) { op.parent = parent; }
    const secNode = getValue(node, 'security');
    if (secNode) op.security = securityOf(secNode, 'operation', `${ptr}/security`);
    if (is2) {
      const c = getValue(node, 'consumes');
      const p = getValue(node, 'produces');
      op.consumes = c ? listMedia(c, 'consumes', `${ptr}/consumes`) : this.model.consumes;
      op.produces = p ? listMedia(p, 'produces', `${ptr}/produces`) : this.model.produces;
      const body = op.parameters.find((x) => x.in?.value === 'body');
      if (body) op.requestBody = { node: body.node, entry: body.entry, ref: body.ref, uri: body.uri, required: body.required, content: op.consumes, schema: body.schema, pointer: body.pointer };
      const form = op.parameters.find((x) => x.in?.value === 'formData');
      if (form && !body) op.requestBody = { node: form.node, entry: form.entry, ref: form.ref, uri: form.uri, content: op.consumes, pointer: form.pointer };
    } else {
      const rb = getValue(node, 'requestBody');
      if (rb) {
        const r = this.resolved(rb);
        const body: RequestBodyModel = { node: r.node, entry: rb, ref: r.ref, uri: r.uri, required: bool(getValue(r.node, 'required')), content: this.contentOf(getValue(r.node, 'content'), `${ptr}/requestBody/content`), pointer: `${ptr}/requestBody` };
        op.requestBody = body;
      }
      op.servers = this.serversOf(getValue(node, 'servers'), 'operation');
      // Callbacks: name -> (ref to) Callback Object: expression -> Path Item.
      for (const cb of entries(getValue(node, 'callbacks'))) {
        const cbr = this.resolved(cb.value);
        for (const expr of entries(cbr.node)) {
          if (expr.key.startsWith('x-')) continue;
          const cpi = this.buildPathItem(expr, 'callback', `${ptr}/callbacks/${esc(cb.key)}/${esc(expr.key)}`, op, cb.key);
          op.callbacks.push(...cpi.operations);
        }
      }
    }
    for (const rp of entries(op.responsesNode)) {
      if (rp.key.startsWith('x-')) continue;
      const r = this.resolved(rp.value);
      const rn = r.node;
      const headers: HeaderModel[] = entries(getValue(rn, 'headers')).map((h) => ({ name: h.key, keySpan: h.keySpan, node: h.value }));
      const resp: ResponseModel = {
        status: rp.key, keySpan: rp.keySpan, node: rn, entry: rp.value, ref: r.ref, uri: r.uri,
        description: str(getValue(rn, 'description')),
        content: is2 ? [] : this.contentOf(getValue(rn, 'content'), `${ptr}/responses/${esc(rp.key)}/content`),
        schema: is2 ? getValue(rn, 'schema') : undefined, headers,
        links: is2 ? [] : entries(getValue(rn, 'links')).map((l) => ({ name: l.key, keySpan: l.keySpan, node: l.value })),
        pointer: `${ptr}/responses/${esc(rp.key)}`,
      };
      op.responses.push(resp);
    }
    return op;
  }

  /**
   * A path item or webhook entry: its model objects as the previous analysis built them when the entry and all
   * its object `$ref`s reach are untouched (same nodes), else built again; recorded for the next edit.
   */
  pathEntry(p: JsonProperty, origin: OperationOrigin, ptr: string, models: RefReuse['models'], reuse: RefReuse | undefined): PathItemModel {
    const m = this.model;
    const start = models && reuse ? reuse.entries.get(p.value) : undefined;
    if (start === undefined) return this.buildPathItem(p, origin, ptr);
    const prev = models!.previous?.get(p.value);
    const entry = models!.plan?.entryOf(p.value);
    if (prev && entry && reuse!.cleanFrom?.get(start) === prev.start && !models!.plan!.dirtyThroughRefs().has(entry.key)) {
      for (const x of prev.pathItems) m.pathItems.push(x);
      for (const x of prev.operations) m.operations.push(x);
      for (const x of prev.servers) m.servers.push(x);
      models!.next.set(p.value, { ...prev, start });
      return prev.top;
    }
    const pi0 = m.pathItems.length, op0 = m.operations.length, sv0 = m.servers.length;
    const top = this.buildPathItem(p, origin, ptr);
    models!.next.set(p.value, { start, top, pathItems: m.pathItems.slice(pi0), operations: m.operations.slice(op0), servers: m.servers.slice(sv0) });
    return top;
  }

  addSection(holder: JsonNode | undefined, section: string, base: string): void {
    for (const c of entries(holder)) this.model.components.push({ section, name: c.key, keySpan: c.keySpan, node: c.value, pointer: `${base}/${esc(c.key)}` });
  }

  buildPathItem(p: JsonProperty, origin: OperationOrigin, ptr: string, parent?: OperationModel, callbackName?: string): PathItemModel {
    const r = this.resolved(p.value);
    const node = r.node;
    const pi: PathItemModel = { path: p.key, keySpan: p.keySpan, node, entry: p.value, ref: r.ref, uri: r.uri, origin, parameters: [], operations: [], pointer: ptr };
    pi.parameters = this.paramsOf(getValue(node, 'parameters'), 'path', `${ptr}/parameters`);
    if (!this.is2) this.serversOf(getValue(node, 'servers'), 'path');
    const methods = PATH_ITEM_METHODS[this.kind];
    for (const mp of entries(node)) {
      if (!methods.includes(mp.key) || mp.value.type !== 'object') continue;
      const op = this.buildOperation(pi, mp.key, mp.keySpan, mp.value, `${ptr}/${esc(mp.key)}`, false, parent);
      if (callbackName) op.callbackName = callbackName;
      pi.operations.push(op);
    }
    if (this.is32) {
      for (const mp of entries(getValue(node, 'additionalOperations'))) {
        if (mp.value.type !== 'object') continue;
        const op = this.buildOperation(pi, mp.key, mp.keySpan, mp.value, `${ptr}/additionalOperations/${esc(mp.key)}`, true, parent);
        if (callbackName) op.callbackName = callbackName;
        pi.operations.push(op);
      }
    }
    this.model.pathItems.push(pi);
    this.model.operations.push(...pi.operations);
    return pi;
  }
}

// Media types and path keys hold '/': plain-string replacements, no regular expression per key.
function esc(s: string): string { return s.indexOf('/') < 0 && s.indexOf('~') < 0 ? s : s.replaceAll('~', '~0').replaceAll('/', '~1'); }

export type { ComponentModel };
