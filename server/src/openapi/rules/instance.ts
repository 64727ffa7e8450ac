/**
 * A small JSON Schema instance validator for examples: the subset real API descriptions use (type, nullable
 * / type arrays, enum, const, required, properties, additionalProperties, items / prefixItems, min/max
 * (length, items, properties, value), exclusive bounds in both the draft-04 (boolean) and 2020-12 (number)
 * forms, multipleOf, pattern, a few formats, allOf / anyOf / oneOf / not). Both the schema and the example
 * are tree nodes, so problems point into the example. `$ref`s in schemas go through the model's resolver.
 * Lenient where the spec is: oneOf counts as "at least one" (overlapping alternatives are common and the
 * example still illustrates a valid message); unknown keywords and formats are ignored.
 */
import type { Span } from '../../core/text';
import type { JsonNode } from '../../syntax/jsonTree';
import { keyIndexEpoch, type OasKind } from '../model';
import { prop, val } from './context';

export interface InstanceProblem { span: Span; path: string; message: string }

export interface InstanceOptions {
  kind: OasKind;
  /** Follows a `{ $ref }` schema node; undefined when it cannot be resolved (then the schema is not checked). */
  resolve: (node: JsonNode) => JsonNode | undefined;
  /** Request examples may omit readOnly required properties; responses may omit writeOnly ones. */
  direction?: 'request' | 'response';
  maxProblems?: number;
  /** Shared work budget (schema applications) across all examples of a document; decremented in place. */
  budget?: { left: number };
}

/** Keyword -> value node, per schema node: ~20 keyword reads per schema application stay O(1). */
// Tagged with the model build they were made in: an incremental re-parse changes nodes in place (model.ts).
const keywordMaps = new WeakMap<JsonNode, Map<string, JsonNode> & { epoch?: number }>();
// Consecutive reads are nearly always on the same schema: a one-entry cache skips the WeakMap lookup.
let lastSchema: JsonNode | undefined;
let lastMap: Map<string, JsonNode> | undefined;
function kw(schema: JsonNode, key: string): JsonNode | undefined {
  if (schema === lastSchema) return lastMap!.get(key);
  let m = keywordMaps.get(schema);
  if (!m || m.epoch !== keyIndexEpoch()) {
    m = new Map();
    m.epoch = keyIndexEpoch();
    for (const p of schema.properties ?? []) if (!m.has(p.key)) m.set(p.key, p.value);
    keywordMaps.set(schema, m);
  }
  lastSchema = schema;
  lastMap = m;
  return m.get(key);
}

/** Property name -> schema, per `properties` node (linear scans would be O(n·m) on large objects). */
const propertyMaps = new WeakMap<JsonNode, Map<string, JsonNode> & { epoch?: number }>();
function propertyMap(properties: JsonNode): Map<string, JsonNode> {
  let m = propertyMaps.get(properties);
  if (!m || m.epoch !== keyIndexEpoch()) {
    m = new Map();
    m.epoch = keyIndexEpoch();
    for (const p of properties.properties ?? []) if (!m.has(p.key)) m.set(p.key, p.value);
    propertyMaps.set(properties, m);
  }
  return m;
}

/** Keys come from the document: look them up as own properties only (`__proto__`, `constructor`...). */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

const FORMATS: Record<string, RegExp> = {
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  'date-time': /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/,
  uuid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
};

const TYPE_WORD: Record<string, string> = { object: 'an object', array: 'an array', string: 'a string', number: 'a number', integer: 'an integer', boolean: 'a boolean', null: 'null' };

function typeOf(n: JsonNode): string { return n.type === 'number' && Number.isInteger(n.value) ? 'integer' : n.type; }

function matchesType(n: JsonNode, t: string): boolean {
  if (t === 'integer') return n.type === 'number' && Number.isInteger(n.value);
  if (t === 'number') return n.type === 'number';
  return n.type === t;
}

