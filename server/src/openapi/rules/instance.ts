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
import { prop } from './context';

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

/** A schema read through a parent's record: its own record kept there once made (no lookup per application). */
interface Slot { node: JsonNode; c: CompiledSchema | undefined }
const slot = (node: JsonNode): Slot => ({ node, c: undefined });

class StringRules {
  minLength: number | undefined = undefined;
  maxLength: number | undefined = undefined;
  /** The `pattern` source and its expression (undefined when it does not compile). */
  patternSource: string | undefined = undefined;
  pattern: RegExp | undefined = undefined;
  formatName: string | undefined = undefined;
  format: RegExp | undefined = undefined;
}

class NumberRules {
  minimum: number | undefined = undefined;
  maximum: number | undefined = undefined;
  exclusiveMinimum: JsonNode | undefined = undefined;
  exclusiveMaximum: JsonNode | undefined = undefined;
  multipleOf: number | undefined = undefined;
}

class ArrayRules {
  minItems: number | undefined = undefined;
  maxItems: number | undefined = undefined;
  uniqueItems = false;
  prefixItems: JsonNode[] | undefined = undefined;
  items: Slot | undefined = undefined;
}

class ObjectRules {
  properties: Map<string, Slot> | undefined = undefined;
  /** The `required` names in order, and each distinct one's index (`requiredDistinct` of them). */
  required: string[] | undefined = undefined;
  requiredIndex: Map<string, number> | undefined = undefined;
  requiredDistinct = 0;
  minProperties: number | undefined = undefined;
  maxProperties: number | undefined = undefined;
  additional: JsonNode | undefined = undefined;
  patternProperties: { re: RegExp | undefined; schema: JsonNode }[] | undefined = undefined;
}

/**
 * What validation reads of one schema node, gathered in one pass over its keywords (the first occurrence of a
 * key wins, as `prop` reads it): a schema is applied to many instance nodes (every item of a large example
 * array), and each application then reads fields instead of ~20 keyword lookups, and compiles no pattern.
 * The keywords of each instance kind sit in a record of their own, made only when the schema has one.
 */
class CompiledSchema {
  hasRef = false;
  /** `type` (its string items when an array); `checkType` when it constrains (non-empty, no `file`). */
  types: string[] | undefined = undefined;
  checkType = false;
  /** Instance kinds the types accept (TYPE_BITS). */
  typeMask = 0;
  nullable = false;
  readOnly = false;
  writeOnly = false;
  enumItems: JsonNode[] | undefined = undefined;
  constNode: JsonNode | undefined = undefined;
  str: StringRules | undefined = undefined;
  num: NumberRules | undefined = undefined;
  arr: ArrayRules | undefined = undefined;
  obj: ObjectRules | undefined = undefined;
  allOf: JsonNode[] | undefined = undefined;
  anyOf: JsonNode[] | undefined = undefined;
  oneOf: JsonNode[] | undefined = undefined;
  not: JsonNode | undefined = undefined;
  combinators = false;
  constructor(readonly epoch: number) {}
}

const TYPE_BITS: Record<string, number> = { object: 1, array: 2, string: 4, number: 8, integer: 16, boolean: 32, null: 64 };
function instanceBits(n: JsonNode): number {
  switch (n.type) {
    case 'object': return 1;
    case 'array': return 2;
    case 'string': return 4;
    case 'number': return Number.isInteger(n.value) ? 8 | 16 : 8;
    case 'boolean': return 32;
    case 'null': return 64;
    default: return 0;
  }
}

function numberOf(n: JsonNode): number | undefined { return n.type === 'number' ? n.value as number : undefined; }

/** The keywords read, numbered: one hash lookup per key of a schema, then a switch over small integers. */
const KEYWORDS = [
  '$ref', 'type', 'nullable', 'x-nullable', 'readOnly', 'writeOnly', 'enum', 'const', 'minLength', 'maxLength', 'pattern',
  'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems',
  'uniqueItems', 'prefixItems', 'items', 'properties', 'required', 'minProperties', 'maxProperties',
  'additionalProperties', 'patternProperties', 'allOf', 'anyOf', 'oneOf', 'not',
] as const;
const KEYWORD_ID = new Map<string, number>(KEYWORDS.map((k, i) => [k, i]));

