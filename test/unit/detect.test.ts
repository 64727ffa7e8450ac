import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { detectKind } from '../../server/src/service/detect';
import { FIXTURES } from '../support/fixtures';

test('detects each example by content', () => {
  const expected: Record<string, string> = {
    'weather-soap.wsdl': 'wsdl11 1.1 xml', 'reservation.wsdl': 'wsdl20 2.0 xml',
    'petstore-swagger2.json': 'swagger2 2.0 json', 'bookshop-openapi30.yaml': 'oas30 3.0.3 yaml',
    'events-openapi31.json': 'oas31 3.1.0 json', 'library-openapi32.yaml': 'oas32 3.2.0 yaml',
  };
  for (const [file, want] of Object.entries(expected)) {
    const text = fs.readFileSync(path.join(FIXTURES, 'examples', file), 'utf8');
    const k = detectKind(text, file);
    assert.ok(k, file);
    assert.equal(`${k.kind} ${k.version} ${k.syntax}`, want, file);
  }
});

test('unrelated documents are not ours', () => {
  const unrelated = [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    'name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n',
    '{ "name": "pkg", "version": "1.0.0", "scripts": { "test": "node --test" } }',
    '<?xml version="1.0"?><project xmlns="http://maven.apache.org/POM/4.0.0"/>',
    '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"/>',
    '<definitions xmlns="http://example.com/not-wsdl"/>',
    'info:\n  openapi: 3.0.0\n',
    'openapi: 4.0.0\n',
    '',
  ];
  for (const t of unrelated) assert.equal(detectKind(t, 'x.yaml'), null, t);
});

test('WSDL detection follows the root element namespace, prefixed or default', () => {
  assert.equal(detectKind('<!-- c --><w:definitions xmlns:w="http://schemas.xmlsoap.org/wsdl/"/>')?.kind, 'wsdl11');
  assert.equal(detectKind('<?xml version="1.0"?>\n<description xmlns="http://www.w3.org/ns/wsdl"/>')?.kind, 'wsdl20');
  assert.equal(detectKind('\ufeff<definitions xmlns="http://schemas.xmlsoap.org/wsdl/"></definitions>')?.kind, 'wsdl11');
  // Pre-Recommendation WSDL 2.0 drafts (Apache Woden's W3C tests use the 2006/01 CR namespace) are WSDL 2.0 too.
  assert.equal(detectKind('<wsdl:description xmlns:wsdl="http://www.w3.org/2006/01/wsdl"/>')?.kind, 'wsdl20');
  assert.equal(detectKind('<description xmlns="http://www.w3.org/2004/08/wsdl"/>')?.kind, 'wsdl20');
  assert.equal(detectKind('<description xmlns="http://www.w3.org/2006/01/wsdl/soap"/>'), null);
  assert.equal(detectKind('<definitions xmlns="http://www.w3.org/2006/01/wsdl"/>'), null);
});

test('OpenAPI detection: indented YAML documents, numeric versions, nested keys ignored', () => {
  assert.equal(detectKind('---\n  swagger: "2.0"\n  info: {}\n', 'a.yaml')?.kind, 'swagger2');
  assert.equal(detectKind('# comment\n%YAML 1.2\n---\nopenapi: 3.1\n', 'a.yaml')?.version, '3.1');
  assert.equal(detectKind('{"swagger": 2, "info": {}}', 'a.json')?.kind, 'swagger2');
  assert.equal(detectKind('a:\n  openapi: 3.0.0\n', 'a.yaml'), null);
  assert.equal(detectKind('info:\n  title: x\nx:\n    openapi: 3.0.0\n', 'a.yaml'), null);
});

test('a .yaml file written as one flow mapping is YAML, whatever its first character', () => {
  assert.deepEqual(detectKind("{openapi: '3.0.0', info: {title: t, version: '1'}, paths: {}}", 'api.yaml'), { kind: 'oas30', version: '3.0.0', syntax: 'yaml' });
  assert.equal(detectKind('{"openapi": "3.1.0"}', 'api.json')?.syntax, 'json');
  assert.equal(detectKind('{"openapi": "3.1.0"}', 'api.yml')?.syntax, 'yaml');
});