export function sameJson(a: JsonNode, b: JsonNode): boolean {
  if (a.type !== b.type) return a.type === 'number' && b.type === 'number' && a.value === b.value;
  if (a.type === 'object') {
    const ap = a.properties ?? [], bp = b.properties ?? [];
    if (ap.length !== bp.length) return false;
    return ap.every((p) => { const q = prop(b, p.key); return !!q && sameJson(p.value, q.value); });
  }
  if (a.type === 'array') {
    const ai = a.items ?? [], bi = b.items ?? [];
    return ai.length === bi.length && ai.every((x, i) => sameJson(x, bi[i]));
  }
  return a.value === b.value;
}

function show(n: JsonNode): string {
  if (n.type === 'object') return 'an object';
  if (n.type === 'array') return 'an array';
  const s = JSON.stringify(n.value) ?? String(n.value);
  return '`' + (s.length > 40 ? s.slice(0, 39) + '…' : s) + '`';
}

export function validateInstance(instance: JsonNode, schema: JsonNode, opts: InstanceOptions): InstanceProblem[] {
  const out: InstanceProblem[] = [];
  const v = new InstanceValidator(opts, instance);
  v.validate(instance, schema, '', out, 0);
  lastSchema = undefined; // do not keep a document's tree alive between analyses
  lastMap = undefined;
  return out.slice(0, opts.maxProblems ?? 3);
}

class InstanceValidator {
  private budget = 20000;
  private readonly shared: { left: number };
  constructor(private readonly opts: InstanceOptions, private readonly root: JsonNode) { this.shared = opts.budget ?? { left: Infinity }; }

