/**
 * Rules over every Schema Object, `$ref` holder and description in one walk (walk.ts): enum duplicates and
 * type mismatches, arrays without items, 3.0 nullable without type, schema-level examples, `$ref` siblings,
 * unsafe Markdown.
 */
import type { JsonNode } from '../../syntax/jsonTree';
import {
  ARRAY_ITEMS, ENUM_DUPLICATE, SCHEMA_CONFLICT, ENUM_TYPE_MISMATCH, EXAMPLE_INVALID, NULLABLE_WITHOUT_TYPE, REF_SIBLINGS, UNSAFE_MARKDOWN,
} from './catalog';
import { code, prop, val, type RuleContext } from './context';
import { sameJson, validateInstance } from './instance';
import { walkDocument } from './walk';
import { resolverFor } from './resolve';
import { checkSchemaConsistency } from './extraRules';
import { SchemaKeys, schemaKeys } from './schemaKeys';
import { yamlHasAliases } from '../../syntax/yamlParser';

/** The type names a `type` value lists (strings only), or undefined without `type`. */
function typesOf(typeNode: JsonNode | undefined): string[] | undefined {
  return typeNode?.type === 'string' ? [typeNode.value as string]
    : typeNode?.type === 'array' ? (typeNode.items ?? []).filter((i) => i.type === 'string').map((i) => i.value as string) : undefined;
}

/** Whether typesOf(typeNode) is exactly [name] (no array made for the common `type: <name>`). */
function onlyType(typeNode: JsonNode, name: string): boolean {
  if (typeNode.type === 'string') return typeNode.value === name;
  const t = typesOf(typeNode);
  return t !== undefined && t.length === 1 && t[0] === name;
}

const TYPE_WORD: Record<string, string> = { object: 'an object', array: 'an array', string: 'a string', number: 'a number', integer: 'an integer', boolean: 'a boolean', null: 'null' };

