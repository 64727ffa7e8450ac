/** Turns structure.ts issues into findings with the oas-schema-* codes. */
import { specUrl } from '../model';
import { SCHEMA_CONFLICT, SCHEMA_REQUIRED, SCHEMA_TYPE, SCHEMA_UNKNOWN_PROPERTY, SCHEMA_VALUE } from './catalog';
import type { RuleContext } from './context';
import { builtMessage, checkStructure, type StructureIssue, type StructureIssueKind, type StructureMemo, type StructureMemoResult } from './structure';
import { copySpan } from '../../core/text';
import type { Finding } from '../../core/types';
import type { JsonNode } from '../../syntax/jsonTree';
import type { EntryRecord } from '../entries';

const CODES: Record<StructureIssueKind, typeof SCHEMA_TYPE> = {
  'unknown-property': SCHEMA_UNKNOWN_PROPERTY, required: SCHEMA_REQUIRED, type: SCHEMA_TYPE, value: SCHEMA_VALUE, conflict: SCHEMA_CONFLICT,
};

export function checkDocumentStructure(ctx: RuleContext): void {
  const root = ctx.model.root;
  if (!root) return;
  const memo = memoOf(ctx);
  const issues = checkStructure(root, { kind: ctx.kind, specUrl: specUrl(ctx.kind, ctx.model.version), memo });
  memo?.finish();
  for (const i of issues) {
    // Reported with a quick fix by oas-path-params (paths.ts) for parameters of path items; parameters
    // elsewhere (components) keep the structural finding.
    if (i.kind === 'required' && i.message.startsWith('a path parameter must have')
      && ctx.findings.some((f) => f.code === 'oas-path-params' && f.span.start === i.span.start)) continue;
    ctx.report(CODES[i.kind], i.span, i.message);
  }
}

/** A memoised check of one entry against one schema: its issues are findings[from, to) of the entry's record. */
interface Variant { schema: object; tag: string; from: number; to: number; evaluated?: Set<string>; declared?: StructureMemoResult['declared']; tracked: boolean }

/**
 * Structure results per entry (the check of an entry reads only its subtree): kept in the rule cache as the
 * entry's findings (code = issue kind) plus the variants (schema, place) they belong to.
 */
function memoOf(ctx: RuleContext): (StructureMemo & { finish(): void }) | undefined {
  const run = ctx.run;
  if (!run) return undefined;
  const nodes = run.byNode;
  const records = new Map<JsonNode, EntryRecord>();
  const recordOf = (node: JsonNode): EntryRecord => {
    let r = records.get(node);
    if (!r) {
      r = { findings: [], lineDependent: false, budget: 0, extra: [] as Variant[] };
      records.set(node, r);
      run.keep('structure', run.byNode.get(node)!, r);
    }
    return r;
  };
  const toIssues = (fs: Finding[]): StructureIssue[] => fs.map((f) => ({ kind: f.code as StructureIssueKind, span: f.span, message: f.message }));
  const store = (node: JsonNode, v: Omit<Variant, 'from' | 'to'>, issues: StructureIssue[], messages: string[]) => {
    const rec = recordOf(node);
    const from = rec.findings.length;
    issues.forEach((i, k) => rec.findings.push({ code: i.kind, span: copySpan(i.span), message: messages[k] }));
    (rec.extra as Variant[]).push({ ...v, from, to: rec.findings.length });
  };
  // Computed results wait for the end of the run: those whose messages were all read (they reached the
  // findings, or had none) are kept; building the others (mostly issues of failed oneOf alternatives) would
  // cost more than checking them again.
  const pending: { node: JsonNode; v: Omit<Variant, 'from' | 'to'>; issues: StructureIssue[] }[] = [];
  return {
    root: ctx.model.root!,
    nodes,
    get(node, schema, tag) {
      const prev = run.reused('structure', run.byNode.get(node)!, false);
      const v = (prev?.extra as Variant[] | undefined)?.find((x) => x.schema === schema && x.tag === tag);
      if (!prev || !v) return undefined;
      const issues = toIssues(prev.findings.slice(v.from, v.to));
      store(node, v, issues, issues.map((i) => i.message));
      return { issues, evaluated: v.evaluated, declared: v.declared, tracked: v.tracked };
    },
    set(node, schema, tag, r) {
      pending.push({ node, v: { schema, tag, evaluated: r.evaluated, declared: r.declared, tracked: r.tracked }, issues: r.issues });
    },
    finish() {
      for (const p of pending) {
        const messages: string[] = [];
        for (const i of p.issues) { const m = builtMessage(i); if (m === undefined) break; messages.push(m); }
        if (messages.length === p.issues.length) store(p.node, p.v, p.issues, messages);
        else recordOf(p.node); // the entry's record exists, without this result
      }
    },
  };
}
