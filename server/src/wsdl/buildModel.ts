/**
 * One document + its imports -> WsdlModel: follows wsdl:import / wsdl:include / xsd:import / xsd:include /
 * xsd:redefine relative to the importing document, transitively and each document once (so cycles end),
 * through a loader that reads open editors first, then disk inside the workspace, never the network.
 * Builds the (kind, namespace, name) index that `resolve` uses, and the import findings of the document.
 */
import type { Finding } from '../core/types';
import { isRemote, resolveReference } from '../service/workspace';
import { XSD_NAMESPACES } from './build';
import { xsdBuiltin } from './xsdBuiltins';
import { defineRule } from '../rules/registry';
import {
  NS, type Binding, type Component, type ComponentKind, type ImportRef, type Interface, type Message, type Part, type PortType,
  type PortTypeOperation, type QNameRef, type Resolution, type WsdlDocument, type WsdlModel,
} from './model';

export const RULE_IMPORT_REMOTE = defineRule({
  code: 'wsdl-import-remote', title: 'An import or include names an http(s) location; API Lens never fetches from the network, so it is not followed.',
  defaultSeverity: 'information', appliesTo: ['wsdl11', 'wsdl20'],
  reference: { title: 'WSDL 1.1 §2.1.1 Document naming and linking', url: 'https://www.w3.org/TR/wsdl.html#_document-n' },
});
export const RULE_IMPORT_NOT_FOUND = defineRule({
  code: 'wsdl-import-not-found', title: 'An import or include names a local file that does not exist (or is outside the workspace).',
  defaultSeverity: 'warning', appliesTo: ['wsdl11', 'wsdl20'],
  reference: { title: 'XML Schema Part 1 §4.2 Assembling a schema from multiple documents', url: 'https://www.w3.org/TR/xmlschema-1/#compound-schema' },
});
export const RULE_IMPORT_CYCLE = defineRule({
  code: 'wsdl-import-cycle', title: 'An import or include leads back to this document (a cycle); it is followed once.',
  defaultSeverity: 'information', appliesTo: ['wsdl11', 'wsdl20'],
  reference: { title: 'XML Schema Part 1 §4.2.3 References to schema components across namespaces', url: 'https://www.w3.org/TR/xmlschema-1/#composition-schemaImport' },
});

/** Loads and builds one document (cached by the caller per version); undefined when it cannot be read. */
export type DocumentLoader = (uri: string) => WsdlDocument | 'not-xml' | undefined;

/** Namespaces whose components every processor knows without a schema document. */
const WELL_KNOWN = new Set<string>([...XSD_NAMESPACES, NS.SOAPENC, NS.SOAP12ENC, NS.XML, NS.XSI, NS.WSDL11, 'http://www.w3.org/2003/05/soap-envelope', 'http://schemas.xmlsoap.org/soap/envelope/']);

export interface BuiltModel { model: WsdlModel; findings: Finding[]; dependencies: string[] }

