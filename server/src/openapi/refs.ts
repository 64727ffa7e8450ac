/**
 * `$ref` resolution: local JSON pointers (~0, ~1, percent escapes), relative files (YAML or JSON), chains
 * and cycles. Other files come from the language service first (open editors, OpenAPI documents with their
 * model), else from the workspace's disk reader (a plain schema fragment is parsed here). Never the network:
 * http(s) references are reported as "not followed".
 */
import { LineIndex } from '../core/text';
import type { Analysed } from '../service/dialect';
import type { Workspace } from '../service/workspace';
import { isRemote, resolveReference } from '../service/workspace';
import type { JsonDocument, JsonNode } from '../syntax/jsonTree';
import { parseJson } from '../syntax/jsonParser';
import { parseYaml } from '../syntax/yamlParser';
import {
  keyIndexEpoch, nodeAtPointer, pointerOf, pointerSegments, refOf,
  type OpenApiModel, type RefModel, type RefProblem, type RefResolver, type ResolvedNode,
} from './model';

/** A document a reference can land in. */
export interface RefTargetDoc {
  uri: string;
  root?: JsonNode;
  text: string;
  lines: LineIndex;
  model?: OpenApiModel;
  /** Holder node -> RefModel, for refs inside that document. */
  refsByHolder?: Map<JsonNode, RefModel>;
}

/** Plain JSON/YAML files that are not API descriptions themselves (schema fragments), parsed once per version. */
const fragmentCache = new Map<string, { version: number; doc: RefTargetDoc; parsed: JsonDocument }>();

export function parseAny(text: string, uri: string): JsonDocument {
  const first = /\S/.exec(text.length > 4096 ? text.slice(0, 4096) : text)?.[0];
  return first === '{' || first === '[' || /\.json$/i.test(uri) && first !== undefined && first !== '#' ? parseJson(text) : parseYaml(text);
}

const holderMaps = new WeakMap<OpenApiModel, Map<JsonNode, RefModel>>();

export interface ResolverEnv {
  workspace: Workspace;
  analyseOther: (uri: string) => Analysed | undefined;
}

/** Splits a `$ref` into its absolute document URI and decoded pointer. */
export function splitRef(ref: string, baseUri: string): { uri: string; fragment: string; pointer: string; remote: boolean } {
  const hash = ref.indexOf('#');
  const file = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  let uri = baseUri;
  if (file) {
    try { uri = resolveReference(baseUri, file); } catch { uri = file; }
  }
  let pointer: string;
  try { pointer = decodeURIComponent(fragment); } catch { pointer = fragment; }
  return { uri: stripHash(uri), fragment, pointer, remote: isRemote(uri) };
}

/** The last path segment of a URI, percent-decoded when that is well-formed (for messages). */
export function fileName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').replace(/^.*\//, '');
  try { return decodeURIComponent(last); } catch { return last; }
}

function stripHash(u: string): string { const i = u.indexOf('#'); return i < 0 ? u : u.slice(0, i); }

export class Resolver implements RefResolver {
  private readonly memo = new Map<JsonNode, ResolvedNode | RefProblem>();
  private problemList?: RefProblem[];
  readonly dependencies = new Set<string>();

  constructor(private readonly self: RefTargetDoc, private readonly env: ResolverEnv, private readonly refs: RefModel[]) {}

  /** Loads another document (not the network). */
  load(uri: string): RefTargetDoc | undefined {
    if (uri === this.self.uri) return this.self;
    if (isRemote(uri)) return undefined;
    this.dependencies.add(uri);
    const other = this.env.analyseOther(uri) as (Analysed & { model?: OpenApiModel }) | undefined;
    // Only an OpenAPI analysis has an OpenAPI model (a $ref to a WSDL file reads it as plain text below).
    const oas = other && ['swagger2', 'oas30', 'oas31', 'oas32'].includes(other.source.kind.kind) && Array.isArray(other.model?.refs);
    if (oas && other?.model) {
      const m = other.model;
      let byHolder = holderMaps.get(m);
      if (!byHolder) { byHolder = new Map(m.refs.map((r) => [r.holder, r])); holderMaps.set(m, byHolder); }
      return { uri, root: m.doc.root, text: m.text, lines: m.lines, model: m, refsByHolder: byHolder };
    }
    const read = this.env.workspace.read(uri);
    if (!read) return undefined;
    const cached = fragmentCache.get(uri);
    if (cached && cached.version === read.version && cached.doc.text === read.text) return cached.doc;
    const parsed = parseAny(read.text, uri);
    const doc: RefTargetDoc = { uri, root: parsed.root, text: read.text, lines: new LineIndex(read.text) };
    fragmentCache.set(uri, { version: read.version, doc, parsed });
    if (fragmentCache.size > 500) fragmentCache.delete(fragmentCache.keys().next().value!);
    return doc;
  }

