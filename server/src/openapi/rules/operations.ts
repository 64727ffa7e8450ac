/**
 * Operation rules: unique and URL-safe operationIds, a success response, unique parameters, declared tags,
 * no callbacks inside callbacks, and examples of parameters, headers and media types against their schemas.
 */
import type { JsonNode } from '../../syntax/jsonTree';
import type { MediaTypeModel, OperationModel, ParameterModel } from '../model';
import {
  CALLBACKS_IN_CALLBACK, EXAMPLE_INVALID, OPERATION_ID_UNIQUE, OPERATION_ID_URL_SAFE, OPERATION_PARAMETERS_UNIQUE,
  OPERATION_SUCCESS_RESPONSE, OPERATION_TAG_DEFINED,
} from './catalog';
import { code, prop, val, type RuleContext } from './context';
import { validateInstance } from './instance';
import { resolverFor } from './resolve';
import { mapOffset } from '../entries';

/** RFC 3986 unreserved and reserved characters: what may appear in a URL without percent-encoding. */
const URL_SAFE = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]+$/;
/** A success status (2xx / 3xx, or a 2XX / 3XX range). */
const SUCCESS = /^[23](\d\d|XX)$/i;
/** Media types whose examples are JSON values (other formats' examples are serialized text). */
const JSON_LIKE = /json|^\*\/\*$|^text\/plain/i;

/**
 * Example/schema pairs already checked in this analysis (shared responses and examples are reached from many
 * operations: the first one reports), by the start offsets of both nodes (positions survive an incremental
 * re-parse; two nodes never start at the same offset): example start -> schema starts.
 */
let checkedExamples = new Map<number, Set<number>>();
const isChecked = (ex: number, schema: number): boolean => !!checkedExamples.get(ex)?.has(schema);
function markChecked(ex: number, schema: number): void {
  let s = checkedExamples.get(ex);
  if (!s) checkedExamples.set(ex, s = new Set());
  s.add(schema);
}
/** The pairs the operation being recorded checked and skipped (incremental re-analysis). */
let pairLog: OpRecord | undefined;

/** One operation's part of its entry's 'operations' record: findings[from, to) and its example pairs. */
interface OpRecord { from: number; to: number; budget: number; /** [example, schema] starts, flat */ checked: number[]; skipped: number[] }

export function checkOperations(ctx: RuleContext): void {
  checkedExamples = new Map();
  const ids = new Map<string, OperationModel>();
  const declaredTags = new Set(ctx.model.tags.map((t) => t.name?.value).filter((n): n is string => !!n));
  const hasRootTags = !!prop(ctx.model.root, 'tags');
  const here = ctx.model.uri;
  for (const op of ctx.model.operations) {
    const local = op.pathItem.uri === here;
    if (op.operationId && local) {
      const id = op.operationId.value;
      const first = ids.get(id);
      if (first && first.operationId) {
        ctx.report(OPERATION_ID_UNIQUE, op.operationId.span, `the operationId ${code(id)} is already used by ${first.method.toUpperCase()} ${code(first.path)} (line ${ctx.line(first.operationId.span.start)}); operationIds must be unique in the API`, { related: [ctx.relatedHere(first.operationId.span, 'first use of this operationId')] });
      } else ids.set(id, op);
    }
    if (local) perOperation(ctx, op, () => checkOperation(ctx, op, declaredTags, hasRootTags));
  }
  checkedExamples = new Map();
}

/**
 * The checks of one operation that read only its entry, what its `$ref`s reach, and the rest of the document.
 * With an incremental run, an operation of an untouched entry replays its previous findings when the shared
 * example pairs come out the same (none it checked is taken by an operation before it, all it skipped are).
 */
