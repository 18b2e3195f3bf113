// The persistent index's format: article summaries keyed by file. A start part — a header line,
// then every article's plain fields and the cross-article index in a few sections of numbers and
// strings — is what a warm start decodes, in one pass; every article's packed people and statements
// lie apart from it, in checked blocks read when needed (storedDetail.ts). Pure: the server reads and writes the file
// (server/src/node/indexStore.ts); this file only says what goes in, and refuses anything it cannot
// vouch for — a cache from another format, another analyser build or other options, or one that
// does not parse, is discarded whole and never trusted in part.
import type { DateSource } from '../analysis/types';
import { packed, type ArticleSummary } from './articleSummary';
import { asciiBytes, asciiJson, asciiText, encodeLineStarts, PackedSummary, type StoredFields, type StoredStrings } from './packedSummary';
import { StoredDetails, type BlockInfo, type BlockReader, type StoredBlock } from './storedDetail';
import { speakersIn, type PackedIndex, type PackedSpeaker, type SpeakerList } from './workspaceModel';

/** Bumped whenever the layout below changes. */
export const CACHE_FORMAT = 12;

/**
 * What a file was when it was summarised. An entry serves a file whose size and modification time
 * are unchanged (no need to read it), or, once read, whose size and text hash are the same.
 */
export interface FileKey {
  /** The file's size in bytes. */
  size: number;
  mtimeMs: number;
  /** Hash of the analysed text (the decoded file, cut at the length limit). */
  hash: string;
}

/** What every entry of a cache depends on; a cache whose header differs is discarded. */
export interface CacheHeader {
  format: number;
  /** Fingerprint of the analyser's code (and the chrono-node it runs with). */
  code: string;
  /** The model's `optionsKey()`. */
  options: string;
}

/**
 * An article's summary with the key of the file it was made from. In the file, people and
 * statements are tuples (`packPeople`, `packStatements` in packedSummary.ts): about half the size
 * of the objects, and left packed when read back.
 */
export interface CachedArticle {
  key: FileKey;
  summary: ArticleSummary;
  /** The model's `contextKey` for summaries that depend on other articles. */
  context?: string;
  /** The file goes on past the length limit (only its beginning was analysed). */
  truncated?: boolean;
}

/** The cache entry of an article's summary. */
export function cachedArticle(summary: ArticleSummary, key: FileKey, context?: string, truncated?: boolean): CachedArticle {
  // Fields set one by one (not spread in): a warm start makes 10,000 of these.
  const cached: CachedArticle = { key, summary };
  if (context !== undefined) cached.context = context;
  if (truncated) cached.truncated = truncated;
  return cached;
}

/**
 * The key of an entry made from an open buffer, whose text need not be its file's: it serves no
 * file (no size is negative, no hash empty), so a start that restores the entry finds the file
 * changed when it checks the restored files, and reads it again.
 */
export const UNSAVED_BUFFER_KEY: FileKey = Object.freeze({ size: -1, mtimeMs: -1, hash: '' });

/**
 * A restored entry, which is also the key of the file it was made from (`key` is itself): one
 * object per article where a start made two (an entry and its key), for its scavenges to copy.
 * The key's hash is a number into the cache file's strings until first read (a start reads none).
 */
class StoredEntry implements CachedArticle, FileKey {
  constructor(
    readonly summary: ArticleSummary,
    readonly size: number,
    readonly mtimeMs: number,
    private hashOrRef: string | number,
    private readonly strings: StoredStrings,
    readonly context: string | undefined,
    /** Only ever true or undefined, as `cachedArticle` makes it. */
    readonly truncated: true | undefined,
  ) {}

  get key(): FileKey {
    return this;
  }

  get hash(): string {
    const hash = this.hashOrRef;
    return typeof hash === 'string' ? hash : (this.hashOrRef = this.strings.get(hash));
  }
}

/** Whether an entry serves the file as it is now (its text read and hashed). */
export function entryServes(cached: CachedArticle, key: FileKey): boolean {
  return cached.key.size === key.size && cached.key.hash === key.hash;
}

