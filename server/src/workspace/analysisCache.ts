// The persistent index's format: article summaries keyed by file. A start part — a header line,
// one small JSON line per article with its plain fields, the cross-article index — is what a warm
// start parses, a line at a time; every article's packed people and statements lie apart from it,
// in checked blocks read when needed (storedDetail.ts). Pure: the server reads and writes the file
// (server/src/node/indexStore.ts); this file only says what goes in, and refuses anything it cannot
// vouch for — a cache from another format, another analyser build or other options, or one that
// does not parse, is discarded whole and never trusted in part.
import { packed, type ArticleSummary } from './articleSummary';
import { asciiBytes, asciiText, encodeLineStarts, PackedSummary, plainFields, type StoredFields, type SummaryFields } from './packedSummary';
import { StoredDetails, type BlockInfo, type BlockReader, type StoredBlock } from './storedDetail';
import type { PackedIndex } from './workspaceModel';

/** Bumped whenever the layout below changes. */
export const CACHE_FORMAT = 8;

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
  return { key, summary, ...(context === undefined ? {} : { context }), ...(truncated ? { truncated } : {}) };
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

/**
 * The whole cache as one string (tests; the store writes the same parts to a file, with each
 * block's checksum): the start part (`encodeCacheStart`), then a line of every article's packed
 * bytes back to back, in one unchecked block.
 */
export function encodeCache(header: CacheHeader, articles: ReadonlyMap<string, CachedArticle>, index?: PackedIndex): string {
  const details = [...cacheDetails(articles)].map(asciiText).join('');
  const blocks: BlockInfo[] = articles.size ? [{ articles: articles.size, bytes: details.length, hash: '' }] : [];
  return `${[...encodeCacheStart(header, articles, blocks, index)].join('')}${details}\n`;
}

/** Every article's packed people and statements, in the order of `articles`: the file's blocks, back to back. */
export function* cacheDetails(articles: ReadonlyMap<string, CachedArticle>): Generator<Uint8Array> {
  for (const entry of articles.values()) yield packed(entry.summary).detail;
}

/**
 * The part of the cache a start reads, in lines: the header with the number of articles, the
 * blocks their packed bytes were written in (`cacheDetails`, cut into `blocks` by the writer) and
 * whether the cross-article index follows; then one line per article — `[uri, entry, bytes]` in
 * JSON, the entry with the summary's plain fields, `bytes` the length of its packed part — then
 * the index. JSON escapes line breaks inside strings, so a line is one part.
 */
export function* encodeCacheStart(header: CacheHeader, articles: ReadonlyMap<string, CachedArticle>, blocks: readonly BlockInfo[], index?: PackedIndex): Generator<string> {
  yield `${JSON.stringify({ header, articles: articles.size, index: index !== undefined, blocks: blocks.map((b) => [b.articles, b.bytes, b.hash]) })}\n`;
  for (const [uri, entry] of articles) {
    const summary = packed(entry.summary);
    yield `${JSON.stringify([uri, { ...entry, summary: storedFields(summary) }, summary.detail.length])}\n`;
  }
  if (index) yield* indexLineParts(index);
}

/** Items of a long list per piece of the index line. */
const ITEMS_PER_PART = 64;

/**
 * The index's line, `JSON.stringify({ index })` and a line break, in pieces of a few hundred list
 * items (the same text joined), so that a writer can let other work in between.
 */
function* indexLineParts(index: PackedIndex): Generator<string> {
  let head = '{"index":{';
  let first = true;
  for (const [name, value] of Object.entries(index)) {
    if (value === undefined) continue;
    head += `${first ? '' : ','}${JSON.stringify(name)}:`;
    first = false;
    if (!Array.isArray(value) || value.length <= ITEMS_PER_PART) {
      head += JSON.stringify(value);
      continue;
    }
    yield `${head}[`;
    for (let i = 0; i < value.length; i += ITEMS_PER_PART) {
      yield `${i ? ',' : ''}${value.slice(i, i + ITEMS_PER_PART).map((item) => JSON.stringify(item) ?? 'null').join(',')}`;
    }
    head = ']';
  }
  yield `${head}}}\n`;
}

