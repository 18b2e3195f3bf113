// The workspace model: every article's analysis, joined by speaker identity across articles.
// Pure: callers hand it texts; it never reads files. The CLI and the server share it.
// The cross-article index is built lazily, on the first question; an edit that names the same
// people patches it by difference, any other change has it rebuilt on the next question.
import { optionsForArticle } from './markdownArticles';
import type * as AnalysisModule from '../analysis';
import { lowerBound } from '../analysis/search';
import type { AnalysisOptions, ArticleAnalysis, DateMention, Mention, Person, Span, Statement } from '../analysis/types';
import { hashString, packed, summarizeArticle, type ArticleSummary } from './articleSummary';
import { clusterPeople, slug, type IdentityHints, type PersonOccurrence } from './identity';
import { detailOf, PackedSummary } from './packedSummary';
import { keyOf, SpeakerNames } from './speakerNames';
import type { AnalysedEntry, ArticleEntry, Speaker, StatementRef } from './types';

export { hashString } from './articleSummary';

export interface WorkspaceModelOptions {
  analysis?: AnalysisOptions;
  identity?: IdentityHints;
  /** Registry facts shown in hover, by folded canonical name. */
  speakerNotes?: Map<string, { role?: string; note?: string; organization?: string }>;
  /**
   * Whether to keep an article's full analysis (and text) besides its summary; default: every
   * article's. The server keeps only open documents' and `release`s the others.
   */
  keepAnalysis?(uri: string): boolean;
}

interface Index {
  speakers: Map<string, Speaker>;
  /** uri → its people's speaker ids (read through `idsIn` and `idIn`) */
  idOf: Map<string, ArticleIds>;
  /**
   * Of a restored index: each speaker's flat members ([article number, person key]…) not yet put
   * in `idOf`, which a warm start does not need before its first `indexed`.
   */
  idOfPending?: Array<[string, Array<number | string>]>;
  statementsBy: Map<string, SpeakerStatements>;
  /** speaker id → its people in every article (by key, found again in the article), in workspace (URI) order */
  members: Map<string, MemberRef[]>;
  notes: WorkspaceModelOptions['speakerNotes'];
  /** Of a restored index: speakers' members and statement lists not unpacked yet (`membersOf`, `statementsOf`). */
  packed?: { uris: string[]; dates: string[]; members: Map<string, Array<number | string>>; statements: Map<string, ArrayLike<number>> };
  /**
   * Of a restored index: its speakers (checked) not made into `speakers` yet, the first `next`
   * of them done. A warm start sends its first `indexed` before they are made (`unpackRestored`,
   * in slices); anything that reads the index first makes the rest (`built`).
   */
  unpacking?: { speakers: PackedSpeaker[] | SpeakerList; next: number };
  /** The speakers' name keys, made when an edit first changes who is named (`followNewNames`). */
  names?: SpeakerNames;
  /** Speakers `followNewNames` added at the end of `speakers`, to be put in their place when the order is read (`placeNewSpeakers`). */
  unplaced?: string[];
}

/**
 * An article's people's speaker ids (person key → id). Most articles name a few people: as pairs
 * in a flat array ([key, id, …]) they cost less than half a Map each (about 2 MB less at 10,000
 * articles); an article naming more than `FLAT_IDS` people has a Map, so that looking them all up
 * stays linear.
 */
type ArticleIds = string[] | Map<string, string>;
const FLAT_IDS = 16;

/** The speaker id of a person (by key) in an article's ids. */
function idIn(ids: ArticleIds | undefined, key: string): string | undefined {
  if (ids === undefined) return undefined;
  if (!Array.isArray(ids)) return ids.get(key);
  for (let i = 0; i < ids.length; i += 2) if (ids[i] === key) return ids[i + 1];
  return undefined;
}

/** Sets a person's speaker id in an article's ids (as `Map.set` would). */
function setId(idOf: Map<string, ArticleIds>, uri: string, key: string, id: string): void {
  const ids = idOf.get(uri);
  if (ids === undefined) return void idOf.set(uri, [key, id]);
  if (!Array.isArray(ids)) return void ids.set(key, id);
  for (let i = 0; i < ids.length; i += 2) {
    if (ids[i] === key) return void (ids[i + 1] = id);
  }
  if (ids.length < FLAT_IDS * 2) return void ids.push(key, id);
  const map = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 2) map.set(ids[i], ids[i + 1]);
  idOf.set(uri, map.set(key, id));
}

/**
 * Puts the speakers `followNewNames` added at the end of `speakers` where a rebuild would put them:
 * speakers come in the order of their first mentions (by URI, then by place among the article's
 * people, which `peopleOf` gives as they are now). Done when the order is read, not at each
 * keystroke of a new name: placing one is a walk over every speaker and a new map of them all.
 */
function placeNewSpeakers(index: Index, peopleOf: (uri: string) => readonly Person[] | undefined): void {
  const unplaced = index.unplaced;
  if (!unplaced) return;
  index.unplaced = undefined;
  // Each once, and only those still there (typing a name adds and removes one per keystroke).
  const waiting = new Set(unplaced.filter((id) => index.speakers.has(id)));
  if (waiting.size === 0) return;
  const list: Speaker[] = [];
  for (const speaker of index.speakers.values()) if (!waiting.has(speaker.id)) list.push(speaker);
  const places = new Map<string, Map<string, number>>();
  const placeOf = (uri: string, key: string): number => {
    let inArticle = places.get(uri);
    if (!inArticle) places.set(uri, (inArticle = new Map((peopleOf(uri) ?? []).map((p, i) => [p.key, i]))));
    return inArticle.get(key) ?? -1;
  };
  for (const id of waiting) {
    const speaker = index.speakers.get(id)!;
    const own = membersOf(index, id)?.[0];
    const uri = own?.uri ?? '';
    const at = own ? placeOf(uri, own.key) : -1;
    const comesBefore = (other: Speaker): boolean => {
      const first = membersOf(index, other.id)?.[0];
      if (!first) return true;
      return first.uri < uri || (first.uri === uri && placeOf(uri, first.key) < at);
    };
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (comesBefore(list[mid])) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, speaker);
  }
  index.speakers = new Map(list.map((s) => [s.id, s]));
}

/** After filling `idOf` at once: the flat arrays without the room `push` left at their ends. */
function trimIds(idOf: Map<string, ArticleIds>): void {
  for (const [uri, ids] of idOf) if (Array.isArray(ids)) idOf.set(uri, ids.slice());
}

/** The speaker ids of an article's people, `idOf` being filled on first use. */
function idsIn(index: Index, uri: string): ArticleIds | undefined {
  const pending = index.idOfPending;
  if (pending) {
    index.idOfPending = undefined;
    const uris = index.packed!.uris;
    for (const [id, flat] of pending) {
      for (let i = 0; i < flat.length; i += 2) setId(index.idOf, uris[flat[i] as number], flat[i + 1] as string, id);
    }
    trimIds(index.idOf);
  }
  return index.idOf.get(uri);
}

/**
 * Makes up to `count` of a restored index's next speakers (checked by `restoreIndex`), in its
 * order, as `built` makes them, so that a restored speaker equals a built one field for field.
 */
function unpackSpeakers(index: Index, count: number): void {
  const unpacking = index.unpacking!;
  const { uris, members, statements } = index.packed!;
  const all = unpacking.speakers;
  const end = Math.min(all.length, unpacking.next + count);
  for (let n = unpacking.next; n < end; n++) {
    const fields = all.at(n)!;
    const id = fields[0], isOrganization = fields[2], note = fields[5], organization = fields[6];
    const flatMembers = fields[7], flatStatements = fields[8], statementArticles = fields[9], firstDate = fields[10], lastDate = fields[11];
    const articles: string[] = [];
    // Consecutive members of one article compared by number: the URIs share long prefixes.
    let lastArticle = -1;
    for (let i = 0; i < flatMembers.length; i += 2) {
      const article = flatMembers[i] as number;
      if (article !== lastArticle) articles.push(uris[article]);
      lastArticle = article;
    }
    index.idOfPending!.push([id, flatMembers]);
    members.set(id, flatMembers);
    // Kept as read (a view of the cache file's numbers, or an array), unpacked on first use.
    if (flatStatements.length) statements.set(id, flatStatements);
    const speaker: Speaker = { id, name: fields[1], roles: fields[3], spellings: fields[4], isOrganization: isOrganization === 1, statementCount: flatStatements.length / 5, articles, statementArticles: [] };
    speaker.note = note ?? undefined;
    speaker.organization = organization ?? undefined;
    if (flatStatements.length) {
      speaker.statementArticles = statementArticles.map((a) => uris[a]);
      speaker.firstDate = firstDate ?? undefined;
      speaker.lastDate = lastDate ?? undefined;
    }
    index.speakers.set(id, speaker);
  }
  unpacking.next = end;
  if (end === all.length) index.unpacking = undefined;
}

/** A speaker's members, unpacked from a restored index on first use. */
function membersOf(index: Index, id: string): MemberRef[] | undefined {
  const flat = index.packed?.members.get(id);
  if (flat) {
    index.packed!.members.delete(id);
    const members: MemberRef[] = [];
    for (let i = 0; i < flat.length; i += 2) members.push({ uri: index.packed!.uris[flat[i] as number], key: flat[i + 1] as string });
    index.members.set(id, members);
  }
  return index.members.get(id);
}

