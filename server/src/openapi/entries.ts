/**
 * Incremental re-analysis support: the document split into *entries* (each path item, webhook and component,
 * the rest of the document being "the rest"), the region an edit changed, and a per-entry cache of rule
 * findings that survives an edit.
 *
 * An entry is *clean* after an edit when its property (key start to value end) lies strictly outside the
 * changed region and has the same key and length as before: its text is then identical, so anything computed
 * from its subtree alone is identical too, once spans after the edit are moved by the edit's delta. This holds
 * whether the parser kept the entry's nodes (jsonIncremental) or parsed the whole text again. An edit that
 * touches the rest (the version, `info`, `tags`, root `security`, ...) is never incremental: the caller runs
 * the full analysis. Checks that read through `$ref`s also depend on the entries they reach: `dirtyFor`
 * widens the dirty set along the reverse `$ref` graph.
 */
import type { Span } from '../core/text';
import type { Finding } from '../core/types';
import type { JsonNode, JsonProperty } from '../syntax/jsonTree';
import { pointerSegments, type OpenApiModel, type OperationModel, type PathItemModel, type RefModel, type ServerModel } from './model';

/** In an entry's reads: something the plan cannot place (another file, an unresolved `$ref`): never reuse. */
export const VOLATILE = '\0volatile';

/** What an edit changed: [start, oldEnd) of the previous text became [start, newEnd) of the new one. */
export interface ChangeRegion {
  start: number;
  oldEnd: number;
  newEnd: number;
  /** The edit added or removed line breaks (messages that cite line numbers may change). */
  linesMoved: boolean;
}

/**
 * Folds a sequence of offset edits (each against the text left by the previous one) into one region of the
 * first text; undefined when there is none.
 */
export function regionOfEdits(edits: readonly { start: number; end: number; text: string }[], oldText: string, newText: string): ChangeRegion | undefined {
  let r: { start: number; oldEnd: number; newEnd: number } | undefined;
  for (const e of edits) {
    const len = e.text.length;
    if (!r) { r = { start: e.start, oldEnd: e.end, newEnd: e.start + len }; continue; }
    // r maps old [start, oldEnd) to current [start, newEnd); e is in current coordinates.
    const start = Math.min(r.start, e.start);
    const oldEnd = e.end <= r.newEnd ? r.oldEnd : r.oldEnd + (e.end - r.newEnd);
    const newEnd = Math.max(r.newEnd, e.end) + len - (e.end - e.start);
    r = { start, oldEnd, newEnd };
  }
  if (!r || r.oldEnd - r.start > oldText.length || newText.length - r.newEnd !== oldText.length - r.oldEnd) return undefined;
  const breaks = (t: string, a: number, b: number) => { let n = 0; for (let i = t.indexOf('\n', a); i >= 0 && i < b; i = t.indexOf('\n', i + 1)) n++; return n; };
  return { ...r, linesMoved: breaks(oldText, r.start, r.oldEnd) !== breaks(newText, r.start, r.newEnd) };
}

/** A top-level unit of the document: path item, webhook, or component. */
export interface Entry {
  /** 'paths\0/pets', 'components\0schemas\0Pet', 'definitions\0Pet' (with '\0#n' for a repeated key). */
  key: string;
  prop: JsonProperty;
  node: JsonNode;
}

const SWAGGER_SECTIONS = new Set(['definitions', 'parameters', 'responses', 'securityDefinitions']);

/** The entries of a document in source order. */
export function entriesOf(root: JsonNode | undefined, swagger: boolean): Entry[] {
  const out: Entry[] = [];
  if (!root?.properties) return out;
  const seen = new Set<string>();
  const add = (prefix: string, holder: JsonNode) => {
    for (const p of holder.properties ?? []) {
      let key = prefix + '\0' + p.key;
      for (let i = 1; seen.has(key); i++) key = prefix + '\0' + p.key + '\0#' + i;
      seen.add(key);
      out.push({ key, prop: p, node: p.value });
    }
  };
  for (const p of root.properties) {
    if (p.value.type !== 'object') continue;
    if (p.key === 'paths' || p.key === 'webhooks' || (swagger && SWAGGER_SECTIONS.has(p.key))) add(p.key, p.value);
    else if (p.key === 'components' && !swagger) for (const s of p.value.properties ?? []) if (s.value.type === 'object') add('components\0' + s.key, s.value);
  }
  return out;
}

/**
 * Whether `n` sits where entries sit (two or three levels below `root`): a test of two parent links, cheaper
 * than a map lookup, for walks that would otherwise look every node up in the entries.
 */
