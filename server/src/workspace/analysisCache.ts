// The persistent index's format: analyses keyed by file, as one JSON document. Pure: the server
// reads and writes the file (server/src/lsp/indexStore.ts); this file only says what goes in, and
// refuses anything it cannot vouch for — a cache from another format, another analyser build or
// other options, or one that does not parse, is discarded whole and never trusted in part.
import type { ArticleAnalysis } from '../analysis/types';

/** Bumped whenever the layout below changes. */
export const CACHE_FORMAT = 3;

/** What a file was when it was analysed: an entry serves only a file with the same size and hash. */
export interface FileKey {
  size: number;
  mtimeMs: number;
  /** Hash of the file's bytes. */
  hash: string;
}

/** What every entry of a cache depends on; a cache whose header differs is discarded. */
export interface CacheHeader {
  format: number;
  /** Fingerprint of the analyser's code. */
  code: string;
  /** The model's `optionsKey()`. */
  options: string;
}

/**
 * An analysis in compact form, with the key of the file it was made from. Compact: without the
 * article text (the file holds it), spans as [start, end], and a `text` that is just the text of
 * its span stored as 0. What the workspace index reads is stored as data; the rest (`onDemand`:
 * structure, dates, quotations — read only by features on an open document) as a JSON string,
 * parsed when first read.
 */
export interface CachedArticle {
  key: FileKey;
  analysis: Record<string, unknown>;
  onDemand: string;
  /** The model's `contextKey` for analyses that depend on other articles. */
  context?: string;
}

/** The cache entry of an article's analysis. */
export function cachedArticle(analysis: ArticleAnalysis, key: FileKey, context?: string): CachedArticle {
  const compact = packAnalysis(analysis);
  return context === undefined ? { key, ...compact } : { key, ...compact, context };
}

function packAnalysis(analysis: ArticleAnalysis): { analysis: Record<string, unknown>; onDemand: string } {
  const eager: Record<string, unknown> = {};
  const later: Record<string, unknown> = {};
  const kept = onDemandForm.get(analysis);
  for (const k of Object.keys(analysis)) {
    if (k === 'text' || (kept !== undefined && READ_ON_DEMAND.has(k))) continue;
    const v = (analysis as unknown as Record<string, unknown>)[k];
    if (v !== undefined) (READ_ON_DEMAND.has(k) ? later : eager)[k] = pack(v, analysis.text);
  }
  return { analysis: eager, onDemand: kept ?? JSON.stringify(later) };
}

/**
 * Parts of an analysis that only features on an open document read (the workspace index and
 * counts do not): restored when first read, so a warm start does not build them for every file.
 */
const READ_ON_DEMAND = new Set(['structure', 'dates', 'quotations']);
/** The on-demand part a restored analysis came from (saved again as it is, read or not). */
const onDemandForm = new WeakMap<ArticleAnalysis, string>();

/** The analysis again, once the file's text is read. */
export function restoredAnalysis(cached: CachedArticle, text: string): ArticleAnalysis {
  const packed = cached.analysis;
  const out: Record<string, unknown> = { text };
  for (const k of Object.keys(packed)) out[k] = unpack(packed[k], text);
  let later: Record<string, unknown> | undefined;
  for (const k of READ_ON_DEMAND) onDemand(out, k, () => unpack((later ??= JSON.parse(cached.onDemand) as Record<string, unknown>)[k], text));
  const analysis = out as unknown as ArticleAnalysis;
  onDemandForm.set(analysis, cached.onDemand);
  return analysis;
}

/** A property that computes its value on first read and is a plain data property from then on. */
function onDemand(target: Record<string, unknown>, key: string, make: () => unknown): void {
  const settle = (value: unknown) => Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = make();
      settle(value);
      return value;
    },
    set: settle,
  });
}

function isSpan(x: unknown): x is { start: number; end: number } {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2;
}

/** The span whose text an object's `text` is, when it is exactly that. */
function ownSpan(o: Record<string, unknown>): unknown {
  return o.span ?? o.contentSpan;
}

function pack(value: unknown, text: string): unknown {
  if (Array.isArray(value)) return value.map((v) => pack(v, text));
  if (typeof value !== 'object' || value === null) return value;
  if (isSpan(value)) return [value.start, value.end];
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const span = ownSpan(o);
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    if (k === 'text' && isSpan(span) && v === text.slice(span.start, span.end)) out[k] = 0;
    else out[k] = pack(v, text);
  }
  return out;
}

function unpack(value: unknown, text: string): unknown {
  if (Array.isArray(value)) {
    if (value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number') return { start: value[0], end: value[1] };
    return value.map((v) => unpack(v, text));
  }
  if (typeof value !== 'object' || value === null) return value;
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in o) out[k] = unpack(o[k], text);
  if (out.text === 0) {
    const span = ownSpan(out) as { start: number; end: number };
    out.text = text.slice(span.start, span.end);
  }
  return out;
}

/** Whether an entry serves the file as it is now. */
export function entryServes(cached: CachedArticle, key: FileKey): boolean {
  return cached.key.size === key.size && cached.key.hash === key.hash;
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
  if (!isObject(entry) || !isObject(entry.key) || !isObject(entry.analysis) || typeof entry.onDemand !== 'string') return false;
  const { key, analysis } = entry;
  if (typeof key.size !== 'number' || typeof key.mtimeMs !== 'number' || typeof key.hash !== 'string') return false;
  if (entry.context !== undefined && typeof entry.context !== 'string') return false;
  // The on-demand part is parsed when read; the file's checksum (indexStore.ts) vouches for it.
  return ['people', 'statements', 'diagnostics'].every((k) => Array.isArray(analysis[k]));
}

function isObject(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
