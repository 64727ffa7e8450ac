/**
 * Facts several rules need from the whole tree: local `$ref` targets, discriminator mapping values, duplicate
 * keys. The model builder's walk for `$ref`s gathers them (openapi/build.ts `WalkFacts`, kept per entry with the
 * entry's refs for incremental re-analysis): large documents make every extra walk count.
 */
import { copySpan, type Span } from '../../core/text';
import { collectRefs, walkFactsOf, type WalkFacts } from '../build';
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

export function treeFacts(ctx: RuleContext): TreeFacts {
  let f = cache.get(ctx);
  if (f) return f;
  let w: WalkFacts | undefined = walkFactsOf(ctx.model);
  if (!w) {
    // A model the builder did not make: walk for the facts alone.
    w = { localRefs: [], mappingValues: [], duplicates: [] };
    collectRefs(ctx.model.root, ctx.model.uri, ctx.model.kind, undefined, undefined, w);
  }
  // Spans copied: the tree's spans move in place on the next incremental re-parse, findings keep theirs.
  const duplicates: TreeFacts['duplicates'] = [];
  const d = w.duplicates;
  for (let i = 0; i + 1 < d.length; i += 2) {
    duplicates.push({ key: d[i + 1].key, first: copySpan(d[i].keySpan), again: copySpan(d[i + 1].keySpan) });
  }
  f = { localRefs: w.localRefs, mappingValues: w.mappingValues, duplicates };
  cache.set(ctx, f);
  return f;
}
