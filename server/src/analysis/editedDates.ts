// The dates of an edited article, reusing its previous analysis: a date mention depends only on
// the text of its paragraph and on the article's reference day (dates.ts resolves each paragraph's
// mentions against it, alone), so the paragraphs an edit left alone keep their mentions, shifted by
// the edit, and only the others go through dates.ts. An edit mostly touches one paragraph, and
// date resolution (chrono-node) is about a third of an analysis.
import { resolveDates, type DateOptions, type DateResolution } from './dates';
import { localToday } from './calendar';
import type { ArticleAnalysis, DateMention, Dateline, Span } from './types';

/**
 * Above this length dates.ts's work limit (MAX_TRIGGER_WORDS date-like words per article) could
 * be reached, and then one paragraph's mentions would depend on the others': no reuse.
 */
const MAX_REUSE_LENGTH = 64_000;
/** Year sources that come from the dateline or the article's own published date, never the body. */
const OWN_YEAR_SOURCES = new Set(['dateline', 'front-matter', 'byline-date']);

/** The day an analysis was made for (its "today"), by analysis: reuse needs the same day. */
const madeOn = new WeakMap<ArticleAnalysis, string>();

/** Records what an analysis's dates were resolved against, for a later `datesAfterEdit`. */
export function noteDatesMadeOn(analysis: ArticleAnalysis, options: DateOptions): void {
  madeOn.set(analysis, dayOf(options));
}

/**
 * `resolveDates(text, regions, dateline, options)` for an edited text, computed from `previous`
 * where the edit left paragraphs alone; undefined when nothing can be reused (then the caller
 * resolves every paragraph). `regions` are the new text's readable paragraphs, as resolveDates takes them.
 */
export function datesAfterEdit(
  text: string,
  regions: readonly Span[],
  dateline: Dateline | undefined,
  options: DateOptions,
  previous: ArticleAnalysis,
  previousRegions: readonly Span[],
): DateResolution | undefined {
  if (text.length > MAX_REUSE_LENGTH || previous.text.length > MAX_REUSE_LENGTH) return undefined;
  if (madeOn.get(previous) !== dayOf(options) || !ownReference(previous)) return undefined;
  const before = previous.text;
  const { prefix, suffix } = commonEnds(before, text);
  const shift = text.length - before.length;
  const oldRegions = new Map(previousRegions.map((r) => [r.start, r.end]));
  // A paragraph's mentions also depend on whether the dateline is in it, and where (none are taken from it).
  const datelineIn = (r: Span, dl: Dateline | undefined) =>
    dl && r.start <= dl.span.start && dl.span.start < r.end ? `${dl.span.start - r.start}:${dl.span.end - r.start}` : undefined;

  const fresh: Span[] = [];
  const reused: Array<{ region: Span; from: number; by: number }> = [];
  for (const r of regions) {
    let from: number | undefined;
    if (r.end <= prefix) from = r.start;
    else if (r.start >= text.length - suffix) from = r.start - shift;
    const old = from === undefined ? undefined : { start: from, end: r.end - r.start + from };
    if (old && oldRegions.get(old.start) === old.end && datelineIn(r, dateline) === datelineIn(old, previous.dateline)) {
      reused.push({ region: r, from: old.start, by: r.start - old.start });
    } else fresh.push(r);
  }
  if (reused.length === 0) return undefined;

  const resolved = resolveDates(text, fresh, dateline, options);
  if (!ownReference(resolved) || referenceKey(resolved) !== referenceKey(previous)) return undefined;

  const dates: DateMention[] = [];
  // Mentions outside the reused paragraphs (those of the fresh ones, and the dateline's own date).
  let k = 0;
  for (const d of resolved.dates) {
    while (k < reused.length && reused[k].region.end <= d.span.start) k++;
    if (k < reused.length && reused[k].region.start <= d.span.start) continue;
    dates.push(d);
  }
  // The reused paragraphs' mentions, moved with the text (old mentions are in document order).
  let i = 0;
  const old = previous.dates;
  for (const { region, from, by } of reused) {
    const to = from + region.end - region.start;
    while (i < old.length && old[i].span.start < from) i++;
    for (; i < old.length && old[i].span.start < to; i++) {
      const d = old[i];
      dates.push(by === 0 ? d : { ...d, span: { start: d.span.start + by, end: d.span.end + by } });
    }
  }
  dates.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const result: DateResolution = { dates };
  if (resolved.dateline) result.dateline = resolved.dateline;
  if (resolved.articleDate) result.articleDate = resolved.articleDate;
  return result;
}

/**
 * Whether the article's reference day comes from its dateline or its published date alone, not
 * from evidence gathered over every paragraph (a dateline without a year and nothing else to date it).
 */
function ownReference(d: Pick<DateResolution, 'dateline'>): boolean {
  const dl = d.dateline;
  if (!dl || dl.month === undefined || dl.day === undefined) return true;
  return dl.yearSource !== undefined && OWN_YEAR_SOURCES.has(dl.yearSource);
}

/** What every mention is resolved against: the dateline's day or the article's date, and which. */
function referenceKey(d: Pick<DateResolution, 'dateline' | 'articleDate'>): string {
  const dl = d.dateline;
  return JSON.stringify([dl?.month, dl?.day, dl?.date, dl?.yearSource, d.articleDate?.value, d.articleDate?.source]);
}

/**
 * Characters compared at a time by `startsWith`/`endsWith` (native code) before the last stretch
 * is compared one by one: a loop over every character of an edited article ran for a millisecond
 * or more per edit until the JIT had warmed up to it.
 */
const COMPARED_AT_ONCE = 256;

/** Lengths of the longest common prefix and (not overlapping it) suffix of two texts. */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix + COMPARED_AT_ONCE <= max && a.startsWith(b.slice(prefix, prefix + COMPARED_AT_ONCE), prefix)) prefix += COMPARED_AT_ONCE;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix + COMPARED_AT_ONCE <= max - prefix && a.endsWith(b.slice(b.length - suffix - COMPARED_AT_ONCE, b.length - suffix), a.length - suffix)) {
    suffix += COMPARED_AT_ONCE;
  }
  while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/** The "today" dates are resolved for: the option (when it parses), else the local day. */
function dayOf(options: DateOptions): string {
  return `${options.today ?? ''}|${localToday()}`;
}