  /** A RefModel for a `$ref` holder in any loaded document. */
  private refModelOf(holder: JsonNode, doc: RefTargetDoc): RefModel | undefined {
    const known = doc === this.self ? this.byHolder.get(holder) : doc.refsByHolder?.get(holder);
    if (known) return known;
    const p = refOf(holder);
    if (!p) return undefined;
    const ref = p.value.value as string;
    const s = splitRef(ref, doc.uri);
    return {
      ref, keySpan: p.keySpan, valueSpan: p.value.span, holder, pointer: pointerOf(holder), targetUri: s.uri,
      targetPointer: s.pointer, external: s.uri !== doc.uri, remote: s.remote, context: 'object',
    };
  }

  /** The `$ref` held by an object of this document (O(1); hovers and navigation use it). */
  refOfHolder(holder: JsonNode): RefModel | undefined { return this.byHolder.get(holder); }

  private byHolderCache?: Map<JsonNode, RefModel>;
  private get byHolder(): Map<JsonNode, RefModel> {
    if (!this.byHolderCache) {
      this.byHolderCache = this.self.refsByHolder ?? new Map(this.refs.map((r) => [r.holder, r]));
      this.self.refsByHolder = this.byHolderCache;
    }
    return this.byHolderCache;
  }

  private readonly targetMemo = new Map<JsonNode, { ref: RefModel; result: ResolvedNode | RefProblem }>();

  /** One hop, memoised per `$ref` holder (problems(), follow() and the features all ask). */
  target(ref: RefModel): ResolvedNode | RefProblem {
    const known = this.targetMemo.get(ref.holder);
    if (known && known.ref.ref === ref.ref && known.ref.targetUri === ref.targetUri) return known.result;
    const result = this.targetOnce(ref);
    this.targetMemo.set(ref.holder, { ref, result });
    return result;
  }

  /** Decoded local pointer -> its node in this document: thousands of refs name the same few targets. */
  private readonly localNodes = new Map<string, JsonNode | null>();
  private localNode(ptr: string): JsonNode | undefined {
    let n = this.localNodes.get(ptr);
    if (n === undefined) this.localNodes.set(ptr, n = nodeAtPointer(this.self.root, pointerSegments(ptr)) ?? null);
    return n ?? undefined;
  }

  private targetOnce(ref: RefModel): ResolvedNode | RefProblem {
    if (ref.remote) {
      if (ref.base && !isRemote(ref.ref)) {
        return { ref, kind: 'remote', message: `The reference ${ref.ref} is relative, and $self (${ref.base}) makes it resolve to ${ref.targetUri}, a network address; API Lens never fetches remote documents, so it is not followed (OpenAPI 3.2, Establishing the Base URI: relative references resolve against $self).` };
      }
      return { ref, kind: 'remote', message: `The reference ${ref.ref} points to the network; API Lens never fetches remote documents, so it is not followed.` };
    }
    const doc = this.load(ref.targetUri);
    if (!doc) {
      const file = fileName(ref.targetUri);
      return { ref, kind: 'unresolved', message: `The file ${file} of the reference ${ref.ref} cannot be read (it does not exist, or it is outside the workspace)${ref.base ? `; it was resolved against $self (${ref.base}) to ${ref.targetUri}` : ''}.` };
    }
    const ptr = ref.targetPointer;
    if (ptr !== '' && !ptr.startsWith('/')) {
      // A plain-name fragment names a JSON Schema `$anchor` (OpenAPI 3.1+ schemas).
      const anchored = anchorsOf(doc.root).get(ptr);
      if (anchored) return { node: anchored, uri: doc.uri, pointer: pointerOf(anchored), text: doc.text, lines: doc.lines, model: doc.model, chain: [ref] };
      return { ref, kind: 'unresolved', message: `The fragment #${ptr} of ${ref.ref} is neither a JSON pointer (starting with "#/") nor the name of a $anchor in ${ref.external ? fileName(ref.targetUri) : 'this document'}.` };
    }
    const node = doc === this.self ? this.localNode(ptr) : nodeAtPointer(doc.root, pointerSegments(ptr));
    if (!node) {
      return { ref, kind: 'unresolved', message: `Nothing at ${ptr || '(the whole document)'}${ref.external ? ` in ${fileName(ref.targetUri)}` : ''}: the reference ${ref.ref} does not resolve.${closest(doc.root, ptr)}` };
    }
    return { node, uri: doc.uri, pointer: ptr, text: doc.text, lines: doc.lines, model: doc.model, chain: [ref] };
  }

  resolve(node: JsonNode, fromUri?: string): ResolvedNode | undefined {
    const start = fromUri && fromUri !== this.self.uri ? this.load(fromUri) : this.self;
    if (!start) return undefined;
    const r = this.follow(node, start);
    return r && 'node' in r ? r : undefined;
  }

