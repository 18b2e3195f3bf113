// The persistent index on disk: one cache file per set of workspace folders in a storage folder
// (the editor's storage for the extension). Written whole to a temporary file and renamed over
// the old one, so a crash leaves the old cache or the new one, never half of one.
import { createHash } from 'crypto';
import { promises as fs, readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { decodeCache, encodeCache, type CacheHeader, type CachedArticle, type FileKey } from '../workspace/analysisCache';

export class IndexStore {
  readonly file: string;

  constructor(directory: string, folders: readonly string[]) {
    const id = createHash('sha1').update([...folders].sort().join('\n')).digest('hex').slice(0, 12);
    this.file = path.join(directory, `attribution-lens-index-${id}.json`);
  }

  /** The cached entries, or why there are none (no cache yet, or one that was discarded). */
  async load(expected: CacheHeader): Promise<{ entries?: Map<string, CachedArticle>; problem?: string }> {
    let data: string;
    try {
      data = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { problem: code === 'ENOENT' ? undefined : `unreadable (${code ?? String(err)})` };
    }
    const entries = decodeCache(data, expected);
    if (!entries) {
      // Corrupt, or from another build or other options: not trusted, and not kept around.
      await fs.rm(this.file, { force: true }).catch(() => undefined);
      return { problem: 'discarded (corrupt, or written by another version or with other options)' };
    }
    return { entries };
  }

  async save(header: CacheHeader, entries: ReadonlyMap<string, CachedArticle>): Promise<void> {
    const data = encodeCache(header, entries);
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await fs.writeFile(temporary, data);
      await fs.rename(temporary, this.file);
    } finally {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}

/** The key of a file's bytes as read now. */
export function fileKeyOf(bytes: Buffer, mtimeMs: number): FileKey {
  return { size: bytes.length, mtimeMs, hash: createHash('sha1').update(bytes).digest('base64') };
}

let fingerprint: string | undefined;

/**
 * A fingerprint of the running analyser's code: the compiled files next to this one (or the
 * bundle this code is in). Any change to the analyser invalidates every cache.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha1');
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
