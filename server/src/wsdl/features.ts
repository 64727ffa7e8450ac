/**
 * WSDL navigation features over the model: the reference index used by hover/definition, go to definition,
 * find references (this document, its imports, and open documents that import it), document symbols
 * (outline) and folding ranges.
 */
import { LineIndex, type Span } from '../core/text';
import type { DocumentSymbolResult, FoldingRangeResult, Location, SymbolKindName } from '../core/types';
import type { FeatureContext } from '../service/dialect';
import { elementAt } from '../syntax/xmlParser';
import type { XmlElement } from '../syntax/xmlTree';
import type { Component, Part, QNameRef, WsdlDocument, WsdlModel } from './model';
import type { WsdlAnalysed } from './dialect';

export type Ctx = FeatureContext<WsdlAnalysed>;

// ---- positions -----------------------------------------------------------------------------------------

export function refIndex(a: WsdlAnalysed): Map<XmlElement, QNameRef[]> {
  if (!a.refIndex) {
    const m = new Map<XmlElement, QNameRef[]>();
    for (const r of a.model.doc.refs) {
      const list = m.get(r.el);
      if (list) list.push(r); else m.set(r.el, [r]);
    }
    a.refIndex = m;
  }
  return a.refIndex;
}

const inSpan = (s: Span | undefined, o: number) => !!s && o >= s.start && o <= s.end;

export function refAt(a: WsdlAnalysed, offset: number): QNameRef | undefined {
  const el = elementAt(a.model.doc.root, offset);
  if (!el) return undefined;
  return refIndex(a).get(el)?.find((r) => inSpan(r.span, offset));
}

/** The component whose name= value is under the cursor (a declaration). */
export function declarationAt(a: WsdlAnalysed, offset: number): Component | undefined {
  const el = elementAt(a.model.doc.root, offset);
  if (!el) return undefined;
  return a.model.doc.components.find((c) => c.el === el && inSpan(c.nameSpan, offset));
}

// ---- locations across documents ---------------------------------------------------------------------------

const lineCache = new Map<string, { text: string; lines: LineIndex }>();

export function linesOf(ctx: Ctx, uri: string): LineIndex | undefined {
  if (uri === ctx.doc.source.uri) return ctx.doc.source.lines;
  const read = ctx.workspace.read(uri);
  if (!read) return undefined;
  const hit = lineCache.get(uri);
  if (hit && hit.text === read.text) return hit.lines;
  if (lineCache.size > 500) lineCache.clear();
  const lines = new LineIndex(read.text);
  lineCache.set(uri, { text: read.text, lines });
  return lines;
}

export function textOf(ctx: Ctx, uri: string): string | undefined {
  return uri === ctx.doc.source.uri ? ctx.doc.source.text : ctx.workspace.read(uri)?.text;
}

function location(ctx: Ctx, uri: string, span: Span): Location | undefined {
  const lines = linesOf(ctx, uri);
  return lines ? { uri, range: lines.rangeOf(span) } : undefined;
}

// ---- definition / references -----------------------------------------------------------------------------

export function targetAt(ctx: Ctx, offset: number): Component | undefined {
  const a = ctx.doc;
  const ref = refAt(a, offset);
  if (ref) {
    const r = a.model.resolve(ref);
    return r.status === 'found' ? r.target : undefined;
  }
  return declarationAt(a, offset);
}

export function wsdlDefinition(ctx: Ctx, offset: number): Location[] {
  const a = ctx.doc;
  const ref = refAt(a, offset);
  if (ref) {
    const r = a.model.resolve(ref);
    if (r.status !== 'found') return [];
    const loc = location(ctx, r.target.uri, r.target.nameSpan);
    return loc ? [loc] : [];
  }
  const el = elementAt(a.model.doc.root, offset);
  if (!el) return [];
  // location= / schemaLocation= of an import: the imported document (its root element).
  const imp = a.model.doc.imports.find((i) => i.el === el);
  if (imp) {
    if (!imp.resolvedUri || !inSpan(imp.location?.span, offset) || (imp.status !== 'ok' && imp.status !== 'cycle')) return [];
    const target = a.model.documents.find((d) => d.uri === imp.resolvedUri);
    const loc = location(ctx, imp.resolvedUri, target?.root?.nameSpan ?? { start: 0, end: 0 });
    return loc ? [loc] : [];
  }
  for (const b of a.model.doc.bindings) {
    if (!(el.span.start >= b.span.start && el.span.end <= b.span.end)) continue;
    for (const op of b.operations) {
      if (!(el.span.start >= op.span.start && el.span.end <= op.span.end)) continue;
      const pto = op.ref ? undefined : a.model.portTypeOperation(b, op.name);
      const ptUri = b.type ? (a.model.resolve(b.type) as { target?: Component }).target?.uri : undefined;
      // WSDL 1.1 binding operation name= -> the portType operation it implements.
      if (op.el === el && inSpan(op.nameSpan, offset) && pto && ptUri) {
        const loc = location(ctx, ptUri, pto.nameSpan);
        return loc ? [loc] : [];
      }
    }
  }
  const part = partAt(a, el, offset);
  if (part) {
    const loc = location(ctx, part.uri, part.part.nameSpan);
    return loc ? [loc] : [];
  }
  return [];
}

