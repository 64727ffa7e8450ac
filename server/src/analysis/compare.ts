/**
 * Two descriptions side by side (typically the WSDL and the OpenAPI description of one service):
 * operations are paired by normalised name (GetWeather ~ getWeather ~ get_weather ~ "GET /weather"),
 * so the comparison view can show what each side offers and what only one side has.
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
  const rightOnly: OperationPair[] = [];
  right.operations.forEach((o, j) => {
    if (usedRight.has(j)) return;
    const key = pairingKeys(o)[0];
    const existing = rightOnly.find((p) => p.key === key);
    if (existing) existing.right.push(j); else rightOnly.push({ key, left: [], right: [j] });
  });
  return { left, right, pairs: [...pairs, ...leftOnly, ...rightOnly] };
}
