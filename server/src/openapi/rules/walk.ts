/**
 * One pass over the document tree that knows what each object is for the rules that look everywhere:
 * Schema Objects (enum, array items, nullable, schema examples), `$ref` holders (siblings) and prose
 * (description / summary: unsafe Markdown). Example values, enums, defaults and `x-` extensions are data,
 * never walked as OpenAPI. Walking once keeps large documents cheap.
 */
import type { JsonNode } from '../../syntax/jsonTree';
import type { OasKind } from '../model';
import { atEntryDepth } from '../entries';

export interface WalkVisitor {
  /** A Schema Object (also Swagger 2 non-body parameters / headers / items, which use the schema keywords). */
  schema?(node: JsonNode): void;
  /** An object holding `$ref`; `inSchema`: it is a Schema Object (siblings allowed from 3.1). */
  ref?(node: JsonNode, inSchema: boolean): void;
  /** A description / summary / title string. */
  prose?(node: JsonNode): void;
  /** Entry nodes (path items, components): their walk goes through `around` (incremental re-analysis). */
  entries?: ReadonlyMap<JsonNode, unknown>;
  around?(node: JsonNode, walk: () => void): void;
}

/** Keys whose values are data, not OpenAPI structure. */
const DATA_KEYS = new Set(['example', 'examples', 'value', 'dataValue', 'serializedValue']);
/** Keys of a Schema Object whose value is a schema. */
const SCHEMA_ONE = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'additionalItems', 'contentSchema']);
/** Keys of a Schema Object whose value is a list of schemas. */
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keys of a Schema Object whose value is a map of schemas. */
const SCHEMA_MAP = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);
const PROSE = new Set(['description', 'summary', 'title']);

/** What a key of a Schema Object holds, for the walk: one map lookup per member instead of one per set. */
const S_PROSE = 1, S_ONE = 2, S_LIST = 3, S_MAP = 4, S_DEPENDENCIES = 5, S_DOC = 6;
const SCHEMA_KEY = new Map<string, number>();
for (const k of ['discriminator', 'xml', 'externalDocs']) SCHEMA_KEY.set(k, S_DOC);
SCHEMA_KEY.set('dependencies', S_DEPENDENCIES);
for (const k of SCHEMA_MAP) SCHEMA_KEY.set(k, S_MAP);
for (const k of SCHEMA_LIST) SCHEMA_KEY.set(k, S_LIST);
for (const k of SCHEMA_ONE) SCHEMA_KEY.set(k, S_ONE);
for (const k of PROSE) SCHEMA_KEY.set(k, S_PROSE);

/**
 * `retain`: receives the walk's closures, to keep with the analysis (RuleContext.retain). `shared`: the tree
 * shares nodes (YAML aliases), so a schema may be reached twice and is visited once.
 */
export function walkDocument(root: JsonNode, kind: OasKind, v: WalkVisitor, retain?: (...kept: unknown[]) => void, shared = true): void {
  const seen = shared ? new Set<JsonNode>() : undefined;

  const entries = v.around ? v.entries : undefined;
  let inEntry = false;
  const around = (n: JsonNode, walk: () => void): void => {
    inEntry = true;
    try { v.around!(n, walk); } finally { inEntry = false; }
  };

  const schema = (n: JsonNode, depth: number): void => {
    if (entries && !inEntry && atEntryDepth(n, root) && entries.has(n)) { around(n, () => schema(n, depth)); return; }
    if (n.type !== 'object' || depth > 200) return;
    if (seen) {
      if (seen.has(n)) return;
      seen.add(n);
    }
    v.schema?.(n);
    const props = n.properties;
    if (props === undefined) return;
    for (let i = 0; i < props.length; i++) {
      const p = props[i];
      const key = p.key;
      if (key === '$ref') { v.ref?.(n, true); continue; }
      const what = SCHEMA_KEY.get(key);
      if (what === undefined) continue; // `x-` extensions and every other keyword
      const value = p.value;
      switch (what) {
        case S_PROSE: if (value.type === 'string') v.prose?.(value); break;
        case S_ONE:
          if (key === 'items' && value.type === 'array') { for (const it of value.items ?? []) schema(it, depth + 1); }
          else schema(value, depth + 1);
          break;
        case S_LIST: if (value.type === 'array') for (const it of value.items ?? []) schema(it, depth + 1); break;
        case S_MAP: if (value.type === 'object' && value.properties) for (let j = 0; j < value.properties.length; j++) schema(value.properties[j].value, depth + 1); break;
        case S_DEPENDENCIES: if (value.type === 'object') for (const q of value.properties ?? []) if (q.value.type === 'object') schema(q.value, depth + 1); break;
        default: doc(value, depth + 1, '');
      }
    }
  };

  /** Walks OpenAPI structure; `parentKey` is the key holding `n`. */
  const doc = (n: JsonNode, depth: number, parentKey: string): void => {
    if (entries && !inEntry && atEntryDepth(n, root) && entries.has(n)) { around(n, () => doc(n, depth, parentKey)); return; }
    if (depth > 200) return;
    if (n.type === 'array') { const items = n.items; if (items) for (let i = 0; i < items.length; i++) doc(items[i], depth + 1, parentKey); return; }
    if (n.type !== 'object') return;
    // Swagger 2 non-body parameters, headers and items use the schema keywords on the object itself.
    if (kind === 'swagger2' && !prop(n, '$ref') && prop(n, 'type') && (prop(n, 'in') || parentKey === 'headersItem')) {
      schema(n, depth);
      return;
    }
    const props = n.properties;
    if (props === undefined) return;
    for (let i = 0; i < props.length; i++) {
      const p = props[i];
      const k = p.key;
      if (k === '$ref') { v.ref?.(n, false); continue; }
      if (k.startsWith('x-') || DATA_KEYS.has(k)) continue;
      if (PROSE.has(k) && p.value.type === 'string') { v.prose?.(p.value); continue; }
      if (k === 'schema' || k === 'itemSchema') { schema(p.value, depth + 1); continue; }
      if ((k === 'schemas' && parentKey === 'components') || (k === 'definitions' && depth === 0)) {
        if (p.value.type === 'object') for (const q of p.value.properties ?? []) schema(q.value, depth + 2);
        continue;
      }
      if (kind === 'swagger2' && k === 'headers' && p.value.type === 'object') {
        for (const q of p.value.properties ?? []) doc(q.value, depth + 2, 'headersItem');
        continue;
      }
      doc(p.value, depth + 1, k);
    }
  };

  retain?.(v, around, schema, doc);
  doc(root, 0, '');
}

function prop(n: JsonNode, key: string): boolean {
  return !!n.properties?.some((p) => p.key === key);
}
