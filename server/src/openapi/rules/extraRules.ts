/**
 * Rules added after the first set: duplicate keys (anywhere), operations without operationId, documents
 * without servers, and schema consistency (required properties, type vs keywords, discriminators, mixed
 * number ranges). Schema checks hook into the shared walk of schemaRules.ts through `checkSchemaConsistency`.
 */
import type { JsonNode } from '../../syntax/jsonTree';
import {
  DISCRIMINATOR_PROPERTY, DUPLICATE_KEY, NUMBER_RANGE_MIXED, OPERATION_ID_MISSING, REQUIRED_PROPERTY_UNDEFINED, SCHEMA_30_KEYWORD,
  SERVERS_MISSING, TYPE_KEYWORD_MISMATCH,
} from './catalog';
import { code, prop, val, type FixData, type OffsetEdit, type RuleContext } from './context';
import type { JsonProperty } from '../../syntax/jsonTree';
import { treeFacts } from './treeFacts';
import { GROUP_BIT, TYPE_ONLY, type SchemaKeys, type TypeOnlyGroup } from './schemaKeys';

export function checkDuplicateKeys(ctx: RuleContext): void {
  for (const { key, first, again } of treeFacts(ctx).duplicates) {
    ctx.report(DUPLICATE_KEY, again, `the key ${code(key)} appears twice in this object (first on line ${ctx.line(first.start)}); tools keep only one of them, usually this later one`, { related: [ctx.relatedHere(first, 'first occurrence')] });
  }
}

export function checkOperationIdsAndServers(ctx: RuleContext): void {
  for (const op of ctx.model.operations) {
    if (op.pathItem.uri !== ctx.model.uri || op.operationId) continue;
    ctx.report(OPERATION_ID_MISSING, op.methodSpan, `${op.method.toUpperCase()} ${code(op.path)} has no operationId: generated clients will invent a method name for it, and links cannot refer to it`);
  }
  const root = ctx.model.root;
  if (ctx.kind !== 'swagger2' && root && !prop(root, 'servers') && ctx.model.pathItems.length > 0) {
    const key = ctx.model.versionProperty?.keySpan ?? root.span;
    ctx.report(SERVERS_MISSING, key, 'no `servers`: clients will send requests relative to wherever they read this document (the default server is `/`); list the API\'s base URLs');
  }
}