/** Whether an entry serves a file whose size and modification time alone are known. */
export function entryServesUnread(cached: CachedArticle, stat: { size: number; mtimeMs: number }): boolean {
  return keyServesUnread(cached.key, stat);
}

/** Whether a file key still describes a file whose size and modification time alone are known. */
export function keyServesUnread(key: FileKey, stat: { size: number; mtimeMs: number }): boolean {
  return key.size === stat.size && key.mtimeMs === stat.mtimeMs;
}

/** The start part and the packed bytes, as `IndexStore` writes them apart (tests). */
export interface EncodedCache {
  start: Uint8Array;
  details: Uint8Array;
}

/**
 * The whole cache (tests; the store writes the same parts to a file, with each block's checksum):
 * the start part (`encodeCacheStart`) and every article's packed bytes back to back, in one
 * unchecked block.
 */
export function encodeCache(header: CacheHeader, articles: ReadonlyMap<string, CachedArticle>, index?: PackedIndex): EncodedCache {
  const details = concat([...cacheDetails(articles)]);
  const blocks: BlockInfo[] = articles.size ? [{ articles: articles.size, bytes: details.length, hash: '' }] : [];
  const parts: Uint8Array[] = [];
  for (const part of encodeCacheStart(header, articles, blocks, index)) if (part) parts.push(part);
  return { start: concat(parts), details };
}

/** The entries of a cache made by `encodeCache`, or undefined when it cannot be trusted (see `decodeCacheStart`). */
export function decodeCache(data: EncodedCache, expected: CacheHeader): Map<string, CachedArticle> | undefined {
  const { details } = data;
  const decoded = decodeCacheStart(data.start, expected, (block, offset) => (offset + block.bytes <= details.length ? details.slice(offset, offset + block.bytes) : undefined));
  return decoded && decoded.detailBytes === details.length ? decoded.entries : undefined;
}

/** Every article's packed people and statements, in the order of `articles`: the file's blocks, back to back. */
export function* cacheDetails(articles: ReadonlyMap<string, CachedArticle>): Generator<Uint8Array> {
  for (const entry of articles.values()) yield packed(entry.summary).detail;
}

/*
 * The start part: what a warm start reads, made to be decoded in one pass over a buffer with few
 * objects made — a JSON.parse of the same content (10,000 articles) took longer than the rest of
 * the start, and left a million small values for the garbage collector to copy. Layout:
 *
 *   a header line: JSON (format, analyser fingerprint, options, byte order, the number of articles,
 *     the blocks, whether the cross-article index follows, the sections' sizes), padded with
 *     spaces so that what follows starts at a multiple of 8 bytes;
 *   floats: Float64 (platform byte order), each article's file size and modification time;
 *   lengths: Int32, one per distinct string: its length in the chars section, or -1 for the next
 *     string of the wide section;
 *   ints: Int32, everything else (strings are numbers into the strings' table, -1 for none), per
 *     article: uri, file hash, title, text hash, flags (FLAG_*), length, unattributed quotes, packed
 *     bytes, [date value, date source], [context], line starts (`encodeLineStarts`, decoded when first read);
 *     then, if announced, the index (`encodeIndex`);
 *   chars: the ASCII strings back to back;
 *   wide: an ASCII JSON array of the strings with other characters.
 *
 * Each numeric section is padded to 8 bytes. The decoder checks every count and number against
 * the sections' bounds and refuses the whole cache if one does not fit.
 */

const FLAG_DATELINE = 1;
const FLAG_TRUNCATED = 2;
const FLAG_DATE = 4;
const FLAG_CONTEXT = 8;
/** The byte order typed arrays are written in here: a file from a machine of the other order is refused. */
const BYTE_ORDER = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';
/** Articles (or speakers) encoded between pauses (`undefined` yields), for a writer that lets other work in. */
const ITEMS_PER_PAUSE = 500;
/** Bytes per piece of a section yielded to the writer. */
const PIECE_BYTES = 256 << 10;

interface StartHeader {
  header: CacheHeader;
  order: string;
  articles: number;
  index: boolean;
  blocks: Array<[number, number, string]>;
  floats: number;
  strings: number;
  ints: number;
  chars: number;
  wide: number;
}

