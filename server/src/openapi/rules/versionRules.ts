/**
 * Rules that belong to one version: Swagger 2 host / schemes / formData, 3.0-3.1 Example Objects with both
 * value and externalValue, 3.1+ webhooks with servers or callbacks, 3.2 querystring parameters; and the
 * `info` hygiene rules.
 */
import type { JsonNode } from '../../syntax/jsonTree';
import {
  EXAMPLE_VALUE_AND_EXTERNAL, INFO_CONTACT, INFO_DESCRIPTION, INFO_LICENSE, QUERYSTRING_PARAMETER, SWAGGER_FORMDATA_CONSUMES,
  SWAGGER_HOST, SWAGGER_SCHEMES, WEBHOOK_CALLBACKS, WEBHOOK_SERVERS,
} from './catalog';
import { code, prop, val, type RuleContext } from './context';
import { atEntryDepth } from '../entries';

export function checkVersionRules(ctx: RuleContext): void {
  const m = ctx.model;
  const root = m.root;
  if (!root || root.type !== 'object') return;
  const versionKey = m.versionProperty?.keySpan ?? root.properties?.[0]?.keySpan ?? root.span;

  // info
  const info = prop(root, 'info');
  if (info && info.value.type === 'object') {
    const d = val(info.value, 'description');
    if (!d || (d.type === 'string' && String(d.value).trim() === '')) ctx.report(INFO_DESCRIPTION, info.keySpan, '`info` has no description: say what the API is for, who may use it and how to get access');
    if (!prop(info.value, 'contact')) ctx.report(INFO_CONTACT, info.keySpan, '`info` has no contact: consumers cannot tell whom to ask about this API');
    if (!prop(info.value, 'license')) ctx.report(INFO_LICENSE, info.keySpan, '`info` has no license: consumers cannot tell under which terms they may use the API description');
  }

  if (m.kind === 'swagger2') {
    if (!prop(root, 'host')) ctx.report(SWAGGER_HOST, versionKey, 'no `host`: clients will call the host that served this document, which is rarely what production clients should rely on');
    const schemes = val(root, 'schemes');
    if (!schemes || (schemes.type === 'array' && (schemes.items?.length ?? 0) === 0)) ctx.report(SWAGGER_SCHEMES, schemes ? schemes.span : versionKey, 'no `schemes`: clients will use the scheme this document was fetched with; list `https` explicitly');
    for (const op of m.operations) {
      if (op.pathItem.uri !== m.uri) continue;
      const form = op.parameters.filter((p) => p.in?.value === 'formData');
      if (form.length === 0) continue;
      const ok = op.consumes.some((c) => /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(c.mediaType));
      if (!ok) {
        const p = form.find((f) => f.uri === m.uri && f.in) ?? form[0];
        const span = p.uri === m.uri && p.in ? p.in.span : op.methodSpan;
        const have = op.consumes.map((c) => c.mediaType).join(', ');
        ctx.report(SWAGGER_FORMDATA_CONSUMES, span, `${op.method.toUpperCase()} ${code(op.path)} has form parameters but consumes ${have ? code(have) : 'nothing declared'}: form data is only sent as application/x-www-form-urlencoded or multipart/form-data`);
      }
    }
    return;
  }

  // 3.1+ schemas exclude the combination themselves (oas-schema-conflict).
  if (m.kind === 'oas30') checkExampleObjects(ctx, root);

  if (m.kind === 'oas31' || m.kind === 'oas32') {
    for (const w of m.webhooks) {
      if (w.uri !== m.uri) continue;
      const s = prop(w.node, 'servers');
      if (s) ctx.report(WEBHOOK_SERVERS, s.keySpan, `the webhook ${code(w.path)} declares servers, but a webhook is a request the API sends to a URL the consumer registers: these servers mean nothing`);
      for (const op of w.operations) {
        const os = prop(op.node, 'servers');
        if (os) ctx.report(WEBHOOK_SERVERS, os.keySpan, `the ${op.method.toUpperCase()} webhook ${code(w.path)} declares servers, but the consumer's registered URL receives it`);
        const cb = prop(op.node, 'callbacks');
        if (cb) ctx.report(WEBHOOK_CALLBACKS, cb.keySpan, `the ${op.method.toUpperCase()} webhook ${code(w.path)} declares callbacks: a webhook is itself a callback-like request from the API, so callbacks of it are not meaningful`);
      }
    }
  }

  if (m.kind === 'oas32') {
    for (const op of m.operations) {
      if (op.pathItem.uri !== m.uri) continue;
      const own = op.parameters.filter((p) => p.level === 'operation');
      const key = (p: { in?: { value: string }; name?: { value: string } }) => `${p.in?.value}:${p.name?.value}`;
      const ownKeys = new Set(own.map(key));
      const eff = [...op.parameters.filter((p) => p.level === 'path' && !ownKeys.has(key(p))), ...own];
      const qs = eff.filter((p) => p.in?.value === 'querystring');
      const q = eff.filter((p) => p.in?.value === 'query');
      const spanOf = (p: typeof qs[number]) => (p.uri === m.uri && p.in ? p.in.span : p.ref?.valueSpan ?? op.methodSpan);
      // Within one parameters list the structural check (oas-schema-conflict) reports it; here only combinations
      // of path-item and operation parameters, which no schema can see.
      const levels = new Set([...qs, ...q].map((p) => p.level));
      if (levels.size < 2) continue;
      if (qs.length > 1) ctx.report(QUERYSTRING_PARAMETER, spanOf(qs[1]), `${op.method.toUpperCase()} ${code(op.path)} has ${qs.length} \`in: querystring\` parameters; the whole query string can be described only once`);
      if (qs.length >= 1 && q.length > 0) ctx.report(QUERYSTRING_PARAMETER, spanOf(qs[0]), `${op.method.toUpperCase()} ${code(op.path)} combines an \`in: querystring\` parameter (the entire query string) with \`in: query\` parameters (${q.map((p) => code(p.name?.value ?? '?')).join(', ')}); use one or the other`);
    }
  }
}