function compile(schema: JsonNode, epoch: number): CompiledSchema {
  const c = new CompiledSchema(epoch);
  const props = schema.properties;
  if (!props) return c;
  let seen = 0; // keyword ids met (the first occurrence of a key counts)
  for (let i = 0; i < props.length; i++) {
    const p = props[i];
    const id = KEYWORD_ID.get(p.key);
    if (id === undefined || (seen & (1 << id)) !== 0) continue;
    seen |= 1 << id;
    const v = p.value;
    switch (id) {
      case 0: c.hasRef = true; break;
      case 1:
        if (v.type === 'string') c.types = [v.value as string];
        else if (v.type === 'array') { const ts: string[] = c.types = []; const its = v.items ?? []; for (let j = 0; j < its.length; j++) if (its[j].type === 'string') ts.push(its[j].value as string); }
        if (c.types && c.types.length && !c.types.includes('file')) {
          c.checkType = true;
          for (let j = 0; j < c.types.length; j++) c.typeMask |= own(TYPE_BITS, c.types[j]) ?? 0;
        }
        break;
      case 2: case 3: if (v.value === true) c.nullable = true; break;
      case 4: c.readOnly = v.value === true; break;
      case 5: c.writeOnly = v.value === true; break;
      case 6: if (v.type === 'array') c.enumItems = v.items ?? []; break;
      case 7: c.constNode = v; break;
      case 8: (c.str ??= new StringRules()).minLength = numberOf(v); break;
      case 9: (c.str ??= new StringRules()).maxLength = numberOf(v); break;
      case 10:
        if (v.type === 'string') {
          const r = c.str ??= new StringRules();
          r.patternSource = v.value as string;
          try { r.pattern = new RegExp(r.patternSource, 'u'); } catch { try { r.pattern = new RegExp(r.patternSource); } catch { r.pattern = undefined; } }
        }
        break;
      case 11: if (v.type === 'string') { const r = c.str ??= new StringRules(); r.formatName = v.value as string; r.format = own(FORMATS, r.formatName); } break;
      case 12: (c.num ??= new NumberRules()).minimum = numberOf(v); break;
      case 13: (c.num ??= new NumberRules()).maximum = numberOf(v); break;
      case 14: (c.num ??= new NumberRules()).exclusiveMinimum = v; break;
      case 15: (c.num ??= new NumberRules()).exclusiveMaximum = v; break;
      case 16: (c.num ??= new NumberRules()).multipleOf = numberOf(v); break;
      case 17: (c.arr ??= new ArrayRules()).minItems = numberOf(v); break;
      case 18: (c.arr ??= new ArrayRules()).maxItems = numberOf(v); break;
      case 19: if (v.value === true) (c.arr ??= new ArrayRules()).uniqueItems = true; break;
      case 20: if (v.type === 'array') (c.arr ??= new ArrayRules()).prefixItems = v.items ?? []; break;
      case 21: if (v.type === 'object' || v.type === 'boolean') (c.arr ??= new ArrayRules()).items = slot(v); break;
      case 22:
        if (v.type === 'object') {
          const m = new Map<string, Slot>();
          const ps = v.properties ?? [];
          for (let j = 0; j < ps.length; j++) if (!m.has(ps[j].key)) m.set(ps[j].key, slot(ps[j].value));
          (c.obj ??= new ObjectRules()).properties = m;
        }
        break;
      case 23:
        if (v.type === 'array') {
          const o = c.obj ??= new ObjectRules();
          const names: string[] = o.required = [];
          const index = o.requiredIndex = new Map<string, number>();
          const its = v.items ?? [];
          for (let j = 0; j < its.length; j++) {
            if (its[j].type !== 'string') continue;
            const name = its[j].value as string;
            names.push(name);
            if (!index.has(name)) index.set(name, index.size);
          }
          o.requiredDistinct = index.size;
        }
        break;
      case 24: (c.obj ??= new ObjectRules()).minProperties = numberOf(v); break;
      case 25: (c.obj ??= new ObjectRules()).maxProperties = numberOf(v); break;
      case 26: (c.obj ??= new ObjectRules()).additional = v; break;
      case 27:
        if (v.properties?.length) {
          (c.obj ??= new ObjectRules()).patternProperties = v.properties.map((pp) => {
            let re: RegExp | undefined;
            try { re = new RegExp(pp.key, 'u'); } catch { re = undefined; }
            return { re, schema: pp.value };
          });
        }
        break;
      case 28: if (v.type === 'array') c.allOf = v.items ?? []; break;
      case 29: if (v.type === 'array' && v.items?.length) c.anyOf = v.items; break;
      case 30: if (v.type === 'array' && v.items?.length) c.oneOf = v.items; break;
      case 31: if (v.type === 'object' && (v.properties?.length ?? 0) > 0) c.not = v; break;
    }
  }
  c.combinators = c.allOf !== undefined || c.anyOf !== undefined || c.oneOf !== undefined || c.not !== undefined;
  return c;
}

