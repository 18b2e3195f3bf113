// A closed article's summary, held packed: the few fields counts, dates, titles and positions read
// as plain values, and its people and statements as bytes — the persistent index's tuples, in ASCII
// JSON, deflated (`packDetail`) — decoded only when something reads that article's people or statements (a request on it, a
// rebuild of the cross-article index), and then kept only among the last few decoded. A workspace
// of 10,000 articles holds 10,000 byte arrays (outside the JavaScript heap, so the garbage
// collector neither traces nor copies them) instead of about a million small objects, which is what
// a warm start spent parsing and collecting. The same form serves an article analysed now and one
// restored from the cache, whose line ends with these very bytes. Pure.
import { deflateRawSync, inflateRawSync } from 'zlib';
import type { Mention, MentionKind, Person, Span, Statement } from '../analysis/types';
import type { ArticleSummary } from './articleSummary';
import type { StoredBlock } from './storedDetail';

/** Everything of a summary but its people and statements: what is always decoded. */
export type SummaryFields = Omit<ArticleSummary, 'people' | 'statements'>;

export class PackedSummary implements ArticleSummary {
  readonly articleDate?: ArticleSummary['articleDate'];
  readonly hasDateline: boolean;
  readonly length: number;
  readonly unattributed: number;
  /** The title, or (restored) its number in the cache file's strings until first read (so `title` is an accessor: copy a summary's fields with `fieldsOf`, not a spread). */
  private titleOrRef: string | number;
  /** The text hash, or (restored) its number in the cache file's strings until first read. */
  private textHashOrRef: string | number;
  /**
   * A typed array (outside the heap, like `detail`), or as the cache file has them until first
   * read (`encodeLineStarts`), or (restored) that string's number in the cache file's strings.
   */
  private lines: Uint32Array | string | number;
  /** Where the numbers above are strings (a restored summary's): none are made before they are read. */
  private readonly strings: StoredStrings | undefined;

  /** The packed bytes, or the block of the cache file they are in (from `at`, `size` long). */
  private source: Uint8Array | StoredBlock;
  private at: number;
  private readonly size: number;

  /**
   * `detail`: `[people, statements]` as `packPeople` and `packStatements` make them, in ASCII JSON,
   * or where they are in a cache file that has not been read yet (storedDetail.ts).
   */
  constructor(fields: SummaryFields | StoredFields, detail: Uint8Array | { block: StoredBlock; at: number; size: number }) {
    if (detail instanceof Uint8Array) {
      this.source = detail;
      this.at = 0;
      this.size = detail.length;
    } else {
      this.source = detail.block;
      this.at = detail.at;
      this.size = detail.size;
    }
    if (fields.articleDate) this.articleDate = fields.articleDate;
    this.hasDateline = fields.hasDateline;
    this.titleOrRef = fields.title;
    this.length = fields.length;
    this.textHashOrRef = fields.textHash;
    const lines = fields.lineStarts;
    this.lines = typeof lines === 'number' || typeof lines === 'string' || lines instanceof Uint32Array ? lines : new Uint32Array(lines);
    this.unattributed = fields.unattributed;
    this.strings = 'strings' in fields ? fields.strings : undefined;
  }

  get title(): string {
    const title = this.titleOrRef;
    return typeof title === 'string' ? title : (this.titleOrRef = this.strings!.get(title));
  }

  get textHash(): string {
    const hash = this.textHashOrRef;
    return typeof hash === 'string' ? hash : (this.textHashOrRef = this.strings!.get(hash));
  }

  /** The line starts, or the string they are encoded in (made from its number if need be). */
  private linesRead(): Uint32Array | string {
    const lines = this.lines;
    return typeof lines === 'number' ? (this.lines = this.strings!.get(lines)) : lines;
  }

  get lineStarts(): Uint32Array {
    const lines = this.linesRead();
    return typeof lines === 'string' ? (this.lines = decodeLineStarts(lines)) : lines;
  }

  /**
   * The line starts as `lineStarts` gives them, but if they are still encoded, decoded into `room`
   * (`decodeLineStartsInto`) and not kept: for a reader that places a few offsets in each of a
   * thousand articles (references), to whom a typed array made and kept per article costs more
   * than decoding again.
   */
  lineStartsIn(room: LineStartsRoom, upTo = Infinity): Uint32Array {
    const lines = this.linesRead();
    return typeof lines === 'string' ? decodeLineStartsInto(lines, room, upTo) : lines;
  }

