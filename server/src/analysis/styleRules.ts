/**
 * Style smells drawn from the classified summary: a verb in a REST path, a body on GET/HEAD/DELETE,
 * POST for reads, SOAP 1.1 and 1.2 ports in one service, a document mixing styles. Each finding says
 * what the wire consequence is and cites the spec section. (Plain http:// endpoints are the dialects'
 * own rules.) Findings are placed only in the summarised document itself.
 */
import type { Finding } from '../core/types';
import { defineRule } from '../rules/registry';
import type { DocumentSummary, Fact, OperationSummary } from './summary';
import { SPEC } from './specLinks';
import { isReadByName, operationVerbs } from './classify';
import { verbOfName } from './pathVerbs';

const OAS: ('swagger2' | 'oas30' | 'oas31' | 'oas32')[] = ['swagger2', 'oas30', 'oas31', 'oas32'];

export const RULE_VERB_IN_PATH = defineRule({
  code: 'style-verb-in-rest-path', title: 'A path segment of a REST API names an action (getUser, /users/create) instead of a resource.',
  defaultSeverity: 'information', appliesTo: OAS, reference: SPEC.restResources,
});
export const RULE_BODY_ON_SAFE = defineRule({
  code: 'style-body-on-get', title: 'A GET, HEAD or DELETE operation declares a request body, which has no defined meaning for that method.',
  defaultSeverity: 'warning', appliesTo: OAS, reference: SPEC.rfc9110Get,
});
export const RULE_POST_FOR_READ = defineRule({
  code: 'style-post-for-read', title: 'A POST operation only reads (its path or name says get, list, find, ...), giving up safety and caching.',
  defaultSeverity: 'information', appliesTo: OAS, reference: SPEC.rfc9110Safe,
});
export const RULE_MIXED_SOAP = defineRule({
  code: 'style-mixed-soap-versions', title: 'One service exposes both SOAP 1.1 and SOAP 1.2 ports.',
  defaultSeverity: 'information', appliesTo: ['wsdl11'], reference: SPEC.soap12,
});
export const RULE_MIXED_STYLES = defineRule({
  code: 'style-mixed-document', title: 'One document mixes design styles (for example REST and GraphQL, or RPC action URLs among resources).',
  defaultSeverity: 'information', appliesTo: ['any'],
});

const METHOD_FOR: Record<'read' | 'write' | 'call', (verb: string) => string> = {
  read: () => 'GET',
  write: (v) => (['create', 'add', 'insert', 'post', 'save'].includes(v) ? 'POST' : ['delete', 'remove', 'del', 'destroy'].includes(v) ? 'DELETE' : ['update', 'edit', 'modify', 'set', 'patch'].includes(v) ? 'PATCH (or PUT)' : v === 'put' || v === 'upsert' ? 'PUT' : 'POST'),
  call: () => 'POST',
};

/** "getInvoice" -> "invoice"; "create" -> "" (the segment goes away). */
function withoutVerb(segment: string, verb: string): string {
  const rest = segment.slice(verb.length).replace(/^[-_]/, '');
  return rest ? rest.charAt(0).toLowerCase() + rest.slice(1) : '';
}

function suggestPath(op: OperationSummary): string | undefined {
  if (!op.path) return undefined;
  const hits = operationVerbs(op);
  if (!hits.length) return undefined;
  const h = hits[0];
  const replaced = withoutVerb(h.segment, h.verb);
  const segs = op.path.split('/');
  const i = op.path.slice(0, h.offset).split('/').length - 1;
  if (replaced) segs[i] = replaced; else segs.splice(i, 1);
  const path = segs.join('/') || '/';
  return `${METHOD_FOR[h.kind](h.verb)} ${path}`;
}

const styleOf = (op: OperationSummary) => op.styles.find((s) => s.style)?.style;
const plainHttp = (op: OperationSummary) => op.origin === 'operation' && (styleOf(op) === 'rest' || styleOf(op) === 'rpc-http');

