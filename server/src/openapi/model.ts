/**
 * The OpenAPI / Swagger document model: what openapi/build.ts extracts from the JSON/YAML tree, every fact
 * tied to the span it came from. Rules, hovers, symbols and the summary read this, never the raw text.
 *
 * HOW TO USE (rules, features):
 * - `model.kind` decides everything: 'swagger2' | 'oas30' | 'oas31' | 'oas32'. Branch on it; never apply one
 *   version's knowledge to another (e.g. `webhooks` exists only from 3.1, `query` / `additionalOperations` /
 *   `itemSchema` only from 3.2, `consumes` / `definitions` only in 2.0).
 * - Collections are flat lists in source order: `model.operations` (paths, webhooks and callbacks; see
 *   `origin`), `model.pathItems`, `model.components`, `model.securitySchemes`, `model.securityRequirements`,
 *   `model.servers`, `model.tags`, `model.refs` (every `$ref` occurrence).
 * - Values that may be `$ref`s are already resolved where the model says "resolved" (parameters, request bodies,
 *   responses, path items); the original reference is kept in `ref` so a finding can point at the `$ref`.
 *   When the resolved node lives in ANOTHER file, `uri` says so: only report spans whose uri is `model.uri`.
 * - `model.resolver.resolve(node)` follows a `$ref` chain (local and cross-file) from any node (undefined when
 *   it cannot be resolved; the dialect reports that as oas-ref-unresolved / oas-ref-cycle, so rules need not);
 *   `model.resolver.target(ref)` is one hop, with a RefProblem instead of a node when it fails.
 * - Tree helpers: `nodeAtPointer(root, '#/components/schemas/Pet')` (wide objects indexed once),
 *   `parsePointer` / `pointerSegments` / `encodePointer`, `pointerOf(node)` / `pathOf(node)` (walk parents),
 *   `nodeAtOffset(root, offset)` (binary search per level: O(depth · log width), no re-walk of the document),
 *   `str` / `bool` (Located scalars), `refOf(node)`, `toValue(node)` (plain JS, bounded), `PATH_ITEM_METHODS`,
 *   `specUrl(kind, version)` (the spec page of THIS version; append '#operation-object' etc.).
 * - Strings of the document are data: escape them (core/markdown.ts) before putting them in Markdown.
 * This file only grows (additive changes); other modules depend on its shape.
 */
import type { LineIndex, Span } from '../core/text';
import type { JsonDocument, JsonNode, JsonProperty } from '../syntax/jsonTree';

export type OasKind = 'swagger2' | 'oas30' | 'oas31' | 'oas32';

/** A scalar read from the document, with the node (and so the span) it came from. */
export interface Located<T> { value: T; span: Span; node: JsonNode }

export type OperationOrigin = 'operation' | 'webhook' | 'callback';

/** A server URL: OpenAPI 3 `servers[].url`, or the URL Swagger 2 implies from `schemes` + `host` + `basePath`. */
export interface ServerModel {
  url: string;
  /** Span of the url value (3.x) or of the scheme item / host value (2.0). */
  span: Span;
  node?: JsonNode;
  /** 'HTTP' | 'HTTPS' | 'WS' | 'WSS' | 'relative' | another scheme upper-cased. */
  protocol: string;
  level: 'root' | 'path' | 'operation';
  /** 3.x `servers[].variables` names. */
  variables: string[];
  /** 2.0: built from `schemes`/`host`/`basePath` rather than written as one URL. */
  synthesized?: boolean;
}

/** A media type: a key under `content` (3.x), or an entry of `consumes` / `produces` (2.0). */
export interface MediaTypeModel {
  mediaType: string;
  /** Span of the key (3.x) or of the list item (2.0). */
  keySpan: Span;
  /** The Media Type Object (3.x); undefined for 2.0 list entries. */
  node?: JsonNode;
  schema?: JsonNode;
  /** 3.2 streaming: the schema of each item of a sequential media type. */
  itemSchema?: JsonNode;
  example?: JsonNode;
  /** Values of `examples` (3.x map of Example Objects, possibly `$ref`s). */
  examples: JsonNode[];
  source: 'content' | 'consumes' | 'produces';
  pointer: string;
}

