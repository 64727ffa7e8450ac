/**
 * Two descriptions side by side (typically the WSDL and the OpenAPI description of one service):
 * operations are paired by normalised name (GetWeather ~ getWeather ~ get_weather ~ "GET /weather"), then
 * the rest by what is done to what (opCheckAvailability ~ GET /availability/{date}), so the comparison view can show what each side offers and what only one side has.
 */
import type { DocumentSummary, OperationSummary } from './summary';
import { normaliseName } from './pathVerbs';

export interface OperationPair {
  /** The normalised name both sides share (or the one side's name). */
  key: string;
  /** Indexes into left.operations / right.operations (one name may be bound several times, e.g. SOAP 1.1 and 1.2). */
  left: number[];
  right: number[];
}

export interface Comparison {
  left: DocumentSummary;
  right: DocumentSummary;
  /** Paired operations first (in the left document's order), then those only on the left, then only on the right. */
  pairs: OperationPair[];
}

/** Names an operation can be matched by: its name, and for "METHOD /path" names the name without template segments. */
export function pairingKeys(o: OperationSummary): string[] {
  const keys = [normaliseName(o.name)];
  if (/^[A-Z]+ \//.test(o.name)) keys.push(normaliseName(o.name.replace(/\{[^}]*\}/g, '')));
  if (o.method && o.path) {
    // "GET /weather" ~ GetWeather: the method's verb plus the last literal path segment.
    const last = o.path.split('/').filter((s) => s && !s.includes('{')).pop();
    if (last) keys.push(normaliseName(`${o.method}${last}`));
  }
  return [...new Set(keys.filter(Boolean))];
}

const VERB_KIND: Record<string, string> = {};
for (const v of ['get', 'fetch', 'retrieve', 'read', 'list', 'find', 'lookup', 'search', 'query', 'check', 'show', 'view']) VERB_KIND[v] = 'read';
for (const v of ['create', 'add', 'insert', 'post', 'new', 'register', 'submit', 'make']) VERB_KIND[v] = 'create';
for (const v of ['update', 'edit', 'modify', 'set', 'put', 'patch', 'change', 'replace']) VERB_KIND[v] = 'update';
for (const v of ['delete', 'remove', 'del', 'destroy']) VERB_KIND[v] = 'delete';
const METHOD_KIND: Record<string, string> = { GET: 'read', HEAD: 'read', QUERY: 'read', POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

const singular = (w: string) => w.replace(/(ies)$/, 'y').replace(/(?<!s)s$/, '');

/**
 * A looser key, tried only for operations the names did not pair: what is done and to what, e.g.
 * "read:availability" for both opCheckAvailability and GET /availability/{date}.
 */
export function semanticKey(o: OperationSummary): string | undefined {
  if (o.method && o.path && !o.soapVersion) {
    const kind = METHOD_KIND[o.method.toUpperCase()];
    const last = o.path.split('/').filter((x) => x && !x.includes('{')).pop();
    return kind && last ? `${kind}:${singular(normaliseName(last))}` : undefined;
  }
  const words = o.name.replace(/^(op|operation)(?=[A-Z_])/, '').split(/[_\-\s]+|(?<=[a-z0-9])(?=[A-Z])/).map((w) => w.toLowerCase()).filter(Boolean);
  const kind = VERB_KIND[words[0] ?? ''];
  return kind && words.length > 1 ? `${kind}:${singular(words.slice(1).join(''))}` : undefined;
}

export function compareSummaries(left: DocumentSummary, right: DocumentSummary): Comparison {
  const rightByKey = new Map<string, number[]>();
  right.operations.forEach((o, i) => {
    for (const k of pairingKeys(o)) rightByKey.set(k, [...(rightByKey.get(k) ?? []), i]);
  });
  const pairs: OperationPair[] = [];
  const byKey = new Map<string, OperationPair>();
  const usedRight = new Set<number>();
  const leftOnly: OperationPair[] = [];
  left.operations.forEach((o, i) => {
    const keys = pairingKeys(o);
    const k = keys.find((x) => rightByKey.get(x)?.some((j) => !usedRight.has(j) || byKey.has(x)));
    if (k === undefined) {
      const key = keys[0];
      const existing = leftOnly.find((p) => p.key === key);
      if (existing) existing.left.push(i); else leftOnly.push({ key, left: [i], right: [] });
      return;
    }
    let p = byKey.get(k);
    if (!p) {
      p = { key: k, left: [], right: rightByKey.get(k)!.filter((j) => !usedRight.has(j)) };
      for (const j of p.right) usedRight.add(j);
      byKey.set(k, p);
      pairs.push(p);
    }
    p.left.push(i);
  });
  // Second pass: what the names did not pair, by what is done to what.
  const stillLeftOnly: OperationPair[] = [];
  for (const p of leftOnly) {
    const key = semanticKey(left.operations[p.left[0]]);
    const js = key ? right.operations.map((_, j) => j).filter((j) => !usedRight.has(j) && semanticKey(right.operations[j]) === key) : [];
    if (!js.length) { stillLeftOnly.push(p); continue; }
    for (const j of js) usedRight.add(j);
    pairs.push({ key: p.key, left: p.left, right: js });
  }
  leftOnly.splice(0, leftOnly.length, ...stillLeftOnly);
  // One name bound several times (SOAP and HTTP bindings of one operation) stays in one row.
  const byName = new Map<string, OperationPair>();
  for (const p of pairs) for (const i of p.left) byName.set(normaliseName(left.operations[i].name), p);
  for (let i = leftOnly.length - 1; i >= 0; i--) {
    const p = byName.get(normaliseName(left.operations[leftOnly[i].left[0]].name));
    if (p) { p.left.push(...leftOnly[i].left); p.left.sort((a, b) => a - b); leftOnly.splice(i, 1); }
  }
  const rightOnly: OperationPair[] = [];
  right.operations.forEach((o, j) => {
    if (usedRight.has(j)) return;
    const key = pairingKeys(o)[0];
    const existing = rightOnly.find((p) => p.key === key);
    if (existing) existing.right.push(j); else rightOnly.push({ key, left: [], right: [j] });
  });
  return { left, right, pairs: [...pairs, ...leftOnly, ...rightOnly] };
}
