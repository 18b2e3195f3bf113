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

  async save(header: CacheHeader, entries: ReadonlyMap<string, CachedArticle>, index?: PackedIndex): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      // Written in pieces (never the whole cache as one string), the checksum line filled in last.
      const handle = await fs.open(temporary, 'w');
      try {
        const hash = createHash('sha1');
        let position = CHECKSUM_LINE;
        let pending: string[] = [];
        let pendingLength = 0;
        const flush = async () => {
          // ASCII (\u escapes), so reading it back makes a one-byte string, quick to parse.
          const bytes = Buffer.from(pending.join('').replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), 'latin1');
          hash.update(bytes);
          await handle.write(bytes, 0, bytes.length, position);
          position += bytes.length;
          pending = [];
          pendingLength = 0;
        };
        for (const part of encodeCacheParts(header, entries, index)) {
          pending.push(part);
          pendingLength += part.length;
          if (pendingLength > 1 << 20) await flush();
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

/** Bytes read at a time: the whole file (38 MB for 10,000 articles) is never held at once. */
const CHUNK = 1 << 20;

/**
 * The entries of a cache file, decoded line by line as it is read in chunks, or undefined. The
 * first line is the checksum of the rest: a truncated or altered file is caught at the end, and
 * what was decoded so far is then dropped.
 */
async function decodeFile(handle: FileHandle, expected: CacheHeader): Promise<{ entries: Map<string, CachedArticle>; index?: PackedIndex } | undefined> {
  const head = Buffer.alloc(CHECKSUM_LINE);
  const { bytesRead } = await handle.read(head, 0, CHECKSUM_LINE, 0);
  if (bytesRead !== CHECKSUM_LINE || head[CHECKSUM_LINE - 1] !== 10) return undefined;
  const hash = createHash('sha1');
  const decoder = new CacheDecoder(expected);
  let position = CHECKSUM_LINE;
  let carried = Buffer.alloc(0);
  for (;;) {
    const chunk = Buffer.alloc(CHUNK);
    const n = (await handle.read(chunk, 0, CHUNK, position)).bytesRead;
    if (n === 0) break;
    position += n;
    const bytes = chunk.subarray(0, n);
    hash.update(bytes);
    // The file is ASCII (see `save`): a latin1 string per line is its text.
    let start = 0;
    let end = bytes.indexOf(10);
    if (end >= 0 && carried.length) {
      if (!decoder.line(Buffer.concat([carried, bytes.subarray(0, end)]).toString('latin1'))) return undefined;
      carried = Buffer.alloc(0);
      start = end + 1;
      end = bytes.indexOf(10, start);
    }
    for (; end >= 0; start = end + 1, end = bytes.indexOf(10, start)) {
      if (!decoder.line(bytes.toString('latin1', start, end))) return undefined;
    }
    carried = Buffer.concat([carried, bytes.subarray(start)]);
  }
  if (carried.length && !decoder.line(carried.toString('latin1'))) return undefined;
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
