// The persistent index on disk: one cache file per set of workspace folders in a storage folder
// (the editor's storage for the extension). Written whole to a temporary file and renamed over
// the old one, so a crash leaves the old cache or the new one, never half of one.
import type { Hash } from 'crypto';
import { closeSync, openSync, promises as fs, readdirSync, readFileSync, readSync, statSync } from 'fs';
import type { FileHandle } from 'fs/promises';
import * as path from 'path';
import { crc32 } from 'zlib';
import { decodeCacheStart, encodeCacheStart, type CacheHeader, type CachedArticle, type FileKey } from '../workspace/analysisCache';
import { packed, type ArticleSummary } from '../workspace/articleSummary';
import type { PackedSummary } from '../workspace/packedSummary';
import { StoredDetails, type BlockInfo } from '../workspace/storedDetail';
import type { PackedIndex } from '../workspace/workspaceModel';
import { bundleDigest } from './codeCache';
import { nextTurn } from './eventLoop';

export class IndexStore {
  readonly file: string;
  /** The folders, sorted, one per line: what names the file. */
  private readonly foldersKey: string;
  /** The save under way (or the last one), which the next one waits for. */
  private saving: Promise<unknown> = Promise.resolve();
  /** Numbers temporary files, so that two saves never share one. */
  private temporaries = 0;

  constructor(
    private readonly directory: string,
    folders: readonly string[],
  ) {
    // Named by the folders' CRC-32, not a SHA-1: a warm start loads no `crypto` (codeCache.ts). Two
    // sets of folders of one name (odds of 1 in 2^32, in one storage folder) would only take turns
    // with the file, whose entries are by URI.
    this.foldersKey = [...folders].sort().join('\n');
    this.file = path.join(directory, `attribution-lens-index-${crcHex(crc32(this.foldersKey))}.bin`);
  }

  /**
   * The files earlier versions kept for these folders, named by a SHA-1 of them (formats 1–9 as
   * `.json`, 10–11 as `.bin`): removed when there is no file of this version yet, never read.
   */
  earlierFiles(): string[] {
    const id = sha1().update(this.foldersKey).digest('hex').slice(0, 12);
    return ['bin', 'json'].map((extension) => path.join(this.directory, `attribution-lens-index-${id}.${extension}`));
  }

  /**
   * The cached entries (and the cross-article index kept with them, and the blocks their packed
   * people and statements are in, read later), or why there are none (no cache yet, or one that
   * was discarded).
   */
  async load(expected: CacheHeader): Promise<{ entries?: Map<string, CachedArticle>; index?: PackedIndex; details?: StoredDetails; problem?: string }> {
    let handle: FileHandle;
    try {
      handle = await fs.open(this.file, 'r');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // None of this version yet (a cold start): an earlier version's would otherwise stay in the storage folder for ever.
      if (code === 'ENOENT') await Promise.all(this.earlierFiles().map((file) => fs.rm(file, { force: true }).catch(() => undefined)));
      return { problem: code === 'ENOENT' ? undefined : `unreadable (${code ?? String(err)})` };
    }
    let decoded: Awaited<ReturnType<typeof decodeFile>>;
    try {
      decoded = await decodeFile(handle, expected, this.file);
    } catch {
      decoded = undefined;
    } finally {
      await handle.close();
    }
    if (!decoded) {
      // Corrupt, or from another build or other options: not trusted, and not kept around.
      await fs.rm(this.file, { force: true }).catch(() => undefined);
      return { problem: 'discarded (corrupt, or written by another version or with other options)' };
    }
    return decoded;
  }

