/**
 * Every diagnostic code API Lens can emit, with its default severity and documentation page.
 * Rule modules call defineRule() at load time; docs/rules/<code>.md must exist for each code
 * (test/unit/rules-docs.test.ts checks that).
 */
import type { Severity } from '../core/types';

export type RuleSeverity = Severity | 'off';

export interface RuleMeta {
  /** Stable code, kebab-case, prefixed by family: xml-, yaml-, json-, wsdl-, wsi-, oas-, style-, lens-. */
  code: string;
  /** One line: what the rule checks. */
  title: string;
  defaultSeverity: RuleSeverity;
  /** Which documents the rule applies to. */
  appliesTo: ('wsdl11' | 'wsdl20' | 'swagger2' | 'oas30' | 'oas31' | 'oas32' | 'any')[];
  /** Spec section or profile requirement the rule enforces. */
  reference?: { title: string; url: string };
}

const rules = new Map<string, RuleMeta>();

export function defineRule(meta: RuleMeta): RuleMeta {
  rules.set(meta.code, meta);
  return meta;
}

export function getRule(code: string): RuleMeta | undefined { return rules.get(code); }
export function allRules(): RuleMeta[] { return [...rules.values()].sort((a, b) => a.code.localeCompare(b.code)); }

// Rules of the service itself (not of one dialect).
export const RULE_FILE_TOO_LARGE = defineRule({
  code: 'lens-file-too-large', title: 'The document is larger than apiLens.maxFileSize; it is not analysed.',
  defaultSeverity: 'warning', appliesTo: ['any'],
});
export const RULE_TOO_MANY = defineRule({
  code: 'lens-too-many-diagnostics', title: 'More diagnostics of one code than API Lens shows (500); the rest are counted, not listed.',
  defaultSeverity: 'information', appliesTo: ['any'],
});
export const RULE_INTERNAL_ERROR = defineRule({
  code: 'lens-internal-error', title: 'API Lens failed while analysing this document (a bug; the rest keeps working).',
  defaultSeverity: 'information', appliesTo: ['any'],
});
export const RULE_ANALYSIS_FAILED = defineRule({
  code: 'lens-analysis-failed', title: 'The analysis of this document stopped its worker twice (out of memory or a fatal error); it is not analysed until it changes.',
  defaultSeverity: 'warning', appliesTo: ['any'],
});