  /** `$.a[2].b` of a node inside the example, from parent links (built only for messages). */
  p(n: JsonNode): string {
    const segs: string[] = [];
    for (let c: JsonNode | undefined = n; c && c !== this.root && c.parent; c = c.parent) {
      const parent: JsonNode = c.parent;
      if (parent.type === 'array') segs.push(`[${parent.items!.indexOf(c)}]`);
      else {
        const key = parent.properties?.find((q) => q.value === c)?.key ?? '?';
        segs.push(/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
      }
    }
    return '$' + segs.reverse().join('');
  }

  validate(inst: JsonNode, schemaIn: JsonNode, path: string, out: InstanceProblem[], depth: number): void {
    if (--this.budget < 0 || --this.shared.left < 0 || depth > 40) return;
    let schema: JsonNode | undefined = schemaIn;
    if (schema.type === 'boolean') {
      if (schema.value === false) out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} is not allowed` });
      return;
    }
    if (schema.type !== 'object') return;
    if (kw(schema, '$ref')) {
      const target = this.opts.resolve(schema);
      // 3.1+: $ref siblings apply too; earlier versions ignore them.
      if (target && target !== schema) this.validate(inst, target, path, out, depth + 1);
      if (this.opts.kind === 'swagger2' || this.opts.kind === 'oas30') return;
    }
    schema = schema as JsonNode;
    const typeNode = kw(schema, 'type');
    let types: string[] | undefined;
    if (typeNode?.type === 'string') types = [typeNode.value as string];
    else if (typeNode?.type === 'array') types = (typeNode.items ?? []).filter((i) => i.type === 'string').map((i) => i.value as string);
    const nullable = kw(schema, 'nullable')?.value === true || kw(schema, 'x-nullable')?.value === true;
    if (inst.type === 'null' && nullable && (this.opts.kind === 'oas30' || this.opts.kind === 'swagger2')) return;
    if (types && types.length && !types.includes('file') && !types.some((t) => matchesType(inst, t))) {
      out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} must be ${types.map((t) => own(TYPE_WORD, t) ?? t).join(' or ')}${nullable ? ' or null' : ''} (found ${TYPE_WORD[typeOf(inst)]})` });
      return;
    }
    const en = kw(schema, 'enum');
    if (en?.type === 'array' && !(en.items ?? []).some((e) => sameJson(e, inst)) && !(inst.type === 'null' && nullable)) {
      out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} must be one of ${(en.items ?? []).slice(0, 8).map(show).join(', ')} (found ${show(inst)})` });
    }
    const cst = kw(schema, 'const');
    if (cst && !sameJson(cst, inst)) out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} must be ${show(cst)} (found ${show(inst)})` });

    if (inst.type === 'string') this.string(inst, schema, path, out);
    else if (inst.type === 'number') this.number(inst, schema, path, out);
    else if (inst.type === 'array') this.array(inst, schema, path, out, depth);
    else if (inst.type === 'object') this.object(inst, schema, path, out, depth);

    const allOf = kw(schema, 'allOf');
    if (allOf?.type === 'array') for (const s of allOf.items ?? []) this.validate(inst, s, path, out, depth + 1);
    for (const k of ['anyOf', 'oneOf']) {
      const alts = kw(schema, k);
      if (alts?.type !== 'array' || !alts.items?.length) continue;
      let best: InstanceProblem[] | undefined;
      for (const s of alts.items) {
        const probe: InstanceProblem[] = [];
        this.validate(inst, s, path, probe, depth + 1);
        if (probe.length === 0) { best = undefined; break; }
        if (!best || probe.length < best.length) best = probe;
      }
      if (best) out.push(best.length === 1 ? best[0] : { span: inst.span, path: this.p(inst), message: `${this.p(inst)} matches none of the ${k} alternatives (closest: ${best[0].message})` });
    }
    const not = kw(schema, 'not');
    if (not && not.type === 'object' && (not.properties?.length ?? 0) > 0) {
      const probe: InstanceProblem[] = [];
      this.validate(inst, not, path, probe, depth + 1);
      if (probe.length === 0) out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} matches a schema it must not match (\`not\`)` });
    }
  }

  private num(schema: JsonNode, k: string): number | undefined {
    const n = kw(schema, k);
    return n?.type === 'number' ? n.value as number : undefined;
  }

  private string(inst: JsonNode, schema: JsonNode, path: string, out: InstanceProblem[]): void {
    const s = inst.value as string;
    const min = this.num(schema, 'minLength'), max = this.num(schema, 'maxLength');
    const len = min !== undefined || max !== undefined ? [...s].length : 0;
    if (min !== undefined && len < min) out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} must be at least ${min} characters long (found ${len})` });
    if (max !== undefined && len > max) out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} must be at most ${max} characters long (found ${len})` });
    const pat = kw(schema, 'pattern');
    if (pat?.type === 'string') {
      let r: RegExp | undefined;
      try { r = new RegExp(pat.value as string, 'u'); } catch { try { r = new RegExp(pat.value as string); } catch { r = undefined; } }
      if (r && !r.test(s)) out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} does not match the pattern \`${String(pat.value).slice(0, 60)}\`` });
    }
    const fmt = kw(schema, 'format');
    const re = fmt?.type === 'string' ? own(FORMATS, fmt.value as string) : undefined;
    if (re && !re.test(s)) {
      out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} is not a valid ${fmt!.value} (found ${show(inst)})` });
    }
  }

  private number(inst: JsonNode, schema: JsonNode, path: string, out: InstanceProblem[]): void {
    const x = inst.value as number;
    const min = this.num(schema, 'minimum'), max = this.num(schema, 'maximum');
    const exMin = kw(schema, 'exclusiveMinimum'), exMax = kw(schema, 'exclusiveMaximum');
    if (min !== undefined) {
      if (exMin?.value === true ? x <= min : x < min) out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} must be ${exMin?.value === true ? 'greater than' : 'at least'} ${min} (found ${x})` });
    }
    if (exMin?.type === 'number' && x <= (exMin.value as number)) out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} must be greater than ${exMin.value} (found ${x})` });
    if (max !== undefined) {
      if (exMax?.value === true ? x >= max : x > max) out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} must be ${exMax?.value === true ? 'less than' : 'at most'} ${max} (found ${x})` });
    }
    if (exMax?.type === 'number' && x >= (exMax.value as number)) out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} must be less than ${exMax.value} (found ${x})` });
    const mult = this.num(schema, 'multipleOf');
    if (mult && mult > 0) {
      const q = x / mult;
      if (Math.abs(q - Math.round(q)) > 1e-9) out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} must be a multiple of ${mult} (found ${x})` });
    }
  }

  private array(inst: JsonNode, schema: JsonNode, path: string, out: InstanceProblem[], depth: number): void {
    const items = inst.items ?? [];
    const min = this.num(schema, 'minItems'), max = this.num(schema, 'maxItems');
    if (min !== undefined && items.length < min) out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} must have at least ${min} items (found ${items.length})` });
    if (max !== undefined && items.length > max) out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} must have at most ${max} items (found ${items.length})` });
    if (kw(schema, 'uniqueItems')?.value === true && items.length < 500) {
      for (let i = 1; i < items.length; i++) {
        if (items.slice(0, i).some((p) => sameJson(p, items[i]))) { out.push({ span: items[i].span, path: this.p(items[i]), message: `${this.p(items[i])} repeats an earlier item (items must be unique)` }); break; }
      }
    }
    const prefix = this.opts.kind === 'oas31' || this.opts.kind === 'oas32' ? kw(schema, 'prefixItems') : undefined;
    let start = 0;
    if (prefix?.type === 'array') {
      const ps = prefix.items ?? [];
      for (let i = 0; i < Math.min(ps.length, items.length); i++) this.validate(items[i], ps[i], '', out, depth + 1);
      start = ps.length;
    }
    const it = kw(schema, 'items');
    if (it && (it.type === 'object' || it.type === 'boolean')) {
      for (let i = start; i < items.length && out.length < 20; i++) this.validate(items[i], it, '', out, depth + 1);
    }
  }

  private object(inst: JsonNode, schema: JsonNode, path: string, out: InstanceProblem[], depth: number): void {
    const props = inst.properties ?? [];
    const propsNode = kw(schema, 'properties');
    const properties = propsNode?.type === 'object' ? propertyMap(propsNode) : undefined;
    const req = kw(schema, 'required');
    if (req?.type === 'array') {
      for (const r of req.items ?? []) {
        if (r.type !== 'string' || props.some((p) => p.key === r.value)) continue;
        const ps = properties?.get(r.value as string);
        const resolved = ps && prop(ps, '$ref') ? this.opts.resolve(ps) ?? ps : ps;
        if (this.opts.direction === 'request' && val(resolved, 'readOnly')?.value === true) continue;
        if (this.opts.direction === 'response' && val(resolved, 'writeOnly')?.value === true) continue;
        out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} lacks the required property \`${r.value}\`` });
      }
    }
    const min = this.num(schema, 'minProperties'), max = this.num(schema, 'maxProperties');
    if (min !== undefined && props.length < min) out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} must have at least ${min} properties` });
    if (max !== undefined && props.length > max) out.push({ span: inst.span, path: this.p(inst), message: `${this.p(inst)} must have at most ${max} properties` });
    const additional = kw(schema, 'additionalProperties');
    const patterns = kw(schema, 'patternProperties');
    for (const p of props) {
      const ps = properties?.get(p.key);
      if (ps) { this.validate(p.value, ps, '', out, depth + 1); continue; }
      let matched = false;
      for (const pp of patterns?.properties ?? []) {
        let r: RegExp | undefined;
        try { r = new RegExp(pp.key, 'u'); } catch { r = undefined; }
        if (r?.test(p.key)) { matched = true; this.validate(p.value, pp.value, '', out, depth + 1); }
      }
      if (matched || !additional) continue;
      if (additional.type === 'boolean' && additional.value === false) out.push({ span: p.keySpan, path: this.p(p.value), message: `${this.p(inst)} has the property \`${p.key}\`, which the schema does not allow (additionalProperties: false)` });
      else if (additional.type === 'object') this.validate(p.value, additional, '', out, depth + 1);
    }
  }
}
