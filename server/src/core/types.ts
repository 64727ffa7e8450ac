/**
 * Results of the language service, editor-neutral. Shapes mirror LSP where that is free (ranges,
 * severities as words) so the LSP adapter and the CLI convert them trivially.
 */
import type { Range, Span } from './text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Kinds of documents API Lens understands. `null` from detection means "not ours: stay silent". */
export type DocumentKind = 'wsdl11' | 'wsdl20' | 'swagger2' | 'oas30' | 'oas31' | 'oas32';

export interface DocumentKindInfo {
  kind: DocumentKind;
  /** Version as written in the document (e.g. "3.1.0"); "1.1" / "2.0" for WSDL. */
  version: string;
  syntax: 'xml' | 'json' | 'yaml';
  /**
   * A plain YAML/JSON file (e.g. schemas/pet.yaml) that is no API description but the target of a `$ref` from
   * one the service analysed: `kind`/`version` are the referencing document's; only `$ref` navigation applies.
   */
  fragment?: boolean;
}

/** A problem found while parsing or analysing, before it is placed into a line/character range. */
export interface Finding {
  /** Stable rule code (see rules/registry.ts and docs/rules/<code>.md). */
  code: string;
  message: string;
  span: Span;
  /** Overrides the rule's default severity for this one finding (rare: e.g. an http import is information). */
  severity?: Severity;
  /** Other places that explain the finding (e.g. the duplicate's first definition). */
  related?: { uri: string; span?: Span; range?: Range; message: string }[];
  /** Opaque data a quick fix needs; carried to the editor and back. */
  data?: unknown;
}

export interface LensDiagnostic {
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  source: 'api-lens';
  /** file: URI of the rule's documentation page. */
  codeDescription?: { href: string };
  relatedInformation?: { location: Location; message: string }[];
  data?: unknown;
}

export interface Location { uri: string; range: Range }

export interface HoverResult {
  /** Markdown. Every piece of document text in it must go through markdown.escape(). */
  markdown: string;
  range?: Range;
}

export type SymbolKindName =
  | 'file' | 'module' | 'namespace' | 'class' | 'method' | 'property' | 'field' | 'interface'
  | 'function' | 'variable' | 'constant' | 'string' | 'object' | 'key' | 'event' | 'struct' | 'operator';

export interface DocumentSymbolResult {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbolResult[];
}

export interface FoldingRangeResult { startLine: number; endLine: number; kind?: 'comment' | 'region' | 'imports' }

export interface CompletionResult { label: string; insertText?: string; detail?: string; documentation?: string; kind?: 'reference' | 'value' | 'property' | 'file'; range?: Range }

export interface TextEditResult { range: Range; newText: string }

export interface CodeActionResult {
  title: string;
  kind: 'quickfix' | 'refactor';
  diagnosticCodes: string[];
  edits: { uri: string; edits: TextEditResult[] }[];
  isPreferred?: boolean;
}
