/**
 * What HTTP methods, media types, URL schemes and security schemes mean, with the standard that says so.
 * Shared by hovers (openapi/hover.ts) and the summary (openapi/summarize.ts).
 */

export interface StdLink { title: string; url: string }

/** A table entry for a key taken from the document: own keys only ('constructor', '__proto__' are data). */
export function own<T>(table: Record<string, T> | undefined, key: string): T | undefined {
  return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

export interface MethodInfo { safe: boolean; idempotent: boolean; cacheable: string; link: StdLink; body: string }

const rfc9110 = (sec: string, title: string): StdLink => ({ title: `RFC 9110 §${sec} ${title}`, url: `https://www.rfc-editor.org/rfc/rfc9110#section-${sec}` });

export const METHODS: Record<string, MethodInfo> = {
  get: { safe: true, idempotent: true, cacheable: 'cacheable', link: rfc9110('9.3.1', 'GET'), body: 'a request body has no defined meaning' },
  head: { safe: true, idempotent: true, cacheable: 'cacheable', link: rfc9110('9.3.2', 'HEAD'), body: 'like GET without the response body' },
  post: { safe: false, idempotent: false, cacheable: 'cacheable only with explicit freshness information', link: rfc9110('9.3.3', 'POST'), body: 'the target resource processes the enclosed representation' },
  put: { safe: false, idempotent: true, cacheable: 'not cacheable', link: rfc9110('9.3.4', 'PUT'), body: 'replaces the state of the target resource with the enclosed representation' },
  delete: { safe: false, idempotent: true, cacheable: 'not cacheable', link: rfc9110('9.3.5', 'DELETE'), body: 'a request body has no defined meaning' },
  options: { safe: true, idempotent: true, cacheable: 'not cacheable', link: rfc9110('9.3.7', 'OPTIONS'), body: 'asks for the communication options of the target' },
  trace: { safe: true, idempotent: true, cacheable: 'not cacheable', link: rfc9110('9.3.8', 'TRACE'), body: 'a loop-back of the request message; must not have a body' },
  patch: { safe: false, idempotent: false, cacheable: 'not cacheable', link: { title: 'RFC 5789 PATCH', url: 'https://www.rfc-editor.org/rfc/rfc5789' }, body: 'applies a set of changes (a patch document) to the target resource' },
  query: { safe: true, idempotent: true, cacheable: 'cacheable (the body is part of the cache key)', link: { title: 'IETF draft: The HTTP QUERY Method', url: 'https://datatracker.ietf.org/doc/draft-ietf-httpbis-safe-method-w-body/' }, body: 'a safe, idempotent query whose parameters travel in the request body' },
  connect: { safe: false, idempotent: false, cacheable: 'not cacheable', link: rfc9110('9.3.6', 'CONNECT'), body: 'establishes a tunnel' },
};

export interface FormatInfo {
  /** Summary label: 'JSON', 'XML', 'form', 'multipart', 'binary', 'event-stream', 'jsonl', 'text', ... */
  format: string;
  what: string;
  link?: StdLink;
  streaming?: boolean;
}

/** The message format a media type (or range) names. */
export function formatOf(mediaType: string): FormatInfo {
  const mt = mediaType.toLowerCase().split(';')[0].trim();
  const [type, sub = ''] = mt.split('/');
  if (mt === 'application/problem+json') return { format: 'JSON', what: 'JSON problem details (an error format)', link: { title: 'RFC 9457', url: 'https://www.rfc-editor.org/rfc/rfc9457' } };
  if (mt === 'application/json-patch+json') return { format: 'JSON', what: 'a JSON Patch document', link: { title: 'RFC 6902', url: 'https://www.rfc-editor.org/rfc/rfc6902' } };
  if (mt === 'application/merge-patch+json') return { format: 'JSON', what: 'a JSON Merge Patch document', link: { title: 'RFC 7396', url: 'https://www.rfc-editor.org/rfc/rfc7396' } };
  if (mt === 'application/hal+json') return { format: 'JSON', what: 'JSON with HAL hypermedia links (_links)', link: { title: 'HAL draft', url: 'https://datatracker.ietf.org/doc/draft-kelly-json-hal/' } };
  if (mt === 'application/vnd.api+json') return { format: 'JSON', what: 'a JSON:API document (with links)', link: { title: 'JSON:API', url: 'https://jsonapi.org/format/' } };
  if (mt === 'application/jsonl' || mt === 'application/x-ndjson' || mt === 'application/x-jsonlines') return { format: 'jsonl', what: 'JSON Lines: one JSON value per line, a stream', streaming: true, link: { title: 'JSON Lines', url: 'https://jsonlines.org/' } };
  if (mt === 'application/json-seq') return { format: 'json-seq', what: 'a JSON text sequence (record-separated JSON values), a stream', streaming: true, link: { title: 'RFC 7464', url: 'https://www.rfc-editor.org/rfc/rfc7464' } };
  if (mt === 'application/graphql' || mt === 'application/graphql-response+json') return { format: 'GraphQL', what: 'GraphQL over HTTP', link: { title: 'GraphQL over HTTP', url: 'https://graphql.github.io/graphql-over-http/draft/' } };
  if (mt === 'application/soap+xml') return { format: 'XML', what: 'a SOAP 1.2 envelope', link: { title: 'RFC 3902', url: 'https://www.rfc-editor.org/rfc/rfc3902' } };
  if (mt === 'application/json' || sub.endsWith('+json') || mt === 'text/json') return { format: 'JSON', what: 'JSON text', link: { title: 'RFC 8259', url: 'https://www.rfc-editor.org/rfc/rfc8259' } };
  if (mt === 'application/xml' || mt === 'text/xml' || sub.endsWith('+xml')) return { format: 'XML', what: 'an XML document', link: { title: 'RFC 7303', url: 'https://www.rfc-editor.org/rfc/rfc7303' } };
  if (mt === 'application/x-www-form-urlencoded') return { format: 'form', what: 'URL-encoded form fields (name=value&...)', link: { title: 'WHATWG URL: application/x-www-form-urlencoded', url: 'https://url.spec.whatwg.org/#application/x-www-form-urlencoded' } };
  if (mt === 'multipart/form-data') return { format: 'multipart', what: 'multipart form data (fields and file uploads in parts)', link: { title: 'RFC 7578', url: 'https://www.rfc-editor.org/rfc/rfc7578' } };
  if (type === 'multipart') return { format: 'multipart', what: `a multipart body (${sub})`, link: { title: 'RFC 2046 §5.1', url: 'https://www.rfc-editor.org/rfc/rfc2046#section-5.1' }, streaming: sub === 'mixed' || sub === 'x-mixed-replace' };
  if (mt === 'text/event-stream') return { format: 'event-stream', what: 'Server-Sent Events: a long-lived stream of text events', streaming: true, link: { title: 'HTML: Server-sent events', url: 'https://html.spec.whatwg.org/multipage/server-sent-events.html' } };
  if (mt === 'application/yaml' || mt === 'application/x-yaml' || mt === 'text/yaml') return { format: 'YAML', what: 'YAML text', link: { title: 'RFC 9512', url: 'https://www.rfc-editor.org/rfc/rfc9512' } };
  if (mt === 'text/csv') return { format: 'CSV', what: 'comma-separated values', link: { title: 'RFC 4180', url: 'https://www.rfc-editor.org/rfc/rfc4180' } };
  if (mt === 'text/html') return { format: 'HTML', what: 'an HTML page' };
  if (mt === 'text/plain') return { format: 'text', what: 'plain text' };
  if (mt === 'application/cbor') return { format: 'CBOR', what: 'CBOR (binary JSON-like data)', link: { title: 'RFC 8949', url: 'https://www.rfc-editor.org/rfc/rfc8949' } };
  if (mt === 'application/x-protobuf' || mt === 'application/protobuf' || mt === 'application/grpc' || mt.startsWith('application/grpc+')) return { format: 'protobuf', what: 'Protocol Buffers (binary)' };
  if (mt === 'application/msgpack' || mt === 'application/x-msgpack') return { format: 'MessagePack', what: 'MessagePack (binary)' };
  if (mt === '*/*') return { format: 'any', what: 'any media type' };
  if (type === 'text') return { format: 'text', what: `text (${sub})` };
  if (mt === 'application/octet-stream' || ['image', 'audio', 'video', 'font'].includes(type) || ['pdf', 'zip', 'gzip', 'x-tar'].includes(sub)) return { format: 'binary', what: `binary data (${mt})` };
  return { format: mt, what: `the ${mt} media type` };
}

export function protocolMeaning(protocol: string): string {
  switch (protocol) {
    case 'HTTPS': return 'HTTP over TLS: requests and responses are encrypted and the server is authenticated by its certificate';
    case 'HTTP': return 'plain HTTP: requests, responses and any credentials travel unencrypted and can be read or altered on the way';
    case 'WSS': return 'WebSocket over TLS (RFC 6455): a long-lived, encrypted, two-way connection started by an HTTP upgrade';
    case 'WS': return 'WebSocket without TLS (RFC 6455): a long-lived two-way connection, unencrypted';
    case 'relative': return 'relative to where the API description is served from: the scheme (HTTP or HTTPS) and host come from that location';
    default: return `the ${protocol.toLowerCase()} scheme`;
  }
}

/** What a security scheme means on the wire (version-aware wording is left to callers). */
export function securityOnTheWire(type: string | undefined, scheme: string | undefined, where: string | undefined, name: string | undefined, flows: string[]): string {
  const t = (type ?? '').toLowerCase();
  const s = (scheme ?? '').toLowerCase();
  if (t === 'basic' || (t === 'http' && s === 'basic')) return 'Each request carries `Authorization: Basic <base64(user:password)>` (RFC 7617): the password is only encoded, not encrypted, so it needs HTTPS.';
  if (t === 'http' && s === 'bearer') return 'Each request carries `Authorization: Bearer <token>` (RFC 6750): whoever holds the token is authorised, so it needs HTTPS.';
  if (t === 'http' && s === 'digest') return 'HTTP Digest authentication (RFC 7616): a challenge-response over the `Authorization` header.';
  if (t === 'http') return `HTTP authentication with the ${scheme ?? '(unnamed)'} scheme in the \`Authorization\` header (RFC 9110 §11).`;
  if (t === 'apikey') {
    const loc = where === 'query' ? 'query parameter' : where === 'cookie' ? 'cookie' : 'header';
    return `A static API key in the ${loc} ${name ? `\`${name.replace(/`/g, '')}\`` : ''} of every request${where === 'query' ? '; in the URL it ends up in logs, histories and Referer headers' : ''}.`;
  }
  if (t === 'oauth2') return `OAuth 2.0 (RFC 6749): the client first obtains an access token${flows.length ? ` (flows: ${flows.join(', ')})` : ''}, then sends it as \`Authorization: Bearer <token>\`${flows.some((f) => f === 'implicit' || f === 'password') ? '; the implicit and password flows are deprecated by the OAuth 2.0 Security Best Current Practice (RFC 9700)' : ''}.`;
  if (t === 'openidconnect') return 'OpenID Connect: OAuth 2.0 with an identity layer; the discovery document at `openIdConnectUrl` lists the endpoints, and requests carry a bearer token.';
  if (t === 'mutualtls') return 'Mutual TLS: the client presents an X.509 certificate during the TLS handshake (RFC 8705); nothing is added to the HTTP messages.';
  return 'An unrecognised security scheme type.';
}

