// The persistent index on disk: one cache file per set of workspace folders in a storage folder
// (the editor's storage for the extension). Written whole to a temporary file and renamed over
// the old one, so a crash leaves the old cache or the new one, never half of one.
import { createHash } from 'crypto';
import { promises as fs, readdirSync, readFileSync, statSync } from 'fs';
import type { FileHandle } from 'fs/promises';
import * as path from 'path';
import { CacheDecoder, encodeCacheParts, type CacheHeader, type CachedArticle, type FileKey } from '../workspace/analysisCache';
import type { PackedIndex } from '../workspace/workspaceModel';

export class IndexStore {
  readonly file: string;
  /** The save under way (or the last one), which the next one waits for. */
  private saving: Promise<void> = Promise.resolve();
  /** Numbers temporary files, so that two saves never share one. */
  private temporaries = 0;

  constructor(directory: string, folders: readonly string[]) {
    const id = createHash('sha1').update([...folders].sort().join('\n')).digest('hex').slice(0, 12);
    this.file = path.join(directory, `attribution-lens-index-${id}.json`);
  }

  /** The cached entries (and the cross-article index kept with them), or why there are none (no cache yet, or one that was discarded). */
  async load(expected: CacheHeader): Promise<{ entries?: Map<string, CachedArticle>; index?: PackedIndex; problem?: string }> {
    let handle: FileHandle;
    try {
      handle = await fs.open(this.file, 'r');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { problem: code === 'ENOENT' ? undefined : `unreadable (${code ?? String(err)})` };
    }
    let entries: Map<string, CachedArticle> | undefined;
    let index: PackedIndex | undefined;
    try {
      ({ entries, index } = (await decodeFile(handle, expected)) ?? {});
    } catch {
      entries = undefined;
    } finally {
      await handle.close();
    }
    if (!entries) {
      // Corrupt, or from another build or other options: not trusted, and not kept around.
      await fs.rm(this.file, { force: true }).catch(() => undefined);
      return { problem: 'discarded (corrupt, or written by another version or with other options)' };
    }
    return { entries, ...(index ? { index } : {}) };
  }

  /**
   * Writes the cache: encoded and written in slices of a few milliseconds with a turn of the
   * event loop between them, so that requests and edits are served while a large cache is
   * written. What is written is `entries` and `index` as they are when this is called (the map is
   * copied; the caller hands over summaries and an index it no longer changes). One save at a
   * time: a save called while another is under way starts when that one is done, and the last
   * to start is the file that stays.
   */
  save(header: CacheHeader, entries: ReadonlyMap<string, CachedArticle>, index?: PackedIndex, sliceMs = SAVE_SLICE_MS): Promise<void> {
    const snapshot = new Map(entries);
    const run = this.saving.then(() => this.write(header, snapshot, index, sliceMs));
    this.saving = run.catch(() => undefined);
    return run;
  }

