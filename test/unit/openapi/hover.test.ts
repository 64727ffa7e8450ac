/**
 * Hovers per version, in YAML and in JSON: test-fixtures/openapi/hover/<version>.{yaml,json} mark each
 * cursor with ¦ (the JSON files are the YAML files converted, so both share one list of expectations).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { LanguageService } from '../../../server/src/service/languageService';
import { FIXTURES, openFixture, readFixture, withCursors } from '../../support/fixtures';

const EXPECT: Record<string, (RegExp | RegExp[])[]> = {
  swagger2: [
    [/Swagger 2\.0/, /swagger\.io\/specification\/v2/],
    [/host/, /https:\/\/pets\.example\.com\/v1/, /HTTPS/],
    [/Transfer protocol: HTTPS/, /encrypted/],
    [/Transfer protocol: HTTP\b/, /unencrypted/],
    [/Request media type/, /\*\*JSON\*\*/, /RFC 8259/],
    [/Response media type/, /\*\*XML\*\*/, /RFC 7303/],
    [/Security scheme/, /Basic/, /RFC 7617/, /v2\/#security-scheme-object/],
    [/apiKey/, /query parameter/, /logs/],
    [/\*\*Path\*\*/, /petId/, /GET, DELETE/],
    [/\*\*GET\*\*/, /getPet/, /Safe/, /idempotent/, /RFC 9110 §9\.3\.1/, /v2\/#operation-object/],
    [/Parameter location/, /segment of the URL path/],
    [/Response 200/, /OK/],
    [/Reference/, /#\/definitions\/Pet/, /"?type"?: "?object/],
    [/Security requirement/, /Basic/],
    [/\*\*DELETE\*\*/, /Not safe/, /idempotent/, /§9\.3\.5/],
  ],
  oas30: [
    [/OpenAPI 3\.0/, /v3\.0\.3/],
    [/Server URL: HTTPS/, /v3\.0\.3#server-object/],
    [/Server URL: HTTP\b/, /unencrypted/],
    [/Server URL: relative/],
    [/\*\*POST\*\*/, /Not safe/, /not idempotent/, /creates a member/],
    [/multipart/, /RFC 7578/, /v3\.0\.3#media-type-object/],
    [/Response 201/, /Created/],
    [/\*\*PUT\*\*/, /idempotent/, /§9\.3\.4/],
    [/event-stream/, /Server-Sent Events/, /itemSchema.*3\.2/],
    [/not an operation in OpenAPI 3\.0/],
    [/Reference/, /#\/components\/parameters\/Id/, /"?name"?: "?id/],
    [/Security scheme/, /Bearer/, /RFC 6750/],
    [/not a field/, /OpenAPI 3\.1, OpenAPI 3\.2/],
  ],
  oas31: [
    [/OpenAPI 3\.1/, /JSON Schema 2020-12/, /v3\.1\.\d/],
    [/jsonSchemaDialect/, /draft\/2020-12/],
    [/Server URL: WSS/, /WebSocket/],
    [/\*\*GET\*\*/, /Safe/],
    [/jsonl/, /JSON Lines/, /itemSchema.*3\.2/],
    [/Reference/, /#\/components\/schemas\/Event/, /Schema Object, `\$ref` is a JSON Schema keyword/],
    [/webhooks/, /consumer/],
    [/Webhook/, /newEvent/],
    [/\*\*POST\*\*/, /webhook/],
    [/Mutual TLS/, /certificate/],
  ],
  oas32: [
    [/OpenAPI 3\.2/, /query/, /v3\.2\.0/],
    [/\$self/, /URI of this document/],
    [/parent/, /nested/, /v3\.2\.0#tag-object/],
    [/kind/, /nav/],
    [/\*\*QUERY\*\*/, /Safe/, /idempotent/, /safe-method-w-body/],
    [/jsonl/, /describe each item with `itemSchema`/],
    [/itemSchema/, /EACH item/],
    [/additionalOperations/, /LINK|PROPFIND/],
    [/\*\*LINK\*\*/, /extension method/],
    [/OAuth 2\.0/, /clientCredentials/, /Bearer/],
    [/OAuth Flows Object/, /machine-to-machine/, /RFC 6749/],
  ],
};

for (const version of Object.keys(EXPECT)) {
  for (const ext of ['yaml', 'json']) {
    test(`hover ${version} (${ext})`, () => {
      const rel = `openapi/hover/${version}.${ext}`;
      const { text, cursors } = withCursors(readFixture(rel));
      const file = path.join(FIXTURES, rel);
      const { service: svc, uri } = openFixture(file, text);
      const expected = EXPECT[version];
      assert.equal(cursors.length, expected.length, 'one expectation per cursor');
      cursors.forEach((c, i) => {
        const h = svc.hover(uri, c);
        assert.ok(h, `no hover at cursor ${i + 1} (${c.line + 1}:${c.character + 1})`);
        // Compare against the text as rendered (Markdown escapes removed).
        const plain = h.markdown.replace(/\\(.)/g, '$1');
        for (const re of [expected[i]].flat()) assert.match(plain, re, `cursor ${i + 1} (${c.line + 1}:${c.character + 1})`);
      });
    });
  }
}

test('document text in hovers is escaped', () => {
  const svc = new LanguageService();
  const text = 'openapi: 3.1.0\ninfo:\n  title: x\n  version: "1"\npaths:\n  /a:\n    get:\n      operationId: "<img src=x onerror=alert(1)>"\n      summary: "**bold** <script>"\n';
  const uri = 'file:///tmp/escape.yaml';
  svc.open(uri, text, 1);
  const h = svc.hover(uri, { line: 6, character: 5 });
  assert.ok(h);
  // Raw HTML only inside code spans (rendered literally), never as markup.
  assert.doesNotMatch(h.markdown.replace(/`[^`]*`/g, ''), /<script>|<img/);
  assert.doesNotMatch(h.markdown, /(?<!\\)\*\*bold\*\*/);
});
