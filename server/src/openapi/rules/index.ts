/**
 * Entry point of the OpenAPI rule set (structural validation against the version's schema and the
 * lint rules). Called by openapi/dialect.ts once the model is built. (Stub: the OpenAPI rules work fills
 * it in and types `model` with the real model.)
 */
import type { Finding } from '../../core/types';

export function runOpenApiRules(_model: unknown): Finding[] {
  return [];
}
