/**
 * WS-I Basic Profile rules on the description as a whole: wsdl:import (R2001, R2002, R2007, R2803), the
 * order of top-level elements (R2022, R2023), required extensions (R2026) and the embedded schemas (R2105,
 * R2110, R2111, R2112). WSDL 1.1 only: Basic Profile does not cover WSDL 2.0.
 */
import { attrNS } from '../../syntax/xmlParser';
import type { XmlAttribute, XmlElement } from '../../syntax/xmlTree';
import { NS } from '../model';
import type { Schema } from '../model';
import {
  R2001, R2002, R2003, R2004, R2005, R2007, R2022, R2023, R2026, R2102, R2105, R2110, R2111, R2112, R2305, R2803, R4005,
  SCHEMA_IMPORT_NAMESPACE, UNKNOWN_PART,
} from './catalog';
import { tokenSpan } from './references';
import { Collector, attr, attrRemovalSpan, fixes, isAbsoluteUri, listNames, q } from './util';

export function checkDescription(c: Collector): void {
  const d = c.model.doc;
  checkSchemaImports(c);
  if (d.version !== '1.1') return;
  checkImports(c);
  checkSchemaImportsDeclared(c);
  checkParameterOrder(c);
  checkOrder(c);
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
    if (target && target.version !== 'xsd' && imp.namespace && imp.namespace.value !== target.targetNamespace) {
      c.add(R2005, imp.namespace.span,
        `wsdl:import namespace=${q(imp.namespace.value)} but ${q(loc)} has targetNamespace ${q(target.targetNamespace)}; Basic Profile 1.1 R2005 requires them to be equal, and references through the import prefix will not resolve in other tools. Use namespace="${target.targetNamespace}".`,
        fixes({ title: `Use namespace="${target.targetNamespace}"`, edits: [{ start: imp.namespace.span.start, end: imp.namespace.span.end, newText: target.targetNamespace }], preferred: true }));
    }
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

/** R2026, per element (called from the single tree walk in hygiene.ts). */
export function checkRequiredAttr(c: Collector, el: XmlElement): void {
  if (el.ns === NS.WSDL11 || el.ns === NS.XSD) return;
  const a = attrNS(el, NS.WSDL11, 'required');
  if (a && a.value.trim() === 'true') {
    c.add(R2026, a.nameSpan,
      `<${el.name}> is marked wsdl:required="true": a consumer that does not understand ${q(el.ns ?? el.name)} must reject the whole description (Basic Profile 1.1 R2026 says SHOULD NOT). Drop the attribute unless the extension is truly mandatory.`);
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
  }
  for (const ref of d.refs) {
    if (ref.attr === 'base' && ref.ns === NS.SOAPENC && ref.local === 'Array') {
      c.add(R2110, ref.span,
        `This type derives from soapenc:Array, a SOAP-encoding construct; Basic Profile 1.1 R2110 forbids it in literal descriptions. Declare the array as a complexType with a sequence of one element with maxOccurs="unbounded".`);
    }
  }
}

/** xsd:import / xsd:include must reach a schema of the right namespace (XML Schema §4.2) — R2004 and wsdl-schema-import-namespace. */
function checkSchemaImports(c: Collector): void {
  const d = c.model.doc;
  for (const imp of d.imports) {
    if (imp.kind === 'wsdl:import' || imp.kind === 'wsdl:include' || !imp.location) continue;
    const loc = imp.location.value;
    if (imp.status === 'not-xml' || (imp.status === 'ok' && c.model.documents.find((x) => x.uri === imp.resolvedUri)?.version !== 'xsd')) {
      if (d.version === '1.1') {
        c.add(R2004, imp.location.span,
          `${imp.kind} schemaLocation ${q(loc)} is not an XML Schema document (its root is not xsd:schema); Basic Profile 1.1 R2004 and XML Schema require a schema there, and schema processors fail on it. Point it at the .xsd, or move the schema into a file of its own.`);
      }
      continue;
    }
    if (imp.status !== 'ok') continue;
    const target = c.model.documents.find((x) => x.uri === imp.resolvedUri);
    if (!target) continue;
    const tns = target.targetNamespace;
    if (imp.kind === 'xsd:import') {
      const ns = imp.namespace?.value ?? '';
      if (ns !== tns) {
        c.add(SCHEMA_IMPORT_NAMESPACE, imp.namespace?.span ?? imp.el.nameSpan,
          `xsd:import ${imp.namespace ? `namespace=${q(ns)}` : 'without a namespace'} loads ${q(loc)}, whose targetNamespace is ${tns ? q(tns) : 'absent'}; the two must be equal (XML Schema src-import), so references into it do not resolve in schema processors. ${tns ? `Use namespace="${tns}".` : 'Remove the namespace attribute, or give the schema a targetNamespace.'}`,
          tns && imp.namespace ? fixes({ title: `Use namespace="${tns}"`, edits: [{ start: imp.namespace.span.start, end: imp.namespace.span.end, newText: tns }], preferred: true }) : {});
      }
    } else {
      const owner = ownerSchema(d.schemas, imp.el);
      if (owner && tns !== '' && tns !== owner.targetNamespace) {
        c.add(SCHEMA_IMPORT_NAMESPACE, imp.location.span,
          `${imp.kind} pulls in ${q(loc)} of namespace ${q(tns)} into a schema of namespace ${q(owner.targetNamespace || '(none)')}; an included schema must have the same targetNamespace or none (XML Schema src-include). Use xsd:import for another namespace.`);
      }
    }
  }
}

function ownerSchema(schemas: Schema[], el: XmlElement): Schema | undefined {
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    if (e.localName === 'schema' && e.ns === NS.XSD) return schemas.find((s) => s.el === e);
  }
  return undefined;
}