export interface ParameterModel {
  /** The resolved Parameter Object (may live in another file: see `uri`). */
  node: JsonNode;
  /** The entry as written in the parameters array (a `$ref` object, or the parameter itself). */
  entry: JsonNode;
  ref?: RefModel;
  uri: string;
  name?: Located<string>;
  in?: Located<string>;
  required?: Located<boolean>;
  schema?: JsonNode;
  /** 3.x: parameters may carry `content` instead of `schema`. */
  content: MediaTypeModel[];
  level: 'path' | 'operation';
  /** Pointer of the entry in this document. */
  pointer: string;
}

export interface RequestBodyModel {
  /** Resolved Request Body Object (3.x), or the Swagger 2 `in: body` parameter. */
  node: JsonNode;
  entry: JsonNode;
  ref?: RefModel;
  uri: string;
  required?: Located<boolean>;
  content: MediaTypeModel[];
  /** 2.0 body parameter schema. */
  schema?: JsonNode;
  pointer: string;
}

export interface HeaderModel { name: string; keySpan: Span; node: JsonNode }

export interface ResponseModel {
  /** '200', '4XX', 'default', ... as written. */
  status: string;
  keySpan: Span;
  /** Resolved Response Object. */
  node: JsonNode;
  entry: JsonNode;
  ref?: RefModel;
  uri: string;
  description?: Located<string>;
  content: MediaTypeModel[];
  /** 2.0: the response `schema`. */
  schema?: JsonNode;
  headers: HeaderModel[];
  /** 3.x `links` names. */
  links: { name: string; keySpan: Span; node: JsonNode }[];
  pointer: string;
}

export interface OperationModel {
  /** HTTP method in lower case as written under the path item ('get', 'query', ...); for 3.2
   * `additionalOperations` the method as written (e.g. 'LINK'). */
  method: string;
  methodSpan: Span;
  /** Path template ('/pets/{id}'), or the webhook / callback expression name. */
  path: string;
  pathSpan: Span;
  node: JsonNode;
  pathItem: PathItemModel;
  origin: OperationOrigin;
  /** 3.2: declared under `additionalOperations`. */
  additional: boolean;
  /** For callbacks: the callback name and the operation that declares it. */
  callbackName?: string;
  parent?: OperationModel;
  operationId?: Located<string>;
  summary?: Located<string>;
  tags: Located<string>[];
  deprecated: boolean;
  /** Path-item level parameters first, then the operation's own (not merged: both are reported where written). */
  parameters: ParameterModel[];
  requestBody?: RequestBodyModel;
  responsesNode?: JsonNode;
  responses: ResponseModel[];
  /** Operation-level `security` (undefined: inherits the root's). */
  security?: SecurityRequirementModel[];
  /** 2.0: the effective consumes / produces (operation's, else the root's). */
  consumes: MediaTypeModel[];
  produces: MediaTypeModel[];
  servers: ServerModel[];
  callbacks: OperationModel[];
  pointer: string;
}

export interface PathItemModel {
  path: string;
  keySpan: Span;
  /** Resolved Path Item Object. */
  node: JsonNode;
  entry: JsonNode;
  ref?: RefModel;
  uri: string;
  origin: OperationOrigin;
  parameters: ParameterModel[];
  operations: OperationModel[];
  pointer: string;
}

/** A named component: 3.x `components.<section>.<name>`, or 2.0 `definitions` / `parameters` / `responses` / `securityDefinitions`. */
export interface ComponentModel {
  section: string;
  name: string;
  keySpan: Span;
  node: JsonNode;
  pointer: string;
}

export interface SecuritySchemeModel {
  name: string;
  keySpan: Span;
  node: JsonNode;
  /** 'apiKey' | 'http' | 'oauth2' | 'openIdConnect' | 'mutualTLS' (3.x) | 'basic' (2.0) ... as written. */
  type?: Located<string>;
  /** http: 'basic' | 'bearer' | ... */
  scheme?: Located<string>;
  in?: Located<string>;
  /** apiKey: header / query / cookie parameter name. */
  paramName?: Located<string>;
  /** oauth2 flows (3.x keys of `flows`, or the 2.0 `flow` value). */
  flows: string[];
  pointer: string;
}

