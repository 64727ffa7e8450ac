/**
 * `$ref` following for rules: the model's resolver (local and cross-file, cycle-safe), with a local-pointer
 * fallback so a rule never fails because one reference is broken (broken refs are reported by openapi/refs.ts).
 */
import type { JsonNode } from '../../syntax/jsonTree';
import { nodeAtPointer, refOf } from '../model';
import type { RuleContext } from './context';

export function resolverFor(ctx: RuleContext): (node: JsonNode) => JsonNode | undefined {
  return (node) => {
    try {
      const r = ctx.model.resolver?.resolve(node);
      if (r) return r.node;
    } catch { /* fall back to a local pointer below */ }
    const ref = refOf(node);
    const s = ref?.value.value as string | undefined;
    if (s?.startsWith('#')) {
      let n = nodeAtPointer(ctx.model.root, s);
      for (let hops = 0; n && refOf(n) && hops < 20; hops++) {
        const next = refOf(n)!.value.value as string;
        n = next.startsWith('#') ? nodeAtPointer(ctx.model.root, next) : undefined;
      }
      return n;
    }
    return undefined;
  };
}
