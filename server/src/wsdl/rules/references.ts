/**
 * QName references that resolve to nothing (wsdl-unresolved-reference, wsdl-unresolved-schema-reference),
 * part/@element naming a type (R2206), and part names that a binding uses but the message lacks
 * (wsdl-unknown-part). References into namespaces whose import was not followed are never reported: the
 * import diagnostics already say why those documents are missing.
 */
import type { XmlElement } from '../../syntax/xmlTree';
import { NS, type ComponentKind, type QNameRef, type WsdlModel } from '../model';
import { R2206, UNKNOWN_PART, UNRESOLVED_REFERENCE, UNRESOLVED_SCHEMA_REFERENCE } from './catalog';
import { Collector, fixes, listNames, q } from './util';
import { XSD_BUILTINS } from '../xsdBuiltins';

const SCHEMA_KINDS = new Set<ComponentKind>(['element', 'type', 'attribute', 'group', 'attributeGroup']);

const KIND_WORD: Record<ComponentKind, string> = {
  message: 'message', portType: 'portType', binding: 'binding', service: 'service', interface: 'interface',
  interfaceFault: 'interface fault', interfaceOperation: 'interface operation', element: 'global element',
  type: 'type (complexType or simpleType)', attribute: 'global attribute', group: 'model group', attributeGroup: 'attribute group',
};

export function checkReferences(c: Collector): void {
  const m = c.model;
  for (const ref of m.doc.refs) {
    const r = c.resolve(ref);
    if (r.status === 'unresolved' && ref.ns === NS.XSD && ref.kind === 'type') {
      // Not one of the built-in datatypes (wsdl/xsdBuiltins.ts): most often a misspelt one.
      if (!c.wants(UNRESOLVED_SCHEMA_REFERENCE)) continue;
      const near = closest(ref.local, [...XSD_BUILTINS.keys()]);
      const fixed = near && (ref.prefix ? `${ref.prefix}:${near}` : near);
      c.add(UNRESOLVED_SCHEMA_REFERENCE, ref.span,
        `${q(ref.raw)} is not an XML Schema built-in type (${ref.attr}=${q(ref.raw)}).${fixed ? ` Did you mean ${q(fixed)}?` : ' Built-in types include xsd:string, xsd:int, xsd:dateTime and xsd:base64Binary.'}`,
        fixed ? fixes({ title: `Change to '${fixed}'`, edits: [{ start: ref.span.start, end: ref.span.end, newText: fixed }], preferred: true }) : {});
      continue;
    }
    if (r.status !== 'unresolved') continue;
    if (ref.kind === 'element' && ref.attr === 'element' && !ref.inSchema && r.reason === 'not-found' && ref.ns !== undefined) {
      const asType = m.lookup('type', ref.ns, ref.local);
      if (asType) {
        c.add(R2206, ref.span,
          `element=${q(ref.raw)} names a ${asType.el.localName}, not a global element declaration. Declare <xsd:element name="${ref.local}" type="${ref.raw}"/> in the schema and keep element=, or refer to the type with type= instead.`,
          { related: [c.related(asType.uri, asType.nameSpan, `the ${asType.el.localName} ${ref.local}`)] });
        continue;
      }
    }
    const rule = SCHEMA_KINDS.has(ref.kind) ? UNRESOLVED_SCHEMA_REFERENCE : UNRESOLVED_REFERENCE;
    if (!c.wants(rule)) continue;
    const { message, replacement } = unresolvedMessage(m, ref, r.reason);
    c.add(rule, ref.span, message, replacement
      ? fixes({ title: `Change to '${replacement}'`, edits: [{ start: ref.span.start, end: ref.span.end, newText: replacement }], preferred: true })
      : {});
  }
  checkBoundPartNames(c);
}

