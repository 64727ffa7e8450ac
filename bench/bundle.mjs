// Loads modules of server/src straight from the working tree for the in-process probes (phases, edit-probe,
// yaml-incremental): esbuild bundles the given re-exports into bench-results/<name>.cjs, so no build step is
// needed and the figures are those of the code as it is now.
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { createRequire } from 'node:module';

import { REPO } from './paths.mjs';
export { REPO };

/** `reexports`: export statements relative to the repository root, e.g. `export { parseYaml } from './server/src/syntax/yamlParser';`. */
export async function loadServerModules(name, reexports) {
  const out = path.join(REPO, 'bench-results', `${name}.cjs`);
  await esbuild.build({
    stdin: { contents: reexports, resolveDir: REPO, loader: 'ts' },
    bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error',
  });
  return createRequire(import.meta.url)(out);
}
