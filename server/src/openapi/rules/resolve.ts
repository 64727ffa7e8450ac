/**
 * `$ref` following for rules: the model's resolver (local and cross-file, cycle-safe), with a local-pointer
 * fallback so a rule never fails because one reference is broken (broken refs are reported by openapi/refs.ts).
 */
import type { JsonNode } from '../../syntax/jsonTree';
import { nodeAtPointer, refOf } from '../model';
import type { RuleContext } from './context';

const memo = new WeakMap<RuleContext, WeakMap<JsonNode, JsonNode | null>>();

/** Memoised per analysis: example validation asks for the same `$ref` schemas thousands of times. */
export function resolverFor(ctx: RuleContext): (node: JsonNode) => JsonNode | undefined {
  let m = memo.get(ctx);
  if (!m) memo.set(ctx, m = new WeakMap());
  const cache = m;
  return (node) => {
    const hit = cache.get(node);
    if (hit !== undefined) return hit ?? undefined;
    const r = resolveUncached(ctx, node);
    cache.set(node, r ?? null);
    return r;
  };
}

function resolveUncached(ctx: RuleContext, node: JsonNode): JsonNode | undefined {
  try {
    const r = ctx.model.resolver?.resolve(node);
    if (r) return r.node;
  } catch { /* fall back to a local pointer below */ }
  const s = refOf(node)?.value.value as string | undefined;
  if (!s?.startsWith('#')) return undefined;
  let n = nodeAtPointer(ctx.model.root, s);
  for (let hops = 0; n && refOf(n) && hops < 20; hops++) {
    const next = refOf(n)!.value.value as string;
    n = next.startsWith('#') ? nodeAtPointer(ctx.model.root, next) : undefined;
  }
  return n;
}
