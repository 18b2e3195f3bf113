// The persistent index's format: article summaries keyed by file, one JSON line each under a
// header line (so that a warm start parses one small line at a time, not one huge document). Pure: the
// server reads and writes the file (server/src/node/indexStore.ts); this file only says what goes
// in, and refuses anything it cannot vouch for — a cache from another format, another analyser
// build or other options, or one that does not parse, is discarded whole and never trusted in part.
import type { Mention, MentionKind, Person, Span, Statement } from '../analysis/types';
import type { ArticleSummary } from './articleSummary';

/** Bumped whenever the layout below changes. */
export const CACHE_FORMAT = 6;

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
 * statements are tuples (`packPeople`, `packStatements`): about half the size of the objects,
 * which is most of what a warm start spends reading and parsing.
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

/**
 * `encodeCache` in lines: the header with the number of articles, then `[uri, entry]` per article
 * (JSON escapes line breaks inside strings, so every entry is one line).
 */
export function* encodeCacheParts(header: CacheHeader, articles: ReadonlyMap<string, CachedArticle>): Generator<string> {
  yield `${JSON.stringify({ header, articles: articles.size })}\n`;
  for (const [uri, entry] of articles) yield `${encodeCacheEntry(uri, entry)}\n`;
}

/** One article's line of the cache (without the line break); also how index workers hand summaries back. */
export function encodeCacheEntry(uri: string, entry: CachedArticle): string {
  const summary = { ...entry.summary, people: packPeople(entry.summary.people), statements: packStatements(entry.summary.statements, entry.summary.people) };
  return JSON.stringify([uri, { ...entry, summary }]);
}

/** A line made by `encodeCacheEntry`, as [uri, entry]; undefined when it does not parse or is malformed. */
export function decodeCacheEntry(line: string): [string, CachedArticle] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  return cacheEntryOf(parsed);
}

/** A parsed entry line with its people and statements unpacked, or undefined when it is malformed. */
function cacheEntryOf(parsed: unknown): [string, CachedArticle] | undefined {
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string') return undefined;
  const entry: unknown = parsed[1];
  if (!isCachedArticle(entry)) return undefined;
  const summary = entry.summary;
  summary.people = unpackPeople(summary.people);
  summary.statements = unpackStatements(summary.statements, summary.people);
  return [parsed[0], entry];
}

const MENTION_KINDS: readonly MentionKind[] = ['name', 'surname', 'pronoun', 'role', 'organization'];
const MENTION_FIELDS = new Set(['span', 'text', 'kind', 'personKey']);
const PERSON_FIELDS = new Set(['key', 'name', 'roles', 'isOrganization', 'mentions']);
const STATEMENT_FIELDS = new Set(['personKey', 'speaker', 'kind', 'cue', 'contentSpan', 'text', 'sourceSpan', 'cueSpan', 'date', 'quotation']);
/** Only objects with these fields (spans exactly start and end) are packed; anything else is stored as it is. */
const packable = (o: object, fields: ReadonlySet<string>, spans: readonly string[]) =>
  Object.keys(o).every((k) => fields.has(k)) && spans.every((k) => (o as Record<string, unknown>)[k] === undefined || isPlainSpan((o as Record<string, unknown>)[k]));
const isPlainSpan = (x: unknown) => typeof x === 'object' && x !== null && Object.keys(x).length === 2 && typeof (x as Span).start === 'number' && typeof (x as Span).end === 'number';

/** A person as [key, name, roles, isOrganization 0/1, mentions as start, end, text, kind index …]. */
function packPeople(people: readonly Person[]): unknown[] {
  return people.map((p) => {
    if (!packable(p, PERSON_FIELDS, []) || !p.mentions.every((m) => packable(m, MENTION_FIELDS, ['span']) && m.personKey === p.key && MENTION_KINDS.includes(m.kind))) return p;
    const mentions: unknown[] = [];
    for (const m of p.mentions) mentions.push(m.span.start, m.span.end, m.text, MENTION_KINDS.indexOf(m.kind));
    return [p.key, p.name, p.roles, p.isOrganization ? 1 : 0, mentions];
  });
}

