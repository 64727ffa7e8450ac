/**
 * What the official schema of a version (server/schemas/) allows at a path of the document: the property
 * names an object there may have (with the ones it requires) and the values a scalar there may take.
 * Used by completion; the structure check (rules/structure.ts) validates, this only looks things up.
 *
 * Why a union over alternatives: at a path the schema often says "oneOf: Parameter Object or Reference
 * Object". Completion cannot know which one the user is writing, so it offers the keys of every
 * alternative reachable without evaluating the document (`$ref`, `$dynamicRef`, allOf/anyOf/oneOf,
 * if/then/else are all followed).
 */
import type { OasKind } from './model';
import { schema as swagger20 } from '../../schemas/swagger-2.0';
import { schema as oas30 } from '../../schemas/oas-3.0';
import { schema as oas31 } from '../../schemas/oas-3.1';
import { schema as oas32 } from '../../schemas/oas-3.2';

type Raw = Record<string, unknown>;
/** An object key, or an array index (its value does not matter to the schema, only that it is an item). */
export type PathSegment = string | number;

const ROOTS: Record<OasKind, Raw> = { swagger2: swagger20, oas30, oas31, oas32 };

/**
 * The OpenAPI 3.1/3.2 schemas leave the Schema Object to JSON Schema 2020-12 (`$dynamicRef: '#meta'`), so
 * they list none of its keywords. This stand-in lists them (2020-12 core, applicator, validation, meta-data,
 * format, content vocabularies, plus the OpenAPI base vocabulary), so completion works inside schemas too.
 */
const JSON_SCHEMA_2020: Raw = (() => {
  const self: Raw = { $comment: 'https://json-schema.org/draft/2020-12/json-schema-core' };
  const schemaMap: Raw = { type: 'object', additionalProperties: self };
  const schemaList: Raw = { type: 'array', items: self };
  const str: Raw = { type: 'string' };
  const num: Raw = { type: 'number' };
  const bool: Raw = { type: 'boolean', enum: [true, false] };
  const typeNames = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];
  self.properties = {
    $schema: str, $id: str, $ref: str, $anchor: str, $dynamicRef: str, $dynamicAnchor: str, $comment: str, $defs: schemaMap,
    type: { anyOf: [{ enum: typeNames }, { type: 'array', items: { enum: typeNames } }] },
    enum: { type: 'array' }, const: {}, title: str, description: str, default: {}, examples: { type: 'array' },
    deprecated: bool, readOnly: bool, writeOnly: bool,
    multipleOf: num, maximum: num, exclusiveMaximum: num, minimum: num, exclusiveMinimum: num,
    maxLength: num, minLength: num, pattern: str, format: str,
    maxItems: num, minItems: num, uniqueItems: bool, maxContains: num, minContains: num,
    maxProperties: num, minProperties: num, required: { type: 'array', items: str }, dependentRequired: { type: 'object' },
    allOf: schemaList, anyOf: schemaList, oneOf: schemaList, not: self, if: self, then: self, else: self,
    prefixItems: schemaList, items: self, contains: self, properties: schemaMap, patternProperties: schemaMap,
    additionalProperties: self, propertyNames: self, dependentSchemas: schemaMap,
    unevaluatedItems: self, unevaluatedProperties: self,
    contentEncoding: str, contentMediaType: str, contentSchema: self,
    // OpenAPI's base vocabulary (3.1 §4.8.24.1, 3.2 likewise).
    discriminator: { type: 'object', properties: { propertyName: str, mapping: { type: 'object' }, defaultMapping: str } },
    xml: { type: 'object', properties: { name: str, namespace: str, prefix: str, attribute: bool, wrapped: bool, nodeType: { enum: ['element', 'attribute', 'text', 'cdata', 'none'] } } },
    externalDocs: { type: 'object', properties: { description: str, url: str }, required: ['url'] },
    example: {},
  };
  return self;
})();

/** What the schema allows at one path: the union over every alternative reachable there. */
export interface SchemaPlace {
  /** Property names listed by some alternative, with whether that alternative requires it. */
  properties: Map<string, { required: boolean; object?: string }>;
  /** Scalar values some alternative enumerates (`enum`, `const`). */
  values: (string | number | boolean | null)[];
  /** Whether `x-` extension keys are allowed here. */
  extensions: boolean;
  /** Names of the spec objects this place may be (e.g. 'Parameter Object'), for the completion detail. */
  objects: string[];
}

