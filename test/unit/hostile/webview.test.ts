/**
 * End to end for the comparison webview: hostile documents (markup, scripts, javascript:/command: URLs in
 * titles, paths, names, servers and media types) go through the real language service (describe,
 * compare) into renderComparison, and the page stays inert under a strict CSP. The panel never enables
 * command URIs and loads resources only from the extension's media folder.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { renderComparison, type Assets } from '../../../client/src/comparison/render';
import { compareSummaries } from '../../../server/src/analysis/compare';
import { LanguageService } from '../../../server/src/service/languageService';
import { REPO_ROOT } from '../../support/lspClient';

const X = `<script>alert(1)</script><img src=x onerror=alert(2)><a href="command:workbench.action.terminal.new">c</a>"'\`&{{x}}`;
const q = (s: string) => JSON.stringify(s);
const OAS = `openapi: 3.0.3
info:
  title: ${q(`Title ${X}`)}
  description: ${q(`[click](javascript:alert(3)) ![i](https://evil.example/p.png) ${X}`)}
  version: ${q(X)}
servers:
  - url: ${q(`javascript:alert(4)//${X}`)}
  - url: ${q(`https://api.example.com/${X}`)}
paths:
  ${q(`/items/${X}`)}:
    get:
      operationId: ${q(`list${X}`)}
      summary: ${q(X)}
      responses:
        '200':
          description: ${q(X)}
          content:
            ${q(`application/${X}+json`)}:
              schema: {type: string}
`;
const WSDL = `<?xml version="1.0"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:x" targetNamespace="urn:x" name="&lt;script&gt;alert(5)&lt;/script&gt;">
  <wsdl:documentation>&lt;img src=x onerror=alert(6)&gt;</wsdl:documentation>
  <wsdl:message name="M"/>
  <wsdl:portType name="P&lt;b&gt;"><wsdl:operation name="op&lt;script&gt;"><wsdl:input message="tns:M"/></wsdl:operation></wsdl:portType>
  <wsdl:binding name="B" type="tns:P&lt;b&gt;"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="op&lt;script&gt;"><soap:operation soapAction="javascript:alert(7)"/><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation></wsdl:binding>
  <wsdl:service name="S&quot;onmouseover=&quot;alert(8)"><wsdl:port name="p" binding="tns:B"><soap:address location="javascript:alert(9)"/></wsdl:port></wsdl:service>
</wsdl:definitions>
`;

const assets: Assets = { cspSource: 'vscode-webview://w', nonce: 'TEST-NONCE', styleUri: 'vscode-webview://w/media/comparison.css', scriptUri: 'vscode-webview://w/media/comparison.js' };

function assertInert(html: string): void {
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1].replace(/&#39;/g, "'") ?? '';
  assert.match(policy, /default-src 'none'/);
  assert.ok(!/unsafe-inline|unsafe-eval|https?:|\*/.test(policy), policy);
  const tags = [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)];
  const names = new Set(tags.map((t) => t[1].toLowerCase()));
  for (const bad of ['img', 'iframe', 'svg', 'object', 'embed', 'style', 'form', 'input', 'base']) assert.ok(!names.has(bad), `<${bad}> in the page`);
  assert.equal(tags.filter((t) => t[1] === 'script').length, 1, 'only our script');
  for (const t of tags) {
    for (const [, name, value] of t[2].matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)) {
      assert.ok(!/^on/i.test(name), `event handler ${name} on <${t[1]}>`);
      if (name === 'href' || name === 'src') assert.match(value ?? '', /^(https:\/\/|http:\/\/|vscode-webview:\/\/w\/media\/)/, `${name}=${value}`);
    }
  }
  assert.ok(!/alert\(\d\)<\/script>/.test(html) && !html.includes('<script>alert'), 'a document script survived');
  assert.ok(!/href="(javascript|command):/i.test(html));
}

test('hostile OpenAPI and WSDL documents through describe/compare render inert in the comparison view', () => {
  const s = new LanguageService();
  s.open('file:///h/evil.yaml', OAS, 1);
  s.open('file:///h/evil.wsdl', WSDL, 1);
  const oas = s.describe('file:///h/evil.yaml');
  const wsdl = s.describe('file:///h/evil.wsdl');
  assert.ok(oas && wsdl, 'both documents are described');
  for (const vm of [
    { mode: 'single' as const, summary: oas, label: `evil${X}.yaml`, canCompare: true },
    { mode: 'single' as const, summary: wsdl, label: 'evil.wsdl', canCompare: true },
    { mode: 'pair' as const, comparison: compareSummaries(wsdl, oas), leftLabel: `l${X}`, rightLabel: `r${X}` },
    { mode: 'empty' as const, message: X },
  ]) {
    const html = renderComparison(assets, vm);
    assertInert(html);
  }
  const html = renderComparison(assets, { mode: 'single', summary: oas, label: 'x', canCompare: false });
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'document text is shown, escaped');
});

test('the comparison panel enables no command URIs and loads only from media/', () => {
  const src = fs.readFileSync(path.join(REPO_ROOT, 'client', 'src', 'comparison', 'panel.ts'), 'utf8');
  assert.ok(!/enableCommandUris\s*:\s*true/.test(src), 'enableCommandUris');
  assert.match(src, /localResourceRoots:\s*\[media\]/);
  assert.match(src, /openExternal/);
  assert.match(src, /\/\^https\?:\\\/\\\/\[\^\\s\]\+\$\/\.test\(m\.url\)/, 'openSpec accepts http(s) URLs only');
});
