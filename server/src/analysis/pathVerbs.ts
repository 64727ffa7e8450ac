/**
 * Verbs in URL paths and operation names: the clearest sign that a path names a procedure rather than
 * a resource (Fielding §5.2.1.1: a resource is a noun-like concept; the method is the verb).
 * Deliberately conservative: a segment counts only when it IS a verb ("create") or STARTS with one at a
 * word boundary ("getUser", "get_user", "get-user", "GetUser"), so "settings", "address" or "updates"
 * never match.
 */

/** Verbs that read. POST named with one of these is a read sent through a non-safe method. */
export const READ_VERBS = ['get', 'fetch', 'retrieve', 'read', 'list', 'find', 'lookup', 'search', 'query', 'count', 'load', 'show', 'view'];
/** Verbs that change state (what the HTTP method should say). */
export const WRITE_VERBS = ['create', 'add', 'insert', 'update', 'edit', 'modify', 'set', 'delete', 'remove', 'del', 'destroy', 'save', 'upsert', 'put', 'post', 'patch'];
/** Verbs of remote procedure calls as such. */
export const CALL_VERBS = ['do', 'execute', 'exec', 'invoke', 'call', 'run', 'perform', 'process'];

/**
 * Segments whose bare form is a verb but which commonly name a resource or a well-known endpoint;
 * they count only in camelCase/snake form (e.g. "searchUsers"), never bare ("/search").
 */
const BARE_RESOURCE_LIKE = new Set(['search', 'query', 'count', 'show', 'view', 'post', 'put', 'patch', 'set', 'process', 'run', 'load', 'do', 'call', 'read', 'exec']);

const ALL = [...READ_VERBS, ...WRITE_VERBS, ...CALL_VERBS].sort((a, b) => b.length - a.length);

export interface VerbHit {
  verb: string;
  /** The path segment (or name) it was found in. */
  segment: string;
  /** Offset of the segment inside the path string. */
  offset: number;
  kind: 'read' | 'write' | 'call';
}

function kindOf(verb: string): VerbHit['kind'] {
  return READ_VERBS.includes(verb) ? 'read' : WRITE_VERBS.includes(verb) ? 'write' : 'call';
}

/** The verb a single word starts with ("getUser" -> get, "create" -> create), or undefined. */
export function leadingVerb(word: string, allowBare = true): string | undefined {
  // Remembered: a summary asks for every segment of every operation's path, and paths share most segments.
  const memo = allowBare ? bareVerbs : boundVerbs;
  const known = memo.get(word);
  if (known !== undefined) return known || undefined;
  if (memo.size > 10_000) memo.clear();
  const v = findLeadingVerb(word, allowBare);
  memo.set(word, v ?? '');
  return v;
}
const bareVerbs = new Map<string, string>();
const boundVerbs = new Map<string, string>();

function findLeadingVerb(word: string, allowBare: boolean): string | undefined {
  const w = word.replace(/\.(do|php|aspx?|jsp|action|cgi)$/i, '');
  if (!w) return undefined;
  const lower = w.toLowerCase();
  for (const v of ALL) {
    if (!lower.startsWith(v)) continue;
    if (lower.length === v.length) {
      if (!allowBare || BARE_RESOURCE_LIKE.has(v)) continue;
      return v;
    }
    const next = w.charAt(v.length);
    const first = w.slice(0, v.length);
    // camelCase boundary (getUser, GetUser) but not an all-capitals word (GETUSER says nothing).
    const camel = /[A-Z]/.test(next) && first !== first.toUpperCase();
    if (camel || next === '_' || next === '-') return v;
  }
  return undefined;
}

/** Verb segments in a URL path template; template segments ({id}) are skipped. */
export function verbsInPath(path: string): VerbHit[] {
  // Remembered per path (the operations of a path item share it); callers get their own array.
  let hits = pathHits.get(path);
  if (!hits) {
    if (pathHits.size > 10_000) pathHits.clear();
    pathHits.set(path, hits = findVerbsInPath(path));
  }
  return hits.length ? hits.slice() : [];
}
const pathHits = new Map<string, readonly VerbHit[]>();

function findVerbsInPath(path: string): VerbHit[] {
  const hits: VerbHit[] = [];
  let offset = 0;
  for (const seg of path.split('/')) {
    const here = offset;
    offset += seg.length + 1;
    if (!seg || seg.includes('{')) continue;
    // Google-style custom method "things/{id}:cancel" is a documented resource-oriented convention: skip it.
    const word = seg.split(':')[0];
    const verb = leadingVerb(word);
    if (verb) hits.push({ verb, segment: seg, offset: here, kind: kindOf(verb) });
  }
  return hits;
}

/** The verb an operation name (operationId, WSDL operation) starts with. */
export function verbOfName(name: string): { verb: string; kind: VerbHit['kind'] } | undefined {
  // operationIds are often all lower-case words joined: "getuser" says nothing reliable, so require a boundary.
  const v = leadingVerb(name, false);
  return v ? { verb: v, kind: kindOf(v) } : undefined;
}

/** Normalises an operation name for pairing: GetWeather ~ getWeather ~ get_weather ~ get-weather. */
export function normaliseName(name: string): string {
  return name.replace(/^(op|operation)(?=[A-Z_])/, '').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}
