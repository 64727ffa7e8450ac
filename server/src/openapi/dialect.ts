/**
 * The OpenAPI dialect (Swagger 2.0, OpenAPI 3.0 / 3.1 / 3.2, YAML or JSON): parse, build the model,
 * resolve `$ref`s, run the rule set, and answer the features over the model. Other modules read
 * `OpenApiAnalysed.model` (openapi/model.ts).
 */
import type { Span } from '../core/text';
import type { CompletionResult, DocumentSymbolResult, Finding, FoldingRangeResult, Location } from '../core/types';
import type { Analysed, Dialect, FeatureContext, SourceDocument } from '../service/dialect';
import type { Workspace } from '../service/workspace';
import type { JsonDocument, JsonNode } from '../syntax/jsonTree';
import { parseJson } from '../syntax/jsonParser';
import { parseYaml, yamlSplittable } from '../syntax/yamlParser';
import { reparseJson } from '../syntax/jsonIncremental';
import { reparseYaml } from '../syntax/yamlIncremental';
import type { TextEdit } from '../service/dialect';
import { addChainReads, entriesOf, IncrementalPlan, IncrementalRun, regionOfEdits, RuleCache, VOLATILE, type ChangeRegion, type Entry, type RefsRecord } from './entries';
import { buildModel } from './build';
import { deferDamagedFindings } from './damage';
import { RULE_JSON_SYNTAX, RULE_REF_CYCLE, RULE_REF_REMOTE, RULE_REF_UNRESOLVED, RULE_YAML_SYNTAX } from './codes';
import { nodeAtOffset, type OpenApiModel, type RefModel, type RefProblem } from './model';
import { Resolver } from './refs';
import { runOpenApiRules } from './rules/index';
import { openApiHover } from './hover';
import { summarizeOpenApi } from './summarize';
import { refCompletions } from './completion';
import { keyCompletions } from './keyCompletion';
import { openApiCodeActions } from './quickFixes';

export interface OpenApiAnalysed extends Analysed {
  model: OpenApiModel;
  resolver: Resolver;
  /** Per-entry rule results for the next edit (openapi/entries.ts); absent when an edit cannot reuse them. */
  ruleCache?: RuleCache;
  /** The incremental run of this analysis until the summary is made (it reuses per-entry summaries too). */
  run?: IncrementalRun;
  /**
   * Objects the analysis made for itself (the model builder, the rules' context), kept as long as it is, never
   * read. V8 forgets the hidden classes of objects no live instance has at a full collection, and with them
   * the optimized code that used them: the worker's full collection between two edits (lsp/memory.ts) then cost
   * the next edit a recompilation of the whole path, ~150 ms of CPU on GitHub's description (bench/FINDINGS.md).
   */
  retained?: object[];
}

const OAS_KINDS = new Set(['swagger2', 'oas30', 'oas31', 'oas32']);
/** Whether another document's analysis is an OpenAPI one (the service also holds WSDL analyses). */
export function isOpenApiAnalysed(a: Analysed | undefined): a is OpenApiAnalysed {
  return !!a && OAS_KINDS.has(a.source.kind.kind) && (a as OpenApiAnalysed).resolver instanceof Resolver;
}

/** Parse figures of the last analyses (for the corpus report and the bench). */
export const timings = { parseMs: 0, buildMs: 0, rulesMs: 0, families: {} as Record<string, number>, incremental: false, computed: {} as Record<string, number>, entries: 0 };

export function parseText(text: string, syntax: 'json' | 'yaml' | 'xml'): JsonDocument {
  return syntax === 'json' ? parseJson(text) : parseYaml(text);
}

function analyse(source: SourceDocument, workspace: Workspace, analyseOther: (uri: string) => Analysed | undefined): OpenApiAnalysed {
  const t0 = performance.now();
  const doc = parseText(source.text, source.kind.syntax);
  return analyseDoc(source, doc, workspace, analyseOther, t0);
}

