/**
 * Every hover on hostile documents renders inert: the Markdown of hovers at every position of interest is
 * rendered with markdown-it (HTML on, linkify on) and may contain no element, image or link that came from
 * the document (links to spec pages are ours; none may point where the document says).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createRequire } from 'module';
import { LanguageService } from '../../../server/src/service/languageService';
import { LineIndex } from '../../../server/src/core/text';

const requireHere = createRequire(__filename);
let md: { render(s: string): string } | undefined;
try { md = new (requireHere('markdown-it'))({ html: true, linkify: true }); } catch { /* optional */ }

const X = `<script>alert(1)</script><img src=x onerror=alert(2)>[c](command:workbench.action.terminal.new)![i](https://evil.example/i.png)https://evil.example/l $(zap)\`\`\`x`;
const q = (s: string) => JSON.stringify(s);
const DOCS: Record<string, string> = {
  'file:///h/hover.yaml': `openapi: 3.1.0
info:
  title: ${q(X)}
  description: ${q(X)}
  version: ${q(X)}
externalDocs: {url: ${q(`https://evil.example/docs?${X}`)}}
servers:
  - url: ${q(`https://evil.example/${X}`)}
paths:
  ${q(`/a/${X}`)}:
    get:
      operationId: ${q(X)}
      summary: ${q(X)}
      parameters:
        - {name: ${q(X)}, in: query, schema: {type: string, format: ${q(X)}}}
      responses:
        '200':
          description: ${q(X)}
          content:
            ${q(`application/${X}`)}:
              schema: {$ref: ${q(`#/components/schemas/${X}`)}}
components:
  schemas:
    ${q(X)}: {type: object, description: ${q(X)}, properties: {${q(X)}: {type: string, example: ${q(X)}}}}
`,
  'file:///h/hover.wsdl': `<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:x" targetNamespace="urn:x&lt;script&gt;" name="&lt;script&gt;alert(1)&lt;/script&gt;">
  <wsdl:documentation>&lt;img src=x onerror=alert(2)&gt; [c](command:x) https://evil.example/l</wsdl:documentation>
  <wsdl:message name="M&lt;b&gt;"><wsdl:part name="p" element="tns:E&lt;i&gt;"/></wsdl:message>
  <wsdl:portType name="P"><wsdl:operation name="o"><wsdl:documentation>[x](javascript:alert(3))</wsdl:documentation><wsdl:input message="tns:M&lt;b&gt;"/></wsdl:operation></wsdl:portType>
  <wsdl:binding name="B" type="tns:P"><soap:binding style="document" transport="https://evil.example/t"/>
    <wsdl:operation name="o"><soap:operation soapAction="command:x"/><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation></wsdl:binding>
  <wsdl:service name="S"><wsdl:port name="p" binding="tns:B"><soap:address location="https://evil.example/${'a'.repeat(50)}"/></wsdl:port></wsdl:service>
</wsdl:definitions>
`,
};

const ALLOWED = new Set(['p', 'code', 'pre', 'strong', 'em', 'a', 'hr', 'ul', 'ol', 'li', 'br', 'h1', 'h2', 'h3', 'h4', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'blockquote']);

test('hovers everywhere on hostile documents render inert', (t) => {
  if (!md) { t.skip('markdown-it not installed'); return; }
  const s = new LanguageService();
  let hovers = 0;
  for (const [uri, text] of Object.entries(DOCS)) {
    s.open(uri, text, 1);
    const lines = new LineIndex(text);
    // Every 3rd character: each key, value, tag, attribute and reference is hit.
    for (let o = 0; o < text.length; o += 3) {
      const h = s.hover(uri, lines.positionAt(o));
      if (!h) continue;
      hovers++;
      const html: string = md.render(h.markdown);
      const tags: string[] = [...html.matchAll(/<\s*([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase()).filter((x) => !ALLOWED.has(x));
      assert.deepEqual(tags, [], `at ${uri} offset ${o}: ${h.markdown.slice(0, 400)}\n-> ${html.slice(0, 400)}`);
      for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) {
        assert.match(href, /^https?:\/\//, `non-http link at ${uri} offset ${o}: ${href}`);
        assert.ok(!href.includes('evil.example'), `a document URL became a link at ${uri} offset ${o}: ${href}`);
      }
      assert.ok(!/<img|<script/i.test(html));
    }
  }
  t.diagnostic(`${hovers} hovers checked`);
  assert.ok(hovers > 50, `only ${hovers} hovers`);
});