/**
 * The message part named at `offset` by soap:header part= (a part of its message=) or soap:body parts= (parts
 * of the abstract input/output message of the operation), with the span of the name under the cursor.
 */
export function partAt(a: WsdlAnalysed, el: XmlElement, offset: number): { part: Part; uri: string; span: Span } | undefined {
  for (const b of a.model.doc.bindings) {
    if (!(el.span.start >= b.span.start && el.span.end <= b.span.end)) continue;
    for (const op of b.operations) {
      if (!(el.span.start >= op.span.start && el.span.end <= op.span.end)) continue;
      const pto = op.ref ? undefined : a.model.portTypeOperation(b, op.name);
      for (const msg of [op.input, op.output, ...op.faults]) {
        if (!msg) continue;
        for (const h of msg.headers) {
          if (h.el === el && h.parts && inSpan(h.parts.span, offset) && h.message) {
            const part = a.model.part(h.message, h.parts.value.trim());
            return part ? { part, uri: partUri(a.model, h.message), span: h.parts.span } : undefined;
          }
        }
        const body = msg.body;
        if (body?.el === el && body.parts && inSpan(body.parts.span, offset) && pto) {
          const rel = offset - body.parts.span.start;
          const token = /\S+/g;
          for (let m = token.exec(body.parts.value); m; m = token.exec(body.parts.value)) {
            if (rel < m.index || rel > m.index + m[0].length) continue;
            const abstractMsg = msg.direction === 'input' ? pto.input?.message : pto.output?.message;
            const part = abstractMsg ? a.model.part(abstractMsg, m[0]) : undefined;
            const start = body.parts.span.start + m.index;
            return part && abstractMsg ? { part, uri: partUri(a.model, abstractMsg), span: { start, end: start + m[0].length } } : undefined;
          }
        }
      }
    }
  }
  return undefined;
}

function partUri(model: WsdlModel, messageRef: QNameRef): string {
  const r = model.resolve(messageRef);
  return r.status === 'found' ? r.target.uri : model.doc.uri;
}

/** Models that may reference `target`: this document's, plus open WSDL documents whose imports reach its file. */
function modelsFor(ctx: Ctx, target: Component): WsdlModel[] {
  const out: WsdlModel[] = [ctx.doc.model];
  for (const uri of ctx.workspace.openUris()) {
    if (uri === ctx.doc.source.uri) continue;
    const other = ctx.analyse(uri);
    // Open documents of the other dialect (OpenAPI) have a model too, of another shape: only WSDL models count.
    const kind = other?.source.kind.kind;
    if (kind !== 'wsdl11' && kind !== 'wsdl20') continue;
    const model = (other as WsdlAnalysed).model;
    if (model.documents.some((d) => d.uri === target.uri)) out.push(model);
  }
  return out;
}

export function wsdlReferences(ctx: Ctx, offset: number, includeDeclaration: boolean): Location[] {
  const target = targetAt(ctx, offset);
  if (!target) return [];
  const out: Location[] = [];
  const seen = new Set<string>();
  const add = (uri: string, span: Span) => {
    const k = `${uri}#${span.start}`;
    if (seen.has(k)) return;
    seen.add(k);
    const loc = location(ctx, uri, span);
    if (loc) out.push(loc);
  };
  if (includeDeclaration) add(target.uri, target.nameSpan);
  for (const model of modelsFor(ctx, target)) {
    const docs: WsdlDocument[] = model.documents;
    for (const d of docs) {
      for (const ref of d.refs) {
        if (ref.kind !== target.kind || ref.local !== target.name) continue;
        const r = model.resolve(ref);
        if (r.status === 'found' && r.target === target) add(d.uri, ref.span);
      }
    }
  }
  return out;
}

