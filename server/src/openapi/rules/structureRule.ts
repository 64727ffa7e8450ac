/** Turns structure.ts issues into findings with the oas-schema-* codes. */
import { specUrl } from '../model';
import { SCHEMA_CONFLICT, SCHEMA_REQUIRED, SCHEMA_TYPE, SCHEMA_UNKNOWN_PROPERTY, SCHEMA_VALUE } from './catalog';
import type { RuleContext } from './context';
import { checkStructure, type StructureIssueKind } from './structure';

const CODES: Record<StructureIssueKind, typeof SCHEMA_TYPE> = {
  'unknown-property': SCHEMA_UNKNOWN_PROPERTY, required: SCHEMA_REQUIRED, type: SCHEMA_TYPE, value: SCHEMA_VALUE, conflict: SCHEMA_CONFLICT,
};

export function checkDocumentStructure(ctx: RuleContext): void {
  const root = ctx.model.root;
  if (!root) return;
  const issues = checkStructure(root, { kind: ctx.kind, specUrl: specUrl(ctx.kind, ctx.model.version) });
  for (const i of issues) {
    // Reported with a quick fix by oas-path-params (paths.ts) for parameters of path items; parameters
    // elsewhere (components) keep the structural finding.
    if (i.kind === 'required' && i.message.startsWith('a path parameter must have')
      && ctx.findings.some((f) => f.code === 'oas-path-params' && f.span.start === i.span.start)) continue;
    ctx.report(CODES[i.kind], i.span, i.message);
  }
}
