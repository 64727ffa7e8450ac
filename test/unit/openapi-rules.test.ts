/**
 * OpenAPI rules through the language service: structural messages (best oneOf alternative, did-you-mean),
 * version gating, severity settings, and quick fixes applied to the text (YAML and JSON).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/service/languageService';
import * as fs from 'fs';
import * as path from 'path';
import { Workspace, fileUri } from '../../server/src/service/workspace';
import type { LensDiagnostic, TextEditResult } from '../../server/src/core/types';
import { LineIndex } from '../../server/src/core/text';
import { normaliseSettings } from '../../server/src/rules/settings';
import { FIXTURES, withCursors } from '../support/fixtures';

function service() {
  return new LanguageService({ workspace: new Workspace() });
}

let n = 0;
function analyse(text: string, ext = 'yaml', ls = service()) {
  const uri = `untitled:/spec-${++n}.${ext}`;
  ls.open(uri, text, 1);
  return { ls, uri, diags: ls.diagnostics(uri) };
}

/** Codes of the errors and warnings (information and hints are hygiene, not problems a fix must remove). */
function codes(diags: LensDiagnostic[], prefix = 'oas-'): string[] {
  return diags.filter((d) => d.code.startsWith(prefix) && (d.severity === 'error' || d.severity === 'warning')).map((d) => d.code).sort();
}

function applyEdits(text: string, edits: TextEditResult[]): string {
  const lines = new LineIndex(text);
  const abs = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of abs) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Applies the one quick fix offered for `code` and returns the new text. */