function perOperation(ctx: RuleContext, op: OperationModel, compute: () => void): void {
  const run = ctx.run;
  // The entry of the path item (its key gives the operation's path in messages).
  const entry = run?.entryAt(op.pathItem.keySpan.start);
  if (!run || !entry) { compute(); return; }
  const next = run.nextRecord('operations', entry);
  const nextOps = (next.extra ??= new Map<number, OpRecord>()) as Map<number, OpRecord>;
  const key = op.methodSpan.start;
  if (nextOps.has(key)) { compute(); return; } // the same operation reached twice (a shared path item)
  const prev = run.reused('operations', entry, true);
  const o = (prev?.extra as Map<number, OpRecord> | undefined)?.get(run.previousOffset(key));
  if (prev && o) {
    const at = (xs: number[]) => xs.map((x) => mapOffset(x, run.plan!.region));
    const checked = at(o.checked), skipped = at(o.skipped);
    let same = true;
    for (let i = 0; same && i < checked.length; i += 2) same = !isChecked(checked[i], checked[i + 1]);
    for (let i = 0; same && i < skipped.length; i += 2) same = isChecked(skipped[i], skipped[i + 1]);
    if (same) {
      for (let i = 0; i < checked.length; i += 2) markChecked(checked[i], checked[i + 1]);
      const findings = prev.findings.slice(o.from, o.to);
      ctx.replay(findings, o.budget);
      const from = next.findings.length;
      next.findings.push(...findings);
      nextOps.set(key, { from, to: next.findings.length, budget: o.budget, checked, skipped });
      if (prev.lineDependent) next.lineDependent = true;
      if (prev.reads) for (const r of prev.reads) (next.reads ??= new Set()).add(r);
      return;
    }
  }
  const rec: OpRecord = { from: next.findings.length, to: 0, budget: 0, checked: [], skipped: [] };
  const budget = next.budget;
  pairLog = rec;
  try { ctx.record(next, compute); } finally { pairLog = undefined; }
  rec.to = next.findings.length;
  rec.budget = next.budget - budget;
  nextOps.set(key, rec);
}

function checkOperation(ctx: RuleContext, op: OperationModel, declaredTags: Set<string>, hasRootTags: boolean): void {
  {
    if (op.operationId) {
      const id = op.operationId.value;
      if (!URL_SAFE.test(id)) {
        const bad = [...new Set([...id].filter((c) => !URL_SAFE.test(c)))].map((c) => (c === ' ' ? 'space' : code(c))).join(', ');
        ctx.report(OPERATION_ID_URL_SAFE, op.operationId.span, `the operationId ${code(id)} contains characters that are not URL-safe (${bad}); it appears in links, URLs of generated docs and code identifiers`);
      }
    }
    checkSuccess(ctx, op);
    checkParametersUnique(ctx, op);
    if (hasRootTags) {
      for (const t of op.tags) {
        if (!declaredTags.has(t.value)) ctx.report(OPERATION_TAG_DEFINED, t.span, `the tag ${code(t.value)} is not declared in the top-level \`tags\` list (declare it there with a description, or fix the spelling)`);
      }
    }
    if (op.origin === 'callback' && prop(op.node, 'callbacks')) {
      ctx.report(CALLBACKS_IN_CALLBACK, prop(op.node, 'callbacks')!.keySpan, 'this callback operation declares callbacks of its own; a callback is a request the API sends, and nesting them is not meaningful');
    }
    checkOperationExamples(ctx, op);
  }
}

function checkSuccess(ctx: RuleContext, op: OperationModel): void {
  if (!op.responsesNode) return;
  for (let i = 0; i < op.responses.length; i++) if (SUCCESS.test(op.responses[i].status)) return;
  const key = op.node.properties?.find((p) => p.key === 'responses')?.keySpan ?? op.methodSpan;
  const have = op.responses.map((r) => r.status).join(', ');
  ctx.report(OPERATION_SUCCESS_RESPONSE, key, `${op.method.toUpperCase()} ${code(op.path)} declares no success response (2xx or 3xx)${have ? `, only ${have}` : ''}: clients cannot tell what a successful call returns`);
}

