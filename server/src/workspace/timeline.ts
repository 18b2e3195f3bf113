// The Speaker Timeline's data: every attributed statement placed by date, one lane per speaker,
// plus the articles they come from. Pure: the server maps spans to ranges and sends it; the
// webview lays it out. Statements nobody is named for have no lane and are left out.
import type { Span } from '../analysis/types';
import type { WorkspaceModel } from './workspaceModel';

export interface TimelineEntry {
  speakerId: string;
  uri: string;
  /** Index into the article's statements. */
  index: number;
  /** ISO date (day, month or week precision); absent when neither statement nor article is dated. */
  date?: string;
  kind: 'direct' | 'partial' | 'indirect';
  cue: string;
  text: string;
  /** The statement's content in the article. */
  span: Span;
}

export interface TimelineLane {
  speakerId: string;
  name: string;
  role?: string;
  statementCount: number;
  /** Statements with a date (the rest sit in the lane's "undated" column). */
  datedCount: number;
}

export interface TimelineArticle {
  uri: string;
  title: string;
  date?: string;
  statementCount: number;
}

export interface Timeline {
  /** Most statements first, then by name. */
  lanes: TimelineLane[];
  /** Dated entries by date (then article, then position), undated ones last. */
  entries: TimelineEntry[];
  /** Articles holding at least one entry, by date then title. */
  articles: TimelineArticle[];
  /** The earliest and latest dates of the entries. */
  first?: string;
  last?: string;
  undated: number;
}

export interface TimelineFilter {
  /** Speaker ids to keep (all when absent or empty). */
  speakers?: readonly string[];
  /** Article URIs to keep (all when absent or empty). */
  articles?: readonly string[];
}

/** Builds the timeline of the workspace, optionally for some speakers and articles only. */
export function buildTimeline(model: WorkspaceModel, filter: TimelineFilter = {}): Timeline {
  const speakers = filter.speakers?.length ? new Set(filter.speakers) : undefined;
  const articleFilter = filter.articles?.length ? new Set(filter.articles) : undefined;
  const entries: TimelineEntry[] = [];
  const titles = new Map<string, TimelineArticle>();
  for (const entry of model.articles()) {
    if (articleFilter && !articleFilter.has(entry.uri)) continue;
    const analysis = entry.summary;
    analysis.statements.forEach((s, index) => {
      const speakerId = s.personKey ? model.speakerIdOf(entry.uri, s.personKey) : undefined;
      if (!speakerId || (speakers && !speakers.has(speakerId))) return;
      const date = s.date ?? analysis.articleDate?.value;
      entries.push({ speakerId, uri: entry.uri, index, ...(date ? { date } : {}), kind: s.kind, cue: s.cue, text: s.text.replace(/\s+/g, ' ').trim(), span: s.contentSpan });
      let article = titles.get(entry.uri);
      if (!article) {
        article = { uri: entry.uri, title: articleTitle(model, entry.uri), ...(analysis.articleDate ? { date: analysis.articleDate.value } : {}), statementCount: 0 };
        titles.set(entry.uri, article);
      }
      article.statementCount++;
    });
  }
  entries.sort(compareEntries);
  const lanes = new Map<string, TimelineLane>();
  for (const e of entries) {
    let lane = lanes.get(e.speakerId);
    if (!lane) {
      const speaker = model.getSpeaker(e.speakerId);
      lane = { speakerId: e.speakerId, name: speaker?.name ?? e.speakerId, ...(speaker?.roles[0] ? { role: speaker.roles[0] } : {}), statementCount: 0, datedCount: 0 };
      lanes.set(e.speakerId, lane);
    }
    lane.statementCount++;
    if (e.date) lane.datedCount++;
  }
  const dated = entries.filter((e) => e.date);
  return {
    lanes: [...lanes.values()].sort((a, b) => b.statementCount - a.statementCount || a.name.localeCompare(b.name)),
    entries,
    articles: [...titles.values()].sort((a, b) => compareDates(a.date, b.date) || a.title.localeCompare(b.title) || a.uri.localeCompare(b.uri)),
    ...(dated.length ? { first: dated[0].date, last: dated[dated.length - 1].date } : {}),
    undated: entries.length - dated.length,
  };
}

/** The headline (else front-matter title, else first line) of an article, for labels. */
export function articleTitle(model: WorkspaceModel, uri: string): string {
  return model.getArticle(uri)?.summary.title ?? uri;
}

function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return compareDates(a.date, b.date) || a.uri.localeCompare(b.uri) || a.span.start - b.span.start;
}

/** ISO strings compare as text; undefined (undated) sorts last. */
function compareDates(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}
