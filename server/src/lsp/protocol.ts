// The custom protocol of the Attribution Lens language server, typed once and shared by the
// server, the VS Code client and the protocol tests. Other editors can call the same methods;
// docs/editor-features.md documents them. Methods are namespaced `attributionLens/…`.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';
import type { StatementRow } from '../workspace/statementTable';

/** Sent after the initial index and after every processed change (edit, file event, settings). */
export interface IndexedParams {
  /** Articles in the workspace index (files on disk that match the article globs, plus open buffers). */
  articles: number;
  /** Distinct speakers across all articles. */
  speakers: number;
  /** Quotations nobody is named for, across all articles (after ignore markers). */
  unattributedQuotes: number;
  /** Files that matched the article globs but were not analysed, each as `uri: reason`. */
  skipped: string[];
  /**
   * How the initial index was made (on the first notification, and again once `checked`): articles
   * restored from the persistent index, articles analysed, analyses redone once every article's
   * date was known (guessed dateline years), what became of the persistent index, whether the
   * cross-article index (who is who across articles) was restored with it or built, and whether the
   * files restored unread have been checked since (size and time; changed ones analysed again).
   * A warm start answers before that check; the counts on the `checked` report are final.
   */
  startup?: { restored: number; analysed: number; settled: number; cache: 'none' | 'loaded' | 'discarded'; index: 'built' | 'restored'; checked: boolean };
  /** Articles analysed only up to the length limit (the rest not read), each as `uri: notice`. */
  truncated?: string[];
}

export namespace IndexedNotification {
  export const method = 'attributionLens/indexed' as const;
  export const type = new NotificationType<IndexedParams>(method);
}

export interface StatementsBySpeakerParams {
  /** The workspace speaker id ("alexander-grushko"); wins over `name`. */
  id?: string;
  /** A name or any spelling of it ("Grushkó"); the best matching speaker is used. */
  name?: string;
}

/** One statement, located. */
export interface StatementItem {
  uri: string;
  /** The statement's content (a quotation's inner text or the reported clause). */
  range: Range;
  text: string;
  kind: 'direct' | 'partial' | 'indirect';
  cue: string;
  /** ISO date when known. */
  date?: string;
  speakerId?: string;
  /** The speaker's canonical name, when known. */
  speaker?: string;
}

export namespace StatementsBySpeakerRequest {
  export const method = 'attributionLens/statementsBySpeaker' as const;
  export const type = new RequestType<StatementsBySpeakerParams, StatementItem[], void>(method);
}

/** A quotation nobody is named for, located. */
export interface UnattributedQuoteItem {
  uri: string;
  /** The quotation, marks included. */
  range: Range;
  /** Its words. */
  text: string;
}

/** Every unattributed quote of the workspace's articles (after ignore markers, and where the rule is not off), by article. */
export namespace UnattributedQuotesRequest {
  export const method = 'attributionLens/unattributedQuotes' as const;
  export const type = new RequestType0<UnattributedQuoteItem[], void>(method);
}

/** One speaker across the workspace. */
export interface SpeakerItem {
  id: string;
  name: string;
  roles: string[];
  spellings: string[];
  isOrganization: boolean;
  statementCount: number;
  /** URIs of the articles holding the speaker's statements. */
  statementArticles: string[];
  firstDate?: string;
  lastDate?: string;
}

export namespace SpeakersRequest {
  export const method = 'attributionLens/speakers' as const;
  export const type = new RequestType0<SpeakerItem[], void>(method);
}

/** Client-side command the code lens invokes with `[speakerId]`; clients may implement it. */
export const SHOW_STATEMENTS_COMMAND = 'attributionLens.showStatementsOf';

/** Diagnostic rule codes, as they appear in `Diagnostic.code`. */
export type RuleCode = 'unattributed-quote' | 'malformed-quote-marks' | 'inconsistent-spelling' | 'weekday-mismatch';

/** The source of every diagnostic this server publishes. */
export const DIAGNOSTIC_SOURCE = 'attribution-lens';

/** Filters of the Speaker Timeline; absent or empty lists keep everything. */
export interface TimelineParams {
  /** Speaker ids. */
  speakers?: string[];
  /** Article URIs. */
  articles?: string[];
}

/** One statement on the timeline, located. */
export interface TimelineEntryItem {
  speakerId: string;
  uri: string;
  range: Range;
  /** ISO date (day, month or week precision); absent when undated. */
  date?: string;
  kind: 'direct' | 'partial' | 'indirect';
  cue: string;
  text: string;
}

/** One speaker's lane. */
export interface TimelineLaneItem {
  speakerId: string;
  name: string;
  role?: string;
  statementCount: number;
  datedCount: number;
}

export interface TimelineArticleItem {
  uri: string;
  title: string;
  date?: string;
  statementCount: number;
}

/** Statements by date, one lane per speaker: lanes most quoted first, entries by date, undated last. */
export interface TimelineResult {
  lanes: TimelineLaneItem[];
  entries: TimelineEntryItem[];
  articles: TimelineArticleItem[];
  first?: string;
  last?: string;
  undated: number;
}

export namespace TimelineRequest {
  export const method = 'attributionLens/timeline' as const;
  export const type = new RequestType<TimelineParams, TimelineResult, void>(method);
}

export interface StatementTableParams {
  /** Only this speaker's statements (a name, any spelling, or an id). */
  speaker?: string;
}

/** One row of the statement table, as `attribution-lens export` writes it; `file` is the article's URI. */
export type StatementRowItem = StatementRow;

export namespace StatementTableRequest {
  export const method = 'attributionLens/statementTable' as const;
  export const type = new RequestType<StatementTableParams, StatementRowItem[], void>(method);
}