  /** The packed people and statements; those of an article with none when its block of the cache file was lost (`detailLost`). */
  get detail(): Uint8Array {
    const source = this.source;
    if (source instanceof Uint8Array) return source;
    return source.slice(this.at, this.size) ?? NOBODY;
  }

  /** Whether its packed bytes are read from a block of a cache file (not held here). */
  get inFile(): boolean {
    return !(this.source instanceof Uint8Array);
  }

  /**
   * Reads its packed bytes from now on from `block`, at `at`: where a save has just written these
   * very bytes, into the file that replaced the one they were read from, or from memory (a cold
   * index's articles: the file holds them from its first save on, as it does a warm start's). The
   * bytes are the same, so nothing that reads the summary changes. False (and left as it is) when
   * their old block was lost (what was written for it names nobody, and it is being analysed again).
   */
  moveTo(uri: string, block: StoredBlock, at: number): boolean {
    const from = this.source;
    if (!(from instanceof Uint8Array) && from.lost) return false;
    block.add(uri);
    this.source = block;
    this.at = at;
    if (!(from instanceof Uint8Array)) from.release();
    return true;
  }

  /** Whether the packed bytes were to come from a cache file and could not be had: the article must be analysed again. */
  get detailLost(): boolean {
    return !(this.source instanceof Uint8Array) && !this.source.check();
  }

  get people(): Person[] {
    return unpacked(this).people;
  }

  /** Whether it names nobody, told from the packed bytes' first byte without decoding them (`packDetail`). */
  get namesNobody(): boolean {
    const detail = recent.get(this) ? undefined : this.detail;
    return detail ? detail[0] !== NAMES_SOMEONE : this.people.length === 0;
  }

  get statements(): Statement[] {
    return unpacked(this).statements;
  }
}

/** A cache file's strings, by number (analysisCache.ts): each made when first asked for. */
export interface StoredStrings {
  get(n: number): string;
}

/**
 * The plain fields as a warm start restores them: the title, the text hash and the line starts
 * (encoded, `encodeLineStarts`) as numbers into the cache file's `strings`, made when first read
 * — a start reads none of them, and 30,000 strings fewer survive its collections.
 */
export type StoredFields = Omit<SummaryFields, 'lineStarts' | 'title' | 'textHash'> & { strings: StoredStrings; title: number; textHash: number; lineStarts: number };

/**
 * Line starts as the cache file keeps them: the gaps between them in base 36, joined by commas —
 * a third of the JSON array's length, one string to parse, decoded when first read.
 */
export function encodeLineStarts(starts: ArrayLike<number>): string {
  const gaps: string[] = [];
  for (let i = 0, last = 0; i < starts.length; i++) {
    gaps.push((starts[i] - last).toString(36));
    last = starts[i];
  }
  return gaps.join(',');
}

/** The line starts `encodeLineStarts` encoded; a malformed gap reads as 0 (the file's checksum vouches for it). */
export function decodeLineStarts(encoded: string): Uint32Array {
  // Made at its size, so that decoding into it never grows it.
  const starts = new Uint32Array(countLineStarts(encoded));
  decodeLineStartsInto(encoded, { starts });
  return starts;
}

/** Space to decode line starts into, reused from one article to the next (`decodeLineStartsInto`). */
export interface LineStartsRoom {
  starts: Uint32Array;
}

/**
 * `decodeLineStarts` into `room` (made bigger when too small): a view valid until the room's next
 * use. With `upTo`, the decoding stops at the first line that starts after it: the view then
 * places every offset up to `upTo` as the whole table would.
 */
export function decodeLineStartsInto(encoded: string, room: LineStartsRoom, upTo = Infinity): Uint32Array {
  if (encoded === '') return room.starts.subarray(0, 0);
  let starts = room.starts;
  let at = 0;
  let gap = 0;
  let last = 0;
  for (let i = 0; i <= encoded.length; i++) {
    const c = i < encoded.length ? encoded.charCodeAt(i) : 44;
    if (c === 44) {
      last += gap;
      gap = 0;
      if (last > upTo && at > 0) break;
      if (at === starts.length) {
        const bigger = new Uint32Array(Math.max(64, 2 * starts.length));
        bigger.set(starts);
        room.starts = starts = bigger;
      }
      starts[at++] = last;
    } else gap = gap * 36 + (c <= 57 ? c - 48 : c - 87);
  }
  return starts.subarray(0, at);
}