/**
 * After an edit (Dialect.reanalyse): JSON and YAML documents re-parse only the part around the change
 * (syntax/jsonIncremental.ts, yamlIncremental.ts; YAML falls back to a full parse when that declines and
 * the rules can still reuse something); the model is rebuilt, and the rules reuse
 * what the previous analysis found in the entries the edit left untouched (openapi/entries.ts).
 * Undefined: the service calls analyse().
 */
function reanalyse(previous: OpenApiAnalysed, source: SourceDocument, edits: readonly TextEdit[], workspace: Workspace, analyseOther: (uri: string) => Analysed | undefined): OpenApiAnalysed | undefined {
  if (source.kind.syntax !== previous.source.kind.syntax || !previous.model || source.kind.fragment) return undefined;
  const t0 = performance.now();
  const oldText = previous.source.text;
  let region = regionOfEdits(edits, oldText, source.text);
  const cache = previous.ruleCache;
  // Taken now: reparseJson mutates the previous tree, and the analysis below replaces it.
  const prevEntries = cache && region ? cache.entries : undefined;
  let doc: JsonDocument | undefined;
  if (source.kind.syntax === 'json') doc = reparseJson(previous.model.doc, oldText, source.text, region);
  else if (source.kind.syntax === 'yaml') {
    // Indentation is structure in YAML: the rules count whole lines as changed.
    if (region) region = widenToLines(region, oldText, source.text);
    doc = reparseYaml(previous.model.doc, oldText, source.text);
    // A full parse still lets the rules reuse the entries the edit left untouched.
    if (!doc && cache) doc = parseText(source.text, 'yaml');
  }
  if (!doc) return undefined;
  const reuse = cache && region && prevEntries ? { cache, region, kind: previous.model.kind, version: previous.model.version } : undefined;
  return analyseDoc(source, doc, workspace, analyseOther, t0, reuse);
}

function widenToLines(r: ChangeRegion, oldText: string, newText: string): ChangeRegion {
  const start = oldText.lastIndexOf('\n', r.start - 1) + 1;
  const nl = oldText.indexOf('\n', r.oldEnd);
  const d = (nl < 0 ? oldText.length : nl) - r.oldEnd;
  return { start, oldEnd: r.oldEnd + d, newEnd: Math.min(newText.length, r.newEnd + d), linesMoved: r.linesMoved };
}

interface Reuse { cache: RuleCache; region: ChangeRegion; kind: string; version: string }

/**
 * Whether the previous rule results may serve this analysis: same version, no syntax trouble, and the change
 * inside one entry (path item, component) in both texts, with the same entries around it.
 */
function planFor(reuse: Reuse | undefined, source: SourceDocument, doc: JsonDocument, entries: Entry[]): IncrementalPlan | undefined {
  if (!reuse || reuse.cache.exhausted || doc.errors.length || doc.damaged || source.kind.kind !== reuse.kind || source.kind.version !== reuse.version) return undefined;
  const { region, cache } = reuse;
  if (entries.length !== cache.entries.size) return undefined;
  // YAML regions are whole lines: the indentation before an entry's key is the entry's too (an edit that
  // moves the key moves the entry's start, and then no previous entry starts there).
  const from = (e: Entry) => (doc.syntax === 'yaml' ? indentStart(source.text, e.prop.span.start) : e.prop.span.start + 1);
  const inside = entries.find((e) => from(e) <= region.start && region.newEnd < e.prop.span.end);
  if (!inside) return undefined;
  const old = cache.entries.get(inside.prop.span.start);
  if (!old || !sameSection(old.key, inside.key)) return undefined;
  if (!(region.oldEnd < inside.prop.span.start + old.length)) return undefined;
  return new IncrementalPlan(cache, region, entries);
}

/** The start of the line of `at` when only spaces precede it there, else `at` + 1 (nothing before counts). */
function indentStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && text.charCodeAt(i - 1) === 32) i--;
  return i === 0 || text.charCodeAt(i - 1) === 10 ? i : at + 1;
}

/** Same section ('paths', 'components\0schemas'): a renamed entry stays in its section. */
function sameSection(a: string, b: string): boolean {
  return a.slice(0, a.lastIndexOf('\0')) === b.slice(0, b.lastIndexOf('\0'));
}