/** `readable(uri)`: may this file: URI be read at all (inside the workspace)? Distinguishes "outside" from "missing". */
export function buildModel(doc: WsdlDocument, load: DocumentLoader, readable: (uri: string) => boolean = () => true): BuiltModel {
  const findings: Finding[] = [];
  const documents: WsdlDocument[] = [doc];
  const byUri = new Map<string, WsdlDocument>([[doc.uri, doc]]);
  const edges = new Map<string, string[]>();
  const dependencies = new Set<string>();
  const failedNamespaces = new Set<string>();
  /** Chameleon includes: a no-namespace schema included into a namespace takes that namespace. */
  const aliasNs = new Map<WsdlDocument, Set<string>>();

  // Statuses are written only on this document's imports: the documents it imports are shared (cached)
  // with their own analyses, which judge their imports from their own point of view.
  const setStatus = (d: WsdlDocument, imp: ImportRef, st: ImportRef['status']) => { if (d === doc) imp.status = st; };
  for (const imp of doc.imports) { imp.resolvedUri = undefined; imp.outsideWorkspace = undefined; }
  for (let i = 0; i < documents.length; i++) {
    const d = documents[i];
    const out: string[] = [];
    edges.set(d.uri, out);
    for (const imp of d.imports) {
      const ownerNs = ownerNamespace(d, imp);
      if (!imp.location || !imp.location.value.trim()) {
        setStatus(d, imp, 'no-location');
        if (imp.namespace && imp.kind === 'xsd:import') failedNamespaces.add('?' + imp.namespace.value);
        continue;
      }
      let target: string;
      try { target = resolveReference(d.uri, imp.location.value.trim()); } catch { setStatus(d, imp, 'not-found'); continue; }
      imp.resolvedUri = target;
      if (isRemote(target)) {
        setStatus(d, imp, 'remote');
        failedNamespaces.add(imp.namespace?.value ?? ownerNs);
        continue;
      }
      dependencies.add(target);
      if (target === d.uri) { setStatus(d, imp, 'cycle'); out.push(target); continue; }
      let loaded = byUri.get(target);
      if (!loaded) {
        const r = load(target);
        if (r === undefined || r === 'not-xml') {
          setStatus(d, imp, r === undefined ? 'not-found' : 'not-xml');
          if (d === doc) imp.outsideWorkspace = r === undefined && target.startsWith('file:') && !readable(target);
          failedNamespaces.add(imp.namespace?.value ?? ownerNs);
          continue;
        }
        loaded = r;
        byUri.set(target, loaded);
        documents.push(loaded);
      }
      setStatus(d, imp, 'ok');
      out.push(target);
      if ((imp.kind === 'xsd:include' || imp.kind === 'xsd:redefine' || imp.kind === 'wsdl:include') && !loaded.targetNamespace && ownerNs) {
        let set = aliasNs.get(loaded);
        if (!set) aliasNs.set(loaded, (set = new Set()));
        set.add(ownerNs);
      }
    }
  }

  // Cycles: an import of this document from which this document is reachable again.
  for (const imp of doc.imports) {
    if (!imp.resolvedUri || (imp.status !== 'ok' && imp.status !== 'cycle')) continue;
    if (imp.resolvedUri === doc.uri || reaches(edges, imp.resolvedUri, doc.uri)) imp.status = 'cycle';
  }

  // Findings about this document's imports.
  for (const imp of doc.imports) {
    const where = imp.location?.span ?? imp.el.nameSpan;
    const loc = imp.location?.value ?? '';
    if (imp.status === 'remote') {
      findings.push({ code: RULE_IMPORT_REMOTE.code, span: where, severity: 'information',
        message: `Not followed: API Lens never reads from the network, so names from ${loc} cannot be checked or previewed. Save a local copy and point ${imp.kind.startsWith('xsd') ? 'schemaLocation' : 'location'} at it to have them resolved.` });
    } else if (imp.status === 'not-found' || imp.status === 'not-xml') {
      const file = imp.resolvedUri ? decodeURIComponent(imp.resolvedUri.replace(/^file:\/\//, '')) : loc;
      if (imp.outsideWorkspace) {
        findings.push({ code: RULE_IMPORT_NOT_FOUND.code, span: where, severity: 'information',
          message: `${imp.kind} of '${loc}': ${file} is outside the workspace folders, and API Lens reads only files inside them, so the names it defines are not checked. Open a folder that contains both documents to have them resolved.` });
        continue;
      }
      findings.push({ code: RULE_IMPORT_NOT_FOUND.code, span: where,
        message: imp.status === 'not-found'
          ? `${imp.kind} of '${loc}': no such file ${imp.resolvedUri ? `(${decodeURIComponent(imp.resolvedUri.replace(/^file:\/\//, ''))})` : ''} in the workspace, so the names it defines cannot be resolved.`
          : `${imp.kind} of '${loc}': the file is not a WSDL or XML Schema document that API Lens can read.` });
    } else if (imp.status === 'cycle') {
      findings.push({ code: RULE_IMPORT_CYCLE.code, span: where, severity: 'information',
        message: imp.resolvedUri === doc.uri
          ? `This ${imp.kind} names this same document; it adds nothing and is ignored.`
          : `${imp.kind} of '${loc}' leads back to this document (a cycle of imports); each document is read once, so this is harmless for API Lens, but some toolkits loop or fail on it.` });
    }
  }

  // Namespaces of imports that failed; a namespace-only xsd:import is a failure only if no loaded schema defines it.
  const definedNs = new Set<string>();
  for (const d of documents) { definedNs.add(d.targetNamespace); for (const s of d.schemas) definedNs.add(s.targetNamespace); }
  const unavailableNamespaces = new Set<string>();
  for (const n of failedNamespaces) {
    if (n.startsWith('?')) { if (!definedNs.has(n.slice(1))) unavailableNamespaces.add(n.slice(1)); }
    else unavailableNamespaces.add(n);
  }

  return { model: new Model(doc, documents, unavailableNamespaces, aliasNs), findings, dependencies: [...dependencies] };
}

function ownerNamespace(d: WsdlDocument, imp: ImportRef): string {
  for (const s of d.schemas) if (s.imports.includes(imp)) return s.targetNamespace;
  return d.targetNamespace;
}

function reaches(edges: Map<string, string[]>, from: string, to: string): boolean {
  const seen = new Set<string>([from]);
  const queue = [from];
  while (queue.length) {
    const u = queue.pop()!;
    for (const v of edges.get(u) ?? []) {
      if (v === to) return true;
      if (!seen.has(v)) { seen.add(v); queue.push(v); }
    }
  }
  return false;
}

const key = (kind: ComponentKind, ns: string, local: string) => `${kind}\u0000${ns}\u0000${local}`;

class Model implements WsdlModel {
  private readonly index = new Map<string, Component>();
  private readonly byKind = new Map<ComponentKind, Component[]>();
  private refsByTarget?: Map<Component, QNameRef[]>;

  constructor(
    readonly doc: WsdlDocument,
    readonly documents: WsdlDocument[],
    readonly unavailableNamespaces: Set<string>,
    aliasNs: Map<WsdlDocument, Set<string>>,
  ) {
    for (const d of documents) {
      const aliases = aliasNs.get(d);
      for (const c of d.components) {
        const k = key(c.kind, c.ns, c.name);
        if (!this.index.has(k)) this.index.set(k, c);
        if (aliases) for (const a of aliases) { const ka = key(c.kind, a, c.name); if (!this.index.has(ka)) this.index.set(ka, c); }
        let list = this.byKind.get(c.kind);
        if (!list) this.byKind.set(c.kind, (list = []));
        list.push(c);
      }
    }
  }

  lookup(kind: ComponentKind, ns: string, local: string): Component | undefined {
    return this.index.get(key(kind, ns, local));
  }

  components(kind: ComponentKind): Component[] { return this.byKind.get(kind) ?? []; }

  resolve(ref: QNameRef): Resolution {
    if (ref.ns === undefined) return { status: 'unresolved', reason: 'undeclared-prefix' };
    const found = (ref.kind === 'interfaceOperation' || ref.kind === 'interfaceFault' ? this.interfaceMember(ref) : undefined)
      ?? this.lookup(ref.kind, ref.ns, ref.local);
    if (found) return { status: 'found', target: found };
    // In the XML Schema namespace only the datatypes of XML Schema Part 2 §3 are types ("xsd:strng" is not).
    if (ref.ns === NS.XSD && ref.kind === 'type') return xsdBuiltin(ref.local) ? { status: 'builtin', ns: ref.ns } : { status: 'unresolved', reason: 'not-found' };
    if (WELL_KNOWN.has(ref.ns)) return { status: 'builtin', ns: ref.ns };
    if (this.unavailableNamespaces.has(ref.ns)) return { status: 'unavailable', reason: `its namespace ${ref.ns} comes from an import that was not followed` };
    return { status: 'unresolved', reason: 'not-found' };
  }

  /**
   * WSDL 2.0 operation and fault names are QNames scoped by their interface (two interfaces may both have
   * {tns}get): a binding's ref= is looked up in the binding's interface and the interfaces it extends,
   * an infault/outfault ref= in the enclosing interface and its ancestors.
   */
  private interfaceMember(ref: QNameRef): Component | undefined {
    let itf: Interface | undefined;
    for (let e = ref.el.parent; e; e = e.parent) {
      if (e.ns !== NS.WSDL20) continue;
      if (e.localName === 'interface') { itf = this.interfaces().find((i) => i.el === e); break; }
      if (e.localName === 'binding') {
        const b = this.components('binding').find((x) => x.el === e) as Binding | undefined;
        const t = b?.type && b.type.ns !== undefined ? this.lookup('interface', b.type.ns, b.type.local) : undefined;
        itf = t as Interface | undefined;
        break;
      }
    }
    const seen = new Set<Interface>();
    const queue = itf ? [itf] : [];
    while (queue.length) {
      const i = queue.shift()!;
      if (seen.has(i)) continue;
      seen.add(i);
      const members: Component[] = ref.kind === 'interfaceOperation' ? i.operations : i.faults;
      const hit = members.find((m) => m.name === ref.local && m.ns === ref.ns);
      if (hit) return hit;
      for (const x of i.extends) {
        const parent = x.ns !== undefined ? this.lookup('interface', x.ns, x.local) as Interface | undefined : undefined;
        if (parent) queue.push(parent);
      }
    }
    return undefined;
  }
  private interfaces(): Interface[] { return this.components('interface') as Interface[]; }

  portTypeOperation(binding: Binding, operationName: string): PortTypeOperation | undefined {
    if (!binding.type) return undefined;
    const r = this.resolve(binding.type);
    if (r.status !== 'found' || r.target.kind !== 'portType') return undefined;
    return (r.target as PortType).operations.find((o) => o.name === operationName);
  }

  part(messageRef: QNameRef, partName: string): Part | undefined {
    const r = this.resolve(messageRef);
    if (r.status !== 'found' || r.target.kind !== 'message') return undefined;
    return (r.target as Message).parts.find((p) => p.name === partName);
  }

  referencesTo(target: Component): QNameRef[] {
    if (!this.refsByTarget) {
      this.refsByTarget = new Map();
      for (const ref of this.doc.refs) {
        const r = this.resolve(ref);
        if (r.status !== 'found') continue;
        let list = this.refsByTarget.get(r.target);
        if (!list) this.refsByTarget.set(r.target, (list = []));
        list.push(ref);
      }
    }
    return this.refsByTarget.get(target) ?? [];
  }
}
