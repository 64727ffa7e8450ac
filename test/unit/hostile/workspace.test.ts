/**
 * The workspace reads only what it may: file: URIs inside the roots (not through a symbolic link that
 * leaves them), nothing at all from disk in an untrusted workspace, and never throws on a malformed URI.
 * Bytes are decoded whatever they are: BOMs (UTF-8, UTF-16 LE/BE) and invalid UTF-8.
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Workspace, decodeText } from '../../../server/src/service/workspace';
import { LanguageService } from '../../../server/src/service/languageService';
import { OAS_YAML, WSDL_OPEN, WSDL_CLOSE } from './cases';

let dir: string;
let root: string;
let outside: string;
const url = (p: string) => pathToFileURL(p).toString();

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-lens-ws-'));
  root = path.join(dir, 'root');
  outside = path.join(dir, 'outside');
  fs.mkdirSync(root);
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.yaml'), 'components:\n  schemas:\n    S: {description: OUTSIDE-SECRET}\n');
  fs.writeFileSync(path.join(root, 'inside.yaml'), 'components:\n  schemas:\n    S: {description: inside}\n');
  fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'link-out.yaml'));
  fs.symlinkSync(path.join(root, 'inside.yaml'), path.join(root, 'link-in.yaml'));
  fs.symlinkSync(outside, path.join(root, 'dir-out'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('malformed file: URIs are not readable and do not throw', () => {
  const ws = new Workspace();
  ws.setRoots([url(root), 'file:///bad%E0%A4%A', 'file://remote-host/share']);
  for (const u of [`${url(root)}/a%_b.yaml`, `${url(root)}/%E0%A4%A.yaml`, 'file://remote-host/share/x.yaml', 'file:', 'file:///%00', 'file:///x%2Fy']) {
    assert.doesNotThrow(() => ws.mayRead(u), u);
    assert.equal(ws.read(u), undefined, u);
  }
});

test('a symbolic link inside the workspace does not lead outside it', () => {
  const ws = new Workspace();
  ws.setRoots([url(root)]);
  assert.ok(ws.read(url(path.join(root, 'inside.yaml'))));
  assert.ok(ws.read(url(path.join(root, 'link-in.yaml'))), 'a link to a file inside is fine');
  assert.equal(ws.read(url(path.join(root, 'link-out.yaml'))), undefined);
  assert.equal(ws.read(url(path.join(root, 'dir-out', 'secret.yaml'))), undefined);
  assert.equal(ws.read(url(path.join(outside, 'secret.yaml'))), undefined);
  assert.equal(ws.read(url(path.join(root, '..', 'outside', 'secret.yaml'))), undefined);
});

test('a root reached through a symbolic link still reads its files', () => {
  const alias = path.join(dir, 'root-alias');
  fs.symlinkSync(root, alias);
  const ws = new Workspace();
  ws.setRoots([url(alias)]);
  assert.ok(ws.read(url(path.join(alias, 'inside.yaml'))));
  assert.equal(ws.read(url(path.join(alias, 'link-out.yaml'))), undefined);
});

test('untrusted: open documents are read, nothing from disk', () => {
  const ws = new Workspace();
  ws.setRoots([url(root)]);
  ws.trusted = false;
  assert.equal(ws.mayRead(url(path.join(root, 'inside.yaml'))), false);
  assert.equal(ws.read(url(path.join(root, 'inside.yaml'))), undefined);
  ws.setOpen({ uri: url(path.join(root, 'open.yaml')), text: 'x: 1', version: 3 });
  assert.deepEqual(ws.read(url(path.join(root, 'open.yaml'))), { text: 'x: 1', version: 3 });
});

test('untrusted: $refs and imports to files on disk are not followed, open documents still are', () => {
  fs.writeFileSync(path.join(root, 'imported.wsdl'), `${WSDL_OPEN}<wsdl:message name="M"/>${WSDL_CLOSE}`);
  const analyse = (trusted: boolean) => {
    const ws = new Workspace();
    ws.setRoots([url(root)]);
    ws.trusted = trusted;
    const s = new LanguageService({ workspace: ws });
    const oas = url(path.join(root, 'main.yaml'));
    s.open(oas, `${OAS_YAML}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: './inside.yaml#/components/schemas/S'}\n`, 1);
    const wsdl = url(path.join(root, 'main.wsdl'));
    s.open(wsdl, `${WSDL_OPEN}<wsdl:import namespace="urn:h" location="imported.wsdl"/>${WSDL_CLOSE}`, 1);
    return { s, oas, wsdl, oasCodes: s.diagnostics(oas).map((d) => String(d.code)), wsdlCodes: s.diagnostics(wsdl).map((d) => String(d.code)) };
  };
  const trusted = analyse(true);
  const untrusted = analyse(false);
  assert.ok(!trusted.oasCodes.some((c) => /ref-unresolved|not-found/.test(c)), `trusted: ${trusted.oasCodes}`);
  assert.ok(untrusted.oasCodes.some((c) => /ref-unresolved|not-found|untrusted/.test(c)), `untrusted: ${untrusted.oasCodes}`);
  assert.ok(!trusted.wsdlCodes.some((c) => /not-found|unresolved/.test(c)), `trusted: ${trusted.wsdlCodes}`);
  assert.ok(untrusted.wsdlCodes.some((c) => /not-found|unresolved|untrusted/.test(c)), `untrusted: ${untrusted.wsdlCodes}`);
});

test('decodeText: BOMs are dropped, UTF-16 LE/BE decoded, invalid UTF-8 becomes U+FFFD', () => {
  const body = 'openapi: 3.0.0\ndescription: "é 😀"\n';
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)])), body);
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')])), body);
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(body, 'utf16le').swap16()])), body);
  assert.equal(decodeText(Buffer.from([0x61, 0xc3, 0x28, 0xff, 0xed, 0xa0, 0x80, 0x62])), 'a\ufffd(\ufffd\ufffd\ufffd\ufffdb');
  assert.equal(decodeText(Buffer.from([0xfe, 0xff, 0x00])), ''); // odd byte count after a UTF-16 BOM: no throw
  assert.equal(decodeText(Buffer.from([0xfe, 0xff, 0x00, 0x61, 0x00])), 'a');
  assert.equal(decodeText(Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x62])), 'a');
  assert.equal(decodeText(Buffer.alloc(0)), '');
});
