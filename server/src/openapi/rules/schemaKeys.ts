/**
 * The keywords of one Schema Object that the schema rules read (schemaRules.ts, extraRules.ts), found in one pass
 * over its members instead of one scan per keyword. Each is the first member with that key, as `prop()` finds it.
 */
import type { JsonNode, JsonProperty } from '../../syntax/jsonTree';

/** Keywords that apply to one instance type only (`type: string` beside `properties` never takes effect). */
export const TYPE_ONLY = {
  object: ['properties', 'additionalProperties', 'patternProperties', 'required', 'minProperties', 'maxProperties'],
  array: ['items', 'minItems', 'maxItems', 'uniqueItems', 'prefixItems', 'contains'],
  string: ['minLength', 'maxLength', 'pattern'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
} as const;
export type TypeOnlyGroup = keyof typeof TYPE_ONLY;

export class SchemaKeys {
  type: JsonProperty | undefined = undefined;
  nullable: JsonProperty | undefined = undefined;
  xNullable: JsonProperty | undefined = undefined;
  enum: JsonProperty | undefined = undefined;
  items: JsonProperty | undefined = undefined;
  $ref: JsonProperty | undefined = undefined;
  xml: JsonProperty | undefined = undefined;
  example: JsonProperty | undefined = undefined;
  examples: JsonProperty | undefined = undefined;
  allOf: JsonProperty | undefined = undefined;
  anyOf: JsonProperty | undefined = undefined;
  oneOf: JsonProperty | undefined = undefined;
  required: JsonProperty | undefined = undefined;
  properties: JsonProperty | undefined = undefined;
  patternProperties: JsonProperty | undefined = undefined;
  additionalProperties: JsonProperty | undefined = undefined;
  discriminator: JsonProperty | undefined = undefined;
  minimum: JsonProperty | undefined = undefined;
  maximum: JsonProperty | undefined = undefined;
  exclusiveMinimum: JsonProperty | undefined = undefined;
  exclusiveMaximum: JsonProperty | undefined = undefined;
  /** TYPE_ONLY groups with at least one keyword present (GROUP_BIT bits). */
  typeOnly = 0;

  /** Empty again, to be filled for the next node (one object per walk instead of one per Schema Object). */
  reset(): this {
    this.type = this.nullable = this.xNullable = this.enum = this.items = this.$ref = this.xml = this.example = this.examples = undefined;
    this.allOf = this.anyOf = this.oneOf = this.required = this.properties = this.patternProperties = this.additionalProperties = undefined;
    this.discriminator = this.minimum = this.maximum = this.exclusiveMinimum = this.exclusiveMaximum = undefined;
    this.typeOnly = 0;
    return this;
  }
}

type Slot = Exclude<keyof SchemaKeys, 'typeOnly' | 'reset'>;
export const GROUP_BIT: Record<TypeOnlyGroup, number> = { object: 1, array: 2, string: 4, number: 8 };
const SLOTS: Slot[] = ['type', 'nullable', 'enum', 'items', '$ref', 'xml', 'example', 'examples', 'allOf', 'anyOf', 'oneOf', 'required', 'properties',
  'patternProperties', 'additionalProperties', 'discriminator', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];
/** Key -> its slot (if read) and its TYPE_ONLY group bit (if any). */
const KEYS = new Map<string, { slot: Slot | undefined; group: number }>();
for (const s of SLOTS) KEYS.set(s, { slot: s, group: 0 });
KEYS.set('x-nullable', { slot: 'xNullable', group: 0 });
for (const [g, list] of Object.entries(TYPE_ONLY) as [TypeOnlyGroup, readonly string[]][]) {
  for (const k of list) KEYS.set(k, { slot: KEYS.get(k)?.slot, group: GROUP_BIT[g] });
}

/** The keywords of `n`, in `out` (emptied): the rules keep it only while they look at `n`. */
export function schemaKeys(n: JsonNode, out = new SchemaKeys()): SchemaKeys {
  out.reset();
  const props = n.properties;
  if (props === undefined) return out;
  // Indexed loops on the per-node paths: a for-of allocates an iterator result per member until it is optimized.
  for (let i = 0; i < props.length; i++) {
    const p = props[i];
    const k = KEYS.get(p.key);
    if (k === undefined) continue;
    out.typeOnly |= k.group;
    if (k.slot !== undefined && out[k.slot] === undefined) out[k.slot] = p;
  }
  return out;
}
