/**
 * A dialect is everything API Lens knows about one family of documents (WSDL, OpenAPI): how to turn
 * text into a model and how to answer each feature over that model. The language service picks the
 * dialect from detection and calls it; dialects never see LSP.
 */
import type { LineIndex, Position, Span } from '../core/text';
import type {
  CodeActionResult, CompletionResult, DocumentKindInfo, DocumentSymbolResult, Finding,
  FoldingRangeResult, HoverResult, LensDiagnostic, Location,
} from '../core/types';
import type { DocumentSummary } from '../analysis/summary';
import type { Workspace } from './workspace';

/** One document's text with its identity, as seen by dialects. */
export interface SourceDocument {
  uri: string;
  text: string;
  version: number;
  lines: LineIndex;
  kind: DocumentKindInfo;
}

/** What a dialect built from one document: opaque to the service, except for its dependencies. */
export interface Analysed {
  source: SourceDocument;
  /** Syntax errors and model/rule findings, in this document. */
  findings: Finding[];
  /** URIs this analysis read (imports, $ref targets): when one changes, this is rebuilt. */
  dependencies: string[];
}

/** A replacement of [start, end) (offsets in the text before this edit) by `text`. */
export interface TextEdit { start: number; end: number; text: string }

export interface FeatureContext<A extends Analysed> {
  doc: A;
  workspace: Workspace;
  /** Analyse another document (an import, a $ref target) through the service's cache. */
  analyse(uri: string): Analysed | undefined;
}

export interface Dialect<A extends Analysed = Analysed> {
  readonly name: 'wsdl' | 'openapi';
  analyse(source: SourceDocument, workspace: Workspace, analyseOther: (uri: string) => Analysed | undefined): A;
  /**
   * Optional incremental path: the analysis of `source` from the previous version's analysis and the edits
   * that turned its text into `source.text` (in order; each edit's offsets refer to the text after the edits
   * before it). Return undefined to fall back to analyse(). Only for edits made through the editor; the
   * previous analysis is not used after this call, so its objects may be reused.
   */
  reanalyse?(previous: A, source: SourceDocument, edits: readonly TextEdit[], workspace: Workspace, analyseOther: (uri: string) => Analysed | undefined): A | undefined;
  hover?(ctx: FeatureContext<A>, offset: number): HoverResult | null;
  symbols?(ctx: FeatureContext<A>): DocumentSymbolResult[];
  definition?(ctx: FeatureContext<A>, offset: number): Location[];
  references?(ctx: FeatureContext<A>, offset: number, includeDeclaration: boolean): Location[];
  folding?(ctx: FeatureContext<A>): FoldingRangeResult[];
  completion?(ctx: FeatureContext<A>, offset: number): CompletionResult[];
  codeActions?(ctx: FeatureContext<A>, diagnostics: LensDiagnostic[]): CodeActionResult[];
  /** Raw signals and protocol/format facts; styles are added by analysis/classify.ts. */
  summarize?(ctx: FeatureContext<A>): DocumentSummary;
  /**
   * Span of the document's root (WSDL root element name, the `openapi`/`swagger` key): a hover there gets
   * the whole-document summary (analysis/summaryMarkdown.ts) appended to the dialect's own hover.
   */
  rootSpan?(ctx: FeatureContext<A>): Span | undefined;
}

export type { Position };
