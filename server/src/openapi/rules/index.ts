/**
 * Entry point of the OpenAPI rule set: structural validation against the official schema of the document's
 * version (structure.ts) and the lint rules (catalog.ts lists every code). Called by openapi/dialect.ts once
 * the model is built. Each rule family is isolated: one failing family does not silence the others.
 */
import type { Finding } from '../../core/types';
import type { OpenApiModel } from '../model';
import { RuleContext } from './context';
import { checkOperations } from './operations';
import { checkPaths } from './paths';
import { checkSecurity, checkTags, checkUnusedComponents } from './references';
import { checkSchemasAndProse } from './schemaRules';
import { checkServers } from './servers';
import { checkDocumentStructure } from './structureRule';
import { checkVersionRules } from './versionRules';
import { checkDuplicateKeys, checkOperationIdsAndServers } from './extraRules';
import { checkHygiene } from './hygiene';
import './catalog';
import type { IncrementalRun } from '../entries';

const FAMILIES: [string, (ctx: RuleContext) => void][] = [
  // paths first: structure leaves "path parameter must be required" to oas-path-params where that rule reported it
  ['paths', checkPaths],
  ['structure', checkDocumentStructure],
  ['operations', checkOperations],
  ['servers', checkServers],
  ['security', checkSecurity],
  ['tags', checkTags],
  ['components', checkUnusedComponents],
  ['schemas', checkSchemasAndProse],
  ['version', checkVersionRules],
  ['keys', checkDuplicateKeys],
  ['operation-ids', checkOperationIdsAndServers],
  ['hygiene', checkHygiene],
];

export interface RuleRunOptions {
  /** Called when a rule family throws (a bug): the dialect may log it or turn it into lens-internal-error. */
  onError?: (family: string, error: unknown) => void;
  /** Receives the time each rule family took (benchmarks, the corpus report). */
  onTiming?: (family: string, ms: number) => void;
  /** Per-entry reuse and recording (openapi/entries.ts); `run.next.exhausted` is set at the end. */
  run?: IncrementalRun;
  /** Receives the run's context, for the analysis to keep (OpenApiAnalysed.retained). */
  retain?: object[];
}

export function runOpenApiRules(model: OpenApiModel, options: RuleRunOptions = {}): Finding[] {
  const ctx = new RuleContext(model, options.run);
  options.retain?.push(ctx);
  if (!model.root) return [];
  for (const [name, run] of FAMILIES) {
    const t = options.onTiming ? performance.now() : 0;
    try {
      run(ctx);
    } catch (e) {
      // A bug in one family must not hide the others; without a handler it becomes a visible finding.
      if (options.onError) options.onError(name, e);
      else ctx.findings.push({ code: 'lens-internal-error', message: `OpenAPI rules (${name}) failed: ${e instanceof Error ? e.message : String(e)}`, span: { start: 0, end: 0 } });
    }
    options.onTiming?.(name, performance.now() - t);
  }
  if (options.run) options.run.next.exhausted = ctx.exampleBudget.left <= 0;
  return ctx.findings;
}
