/** Turns structure.ts issues into findings with the oas-schema-* codes. */
import { specUrl } from '../model';
import { SCHEMA_CONFLICT, SCHEMA_REQUIRED, SCHEMA_TYPE, SCHEMA_UNKNOWN_PROPERTY, SCHEMA_VALUE } from './catalog';
import type { RuleContext } from './context';
import { checkStructure, type StructureIssue, type StructureIssueKind, type StructureMemo, type StructureMemoResult } from './structure';
import type { Finding } from '../../core/types';
import type { JsonNode } from '../../syntax/jsonTree';
import type { EntryRecord } from '../entries';

const CODES: Record<StructureIssueKind, typeof SCHEMA_TYPE> = {
  'unknown-property': SCHEMA_UNKNOWN_PROPERTY, required: SCHEMA_REQUIRED, type: SCHEMA_TYPE, value: SCHEMA_VALUE, conflict: SCHEMA_CONFLICT,
};

export function checkDocumentStructure(ctx: RuleContext): void {
  const root = ctx.model.root;
  if (!root) return;
  const issues = checkStructure(root, { kind: ctx.kind, specUrl: specUrl(ctx.kind, ctx.model.version), memo: memoOf(ctx) });
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
function memoOf(ctx: RuleContext): StructureMemo | undefined {
  const run = ctx.run;
  if (!run) return undefined;
  const nodes = new Set<JsonNode>(run.byNode.keys());
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
  const store = (node: JsonNode, v: Omit<Variant, 'from' | 'to'>, issues: StructureIssue[]) => {
    const rec = recordOf(node);
    const from = rec.findings.length;
    for (const i of issues) rec.findings.push({ code: i.kind, span: i.span, message: i.message });
    (rec.extra as Variant[]).push({ ...v, from, to: rec.findings.length });
  };
  return {
    nodes,
    get(node, schema, tag) {
      const prev = run.reused('structure', run.byNode.get(node)!, false);
      const v = (prev?.extra as Variant[] | undefined)?.find((x) => x.schema === schema && x.tag === tag);
      if (!prev || !v) return undefined;
      const issues = toIssues(prev.findings.slice(v.from, v.to));
      store(node, v, issues);
      return { issues, evaluated: v.evaluated, declared: v.declared, tracked: v.tracked };
    },
    set(node, schema, tag, r) {
      store(node, { schema, tag, evaluated: r.evaluated, declared: r.declared, tracked: r.tracked }, r.issues);
    },
  };
}
