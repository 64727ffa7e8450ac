/**
 * Nothing leaves the machine, nothing on disk changes, no document content runs. The built server is
 * started with a preload that makes every network, write, process and eval API fail loudly (and report on
 * stderr), next to a real HTTP server on 127.0.0.1 that the documents reference: it must see no request.
 * The documents sit in a temporary copy of a workspace whose files are hashed before and after.
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { pathToFileURL } from 'url';
import { LspTestClient } from '../support/lspClient';
import { FIXTURES } from '../support/fixtures';

const MARK = 'SANDBOX-VIOLATION';

/** Patched before the server loads: any use of these APIs is a violation, reported and refused. */
const PRELOAD = `
const report = (what) => { const e = new Error('${MARK} ' + what); try { process.stderr.write(e.stack + '\\n'); } catch {} return e; };
const trap = (obj, name, label, allow) => {
  const orig = obj && obj[name];
  if (typeof orig !== 'function') return;
  obj[name] = function (...args) {
    if (allow && allow(args)) return orig.apply(this, args);
    throw report(label + '.' + name + ' ' + String(args[0]).slice(0, 200));
  };
};
const net = require('net'), tls = require('tls'), http = require('http'), https = require('https'), dns = require('dns');
for (const n of ['connect', 'createConnection']) { trap(net, n, 'net'); trap(tls, n, 'tls'); }
trap(net.Socket.prototype, 'connect', 'net.Socket');
for (const m of [http, https]) for (const n of ['request', 'get']) trap(m, n, m === http ? 'http' : 'https');
for (const n of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) { trap(dns, n, 'dns'); trap(dns.promises, n, 'dns.promises'); }
if (typeof globalThis.fetch === 'function') globalThis.fetch = () => { throw report('fetch'); };
const cp = require('child_process');
for (const n of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) trap(cp, n, 'child_process');
const vm = require('vm');
for (const n of ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction']) trap(vm, n, 'vm');
const fs = require('fs');
const writes = ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'rm', 'rmSync',
  'rmdir', 'rmdirSync', 'unlink', 'unlinkSync', 'rename', 'renameSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync', 'truncate', 'truncateSync',
  'symlink', 'symlinkSync', 'link', 'linkSync', 'chmod', 'chmodSync', 'chown', 'chownSync', 'utimes', 'utimesSync', 'createWriteStream'];
for (const n of writes) { trap(fs, n, 'fs'); trap(fs.promises, n, 'fs.promises'); }
const readOnly = (args) => { const f = args[1]; return f === undefined || f === 'r' || f === 'rs' || f === fs.constants.O_RDONLY; };
trap(fs, 'open', 'fs', readOnly); trap(fs, 'openSync', 'fs', readOnly); trap(fs.promises, 'open', 'fs.promises', readOnly);
trap(fs, 'writeSync', 'fs', (args) => args[0] === 1 || args[0] === 2); trap(fs, 'write', 'fs', (args) => args[0] === 1 || args[0] === 2);
`;

let dir: string;
let preload: string;
let server: http.Server;
let hits: string[] = [];
let base: string;
let client: LspTestClient;
const logs: string[] = [];

