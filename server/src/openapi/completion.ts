/**
 * Completion of `$ref` values: the components (or 2.0 definitions/parameters/responses) of this document
 * as JSON pointers, relative files of the same folder (read from the workspace only), and the pointers
 * of such a file once its name is typed before '#'.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { CompletionResult } from '../core/types';
import type { FeatureContext } from '../service/dialect';
import type { JsonNode } from '../syntax/jsonTree';
import type { OpenApiAnalysed } from './dialect';
import { encodePointer, nodeAtPointer, parsePointer } from './model';
import { Resolver } from './refs';

const REF_BEFORE = /["']?\$ref["']?\s*:\s*(["']?)([^"'\s,}]*)$/;

export function refCompletions(ctx: FeatureContext<OpenApiAnalysed>, offset: number): CompletionResult[] {
  const m = ctx.doc.model;
  const L = m.lines;
  const pos = L.positionAt(offset);
  const lineText = m.text.slice(L.lineStart(pos.line), offset);
  const match = REF_BEFORE.exec(lineText);
  if (!match) return [];
  const typed = match[2];
  const quote = match[1];
  const start = L.positionAt(offset - typed.length);
  const range = { start, end: pos };
  const out: CompletionResult[] = [];
  const hash = typed.indexOf('#');
  const filePart = hash < 0 ? (typed.startsWith('#') ? '' : typed) : typed.slice(0, hash);

  const pointersOf = (root: JsonNode | undefined, prefix: string, detail: string) => {
    for (const holder of ['components', 'definitions', 'parameters', 'responses', 'securityDefinitions']) {
      const sec = root?.properties?.find((p) => p.key === holder)?.value;
      if (!sec || sec.type !== 'object') continue;
      const entries = holder === 'components'
        ? (sec.properties ?? []).flatMap((s) => (s.value.properties ?? []).map((c) => [s.key, c.key]))
        : (sec.properties ?? []).map((c) => [c.key]);
      for (const segs of entries) {
        if (out.length > 5000) return;
        const ptr = `${prefix}#${encodePointer(holder === 'components' ? ['components', ...segs] : [holder, ...segs])}`;
        out.push({ label: ptr, insertText: quote || m.syntax === 'json' ? ptr : `'${ptr}'`, kind: 'reference', detail, range });
      }
    }
    // A plain schema file (no components): its top-level keys.
    if (prefix && root?.type === 'object' && !root.properties?.some((p) => p.key === 'components' || p.key === 'definitions')) {
      for (const p of root.properties ?? []) out.push({ label: `${prefix}#${encodePointer([p.key])}`, kind: 'reference', detail, range });
    }
  };

  // Pointer steps: after '#/a/b/' offer the members of /a/b (any node, not only components).
  const pointerSteps = (root: JsonNode | undefined, prefix: string, frag: string, detail: string) => {
    const slash = frag.lastIndexOf('/');
    if (slash < 0) return;
    const parentPtr = frag.slice(0, slash);
    const parent = nodeAtPointer(root, parentPtr === '' ? [] : parsePointer('#' + parentPtr));
    if (!parent) return;
    const seen = new Set(out.map((o) => o.label));
    const add = (seg: string) => {
      const label = `${prefix}#${parentPtr}${encodePointer([seg])}`;
      if (!seen.has(label) && out.length < 5000) out.push({ label, insertText: quote || m.syntax === 'json' ? label : `'${label}'`, kind: 'reference', detail, range });
    };
    if (parent.type === 'object') for (const p of parent.properties ?? []) add(p.key);
    else if (parent.type === 'array') (parent.items ?? []).forEach((_it, i) => add(String(i)));
  };

  if (hash >= 0 && filePart) {
    const resolver = ctx.doc.resolver as Resolver;
    let target: string;
    try { target = new URL(filePart, m.uri).toString(); } catch { return []; }
    const doc = resolver.load(target);
    if (doc) { pointersOf(doc.root, filePart, filePart); pointerSteps(doc.root, filePart, typed.slice(hash + 1), filePart); }
    return out;
  }
  if (!filePart) {
    pointersOf(m.root, '', 'this document');
    if (typed.startsWith('#/')) pointerSteps(m.root, '', typed.slice(1), 'this document');
  }
  // Relative files of the folder (YAML or JSON), when the document is on disk inside the workspace.
  if (m.uri.startsWith('file:') && ctx.workspace.mayRead(m.uri)) {
    try {
      const dir = path.dirname(fileURLToPath(m.uri));
      const sub = filePart.includes('/') ? filePart.slice(0, filePart.lastIndexOf('/') + 1) : '';
      const listDir = path.resolve(dir, sub || '.');
      const self = path.basename(fileURLToPath(m.uri));
      for (const ent of fs.readdirSync(listDir, { withFileTypes: true }).slice(0, 500)) {
        if (ent.name.startsWith('.')) continue;
        if (ent.isDirectory()) { out.push({ label: `${sub || './'}${ent.name}/`, kind: 'file', range }); continue; }
        if (!/\.(ya?ml|json)$/i.test(ent.name) || (ent.name === self && !sub)) continue;
        out.push({ label: `${sub || './'}${ent.name}`, kind: 'file', detail: 'file in this folder', range });
      }
    } catch { /* folder not readable: no file suggestions */ }
  }
  return out;
}