export function checkSchemasAndProse(ctx: RuleContext): void {
  const root = ctx.model.root;
  if (!root) return;
  const kind = ctx.kind;
  const resolve = resolverFor(ctx);
  // 3.1+: a document may declare another JSON Schema dialect for its schemas; our schema checks assume the
  // OpenAPI dialect (JSON Schema 2020-12 + OAS vocabulary), so they stay silent for any other.
  const dialect = ctx.model.jsonSchemaDialect?.value;
  const schemaChecks = !dialect || /^https:\/\/spec\.openapis\.org\/oas\/3\.[12]\/dialect\/|^https:\/\/json-schema\.org\/draft\/2020-12\/schema$/.test(dialect);
  const run = ctx.run;
  // One keyword record for the walk, filled again for each Schema Object (schema() is not re-entered).
  const keysOfNode = new SchemaKeys();
  walkDocument(root, kind, {
    // Per entry; example checks read through $refs (rules/resolve.ts notes which entries).
    entries: run?.byNode,
    around: run ? (n, walk) => ctx.entry('schemas', run.byNode.get(n), false, walk) : undefined,
    schema(n) {
      if (!schemaChecks) return;
      const keys = schemaKeys(n, keysOfNode);
      checkSchemaConsistency(ctx, n, keys);
      const typeNode = keys.type?.value;
      // enum
      const en = keys.enum?.value;
      if (en?.type === 'array') {
        const types = typesOf(typeNode);
        const nullable = keys.nullable?.value.value === true || keys.xNullable?.value.value === true;
        const items = en.items ?? [];
        // Scalars by type and value (objects and arrays in enums are rare: compared pairwise, bounded).
        // Strings by value; other scalars by type and value as text (no string made per enum string).
        const seenStrings = new Map<unknown, JsonNode>();
        let seen: Map<string, JsonNode> | undefined;
        for (let i = 0; i < items.length; i++) {
          const it = items[i];
          let first: JsonNode | undefined;
          if (it.type === 'object' || it.type === 'array') {
            if (i < 200) first = items.slice(0, i).find((e) => sameJson(e, it));
          } else if (it.type === 'string') {
            first = seenStrings.get(it.value);
            if (!first) seenStrings.set(it.value, it);
          } else {
            const k = `${it.type}:${String(it.value)}`;
            first = (seen ??= new Map()).get(k);
            if (!first) seen.set(k, it);
          }
          if (first) ctx.report(ENUM_DUPLICATE, it.span, `the enum value ${code(JSON.stringify(it.value ?? null) ?? 'null')} is listed twice (first on line ${ctx.line(first.span.start)})`);
        }
        if (types && types.length && !types.includes('file')) {
          for (const e of items) {
            if (e.type === 'null' && (nullable || types.includes('null'))) continue;
            const t = e.type === 'number' && Number.isInteger(e.value) ? 'integer' : e.type;
            const ok = types.some((ty) => ty === t || (ty === 'number' && t === 'integer'));
            if (!ok) ctx.report(ENUM_TYPE_MISMATCH, e.span, `the enum value ${code(JSON.stringify(e.value) ?? 'null')} is ${TYPE_WORD[t]}, but the schema's type is ${types.join(' | ')}: no value can ever equal it`);
          }
        }
      }
      // array without items (2.0 and 3.0 require items)
      if ((kind === 'swagger2' || kind === 'oas30') && typeNode !== undefined && !keys.items && !keys.$ref && onlyType(typeNode, 'array')) {
        ctx.report(ARRAY_ITEMS, typeNode!.span, `a schema of \`type: array\` must say what its items are: add \`items\` (${kind === 'swagger2' ? 'Swagger 2.0' : 'OpenAPI 3.0'} requires it)`);
      }
      // 3.0 nullable without type
      if (kind === 'oas30' && keys.nullable?.value.value === true && !typeNode) {
        ctx.report(NULLABLE_WITHOUT_TYPE, keys.nullable.keySpan, '`nullable: true` has no effect without a `type` in OpenAPI 3.0 (it only adds null to an explicitly given type); add the type, or move `nullable` next to it');
      }
      // 3.2 XML Object: nodeType replaces the older attribute / wrapped flags.
      if (kind === 'oas32') {
        const xml = keys.xml?.value;
        if (xml && prop(xml, 'nodeType')) {
          for (const k of ['attribute', 'wrapped']) {
            const old = prop(xml, k);
            if (old) ctx.report(SCHEMA_CONFLICT, old.keySpan, `\`${k}\` must not be used together with \`nodeType\` in an XML Object (OpenAPI 3.2 replaces it by \`nodeType\`)`);
          }
        }
      }
      // schema-level examples
      const checkExample = (ex: JsonNode) => {
        for (const p of validateInstance(ex, n, { kind, resolve, maxProblems: 1, budget: ctx.exampleBudget })) {
          ctx.report(EXAMPLE_INVALID, p.span, `the schema's example does not match the schema: ${p.message}`);
        }
      };
      const ex = keys.example?.value;
      if (ex && kind !== 'oas32') checkExample(ex);
      else if (ex) checkExample(ex);
      const exs = keys.examples?.value;
      if (exs?.type === 'array' && (kind === 'oas31' || kind === 'oas32')) for (const e of exs.items ?? []) checkExample(e);
    },
    ref(n, inSchema) {
      const siblings = (n.properties ?? []).filter((p) => p.key !== '$ref');
      if (siblings.length === 0) return;
      // Swagger 2.0 references outside schemas are closed objects: the structural check reports the extra keys.
      if (kind === 'swagger2' && !inSchema) return;
      let ignored = siblings;
      if (kind === 'oas31' || kind === 'oas32') {
        if (inSchema) return; // JSON Schema 2020-12: $ref is an applicator like any other keyword
        ignored = siblings.filter((p) => p.key !== 'summary' && p.key !== 'description');
        if (ignored.length === 0) return;
      }
      const list = ignored.map((p) => code(p.key)).join(', ');
      const why = kind === 'oas31' || kind === 'oas32'
        ? 'a Reference Object may only add `summary` and `description`; other fields are ignored'
        : 'everything next to a `$ref` is ignored in this version';
      const advice = inSchema ? 'use `allOf` to combine a reference with more constraints' : 'put the field in the referenced object, or reference another component that has it';
      ctx.report(REF_SIBLINGS, ignored[0].keySpan, `${list} ${ignored.length === 1 ? 'is' : 'are'} beside a \`$ref\`: ${why} (${advice})`);
    },
    prose(s) {
      const t = s.value as string;
      if (t.indexOf('<') < 0 && t.indexOf('eval') < 0) return; // cheap pre-filter: most prose has neither
      if (/<script\b/i.test(t)) ctx.report(UNSAFE_MARKDOWN, s.span, 'this text contains a <script> tag: documentation renderers that allow raw HTML would run it in readers\' browsers');
      else if (/\beval\s*\(/.test(t)) ctx.report(UNSAFE_MARKDOWN, s.span, 'this text contains `eval(`: documentation renderers that allow raw HTML and script could run it');
    },
  }, (...kept) => ctx.retain(...kept), ctx.model.syntax === 'yaml' && yamlHasAliases(ctx.model.doc));
}
