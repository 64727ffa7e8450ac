/**
 * Detection by content: is this text a WSDL or an OpenAPI/Swagger document, and which version?
 * Cheap on purpose (it runs on every open, including unrelated YAML/JSON/XML): it reads only the
 * root element of XML and the top-level `openapi`/`swagger` key of YAML/JSON. Anything else is
 * `null`, and then API Lens stays silent on that document.
 */
import type { DocumentKindInfo } from '../core/types';

const WSDL11_NS = 'http://schemas.xmlsoap.org/wsdl/';
const WSDL20_NS = 'http://www.w3.org/ns/wsdl';
/** Pre-Recommendation WSDL 2.0 drafts (e.g. the 2006/01 CR): still WSDL 2.0; wsdl-draft-namespace reports them. */
const WSDL20_DRAFT_NS = /^http:\/\/www\.w3\.org\/200[4-7]\/\d\d\/wsdl$/;

export function detectKind(text: string, uri = ''): DocumentKindInfo | null {
  const head = stripBom(text);
  const first = firstSignificantChar(head);
  if (first === '<') return detectXml(head);
  if (first === '{') {
    // A .yaml file may be one flow mapping ({openapi: '3.0.0', ...}): it is still YAML (single quotes, bare keys).
    const found = detectOpenApi(head, 'json');
    return found && isYamlFile(uri) ? { ...found, syntax: 'yaml' } : found;
  }
  if (/\.json$/i.test(uri) && first === '[') return null;
  return detectOpenApi(head, 'yaml');
}

/** The syntax a file name promises; JSON content in a .yaml file is parsed as YAML (JSON is nearly a subset). */
export function isYamlFile(uri: string): boolean { return /\.ya?ml$/i.test(uri); }

function stripBom(text: string): string { return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; }

function firstSignificantChar(text: string): string {
  const m = /[^\s]/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return m ? m[0] : '';
}

/**
 * Finds the root start tag after the prolog, comments, PIs and DOCTYPE, and resolves its namespace.
 * A linear scan with indexOf on purpose: a single regex with lazy alternatives here was quadratic on
 * unclosed `<?`, `<!--` or `<a` runs (40 KB took 0.8 s, 1 MB would take minutes: a hang on open).
 */
function detectXml(text: string): DocumentKindInfo | null {
  let i = 0;
  for (let guard = 0; guard < 1000; guard++) {
    i = text.indexOf('<', i);
    if (i < 0) return null;
    if (text.startsWith('<?', i)) { const e = text.indexOf('?>', i + 2); if (e < 0) return null; i = e + 2; continue; }
    if (text.startsWith('<!--', i)) { const e = text.indexOf('-->', i + 4); if (e < 0) return null; i = e + 3; continue; }
    if (text.startsWith('<!DOCTYPE', i)) { i = skipDoctype(text, i + 9); if (i < 0) return null; continue; }
    XML_QNAME.lastIndex = i + 1;
    const name = XML_QNAME.exec(text);
    if (!name) { i++; continue; }
    const close = text.indexOf('>', XML_QNAME.lastIndex);
    if (close < 0) return null;
    const qname = name[0];
    const attrs = text.slice(XML_QNAME.lastIndex, Math.min(close, XML_QNAME.lastIndex + 65536));
    const colon = qname.indexOf(':');
    const prefix = colon >= 0 ? qname.slice(0, colon) : '';
    const local = colon >= 0 ? qname.slice(colon + 1) : qname;
    const nsAttr = prefix ? `xmlns:${prefix}` : 'xmlns';
    const nsMatch = new RegExp(`(?:^|\\s)${nsAttr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*(["'])(.*?)\\1`).exec(attrs);
    const ns = nsMatch ? nsMatch[2] : '';
    if (local === 'definitions' && ns === WSDL11_NS) return { kind: 'wsdl11', version: '1.1', syntax: 'xml' };
    if (local === 'description' && (ns === WSDL20_NS || WSDL20_DRAFT_NS.test(ns))) return { kind: 'wsdl20', version: '2.0', syntax: 'xml' };
    return null;
  }
  return null;
}

const XML_QNAME = /[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?/y;

/** Index after the DOCTYPE's closing '>' (an internal subset in [...] may contain '>'), or -1 if unclosed. */
function skipDoctype(text: string, i: number): number {
  for (;;) {
    DOCTYPE_STOP.lastIndex = i;
    const m = DOCTYPE_STOP.exec(text);
    if (!m) return -1;
    if (m[0] === '>') return m.index + 1;
    const rb = text.indexOf(']', m.index + 1);
    if (rb < 0) return -1;
    i = rb + 1;
  }
}
const DOCTYPE_STOP = /[[>]/g;

/**
 * Looks for a top-level `openapi`/`swagger` key: in YAML at the indentation of the first key (a document
 * may be indented as a whole), in JSON anywhere as a string key (confirmed later on the parsed root).
 * A numeric version (`"swagger": 2`) is still recognised, so that the user gets a diagnostic for it.
 */
function detectOpenApi(text: string, syntax: 'json' | 'yaml'): DocumentKindInfo | null {
  let version: string | undefined;
  let key: string | undefined;
  const jsonKey = /["']?(openapi|swagger)["']?\s*:\s*["']?([0-9][^"',}\s]*)/;
  if (syntax === 'yaml') {
    const indent = topLevelIndent(text);
    const m = new RegExp(`^${indent}["']?(openapi|swagger)["']?[ \\t]*:[ \\t]*["']?([0-9][0-9A-Za-z.\\-+]*)`, 'm').exec(text);
    if (m) { key = m[1]; version = m[2]; }
  } else {
    const m = jsonKey.exec(text);
    if (m) { key = m[1]; version = m[2]; }
  }
  if (!key || !version) return null;
  if (key === 'swagger') return /^2(\.|$)/.test(version) ? { kind: 'swagger2', version, syntax } : null;
  if (/^3\.0(\.|$)/.test(version)) return { kind: 'oas30', version, syntax };
  if (/^3\.1(\.|$)/.test(version)) return { kind: 'oas31', version, syntax };
  if (/^3\.2(\.|$)/.test(version)) return { kind: 'oas32', version, syntax };
  return null;
}

/** Indentation of the first mapping key of a YAML document, skipping comments, directives and `---`. */
function topLevelIndent(text: string): string {
  const re = /^([ \t]*)([^\s#].*)$/gm;
  for (let m = re.exec(text), n = 0; m && n < 200; m = re.exec(text), n++) {
    const line = m[2];
    if (line.startsWith('%') || line.startsWith('---') || line.startsWith('...')) continue;
    return m[1];
  }
  return '';
}

export function dialectOf(kind: DocumentKindInfo['kind']): 'wsdl' | 'openapi' {
  return kind === 'wsdl11' || kind === 'wsdl20' ? 'wsdl' : 'openapi';
}
