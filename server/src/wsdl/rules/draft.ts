/**
 * wsdl-draft-namespace: a WSDL 2.0 description in a pre-Recommendation namespace (wsdl/draftNamespaces.ts).
 * The model reads it as WSDL 2.0 so every other feature works; this one finding, on the root element, says
 * why a conforming processor will still refuse it, and the quick fix moves every draft URI of the document
 * (namespace declarations, MEP and binding type URIs) to the Recommendation's.
 */
import type { XmlElement } from '../../syntax/xmlTree';
import { recommendationUri } from '../draftNamespaces';
import { DRAFT_NAMESPACE } from './catalog';
import { Collector, fixes, q } from './util';
import type { FixEdit } from './util';

export function checkDraftNamespace(c: Collector): void {
  const d = c.model.doc;
  const base = d.draftNamespace;
  if (!base || !d.root) return;
  const edits: FixEdit[] = [];
  const stack: XmlElement[] = [d.root];
  while (stack.length) {
    const el = stack.pop()!;
    for (const a of el.attributes) {
      const re = /\S+/g;
      for (let m = re.exec(a.value); m; m = re.exec(a.value)) {
        const r = recommendationUri(m[0], base);
        if (r) edits.push({ start: a.valueSpan.start + m.index, end: a.valueSpan.start + m.index + m[0].length, newText: r });
      }
    }
    for (const ch of el.children) stack.push(ch);
  }
  edits.sort((x, y) => x.start - y.start);
  c.add(DRAFT_NAMESPACE, d.root.nameSpan,
    `${q(base)} is a WSDL 2.0 draft namespace, not the W3C Recommendation's (http://www.w3.org/ns/wsdl). API Lens reads the document as WSDL 2.0, but processors that implement the Recommendation (Apache Woden, CXF, Axis2) reject it as not WSDL 2.0. Change the namespace${edits.length > 1 ? ` (and the ${edits.length - 1} other draft URI${edits.length > 2 ? 's' : ''} derived from it: SOAP/HTTP binding, extensions, MEPs)` : ''} to the Recommendation's.`,
    edits.length ? fixes({ title: 'Use the WSDL 2.0 Recommendation namespace (http://www.w3.org/ns/wsdl)', edits, preferred: true }) : {});
}
