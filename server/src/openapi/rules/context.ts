/**
 * What every OpenAPI rule gets: the model, a way to report findings (only at spans of this document), and
 * small tree helpers. Quick fixes travel inside Finding.data as offset edits (openapi/quickFixes.ts reads them).
 */
import { copySpan, type Span } from '../../core/text';
import type { Finding, Severity } from '../../core/types';
import type { RuleMeta } from '../../rules/registry';
import type { JsonNode, JsonProperty } from '../../syntax/jsonTree';
import type { OpenApiModel } from '../model';
import type { Entry, EntryRecord, IncrementalRun } from '../entries';

export interface OffsetEdit { start: number; end: number; newText: string }
export interface FixData { title: string; edits: OffsetEdit[]; preferred?: boolean }
/** Shape of Finding.data for findings that carry a quick fix. */
export interface FindingFixData { fixes: FixData[] }

export class RuleContext {
  readonly findings: Finding[] = [];
  /**
   * Work budget for example validation across the document (schema applications): a 13 MB description
   * with thousands of large examples must not make diagnostics slow; beyond it examples go unchecked.
   */
  readonly exampleBudget = { left: 400_000 };
  private readonly seen = new Set<string>();
  /** The per-entry findings being recorded (inside entry()). */
  private recording?: EntryRecord;
  /**
   * Closures and objects of this run, kept as long as the analysis keeps this context and never read
   * (OpenApiAnalysed.retained says why): one entry per call site, and the last `compute` of each family.
   */
  readonly retained: unknown[] = [];
  private readonly lastCompute = new Map<string, () => void>();

  /** `run`: the incremental run (openapi/entries.ts); without it every entry is computed. */
  constructor(readonly model: OpenApiModel, readonly run?: IncrementalRun) {}

  /**
   * The per-entry part of a rule family for one entry (path item, component): replays what the previous
   * analysis found there when the edit left the entry (and, with `refs`, everything it reaches through
   * `$ref`) untouched; else runs `compute` and records what it reports, for the next edit. `compute` must
   * depend only on the entry's subtree, the rest of the document, and (with `refs`) what its `$ref`s reach.
   */
  entry(family: string, entry: Entry | undefined, refs: boolean, compute: () => void): void {
    this.lastCompute.set(family, compute);
    const run = this.run;
    if (!run || !entry || this.recording) { compute(); return; }
    const prev = run.reused(family, entry, refs);
    if (prev) {
      this.replay(prev.findings, prev.budget);
      run.keep(family, entry, prev);
      return;
    }
    const rec: EntryRecord = { findings: [], lineDependent: false, budget: 0 };
    this.record(rec, compute);
    run.keep(family, entry, rec);
  }

  /** Keeps closures made once per run alive with the analysis (see `retained`). */
  retain(...kept: unknown[]): void { for (const k of kept) this.retained.push(k); }

  /** Reports findings recorded by an earlier analysis (already moved to this text). */
  replay(findings: readonly Finding[], budget: number): void {
    for (const f of findings) this.add(f);
    this.exampleBudget.left -= budget;
  }

  /** Runs `compute`, appending what it reports (and the budget, reads, line use) to `rec`. */
  record(rec: EntryRecord, compute: () => void): void {
    this.lastCompute.set('\0record', compute);
    if (this.recording) { compute(); return; }
    const before = this.exampleBudget.left;
    this.recording = rec;
    try { compute(); } finally {
      this.recording = undefined;
      rec.budget += before - this.exampleBudget.left;
    }
  }

  /** Entries a `$ref` resolution read (rules/resolve.ts): the recorded entry depends on them. */
  noteReads(keys: readonly string[]): void {
    const rec = this.recording;
    if (!rec || !keys.length) return;
    rec.reads ??= new Set();
    for (const k of keys) rec.reads.add(k);
  }

  private add(f: Finding): void {
    // Recorded with copies of its spans: spans of the tree move in place on the next incremental re-parse.
    if (this.recording) this.recording.findings.push({ ...f, span: copySpan(f.span), ...(f.related ? { related: f.related.map((r) => (r.span ? { ...r, span: copySpan(r.span) } : r)) } : {}) });
    const key = `${f.code}:${f.span.start}:${f.span.end}:${f.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push(f);
  }

  get kind() { return this.model.kind; }
  get text() { return this.model.text; }

  report(rule: RuleMeta, span: Span, message: string, extra?: { severity?: Severity; fixes?: FixData[]; related?: Finding['related'] }): void {
    if (!rule.appliesTo.includes(this.model.kind) && !rule.appliesTo.includes('any')) return;
    const f: Finding = { code: rule.code, message, span };
    if (extra?.severity) f.severity = extra.severity;
    if (extra?.related) f.related = extra.related;
    if (extra?.fixes?.length) f.data = { fixes: extra.fixes } satisfies FindingFixData;
    this.add(f);
  }

  /** A related-information entry pointing at another place of this document. */
  relatedHere(span: Span, message: string): NonNullable<Finding['related']>[number] {
    return { uri: this.model.uri, span, message };
  }

  /** Whether a node belongs to this document's tree (resolved `$ref` targets may live in other files). */
  owns(node: JsonNode): boolean {
    let n: JsonNode = node;
    for (let i = 0; n.parent && i < 10_000; i++) n = n.parent;
    return n === this.model.root;
  }

  line(offset: number): number {
    if (this.recording) this.recording.lineDependent = true;
    return this.model.lines.positionAt(offset).line + 1;
  }

  /** Column (UTF-16) of an offset, for indenting inserted YAML. */
  column(offset: number): number { return this.model.lines.positionAt(offset).character; }

  /** Whether an object node is written in flow/JSON style (`{ ... }`), so inserted members use JSON syntax. */
  isFlow(node: JsonNode): boolean {
    return this.model.syntax === 'json' || this.model.text.charCodeAt(node.span.start) === 123 /* { */;
  }
}

export function prop(node: JsonNode | undefined, key: string): JsonProperty | undefined {
  if (!node || node.type !== 'object' || !node.properties) return undefined;
  for (const p of node.properties) if (p.key === key) return p;
  return undefined;
}

export function val(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return prop(node, key)?.value;
}

export function strVal(node: JsonNode | undefined, key: string): string | undefined {
  const v = val(node, key);
  return v?.type === 'string' ? v.value as string : undefined;
}

/** Inline code for messages: document text in backticks, shortened, backticks removed. */
export function code(s: string, max = 80): string {
  const t = s.length > max ? s.slice(0, max - 1) + '…' : s;
  return '`' + t.replace(/`/g, "'") + '`';
}
