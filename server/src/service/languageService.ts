/**
 * The language service: one plain library that the LSP adapter, the CLI and the tests all call.
 * It owns the document cache (text -> syntax tree -> model -> findings, once per version) and
 * dispatches each feature to the document's dialect. It never knows about LSP.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LineIndex, type Position, type Range, type Span } from '../core/text';
import type {
  CodeActionResult, CompletionResult, DocumentKindInfo, DocumentSymbolResult, Finding,
  FoldingRangeResult, HoverResult, LensDiagnostic, Location,
} from '../core/types';
import type { DocumentSummary } from '../analysis/summary';
import { classify } from '../analysis/classify';
import { styleFindings } from '../analysis/styleRules';
import { operationStyleMarkdown, summaryMarkdown } from '../analysis/summaryMarkdown';
import { RULE_FILE_TOO_LARGE, RULE_INTERNAL_ERROR, RULE_TOO_MANY } from '../rules/registry';
import { DEFAULT_SETTINGS, effectiveSeverity, type LensSettings } from '../rules/settings';
import { detectKind, dialectOf, isYamlFile } from './detect';
import type { Analysed, Dialect, FeatureContext, SourceDocument, TextEdit } from './dialect';
import { Workspace } from './workspace';
import { wsdlDialect } from '../wsdl/dialect';
import { openApiDialect } from '../openapi/dialect';

export interface LanguageServiceOptions {
  workspace?: Workspace;
  settings?: LensSettings;
  /** Folder holding docs/rules/<code>.md; diagnostics link there. */
  docsDir?: string;
  /** Where internal errors go (the server's output channel, the CLI's stderr). */
  log?: (message: string) => void;
}

interface CacheEntry {
  version: number;
  /** The classified summary, computed once per version (style rules and the root hover use it). */
  summary?: DocumentSummary | null;
  /** Evidence ranges of `summary` are filled on the first describe(): diagnostics do not need them. */
  rangesFilled?: boolean;
  /** null: not an API description; stay silent. */
  analysed: Analysed | null;
  tooLarge?: boolean;
  /** The dialect threw: `analysed` holds only the lens-internal-error finding, no model for features to use. */
  failed?: boolean;
}

/** Diagnostics listed per code and document; the rest are summarised by one lens-too-many-diagnostics. */
const MAX_PER_CODE = 500;

const DIALECTS: Record<'wsdl' | 'openapi', Dialect> = { wsdl: wsdlDialect, openapi: openApiDialect };

/** One editor change: `range` in the text as it is before this change; no range replaces the whole text. */
export interface TextChange { range?: Range; text: string }

export class LanguageService {
  readonly workspace: Workspace;
  private settings: LensSettings;
  private readonly docsDir?: string;
  private readonly log: (m: string) => void;
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inProgress = new Set<string>();
  /**
   * Line index of each open document's current text, kept up to date by edit() (LineIndex.withEdit, ~1 ms on
   * 13 MB) so an edit does not rebuild it (~40 ms on 13 MB). Reused by build() when the text is the same string.
   */
  private readonly openLines = new Map<string, LineIndex>();
  /** Previous analysis and the edits since, for dialects that can re-analyse incrementally (Dialect.reanalyse). */
  private readonly previous = new Map<string, { analysed: Analysed; edits: TextEdit[] }>();
  /** File -> the OpenAPI document whose last analysis read it (a split file's referrer; see fragmentOf). */
  private readonly referrers = new Map<string, string>();

  constructor(opts: LanguageServiceOptions = {}) {
    this.workspace = opts.workspace ?? new Workspace();
    this.settings = opts.settings ?? DEFAULT_SETTINGS;
    this.docsDir = opts.docsDir;
    this.log = opts.log ?? (() => undefined);
    this.workspace.maxFileBytes = this.settings.maxFileSize;
  }

  setSettings(s: LensSettings): void {
    this.settings = s;
    this.workspace.maxFileBytes = s.maxFileSize;
    this.cache.clear();
  }
  getSettings(): LensSettings { return this.settings; }

  // ---- document lifecycle -------------------------------------------------------------------

  open(uri: string, text: string, version: number): void {
    this.workspace.setOpen({ uri, text, version });
    this.openLines.delete(uri);
    this.previous.delete(uri);
    this.invalidate(uri);
  }
  change(uri: string, text: string, version: number): void { this.open(uri, text, version); }

