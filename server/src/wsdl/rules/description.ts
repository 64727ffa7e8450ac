/**
 * WS-I Basic Profile rules on the description as a whole: wsdl:import (R2001, R2002, R2007, R2803), the
 * order of top-level elements (R2022, R2023), required extensions (R2026) and the embedded schemas (R2105,
 * R2110, R2111, R2112). WSDL 1.1 only: Basic Profile does not cover WSDL 2.0.
 */
import type { XmlElement } from '../../syntax/xmlTree';
import { NS } from '../model';
import { R2001, R2002, R2007, R2022, R2023, R2026, R2105, R2110, R2111, R2112 } from './catalog';
import { Collector, descendants, isAbsoluteUri, nsAttr, q } from './util';
import { R2803 } from './catalog';

export function checkDescription(c: Collector): void {
  const d = c.model.doc;
  if (d.version !== '1.1') return;
  checkImports(c);
  checkOrder(c);
  checkRequired(c);
  checkSchemas(c);
}

function checkImports(c: Collector): void {
  const d = c.model.doc;
  for (const imp of d.imports) {
    if (imp.kind !== 'wsdl:import') continue;
    const loc = imp.location?.value.trim();
    if (!imp.location || !loc) {
      c.add(R2007, imp.location ? imp.location.span : imp.el.nameSpan,
        `wsdl:import${imp.namespace ? ` of ${q(imp.namespace.value)}` : ''} has ${imp.location ? 'an empty' : 'no'} location, so no tool can find the imported description (Basic Profile 1.1 R2007). Add location="<relative path or URL of the WSDL>".`);
    }
    if (imp.namespace && imp.namespace.value && !isAbsoluteUri(imp.namespace.value)) {
      c.add(R2803, imp.namespace.span,
        `wsdl:import namespace=${q(imp.namespace.value)} is a relative URI; Basic Profile 1.1 R2803 requires an absolute one, since it must equal the imported document's targetNamespace. Write the full namespace URI.`);
    }
    if (!loc) continue;
    const target = imp.status === 'ok' && imp.resolvedUri ? c.model.documents.find((x) => x.uri === imp.resolvedUri) : undefined;
    const isXsd = target ? target.version === 'xsd' : imp.status !== 'not-xml' && /\.xsd$/i.test(loc);
    if (isXsd) {
      c.add(R2002, imp.location!.span,
        `wsdl:import loads the XML Schema ${q(loc)}; Basic Profile 1.1 R2002 requires schemas to be imported with <xsd:import namespace="..." schemaLocation="${loc}"/> inside an xsd:schema in wsdl:types, which is what schema-aware tools follow.`);
    } else if (imp.status === 'not-xml') {
      c.add(R2001, imp.location!.span,
        `wsdl:import location ${q(loc)} is not a WSDL document; Basic Profile 1.1 R2001 allows wsdl:import only for WSDL descriptions. Point it at the WSDL, or import schemas with xsd:import.`);
    }
  }
}

function isWsdl(e: XmlElement, local?: string): boolean { return e.ns === NS.WSDL11 && (!local || e.localName === local); }

function checkOrder(c: Collector): void {
  const root = c.model.doc.root;
  if (!root) return;
  let sawOther: XmlElement | undefined;
  let sawBeyondTypes: XmlElement | undefined;
  for (const ch of root.children) {
    if (!isWsdl(ch) || ch.localName === 'documentation') continue;
    if (ch.localName === 'import') {
      if (sawOther) {
        c.add(R2022, ch.nameSpan,
          `wsdl:import comes after <${sawOther.name}>; Basic Profile 1.1 R2022 requires every wsdl:import to precede the other WSDL elements (only wsdl:documentation may come first). Move it to the top of wsdl:definitions.`);
      }
      continue;
    }
    sawOther ??= ch;
    if (ch.localName === 'types') {
      if (sawBeyondTypes) {
        c.add(R2023, ch.nameSpan,
          `wsdl:types comes after <${sawBeyondTypes.name}>; Basic Profile 1.1 R2023 requires it to precede every WSDL element except wsdl:documentation and wsdl:import. Move it up, right after the imports.`);
      }
      continue;
    }
    sawBeyondTypes ??= ch;
  }
}

function checkRequired(c: Collector): void {
  const root = c.model.doc.root;
  if (!root) return;
  for (const el of descendants(root, () => true)) {
    if (el.ns === NS.WSDL11 || el.ns === NS.XSD) continue;
    const a = nsAttr(el, NS.WSDL11, 'required');
    if (a && a.value.trim() === 'true') {
      c.add(R2026, a.nameSpan,
        `<${el.name}> is marked wsdl:required="true": a consumer that does not understand ${q(el.ns ?? el.name)} must reject the whole description (Basic Profile 1.1 R2026 says SHOULD NOT). Drop the attribute unless the extension is truly mandatory.`);
    }
  }
}

const SCHEMA_CONTENT = new Set(['element', 'complexType', 'simpleType', 'attribute', 'group', 'attributeGroup', 'notation']);

function checkSchemas(c: Collector): void {
  const d = c.model.doc;
  for (const s of d.schemas) {
    if (s.uri !== d.uri) continue;
    if (!s.targetNamespace && s.el.children.some((ch) => ch.ns === NS.XSD && SCHEMA_CONTENT.has(ch.localName))) {
      c.add(R2105, s.el.nameSpan,
        `This xsd:schema in wsdl:types declares components but has no targetNamespace; Basic Profile 1.1 R2105 requires one, because WSDL parts refer to schema components by namespace-qualified name. Add targetNamespace="${d.targetNamespace || 'urn:your-namespace'}".`);
    }
    for (const comp of s.components) {
      if (comp.kind === 'element' && /^ArrayOf[A-Z_0-9]/.test(comp.name)) {
        c.add(R2112, comp.nameSpan,
          `Element ${q(comp.name)} follows the ArrayOfXXX naming of SOAP-encoded arrays; Basic Profile 1.1 R2112 suggests other names, so that tools do not mistake a literal element for a SOAP array. Consider a plural name (e.g. ${q(comp.name.replace(/^ArrayOf/, '') + 's')}).`);
      }
    }
    for (const el of descendants(s.el, () => true)) {
      const a = nsAttr(el, NS.WSDL11, 'arrayType');
      if (a) {
        c.add(R2111, a.nameSpan,
          `wsdl:arrayType describes a SOAP-encoded array; Basic Profile 1.1 R2111 forbids it, since literal messages are described by the schema alone. Declare the array as a sequence: <xsd:element name="item" type="..." maxOccurs="unbounded"/>.`);
      }
    }
  }
  for (const ref of d.refs) {
    if (ref.attr === 'base' && ref.ns === NS.SOAPENC && ref.local === 'Array') {
      c.add(R2110, ref.span,
        `This type derives from soapenc:Array, a SOAP-encoding construct; Basic Profile 1.1 R2110 forbids it in literal descriptions. Declare the array as a complexType with a sequence of one element with maxOccurs="unbounded".`);
    }
  }
}
