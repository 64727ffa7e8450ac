/**
 * Where the language service reads documents from: open editors first, then the disk inside the
 * workspace roots. Never the network, and never writes. The CLI gives it the folders it checks.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';

export interface OpenDocument { uri: string; text: string; version: number }

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

export class Workspace {
  private readonly open = new Map<string, OpenDocument>();
  private roots: string[] = [];
  private readonly diskCache = new Map<string, { mtimeMs: number; size: number; text: string }>();
  maxFileBytes = DEFAULT_MAX_FILE_BYTES;
  /**
   * False in an untrusted workspace (VS Code workspace trust): only the editor's open documents are read,
   * nothing from disk (imports and $refs to other files stay unresolved, and say so).
   */
  trusted = true;

  setRoots(rootUris: string[]): void {
    this.roots = [];
    for (const u of rootUris) {
      const p = u.startsWith('file:') ? toPath(u) : path.resolve(u);
      // Both spellings: the one URIs use, and the real one symbolic links resolve to.
      if (p) for (const r of new Set([p, realOrResolved(p)])) this.roots.push(r);
    }
  }
  getRoots(): string[] { return this.roots.slice(); }

  setOpen(doc: OpenDocument): void { this.open.set(doc.uri, doc); }
  close(uri: string): void { this.open.delete(uri); }
  getOpen(uri: string): OpenDocument | undefined { return this.open.get(uri); }
  openUris(): string[] { return [...this.open.keys()]; }

  /** True when the URI may be read from disk: a file: URI inside a root (or any file when no roots are set). */
  mayRead(uri: string): boolean {
    if (!this.trusted || typeof uri !== 'string' || !uri.startsWith('file:')) return false;
    const p = toPath(uri); // a malformed file: URI (bad %-escape, a host) is simply not readable
    return p !== undefined && this.insideRoots(p);
  }

  private insideRoots(p: string): boolean {
    if (this.roots.length === 0) return true;
    return this.roots.some((r) => p === r || p.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  }

  /** Text of a document: the open editor's, else the file's within the workspace; undefined otherwise. */
  read(uri: string): { text: string; version: number } | undefined {
    const o = this.open.get(uri);
    if (o) return { text: o.text, version: o.version };
    if (!this.mayRead(uri)) return undefined;
    try {
      const file = fileURLToPath(uri);
      const st = fs.statSync(file);
      if (!st.isFile() || st.size > this.maxFileBytes) return undefined;
      const cached = this.diskCache.get(uri);
      if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) return { text: cached.text, version: -Math.floor(st.mtimeMs) };
      // A symbolic link inside the workspace must not lead the reader outside it (checked when the file is read).
      if (!this.insideRoots(fs.realpathSync(file))) return undefined;
      const text = decodeText(fs.readFileSync(file));
      this.diskCache.set(uri, { mtimeMs: st.mtimeMs, size: st.size, text });
      return { text, version: -Math.floor(st.mtimeMs) };
    } catch {
      return undefined;
    }
  }
}

function toPath(uri: string): string | undefined {
  try { return path.resolve(fileURLToPath(uri)); } catch { return undefined; }
}

function realOrResolved(p: string): string {
  try { return fs.realpathSync(p); } catch { return path.resolve(p); }
}

/** Decodes file bytes as UTF-8 (or UTF-16 with a BOM); a UTF-8 BOM is dropped. */
export function decodeText(buf: Buffer): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    // swap16 throws on an odd length (a truncated file): the dangling byte is dropped, as utf16le does.
    const swapped = Buffer.from(buf.subarray(2, buf.length - (buf.length % 2)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  return buf.toString('utf8');
}

/** Resolves a reference (relative path or URI) against the URI of the document it appears in. */
export function resolveReference(baseUri: string, ref: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(ref) && !/^[a-zA-Z]:[\\/]/.test(ref)) return ref;
  return new URL(ref.replace(/\\/g, '/'), baseUri).toString();
}

export function isRemote(uri: string): boolean { return /^(https?|ftp):/i.test(uri); }

export function fileUri(p: string): string { return pathToFileURL(path.resolve(p)).toString(); }
