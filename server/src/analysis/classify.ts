/**
 * Design-style classification: turns a dialect's raw signals into styles with reasons.
 * (Stub: the style analysis issue fills this in.)
 */
import type { DocumentSummary } from './summary';

export function classify(summary: DocumentSummary): DocumentSummary {
  return summary;
}
