// Reading article files from disk: the one place that decodes bytes. Binary files are refused with
// a reason; UTF-8 (with or without BOM), UTF-16 with BOM and Windows-1252 text are decoded.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Articles larger than this are analysed up to the limit only (a notice says so). */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

export type ReadResult =
  | { ok: true; text: string; encoding: string; truncated: boolean; size: number }
  | { ok: false; reason: string };

export function decodeArticle(bytes: Uint8Array): ReadResult {
  const size = bytes.length;
  let view = bytes;
  let truncated = false;
  if (view.length > MAX_ARTICLE_BYTES) {
    view = view.subarray(0, MAX_ARTICLE_BYTES);
    truncated = true;
  }
  if (view[0] === 0xff && view[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(view.subarray(2)), encoding: 'utf-16le', truncated, size };
  if (view[0] === 0xfe && view[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(view.subarray(2)), encoding: 'utf-16be', truncated, size };
  const probe = view.subarray(0, Math.min(view.length, 64 * 1024));
  if (probe.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  const hasBom = view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf;
  const body = hasBom ? view.subarray(3) : view;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', truncated, size };
  } catch {
    if (truncated) {
      // The cut may have split a character: decode leniently.
      return { ok: true, text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', truncated, size };
    }
    return { ok: true, text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252', truncated, size };
  }
}

export async function readArticle(file: string): Promise<ReadResult> {
  try {
    return decodeArticle(await fs.readFile(file));
  } catch (err) {
    return { ok: false, reason: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
}

export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist']);

/** Every article file under the given paths (files named directly are always taken). */
export async function collectArticleFiles(paths: readonly string[], onProblem: (file: string, reason: string) => void): Promise<string[]> {
  const files: string[] = [];
  const walk = async (p: string, explicit: boolean): Promise<void> => {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (err) {
      onProblem(p, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(err));
      return;
    }
    if (stat.isDirectory()) {
      if (!explicit && SKIPPED_DIRS.has(path.basename(p))) return;
      const names = (await fs.readdir(p)).sort();
      for (const name of names) await walk(path.join(p, name), false);
    } else if (stat.isFile() && (explicit || ARTICLE_EXTENSIONS.has(path.extname(p).toLowerCase()))) {
      files.push(p);
    }
  };
  for (const p of paths) await walk(p, true);
  return files;
}
