/**
 * What every OpenAPI rule gets: the model, a way to report findings (only at spans of this document), and
 * small tree helpers. Quick fixes travel inside Finding.data as offset edits (openapi/quickFixes.ts reads them).
 */
import type { Span } from '../../core/text';
import type { Finding, Severity } from '../../core/types';
import type { RuleMeta } from '../../rules/registry';
import type { JsonNode, JsonProperty } from '../../syntax/jsonTree';
import type { OpenApiModel } from '../model';

export interface OffsetEdit { start: number; end: number; newText: string }
export interface FixData { title: string; edits: OffsetEdit[]; preferred?: boolean }
/** Shape of Finding.data for findings that carry a quick fix. */
export interface FindingFixData { fixes: FixData[] }

export class RuleContext {
  readonly findings: Finding[] = [];
  /**
   * Work budget for example validation across the document (schema applications): a 13 MB description
   * with thousands of large examples must not make diagnostics slow; beyond it examples go unchecked.
   */
  readonly exampleBudget = { left: 400_000 };
  private readonly seen = new Set<string>();

  constructor(readonly model: OpenApiModel) {}

  get kind() { return this.model.kind; }
  get text() { return this.model.text; }

  report(rule: RuleMeta, span: Span, message: string, extra?: { severity?: Severity; fixes?: FixData[]; related?: Finding['related'] }): void {
    if (!rule.appliesTo.includes(this.model.kind) && !rule.appliesTo.includes('any')) return;
    const key = `${rule.code}:${span.start}:${span.end}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const f: Finding = { code: rule.code, message, span };
    if (extra?.severity) f.severity = extra.severity;
    if (extra?.related) f.related = extra.related;
    if (extra?.fixes?.length) f.data = { fixes: extra.fixes } satisfies FindingFixData;
    this.findings.push(f);
  }

  /** A related-information entry pointing at another place of this document. */
  relatedHere(span: Span, message: string): NonNullable<Finding['related']>[number] {
    return { uri: this.model.uri, span, message };
  }

  /** Whether a node belongs to this document's tree (resolved `$ref` targets may live in other files). */
  owns(node: JsonNode): boolean {
    let n: JsonNode = node;
    for (let i = 0; n.parent && i < 10_000; i++) n = n.parent;
    return n === this.model.root;
  }

  line(offset: number): number { return this.model.lines.positionAt(offset).line + 1; }

  /** Column (UTF-16) of an offset, for indenting inserted YAML. */
  column(offset: number): number { return this.model.lines.positionAt(offset).character; }

  /** Whether an object node is written in flow/JSON style (`{ ... }`), so inserted members use JSON syntax. */
  isFlow(node: JsonNode): boolean {
    return this.model.syntax === 'json' || this.model.text.charCodeAt(node.span.start) === 123 /* { */;
  }
}

export function prop(node: JsonNode | undefined, key: string): JsonProperty | undefined {
  if (!node || node.type !== 'object' || !node.properties) return undefined;
  for (const p of node.properties) if (p.key === key) return p;
  return undefined;
}

export function val(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return prop(node, key)?.value;
}

export function strVal(node: JsonNode | undefined, key: string): string | undefined {
  const v = val(node, key);
  return v?.type === 'string' ? v.value as string : undefined;
}

/** Inline code for messages: document text in backticks, shortened, backticks removed. */
export function code(s: string, max = 80): string {
  const t = s.length > max ? s.slice(0, max - 1) + '…' : s;
  return '`' + t.replace(/`/g, "'") + '`';
}
