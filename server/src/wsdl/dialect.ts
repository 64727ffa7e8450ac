/**
 * The WSDL dialect: text -> XML tree (syntax/xmlParser.ts) -> WsdlDocument (wsdl/build.ts) -> WsdlModel with
 * imports (wsdl/buildModel.ts) -> findings (syntax errors, imports, wsdl/rules) and the features.
 * Imported documents (WSDL or plain .xsd, which detection does not call ours) are parsed here through the
 * workspace (open editors first, then disk inside the roots) and cached per (uri, version).
 */
import type { Finding } from '../core/types';
import type { Analysed, Dialect, SourceDocument } from '../service/dialect';
import type { Workspace } from '../service/workspace';
import { defineRule } from '../rules/registry';
import { parseXml, reparseXml } from '../syntax/xmlParser';
import type { XmlDocument, XmlElement } from '../syntax/xmlTree';
import { XSD_NAMESPACES, buildDocument, type Rebuild } from './build';
import { buildModel } from './buildModel';
import { DRAFT_WSDL20_NS } from './draftNamespaces';
import { NS, type QNameRef, type WsdlDocument, type WsdlModel } from './model';
import { runWsdlRules } from './rules/index';
import { wsdlHover } from './hover';
import { wsdlDefinition, wsdlFolding, wsdlReferences, wsdlSymbols } from './features';
import { summarizeWsdl } from './summarize';
import { wsdlCodeActions } from './quickFixes';
import { wsdlCompletion } from './completion';

export const RULE_XML_SYNTAX = defineRule({
  code: 'xml-syntax', title: 'The document is not well-formed XML.', defaultSeverity: 'error', appliesTo: ['wsdl11', 'wsdl20'],
  reference: { title: 'XML 1.0 §2.1 Well-formed XML documents', url: 'https://www.w3.org/TR/xml/#sec-well-formed' },
});
export const RULE_XML_DOCTYPE_ENTITIES = defineRule({
  code: 'xml-doctype-entities', title: 'A DOCTYPE declares entities; they are not expanded (XXE / entity-expansion protection).',
  defaultSeverity: 'warning', appliesTo: ['wsdl11', 'wsdl20'],
  reference: { title: 'WS-I BP 1.1 R4002 / XML 1.0 §4.2 Entity declarations', url: 'https://www.w3.org/TR/xml/#sec-entity-decl' },
});
export const RULE_XML_TOO_DEEP = defineRule({
  code: 'xml-too-deep', title: 'Elements are nested deeper than API Lens analyses (256 levels).',
  defaultSeverity: 'warning', appliesTo: ['wsdl11', 'wsdl20'],
  reference: { title: 'XML 1.0 §3 Logical structures', url: 'https://www.w3.org/TR/xml/#sec-logical-struct' },
});

export interface WsdlAnalysed extends Analysed {
  model: WsdlModel;
  /** Lazily built once per version: element -> the QName references it carries (hover/definition lookups). */
  refIndex?: Map<XmlElement, QNameRef[]>;
}

// ---- imported documents: parsed and built once per (uri, version) -----------------------------------

const docCache = new Map<string, { version: number; length: number; doc: WsdlDocument | 'not-xml' }>();
const MAX_CACHED = 3000;

function cacheDoc(uri: string, version: number, length: number, doc: WsdlDocument | 'not-xml'): void {
  if (docCache.size >= MAX_CACHED) docCache.clear();
  docCache.set(uri, { version, length, doc });
}

/** A dependency as a WsdlDocument: a WSDL 1.1/2.0 or an XML Schema; 'not-xml' for anything else. */
function loadDependency(workspace: Workspace, uri: string): WsdlDocument | 'not-xml' | undefined {
  const read = workspace.read(uri);
  if (!read) return undefined;
  const hit = docCache.get(uri);
  if (hit && hit.version === read.version && hit.length === read.text.length) return hit.doc;
  const xml = parseXml(read.text);
  const root = xml.root;
  const ok = root && ((root.ns === NS.WSDL11 && root.localName === 'definitions') || (root.localName === 'description' && (root.ns === NS.WSDL20 || DRAFT_WSDL20_NS.test(root.ns ?? ''))) || (XSD_NAMESPACES.has(root.ns ?? '') && root.localName === 'schema'));
  const doc = ok ? buildDocument(uri, xml) : 'not-xml';
  cacheDoc(uri, read.version, read.text.length, doc);
  return doc;
}

export function analyseWsdl(source: SourceDocument, workspace: Workspace, parsed?: XmlDocument, rebuild?: Rebuild): WsdlAnalysed {
  const xml = parsed ?? parseXml(source.text);
  const findings: Finding[] = xml.errors.map((e) => ({ code: e.code, message: e.message, span: e.span }));
  const doc = buildDocument(source.uri, xml, rebuild);
  cacheDoc(source.uri, source.version, source.text.length, doc);
  const built = buildModel(doc, (u) => loadDependency(workspace, u), (u) => workspace.mayRead(u));
  findings.push(...built.findings);
  try {
    findings.push(...runWsdlRules(built.model));
  } catch (e) {
    findings.push({ code: 'lens-internal-error', span: { start: 0, end: 0 }, message: `The WSDL rules failed on this document: ${(e as Error)?.message ?? e}. Please report this.` });
  }
  return { source, findings, dependencies: built.dependencies, model: built.model };
}

export const wsdlDialect: Dialect<WsdlAnalysed> = {
  name: 'wsdl',
  analyse(source, workspace) { return analyseWsdl(source, workspace); },
  // Edits inside one top-level element re-scan only that element (syntax/xmlParser.ts reparseXml); the model
  // and rules are rebuilt from the updated tree.
  reanalyse(previous, source, edits, workspace) {
    const r = reparseXml(previous.model.doc.xml, previous.source.text.length, source.text, edits);
    return r ? analyseWsdl(source, workspace, r.doc, { previous: previous.model.doc, oldEnd: r.oldEnd, delta: r.delta }) : undefined;
  },
  hover(ctx, offset) { return wsdlHover(ctx, offset); },
  symbols(ctx) { return wsdlSymbols(ctx); },
  definition(ctx, offset) { return wsdlDefinition(ctx, offset); },
  references(ctx, offset, includeDeclaration) { return wsdlReferences(ctx, offset, includeDeclaration); },
  folding(ctx) { return wsdlFolding(ctx); },
  completion(ctx, offset) { return wsdlCompletion(ctx, offset); },
  summarize(ctx) { return summarizeWsdl(ctx); },
  codeActions(ctx, diagnostics) { return wsdlCodeActions(ctx, diagnostics); },
  rootSpan(ctx) { return ctx.doc.model.doc.root?.nameSpan; },
};