function analyseDoc(source: SourceDocument, doc: JsonDocument, workspace: Workspace, analyseOther: (uri: string) => Analysed | undefined, t0: number, reuse?: Reuse): OpenApiAnalysed {
  const t1 = performance.now();
  let findings: Finding[] = [];
  const syntaxCode = doc.syntax === 'json' ? RULE_JSON_SYNTAX.code : RULE_YAML_SYNTAX.code;
  for (const e of doc.errors) findings.push({ code: syntaxCode, message: e.message, span: e.span, ...(e.related ? { related: e.related.map((r) => ({ uri: source.uri, span: r.span, range: source.lines.rangeOf(r.span), message: r.message })) } : {}) });
  // U+FFFD is what decoding leaves for bytes that are not UTF-8 (e.g. a file saved as Latin-1).
  const bad = source.text.indexOf('\ufffd');
  if (bad >= 0) {
    let n = 0;
    for (let i = bad; i >= 0 && n < 1000; i = source.text.indexOf('\ufffd', i + 1)) n++;
    findings.push({ code: syntaxCode, severity: 'warning', span: { start: bad, end: bad + 1 },
      message: `This character (U+FFFD) replaces bytes that are not valid UTF-8${n > 1 ? ` (${n >= 1000 ? '1000+' : n} places)` : ''}: the file was probably saved in another encoding, such as Latin-1. ${doc.syntax === 'json' ? 'JSON' : 'YAML'} must be UTF-8; save it as UTF-8.` });
  }
  // Entries are independent only in a tree without syntax errors or shared (YAML aliases) nodes.
  const cacheable = !doc.errors.length && !doc.damaged && !(doc.syntax === 'yaml' && !yamlSplittable(doc)) && !source.kind.fragment && doc.root?.type === 'object';
  const entries = cacheable ? entriesOf(doc.root, source.kind.kind === 'swagger2') : [];
  const plan = cacheable ? planFor(reuse, source, doc, entries) : undefined;
  const next = cacheable ? new RuleCache(entries) : undefined;
  const refReuse = next ? {
    entries: new Map(entries.map((e) => [e.node, e.prop.span.start])),
    cleanFrom: plan?.cleanFrom,
    previous: plan ? reuse?.cache.refs : undefined,
    next: next.refs,
    models: { plan, previous: plan ? reuse?.cache.models : undefined, next: next.models },
  } : undefined;
  const { model, resolver, retained } = buildModel(source, doc, { workspace, analyseOther }, refReuse);
  plan?.setModel(model);
  const t2 = performance.now();
  const crossFile = new Set<Finding>();
  for (const p of refProblems(resolver, model, entries, plan, refReuse?.next)) {
    if (p.kind === 'unresolved' && p.ref.context === 'schema' && (p.ref as RefModel & { underId?: boolean }).underId) continue; // base URI changed by $id
    const code = p.kind === 'remote' ? RULE_REF_REMOTE.code : p.kind === 'cycle' ? RULE_REF_CYCLE.code : RULE_REF_UNRESOLVED.code;
    const f: Finding = { code, message: p.message, span: p.ref.valueSpan };
    if (p.ref.targetUri !== model.uri) crossFile.add(f);
    findings.push(f);
  }
  // A fragment (a plain file a document $refs) has no root object of its own: only its $refs are checked.
  let ruleCache: RuleCache | undefined;
  let lastRun: IncrementalRun | undefined;
  timings.incremental = false;
  if (model.root && !source.kind.fragment) {
    timings.families = {};
    const onTiming = (f: string, ms: number) => { timings.families[f] = ms; };
    timings.incremental = !!plan;
    let run = next ? new IncrementalRun(entries, plan, next, model.uri, model.kind === 'swagger2') : undefined;
    let ruleFindings = runOpenApiRules(model, { onTiming, run, retain: retained });
    if (plan && run?.next.exhausted) {
      // The example budget ran out: which examples got checked depends on order; start again from nothing.
      const again = new RuleCache(entries);
      for (const [k, v] of run.next.refs) again.refs.set(k, v);
      for (const [k, v] of run.next.models) again.models.set(k, v);
      run = new IncrementalRun(entries, undefined, again, model.uri, model.kind === 'swagger2');
      timings.incremental = false;
      ruleFindings = runOpenApiRules(model, { onTiming, run, retain: retained });
    }
    findings.push(...ruleFindings);
    ruleCache = run?.next;
    lastRun = run;
    timings.computed = run?.computed ?? {};
    timings.entries = entries.length;
  }
  const t3 = performance.now();
  if (doc.damaged) findings = deferDamagedFindings(doc, source.text, findings, crossFile);
  timings.parseMs = t1 - t0; timings.buildMs = t2 - t1; timings.rulesMs = t3 - t2;
  return { source, findings, dependencies: [...resolver.dependencies], model, resolver, ruleCache, run: ruleCache ? lastRun : undefined, retained };
}

