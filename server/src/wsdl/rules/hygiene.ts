/**
 * Checks the WSDL and XML Schema grammars make but the model does not encode: unqualified attributes that
 * WSDL 1.1 does not define (typos such as mesage=, or extension attributes without a namespace), and simple
 * types derived from complex ones.
 */
import type { XmlAttribute, XmlElement } from '../../syntax/xmlTree';
import { NS, type SchemaComponent } from '../model';
import { SCHEMA_INVALID_DERIVATION, UNKNOWN_ATTRIBUTE } from './catalog';
import { closest } from './references';
import { Collector, attrRemovalSpan, descendants, fixes, listNames, q } from './util';

/** Unqualified attributes of each WSDL 1.1 element (WSDL 1.1 Appendix A 4); documentation is free-form. */
const WSDL11_ATTRS: Record<string, string[]> = {
  definitions: ['name', 'targetNamespace'], import: ['namespace', 'location'], types: [],
  message: ['name'], part: ['name', 'element', 'type'], portType: ['name'], operation: ['name', 'parameterOrder'],
  input: ['name', 'message'], output: ['name', 'message'], fault: ['name', 'message'],
  binding: ['name', 'type'], service: ['name'], port: ['name', 'binding'],
};

export function checkHygiene(c: Collector): void {
  const d = c.model.doc;
  if (d.version === '1.1' && d.root) checkAttributes(c, d.root);
  checkDerivations(c);
}

function checkAttributes(c: Collector, root: XmlElement): void {
  const visit = (el: XmlElement) => {
    if (el.ns !== NS.WSDL11) return; // extension elements (soap:, xsd:schema, policies) have their own grammar
    const allowed = WSDL11_ATTRS[el.localName];
    if (allowed) for (const a of el.attributes) if (!a.name.includes(':') && a.name !== 'xmlns' && !allowed.includes(a.name)) report(c, el, a, allowed);
    if (el.localName === 'types' || el.localName === 'documentation') return;
    for (const ch of el.children) visit(ch);
  };
  visit(root);
}

function report(c: Collector, el: XmlElement, a: XmlAttribute, allowed: string[]): void {
  const near = closest(a.name, allowed.filter((n) => !el.attributes.some((x) => x.name === n)));
  const gone = attrRemovalSpan(el, a);
  c.add(UNKNOWN_ATTRIBUTE, a.nameSpan,
    `<${el.name}> has no attribute ${q(a.name)} in WSDL 1.1 (it allows ${listNames(allowed)})${near ? `; did you mean ${q(near)}?` : '.'} Tools ignore it or reject the document. An extension attribute must be namespace-qualified (e.g. ext:${a.name} with xmlns:ext="...").`,
    near
      ? fixes({ title: `Rename to '${near}'`, edits: [{ start: a.nameSpan.start, end: a.nameSpan.end, newText: near }], preferred: true })
      : fixes({ title: `Remove the attribute '${a.name}'`, edits: [{ start: gone.start, end: gone.end, newText: '' }] }));
}

/** A simpleType's restriction base / list itemType must be simple: not xsd:anyType, not a complexType. */
function checkDerivations(c: Collector): void {
  const m = c.model;
  for (const ref of m.doc.refs) {
    if (!ref.inSchema || ref.el.parent?.localName !== 'simpleType' || ref.el.parent.ns !== NS.XSD) continue;
    if (!((ref.attr === 'base' && ref.el.localName === 'restriction') || (ref.attr === 'itemType' && ref.el.localName === 'list'))) continue;
    let what: string | undefined;
    if (ref.ns === NS.XSD && ref.local === 'anyType') what = 'xsd:anyType, the ur-type of complex types';
    else {
      const r = m.resolve(ref);
      if (r.status === 'found' && (r.target as SchemaComponent).typeKind === 'complexType') what = `the complexType ${q(r.target.name)}`;
    }
    if (!what) continue;
    c.add(SCHEMA_INVALID_DERIVATION, ref.span,
      `This simpleType ${ref.attr === 'base' ? 'restricts' : 'lists'} ${what}; a simple type can only be derived from a simple type (xsd:anySimpleType, a built-in such as xsd:string, or another simpleType). Schema processors reject the schema. Use xsd:anySimpleType or xsd:string, or make this a complexType.`);
  }
  void descendants;
}