  /**
   * Writes the cache (see `decodeFile` for the layout): every article's packed bytes in blocks,
   * then the start part, then the first line with the start part's checksum and place. Every
   * stored block the entries come from is read before the rename replaces the file (the caller's
   * `loadAll`); once it has, the summaries written that were read from the old file read their
   * bytes from the new one's blocks (`PackedSummary.moveTo`; only those `current` accepts, if
   * given: the caller's summaries still in use), and the blocks of the new file are returned (a
   * save that fails moves nothing). Encoded and written in slices of a few milliseconds with a
   * turn of the event loop between them, so that requests and edits are served while a large cache is written. What is
   * written is `entries` and `index` as they are when this is called (the map is copied; the
   * caller hands over summaries and an index it no longer changes). One save at a time: a save
   * called while another is under way starts when that one is done, and the last to start is the
   * file that stays.
   */
  save(
    header: CacheHeader,
    entries: ReadonlyMap<string, CachedArticle>,
    index?: PackedIndex,
    sliceMs = SAVE_SLICE_MS,
    current?: (uri: string, summary: ArticleSummary) => boolean,
  ): Promise<StoredDetails> {
    const snapshot = new Map(entries);
    const run = this.saving.then(() => this.write(header, snapshot, index, sliceMs, current));
    this.saving = run.catch(() => undefined);
    return run;
  }