/**
 * The start part's bytes, in pieces; `undefined` between steps of the encoding (a writer may let
 * other work in there). Throws if a number of the index is not a 32-bit integer (not written).
 */
export function* encodeCacheStart(header: CacheHeader, articles: ReadonlyMap<string, CachedArticle>, blocks: readonly BlockInfo[], index?: PackedIndex): Generator<Uint8Array | undefined> {
  const strings = new StringNumbers();
  const ints = new IntList();
  const floats = new Float64Array(articles.size * 2);
  let n = 0;
  for (const [uri, entry] of articles) {
    const summary = packed(entry.summary);
    const date = summary.articleDate;
    const flags = (summary.hasDateline ? FLAG_DATELINE : 0) | (entry.truncated ? FLAG_TRUNCATED : 0) | (date ? FLAG_DATE : 0) | (entry.context !== undefined ? FLAG_CONTEXT : 0);
    ints.push(strings.ref(uri), strings.ref(entry.key.hash), strings.ref(summary.title), strings.ref(summary.textHash), flags, summary.length, summary.unattributed, summary.detail.length);
    if (date) ints.push(strings.ref(date.value), strings.ref(date.source));
    if (entry.context !== undefined) ints.push(strings.ref(entry.context));
    ints.add(strings.ref(encodeLineStarts(summary.lineStarts)));
    floats[n * 2] = entry.key.size;
    floats[n * 2 + 1] = entry.key.mtimeMs;
    if (++n % ITEMS_PER_PAUSE === 0) yield;
  }
  if (index) yield* encodeIndex(index, strings, ints);
  const { lengths, chars, wide } = strings.encode();
  const sections = { floats: floats.length, strings: lengths.length, ints: ints.length, chars: chars.length, wide: wide.length };
  const head: StartHeader = { header, order: BYTE_ORDER, articles: articles.size, index: index !== undefined, blocks: blocks.map((b) => [b.articles, b.bytes, b.hash]), ...sections };
  let line = asciiJson(head);
  line += ' '.repeat(7 - (line.length % 8)) + '\n';
  yield asciiBytes(line);
  yield* pieces(new Uint8Array(floats.buffer));
  yield* pieces(padded(new Uint8Array(lengths.buffer, 0, lengths.length * 4)));
  yield* ints.pieces();
  yield* pieces(chars);
  yield wide;
}

/**
 * The index: its key, its URIs and dates (as strings), then per speaker its id, name,
 * organisation flag, roles and spellings (a count, then strings), note and organisation (or -1),
 * members (a count of numbers, then article number and person key pairs), statements (a count,
 * then the numbers), the articles of its statements (a count, then the numbers), first and last date.
 */
function* encodeIndex(index: PackedIndex, strings: StringNumbers, ints: IntList): Generator<undefined> {
  const list = (items: readonly string[]) => {
    ints.push(items.length);
    for (const item of items) ints.add(strings.ref(item));
  };
  const optional = (s: string | null) => ints.push(s === null ? -1 : strings.ref(s));
  ints.push(strings.ref(index.key));
  list(index.uris);
  list(index.dates);
  ints.push(index.speakers.length);
  let n = 0;
  for (const [id, name, isOrganization, roles, spellings, note, organization, members, statements, statementArticles, firstDate, lastDate] of speakersIn(index)) {
    ints.push(strings.ref(id), strings.ref(name), isOrganization);
    list(roles);
    list(spellings);
    optional(note);
    optional(organization);
    ints.push(members.length);
    for (let i = 0; i < members.length; i += 2) {
      ints.add(members[i] as number);
      ints.add(strings.ref(members[i + 1] as string));
    }
    for (const numbers of [statements, statementArticles]) {
      ints.push(numbers.length);
      for (let i = 0; i < numbers.length; i++) ints.add(numbers[i]);
    }
    optional(firstDate);
    optional(lastDate);
    if (++n % ITEMS_PER_PAUSE === 0) yield;
  }
}

/** What the start part holds: the entries, the index (the model checks it before use), the blocks, and their total length. */
export interface DecodedStart {
  entries: Map<string, CachedArticle>;
  index?: PackedIndex;
  details: StoredDetails;
  /** The length of all blocks together. */
  detailBytes: number;
}