function unpackPeople(packed: unknown[]): Person[] {
  return packed.map((x) => {
    if (!Array.isArray(x)) return x as Person;
    const [key, name, roles, isOrganization, flat] = x as [string, string, string[], number, unknown[]];
    const mentions: Mention[] = [];
    for (let i = 0; i + 3 < flat.length; i += 4) {
      mentions.push({ span: { start: flat[i] as number, end: flat[i + 1] as number }, text: flat[i + 2] as string, kind: MENTION_KINDS[flat[i + 3] as number], personKey: key });
    }
    return { key, name, roles, isOrganization: isOrganization === 1, mentions };
  });
}

/**
 * A statement as [kind, cue, content start, end, text, personKey, speaker, source start, end, cue
 * start, end, date, quotation], absent parts null; a speaker who is the person's name is 0.
 */
function packStatements(statements: readonly Statement[], people: readonly Person[]): unknown[] {
  const nameOf = new Map(people.map((p) => [p.key, p.name]));
  return statements.map((s) => {
    if (!packable(s, STATEMENT_FIELDS, ['contentSpan', 'sourceSpan', 'cueSpan'])) return s;
    const speaker = s.speaker === undefined ? null : s.personKey !== undefined && nameOf.get(s.personKey) === s.speaker ? 0 : s.speaker;
    return [
      s.kind, s.cue, s.contentSpan.start, s.contentSpan.end, s.text, s.personKey ?? null, speaker,
      s.sourceSpan?.start ?? null, s.sourceSpan?.end ?? null, s.cueSpan?.start ?? null, s.cueSpan?.end ?? null, s.date ?? null, s.quotation ?? null,
    ];
  });
}

function unpackStatements(packed: unknown[], people: readonly Person[]): Statement[] {
  const nameOf = new Map(people.map((p) => [p.key, p.name]));
  return packed.map((x) => {
    if (!Array.isArray(x)) return x as Statement;
    const [kind, cue, cs, ce, text, personKey, speaker, ss, se, us, ue, date, quotation] = x as [Statement['kind'], string, number, number, string, string | null, string | 0 | null, number | null, number | null, number | null, number | null, string | null, number | null];
    const s: Statement = { kind, cue, contentSpan: { start: cs, end: ce }, text };
    if (personKey !== null) s.personKey = personKey;
    if (speaker !== null) s.speaker = speaker === 0 ? nameOf.get(personKey ?? '') : speaker;
    if (ss !== null && se !== null) s.sourceSpan = { start: ss, end: se };
    if (us !== null && ue !== null) s.cueSpan = { start: us, end: ue };
    if (date !== null) s.date = date;
    if (quotation !== null) s.quotation = quotation;
    return s;
  });
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
 * holds all of it: `line` returns false once the cache is refused, `result` the entries or undefined.
 */
export class CacheDecoder {
  private readonly out = new Map<string, CachedArticle>();
  private declared: number | undefined;
  private entries = 0;
  private refused = false;

  constructor(private readonly expected: CacheHeader) {}

  line(line: string): boolean {
    if (this.refused || line === '') return !this.refused;
    try {
      const parsed: unknown = JSON.parse(line);
      if (this.declared === undefined) {
        const header = isObject(parsed) && isObject(parsed.header) && typeof parsed.articles === 'number' ? parsed.header : undefined;
        const expected = this.expected;
        if (!header || header.format !== expected.format || header.code !== expected.code || header.options !== expected.options) return this.refuse();
        this.declared = (parsed as { articles: number }).articles;
        return true;
      }
      const decoded = cacheEntryOf(parsed);
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
    return !this.refused && declared !== undefined && declared === entries && entries === out.size ? out : undefined;
  }

  private refuse(): false {
    this.refused = true;
    this.out.clear();
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
    ['people', 'statements', 'lineStarts'].every((k) => Array.isArray(summary[k])) &&
    [...summary.people, ...summary.statements].every((x: unknown) => typeof x === 'object' && x !== null) &&
    ['length', 'unattributed'].every((k) => typeof summary[k] === 'number') &&
    ['title', 'textHash'].every((k) => typeof summary[k] === 'string') &&
    typeof summary.hasDateline === 'boolean'
  );
}

function isObject(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
