// The workspace model: every article's analysis, joined by speaker identity across articles.
// Pure: callers hand it texts; it never reads files. The CLI and the server share it.
// The cross-article index is rebuilt lazily, on the first question after a change.
import { analyzeArticle } from '../analysis';
import type { AnalysisOptions, DateMention, Mention, Person } from '../analysis/types';
import { clusterPeople, type IdentityHints, type PersonOccurrence } from './identity';
import type { ArticleEntry, Speaker, StatementRef } from './types';

export interface WorkspaceModelOptions {
  analysis?: AnalysisOptions;
  identity?: IdentityHints;
  /** Registry facts shown in hover, by folded canonical name. */
  speakerNotes?: Map<string, { role?: string; note?: string; organization?: string }>;
}

interface Index {
  speakers: Map<string, Speaker>;
  /** uri → person key → speaker id */
  idOf: Map<string, Map<string, string>>;
  statementsBy: Map<string, StatementRef[]>;
}

/** Dates that the article itself establishes: evidence for the years of other articles. */
const DATED_SOURCES = new Set(['dateline', 'front-matter', 'byline-date', 'weekday', 'text-year']);

export class WorkspaceModel {
  private readonly entries = new Map<string, ArticleEntry>();
  private index: Index | undefined;

  constructor(private options: WorkspaceModelOptions = {}) {}

  /** Replaces options (a new registry, say) and re-analyses every article. */
  configure(options: WorkspaceModelOptions): void {
    this.options = options;
    for (const entry of this.entries.values()) entry.analysis = analyzeArticle(entry.analysis.text, this.analysisOptions(entry.uri));
    this.index = undefined;
  }

  /** Analyses (or re-analyses) one article and marks the cross-article index stale. */
  setArticle(uri: string, text: string): ArticleEntry {
    const entry: ArticleEntry = { uri, analysis: analyzeArticle(text, this.analysisOptions(uri)) };
    this.entries.set(uri, entry);
    this.index = undefined;
    return entry;
  }

  /**
   * After a bulk load: articles whose dateline year had to be guessed are analysed again with
   * the dates of every dated article in the workspace.
   */
  settle(): void {
    for (const entry of this.entries.values()) {
      const source = entry.analysis.articleDate?.source;
      if (entry.analysis.dateline && (!source || !DATED_SOURCES.has(source) || source === 'text-year')) {
        entry.analysis = analyzeArticle(entry.analysis.text, this.analysisOptions(entry.uri));
      }
    }
    this.index = undefined;
  }

  /** Forgets an article; returns whether it was known. */
  removeArticle(uri: string): boolean {
    const known = this.entries.delete(uri);
    if (known) this.index = undefined;
    return known;
  }

  getArticle(uri: string): ArticleEntry | undefined {
    return this.entries.get(uri);
  }

  articles(): ArticleEntry[] {
    return [...this.entries.values()];
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
    return this.built().statementsBy.get(id) ?? [];
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
    for (const person of entry.analysis.people) {
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
    const statements = entry.analysis.statements;
    const within = (s: { start: number; end: number } | undefined) => !!s && s.start <= offset && offset <= s.end;
    let index = statements.findIndex((s) => within(s.cueSpan) || within(s.sourceSpan));
    if (index < 0) index = statements.findIndex((s) => within(s.contentSpan));
    if (index < 0) return undefined;
    const statement = statements[index];
    return { uri, index, statement, speakerId: statement.personKey ? this.speakerIdOf(uri, statement.personKey) : undefined };
  }

  dateAt(uri: string, offset: number): DateMention | undefined {
    return this.entries.get(uri)?.analysis.dates.find((d) => d.span.start <= offset && offset <= d.span.end);
  }

  private analysisOptions(uri: string): AnalysisOptions {
    const workspaceDates: string[] = [];
    for (const entry of this.entries.values()) {
      const date = entry.analysis.articleDate;
      if (entry.uri !== uri && date && DATED_SOURCES.has(date.source)) workspaceDates.push(date.value);
    }
    return { ...this.options.analysis, workspaceDates: [...(this.options.analysis?.workspaceDates ?? []), ...workspaceDates] };
  }

  private built(): Index {
    if (this.index) return this.index;
    const occurrences: PersonOccurrence[] = [];
    const uris = [...this.entries.keys()].sort();
    for (const uri of uris) for (const person of this.entries.get(uri)!.analysis.people) occurrences.push({ uri, person });
    const clusters = clusterPeople(occurrences, this.options.identity);
    const speakers = new Map<string, Speaker>();
    const idOf = new Map<string, Map<string, string>>();
    const statementsBy = new Map<string, StatementRef[]>();
    for (const cluster of clusters) {
      const roles = new Map<string, number>();
      const spellings = new Set<string>([cluster.name]);
      const articles = new Set<string>();
      for (const { uri, person } of cluster.members) {
        for (const r of person.roles) roles.set(r, (roles.get(r) ?? 0) + 1);
        spellings.add(person.name);
        for (const m of person.mentions) if (m.kind === 'name' || m.kind === 'surname') spellings.add(m.text);
        articles.add(uri);
        if (!idOf.has(uri)) idOf.set(uri, new Map());
        idOf.get(uri)!.set(person.key, cluster.id);
      }
      const facts = this.options.speakerNotes?.get(fold(cluster.name));
      const roleList = [...roles.entries()].sort((a, b) => b[1] - a[1]).map(([r]) => r);
      speakers.set(cluster.id, {
        id: cluster.id,
        name: cluster.name,
        roles: facts?.role ? [facts.role, ...roleList.filter((r) => r !== facts.role)] : roleList,
        spellings: [...spellings],
        isOrganization: cluster.isOrganization,
        statementCount: 0,
        articles: [...articles],
        statementArticles: [],
        note: facts?.note,
        organization: facts?.organization,
      });
    }
    for (const uri of uris) {
      const entry = this.entries.get(uri)!;
      entry.analysis.statements.forEach((statement, index) => {
        const id = statement.personKey ? idOf.get(uri)?.get(statement.personKey) : undefined;
        if (!id) return;
        const list = statementsBy.get(id) ?? [];
        list.push({ uri, index, statement, speakerId: id });
        statementsBy.set(id, list);
      });
    }
    for (const [id, list] of statementsBy) {
      const speaker = speakers.get(id)!;
      speaker.statementCount = list.length;
      speaker.statementArticles = [...new Set(list.map((s) => s.uri))];
      const dates = list.map((s) => s.statement.date).filter((d): d is string => !!d).sort();
      speaker.firstDate = dates[0];
      speaker.lastDate = dates[dates.length - 1];
    }
    this.index = { speakers, idOf, statementsBy };
    return this.index;
  }
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
