/**
 * Hygiene rules that Spectral and Redocly users expect in a recommended set (hints by default): operations
 * without client-error responses or any summary, tags without description, servers on example domains.
 */
import { OPERATION_4XX_RESPONSE, OPERATION_SUMMARY, SERVER_EXAMPLE_HOST, TAG_DESCRIPTION } from './catalog';
import { code, prop, val, type RuleContext } from './context';

const EXAMPLE_HOST = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^/@]*@)?(?:[a-z0-9-]+\.)*example\.(?:com|org|net)(?::\d+)?(?:[/?#]|$)/i;

export function checkHygiene(ctx: RuleContext): void {
  const m = ctx.model;
  for (const op of m.operations) {
    if (op.pathItem.uri !== m.uri) continue;
    if (op.responsesNode && op.origin === 'operation' && !op.responses.some((r) => /^(4\d\d|4XX|default)$/i.test(r.status))) {
      const key = prop(op.node, 'responses')?.keySpan ?? op.methodSpan;
      ctx.report(OPERATION_4XX_RESPONSE, key, `${op.method.toUpperCase()} ${code(op.path)} documents no client-error response (4xx or default): clients cannot tell how invalid requests fail`);
    }
    if (!prop(op.node, 'summary') && !prop(op.node, 'description')) {
      ctx.report(OPERATION_SUMMARY, op.methodSpan, `${op.method.toUpperCase()} ${code(op.path)} has neither a summary nor a description`);
    }
  }
  for (const t of m.tags) {
    if (t.name && !prop(t.node, 'description') && !prop(t.node, 'summary')) ctx.report(TAG_DESCRIPTION, t.name.span, `the tag ${code(t.name.value)} has no description: documentation shows its group without any explanation`);
  }
  const urls: { value: string; span: { start: number; end: number } }[] = [];
  if (m.kind === 'swagger2') {
    const host = val(m.root, 'host');
    if (host?.type === 'string') urls.push({ value: String(host.value), span: host.span });
  } else {
    const collect = (list: ReturnType<typeof val>) => { for (const s of list?.items ?? []) { const u = val(s, 'url'); if (u?.type === 'string') urls.push({ value: String(u.value), span: u.span }); } };
    collect(val(m.root, 'servers'));
    for (const item of m.pathItems) if (item.uri === m.uri) collect(val(item.node, 'servers'));
    for (const op of m.operations) if (op.pathItem.uri === m.uri) collect(val(op.node, 'servers'));
  }
  for (const u of urls) {
    if (EXAMPLE_HOST.test(u.value)) ctx.report(SERVER_EXAMPLE_HOST, u.span, `${code(u.value)} is on a domain reserved for documentation examples (RFC 2606): clients generated from this description cannot reach a real API`);
  }
}