/** A speaker's statement list, unpacked from a restored index on first use. */
function statementsOf(index: Index, id: string): SpeakerStatements | undefined {
  const flat = index.packed?.statements.get(id);
  if (flat) {
    index.packed!.statements.delete(id);
    index.statementsBy.set(id, SpeakerStatements.fromFlat(flat, index.packed!.uris, index.packed!.dates)!);
  }
  return index.statementsBy.get(id);
}

interface MemberRef {
  uri: string;
  key: string;
}

/** What a speaker's summary reads of one of its people: name, roles and the spellings of its name mentions. */
interface PersonFacts {
  key: string;
  name: string;
  isOrganization: boolean;
  roles: readonly string[];
  named: readonly string[];
}

function factsOf(person: Person): PersonFacts {
  const named: string[] = [];
  for (const m of person.mentions) if (spellsName(m)) named.push(m.text);
  return { key: person.key, name: person.name, isOrganization: person.isOrganization, roles: person.roles, named };
}

/**
 * The cross-article index as plain arrays, for the persistent index: per speaker (in the order
 * `speakers()` gives them) its id, name, organisation flag (0/1), roles, spellings, registry note
 * and organisation, its members as article number and person key pairs, and its statements as
 * article number, statement index, content start and end, and date number (-1: none) — numbers
 * into `uris` (the articles, sorted) and `dates`. `key` is the identity hints and registry notes
 * it was made with.
 */
export interface PackedIndex {
  key: string;
  uris: string[];
  dates: string[];
  /** As made by `exportIndex`, an array; as decoded from the persistent index, read one by one (`SpeakerList`). */
  speakers: PackedSpeaker[] | SpeakerList;
}

/** A speaker of a `PackedIndex`: …, then the articles of its statements (numbers) and their first and last dates. */
export type PackedSpeaker = [string, string, number, string[], string[], string | null, string | null, Array<number | string>, ArrayLike<number>, number[], string | null, string | null];

/**
 * A decoded persistent index's speakers, each read when asked for (`at`), their ids at hand: made
 * only of an index that passed the checks `restoreIndex` makes (but for ids twice), so that
 * reading one cannot fail.
 */
export interface SpeakerList {
  readonly ids: readonly string[];
  readonly length: number;
  at(n: number): PackedSpeaker;
}

/** A packed index's speakers as an array (every one read). */
export function speakersIn(index: PackedIndex): PackedSpeaker[] {
  const speakers = index.speakers;
  if (Array.isArray(speakers)) return speakers;
  const out: PackedSpeaker[] = [];
  for (let n = 0; n < speakers.length; n++) out.push(speakers.at(n));
  return out;
}

/** A statement list as the persistent index gives it back: an array, or 32-bit integers (a view of the file's). */
function isNumberList(x: unknown): x is ArrayLike<number> {
  return Array.isArray(x) || x instanceof Int32Array;
}

/** About how many numbers `exportIndexInSteps` writes between pauses (a few milliseconds' work). */
const EXPORT_STEP = 20_000;

let analyser: typeof AnalysisModule | undefined;
/**
 * `analyzeArticle`, loaded on first use: a warm start that restores every article from the
 * persistent index never needs the analyser, nor the ~0.3 s it takes to load it and chrono-node.
 */
function analyzeArticle(text: string, options: AnalysisOptions, previous: ArticleAnalysis | undefined): ArticleAnalysis {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  analyser ??= require('../analysis') as typeof AnalysisModule;
  return analyser.analyzeArticle(text, options, previous);
}

/** Dates that the article itself establishes: evidence for the years of other articles. */
const DATED_SOURCES = new Set(['dateline', 'front-matter', 'byline-date', 'weekday', 'text-year']);

export class WorkspaceModel {
  private readonly entries = new Map<string, ArticleEntry>();
  private index: Index | undefined;
  /** The dates of dated articles, kept as articles come and go (not recomputed per analysis). */
  private readonly dated = new DatedArticles();
  /** The workspace dates (the `dated.all()` array) each analysis was made with, by its summary. */
  private readonly madeWith = new WeakMap<ArticleSummary, readonly string[]>();
  /** Context keys that restored summaries claim to have been made under; checked by `settleStale`. */
  private readonly claimed = new WeakMap<ArticleSummary, string>();
  /**
   * Articles set or removed since the last `takeTouched()`: what per-article tallies redo. None
   * kept before the first call, which stands for every article (a warm start restores 10,000).
   */
  private touched: Set<string> | undefined;
  private speakerCountsRevision = 0;
  private namesRevision = 0;
  private articlesRevision = 0;
  /** See `placesRevision`. */
  private placesRevisionValue = 0;

  constructor(private options: WorkspaceModelOptions = {}) {}

  /** Analyses (or re-analyses) one article and updates the cross-article index. */
  setArticle(uri: string, text: string): ArticleEntry {
    const dates = this.dated.all();
    // An edit of a document whose analysis is held reuses what it did not touch.
    const analysis = analyzeArticle(text, optionsForArticle(uri, this.analysisOptions(uri)), this.entries.get(uri)?.analysis);
    const keep = this.options.keepAnalysis?.(uri) ?? true;
    const entry: ArticleEntry = { uri, summary: summarizeArticle(uri, analysis, keep), ...(keep ? { analysis } : {}) };
    this.madeWith.set(entry.summary, dates);
    return this.putEntry(entry);
  }

  /**
   * Puts a summary made earlier (a persistent cache's) into the model as if `setArticle` had
   * made it. The caller vouches that it is the summary of that text under `optionsKey()`;
   * `context` is its `contextKey` then, checked by `settleStale` for the summaries that depend on it.
   */
  restoreArticle(uri: string, summary: ArticleSummary, context?: string): ArticleEntry {
    if (context !== undefined) this.claimed.set(summary, context);
    return this.putEntry({ uri, summary });
  }