export interface SecurityRequirementModel {
  node: JsonNode;
  level: 'root' | 'operation';
  schemes: { name: string; keySpan: Span; scopes: Located<string>[] }[];
  pointer: string;
}

export interface TagModel {
  name?: Located<string>;
  node: JsonNode;
  /** 3.2 */
  parent?: Located<string>;
  kind?: Located<string>;
  summary?: Located<string>;
  pointer: string;
}

/** One `$ref` occurrence in this document. */
export interface RefModel {
  ref: string;
  /** The `$ref` key and its value. */
  keySpan: Span;
  valueSpan: Span;
  /** The object holding `$ref`. */
  holder: JsonNode;
  /** Pointer of the holder in this document, e.g. '/paths/~1pets/get/responses/200'. */
  pointer: string;
  /** Absolute URI of the target document (this document's uri for local refs). */
  targetUri: string;
  /** Decoded JSON pointer of the target inside that document ('' = the whole document). */
  targetPointer: string;
  /** The ref names another file. */
  external: boolean;
  /** http(s) or another network scheme: never followed. */
  remote: boolean;
  /** Where the ref sits: 'schema' inside a Schema Object (3.1+: $ref siblings allowed), else 'object'. */
  context: 'schema' | 'object';
  /** 3.2: the base URI the reference was resolved against when `$self` sets one (absent: the document's own URI). */
  base?: string;
}

export interface ResolvedNode {
  node: JsonNode;
  uri: string;
  pointer: string;
  /** Text and lines of the target document (for previews and locations). */
  text: string;
  lines: LineIndex;
  /** The target's model when it is itself an OpenAPI document. */
  model?: OpenApiModel;
  /** The refs followed, first to last (empty when `node` was not a `$ref`). */
  chain: RefModel[];
}

export type RefProblemKind = 'unresolved' | 'cycle' | 'remote';
export interface RefProblem { ref: RefModel; kind: RefProblemKind; message: string }

/** Follows `$ref`s (implemented by openapi/refs.ts). Results are cached per model. */
export interface RefResolver {
  /** Follows a `$ref` chain starting at `node` (a `{ $ref }` object); returns `node` itself (chain []) when it is no ref. */
  resolve(node: JsonNode, fromUri?: string): ResolvedNode | undefined;
  /** Resolves one reference (one hop). */
  target(ref: RefModel): ResolvedNode | RefProblem;
  /** Problems found while building the model (unresolved, cyclic, remote refs), each once. */
  problems(): RefProblem[];
}

export interface OpenApiModel {
  uri: string;
  kind: OasKind;
  /** Version as written ('2.0', '3.1.0'). */
  version: string;
  syntax: 'json' | 'yaml';
  text: string;
  lines: LineIndex;
  doc: JsonDocument;
  root?: JsonNode;
  /** The `openapi` / `swagger` property. */
  versionProperty?: JsonProperty;
  info?: JsonNode;
  title?: Located<string>;
  /** 3.1+ */
  jsonSchemaDialect?: Located<string>;
  /** 3.2 */
  self?: Located<string>;
  servers: ServerModel[];
  pathItems: PathItemModel[];
  /** 3.1+ `webhooks` entries (also in pathItems with origin 'webhook'). */
  webhooks: PathItemModel[];
  operations: OperationModel[];
  components: ComponentModel[];
  securitySchemes: SecuritySchemeModel[];
  /** Root-level requirements (`security` at the root); operation ones are on each OperationModel. */
  securityRequirements: SecurityRequirementModel[];
  tags: TagModel[];
  refs: RefModel[];
  /** 2.0 root `consumes` / `produces`. */
  consumes: MediaTypeModel[];
  produces: MediaTypeModel[];
  resolver: RefResolver;
}

// ---- tree helpers (pure; no model needed) -------------------------------------------------

/** Decodes a JSON pointer (RFC 6901) from a `$ref` fragment: percent escapes first (URI fragment), then ~1 and ~0. */
export function parsePointer(fragment: string): string[] {
  let p = fragment.charCodeAt(0) === 35 /* # */ ? fragment.slice(1) : fragment;
  if (p.indexOf('%') >= 0) {
    try { p = decodeURIComponent(p); } catch { /* keep as written: a malformed % escape */ }
  }
  return pointerSegments(p);
}

