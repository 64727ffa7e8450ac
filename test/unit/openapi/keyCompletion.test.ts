/**
 * Completion of keys and enumerated values from the official schema of the document's version. Each case is
 * a document with one ¦ cursor, the labels that must be offered, and the ones that must not (already present,
 * or not in this version).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { LanguageService } from '../../../server/src/service/languageService';
import { withCursors } from '../../support/fixtures';
import type { CompletionResult } from '../../../server/src/core/types';

function complete(name: string, marked: string): CompletionResult[] {
  const { text, cursors } = withCursors(marked);
  const svc = new LanguageService();
  const uri = `file:///tmp/keys/${name}`;
  svc.open(uri, text, 1);
  return svc.completion(uri, cursors[0]);
}
const labels = (items: CompletionResult[]) => items.map((i) => i.label);

const CASES: { name: string; doc: string; has: string[]; not?: string[]; first?: string }[] = [
  {
    name: 'oas31-operation.yaml',
    doc: `openapi: 3.1.0
info:
  title: t
  version: '1'
paths:
  /pets:
    get:
      summary: List
      ¦
      responses:
        '200':
          description: ok
`,
    has: ['operationId', 'parameters', 'requestBody', 'callbacks', 'deprecated', 'security', 'servers', 'tags', 'description'],
    not: ['summary', 'responses', 'consumes', 'openapi'],
  },
  {
    name: 'oas30-root-partial.yaml',
    doc: `openapi: 3.0.3
info:
  title: t
  version: '1'
comp¦
paths: {}
`,
    has: ['components', 'servers', 'security', 'tags', 'externalDocs'],
    not: ['webhooks', 'jsonSchemaDialect', 'info', 'paths', 'definitions'],
  },
  {
    name: 'swagger2-root.yaml',
    doc: `swagger: '2.0'
info:
  title: t
  version: '1'
paths: {}
¦
`,
    has: ['host', 'basePath', 'schemes', 'consumes', 'produces', 'definitions', 'securityDefinitions'],
    not: ['components', 'servers', 'info'],
  },
  {
    name: 'oas31-parameter-item.yaml',
    doc: `openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /pets/{id}:
    get:
      parameters:
        - name: id
          ¦
      responses: {}
`,
    has: ['in', 'required', 'schema', 'style', 'explode', 'content', '$ref'],
    not: ['name', 'operationId'],
    first: 'in',
  },
  {
    name: 'oas31-new-item.yaml',
    doc: `openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /pets:
    get:
      parameters:
      - name: a
        in: query
      - na¦
      responses: {}
`,
    has: ['name', 'in', 'schema'],
  },
  {
    name: 'oas31-schema.yaml',
    doc: `openapi: 3.1.0
info: {title: t, version: '1'}
components:
  schemas:
    Pet:
      type: object
      ¦
`,
    has: ['properties', 'required', 'discriminator', 'oneOf', 'unevaluatedProperties', 'const', '$defs'],
    not: ['type'],
  },
  {
    name: 'oas30-schema.yaml',
    doc: `openapi: 3.0.3
info: {title: t, version: '1'}
components:
  schemas:
    Pet:
      type: object
      properties:
        name:
          type: string
          ¦
`,
    has: ['nullable', 'format', 'maxLength', 'enum', 'readOnly'],
    not: ['type', 'const', '$defs', 'unevaluatedProperties'],
  },
  {
    name: 'oas32-path-item.yaml',
    doc: `openapi: 3.2.0
info: {title: t, version: '1'}
paths:
  /pets:
    ¦
`,
    has: ['get', 'query', 'additionalOperations', 'parameters', 'servers'],
  },
  {
    name: 'oas31-operation.json',
    doc: `{
  "openapi": "3.1.0",
  "info": {"title": "t", "version": "1"},
  "paths": {
    "/pets": {
      "get": {
        "summary": "List",
        "¦
      }
    }
  }
}
`,
    has: ['operationId', 'responses', 'parameters'],
    not: ['summary'],
  },
  {
    name: 'oas30-components.json',
    doc: `{
  "openapi": "3.0.3",
  "info": {"title": "t", "version": "1"},
  "paths": {},
  "components": {
    "schemas": {},
    ¦
  }
}
`,
    has: ['responses', 'parameters', 'securitySchemes', 'examples', 'requestBodies', 'headers', 'links', 'callbacks'],
    not: ['schemas', 'pathItems'],
  },
];

for (const c of CASES) {
  test(`key completion: ${c.name}`, () => {
    const items = complete(c.name, c.doc);
    const got = labels(items);
    for (const l of c.has) assert.ok(got.includes(l), `${c.name}: expected ${l} in ${got.join(', ')}`);
    for (const l of c.not ?? []) assert.ok(!got.includes(l), `${c.name}: did not expect ${l}`);
    if (c.first) assert.equal(got[0], c.first, 'required keys come first');
  });
}

test('key completion: the inserted text is a key with its separator, replacing what was typed', () => {
  const yaml = complete('insert.yaml', 'openapi: 3.0.3\ninfo:\n  title: t\n  vers¦\npaths: {}\n');
  const version = yaml.find((i) => i.label === 'version')!;
  assert.equal(version.insertText, 'version: ');
  assert.deepEqual(version.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 6 } });
  assert.match(version.detail ?? '', /required/);
  const json = complete('insert.json', '{"openapi": "3.0.3", "info": {"title": "t", "vers¦"}, "paths": {}}');
  const v = json.find((i) => i.label === 'version')!;
  assert.equal(v.insertText, '"version": ');
  // The typed quote and the editor's closing quote are both replaced.
  assert.deepEqual(v.range, { start: { line: 0, character: 44 }, end: { line: 0, character: 50 } });
});

test('key completion: documentation says what the field means in this version, with the spec link', () => {
  const items = complete('doc.yaml', "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      ¦\n");
  const op = items.find((i) => i.label === 'operationId')!;
  assert.match(op.documentation ?? '', /unique/);
  assert.match(op.documentation ?? '', /spec\.openapis\.org\/oas\/v3\.1\.0#operation-object/);
  assert.match(op.detail ?? '', /Operation Object/);
});

test('value completion: enumerated values of the field', () => {
  const inY = labels(complete('in.yaml', "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      parameters:\n        - name: x\n          in: ¦\n      responses: {}\n"));
  for (const l of ['query', 'header', 'path', 'cookie']) assert.ok(inY.includes(l), inY.join(', '));
  const inJ = complete('in.json', '{"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {}, "securityDefinitions": {"k": {"type": "apiKey", "in": "¦"}}}');
  assert.deepEqual(labels(inJ).sort(), ['header', 'query']);
  assert.equal(inJ[0].insertText, `"${inJ[0].label}"`);
});

test('no key completion in values, in a $ref, or in unrelated places', () => {
  assert.deepEqual(labels(complete('v.yaml', "openapi: 3.0.3\ninfo:\n  title: hello wor¦\n")), []);
  assert.deepEqual(labels(complete('desc.json', '{"openapi": "3.0.3", "info": {"title": "t¦"}}')), []);
  // Inside an extension the schema says nothing.
  assert.deepEqual(labels(complete('x.yaml', "openapi: 3.0.3\ninfo:\n  title: t\n  x-logo:\n    ¦\n")), []);
});
