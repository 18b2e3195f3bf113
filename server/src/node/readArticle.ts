// Reading article files from disk: the one place that decodes bytes. Binary files are refused with
// a reason; UTF-8 (with or without BOM), UTF-16 with BOM and Windows-1252 text are decoded. Only
// the first MAX_ARTICLE_CHARS characters are kept (see workspace/articleLimit.ts).
import { closeSync, fstatSync, openSync, promises as fs, readSync } from 'node:fs';
import * as path from 'node:path';
import { clipArticle, MAX_ARTICLE_CHARS } from '../workspace/articleLimit';

/**
 * Bytes read from one file: enough for MAX_ARTICLE_CHARS characters in any supported encoding
 * (UTF-8 needs at most 3 bytes per UTF-16 character, UTF-16 2, Windows-1252 1), plus a BOM.
 */
export const MAX_ARTICLE_BYTES = MAX_ARTICLE_CHARS * 3 + 4;

export type ReadResult =
  | {
      ok: true;
      /** The text to analyse: the whole file, or its first MAX_ARTICLE_CHARS characters. */
      text: string;
      encoding: string;
      /** Whether the file goes on past `text`. */
      truncated: boolean;
      /** The file's size in bytes. */
      size: number;
      /** The file's modification time (files read from disk). */
      mtimeMs?: number;
      /**
       * The bytes `text` was decoded from, when they are exactly its UTF-8 (a BOM-less UTF-8 file
       * read whole, nothing cut): a hash of the text can be taken of them without encoding it again.
       */
      utf8?: Uint8Array;
    }
  | { ok: false; reason: string; /** The file system's error code, when that is the reason. */ code?: string };

/**
 * Decodes an article's bytes (the first MAX_ARTICLE_BYTES of a file of `size` bytes). Binary
 * content is refused; UTF-8 (BOM or not), UTF-16 with BOM and Windows-1252 are decoded.
 */
export function decodeArticle(bytes: Uint8Array, size = bytes.length): ReadResult {
  let view = bytes.length > MAX_ARTICLE_BYTES ? bytes.subarray(0, MAX_ARTICLE_BYTES) : bytes;
  const cutBytes = view.length < size;
  let decoded: { text: string; encoding: string };
  let utf8: Uint8Array | undefined;
  // A cut may split a character: `stream` leaves an incomplete last sequence undecoded.
  if (view[0] === 0xff && view[1] === 0xfe) decoded = { text: new TextDecoder('utf-16le').decode(view.subarray(2), { stream: cutBytes }), encoding: 'utf-16le' };
  else if (view[0] === 0xfe && view[1] === 0xff) decoded = { text: new TextDecoder('utf-16be').decode(view.subarray(2), { stream: cutBytes }), encoding: 'utf-16be' };
  else {
    const nul = view.indexOf(0);
    if (nul >= 0) return { ok: false, reason: `binary file (NUL byte at offset ${nul})` };
    const bom = view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf;
    if (bom) view = view.subarray(3);
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(view, { stream: cutBytes }), encoding: 'utf-8' };
      // Valid UTF-8 decodes and encodes back byte for byte; the decoder drops a leading BOM (hence none here).
      if (!bom && !cutBytes) utf8 = view;
    } catch {
      decoded = { text: decodeWindows1252(view), encoding: 'windows-1252' };
    }
  }
  if (decoded.encoding !== 'utf-8' && decoded.text.includes('\u0000')) return { ok: false, reason: 'binary file (NUL character)' };
  const clipped = clipArticle(decoded.text);
  const read: ReadResult = { ok: true, text: clipped.text, encoding: decoded.encoding, truncated: clipped.truncated || cutBytes, size };
  if (utf8 && !clipped.truncated) read.utf8 = utf8;
  return read;
}

/** Windows-1252's 0x80–0x9F: curly quotes, dashes, € … (undefined bytes keep their C1 code point). */
const WINDOWS_1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Decodes Windows-1252 by hand: Node's TextDecoder may treat the label as Latin-1 (without full
 * ICU), which would turn curly quotes into control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(b - 0x80) : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Reads and decodes one article file, reading no more than MAX_ARTICLE_BYTES of it. */
export async function readArticle(file: string): Promise<ReadResult> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, reason: 'not a file' };
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_ARTICLE_BYTES));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return decodeRead(buffer, filled, stat);
  } catch (err) {
    return failedRead(err);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * `readArticle` without waiting: for a request that needs the full analysis of an article nobody
 * has open (the server keeps only a summary of those), answered in the same turn.
 */
export function readArticleSync(file: string): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not a file' };
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_ARTICLE_BYTES));
    let filled = 0;
    while (filled < buffer.length) {
      const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return decodeRead(buffer, filled, stat);
  } catch (err) {
    return failedRead(err);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The bytes read of a file (it may have grown since its stat), decoded, with its modification time. */
function decodeRead(buffer: Buffer, filled: number, stat: { size: number; mtimeMs: number }): ReadResult {
  const read = decodeArticle(buffer.subarray(0, filled), Math.max(stat.size, filled));
  return read.ok ? { ...read, mtimeMs: stat.mtimeMs } : read;
}

function failedRead(err: unknown): ReadResult {
  const code = (err as NodeJS.ErrnoException).code;
  return { ok: false, reason: code ?? String(err), code };
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