/**
 * Decodes a start part (`encodeCacheStart`), or undefined when it cannot be trusted: its header
 * differs from `expected`, a section does not fit, a count, number or string is out of place, the
 * entries are more or fewer than the header says, or their packed bytes do not add up to the
 * blocks. People and statements stay in the blocks, read through `read` when first needed. The
 * index's statement lists are views of `bytes`, which must not change afterwards.
 */
export function decodeCacheStart(bytes: Uint8Array, expected: CacheHeader, read: BlockReader): DecodedStart | undefined {
  try {
    return new StartDecoder(bytes, expected, read).decode();
  } catch {
    return undefined;
  }
}

/** Thrown (and caught by `decodeCacheStart`) when the start part is not as it must be. */
class Refused extends Error {}
function refuse(): never {
  throw new Refused('refused');
}

class StartDecoder {
  private readonly head: StartHeader;
  private readonly floats: Float64Array;
  private readonly ints: Int32Array;
  private readonly table: StringTable;
  /** The next number to read of `ints`. */
  private at = 0;
  private readonly stored: StoredDetails;
  private readonly blocks: BlockInfo[] = [];

  constructor(
    bytes: Uint8Array,
    expected: CacheHeader,
    read: BlockReader,
  ) {
    const end = bytes.indexOf(10);
    if (end < 0 || (end + 1) % 8 !== 0) refuse();
    const head: unknown = JSON.parse(asciiText(bytes.subarray(0, end)));
    if (!isObject(head) || !isObject(head.header)) refuse();
    const { header } = head;
    if (header.format !== expected.format || header.code !== expected.code || header.options !== expected.options || head.order !== BYTE_ORDER) refuse();
    for (const name of ['articles', 'floats', 'strings', 'ints', 'chars', 'wide'] as const) if (!Number.isInteger(head[name]) || head[name] < 0) refuse();
    if (typeof head.index !== 'boolean' || !Array.isArray(head.blocks) || head.floats !== head.articles * 2) refuse();
    this.head = head as unknown as StartHeader;
    for (const b of head.blocks as unknown[]) {
      if (!Array.isArray(b) || b.length !== 3 || !Number.isInteger(b[0]) || b[0] <= 0 || !Number.isInteger(b[1]) || b[1] < 0 || typeof b[2] !== 'string') refuse();
      this.blocks.push({ articles: b[0], bytes: b[1], hash: b[2] });
    }
    if (this.blocks.reduce((n, b) => n + b.articles, 0) !== this.head.articles) refuse();
    // The sections, each where the sizes before it say; together exactly the rest of the bytes.
    const { floats, strings, ints, chars, wide } = this.head;
    const floatsAt = end + 1;
    const lengthsAt = floatsAt + floats * 8;
    const intsAt = lengthsAt + pad8(strings * 4);
    const charsAt = intsAt + pad8(ints * 4);
    const wideAt = charsAt + chars;
    if (wideAt + wide !== bytes.length) refuse();
    // Views where `bytes` is aligned (the store reads the start part into a buffer of its own), else copies.
    const aligned = bytes.byteOffset % 8 === 0;
    const section = (at: number, length: number) => (aligned ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + length));
    const offset = (at: number) => (aligned ? bytes.byteOffset + at : 0);
    this.floats = new Float64Array(section(floatsAt, floats * 8), offset(floatsAt), floats);
    const lengths = new Int32Array(section(lengthsAt, strings * 4), offset(lengthsAt), strings);
    this.ints = new Int32Array(section(intsAt, ints * 4), offset(intsAt), ints);
    this.table = new StringTable(lengths, asciiText(bytes.subarray(charsAt, wideAt)), wide ? JSON.parse(asciiText(bytes.subarray(wideAt))) : []);
    this.stored = new StoredDetails(read);
  }

  decode(): DecodedStart {
    const entries = this.articles();
    const index = this.head.index ? this.index() : undefined;
    if (this.at !== this.ints.length) refuse();
    const detailBytes = this.blocks.reduce((n, b) => n + b.bytes, 0);
    return { entries, ...(index ? { index } : {}), details: this.stored, detailBytes };
  }

  private articles(): Map<string, CachedArticle> {
    const entries = new Map<string, CachedArticle>();
    const floats = this.floats;
    // The numbers are read here without `int` and `ref` (a start runs this loop once, mostly
    // before V8 has optimised it, where every call counts): each read is checked against the
    // section's end, each string's number against the table, as they do.
    const ints = this.ints;
    const end = ints.length;
    const table = this.table;
    const strings = table.size;
    let at = this.at;
    // Where the next article's packed bytes are: the current block, after the articles before it.
    let blockAt = 0;
    let block: StoredBlock | undefined;
    let inBlock = 0;
    let bytesInBlock = 0;
    let offset = 0;
    // What each summary's constructor copies, filled in again for every article: made once, not
    // 10,000 times. Summaries never change their date, so articles of the same date share one.
    const fields: StoredFields = { articleDate: undefined, hasDateline: false, title: 0, length: 0, textHash: 0, lineStarts: 0, unattributed: 0, strings: table };
    const detail: { block: StoredBlock; at: number; size: number } = { block: undefined as unknown as StoredBlock, at: 0, size: 0 };
    const dates = new Map<number, Map<number, NonNullable<StoredFields['articleDate']>>>();
    for (let n = 0; n < this.head.articles; n++) {
      // uri, file hash, title and text hash (numbers into the strings, made when first read, but
      // the uri), flags, length, unattributed quotes, packed bytes.
      if (at + 8 > end) refuse();
      const uriRef = ints[at];
      const hash = ints[at + 1];
      const title = ints[at + 2];
      const textHash = ints[at + 3];
      const flags = ints[at + 4];
      const length = ints[at + 5];
      const unattributed = ints[at + 6];
      const size = ints[at + 7];
      at += 8;
      // Unsigned, a negative number is out of range too.
      if (uriRef >>> 0 >= strings || hash >>> 0 >= strings || title >>> 0 >= strings || textHash >>> 0 >= strings) refuse();
      let articleDate: StoredFields['articleDate'];
      if (flags & FLAG_DATE) {
        if (at + 2 > end) refuse();
        articleDate = this.date(ints[at], ints[at + 1], dates);
        at += 2;
      }
      let context: string | undefined;
      if (flags & FLAG_CONTEXT) {
        if (at >= end || ints[at] >>> 0 >= strings) refuse();
        context = table.get(ints[at++]);
      }
      if (at >= end || ints[at] >>> 0 >= strings) refuse();
      const lineStarts = ints[at++];
      if (length < 0 || unattributed < 0 || size < 0) refuse();
      const uri = table.get(uriRef);
      const info = this.blocks[blockAt];
      if (!info) refuse();
      block ??= this.stored.block(info, offset);
      const inside = bytesInBlock;
      if (inside + size > info.bytes) refuse();
      inBlock++;
      bytesInBlock += size;
      block.add(uri);
      detail.block = block;
      detail.at = inside;
      detail.size = size;
      if (inBlock === info.articles) {
        // The block's articles must fill it exactly.
        if (bytesInBlock !== info.bytes) refuse();
        offset += info.bytes;
        blockAt++;
        block = undefined;
        inBlock = 0;
        bytesInBlock = 0;
      }
      fields.articleDate = articleDate;
      fields.hasDateline = (flags & FLAG_DATELINE) !== 0;
      fields.title = title;
      fields.length = length;
      fields.textHash = textHash;
      fields.lineStarts = lineStarts;
      fields.unattributed = unattributed;
      // People and statements stay in the file until read (storedDetail.ts), then packed until decoded (packedSummary.ts).
      const summary = new PackedSummary(fields, detail);
      entries.set(uri, new StoredEntry(summary, floats[n * 2], floats[n * 2 + 1], hash, table, context, flags & FLAG_TRUNCATED ? true : undefined));
      // A second entry of the same file (one lookup fewer than asking first).
      if (entries.size !== n + 1) refuse();
    }
    if (blockAt !== this.blocks.length) refuse();
    this.at = at;
    return entries;
  }

  /**
   * The index as `encodeIndex` wrote it. Its speakers are only walked (each checked as the model
   * checks them) and read one by one later (`SpeakerReader`), so that a warm start makes none of
   * them before its first `indexed`; an index the model would refuse is read whole, as written, for
   * the model to refuse. Statement lists are views of the copied numbers.
   */
  private index(): PackedIndex {
    const key = this.string();
    const uris = this.strings();
    const dates = this.strings();
    const count = this.count();
    const from = this.at;
    const starts = new Int32Array(count);
    const ids = new Array<string>(count);
    // Walked without `int`, `ref` and `count` (as `articles` is, for the same reason), with the
    // same checks: every read against the section's end, every string's number against the table,
    // every count against what is left.
    const ints = this.ints;
    const end = ints.length;
    const strings = this.table.size;
    const articles = uris.length;
    const dateCount = dates.length;
    let at = this.at;
    let usable = true;
    for (let n = 0; n < count; n++) {
      starts[n] = at;
      // id, name, organisation flag
      if (at + 3 > end || ints[at] >>> 0 >= strings || ints[at + 1] >>> 0 >= strings) refuse();
      ids[n] = this.table.get(ints[at]);
      at += 3;
      // roles, then spellings: a count, then strings
      for (let list = 0; list < 2; list++) {
        const length = at < end ? ints[at++] : refuse();
        if (length < 0 || at + length > end) refuse();
        for (let i = at; i < at + length; i++) if (ints[i] >>> 0 >= strings) refuse();
        at += length;
      }
      // note, organisation: a string or -1
      for (let optional = 0; optional < 2; optional++) {
        const ref = at < end ? ints[at++] : refuse();
        if (ref !== -1 && ref >>> 0 >= strings) refuse();
      }
      const memberCount = at < end ? ints[at++] : refuse();
      if (memberCount < 0 || at + memberCount > end || memberCount % 2) refuse();
      if (memberCount === 0) usable = false;
      for (let i = at; i < at + memberCount; i += 2) {
        const article = ints[i];
        if (article < 0 || article >= articles) usable = false;
        if (ints[i + 1] >>> 0 >= strings) refuse();
      }
      at += memberCount;
      const statementCount = at < end ? ints[at++] : refuse();
      if (statementCount < 0 || at + statementCount > end) refuse();
      if (statementCount % 5) usable = false;
      // Each statement's article (unsigned: a negative one is out of range too) and date (-1 for none).
      // Once the index is unusable nothing here can change that: the lists are only stepped over.
      if (usable) {
        for (let i = at, last = at + statementCount - 4; i < last; i += 5) {
          if (ints[i] >>> 0 >= articles || (ints[i + 4] + 1) >>> 0 > dateCount) usable = false;
        }
      }
      at += statementCount;
      const articleCount = at < end ? ints[at++] : refuse();
      if (articleCount < 0 || at + articleCount > end) refuse();
      if (usable && statementCount) {
        for (let i = at, last = at + articleCount; i < last; i++) if (ints[i] >>> 0 >= articles) usable = false;
      }
      at += articleCount;
      // first and last date: a string or -1
      for (let optional = 0; optional < 2; optional++) {
        const ref = at < end ? ints[at++] : refuse();
        if (ref !== -1 && ref >>> 0 >= strings) refuse();
      }
    }
    this.at = at;
    const after = at;
    if (usable) return { key, uris, dates, speakers: new DecodedSpeakers(ids, starts, (at) => this.speakerAt(at)) };
    this.at = from;
    const speakers: PackedSpeaker[] = [];
    for (let n = 0; n < count; n++) speakers.push(this.speakerAt(starts[n]));
    this.at = after;
    return { key, uris, dates, speakers };
  }

  /** The speaker written at `at` of the numbers (walked and checked by `index` already). */
  private speakerAt(at: number): PackedSpeaker {
    this.at = at;
    const id = this.string();
    const name = this.string();
    const isOrganization = this.int();
    const roles = this.strings();
    const spellings = this.strings();
    const note = this.optional();
    const organization = this.optional();
    const memberCount = this.count();
    // Lists made at their length (their counts are known): no copies as they grow.
    const members = new Array<number | string>(memberCount);
    for (let i = 0; i < memberCount; i += 2) {
      members[i] = this.int();
      members[i + 1] = this.string();
    }
    const statementCount = this.count();
    // A view (made by the constructor: `subarray` costs several times more), never written to.
    const statements = new Int32Array(this.ints.buffer, this.ints.byteOffset + this.at * 4, statementCount);
    this.at += statementCount;
    const articleCount = this.count();
    const statementArticles = new Array<number>(articleCount);
    for (let i = 0; i < articleCount; i++) statementArticles[i] = this.ints[this.at++];
    return [id, name, isOrganization, roles, spellings, note, organization, members, statements, statementArticles, this.optional(), this.optional()];
  }

  /**
   * An article's date (from its value's and source's numbers), the same object for the same date
   * (`made`, by source and value: small integers as keys, where one number for both would not be).
   */
  private date(value: number, source: number, made: Map<number, Map<number, NonNullable<StoredFields['articleDate']>>>): NonNullable<StoredFields['articleDate']> {
    if (value >>> 0 >= this.table.size || source >>> 0 >= this.table.size) refuse();
    let bySource = made.get(source);
    if (!bySource) made.set(source, (bySource = new Map()));
    let date = bySource.get(value);
    if (!date) bySource.set(value, (date = { value: this.table.get(value), source: this.table.get(source) as DateSource }));
    return date;
  }

  private int(): number {
    if (this.at >= this.ints.length) refuse();
    return this.ints[this.at++];
  }

  /** A count of numbers that follow (within the section). */
  private count(): number {
    const n = this.int();
    if (n < 0 || this.at + n > this.ints.length) refuse();
    return n;
  }

  /** A string's number (checked, the string not made). */
  private ref(): number {
    const n = this.int();
    if (n < 0 || n >= this.table.size) refuse();
    return n;
  }

  private string(): string {
    return this.table.get(this.ref());
  }

  private optional(): string | null {
    const ref = this.int();
    return ref === -1 ? null : this.table.get(ref >= 0 && ref < this.table.size ? ref : refuse());
  }

  private strings(): string[] {
    const n = this.count();
    const out = new Array<string>(n);
    // Read without `string` (the index's 10,000 URIs, once per start): the count is checked already.
    const ints = this.ints;
    const table = this.table;
    for (let i = 0, at = this.at; i < n; i++, at++) out[i] = table.get(ints[at] >>> 0 < table.size ? ints[at] : refuse());
    this.at += n;
    return out;
  }
}

