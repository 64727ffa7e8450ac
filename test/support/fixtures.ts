/**
 * Fixture helpers. Fixtures mark the cursor with `¦` (U+00A6, which real specs do not contain):
 * it is legal inside XML, YAML and JSON text, so a marked fixture stays readable.
 */
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './lspClient';
import type { Position } from '../../server/src/core/text';
import { LineIndex } from '../../server/src/core/text';
import { LanguageService } from '../../server/src/service/languageService';
import { Workspace, fileUri } from '../../server/src/service/workspace';

export const CURSOR = '¦';
export const FIXTURES = path.join(REPO_ROOT, 'test-fixtures');
export const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

/** Removes every cursor marker and returns the text and each marker's position, in order. */
export function withCursors(marked: string): { text: string; cursors: Position[]; offsets: number[] } {
  const offsets: number[] = [];
  let text = '';
  let last = 0;
  for (let i = marked.indexOf(CURSOR); i >= 0; i = marked.indexOf(CURSOR, i + 1)) {
    text += marked.slice(last, i);
    offsets.push(text.length);
    last = i + 1;
  }
  text += marked.slice(last);
  const lines = new LineIndex(text);
  return { text, offsets, cursors: offsets.map((o) => lines.positionAt(o)) };
}

export function readFixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}

/**
 * A fresh language service whose workspace is the fixture's folder (so its imports and $refs resolve from
 * disk, as an editor with that folder open would), with `text` opened as `file`.
 */
export function openFixture(file: string, text: string): { service: LanguageService; uri: string } {
  const workspace = new Workspace();
  workspace.setRoots([fileUri(path.dirname(file))]);
  const service = new LanguageService({ workspace });
  const uri = fileUri(file);
  service.open(uri, text, 1);
  return { service, uri };
}
