/**
 * A structural syntax error (an object never closed) must give the syntax errors, placed precisely, and not
 * the hundreds of findings that only follow from everything after it being nested in the wrong place.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { LanguageService } from '../../../server/src/service/languageService';
import { Workspace } from '../../../server/src/service/workspace';
import { withCursors } from '../../support/fixtures';

// `get` of /pets/{petId} is never closed: /owners, /stores and components nest inside /pets/{petId}.
const BROKEN = `{
  "openapi": "3.0.3",
  "info": { "title": "Pets", "version": "1.0.0" },
  "servers": [{ "url": "¦http://api.example.com" }],
  "paths": {
    "/early": { "get": { "responses": { "200": { "$ref": "#/components/responses/Owners" } } } },
    "/files": { "get": { "responses": { "200": { "$ref": "./missing.json#/x" } } } },
    "/pets/{petId}": {
      ¦"get": {
        "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } } }
    },
    "/owners": { "get": { "responses": { "200": { "$ref": "#/components/responses/Owners" } } } },
    "/stores/{storeId}": { "get": { "responses": { "200": { "$ref": "#/components/responses/Owners" } } } }
  },
  "components": {
    "schemas": { "Pet": { "type": "object" } },
    "responses": { "Owners": { "description": "owners" } }
  }
}
¦`;

function diagnose(text: string) {
  const ls = new LanguageService({ workspace: new Workspace() });
  const uri = 'untitled:/broken.json';
  ls.open(uri, text, 1);
  return ls.diagnostics(uri);
}

test('unclosed object: the syntax error points at the opening, its consequences are held back and counted once', () => {
  const { text, offsets } = withCursors(BROKEN);
  const diags = diagnose(text);
  const lines = text.split('\n');
  const lineOf = (o: number) => text.slice(0, o).split('\n').length - 1;
  const syntax = diags.filter((d) => d.code === 'json-syntax');
  assert.equal(syntax.length, 1, JSON.stringify(syntax));
  assert.equal(syntax[0].range.start.line, lineOf(offsets[2]));
  // The root is what stays open at the end; the indentation says which object lost its '}': `get`.
  assert.match(syntax[0].message, /object opened on line 1 is not closed/);
  const rel = syntax[0].relatedInformation ?? [];
  assert.equal(rel.length, 2, 'the unclosed-object error carries where the object was opened');
  assert.equal(rel[0].location.range.start.line, lineOf(offsets[1]));
  assert.equal(rel[0].location.range.start.character, lines[lineOf(offsets[1])].indexOf('"get"'));
  assert.match(rel[0].message, /Probably here: the container opened on line 9/);
  assert.equal(rel[1].location.range.start.line, 0);
  // Consequences: local refs after the damage (and before it: components moved) would be unresolved.
  for (const code of ['oas-ref-unresolved', 'oas-path-params', 'oas-unused-component']) {
    const kept = diags.filter((d) => d.code === code && !(code === 'oas-ref-unresolved' && /missing\.json/.test(d.message)));
    assert.deepEqual(kept.map((d) => d.message), [], `${code} held back`);
  }
  const deferred = diags.filter((d) => d.code === 'oas-checks-deferred');
  assert.equal(deferred.length, 1);
  assert.equal(deferred[0].severity, 'information');
  assert.equal(deferred[0].range.start.line, lineOf(offsets[1]));
  assert.match(deferred[0].message, /from line 9 on/);
  assert.match(deferred[0].message, /\d+ oas-ref-unresolved/);
  assert.match(deferred[0].message, /1 oas-path-params/);
  // Still reliable: a cross-file $ref (its target is elsewhere), and a node-local rule before the damage.
  assert.ok(diags.some((d) => d.code === 'oas-ref-unresolved' && /missing\.json/.test(d.message)), 'cross-file unresolved ref kept');
  const http = diags.find((d) => d.code === 'oas-server-not-https');
  assert.ok(http, 'oas-server-not-https before the damage kept');
  assert.equal(http.range.start.line, lineOf(offsets[0]));
});

test('the same document closed properly: every finding back, no oas-checks-deferred', () => {
  const fixed = withCursors(BROKEN).text.replace('} } } } }\n    },', '} } } } }\n      }\n    },');
  const diags = diagnose(fixed);
  assert.deepEqual(diags.filter((d) => /syntax|deferred/.test(d.code)).map((d) => d.message), []);
  assert.ok(diags.some((d) => d.code === 'oas-path-params'), 'the real defect of /stores/{storeId} shows once the syntax is fixed');
});

test('an object closed with the wrong bracket is damage too', () => {
  const text = '{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"$ref":"#/components/responses/R"}}]}},"components":{"responses":{"R":{"description":"r"}}}}';
  const diags = diagnose(text);
  const wrong = diags.find((d) => d.code === 'json-syntax' && /Unexpected '\]'/.test(d.message));
  assert.ok(wrong, JSON.stringify(diags.map((d) => d.message)));
  assert.equal(wrong.relatedInformation?.length, 1);
  assert.ok(diags.some((d) => d.code === 'oas-checks-deferred'));
});

test('YAML: a flow mapping never closed swallows the rest; its consequences are held back too', () => {
  const text = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get: {responses: {'200': {$ref: '#/components/responses/R'}}\ncomponents:\n  responses:\n    R: {description: r}\n";
  const ls = new LanguageService({ workspace: new Workspace() });
  const uri = 'untitled:/broken.yaml';
  ls.open(uri, text, 1);
  const diags = ls.diagnostics(uri);
  assert.ok(diags.some((d) => d.code === 'yaml-syntax' && /not closed/.test(d.message)), JSON.stringify(diags.map((d) => d.message)));
  assert.deepEqual(diags.filter((d) => d.code === 'oas-ref-unresolved' || d.code === 'oas-unused-component').map((d) => d.message), []);
  assert.equal(diags.filter((d) => d.code === 'oas-checks-deferred').length, 1);
});