/**
 * A decoded index's speakers, each read from the numbers when asked for (`at`): a warm start's
 * model makes them after its first `indexed` (`unpackSpeakers` in workspaceModel.ts). Only made
 * of an index that passed every check the model makes of one, so that reading one cannot fail.
 */
export class DecodedSpeakers implements SpeakerList {
  constructor(
    /** The speakers' ids, in order. */
    readonly ids: readonly string[],
    private readonly starts: Int32Array,
    private readonly read: (at: number) => PackedSpeaker,
  ) {}

  get length(): number {
    return this.ids.length;
  }

  at(n: number): PackedSpeaker {
    return this.read(this.starts[n]);
  }
}

/**
 * The strings' table: each a slice of `chars` (`lengths[i]` long) or, where the length is -1, the
 * next of `wide`. Checked whole at once; a string is sliced when first asked for, and kept, so
 * that what a start does not read yet (the index's speakers, the summaries' titles) is not made
 * before it is. Restored summaries keep it (`StoredStrings`): it holds nothing of the start part's buffer.
 */
class StringTable implements StoredStrings {
  private readonly made: string[];
  /** Where each string starts in `chars`, or (for a wide one) its place in `wide`. */
  private readonly starts: Int32Array;
  /** `lengths`, copied: the section is a view of the whole start part. */
  private readonly lengths: Int32Array;