  /** Follows a chain of `$ref`s from `node` in `doc`; memoised per holder, cycles detected. */
  private follow(node: JsonNode, doc: RefTargetDoc): ResolvedNode | RefProblem | undefined {
    if (!refOf(node)) return { node, uri: doc.uri, pointer: '', text: doc.text, lines: doc.lines, model: doc.model, chain: [] };
    const memo = this.memo.get(node);
    if (memo) return memo;
    const chain: RefModel[] = [];
    const seen: JsonNode[] = []; // at most 65 hops: a list is cheaper than a set
    let cur = node;
    let curDoc = doc;
    let result: ResolvedNode | RefProblem | undefined;
    for (let hop = 0; ; hop++) {
      if (hop > 0) {
        // Joined a chain already followed: reuse its end (and its loop object, so a loop is reported once).
        const known = this.memo.get(cur);
        if (known) { result = 'node' in known ? { ...known, chain: [...chain, ...known.chain] } : known; break; }
      }
      const ref = this.refModelOf(cur, curDoc);
      // The last hop's target pointer is where `cur` is (pointerOf() would scan wide parents: slow on big specs).
      if (!ref) { result = { node: cur, uri: curDoc.uri, pointer: chain.length ? chain[chain.length - 1].targetPointer : pointerOf(cur), text: curDoc.text, lines: curDoc.lines, model: curDoc.model, chain }; break; }
      if (hop > 64 || seen.includes(cur)) {
        const first = chain[0] ?? ref;
        const hops = [...chain.map((r) => r.ref), ref.ref];
        const shown = hops.length > 6 ? [...hops.slice(0, 3), `… (${hops.length - 5} more)`, ...hops.slice(-2)] : hops;
        result = { ref: first, kind: 'cycle', message: `The reference ${first.ref} never reaches a value: ${shown.join(' → ')} loops.` };
        break;
      }
      seen.push(cur);
      const t = this.target(ref);
      if (!('node' in t)) { result = chain.length ? { ...t, ref: chain[0] } : t; break; }
      chain.push(ref);
      cur = t.node;
      curDoc = t.uri === this.self.uri ? this.self : (this.load(t.uri) ?? curDoc);
    }
    for (const n of seen) if (!this.memo.has(n)) this.memo.set(n, result);
    return result;
  }

  problems(): RefProblem[] {
    if (this.problemList) return this.problemList;
    this.problemList = this.problemsOf(this.refs, new Set());
    return this.problemList;
  }

  /**
   * problems() of some of the refs, in document order; the calls of one pass share `loops` (each loop is
   * reported once, at its first ref). `chains` receives, per ref, the refs its resolution followed, or
   * undefined when it did not resolve (incremental re-analysis: what a ref's verdict depends on).
   */
  problemsOf(refs: readonly RefModel[], loops: Set<RefProblem>, chains?: (readonly RefModel[] | undefined)[]): RefProblem[] {
    const out: RefProblem[] = [];
    for (const ref of refs) {
      const one = this.target(ref);
      if (!('node' in one)) { out.push(one); chains?.push(undefined); continue; }
      const all = this.follow(ref.holder, this.self);
      chains?.push(all && 'node' in all ? all.chain : undefined);
      if (all && !('node' in all) && all.kind === 'cycle' && !loops.has(all)) {
        loops.add(all);
        out.push({ ...all, ref });
      }
    }
    return out;
  }
}

const anchorMaps = new WeakMap<JsonNode, Map<string, JsonNode> & { epoch?: number }>();
/** `$anchor` / `$dynamicAnchor` names of a document, collected once per tree. */
function anchorsOf(root: JsonNode | undefined): Map<string, JsonNode> {
  if (!root) return new Map();
  let m = anchorMaps.get(root);
  if (m && m.epoch === keyIndexEpoch()) return m; // the tree may have changed in place (model.ts)
  m = new Map();
  m.epoch = keyIndexEpoch();
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.alias) continue;
    for (const p of n.properties ?? []) {
      if ((p.key === '$anchor' || p.key === '$dynamicAnchor') && p.value.type === 'string' && !m.has(p.value.value as string)) m.set(p.value.value as string, n);
      if (p.value.properties || p.value.items) stack.push(p.value);
    }
    for (const it of n.items ?? []) if (it.properties || it.items) stack.push(it);
  }
  anchorMaps.set(root, m);
  return m;
}

/** " Did you mean …?" when a sibling of the missing segment has a close name. */
function closest(root: JsonNode | undefined, ptr: string): string {
  const segs = pointerSegments(ptr);
  if (!segs.length) return '';
  const parent = nodeAtPointer(root, segs.slice(0, -1));
  if (!parent || parent.type !== 'object') return '';
  const want = segs[segs.length - 1].toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const p of parent.properties ?? []) {
    const d = distance(want, p.key.toLowerCase());
    if (d < bestD) { bestD = d; best = p.key; }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(want.length / 4)) ? ` Did you mean ${JSON.stringify(best)}?` : '';
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}
