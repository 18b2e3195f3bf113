// Plain data of the workspace model: many analysed articles joined by speaker identity.
import type { ArticleAnalysis, Span, Statement } from '../analysis/types';
import type { ArticleSummary } from './articleSummary';

/** One statement with where it lives and who (across the workspace) made it. */
export interface StatementRef {
  uri: string;
  /** Index into the article's analysis.statements. */
  index: number;
  /** The statement's content in the article (known without decoding a closed article's statements). */
  contentSpan: Span;
  /** The statement itself (a closed article's statements are decoded when this is read). */
  readonly statement: Statement;
  /** Stable cross-article speaker id; absent for statements nobody is named for. */
  speakerId?: string;
}

/** One person (or speaking organisation) across the whole workspace. */
export interface Speaker {
  /** Stable id derived from the canonical name ("alexander-grushko"). */
  id: string;
  /** The most complete, most common spelling. */
  name: string;
  roles: string[];
  /** Every spelling of the full name or surname seen, canonical first. */
  spellings: string[];
  isOrganization: boolean;
  statementCount: number;
  /** URIs of articles that mention the speaker. */
  articles: string[];
  /** URIs of articles holding statements by the speaker. */
  statementArticles: string[];
  firstDate?: string;
  lastDate?: string;
  /** From the speaker registry, when one is configured. */
  note?: string;
  organization?: string;
}

/**
 * One article of the model: always its summary (what cross-article answers read); the full
 * analysis (with the text) only while the model keeps it (open documents, or every article).
 */
export interface ArticleEntry {
  uri: string;
  summary: ArticleSummary;
  analysis?: ArticleAnalysis;
}

/** An entry with its full analysis: what features on one document read. */
export type AnalysedEntry = ArticleEntry & { analysis: ArticleAnalysis };