export function statusMeaning(code: string): string {
  const known: Record<string, string> = {
    '200': 'OK', '201': 'Created', '202': 'Accepted (processing continues asynchronously)', '204': 'No Content', '206': 'Partial Content',
    '301': 'Moved Permanently', '302': 'Found', '303': 'See Other', '304': 'Not Modified', '307': 'Temporary Redirect', '308': 'Permanent Redirect',
    '400': 'Bad Request', '401': 'Unauthorized (authentication needed)', '403': 'Forbidden', '404': 'Not Found', '405': 'Method Not Allowed',
    '406': 'Not Acceptable', '409': 'Conflict', '410': 'Gone', '412': 'Precondition Failed', '415': 'Unsupported Media Type',
    '422': 'Unprocessable Content', '428': 'Precondition Required', '429': 'Too Many Requests',
    '500': 'Internal Server Error', '501': 'Not Implemented', '502': 'Bad Gateway', '503': 'Service Unavailable', '504': 'Gateway Timeout',
  };
  if (code === 'default') return 'the response for every status code not listed';
  const k = own(known, code);
  if (k) return `${code} ${k}`;
  const cls: Record<string, string> = { '1': 'informational', '2': 'success', '3': 'redirection', '4': 'client error', '5': 'server error' };
  if (/^[1-5]XX$/i.test(code)) return `any ${cls[code[0]]} status (${code[0]}00–${code[0]}99)`;
  if (/^[1-5]\d\d$/.test(code)) return `a ${cls[code[0]]} status`;
  return 'not an HTTP status code';
}
