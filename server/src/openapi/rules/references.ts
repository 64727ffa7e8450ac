/**
 * Rules about names that point at declarations: security schemes and OAuth scopes, tags (unique, 3.2
 * parents), and components that nothing references.
 */
import type { JsonNode } from '../../syntax/jsonTree';
import type { SecurityRequirementModel } from '../model';
import { treeFacts } from './treeFacts';
import { SECURITY_DEFINED, SECURITY_MISSING, SECURITY_SCOPES_DEFINED, TAG_PARENT, TAGS_UNIQUE, UNUSED_COMPONENT } from './catalog';
import { code, prop, val, type RuleContext } from './context';

export function checkSecurity(ctx: RuleContext): void {
  const m = ctx.model;
  const schemes = new Map(m.securitySchemes.map((s) => [s.name, s]));
  const where = m.kind === 'swagger2' ? '`securityDefinitions`' : '`components.securitySchemes`';
  // Schemes exist but no top-level `security`: each operation must state its own (or `security: []`).
  if (m.securitySchemes.length > 0 && !prop(m.root, 'security')) {
    const names = m.securitySchemes.map((s) => code(s.name)).slice(0, 3).join(', ');
    for (const op of m.operations) {
      if (op.origin !== 'operation' || op.pathItem.uri !== m.uri || prop(op.node, 'security')) continue;
      ctx.report(SECURITY_MISSING, op.methodSpan, `${op.method.toUpperCase()} ${code(op.path)} has no security requirement while the API defines ${names}${m.securitySchemes.length > 3 ? ', ...' : ''}: it is public; if that is intended, say so with \`security: []\``);
    }
  }
  const reqs: SecurityRequirementModel[] = [...m.securityRequirements];
  for (const op of m.operations) if (op.security && op.pathItem.uri === m.uri) reqs.push(...op.security);
  for (const r of reqs) {
    for (const s of r.schemes) {
      const scheme = schemes.get(s.name);
      if (!scheme) {
        ctx.report(SECURITY_DEFINED, s.keySpan, `the security scheme ${code(s.name)} is not defined in ${where}: clients cannot know how to authenticate`);
        continue;
      }
      const type = scheme.type?.value;
      if (type !== 'oauth2') continue;
      const declared = new Set<string>();
      const addScopes = (n: JsonNode | undefined) => { for (const p of n?.properties ?? []) declared.add(p.key); };
      if (m.kind === 'swagger2') addScopes(val(scheme.node, 'scopes'));
      else for (const f of val(scheme.node, 'flows')?.properties ?? []) addScopes(val(f.value, 'scopes'));
      for (const sc of s.scopes) {
        if (!declared.has(sc.value)) ctx.report(SECURITY_SCOPES_DEFINED, sc.span, `the scope ${code(sc.value)} is not declared by any flow of the OAuth2 scheme ${code(s.name)}`);
      }
    }
  }
}

export function checkTags(ctx: RuleContext): void {
  const first = new Map<string, JsonNode>();
  for (const t of ctx.model.tags) {
    if (!t.name) continue;
    const prev = first.get(t.name.value);
    if (prev) ctx.report(TAGS_UNIQUE, t.name.span, `the tag ${code(t.name.value)} is declared twice (first on line ${ctx.line(prev.span.start)}); tag names must be unique`, { related: [ctx.relatedHere(prev.span, 'first declaration')] });
    else first.set(t.name.value, t.name.node);
  }
  if (ctx.kind !== 'oas32') return;
  const parentOf = new Map<string, string>();
  for (const t of ctx.model.tags) if (t.name && t.parent) parentOf.set(t.name.value, t.parent.value);
  for (const t of ctx.model.tags) {
    if (!t.parent || !t.name) continue;
    if (!first.has(t.parent.value)) {
      ctx.report(TAG_PARENT, t.parent.span, `the parent tag ${code(t.parent.value)} is not declared in \`tags\``);
      continue;
    }
    // Follow parents; a cycle returns to this tag.
    const seen = new Set<string>([t.name.value]);
    let cur = t.parent.value;
    while (parentOf.has(cur) && !seen.has(cur)) { seen.add(cur); cur = parentOf.get(cur)!; }
    if (cur === t.name.value) ctx.report(TAG_PARENT, t.parent.span, `the tag ${code(t.name.value)} is its own ancestor through \`parent\` (${[...seen, t.name.value].map((s) => s).join(' → ')}): tag parents must form a tree`);
  }
}

/** Sections whose entries are referenced by `$ref` (security schemes are referenced by name instead). */
const REF_SECTIONS = new Set(['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'links', 'callbacks', 'pathItems', 'mediaTypes', 'definitions']);

export function checkUnusedComponents(ctx: RuleContext): void {
  const m = ctx.model;
  // A document without paths or webhooks is a component library: its components are meant for others.
  if (!prop(m.root, 'paths') && !prop(m.root, 'webhooks')) return;
  if (m.pathItems.length === 0 && m.webhooks.length === 0) return;
  // Every referenced pointer and its ancestors (a ref into /components/schemas/A/properties/b uses A).
  // Local `$ref` strings are collected from the whole tree, examples included: counting a reference too
  // many only risks a missed warning, counting one too few a false one.
  // Thousands of refs name the same few targets: expand each distinct pointer once.
  const pointers = new Set<string>();
  for (const r of m.refs) if (!r.external && !r.remote) pointers.add(r.targetPointer);
  const facts = treeFacts(ctx);
  for (const t of facts.localRefs) pointers.add(t);
  const targets = new Set<string>();
  for (const raw of pointers) {
    const t = raw.startsWith('/') || raw === '' ? raw : '/' + raw;
    targets.add(t);
    let cut = t.indexOf('/', 1);
    for (let depth = 0; cut > 0 && depth < 4; depth++, cut = t.indexOf('/', cut + 1)) targets.add(t.slice(0, cut));
  }
  // Discriminator mappings name schemas by name or by reference.
  const mappedNames = new Set(facts.mappingValues.map((s) => s.replace(/^.*\//, '')));
  for (const c of m.components) {
    if (!REF_SECTIONS.has(c.section)) continue;
    const p = c.pointer;
    let used = targets.has(p);
    if (!used && (c.section === 'schemas' || c.section === 'definitions') && mappedNames.has(c.name)) used = true;
    if (used) continue;
    const what = c.section === 'definitions' ? 'definition' : c.section.replace(/ies$/, 'y').replace(/s$/, '');
    ctx.report(UNUSED_COMPONENT, c.keySpan, `the ${what} ${code(c.name)} is never referenced in this document; remove it, or reference it where it is meant to be used`);
  }
}