/** The alternatives at `path` in the schema of `kind` (empty when the schema says nothing about it). */
export function schemaPlace(kind: OasKind, path: readonly PathSegment[]): SchemaPlace {
  const root = ROOTS[kind];
  let current = flatten(root, [root]);
  for (const seg of path) {
    const nextSet: Raw[] = [];
    for (const s of current) nextSet.push(...childSchemas(s, seg));
    current = flatten(root, nextSet);
    if (!current.length) break;
  }
  const place: SchemaPlace = { properties: new Map(), values: [], extensions: false, objects: [] };
  for (const s of current) {
    const required = new Set(Array.isArray(s.required) ? (s.required as unknown[]).filter((r): r is string => typeof r === 'string') : []);
    const object = objectName(s);
    if (object && !place.objects.includes(object)) place.objects.push(object);
    if (isObj(s.properties)) {
      for (const k of Object.keys(s.properties)) {
        const had = place.properties.get(k);
        place.properties.set(k, { required: (had?.required ?? false) || required.has(k), object: had?.object ?? object });
      }
    }
    if (isObj(s.patternProperties) && Object.keys(s.patternProperties).some((p) => p === '^x-' || p.startsWith('^x-'))) place.extensions = true;
    if (Array.isArray(s.enum)) for (const v of s.enum as unknown[]) if (isScalar(v) && !place.values.includes(v)) place.values.push(v);
    if ('const' in s && isScalar(s.const) && !place.values.includes(s.const)) place.values.push(s.const);
  }
  return place;
}

function isObj(v: unknown): v is Raw { return !!v && typeof v === 'object' && !Array.isArray(v); }
function isScalar(v: unknown): v is string | number | boolean | null { return v === null || ['string', 'number', 'boolean'].includes(typeof v); }

/** Where `$ref` names a definition, its name is kept on the flattened schema for the object label. */
const defNames = new WeakMap<Raw, string>();

/** Every schema reachable from `schemas` without consuming a path segment. */
function flatten(root: Raw, schemas: Raw[]): Raw[] {
  const out: Raw[] = [];
  const seen = new Set<Raw>();
  const visit = (s: unknown, depth: number) => {
    if (!isObj(s) || seen.has(s) || depth > 32) return;
    seen.add(s);
    out.push(s);
    if (typeof s.$ref === 'string') {
      const target = resolvePointer(root, s.$ref);
      if (target) {
        const name = s.$ref.slice(s.$ref.lastIndexOf('/') + 1);
        if (!defNames.has(target)) defNames.set(target, name);
        visit(target, depth + 1);
      }
    }
    // 3.1/3.2 `$dynamicRef: '#meta'` is the Schema Object: JSON Schema 2020-12.
    if (typeof s.$dynamicRef === 'string' || s.$dynamicAnchor === 'meta') visit(JSON_SCHEMA_2020, depth + 1);
    for (const k of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(s[k])) for (const sub of s[k] as unknown[]) visit(sub, depth + 1);
    for (const k of ['if', 'then', 'else']) visit(s[k], depth + 1);
    if (isObj(s.dependentSchemas)) for (const sub of Object.values(s.dependentSchemas)) visit(sub, depth + 1);
  };
  for (const s of schemas) visit(s, 0);
  return out;
}

/** The schemas that apply to the member `seg` of an instance of `s`. */
function childSchemas(s: Raw, seg: PathSegment): Raw[] {
  const out: Raw[] = [];
  if (typeof seg === 'number') {
    if (Array.isArray(s.prefixItems) && seg < s.prefixItems.length) { const p = s.prefixItems[seg]; if (isObj(p)) out.push(p); }
    else if (isObj(s.items)) out.push(s.items);
    else if (Array.isArray(s.items) && seg < s.items.length && isObj(s.items[seg])) out.push(s.items[seg] as Raw);
    return out;
  }
  let matched = false;
  if (isObj(s.properties) && Object.prototype.hasOwnProperty.call(s.properties, seg)) {
    const p = s.properties[seg];
    if (isObj(p)) out.push(p);
    matched = true;
  }
  if (isObj(s.patternProperties)) {
    for (const [pattern, sub] of Object.entries(s.patternProperties)) {
      if (isObj(sub) && patternMatches(pattern, seg)) { out.push(sub); matched = true; }
    }
  }
  if (!matched && isObj(s.additionalProperties)) out.push(s.additionalProperties);
  return out;
}

const patterns = new Map<string, RegExp | null>();
function patternMatches(pattern: string, key: string): boolean {
  let re = patterns.get(pattern);
  if (re === undefined) {
    try { re = new RegExp(pattern, 'u'); } catch { re = null; }
    patterns.set(pattern, re);
  }
  return !!re && re.test(key);
}

function resolvePointer(root: Raw, ref: string): Raw | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObj(node) || !Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
    node = node[seg];
  }
  return isObj(node) ? node : undefined;
}

/** 'Info Object' from the 3.1+ `$comment` anchor (`#info-object`) or a definition name (`PathItem`, `path-item`). */
function objectName(s: Raw): string | undefined {
  if (s === JSON_SCHEMA_2020) return 'Schema Object';
  const comment = typeof s.$comment === 'string' ? /#([a-z0-9-]+)-object$/.exec(s.$comment)?.[1] : undefined;
  const raw = comment ?? defNames.get(s);
  if (!raw || /extensions|^or-reference|-or-reference$/i.test(raw)) return undefined;
  const words = raw.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[-_\s]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1));
  if (words[words.length - 1] !== 'Object') words.push('Object');
  return words.join(' ');
}
