/** The built CLI (dist/cli.js) as a user runs it: output formats, exit codes, describe, --root. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../support/lspClient';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const EXAMPLES = path.join(REPO_ROOT, 'test-fixtures', 'examples');

function run(args: string[], cwd = REPO_ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmpDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-lens-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test('check --format json prints LSP-shaped diagnostics of API documents only; exit 0 without errors', () => {
  const r = run(['check', EXAMPLES, '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const items = JSON.parse(r.out) as { file: string; range: { start: { line: number; character: number } }; severity: string; code: string; message: string; source: string }[];
  assert.ok(items.length > 0);
  for (const d of items) {
    assert.equal(d.source, 'api-lens');
    assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
    assert.equal(typeof d.range.start.line, 'number');
    assert.match(d.code, /^[a-z]+-[a-z0-9-]+$/);
  }
  const plain = items.find((d) => d.code === 'oas-server-not-https' && d.file.endsWith('bookshop-openapi30.yaml'));
  assert.ok(plain, 'the http:// staging server is reported');
  assert.deepEqual(plain.range.start, { line: 10, character: 9 });
});

test('check exits 1 on errors, stylish output names file, position, code; unrelated files are skipped', () => {
  const dir = tmpDir({
    'api.yaml': 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Missing"}}}}}\n',
    'deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
    'package.json': '{"name": "x"}',
  });
  const r = run(['check', dir]);
  assert.equal(r.code, 1, r.out + r.err);
  assert.match(r.out, /api\.yaml/);
  assert.match(r.out, /6:\d+\s+error\s+.*oas-ref-unresolved/);
  assert.doesNotMatch(r.out, /deploy\.yaml|package\.json/);
  const off = run(['check', dir, '--rule', 'oas-ref-unresolved=off']);
  assert.equal(off.code, 0, off.out);
});

test('check --format sarif is SARIF 2.1.0 with rules and 1-based regions', () => {
  const r = run(['check', path.join(EXAMPLES, 'weather-soap.wsdl'), '--format', 'sarif']);
  const sarif = JSON.parse(r.out);
  assert.equal(sarif.version, '2.1.0');
  const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'wsdl-endpoint-not-https');
  assert.ok(result);
  assert.equal(result.locations[0].physicalLocation.region.startLine, 62);
  assert.ok(sarif.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'wsdl-endpoint-not-https'));
});

test('bad usage exits 2 with the usage text', () => {
  for (const args of [[], ['frobnicate'], ['check'], ['check', EXAMPLES, '--format', 'xml'], ['describe'], ['check', '/no/such/dir']]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
  }
  assert.match(run(['check']).err, /Usage:/);
});

test('describe prints kind, protocols, formats and styles with locations (text and json)', () => {
  const text = run(['describe', path.join(EXAMPLES, 'weather-soap.wsdl')]);
  assert.equal(text.code, 0);
  assert.match(text.out, /wsdl11 1\.1/);
  assert.match(text.out, /SOAP 1\.1/);
  assert.match(text.out, /SOAP 1\.2/);
  assert.match(text.out, /document\/literal/);
  assert.match(text.out, /weather-soap\.wsdl:\d+:\d+/);
  const json = JSON.parse(run(['describe', path.join(EXAMPLES, 'bookshop-openapi30.yaml'), '--format', 'json']).out);
  assert.equal(json.kind, 'oas30');
  assert.ok(json.protocols.some((f: { value: string }) => f.value === 'HTTPS'));
  assert.ok(json.formats.some((f: { value: string }) => f.value === 'JSON'));
  assert.ok(json.styles.some((f: { value: string }) => /REST/.test(f.value)));
  assert.ok(json.protocols[0].evidence[0].range.start.line >= 0);
  const notOurs = run(['describe', path.join(REPO_ROOT, 'package.json')]);
  assert.equal(notOurs.code, 1);
  assert.match(notOurs.err, /not a WSDL, Swagger or OpenAPI document/);
});

test('relative $refs are read from local files; --root limits them like a workspace', () => {
  const dir = tmpDir({
    'spec/api.yaml': 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses: {"200": {$ref: "../shared/ok.yaml"}}\n',
    'shared/ok.yaml': 'description: ok\n',
  });
  const api = path.join(dir, 'spec', 'api.yaml');
  const free = JSON.parse(run(['check', api, '--format', 'json']).out) as { code: string }[];
  assert.ok(!free.some((d) => d.code === 'oas-ref-unresolved'), JSON.stringify(free));
  const limited = JSON.parse(run(['check', api, '--format', 'json', '--root', path.join(dir, 'spec')]).out) as { code: string }[];
  assert.ok(limited.some((d) => d.code.startsWith('oas-ref')), JSON.stringify(limited));
});

test('a named document over the size limit is reported, not skipped', () => {
  const big = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n' + `x-filler: "${'a'.repeat(2 * 1024 * 1024)}"\n`;
  const dir = tmpDir({ 'big.yaml': big });
  const r = run(['check', path.join(dir, 'big.yaml'), '--format', 'json', '--max-file-size-mb', '1']);
  const items = JSON.parse(r.out) as { code: string; severity: string }[];
  assert.deepEqual(items.map((d) => d.code), ['lens-file-too-large']);
  const asError = run(['check', path.join(dir, 'big.yaml'), '--max-file-size-mb', '1', '--rule', 'lens-file-too-large=error']);
  assert.equal(asError.code, 1, 'CI can make a too-large document fail the run');
});