/** R2102: a schema must xsd:import every other namespace it refers to (an embedded schema too: being in the same WSDL is not enough). */
function checkSchemaImportsDeclared(c: Collector): void {
  const m = c.model;
  const d = m.doc;
  const reported = new Set<string>();
  for (const ref of d.refs) {
    if (!ref.inSchema || ref.ns === undefined || ref.ns === NS.XSD || ref.ns === NS.XML) continue;
    const owner = ownerSchema(d.schemas, ref.el);
    if (!owner || ref.ns === owner.targetNamespace) continue;
    if (owner.imports.some((i) => i.kind === 'xsd:import' && (i.namespace?.value ?? '') === ref.ns)) continue;
    const r = c.resolve(ref);
    if (r.status !== 'found' && r.status !== 'builtin') continue;
    const key = `${owner.span.start} ${ref.ns}`;
    if (reported.has(key)) continue; // once per schema and namespace: the fix is one xsd:import
    reported.add(key);
    c.add(R2102, ref.span,
      `${q(ref.raw)} belongs to namespace ${q(ref.ns)}, which this schema does not xsd:import; XML Schema (and Basic Profile 1.1 R2102) require an <xsd:import namespace="${ref.ns}"/> even when that schema is embedded in the same WSDL, and Xerces-based tools reject the reference without it.`,
      owner.el.children.length ? fixes({
        title: `Add <xsd:import namespace="${ref.ns}"/> to this schema`,
        edits: [{ start: owner.el.children[0].span.start, end: owner.el.children[0].span.start, newText: `<${owner.el.prefix ? owner.el.prefix + ':' : ''}import namespace="${ref.ns.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`, block: { indentLike: owner.el.children[0].span.start } }],
        preferred: true,
      }) : {});
  }
}

