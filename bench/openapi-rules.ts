/**
 * Times the OpenAPI rule set (structure check and each rule family) on given documents, several runs in one
 * process: run 1 includes JIT warm-up, later runs are steady state. CPU time is printed next to wall time
 * because the shared CI machine is often loaded. Usage (after `npx tsc -p .`):
 *   node out/bench/openapi-rules.js ../shared/corpus/large/octokit-openapi/cache/api.github.com.json [runs]
 */
import * as fs from 'fs';
import { LineIndex } from '../server/src/core/text';
import { detectKind } from '../server/src/service/detect';
import { Workspace, fileUri } from '../server/src/service/workspace';
import { buildModel } from '../server/src/openapi/build';
import { parseAny } from '../server/src/openapi/refs';
import { runOpenApiRules } from '../server/src/openapi/rules/index';
import { checkStructure } from '../server/src/openapi/rules/structure';
import { specUrl } from '../server/src/openapi/model';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 4);
for (const file of args.filter((a) => !/^\d+$/.test(a))) {
  const text = fs.readFileSync(file, 'utf8');
  const uri = fileUri(file);
  const kind = detectKind(text, uri);
  if (!kind || kind.kind === 'wsdl11' || kind.kind === 'wsdl20') { console.log(`${file}: not an OpenAPI document`); continue; }
  console.log(`${file} (${(text.length / 1e6).toFixed(1)} MB, ${kind.kind})`);
  for (let i = 1; i <= runs; i++) {
    const doc = parseAny(text, uri);
    const { model } = buildModel({ uri, text, version: i, lines: new LineIndex(text), kind }, doc, { workspace: new Workspace(), analyseOther: () => undefined });
    let c = process.cpuUsage(); let t = performance.now();
    const issues = model.root ? checkStructure(model.root, { kind: model.kind, specUrl: specUrl(model.kind, model.version) }).length : 0;
    const structure = `structure ${(performance.now() - t).toFixed(0)} ms (cpu ${(cpuMs(c)).toFixed(0)}), ${issues} issues`;
    const families: string[] = [];
    c = process.cpuUsage(); t = performance.now();
    const findings = runOpenApiRules(model, { onTiming: (name, ms) => families.push(`${name} ${ms.toFixed(0)}`) });
    console.log(`  run ${i}: ${structure}; all rules ${(performance.now() - t).toFixed(0)} ms (cpu ${cpuMs(c).toFixed(0)}), ${findings.length} findings [${families.join(', ')}]`);
  }
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}