function countLineStarts(encoded: string): number {
  if (encoded === '') return 0;
  let count = 1;
  for (let i = 0; i < encoded.length; i++) if (encoded.charCodeAt(i) === 44) count++;
  return count;
}

/** The plain fields of a summary (no people or statements), as JSON takes them. */
export function fieldsOf(summary: ArticleSummary): SummaryFields {
  return plainFields(summary, Array.from(summary.lineStarts));
}

/** The plain fields of a summary with its line starts in the form a reader wants them. */
export function plainFields<Lines>(summary: ArticleSummary, lineStarts: Lines): Omit<SummaryFields, 'lineStarts'> & { lineStarts: Lines } {
  return {
    ...(summary.articleDate ? { articleDate: summary.articleDate } : {}),
    hasDateline: summary.hasDateline,
    title: summary.title,
    length: summary.length,
    textHash: summary.textHash,
    lineStarts,
    unattributed: summary.unattributed,
  };
}

/** A summary in packed form, with people and statements as `trimPeople`/`trimStatements` would leave them (already trimmed: unchanged). */
export function packSummary(summary: ArticleSummary, trim: (people: readonly Person[], statements: readonly Statement[]) => { people: Person[]; statements: Statement[] }): PackedSummary {
  if (summary instanceof PackedSummary) return summary;
  const { people, statements } = trim(summary.people, summary.statements);
  return new PackedSummary(summary, packDetail(asciiJson([packPeople(people), packStatements(statements, people)]), people.length > 0));
}

/**
 * Packed bytes: a first byte saying whether the article names anyone (`namesNobody` reads it
 * without decoding), then the JSON deflated. The JSON is mostly statements' words and names said
 * again and again: about a third of its size deflated (26.6 → 9.4 MB at 10,000 bench articles),
 * which is what a cold index holds in memory until its first save, and what the cache file holds.
 * Level 3 deflates about as small as the default (6) and faster: ~40 µs per article to pack,
 * ~15 µs to decode, against ~20 µs for the JSON.parse every decode does anyway.
 */
function packDetail(json: string, namesSomeone: boolean): Uint8Array {
  const deflated = deflateRawSync(encoder.encode(json), { level: 3 });
  // Its own buffer, exactly its size: index workers hand it over whole (`transferablesOf`).
  const bytes = new Uint8Array(1 + deflated.length);
  bytes[0] = namesSomeone ? NAMES_SOMEONE : 0;
  bytes.set(deflated, 1);
  return bytes;
}

/** The JSON of packed bytes (`packDetail`). */
function unpackDetail(bytes: Uint8Array): string {
  return asciiText(inflateRawSync(bytes.subarray(1)));
}

const NAMES_SOMEONE = 1;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** The packed form of an article that names nobody. */
const NOBODY = packDetail('[[],[]]', false);

/** The bytes of an ASCII string. */
export function asciiBytes(ascii: string): Uint8Array {
  return encoder.encode(ascii);
}

/** The string of ASCII bytes. */
export function asciiText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** JSON with every character past ASCII escaped: a one-byte string in memory, and as the cache file is written. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Summaries decoded lately (most recent last): a request that reads an article several times decodes it once. */
const recent = new Map<PackedSummary, { people: Person[]; statements: Statement[] }>();
const RECENT = 64;

function unpacked(summary: PackedSummary): { people: Person[]; statements: Statement[] } {
  let decoded = recent.get(summary);
  if (decoded) {
    recent.delete(summary);
  } else {
    decoded = decodeDetail(summary.detail);
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  }
  recent.set(summary, decoded);
  return decoded;
}

/**
 * A summary's people and statements for one pass over many articles (the cross-article index's
 * build): a packed one is decoded afresh, not kept among the recent, so that what it decodes dies
 * young once the pass moves on instead of outliving collections among the 64 kept and piling up,
 * promoted, in the old generation.
 */
