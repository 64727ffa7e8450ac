// Where the bench finds the repository and the shared corpus (../shared/corpus beside the repository, as in CI;
// API_LENS_CORPUS overrides it).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = process.env.API_LENS_CORPUS ?? path.resolve(REPO, '..', 'shared', 'corpus');