/**
 * The resolver's problems, entry by entry: an entry whose refs are the previous analysis' (same nodes) and
 * all resolved, through entries the edit left alone, still has none; the others are resolved again.
 * Each entry's verdict is recorded in `next` for the next edit.
 */
function refProblems(resolver: Resolver, model: OpenApiModel, entries: Entry[], plan: IncrementalPlan | undefined, next: Map<JsonNode, RefsRecord> | undefined): RefProblem[] {
  if (!next) return resolver.problems();
  const out: RefProblem[] = [];
  const loops = new Set<RefProblem>();
  const refs = model.refs;
  const swagger = model.kind === 'swagger2';
  let e = 0;
  for (let i = 0; i < refs.length;) {
    const at = refs[i].keySpan.start;
    while (e < entries.length && entries[e].prop.span.end < at) e++;
    const entry = e < entries.length && entries[e].prop.span.start <= at ? entries[e] : undefined;
    if (!entry) { out.push(...resolver.problemsOf([refs[i]], loops)); i++; continue; }
    let j = i + 1;
    while (j < refs.length && refs[j].keySpan.start <= entry.prop.span.end) j++;
    const rec = next.get(entry.node);
    if (rec?.resolved && plan && ![...rec.resolved].some((k) => k === VOLATILE || plan.dirtyKeys.has(k))) { i = j; continue; }
    const chains: (readonly RefModel[] | undefined)[] = [];
    const found = resolver.problemsOf(refs.slice(i, j), loops, chains);
    out.push(...found);
    if (rec) {
      rec.resolved = undefined;
      if (!found.length && chains.every((c) => c)) {
        const reads = new Set<string>();
        for (const c of chains) addChainReads(c!, model.uri, swagger, reads);
        if (!reads.has(VOLATILE)) rec.resolved = reads;
      }
    }
    i = j;
  }
  return out;
}

// ---- navigation ---------------------------------------------------------------------------------

/** The `$ref` whose value (or key) is at the offset. */
export function refAt(model: OpenApiModel, offset: number): RefModel | undefined {
  const hit = nodeAtOffset(model.root, offset);
  if (!hit) return undefined;
  const holder = hit.property?.key === '$ref' ? hit.ancestors[hit.ancestors.length - 1] : undefined;
  if (!holder) return undefined;
  return model.resolver instanceof Resolver ? model.resolver.refOfHolder(holder) : model.refs.find((r) => r.holder === holder);
}

function definition(ctx: FeatureContext<OpenApiAnalysed>, offset: number): Location[] {
  const { model, resolver } = ctx.doc;
  const ref = refAt(model, offset);
  if (!ref) return [];
  const t = resolver.target(ref);
  if (!('node' in t)) return [];
  // Land on the key that names the target when there is one (e.g. `Pet:`), else on the value.
  const parent = t.node.parent;
  const prop = parent?.type === 'object' ? parent.properties?.find((p) => p.value === t.node) : undefined;
  const span = prop ? { start: prop.keySpan.start, end: prop.value.span.end } : t.node.span;
  return [{ uri: t.uri, range: t.lines.rangeOf(span) }];
}