  private async write(
    header: CacheHeader,
    entries: ReadonlyMap<string, CachedArticle>,
    index: PackedIndex | undefined,
    sliceMs: number,
    current: ((uri: string, summary: ArticleSummary) => boolean) | undefined,
  ): Promise<StoredDetails> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.${Date.now()}.${this.temporaries++}.tmp`;
    try {
      // Written in pieces (never the whole cache as one string), the first line filled in last.
      const handle = await fs.open(temporary, 'w');
      const blocks: BlockInfo[] = [];
      // Where the summaries are written: their block's number and place in it.
      const moves: Array<{ uri: string; summary: PackedSummary; block: number; at: number }> = [];
      try {
        let position = PREFIX;
        let pending: Uint8Array[] = [];
        let pendingLength = 0;
        // Each block's CRC-32 (`readBlock` checks it at every read, so it must be cheap), then
        // the start part's (checked once at every start, before anything of it is decoded).
        let blockCrc = 0;
        let startCrc: number | undefined;
        // The pieces go out as they are (one writev), not copied into one buffer first: a cold
        // index's first save would otherwise make a copy of all its packed bytes.
        const flush = async () => {
          if (pending.length) {
            const { bytesWritten } = await handle.writev(pending, position);
            if (bytesWritten !== pendingLength) throw new Error(`short write (${bytesWritten} of ${pendingLength} bytes)`);
          }
          position += pendingLength;
          pending = [];
          pendingLength = 0;
        };
        let sliceStart = performance.now();
        const put = async (bytes: Uint8Array) => {
          if (startCrc !== undefined) startCrc = crc32(bytes, startCrc);
          else blockCrc = crc32(bytes, blockCrc);
          pending.push(bytes);
          pendingLength += bytes.length;
          if (pendingLength > FLUSH_BYTES) await flush();
          else if (performance.now() - sliceStart < sliceMs) return;
          else await nextTurn();
          sliceStart = performance.now();
        };
        // The packed bytes, cut into blocks of whole articles, each with its checksum.
        let block = { articles: 0, bytes: 0 };
        const closeBlock = () => {
          blocks.push({ ...block, hash: crcHex(blockCrc) });
          blockCrc = 0;
          block = { articles: 0, bytes: 0 };
        };
        for (const [uri, entry] of entries) {
          const summary = packed(entry.summary);
          const detail = summary.detail;
          moves.push({ uri, summary, block: blocks.length, at: block.bytes });
          await put(detail);
          block.articles++;
          block.bytes += detail.length;
          if (block.bytes >= BLOCK) closeBlock();
        }
        if (block.articles) closeBlock();
        await flush();
        const start = position;
        startCrc = 0;
        for (const part of encodeCacheStart(header, entries, blocks, index)) {
          if (part) await put(part);
          else if (performance.now() - sliceStart >= sliceMs) {
            // A pause in the encoding: other work goes first if the slice is used up.
            await nextTurn();
            sliceStart = performance.now();
          }
        }
        await flush();
        const line = Buffer.from(`${crcHex(startCrc)} ${String(start).padStart(PREFIX - 10, '0')}\n`, 'latin1');
        await handle.write(line, 0, line.length, 0);
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, this.file);
      // The new file's blocks, for the summaries it holds that were read from the old one (at once,
      // before anything else can replace the file): the old blocks they kept can then be let go.
      const details = new StoredDetails((info, offset, keep, room) => readBlock(this.file, info, PREFIX + offset, keep, room));
      let offset = 0;
      const written = blocks.map((info) => {
        const stored = details.block(info, offset);
        offset += info.bytes;
        return stored;
      });
      for (const move of moves) if (!current || current(move.uri, move.summary)) move.summary.moveTo(move.uri, written[move.block], move.at);
      return details;
    } finally {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}

/** Milliseconds of encoding a save does before it lets other work in. */
const SAVE_SLICE_MS = 4;
/** Bytes encoded before they are written (a copy of this size stays well within a slice). */
const FLUSH_BYTES = 256 << 10;

/** Packed bytes per block (at least: a block ends after the article that reaches it). */
const BLOCK = 256 << 10;
/**
 * The first line: the start part's CRC-32 in hex, a space, its place in the file in 12 digits, a
 * newline. A CRC-32, not a hash: it guards against damage, not tampering (nothing in the file is
 * executed), and a warm start checks 8 MB with it in a fraction of SHA-1's time.
 */
const PREFIX = 22;

/**
 * A cache file: its first line gives the checksum and place of the start part, which comes last
 * (analysisCache.ts: the header with the blocks' sizes and checksums, the articles' plain fields,
 * the cross-article index); between them lie the articles' packed bytes in blocks. The start part
 * is read whole (about 7 MB at 10,000 articles, dropped once decoded) and decoded only if its
 * header is of this format, build and options and its checksum matches, so a truncated or altered
 * file is caught before anything of it is used. The blocks are read when needed (`readBlock`), each
 * checked against its own checksum.
 */
async function decodeFile(
  handle: FileHandle,
  expected: CacheHeader,
  file: string,
): Promise<{ entries: Map<string, CachedArticle>; index?: PackedIndex; details: StoredDetails } | undefined> {
  const head = Buffer.alloc(PREFIX);
  const { bytesRead } = await handle.read(head, 0, PREFIX, 0);
  const prefix = head.toString('latin1');
  if (bytesRead !== PREFIX || !/^[0-9a-f]{8} [0-9]{12}\n$/.test(prefix)) return undefined;
  const start = Number(prefix.slice(9, 21));
  const length = (await handle.stat()).size - start;
  if (start < PREFIX || length <= 0 || length > MAX_START_BYTES) return undefined;
  // A buffer of its own (not a pool's slice), so that the sections' copies need no realignment.
  const bytes = new Uint8Array(length);
  for (let done = 0; done < length; ) {
    const n = (await handle.read(bytes, done, length - done, start + done)).bytesRead;
    if (n === 0) return undefined;
    done += n;
  }
  // The header line first: a cache of another format or build is refused before it is hashed.
  const headerEnd = bytes.indexOf(NEWLINE);
  if (headerEnd < 0 || !headerMatches(bytes.subarray(0, headerEnd), expected)) return undefined;
  if (prefix.slice(0, 8) !== crcHex(crc32(bytes))) return undefined;
  const decoded = decodeCacheStart(bytes, expected, (block, offset, keep, room) => readBlock(file, block, PREFIX + offset, keep, room));
  if (!decoded || PREFIX + decoded.detailBytes !== start) return undefined;
  const { entries, index, details } = decoded;
  return { entries, ...(index ? { index } : {}), details };
}

const NEWLINE = 10;
/** The start part is refused beyond this (a damaged place or size must not make the reader allocate gigabytes). */
const MAX_START_BYTES = 1 << 30;

/** Whether a start part's header line is of the expected format, build and options (the rest is the decoder's to check). */
function headerMatches(line: Uint8Array, expected: CacheHeader): boolean {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(line.buffer, line.byteOffset, line.length).toString('latin1'));
    const header = (parsed as { header?: Partial<CacheHeader> } | null)?.header;
    return header?.format === expected.format && header.code === expected.code && header.options === expected.options;
  } catch {
    return false;
  }
}

/**
 * A block of packed bytes read from the cache file, or undefined when it cannot be read or is not
 * what the start part says (the file was replaced since, or is damaged there). The file is opened
 * for each block and closed at once: nothing stays open that a save would rename over. A block
 * only checked (`keep` false) is read into one buffer reused from block to block, so that checking
 * them all leaves no trail of freed buffers the process keeps (storedDetail.ts). A request on a
 * busy speaker reads most blocks again, so each read costs what it must and no more: a kept
 * block's space is not zeroed first (the read fills it, or it is dropped), and its check is a
 * CRC-32, several times cheaper than a hash.
 */
function readBlock(file: string, block: BlockInfo, position: number, keep: boolean, room?: Uint8Array): Uint8Array | undefined {
  let bytes: Uint8Array;
  if (keep) {
    // Space a little bigger than the block (blocks differ in size by less than an article), so
    // that it can be reused for another block once this one is dropped (storedDetail.ts).
    const space = room && room.buffer.byteLength >= block.bytes ? room.buffer : Buffer.allocUnsafeSlow(roundedUp(block.bytes)).buffer;
    bytes = new Uint8Array(space, 0, block.bytes);
  } else {
    if (checkRoom.length < block.bytes) checkRoom = new Uint8Array(Math.max(block.bytes, BLOCK + (BLOCK >> 2)));
    bytes = checkRoom.subarray(0, block.bytes);
  }
  const fd = openSync(file, 'r');
  try {
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(fd, bytes, done, bytes.length - done, position + done);
      if (n === 0) return undefined;
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  return crcHex(crc32(bytes)) === block.hash ? bytes : undefined;
}

/** A block's size rounded up to the next 16 KB. */
function roundedUp(bytes: number): number {
  return Math.ceil(bytes / (16 << 10)) * (16 << 10);
}

/** A block's checksum as the start part lists it: its CRC-32 in eight hex digits. */
function crcHex(crc: number): string {
  return crc.toString(16).padStart(8, '0');
}

/** Where blocks are read to be checked only (`readBlock`). */
let checkRoom = new Uint8Array(0);

/**
 * The key of a file as read now: its size and modification time, and a hash of the text analysed
 * (of `utf8` when given: the text's UTF-8 as read, the same hash without encoding the text again).
 */
export function fileKeyOf(text: string, size: number, mtimeMs: number, utf8?: Uint8Array): FileKey {
  return { size, mtimeMs, hash: (utf8 ? sha1().update(utf8) : sha1().update(text, 'utf8')).digest('base64') };
}

let crypto: typeof import('crypto') | undefined;

/** A SHA-1, `crypto` loaded on first use: a warm start that restores everything needs none (codeCache.ts). */
function sha1(): Hash {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  crypto ??= require('crypto') as typeof import('crypto');
  return crypto.createHash('sha1');
}

let fingerprint: string | undefined;

/** The compiled analyser and workspace files next to this one (tsc's output), or else this file (a bundle). */
function hashCompiledCode(hash: Hash): void {
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
}

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
 * A fingerprint of the running analyser's code: the bundle this code is in (chrono-node with it),
 * or else the compiled files next to this one and the version of chrono-node they run with. Any
 * change to the analyser or an upgrade of chrono-node invalidates every cache.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  // The bundle's digest, as `runBundle` took it when loading it (not read again).
  const bundled = bundleDigest(__filename);
  if (bundled !== undefined) return (fingerprint = `bundle-${bundled}`);
  const hash = sha1();
  hash.update(`chrono-node@${dependencyVersion('chrono-node') ?? 'bundled'}\n`);
  hashCompiledCode(hash);
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}
