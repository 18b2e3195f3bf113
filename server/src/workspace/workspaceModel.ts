// The workspace model: every article's analysis, joined by speaker identity across articles.
// Pure: callers hand it texts; it never reads files. The CLI and the server share it.
// The cross-article index is built lazily, on the first question; an edit that names the same
// people patches it by difference, any other change has it rebuilt on the next question.
import type * as AnalysisModule from '../analysis';
import type { AnalysisOptions, ArticleAnalysis, DateMention, Mention, Person, Statement } from '../analysis/types';
import { hashString, summarizeArticle, type ArticleSummary } from './articleSummary';
import { clusterPeople, type IdentityHints, type PersonOccurrence } from './identity';
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
  /** uri → person key → speaker id */
  idOf: Map<string, Map<string, string>>;
  statementsBy: Map<string, SpeakerStatements>;
  /** speaker id → its people in every article, in workspace (URI) order */
  members: Map<string, PersonOccurrence[]>;
  notes: WorkspaceModelOptions['speakerNotes'];
}

let analyser: typeof AnalysisModule | undefined;
/**
 * `analyzeArticle`, loaded on first use: a warm start that restores every article from the
 * persistent index never needs the analyser, nor the ~0.3 s it takes to load it and chrono-node.
 */
function analyzeArticle(text: string, options: AnalysisOptions): ArticleAnalysis {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  analyser ??= require('../analysis') as typeof AnalysisModule;
  return analyser.analyzeArticle(text, options);
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
  /** Articles set or removed since the last `takeTouched()`: what per-article tallies redo. */
  private readonly touched = new Set<string>();
  private speakerCountsRevision = 0;
  private namesRevision = 0;

  constructor(private options: WorkspaceModelOptions = {}) {}

  /** Analyses (or re-analyses) one article and updates the cross-article index. */
  setArticle(uri: string, text: string): ArticleEntry {
    const dates = this.dated.all();
    const analysis = analyzeArticle(text, this.analysisOptions(uri));
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

  /** Drops an article's full analysis (its document was closed); its summary answers from now on. */
  release(uri: string): void {
    const entry = this.entries.get(uri);
    if (entry?.analysis) this.entries.set(uri, { uri, summary: entry.summary });
  }

  /**
   * After a load: analyses that depend on the other articles and were made with other workspace
   * dates (or on another day) than now are made again. Restored analyses whose claimed context is
   * the current one are kept. A few passes, since a redone analysis may change the dates; returns
   * how many analyses were redone.
   */
  settleStale(textOf: (uri: string) => string | undefined = () => undefined, maxPasses = 3): number {
    let redone = 0;
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
        // A summary without its text is analysed again from the text the caller reads.
        const text = entry.analysis?.text ?? textOf(entry.uri);
        if (text === undefined) continue;
        this.setArticle(entry.uri, text);
        stale++;
      }
      redone += stale;
      if (stale === 0) break;
    }
    return redone;
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

  /** Forgets an article; returns whether it was known. */
  removeArticle(uri: string): boolean {
    const previous = this.entries.get(uri);
    if (!previous) return false;
    this.entries.delete(uri);
    this.dated.delete(uri);
    this.touched.add(uri);
    this.namesRevision++;
    // An article nobody is named in holds no place in the index.
    if (previous.summary.people.length > 0) this.invalidateIndex();
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

  /** The articles set or removed since the last call (each once). */
  takeTouched(): Set<string> {
    const out = new Set(this.touched);
    this.touched.clear();
    return out;
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
    return this.built().speakers.size;
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
    return [...this.built().speakers.values()];
  }

  getSpeaker(id: string): Speaker | undefined {
    return this.built().speakers.get(id);
  }

  /** The workspace speaker id of a person in one article. */
  speakerIdOf(uri: string, personKey: string): string | undefined {
    return this.built().idOf.get(uri)?.get(personKey);
  }

  /** Every statement by a speaker, ordered by article and position. */
  statementsBySpeaker(id: string): StatementRef[] {
    const list = this.built().statementsBy.get(id);
    return list ? list.refs(id) : [];
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
    return { uri, index, statement, speakerId: statement.personKey ? this.speakerIdOf(uri, statement.personKey) : undefined };
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
    this.touched.add(uri);
    if (!previous || !sameNames(previous.summary.people, entry.summary.people)) this.namesRevision++;
    if (this.index) {
      // Typing rarely changes who is named: then the clusters stand and only this article's
      // share of the index is redone. Otherwise the next question rebuilds it.
      if (previous && sameIdentity(previous.summary.people, entry.summary.people)) {
        if (patchIndex(this.index, previous, entry)) this.speakerCountsRevision++;
      } else if (previous || entry.summary.people.length > 0) this.invalidateIndex();
    }
    return entry;
  }

  private invalidateIndex(): void {
    this.index = undefined;
    this.speakerCountsRevision++;
    this.namesRevision++;
  }

  private built(): Index {
    if (this.index) return this.index;
    const occurrences: PersonOccurrence[] = [];
    const uris = [...this.entries.keys()].sort();
    for (const uri of uris) for (const person of this.entries.get(uri)!.summary.people) occurrences.push({ uri, person });
    const clusters = clusterPeople(occurrences, this.options.identity);
    const index: Index = { speakers: new Map(), idOf: new Map(), statementsBy: new Map(), members: new Map(), notes: this.options.speakerNotes };
    for (const cluster of clusters) {
      for (const { uri, person } of cluster.members) {
        let ids = index.idOf.get(uri);
        if (!ids) index.idOf.set(uri, (ids = new Map()));
        ids.set(person.key, cluster.id);
      }
      index.members.set(cluster.id, cluster.members);
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
      summarise(index, cluster.id);
    }
    for (const uri of uris) {
      const entry = this.entries.get(uri)!;
      const ids = index.idOf.get(uri);
      entry.summary.statements.forEach((statement, i) => {
        const id = statement.personKey ? ids?.get(statement.personKey) : undefined;
        if (!id) return;
        let list = index.statementsBy.get(id);
        if (!list) index.statementsBy.set(id, (list = new SpeakerStatements()));
        list.push(uri, i, statement);
      });
    }
    for (const id of index.statementsBy.keys()) summariseStatements(index, id);
    this.index = index;
    return index;
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

/** The same people under the same keys: the clusters of the workspace do not change. */
function sameIdentity(a: readonly Person[], b: readonly Person[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].key !== b[i].key || a[i].name !== b[i].name || a[i].isOrganization !== b[i].isOrganization) return false;
  }
  return true;
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

/**
 * Redoes one article's share of the index after it changed without changing who it names;
 * returns whether any speaker's statement count or number of statement articles changed.
 */
function patchIndex(index: Index, previous: ArticleEntry, entry: ArticleEntry): boolean {
  const uri = entry.uri;
  const ids = index.idOf.get(uri);
  const before = new Map(previous.summary.people.map((p) => [p.key, p]));
  const touched = new Set<string>();
  for (const person of entry.summary.people) {
    const id = ids?.get(person.key);
    if (!id) continue;
    const members = index.members.get(id)!;
    const at = members.findIndex((m) => m.uri === uri && m.person.key === person.key);
    members[at] = { uri, person };
    // A speaker's roles, spellings and articles come from its members' names and roles alone:
    // when this article's are as they were (most keystrokes), its summary stands.
    const old = before.get(person.key);
    if (!old || !sameNames([old], [person])) touched.add(id);
  }
  for (const id of touched) summarise(index, id);

  const datesBefore = new Map<string, string[]>();
  for (const s of previous.summary.statements) {
    const id = s.personKey ? ids?.get(s.personKey) : undefined;
    if (id) (datesBefore.get(id) ?? datesBefore.set(id, []).get(id)!).push(s.date ?? '');
  }
  const fresh = new Map<string, StatementRef[]>();
  entry.summary.statements.forEach((statement, i) => {
    const id = statement.personKey ? ids?.get(statement.personKey) : undefined;
    if (!id) return;
    (fresh.get(id) ?? fresh.set(id, []).get(id)!).push({ uri, index: i, statement, speakerId: id });
  });
  let countsChanged = false;
  for (const id of new Set([...datesBefore.keys(), ...fresh.keys()])) {
    const list = index.statementsBy.get(id) ?? new SpeakerStatements();
    const added = fresh.get(id) ?? [];
    // The list is in URI order (the order the full build visits articles in): this article's
    // statements are one run in it, found by binary search and replaced in place.
    list.replaceRun(uri, added);
    if (list.length) index.statementsBy.set(id, list);
    else index.statementsBy.delete(id);
    // The same number of statements with the same dates: count, articles and first and last dates stand.
    const dates = added.map((r) => r.statement.date ?? '');
    const old = datesBefore.get(id) ?? [];
    if (dates.length === old.length && dates.every((d, i) => d === old[i])) continue;
    const speaker = index.speakers.get(id)!;
    const counts = `${speaker.statementCount}:${speaker.statementArticles.length}`;
    summariseStatements(index, id);
    if (`${speaker.statementCount}:${speaker.statementArticles.length}` !== counts) countsChanged = true;
  }
  return countsChanged;
}

/**
 * A speaker's statements in URI order, as three parallel arrays rather than an object per
 * statement: a workspace of 10,000 articles has some 200,000 of them, and the objects (kept for as
 * long as the server runs, traced by every garbage collection) are made only for the ones a
 * request reads (`refs`).
 */
class SpeakerStatements {
  private uris: string[] = [];
  private indexes: number[] = [];
  private statements: Statement[] = [];

  get length(): number {
    return this.uris.length;
  }

  push(uri: string, index: number, statement: Statement): void {
    this.uris.push(uri);
    this.indexes.push(index);
    this.statements.push(statement);
  }

  refs(speakerId: string): StatementRef[] {
    const out: StatementRef[] = new Array(this.uris.length);
    for (let i = 0; i < out.length; i++) out[i] = { uri: this.uris[i], index: this.indexes[i], statement: this.statements[i], speakerId };
    return out;
  }

  /** The distinct articles, in order. */
  articles(): string[] {
    return this.uris.filter((uri, i) => i === 0 || this.uris[i - 1] !== uri);
  }

  /** The statements' dates, where they have one. */
  dates(): string[] {
    const out: string[] = [];
    for (const s of this.statements) if (s.date) out.push(s.date);
    return out;
  }

  /** Replaces one article's run of statements (found by binary search) with `added`. */
  replaceRun(uri: string, added: readonly StatementRef[]): void {
    const from = this.firstAtOrAfter(uri, false);
    const to = this.firstAtOrAfter(uri, true);
    this.uris.splice(from, to - from, ...added.map((r) => r.uri));
    this.indexes.splice(from, to - from, ...added.map((r) => r.index));
    this.statements.splice(from, to - from, ...added.map((r) => r.statement));
  }

  /** The first position whose URI is at or after (`after`: strictly after) `uri`. */
  private firstAtOrAfter(uri: string, after: boolean): number {
    let lo = 0;
    let hi = this.uris.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.uris[mid] < uri || (after && this.uris[mid] === uri)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A speaker's roles, spellings and articles, from its members in workspace order. */
function summarise(index: Index, id: string): void {
  const speaker = index.speakers.get(id)!;
  const roles = new Map<string, number>();
  const spellings = new Set<string>([speaker.name]);
  const articles = new Set<string>();
  for (const { uri, person } of index.members.get(id)!) {
    for (const r of person.roles) roles.set(r, (roles.get(r) ?? 0) + 1);
    spellings.add(person.name);
    for (const m of person.mentions) if (m.kind === 'name' || m.kind === 'surname') spellings.add(m.text);
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
  const list = index.statementsBy.get(id);
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
   * Kept sorted as dates come and go (a new array on each change: analyses remember the one they
   * were made with), not sorted again whole: a cold index adds a new date with most articles.
   */
  private sorted: readonly string[] = [];

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
      const at = lowerBoundOf(this.sorted, value);
      this.sorted = [...this.sorted.slice(0, at), value, ...this.sorted.slice(at)];
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
      const at = lowerBoundOf(this.sorted, value);
      this.sorted = [...this.sorted.slice(0, at), ...this.sorted.slice(at + 1)];
    }
  }

  all(): readonly string[] {
    return this.sorted;
  }

  /** Every date but the article's own (unless another article shares it). */
  datesExcept(uri: string): string[] {
    const all = this.all() as string[];
    const own = this.byUri.get(uri);
    if (own === undefined || this.counts.get(own)! > 1) return all;
    return all.filter((d) => d !== own);
  }
}

/** The first position in a sorted list whose value is not below `value`. */
function lowerBoundOf(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
