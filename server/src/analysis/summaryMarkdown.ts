/**
 * The whole-document summary as hover Markdown (shown on the document root).
 * (Minimal: the style analysis issue makes it complete, with reasons and spec links.)
 */
import { escapeMarkdown } from '../core/markdown';
import type { DocumentSummary } from './summary';

export function summaryMarkdown(s: DocumentSummary): string {
  return `**${escapeMarkdown(s.headline)}**`;
}