  constructor(
    lengths: Int32Array,
    private readonly chars: string,
    private readonly wide: unknown[],
  ) {
    this.lengths = lengths.slice();
    if (!Array.isArray(wide)) refuse();
    const starts = new Int32Array(lengths.length);
    let at = 0;
    let next = 0;
    for (let i = 0; i < lengths.length; i++) {
      const length = lengths[i];
      if (length === -1) {
        if (typeof wide[next] !== 'string') refuse();
        starts[i] = next++;
      } else {
        if (length < 0 || at + length > chars.length) refuse();
        starts[i] = at;
        at += length;
      }
    }
    if (at !== chars.length || next !== wide.length) refuse();
    this.starts = starts;
    this.made = new Array<string>(lengths.length);
  }

  get size(): number {
    return this.starts.length;
  }

  /** The string numbered `n` (a number in range). */
  get(n: number): string {
    let s = this.made[n];
    if (s === undefined) {
      const length = this.lengths[n];
      s = length === -1 ? (this.wide[this.starts[n]] as string) : this.chars.slice(this.starts[n], this.starts[n] + length);
      this.made[n] = s;
    }
    return s;
  }
}

/** Distinct strings, numbered in order of first use. */
class StringNumbers {
  private readonly numbers = new Map<string, number>();

  ref(s: string): number {
    if (typeof s !== 'string') throw new Error('persistent index: a string field is not a string');
    let n = this.numbers.get(s);
    if (n === undefined) this.numbers.set(s, (n = this.numbers.size));
    return n;
  }

