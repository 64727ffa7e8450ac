// Runs the extension-host suite (e2e/exthost/suite.js) in a desktop VS Code through @vscode/test-electron.
// No VS Code can be downloaded on our CI machines, so this runs only when API_LENS_VSCODE_EXECUTABLE names a
// local VS Code executable (e.g. /usr/share/code/code, or ".../Visual Studio Code.app/Contents/MacOS/Electron");
// without it, it says so and exits 0 (run.sh reports a SKIP).
import { runTests } from '@vscode/test-electron';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const exe = process.env.API_LENS_VSCODE_EXECUTABLE;
if (!exe) {
  console.log('SKIP: [test-electron] no VS Code available: set API_LENS_VSCODE_EXECUTABLE to a local VS Code executable to run the extension-host suite in desktop VS Code');
  process.exit(0);
}
if (!fs.existsSync(exe)) { console.error(`FAIL: [test-electron] API_LENS_VSCODE_EXECUTABLE=${exe} does not exist`); process.exit(1); }
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'api-lens-vscode-'));
// the suite appends a PASS/FAIL/SKIP line per test here; none at all means it never ran
const results = process.env.API_LENS_E2E_RESULTS || path.join(userData, 'results.txt');
const count = () => (fs.existsSync(results) ? fs.readFileSync(results, 'utf8').split('\n').filter(Boolean).length : 0);
const linesBefore = count();
try {
  await runTests({
    vscodeExecutablePath: exe,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'e2e', 'exthost', 'suite.js'),
    extensionTestsEnv: { API_LENS_E2E_RESULTS: results },
    launchArgs: [path.join(ROOT, 'test-fixtures'), '--disable-extensions', '--disable-workspace-trust',
      '--skip-welcome', '--skip-release-notes', '--user-data-dir', path.join(userData, 'data'),
      '--extensions-dir', path.join(userData, 'exts')],
  });
  const reported = count() - linesBefore;
  if (reported <= 0) throw new Error(`VS Code exited 0 but the suite reported no test (${exe} ran no extensionTestsPath?)`);
  console.log(`test-electron: extension-host suite passed (${reported} results)`);
} catch (e) {
  console.error(`FAIL: [test-electron] ${e?.message ?? e}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(userData, { recursive: true, force: true });
}
