/**
 * Findings after a structural syntax error. When the parser had to guess where a container ends (never
 * closed, or closed by the wrong bracket: JsonDocument.damaged), everything after its opening may sit at the
 * wrong depth: a whole `components` section nested inside one path item turns every local `$ref` into an
 * "unresolved" error. Those are consequences of the one syntax error, not defects of their own, so they are
 * held back (counted in one information finding) until the syntax is fixed. What stays reliable is kept:
 * the syntax errors, `$ref`s to other files and the network, and findings about the text before the damage
 * from rules that only look at the node they report on.
 */
import type { Finding } from '../core/types';
import type { JsonDocument } from '../syntax/jsonTree';
import { RULE_CHECKS_DEFERRED, RULE_JSON_SYNTAX, RULE_REF_CYCLE, RULE_REF_REMOTE, RULE_YAML_SYNTAX } from './codes';

/**
 * Rules whose verdict depends on the whole document (what is declared or used elsewhere, required top-level
 * keys, the set of paths or operations, schemas reached through `$ref`): unreliable wherever they report.
 */
const WHOLE_DOCUMENT = new Set([
  'oas-ref-unresolved', 'oas-unused-component', 'oas-security-defined', 'oas-security-scopes-defined', 'oas-security-missing',
  'oas-operation-tag-defined', 'oas-tags-unique', 'oas-tag-parent', 'oas-schema-required', 'oas-schema-conflict', 'oas-servers-missing',
  'oas-info-description', 'oas-info-contact', 'oas-info-license', 'oas-path-identical', 'oas-path-ambiguous', 'oas-path-params',
  'oas-operation-id-unique', 'oas-operation-parameters-unique', 'oas-discriminator-property', 'oas-required-property-undefined',
  'oas-example-invalid', 'oas-swagger-formdata-consumes', 'oas-webhook-callbacks', 'oas-callbacks-in-callback',
]);
/** Always reliable: the syntax itself, and `$ref`s that leave the document (their targets are elsewhere). */
const KEEP = new Set([RULE_JSON_SYNTAX.code, RULE_YAML_SYNTAX.code, RULE_REF_REMOTE.code, RULE_REF_CYCLE.code]);

/**
 * Filters `findings` of a document whose structure is damaged; `crossFile` are the oas-ref-unresolved findings
 * whose target is another file (kept). Returns `findings` unchanged when the structure is intact.
 */
export function deferDamagedFindings(doc: JsonDocument, text: string, findings: Finding[], crossFile: Set<Finding>): Finding[] {
  if (!doc.damaged?.length) return findings;
  const opening = doc.damaged.reduce((a, b) => (b.start < a.start ? b : a));
  const from = opening.start;
  const kept: Finding[] = [];
  const held = new Map<string, number>();
  for (const f of findings) {
    const reliable = KEEP.has(f.code) || crossFile.has(f) || (!WHOLE_DOCUMENT.has(f.code) && f.span.end <= from);
    if (reliable) kept.push(f);
    else held.set(f.code, (held.get(f.code) ?? 0) + 1);
  }
  if (held.size) {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < from; i = text.indexOf('\n', i + 1)) line++;
    const n = [...held.values()].reduce((a, b) => a + b, 0);
    const detail = [...held].sort((a, b) => b[1] - a[1]).map(([c, k]) => `${k} ${c}`).join(', ');
    kept.push({
      code: RULE_CHECKS_DEFERRED.code, span: opening,
      message: `A syntax error leaves the structure uncertain from line ${line} on (a bracket is missing or wrong inside the container opened here), so everything after this point may be nested in the wrong place. ${n} finding(s) that may only be consequences of it are held back until the syntax error is fixed (${detail}).`,
    });
  }
  return kept;
}
