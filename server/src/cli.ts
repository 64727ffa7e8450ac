/**
 * `api-lens` command line: the same language service as the server, for CI and terminals.
 *   api-lens check <files or folders...> [--format stylish|json|sarif] [--rule code=severity]...
 *   api-lens describe <file> [--format text|json]
 * Exit codes: 0 no errors, 1 errors found (check) or not an API description (describe), 2 bad usage.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from './service/languageService';
import { Workspace, decodeText, fileUri } from './service/workspace';
import { normaliseSettings } from './rules/settings';
import { expandPaths } from './cli/files';
import { formatJson, formatSarif, formatStylish, type FileDiagnostics } from './cli/formatters';
import { formatSummaryText } from './cli/describeFormat';
import { VERSION } from './core/version';

const USAGE = `Usage:
  api-lens check <files or folders...> [--format stylish|json|sarif] [--rule CODE=SEVERITY]... [--max-file-size-mb N] [--root DIR]...
  api-lens describe <file> [--format text|json] [--root DIR]...
  api-lens --version | --help

check     prints diagnostics for every WSDL / OpenAPI / Swagger document found; exit 1 if any error.
describe  prints what a document is: kind, version, protocols, formats and design styles, with locations.
Severities: error, warning, information, hint, off.
Imports and relative $refs are read from local files (never from the network); --root limits them to
the given folders, as an editor limits them to its workspace.`;

function fail(msg: string): never {
  process.stderr.write(`api-lens: ${msg}\n\n${USAGE}\n`);
  process.exit(2);
}

interface Parsed {
  command: string; positional: string[]; format?: string; rules: Record<string, string>; maxMb?: number;
  /** Folders imports and $refs may be read from; empty: any local file (the user named the documents). */
  roots: string[];
}

function parseArgs(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  const out: Parsed = { command, positional: [], rules: {}, roots: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const take = () => { const v = rest[++i]; if (v === undefined) fail(`${a} needs a value`); return v; };
    if (a === '--format' || a === '-f') out.format = take();
    else if (a.startsWith('--format=')) out.format = a.slice(9);
    else if (a === '--rule') { const [k, v] = take().split('='); if (!k || !v) fail('--rule takes CODE=SEVERITY'); out.rules[k] = v; }
    else if (a === '--root') { const r = take(); if (!fs.existsSync(r) || !fs.statSync(r).isDirectory()) fail(`--root ${r} is not a folder`); out.roots.push(path.resolve(r)); }
    else if (a === '--max-file-size-mb') { out.maxMb = Number(take()); if (!(out.maxMb > 0)) fail('--max-file-size-mb takes a positive number'); }
    else if (a.startsWith('-')) fail(`unknown option ${a}`);
    else out.positional.push(a);
  }
  return out;
}

function makeService(roots: string[], p: Parsed): LanguageService {
  const workspace = new Workspace();
  workspace.setRoots(roots.map((r) => fileUri(r)));
  const settings = normaliseSettings({ rules: p.rules, maxFileSizeMB: p.maxMb });
  return new LanguageService({
    workspace, settings,
    docsDir: path.join(__dirname, '..', 'docs', 'rules'),
    log: (m) => process.stderr.write(`api-lens: ${m}\n`),
  });
}

function readInto(service: LanguageService, file: string): string | undefined {
  const uri = fileUri(file);
  // A document the user named is read whatever its size: the service then refuses one over the limit with a
  // visible lens-file-too-large finding instead of skipping it silently. Imports still go through the
  // workspace, which applies the limit.
  let text: string;
  try { text = decodeText(fs.readFileSync(file)); } catch { return undefined; }
  service.open(uri, text, 1);
  return uri;
}

function check(p: Parsed): number {
  const format = p.format ?? 'stylish';
  if (!['stylish', 'json', 'sarif'].includes(format)) fail(`unknown format ${format} for check`);
  if (!p.positional.length) fail('check needs at least one file or folder');
  const { files, missing } = expandPaths(p.positional);
  for (const m of missing) process.stderr.write(`api-lens: no such file or folder: ${m}\n`);
  if (missing.length && !files.length) return 2;
  const service = makeService(p.roots, p);
  const results: FileDiagnostics[] = [];
  let errors = 0;
  for (const file of files) {
    const uri = readInto(service, file);
    if (!uri) continue;
    const diagnostics = service.diagnostics(uri);
    if (!service.kindOf(uri)) { service.close(uri); continue; }
    errors += diagnostics.filter((d) => d.severity === 'error').length;
    results.push({ file: path.relative(process.cwd(), file) || file, diagnostics });
    service.close(uri);
  }
  const out = format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, VERSION) : formatStylish(results, !!process.stdout.isTTY);
  process.stdout.write(out + '\n');
  return errors > 0 ? 1 : 0;
}

function describe(p: Parsed): number {
  const format = p.format ?? 'text';
  if (!['text', 'json'].includes(format)) fail(`unknown format ${format} for describe`);
  if (p.positional.length !== 1) fail('describe takes exactly one file');
  const file = p.positional[0];
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) { process.stderr.write(`api-lens: no such file: ${file}\n`); return 2; }
  const service = makeService(p.roots, p);
  const uri = readInto(service, file);
  const summary = uri ? service.describe(uri) : null;
  const tooLarge = uri ? service.diagnostics(uri).find((d) => d.code === 'lens-file-too-large') : undefined;
  if (!summary && tooLarge) {
    process.stderr.write(`api-lens: ${file}: ${tooLarge.message}\n`);
    return 1;
  }
  if (!summary) {
    process.stderr.write(`api-lens: ${file} is not a WSDL, Swagger or OpenAPI document that API Lens understands.\n`);
    return 1;
  }
  const rel = path.relative(process.cwd(), file) || file;
  process.stdout.write((format === 'json' ? JSON.stringify({ file: rel, ...summary }, null, 2) : formatSummaryText(rel, summary)) + '\n');
  return 0;
}

function main(argv: string[]): number {
  if (!argv.length || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(USAGE + '\n');
    return argv.length ? 0 : 2;
  }
  if (argv[0] === '--version' || argv[0] === '-v') { process.stdout.write(VERSION + '\n'); return 0; }
  const p = parseArgs(argv);
  if (p.command === 'check') return check(p);
  if (p.command === 'describe') return describe(p);
  return fail(`unknown command ${p.command}`);
}

process.exitCode = main(process.argv.slice(2));