/** Splits an already percent-decoded JSON pointer ('/a~1b/0') into segments, unescaping ~1 and ~0. */
export function pointerSegments(p: string): string[] {
  if (p === '') return [];
  if (p.charCodeAt(0) !== 47 /* / */) return [p]; // not a pointer (e.g. a plain anchor name)
  const segs = p.slice(1).split('/');
  if (p.indexOf('~') >= 0) for (let i = 0; i < segs.length; i++) segs[i] = segs[i].replace(/~1/g, '/').replace(/~0/g, '~');
  return segs;
}

/** Encodes segments as a JSON pointer ('/a~1b/0'); '' for the root. */
export function encodePointer(segments: (string | number)[]): string {
  let out = '';
  for (const seg of segments) {
    const s = String(seg);
    // Most segments hold neither '~' nor '/': skip the replacements for them (hot on big specs).
    out += '/' + (s.indexOf('~') < 0 && s.indexOf('/') < 0 ? s : s.replace(/~/g, '~0').replace(/\//g, '~1'));
  }
  return out;
}

const keyIndexes = new WeakMap<JsonProperty[], { epoch: number; index: Map<string, JsonProperty> }>();
let indexEpoch = 0;

/**
 * Marks the key indexes of wide objects as stale: an incremental re-parse (syntax/*Incremental.ts) renames
 * keys and replaces values in place, keeping the objects. openapi/build.ts calls it before each model build.
 */
export function forgetKeyIndexes(): void { indexEpoch++; }
/** Changes whenever forgetKeyIndexes() is called: other per-node caches of keys compare it. */
export function keyIndexEpoch(): number { return indexEpoch; }

/** The node at a decoded or encoded pointer ('' or '#' is the root). Follows no `$ref`. */
export function nodeAtPointer(root: JsonNode | undefined, pointer: string | string[]): JsonNode | undefined {
  const segs = Array.isArray(pointer) ? pointer : parsePointer(pointer);
  let n = root;
  for (const s of segs) {
    if (!n) return undefined;
    if (n.type === 'object') {
      const props = n.properties ?? [];
      if (props.length > 16) {
        // Wide objects (paths, components.schemas) get a key index once, so resolving many refs stays linear.
        // Built once per model build (the tree may have changed in place since).
        let k = keyIndexes.get(props);
        if (!k || k.epoch !== indexEpoch) {
          k = { epoch: indexEpoch, index: new Map() };
          for (const p of props) if (!k.index.has(p.key)) k.index.set(p.key, p);
          keyIndexes.set(props, k);
        }
        n = k.index.get(s)?.value;
        continue;
      }
      let found: JsonNode | undefined;
      for (const p of props) if (p.key === s) { found = p.value; break; }
      n = found;
    } else if (n.type === 'array') {
      if (!/^(0|[1-9][0-9]*)$/.test(s)) return undefined;
      n = n.items?.[Number(s)];
    } else return undefined;
  }
  return n;
}

/** Segments from the root to `node`, through parent links. */
export function pathOf(node: JsonNode): string[] {
  const segs: string[] = [];
  let n: JsonNode | undefined = node;
  while (n && n.parent) {
    const p: JsonNode = n.parent;
    if (p.type === 'array') segs.push(String(p.items!.indexOf(n)));
    else {
      const prop = p.properties!.find((q) => q.value === n);
      segs.push(prop ? prop.key : '?');
    }
    n = p;
  }
  return segs.reverse();
}

export function pointerOf(node: JsonNode): string { return encodePointer(pathOf(node)); }

/** What the offset is on: the innermost node, and the property when the offset is on a key. */
export interface NodeHit {
  node: JsonNode;
  /** Set when the offset is on a property's key (then `node` is its value) or the property is the innermost. */
  property?: JsonProperty;
  onKey: boolean;
  /** Ancestors from the root, outermost first (excluding `node`). */
  ancestors: JsonNode[];
}

/**
 * The innermost node at `offset`, by binary search over each level's children (their spans are in source
 * order), so a hover costs O(depth · log width), not a walk of the document.
 */
export function nodeAtOffset(root: JsonNode | undefined, offset: number): NodeHit | undefined {
  if (!root || offset < root.span.start || offset > root.span.end) return undefined;
  let node = root;
  const ancestors: JsonNode[] = [];
  let property: JsonProperty | undefined;
  for (;;) {
    if (node.alias) return { node, property, onKey: false, ancestors };
    if (node.type === 'object' && node.properties?.length) {
      const props = node.properties;
      let lo = 0, hi = props.length - 1, found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = props[mid].span;
        if (offset < s.start) hi = mid - 1;
        else if (offset > s.end) lo = mid + 1;
        else { found = mid; break; }
      }
      if (found < 0) return { node, property, onKey: false, ancestors };
      const p = props[found];
      if (offset >= p.keySpan.start && offset <= p.keySpan.end) {
        ancestors.push(node);
        return { node: p.value, property: p, onKey: true, ancestors };
      }
      if (offset < p.value.span.start || offset > p.value.span.end) {
        ancestors.push(node);
        return { node: p.value, property: p, onKey: false, ancestors };
      }
      ancestors.push(node);
      property = p;
      node = p.value;
      continue;
    }
    if (node.type === 'array' && node.items?.length) {
      const items = node.items;
      let lo = 0, hi = items.length - 1, found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = items[mid].span;
        if (offset < s.start) hi = mid - 1;
        else if (offset > s.end) lo = mid + 1;
        else { found = mid; break; }
      }
      if (found < 0) return { node, property, onKey: false, ancestors };
      ancestors.push(node);
      property = undefined;
      node = items[found];
      continue;
    }
    return { node, property, onKey: false, ancestors };
  }
}

