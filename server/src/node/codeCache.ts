// Loads the bundled server (dist/serverMain.js) with V8's code cache, kept next to it: compiling the
// 1.2 MB bundle is about 0.1 s of every start, reading its compiled code back a fraction of that.
// Node 20 has no `module.enableCompileCache`, so this is the CommonJS loader's job done by hand: the
// bundle is wrapped and compiled as a `vm.Script` with the cached data. The cache is made during a
// run that had none (bundleMain.ts says when), so that it holds the functions the run compiled, not
// only the top level.
// V8 checks little of a cache (the source's length, its version and flags), so the file carries its
// own key — a hash of the bundle, Node's version and the architecture — and a checksum of the data;
// anything that does not match, or that V8 rejects, is compiled as usual and the cache made again.
// A folder that cannot be written just goes without.
import { isAscii } from 'buffer';
import { createHash } from 'crypto';
import * as fs from 'fs';
import { createRequire, wrap } from 'module';
import * as path from 'path';
import * as vm from 'vm';

/** The cache file's first line: `<key> <sha1 of the data>\n`, both 40 hex digits. */
const HEADER_BYTES = 82;

/** How a bundle was loaded: from a cache that V8 took, or compiled (and `save` makes a cache). */
export interface LoadedBundle {
  /** The bundle's `module.exports`. */
  exports: unknown;
  cacheUsed: boolean;
  /** Writes the cache of what has been compiled so far, unless one was used; never throws. */
  save(): void;
}

/**
 * Where `runBundle` leaves the bundle's SHA-1 for the code it runs (the persistent index's analyser
 * fingerprint, `codeFingerprint`), which would otherwise read and hash the same 1.2 MB again.
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
  const digest = sha1(bytes);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  (globalThis as Record<symbol, unknown>)[BUNDLE_DIGEST] = { file, digest } satisfies BundleDigest;
  const key = createHash('sha1').update(`${process.version} ${process.versions.v8} ${process.arch}\n${digest}`).digest('hex');
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

function sha1(data: Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

function readCache(cacheFile: string, key: string): Buffer | undefined {
  let file: Buffer;
  try {
    file = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (file.length <= HEADER_BYTES || file.toString('latin1', 0, 40) !== key || file[HEADER_BYTES - 1] !== 0x0a) return undefined;
  const data = file.subarray(HEADER_BYTES);
  return sha1(data) === file.toString('latin1', 41, 81) ? data : undefined;
}

/** Written whole to a temporary file renamed over the old one, so a reader never sees half of it. */
function writeCache(cacheFile: string, key: string, data: Buffer): void {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, Buffer.concat([Buffer.from(`${key} ${sha1(data)}\n`, 'latin1'), data]));
    fs.renameSync(temp, cacheFile);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}