/** The plain fields of a summary as the start part keeps them: line starts encoded, decoded when first read. */
function storedFields(summary: PackedSummary): StoredFields {
  return plainFields(summary, encodeLineStarts(summary.lineStarts));
}

/**
 * The entries of a cache made by `encodeCache`, or undefined when it cannot be trusted: a line
 * does not parse, its header differs from `expected`, any entry is malformed, there are more or
 * fewer entries than the header says, or the packed bytes do not add up to the blocks.
 */
export function decodeCache(data: string, expected: CacheHeader): Map<string, CachedArticle> | undefined {
  const lines = data.split('\n');
  let details = '';
  const decoder = new CacheDecoder(expected, (block, offset) => (offset + block.bytes <= details.length ? asciiBytes(details.slice(offset, offset + block.bytes)) : undefined));
  let i = 0;
  for (; i < lines.length && !decoder.complete; i++) if (!decoder.line(lines[i])) return undefined;
  details = lines.slice(i).join('\n').replace(/\n$/, '');
  if (details.length !== decoder.detailBytes) return undefined;
  return decoder.result();
}

/**
 * Decodes a cache's start part fed one line at a time, so that a caller reading the file in chunks
 * never holds all of it: `line` returns false once the cache is refused, `complete` says when the
 * start part is all there, `result` gives the entries or undefined, `index` the cross-article index
 * written with them (the model checks it before use), `details` the blocks their packed bytes are
 * in, read through `read` when first needed.
 */
export class CacheDecoder {
  private readonly out = new Map<string, CachedArticle>();
  private declared: number | undefined;
  private indexDeclared = false;
  private indexValue: PackedIndex | undefined;
  private entries = 0;
  private refused = false;
  private readonly stored: StoredDetails;
  /** The blocks the header lists, and where the current article's bytes go. */
  private blocks: BlockInfo[] = [];
  private blockAt = 0;
  private block: StoredBlock | undefined;
  private inBlock = { articles: 0, bytes: 0 };
  private offset = 0;

  constructor(
    private readonly expected: CacheHeader,
    read: BlockReader,
  ) {
    this.stored = new StoredDetails(read);
  }

  /** Whether every line of the start part has come. */
  get complete(): boolean {
    return this.refused || (this.declared !== undefined && this.entries === this.declared && this.indexDeclared === (this.indexValue !== undefined));
  }

  /** The length of all blocks together (known once the header has come). */
  get detailBytes(): number {
    return this.blocks.reduce((n, b) => n + b.bytes, 0);
  }