function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const n of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, n.name);
      if (n.isDirectory()) { out.set(p + '/', 'dir'); walk(p); continue; }
      const st = fs.statSync(p);
      out.set(p, `${st.size} ${st.mtimeMs} ${st.mode} ${crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex')}`);
    }
  };
  walk(root);
  return out;
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-lens-sandbox-'));
  preload = path.join(dir, 'preload.js');
  fs.writeFileSync(preload, PRELOAD);
  server = http.createServer((req, res) => { hits.push(`${req.method} ${req.url}`); res.end('<x/>'); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
after(async () => {
  await client?.stop();
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the sandbox itself detects a fetch and a write (control: this test can fail)', () => {
  const r = spawnSync(process.execPath, ['-r', preload, '-e', `
    try { require('http').get('${base}/control'); } catch {}
    try { require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'control.txt'))}, 'x'); } catch {}`], { encoding: 'utf8' });
  assert.match(r.stderr, new RegExp(`${MARK} http\\.get`));
  assert.match(r.stderr, new RegExp(`${MARK} fs\\.writeFileSync`));
  assert.equal(fs.existsSync(path.join(dir, 'control.txt')), false);
});

test('remote imports, $refs, DTDs and entities are never fetched; no file is written or changed; nothing is run', { timeout: 120_000 }, async () => {
  const ws = path.join(dir, 'workspace');
  fs.cpSync(path.join(FIXTURES, 'examples'), ws, { recursive: true });
  const docs: Record<string, string> = {
    'remote.wsdl': `<?xml version="1.0"?>
<!DOCTYPE wsdl:definitions SYSTEM "${base}/doctype.dtd" [<!ENTITY remote SYSTEM "${base}/entity.txt"><!ENTITY % p SYSTEM "${base}/param.dtd"> %p;]>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:r" targetNamespace="urn:r">
  <wsdl:import namespace="urn:other" location="${base}/import.wsdl"/>
  <wsdl:import namespace="urn:other2" location="//127.0.0.1:${base.split(':').pop()}/protocol-relative.wsdl"/>
  <wsdl:types><xsd:schema targetNamespace="urn:r">
    <xsd:import namespace="urn:x" schemaLocation="${base}/schema.xsd"/>
    <xsd:include schemaLocation="${base}/include.xsd"/>
    <xsd:redefine schemaLocation="${base}/redefine.xsd"/>
    <xsd:element name="e" type="xsd:string"/>
  </xsd:schema></wsdl:types>
  <wsdl:documentation>&remote; require('child_process').execSync('touch ${ws}/pwned')</wsdl:documentation>
  <wsdl:message name="M"><wsdl:part name="p" element="tns:e"/></wsdl:message>
  <wsdl:portType name="P"><wsdl:operation name="o"><wsdl:input message="tns:M"/></wsdl:operation></wsdl:portType>
  <wsdl:binding name="B" type="tns:P"><soap:binding style="document" transport="${base}/transport"/></wsdl:binding>
  <wsdl:service name="S"><wsdl:port name="p" binding="tns:B"><soap:address location="${base}/endpoint"/></wsdl:port></wsdl:service>
</wsdl:definitions>
`,
    'remote.yaml': `openapi: 3.1.0
info: {title: R, version: "1", x-logo: {url: "${base}/logo.png"}}
jsonSchemaDialect: ${base}/dialect
servers: [{url: "${base}/api"}]
externalDocs: {url: "${base}/docs"}
paths:
  /a:
    $ref: '${base}/path-item.yaml'
  /b:
    get:
      parameters: [{$ref: '${base}/params.yaml#/P'}]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '${base}/schema.json#/S', $id: '${base}/id', $schema: '${base}/meta'}
              x-exec: !!js/function 'function () { require("fs").writeFileSync("${ws}/pwned", "x") }'
              x-python: !!python/object/apply:os.system ["touch ${ws}/pwned"]
components:
  schemas:
    A: {$ref: '//127.0.0.1:${base.split(':').pop()}/protocol-relative.json'}
    B: {$ref: 'https://127.0.0.1:${base.split(':').pop()}/tls.json'}
`,
    'remote.json': JSON.stringify({
      swagger: '2.0', info: { title: 'R', version: '1' }, host: base.slice(7), basePath: '/',
      paths: { '/a': { $ref: `${base}/swagger-path.json` } },
      definitions: { D: { $ref: `${base}/swagger-def.json#/D` }, E: { $ref: 'remote.json#/definitions/E' } },
    }, null, 2),
  };
  for (const [f, text] of Object.entries(docs)) fs.writeFileSync(path.join(ws, f), text);
  const before = snapshot(dir);

  client = await LspTestClient.start({ rootUri: pathToFileURL(ws).toString(), execArgv: ['-r', preload], onLog: (m) => logs.push(m) });
  const all = [...Object.keys(docs), ...fs.readdirSync(ws).filter((f) => !(f in docs))];
  for (const f of all) {
    const uri = pathToFileURL(path.join(ws, f)).toString();
    const text = fs.readFileSync(path.join(ws, f), 'utf8');
    const published = client.waitForDiagnostics(uri, 10_000);
    await client.open(uri, text);
    await published;
    const lines = text.split('\n');
    // Every feature at every line that mentions the HTTP server, and at a few other places.
    for (let line = 0; line < lines.length; line++) {
      const col = lines[line].indexOf('127.0.0.1');
      if (col < 0 && line % 7) continue;
      const position = { line, character: Math.max(0, col) };
      await client.hover(uri, position.line, position.character);
      await client.request('textDocument/definition', { textDocument: { uri }, position });
      await client.request('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
      await client.request('textDocument/completion', { textDocument: { uri }, position });
    }
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.request('textDocument/foldingRange', { textDocument: { uri } });
    await client.request('apiLens/describe', { uri });
    const diagnostics = client.diagnostics.get(uri) ?? [];
    await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, context: { diagnostics } });
  }
  // A file watcher event and a settings change re-read what they may (from disk only).
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(ws, 'remote.yaml')).toString(), type: 2 }] });
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  await client.hover(pathToFileURL(path.join(ws, 'remote.yaml')).toString(), 0, 0);
  await client.stop();

  assert.deepEqual(hits, [], 'the local HTTP server was contacted');
  const violations = client.stderr.split('\n').filter((l) => l.includes(MARK));
  assert.deepEqual(violations, [], 'the server used a network, write, process or eval API');
  assert.equal(fs.existsSync(path.join(ws, 'pwned')), false, 'document content was run');
  const after = snapshot(dir);
  assert.deepEqual([...after.entries()].filter(([k, v]) => before.get(k) !== v), [], 'files were created or changed');
  assert.deepEqual([...before.keys()].filter((k) => !after.has(k)), [], 'files were deleted');
});

test('the CLI (check and describe) fetches nothing, writes nothing but its output, runs nothing', { timeout: 120_000 }, () => {
  const ws = path.join(dir, 'workspace');
  assert.ok(fs.existsSync(path.join(ws, 'remote.yaml')), 'the previous test prepared the workspace');
  const cli = path.join(path.dirname(require.resolve('../support/lspClient')), '..', '..', '..', 'dist', 'cli.js');
  const before = snapshot(dir);
  const runs = [['check', ws, '--format', 'sarif'], ['describe', path.join(ws, 'remote.yaml')]];
  for (const args of runs) {
    const r = spawnSync(process.execPath, ['-r', preload, cli, ...args], { encoding: 'utf8', cwd: ws, maxBuffer: 64 * 1024 * 1024 });
    assert.ok(r.status === 0 || r.status === 1, `api-lens ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-1000)}`);
    assert.deepEqual(r.stderr.split('\n').filter((l) => l.includes(MARK)), [], `api-lens ${args.join(' ')}`);
  }
  assert.deepEqual(hits, [], 'the local HTTP server was contacted');
  const after = snapshot(dir);
  assert.deepEqual([...after.entries()].filter(([k, v]) => before.get(k) !== v), [], 'files were created or changed');
});