  /** The lengths section, the ASCII strings and the wide ones (an ASCII JSON array), as bytes. */
  encode(): { lengths: Int32Array; chars: Uint8Array; wide: Uint8Array } {
    const lengths = new Int32Array(this.numbers.size);
    const wide: string[] = [];
    let i = 0;
    let narrowLength = 0;
    for (const s of this.numbers.keys()) {
      if (/[^\x00-\x7e]/.test(s)) {
        lengths[i++] = -1;
        wide.push(s);
      } else {
        lengths[i++] = s.length;
        narrowLength += s.length;
      }
    }
    // The ASCII strings' codes put straight into bytes of their total length, not joined into one
    // string first: at 10,000 articles that string is 2.6 MB, left in the old generation by a save.
    const chars = new Uint8Array(narrowLength);
    let at = 0;
    i = 0;
    for (const s of this.numbers.keys()) {
      if (lengths[i++] === -1) continue;
      for (let k = 0; k < s.length; k++) chars[at++] = s.charCodeAt(k);
    }
    return { lengths, chars, wide: wide.length ? asciiBytes(asciiJson(wide)) : new Uint8Array(0) };
  }
}

/**
 * A growing list of 32-bit integers, in chunks of one piece each: it grows without copying what it
 * holds, since every copy a doubling array leaves behind (8 MB of them for a save's 5 MB at
 * 10,000 articles) stays outside the heap until a full collection, at the first save's peak.
 */
