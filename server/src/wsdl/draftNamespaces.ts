/**
 * WSDL 2.0 documents written against a pre-Recommendation draft (for example the January 2006 Candidate
 * Recommendation, http://www.w3.org/2006/01/wsdl, still used by Apache Woden's W3C tests). The draft
 * vocabulary is the Recommendation's, so the model reads such a document as WSDL 2.0: before building,
 * every namespace binding and element namespace under the draft base (wsdl, wsdl/soap, wsdl/http,
 * wsdl-extensions ...) is mapped to its http://www.w3.org/ns/wsdl counterpart in the tree, and URI values
 * (MEP pattern=, style=, binding type=) are mapped when read. The source text is untouched:
 * wsdl-draft-namespace reports the draft and offers the edit to the Recommendation namespace.
 */
import type { XmlDocument, XmlElement } from '../syntax/xmlTree';
import { NS } from './model';

/** W3C WSDL 2.0 working-draft / CR namespaces have the form http://www.w3.org/YYYY/MM/wsdl (2004-2006). */
export const DRAFT_WSDL20_NS = /^http:\/\/www\.w3\.org\/200[4-7]\/\d\d\/wsdl$/;

/** The Recommendation URI for a URI under the draft base (base itself, base/..., base-...); undefined otherwise. */
export function recommendationUri(uri: string, base: string): string | undefined {
  if (uri === base) return NS.WSDL20;
  if (uri.startsWith(base) && (uri[base.length] === '/' || uri[base.length] === '-')) return NS.WSDL20 + uri.slice(base.length);
  return undefined;
}

/**
 * When the root is a wsdl:description in a draft namespace: rewrites the tree's namespaces to the
 * Recommendation's (idempotent: a tree already rewritten has no draft URIs left) and returns the draft base.
 * The base is remembered on the root element, so a re-build of an incrementally re-parsed tree still knows it.
 */
export function normaliseDraftWsdl20(xml: XmlDocument): string | undefined {
  const root = xml.root;
  if (!root || root.localName !== 'description') return undefined;
  const known = drafts.get(root) ?? (root.ns !== undefined && DRAFT_WSDL20_NS.test(root.ns) ? root.ns : undefined);
  if (!known) return undefined;
  drafts.set(root, known);
  const stack: XmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (el.nsDecls) for (const [p, v] of el.nsDecls) { const r = recommendationUri(v, known); if (r) el.nsDecls.set(p, r); }
    if (el.ns !== undefined) { const r = recommendationUri(el.ns, known); if (r) el.ns = r; }
    for (const c of el.children) stack.push(c);
  }
  return known;
}
/** Keyed by the root element: an incremental re-parse keeps the root object (and its rewritten namespace). */
const drafts = new WeakMap<XmlElement, string>();
