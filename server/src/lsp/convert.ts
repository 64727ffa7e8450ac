/** Conversions between the language service's plain results and LSP types. */
import {
  CodeAction, CodeActionKind, CompletionItemKind, DiagnosticSeverity, SymbolKind,
  type CompletionItem, type Diagnostic, type DocumentSymbol, type FoldingRange, type Hover,
} from 'vscode-languageserver/node';
import type {
  CodeActionResult, CompletionResult, DocumentSymbolResult, FoldingRangeResult, HoverResult, LensDiagnostic, Severity,
  SymbolKindName,
} from '../core/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(d: LensDiagnostic): Diagnostic {
  const out: Diagnostic = { range: d.range, severity: SEVERITY[d.severity], code: d.code, message: d.message, source: d.source };
  if (d.codeDescription) out.codeDescription = d.codeDescription;
  if (d.relatedInformation) out.relatedInformation = d.relatedInformation;
  if (d.data !== undefined) out.data = d.data;
  return out;
}

export function fromLspDiagnostic(d: Diagnostic): LensDiagnostic {
  const sev = (Object.entries(SEVERITY).find(([, v]) => v === d.severity)?.[0] ?? 'warning') as Severity;
  return { range: d.range, severity: sev, code: String(d.code ?? ''), message: typeof d.message === 'string' ? d.message : d.message.value, source: 'api-lens', data: d.data };
}

export function toLspHover(h: HoverResult | null): Hover | null {
  if (!h) return null;
  return { contents: { kind: 'markdown', value: h.markdown }, range: h.range };
}

const SYMBOL: Record<SymbolKindName, SymbolKind> = {
  file: SymbolKind.File, module: SymbolKind.Module, namespace: SymbolKind.Namespace, class: SymbolKind.Class,
  method: SymbolKind.Method, property: SymbolKind.Property, field: SymbolKind.Field, interface: SymbolKind.Interface,
  function: SymbolKind.Function, variable: SymbolKind.Variable, constant: SymbolKind.Constant, string: SymbolKind.String,
  object: SymbolKind.Object, key: SymbolKind.Key, event: SymbolKind.Event, struct: SymbolKind.Struct, operator: SymbolKind.Operator,
};

export function toLspSymbols(s: DocumentSymbolResult[]): DocumentSymbol[] {
  return s.map((x) => ({
    name: x.name || '(unnamed)', detail: x.detail, kind: SYMBOL[x.kind] ?? SymbolKind.Object, range: x.range,
    selectionRange: x.selectionRange, children: x.children ? toLspSymbols(x.children) : undefined,
  }));
}

export function toLspFolding(f: FoldingRangeResult[]): FoldingRange[] {
  return f.map((x) => ({ startLine: x.startLine, endLine: x.endLine, kind: x.kind }));
}

const COMPLETION: Record<NonNullable<CompletionResult['kind']>, CompletionItemKind> = {
  reference: CompletionItemKind.Reference, value: CompletionItemKind.Value, property: CompletionItemKind.Property, file: CompletionItemKind.File,
};

export function toLspCompletion(c: CompletionResult[]): CompletionItem[] {
  return c.map((x) => ({
    label: x.label, detail: x.detail, kind: x.kind ? COMPLETION[x.kind] : undefined,
    documentation: x.documentation ? { kind: 'markdown', value: x.documentation } : undefined,
    textEdit: x.range ? { range: x.range, newText: x.insertText ?? x.label } : undefined,
    insertText: x.range ? undefined : x.insertText,
  }));
}

export function toLspCodeActions(actions: CodeActionResult[], diagnostics: Diagnostic[]): CodeAction[] {
  return actions.map((a) => {
    const ca = CodeAction.create(a.title, a.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.Refactor);
    ca.diagnostics = diagnostics.filter((d) => a.diagnosticCodes.includes(String(d.code)));
    ca.edit = { changes: Object.fromEntries(a.edits.map((e) => [e.uri, e.edits])) };
    if (a.isPreferred) ca.isPreferred = true;
    return ca;
  });
}