  /** Drops an article's full analysis (its document was closed); its summary, packed, answers from now on. */
  release(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry?.analysis) return;
    const summary = packed(entry.summary);
    const made = this.madeWith.get(entry.summary);
    if (made) this.madeWith.set(summary, made);
    const claim = this.claimed.get(entry.summary);
    if (claim !== undefined) this.claimed.set(summary, claim);
    this.entries.set(uri, { uri, summary });
  }

  /**
   * After a load: analyses that depend on the other articles and were made with other workspace
   * dates (or on another day) than now are made again. Restored analyses whose claimed context is
   * the current one are kept. A few passes, since a redone analysis may change the dates; returns
   * how many analyses were redone.
   */
  settleStale(textOf: (uri: string) => string | undefined = () => undefined, maxPasses = 3): number {
    let redone = 0;
    const stale = this.staleArticles(maxPasses);
    for (let next = stale.next(); !next.done; ) {
      const { uri, analysis } = next.value;
      // A summary without its text is analysed again from the text the caller reads.
      const text = analysis?.text ?? textOf(uri);
      if (text !== undefined) {
        this.setArticle(uri, text);
        redone++;
      }
      next = stale.next(text !== undefined);
    }
    return redone;
  }

  /**
   * `settleStale`'s walk, for a caller that redoes articles itself (an index worker analysing a
   * closed one, then `putAnalysed`): yields each entry to analyse again, in the same order and
   * after the same checks, and resumes with whether it was redone — one at a time, since each
   * redone analysis may change the dates the next is checked against.
   */
  *staleArticles(maxPasses = 3): Generator<ArticleEntry, void, boolean> {
    for (let pass = 0; pass < maxPasses; pass++) {
      const current = this.dated.all();
      const currentKey = this.contextKeyOf(current);
      let stale = 0;
      for (const entry of [...this.entries.values()]) {
        const summary = entry.summary;
        if (!dependsOnWorkspace(summary) || this.madeWith.get(summary) === this.dated.all()) continue;
        if (this.claimed.get(summary) === currentKey && this.dated.all() === current) {
          this.madeWith.set(summary, current);
          continue;
        }
        if (yield entry) stale++;
      }
      if (stale === 0) break;
    }
  }

  /**
   * Puts in the summary of an article analysed elsewhere (an index worker) with `analysisOptions(uri)`
   * as they were when `workspaceDates()` gave `madeWith`: as if `setArticle` had made it then.
   */
  putAnalysed(uri: string, summary: ArticleSummary, madeWith: readonly string[]): ArticleEntry {
    this.madeWith.set(summary, madeWith);
    return this.putEntry({ uri, summary });
  }

  /**
   * What an article's analysis depends on besides its text and the options: for articles whose
   * dateline year is guessed, the day and the workspace dates it was made with; else undefined.
   */
  contextKey(uri: string): string | undefined {
    const summary = this.entries.get(uri)?.summary;
    if (!summary || !dependsOnWorkspace(summary)) return undefined;
    const made = this.madeWith.get(summary);
    if (made) return this.contextKeyOf(made);
    return this.claimed.get(summary);
  }

  /** The options every analysis depends on, as a string a cache compares. */
  optionsKey(): string {
    const { workspaceDates, today, ...rest } = this.options.analysis ?? {};
    return JSON.stringify({ ...rest, workspaceDates: workspaceDates ?? [], today: today ?? null });
  }

  /**
   * After a bulk load: articles whose dateline year had to be guessed are analysed again with
   * the dates of every dated article in the workspace.
   */
  settle(): void {
    for (const entry of [...this.entries.values()]) {
      if (entry.analysis && dependsOnWorkspace(entry.summary)) this.setArticle(entry.uri, entry.analysis.text);
    }
  }

  private indexBuildsValue = 0;
  /** How many times the cross-article index was built from every article (not patched, not restored). */
  get indexBuilds(): number {
    return this.indexBuildsValue;
  }

  /** Forgets an article; returns whether it was known. */
  removeArticle(uri: string): boolean {
    const previous = this.entries.get(uri);
    if (!previous) return false;
    this.entries.delete(uri);
    this.dated.delete(uri);
    this.touched?.add(uri);
    this.articlesRevision++;
    this.placesRevisionValue++;
    this.namesRevision++;
    // An article nobody is named in holds no place in the index; one that named people leaves it as an edit naming nobody would.
    if (previous.summary.people.length === 0 && !detailLost(previous.summary)) return true;
    const index = this.index;
    if (index?.unpacking) unpackSpeakers(index, Infinity);
    if (index && !detailLost(previous.summary) && this.reclusterAround(index, uri, previous.summary, undefined)) this.speakerCountsRevision++;
    else this.invalidateIndex();
    return true;
  }

  getArticle(uri: string): ArticleEntry | undefined {
    return this.entries.get(uri);
  }

  articles(): ArticleEntry[] {
    return [...this.entries.values()];
  }

  /** The articles whose full analysis the model keeps (all of them, unless `keepAnalysis` says otherwise). */
  analysedArticles(): AnalysedEntry[] {
    return this.articles().filter((e): e is AnalysedEntry => e.analysis !== undefined);
  }

  /** How many articles the model holds. */
  get size(): number {
    return this.entries.size;
  }

  /** The articles set or removed since the last call (each once); undefined the first time: every article the model holds. */
  takeTouched(): Set<string> | undefined {
    const out = this.touched;
    this.touched = new Set();
    return out;
  }

  /** Changes whenever an article is set or removed: answers cached under one revision stand until the next. */
  get revision(): number {
    return this.articlesRevision;
  }

  /**
   * Like `revision`, but not changed when an article is set again to the same text (as when an
   * open document's text, already summarised, is analysed in full), unless its analysis depends
   * on the other articles: an answer made of speakers' statements and where they are in their
   * articles (references) stands until this changes.
   */
  get placesRevision(): number {
    return this.placesRevisionValue;
  }

  /**
   * Changes whenever a speaker's name, statement count or number of articles with statements
   * may have changed (what code lenses show): a cheap test for "refresh the views".
   */
  get speakerCountsVersion(): number {
    return this.speakerCountsRevision;
  }

  /**
   * Changes whenever who is named where, or how, may have changed (people, their names, roles and
   * name mentions' spellings): what an article's cross-article diagnostics depend on besides itself.
   */
  get namesVersion(): number {
    return this.namesRevision;
  }

  /** How many workspace speakers there are. */
  get speakerCount(): number {
    const index = this.built(false);
    return index.unpacking ? index.unpacking.speakers.length : index.speakers.size;
  }

  /**
   * Makes up to `count` more of a restored index's speakers (`restoreIndex` leaves them packed);
   * returns whether none are left. For a caller that does it in slices after a warm start's first
   * `indexed`: whatever reads the index before then makes the rest at once, with the same result.
   */
  unpackRestored(count: number): boolean {
    const index = this.index;
    if (!index?.unpacking) return true;
    unpackSpeakers(index, count);
    return index.unpacking === undefined;
  }

  /** The analysis options an article is analysed with now (what a cached analysis must match). */
  analysisOptions(uri: string): AnalysisOptions {
    const own = this.options.analysis?.workspaceDates ?? [];
    const others = this.dated.datesExcept(uri);
    return { ...this.options.analysis, workspaceDates: own.length ? [...own, ...others] : others };
  }

  /** The dates of the dated articles, sorted and distinct: what guessed dateline years depend on. */
  workspaceDates(): readonly string[] {
    return this.dated.all();
  }

  speakers(): Speaker[] {
    return [...this.inOrder(this.built()).speakers.values()];
  }

  /** The index with its speakers in their order (new ones placed). */
  private inOrder(index: Index): Index {
    placeNewSpeakers(index, (uri) => this.entries.get(uri)?.summary.people);
    return index;
  }

  getSpeaker(id: string): Speaker | undefined {
    return this.built().speakers.get(id);
  }

  /** The workspace speaker id of a person in one article. */
  speakerIdOf(uri: string, personKey: string): string | undefined {
    return idIn(idsIn(this.built(), uri), personKey);
  }

  /** Every statement by a speaker, ordered by article and position. */
  statementsBySpeaker(id: string): StatementRef[] {
    const list = statementsOf(this.built(), id);
    return list ? list.refs(id, this.statementOf) : [];
  }

  /**
   * Every statement by a speaker as its list keeps them (ordered by article and position): the
   * articles and content spans only, for a reader that places thousands of them and reads nothing
   * else (references), with no object made per statement.
   */
  statementSpansBySpeaker(id: string): StatementSpans {
    return statementsOf(this.built(), id) ?? NO_SPANS;
  }

  /** A statement of an article by its index (decoding a closed article's statements). */
  private readonly statementOf = (uri: string, index: number): Statement | undefined => this.entries.get(uri)?.summary.statements[index];

  /** What the cross-article index depends on besides the articles: identity hints and registry notes. */
  private indexKey(): string {
    const notes = this.options.speakerNotes ? [...this.options.speakerNotes] : null;
    return hashString(JSON.stringify([this.options.identity ?? null, notes]));
  }

  /** The cross-article index (built if need be) as plain arrays, for the persistent index. */
  exportIndex(): PackedIndex {
    const steps = this.exportIndexInSteps();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value!;
    }
  }

  /**
   * `exportIndex` a few thousand numbers at a time, pausing (yielding) between them so that the
   * caller can let other work in. Returns undefined if an article was set or removed, or another
   * index installed, during a pause: an export is of one state of the model, never of two.
   */
  *exportIndexInSteps(numbersPerStep = EXPORT_STEP): Generator<void, PackedIndex | undefined> {
    const index = this.inOrder(this.built());
    const revision = this.articlesRevision;
    const changed = () => this.index !== index || this.articlesRevision !== revision;
    const uris = [...this.entries.keys()].sort();
    yield;
    if (changed()) return undefined;
    const numberOf = new Map(uris.map((uri, i) => [uri, i]));
    const dates: string[] = [];
    const dateNumbers = new Map<string, number>();
    const speakers: PackedIndex['speakers'] = [];
    const packed = index.packed;
    const dateNumber = (date: string): number => {
      let d = dateNumbers.get(date);
      if (d === undefined) dateNumbers.set(date, (d = dates.push(date) - 1));
      return d;
    };
    // A restored index's article and date numbers, renumbered once each, not once per use.
    const articleOfPacked = packed ? packed.uris.map((uri) => numberOf.get(uri)!) : [];
    const dateOfPacked: number[] = [];
    yield;
    if (changed()) return undefined;
    let done = 0;
    for (const [id, speaker] of index.speakers) {
      if (done >= numbersPerStep) {
        done = 0;
        yield;
        if (changed()) return undefined;
      }
      // A speaker still packed (never read since the index was restored) is renumbered, not unpacked.
      const members: Array<number | string> = [];
      const packedMembers = packed?.members.get(id);
      if (packedMembers) {
        for (let i = 0; i < packedMembers.length; i += 2) members.push(articleOfPacked[packedMembers[i] as number], packedMembers[i + 1]);
      } else for (const m of index.members.get(id) ?? []) members.push(numberOf.get(m.uri)!, m.key);
      // Typed, exactly their size: some 200,000 statements' five numbers at 10,000 articles, held while the save lasts.
      const packedStatements = packed?.statements.get(id);
      let statements: Int32Array = NO_NUMBERS;
      if (packedStatements) {
        statements = new Int32Array(packedStatements.length);
        for (let i = 0; i < packedStatements.length; i += 5) {
          const d = packedStatements[i + 4];
          statements[i] = articleOfPacked[packedStatements[i]];
          statements[i + 1] = packedStatements[i + 1];
          statements[i + 2] = packedStatements[i + 2];
          statements[i + 3] = packedStatements[i + 3];
          statements[i + 4] = d < 0 ? -1 : (dateOfPacked[d] ??= dateNumber(packed!.dates[d]));
        }
      } else statements = index.statementsBy.get(id)?.flat(numberOf, dates, dateNumbers) ?? NO_NUMBERS;
      done += members.length + statements.length + 16;
      speakers.push([
        id, speaker.name, speaker.isOrganization ? 1 : 0, speaker.roles, speaker.spellings, speaker.note ?? null, speaker.organization ?? null, members, statements,
        speaker.statementArticles.map((uri) => numberOf.get(uri)!), speaker.firstDate ?? null, speaker.lastDate ?? null,
      ]);
    }
    return { key: this.indexKey(), uris, dates, speakers };
  }

  /**
   * Installs a cross-article index that `exportIndex` made, instead of building one on the next
   * question. The caller vouches that every article holds the very summary it was made from; here
   * it is checked to be of these articles (the same URIs) and these hints and notes, and of the
   * right shape. Returns whether it was installed; if not, the index is built when first needed.
   * Speakers and who is who are set up at once; a speaker's statement list and members are
   * unpacked when first read (references, an edit that touches the speaker).
   * `madeFrom` gives, for articles the model now holds another summary of (an open buffer analysed
   * before the index could be restored, a file changed since), the summary the index was made
   * from: the index is brought up to date from it as an edit would bring it (patched when the
   * same people are named, else rebuilt on the next question).
   */
  restoreIndex(packedIndex: PackedIndex, madeFrom?: ReadonlyMap<string, ArticleSummary>): boolean {
    if (!this.installIndex(packedIndex)) return false;
    if (madeFrom) {
      for (const [uri, summary] of madeFrom) {
        const entry = this.entries.get(uri);
        if (entry && entry.summary !== summary) this.followInIndex({ uri, summary }, entry);
      }
    }
    return true;
  }

  private installIndex(packedIndex: PackedIndex): boolean {
    try {
      if (!packedIndex || packedIndex.key !== this.indexKey() || !packedIndex.speakers || !Array.isArray(packedIndex.dates)) return false;
      // The same URIs as the model's, sorted: checked in one pass (strictly ascending, each an
      // article here, as many) instead of sorting the model's 10,000 to compare.
      const uris = packedIndex.uris;
      if (!Array.isArray(uris) || uris.length !== this.entries.size) return false;
      for (let i = 0; i < uris.length; i++) {
        if (typeof uris[i] !== 'string' || !this.entries.has(uris[i]) || (i > 0 && !(uris[i - 1] < uris[i]))) return false;
      }
      const dates = packedIndex.dates;
      const seen = new Set<string>();
      const all = packedIndex.speakers;
      // Checked whole now (a bad index is refused here, never half used); made into speakers later
      // (`unpackSpeakers`). A decoded one was checked as it was decoded, but for ids twice.
      if (!Array.isArray(all)) {
        for (const id of all.ids) {
          if (seen.has(id)) return false;
          seen.add(id);
        }
      } else for (const fields of all) {
        // By position: destructuring twelve fields (through the array iterator) cost more than the rest of this loop.
        const id = fields[0], name = fields[1], roles = fields[3], spellings = fields[4];
        const flatMembers = fields[7], flatStatements = fields[8], statementArticles = fields[9];
        if (typeof id !== 'string' || typeof name !== 'string' || !Array.isArray(roles) || !Array.isArray(spellings) || !Array.isArray(flatMembers) || !isNumberList(flatStatements)) return false;
        if (seen.has(id) || flatMembers.length === 0 || flatMembers.length % 2 || flatStatements.length % 5 || !Array.isArray(statementArticles)) return false;
        seen.add(id);
        for (let i = 0; i < flatMembers.length; i += 2) {
          if (uris[flatMembers[i] as number] === undefined || typeof flatMembers[i + 1] !== 'string') return false;
        }
        const integers = flatStatements instanceof Int32Array;
        for (let i = 0; i < flatStatements.length; i += 5) {
          const d = flatStatements[i + 4];
          if (uris[flatStatements[i]] === undefined || !(d === -1 || typeof dates[d] === 'string')) return false;
          if (!integers && (!Number.isInteger(flatStatements[i + 1]) || !Number.isInteger(flatStatements[i + 2]) || !Number.isInteger(flatStatements[i + 3]))) return false;
        }
        if (flatStatements.length) for (const n of statementArticles) if (uris[n] === undefined) return false;
      }
      const packed: NonNullable<Index['packed']> = { uris, dates, members: new Map(), statements: new Map() };
      this.index = {
        speakers: new Map(), idOf: new Map(), idOfPending: [], statementsBy: new Map(), members: new Map(), notes: this.options.speakerNotes, packed,
        unpacking: { speakers: all, next: 0 },
      };
      this.placesRevisionValue++;
      return true;
    } catch {
      return false;
    }
  }

  /** Speakers whose name or any spelling contains the query (case and diacritics ignored). */
  findSpeakers(query: string): Speaker[] {
    const q = fold(query);
    return this.speakers().filter((s) => s.spellings.some((n) => fold(n).includes(q)) || s.id === query);
  }

  /** The person mention under an offset, with the person and its workspace id. */
  mentionAt(uri: string, offset: number): { mention: Mention; person: Person; speakerId?: string } | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    for (const person of (entry.analysis ?? entry.summary).people) {
      for (const mention of person.mentions) {
        if (mention.span.start <= offset && offset <= mention.span.end) {
          return { mention, person, speakerId: this.speakerIdOf(uri, person.key) };
        }
      }
    }
    return undefined;
  }

  /** The statement whose content, cue or source covers an offset (innermost content first). */
  statementAt(uri: string, offset: number): StatementRef | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    const statements = entry.summary.statements;
    const within = (s: { start: number; end: number } | undefined) => !!s && s.start <= offset && offset <= s.end;
    let index = statements.findIndex((s) => within(s.cueSpan) || within(s.sourceSpan));
    if (index < 0) index = statements.findIndex((s) => within(s.contentSpan));
    if (index < 0) return undefined;
    const statement = statements[index];
    return { uri, index, statement, contentSpan: statement.contentSpan, speakerId: statement.personKey ? this.speakerIdOf(uri, statement.personKey) : undefined };
  }

  dateAt(uri: string, offset: number): DateMention | undefined {
    return this.entries.get(uri)?.analysis?.dates.find((d) => d.span.start <= offset && offset <= d.span.end);
  }

  private readonly contextKeys = new WeakMap<readonly string[], string>();
  private contextKeyOf(dates: readonly string[]): string {
    let key = this.contextKeys.get(dates);
    if (key === undefined) {
      key = `${this.options.analysis?.today ?? localToday()}|${dates.length}|${hashString(dates.join(','))}`;
      this.contextKeys.set(dates, key);
    }
    return key;
  }

  private putEntry(entry: ArticleEntry): ArticleEntry {
    const uri = entry.uri;
    const previous = this.entries.get(uri);
    this.entries.set(uri, entry);
    this.dated.set(uri, entry.summary);
    this.touched?.add(uri);
    this.articlesRevision++;
    if (!previous || !sameText(previous, entry)) this.placesRevisionValue++;
    const namesAsBefore = !!previous && sameNamesIn(previous.summary, entry.summary);
    if (!namesAsBefore) this.namesRevision++;
    this.followInIndex(previous, entry, namesAsBefore);
    return entry;
  }

  /** Brings the cross-article index, if there is one, from an article's previous summary to its new one. */
  private followInIndex(previous: ArticleEntry | undefined, entry: ArticleEntry, namesAsBefore = false): void {
    if (!this.index) return;
    if (this.index.unpacking) unpackSpeakers(this.index, Infinity);
    // Typing rarely changes who is named: then the clusters stand and only this article's
    // share of the index is redone. Otherwise the next question rebuilds it.
    if (previous && !detailLost(previous.summary)) {
      if (sameIdentity(previous.summary.people, entry.summary.people)) {
        if (this.patchIndex(this.index, previous.summary, entry, namesAsBefore)) this.speakerCountsRevision++;
        return;
      }
      if (this.followNewNames(this.index, previous, entry)) {
        this.speakerCountsRevision++;
        return;
      }
    }
    if (!previous && entry.summary.people.length === 0) return;
    if ((!previous || !detailLost(previous.summary)) && this.reclusterAround(this.index, entry.uri, previous?.summary, entry)) {
      this.speakerCountsRevision++;
      return;
    }
    this.invalidateIndex();
  }

  /**
   * Follows any other change of who an article names (`previous` its summary then, `entry` now,
   * either missing for an article added or removed) by clustering again only the speakers the
   * change can touch, as a rebuild would cluster them: the people whose names clustering compares
   * with a name the article named or names only on one side (identity.ts compares names within a
   * surname, surnames one letter apart step by step, a surname alone with the full names of that
   * surname, an organisation with the same name). The people named on both sides, in the same
   * order, keep their speakers (renumbered, as in `followNewNames`) unless their names are among
   * those; otherwise every person of the article counts as changed. The speakers whose ids a
   * rebuild would number otherwise (one name's suffixes) are renamed. False, with the index left
   * to be rebuilt, when registry aliases join names across those lines or a name's id could meet
   * another name's suffix.
   */
  private reclusterAround(index: Index, uri: string, previous: Pick<ArticleSummary, 'people' | 'statements'> | undefined, entry: ArticleEntry | undefined): boolean {
    if (this.options.identity?.aliases?.length) return false;
    const names = (index.names ??= new SpeakerNames(index.speakers.values()));
    const before = previous?.people ?? [];
    // New speakers `followNewNames` left at the end go to their places first (the order below is
    // searched, and speakers may be renamed), placed by the people their members' keys are of: this
    // article's as they were.
    placeNewSpeakers(index, (of) => (of === uri ? before : this.entries.get(of)?.summary.people));
    const after = entry?.summary.people ?? [];
    const kept = keptInOrder(before, after) ?? [];
    const keptBefore = new Set(kept.map(([b]) => b));
    const keptAfter = new Set(kept.map(([, a]) => a));
    // The keys clustering compares the changed names under, then every surname it could group with them.
    const surnames: string[] = [];
    const affectedKeys = new Set<string>();
    for (const person of [...before.filter((p) => !keptBefore.has(p)), ...after.filter((p) => !keptAfter.has(p))]) {
      const key = keyOf(person.name, person.isOrganization);
      if (key.startsWith('o:')) affectedKeys.add(key);
      else surnames.push(key.slice(2));
    }
    for (const surname of names.surnameGroupOf(surnames)) affectedKeys.add(`s:${surname}`).add(`l:${surname}`);
    const affectedPerson = (p: Person) => affectedKeys.has(keyOf(p.name, p.isOrganization));

    // Each article's people as the clusters read them (decoded once here), the edited one's as they
    // are now; and the statements decoded with them, as the speakers' lists below take them (a busy
    // speaker's articles, thousands, are not decoded a second time for those lists).
    const peopleIn = new Map<string, readonly Person[]>([[uri, after]]);
    const headsIn = new Map<string, StatementHead[]>();
    const peopleOf = (of: string): readonly Person[] => {
      let people = peopleIn.get(of);
      if (!people) {
        const detail = detailOf(this.entries.get(of)!.summary);
        peopleIn.set(of, (people = detail.people));
        headsIn.set(of, statementHeads(detail.statements));
      }
      return people;
    };
    const placeIn = new Map<string, Map<string, number>>();
    const placeOf = (of: string, key: string): number => {
      let places = placeIn.get(of);
      if (!places) placeIn.set(of, (places = new Map(peopleOf(of).map((p, i) => [p.key, i]))));
      return places.get(key) ?? -1;
    };
    // The edited article's people as they were, by key (its members in the index still have these keys).
    const beforeByKey = new Map(before.map((p) => [p.key, p]));
    const newKeyOf = new Map(kept.map(([b, a]) => [b.key, a.key]));

    // The speakers with people of those keys, whole: a speaker is one name group's, never part in and part out.
    const idsBefore = idsIn(index, uri);
    const candidates = new Set<string>();
    for (const person of before) {
      const id = idIn(idsBefore, person.key);
      if (id && (!keptBefore.has(person) || affectedPerson(person))) candidates.add(id);
    }
    for (const key of affectedKeys) for (const id of names.speakersWith(key)) candidates.add(id);
    const affected = new Set<string>();
    const occurrences: Array<PersonOccurrence<PersonFacts> & { place: number }> = [];
    for (const id of candidates) {
      const members = membersOf(index, id) ?? [];
      let inGroup = 0;
      for (const m of members) {
        const person = m.uri === uri ? beforeByKey.get(m.key) : peopleOf(m.uri)[placeOf(m.uri, m.key)];
        // A person of the edited article that is gone counts as in: its speaker changes whatever its name.
        if (person && (affectedPerson(person) || (m.uri === uri && !keptBefore.has(person)))) inGroup++;
      }
      if (inGroup === 0) continue; // found by a spelling only
      if (inGroup !== members.length) return false;
      affected.add(id);
      for (const m of members) {
        if (m.uri === uri) continue;
        const place = placeOf(m.uri, m.key);
        occurrences.push({ uri: m.uri, person: factsOf(peopleOf(m.uri)[place]), place });
      }
    }
    // The edited article's people now: the new ones, and those kept whose names are compared with a changed one.
    const wasOf = new Map(kept.map(([b, a]) => [a, b]));
    for (let place = 0; place < after.length; place++) {
      const person = after[place];
      const was = wasOf.get(person);
      if (was && !affectedPerson(person)) {
        // Kept with its speaker: that speaker must not be one clustered again.
        const id = idIn(idsBefore, was.key);
        if (id && affected.has(id)) return false;
        continue;
      }
      if (was) {
        const id = idIn(idsBefore, was.key);
        if (id && !affected.has(id)) return false;
      }
      occurrences.push({ uri, person: factsOf(person), place });
    }
    occurrences.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.place - b.place));
    const clusters = clusterPeople(occurrences, this.options.identity);

    // Ids: every speaker of a name these speakers had or now have, numbered again in the order of
    // first mentions. `renumbered`: the kept people of the edited article have their new keys already.
    type Place = { uri: string; place: number };
    const firstOf = (id: string, renumbered: boolean): Place => {
      const first = membersOf(index, id)![0];
      const key = first.uri === uri && !renumbered ? newKeyOf.get(first.key) ?? first.key : first.key;
      return { uri: first.uri, place: placeOf(first.uri, key) };
    };
    const beforeFirst = (a: Place, b: Place) => a.uri < b.uri || (a.uri === b.uri && a.place < b.place);
    type Cluster = (typeof clusters)[number];
    type Numbered = { first: Place; kept?: string; cluster?: Cluster };
    const byBase = new Map<string, Numbered[]>();
    const entryFor = (base: string) => byBase.get(base) ?? byBase.set(base, []).get(base)!;
    for (const id of affected) entryFor(slug(index.speakers.get(id)!.name));
    for (const cluster of clusters) {
      const first = cluster.members[0] as (typeof occurrences)[number];
      entryFor(slug(cluster.name)).push({ first: { uri: first.uri, place: first.place }, cluster });
    }
    for (const [base, list] of byBase) {
      // An empty base (ids "speaker", "-2", …) or one shaped like a suffix can meet another base's ids.
      if (!base || base === 'speaker' || /-\d+$/.test(base)) return false;
      for (const id of names.speakersWith(`id:${base}`)) if (!affected.has(id)) list.push({ first: firstOf(id, false), kept: id });
      list.sort((a, b) => (beforeFirst(a.first, b.first) ? -1 : beforeFirst(b.first, a.first) ? 1 : 0));
      for (let n = 2; n <= list.length + 1; n++) if (names.speakersWith(`id:${base}-${n}`).size > 0) return false;
    }

    // From here on the index changes (a refusal above left it as it was). The speakers clustered again go.
    const articles = new Set<string>([uri]);
    for (const id of affected) {
      for (const m of membersOf(index, id) ?? []) articles.add(m.uri);
      statementsOf(index, id);
      index.speakers.delete(id);
      index.members.delete(id);
      index.statementsBy.delete(id);
      names.remove(id);
    }
    // The kept people with their speakers, under their new keys (their members found before any is
    // changed); the article's share of those speakers redone against its previous people and statements.
    renumberKept(index, uri, kept, idsBefore, affected);
    if (entry && previous) this.patchUnderNewKeys(index, kept, previous.statements, entry);
    // Renamed speakers keep their place in the order under their new ids (all taken out first: two may swap ids).
    const renamed = new Map<string, string>();
    const made: Array<{ id: string; cluster: Cluster }> = [];
    for (const [base, list] of byBase) {
      list.forEach((numbered, n) => {
        const id = n === 0 ? base : `${base}-${n + 1}`;
        if (numbered.cluster) made.push({ id, cluster: numbered.cluster });
        else if (numbered.kept !== id) renamed.set(numbered.kept!, id);
      });
    }
    const moving = [...renamed].map(([from, to]) => ({ to, speaker: index.speakers.get(from)!, members: membersOf(index, from)!, list: statementsOf(index, from) }));
    for (const [from] of renamed) {
      names.remove(from);
      index.members.delete(from);
      index.statementsBy.delete(from);
    }
    for (const { to, speaker, members, list } of moving) {
      speaker.id = to;
      index.members.set(to, members);
      if (list) index.statementsBy.set(to, list);
      for (const m of members) setId(index.idOf, m.uri, m.key, to);
      names.add(to, speaker.name, speaker.isOrganization, speaker.spellings);
    }
    // The new speakers, each where a rebuild puts it.
    const order = [...index.speakers.values()];
    const firstById = new Map<string, Place>();
    const firstPlace = (speaker: Speaker) => firstById.get(speaker.id) ?? firstOf(speaker.id, true);
    for (const { id, cluster } of made) {
      const members = cluster.members as typeof occurrences;
      index.members.set(id, members.map((m) => ({ uri: m.uri, key: m.person.key })));
      for (const m of members) setId(index.idOf, m.uri, m.person.key, id);
      const speaker: Speaker = { id, name: cluster.name, roles: [], spellings: [], isOrganization: cluster.isOrganization, statementCount: 0, articles: [], statementArticles: [] };
      const first = { uri: members[0].uri, place: members[0].place };
      firstById.set(id, first);
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (beforeFirst(firstPlace(order[mid]), first)) lo = mid + 1;
        else hi = mid;
      }
      order.splice(lo, 0, speaker);
    }
    index.speakers = new Map(order.map((speaker) => [speaker.id, speaker]));
    for (const { id, cluster } of made) summarise(index, id, cluster.members as typeof occurrences);
    // Their statements, article by article in URI order, as a rebuild lists them.
    const lists = new Map<string, SpeakerStatements>();
    for (const of of [...articles].sort()) {
      const summary = of === uri ? entry?.summary : this.entries.get(of)?.summary;
      if (!summary) continue;
      const ids = idsIn(index, of);
      for (const head of (of !== uri && headsIn.get(of)) || statementHeads(detailOf(summary).statements)) {
        const id = idIn(ids, head.key);
        if (!id || !firstById.has(id)) continue;
        let list = lists.get(id);
        if (!list) lists.set(id, (list = new SpeakerStatements()));
        list.push(of, head.index, head.start, head.end, head.date);
      }
    }
    for (const { id } of made) {
      const list = lists.get(id);
      if (list) index.statementsBy.set(id, list.trim());
      summariseStatements(index, id);
      const speaker = index.speakers.get(id)!;
      names.add(id, speaker.name, speaker.isOrganization, speaker.spellings);
    }
    return true;
  }

  /**
   * Follows an edit that names people no other speaker's name is compared with, or no longer names
   * people who were speakers of their own (as typing a name does at each keystroke), as a rebuild
   * would: those speakers go, the new ones come in at their place in the order (by first
   * mention), and the article's share is redone. False, with the index left to be rebuilt, for
   * any other change of who is named.
   */
  private followNewNames(index: Index, previous: ArticleEntry, entry: ArticleEntry): boolean {
    if (this.options.identity?.aliases?.length) return false;
    const uri = entry.uri;
    const before = previous.summary.people;
    const after = entry.summary.people;
    const kept = keptInOrder(before, after);
    if (!kept) return false;
    const keptBefore = new Set(kept.map(([then]) => then));
    const keptAfter = new Set(kept.map(([, now]) => now));
    const gone = before.filter((p) => !keptBefore.has(p));
    const come = after.filter((p) => !keptAfter.has(p));
    const ids = idsIn(index, uri);
    const names = (index.names ??= new SpeakerNames(index.speakers.values()));
    const goneIds: string[] = [];
    for (const person of gone) {
      const id = idIn(ids, person.key);
      const members = id ? membersOf(index, id) : undefined;
      if (!id || members?.length !== 1 || members[0].uri !== uri || members[0].key !== person.key || !names.canGo(id, person)) return false;
      goneIds.push(id);
    }
    for (const id of goneIds) names.remove(id);
    const comeIds: string[] = [];
    for (const person of come) {
      const id = names.aloneId(person);
      if (!id) {
        // The names as they were, for the next way of following the change.
        for (const added of comeIds) names.remove(added);
        for (const removed of goneIds) {
          const speaker = index.speakers.get(removed)!;
          names.add(removed, speaker.name, speaker.isOrganization, speaker.spellings);
        }
        return false;
      }
      names.add(id, person.name, person.isOrganization, [person.name]);
      comeIds.push(id);
    }
    if (index.unplaced && goneIds.length) index.unplaced = index.unplaced.filter((id) => !goneIds.includes(id));
    for (const id of goneIds) {
      index.speakers.delete(id);
      index.members.delete(id);
      index.statementsBy.delete(id);
      index.packed?.members.delete(id);
      index.packed?.statements.delete(id);
    }
    // Who is who in the article under its new keys: the kept people's speakers, and the new ones.
    renumberKept(index, uri, kept, ids);
    come.forEach((person, i) => {
      const id = comeIds[i];
      setId(index.idOf, uri, person.key, id);
      index.members.set(id, [{ uri, key: person.key }]);
      const speaker: Speaker = { id, name: person.name, roles: [], spellings: [], isOrganization: person.isOrganization, statementCount: 0, articles: [], statementArticles: [] };
      // At the end for now; put in its place when the order is next read (`placeNewSpeakers`).
      index.speakers.set(id, speaker);
      (index.unplaced ??= []).push(id);
    });
    this.patchUnderNewKeys(index, kept, previous.summary.statements, entry);
    for (const id of comeIds) summariseStatements(index, id);
    return true;
  }

  /**
   * The article's share of the index redone against its previous people and statements, these
   * under the kept people's new keys (those of people gone, or not kept, under none): what a
   * speaker without an id in the article by now does not see.
   */
  private patchUnderNewKeys(index: Index, kept: ReadonlyArray<[Person, Person]>, previousStatements: readonly Statement[], entry: ArticleEntry): void {
    const newKeyOf = new Map(kept.map(([then, now]) => [then.key, now.key]));
    const underNewKeys = (key: string | undefined) => (key === undefined ? undefined : newKeyOf.get(key) ?? `\u0000gone:${key}`);
    const people = kept.map(([then, now]) => ({ ...then, key: now.key }));
    const statements = previousStatements.map((s) => (s.personKey === undefined ? s : { ...s, personKey: underNewKeys(s.personKey) }));
    this.patchIndex(index, { people, statements }, entry);
  }

  private invalidateIndex(): void {
    this.index = undefined;
    this.speakerCountsRevision++;
    this.namesRevision++;
  }

  /** The cross-article index, built if need be, and (unless `whole` is false) a restored one's speakers all made. */
  private built(whole = true): Index {
    if (this.index) {
      if (whole && this.index.unpacking) unpackSpeakers(this.index, Infinity);
      return this.index;
    }
    // One pass over the articles, in workspace order, decoding each (closed) article once: the
    // people as the facts clustering and speakers' summaries read, the statements as the fields
    // their lists keep. Nothing decoded outlives the build.
    const uris = [...this.entries.keys()].sort();
    const occurrences: PersonOccurrence<PersonFacts>[] = [];
    // Each statement with a speaker as six numbers (article: its place in `uris`; index; content
    // start and end; date number; key number) in one growing typed array, not six arrays of
    // values: some 200,000 statements at 10,000 articles, held until the build ends.
    let heads: Int32Array = new Int32Array(HEAD_FIELDS * 1024);
    let headCount = 0;
    const keyTable: string[] = [];
    const keyNumbers = new Map<string, number>();
    uris.forEach((uri, article) => {
      const { people, statements } = detailOf(this.entries.get(uri)!.summary);
      for (const person of people) occurrences.push({ uri, person: factsOf(person) });
      statements.forEach((statement, i) => {
        if (!statement.personKey) return;
        let key = keyNumbers.get(statement.personKey);
        if (key === undefined) keyNumbers.set(statement.personKey, (key = keyTable.push(statement.personKey) - 1));
        const at = HEAD_FIELDS * headCount++;
        heads = withRoom(heads, at + HEAD_FIELDS);
        heads[at] = article;
        heads[at + 1] = i;
        heads[at + 2] = statement.contentSpan.start;
        heads[at + 3] = statement.contentSpan.end;
        heads[at + 4] = dateNumberOf(statement.date ?? '');
        heads[at + 5] = key;
      });
    });
    const clusters = clusterPeople(occurrences, this.options.identity);
    this.indexBuildsValue++;
    const index: Index = { speakers: new Map(), idOf: new Map(), statementsBy: new Map(), members: new Map(), notes: this.options.speakerNotes };
    for (const cluster of clusters) {
      for (const { uri, person } of cluster.members) {
        setId(index.idOf, uri, person.key, cluster.id);
      }
      index.members.set(
        cluster.id,
        cluster.members.map(({ uri, person }) => ({ uri, key: person.key })),
      );
      index.speakers.set(cluster.id, {
        id: cluster.id,
        name: cluster.name,
        roles: [],
        spellings: [],
        isOrganization: cluster.isOrganization,
        statementCount: 0,
        articles: [],
        statementArticles: [],
      });
      summarise(index, cluster.id, cluster.members);
    }
    trimIds(index.idOf);
    for (let at = 0; at < HEAD_FIELDS * headCount; at += HEAD_FIELDS) {
      const uri = uris[heads[at]];
      const id = idIn(idsIn(index, uri), keyTable[heads[at + 5]]);
      if (!id) continue;
      let list = index.statementsBy.get(id);
      if (!list) index.statementsBy.set(id, (list = new SpeakerStatements()));
      list.append(uri, heads[at + 1], heads[at + 2], heads[at + 3], heads[at + 4]);
    }
    for (const [id, list] of index.statementsBy) {
      list.trim();
      summariseStatements(index, id);
    }
    this.index = index;
    return index;
  }

  /** A speaker's people as facts, each found again (by key) in its article. */
  private memberFacts(index: Index, id: string): PersonOccurrence<PersonFacts>[] {
    const out: PersonOccurrence<PersonFacts>[] = [];
    for (const { uri, key } of membersOf(index, id) ?? []) {
      const person = this.entries.get(uri)?.summary.people.find((p) => p.key === key);
      if (person) out.push({ uri, person: factsOf(person) });
    }
    return out;
  }

  /**
   * Redoes one article's share of the index after it changed without changing who it names;
   * returns whether any speaker's statement count or number of statement articles changed.
   */
  private patchIndex(index: Index, previous: Pick<ArticleSummary, 'people' | 'statements'>, entry: ArticleEntry, namesAsBefore = false): boolean {
    const uri = entry.uri;
    const ids = idsIn(index, uri);
    const touched = new Set<string>();
    // `namesAsBefore`: the caller found every person's names and roles as they were (most keystrokes).
    const before = namesAsBefore ? undefined : new Map(previous.people.map((p) => [p.key, p]));
    for (const person of before ? entry.summary.people : []) {
      const id = idIn(ids, person.key);
      if (!id) continue;
      // A speaker's roles, spellings and articles come from its members' names and roles alone:
      // when this article's are as they were (most keystrokes), its summary stands.
      const old = before!.get(person.key);
      if (!old || !sameNames([old], [person])) touched.add(id);
    }
    for (const id of touched) summarise(index, id, this.memberFacts(index, id));

    const datesBefore = new Map<string, string[]>();
    for (const s of previous.statements) {
      const id = s.personKey ? idIn(ids, s.personKey) : undefined;
      if (id) (datesBefore.get(id) ?? datesBefore.set(id, []).get(id)!).push(s.date ?? '');
    }
    const fresh = new Map<string, StatementHead[]>();
    for (const head of statementHeads(entry.summary.statements)) {
      const id = idIn(ids, head.key);
      if (id) (fresh.get(id) ?? fresh.set(id, []).get(id)!).push(head);
    }
    let countsChanged = false;
    for (const id of new Set([...datesBefore.keys(), ...fresh.keys()])) {
      const list = statementsOf(index, id) ?? new SpeakerStatements();
      const added = fresh.get(id) ?? [];
      // The list is in URI order (the order the full build visits articles in): this article's
      // statements are one run in it, found by binary search and replaced in place.
      list.replaceRun(uri, added);
      if (list.length) index.statementsBy.set(id, list);
      else index.statementsBy.delete(id);
      // The same number of statements with the same dates: count, articles and first and last dates stand.
      const dates = added.map((h) => h.date);
      const old = datesBefore.get(id) ?? [];
      if (dates.length === old.length && dates.every((d, i) => d === old[i])) continue;
      const speaker = index.speakers.get(id)!;
      const counts = `${speaker.statementCount}:${speaker.statementArticles.length}`;
      summariseStatements(index, id);
      if (`${speaker.statementCount}:${speaker.statementArticles.length}` !== counts) countsChanged = true;
    }
    return countsChanged;
  }
}