  /**
   * Applies editor changes to an open document, in order (each range refers to the text left by the previous
   * change; no range: the whole text). Cheaper than change(): the line index is updated, not rebuilt, and the
   * edits are offered to the dialect's reanalyse(). Returns false when the document is not open.
   */
  edit(uri: string, changes: readonly TextChange[], version: number): boolean {
    const current = this.workspace.getOpen(uri);
    if (!current) return false;
    let text = current.text;
    let lines = this.linesOf(uri, text);
    let edits: TextEdit[] | undefined = [];
    for (const c of changes) {
      if (!c.range) {
        text = c.text;
        lines = new LineIndex(text);
        edits = undefined;
        continue;
      }
      const start = lines.offsetAt(c.range.start);
      const end = Math.max(start, lines.offsetAt(c.range.end));
      text = text.slice(0, start) + c.text + text.slice(end);
      lines = lines.withEdit(text, start, end, c.text);
      edits?.push({ start, end, text: c.text });
    }
    const before = this.cache.get(uri);
    const pending = this.previous.get(uri);
    this.workspace.setOpen({ uri, text, version });
    this.invalidate(uri);
    this.openLines.set(uri, lines);
    // Keep the last analysis (and every edit since) only while some dialect can use it.
    const base = before?.analysed && !before.tooLarge && !before.failed ? { analysed: before.analysed, edits: [] as TextEdit[] } : pending;
    if (edits && base && DIALECTS[dialectOf(base.analysed.source.kind.kind)].reanalyse) this.previous.set(uri, { analysed: base.analysed, edits: [...base.edits, ...edits] });
    else this.previous.delete(uri);
    return true;
  }

  close(uri: string): void {
    this.workspace.close(uri);
    this.openLines.delete(uri);
    this.previous.delete(uri);
    this.invalidate(uri);
  }

  /** The line index of `text` for `uri`: the one edit() maintains when it matches, else a new one. */
  private linesOf(uri: string, text: string): LineIndex {
    const known = this.openLines.get(uri);
    if (known && known.text === text) return known;
    const lines = new LineIndex(text);
    if (this.workspace.getOpen(uri)?.text === text) this.openLines.set(uri, lines);
    return lines;
  }
  /** A file changed on disk (or was created/deleted). */
  fileChanged(uri: string): void { this.invalidate(uri); }

  /** Length of the text behind the cached analysis of `uri` (0 when none): what an edit or close will drop. */
  analysedChars(uri: string): number {
    const e = this.cache.get(uri);
    return e?.analysed ? e.analysed.source.text.length : 0;
  }

  /** True when the analysis an edit replaced is kept for Dialect.reanalyse (the edit freed no memory). */
  keepsPrevious(uri: string): boolean { return this.previous.has(uri); }

  /** Drops the entry for `uri` and, transitively, every entry that depends on it. Returns the URIs dropped. */
  invalidate(uri: string): string[] {
    const dropped: string[] = [];
    const queue = [uri];
    const seen = new Set<string>();
    while (queue.length) {
      const u = queue.pop()!;
      if (seen.has(u)) continue;
      seen.add(u);
      if (this.cache.delete(u)) dropped.push(u);
      for (const [other, e] of this.cache) if (e.analysed?.dependencies.includes(u)) queue.push(other);
    }
    return dropped;
  }

  /** The documents the cached analysis of `uri` read (imports, $ref targets); empty when none is cached. */
  dependencies(uri: string): string[] {
    return this.cache.get(uri)?.analysed?.dependencies.slice() ?? [];
  }

  /** Open documents whose analysis read `uri` (for re-publishing diagnostics after a change). */
  dependents(uri: string): string[] {
    const out: string[] = [];
    for (const [other, e] of this.cache) if (other !== uri && e.analysed?.dependencies.includes(uri)) out.push(other);
    return out;
  }

  // ---- analysis -----------------------------------------------------------------------------

  kindOf(uri: string): DocumentKindInfo | null { return this.analyse(uri)?.source.kind ?? null; }

