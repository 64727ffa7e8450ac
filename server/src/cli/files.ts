/** Expands CLI arguments (files and folders) into the candidate documents API Lens may understand. */
import * as fs from 'fs';
import * as path from 'path';

const EXTENSIONS = /\.(wsdl|xml|xsd|ya?ml|json)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export function expandPaths(args: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (!SKIP_DIRS.has(e.name)) walk(p); }
      else if (e.isFile() && EXTENSIONS.test(e.name)) files.push(p);
    }
  };
  for (const a of args) {
    let st: fs.Stats;
    try { st = fs.statSync(a); } catch { missing.push(a); continue; }
    if (st.isDirectory()) walk(a); else files.push(a);
  }
  return { files, missing };
}