/** Whether an article's analysis depends on the other articles (its dateline year was guessed). */
export function dependsOnWorkspace(summary: Pick<ArticleSummary, 'hasDateline' | 'articleDate'>): boolean {
  const source = summary.articleDate?.source;
  return summary.hasDateline && (!source || !DATED_SOURCES.has(source) || source === 'text-year');
}

/** Today's date where the analysis runs (what `analyzeArticle` takes for "today"), as ISO. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Whether a summary is of the same text as another and says the same of it: its analysis depends
 * on nothing else (a summary read back from the cache whose people were lost says nobody).
 */
function sameText(previousEntry: ArticleEntry, nextEntry: ArticleEntry): boolean {
  const previous = previousEntry.summary;
  const next = nextEntry.summary;
  // Two analyses' texts are compared as they are (an edit of an open document: no hash of either).
  const texts = previousEntry.analysis && nextEntry.analysis ? previousEntry.analysis.text === nextEntry.analysis.text : previous.length === next.length && previous.textHash === next.textHash;
  return texts && !dependsOnWorkspace(previous) && !dependsOnWorkspace(next) && !detailLost(previous) && !detailLost(next);
}

/** A restored summary whose people and statements could not be read back: who it named is unknown, not nobody. */
function detailLost(summary: ArticleSummary): boolean {
  return summary instanceof PackedSummary && summary.detailLost;
}