function checkParametersUnique(ctx: RuleContext, op: OperationModel): void {
  for (const level of ['path', 'operation'] as const) {
    const seen = new Map<string, ParameterModel>();
    for (const p of op.parameters) {
      if (p.level !== level || !p.name || !p.in) continue;
      const k = `${p.in.value}:${p.in.value === 'header' ? p.name.value.toLowerCase() : p.name.value}`;
      const first = seen.get(k);
      if (first) {
        const span = p.uri === ctx.model.uri ? p.name.span : (p.ref?.valueSpan ?? p.entry.span);
        ctx.report(OPERATION_PARAMETERS_UNIQUE, span, `the ${p.in.value} parameter ${code(p.name.value)} is declared twice in the same ${level === 'path' ? 'path item' : 'operation'}; a parameter is identified by its name and location`);
      } else seen.set(k, p);
    }
  }
}

/** Media type, parameter and header examples against their schemas. */
function checkOperationExamples(ctx: RuleContext, op: OperationModel): void {
  const resolve = resolverFor(ctx);
  const kind = ctx.kind;
  const check = (example: JsonNode | undefined, schema: JsonNode | undefined, what: string, direction?: 'request' | 'response') => {
    if (!example || !schema || !ctx.owns(example)) return;
    // Shared responses and examples ($ref) are reached from many operations: check each pair once.
    const ex = example.span.start, sc = schema.span.start;
    if (isChecked(ex, sc)) { pairLog?.skipped.push(ex, sc); return; }
    markChecked(ex, sc);
    pairLog?.checked.push(ex, sc);
    if (example.span.end <= example.span.start && example.type !== 'null') return;
    for (const p of validateInstance(example, schema, { kind, resolve, direction, maxProblems: 2, budget: ctx.exampleBudget })) {
      ctx.report(EXAMPLE_INVALID, p.span, `${what} does not match its schema: ${p.message}`);
    }
  };
  const exampleValues = (examples: JsonNode[]): { node: JsonNode; name: string }[] => {
    const out: { node: JsonNode; name: string }[] = [];
    for (const e of examples) {
      const ex = prop(e, '$ref') ? resolve(e) : e;
      if (!ex || ex.type !== 'object') continue;
      const v = val(ex, 'value') ?? val(ex, 'dataValue');
      const name = e.parent?.properties?.find((p) => p.value === e)?.key ?? 'example';
      if (v) out.push({ node: v, name });
    }
    return out;
  };
  const media = (m: MediaTypeModel, where: string, direction: 'request' | 'response') => {
    if (!m.node || !m.schema) return;
    if (!JSON_LIKE.test(m.mediaType)) return;
    check(m.example, m.schema, `the ${where} example for ${m.mediaType}`, direction);
    if (m.examples.length) for (const e of exampleValues(m.examples)) check(e.node, m.schema, `the ${where} example ${code(e.name)} for ${m.mediaType}`, direction);
  };
  for (const p of op.parameters) {
    if (p.uri !== ctx.model.uri || !p.name) continue;
    if (p.level === 'path' && op.pathItem.operations[0] !== op) continue; // path-level: once per path item
    const schema = p.schema ?? (kind === 'swagger2' && val(p.node, 'type') ? p.node : undefined);
    check(val(p.node, 'example'), schema, `the example of parameter ${code(p.name.value)}`, 'request');
    const exs = val(p.node, 'examples');
    if (exs?.type === 'object') for (const e of exampleValues((exs.properties ?? []).map((q) => q.value))) check(e.node, schema, `the example ${code(e.name)} of parameter ${code(p.name.value)}`, 'request');
    for (const m of p.content) media(m, `parameter ${code(p.name.value)}`, 'request');
  }
  if (op.requestBody && op.requestBody.uri === ctx.model.uri) for (const m of op.requestBody.content) media(m, 'request', 'request');
  for (const r of op.responses) {
    if (r.uri !== ctx.model.uri) continue;
    for (const m of r.content) media(m, `${r.status} response`, 'response');
    if (kind === 'swagger2' && r.schema) {
      const exs = val(r.node, 'examples');
      for (const q of exs?.properties ?? []) if (/json/i.test(q.key)) check(q.value, r.schema, `the ${r.status} response example for ${q.key}`, 'response');
    }
    for (const h of r.headers) {
      const schema = val(h.node, 'schema') ?? (kind === 'swagger2' ? h.node : undefined);
      check(val(h.node, 'example'), schema, `the example of header ${code(h.name)}`);
    }
  }
}
