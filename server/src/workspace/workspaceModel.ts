// The workspace model: every article's analysis, joined by speaker identity across articles.
// Pure: callers hand it texts; it never reads files. The CLI and the server share it.
import { analyzeArticle } from '../analysis';
import type { AnalysisOptions, DateMention, Mention, Person } from '../analysis/types';
import type { ArticleEntry, Speaker, StatementRef } from './types';

export interface WorkspaceModelOptions {
  analysis?: AnalysisOptions;
}

export class WorkspaceModel {
  private readonly entries = new Map<string, ArticleEntry>();

  constructor(private readonly options: WorkspaceModelOptions = {}) {}

  /** Analyses (or re-analyses) one article and updates the cross-article index. */
  setArticle(uri: string, text: string): ArticleEntry {
    const entry: ArticleEntry = { uri, analysis: analyzeArticle(text, this.options.analysis) };
    this.entries.set(uri, entry);
    return entry;
  }

  /** Forgets an article; returns whether it was known. */
  removeArticle(uri: string): boolean {
    return this.entries.delete(uri);
  }

  getArticle(uri: string): ArticleEntry | undefined {
    return this.entries.get(uri);
  }

  articles(): ArticleEntry[] {
    return [...this.entries.values()];
  }

  speakers(): Speaker[] {
    return [];
  }

  getSpeaker(id: string): Speaker | undefined {
    void id;
    return undefined;
  }

  /** The workspace speaker id of a person in one article. */
  speakerIdOf(uri: string, personKey: string): string | undefined {
    void uri; void personKey;
    return undefined;
  }

  statementsBySpeaker(id: string): StatementRef[] {
    void id;
    return [];
  }

  /** Speakers whose name or any spelling contains the query (case and diacritics ignored). */
  findSpeakers(query: string): Speaker[] {
    void query;
    return [];
  }

  /** The person mention under an offset, with the person and its workspace id. */
  mentionAt(uri: string, offset: number): { mention: Mention; person: Person; speakerId?: string } | undefined {
    void uri; void offset;
    return undefined;
  }

  /** The statement whose content or cue or source covers an offset. */
  statementAt(uri: string, offset: number): StatementRef | undefined {
    void uri; void offset;
    return undefined;
  }

  dateAt(uri: string, offset: number): DateMention | undefined {
    void uri; void offset;
    return undefined;
  }
}
