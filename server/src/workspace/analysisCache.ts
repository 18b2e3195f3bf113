// The persistent index's format: article summaries keyed by file, as one JSON document. Pure: the
// server reads and writes the file (server/src/node/indexStore.ts); this file only says what goes
// in, and refuses anything it cannot vouch for — a cache from another format, another analyser
// build or other options, or one that does not parse, is discarded whole and never trusted in part.
import type { ArticleSummary } from './articleSummary';

/** Bumped whenever the layout below changes. */
export const CACHE_FORMAT = 4;

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
 * An article's summary with the key of the file it was made from. The summary is stored as it
 * is (plain data): parsing the cache gives the objects the model holds, with no second pass.
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
  return cached.key.size === stat.size && cached.key.mtimeMs === stat.mtimeMs;
}

export function encodeCache(header: CacheHeader, articles: ReadonlyMap<string, CachedArticle>): string {
  return [...encodeCacheParts(header, articles)].join('');
}

/** `encodeCache` in pieces, one per article, so a big cache is never one string in memory. */
export function* encodeCacheParts(header: CacheHeader, articles: ReadonlyMap<string, CachedArticle>): Generator<string> {
  yield `{"header":${JSON.stringify(header)},"articles":{`;
  let first = true;
  for (const [uri, entry] of articles) {
    yield `${first ? '' : ','}${JSON.stringify(uri)}:${JSON.stringify(entry)}`;
    first = false;
  }
  yield '}}';
}

/**
 * The entries of a cache written by `encodeCache`, or undefined when it cannot be trusted:
 * it does not parse, its header differs from `expected`, or any entry is malformed.
 */
export function decodeCache(data: string, expected: CacheHeader): Map<string, CachedArticle> | undefined {
  let document: unknown;
  try {
    document = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (!isObject(document) || !isObject(document.header) || !isObject(document.articles)) return undefined;
  const header = document.header;
  if (header.format !== expected.format || header.code !== expected.code || header.options !== expected.options) return undefined;
  const out = new Map<string, CachedArticle>();
  for (const [uri, entry] of Object.entries(document.articles)) {
    if (!isCachedArticle(entry)) return undefined;
    out.set(uri, entry);
  }
  return out;
}

function isCachedArticle(entry: unknown): entry is CachedArticle {
  if (!isObject(entry) || !isObject(entry.key) || !isObject(entry.summary)) return false;
  const { key, summary } = entry;
  if (typeof key.size !== 'number' || typeof key.mtimeMs !== 'number' || typeof key.hash !== 'string') return false;
  if (entry.context !== undefined && typeof entry.context !== 'string') return false;
  if (entry.truncated !== undefined && typeof entry.truncated !== 'boolean') return false;
  // The shape of each part; the file's checksum (indexStore.ts) vouches for what is inside.
  return (
    ['people', 'statements', 'lineStarts'].every((k) => Array.isArray(summary[k])) &&
    ['length', 'unattributed'].every((k) => typeof summary[k] === 'number') &&
    ['title', 'textHash'].every((k) => typeof summary[k] === 'string') &&
    typeof summary.hasDateline === 'boolean'
  );
}

function isObject(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