// Tagged with the model build they were made in: an incremental re-parse changes nodes in place (model.ts).
const compiledSchemas = new WeakMap<JsonNode, CompiledSchema>();
function compiled(schema: JsonNode): CompiledSchema {
  const epoch = keyIndexEpoch();
  let c = compiledSchemas.get(schema);
  if (!c || c.epoch !== epoch) compiledSchemas.set(schema, c = compile(schema, epoch));
  return c;
}

/**
 * Which distinct required names an instance object holds: a stamp per name index, this check's number when
 * present (one array for all checks; a check reads it before validating anything below).
 */
let requiredStamps = new Int32Array(64);
let requiredCheck = 0;

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
  v.validate(instance, schema, out, 0);
  return out.slice(0, opts.maxProblems ?? 3);
}

function typeWords(c: CompiledSchema): string {
  return c.types!.map((t) => own(TYPE_WORD, t) ?? t).join(' or ');
}

class InstanceValidator {
  private budget = 20000;
  private readonly shared: { left: number };
  private readonly oldRefs: boolean;
  private readonly prefixItems: boolean;
  constructor(private readonly opts: InstanceOptions, private readonly root: JsonNode) {
    this.shared = opts.budget ?? { left: Infinity };
    // 3.1+: $ref siblings apply too; earlier versions ignore them.
    this.oldRefs = opts.kind === 'swagger2' || opts.kind === 'oas30';
    this.prefixItems = opts.kind === 'oas31' || opts.kind === 'oas32';
  }

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

  private problem(out: InstanceProblem[], at: JsonNode, message: (path: string) => string): void {
    const path = this.p(at);
    out.push({ span: at.span, path, message: message(path) });
  }

  validate(inst: JsonNode, schema: JsonNode, out: InstanceProblem[], depth: number, from?: Slot): void {
    if (--this.budget < 0 || --this.shared.left < 0 || depth > 40) return;
    if (schema.type === 'boolean') {
      if (schema.value === false) this.problem(out, inst, (p) => `${p} is not allowed`);
      return;
    }
    if (schema.type !== 'object') return;
    // A parent's slot keeps the record: it was made in the parent's model build (parents are checked).
    const c = from ? from.c ??= compiled(schema) : compiled(schema);
    if (c.hasRef) {
      const target = this.opts.resolve(schema);
      if (target && target !== schema) this.validate(inst, target, out, depth + 1);
      if (this.oldRefs) return;
    }
    const nullable = c.nullable;
    if (inst.type === 'null' && nullable && this.oldRefs) return;
    if (c.checkType && (c.typeMask & instanceBits(inst)) === 0) {
      this.problem(out, inst, (p) => `${p} must be ${typeWords(c)}${nullable ? ' or null' : ''} (found ${TYPE_WORD[typeOf(inst)]})`);
      return;
    }
    const en = c.enumItems;
    if (en && !(inst.type === 'null' && nullable) && !inEnum(en, inst)) {
      this.problem(out, inst, (p) => `${p} must be one of ${en.slice(0, 8).map(show).join(', ')} (found ${show(inst)})`);
    }
    const cst = c.constNode;
    if (cst && !sameJson(cst, inst)) this.problem(out, inst, (p) => `${p} must be ${show(cst)} (found ${show(inst)})`);

    if (inst.type === 'string') { if (c.str) this.string(inst, c.str, out); }
    else if (inst.type === 'number') { if (c.num) this.number(inst, c.num, out); }
    else if (inst.type === 'array') { if (c.arr) this.array(inst, c.arr, out, depth); }
    else if (inst.type === 'object') { if (c.obj) this.object(inst, c.obj, out, depth); }

    if (!c.combinators) return;
    const allOf = c.allOf;
    if (allOf) for (let i = 0; i < allOf.length; i++) this.validate(inst, allOf[i], out, depth + 1);
    if (c.anyOf) this.alternatives(inst, c.anyOf, 'anyOf', out, depth);
    if (c.oneOf) this.alternatives(inst, c.oneOf, 'oneOf', out, depth);
    if (c.not) {
      const probe: InstanceProblem[] = [];
      this.validate(inst, c.not, probe, depth + 1);
      if (probe.length === 0) this.problem(out, inst, (p) => `${p} matches a schema it must not match (\`not\`)`);
    }
  }

