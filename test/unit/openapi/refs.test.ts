/**
 * $ref resolution: JSON pointer escapes (~0, ~1, percent), chains, cycles (also across files), relative
 * files in YAML and JSON read from disk inside the workspace, open editors before disk, dependencies.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../../../server/src/service/languageService';
import { Workspace, fileUri } from '../../../server/src/service/workspace';
import type { OpenApiAnalysed } from '../../../server/src/openapi/dialect';
import { nodeAtPointer, parsePointer, encodePointer } from '../../../server/src/openapi/model';
import { FIXTURES } from '../../support/fixtures';

const DIR = path.join(FIXTURES, 'openapi', 'refs');
const MAIN = fileUri(path.join(DIR, 'main.yaml'));

function service(): LanguageService {
  const workspace = new Workspace();
  workspace.setRoots([fileUri(DIR)]);
  return new LanguageService({ workspace });
}

test('pointer parsing decodes percent escapes, then ~1 and ~0', () => {
  assert.deepEqual(parsePointer('#/paths/~1pets~1%7Bid%7D/get'), ['paths', '/pets/{id}', 'get']);
  assert.deepEqual(parsePointer('#/a~01'), ['a~1']);
  assert.deepEqual(parsePointer('#'), []);
  assert.equal(encodePointer(['paths', '/a/{b}', 'x~y']), '/paths/~1a~1{b}/x~0y');
});

test('local refs with escapes and chains resolve; cross-file refs resolve from disk', () => {
  const svc = service();
  const a = svc.analyse(MAIN) as OpenApiAnalysed;
  assert.ok(a.model);
  const byPointer = (p: string) => a.model.refs.find((r) => r.pointer === p)!;
  const res = (p: string) => a.resolver.resolve(byPointer(p).holder);
  // ~0 in a pointer is "~"
  assert.equal(res('/components/schemas/Slash~1Name')?.node.properties?.[0].value.value, 'integer');
  // ~1 in a pointer is "/", then a chain of two hops
  const slash = res('/components/schemas/UsesSlash');
  assert.equal(slash?.chain.length, 2);
  assert.equal(slash?.node.properties?.[0].value.value, 'integer');
  // percent escape of "~" before the ~1 decoding
  assert.equal(res('/components/schemas/Percent')?.node.properties?.[0].value.value, 'integer');
  // chain Local -> Chain1 -> Chain2
  const chain = res('/components/schemas/Local');
  assert.equal(chain?.chain.length, 2);
  assert.equal(chain?.pointer, '/components/schemas/Chain2');
  // cross-file, YAML and JSON
  const pet = res('/paths/~1pets~1{id}/get/responses/200/content/application~1json/schema');
  assert.ok(pet?.uri.endsWith('/schemas/pet.yaml'));
  assert.equal(pet?.pointer, '/Pet');
  const id = a.model.operations.find((o) => o.operationId?.value === 'getPet')!.parameters[0];
  assert.equal(id.name?.value, 'id');
  assert.ok(id.uri.endsWith('/common.json'));
  // the model keeps the $ref that led there
  assert.equal(id.ref?.ref, 'common.json#/parameters/Id');
  // dependencies: editing a referenced file re-analyses this one
  assert.ok(a.dependencies.some((u) => u.endsWith('/schemas/pet.yaml')));
  assert.ok(a.dependencies.some((u) => u.endsWith('/common.json')));
});

test('a cycle across files is reported once at the $ref that enters it, and never followed forever', () => {
  const svc = service();
  const d = svc.diagnostics(MAIN);
  const cycles = d.filter((x) => x.code === 'oas-ref-cycle');
  assert.equal(cycles.length, 1, JSON.stringify(d.map((x) => x.code + ' ' + x.message)));
  assert.match(cycles[0].message, /loop/);
  assert.equal(cycles[0].range.start.line, 32); // `$ref: 'loop-a.yaml#/Response'` (0-based line)
  assert.deepEqual(d.filter((x) => x.code === 'oas-ref-unresolved'), []);
});

test('an open editor wins over the disk, and a change to it re-analyses the referrer', () => {
  const svc = service();
  const petUri = fileUri(path.join(DIR, 'schemas', 'pet.yaml'));
  assert.equal(svc.diagnostics(MAIN).filter((x) => x.code === 'oas-ref-unresolved').length, 0);
  // The editor renames Pet: both refs to it become unresolved, without saving.
  svc.open(petUri, fs.readFileSync(path.join(DIR, 'schemas', 'pet.yaml'), 'utf8').replace('Pet:', 'Animal:'), 1);
  const un = svc.diagnostics(MAIN).filter((x) => x.code === 'oas-ref-unresolved');
  assert.equal(un.length, 2);
  assert.match(un[0].message, /Nothing at \/Pet in pet\.yaml/);
  svc.close(petUri);
  assert.equal(svc.diagnostics(MAIN).filter((x) => x.code === 'oas-ref-unresolved').length, 0);
});

test('definition and references of a $ref across files', () => {
  const svc = service();
  const text = fs.readFileSync(path.join(DIR, 'main.yaml'), 'utf8');
  svc.open(MAIN, text, 1);
  const line = text.split('\n').findIndex((l) => l.includes("'./schemas/pet.yaml#/Pet'"));
  const col = text.split('\n')[line].indexOf("'./schemas") + 3;
  const defs = svc.definition(MAIN, { line, character: col });
  assert.equal(defs.length, 1);
  assert.ok(defs[0].uri.endsWith('/schemas/pet.yaml'));
  assert.equal(defs[0].range.start.line, 0);
  const refs = svc.references(MAIN, { line, character: col }, true);
  // the declaration in pet.yaml and both refs in main.yaml
  assert.equal(refs.filter((r) => r.uri === MAIN).length, 2);
  assert.ok(refs.some((r) => r.uri.endsWith('/schemas/pet.yaml')));
});

test('remote refs are not followed: an information finding', () => {
  const svc = new LanguageService();
  const uri = 'file:///tmp/remote.yaml';
  svc.open(uri, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: 'https://example.com/a.yaml#/A'\n", 1);
  const d = svc.diagnostics(uri).filter((x) => x.code === 'oas-ref-remote');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'information');
});

test('completion offers local components and files of the folder', () => {
  const svc = service();
  const text = fs.readFileSync(path.join(DIR, 'main.yaml'), 'utf8') + '    New:\n      $ref: \n';
  svc.open(MAIN, text, 2);
  const lines = text.split('\n');
  const line = lines.length - 2;
  const items = svc.completion(MAIN, { line, character: lines[line].length });
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('#/components/schemas/Chain2'), labels.join(', '));
  assert.ok(labels.includes('#/components/schemas/Tilde~0Name'));
  assert.ok(labels.includes('./common.json'));
  // Pointer steps into any node, and pointers of another file once its name is typed.
  const steps = text + "      $ref: '#/paths/~1pets/"; 
  svc.open(MAIN, steps, 3);
  const stepLabels = svc.completion(MAIN, { line: steps.split('\n').length - 1, character: steps.split('\n').pop()!.length }).map((i) => i.label);
  assert.ok(stepLabels.includes('#/paths/~1pets/get'), stepLabels.slice(0, 20).join(', '));
  const other = text + "      $ref: 'schemas/pet.yaml#/";
  svc.open(MAIN, other, 4);
  const otherLabels = svc.completion(MAIN, { line: other.split('\n').length - 1, character: other.split('\n').pop()!.length }).map((i) => i.label);
  assert.ok(otherLabels.includes('schemas/pet.yaml#/Owner'), otherLabels.join(', '));
});

test('nodeAtPointer follows arrays by index', () => {
  const svc = service();
  const a = svc.analyse(MAIN) as OpenApiAnalysed;
  assert.equal(nodeAtPointer(a.model.root, '#/paths/~1pets~1{id}/parameters/0')?.type, 'object');
  assert.equal(nodeAtPointer(a.model.root, '#/paths/~1pets~1{id}/parameters/01'), undefined);
});

test('refs under members named like keywords (the `default` response, a schema named `enum`) are references', () => {
  const svc = new LanguageService();
  const uri = 'file:///tmp/api-lens-refs/default.yaml';
  svc.open(uri, `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses:
        default:
          $ref: '#/components/responses/Missing'
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/enum'}
              example: {$ref: 'not-a-reference.yaml'}
components:
  schemas:
    enum: {type: string, default: {$ref: 'data-not-a-ref'}}
`, 1);
  const un = svc.diagnostics(uri).filter((d) => d.code === 'oas-ref-unresolved');
  assert.deepEqual(un.map((d) => d.range.start.line), [7]);
  const a = svc.analyse(uri) as OpenApiAnalysed;
  assert.equal(a.model.refs.length, 2, 'the example and the default value hold data, not references');
});

test('3.2 $self: relative $refs resolve against it; an http(s) $self makes them remote (reported, not followed)', () => {
  const head = 'openapi: 3.2.0\ninfo: {title: t, version: "1"}\n';
  const body = (self: string) => `${head}${self}paths: {}\ncomponents:\n  schemas:\n    A: {$ref: 'schemas/pet.yaml'}\n    B: {$ref: '#/components/schemas/C'}\n    C: {type: string}\n    D: {$ref: 'openapi.yaml#/components/schemas/C'}\n`;
  const svc = service();
  // A relative $self: the document says it lives in sub/, so schemas/pet.yaml is sub/schemas/pet.yaml.
  const uri = fileUri(path.join(DIR, 'self-test.yaml'));
  svc.open(uri, body('$self: sub/openapi.yaml\n'), 1);
  let a = svc.analyse(uri) as OpenApiAnalysed;
  const ref = (name: string) => a.model.refs.find((r) => r.pointer === `/components/schemas/${name}`)!;
  assert.equal(ref('A').targetUri, fileUri(path.join(DIR, 'sub', 'schemas', 'pet.yaml')));
  assert.equal(ref('A').base, fileUri(path.join(DIR, 'sub', 'openapi.yaml')));
  assert.equal(ref('B').targetUri, uri, 'a fragment-only ref names this document');
  assert.equal(ref('D').targetUri, uri, 'a ref to $self itself names this document');
  assert.equal(a.resolver.resolve(ref('D').holder)?.node.properties?.[0].value.value, 'string');
  const unresolved = svc.diagnostics(uri).filter((d) => d.code === 'oas-ref-unresolved');
  assert.equal(unresolved.length, 1);
  assert.match(unresolved[0].message, /resolved against \$self \(file:.*\/sub\/openapi\.yaml\)/);

  // An https $self: relative refs name network resources: oas-ref-remote on each, saying why, never fetched.
  svc.open(uri, body('$self: https://api.example.com/v1/openapi.yaml\n'), 2);
  a = svc.analyse(uri) as OpenApiAnalysed;
  assert.equal(ref('A').targetUri, 'https://api.example.com/v1/schemas/pet.yaml');
  assert.equal(ref('A').remote, true);
  assert.equal(ref('B').remote, false);
  assert.equal(ref('D').targetUri, uri);
  const diags = svc.diagnostics(uri);
  assert.deepEqual(diags.filter((d) => d.code === 'oas-ref-unresolved').map((d) => d.message), []);
  const remote = diags.filter((d) => d.code === 'oas-ref-remote');
  assert.equal(remote.length, 1);
  assert.match(remote[0].message, /schemas\/pet\.yaml is relative, and \$self \(https:\/\/api\.example\.com\/v1\/openapi\.yaml\) makes it resolve to https:\/\/api\.example\.com\/v1\/schemas\/pet\.yaml/);
  const lines = body('$self: https://api.example.com/v1/openapi.yaml\n').split('\n');
  assert.equal(lines[remote[0].range.start.line].slice(remote[0].range.start.character).startsWith("'schemas/pet.yaml'"), true);

  // Before 3.2, $self means nothing: refs resolve against the file.
  svc.open(uri, body('$self: https://api.example.com/v1/openapi.yaml\n').replace('3.2.0', '3.1.0'), 3);
  a = svc.analyse(uri) as OpenApiAnalysed;
  assert.equal(ref('A').targetUri, fileUri(path.join(DIR, 'schemas', 'pet.yaml')));
});

test('a split file ($ref target, no API description itself) gets $ref navigation and hover once a document refers to it; nothing else', () => {
  const svc = service();
  const PET = fileUri(path.join(DIR, 'schemas', 'pet.yaml'));
  const petText = fs.readFileSync(path.join(DIR, 'schemas', 'pet.yaml'), 'utf8');
  svc.open(PET, petText, 1);
  const at = (needle: string, delta = 1) => { const o = petText.indexOf(needle) + delta; const before = petText.slice(0, o).split('\n'); return { line: before.length - 1, character: before[before.length - 1].length }; };
  // Alone, it is plain YAML: nothing.
  assert.equal(svc.kindOf(PET), null);
  assert.deepEqual(svc.definition(PET, at("'#/Owner'")), []);
  // Once main.yaml (which $refs it) is analysed, it is a fragment of an OpenAPI 3.x description.
  svc.open(MAIN, fs.readFileSync(path.join(DIR, 'main.yaml'), 'utf8'), 1);
  svc.diagnostics(MAIN);
  assert.equal(svc.kindOf(PET)?.fragment, true);
  const def = svc.definition(PET, at("'#/Owner'"));
  assert.equal(def.length, 1);
  assert.equal(def[0].uri, PET);
  assert.equal(def[0].range.start.line, petText.split('\n').findIndex((l) => l.startsWith('Owner:')));
  const refs = svc.references(PET, at('Owner:', 0), false);
  assert.deepEqual(refs.map((r) => [r.uri, r.range.start.line]), [[PET, at("'#/Owner'").line]]);
  const hover = svc.hover(PET, at("'#/Owner'"));
  assert.match(hover?.markdown ?? '', /Resolves to `#\/Owner`/);
  // No rules that need the root, no hover guessing what a key means, no summary, no outline.
  assert.equal(svc.hover(PET, at('type: object')), null);
  assert.deepEqual(svc.diagnostics(PET), []);
  assert.equal(svc.describe(PET), null);
  assert.deepEqual(svc.symbols(PET), []);
  // A broken local $ref in the fragment is still reported there.
  svc.open(PET, petText.replace("'#/Owner'", "'#/Ownr'"), 2);
  svc.diagnostics(MAIN);
  assert.deepEqual(svc.diagnostics(PET).map((d) => d.code), ['oas-ref-unresolved']);
  // Unrelated YAML/JSON next to it stays silent.
  const OTHER = fileUri(path.join(DIR, 'schemas', 'deployment.yaml'));
  svc.open(OTHER, 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, ref: {$ref: "#/x"}}\n', 1);
  assert.equal(svc.kindOf(OTHER), null);
  assert.deepEqual(svc.diagnostics(OTHER), []);
  assert.equal(svc.hover(OTHER, { line: 2, character: 30 }), null);
});

test('a fragment whose root is an array still resolves once it is analysed as a fragment', () => {
  const svc = service();
  const LIST = fileUri(path.join(DIR, 'schemas', 'list-open-only.yaml'));
  const ROOT = fileUri(path.join(DIR, 'array-ref-open-only.yaml'));
  const listText = '- type: string\n- $ref: "#/0"\n';
  const rootText = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    S: {$ref: "schemas/list-open-only.yaml#/0"}\n';
  svc.open(LIST, listText, 1);
  svc.open(ROOT, rootText, 1);
  assert.deepEqual(svc.diagnostics(ROOT).filter((d) => d.code === 'oas-ref-unresolved'), []);
  assert.equal(svc.kindOf(LIST)?.fragment, true);
  assert.match(svc.hover(LIST, { line: 1, character: 5 })?.markdown ?? '', /Resolves to `#\/0`/);
  svc.open(ROOT, rootText + '\n', 2); // re-analysed with the list now a fragment analysis
  assert.deepEqual(svc.diagnostics(ROOT).filter((d) => d.code === 'oas-ref-unresolved').map((d) => d.message), []);
});