function unresolvedMessage(m: WsdlModel, ref: QNameRef, reason: 'undeclared-prefix' | 'not-found'): { message: string; replacement?: string } {
  const what = KIND_WORD[ref.kind];
  if (reason === 'undeclared-prefix' || ref.ns === undefined) {
    return { message: `${ref.attr}=${q(ref.raw)}: the prefix ${q(ref.prefix)} is not declared, so the ${what} it names cannot be found. Declare xmlns:${ref.prefix}="<namespace URI>" on this element or an ancestor (usually the root).` };
  }
  const nsLabel = ref.ns === '' ? 'no namespace' : `namespace ${q(ref.ns)}`;
  const all = m.components(ref.kind);
  const sameNs = all.filter((x) => x.ns === ref.ns).map((x) => x.name);
  const elsewhere = all.filter((x) => x.name === ref.local && x.ns !== ref.ns);
  let msg = `No ${what} named ${q(ref.local)} in ${nsLabel} (${ref.attr}=${q(ref.raw)}).`;
  let replacement: string | undefined;
  const near = closest(ref.local, sameNs);
  if (near) replacement = ref.prefix ? `${ref.prefix}:${near}` : near;
  if (near) msg += ` Did you mean ${q(near)}?${near.toLowerCase() === ref.local.toLowerCase() ? ' Names are case-sensitive.' : ''}`;
  if (elsewhere.length) {
    const ns = elsewhere[0].ns;
    const p = prefixFor(ref.el, ns);
    if (!near && p !== undefined && new Set(elsewhere.map((x) => x.ns)).size === 1) replacement = p ? `${p}:${ref.local}` : ref.local;
    msg += ` A ${what} ${q(ref.local)} exists in namespace ${q(ns)}: ${p !== undefined
      ? `write ${q(p ? `${p}:${ref.local}` : ref.local)} (${p ? `prefix ${q(p)}` : 'the default namespace'} is bound to it here)`
      : ref.prefix ? `bind the prefix ${q(ref.prefix)} to that namespace` : `an unprefixed name takes the default namespace, so write it with a prefix bound to ${q(ns)}`}.`;
  } else if (sameNs.length) {
    msg += ` Defined there: ${listNames(sameNs)}.`;
  } else {
    const namespaces = [...new Set(all.map((x) => x.ns))];
    msg += namespaces.length
      ? ` Nothing of that kind is defined in this namespace; ${what}s are defined in ${listNames(namespaces, 3)}. Check the prefix declaration, or import the document that defines it.`
      : ` No ${what} is defined in this document or its imports; define it, or import the document that does.`;
  }
  return { message: msg, replacement };
}

/** A prefix in scope at `el` bound to `ns` ('' for the default namespace), if any. */
function prefixFor(el: XmlElement, ns: string): string | undefined {
  const shadowed = new Set<string>();
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    for (const [p, u] of e.nsDecls ?? []) {
      if (shadowed.has(p)) continue;
      shadowed.add(p);
      if (u === ns) return p;
    }
  }
  return undefined;
}

/** soap:body parts=, soap:header part= and mime:content part= must name parts of the bound message. */
function checkBoundPartNames(c: Collector): void {
  const m = c.model;
  for (const b of m.doc.bindings) {
    for (const op of b.operations) {
      const ptOp = c.ptOp(b, op.name);
      for (const [bm, om] of [[op.input, ptOp?.input], [op.output, ptOp?.output]] as const) {
        if (!bm) continue;
        const msg = c.message(om?.message);
        if (msg && bm.body?.parts) {
          for (const name of bm.body.parts.names) {
            if (!msg.parts.some((p) => p.name === name)) {
              c.add(UNKNOWN_PART, tokenSpan(bm.body.parts, name),
                `soap:body parts lists ${q(name)}, but message ${q(msg.name)} has the parts ${listNames(msg.parts.map((p) => p.name))}. Name an existing part.`);
            }
          }
        }
        if (msg) {
          for (const mime of bm.mime) {
            if (mime.part && !msg.parts.some((p) => p.name === mime.part!.value)) {
              c.add(UNKNOWN_PART, mime.part.span,
                `mime:${mime.kind} part=${q(mime.part.value)} is not a part of message ${q(msg.name)} (parts: ${listNames(msg.parts.map((p) => p.name))}).`);
            }
          }
        }
        for (const h of bm.headers) {
          if (!h.message || !h.parts) continue;
          const hm = c.message(h.message);
          if (hm && !hm.parts.some((p) => p.name === h.parts!.value)) {
            c.add(UNKNOWN_PART, h.parts.span,
              `soap:header part=${q(h.parts.value)} is not a part of message ${q(hm.name)} (parts: ${listNames(hm.parts.map((p) => p.name))}).`);
          }
        }
      }
    }
  }
}

/** The span of one name inside an NMTOKENS attribute value (the whole value when not found). */
export function tokenSpan(v: { value: string; span: { start: number; end: number } }, name: string): { start: number; end: number } {
  const re = new RegExp(`(^|\\s)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`);
  const mm = re.exec(v.value);
  if (!mm) return v.span;
  const start = v.span.start + mm.index + mm[1].length;
  return { start, end: start + name.length };
}

/** The name closest to `name` (case-insensitive edit distance at most 2, and less than a third of its length), if any. */
export function closest(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const a = name.toLowerCase();
  for (const c of candidates) {
    if (Math.abs(c.length - name.length) > 2) continue;
    const d = distance(a, c.toLowerCase());
    if (d < bestD) { bestD = d; best = c; }
  }
  return best !== undefined && bestD <= 2 && bestD * 3 < name.length ? best : undefined;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
