/**
 * WSDL rules beyond the generic fixture runner: quick fixes through LanguageService.codeActions (each one
 * applied, re-analysed, and the finding gone without new damage), severity grading, profile selection per
 * binding, and user severity overrides.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../../server/src/service/languageService';
import { Workspace, fileUri } from '../../server/src/service/workspace';
import { LineIndex } from '../../server/src/core/text';
import { normaliseSettings } from '../../server/src/rules/settings';
import type { CodeActionResult, LensDiagnostic } from '../../server/src/core/types';
import { FIXTURES, withCursors } from '../support/fixtures';

const RULES = path.join(FIXTURES, 'rules');

function load(code: string, file: string, settings?: unknown) {
  const p = path.join(RULES, code, file);
  const { text } = withCursors(fs.readFileSync(p, 'utf8'));
  const workspace = new Workspace();
  workspace.setRoots([fileUri(path.dirname(p))]);
  const service = new LanguageService({ workspace, settings: settings ? normaliseSettings(settings) : undefined });
  const uri = fileUri(p);
  service.open(uri, text, 1);
  return { service, uri, text, diags: service.diagnostics(uri) };
}

function apply(text: string, action: CodeActionResult): string {
  const lines = new LineIndex(text);
  const edits = action.edits.flatMap((e) => e.edits)
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const errorsOf = (d: LensDiagnostic[]) => d.filter((x) => x.severity === 'error').map((x) => `${x.code}: ${x.message}`);

/** code, bad fixture, expected fragment of the fix title, expected fragment of the fixed text. */
const FIXABLE: [string, string, RegExp, string][] = [
  ['wsdl-soap-action-missing', 'bad.wsdl', /Add soapAction=/, '<soap:operation soapAction="http://example.com/weather/GetForecast"/>'],
  ['wsdl-soap-action-mismatch', 'bad.wsdl', /Set soapAction/, 'soapAction="http://example.com/weather/WeatherPortType/GetForecastRequest"'],
  ['wsdl-old-schema-namespace', 'bad.wsdl', /2001\/XMLSchema/, 'xmlns:xsd="http://www.w3.org/2001/XMLSchema"'],
  ['wsdl-http-method-invalid', 'bad-case.wsdl', /'GET'/, 'whttp:method="GET"'],
  ['wsdl-unknown-mep', 'bad-draft.wsdl', /ns\/wsdl\/in-out/, 'pattern="http://www.w3.org/ns/wsdl/in-out"'],
  ['wsdl-draft-namespace', 'bad.wsdl', /Recommendation namespace/, '<wsdl:description xmlns:wsdl="http://www.w3.org/ns/wsdl"\n    xmlns:wsoap="http://www.w3.org/ns/wsdl/soap"'],
  ['wsi-r2701-transport-missing', 'bad.wsdl', /transport=/, '<soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>'],
  ['wsi-r2706-literal-only', 'bad.wsdl', /literal.*schema must/, '<soap:body use="literal" namespace="urn:example:quotes"/>'],
  ['wsi-r2706-literal-only', 'bad-soap12.wsdl', /literal.*schema must/, '<soap12:body use="literal"/>'],
  ['wsi-r2716-document-no-namespace', 'bad.wsdl', /Remove the namespace/, '<soap:body use="literal"/>'],
  ['wsi-r2717-rpc-body-namespace', 'bad.wsdl', /namespace="urn:example:quotes"/, '<soap:body namespace="urn:example:quotes" use="literal"/>'],
  ['wsi-r2718-binding-operations-match', 'bad.wsdl', /skeleton for 'GetAlerts'/, '<wsdl:operation name="GetAlerts">\n      <soap:operation soapAction="http://example.com/weather/GetAlerts"/>\n      <wsdl:input>\n        <soap:body use="literal"/>\n      </wsdl:input>'],
  ['wsi-r2749-header-no-parts', 'bad.wsdl', /Write part="session"/, '<soap:header message="tns:SessionHeader" part="session" use="literal"/>'],
  ['wsi-r2720-header-part', 'bad.wsdl', /Add part="session"/, '<soap:header part="session" message="tns:SessionHeader" use="literal"/>'],
  ['wsi-r2721-fault-name', 'bad.wsdl', /name="UnknownCity"/, '<soap:fault name="UnknownCity" use="literal"/>'],
  ['wsi-r2723-fault-literal', 'bad.wsdl', /literal/, '<soap:fault name="UnknownCity" use="literal"/>'],
  ['wsi-r2726-rpc-no-header-namespace', 'bad.wsdl', /Remove the namespace/, '<soap:header message="tns:SessionHeader" part="session" use="literal"/>'],
  ['wsi-r2754-fault-name-match', 'bad.wsdl', /Rename to 'UnknownCity'/, '<soap:fault name="UnknownCity" use="literal"/>'],
  ['wsdl-soap-binding-missing', 'bad.wsdl', /Add <soap:binding style="document"/, '<wsdl:binding name="WeatherBinding" type="tns:WeatherPortType">\n    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>\n    <wsdl:operation name="GetForecast">'],
  ['wsi-r2005-import-namespace-match', 'bad.wsdl', /namespace="http:\/\/example\.com\/other"/, '<wsdl:import namespace="http://example.com/other" location="other.wsdl"/>'],
  ['wsi-r2102-schema-import-missing', 'bad.wsdl', /xsd:import namespace/, '        xmlns:w="http://example.com/weather">\n      <xsd:import namespace="http://example.com/weather"/>\n      <xsd:element name="AlertDigest">'],
  ['wsi-r4005-no-xml-prefix-declaration', 'bad.wsdl', /Remove the xmlns:xml/, 'xmlns:tns="http://example.com/weather">'],
  ['wsdl-schema-import-namespace', 'bad.wsdl', /namespace="http:\/\/example\.com\/weather\/types"/, '<xsd:import namespace="http://example.com/weather/types" schemaLocation="types.xsd"/>'],
  ['wsdl-unresolved-reference', 'bad-message.wsdl', /Change to 'tns:GetAlertsRequest'/, '<wsdl:input message="tns:GetAlertsRequest"/>'],
  ['wsdl-unresolved-reference', 'bad-namespace.wsdl', /Change to 'tns:WeatherBinding'/, 'binding="tns:WeatherBinding"'],
  ['wsdl-unresolved-schema-reference', 'bad-part.wsdl', /Change to 'tns:GetAlerts'/, '<wsdl:part name="parameters" element="tns:GetAlerts"/>'],
  ['wsdl-unknown-attribute', 'bad.wsdl', /Rename to 'message'/, '<wsdl:input message="tns:GetAlertsRequest"/>'],
  ['wsdl-unknown-attribute', 'bad-unqualified.wsdl', /Remove the attribute 'test'/, '<wsdl:part name="parameters" element="tns:GetForecast"/>'],
];