/** Called for every Schema Object by the walk in schemaRules.ts, with its keywords (schemaKeys.ts). */
export function checkSchemaConsistency(ctx: RuleContext, n: JsonNode, keys: SchemaKeys): void {
  const typeNode = keys.type?.value;
  // The only type, without a list for the common `type: <name>`.
  const single = typeNode?.type === 'string' ? typeNode.value as string
    : typeNode?.type === 'array' && typeNode.items?.length === 1 ? String(typeNode.items[0].value) : undefined;
  const composed = !!(keys.allOf || keys.anyOf || keys.oneOf || keys.$ref);

  // required names a property that is not defined here (only when this schema defines its properties alone)
  const req = keys.required?.value;
  const props = keys.properties?.value;
  if (req?.type === 'array' && props?.type === 'object' && !composed && !keys.patternProperties && !isInsideComposition(n)) {
    const additional = keys.additionalProperties?.value;
    if (!additional || additional.value === false) {
      const names = new Set<string>();
      const declared = props.properties;
      if (declared) for (let i = 0; i < declared.length; i++) names.add(declared[i].key);
      for (const r of req.items ?? []) {
        if (r.type === 'string' && !names.has(r.value as string)) {
          ctx.report(REQUIRED_PROPERTY_UNDEFINED, r.span, `${code(String(r.value))} is required, but \`properties\` does not define it${additional?.value === false ? ' and additionalProperties is false, so no valid value exists' : ''}`);
        }
      }
    }
  }

  // type vs keywords of other types (only a single, explicit type)
  if (single !== undefined) {
    const t = single;
    if (keys.typeOnly !== 0) {
      if (t !== 'object') foreignKeywords(ctx, n, keys, t, 'object', 'objects');
      if (t !== 'array') foreignKeywords(ctx, n, keys, t, 'array', 'arrays');
      if (t === 'object' || t === 'array' || t === 'boolean') foreignKeywords(ctx, n, keys, t, 'string', 'strings');
      if (t === 'object' || t === 'array' || t === 'boolean' || t === 'string') foreignKeywords(ctx, n, keys, t, 'number', 'numbers');
    }
  }

  // discriminator
  const disc = keys.discriminator;
  if (disc) {
    const name = disc.value.type === 'string' ? disc.value.value as string : strOf(val(disc.value, 'propertyName'));
    const nameSpan = disc.value.type === 'string' ? disc.value.span : val(disc.value, 'propertyName')?.span;
    if (name && nameSpan && props?.type === 'object' && !keys.oneOf && !keys.anyOf && !keys.allOf) {
      const defined = !!prop(props, name);
      const required = req?.type === 'array' && (req.items ?? []).some((r) => r.value === name);
      if (!defined) ctx.report(DISCRIMINATOR_PROPERTY, nameSpan, `the discriminator property ${code(name)} is not defined in this schema's \`properties\``);
      else if (!required && (ctx.kind === 'swagger2' || ctx.kind === 'oas30')) ctx.report(DISCRIMINATOR_PROPERTY, nameSpan, `the discriminator property ${code(name)} must also be listed in \`required\`: without it a payload cannot say which schema it is`);
    }
  }

  // 3.1+: keywords written the 3.0 way
  if (ctx.kind === 'oas31' || ctx.kind === 'oas32') {
    const nullable = keys.nullable;
    if (nullable) {
      const fixes: FixData[] = [];
      const remove = removePropertyEdit(ctx, n, nullable);
      if (nullable.value.value === true && typeNode?.type === 'string' && remove) {
        const t = String(typeNode.value);
        const json = ctx.model.syntax === 'json';
        fixes.push({ title: `Use type: [${t}, 'null']`, preferred: true, edits: [
          { start: typeNode.span.start, end: typeNode.span.end, newText: json ? `[${JSON.stringify(t)}, "null"]` : `[${t}, 'null']` }, remove] });
      } else if (nullable.value.value === false && remove) fixes.push({ title: 'Remove nullable: false', edits: [remove] });
      ctx.report(SCHEMA_30_KEYWORD, nullable.keySpan, nullable.value.value === true
        ? `\`nullable\` is not a keyword of ${ctx.kind === 'oas31' ? 'OpenAPI 3.1' : 'OpenAPI 3.2'} schemas (JSON Schema 2020-12), so null is NOT accepted here: add 'null' to the type instead (\`type: [${typeNames(typeNode)?.join(', ') ?? 'string'}, 'null']\`)`
        : '`nullable` is not a keyword of JSON Schema 2020-12 and has no effect here; remove it', { fixes });
    }
    for (const [ex, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
      const p = keys[ex];
      if (p?.value.type !== 'boolean') continue;
      const b = keys[bound]?.value;
      ctx.report(SCHEMA_30_KEYWORD, p.value.span, p.value.value === true
        ? `in ${ctx.kind === 'oas31' ? 'OpenAPI 3.1' : 'OpenAPI 3.2'} \`${ex}\` is the bound itself (a number), not a flag on \`${bound}\`: write \`${ex}: ${b?.type === 'number' ? b.value : '<bound>'}\` and remove \`${bound}\``
        : `\`${ex}: false\` is the OpenAPI 3.0 form; in 3.1+ \`${ex}\` must be a number: remove it`);
    }
  }

  // 3.1+: both bounds of one side
  if (ctx.kind === 'oas31' || ctx.kind === 'oas32') {
    for (const [a, b] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
      const pa = keys[a], pb = keys[b];
      if (pa && pb && pa.value.type === 'number' && pb.value.type === 'number') {
        ctx.report(NUMBER_RANGE_MIXED, pb.keySpan, `both \`${a}\` (${pa.value.value}) and \`${b}\` (${pb.value.value}) are set: only the stricter bound matters; keep one`);
      }
    }
  }
}

/**
 * An edit that deletes one property: its whole line(s) in block YAML; with the separating comma in JSON or
 * flow style. Undefined when the layout is unusual (then no quick fix is offered).
 */
export function removePropertyEdit(ctx: RuleContext, obj: JsonNode, p: JsonProperty): OffsetEdit | undefined {
  const props = obj.properties ?? [];
  const i = props.indexOf(p);
  if (i < 0 || props.length < 2) return undefined;
  const text = ctx.text;
  if (!ctx.isFlow(obj)) {
    const lineStart = text.lastIndexOf('\n', p.keySpan.start - 1) + 1;
    if (text.slice(lineStart, p.keySpan.start).trim() !== '') return undefined; // not the first thing on its line
    let end = text.indexOf('\n', p.value.span.end);
    end = end < 0 ? text.length : end + 1;
    if (text.slice(p.value.span.end, end).trim() !== '' && !/^\s*#/.test(text.slice(p.value.span.end, end))) return undefined;
    return { start: lineStart, end, newText: '' };
  }
  if (i < props.length - 1) return { start: p.keySpan.start - (text[p.keySpan.start - 1] === '"' ? 1 : 0), end: props[i + 1].keySpan.start - (text[props[i + 1].keySpan.start - 1] === '"' ? 1 : 0), newText: '' };
  return { start: props[i - 1].value.span.end, end: p.value.span.end, newText: '' };
}

/** The type names of a `type` value, or undefined without `type`. */
function typeNames(typeNode: JsonNode | undefined): string[] | undefined {
  return typeNode?.type === 'string' ? [typeNode.value as string]
    : typeNode?.type === 'array' ? (typeNode.items ?? []).map((i) => String(i.value)) : undefined;
}

/** Keywords of `group` in a schema whose only type `t` is another: they never take effect. */
function foreignKeywords(ctx: RuleContext, n: JsonNode, keys: SchemaKeys, t: string, group: TypeOnlyGroup, kind: string): void {
  if ((keys.typeOnly & GROUP_BIT[group]) === 0) return; // none of the group's keywords is here
  for (const k of TYPE_ONLY[group]) {
    const p = prop(n, k);
    // `required: true` is a Parameter / Header field (Swagger 2.0 parameters carry schema keywords themselves).
    if (p && k === 'required' && p.value.type !== 'array') continue;
    if (p) ctx.report(TYPE_KEYWORD_MISMATCH, p.keySpan, `\`${k}\` applies to ${kind} only, but this schema has \`type: ${t}\`: it never takes effect`);
  }
}

function strOf(n: JsonNode | undefined): string | undefined { return n?.type === 'string' ? n.value as string : undefined; }

/** A schema that is an alternative or part of allOf/anyOf/oneOf: its `required` may refer to a sibling's properties. */
function isInsideComposition(n: JsonNode): boolean {
  const list = n.parent;
  if (!list || list.type !== 'array') return false;
  const holder = list.parent;
  const key = holder?.properties?.find((p) => p.value === list)?.key;
  return key === 'allOf' || key === 'anyOf' || key === 'oneOf';
}
