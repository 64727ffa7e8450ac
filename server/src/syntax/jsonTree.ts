/**
 * The tree shared by JSON and YAML documents: values with exact spans, object properties with key spans.
 * Produced by syntax/jsonParser.ts and syntax/yamlParser.ts so that the OpenAPI model never knows
 * which syntax it came from.
 */
import type { Span } from '../core/text';

export type JsonNodeType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface JsonProperty {
  key: string;
  keySpan: Span;
  value: JsonNode;
  /** Key start to value end. */
  span: Span;
}

export interface JsonNode {
  type: JsonNodeType;
  span: Span;
  /** Scalar value (string, number, boolean, null); undefined for objects and arrays. */
  value?: string | number | boolean | null;
  /** Object properties in source order (duplicates kept: rules report them). */
  properties?: JsonProperty[];
  /** Array items. */
  items?: JsonNode[];
  parent?: JsonNode;
  /** YAML only: an alias (*name) was expanded here. */
  alias?: boolean;
}

/**
 * The nodes both parsers build: a node is its own span (`span` returns the node; `start`/`end` are its offsets),
 * one heap object per value where a node and its span object were two. Spans read from a parsed tree are thus
 * nodes and properties, linked to the whole tree through `parent`: copy one (`{ start, end }`) before it leaves
 * the analysis (a message to another thread, JSON) or is kept across re-parses (they move spans in place).
 */
export class TreeNode implements JsonNode, Span {
  // Fields are `declare`d and set by the constructor alone: a class field would be defined (as undefined) on
  // every instance before the constructor sets it.
  declare type: JsonNodeType;
  declare start: number;
  declare end: number;
  declare value: string | number | boolean | null | undefined;
  declare properties: JsonProperty[] | undefined;
  declare items: JsonNode[] | undefined;
  declare parent: JsonNode | undefined;
  /** Set (as an own property) on YAML alias nodes only. */
  declare alias?: boolean;
  constructor(type: JsonNodeType, start: number, end: number, value: string | number | boolean | null | undefined,
    properties: JsonProperty[] | undefined, items: JsonNode[] | undefined, parent: JsonNode | undefined) {
    this.type = type;
    this.start = start;
    this.end = end;
    this.value = value;
    this.properties = properties;
    this.items = items;
    this.parent = parent;
  }
  get span(): Span { return this; }
}

/**
 * A property of a parsed tree: it is its own key span (`keySpan` returns the property; `start`/`end` are the
 * key's offsets). `span` (key start to `spanEnd`) is made when asked: few read it, and never to keep it.
 */
export class TreeProperty implements JsonProperty, Span {
  declare key: string;
  declare start: number;
  declare end: number;
  declare value: JsonNode;
  /** End of the property: its value's end (JSON), or the value's end or past the ':' of an empty value (YAML). */
  declare spanEnd: number;
  constructor(key: string, start: number, end: number, value: JsonNode, spanEnd: number) {
    this.key = key;
    this.start = start;
    this.end = end;
    this.value = value;
    this.spanEnd = spanEnd;
  }
  get keySpan(): Span { return this; }
  get span(): Span { return { start: this.start, end: this.spanEnd }; }
}

export interface JsonSyntaxError {
  message: string;
  span: Span;
  /** 'json-syntax' | 'yaml-syntax' | 'yaml-alias-limit' | 'nesting-limit' ... */
  code: string;
  /** Other places that explain the error (e.g. where a container that is never closed was opened). */
  related?: { span: Span; message: string }[];
}

export interface JsonDocument {
  root?: JsonNode;
  errors: JsonSyntaxError[];
  syntax: 'json' | 'yaml';
  /**
   * Where the parser had to guess the structure: the opening of the innermost container the text never
   * closes, and of each container closed by the wrong bracket. Everything parsed after such an opening may
   * be nested in the wrong place, so findings about it are consequences, not defects (openapi/damage.ts).
   */
  damaged?: Span[];
}

export function getProperty(node: JsonNode | undefined, key: string): JsonProperty | undefined {
  if (!node || node.type !== 'object' || !node.properties) return undefined;
  for (const p of node.properties) if (p.key === key) return p;
  return undefined;
}

export function getValue(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return getProperty(node, key)?.value;
}