export function atEntryDepth(n: JsonNode, root: JsonNode | undefined): boolean {
  const p = n.parent;
  return p !== undefined && p.parent !== undefined && (p.parent === root || p.parent.parent === root);
}

/** The entry key a decoded local pointer lands in, or undefined for the rest of the document. */
export function entryKeyOfPointer(pointer: string, swagger: boolean): string | undefined {
  // Thousands of refs name the same targets: remember the answers (bounded).
  const memo = swagger ? swaggerKeys : oasKeys;
  const known = memo.get(pointer);
  if (known !== undefined || memo.has(pointer)) return known;
  const s = pointerSegments(pointer);
  let k: string | undefined;
  if (s.length >= 2 && (s[0] === 'paths' || s[0] === 'webhooks' || (swagger && SWAGGER_SECTIONS.has(s[0])))) k = s[0] + '\0' + s[1];
  else if (!swagger && s.length >= 3 && s[0] === 'components') k = 'components\0' + s[1] + '\0' + s[2];
  if (memo.size > 100_000) memo.clear();
  memo.set(pointer, k);
  return k;
}
const swaggerKeys = new Map<string, string | undefined>();
const oasKeys = new Map<string, string | undefined>();

/** Maps an offset of the previous text outside the changed region to the new text. */
export function mapOffset(o: number, r: ChangeRegion): number {
  return o >= r.oldEnd ? o + (r.newEnd - r.oldEnd) : o;
}

function mapSpan(s: Span, r: ChangeRegion): Span {
  return { start: mapOffset(s.start, r), end: mapOffset(s.end, r) };
}

/** Whether a span of the previous text touches the changed region (touching counts: conservative). */
function touches(s: Span, r: ChangeRegion): boolean {
  return s.start <= r.oldEnd && s.end >= r.start;
}

/** A finding moved to the new text; undefined when one of its spans touches the change. */
function shiftFinding(f: Finding, r: ChangeRegion): Finding | undefined {
  if (touches(f.span, r)) return undefined;
  const out: Finding = { ...f, span: mapSpan(f.span, r) };
  if (f.related) {
    const rel: NonNullable<Finding['related']> = [];
    for (const x of f.related) {
      if (x.span && touches(x.span, r)) return undefined;
      // Ranges of related entries are computed from spans later; a precomputed range cannot be moved here.
      if (x.range) return undefined;
      rel.push(x.span ? { ...x, span: mapSpan(x.span, r) } : x);
    }
    out.related = rel;
  }
  if (f.data !== undefined) return undefined; // quick-fix edits carry offsets: recompute rather than rewrite them
  return out;
}

/** The `$ref`s of one entry; `resolved`: none has a problem, and the entries their resolution read. */
export interface RefsRecord { start: number; refs: RefModel[]; resolved?: Set<string> }

/** The entries a resolved `$ref` chain read (one per hop); VOLATILE for a hop an incremental run cannot place. */
export function chainReads(chain: readonly RefModel[], uri: string, swagger: boolean): string[] {
  const out: string[] = [];
  addChainReads(chain, uri, swagger, { add: (k: string) => out.push(k) });
  return out;
}

/** chainReads() into a set (no array per chain: a summary resolves ~100k refs). */
export function addChainReads(chain: readonly RefModel[], uri: string, swagger: boolean, into: { add(k: string): unknown }): void {
  for (const r of chain) {
    if (r.targetUri !== uri || r.base || r.external || r.remote) { into.add(VOLATILE); return; }
    const k = entryKeyOfPointer(r.targetPointer, swagger);
    if (k) into.add(k);
    else if (r.targetPointer !== '' && !r.targetPointer.startsWith('/')) { into.add(VOLATILE); return; }
  }
}

/**
 * The model objects one path item or webhook entry produced (openapi/build.ts), in the order they were added
 * to the model's lists (callback path items before their parent); `top`: the entry's own path item.
 */
export interface ModelRecord { start: number; top: PathItemModel; pathItems: PathItemModel[]; operations: OperationModel[]; servers: ServerModel[] }

/** What one entry produced for one rule family. */
export interface EntryRecord {
  findings: Finding[];
  /** A message cites a line number (ctx.line): stale when the edit moved lines. */
  lineDependent: boolean;
  /** Work taken from the shared example budget. */
  budget: number;
  /** Entries (keys) the results were read from through `$ref`s ('reads' families); VOLATILE: never reuse. */
  reads?: Set<string>;
  /** Family-specific facts (e.g. example/schema pairs checked), in offsets of the text they were recorded on. */
  extra?: unknown;
}