export function detailOf(summary: ArticleSummary): { people: Person[]; statements: Statement[] } {
  if (!(summary instanceof PackedSummary)) return { people: summary.people, statements: summary.statements };
  return recent.get(summary) ?? decodeDetail(summary.detail);
}

/**
 * The people and statements of a packed summary. Its string was made by `packSummary` or came from
 * a cache file whose checksum held; should it not decode all the same, the article reads as naming
 * nobody rather than failing every request that touches it.
 */
function decodeDetail(detail: Uint8Array): { people: Person[]; statements: Statement[] } {
  try {
    const parsed: unknown = JSON.parse(unpackDetail(detail));
    if (Array.isArray(parsed) && parsed.length === 2 && Array.isArray(parsed[0]) && Array.isArray(parsed[1])) {
      const people = unpackPeople(parsed[0]);
      return { people, statements: unpackStatements(parsed[1], people) };
    }
  } catch {
    // falls through to an empty article
  }
  return { people: [], statements: [] };
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
export function packPeople(people: readonly Person[]): unknown[] {
  return people.map((p) => {
    if (!packable(p, PERSON_FIELDS, []) || !p.mentions.every((m) => packable(m, MENTION_FIELDS, ['span']) && m.personKey === p.key && MENTION_KINDS.includes(m.kind))) return p;
    const mentions: unknown[] = [];
    for (const m of p.mentions) mentions.push(m.span.start, m.span.end, m.text, MENTION_KINDS.indexOf(m.kind));
    return [p.key, p.name, p.roles, p.isOrganization ? 1 : 0, mentions];
  });
}

export function unpackPeople(packed: unknown[]): Person[] {
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

const STATEMENT_KINDS: readonly Statement['kind'][] = ['direct', 'partial', 'indirect'];

/**
 * A statement as [kind index, cue, content start, end, text, personKey, speaker, date, source
 * start, end, cue start, end, quotation], absent parts null and trailing ones left out (a closed
 * article's statements end at the date); a speaker who is the person's name is 0.
 */
export function packStatements(statements: readonly Statement[], people: readonly Person[]): unknown[] {
  const nameOf = new Map(people.map((p) => [p.key, p.name]));
  return statements.map((s) => {
    if (!packable(s, STATEMENT_FIELDS, ['contentSpan', 'sourceSpan', 'cueSpan']) || !STATEMENT_KINDS.includes(s.kind)) return s;
    const speaker = s.speaker === undefined ? null : s.personKey !== undefined && nameOf.get(s.personKey) === s.speaker ? 0 : s.speaker;
    const tuple: unknown[] = [
      STATEMENT_KINDS.indexOf(s.kind), s.cue, s.contentSpan.start, s.contentSpan.end, s.text, s.personKey ?? null, speaker, s.date ?? null,
      s.sourceSpan?.start ?? null, s.sourceSpan?.end ?? null, s.cueSpan?.start ?? null, s.cueSpan?.end ?? null, s.quotation ?? null,
    ];
    while (tuple[tuple.length - 1] === null) tuple.pop();
    return tuple;
  });
}

export function unpackStatements(packed: unknown[], people: readonly Person[]): Statement[] {
  const nameOf = new Map(people.map((p) => [p.key, p.name]));
  return packed.map((x) => {
    if (!Array.isArray(x)) return x as Statement;
    const [kind, cue, cs, ce, text, personKey = null, speaker = null, date = null, ss = null, se = null, us = null, ue = null, quotation = null] = x as [
      number, string, number, number, string, (string | null)?, (string | 0 | null)?, (string | null)?, (number | null)?, (number | null)?, (number | null)?, (number | null)?, (number | null)?,
    ];
    const s: Statement = { kind: STATEMENT_KINDS[kind], cue, contentSpan: { start: cs, end: ce }, text };
    if (personKey !== null) s.personKey = personKey;
    if (speaker !== null) s.speaker = speaker === 0 ? nameOf.get(personKey ?? '') : speaker;
    if (ss !== null && se !== null) s.sourceSpan = { start: ss, end: se };
    if (us !== null && ue !== null) s.cueSpan = { start: us, end: ue };
    if (date !== null) s.date = date;
    if (quotation !== null) s.quotation = quotation;
    return s;
  });
}