/**
 * The people an article names both before and after a change, as pairs (then, now). People are
 * told apart by name (their keys number them in order, so one named before them renumbers them
 * all); undefined when two share a name or the kept ones change order (a speaker's first mention
 * could move).
 */
function keptInOrder(before: readonly Person[], after: readonly Person[]): Array<[Person, Person]> | undefined {
  const signature = (p: Person) => `${p.isOrganization ? 'o' : 'p'}:${p.name}`;
  const beforeBySignature = new Map(before.map((p) => [signature(p), p]));
  const afterBySignature = new Map(after.map((p) => [signature(p), p]));
  if (beforeBySignature.size !== before.length || afterBySignature.size !== after.length) return undefined;
  const keptBefore = before.filter((p) => afterBySignature.has(signature(p)));
  const keptAfter = after.filter((p) => beforeBySignature.has(signature(p)));
  if (keptBefore.some((p, i) => signature(p) !== signature(keptAfter[i]))) return undefined;
  return keptBefore.map((p, i) => [p, keptAfter[i]]);
}

/**
 * The kept people's speakers (but those `leaving`) under the people's new keys in the article:
 * their members (all found before any is changed), and who is who there, made anew from them.
 * `ids`: who was who there before.
 */
function renumberKept(index: Index, uri: string, kept: ReadonlyArray<[Person, Person]>, ids: ArticleIds | undefined, leaving?: ReadonlySet<string>): void {
  const stay: Array<[string, string]> = [];
  const moves: Array<[MemberRef[], number, string]> = [];
  for (const [then, now] of kept) {
    const id = idIn(ids, then.key);
    if (!id || leaving?.has(id)) continue;
    stay.push([now.key, id]);
    if (now.key === then.key) continue;
    const members = membersOf(index, id) ?? [];
    const at = members.findIndex((m) => m.uri === uri && m.key === then.key);
    if (at >= 0) moves.push([members, at, now.key]);
  }
  for (const [members, at, key] of moves) members[at] = { uri, key };
  index.idOf.delete(uri);
  for (const [key, id] of stay) setId(index.idOf, uri, key, id);
}