/** Where a node is the target, in this document and in every open document that may refer to it. */
function references(ctx: FeatureContext<OpenApiAnalysed>, offset: number, includeDeclaration: boolean): Location[] {
  const { model } = ctx.doc;
  const hit = nodeAtOffset(model.root, offset);
  if (!hit) return [];
  let targetUri = model.uri;
  let target: JsonNode | undefined;
  const ref = refAt(model, offset);
  if (ref) {
    const t = ctx.doc.resolver.target(ref);
    if (!('node' in t)) return [];
    targetUri = t.uri;
    target = t.node;
  } else if (hit.onKey) target = hit.node;
  else {
    // Inside a value: the innermost enclosing component (or path item) is what refs point at.
    const named = new Set<JsonNode>([...model.components.map((c) => c.node), ...model.pathItems.map((p) => p.entry)]);
    target = [hit.node, ...[...hit.ancestors].reverse()].find((n) => named.has(n)) ?? hit.node;
  }
  if (!target) return [];
  const out: Location[] = [];
  if (includeDeclaration) {
    const p = target.parent?.properties?.find((q) => q.value === target);
    const targetDoc = targetUri === model.uri ? model : ctx.doc.resolver.load(targetUri);
    if (targetDoc) out.push({ uri: targetUri, range: targetDoc.lines.rangeOf(p ? p.keySpan : target.span) });
  }
  const candidates = new Set<string>([model.uri, targetUri, ...ctx.workspace.openUris()]);
  for (const u of candidates) {
    const a = u === model.uri ? ctx.doc : ctx.analyse(u);
    if (!isOpenApiAnalysed(a)) continue; // open WSDL documents have a model of another kind
    for (const r of a.model.refs) {
      if (r.targetUri !== targetUri || r.remote) continue;
      const t = a.resolver.target(r);
      if ('node' in t && t.node === target) out.push({ uri: u, range: a.model.lines.rangeOf(r.valueSpan) });
    }
  }
  return out;
}

// ---- outline ------------------------------------------------------------------------------------

function symbols(ctx: FeatureContext<OpenApiAnalysed>): DocumentSymbolResult[] {
  const m = ctx.doc.model;
  const L = m.lines;
  const out: DocumentSymbolResult[] = [];
  const sym = (name: string, kind: DocumentSymbolResult['kind'], full: Span, sel: Span, detail?: string, children?: DocumentSymbolResult[]): DocumentSymbolResult =>
    ({ name: name || '(empty)', kind, range: L.rangeOf(full), selectionRange: L.rangeOf(sel), ...(detail ? { detail } : {}), ...(children?.length ? { children } : {}) });
  if (m.info && m.title) out.push(sym(m.title.value, 'module', m.info.parent?.properties?.find((p) => p.value === m.info)?.span ?? m.info.span, m.title.span, `${m.kind === 'swagger2' ? 'Swagger' : 'OpenAPI'} ${m.version}`));
  const group = (key: string, kind: DocumentSymbolResult['kind'], items: { origin: string; pi: typeof m.pathItems[number] }[]) => {
    const holder = m.root?.properties?.find((p) => p.key === key);
    if (!holder) return;
    const children = items.map(({ pi }) => sym(pi.path, kind, { start: pi.keySpan.start, end: pi.entry.span.end }, pi.keySpan, undefined,
      pi.operations.filter((o) => o.pathItem === pi && o.node.parent && pi.entry.span.start <= o.methodSpan.start && o.methodSpan.start <= pi.entry.span.end).map((o) =>
        sym(`${o.method.toUpperCase()} ${pi.path}`, 'method', { start: o.methodSpan.start, end: o.node.span.end }, o.methodSpan, o.operationId?.value ?? o.summary?.value))));
    out.push(sym(key, 'namespace', holder.span, holder.keySpan, `${items.length}`, children));
  };
  group('paths', 'class', m.pathItems.filter((p) => p.origin === 'operation').map((pi) => ({ origin: 'operation', pi })));
  if (m.kind === 'oas31' || m.kind === 'oas32') group('webhooks', 'event', m.webhooks.map((pi) => ({ origin: 'webhook', pi })));
  // Components by section.
  const sections = new Map<string, typeof m.components>();
  for (const c of m.components) { const l = sections.get(c.section) ?? []; l.push(c); sections.set(c.section, l); }
  const compHolder = m.kind === 'swagger2' ? undefined : m.root?.properties?.find((p) => p.key === 'components');
  const sectionSyms: DocumentSymbolResult[] = [];
  for (const [section, comps] of sections) {
    const holderNode = comps[0].node.parent;
    const holderProp = holderNode?.parent?.properties?.find((p) => p.value === holderNode);
    if (!holderProp) continue;
    const kind: DocumentSymbolResult['kind'] = section === 'schemas' || section === 'definitions' ? 'struct' : section.startsWith('security') ? 'key' : 'object';
    const s = sym(section, 'namespace', holderProp.span, holderProp.keySpan, `${comps.length}`,
      comps.map((c) => sym(c.name, kind, { start: c.keySpan.start, end: c.node.span.end }, c.keySpan)));
    sectionSyms.push(s);
  }
  if (compHolder) out.push(sym('components', 'namespace', compHolder.span, compHolder.keySpan, undefined, sectionSyms));
  else out.push(...sectionSyms);
  return out;
}