  line(line: string): boolean {
    if (this.refused) return false;
    if (line === '') return true;
    try {
      if (this.declared === undefined) return this.header(line);
      if (this.entries === this.declared) {
        // Past the articles: the index, once, if the header announced it.
        if (!this.indexDeclared || this.indexValue !== undefined) return this.refuse();
        const parsed: unknown = JSON.parse(line);
        if (!isObject(parsed) || !isObject(parsed.index)) return this.refuse();
        this.indexValue = parsed.index as PackedIndex;
        return true;
      }
      const parsed: unknown = JSON.parse(line);
      if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[0] !== 'string' || !isCachedArticle(parsed[1], 'string')) return this.refuse();
      const size: unknown = parsed[2];
      if (!Number.isInteger(size) || (size as number) < 0) return this.refuse();
      const place = this.place(size as number);
      if (!place) return this.refuse();
      const [uri, entry] = parsed as [string, CachedArticle];
      place.block.add(uri);
      // People and statements stay in the file until read (storedDetail.ts), then packed until decoded (packedSummary.ts).
      entry.summary = new PackedSummary(entry.summary as unknown as StoredFields, place);
      this.out.set(uri, entry);
      this.entries++;
      return true;
    } catch {
      return this.refuse();
    }
  }

  result(): Map<string, CachedArticle> | undefined {
    const { declared, entries, out } = this;
    const whole = this.complete && declared === entries && entries === out.size && this.blockAt === this.blocks.length;
    return !this.refused && whole ? out : undefined;
  }

  /** The cross-article index the cache holds, if any (only with a `result`). */
  index(): PackedIndex | undefined {
    return this.result() ? this.indexValue : undefined;
  }

  /** The blocks the entries' packed bytes are in (only with a `result`). */
  details(): StoredDetails | undefined {
    return this.result() ? this.stored : undefined;
  }

  private header(line: string): boolean {
    const parsed: unknown = JSON.parse(line);
    const header = isObject(parsed) && isObject(parsed.header) && typeof parsed.articles === 'number' && Array.isArray(parsed.blocks) ? parsed.header : undefined;
    const expected = this.expected;
    if (!header || header.format !== expected.format || header.code !== expected.code || header.options !== expected.options) return this.refuse();
    const { articles, blocks } = parsed as { articles: number; blocks: unknown[] };
    for (const b of blocks) {
      if (!Array.isArray(b) || b.length !== 3 || !Number.isInteger(b[0]) || b[0] <= 0 || !Number.isInteger(b[1]) || b[1] < 0 || typeof b[2] !== 'string') return this.refuse();
      this.blocks.push({ articles: b[0], bytes: b[1], hash: b[2] });
    }
    if (this.blocks.reduce((n, b) => n + b.articles, 0) !== articles) return this.refuse();
    this.declared = articles;
    this.indexDeclared = (parsed as { index?: unknown }).index === true;
    return true;
  }

  /** Where the next article's `size` packed bytes are: the current block, after the articles before it. */
  private place(size: number): { block: StoredBlock; at: number; size: number } | undefined {
    if (!this.block) {
      const info = this.blocks[this.blockAt];
      if (!info) return undefined;
      this.block = this.stored.block(info, this.offset);
      this.inBlock = { articles: 0, bytes: 0 };
    }
    const info = this.blocks[this.blockAt];
    const at = this.inBlock.bytes;
    if (at + size > info.bytes) return undefined;
    const block = this.block;
    this.inBlock.articles++;
    this.inBlock.bytes += size;
    if (this.inBlock.articles === info.articles) {
      // The block's articles must fill it exactly.
      if (this.inBlock.bytes !== info.bytes) return undefined;
      this.offset += info.bytes;
      this.blockAt++;
      this.block = undefined;
    }
    return { block, at, size };
  }

  private refuse(): false {
    this.refused = true;
    this.out.clear();
    this.indexValue = undefined;
    return false;
  }
}

/** `lines`: how the summary's line starts are given — an array (index workers), or encoded (the cache file). */
function isCachedArticle(entry: unknown, lines: 'array' | 'string' = 'array'): entry is CachedArticle {
  if (!isObject(entry) || !isObject(entry.key) || !isObject(entry.summary)) return false;
  const { key, summary } = entry;
  if (typeof key.size !== 'number' || typeof key.mtimeMs !== 'number' || typeof key.hash !== 'string') return false;
  if (entry.context !== undefined && typeof entry.context !== 'string') return false;
  if (entry.truncated !== undefined && typeof entry.truncated !== 'boolean') return false;
  // The shape of each part; the file's checksum (indexStore.ts) vouches for what is inside. Field
  // by field, with no lists or closures: a warm start checks 10,000 of these.
  return (
    (lines === 'array' ? Array.isArray(summary.lineStarts) : typeof summary.lineStarts === 'string' && /^[0-9a-z,]*$/.test(summary.lineStarts)) &&
    (summary.articleDate === undefined || isObject(summary.articleDate)) &&
    typeof summary.length === 'number' &&
    typeof summary.unattributed === 'number' &&
    typeof summary.title === 'string' &&
    typeof summary.textHash === 'string' &&
    typeof summary.hasDateline === 'boolean'
  );
}

function isObject(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