function fix(text: string, code: string, ext = 'yaml'): { fixed: string; title: string } {
  const { ls, uri, diags } = analyse(text, ext);
  const d = diags.find((x) => x.code === code);
  assert.ok(d, `${code} expected; got ${diags.map((x) => x.code).join(', ')}`);
  const actions = ls.codeActions(uri, [d]);
  assert.equal(actions.length, 1, `one quick fix for ${code}; got ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(actions[0].edits[0].uri, uri);
  return { fixed: applyEdits(text, actions[0].edits[0].edits), title: actions[0].title };
}

const HEAD30 = 'openapi: 3.0.3\ninfo:\n  title: T\n  version: "1"\n';
const OK = "      responses:\n        '200':\n          description: ok\n";

test('a misspelt key: one unknown-property error with a suggestion, on the key', () => {
  const { text, offsets } = withCursors(HEAD30 + 'paths:\n  /pets:\n    get:\n      ¦operationID: x\n' + OK);
  const { diags } = analyse(text);
  const d = diags.filter((x) => x.code === 'oas-schema-unknown-property');
  assert.equal(d.length, 1);
  assert.match(d[0].message, /unknown property `operationID` in an Operation Object: did you mean `operationId`\?/);
  assert.equal(new LineIndex(text).offsetAt(d[0].range.start), offsets[0]);
});

test('a parameter written wrongly gets the errors of the best-fitting alternative only, not one per oneOf branch', () => {
  // 3.0 parameters are Parameter | Reference; a Reference needs `$ref`. Only the Parameter problems are reported.
  const { diags } = analyse(HEAD30 + 'paths:\n  /pets:\n    get:\n      parameters:\n        - name: limit\n          in: query\n          schema:\n            type: integer\n          stlye: form\n' + OK);
  const structural = diags.filter((x) => x.code.startsWith('oas-schema-'));
  assert.deepEqual(structural.map((x) => x.message), ['unknown property `stlye` in a Parameter Object: did you mean `style`?']);
});

test('Swagger 2.0: a parameter with a wrong `in` gets one message listing every allowed location', () => {
  const { diags } = analyse("swagger: '2.0'\ninfo:\n  title: T\n  version: '1'\npaths:\n  /pets:\n    get:\n      parameters:\n        - name: id\n          in: cookie\n          type: string\n      responses:\n        '200':\n          description: ok\n");
  const structural = diags.filter((x) => x.code.startsWith('oas-schema-'));
  assert.equal(structural.length, 1, structural.map((x) => x.message).join('\n'));
  assert.match(structural[0].message, /^`in` must be one of .* \(found `cookie`\)$/);
  for (const loc of ['body', 'header', 'formData', 'query', 'path']) assert.ok(structural[0].message.includes('`' + loc + '`'), loc);
});

test('a missing required field is reported on the key of the object that lacks it, citing the spec', () => {
  const { text, offsets } = withCursors(HEAD30 + 'paths:\n  /pets:\n    ¦get:\n      summary: x\n');
  const d = analyse(text).diags.filter((x) => x.code === 'oas-schema-required');
  assert.equal(d.length, 1);
  assert.match(d[0].message, /^`responses` is required in an Operation Object .*https:\/\/spec\.openapis\.org\/oas\/v3\.0\.3#operation-object/);
  assert.equal(new LineIndex(text).offsetAt(d[0].range.start), offsets[0]);
});

test('the version decides: 3.1 allows what 3.0 forbids, and 3.0 rules stay out of 3.1', () => {
  const body = 'paths: {}\ncomponents:\n  schemas:\n    A:\n      type: array\n    B:\n      nullable: true\n    C:\n      $ref: "#/components/schemas/A"\n      description: an A\n';
  const v30 = codes(analyse(HEAD30 + body).diags);
  assert.deepEqual(v30, ['oas-array-items', 'oas-nullable-without-type', 'oas-ref-siblings']);
  const v31 = codes(analyse(HEAD30.replace('3.0.3', '3.1.0') + body).diags);
  // 3.1: items optional and $ref siblings allowed in schemas; `nullable` is no JSON Schema 2020-12 keyword, so it
  // is reported as a 3.0 habit (it would silently not allow null), not as a missing type.
  assert.deepEqual(v31, ['oas-schema-30-keyword']);
  // webhooks: unknown in 3.0, a field from 3.1
  const hooks = 'webhooks:\n  a:\n    post:\n' + OK;
  assert.ok(codes(analyse(HEAD30 + 'paths: {}\n' + hooks).diags).includes('oas-schema-unknown-property'));
  assert.deepEqual(codes(analyse(HEAD30.replace('3.0.3', '3.1.0') + hooks).diags), []);
});

test('valid documents of each version produce no structural errors (JSON and YAML)', () => {
  const json = JSON.stringify({ openapi: '3.1.0', info: { title: 'T', version: '1', license: { name: 'MIT', identifier: 'MIT' } }, paths: { '/a/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: ['string', 'null'] } }], responses: { '200': { description: 'ok' } } } } } }, null, 2);
  assert.deepEqual(analyse(json, 'json').diags.filter((d) => d.severity === 'error').map((d) => d.message), []);
  const v32 = 'openapi: 3.2.0\ninfo:\n  title: T\n  version: "1"\npaths:\n  /a:\n    query:\n      responses:\n        "200":\n          description: ok\n    additionalOperations:\n      LINK:\n        responses:\n          "204":\n            description: linked\n';
  assert.deepEqual(analyse(v32).diags.filter((d) => d.severity === 'error').map((d) => d.message), []);
  const v2 = "swagger: '2.0'\ninfo:\n  title: T\n  version: '1'\nhost: a.example\nschemes: [https]\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n";
  assert.deepEqual(analyse(v2).diags.filter((d) => d.severity === 'error').map((d) => d.message), []);
});

test('severity per rule: apiLens.rules turns a rule off or changes its severity', () => {
  const text = HEAD30 + 'servers:\n  - url: http://api.example.com\npaths: {}\n';
  const ls = new LanguageService({ workspace: new Workspace() });
  const base = analyse(text, 'yaml', ls).diags.find((d) => d.code === 'oas-server-not-https');
  assert.equal(base?.severity, 'warning');
  assert.match(base!.message, /unencrypted/);
  ls.setSettings(normaliseSettings({ rules: { 'oas-server-not-https': 'error' } }));
  assert.equal(analyse(text, 'yaml', ls).diags.find((d) => d.code === 'oas-server-not-https')?.severity, 'error');
  ls.setSettings(normaliseSettings({ rules: { 'oas-server-not-https': 'off' } }));
  assert.equal(analyse(text, 'yaml', ls).diags.find((d) => d.code === 'oas-server-not-https'), undefined);
});

test('quick fix: an undeclared path variable gets a path-level parameter (YAML, no parameters yet)', () => {
  const text = HEAD30 + 'paths:\n  /pets/{petId}:\n    get:\n' + OK;
  const { fixed, title } = fix(text, 'oas-path-params');
  assert.equal(title, 'Declare the path parameter petId');
  assert.equal(fixed, HEAD30 + 'paths:\n  /pets/{petId}:\n    parameters:\n      - name: petId\n        in: path\n        required: true\n        schema:\n          type: string\n    get:\n' + OK);
  assert.deepEqual(codes(analyse(fixed).diags), []);
});

test('quick fix: an undeclared path variable is appended to an existing path-level list (YAML)', () => {
  const text = HEAD30 + 'paths:\n  /o/{a}/p/{b}:\n    parameters:\n      - name: a\n        in: path\n        required: true\n        schema:\n          type: string\n    get:\n' + OK;
  const { fixed } = fix(text, 'oas-path-params');
  assert.deepEqual(codes(analyse(fixed).diags), []);
  assert.match(fixed, /      - name: b\n        in: path\n        required: true\n        schema:\n          type: string\n    get:/);
});

test('quick fix: an undeclared path variable in JSON (Swagger 2.0 style: type, not schema)', () => {
  const doc = { swagger: '2.0', info: { title: 'T', version: '1' }, host: 'a.example', schemes: ['https'], paths: { '/pets/{id}': { get: { responses: { '200': { description: 'ok' } } } } } };
  const text = JSON.stringify(doc, null, 2);
  const { fixed } = fix(text, 'oas-path-params', 'json');
  const parsed = JSON.parse(fixed);
  assert.deepEqual(parsed.paths['/pets/{id}'].parameters, [{ name: 'id', in: 'path', required: true, type: 'string' }]);
  assert.deepEqual(codes(analyse(fixed, 'json').diags), []);
});

test('quick fix: a path parameter without required: true (inserted in YAML, replaced in JSON)', () => {
  const yaml = HEAD30 + 'paths:\n  /pets/{id}:\n    get:\n      parameters:\n        - name: id\n          in: path\n          schema:\n            type: string\n' + OK;
  const y = fix(yaml, 'oas-path-params');
  assert.equal(y.title, 'Add required: true');
  assert.match(y.fixed, /        - required: true\n          name: id\n/);
  assert.deepEqual(codes(analyse(y.fixed).diags), []);
  const json = JSON.stringify({ openapi: '3.0.3', info: { title: 'T', version: '1' }, paths: { '/pets/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: false, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } } }, null, 2);
  const j = fix(json, 'oas-path-params', 'json');
  assert.equal(j.title, 'Set required: true');
  assert.equal(JSON.parse(j.fixed).paths['/pets/{id}'].get.parameters[0].required, true);
});

test('quick fixes: trailing slash in a path key and a server URL, http to https', () => {
  const t = fix(HEAD30 + 'paths:\n  /pets/:\n    get:\n' + OK, 'oas-path-trailing-slash');
  assert.match(t.fixed, /\n  \/pets:\n/);
  const s = fix(HEAD30 + 'servers:\n  - url: "https://api.example.com/v1/"\npaths: {}\n', 'oas-server-trailing-slash');
  assert.match(s.fixed, /url: "https:\/\/api\.example\.com\/v1"/);
  const h = fix(HEAD30 + 'servers:\n  - url: http://api.example.com\npaths: {}\n', 'oas-server-not-https');
  assert.equal(h.title, 'Use https://');
  assert.match(h.fixed, /url: https:\/\/api\.example\.com\n/);
  const v2 = fix("swagger: '2.0'\ninfo:\n  title: T\n  version: '1'\nhost: a.example\nschemes:\n  - http\npaths: {}\n", 'oas-server-not-https');
  assert.match(v2.fixed, /schemes:\n  - https\n/);
});

test('no quick fix when the fix would not be unambiguous (trailing slash that would clash with an existing path)', () => {
  const text = HEAD30 + 'paths:\n  /pets:\n    get:\n' + OK + '  /pets/:\n    post:\n' + OK;
  const { ls, uri, diags } = analyse(text);
  const d = diags.find((x) => x.code === 'oas-path-trailing-slash')!;
  assert.deepEqual(ls.codeActions(uri, [d]), []);
});

test('a stale diagnostic (range no longer matching a finding) gets no edits', () => {
  const text = HEAD30 + 'paths:\n  /pets/:\n    get:\n' + OK;
  const { ls, uri, diags } = analyse(text);
  const d = diags.find((x) => x.code === 'oas-path-trailing-slash')!;
  const moved = { ...d, range: { start: { line: d.range.start.line + 1, character: 0 }, end: { line: d.range.start.line + 1, character: 3 } } };
  assert.deepEqual(ls.codeActions(uri, [moved]), []);
});

test('examples are checked against their schemas, pointing into the example; readOnly is optional in requests', () => {
  const { text, offsets } = withCursors(HEAD30 + 'paths:\n  /pets:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n              $ref: "#/components/schemas/Pet"\n            example:\n              name: ¦7\n' + OK + 'components:\n  schemas:\n    Pet:\n      type: object\n      required: [id, name]\n      properties:\n        id: {type: integer, readOnly: true}\n        name: {type: string}\n');
  const d = analyse(text).diags.filter((x) => x.code === 'oas-example-invalid');
  assert.deepEqual(d.map((x) => x.message), ['the request example for application/json does not match its schema: $.name must be a string (found an integer)']);
  assert.equal(new LineIndex(text).offsetAt(d[0].range.start), offsets[0]);
});

test('a field of another version says which version has it (the wrong-version mistake)', () => {
  const { diags } = analyse(HEAD30.replace('  version: "1"\n', '  summary: S\n  version: "1"\n') + 'host: api.example.com\npaths: {}\n');
  const m = diags.filter((d) => d.code === 'oas-schema-unknown-property').map((d) => d.message);
  assert.deepEqual(m, [
    '`summary` is not a field of an Info Object in OpenAPI 3.0: it was added in OpenAPI 3.1; to use it, declare `openapi: 3.1.1` (and check the rest of the document against that version)',
    '`host` is not a field of an OpenAPI Object in OpenAPI 3.0: it belongs to Swagger 2.0; OpenAPI 3 uses `servers` (full URLs with scheme, host and base path)',
  ]);
  const v2 = analyse("swagger: '2.0'\ninfo:\n  title: T\n  version: '1'\npaths:\n  /a:\n    get:\n      requestBody: {}\n      responses:\n        '200':\n          description: ok\n").diags;
  assert.match(v2.find((d) => d.code === 'oas-schema-unknown-property')!.message, /^`requestBody` is not a field of an Operation Object in Swagger 2\.0: it was added in OpenAPI 3\.0/);
});

test('quick fix: 3.0-style nullable in a 3.1 schema becomes a type list (YAML and JSON)', () => {
  const head31 = HEAD30.replace('3.0.3', '3.1.0');
  const y = fix(head31 + 'paths: {}\ncomponents:\n  schemas:\n    Name:\n      type: string\n      nullable: true\n      maxLength: 5\n', 'oas-schema-30-keyword');
  assert.equal(y.title, "Use type: [string, 'null']");
  assert.equal(y.fixed, head31 + "paths: {}\ncomponents:\n  schemas:\n    Name:\n      type: [string, 'null']\n      maxLength: 5\n");
  const doc = { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: {}, components: { schemas: { Name: { type: 'string', nullable: true } } } };
  const j = fix(JSON.stringify(doc, null, 2), 'oas-schema-30-keyword', 'json');
  assert.deepEqual(JSON.parse(j.fixed).components.schemas.Name, { type: ['string', 'null'] });
  // In 3.0 nullable is right: no finding.
  assert.ok(!analyse(HEAD30 + 'paths: {}\ncomponents:\n  schemas:\n    Name:\n      type: string\n      nullable: true\n').diags.some((d) => d.code === 'oas-schema-30-keyword'));
});

test('a path item $ref-ed from another file: only the template in this file is reported, never a position of the other file', () => {
  const dir = path.join(FIXTURES, 'rules', 'oas-path-params');
  const workspace = new Workspace();
  workspace.setRoots([fileUri(dir)]);
  const ls = new LanguageService({ workspace });
  const file = path.join(dir, 'bad-crossfile.yaml');
  const { text, offsets } = withCursors(fs.readFileSync(file, 'utf8'));
  const uri = fileUri(file);
  ls.open(uri, text, 1);
  const found = ls.diagnostics(uri).filter((d) => d.code.startsWith('oas-path'));
  const lines = new LineIndex(text);
  assert.deepEqual(found.map((d) => lines.offsetAt(d.range.start)), offsets);
});

test('a path parameter without required: true is reported once: by oas-path-params in path items, structurally in components', () => {
  const { diags } = analyse(HEAD30 + 'paths:\n  /pets/{id}:\n    get:\n      parameters:\n        - name: id\n          in: path\n          schema: {type: string}\n' + OK
    + 'components:\n  parameters:\n    Other:\n      name: other\n      in: path\n      schema: {type: string}\n');
  const about = diags.filter((d) => /required: true/.test(d.message)).map((d) => `${d.range.start.line + 1}:${d.code}`);
  assert.deepEqual(about, ['9:oas-path-params', '17:oas-schema-required']);
});
