/** Small helpers shared by the WSDL rule modules: findings, attribute lookup, styles, message parts. */
import type { Span } from '../../core/text';
import type { Finding, Severity } from '../../core/types';
import type { RuleMeta } from '../../rules/registry';
import type { XmlAttribute, XmlElement } from '../../syntax/xmlTree';
import type { Binding, BindingOperation, Message, Part, PortType, PortTypeOperation, QNameRef, Resolution, WsdlModel } from '../model';

/** A quick fix carried in Finding.data: plain offsets in the analysed document (see wsdl/quickFixes.ts). */
export interface FixEdit {
  start: number;
  end: number;
  newText: string;
  /**
   * Block insertion (e.g. a binding operation skeleton): `newText` is indented relative to column 0 with two
   * spaces per level; the quick fix re-indents it like the element at `indentLike` and inserts it on its own
   * line before the closing tag at `start` (wsdl/quickFixes.ts, which has the text).
   */
  block?: { indentLike?: number };
}
export interface FixData {
  fix: { title: string; edits: FixEdit[]; preferred?: boolean }[];
}

const MAX_PER_CODE = 500;

export class Collector {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();
  constructor(readonly model: WsdlModel) {}

  private readonly resolved = new Map<QNameRef, Resolution>();
  /** model.resolve, memoised for this run (rules ask for the same message or portType many times). */
  resolve(ref: QNameRef): Resolution {
    let r = this.resolved.get(ref);
    if (!r) { r = this.model.resolve(ref); this.resolved.set(ref, r); }
    return r;
  }

  message(ref: QNameRef | undefined): Message | undefined {
    if (!ref) return undefined;
    const r = this.resolve(ref);
    return r.status === 'found' && r.target.kind === 'message' ? (r.target as Message) : undefined;
  }

  /** False once `rule` has reported MAX_PER_CODE findings: callers skip building messages nobody will see. */
  wants(rule: RuleMeta): boolean { return (this.perCode.get(rule.code) ?? 0) < MAX_PER_CODE; }

  private readonly opIndex = new Map<Binding, Map<string, PortTypeOperation>>();
  /**
   * The portType operation a binding operation names, through a per-binding index (the model's
   * portTypeOperation() scans the portType on every call, which is quadratic over a large binding).
   */
  ptOp(b: Binding, name: string): PortTypeOperation | undefined {
    let idx = this.opIndex.get(b);
    if (!idx) {
      idx = new Map();
      const pt = b.type ? this.resolve(b.type) : undefined;
      if (pt?.status === 'found' && pt.target.kind === 'portType') {
        for (const o of (pt.target as PortType).operations) if (!idx.has(o.name)) idx.set(o.name, o);
      }
      this.opIndex.set(b, idx);
    }
    return idx.get(name);
  }

  /** True when the span belongs to the document being analysed (findings cannot go elsewhere). */
  here(uri: string): boolean { return uri === this.model.doc.uri; }

  private readonly perCode = new Map<string, number>();

  add(rule: RuleMeta, span: Span, message: string, extra: Partial<Finding> = {}): void {
    // The same part or attribute can be reached from several bindings: report it once.
    const key = `${rule.code}@${span.start}:${message}`;
    if (this.seen.has(key)) return;
    // A generated or hostile document can repeat one mistake 100k times; past this many, more findings help nobody.
    const n = this.perCode.get(rule.code) ?? 0;
    if (n >= MAX_PER_CODE) return;
    this.perCode.set(rule.code, n + 1);
    this.seen.add(key);
    this.findings.push({ code: rule.code, span, message, ...extra });
  }

  /** Like add(), but one finding per code and place (a part reached from several operations is reported once). */
  addOnce(rule: RuleMeta, span: Span, message: string, extra: Partial<Finding> = {}): void {
    const key = `${rule.code}@${span.start}-${span.end}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.add(rule, span, message, extra);
  }

  related(uri: string, span: Span, message: string): NonNullable<Finding['related']>[number] {
    return { uri, span, message };
  }
}

export function fixes(...fix: FixData['fix']): { data: FixData } { return { data: { fix } }; }

export function attr(el: XmlElement, name: string): XmlAttribute | undefined {
  return el.attributes.find((a) => a.name === name);
}

/** Span from the end of what precedes an attribute (previous attribute or the element name) to its closing quote: deleting it removes the attribute and the whitespace before it. */
export function attrRemovalSpan(el: XmlElement, a: XmlAttribute, index = el.attributes.indexOf(a)): Span {
  const i = index;
  const start = i > 0 ? el.attributes[i - 1].valueSpan.end + 1 : el.nameSpan.end;
  return { start, end: a.valueSpan.end + 1 };
}

/** Offset where a new attribute can be inserted in a start tag: right after the element name. */
export function attrInsertOffset(el: XmlElement): number { return el.nameSpan.end; }

/** rpc | document as in force for one operation: soap:operation/@style, else soap:binding/@style, else document (WSDL 1.1 §3.4). */
export function styleOf(binding: Binding, op: BindingOperation): string {
  return op.style?.value ?? binding.soap?.style?.value ?? 'document';
}

/** SOAP version of a binding: its soap:binding, else (a binding missing soap:binding) its soap:operation / soap:body elements. */
export function soapVersionOf(b: Binding): '1.1' | '1.2' | undefined {
  if (b.protocol === 'soap11') return '1.1';
  if (b.protocol === 'soap12') return '1.2';
  if (b.soap) return b.soap.soapVersion;
  for (const op of b.operations) {
    const v = op.soapOperation?.soapVersion ?? op.input?.body?.soapVersion ?? op.output?.body?.soapVersion;
    if (v) return v;
  }
  return undefined;
}

export function isSoap(b: Binding): boolean { return soapVersionOf(b) !== undefined; }

/** The WS-I profile that judges a binding: BP 1.1 for SOAP 1.1, BP 2.0 for SOAP 1.2 (BP 2.0 is SOAP 1.2 only). */
export function profileOf(b: Binding): string { return soapVersionOf(b) === '1.2' ? 'Basic Profile 2.0' : 'Basic Profile 1.1'; }

export function messageOf(model: WsdlModel, ref: QNameRef | undefined): Message | undefined {
  if (!ref) return undefined;
  const r = model.resolve(ref);
  return r.status === 'found' && r.target.kind === 'message' ? (r.target as Message) : undefined;
}

export function partsNamed(m: Message, names: string[] | undefined): Part[] {
  if (!names) return m.parts;
  return names.map((n) => m.parts.find((p) => p.name === n)).filter((p): p is Part => !!p);
}

export function q(s: string): string { return `'${s}'`; }

/** "a, b, c" or "a, b, c and 4 more"; "none" when empty. */
export function listNames(names: string[], max = 6): string {
  const u = [...new Set(names)];
  if (u.length === 0) return 'none';
  const shown = u.slice(0, max).map(q).join(', ');
  return u.length > max ? `${shown} and ${u.length - max} more` : shown;
}

/** Spans of elements named `local` in namespace `ns` under `el` (depth-first, document order). */
export function descendants(el: XmlElement, pred: (e: XmlElement) => boolean, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (pred(c)) out.push(c);
    descendants(c, pred, out);
  }
  return out;
}

export function isAbsoluteUri(s: string): boolean { return /^[a-zA-Z][a-zA-Z0-9+.-]*:\S/.test(s); }

export type { Severity };