/** The same people under the same keys: the clusters of the workspace do not change. */
function sameIdentity(a: readonly Person[], b: readonly Person[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].key !== b[i].key || a[i].name !== b[i].name || a[i].isOrganization !== b[i].isOrganization) return false;
  }
  return true;
}

/**
 * `sameNames` of two summaries, decoding neither when one names nobody (as a guessed-year
 * article's first summary in the initial index does, replaced by its second).
 */
function sameNamesIn(a: ArticleSummary, b: ArticleSummary): boolean {
  const nobodyInA = namesNobody(a);
  const nobodyInB = namesNobody(b);
  if (nobodyInA || nobodyInB) return nobodyInA && nobodyInB;
  return sameNames(a.people, b.people);
}

function namesNobody(summary: ArticleSummary): boolean {
  return summary instanceof PackedSummary ? summary.namesNobody : summary.people.length === 0;
}

/** The same people with the same roles and name mentions spelled the same way (positions aside). */
function sameNames(a: readonly Person[], b: readonly Person[]): boolean {
  if (!sameIdentity(a, b)) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i].mentions.filter(spellsName);
    const y = b[i].mentions.filter(spellsName);
    if (x.length !== y.length || x.some((m, j) => m.text !== y[j].text || m.kind !== y[j].kind)) return false;
    if (a[i].roles.join('\u0000') !== b[i].roles.join('\u0000')) return false;
  }
  return true;
}

