/**
 * Server rules: plain-HTTP servers (3.x `servers[].url`, Swagger 2 `schemes`), server variables defined and
 * used, no trailing slash.
 */
import type { JsonNode } from '../../syntax/jsonTree';
import { SERVER_NOT_HTTPS, SERVER_TRAILING_SLASH, SERVER_VARIABLES } from './catalog';
import { code, prop, val, type FixData, type RuleContext } from './context';

const LOCAL = /^(?:https?|wss?):\/\/(?:localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)(?:[:/]|$)/i;

export function checkServers(ctx: RuleContext): void {
  if (ctx.kind === 'swagger2') { checkSchemes(ctx); return; }
  const root = ctx.model.root;
  if (!root) return;
  // Every Server Object of the document: root, path items, operations (and in callbacks/webhooks).
  const servers: JsonNode[] = [];
  const collect = (n: JsonNode | undefined) => { if (n?.type === 'array') for (const s of n.items ?? []) if (s.type === 'object') servers.push(s); };
  collect(val(root, 'servers'));
  for (const item of ctx.model.pathItems) if (item.uri === ctx.model.uri) collect(val(item.node, 'servers'));
  for (const op of ctx.model.operations) if (op.pathItem.uri === ctx.model.uri) collect(val(op.node, 'servers'));
  const done = new Set<JsonNode>();
  for (const s of servers) {
    if (done.has(s)) continue;
    done.add(s);
    const urlNode = val(s, 'url');
    if (urlNode?.type !== 'string') continue;
    const url = urlNode.value as string;
    checkUrl(ctx, url, urlNode);
    checkVariables(ctx, s, url, urlNode);
  }
}

function checkUrl(ctx: RuleContext, url: string, urlNode: JsonNode): void {
  const m = /^(http|ws):\/\//i.exec(url);
  if (m) {
    const raw = ctx.text.slice(urlNode.span.start, urlNode.span.end);
    const at = raw.toLowerCase().indexOf(m[1].toLowerCase() + '://');
    const fixes: FixData[] = at >= 0 ? [{ title: `Use ${m[1].toLowerCase()}s://`, edits: [{ start: urlNode.span.start + at + m[1].length, end: urlNode.span.start + at + m[1].length, newText: 's' }], preferred: true }] : [];
    const local = LOCAL.test(url);
    ctx.report(SERVER_NOT_HTTPS, urlNode.span, `the server ${code(url)} uses plain ${m[1].toUpperCase()}: requests and responses, including credentials and tokens, travel unencrypted and can be read or changed on the way; ${m[1].toLowerCase() === 'ws' ? 'wss' : 'https'}:// is expected${local ? ' (a local address: fine for development)' : ''}`, { fixes, severity: local ? 'information' : undefined });
  }
  if (url !== '/' && url.endsWith('/')) {
    const raw = ctx.text.slice(urlNode.span.start, urlNode.span.end);
    const slash = raw.lastIndexOf('/');
    const fixes: FixData[] = slash >= 0 ? [{ title: 'Remove the trailing slash', edits: [{ start: urlNode.span.start + slash, end: urlNode.span.start + slash + 1, newText: '' }], preferred: true }] : [];
    ctx.report(SERVER_TRAILING_SLASH, urlNode.span, `the server URL ${code(url)} ends with a slash; path keys start with \`/\`, so request URLs would contain \`//\``, { fixes });
  }
}

function checkVariables(ctx: RuleContext, server: JsonNode, url: string, urlNode: JsonNode): void {
  const used = new Map<string, number>();
  const raw = ctx.text.slice(urlNode.span.start, urlNode.span.end);
  const re = /\{([^{}]*)\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) if (!used.has(m[1])) used.set(m[1], urlNode.span.start + m.index);
  const varsProp = prop(server, 'variables');
  const vars = varsProp?.value.type === 'object' ? varsProp.value.properties ?? [] : [];
  for (const [name, offset] of used) {
    if (!vars.some((v) => v.key === name)) {
      ctx.report(SERVER_VARIABLES, { start: offset, end: offset + name.length + 2 }, `the server URL uses {${name}}, but \`variables\` does not define ${code(name)}: clients cannot build the URL`);
    }
  }
  for (const v of vars) {
    if (!used.has(v.key)) ctx.report(SERVER_VARIABLES, v.keySpan, `the server variable ${code(v.key)} is defined but ${code(url)} never uses {${v.key}}`, { severity: 'warning' });
    const def = val(v.value, 'default');
    const en = val(v.value, 'enum');
    if (def?.type === 'string' && en?.type === 'array' && (en.items?.length ?? 0) > 0 && !en.items!.some((e) => e.value === def.value)) {
      ctx.report(SERVER_VARIABLES, def.span, `the default ${code(String(def.value))} of server variable ${code(v.key)} is not one of its enum values`);
    }
  }
}

/** Swagger 2: `schemes` (root and per operation) listing http or ws. */
function checkSchemes(ctx: RuleContext): void {
  const lists: JsonNode[] = [];
  const rootSchemes = val(ctx.model.root, 'schemes');
  if (rootSchemes) lists.push(rootSchemes);
  for (const op of ctx.model.operations) { const s = val(op.node, 'schemes'); if (s && op.pathItem.uri === ctx.model.uri) lists.push(s); }
  const host = (val(ctx.model.root, 'host')?.value as string | undefined) ?? '';
  const local = LOCAL.test(`http://${host}`);
  for (const list of lists) {
    if (list.type !== 'array') continue;
    const values = (list.items ?? []).map((i) => String(i.value).toLowerCase());
    for (const item of list.items ?? []) {
      const v = String(item.value).toLowerCase();
      if (v !== 'http' && v !== 'ws') continue;
      const secure = v === 'http' ? 'https' : 'wss';
      const fixes: FixData[] = values.includes(secure) ? [] : [{ title: `Use ${secure}`, edits: [{ start: item.span.end - (ctx.text[item.span.end - 1] === '"' || ctx.text[item.span.end - 1] === "'" ? 1 : 0), end: item.span.end - (ctx.text[item.span.end - 1] === '"' || ctx.text[item.span.end - 1] === "'" ? 1 : 0), newText: 's' }], preferred: true }];
      ctx.report(SERVER_NOT_HTTPS, item.span, `the scheme ${code(v)} ${values.includes(secure) ? `is offered next to ${secure}` : 'is the only one offered'}: requests and responses, including credentials, travel unencrypted; ${secure} is expected${local ? ' (a local host: fine for development)' : ''}`, { fixes, severity: local ? 'information' : undefined });
    }
  }
}
