// What incremental re-parsing would cost (for the owners deciding on Dialect.reanalyse): on one JSON input,
// for a one-character edit inside a description, times (CPU) a full parse, a parse of only the innermost
// object holding the edit and of the enclosing top-level entry (a path item, a component), and shifting
// every span after the edit across the whole tree (what splicing a re-parsed subtree needs).
//   node bench/incremental-probe.mjs [file.json]   (uses bench-results/phases.cjs from bench/phases.mjs)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { REPO } from './inputs.mjs';
import { editPositions } from './positions.mjs';

const m = createRequire(import.meta.url)(path.join(REPO, 'bench-results', 'phases.cjs'));
const file = process.argv[2] ?? path.join(REPO, '.bench-peers/node_modules/@octokit/openapi/generated/api.github.com.json');
const text = readFileSync(file, 'utf8');
const cpu = (f, reps = 5) => { let best = Infinity, r; for (let i = 0; i < reps; i++) { const c0 = process.cpuUsage(); r = f(); const c = process.cpuUsage(c0); best = Math.min(best, (c.user + c.system) / 1000); } return { ms: best, r }; };

const full = cpu(() => m.parseJson(text), 2);
const doc = full.r;
const pos = editPositions(text, 'json').description;
const offset = new m.LineIndex(text).offsetAt(pos);
// Innermost object containing the offset, and the chain of objects above it.
const chain = [];
for (let n = doc.root; n;) {
  chain.push(n);
  const kids = n.type === 'object' ? (n.properties ?? []).map((p) => p.value) : n.type === 'array' ? n.items ?? [] : [];
  n = kids.find((k) => (k.type === 'object' || k.type === 'array') && k.span.start < offset && offset < k.span.end);
}
const inner = chain[chain.length - 1];
// The enclosing entry: the outermost object under 256 KB (a path item, a component), not the whole section.
const top = chain.find((n) => n.span.end - n.span.start < 256 * 1024) ?? inner;
const sub = (n) => text.slice(n.span.start, n.span.end);
const innerParse = cpu(() => m.parseJson(sub(inner)));
const topParse = cpu(() => m.parseJson(sub(top)));
let nodes = 0;
const shift = cpu(() => {
  nodes = 0;
  const stack = [doc.root];
  while (stack.length) {
    const n = stack.pop();
    nodes++;
    if (n.span.start > offset) n.span = { start: n.span.start + 1, end: n.span.end + 1 };
    else if (n.span.end > offset) n.span = { start: n.span.start, end: n.span.end + 1 };
    if (n.properties) for (const p of n.properties) { if (p.keySpan.start > offset) p.keySpan = { start: p.keySpan.start + 1, end: p.keySpan.end + 1 }; stack.push(p.value); }
    if (n.items) for (const i of n.items) stack.push(i);
  }
}, 2);
console.log(`${path.basename(file)} (${(text.length / 2 ** 20).toFixed(1)} MB), edit at line ${pos.line + 1}`);
console.log(`  full parse                           ${full.ms.toFixed(1)} ms CPU`);
console.log(`  innermost object (${(sub(inner).length / 1024).toFixed(1)} KB)            ${innerParse.ms.toFixed(2)} ms CPU`);
console.log(`  enclosing top-level entry (${(sub(top).length / 1024).toFixed(1)} KB)   ${topParse.ms.toFixed(2)} ms CPU`);
console.log(`  shift spans after the edit (${nodes} nodes)  ${shift.ms.toFixed(1)} ms CPU`);
