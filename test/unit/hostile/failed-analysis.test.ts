/**
 * When a dialect throws while analysing, the user gets one lens-internal-error diagnostic and one log line;
 * hover, symbols and the rest answer empty without failing (and logging) again, and a document that
 * references the failed one is still analysed.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { LanguageService } from '../../../server/src/service/languageService';
import { Workspace } from '../../../server/src/service/workspace';
import { openApiDialect } from '../../../server/src/openapi/dialect';
import { OAS_YAML } from './cases';

test('a dialect that throws: one internal-error finding, one log line, empty features, dependents unharmed', () => {
  const original = openApiDialect.analyse;
  const logs: string[] = [];
  const broken = 'file:///w/broken.yaml';
  const user = 'file:///w/user.yaml';
  try {
    openApiDialect.analyse = function (this: unknown, source, ...rest) {
      if (source.uri === broken) throw new Error('injected failure');
      return original.call(this, source, ...rest);
    } as typeof original;
    const workspace = new Workspace();
    workspace.setRoots(['file:///w']);
    const s = new LanguageService({ workspace, log: (m) => logs.push(m) });
    s.open(broken, `${OAS_YAML}paths: {}\ncomponents:\n  schemas:\n    A: {type: string}\n`, 1);
    s.open(user, `${OAS_YAML}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: './broken.yaml#/components/schemas/A'}\n`, 1);
    assert.deepEqual(s.diagnostics(broken).map((d) => d.code), ['lens-internal-error']);
    assert.equal(logs.length, 1, logs.join('\n'));
    assert.equal(s.hover(broken, { line: 0, character: 1 }), null);
    assert.deepEqual(s.symbols(broken), []);
    assert.deepEqual(s.folding(broken), []);
    assert.deepEqual(s.definition(broken, { line: 6, character: 6 }), []);
    assert.deepEqual(s.completion(broken, { line: 6, character: 6 }), []);
    assert.equal(s.describe(broken), null);
    assert.equal(logs.length, 1, `features failed again on the model-less document:\n${logs.slice(1).join('\n')}`);
    const userDiags = s.diagnostics(user);
    assert.ok(!userDiags.some((d) => d.code === 'lens-internal-error'), JSON.stringify(userDiags));
    assert.ok(s.hover(user, { line: 0, character: 1 }));
    assert.equal(logs.length, 1, `the referencing document failed:\n${logs.slice(1).join('\n')}`);
  } finally {
    openApiDialect.analyse = original;
  }
});