/** R2305 (and WSDL 1.1 §2.4.6): parameterOrder names parts of the messages, and omits at most one output part. */
function checkParameterOrder(c: Collector): void {
  const m = c.model;
  for (const pt of m.doc.portTypes) {
    for (const op of pt.operations) {
      const po = op.parameterOrder;
      if (!po) continue;
      const inMsg = c.message(op.input?.message);
      const outMsg = c.message(op.output?.message);
      if ((op.input?.message && !inMsg) || (op.output?.message && !outMsg)) continue;
      const known = new Set([...(inMsg?.parts ?? []), ...(outMsg?.parts ?? [])].map((p) => p.name));
      for (const name of po.value) {
        if (!known.has(name)) {
          c.add(UNKNOWN_PART, tokenSpan({ value: attrValue(op.el), span: po.span }, name),
            `parameterOrder of operation ${q(op.name)} names ${q(name)}, which is a part of neither its input nor its output message (parts: ${listNames([...known])}).`);
        }
      }
      const omitted = (outMsg?.parts ?? []).filter((p) => !po.value.includes(p.name)).map((p) => p.name);
      if (omitted.length > 1) {
        c.add(R2305, po.span,
          `parameterOrder of operation ${q(op.name)} leaves out ${omitted.length} output parts (${listNames(omitted)}); only one (the return value) may be omitted (Basic Profile 1.1 R2305), otherwise generators disagree on the method signature. List all but the return part.`);
      }
    }
  }
}

function attrValue(el: XmlElement): string { return el.attributes.find((a) => a.name === 'parameterOrder')?.value ?? ''; }

/** R2111 (inside schemas) and R4005, per element (called from the single tree walk in hygiene.ts). */
export function checkArrayTypeAttr(c: Collector, el: XmlElement): void {
  const a = attrNS(el, NS.WSDL11, 'arrayType');
  if (a) {
    c.add(R2111, a.nameSpan,
      `wsdl:arrayType describes a SOAP-encoded array; Basic Profile 1.1 R2111 forbids it, since literal messages are described by the schema alone. Declare the array as a sequence: <xsd:element name="item" type="..." maxOccurs="unbounded"/>.`);
  }
}

export function checkXmlPrefixAttr(c: Collector, el: XmlElement, a: XmlAttribute, index: number): void {
  const gone = attrRemovalSpan(el, a, index);
  c.add(R4005, a.nameSpan,
    `xmlns:xml declares the xml prefix, which XML Namespaces binds by definition; Basic Profile 1.1 R4005 says not to, because some parsers reject any declaration of it. Remove the declaration.`,
    fixes({ title: 'Remove the xmlns:xml declaration', edits: [{ start: gone.start, end: gone.end, newText: '' }], preferred: true }));
}

/**
 * R2003: an xsd:import belongs inside an xsd:schema of wsdl:types. One placed directly in wsdl:types, at
 * the top level of the definitions, or in a schema elsewhere is ignored by most toolkits (the names it
 * should bring in then do not resolve) and rejected by the others. Called from the hygiene walk.
 */
export function checkSchemaImportPlacement(c: Collector, el: XmlElement): void {
  const parent = el.parent;
  const inSchema = parent?.localName === 'schema' && parent.ns === el.ns;
  const inTypes = inSchema && parent.parent?.localName === 'types' && parent.parent.ns === NS.WSDL11;
  if (inTypes) return;
  const where = !parent ? 'as the document root'
    : inSchema ? 'in an xsd:schema that is not inside wsdl:types'
      : parent.ns === NS.WSDL11 ? `directly inside <${parent.name}>` : `inside <${parent.name}>`;
  const p = el.name.includes(':') ? el.name.slice(0, el.name.indexOf(':') + 1) : '';
  c.add(R2003, el.nameSpan,
    `<${el.name}> stands ${where}; Basic Profile 1.1 R2003 allows xsd:import only as a child of an xsd:schema in wsdl:types. Toolkits ignore it there (or reject the document), so the names of ${q(attr(el, 'namespace')?.value ?? 'its namespace')} stay unknown. Move it into the <${p}schema> whose declarations refer to that namespace.`);
}
