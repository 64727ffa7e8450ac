/** The hover on an operation's head names its design style, with the reason; elsewhere it adds nothing. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { LanguageService } from '../../../server/src/service/languageService';
import { withCursors } from '../../support/fixtures';

const DOC = `openapi: 3.0.3
info: { title: Orders, version: '1.0' }
paths:
  /orders:
    g¦et:
      responses: { '200': { description: ok } }
    post:
      responses: { '201': { description: created } }
  /orders/{id}/getInvoice:
    g¦et:
      operationId: getInvoice
      resp¦onses: { '200': { description: ok } }
`;

test('operation head hovers carry the operation style; other keys do not', () => {
  const { text, cursors } = withCursors(DOC);
  const service = new LanguageService();
  const uri = 'file:///tmp/op-hover/orders.yaml';
  service.open(uri, text, 1);
  const rest = service.hover(uri, cursors[0])?.markdown ?? '';
  assert.match(rest, /\*\*Design style of `GET \/orders`: REST\*\*/);
  const rpc = service.hover(uri, cursors[1])?.markdown ?? '';
  assert.match(rpc, /\*\*Design style of `getInvoice`: RPC over HTTP\*\* \*\(likely\)\*/);
  const plain = rpc.replace(/\\(.)/g, '$1'); // Markdown escapes off
  assert.match(plain, /"getInvoice" names an action \(get\)/);
  assert.match(plain, /The document as a whole: REST \(level 2\)/);
  assert.doesNotMatch(service.hover(uri, cursors[2])?.markdown ?? '', /Design style of/);
});