// ---- symbols -------------------------------------------------------------------------------------------

export function wsdlSymbols(ctx: Ctx): DocumentSymbolResult[] {
  const d = ctx.doc.model.doc;
  const lines = ctx.doc.source.lines;
  const sym = (name: string, kind: SymbolKindName, span: Span, sel: Span, detail?: string, children?: DocumentSymbolResult[]): DocumentSymbolResult => ({
    name: name || '(unnamed)', kind, detail, range: lines.rangeOf(span), selectionRange: lines.rangeOf(sel), children,
  });
  const top: { at: number; s: DocumentSymbolResult }[] = [];
  for (const s of d.schemas) {
    const children = s.components.map((c) => sym(c.name, c.kind === 'element' ? 'field' : c.kind === 'type' ? 'struct' : 'property', c.span, c.nameSpan, c.kind === 'type' ? c.typeKind : c.kind));
    top.push({ at: s.span.start, s: sym(s.targetNamespace || '(no namespace)', 'namespace', s.span, s.tnsSpan ?? s.el.nameSpan, 'xsd:schema', children) });
  }
  for (const m of d.messages) top.push({ at: m.span.start, s: sym(m.name, 'struct', m.span, m.nameSpan, 'message', m.parts.map((p) => sym(p.name, 'field', p.span, p.nameSpan, p.element ? `element ${p.element.raw}` : p.type ? `type ${p.type.raw}` : 'part'))) });
  for (const p of d.portTypes) top.push({ at: p.span.start, s: sym(p.name, 'interface', p.span, p.nameSpan, 'portType', p.operations.map((o) => sym(o.name, 'method', o.span, o.nameSpan, o.primitive))) });
  for (const i of d.interfaces) top.push({ at: i.span.start, s: sym(i.name, 'interface', i.span, i.nameSpan, 'interface', [
    ...i.faults.map((f) => sym(f.name, 'event', f.span, f.nameSpan, 'fault')),
    ...i.operations.map((o) => sym(o.name, 'method', o.span, o.nameSpan, o.pattern?.value.replace('http://www.w3.org/ns/wsdl/', '') ?? 'in-out')),
  ]) });
  for (const b of d.bindings) top.push({ at: b.span.start, s: sym(b.name, 'class', b.span, b.nameSpan, `binding ${protocolLabel(b.protocol)}`, b.operations.map((o) => sym(o.name, 'method', o.span, o.nameSpan, o.soapAction?.value ? `soapAction ${o.soapAction.value}` : o.whttpMethod?.value ?? undefined))) });
  for (const s of d.services) top.push({ at: s.span.start, s: sym(s.name, 'module', s.span, s.nameSpan, 'service', s.ports.map((p) => sym(p.name, 'object', p.span, p.nameSpan, p.address?.location.value))) });
  for (const imp of d.imports) if (!d.schemas.some((s) => s.imports.includes(imp))) top.push({ at: imp.span.start, s: sym(imp.location?.value ?? imp.namespace?.value ?? imp.kind, 'file', imp.span, imp.location?.span ?? imp.el.nameSpan, imp.kind) });
  return top.sort((x, y) => x.at - y.at).map((x) => x.s);
}

export function protocolLabel(p: string): string {
  return p === 'soap11' ? 'SOAP 1.1' : p === 'soap12' ? 'SOAP 1.2' : p === 'http' ? 'HTTP' : p === 'none' ? '' : 'other';
}

// ---- folding ---------------------------------------------------------------------------------------------

export function wsdlFolding(ctx: Ctx): FoldingRangeResult[] {
  const lines = ctx.doc.source.lines;
  const out: FoldingRangeResult[] = [];
  const root = ctx.doc.model.doc.root;
  const stack: XmlElement[] = root ? [root] : [];
  while (stack.length && out.length < 20000) {
    const el = stack.pop()!;
    const a = lines.positionAt(el.span.start).line;
    const b = lines.positionAt(el.span.end).line;
    if (b > a) {
      out.push({ startLine: a, endLine: el.endNameSpan ? b - 1 : b, kind: el.localName === 'import' || el.localName === 'include' ? 'imports' : undefined });
      for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
    }
  }
  for (const c of ctx.doc.model.doc.xml.comments) {
    const a = lines.positionAt(c.span.start).line;
    const b = lines.positionAt(c.span.end).line;
    if (b > a) out.push({ startLine: a, endLine: b, kind: 'comment' });
  }
  return out.filter((f) => f.endLine > f.startLine);
}
