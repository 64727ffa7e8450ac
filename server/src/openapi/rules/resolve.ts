/**
 * `$ref` following for rules: the model's resolver (local and cross-file, cycle-safe), with a local-pointer
 * fallback so a rule never fails because one reference is broken (broken refs are reported by openapi/refs.ts).
 */
import type { JsonNode } from '../../syntax/jsonTree';
import { nodeAtPointer, refOf } from '../model';
import type { RuleContext } from './context';
import { VOLATILE } from '../entries';

interface Resolved { node: JsonNode | null; reads?: string[] }
const memo = new WeakMap<RuleContext, WeakMap<JsonNode, Resolved>>();

/**
 * Memoised per analysis: example validation asks for the same `$ref` schemas thousands of times. Each call
 * tells the context which entries the answer was read from (ctx.noteReads: incremental re-analysis).
 */
export function resolverFor(ctx: RuleContext): (node: JsonNode) => JsonNode | undefined {
  let m = memo.get(ctx);
  if (!m) memo.set(ctx, m = new WeakMap());
  const cache = m;
  return (node) => {
    let hit = cache.get(node);
    if (hit === undefined) cache.set(node, hit = resolveUncached(ctx, node));
    if (hit.reads) ctx.noteReads(hit.reads);
    return hit.node ?? undefined;
  };
}

function resolveUncached(ctx: RuleContext, node: JsonNode): Resolved {
  const track = !!ctx.run && !!refOf(node);
  try {
    const r = ctx.model.resolver?.resolve(node);
    if (r) return { node: r.node, reads: track ? ctx.run!.readsOf(r.chain) : undefined };
  } catch { /* fall back to a local pointer below */ }
  return { node: resolveLocally(ctx, node) ?? null, reads: track ? [VOLATILE] : undefined };
}

function resolveLocally(ctx: RuleContext, node: JsonNode): JsonNode | undefined {
  const s = refOf(node)?.value.value as string | undefined;
  if (!s?.startsWith('#')) return undefined;
  let n = nodeAtPointer(ctx.model.root, s);
  for (let hops = 0; n && refOf(n) && hops < 20; hops++) {
    const next = refOf(n)!.value.value as string;
    n = next.startsWith('#') ? nodeAtPointer(ctx.model.root, next) : undefined;
  }
  return n;
}
