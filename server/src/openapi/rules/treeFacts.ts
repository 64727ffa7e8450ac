/**
 * Facts several rules need from the whole tree, gathered in ONE walk per analysis (cached on the rule
 * context): local `$ref` targets, discriminator mapping values, duplicate keys. Large documents make every
 * extra walk count.
 */
import type { JsonNode, JsonProperty } from '../../syntax/jsonTree';
import { encodePointer, parsePointer } from '../model';
import type { RuleContext } from './context';

export interface TreeFacts {
  /** Encoded pointers of every `#...` `$ref` string (examples included). */
  localRefs: string[];
  /** Values of every discriminator `mapping`. */
  mappingValues: string[];
  /** Each later occurrence of a key already present in the same object. */
  duplicates: { first: JsonProperty; again: JsonProperty }[];
}

const cache = new WeakMap<RuleContext, TreeFacts>();

export function treeFacts(ctx: RuleContext): TreeFacts {
  let f = cache.get(ctx);
  if (f) return f;
  f = { localRefs: [], mappingValues: [], duplicates: [] };
  const facts = f;
  const visit = (n: JsonNode, depth: number): void => {
    if (depth > 300) return;
    if (n.type === 'array') { for (const i of n.items ?? []) if (i.type === 'object' || i.type === 'array') visit(i, depth + 1); return; }
    if (n.type !== 'object') return;
    const props = n.properties ?? [];
    if (props.length > 1 && !n.alias) {
      if (props.length < 9) {
        for (let i = 1; i < props.length; i++) {
          for (let j = 0; j < i; j++) if (props[j].key === props[i].key) { facts.duplicates.push({ first: props[j], again: props[i] }); break; }
        }
      } else {
        const seen = new Map<string, JsonProperty>();
        for (const p of props) {
          const first = seen.get(p.key);
          if (first) facts.duplicates.push({ first, again: p });
          else seen.set(p.key, p);
        }
      }
    }
    for (const p of props) {
      const v = p.value;
      if (p.key === '$ref' && v.type === 'string' && (v.value as string).startsWith('#')) {
        const ref = v.value as string;
        // Without percent escapes the fragment already is the encoded pointer (~0 / ~1 stay as written).
        facts.localRefs.push(ref.includes('%') ? encodePointer(parsePointer(ref)) : ref.slice(1));
      }
      else if (p.key === 'discriminator' && v.type === 'object') {
        for (const q of v.properties ?? []) if (q.key === 'mapping') for (const r of q.value.properties ?? []) if (r.value.type === 'string') facts.mappingValues.push(r.value.value as string);
      }
      if (v.type === 'object' || v.type === 'array') visit(v, depth + 1);
    }
  };
  if (ctx.model.root) visit(ctx.model.root, 0);
  cache.set(ctx, f);
  return f;
}
