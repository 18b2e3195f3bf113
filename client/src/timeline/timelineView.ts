// The Speaker Timeline's webview logic, pure: the messages between webview and extension, the
// filters (speaker, article) and the layout (lanes, date scale, undated column, ticks). It imports
// nothing at run time, so it runs in the webview as it is and in unit tests under Node.
import type { Range } from 'vscode-languageserver-protocol';
import type { TimelineEntryItem, TimelineLaneItem, TimelineResult } from '../../../server/src/lsp/protocol';

/** Extension → webview. */
export type ToWebview = { type: 'data'; data: TimelineResult };
/** Webview → extension. */
export type FromWebview = { type: 'ready' } | { type: 'open'; uri: string; range: Range };

/** Validates a message from the webview (its content is untrusted); undefined when malformed. */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type === 'ready') return { type: 'ready' };
  if (m.type === 'open' && typeof m.uri === 'string' && isRange(m.range)) return { type: 'open', uri: m.uri, range: m.range };
  return undefined;
}

function isRange(x: unknown): x is Range {
  const isPos = (p: unknown) => {
    const q = p as { line?: unknown; character?: unknown } | null;
    return !!q && Number.isInteger(q.line) && Number.isInteger(q.character) && (q.line as number) >= 0 && (q.character as number) >= 0;
  };
  const r = x as { start?: unknown; end?: unknown } | null;
  return !!r && isPos(r.start) && isPos(r.end);
}

export interface ViewFilter {
  /** Speaker ids to show; empty: all. */
  speakers: string[];
  /** One article URI to show; undefined: all. */
  article?: string;
}

/** The timeline restricted to some speakers and one article; lanes with no entry left disappear. */
export function filterTimeline(data: TimelineResult, filter: ViewFilter): TimelineResult {
  const speakers = filter.speakers.length ? new Set(filter.speakers) : undefined;
  const entries = data.entries.filter((e) => (!speakers || speakers.has(e.speakerId)) && (!filter.article || e.uri === filter.article));
  const counts = new Map<string, { all: number; dated: number }>();
  for (const e of entries) {
    const c = counts.get(e.speakerId) ?? { all: 0, dated: 0 };
    c.all++;
    if (e.date) c.dated++;
    counts.set(e.speakerId, c);
  }
  const lanes = data.lanes.filter((l) => counts.has(l.speakerId)).map((l) => ({ ...l, statementCount: counts.get(l.speakerId)!.all, datedCount: counts.get(l.speakerId)!.dated }));
  const dated = entries.filter((e) => e.date);
  return {
    lanes,
    entries,
    articles: data.articles,
    ...(dated.length ? { first: dated[0].date, last: dated[dated.length - 1].date } : {}),
    undated: entries.length - dated.length,
  };
}

/** Days since 1970-01-01 of an ISO date of day, month (`2024-03`), week (`2024-W11`) or year precision. */
export function dayNumber(iso: string): number | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000;
  m = /^(\d{4})-W(\d{2})$/.exec(iso);
  if (m) {
    // ISO week 1 holds 4 January; its Monday starts the count.
    const jan4 = Date.UTC(+m[1], 0, 4) / 86400000;
    const weekday = (new Date(jan4 * 86400000).getUTCDay() + 6) % 7;
    return jan4 - weekday + (+m[2] - 1) * 7;
  }
  m = /^(\d{4})-(\d{2})$/.exec(iso);
  if (m) return Date.UTC(+m[1], +m[2] - 1, 1) / 86400000;
  m = /^(\d{4})$/.exec(iso);
  if (m) return Date.UTC(+m[1], 0, 1) / 86400000;
  return undefined;
}