  /** The analysis of a document (open or on disk), cached per version; undefined when not ours. */
  analyse(uri: string): Analysed | undefined {
    const read = this.workspace.read(uri);
    if (!read) return undefined;
    const cached = this.cache.get(uri);
    // Not ours when last built, but since then an analysed OpenAPI document $refs it: a fragment now.
    // Asked only from outside an analysis (a feature, diagnostics): a $ref being followed reads the file as is.
    const becameFragment = cached && cached.analysed === null && !cached.tooLarge && this.inProgress.size === 0 && !!this.fragmentOf(uri, read.text);
    if (cached && cached.version === read.version && !becameFragment) return cached.analysed ?? undefined;
    if (this.inProgress.has(uri)) return undefined; // an import/$ref cycle: the dialect reports it
    this.inProgress.add(uri);
    try {
      const entry = this.build(uri, read.text, read.version);
      this.cache.set(uri, entry);
      return entry.analysed ?? undefined;
    } finally {
      this.inProgress.delete(uri);
    }
  }

  private build(uri: string, text: string, version: number): CacheEntry {
    if (!this.settings.enable) return { version, analysed: null };
    if (text.length > this.settings.maxFileSize) {
      const kind = detectKind(text.slice(0, 65536), uri);
      if (!kind) return { version, analysed: null };
      // Only the head is indexed: the one finding sits at 0:0, and indexing 100 MB of lines took 0.8 s.
      const source: SourceDocument = { uri, text, version, lines: new LineIndex(text.slice(0, 65536)), kind };
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      return {
        version, tooLarge: true,
        analysed: {
          source, dependencies: [],
          findings: [{ code: RULE_FILE_TOO_LARGE.code, span: { start: 0, end: 0 },
            message: `This ${mb(text.length)} MB document is larger than apiLens.maxFileSizeMB (${mb(this.settings.maxFileSize)} MB), so API Lens does not analyse it. Raise the setting to analyse it.` }],
        },
      };
    }
    const detected = detectKind(text, uri);
    const referrer = detected ? undefined : this.fragmentOf(uri, text);
    const kind = referrer ? { ...referrer.source.kind, syntax: !isYamlFile(uri) && /^\s*[{[]/.test(text.slice(0, 4096)) ? 'json' as const : 'yaml' as const, fragment: true } : detected;
    if (!kind) return { version, analysed: null };
    const source: SourceDocument = { uri, text, version, lines: this.linesOf(uri, text), kind };
    const dialect = DIALECTS[dialectOf(kind.kind)];
    const previous = this.previous.get(uri);
    this.previous.delete(uri);
    try {
      const analyseOther = (u: string) => this.analyseModel(u);
      const incremental = previous && previous.analysed.source.kind.kind === kind.kind
        ? dialect.reanalyse?.(previous.analysed, source, previous.edits, this.workspace, analyseOther)
        : undefined;
      const analysed = incremental ?? dialect.analyse(source, this.workspace, analyseOther);
      // A fragment's kind comes from its referrer: re-decide when that changes. It describes no API (no summary).
      if (referrer) { analysed.dependencies.push(referrer.source.uri); return { version, analysed, summary: null }; }
      if (dialectOf(kind.kind) === 'openapi') for (const d of analysed.dependencies) this.referrers.set(d, uri);
      const summary = this.summarise(dialect, analysed);
      if (summary) analysed.findings.push(...styleFindings(summary));
      return { version, analysed, summary };
    } catch (e) {
      this.log(`analyse ${uri} failed: ${(e as Error)?.stack ?? e}`);
      return {
        version, failed: true,
        analysed: { source, dependencies: [], findings: [{ code: RULE_INTERNAL_ERROR.code, span: { start: 0, end: 0 }, message: `API Lens could not analyse this document: ${(e as Error)?.message ?? e}. Please report this.` }] },
      };
    }
  }

  /**
   * The analysed OpenAPI document that `$ref`s `uri` (a YAML/JSON file that is no API description itself), if any.
   * Only documents already analysed count (open ones, and those they reached): unrelated YAML/JSON gets nothing.
   */
  private fragmentOf(uri: string, text: string): Analysed | undefined {
    if (/^\s*</.test(text.slice(0, 4096))) return undefined;
    const refers = (a: Analysed | null | undefined): a is Analysed => !!a && dialectOf(a.source.kind.kind) === 'openapi' && a.dependencies.includes(uri);
    for (const [other, e] of this.cache) if (other !== uri && !e.tooLarge && !e.failed && refers(e.analysed)) return e.analysed!;
    // Its referrer's analysis was dropped (opening this file invalidates what depends on it): analyse it again.
    const known = this.referrers.get(uri);
    if (!known || known === uri || this.inProgress.has(known)) return undefined;
    const again = this.analyseModel(known);
    return refers(again) ? again : undefined;
  }

  /** What dialects get for another document: its analysis only when it has a model (not too large, not failed). */
  private analyseModel(uri: string): Analysed | undefined {
    const doc = this.analyse(uri);
    const entry = this.cache.get(uri);
    return doc && !entry?.tooLarge && !entry?.failed ? doc : undefined;
  }

  private withDialect<T>(uri: string, feature: string, fallback: T, run: (d: Dialect, ctx: FeatureContext<Analysed>) => T | undefined | null): T {
    const doc = this.analyse(uri);
    const entry = this.cache.get(uri);
    if (!doc || entry?.tooLarge || entry?.failed) return fallback; // no model: each feature would fail again
    const dialect = DIALECTS[dialectOf(doc.source.kind.kind)];
    const ctx: FeatureContext<Analysed> = { doc, workspace: this.workspace, analyse: (u) => this.analyseModel(u) };
    try {
      return run(dialect, ctx) ?? fallback;
    } catch (e) {
      this.log(`${feature} on ${uri} failed: ${(e as Error)?.stack ?? e}`);
      return fallback;
    }
  }

  // ---- features -----------------------------------------------------------------------------

  diagnostics(uri: string): LensDiagnostic[] {
    const doc = this.analyse(uri);
    if (!doc) return [];
    const out: LensDiagnostic[] = [];
    // A hostile or generated document can yield thousands of one finding (3,000 operations without an
    // operationId): past MAX_PER_CODE they are counted, and one diagnostic where the first omitted one is says so.
    const perCode = new Map<string, number>();
    const omitted = new Map<string, Finding>();
    for (const f of doc.findings) {
      const n = (perCode.get(f.code) ?? 0) + 1;
      perCode.set(f.code, n);
      if (n > MAX_PER_CODE) { if (!omitted.has(f.code)) omitted.set(f.code, f); continue; }
      const d = this.toDiagnostic(doc, f);
      if (d) out.push(d);
    }
    for (const [code, first] of omitted) {
      const d = this.toDiagnostic(doc, { code: RULE_TOO_MANY.code, span: first.span,
        message: `${perCode.get(code)! - MAX_PER_CODE} more ${code} diagnostics from here on are not listed: API Lens shows at most ${MAX_PER_CODE} per code.` });
      if (d) out.push(d);
    }
    return out;
  }

  private toDiagnostic(doc: Analysed, f: Finding): LensDiagnostic | undefined {
    const severity = effectiveSeverity(this.settings, f.code, f.severity);
    if (severity === 'off') return undefined;
    const d: LensDiagnostic = {
      range: doc.source.lines.rangeOf(f.span), severity, code: f.code, message: f.message, source: 'api-lens',
    };
    const href = this.docsLink(f.code);
    if (href) d.codeDescription = { href };
    if (f.related?.length) {
      d.relatedInformation = f.related.map((r) => ({
        message: r.message,
        location: { uri: r.uri, range: r.range ?? this.rangeIn(r.uri, r.span ?? { start: 0, end: 0 }) },
      }));
    }
    if (f.data !== undefined) d.data = f.data;
    return d;
  }

  docsLink(code: string): string | undefined {
    return this.docsDir ? pathToFileURL(path.join(this.docsDir, `${code}.md`)).toString() : undefined;
  }

  /** Converts a span in any known document to a range (0,0 when the document cannot be read). */
  rangeIn(uri: string, s: Span): { start: Position; end: Position } {
    const doc = this.analyse(uri);
    if (doc) return doc.source.lines.rangeOf(s);
    const read = this.workspace.read(uri);
    if (read) return new LineIndex(read.text).rangeOf(s);
    return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  }

  private offset(uri: string, pos: Position): number {
    return this.analyse(uri)?.source.lines.offsetAt(pos) ?? 0;
  }

  hover(uri: string, pos: Position): HoverResult | null {
    return this.withDialect(uri, 'hover', null, (d, ctx) => {
      const offset = this.offset(uri, pos);
      const own = d.hover?.(ctx, offset) ?? null;
      const root = d.rootSpan?.(ctx);
      if (!root || offset < root.start || offset > root.end) {
        // On an operation's head (its first line), add its design style.
        const lines = ctx.doc.source.lines;
        const line = lines.positionAt(offset).line;
        const described = this.describe(uri);
        const style = described && operationStyleMarkdown(described, (s) => s.start <= offset && offset <= s.end && lines.positionAt(s.start).line === line);
        if (!style) return own;
        return { markdown: own ? `${own.markdown}\n\n---\n\n${style}` : style, range: own?.range };
      }
      const summary = this.describe(uri);
      if (!summary) return own;
      const extra = summaryMarkdown(summary);
      return { markdown: own ? `${own.markdown}\n\n---\n\n${extra}` : extra, range: own?.range ?? ctx.doc.source.lines.rangeOf(root) };
    });
  }
  symbols(uri: string): DocumentSymbolResult[] {
    return this.withDialect(uri, 'symbols', [], (d, ctx) => d.symbols?.(ctx));
  }
  definition(uri: string, pos: Position): Location[] {
    return this.withDialect(uri, 'definition', [], (d, ctx) => d.definition?.(ctx, this.offset(uri, pos)));
  }
  references(uri: string, pos: Position, includeDeclaration: boolean): Location[] {
    return this.withDialect(uri, 'references', [], (d, ctx) => d.references?.(ctx, this.offset(uri, pos), includeDeclaration));
  }
  folding(uri: string): FoldingRangeResult[] {
    return this.withDialect(uri, 'folding', [], (d, ctx) => d.folding?.(ctx));
  }
  completion(uri: string, pos: Position): CompletionResult[] {
    return this.withDialect(uri, 'completion', [], (d, ctx) => d.completion?.(ctx, this.offset(uri, pos)));
  }
  codeActions(uri: string, diagnostics: LensDiagnostic[]): CodeActionResult[] {
    return this.withDialect(uri, 'codeActions', [], (d, ctx) => d.codeActions?.(ctx, diagnostics));
  }

  /** What the document is: protocols, formats, design styles, with evidence ranges filled in. */
  describe(uri: string): DocumentSummary | null {
    const doc = this.analyse(uri);
    const entry = this.cache.get(uri);
    if (!doc || !entry || entry.tooLarge || entry.failed) return null;
    if (entry.summary === undefined) entry.summary = this.summarise(DIALECTS[dialectOf(doc.source.kind.kind)], doc);
    if (entry.summary && !entry.rangesFilled) {
      // Converting thousands of evidence spans costs ~10-30 ms on large documents: only when someone looks.
      this.fillEvidenceRanges(entry.summary, doc);
      entry.rangesFilled = true;
    }
    return entry.summary ?? null;
  }

  /** Dialect signals -> classified summary (evidence ranges are filled by describe()); null when the dialect cannot summarise. */
  private summarise(dialect: Dialect, doc: Analysed): DocumentSummary | null {
    if (!dialect.summarize) return null;
    try {
      const raw = dialect.summarize({ doc, workspace: this.workspace, analyse: (u) => this.analyseModel(u) });
      return classify(raw);
    } catch (e) {
      this.log(`summarise ${doc.source.uri} failed: ${(e as Error)?.stack ?? e}`);
      return null;
    }
  }

  private fillEvidenceRanges(s: DocumentSummary, doc: Analysed): void {
    // The summarised document may still be under construction (not yet in the cache), so its own
    // spans are converted with its own LineIndex rather than through analyse().
    const range = (uri: string, sp: Span) => (uri === doc.source.uri ? doc.source.lines.rangeOf(sp) : this.rangeIn(uri, sp));
    const facts = [...s.protocols, ...s.formats, ...s.styles, ...s.security, ...s.operations.flatMap((o) => [...o.protocols, ...o.formats, ...o.styles])];
    for (const f of facts) for (const e of f.evidence) if (!e.range) e.range = range(e.uri, e.span);
    // Operations and endpoints too: the comparison view links each row to its source.
    for (const o of [...s.operations, ...s.endpoints]) if (!o.range) o.range = range(o.uri, o.span);
  }

}
