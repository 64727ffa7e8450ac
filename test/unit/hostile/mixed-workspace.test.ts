/**
 * A realistic workspace has every kind of document open at once: WSDL 1.1 and 2.0, Swagger 2.0, OpenAPI
 * 3.0 to 3.2 in YAML and JSON, schemas and unrelated YAML/JSON. Features that look across open documents
 * (references, definitions, completion, compare) must cope with documents of the other dialect: every
 * feature on every document, at every line, logs nothing.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LanguageService } from '../../../server/src/service/languageService';
import { Workspace } from '../../../server/src/service/workspace';
import { LineIndex } from '../../../server/src/core/text';
import { FIXTURES } from '../../support/fixtures';

const DIR = path.join(FIXTURES, 'examples');
const OTHERS: Record<string, string> = {
  'deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n',
  'package.json': '{"name": "x", "version": "1.0.0"}\n',
  'schema.xsd': '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x"><xsd:element name="e" type="xsd:string"/></xsd:schema>\n',
};

// Was a todo: wsdl/features.ts modelsFor() read open OpenAPI analyses as WSDL models ("reading 'some'"),
// fixed on the WSDL side (e0e87c8); openapi/dialect.ts references() skips WSDL analyses (isOpenApiAnalysed).
test('every feature on every document of a mixed workspace logs nothing', () => {
  const logs: string[] = [];
  const workspace = new Workspace();
  workspace.setRoots([pathToFileURL(DIR).toString()]);
  const s = new LanguageService({ workspace, log: (m) => logs.push(m.split('\n').slice(0, 3).join(' | ')) });
  const docs = new Map<string, string>();
  for (const f of fs.readdirSync(DIR)) docs.set(pathToFileURL(path.join(DIR, f)).toString(), fs.readFileSync(path.join(DIR, f), 'utf8'));
  for (const [f, text] of Object.entries(OTHERS)) docs.set(pathToFileURL(path.join(DIR, f)).toString(), text);
  for (const [uri, text] of docs) s.open(uri, text, 1);
  const uris = [...docs.keys()];
  for (const [uri, text] of docs) {
    s.diagnostics(uri);
    s.symbols(uri);
    s.folding(uri);
    s.describe(uri);
    const lines = new LineIndex(text);
    for (let line = 0; line < lines.lineCount; line++) {
      const start = lines.lineStart(line);
      const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) - 1 : text.length;
      for (const o of [start, (start + end) >> 1, Math.max(start, end - 2)]) {
        const pos = lines.positionAt(o);
        s.hover(uri, pos);
        s.definition(uri, pos);
        s.references(uri, pos, true);
        s.completion(uri, pos);
      }
    }
    s.codeActions(uri, s.diagnostics(uri));
  }
  assert.ok(uris.length >= 10);
  assert.deepEqual([...new Set(logs)], []);
});
