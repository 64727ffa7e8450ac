/**
 * Entry point of the WSDL rule set (WS-I Basic Profile and structural checks). Called by wsdl/dialect.ts
 * once the model is built. (Stub: the WSDL rules work fills it in and types `model` with the real model.)
 */
import type { Finding } from '../../core/types';

export function runWsdlRules(_model: unknown): Finding[] {
  return [];
}