function spellsName(m: Mention): boolean {
  return m.kind === 'name' || m.kind === 'surname';
}

/** A speaker's statements as parallel lists (read-only views of the list the index keeps). */
export interface StatementSpans {
  readonly length: number;
  /** The article of the `i`th statement (in URI order), and its content's start and end. */
  uri(i: number): string;
  start(i: number): number;
  end(i: number): number;
}

const NO_SPANS: StatementSpans = { length: 0, uri: () => '', start: () => 0, end: () => 0 };

/** Dates as numbers, one per distinct date for every speaker's list (calendar days: the table stays small); -1 for none. */
const listDates: string[] = [];
const listDateNumbers = new Map<string, number>();
function dateNumberOf(date: string): number {
  if (date === '') return -1;
  let n = listDateNumbers.get(date);
  if (n === undefined) listDateNumbers.set(date, (n = listDates.push(date) - 1));
  return n;
}

/** A statement with a speaker as a speaker's list takes it, with its person key ('' date: none). */
interface StatementHead {
  key: string;
  index: number;
  start: number;
  end: number;
  date: string;
}

/** An article's statements that have a speaker, in order, as speakers' lists take them. */
function statementHeads(statements: readonly Statement[]): StatementHead[] {
  const heads: StatementHead[] = [];
  statements.forEach((s, index) => {
    if (s.personKey) heads.push({ key: s.personKey, index, start: s.contentSpan.start, end: s.contentSpan.end, date: s.date ?? '' });
  });
  return heads;
}

/** One statement of an article as a speaker's list keeps it. */
/** A statement of a speaker's list; the statement itself is looked up (decoded) when read. */
class ListedStatement implements StatementRef {
  readonly #statementOf: (uri: string, index: number) => Statement | undefined;

  constructor(
    readonly uri: string,
    readonly index: number,
    readonly contentSpan: Span,
    readonly speakerId: string,
    statementOf: (uri: string, index: number) => Statement | undefined,
  ) {
    this.#statementOf = statementOf;
  }

  get statement(): Statement {
    return this.#statementOf(this.uri, this.index)!;
  }
}

const NO_NUMBERS = new Int32Array(0);

/** `numbers`, or a copy twice as long (at least `length`) when it is shorter than `length`. */
function withRoom(numbers: Int32Array, length: number): Int32Array {
  if (length <= numbers.length) return numbers;
  const grown = new Int32Array(Math.max(length, 2 * numbers.length, 16));
  grown.set(numbers);
  return grown;
}

/** Numbers per statement in a speaker's list: index, content start, content end, date number. */
const FIELDS = 4;
/** Numbers per statement in the full build's list (`built`): article number, then as `FIELDS`, then key number. */
const HEAD_FIELDS = 6;

/**
 * A speaker's statements in URI order: the articles' URIs, and per statement four numbers in one
 * typed array (index in its article, content start and end, date number) rather than an array per
 * field: a workspace of 10,000 articles has some 200,000 of them, kept for as long as the server
 * runs (at 10,000 bench articles 14 MB as five arrays of values, 7 MB so). References read the
 * spans alone; the statements themselves are looked up only for the ones a request reads (`refs`).
 */
class SpeakerStatements implements StatementSpans {
  private uris: string[] = [];
  private numbers: Int32Array;
  private count = 0;