export function styleFindings(summary: DocumentSummary): Finding[] {
  const out: Finding[] = [];
  const here = (o: { uri: string }) => o.uri === summary.uri;
  const docStyles = new Set(summary.styles.map((s) => s.style));
  const isOas = summary.kind !== 'wsdl11' && summary.kind !== 'wsdl20';

  if (isOas) {
    const restDoc = docStyles.has('rest');
    for (const op of summary.operations) {
      if (!here(op) || !op.method) continue;
      const method = op.method.toUpperCase();
      // A verb in the path of an API that is otherwise resource-oriented.
      if (restDoc && plainHttp(op) && styleOf(op) === 'rpc-http') {
        const h = operationVerbs(op)[0];
        if (h) {
          const better = suggestPath(op);
          out.push({
            code: RULE_VERB_IN_PATH.code, span: op.span,
            message: `The path segment "${h.segment}" names an action (${h.verb}), while the rest of this API names resources and lets the method say what happens. `
              + `Clients and caches understand ${method} on a resource; an action in the URL is RPC. ${better ? `Consider ${better}.` : ''} (Fielding §5.2.1.1; RFC 9110 §9.3)`.replace(' .', '.'),
          });
        }
      }
      if ((method === 'GET' || method === 'HEAD' || method === 'DELETE') && op.hasRequestBody) {
        const section = method === 'GET' ? '§9.3.1' : method === 'HEAD' ? '§9.3.2' : '§9.3.5';
        out.push({
          code: RULE_BODY_ON_SAFE.code, span: op.span,
          message: `${method} ${op.path ?? ''} declares a request body. Content in a ${method} request has no generally defined semantics (RFC 9110 ${section}): `
            + `proxies, caches, CDNs and some clients drop it or reject the request. ${method === 'DELETE' ? 'Identify what to delete by the URL' : 'Send the input as query parameters, or use POST (or the proposed QUERY method) when it does not fit in a URL'}.`,
        });
      }
      if (method === 'POST' && plainHttp(op) && isReadByName(op)) {
        const pathVerb = operationVerbs(op)[0];
        const verb = pathVerb?.verb ?? verbOfName(op.name)?.verb ?? 'get';
        const why = pathVerb ? `its path says "${pathVerb.segment}"` : `its name ${op.name} says ${verb}`;
        const searchy = verb === 'search' || verb === 'query';
        out.push({
          code: RULE_POST_FOR_READ.code, span: op.span,
          message: `POST ${op.path ?? ''} only reads (${why}), but POST is neither safe nor idempotent (RFC 9110 §9.2.1, §9.3.3): responses are not cached by default and clients, proxies and retry policies must not repeat it automatically. `
            + (searchy ? 'For queries too large for a URL, POST is the usual workaround; the proposed QUERY method is the safe alternative.' : 'Use GET with path or query parameters.'),
        });
      }
    }
  }

  // SOAP 1.1 and 1.2 ports in one service.
  const byService = new Map<string, typeof summary.endpoints>();
  for (const e of summary.endpoints) {
    if (!e.soapVersion || !here(e)) continue;
    const k = e.service ?? '';
    byService.set(k, [...(byService.get(k) ?? []), e]);
  }
  for (const [service, eps] of byService) {
    const first = eps[0];
    const other = eps.find((e) => e.soapVersion !== first.soapVersion);
    if (!other) continue;
    const name = service ? `Service ${service}` : 'This service';
    out.push({
      code: RULE_MIXED_SOAP.code, span: other.span,
      message: `${name} offers SOAP ${first.soapVersion} and SOAP ${other.soapVersion} ports. Both are legal, but they differ on the wire: SOAP 1.1 sends Content-Type text/xml with a SOAPAction header, `
        + `SOAP 1.2 sends application/soap+xml with an action parameter, and the envelope namespaces and fault formats differ. Clients and gateways must pick one port deliberately; WS-I Basic Profile 1.x covers SOAP 1.1 only.`,
      related: [{ uri: first.uri, span: first.span, message: `the SOAP ${first.soapVersion} port` }],
    });
  }

  // A document mixing styles: one finding per minority style, at its first operation.
  const mixed = summary.styles.find((s) => s.style === 'mixed');
  if (mixed) {
    const groups = summary.styles.filter((s) => s.style && s.style !== 'mixed' && s.style !== 'webhook' && s.style !== 'callback' && s.style !== 'abstract' && s.operations?.length);
    const main = groups.reduce<Fact | undefined>((a, b) => (!a || (b.operations!.length > a.operations!.length) ? b : a), undefined);
    for (const g of groups) {
      if (g === main) continue;
      const ops = summary.operations.filter((o) => g.operations!.includes(o.name) && here(o));
      if (!ops.length) continue;
      out.push({
        code: RULE_MIXED_STYLES.code, span: ops[0].span,
        message: `This operation is ${g.value} while most of the document (${main!.operations!.length} operation(s)) is ${main!.value}: ${mixed.value}. `
          + `Each style needs its own client approach (${describeApproach(g)} here), so say so in the description, or describe the ${g.value} part separately.`,
        related: ops.slice(1, 10).map((o) => ({ uri: o.uri, span: o.span, message: `also ${g.value}: ${o.name}` })),
      });
    }
  }
  return out;
}

function describeApproach(f: Fact): string {
  switch (f.style) {
    case 'graphql': return 'a GraphQL query posted to one endpoint';
    case 'json-rpc': return 'a JSON-RPC envelope naming the method';
    case 'xml-rpc': return 'an XML-RPC methodCall document';
    case 'soap-tunnel': return 'a SOAP envelope and SOAPAction';
    case 'rpc-http': return 'one URL per procedure';
    case 'rest': return 'methods on resource URLs';
    default: return f.value;
  }
}