  private alternatives(inst: JsonNode, alts: JsonNode[], k: string, out: InstanceProblem[], depth: number): void {
    let best: InstanceProblem[] | undefined;
    for (let i = 0; i < alts.length; i++) {
      const probe: InstanceProblem[] = [];
      this.validate(inst, alts[i], probe, depth + 1);
      if (probe.length === 0) { best = undefined; break; }
      if (!best || probe.length < best.length) best = probe;
    }
    if (best) {
      const closest = best;
      if (closest.length === 1) out.push(closest[0]);
      else this.problem(out, inst, (p) => `${p} matches none of the ${k} alternatives (closest: ${closest[0].message})`);
    }
  }

  private string(inst: JsonNode, r: StringRules, out: InstanceProblem[]): void {
    const s = inst.value as string;
    const min = r.minLength, max = r.maxLength;
    const len = min !== undefined || max !== undefined ? codePoints(s) : 0;
    if (min !== undefined && len < min) this.problem(out, inst, (p) => `${p} must be at least ${min} characters long (found ${len})`);
    if (max !== undefined && len > max) this.problem(out, inst, (p) => `${p} must be at most ${max} characters long (found ${len})`);
    if (r.pattern && !r.pattern.test(s)) this.problem(out, inst, (p) => `${p} does not match the pattern \`${r.patternSource!.slice(0, 60)}\``);
    if (r.format && !r.format.test(s)) this.problem(out, inst, (p) => `${p} is not a valid ${r.formatName} (found ${show(inst)})`);
  }

  private number(inst: JsonNode, r: NumberRules, out: InstanceProblem[]): void {
    const x = inst.value as number;
    const min = r.minimum, max = r.maximum;
    const exMin = r.exclusiveMinimum, exMax = r.exclusiveMaximum;
    if (min !== undefined) {
      if (exMin?.value === true ? x <= min : x < min) this.problem(out, inst, (p) => `${p} must be ${exMin?.value === true ? 'greater than' : 'at least'} ${min} (found ${x})`);
    }
    if (exMin?.type === 'number' && x <= (exMin.value as number)) this.problem(out, inst, (p) => `${p} must be greater than ${exMin.value} (found ${x})`);
    if (max !== undefined) {
      if (exMax?.value === true ? x >= max : x > max) this.problem(out, inst, (p) => `${p} must be ${exMax?.value === true ? 'less than' : 'at most'} ${max} (found ${x})`);
    }
    if (exMax?.type === 'number' && x >= (exMax.value as number)) this.problem(out, inst, (p) => `${p} must be less than ${exMax.value} (found ${x})`);
    const mult = r.multipleOf;
    if (mult && mult > 0) {
      const q = x / mult;
      if (Math.abs(q - Math.round(q)) > 1e-9) this.problem(out, inst, (p) => `${p} must be a multiple of ${mult} (found ${x})`);
    }
  }

