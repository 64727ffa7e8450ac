/**
 * Diagnostic codes of the JSON/YAML syntax layer and of `$ref` resolution (the lint rules live in
 * openapi/rules/). Registered at load time so severities are configurable and docs are checked.
 */
import { defineRule } from '../rules/registry';

export const RULE_JSON_SYNTAX = defineRule({
  code: 'json-syntax', title: 'The JSON text is not well-formed (reported at the exact place, with what is expected).',
  defaultSeverity: 'error', appliesTo: ['swagger2', 'oas30', 'oas31', 'oas32'],
  reference: { title: 'RFC 8259: The JSON Data Interchange Format', url: 'https://www.rfc-editor.org/rfc/rfc8259' },
});
export const RULE_YAML_SYNTAX = defineRule({
  code: 'yaml-syntax', title: 'The YAML text is not well-formed, nests too deep, or its aliases expand too far.',
  defaultSeverity: 'error', appliesTo: ['swagger2', 'oas30', 'oas31', 'oas32'],
  reference: { title: 'YAML 1.2.2', url: 'https://yaml.org/spec/1.2.2/' },
});
export const RULE_REF_UNRESOLVED = defineRule({
  code: 'oas-ref-unresolved', title: 'A $ref points to nothing: a missing file, or a JSON pointer that names no value.',
  defaultSeverity: 'error', appliesTo: ['swagger2', 'oas30', 'oas31', 'oas32'],
  reference: { title: 'OpenAPI: Reference Object', url: 'https://spec.openapis.org/oas/v3.1.1#reference-object' },
});
export const RULE_REF_CYCLE = defineRule({
  code: 'oas-ref-cycle', title: 'A chain of $refs loops back on itself without ever reaching a value.',
  defaultSeverity: 'error', appliesTo: ['swagger2', 'oas30', 'oas31', 'oas32'],
  reference: { title: 'RFC 6901: JSON Pointer', url: 'https://www.rfc-editor.org/rfc/rfc6901' },
});
export const RULE_REF_REMOTE = defineRule({
  code: 'oas-ref-remote', title: 'A $ref points to the network (http/https); API Lens never fetches it, so what it names is not checked.',
  defaultSeverity: 'information', appliesTo: ['swagger2', 'oas30', 'oas31', 'oas32'],
  reference: { title: 'OpenAPI: Relative References in URIs', url: 'https://spec.openapis.org/oas/v3.1.1#relative-references-in-api-description-uris' },
});
export const RULE_CHECKS_DEFERRED = defineRule({
  code: 'oas-checks-deferred', title: 'A structural syntax error (a bracket never closed, or the wrong one) makes later checks unreliable: their findings are held back until it is fixed.',
  defaultSeverity: 'information', appliesTo: ['swagger2', 'oas30', 'oas31', 'oas32'],
  reference: { title: 'RFC 8259 §2: JSON Grammar (structural characters)', url: 'https://www.rfc-editor.org/rfc/rfc8259#section-2' },
});
