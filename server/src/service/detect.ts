/**
 * Detection by content: is this text a WSDL or an OpenAPI/Swagger document, and which version?
 * Cheap on purpose (it runs on every open, including unrelated YAML/JSON/XML): it reads only the
 * root element of XML and the top-level `openapi`/`swagger` key of YAML/JSON. Anything else is
 * `null`, and then API Lens stays silent on that document.
 */
import type { DocumentKindInfo } from '../core/types';

const WSDL11_NS = 'http://schemas.xmlsoap.org/wsdl/';
const WSDL20_NS = 'http://www.w3.org/ns/wsdl';

export function detectKind(text: string, uri = ''): DocumentKindInfo | null {
  const head = stripBom(text);
  const first = firstSignificantChar(head);
  if (first === '<') return detectXml(head);
  if (first === '{') return detectOpenApi(head, 'json');
  if (/\.json$/i.test(uri) && first === '[') return null;
  return detectOpenApi(head, 'yaml');
}

function stripBom(text: string): string { return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; }

function firstSignificantChar(text: string): string {
  const m = /[^\s]/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return m ? m[0] : '';
}

/** Finds the root start tag after the prolog, comments, PIs and DOCTYPE, and resolves its namespace. */
function detectXml(text: string): DocumentKindInfo | null {
  const re = /<(\?[\s\S]*?\?>|!--[\s\S]*?-->|!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>|([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)([^>]*)>)/g;
  re.lastIndex = 0;
  for (let guard = 0; guard < 1000; guard++) {
    const m = re.exec(text);
    if (!m) return null;
    if (!m[2]) continue;
    const qname = m[2];
    const attrs = m[3] ?? '';
    const colon = qname.indexOf(':');
    const prefix = colon >= 0 ? qname.slice(0, colon) : '';
    const local = colon >= 0 ? qname.slice(colon + 1) : qname;
    const nsAttr = prefix ? `xmlns:${prefix}` : 'xmlns';
    const nsMatch = new RegExp(`(?:^|\\s)${nsAttr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*(["'])(.*?)\\1`).exec(attrs);
    const ns = nsMatch ? nsMatch[2] : '';
    if (local === 'definitions' && ns === WSDL11_NS) return { kind: 'wsdl11', version: '1.1', syntax: 'xml' };
    if (local === 'description' && ns === WSDL20_NS) return { kind: 'wsdl20', version: '2.0', syntax: 'xml' };
    return null;
  }
  return null;
}

/** Looks for a top-level `openapi:` / `swagger:` key (YAML at column 0, JSON anywhere as a string key). */
function detectOpenApi(text: string, syntax: 'json' | 'yaml'): DocumentKindInfo | null {
  let version: string | undefined;
  let key: string | undefined;
  if (syntax === 'yaml') {
    const m = /^(?:["']?)(openapi|swagger)(?:["']?)[ \t]*:[ \t]*["']?([0-9][0-9A-Za-z.\-+]*)/m.exec(text);
    if (m) { key = m[1]; version = m[2]; }
    else {
      // Flow-style YAML or JSON saved as .yaml
      const j = /"(openapi|swagger)"\s*:\s*"([0-9][^"]*)"/.exec(text);
      if (j && firstSignificantChar(text) === '{') { key = j[1]; version = j[2]; syntax = 'json'; }
    }
  } else {
    const m = /"(openapi|swagger)"\s*:\s*"([0-9][^"]*)"/.exec(text);
    if (m) { key = m[1]; version = m[2]; }
  }
  if (!key || !version) return null;
  if (key === 'swagger') return version.startsWith('2') ? { kind: 'swagger2', version, syntax } : null;
  if (/^3\.0(\.|$)/.test(version)) return { kind: 'oas30', version, syntax };
  if (/^3\.1(\.|$)/.test(version)) return { kind: 'oas31', version, syntax };
  if (/^3\.2(\.|$)/.test(version)) return { kind: 'oas32', version, syntax };
  return null;
}

export function dialectOf(kind: DocumentKindInfo['kind']): 'wsdl' | 'openapi' {
  return kind === 'wsdl11' || kind === 'wsdl20' ? 'wsdl' : 'openapi';
}
