/**
 * Checks the WSDL and XML Schema grammars make but the model does not encode: unqualified attributes that
 * WSDL 1.1 does not define (typos such as mesage=, or extension attributes without a namespace), and simple
 * types derived from complex ones.
 */
import type { XmlAttribute, XmlElement } from '../../syntax/xmlTree';
import { NS, type SchemaComponent } from '../model';
import { SCHEMA_INVALID_DERIVATION, UNKNOWN_ATTRIBUTE } from './catalog';
import { closest } from './references';
import { Collector, attrRemovalSpan, fixes, listNames, q } from './util';
import { checkArrayTypeAttr, checkRequiredAttr, checkSchemaImportPlacement, checkXmlPrefixAttr } from './description';
import { XSD_NAMESPACES } from '../build';
import { checkOldSchemaNamespaceAttr } from './structure';

/** Unqualified attributes of each WSDL 2.0 element (WSDL 2.0 Part 1 XML representation; binding and interface share operation/fault). */
const WSDL20_ATTRS: Record<string, string[]> = {
  description: ['targetNamespace'], import: ['namespace', 'location'], include: ['location'], types: [],
  interface: ['name', 'extends', 'styleDefault'], operation: ['name', 'pattern', 'style', 'ref'],
  input: ['messageLabel', 'element'], output: ['messageLabel', 'element'], infault: ['ref', 'messageLabel'], outfault: ['ref', 'messageLabel'],
  fault: ['name', 'element', 'ref'], binding: ['name', 'interface', 'type'], service: ['name', 'interface'], endpoint: ['name', 'binding', 'address'],
};

/** Unqualified attributes of each WSDL 1.1 element (WSDL 1.1 Appendix A 4); documentation is free-form. */
const WSDL11_ATTRS: Record<string, string[]> = {
  definitions: ['name', 'targetNamespace'], import: ['namespace', 'location'], types: [],
  message: ['name'], part: ['name', 'element', 'type'], portType: ['name'], operation: ['name', 'parameterOrder'],
  input: ['name', 'message'], output: ['name', 'message'], fault: ['name', 'message'],
  binding: ['name', 'type'], service: ['name'], port: ['name', 'binding'],
};

export function checkHygiene(c: Collector): void {
  scanTree(c);
  checkDerivations(c);
}

/**
 * One walk over every element for the attribute-level checks (draft XSD namespace, R2026, R2111, R4005,
 * unknown WSDL attributes): large descriptions have 100k+ elements, so each check must not walk on its own.
 */
function scanTree(c: Collector): void {
  const root = c.model.doc.root;
  if (!root) return;
  const wsdl11 = c.model.doc.version === '1.1';
  // Parallel stacks instead of an object per element: this loop runs over every element of the document.
  const els: XmlElement[] = [root];
  const flags: number[] = [0]; // 1 = inside xsd:schema, 2 = inside wsdl:documentation
  while (els.length) {
    const el = els.pop()!;
    const f = flags.pop()!;
    const attrs = el.attributes;
    let extensionAttrs = false;
    for (let i = 0; i < attrs.length; i++) {
      const n = attrs[i].name;
      if (n.charCodeAt(0) === 120 /* x */ && (n === 'xmlns' || n.startsWith('xmlns:'))) {
        checkOldSchemaNamespaceAttr(c, attrs[i]);
        if (wsdl11 && n === 'xmlns:xml') checkXmlPrefixAttr(c, el, attrs[i], i);
      } else if (n.endsWith(':required') || n.endsWith(':arrayType')) extensionAttrs = true;
    }
    if (wsdl11) {
      if (extensionAttrs) {
        if (f & 1) checkArrayTypeAttr(c, el);
        else checkRequiredAttr(c, el);
      }
      if (!(f & 2) && el.ns === NS.WSDL11) checkUnknownAttrs(c, el, WSDL11_ATTRS, '1.1');
      else if (!(f & 2) && el.localName === 'import' && XSD_NAMESPACES.has(el.ns ?? '')) checkSchemaImportPlacement(c, el);
    } else if (!(f & 2) && el.ns === NS.WSDL20) checkUnknownAttrs(c, el, WSDL20_ATTRS, '2.0');
    let g = f;
    if (el.localName === 'schema' && el.ns === NS.XSD) g |= 1;
    else if (el.localName === 'documentation' && (el.ns === NS.WSDL11 || el.ns === NS.WSDL20)) g |= 2;
    for (let i = el.children.length - 1; i >= 0; i--) { els.push(el.children[i]); flags.push(g); }
  }
}

function checkUnknownAttrs(c: Collector, el: XmlElement, table: Record<string, string[]>, version: string): void {
  {
    // Own properties only: element names such as 'constructor' must not reach Object.prototype.
    const allowed = Object.prototype.hasOwnProperty.call(table, el.localName) ? table[el.localName] : undefined;
    if (allowed) {
      let reported = 0;
      el.attributes.forEach((a, i) => {
        if (reported >= 20 || a.name.includes(':') || a.name === 'xmlns' || allowed.includes(a.name)) return;
        reported++; // a handful per element says it all; hostile documents carry thousands
        report(c, el, a, i, allowed, version);
      });
    }
  }
}

function report(c: Collector, el: XmlElement, a: XmlAttribute, index: number, allowed: string[], version: string): void {
  const near = el.attributes.length > 50 ? undefined : closest(a.name, allowed.filter((n) => !el.attributes.some((x) => x.name === n)));
  const gone = attrRemovalSpan(el, a, index);
  c.add(UNKNOWN_ATTRIBUTE, a.nameSpan,
    `<${el.name}> has no attribute ${q(a.name)} in WSDL ${version} (it allows ${listNames(allowed)})${near ? `; did you mean ${q(near)}?` : '.'} Tools ignore it or reject the document. An extension attribute must be namespace-qualified (e.g. ext:${a.name} with xmlns:ext="...").`,
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
      const r = c.resolve(ref);
      if (r.status === 'found' && (r.target as SchemaComponent).typeKind === 'complexType') what = `the complexType ${q(r.target.name)}`;
    }
    if (!what) continue;
    c.add(SCHEMA_INVALID_DERIVATION, ref.span,
      `This simpleType ${ref.attr === 'base' ? 'restricts' : 'lists'} ${what}; a simple type can only be derived from a simple type (xsd:anySimpleType, a built-in such as xsd:string, or another simpleType). Schema processors reject the schema. Use xsd:anySimpleType or xsd:string, or make this a complexType.`);
  }
}
