/**
 * Completion of QName attribute values (message=, element=, type=, base=, binding=, interface=, ref=,
 * extends=, ...): the components of the kind that attribute names, from this document and everything its
 * imports reach (wsdl/buildModel.ts), each written with a prefix DECLARED in scope for its namespace (a
 * namespace without a prefix in scope is not offered: inventing a declaration is an edit of its own), plus
 * the XML Schema built-in types where a type is expected. The attribute is found in the text before the
 * cursor, so a value still being typed (and a tree the parser had to repair) still completes.
 */
import type { CompletionResult } from '../core/types';
import { lookupNamespace, elementAt } from '../syntax/xmlParser';
import type { XmlElement } from '../syntax/xmlTree';
import { XSD_NAMESPACES } from './build';
import type { Ctx } from './features';
import { NS, type Binding, type Component, type ComponentKind, type Interface } from './model';
import { XSD_BUILTINS, xsdBuiltinText } from './xsdBuiltins';

const MAX_ITEMS = 2000;

/** What an attribute of an element names, by the element's namespace family and local name. */
function kindOf(family: 'wsdl11' | 'wsdl20' | 'soap' | 'xsd', el: string, attr: string): ComponentKind | undefined {
  switch (family) {
    case 'wsdl11':
      if (el === 'part') return attr === 'element' ? 'element' : attr === 'type' ? 'type' : undefined;
      if ((el === 'input' || el === 'output' || el === 'fault') && attr === 'message') return 'message';
      if (el === 'binding' && attr === 'type') return 'portType';
      if (el === 'port' && attr === 'binding') return 'binding';
      return undefined;
    case 'soap':
      return (el === 'header' || el === 'headerfault') && attr === 'message' ? 'message' : undefined;
    case 'wsdl20':
      if (attr === 'interface' && (el === 'binding' || el === 'service')) return 'interface';
      if (el === 'interface' && attr === 'extends') return 'interface';
      if ((el === 'input' || el === 'output' || el === 'fault') && attr === 'element') return 'element';
      if (el === 'endpoint' && attr === 'binding') return 'binding';
      if (attr === 'ref') return el === 'operation' ? 'interfaceOperation' : el === 'fault' || el === 'infault' || el === 'outfault' ? 'interfaceFault' : undefined;
      return undefined;
    case 'xsd':
      if (attr === 'type' || attr === 'base' || attr === 'itemType' || attr === 'memberTypes') return 'type';
      if (attr === 'substitutionGroup') return 'element';
      if (attr === 'ref') return el === 'element' ? 'element' : el === 'attribute' ? 'attribute' : el === 'group' ? 'group' : el === 'attributeGroup' ? 'attributeGroup' : undefined;
      return undefined;
  }
}

function familyOf(ns: string | undefined): 'wsdl11' | 'wsdl20' | 'soap' | 'xsd' | undefined {
  if (ns === NS.WSDL11) return 'wsdl11';
  if (ns === NS.WSDL20) return 'wsdl20';
  if (ns === NS.SOAP11 || ns === NS.SOAP12) return 'soap';
  if (ns !== undefined && XSD_NAMESPACES.has(ns)) return 'xsd';
  return undefined;
}

