// The persistent index on disk: one cache file per set of workspace folders in a storage folder
// (the editor's storage for the extension). Written whole to a temporary file and renamed over
// the old one, so a crash leaves the old cache or the new one, never half of one.
import { createHash } from 'crypto';
import { promises as fs, readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { decodeCacheLines, encodeCacheParts, type CacheHeader, type CachedArticle, type FileKey } from '../workspace/analysisCache';

export class IndexStore {
  readonly file: string;

  constructor(directory: string, folders: readonly string[]) {
    const id = createHash('sha1').update([...folders].sort().join('\n')).digest('hex').slice(0, 12);
    this.file = path.join(directory, `attribution-lens-index-${id}.json`);
  }

  /** The cached entries, or why there are none (no cache yet, or one that was discarded). */
  async load(expected: CacheHeader): Promise<{ entries?: Map<string, CachedArticle>; problem?: string }> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(this.file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { problem: code === 'ENOENT' ? undefined : `unreadable (${code ?? String(err)})` };
    }
    // The first line is the checksum of the rest: a truncated or altered file is caught here,
    // including the parts that are only parsed when a feature reads them.
    const newline = bytes.indexOf(10);
    const body = newline > 0 ? bytes.subarray(newline + 1) : undefined;
    const intact = !!body && bytes.subarray(0, newline).toString('latin1') === checksum(body);
    const entries = intact ? decodeCacheLines(linesOf(body), expected) : undefined;
    if (!entries) {
      // Corrupt, or from another build or other options: not trusted, and not kept around.
      await fs.rm(this.file, { force: true }).catch(() => undefined);
      return { problem: 'discarded (corrupt, or written by another version or with other options)' };
    }
    return { entries };
  }

  async save(header: CacheHeader, entries: ReadonlyMap<string, CachedArticle>): Promise<void> {
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
        for (const part of encodeCacheParts(header, entries)) {
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

/** The lines of an ASCII buffer, each made a string only when its turn comes. */
function* linesOf(bytes: Buffer): Generator<string> {
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    yield bytes.toString('latin1', start, end);
    start = end + 1;
  }
}

/** The first line: a SHA-1 in hex and a newline. */
const CHECKSUM_LINE = 41;

function checksum(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('hex');
}

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
