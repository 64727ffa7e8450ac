/**
 * Style smells drawn from the classified summary (a verb in a REST path, GET with a body, ...).
 * (Stub: the style analysis issue fills this in.)
 */
import type { Finding } from '../core/types';
import type { DocumentSummary } from './summary';

export function styleFindings(_summary: DocumentSummary): Finding[] {
  return [];
}
