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