  private array(inst: JsonNode, r: ArrayRules, out: InstanceProblem[], depth: number): void {
    const items = inst.items ?? [];
    const min = r.minItems, max = r.maxItems;
    if (min !== undefined && items.length < min) this.problem(out, inst, (p) => `${p} must have at least ${min} items (found ${items.length})`);
    if (max !== undefined && items.length > max) this.problem(out, inst, (p) => `${p} must have at most ${max} items (found ${items.length})`);
    if (r.uniqueItems && items.length < 500) {
      for (let i = 1; i < items.length; i++) {
        if (items.slice(0, i).some((p) => sameJson(p, items[i]))) { this.problem(out, items[i], (p) => `${p} repeats an earlier item (items must be unique)`); break; }
      }
    }
    const prefix = this.prefixItems ? r.prefixItems : undefined;
    let start = 0;
    if (prefix) {
      for (let i = 0; i < Math.min(prefix.length, items.length); i++) this.validate(items[i], prefix[i], out, depth + 1);
      start = prefix.length;
    }
    const it = r.items;
    if (it) {
      for (let i = start; i < items.length && out.length < 20; i++) this.validate(items[i], it.node, out, depth + 1, it);
    }
  }

  private object(inst: JsonNode, o: ObjectRules, out: InstanceProblem[], depth: number): void {
    const props = inst.properties ?? [];
    const properties = o.properties;
    const req = o.required;
    if (req && req.length) {
      // Stamp the distinct required names the instance holds; only when one is missing, find which, in order.
      const index = o.requiredIndex!;
      if (requiredStamps.length < o.requiredDistinct) requiredStamps = new Int32Array(o.requiredDistinct * 2);
      const stamps = requiredStamps;
      const check = ++requiredCheck;
      let found = 0;
      for (let i = 0; i < props.length; i++) {
        const at = index.get(props[i].key);
        if (at !== undefined && stamps[at] !== check) { stamps[at] = check; found++; }
      }
      if (found < o.requiredDistinct) {
        for (let i = 0; i < req.length; i++) {
          const name = req[i];
          if (stamps[index.get(name)!] === check) continue;
          const ps = properties?.get(name)?.node;
          const psc = ps && ps.type === 'object' ? compiled(ps) : undefined;
          const resolved = ps && psc?.hasRef ? this.opts.resolve(ps) ?? ps : ps;
          const rc = resolved === ps ? psc : resolved && resolved.type === 'object' ? compiled(resolved) : undefined;
          if (this.opts.direction === 'request' && rc?.readOnly) continue;
          if (this.opts.direction === 'response' && rc?.writeOnly) continue;
          this.problem(out, inst, (p) => `${p} lacks the required property \`${name}\``);
        }
      }
    }
    const min = o.minProperties, max = o.maxProperties;
    if (min !== undefined && props.length < min) this.problem(out, inst, (p) => `${p} must have at least ${min} properties`);
    if (max !== undefined && props.length > max) this.problem(out, inst, (p) => `${p} must have at most ${max} properties`);
    const additional = o.additional;
    const patterns = o.patternProperties;
    if (!properties && !patterns && !additional) return;
    for (let i = 0; i < props.length; i++) {
      const p = props[i];
      const ps = properties?.get(p.key);
      if (ps) { this.validate(p.value, ps.node, out, depth + 1, ps); continue; }
      let matched = false;
      if (patterns) {
        for (let j = 0; j < patterns.length; j++) {
          const pp = patterns[j];
          if (pp.re?.test(p.key)) { matched = true; this.validate(p.value, pp.schema, out, depth + 1); }
        }
      }
      if (matched || !additional) continue;
      if (additional.type === 'boolean' && additional.value === false) out.push({ span: p.keySpan, path: this.p(p.value), message: `${this.p(inst)} has the property \`${p.key}\`, which the schema does not allow (additionalProperties: false)` });
      else if (additional.type === 'object') this.validate(p.value, additional, out, depth + 1);
    }
  }
}

/** Whether an enum's items hold a value equal to the instance (sameJson; scalars compared inline). */
function inEnum(items: JsonNode[], inst: JsonNode): boolean {
  if (inst.type === 'object' || inst.type === 'array') return items.some((e) => sameJson(e, inst));
  for (const e of items) if (e.type === inst.type && e.value === inst.value) return true;
  return false;
}

/** Length in code points (what JSON Schema's minLength / maxLength count), without an array of them. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length) {
      const v = s.charCodeAt(i + 1);
      if (v >= 0xdc00 && v <= 0xdfff) { n--; i++; }
    }
  }
  return n;
}
