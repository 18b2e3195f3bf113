// The persistent index's format: article summaries keyed by file, one JSON line each under a
// header line (so that a warm start parses one small line at a time, not one huge document). Pure: the
// server reads and writes the file (server/src/node/indexStore.ts); this file only says what goes
// in, and refuses anything it cannot vouch for — a cache from another format, another analyser
// build or other options, or one that does not parse, is discarded whole and never trusted in part.
import { packed, type ArticleSummary } from './articleSummary';
import { asciiBytes, asciiText, fieldsOf, PackedSummary, type SummaryFields } from './packedSummary';
import type { PackedIndex } from './workspaceModel';

/** Bumped whenever the layout below changes. */
export const CACHE_FORMAT = 7;

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

export function encodeCache(header: CacheHeader, articles: ReadonlyMap<string, CachedArticle>, index?: PackedIndex): string {
  return [...encodeCacheParts(header, articles, index)].map((part) => (typeof part === 'string' ? part : asciiText(part))).join('');
}

/**
 * `encodeCache` in lines: the header with the number of articles (and whether the cross-article
 * index follows them), then one line per article — `[uri, entry]` in JSON with the summary's plain
 * fields, a tab, and its packed people and statements (`PackedSummary.detail`, kept as it is when
 * read back) — then the index. JSON escapes tabs and line breaks inside strings, so neither
 * separator can occur inside a part.
 */
export function* encodeCacheParts(header: CacheHeader, articles: ReadonlyMap<string, CachedArticle>, index?: PackedIndex): Generator<string | Uint8Array> {
  yield `${JSON.stringify({ header, articles: articles.size, index: index !== undefined })}\n`;
  for (const [uri, entry] of articles) {
    const summary = packed(entry.summary);
    yield `${entryHead(uri, entry, summary)}\t`;
    yield summary.detail;
    yield '\n';
  }
  if (index) yield `${JSON.stringify({ index })}\n`;
}

function entryHead(uri: string, entry: CachedArticle, summary: PackedSummary): string {
  return JSON.stringify([uri, { ...entry, summary: fieldsOf(summary) }]);
}

/**
 * An article line, its packed people and statements either after a tab in it or, as the decoder
 * reads them, given apart (`detail`); undefined when it is malformed. Throws when it does not parse.
 */
function cacheEntryOf(line: string, detail?: Uint8Array): [string, CachedArticle] | undefined {
  const tab = detail ? line.length : line.indexOf('\t');
  if (tab < 0) return undefined;
  const parsed: unknown = JSON.parse(line.slice(0, tab));
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string') return undefined;
  const entry: unknown = parsed[1];
  if (!isCachedArticle(entry)) return undefined;
  // People and statements stay packed, decoded when read (packedSummary.ts).
  entry.summary = new PackedSummary(entry.summary as SummaryFields, detail ?? asciiBytes(line.slice(tab + 1)));
  return [parsed[0], entry];
}

/**
 * The entries of a cache written by `encodeCache`, or undefined when it cannot be trusted:
 * a line does not parse, its header differs from `expected`, any entry is malformed, or there are
 * more or fewer entries than the header says.
 */
export function decodeCache(data: string, expected: CacheHeader): Map<string, CachedArticle> | undefined {
  return decodeCacheLines(data.split('\n'), expected);
}

/** `decodeCache` over the lines of a cache, read one at a time. */
export function decodeCacheLines(lines: Iterable<string>, expected: CacheHeader): Map<string, CachedArticle> | undefined {
  const decoder = new CacheDecoder(expected);
  for (const line of lines) if (!decoder.line(line)) return undefined;
  return decoder.result();
}

/**
 * `decodeCacheLines` fed one line at a time, so that a caller reading the file in chunks never
 * holds all of it: `line` returns false once the cache is refused, `result` the entries or
 * undefined, `index` the cross-article index written with them (the model checks it before use).
 */
export class CacheDecoder {
  private readonly out = new Map<string, CachedArticle>();
  private declared: number | undefined;
  private indexDeclared = false;
  private indexValue: PackedIndex | undefined;
  private entries = 0;
  private refused = false;

  constructor(private readonly expected: CacheHeader) {}

  /**
   * One line; an article's line may come as its JSON part and the bytes after its tab (`detail`),
   * which are then kept as they are.
   */
  line(line: string, detail?: Uint8Array): boolean {
    if (this.refused || (line === '' && !detail)) return !this.refused;
    try {
      if (this.declared === undefined) {
        const parsed: unknown = JSON.parse(line);
        const header = isObject(parsed) && isObject(parsed.header) && typeof parsed.articles === 'number' ? parsed.header : undefined;
        const expected = this.expected;
        if (!header || header.format !== expected.format || header.code !== expected.code || header.options !== expected.options) return this.refuse();
        this.declared = (parsed as { articles: number }).articles;
        this.indexDeclared = (parsed as { index?: unknown }).index === true;
        return true;
      }
      if (this.entries === this.declared) {
        // Past the articles: the index, once, if the header announced it.
        if (!this.indexDeclared || this.indexValue !== undefined) return this.refuse();
        const parsed: unknown = JSON.parse(line);
        if (!isObject(parsed) || !isObject(parsed.index)) return this.refuse();
        this.indexValue = parsed.index as PackedIndex;
        return true;
      }
      const decoded = cacheEntryOf(line, detail);
      if (!decoded) return this.refuse();
      this.out.set(decoded[0], decoded[1]);
      this.entries++;
      return true;
    } catch {
      return this.refuse();
    }
  }

  result(): Map<string, CachedArticle> | undefined {
    const { declared, entries, out } = this;
    const complete = declared !== undefined && declared === entries && entries === out.size && this.indexDeclared === (this.indexValue !== undefined);
    return !this.refused && complete ? out : undefined;
  }

  /** The cross-article index the cache holds, if any (only with a `result`). */
  index(): PackedIndex | undefined {
    return this.result() ? this.indexValue : undefined;
  }

  private refuse(): false {
    this.refused = true;
    this.out.clear();
    this.indexValue = undefined;
    return false;
  }
}

function isCachedArticle(entry: unknown): entry is CachedArticle {
  if (!isObject(entry) || !isObject(entry.key) || !isObject(entry.summary)) return false;
  const { key, summary } = entry;
  if (typeof key.size !== 'number' || typeof key.mtimeMs !== 'number' || typeof key.hash !== 'string') return false;
  if (entry.context !== undefined && typeof entry.context !== 'string') return false;
  if (entry.truncated !== undefined && typeof entry.truncated !== 'boolean') return false;
  // The shape of each part; the file's checksum (indexStore.ts) vouches for what is inside.
  return (
    Array.isArray(summary.lineStarts) &&
    (summary.articleDate === undefined || isObject(summary.articleDate)) &&
    ['length', 'unattributed'].every((k) => typeof summary[k] === 'number') &&
    ['title', 'textHash'].every((k) => typeof summary[k] === 'string') &&
    typeof summary.hasDateline === 'boolean'
  );
}

function isObject(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
