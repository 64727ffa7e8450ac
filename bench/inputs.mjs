// The benchmark's inputs, generated at bench time into bench-results/inputs/ (git-ignored), deterministically:
// GitHub's REST description (from the pinned @octokit/openapi in .bench-peers/), its YAML rendering, 100 KB /
// 1 MB / 5 MB cuts of it, Stripe from the shared corpus, and the merged ONVIF WSDL (bench/build-wsdl.mjs).
import { existsSync, readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { buildLargeWsdl } from './build-wsdl.mjs';
import { CORPUS, REPO } from './paths.mjs';

const require = createRequire(import.meta.url);
export { REPO };
export const PEERS = path.join(REPO, '.bench-peers');
export const OUT = path.join(REPO, 'bench-results', 'inputs');

/**
 * @returns {{ name: string, file: string, languageId: string, format: 'json'|'yaml'|'xml', group: 'openapi'|'wsdl', large: boolean }[]}
 */
export function prepareInputs({ quick = false, log = console.error } = {}) {
  mkdirSync(OUT, { recursive: true });
  const inputs = [];
  const githubSrc = path.join(PEERS, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json');
  if (!existsSync(githubSrc)) throw new Error(`missing ${githubSrc}: run node bench/setup.mjs first (npm run bench does)`);
  const githubText = readFileSync(githubSrc, 'utf8');
  let github;
  const gh = () => (github ??= JSON.parse(githubText));

  for (const [label, bytes] of [['100k', 100 * 1024], ['1m', 1024 * 1024], ['5m', 5 * 1024 * 1024]]) {
    const file = path.join(OUT, `github-cut-${label}.json`);
    if (!fresh(file, githubSrc)) {
      const cut = cutOpenApi(gh(), bytes);
      writeFileSync(file, JSON.stringify(cut.doc, null, 2) + '\n');
      log(`  ${path.basename(file)}: ${cut.paths} paths, ${cut.components} components`);
    }
    inputs.push({ name: `github cut ${label.toUpperCase()} (JSON)`, file, languageId: 'json', format: 'json', group: 'openapi', large: false });
  }
  if (!quick) {
    inputs.push({ name: 'github (JSON)', file: githubSrc, languageId: 'json', format: 'json', group: 'openapi', large: true });
    const yamlFile = path.join(OUT, 'api.github.com.yaml');
    if (!fresh(yamlFile, githubSrc)) {
      const YAML = require('yaml');
      const t = Date.now();
      writeFileSync(yamlFile, YAML.stringify(gh(), { aliasDuplicateObjects: false, lineWidth: 0 }));
      log(`  ${path.basename(yamlFile)}: rendered in ${Date.now() - t} ms`);
    }
    inputs.push({ name: 'github (YAML)', file: yamlFile, languageId: 'yaml', format: 'yaml', group: 'openapi', large: true });
  }
  const stripeJson = path.join(CORPUS, 'large', 'stripe-openapi-json', 'openapi', 'spec3.json');
  const stripeYaml = path.join(CORPUS, 'large', 'stripe-openapi-yaml', 'openapi', 'spec3.yaml');
  if (existsSync(stripeJson)) inputs.push({ name: 'stripe (JSON)', file: stripeJson, languageId: 'json', format: 'json', group: 'openapi', large: false });
  if (!quick && existsSync(stripeYaml)) inputs.push({ name: 'stripe (YAML)', file: stripeYaml, languageId: 'yaml', format: 'yaml', group: 'openapi', large: false });

  const wsdlFile = path.join(OUT, 'onvif-merged.wsdl');
  if (!existsSync(wsdlFile) || statSync(wsdlFile).mtimeMs < statSync(path.join(REPO, 'bench', 'build-wsdl.mjs')).mtimeMs) {
    const r = buildLargeWsdl({ corpus: CORPUS });
    writeFileSync(wsdlFile, r.text);
    log(`  onvif-merged.wsdl: ${r.sources} services, ${r.messages} messages, ${r.bindings} bindings`);
  }
  inputs.push({ name: 'ONVIF merged (WSDL)', file: wsdlFile, languageId: 'wsdl', format: 'xml', group: 'wsdl', large: false });
  return inputs;
}

function fresh(file, src) {
  return existsSync(file) && statSync(file).mtimeMs >= statSync(src).mtimeMs
    && statSync(file).mtimeMs >= statSync(new URL(import.meta.url).pathname).mtimeMs;
}

/**
 * A valid cut of an OpenAPI document: its top-level fields, the first paths (in document order) while the
 * estimated size stays under `bytes`, and exactly the components those paths need (the $ref closure).
 */
export function cutOpenApi(doc, bytes) {
  const out = {};
  for (const k of Object.keys(doc)) if (k !== 'paths' && k !== 'components' && !k.startsWith('x-')) out[k] = doc[k];
  out.paths = {};
  const needed = new Set();
  const sizeOf = (v) => JSON.stringify(v, null, 2).length;
  let size = sizeOf(out);
  const componentOf = (ref) => {
    const m = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
    return m ? [m[1], decodeURIComponent(m[2].replace(/~1/g, '/').replace(/~0/g, '~'))] : undefined;
  };
  const closure = (value, into) => {
    const stack = [value];
    while (stack.length) {
      const v = stack.pop();
      if (Array.isArray(v)) { stack.push(...v); continue; }
      if (!v || typeof v !== 'object') continue;
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string') {
          const c = componentOf(x);
          const key = c && `${c[0]}\u0000${c[1]}`;
          if (c && !needed.has(key) && !into.has(key)) {
            into.add(key);
            stack.push(doc.components?.[c[0]]?.[c[1]]);
          }
        } else stack.push(x);
      }
    }
  };
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    const added = new Set();
    closure(item, added);
    let extra = sizeOf({ [p]: item }) + 8;
    for (const key of added) { const [t, n] = key.split("\u0000"); extra += sizeOf({ [n]: doc.components[t][n] }) + 6; }
    if (Object.keys(out.paths).length > 0 && size + extra > bytes) break;
    out.paths[p] = item;
    for (const key of added) needed.add(key);
    size += extra;
  }
  out.components = {};
  // Component sections and entries in the original order, keeping only what is needed.
  for (const [t, entries] of Object.entries(doc.components ?? {})) {
    for (const [n, v] of Object.entries(entries)) {
      if (needed.has(`${t}\u0000${n}`)) (out.components[t] ??= {})[n] = v;
    }
  }
  return { doc: out, paths: Object.keys(out.paths).length, components: needed.size };
}