/** Example Objects anywhere (components.examples, media types, parameters, headers) with value and externalValue. */
function checkExampleObjects(ctx: RuleContext, root: JsonNode): void {
  // Per entry (path item, component): incremental re-analysis reuses the entries an edit left alone.
  const run = ctx.run;
  let inEntry = false;
  const inside = (n: JsonNode, f: () => void): boolean => {
    const entry = run && !inEntry && atEntryDepth(n, root) ? run.byNode.get(n) : undefined;
    if (!entry) return false;
    inEntry = true;
    try { ctx.entry('version-examples', entry, false, f); } finally { inEntry = false; }
    return true;
  };
  const visit = (n: JsonNode, depth: number, key: string): void => {
    if (depth > 60 || (n.type !== 'object' && n.type !== 'array')) return;
    // The closure only where an entry may sit (not one per node).
    if (run && !inEntry && atEntryDepth(n, root) && inside(n, () => visit(n, depth, key))) return;
    if (n.type === 'array') { const items = n.items; if (items) for (let i = 0; i < items.length; i++) visit(items[i], depth + 1, key); return; }
    if (n.type !== 'object') return;
    if (key === 'examples') {
      for (const p of n.properties ?? []) {
        const e = p.value;
        const check = () => {
          const v = prop(e, 'value'), x = prop(e, 'externalValue');
          if (v && x) ctx.report(EXAMPLE_VALUE_AND_EXTERNAL, x.keySpan, `the example ${code(p.key)} sets both \`value\` and \`externalValue\`; they are mutually exclusive, so readers and tools cannot tell which one is the example`);
        };
        if (!(run && !inEntry && atEntryDepth(e, root) && inside(e, check))) check();
      }
      return;
    }
    const props = n.properties;
    if (props !== undefined) for (let i = 0; i < props.length; i++) {
      const p = props[i];
      if (p.key.startsWith('x-') || p.key === 'example' || p.key === 'schema' || p.key === 'schemas') continue;
      visit(p.value, depth + 1, p.key);
    }
  };
  ctx.retain(inside, visit);
  visit(root, 0, '');
}
