// Loads the bundled server (dist/serverMain.js) with V8's code cache, kept next to it: compiling the
// 1.2 MB bundle is about 0.1 s of every start, reading its compiled code back a fraction of that.
// Node 20 has no `module.enableCompileCache`, so this is the CommonJS loader's job done by hand: the
// bundle is wrapped and compiled as a `vm.Script` with the cached data. The cache is made during a
// run that had none (bundleMain.ts says when), so that it holds the functions the run compiled, not
// only the top level.
// V8 checks little of a cache (the source's length, its version and flags), so the file carries its
// own key — the bundle's digest, Node's and V8's versions and the architecture — and a checksum of
// the data; anything that does not match, or that V8 rejects, is compiled as usual and the cache
// made again. A folder that cannot be written just goes without.
// No SHA-1 here (nor in what a warm start runs): loading `crypto` was 5-10 ms of every start. The
// digest is the bundle's CRC-32 and length (`contentDigest` says why that is enough).
import { isAscii } from 'buffer';
import * as fs from 'fs';
import { createRequire, wrap } from 'module';
import * as path from 'path';
import * as vm from 'vm';
import { crc32 } from 'zlib';

/** The cache file's first line is `<key> <CRC-32 of the data>\n`, and no longer than this. */
const MAX_HEADER_BYTES = 256;

/** How a bundle was loaded: from a cache that V8 took, or compiled (and `save` makes a cache). */
export interface LoadedBundle {
  /** The bundle's `module.exports`. */
  exports: unknown;
  cacheUsed: boolean;
  /** Writes the cache of what has been compiled so far, unless one was used; never throws. */
  save(): void;
}

/**
 * Where `runBundle` leaves the bundle's digest for the code it runs (the persistent index's analyser
 * fingerprint, `codeFingerprint`), which would otherwise read and check the same 1.2 MB again.
 */
export const BUNDLE_DIGEST = Symbol.for('attribution-lens.bundle-digest');
export interface BundleDigest {
  file: string;
  digest: string;
}

/** The digest `runBundle` left for `file`, if it loaded that file. */
export function bundleDigest(file: string): string | undefined {
  const left = (globalThis as Record<symbol, unknown>)[BUNDLE_DIGEST] as BundleDigest | undefined;
  return left?.file === file ? left.digest : undefined;
}

/** The cache file of a bundle. */
export function codeCacheFile(bundle: string): string {
  return `${bundle}.cache`;
}

/** Runs a CommonJS bundle as `require` would, its compiled code taken from (or later saved to) `cacheFile`. */
export function runBundle(file: string, cacheFile = codeCacheFile(file)): LoadedBundle {
  // Hashed as the bytes read, and made a string without UTF-8 decoding when it is ASCII, as
  // bundle.mjs makes it: decoding and hashing it as a string took several times longer.
  const bytes = fs.readFileSync(file);
  const digest = contentDigest(bytes);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  (globalThis as Record<symbol, unknown>)[BUNDLE_DIGEST] = { file, digest } satisfies BundleDigest;
  const key = `${digest}-node${process.version}-v8${process.versions.v8}-${process.arch}`;
  const cachedData = readCache(cacheFile, key);
  const script = new vm.Script(wrap(source), { filename: file, cachedData });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {}, id: file, filename: file, loaded: false, children: [], paths: [] };
  const run = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  let saved = cacheUsed;
  return {
    exports: module.exports,
    cacheUsed,
    save() {
      if (saved) return;
      saved = true;
      try {
        writeCache(cacheFile, key, script.createCachedData());
      } catch {
        // No cache this time: the next start compiles.
      }
    },
  };
}

/**
 * A bundle's digest: its CRC-32 and its length, in hex. Not a cryptographic hash, and it need not
 * be: nobody forges a bundle to match (whoever can write it can run code anyway), and what it must
 * tell apart is one build from the next. A CRC-32 tells apart every change confined to 32
 * consecutive bits; two builds that differ otherwise, and are of the same length, share it with
 * odds of 1 in 2^32 (and V8's own check of the source's length stands behind the code cache's
 * key). The builds that must differ are two in a row: the one that made a cache (code cache or
 * persistent index) and the one that reads it.
 */
function contentDigest(bytes: Uint8Array): string {
  return `${hex8(crc32(bytes))}${hex8(bytes.length)}`;
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

function readCache(cacheFile: string, key: string): Buffer | undefined {
  let file: Buffer;
  try {
    file = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const end = file.subarray(0, MAX_HEADER_BYTES).indexOf(0x0a);
  if (end < 0 || end + 1 === file.length || file.toString('latin1', 0, end - 9) !== key) return undefined;
  const data = file.subarray(end + 1);
  return file.toString('latin1', end - 9, end) === ` ${hex8(crc32(data))}` ? data : undefined;
}

/** Written whole to a temporary file renamed over the old one, so a reader never sees half of it. */
function writeCache(cacheFile: string, key: string, data: Buffer): void {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, Buffer.concat([Buffer.from(`${key} ${hex8(crc32(data))}\n`, 'latin1'), data]));
    fs.renameSync(temp, cacheFile);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}