for (const [code, file, title, expected] of FIXABLE) {
  test(`quick fix for ${code} (${file}) removes the finding and keeps the document sound`, () => {
    const { service, uri, text, diags } = load(code, file);
    const target = diags.filter((d) => d.code === code);
    assert.ok(target.length > 0, `${code} fires on ${file}`);
    const actions = service.codeActions(uri, [target[0]]);
    assert.equal(actions.length, 1, `one fix for ${code}: ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(actions[0].title, title);
    assert.deepEqual(actions[0].diagnosticCodes, [code]);
    const fixed = apply(text, actions[0]);
    assert.ok(fixed.includes(expected), `fixed text contains ${expected}\n---\n${fixed}`);
    service.change(uri, fixed, 2);
    const after = service.diagnostics(uri);
    assert.equal(after.filter((d) => d.code === code).length, target.length - 1, `${code} fixed once`);
    const before = new Set(errorsOf(diags));
    assert.deepEqual(errorsOf(after).filter((e) => !before.has(e)), [], 'the fix adds no error');
  });
}

test('the R2718 skeleton is indented like its siblings and binds the operation completely', () => {
  const { service, uri, text, diags } = load('wsi-r2718-binding-operations-match', 'bad.wsdl');
  const fixed = apply(text, service.codeActions(uri, diags.filter((d) => d.code === 'wsi-r2718-binding-operations-match'))[0]);
  assert.match(fixed, /\n {4}<wsdl:operation name="GetAlerts">\n {6}<soap:operation [^\n]*\n {6}<wsdl:input>\n {8}<soap:body use="literal"\/>\n {6}<\/wsdl:input>\n {6}<wsdl:output>\n {8}<soap:body use="literal"\/>\n {6}<\/wsdl:output>\n {4}<\/wsdl:operation>\n {2}<\/wsdl:binding>/);
  service.change(uri, fixed, 2);
  assert.deepEqual(service.diagnostics(uri).map((d) => d.code), []);
});

test('a quick fix is computed from the current analysis, not from stale diagnostic data', () => {
  const { service, uri, diags } = load('wsi-r2754-fault-name-match', 'bad.wsdl');
  const d = diags.find((x) => x.code === 'wsi-r2754-fault-name-match')!;
  const forged = { ...d, data: { fix: [{ title: 'forged', edits: [{ start: 0, end: 10, newText: 'x' }] }] } };
  const actions = service.codeActions(uri, [forged]);
  assert.deepEqual(actions.map((a) => a.title), ["Rename to 'UnknownCity'"]);
});

test('diagnostics without a fix get no code action', () => {
  const { service, uri, diags } = load('wsdl-unresolved-reference', 'bad-prefix.wsdl');
  assert.ok(diags.some((d) => d.code === 'wsdl-unresolved-reference'));
  assert.deepEqual(service.codeActions(uri, diags), []);
});

test('a missing soapAction is information, and a warning when the operations share a body element', () => {
  const sev = (file: string) => load('wsdl-soap-action-missing', file).diags.filter((d) => d.code === 'wsdl-soap-action-missing').map((d) => d.severity);
  assert.deepEqual(sev('bad.wsdl'), ['information']);
  assert.deepEqual(sev('bad-same-body.wsdl'), ['warning']);
  assert.deepEqual(sev('bad-soap12.wsdl'), ['warning']);
});

test('each SOAP binding is judged by its own profile: SOAP 1.2 by Basic Profile 2.0, never by R2401', () => {
  const d12 = load('wsi-r2706-literal-only', 'bad-soap12.wsdl').diags.find((d) => d.code === 'wsi-r2706-literal-only')!;
  assert.match(d12.message, /Basic Profile 2\.0 R2706/);
  const d11 = load('wsi-r2706-literal-only', 'bad.wsdl').diags.find((d) => d.code === 'wsi-r2706-literal-only')!;
  assert.match(d11.message, /Basic Profile 1\.1 R2706/);
  assert.deepEqual(load('wsi-r2401-soap-binding', 'good-soap12.wsdl').diags.map((d) => d.code), []);
  assert.equal(load('wsi-r2401-soap-binding', 'bad.wsdl').diags.find((d) => d.code === 'wsi-r2401-soap-binding')?.severity, 'information');
});

test('unresolved references say what was looked for, where, and what exists', () => {
  const m = load('wsdl-unresolved-reference', 'bad-namespace.wsdl').diags.find((d) => d.code === 'wsdl-unresolved-reference')!;
  assert.match(m.message, /No binding named 'WeatherBinding' in namespace 'http:\/\/example\.com\/Weather'/);
  assert.match(m.message, /exists in namespace 'http:\/\/example\.com\/weather'/);
  assert.equal(m.severity, 'error');
  const s = load('wsdl-unresolved-schema-reference', 'bad-imported.wsdl').diags.find((d) => d.code === 'wsdl-unresolved-schema-reference')!;
  assert.match(s.message, /No global element named 'Stationn' in namespace 'http:\/\/example\.com\/weather\/types'.*Did you mean 'Station'\?/);
  assert.ok(s.codeDescription === undefined || s.codeDescription.href.endsWith('wsdl-unresolved-schema-reference.md'));
});

test('plain http endpoints are warnings, loopback ones information, https nothing', () => {
  const { text } = withCursors(fs.readFileSync(path.join(RULES, 'wsdl-endpoint-not-https', 'bad.wsdl'), 'utf8'));
  const service = new LanguageService({ workspace: new Workspace() });
  const uri = 'file:///tmp/api-lens-test/endpoint.wsdl';
  service.open(uri, text, 1);
  assert.deepEqual(service.diagnostics(uri).filter((d) => d.code === 'wsdl-endpoint-not-https').map((d) => d.severity), ['warning']);
  service.change(uri, text.replace('http://api.example.com/weather', 'http://localhost:8080/weather'), 2);
  const local = service.diagnostics(uri).filter((d) => d.code === 'wsdl-endpoint-not-https');
  assert.deepEqual(local.map((d) => d.severity), ['information']);
  assert.match(local[0].message, /unencrypted/);
});

test('apiLens.rules overrides a WSDL rule severity or turns it off', () => {
  assert.deepEqual(load('wsi-r2706-literal-only', 'bad.wsdl', { rules: { 'wsi-r2706-literal-only': 'off' } }).diags.filter((d) => d.code === 'wsi-r2706-literal-only'), []);
  const e = load('wsi-r2706-literal-only', 'bad.wsdl', { rules: { 'wsi-r2706-literal-only': 'error' } }).diags.filter((d) => d.code === 'wsi-r2706-literal-only');
  assert.deepEqual(e.map((d) => d.severity), ['error']);
});

test('a mistake repeated thousands of times is reported at most 500 times per code', () => {
  const ops = Array.from({ length: 1200 }, (_, i) => `<wsdl:operation name="op${i}"><wsdl:input message="tns:M"/></wsdl:operation>`).join('');
  const text = `<?xml version="1.0"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:t" targetNamespace="urn:t">
  <wsdl:message name="M"/>
  <wsdl:portType name="P">${ops}</wsdl:portType>
  <wsdl:binding name="B" type="tns:P"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/></wsdl:binding>
</wsdl:definitions>`;
  const service = new LanguageService({ workspace: new Workspace() });
  const uri = 'file:///tmp/api-lens-test/many-ops.wsdl';
  service.open(uri, text, 1);
  const r2718 = service.diagnostics(uri).filter((d) => d.code === 'wsi-r2718-binding-operations-match');
  assert.equal(r2718.length, 500);
  assert.match(r2718[0].message, /operation 'op0'/);
});

test('every quick fix offered on any WSDL rule fixture removes its finding and breaks nothing', () => {
  let applied = 0;
  for (const code of fs.readdirSync(RULES).filter((c) => /^(wsdl|wsi)-/.test(c))) {
    for (const file of fs.readdirSync(path.join(RULES, code)).filter((f) => f.startsWith('bad'))) {
      const { service, uri, text, diags } = load(code, file);
      for (const action of service.codeActions(uri, diags)) {
        const c = action.diagnosticCodes[0];
        service.change(uri, apply(text, action), 2);
        const after = service.diagnostics(uri);
        const where = `${code}/${file}: "${action.title}"`;
        assert.ok(after.filter((d) => d.code === c).length < diags.filter((d) => d.code === c).length, `${where} removes a ${c} finding`);
        const before = new Set(errorsOf(diags));
        assert.deepEqual(errorsOf(after).filter((e) => !before.has(e)), [], `${where} adds no error`);
        service.change(uri, text, 3);
        applied++;
      }
    }
  }
  assert.ok(applied >= 25, `quick fixes exercised: ${applied}`);
});

test('a WSDL 2.0 draft-namespace description is modelled as WSDL 2.0; the fix moves every draft URI to the Recommendation', () => {
  const { service, uri, text, diags } = load('wsdl-draft-namespace', 'bad.wsdl');
  assert.deepEqual(diags.map((d) => d.code), ['wsdl-draft-namespace'], 'one finding, nothing else (no unknown MEP, no unresolved reference)');
  const s = service.describe(uri)!;
  assert.equal(s.kind, 'wsdl20');
  assert.deepEqual(s.operations.map((o) => `${o.name} ${o.soapVersion} ${o.pattern}`), ['greet 1.2 http://www.w3.org/ns/wsdl/in-out']);
  const lines = new LineIndex(text);
  assert.match(service.hover(uri, lines.positionAt(text.indexOf('tns:Greeter"')))?.markdown ?? '', /interface/i);
  assert.ok(service.definition(uri, lines.positionAt(text.indexOf('tns:GreeterSoap'))).length === 1, 'binding= resolves');
  const fixed = apply(text, service.codeActions(uri, diags)[0]);
  assert.ok(!fixed.includes('2006/01'), fixed);
  assert.ok(fixed.includes('pattern="http://www.w3.org/ns/wsdl/in-out"') && fixed.includes('type="http://www.w3.org/ns/wsdl/soap"'));
});