function folding(ctx: FeatureContext<OpenApiAnalysed>): FoldingRangeResult[] {
  const m = ctx.doc.model;
  const out: FoldingRangeResult[] = [];
  const stack: JsonNode[] = m.doc.root ? [m.doc.root] : [];
  while (stack.length && out.length < 20000) {
    const n = stack.pop()!;
    if (n.alias) continue;
    const kids = n.properties ? n.properties.map((p) => p.value) : n.items ?? [];
    if (!kids.length) continue;
    if (n === m.doc.root && m.syntax === 'yaml') { for (const k of kids) if (k.properties?.length || k.items?.length) stack.push(k); continue; } // a YAML root has no bracket to fold
    // Fold from the line of the key (or the opening bracket) to the last line of the value.
    const p = n.parent?.properties?.find((q) => q.value === n);
    const start = m.lines.positionAt(p ? p.keySpan.start : n.span.start).line;
    let endOffset = n.span.end;
    if (m.syntax === 'json' || /[\]}]/.test(m.text.charAt(n.span.end - 1))) endOffset = n.span.end - 1;
    const end = m.lines.positionAt(endOffset).line - (m.syntax === 'json' ? 1 : 0);
    if (end > start) out.push({ startLine: start, endLine: end });
    for (const k of kids) if (k.properties?.length || k.items?.length) stack.push(k);
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}

export const openApiDialect: Dialect<OpenApiAnalysed> = {
  name: 'openapi',
  analyse,
  reanalyse: (previous, source, edits, workspace, analyseOther) => reanalyse(previous, source, edits, workspace, analyseOther),
  // In a fragment, what a key means depends on where the referrer puts it: only $ref hovers are certain.
  hover: (ctx, offset) => (ctx.doc.source.kind.fragment && !refAt(ctx.doc.model, offset) ? null : openApiHover(ctx, offset)),
  symbols: (ctx) => (ctx.doc.source.kind.fragment ? [] : symbols(ctx)),
  definition,
  references,
  folding,
  completion: (ctx, offset): CompletionResult[] => {
    const refs = refCompletions(ctx, offset);
    return refs.length ? refs : keyCompletions(ctx, offset);
  },
  codeActions: (ctx, diagnostics) => openApiCodeActions(ctx.doc, diagnostics),
  summarize: (ctx) => {
    // The run (and through it the previous analysis' cache) is needed once, by the first summary.
    const run = ctx.doc.run;
    ctx.doc.run = undefined;
    return summarizeOpenApi(ctx.doc.model, ctx.doc.source.text.length, run, ctx.doc.retained ??= []);
  },
  rootSpan: (ctx) => ctx.doc.model.versionProperty?.keySpan,
};