/** The start tag being edited: `<p:name ... attr="typed` up to the cursor (one start tag, no '<' or '>' in between). */
const START_TAG = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(?:\s[^<>]*)?\s([A-Za-z_][\w.:-]*)\s*=\s*(["'])([^"'<>]*)$/;

/** Prefix -> namespace in scope at `el` (nearest declaration wins), in order of nearness. */
function prefixesInScope(el: XmlElement | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (let e = el; e; e = e.parent) for (const [p, ns] of e.nsDecls ?? []) if (!out.has(p)) out.set(p, ns);
  return out;
}

export function wsdlCompletion(ctx: Ctx, offset: number): CompletionResult[] {
  const a = ctx.doc;
  const m = a.model;
  const text = a.source.text;
  const tagStart = text.lastIndexOf('<', offset - 1);
  if (tagStart < 0 || offset - tagStart > 4000) return [];
  const match = START_TAG.exec(text.slice(tagStart, offset));
  if (!match) return [];
  const [, rawPrefix, local, attrName, quote, typedValue] = match;
  // The element whose start tag this is (or, in a tree the parser repaired, its would-be parent): prefixes in scope there.
  let el = elementAt(m.doc.root, offset);
  const own = el && el.span.start === tagStart ? el : undefined;
  if (el && !own && el.span.start >= tagStart) el = el.parent;
  const scope = own ?? el;
  const prefix = rawPrefix ? rawPrefix.slice(0, -1) : '';
  const elNs = own ? own.ns : lookupNamespace(scope, prefix);
  const family = familyOf(elNs);
  if (!family) return [];
  const kind = kindOf(family, local, attrName);
  if (!kind) return family === 'wsdl11' && local === 'operation' && attrName === 'name' ? bindingOperationNames(ctx, scope, own, text, offset, typedValue) : [];

  // The token under the cursor (list-valued attributes such as extends= and memberTypes= hold several).
  const tokenStart = offset - (/\S*$/.exec(typedValue)?.[0].length ?? 0);
  let tokenEnd = offset;
  while (tokenEnd < text.length && !/[\s"'<>]/.test(text[tokenEnd]) && text[tokenEnd] !== quote) tokenEnd++;
  const L = a.source.lines;
  const range = { start: L.positionAt(tokenStart), end: L.positionAt(tokenEnd) };

  const inScope = prefixesInScope(scope);
  const byNs = new Map<string, string>();
  for (const [p, ns] of inScope) {
    // A named prefix reads better than the default namespace; the first (nearest) one wins.
    const cur = byNs.get(ns);
    if (cur === undefined || (cur === '' && p !== '')) byNs.set(ns, p);
  }
  const defaultNs = inScope.get('') ?? '';
  const qname = (ns: string, name: string): string | undefined => {
    const p = byNs.get(ns);
    if (p !== undefined) return p ? `${p}:${name}` : name;
    return ns === '' && defaultNs === '' ? name : undefined;   // a no-namespace component needs no default namespace in scope
  };

  let out: CompletionResult[] = [];
  const seen = new Set<string>();
  const push = (label: string, detail: string, documentation?: string) => {
    if (seen.has(label)) return;
    seen.add(label);
    out.push({ label, insertText: label, kind: 'reference', detail, documentation, range });
  };
  const where = (c: Component) => c.uri === a.source.uri ? 'this document' : decodeURIComponent(c.uri.replace(/^.*\//, ''));
  for (const c of candidates(ctx, kind, scope)) {
    if (!c.name) continue;
    const label = qname(c.ns, c.name);
    if (label) push(label, `${KIND_WORDS[kind]} in ${where(c)}`, c.ns ? `{${c.ns}}${c.name}` : undefined);
  }
  if (family === 'wsdl20' && kind === 'element' && (local === 'input' || local === 'output' || local === 'fault')) {
    // WSDL 2.0 §2.3.2 / §2.5.2: element= may be a token instead of a QName.
    push('#any', 'any single element', 'The message content is any single XML element.');
    push('#none', 'no content', 'The message has no content (an empty body).');
    push('#other', 'non-XML content', 'The message content is described by something other than XML Schema (a type system extension).');
  }
  if (kind === 'type') {
    for (const b of XSD_BUILTINS.values()) {
      const label = qname(NS.XSD, b.name);
      if (label) push(label, 'XML Schema built-in type', `${xsdBuiltinText(b)} [${b.spec.title}](${b.spec.url})`);
    }
  }
  if (out.length > MAX_ITEMS) {
    // Too many to send: keep those containing what is typed (the editor filters the rest fuzzily anyway).
    const typed = text.slice(tokenStart, offset).replace(/^[^:]*:/, '').toLowerCase();
    if (typed) out = out.filter((x) => x.label.toLowerCase().includes(typed));
    out = out.slice(0, MAX_ITEMS);
  }
  return out;
}

const KIND_WORDS: Record<ComponentKind, string> = {
  message: 'message', portType: 'portType', binding: 'binding', service: 'service', interface: 'interface',
  interfaceFault: 'interface fault', interfaceOperation: 'interface operation', element: 'global element',
  type: 'type', attribute: 'global attribute', group: 'model group', attributeGroup: 'attribute group',
};

/**
 * Components of a kind. WSDL 2.0 operation and fault references are scoped by interface: a binding's
 * ref= offers its interface's (and inherited) operations / faults, an interface's infault/outfault its own.
 */
function candidates(ctx: Ctx, kind: ComponentKind, el: XmlElement | undefined): Component[] {
  const m = ctx.doc.model;
  if (kind !== 'interfaceOperation' && kind !== 'interfaceFault') return m.components(kind);
  let itf: Interface | undefined;
  for (let e = el; e && !itf; e = e.parent) {
    if (e.ns !== NS.WSDL20) continue;
    if (e.localName === 'interface') itf = (m.components('interface') as Interface[]).find((i) => i.el === e);
    else if (e.localName === 'binding') {
      const b = (m.components('binding') as Binding[]).find((x) => x.el === e);
      const r = b?.type ? m.resolve(b.type) : undefined;
      if (r?.status === 'found' && r.target.kind === 'interface') itf = r.target as Interface;
      else break;
    }
  }
  if (!itf) return m.components(kind);
  const out: Component[] = [];
  const seen = new Set<Interface>();
  const queue = [itf];
  while (queue.length) {
    const i = queue.shift()!;
    if (seen.has(i)) continue;
    seen.add(i);
    out.push(...(kind === 'interfaceOperation' ? i.operations : i.faults));
    for (const x of i.extends) {
      const r = m.resolve(x);
      if (r.status === 'found' && r.target.kind === 'interface') queue.push(r.target as Interface);
    }
  }
  return out;
}

/**
 * WSDL 1.1 binding operations name their portType operation by NCName (§2.5): inside a wsdl:binding,
 * name= offers the operations of the binding's portType that no other operation of the binding binds yet.
 */
function bindingOperationNames(ctx: Ctx, scope: XmlElement | undefined, own: XmlElement | undefined, text: string, offset: number, typed: string): CompletionResult[] {
  const m = ctx.doc.model;
  let bindingEl: XmlElement | undefined;
  for (let e = own ? own.parent : scope; e; e = e.parent) {
    if (e.ns === NS.WSDL11 && (e.localName === 'binding' || e.localName === 'portType')) { bindingEl = e.localName === 'binding' ? e : undefined; break; }
  }
  const b = bindingEl && m.doc.bindings.find((x) => x.el === bindingEl);
  if (!b?.type) return [];
  const r = m.resolve(b.type);
  if (r.status !== 'found' || r.target.kind !== 'portType') return [];
  const bound = new Set(b.operations.filter((o) => o.el !== own).map((o) => o.name));
  const start = offset - typed.length;
  let end = offset;
  while (end < text.length && !/[\s"'<>]/.test(text[end])) end++;
  const L = ctx.doc.source.lines;
  const range = { start: L.positionAt(start), end: L.positionAt(end) };
  const out: CompletionResult[] = [];
  for (const o of (r.target as import('./model').PortType).operations) {
    if (!o.name || bound.has(o.name)) continue;
    out.push({ label: o.name, insertText: o.name, kind: 'reference', detail: `operation of portType ${r.target.name}${o.primitive ? ` (${o.primitive})` : ''}`, range });
  }
  return out;
}