class IntList {
  private readonly full: Int32Array[] = [];
  private chunk = new Int32Array(PIECE_BYTES / 4);
  private used = 0;
  length = 0;

  push(...numbers: number[]): void {
    for (const x of numbers) this.add(x);
  }

  add(x: number): void {
    if ((x | 0) !== x) throw new Error(`persistent index: ${x} is not a 32-bit integer`);
    if (this.used === this.chunk.length) {
      this.full.push(this.chunk);
      this.chunk = new Int32Array(PIECE_BYTES / 4);
      this.used = 0;
    }
    this.chunk[this.used++] = x;
    this.length++;
  }

  /**
   * The integers' bytes, a chunk at a time, with zeros up to a multiple of 8 bytes: an odd count
   * ends in a chunk with room after it (chunks hold an even number), already zero.
   */
  *pieces(): Generator<Uint8Array> {
    for (const chunk of this.full) yield new Uint8Array(chunk.buffer);
    const tail = this.used + (this.length % 2);
    if (tail > 0) yield new Uint8Array(this.chunk.buffer, 0, tail * 4);
  }
}

const pad8 = (n: number) => (n + 7) & ~7;

/** `bytes` followed by zeros up to a multiple of 8 bytes. */
function padded(bytes: Uint8Array): Uint8Array {
  if (bytes.length % 8 === 0) return bytes;
  const out = new Uint8Array(pad8(bytes.length));
  out.set(bytes);
  return out;
}

function* pieces(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += PIECE_BYTES) yield bytes.subarray(at, Math.min(bytes.length, at + PIECE_BYTES));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function isObject(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
