/**
 * The invariants of ARCHITECTURE.md, checked on the sources: one-way data flow and who may import LSP and vscode.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../support/lspClient';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

interface Import { file: string; spec: string; typeOnly: boolean }

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
    out.push({ file: path.relative(REPO_ROOT, file), spec: m[3], typeOnly: !!m[2] });
  }
  return out;
}

const server = sources(path.join(REPO_ROOT, 'server', 'src')).flatMap(importsOf);
const client = sources(path.join(REPO_ROOT, 'client', 'src')).flatMap(importsOf);

test('only the LSP adapter (server/src/lsp, server.ts) imports vscode-languageserver; the server never imports vscode', () => {
  const bad = server.filter((i) => i.spec.startsWith('vscode-languageserver') && !i.file.startsWith('server/src/lsp/') && i.file !== 'server/src/server.ts');
  assert.deepEqual(bad, []);
  assert.deepEqual(server.filter((i) => i.spec === 'vscode'), []);
});

test('data flows one way: syntax and core know no model, models know no feature adapter', () => {
  const layer = (file: string, spec: string) => path.relative(path.join(REPO_ROOT, 'server', 'src'), path.resolve(REPO_ROOT, path.dirname(file), spec)).split(path.sep)[0];
  const forbidden: Record<string, string[]> = {
    core: ['syntax', 'wsdl', 'openapi', 'analysis', 'service', 'lsp', 'cli', 'rules'],
    syntax: ['wsdl', 'openapi', 'analysis', 'service', 'lsp', 'cli'],
    wsdl: ['lsp', 'cli'], openapi: ['lsp', 'cli'], analysis: ['lsp', 'cli'], service: ['lsp', 'cli'], rules: ['lsp', 'cli'],
  };
  const bad: string[] = [];
  for (const i of server) {
    if (!i.spec.startsWith('.')) continue;
    const from = i.file.split('/')[2];
    const to = layer(i.file, i.spec);
    if (forbidden[from]?.includes(to)) bad.push(`${i.file} imports ${i.spec}`);
  }
  assert.deepEqual(bad, []);
});

test('the client shares only types with the server (its knowledge comes over LSP)', () => {
  const bad = client.filter((i) => i.spec.includes('server/src') && !i.typeOnly);
  assert.deepEqual(bad, []);
});