/** Per-family, per-entry findings of one analysis, keyed by the entry's property start. */
export class RuleCache {
  readonly families = new Map<string, Map<number, EntryRecord>>();
  /** Entry property start -> [key, property length] when recorded. */
  readonly entries = new Map<number, { key: string; length: number }>();
  /** The example budget ran out: which examples were checked depended on order; never reuse. */
  exhausted = false;
  /** The `$ref`s of each entry (openapi/build.ts collectRefs), by entry value node. */
  readonly refs = new Map<JsonNode, RefsRecord>();
  /** The model objects of each path item / webhook entry (openapi/build.ts), by entry value node. */
  readonly models = new Map<JsonNode, ModelRecord>();

  constructor(entries: Entry[]) {
    for (const e of entries) this.entries.set(e.prop.span.start, { key: e.key, length: e.prop.span.end - e.prop.span.start });
  }

  family(name: string): Map<number, EntryRecord> {
    let m = this.families.get(name);
    if (!m) this.families.set(name, m = new Map());
    return m;
  }
}

/**
 * The plan for one incremental rules run: which entries of the new document are clean (with their previous
 * start) and which entry keys changed, so families can reuse records and decide what to recompute.
 */
export class IncrementalPlan {
  /** New entry property start -> previous start, for clean entries only. */
  readonly cleanFrom = new Map<number, number>();
  /** Keys of entries that changed, appeared or vanished (both texts). */
  readonly dirtyKeys = new Set<string>();
  private readonly byNode = new Map<JsonNode, Entry>();
  private reverseRefs?: Map<string, Set<string>>;
  private volatile?: Set<string>;
  private readonly widened = new Map<string, Set<string>>();
  private model?: OpenApiModel;

  constructor(readonly previous: RuleCache, readonly region: ChangeRegion, readonly entries: Entry[]) {
    const seenOld = new Set<number>();
    for (const e of entries) {
      this.byNode.set(e.node, e);
      const s = e.prop.span;
      const clean = s.end < region.start || s.start > region.newEnd;
      const oldStart = s.start > region.newEnd ? s.start - (region.newEnd - region.oldEnd) : s.start;
      const old = clean ? previous.entries.get(oldStart) : undefined;
      if (old && old.key === e.key && old.length === s.end - s.start) { this.cleanFrom.set(s.start, oldStart); seenOld.add(oldStart); }
      else this.dirtyKeys.add(e.key);
    }
    for (const [start, { key }] of previous.entries) if (!seenOld.has(start)) this.dirtyKeys.add(key);
  }

  entryOf(node: JsonNode): Entry | undefined { return this.byNode.get(node); }

  /** The model built for this analysis (the \$ref graph reads its refs). */
  setModel(model: OpenApiModel): void { this.model = model; }

  /**
   * Keys of entries whose results may change for a check that reads the model's resolved `$ref`s (parameters,
   * responses, request bodies, path items: refs outside schemas): the dirty entries and, transitively, every
   * entry holding such a `$ref` into one of them; entries with refs the plan cannot place (other files, `$id`
   * bases, anchors) always count.
   */
  dirtyThroughRefs(): Set<string> {
    const cached = this.widened.get('refs');
    if (cached) return cached;
    this.buildRefGraph();
    const out = new Set<string>([...this.dirtyKeys, ...this.volatile!]);
    const queue = [...out];
    while (queue.length) {
      const k = queue.pop()!;
      for (const from of this.reverseRefs!.get(k) ?? []) if (!out.has(from)) { out.add(from); queue.push(from); }
    }
    this.widened.set('refs', out);
    return out;
  }

  private buildRefGraph(): void {
    if (this.reverseRefs) return;
    if (!this.model) throw new Error('IncrementalPlan: no model yet');
    const swagger = this.model.kind === 'swagger2';
    this.reverseRefs = new Map();
    this.volatile = new Set();
    // The entries in order, and each ref's entry by position (refs are sorted): no walk up the parents.
    const entries = this.entries;
    let e = 0;
    for (const r of this.model.refs) {
      // Refs inside schemas are read only through rules/resolve.ts, which notes them per entry (reads).
      if (r.context === 'schema') continue;
      const at = r.keySpan.start;
      while (e < entries.length && entries[e].prop.span.end < at) e++;
      const from = e < entries.length && entries[e].prop.span.start <= at ? entries[e].key : undefined;
      if (!from) continue; // a ref in the rest: the rest is unchanged in an incremental run
      if (r.targetUri !== this.model.uri || r.base || r.external || r.remote) { this.volatile.add(from); continue; }
      const to = entryKeyOfPointer(r.targetPointer, swagger);
      if (!to) { if (r.targetPointer !== '' && !r.targetPointer.startsWith('/')) this.volatile.add(from); continue; }
      let s = this.reverseRefs.get(to);
      if (!s) this.reverseRefs.set(to, s = new Set());
      s.add(from);
    }
  }