export interface LayoutOptions {
  width: number;
  laneHeight: number;
  labelWidth: number;
  /** Width of the column for undated statements (0 when there are none). */
  undatedWidth: number;
  /** Space above the lanes for the date ticks. */
  axisHeight: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = { width: 900, laneHeight: 36, labelWidth: 200, undatedWidth: 90, axisHeight: 28 };

export interface LaidOutLane {
  lane: TimelineLaneItem;
  /** Index into the colour palette. */
  colour: number;
  y: number;
  label: string;
}

export interface LaidOutPoint {
  entry: TimelineEntryItem;
  lane: number;
  x: number;
  y: number;
}

export interface Layout {
  width: number;
  height: number;
  lanes: LaidOutLane[];
  points: LaidOutPoint[];
  ticks: Array<{ x: number; label: string }>;
  /** Where the undated column starts (undefined: no undated statements). */
  undatedX?: number;
}

export const PALETTE_SIZE = 8;
const POINT_GAP = 7;

/** Places each statement: x by date on a linear day scale, y by lane; same-day points fan out. */
export function layoutTimeline(data: TimelineResult, options: LayoutOptions = DEFAULT_LAYOUT): Layout {
  const hasUndated = data.entries.some((e) => !e.date || dayNumber(e.date) === undefined);
  const undatedWidth = hasUndated ? options.undatedWidth : 0;
  const plotLeft = options.labelWidth + 16;
  const plotRight = Math.max(plotLeft + 40, options.width - undatedWidth - 16);
  const days = data.entries.map((e) => (e.date ? dayNumber(e.date) : undefined)).filter((d): d is number => d !== undefined);
  const min = days.length ? Math.min(...days) : 0;
  const max = days.length ? Math.max(...days) : 0;
  const span = Math.max(1, max - min);
  const xOf = (day: number) => (days.length && max === min ? (plotLeft + plotRight) / 2 : plotLeft + ((day - min) / span) * (plotRight - plotLeft));
  const laneIndex = new Map(data.lanes.map((l, i) => [l.speakerId, i]));
  const lanes: LaidOutLane[] = data.lanes.map((lane, i) => ({
    lane,
    colour: i % PALETTE_SIZE,
    y: options.axisHeight + i * options.laneHeight + options.laneHeight / 2,
    label: lane.role ? `${lane.name} — ${lane.role}` : lane.name,
  }));
  const undatedX = hasUndated ? options.width - undatedWidth + 8 : undefined;
  const seen = new Map<string, number>();
  const points: LaidOutPoint[] = [];
  for (const entry of data.entries) {
    const lane = laneIndex.get(entry.speakerId);
    if (lane === undefined) continue;
    const day = entry.date ? dayNumber(entry.date) : undefined;
    const baseX = day === undefined ? undatedX! + 6 : xOf(day);
    // Statements of one speaker on one day sit side by side instead of on top of each other.
    const key = `${lane}:${day ?? 'undated'}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    points.push({ entry, lane, x: baseX + n * POINT_GAP, y: lanes[lane].y });
  }
  return {
    width: options.width,
    height: options.axisHeight + Math.max(1, lanes.length) * options.laneHeight + 8,
    lanes,
    points,
    ticks: days.length ? ticks(min, max, xOf) : [],
    ...(undatedX !== undefined ? { undatedX } : {}),
  };
}

/** Up to six date labels: the first and last day and evenly spaced days between. */
function ticks(min: number, max: number, xOf: (day: number) => number): Array<{ x: number; label: string }> {
  const count = max === min ? 1 : Math.min(6, max - min + 1);
  const out: Array<{ x: number; label: string }> = [];
  for (let i = 0; i < count; i++) {
    const day = count === 1 ? min : Math.round(min + ((max - min) * i) / (count - 1));
    out.push({ x: xOf(day), label: new Date(day * 86400000).toISOString().slice(0, 10) });
  }
  return out;
}

/** The hover text of a point: who, when, how, the quote, and the article. */
export function tooltipLines(entry: TimelineEntryItem, data: TimelineResult): string[] {
  const lane = data.lanes.find((l) => l.speakerId === entry.speakerId);
  const article = data.articles.find((a) => a.uri === entry.uri);
  const kind = entry.kind === 'direct' ? 'direct quotation' : entry.kind === 'partial' ? 'partial quotation' : 'reported speech';
  const text = entry.text.length > 280 ? entry.text.slice(0, 279) + '…' : entry.text;
  return [
    `${lane?.name ?? entry.speakerId} · ${entry.date ?? 'undated'} · ${kind} (${entry.cue})`,
    entry.kind === 'indirect' ? text : `“${text}”`,
    article ? `${article.title} — line ${entry.range.start.line + 1}` : `line ${entry.range.start.line + 1}`,
  ];
}

/** The message a click on a point sends. */
export function openMessage(entry: TimelineEntryItem): FromWebview {
  return { type: 'open', uri: entry.uri, range: entry.range };
}
