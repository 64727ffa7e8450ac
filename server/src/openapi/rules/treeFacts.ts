/**
 * Facts several rules need from the whole tree, gathered in ONE walk per analysis (cached on the rule
 * context): local `$ref` targets, discriminator mapping values, duplicate keys. Large documents make every
 * extra walk count.
 */
import type { Span } from '../../core/text';
import type { JsonNode, JsonProperty } from '../../syntax/jsonTree';
import { encodePointer, parsePointer } from '../model';
import { atEntryDepth, mapOffset } from '../entries';
import type { RuleContext } from './context';

export interface TreeFacts {
  /** Encoded pointers of every `#...` `$ref` string (examples included). */
  localRefs: string[];
  /** Values of every discriminator `mapping`. */
  mappingValues: string[];
  /** Each later occurrence of a key already present in the same object (spans of both keys). */
  duplicates: { key: string; first: Span; again: Span }[];
}

const cache = new WeakMap<RuleContext, TreeFacts>();

/**
 * Incremental re-analysis: the facts of each entry (path item, component) are kept in the rule cache
 * ('facts') and reused while the entry is untouched; only its key spans move.
 */
export function treeFacts(ctx: RuleContext): TreeFacts {
  let f = cache.get(ctx);
  if (f) return f;
  f = { localRefs: [], mappingValues: [], duplicates: [] };
  let facts = f;
  const whole = f;
  const run = ctx.run;
  const region = run?.plan?.region;
  const root = ctx.model.root;
  const dup = (key: string, first: Span, again: Span) => facts.duplicates.push({ key, first: { start: first.start, end: first.end }, again: { start: again.start, end: again.end } });
  const visit = (n: JsonNode, depth: number): void => {
    if (depth > 300) return;
    const entry = run && facts === whole && atEntryDepth(n, root) ? run.byNode.get(n) : undefined;
    if (entry) {
      const prev = run!.reused('facts', entry, false);
      let mine = prev?.extra as TreeFacts | undefined;
      if (mine && region) {
        const at = (s: Span): Span => ({ start: mapOffset(s.start, region), end: mapOffset(s.end, region) });
        mine = { ...mine, duplicates: mine.duplicates.map((d) => ({ key: d.key, first: at(d.first), again: at(d.again) })) };
      }
      if (!mine) {
        facts = mine = { localRefs: [], mappingValues: [], duplicates: [] };
        try { visit(n, depth); } finally { facts = whole; }
      }
      run!.keep('facts', entry, { findings: [], lineDependent: false, budget: 0, extra: mine });
      for (const x of mine.localRefs) whole.localRefs.push(x);
      for (const x of mine.mappingValues) whole.mappingValues.push(x);
      for (const x of mine.duplicates) whole.duplicates.push(x);
      return;
    }
    if (n.type === 'array') { for (const i of n.items ?? []) if (i.type === 'object' || i.type === 'array') visit(i, depth + 1); return; }
    if (n.type !== 'object') return;
    const props = n.properties ?? [];
    if (props.length > 1 && !n.alias) {
      if (props.length < 9) {
        for (let i = 1; i < props.length; i++) {
          for (let j = 0; j < i; j++) if (props[j].key === props[i].key) { dup(props[i].key, props[j].keySpan, props[i].keySpan); break; }
        }
      } else {
        const seen = new Map<string, JsonProperty>();
        for (const p of props) {
          const first = seen.get(p.key);
          if (first) dup(p.key, first.keySpan, p.keySpan);
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
  ctx.retain(dup, visit);
  if (root) visit(root, 0);
  cache.set(ctx, f);
  return f;
}