  /** An empty list with room for `capacity` statements (more grows it). */
  constructor(capacity = 4) {
    this.numbers = new Int32Array(FIELDS * capacity);
  }

  get length(): number {
    return this.count;
  }

  uri(i: number): string {
    return this.uris[i];
  }

  start(i: number): number {
    return this.numbers[FIELDS * i + 1];
  }

  end(i: number): number {
    return this.numbers[FIELDS * i + 2];
  }

  push(uri: string, index: number, start: number, end: number, date: string): void {
    this.append(uri, index, start, end, dateNumberOf(date));
  }

  /** `push` with the date as its number (`dateNumberOf`). */
  append(uri: string, index: number, start: number, end: number, dateNumber: number): void {
    const at = FIELDS * this.count;
    this.numbers = withRoom(this.numbers, at + FIELDS);
    this.uris.push(uri);
    this.numbers[at] = index;
    this.numbers[at + 1] = start;
    this.numbers[at + 2] = end;
    this.numbers[at + 3] = dateNumber;
    this.count++;
  }

  /** Gives back the room pushes left unused, once a list is made (most lists stay as made). */
  trim(): this {
    if (this.numbers.length > FIELDS * this.count) this.numbers = this.numbers.slice(0, FIELDS * this.count);
    this.uris = this.uris.slice();
    return this;
  }

  refs(speakerId: string, statementOf: (uri: string, index: number) => Statement | undefined): StatementRef[] {
    const out: StatementRef[] = new Array(this.count);
    for (let i = 0; i < out.length; i++) {
      out[i] = new ListedStatement(this.uris[i], this.numbers[FIELDS * i], { start: this.start(i), end: this.end(i) }, speakerId, statementOf);
    }
    return out;
  }

  /** The distinct articles, in order. */
  articles(): string[] {
    return this.uris.filter((uri, i) => i === 0 || this.uris[i - 1] !== uri);
  }

  /** The statements' dates, where they have one. */
  dates(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.count; i++) {
      const d = this.numbers[FIELDS * i + 3];
      if (d >= 0) out.push(listDates[d]);
    }
    return out;
  }

  /** Replaces one article's run of statements (found by binary search) with `added`. */
  replaceRun(uri: string, added: readonly StatementHead[]): void {
    const from = this.firstAtOrAfter(uri, false);
    const to = this.firstAtOrAfter(uri, true);
    const count = this.count - (to - from) + added.length;
    const numbers = new Int32Array(FIELDS * count);
    numbers.set(this.numbers.subarray(0, FIELDS * from));
    numbers.set(this.numbers.subarray(FIELDS * to, FIELDS * this.count), FIELDS * (from + added.length));
    added.forEach((h, k) => {
      const at = FIELDS * (from + k);
      numbers[at] = h.index;
      numbers[at + 1] = h.start;
      numbers[at + 2] = h.end;
      numbers[at + 3] = dateNumberOf(h.date);
    });
    this.uris.splice(from, to - from, ...added.map(() => uri));
    this.numbers = numbers;
    this.count = count;
  }

  /** The list as [article number, index, start, end, date number (-1: none)] per statement, for `exportIndex`. */
  flat(numberOf: ReadonlyMap<string, number>, dates: string[], dateNumbers: Map<string, number>): Int32Array {
    const out = new Int32Array(5 * this.count);
    for (let i = 0; i < this.count; i++) {
      const at = FIELDS * i;
      let d = -1;
      if (this.numbers[at + 3] >= 0) {
        const date = listDates[this.numbers[at + 3]];
        d = dateNumbers.get(date) ?? -1;
        if (d < 0) {
          d = dates.push(date) - 1;
          dateNumbers.set(date, d);
        }
      }
      out[5 * i] = numberOf.get(this.uris[i])!;
      out[5 * i + 1] = this.numbers[at];
      out[5 * i + 2] = this.numbers[at + 1];
      out[5 * i + 3] = this.numbers[at + 2];
      out[5 * i + 4] = d;
    }
    return out;
  }

  /** The list `flat` made, or undefined if it does not fit the articles and dates given. */
  static fromFlat(flat: ArrayLike<number>, uris: readonly string[], dates: readonly string[]): SpeakerStatements | undefined {
    const list = new SpeakerStatements(Math.floor(flat.length / 5));
    for (let i = 0; i < flat.length; i += 5) {
      const uri = uris[flat[i]];
      const index = flat[i + 1];
      const start = flat[i + 2];
      const end = flat[i + 3];
      const d = flat[i + 4];
      if (uri === undefined || !Number.isInteger(index) || !Number.isInteger(start) || !Number.isInteger(end) || !(d === -1 || typeof dates[d] === 'string')) return undefined;
      list.push(uri, index, start, end, d === -1 ? '' : dates[d]);
    }
    return list;
  }

  /** The first position whose URI is at or after (`after`: strictly after) `uri`. */
  private firstAtOrAfter(uri: string, after: boolean): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.uris[mid] < uri || (after && this.uris[mid] === uri)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A speaker's roles, spellings and articles, from its members (as facts) in workspace order. */
function summarise(index: Index, id: string, members: readonly PersonOccurrence<PersonFacts>[]): void {
  const speaker = index.speakers.get(id)!;
  const roles = new Map<string, number>();
  const spellings = new Set<string>([speaker.name]);
  const articles = new Set<string>();
  for (const { uri, person } of members) {
    for (const r of person.roles) roles.set(r, (roles.get(r) ?? 0) + 1);
    spellings.add(person.name);
    for (const text of person.named) spellings.add(text);
    articles.add(uri);
  }
  const facts = index.notes?.get(fold(speaker.name));
  const roleList = [...roles.entries()].sort((a, b) => b[1] - a[1]).map(([r]) => r);
  speaker.roles = facts?.role ? [facts.role, ...roleList.filter((r) => r !== facts.role)] : roleList;
  speaker.spellings = [...spellings];
  speaker.articles = [...articles];
  speaker.note = facts?.note;
  speaker.organization = facts?.organization;
}

/** A speaker's statement count, articles and first and last dates, from its statement list. */
function summariseStatements(index: Index, id: string): void {
  const speaker = index.speakers.get(id)!;
  const list = statementsOf(index, id);
  if (!list) {
    speaker.statementCount = 0;
    speaker.statementArticles = [];
    delete speaker.firstDate;
    delete speaker.lastDate;
    return;
  }
  speaker.statementCount = list.length;
  speaker.statementArticles = list.articles();
  const dates = list.dates().sort();
  speaker.firstDate = dates[0];
  speaker.lastDate = dates[dates.length - 1];
}

/** The dates of the articles that establish their own date, by URI, with a sorted distinct list. */
class DatedArticles {
  private readonly byUri = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  /**
   * The distinct dates, sorted when asked for (`all`): a new array on a change only when the
   * current one was handed out (analyses remember the one they were made with; a cold index asks
   * between most of its additions), else changed in place. A new date is added at the end and the
   * list sorted at the next question — a warm start restoring thousands of dated articles, asking
   * nothing meanwhile, sorts once instead of moving half the list per date (3,000 dates: ~5 million moves).
   */
  private sorted: string[] = [];
  private handedOut = false;
  /** Dates were added at the end since the list was last sorted (never true of a list handed out). */
  private unsorted = false;

  set(uri: string, summary: ArticleSummary): void {
    const date = summary.articleDate;
    const value = date && DATED_SOURCES.has(date.source) ? date.value : undefined;
    if (this.byUri.get(uri) === value) return;
    this.delete(uri);
    if (value === undefined) return;
    this.byUri.set(uri, value);
    const n = this.counts.get(value) ?? 0;
    this.counts.set(value, n + 1);
    if (n === 0) {
      this.ownSorted().push(value);
      this.unsorted = true;
    }
  }

  delete(uri: string): void {
    const value = this.byUri.get(uri);
    if (value === undefined) return;
    this.byUri.delete(uri);
    const n = this.counts.get(value)! - 1;
    if (n > 0) this.counts.set(value, n);
    else {
      this.counts.delete(value);
      const list = this.ownSorted();
      list.splice(this.unsorted ? list.indexOf(value) : lowerBound(list, (d) => d < value), 1);
    }
  }

  /** The sorted list, copied first if it was handed out. */
  private ownSorted(): string[] {
    if (this.handedOut) this.sorted = [...this.sorted];
    this.handedOut = false;
    return this.sorted;
  }

  all(): readonly string[] {
    // Sorted in place: a list with dates added at the end was copied before (`ownSorted`), never handed out.
    if (this.unsorted) this.sorted.sort();
    this.unsorted = false;
    this.handedOut = true;
    return this.sorted;
  }

  /** Every date but the article's own (unless another article shares it). */
  datesExcept(uri: string): string[] {
    const all = this.all() as string[];
    const own = this.byUri.get(uri);
    if (own === undefined || this.counts.get(own)! > 1) return all;
    // Kept while the dates stand: every keystroke in a dated article asks again, and there are thousands.
    if (this.without.of !== all) this.without = { of: all, by: new Map() };
    let rest = this.without.by.get(own);
    if (!rest) this.without.by.set(own, (rest = all.filter((d) => d !== own)));
    return rest;
  }

  /** `datesExcept`'s answers by the date left out, for one `all()` list. */
  private without: { of: readonly string[] | undefined; by: Map<string, string[]> } = { of: undefined, by: new Map() };
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
