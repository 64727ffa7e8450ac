/** User settings that shape analysis: per-rule severities and limits. Plain data; the adapter and CLI fill it. */
import type { Severity } from '../core/types';
import { getRule, type RuleSeverity } from './registry';

export interface LensSettings {
  enable: boolean;
  /** Per-rule overrides: code -> severity or 'off'. */
  rules: Record<string, RuleSeverity>;
  /** Documents larger than this are not analysed (bytes). */
  maxFileSize: number;
}

export const DEFAULT_SETTINGS: LensSettings = { enable: true, rules: {}, maxFileSize: 50 * 1024 * 1024 };

const VALID = new Set(['error', 'warning', 'information', 'hint', 'off']);
const ALIASES: Record<string, RuleSeverity> = { info: 'information', warn: 'warning', none: 'off', ignore: 'off' };

/** Normalises a user-supplied settings object (from any editor or the CLI); unknown values are dropped. */
export function normaliseSettings(raw: unknown): LensSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleSeverity> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [code, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof v !== 'string') continue;
      const s = (ALIASES[v.toLowerCase()] ?? v.toLowerCase()) as RuleSeverity;
      if (VALID.has(s)) rules[code] = s;
    }
  }
  const mb = typeof r.maxFileSizeMB === 'number' && r.maxFileSizeMB > 0 ? r.maxFileSizeMB : undefined;
  return {
    enable: r.enable !== false,
    rules,
    maxFileSize: mb ? Math.round(mb * 1024 * 1024) : DEFAULT_SETTINGS.maxFileSize,
  };
}

/** The severity a finding of `code` gets: the user's override, else the finding's own, else the rule default. */
export function effectiveSeverity(settings: LensSettings, code: string, own?: Severity): RuleSeverity {
  const o = settings.rules[code];
  if (o) return o;
  if (own) return own;
  return getRule(code)?.defaultSeverity ?? 'warning';
}