  private async write(header: CacheHeader, entries: ReadonlyMap<string, CachedArticle>, index: PackedIndex | undefined, sliceMs: number): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.${Date.now()}.${this.temporaries++}.tmp`;
    try {
      // Written in pieces (never the whole cache as one string), the checksum line filled in last.
      const handle = await fs.open(temporary, 'w');
      try {
        const hash = createHash('sha1');
        let position = CHECKSUM_LINE;
        let pending: Uint8Array[] = [];
        let pendingLength = 0;
        const flush = async () => {
          const bytes = Buffer.concat(pending);
          hash.update(bytes);
          await handle.write(bytes, 0, bytes.length, position);
          position += bytes.length;
          pending = [];
          pendingLength = 0;
        };
        let sliceStart = performance.now();
        for (const part of encodeCacheParts(header, entries, index)) {
          // ASCII (\u escapes; packed summaries already are), so that a line reads back as one-byte text, quick to parse.
          const bytes = typeof part === 'string' ? Buffer.from(part.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), 'latin1') : part;
          pending.push(bytes);
          pendingLength += bytes.length;
          if (pendingLength > FLUSH_BYTES) await flush();
          else if (performance.now() - sliceStart < sliceMs) continue;
          else await nextTurn();
          sliceStart = performance.now();
        }
        await flush();
        const line = Buffer.from(hash.digest('hex') + '\n', 'latin1');
        await handle.write(line, 0, line.length, 0);
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, this.file);
    } finally {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}

/** Milliseconds of encoding a save does before it lets other work in. */
const SAVE_SLICE_MS = 4;
/** Bytes encoded before they are hashed and written (a copy and a hash of this size stay well within a slice). */
const FLUSH_BYTES = 256 << 10;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Bytes read at a time: the whole file (38 MB for 10,000 articles) is never held at once. */
const CHUNK = 1 << 20;
const TAB = 9;
/** Size of the blocks that hold packed summaries read back (each article's bytes lie in one). */
const BLOCK = 256 << 10;
const NEWLINE = 10;

/**
 * The entries of a cache file, decoded line by line as it is read in chunks, or undefined. The
 * first line is the checksum of the rest: a truncated or altered file is caught at the end, and
 * what was decoded so far is then dropped. An article's packed people and statements (what follows
 * the tab on its line) are copied out as bytes and never become a string until read.
 */
async function decodeFile(handle: FileHandle, expected: CacheHeader): Promise<{ entries: Map<string, CachedArticle>; index?: PackedIndex } | undefined> {
  const head = Buffer.alloc(CHECKSUM_LINE);
  const { bytesRead } = await handle.read(head, 0, CHECKSUM_LINE, 0);
  if (bytesRead !== CHECKSUM_LINE || head[CHECKSUM_LINE - 1] !== NEWLINE) return undefined;
  const hash = createHash('sha1');
  const decoder = new CacheDecoder(expected);
  // Packed parts are copied into shared blocks (one allocation per block, not per article).
  let block = new ArrayBuffer(0);
  let used = 0;
  const copyOut = (bytes: Buffer, start: number, end: number): Uint8Array => {
    const length = end - start;
    if (used + length > block.byteLength) {
      block = new ArrayBuffer(Math.max(BLOCK, length));
      used = 0;
    }
    const out = new Uint8Array(block, used, length);
    out.set(bytes.subarray(start, end));
    used += length;
    return out;
  };
  // The file is ASCII (see `save`): latin1 is its text.
  const decodeLine = (bytes: Buffer, start: number, end: number): boolean => {
    const tab = bytes.indexOf(TAB, start);
    if (tab < 0 || tab >= end) return decoder.line(bytes.toString('latin1', start, end));
    return decoder.line(bytes.toString('latin1', start, tab), copyOut(bytes, tab + 1, end));
  };
  let position = CHECKSUM_LINE;
  // The start of a line that runs on past the chunk, in pieces (copied: the chunk is reused).
  let carried: Buffer[] = [];
  const chunk = Buffer.allocUnsafe(CHUNK);
  for (;;) {
    const n = (await handle.read(chunk, 0, CHUNK, position)).bytesRead;
    if (n === 0) break;
    position += n;
    const bytes = chunk.subarray(0, n);
    hash.update(bytes);
    let start = 0;
    let end = bytes.indexOf(NEWLINE);
    if (end >= 0 && carried.length) {
      const line = Buffer.concat([...carried, bytes.subarray(0, end)]);
      if (!decodeLine(line, 0, line.length)) return undefined;
      carried = [];
      start = end + 1;
      end = bytes.indexOf(NEWLINE, start);
    }
    for (; end >= 0; start = end + 1, end = bytes.indexOf(NEWLINE, start)) {
      if (!decodeLine(bytes, start, end)) return undefined;
    }
    if (start < n) carried.push(Buffer.from(bytes.subarray(start)));
  }
  if (carried.length) {
    const line = Buffer.concat(carried);
    if (!decodeLine(line, 0, line.length)) return undefined;
  }
  if (head.toString('latin1', 0, CHECKSUM_LINE - 1) !== hash.digest('hex')) return undefined;
  const entries = decoder.result();
  return entries && { entries, index: decoder.index() };
}

/** The first line: a SHA-1 in hex and a newline. */
const CHECKSUM_LINE = 41;

/** The key of a file as read now: its size and modification time, and a hash of the text analysed. */
export function fileKeyOf(text: string, size: number, mtimeMs: number): FileKey {
  return { size, mtimeMs, hash: createHash('sha1').update(text, 'utf8').digest('base64') };
}

let fingerprint: string | undefined;

/**
 * The installed version of a dependency (its package.json, found above its entry point, since
 * packages may not export it); undefined when it is bundled into this file.
 */
export function dependencyVersion(name: string): string | undefined {
  try {
    let dir = path.dirname(require.resolve(name));
    for (;;) {
      const manifest = path.join(dir, 'package.json');
      try {
        const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
        if (parsed.name === name && typeof parsed.version === 'string') return parsed.version;
      } catch {
        // no package.json here, or an inner one without the name: keep climbing
      }
      const up = path.dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  } catch {
    return undefined;
  }
}

/**
 * A fingerprint of the running analyser's code: the compiled files next to this one (or the
 * bundle this code is in), and the version of chrono-node it runs with. Any change to the
 * analyser or an upgrade of chrono-node invalidates every cache.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha1');
  hash.update(`chrono-node@${dependencyVersion('chrono-node') ?? 'bundled'}\n`);
  const compiledRoot = path.resolve(__dirname, '..');
  const folders = ['analysis', 'workspace'].map((f) => path.join(compiledRoot, f));
  try {
    if (folders.every((f) => statSync(f).isDirectory())) {
      for (const folder of folders) {
        for (const name of readdirSync(folder).filter((n) => n.endsWith('.js')).sort()) {
          hash.update(name).update(readFileSync(path.join(folder, name)));
        }
      }
    } else hash.update(readFileSync(__filename));
  } catch {
    hash.update(readFileSync(__filename));
  }
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}