  /** The previous record of a clean entry for a family, moved to the new text; undefined: recompute. */
  reuse(family: string, entry: Entry, dirty: ReadonlySet<string>): EntryRecord | undefined {
    if (dirty.has(entry.key)) return undefined;
    const from = this.cleanFrom.get(entry.prop.span.start);
    if (from === undefined) return undefined;
    const rec = this.previous.families.get(family)?.get(from);
    if (!rec || (rec.lineDependent && this.region.linesMoved)) return undefined;
    if (rec.reads) for (const k of rec.reads) if (k === VOLATILE || this.dirtyKeys.has(k)) return undefined;
    // Most records hold no finding: nothing to move, the record itself serves again (no copy per entry and family).
    if (!rec.findings.length) return rec;
    const findings: Finding[] = [];
    for (const f of rec.findings) {
      const g = shiftFinding(f, this.region);
      if (!g) return undefined;
      findings.push(g);
    }
    return { findings, lineDependent: rec.lineDependent, budget: rec.budget, extra: rec.extra, reads: rec.reads };
  }
}

/**
 * One rules run's view of the cache: the entries, the plan (absent on a full analysis) and the cache being
 * filled for the next edit. Families call RuleContext.entry(), which uses this.
 */
export class IncrementalRun {
  readonly byNode = new Map<JsonNode, Entry>();
  /** Entries computed (not reused) per family: for the bench and tests. */
  readonly computed: Record<string, number> = {};
  private readonly reusedRecords = new Map<string, Map<Entry, EntryRecord | null>>();

  constructor(readonly entries: Entry[], readonly plan: IncrementalPlan | undefined, readonly next: RuleCache, private readonly uri: string, private readonly swagger: boolean) {
    for (const e of entries) this.byNode.set(e.node, e);
  }

  /**
   * The previous record of `entry` for `family` moved to this text, once per run; undefined: recompute.
   * `refs`: the family reads the model's resolved `$ref`s, so any entry reachable through refs counts.
   */
  reused(family: string, entry: Entry, refs: boolean): EntryRecord | undefined {
    if (!this.plan) return undefined;
    let byEntry = this.reusedRecords.get(family);
    if (!byEntry) this.reusedRecords.set(family, byEntry = new Map());
    let r = byEntry.get(entry);
    if (r === undefined) {
      r = this.plan.reuse(family, entry, refs ? this.plan.dirtyThroughRefs() : this.plan.dirtyKeys) ?? null;
      byEntry.set(entry, r);
    }
    if (!r) this.computed[family] = (this.computed[family] ?? 0) + 1;
    return r ?? undefined;
  }

  /** The entries a resolved `$ref` chain read (one per hop); VOLATILE for a hop the plan cannot place. */
  readsOf(chain: readonly RefModel[]): string[] {
    return chainReads(chain, this.uri, this.swagger);
  }

  keep(family: string, entry: Entry, rec: EntryRecord): void {
    this.next.family(family).set(entry.prop.span.start, rec);
  }

  /** The record of `entry` for `family` in the cache being filled (created empty). */
  nextRecord(family: string, entry: Entry): EntryRecord {
    const m = this.next.family(family);
    let r = m.get(entry.prop.span.start);
    if (!r) m.set(entry.prop.span.start, r = { findings: [], lineDependent: false, budget: 0 });
    return r;
  }

  /** The entry whose property holds `offset`, if any. */
  entryAt(offset: number): Entry | undefined {
    const es = this.entries;
    let lo = 0, hi = es.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = es[mid].prop.span;
      if (offset < s.start) hi = mid - 1;
      else if (offset > s.end) lo = mid + 1;
      else return es[mid];
    }
    return undefined;
  }

  /** An offset of this text inside a clean entry, in the previous text. */
  previousOffset(o: number): number {
    const r = this.plan?.region;
    return r && o >= r.newEnd ? o - (r.newEnd - r.oldEnd) : o;
  }
}