export function str(node: JsonNode | undefined): Located<string> | undefined {
  return node && node.type === 'string' ? { value: node.value as string, span: node.span, node } : undefined;
}
export function bool(node: JsonNode | undefined): Located<boolean> | undefined {
  return node && node.type === 'boolean' ? { value: node.value as boolean, span: node.span, node } : undefined;
}

/** `$ref` string of an object node, if any. */
export function refOf(node: JsonNode | undefined): JsonProperty | undefined {
  if (!node || node.type !== 'object' || !node.properties) return undefined;
  for (const p of node.properties) if (p.key === '$ref') return p.value.type === 'string' ? p : undefined;
  return undefined;
}

/** Plain JS value of a node (for previews and example checks); `maxNodes` bounds the work. */
export function toValue(node: JsonNode, maxNodes = 100_000): unknown {
  let budget = maxNodes;
  const conv = (n: JsonNode, depth: number): unknown => {
    if (--budget < 0 || depth > 200) return undefined;
    if (n.type === 'object') {
      const o: Record<string, unknown> = {};
      for (const p of n.properties ?? []) o[p.key] = conv(p.value, depth + 1);
      return o;
    }
    if (n.type === 'array') return (n.items ?? []).map((i) => conv(i, depth + 1));
    return n.value;
  };
  return conv(node, 0);
}

/** HTTP methods that are Path Item fields in each version (3.2 adds `query`; others go to `additionalOperations`). */
export const PATH_ITEM_METHODS: Record<OasKind, readonly string[]> = {
  swagger2: ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'],
  oas30: ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'],
  oas31: ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'],
  oas32: ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'],
};

/** Base URL of the specification of a version, for "see" links (append '#fragment'). */
export function specUrl(kind: OasKind, version: string): string {
  if (kind === 'swagger2') return 'https://swagger.io/specification/v2/';
  // Published patch releases; a later patch written in a document links the newest published page.
  const latest: Record<string, number> = { '3.0': 4, '3.1': 2, '3.2': 0 };
  const minor = kind === 'oas30' ? '3.0' : kind === 'oas31' ? '3.1' : '3.2';
  const m = /^3\.[0-2]\.(\d+)/.exec(version);
  const patch = m ? Math.min(Number(m[1]), latest[minor]) : latest[minor];
  const v = `${minor}.${patch}`;
  return `https://spec.openapis.org/oas/v${v}`;
}
