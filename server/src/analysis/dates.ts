// Dates in news articles: the article's date (with the dateline's missing year inferred) and every
// date mention resolved to an ISO value, with a short explanation for hovers.
//
// chrono-node finds and parses candidate expressions; the news rules (which weekday "on Monday" is,
// which year "December 7th" is in, what "last week" means, what is not a date at all) are ours.
// Cost is linear in the searched text: regions are cut into sentence-sized chunks of bounded length,
// chrono only sees a window of words around each date-like word (all of an article's windows in
// one call), and every other scan is a single bounded pass.
import * as chrono from 'chrono-node';
import type { AnalysisOptions, DateMention, DateSource, Dateline, Span } from './types';
import { isoDate, monthNumber, parseDatelineParts } from './dateline';
import { lowerCased } from './tokens';
import { lowerBound } from './search';
import { dayNum, daysInMonth, fromDay, localToday } from './calendar';
import { WINDOW_SEPARATOR, WindowedChrono } from './windowedChrono';

export interface DateResolution {
  dateline?: Dateline;
  articleDate?: { value: string; source: DateSource };
  dates: DateMention[];
}

export type DateOptions = AnalysisOptions & { frontMatterDate?: string; bylineDate?: string };

/** The article's evidence for the year of its dateline's month/day. */
export interface YearCandidates {
  month: number;
  day: number;
  /** Candidate years, most likely first (most recent first among equals); none after `today`. */
  years: number[];
  /** The weekday (0 = Sunday) the lead says the dateline day is, when it says so. */
  weekday?: number;
  /** The dateline is on or after this date (latest past date or year the text mentions). */
  notBefore?: string;
  /** The dateline is on or before this date (earliest year the text speaks of in the future tense). */
  notAfter?: string;
  /** The strongest evidence that narrowed the years: 'weekday', 'text-year' or 'none'. */
  source: DateSource;
}

// ---------------------------------------------------------------------------------------------
// Day arithmetic on UTC day numbers (days since 1970-01-01; calendar.ts).

const DAY_MS = 86_400_000;
const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  // Whole numbers in dayNum's arithmetic range: the month's length says it without a round trip.
  if (Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 100 && y <= 200_000) return d <= daysInMonth(y, m);
  const f = fromDay(dayNum(y, m, d));
  return f.y === y && f.m === m && f.d === d;
}

function isoOf(n: number): string {
  const f = fromDay(n);
  return isoDate(f.y, f.m, f.d);
}

function isoWeekOf(n: number): string {
  const thursday = n - ((weekdayOf(n) + 6) % 7) + 3;
  const y = fromDay(thursday).y;
  const week = Math.floor((thursday - dayNum(y, 1, 1)) / 7) + 1;
  return `${y}-W${String(week).padStart(2, '0')}`;
}

function isoMonth(y: number, m: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** Parses the leading YYYY-MM-DD of a string; undefined when it is not a real date. */
function parseIsoDay(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDate(y, mo, d) ? dayNum(y, mo, d) : undefined;
}

/** The last `today` setting parsed (it is the same for every article of a run). */
let lastToday: { setting: string; day: number | undefined } | undefined;

function todayDay(options: DateOptions): number {
  if (options.today !== undefined) {
    if (lastToday?.setting !== options.today) lastToday = { setting: options.today, day: parseIsoDay(options.today) };
    if (lastToday.day !== undefined) return lastToday.day;
  }
  return localToday();
}

/** "Sat 18 Dec 2021" */
function longDate(n: number): string {
  const f = fromDay(n);
  return `${WEEKDAYS[weekdayOf(n)].slice(0, 3)} ${f.d} ${MONTH_ABBR[f.m - 1]} ${f.y}`;
}

// ---------------------------------------------------------------------------------------------
// Chunking: sentence-sized, bounded pieces of the regions.

const MAX_CHUNK = 400;
/**
 * Work limit per document: once chrono has been given chunks holding this many trigger words, the
 * remaining chunks get only the cheap scans. Real news has a few dates per paragraph (a 1 MB news dump: ~1,000); only degenerate
 * input ("Monday Monday ..." for a megabyte) reaches it, and it keeps such input to about a second.
 */
const MAX_TRIGGER_WORDS = 20_000;

export interface Chunk {
  start: number;
  text: string;
  /** Index of the region the chunk comes from. */
  region: number;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

function isUpperStart(c: number): boolean {
  // A capital, a digit-less quote or bracket opening the next sentence.
  return (c >= 65 && c <= 90) || c === 0x22 || c === 0x201c || c === 0x2018 || c === 0x27 || c === 0xab || c === 0x28 || (c > 0xbf && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase());
}

/** A weekday's name and a word boundary, at the start of the text searched (sticky). */
const WEEKDAY_AHEAD = /(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/y;

/** "at 3 p.m. Thursday": the full stop at `dot` ends "a.m." or "p.m." and a weekday follows; no sentence ends there. */
function timeBeforeWeekday(text: string, dot: number): boolean {
  if (!isTimeAbbreviationEnd(text, dot)) return false;
  WEEKDAY_AHEAD.lastIndex = dot + 2;
  return WEEKDAY_AHEAD.test(text);
}

/** A line break or sentence-ending punctuation: the only characters where a chunk may end short of MAX_CHUNK. */
const CHUNK_END_CANDIDATE = /[\n\r.!?]/g;

/**
 * The regions cut into chunks at line breaks, at sentence ends (". " before a capital or an opening
 * quote or bracket) and, past MAX_CHUNK characters, at the last space in the chunk's second half (or
 * right there if there is none). The candidates for an end are found by one regular expression;
 * the characters between them are not looked at unless a chunk runs long.
 */
export function chunkRegions(text: string, regions: readonly Span[]): Chunk[] {
  const out: Chunk[] = [];
  regions.forEach((region, ri) => {
    const end = Math.min(region.end, text.length);
    let s = Math.max(0, region.start);
    const emit = (e: number): void => {
      if (e > s) out.push({ start: s, text: text.slice(s, e), region: ri });
      s = e;
    };
    /** Where a chunk that is full at `i` ends: after its last space past its middle, or at `i`. */
    const cutAt = (i: number): number => {
      let q = i;
      while (q > s + MAX_CHUNK / 2 && !isSpace(text.charCodeAt(q))) q--;
      return q > s + MAX_CHUNK / 2 ? q + 1 : i;
    };
    let cursor = s;
    while (cursor < end) {
      CHUNK_END_CANDIDATE.lastIndex = cursor;
      const found = CHUNK_END_CANDIDATE.exec(text);
      const p = found === null || found.index >= end ? end : found.index;
      // The chunks that fill up before the candidate.
      while (s + MAX_CHUNK < p) emit(cutAt(s + MAX_CHUNK));
      if (p >= end) break;
      // A line break or a sentence's end; any other full stop ("U.S.") is an ordinary character, and
      // a chunk that is full there is cut by the next turn's loop.
      const c = text.charCodeAt(p);
      if (c === 10 || c === 13) {
        emit(p);
        s = p + 1;
      } else if (p + 2 < end && isSpace(text.charCodeAt(p + 1)) && isUpperStart(text.charCodeAt(p + 2)) && !timeBeforeWeekday(text, p)) {
        emit(p + 1);
      }
      cursor = p + 1;
    }
    emit(end);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pass 1: candidate mentions, independent of the article date.

type Modifier = 'last' | 'this' | 'next';

interface Raw {
  start: number;
  end: number;
  region: number;
  kind: 'casual' | 'period' | 'ago' | 'absolute' | 'year';
  /** casual: days from the reference ("tomorrow" = 1). */
  offset?: number;
  /** period / ago */
  unit?: 'day' | 'week' | 'month' | 'year' | 'weekend';
  amount?: number;
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  modifier?: Modifier;
  future: boolean;
  /** A past-tense verb governs the mention ("said on Monday", "held on December 7"). */
  past?: boolean;
  /** For years written as a range ("2019-20"). */
  range?: string;
  /** A weekday of the week before (-1), of (0) or after (1) the reference's: "Wednesday next week". */
  weekShift?: number;
  /** The end of the range this mention starts ("Wednesday" of "Monday to Wednesday"). */
  rangeEnd?: Raw;
  /** The start of the range this mention ends: it is on or after the start's day. */
  from?: Raw;
  /** A weekday that names the day of the month/day before it ("March 6, a Sunday"). */
  dayOf?: Raw;
  /** A month/day that names an event ("the Nov. 8 election") or a deadline ("had until Dec. 31"): the nearer one, when the tense does not say. */
  nearer?: boolean;
}

/**
 * Words that something we keep from chrono must contain. Only chunks holding one go to chrono, and the
 * count of them is the work budget. Case-sensitive names: news capitalises months and weekdays.
 */
const TRIGGER_WORDS = [
  ...MONTH_FULL, 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', ...WEEKDAYS,
  'Today', 'Tonight', 'Tomorrow', 'Yesterday',
];
// One \b pair around all the word alternatives: about a quarter faster than a pair for each branch.
const TRIGGER = new RegExp(
  `\\b(?:${[...TRIGGER_WORDS, ...TRIGGER_WORDS.map((w) => w.toUpperCase())].join('|')}|today|tonight|tomorrow|yesterday|ago|` +
    '(?:[Ll]ast|[Tt]his|[Nn]ext|[Cc]oming|[Pp]ast)\\s+(?:week|month|year|weekend|morning|afternoon|evening))\\b|' +
    '\\d{4}-\\d\\d-\\d\\d|\\d\\/\\d{1,2}\\/\\d\\d|' +
    // An ordinal ("the 14th"): no trigger, but found in the same search for `ordinalDay`.
    '\\d(?:st|nd|rd|th)\\b',
  'g',
);

// A set, not an object: a word like "constructor" must not find the object prototype's members.
const WEEKDAY_WORDS = new Set(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']);
const WEEKDAY_ABBR = new Set(['sun', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat']);
const NEWSPAPER_AFTER = new Set([
  'times', 'telegraph', 'express', 'mirror', 'post', 'herald', 'mail', 'sun', 'star', 'tribune', 'independent',
  'observer', 'night', 'people', 'record', 'business', 'review', 'sport', 'world', 'league',
]);
const HOLIDAY_BEFORE = new Set([
  'good', 'black', 'bloody', 'holy', 'ash', 'palm', 'easter', 'cyber', 'super', 'fat', 'maundy', 'shrove', 'giving', 'clean',
  'news', // "Fox News Sunday"
]);
const MONTH_CONTEXT_BEFORE = new Set([
  'in', 'on', 'since', 'last', 'next', 'this', 'early', 'late', 'mid', 'until', 'till', 'by', 'from', 'of', 'during',
  'through', 'before', 'after', 'coming', 'past', 'end', 'start', 'beginning', 'throughout', 'around', 'to', 'and',
]);
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

const MODALS_OF_FUTURE_IN_PAST = new Set(['would', 'could', 'might']);
const FUTURE_WORDS = new Set(['will', 'shall', 'wo', 'won’t', "won't", 'next', 'upcoming', 'due', 'scheduled', 'planned', 'plans', 'plan', 'going', 'expected', 'set']);
const IRREGULAR_PAST = new Set([
  'said', 'told', 'held', 'met', 'took', 'made', 'came', 'went', 'began', 'saw', 'gave', 'got', 'was', 'were', 'had',
  'did', 'spoke', 'wrote', 'left', 'found', 'thought', 'brought', 'sent', 'spent', 'built', 'won', 'lost', 'kept',
  'led', 'paid', 'ran', 'stood', 'became', 'broke', 'chose', 'fell', 'felt', 'flew', 'grew', 'knew', 'meant', 'rose',
  'sold', 'sought', 'shot', 'sat', 'struck', 'taught', 'threw', 'wore', 'been', 'drew', 'hit', 'cut', 'read',
]);
const NOT_PAST_ED = new Set(['need', 'speed', 'seed', 'feed', 'indeed', 'proceed', 'exceed', 'succeed', 'breed', 'bleed', 'deed', 'heed', 'reed', 'greed', 'weed', 'steed', 'creed', 'red', 'bed', 'shed', 'wed', 'led', 'hundred', 'sacred', 'naked']);

const CLAUSE_BREAK_CHARS = [...'.;:!?,()"“”«»—–\n'].map((c) => c.charCodeAt(0));
/** 1 at the character codes that end a clause: one array read per character of the backward scan. */
const CLAUSE_BREAKS = new Uint8Array(Math.max(...CLAUSE_BREAK_CHARS) + 1);
for (const c of CLAUSE_BREAK_CHARS) CLAUSE_BREAKS[c] = 1;

/** Verbs whose present tense news uses for what is scheduled: the day lies ahead. */
const SCHEDULE_PRESENT = new Set([
  'go', 'goes', 'begin', 'begins', 'starts', 'opens', 'closes', 'ends', 'resume', 'resumes', 'returns', 'arrives',
  'leaves', 'meet', 'meets', 'votes', 'expires', 'travels', 'heads', 'hosts', 'plays', 'faces', 'launches', 'kicks',
]);

// What each word the tense rules know is, in one look-up per word of the clause (bits may combine).
const FUTURE_WORD = 1;
const MODAL_WORD = 2;
const SCHEDULE_WORD = 4;
const PAST_WORD = 8;
const TENSE_WORD_KINDS = new Map<string, number>();
for (const [words, kind] of [[FUTURE_WORDS, FUTURE_WORD], [MODALS_OF_FUTURE_IN_PAST, MODAL_WORD], [SCHEDULE_PRESENT, SCHEDULE_WORD], [IRREGULAR_PAST, PAST_WORD]] as const) {
  for (const w of words) TENSE_WORD_KINDS.set(w, (TENSE_WORD_KINDS.get(w) ?? 0) | kind);
}
/** Words before a verb that make it no present tense of its own. */
const NOT_FINITE_BEFORE = new Set([
  'to', 'not', 'never', 'did', 'didn’t', "didn't", 'do', 'does', 'don’t', "don't", 'doesn’t', "doesn't", 'would', 'could',
  'should', 'might', 'must', 'can', 'cannot', 'can’t', "can't", 'will', 'shall', 'may', 'let', 'help', 'make', 'made',
]);
const BE_FORMS = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being']);
/** Words that open a noun phrase: "due to the storm" gives a cause, not a schedule. */
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'some', 'lack', 'bad', 'heavy', 'poor', 'high', 'low']);
/** Future words that are participles of a plan: after "had" the plan is past, its day on either side. */
const PLANNED = new Set(['planned', 'scheduled', 'expected', 'set', 'due']);

/**
 * Whether the modal at back[j] starts a perfect: "would have voted", "would not have been" look
 * back; "would have power by Tuesday" (no participle after "have") looks ahead.
 */
function perfectAfter(back: readonly string[], j: number): boolean {
  let h = j - 1;
  if (back[h] === 'not') h--;
  if (h < 0 || back[h] !== 'have') return false;
  const participle = h > 0 ? back[h - 1] : undefined;
  return participle === undefined || IRREGULAR_PAST.has(participle) || (participle.length > 3 && participle.endsWith('ed') && !NOT_PAST_ED.has(participle)) || PARTICIPLES.has(participle);
}

/** Past participles that are not past forms too ("would have gone"). */
const PARTICIPLES = new Set(['gone', 'done', 'seen', 'taken', 'given', 'known', 'shown', 'written', 'spoken', 'chosen', 'broken', 'fallen', 'grown', 'risen', 'driven', 'eaten', 'begun', 'won', 'become', 'come', 'run', 'flown', 'thrown', 'drawn', 'worn', 'sworn', 'stolen', 'frozen', 'forgotten', 'gotten', 'hidden', 'ridden', 'shaken', 'woken', 'beaten', 'bitten']);

/**
 * Whether "had" comes at back[from] or after "been" and adverbs in -ly ("had originally been set"),
 * reading on from `k` (back to the clause's start `cs`) past the words already cut.
 */
function hadBefore(back: readonly string[], from: number, chunk: string, k: number, cs: number): boolean {
  let i = from;
  for (let n = 0; n < 3; n++) {
    let w: string;
    if (i < back.length) w = back[i++];
    else {
      while (k > cs && !isTenseWordCode(chunk.charCodeAt(k - 1))) k--;
      if (k === cs) return false;
      const end = k;
      while (k > cs && isTenseWordCode(chunk.charCodeAt(k - 1))) k--;
      w = lowerCased(chunk.slice(k, end));
    }
    if (w === 'had' || w === 'hadn’t' || w === "hadn't") return true;
    if (w !== 'been' && !(w.length > 4 && w.endsWith('ly'))) return false;
  }
  return false;
}

/**
 * Where "a.m." or "p.m." ends right before `relStart` (past spaces), or -1: its full stops are no
 * clause's or sentence's end when a weekday follows ("at 3 p.m. Thursday").
 */
function timeAbbreviationBefore(chunk: string, relStart: number): number {
  let i = relStart;
  while (i > 0 && isSpace(chunk.charCodeAt(i - 1))) i--;
  if (i === relStart || i < 4) return -1;
  return isTimeAbbreviationEnd(chunk, i - 1) ? i - 4 : -1;
}

/** Whether the full stop at `dot` ends "a.m." or "p.m." (either case) standing as a word. */
function isTimeAbbreviationEnd(text: string, dot: number): boolean {
  if (dot < 3 || text.charCodeAt(dot) !== 0x2e || text.charCodeAt(dot - 2) !== 0x2e || (text.charCodeAt(dot - 1) | 0x20) !== 0x6d) return false;
  const ap = text.charCodeAt(dot - 3) | 0x20;
  return (ap === 0x61 || ap === 0x70) && (dot < 4 || !isAsciiLetter(text.charCodeAt(dot - 4)));
}

/** How many of the clause's words before a mention are read (from the last back). */
const TENSE_WORDS = 16;

/** The characters of the words the tense rules read: ASCII letters and apostrophes (' and ’). */
function isTenseWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 0x27 || c === 0x2019;
}

/**
 * Past, future, or unknown, from the words before the mention in the same clause. The words are
 * the runs of letters and apostrophes, found from the mention back as the rules ask for them (at
 * most the last TENSE_WORDS, and the one before), so that no more are cut out of the text.
 */
export function clauseTense(chunk: string, relStart: number, relEnd: number): 'past' | 'future' | undefined {
  let cs = relStart;
  const floor = Math.max(0, relStart - 120);
  // "at 3 p.m. Thursday": the time's full stop right before the mention ends no clause.
  const timeDot = timeAbbreviationBefore(chunk, relStart);
  if (timeDot >= 0) cs = timeDot;
  while (cs > floor && CLAUSE_BREAKS[chunk.charCodeAt(cs - 1)] !== 1) cs--;
  // back[j]: the clause's (j+1)-th word from the end, lower-cased (backRaw[j] as written), cut when
  // the rules come to it; back[j + 1] undefined when it is the clause's first. Bit j of compounds:
  // the word follows a hyphen ("euro-denominated"), so it is a modifier, not the clause's verb.
  const back: string[] = [];
  const backRaw: string[] = [];
  let compounds = 0;
  let k = relStart;
  for (let j = 0; j < TENSE_WORDS; j++) {
    while (back.length < j + 2) {
      while (k > cs && !isTenseWordCode(chunk.charCodeAt(k - 1))) k--;
      if (k === cs) break;
      const end = k;
      while (k > cs && isTenseWordCode(chunk.charCodeAt(k - 1))) k--;
      const raw = chunk.slice(k, end);
      if (k - 1 > cs && chunk.charCodeAt(k - 1) === 0x2d && isTenseWordCode(chunk.charCodeAt(k - 2))) compounds |= 1 << back.length;
      backRaw.push(raw);
      back.push(lowerCased(raw));
    }
    if (j === back.length) break;
    const w = back[j];
    const next = j > 0 ? back[j - 1] : undefined;
    // "… would be held next Tuesday and that volumes in November were up": a clause of its own.
    if (w === 'that' && (back[j + 1] === 'and' || back[j + 1] === 'but')) break;
    const kind = TENSE_WORD_KINDS.get(w) ?? 0;
    if ((kind & FUTURE_WORD) !== 0 || w.endsWith("'ll") || w.endsWith('’ll')) {
      // "set to", "going to", "expected to": future only with the infinitive marker.
      if ((w === 'set' || w === 'going' || w === 'expected') && next !== 'to') continue;
      // "due to" is "because of", but "was due to expire" (a form of "be", then a verb) looks ahead.
      if (w === 'due' && next === 'to' && !(j > 1 && BE_FORMS.has(back[j + 1] ?? '') && !DETERMINERS.has(back[j - 2]))) continue;
      // "had (originally) planned to meet", "had been scheduled for": a plan made in the past, for
      // a day on either side of the article's.
      if (PLANNED.has(w) && hadBefore(back, j + 1, chunk, k, cs)) return undefined;
      return 'future';
    }
    // "said the bank would publish them in December": future in the past, ahead of the article's day;
    // "would have voted in November" looks back.
    if ((kind & MODAL_WORD) !== 0 && next !== undefined && !perfectAfter(back, j)) return 'future';
    const first = backRaw[j].charCodeAt(0);
    if (first >= 65 && first <= 90 && j + 1 < back.length) continue;
    // "Voters go to the polls on Tuesday", "the talks resume on Monday": a schedule in the present.
    // Not an infinitive or a verb after "not", "did" or a modal ("had planned to meet", "did not meet").
    if ((kind & SCHEDULE_WORD) !== 0 && !NOT_FINITE_BEFORE.has(back[j + 1] ?? '')) return 'future';
    if ((w === 'was' || w === 'were') && next === 'to') return 'future'; // "were to win in November"
    const pastForm = (kind & PAST_WORD) !== 0 || (w.length > 3 && w.endsWith('ed') && !NOT_PAST_ED.has(w) && (compounds & (1 << j)) === 0);
    if (pastForm) {
      if (back[j + 1] === 'be') continue; // "will be held on Monday"
      return 'past';
    }
  }
  // "Monday's meeting will ...": a possessive date followed by a future verb.
  if (/^['’]s\b/.test(chunk.slice(relEnd, relEnd + 3))) {
    let ce = relEnd;
    const ceil = Math.min(chunk.length, relEnd + 80);
    while (ce < ceil && !'.;:!?,()"“”—–\n'.includes(chunk[ce])) ce++;
    const after = chunk.slice(relEnd, ce).match(/[A-Za-z’']+/g) ?? [];
    for (const w of after) {
      const lw = lowerCased(w);
      if (lw === 'will' || lw === 'shall' || lw.endsWith('’ll') || lw.endsWith("'ll")) return 'future';
    }
  }
  return undefined;
}

/** "last", "this", "next" written right before the mention. */
function modifierBefore(chunk: string, relStart: number): { modifier: Modifier; start: number } | undefined {
  const before = chunk.slice(Math.max(0, relStart - 12), relStart);
  const m = /(?:^|[^A-Za-z])(last|this|next|coming|upcoming|past)\s+$/i.exec(before);
  if (!m) return undefined;
  const word = lowerCased(m[1]);
  const modifier: Modifier = word === 'last' || word === 'past' ? 'last' : word === 'this' ? 'this' : 'next';
  return { modifier, start: relStart - before.length + m.index + m[0].search(/[A-Za-z]/) };
}

/** The letters right before `relStart` (within 24 characters), past spaces, "(" and "-"; lower case. */
function prevWord(chunk: string, relStart: number): string {
  const floor = Math.max(0, relStart - 24);
  let end = relStart;
  while (end > floor && (WHITESPACE.test(chunk[end - 1]) || chunk[end - 1] === '(' || chunk[end - 1] === '-')) end--;
  let start = end;
  while (start > floor && isAsciiLetter(chunk.charCodeAt(start - 1))) start--;
  return lowerCased(chunk.slice(start, end));
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function nextWord(chunk: string, relEnd: number): string {
  const m = /^[\s]+([A-Za-z]+)/.exec(chunk.slice(relEnd, relEnd + 24));
  return m ? m[1] : '';
}

const LEADING_WORDS = /^(?:(?:on|in|at|since|from|by|during|until|till|before|after|of|for|held|as|the|and|or)\s+)+/i;
/** 1 at the first letters of the leading words, lower case (a character code `| 0x20` is looked up: ASCII capitals lowered). */
const LEADS_FROM = new Uint8Array(128);
for (const c of 'oiasfbduth') LEADS_FROM[c.charCodeAt(0)] = 1;

/**
 * Whether s[floor, end) ends with "of" (either case) and whitespace: what the "end of" test on the
 * text before a result needs before its regular expression is worth running.
 */
function endsWithOf(s: string, end: number, floor: number): boolean {
  let k = end;
  while (k > floor && WHITESPACE.test(s[k - 1])) k--;
  return k < end && k - 2 >= floor && (s.charCodeAt(k - 1) | 0x20) === 0x66 && (s.charCodeAt(k - 2) | 0x20) === 0x6f;
}

interface Token {
  start: number;
  end: number;
  text: string;
}

/** The date words in a chrono match: names and numbers, not the time of day around them. */
function dateTokens(s: string): Token[] {
  const out: Token[] = [];
  const re = /\d{4}-\d\d-\d\d|\d{1,4}[/.]\d{1,2}[/.]\d{2,4}|[A-Za-z]+\.?|\d{1,4}(?:st|nd|rd|th)?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const t = m[0];
    const start = m.index;
    const end = start + t.length;
    if (isDigit(t.charCodeAt(0))) {
      if (t.includes('-') || t.includes('/') || (t.match(/\./g)?.length ?? 0) >= 2) {
        out.push({ start, end, text: t });
        continue;
      }
      const after = s.slice(end, end + 6);
      if (/^\s*(?:[:h]\d|[ap]\.?m\b|[ap]\.m\.|o['’]clock)/i.test(after)) continue;
      if (/\bat\s+$/i.test(s.slice(Math.max(0, start - 4), start))) continue;
      out.push({ start, end, text: t });
      continue;
    }
    const w = lowerCased(withoutFinalDot(t));
    const month = monthNumber(w);
    if (WEEKDAY_WORDS.has(w) || WEEKDAY_ABBR.has(w) || month !== undefined) {
      // Keep the dot of an abbreviation ("Dec. 5"), not a sentence's full stop ("in December.").
      const keepDot = month !== undefined && MONTH_FULL[month - 1].toLowerCase() !== w;
      out.push({ start, end: w.length < t.length && !keepDot ? end - 1 : end, text: t.slice(0, w.length < t.length && !keepDot ? -1 : undefined) });
    }
  }
  return out;
}

function withoutFinalDot(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

function atSentenceStart(chunk: string, rel: number): boolean {
  let i = rel - 1;
  while (i >= 0 && /\s/.test(chunk[i])) i--;
  return i < 0 || '“"‘\'(—–-:.!?'.includes(chunk[i]);
}

function capitalised(word: string): boolean {
  return /^[A-Z]/.test(word);
}

let chronoParser: WindowedChrono | undefined;

/** chrono as this file runs it: windowed, its refiners given only the results they can change. */
export function parser(): WindowedChrono {
  chronoParser ??= new WindowedChrono(
    [...chrono.casual.parsers],
    chrono.casual.refiners.map(skipEndOfPeriodWhenIdle).map(plainDatesValidAtOnce).map(timezoneNamesOnly).map(mayAndSecondOnly),
  );
  return chronoParser;
}

/**
 * chrono's casual English "end of" refiner matches `\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$` against
 * all the text before every result: quadratic in a batch, a tenth of chrono's time here. It changes
 * only results right after "of " or "the ", one at a time in place, so it is given only those. Found
 * as chrono builds its casual configuration (the first refiner the plain one lacks) and checked on
 * "the end of August"; anything else is kept as it is.
 */
function skipEndOfPeriodWhenIdle(refiner: chrono.Refiner, index: number, all: readonly chrono.Refiner[]): chrono.Refiner {
  if (refiner !== endOfPeriodRefiner(all)) return refiner;
  return {
    refine: (context, results) => {
      const following = results.filter((r) => mayFollowOf(context.text, r.index));
      if (following.length > 0) refiner.refine(context, following);
      return results;
    },
  };
}

/** A chrono filter: `refine` keeps the results `isValid` keeps. */
interface Filter extends chrono.Refiner {
  isValid(context: chrono.ParsingContext, result: chrono.ParsingResult): boolean;
}

let unlikelyEnglish: chrono.Refiner | null | undefined;

/**
 * chrono's English "unlikely format" filter drops only a "may" (not after "in") and a result that
 * ends in "the second", but trims and lower-cases every result's text to see (and a batch's slices
 * are two-byte strings, where lower-casing is a runtime call). A text whose last letter is not a y or
 * a d is neither, so the filter is asked only about the others. Recognised by what it does to "they
 * may go" and "in May" (see `dropsLoneMay`).
 */
export function mayAndSecondOnly(refiner: chrono.Refiner): chrono.Refiner {
  unlikelyEnglish ??= chrono.casual.refiners.find(dropsLoneMay) ?? null;
  if (refiner !== unlikelyEnglish) return refiner;
  const filter = refiner as Filter;
  return { refine: (context, results) => results.filter((r) => !endsInYOrD(r.text) || filter.isValid(context, r)) };
}

/** Whether the text, spaces at its end aside, ends in y or d (either case). */
export function endsInYOrD(text: string): boolean {
  let k = text.length;
  while (k > 0 && WHITESPACE.test(text[k - 1])) k--;
  const c = text.charCodeAt(k - 1) | 0x20;
  return k > 0 && (c === 0x79 || c === 0x64);
}

/** Is the refiner a filter (keeps what isValid keeps) that drops "may" in "they may go" and keeps it in "in May"? */
function dropsLoneMay(refiner: chrono.Refiner): boolean {
  if (typeof (refiner as Partial<Filter>).isValid !== 'function' || 'strictMode' in refiner) return false;
  const refDate = new Date(Date.UTC(2021, 0, 1, 12));
  const kept = (phrase: string): boolean | undefined => {
    const text = `${WINDOW_SEPARATOR}${phrase}`;
    const unrefined = new WindowedChrono([...chrono.casual.parsers], []).parse(text, [0, text.length], refDate);
    if (unrefined.length !== 1) return undefined;
    const refined = refiner.refine(new chrono.ParsingContext(text, refDate, {}), unrefined);
    return refined.length === 1 && refined[0] === unrefined[0] ? true : refined.length === 0 ? false : undefined;
  };
  return kept('they may go') === false && kept('in May') === true;
}

/** chrono's timezone-abbreviation refiner, as far as this file reads it: overrides of its own, if any. */
interface TimezoneAbbrRefiner extends chrono.Refiner {
  timezoneOverrides?: unknown;
}

let timezoneAbbr: chrono.Refiner | null | undefined;

/**
 * chrono's refiner that reads a timezone's abbreviation after a result ("5 pm EST") reads any word
 * of two to four letters there (after spaces, a comma, a parenthesis) and works out the result's
 * date before it looks the word up: a tenth of the refiners' time, for "on", "in" and "the". It
 * changes a result, in place, only when the word is an abbreviation chrono knows (the same look-up,
 * through ReferenceWithTimezone), so it is given only those results; with timezones of the caller's
 * own it is given all. Recognised by what it does to "at 5 pm EST" (see `extractsTimezoneAbbr`).
 */
export function timezoneNamesOnly(refiner: chrono.Refiner): chrono.Refiner {
  timezoneAbbr ??= chrono.casual.refiners.find(extractsTimezoneAbbr) ?? null;
  if (refiner !== timezoneAbbr || (refiner as TimezoneAbbrRefiner).timezoneOverrides !== undefined) return refiner;
  return {
    refine: (context, results) => {
      if (context.option.timezones !== undefined) return refiner.refine(context, results);
      const named = results.filter((r) => timezoneNameAt(context.text, r.index + r.text.length));
      if (named.length > 0) refiner.refine(context, named);
      return results;
    },
  };
}

/** Does the refiner take " EST" into "at 5 pm EST" (its offset with it), changing the results it is given in place? */
function extractsTimezoneAbbr(refiner: chrono.Refiner): boolean {
  const text = `${WINDOW_SEPARATOR}at 5 pm EST`;
  const refDate = new Date(Date.UTC(2021, 0, 1, 12));
  const unrefined = new WindowedChrono([...chrono.casual.parsers], []).parse(text, [0, text.length], refDate);
  if (unrefined.length !== 1 || unrefined[0].text !== 'at 5 pm') return false;
  const refined = refiner.refine(new chrono.ParsingContext(text, refDate, {}), unrefined);
  return refined === unrefined && refined[0].text === 'at 5 pm EST' && refined[0].start.get('timezoneOffset') === -300;
}

const ANY_DAY = new Date(Date.UTC(2021, 0, 1));
/** Whether each word is an abbreviation chrono knows (few words come after results: a small map). */
const KNOWN_TIMEZONES = new Map<string, boolean>();

/** Whether a timezone abbreviation chrono knows follows `end` (after spaces, commas and parentheses) as a word of two to four letters. */
export function timezoneNameAt(text: string, end: number): boolean {
  let i = end;
  for (let c = text.charCodeAt(i); c === 0x2c || c === 0x28 || WHITESPACE.test(text[i]); c = text.charCodeAt(++i));
  let j = i;
  while (j < text.length && isAsciiLetter(text.charCodeAt(j))) j++;
  if (j - i < 2 || j - i > 4 || (j < text.length && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 0x5f))) return false;
  const word = text.slice(i, j).toUpperCase();
  let known = KNOWN_TIMEZONES.get(word);
  if (known === undefined) {
    known = chrono.ReferenceWithTimezone.fromInput({ instant: ANY_DAY, timezone: word }).timezoneOffset !== null;
    if (KNOWN_TIMEZONES.size < 10_000) KNOWN_TIMEZONES.set(word, known);
  }
  return known;
}

/** chrono's common "unlikely format" filter, as far as this file reads it. */
interface UnlikelyFormatFilter extends chrono.Refiner {
  strictMode: boolean;
  isValid(context: chrono.ParsingContext, result: chrono.ParsingResult): boolean;
  isStrictModeValid(context: chrono.ParsingContext, result: chrono.ParsingResult): boolean;
}

function isUnlikelyFormatFilter(refiner: chrono.Refiner): refiner is UnlikelyFormatFilter {
  const r = refiner as Partial<UnlikelyFormatFilter>;
  return typeof r.isValid === 'function' && typeof r.isStrictModeValid === 'function' && r.strictMode === false;
}

/**
 * chrono's common "unlikely format" filter drops a result whose text is a bare number or whose
 * date is not a real one, checked by building a Date from a dozen component look-ups: a fifth of
 * the refiners' time here. A result whose text is not a number and whose components are whole
 * numbers in range (a four-digit year, a real day of the month, a time of day) passes that check
 * (Date.UTC gives back what it is given), so it is kept without it; any other goes to the filter.
 */
export function plainDatesValidAtOnce(refiner: chrono.Refiner): chrono.Refiner {
  if (!isUnlikelyFormatFilter(refiner)) return refiner;
  return {
    refine: (context, results) =>
      results.filter(
        (r) => (!readsAsNumber(r.text) && plainlyValid(r.start) && (!r.end || plainlyValid(r.end))) || refiner.isValid(context, r),
      ),
  };
}

/**
 * The filter's `/^\d*(\.\d*)?$/` on the text with its first space taken out, read a character at a
 * time: no string made, and a text that starts with a letter (most) is settled at once.
 */
export function readsAsNumber(text: string): boolean {
  let spaceSkipped = false;
  let dotSeen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c === 0x2e && !dotSeen) dotSeen = true;
    else if (c === 32 && !spaceSkipped) spaceSkipped = true;
    else return false;
  }
  return true;
}

function isWhole(x: number | null, min: number, max: number): x is number {
  return x !== null && Number.isInteger(x) && x >= min && x <= max;
}

/** Components chrono's isValidDate accepts without building a Date: whole numbers in range, a year of four digits. */
function plainlyValid(c: chrono.ParsingComponents): boolean {
  const year = c.get('year');
  const month = c.get('month');
  const day = c.get('day');
  return (
    isWhole(year, 1000, 9999) &&
    isWhole(month, 1, 12) &&
    isWhole(day, 1, 31) &&
    validDate(year, month, day) &&
    isWhole(c.get('hour'), 0, 23) &&
    isWhole(c.get('minute'), 0, 59) &&
    isWhole(c.get('second'), 0, 59) &&
    isWhole(c.get('millisecond'), 0, 999)
  );
}

let endOfPeriod: chrono.Refiner | null | undefined;

/** chrono's casual English "end of" refiner among `casualRefiners`, if it is there and does what it did when this was written. */
export function endOfPeriodRefiner(casualRefiners: readonly chrono.Refiner[]): chrono.Refiner | null {
  if (endOfPeriod !== undefined) return endOfPeriod;
  const plain = new Set(chrono.en.configuration.createConfiguration(false).refiners.map((r) => r.constructor));
  const candidate = casualRefiners.find((r) => !plain.has(r.constructor));
  endOfPeriod = candidate && movesToEndOf(candidate) ? candidate : null;
  return endOfPeriod;
}

/**
 * Does the refiner take "end of " into "the end of August" as chrono's end-of-period refiner does?
 * The phrase is parsed as the analysis parses its batches: windowed (only the patterns that can
 * match it run), after an empty window and the separator, whose U+2063 makes it a two-byte string
 * as every batch is. V8 compiles a pattern once per source, flags and string width, so what this
 * compiles is what the first batches would; chrono's own parse of the one-byte phrase compiled all
 * eighteen patterns anew for this check alone (50-65 ms of every process's first analysis).
 */
function movesToEndOf(refiner: chrono.Refiner): boolean {
  const text = `${WINDOW_SEPARATOR}at the end of August`;
  const refDate = new Date(Date.UTC(2021, 0, 1, 12));
  const unrefined = new WindowedChrono([...chrono.casual.parsers], []).parse(text, [0, text.length], refDate);
  const refined = refiner.refine(new chrono.ParsingContext(text, refDate, {}), unrefined);
  return refined === unrefined && refined.length === 1 && refined[0].text === 'end of August' && refined[0].start.get('day') === 31;
}

/** True when the text before `index` ends with "of" or "the" and whitespace (a superset of the "end of" refiner's prefix). */
function mayFollowOf(text: string, index: number): boolean {
  let k = index;
  while (k > 0 && WHITESPACE.test(text[k - 1])) k--;
  if (k === index) return false;
  const before = lowerCased(text.slice(Math.max(0, k - 3), k));
  return before.endsWith('of') || before === 'the';
}

const WHITESPACE = /\s/;

/**
 * chrono's cost is mostly per call, then per character. It sees only a window of words around
 * each trigger word (dates are short; a range or a date with its time fits well inside), and the
 * windows of an article are parsed together, up to CHRONO_BATCH characters at a time, joined by a
 * separator that no parser matches and no refiner merges across (WINDOW_SEPARATOR: a line break, an
 * invisible separator, a line break): every result stays inside its window, as if its chunk were
 * parsed alone. windowedChrono.ts runs each of chrono's patterns only over the windows that can hold a match.
 */
const CHRONO_BATCH = 4000;
const WINDOW_BEFORE = 40;
const WINDOW_AFTER = 48;

/** chrono's results in one chunk, with their offsets in the chunk. */
interface ChunkResult {
  index: number;
  result: chrono.ParsedResult;
}

/** A window of a chunk that chrono reads: chunk index and offsets in the chunk. */
interface Window {
  chunk: number;
  start: number;
  end: number;
}

/**
 * The windows around trigger words, whole words only, overlapping ones merged; within the work limit.
 * The same search finds ordinals: `ordinals[c]` are where those of chunk c end.
 */
function chronoWindows(chunks: readonly Chunk[], ordinals: Array<number[] | undefined>): Window[] {
  let chronoLeft = MAX_TRIGGER_WORDS;
  const windows: Window[] = [];
  chunks.forEach((chunk, c) => {
    if (chronoLeft <= 0) return;
    const t = chunk.text;
    let last: Window | undefined;
    TRIGGER.lastIndex = 0;
    for (let m = TRIGGER.exec(t); m !== null; m = TRIGGER.exec(t)) {
      if (m[0].length === 3 && isDigit(m[0].charCodeAt(0)) && !isDigit(m[0].charCodeAt(2))) {
        (ordinals[c] ??= []).push(m.index + 3);
        continue;
      }
      chronoLeft--;
      let start = Math.max(0, m.index - WINDOW_BEFORE);
      while (start > 0 && !isSpace(t.charCodeAt(start - 1))) start--;
      let end = Math.min(t.length, m.index + m[0].length + WINDOW_AFTER);
      while (end < t.length && !isSpace(t.charCodeAt(end))) end++;
      if (last && start <= last.end) last.end = end;
      else {
        last = { chunk: c, start, end };
        windows.push(last);
      }
    }
  });
  return windows;
}

/** chrono's results for each chunk, from its windows parsed in batches. */
/** What a chunk without chrono results is given (most chunks: no array made for each). */
const NO_RESULTS: readonly ChunkResult[] = [];

function parseChunks(chunks: readonly Chunk[], windows: readonly Window[], ref: Date): Array<ChunkResult[] | undefined> {
  const found = new Array<ChunkResult[] | undefined>(chunks.length);
  let from = 0;
  while (from < windows.length) {
    let to = from;
    let length = 0;
    const parts: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    while (to < windows.length && (to === from || length + windows[to].end - windows[to].start <= CHRONO_BATCH)) {
      const w = windows[to++];
      if (to - 1 > from) length += WINDOW_SEPARATOR.length;
      starts.push(length);
      parts.push(chunks[w.chunk].text.slice(w.start, w.end));
      length += w.end - w.start;
      ends.push(length);
    }
    // Joined at once, a flat string: appended a window at a time, it was a tree of pieces that the
    // windows' word scan read a character at a time before any pattern flattened it.
    const joined = parts.join(WINDOW_SEPARATOR);
    let b = 0;
    for (const result of parser().parse(joined, ends, ref, { forwardDate: false })) {
      while (b + 1 < starts.length && starts[b + 1] <= result.index) b++;
      const w = windows[from + b];
      (found[w.chunk] ??= []).push({ index: result.index - starts[b] + w.start, result });
    }
    from = to;
  }
  return found;
}

function scanChunk(chunk: Chunk, results: readonly ChunkResult[], out: Raw[], ordinalEnds: readonly number[] | undefined): void {
  const t = chunk.text;
  const first = out.length;
  for (const { index, result } of results) {
    const raw = classify(t, result, index, chunk);
    if (!raw) continue;
    out.push(raw);
    if (raw.rangeEnd) out.push(raw.rangeEnd);
  }
  joinWeekdayToDay(chunk, out, first);
  joinBetween(chunk, out, first);
  scanYears(chunk, results, out);
  if (ordinalEnds) {
    const t = chunk.text;
    for (const q of ordinalEnds) {
      // Its one or two digits, not more.
      const p = q - 3 > 0 && isDigit(t.charCodeAt(q - 4)) ? q - 4 : q - 3;
      if (p === 0 || !isDigit(t.charCodeAt(p - 1))) ordinalDay(chunk, p, q, out);
    }
  }
}

const ORDINAL_BEFORE = /(?:^|[^A-Za-z])(?:on|by|until|till|since|from|before|after)\s+the\s+$/i;
/** Nouns an ordinal counts rather than dates: "on the 14th floor". */
const ORDINAL_NOUNS = new Set([
  'century', 'centuries', 'anniversary', 'amendment', 'floor', 'day', 'days', 'time', 'times', 'minute', 'hole', 'round',
  'place', 'district', 'street', 'avenue', 'birthday', 'inning', 'lap', 'congress', 'division', 'army', 'fleet', 'precinct',
  'ward', 'grade', 'week', 'month', 'year', 'session', 'edition', 'straight', 'consecutive', 'largest', 'biggest', 'most',
]);

/**
 * "arrested on the 14th" (from `p` to `q`, where its suffix ends): a day of the month last named
 * before it in its paragraph ("between Nov. 12 and Nov. 14"), or of the month around the reference
 * when none was. Only after "on the", "by the"… and not before a noun it counts ("on the 14th floor").
 */
function ordinalDay(chunk: Chunk, p: number, q: number, out: Raw[]): void {
  const t = chunk.text;
  const day = Number(t.slice(p, q - 2));
  if (day < 1 || day > 31 || !ORDINAL_BEFORE.test(t.slice(Math.max(0, p - 16), p))) return;
  if (ORDINAL_NOUNS.has(lowerCased(nextWord(t, q)))) return;
  const raw: Raw = { start: chunk.start + p, end: chunk.start + q, region: chunk.region, kind: 'absolute', future: false, day };
  for (let i = out.length - 1; i >= 0 && i >= out.length - 20; i--) {
    const before = out[i];
    // Within the paragraph: an edit elsewhere (editedDates.ts redoes only the paragraphs it touched) cannot change it.
    if (before.region !== raw.region) break;
    if (before.kind !== 'absolute' || before.month === undefined || before.start >= raw.start) continue;
    raw.month = before.month;
    if (before.year !== undefined) raw.year = before.year;
    break;
  }
  let tense = clauseTense(t, p, q);
  if (deadlineBefore(t, p)) tense = tense === 'past' ? undefined : 'future';
  raw.future = tense === 'future';
  raw.past = tense === 'past';
  out.push(raw);
}

/** ", a Sunday", ", which was a Sunday": a weekday set after a month/day to name its day. */
const WEEKDAY_OF_DAY = /^,?\s+(?:a|which\s+(?:is|was|will\s+be|would\s+be))\s+$/;

/**
 * "March 6, a Sunday": the weekday tells the month/day's year (the one where it falls on that
 * weekday) and is that same day, not a weekday of its own. `out[first…]` are the chunk's mentions.
 */
function joinWeekdayToDay(chunk: Chunk, out: Raw[], first: number): void {
  for (let i = first; i + 1 < out.length; i++) {
    const r = out[i];
    const w = out[i + 1];
    if (r.kind !== 'absolute' || r.day === undefined || r.month === undefined || r.weekday !== undefined) continue;
    if (w.kind !== 'absolute' || w.weekday === undefined || w.day !== undefined || w.month !== undefined || w.year !== undefined || w.modifier) continue;
    const gap = chunk.text.slice(r.end - chunk.start, w.start - chunk.start);
    if (gap.length > 24 || !WEEKDAY_OF_DAY.test(gap)) continue;
    r.weekday = w.weekday;
    w.day = r.day;
    w.month = r.month;
    if (r.year !== undefined) w.year = r.year;
    w.future = r.future;
    w.past = r.past;
    w.dayOf = r;
  }
}

const BETWEEN_BEFORE = /\bbetween\s+$/i;
const AND_GAP = /^\s+and\s+$/;

/**
 * "between July 12 and July 20": a range chrono reads as two dates; the second is its end, on or
 * after the first. `out[first…]` are the chunk's mentions.
 */
function joinBetween(chunk: Chunk, out: Raw[], first: number): void {
  for (let i = first; i + 1 < out.length; i++) {
    const r = out[i];
    const w = out[i + 1];
    if (r.kind !== 'absolute' || r.day === undefined || r.month === undefined || r.weekday !== undefined || r.rangeEnd || r.from) continue;
    if (w.kind !== 'absolute' || w.day === undefined || w.month === undefined || w.weekday !== undefined || w.from || w.rangeEnd) continue;
    const rs = r.start - chunk.start;
    if (!AND_GAP.test(chunk.text.slice(r.end - chunk.start, w.start - chunk.start)) || !BETWEEN_BEFORE.test(chunk.text.slice(Math.max(0, rs - 12), rs))) continue;
    w.from = r;
    r.rangeEnd = w;
  }
}

/** One chrono result found at `index` in the chunk, as a mention we keep, or undefined. */
function classify(t: string, r: chrono.ParsedResult, index: number, chunk: Chunk): Raw | undefined {
  // Strip the words around the date itself: "on Monday," -> "Monday".
  let relStart = index;
  let text = r.text;
  const lead = LEADS_FROM[text.charCodeAt(0) | 0x20] === 1 ? LEADING_WORDS.exec(text) : null;
  if (lead) {
    relStart += lead[0].length;
    text = text.slice(lead[0].length);
  }
  if (!text) return undefined;
  // Records are literals, not spreads of shared parts: spreads make slow objects.

  // (Each pattern below is tried only on a text that starts with one of its first letters, in either case.)
  const initial = text.charCodeAt(0) | 0x20;
  // today / tonight / tomorrow / yesterday / this morning
  let m = initial === 0x74 || initial === 0x79 ? (/^(today|tonight|tomorrow|yesterday)(?=['’]s\b|\b)/i.exec(text) ?? /^this\s+(morning|afternoon|evening)\b/i.exec(text)) : null;
  if (m) {
    const w = lowerCased(m[1]);
    // "USA Today", "Russia Today", "CBS This Morning": a capitalised word inside a sentence is a name.
    if (/^[A-Z]/.test(m[0]) && !atSentenceStart(t, relStart)) return undefined;
    const offset = w === 'tomorrow' ? 1 : w === 'yesterday' ? -1 : 0;
    return { start: chunk.start + relStart, end: chunk.start + relStart + m[0].length, region: chunk.region, future: false, kind: 'casual', offset };
  }
  // last week / this month / next year / this weekend
  m = initial === 0x6c || initial === 0x74 || initial === 0x6e || initial === 0x63 || initial === 0x70 ? /^(last|this|next|coming|past)\s+(week|month|year|weekend)\b/i.exec(text) : null;
  if (m) {
    const mw = lowerCased(m[1]);
    if (mw === 'past' && lowerCased(m[2]) !== 'weekend') return undefined; // "the past week" is a span of time
    const modifier: Modifier = mw === 'last' || mw === 'past' ? 'last' : mw === 'this' ? 'this' : 'next';
    return { start: chunk.start + relStart, end: chunk.start + relStart + m[0].length, region: chunk.region, future: false, kind: 'period', unit: lowerCased(m[2]) as Raw['unit'], modifier };
  }
  // two weeks ago
  m = /^(\d{1,3}|[a-z]+)\s+(day|week|month|year)s?\s+ago\b/i.exec(text);
  if (m) {
    let amount = /^\d/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[lowerCased(m[1])];
    if (amount === undefined) return undefined; // "several days ago", "a few weeks ago": too vague
    let st = relStart;
    // "Seventy-four years ago": chrono takes only "four years ago".
    const tens = /([A-Za-z]+)-$/.exec(t.slice(Math.max(0, relStart - 10), relStart));
    if (tens && TENS[lowerCased(tens[1])] !== undefined && amount < 10) {
      amount += TENS[lowerCased(tens[1])];
      st = relStart - tens[0].length;
    }
    return { start: chunk.start + st, end: chunk.start + relStart + m[0].length, region: chunk.region, future: false, kind: 'ago', unit: lowerCased(m[2]) as Raw['unit'], amount };
  }
  if (r.tags().has('result/relativeDate')) return undefined; // "the day before", "two days later", "within a day"
  const c = r.start;
  // "reported on Sunday now suggest": chrono takes "now" for today's day, month and year, as if written.
  const fromNow = /\bnow$/i.test(text);
  const known = (k: 'weekday' | 'day' | 'month' | 'year'): number | undefined =>
    (fromNow && k !== 'weekday') || !c.isCertain(k) ? undefined : (c.get(k) ?? undefined);
  let weekday = known('weekday');
  // "the end of August": chrono makes up the last day; the text only gives the month.
  const endOf = lead ? endsWithOf(lead[0], lead[0].length, 0) : endsWithOf(t, index, Math.max(0, index - 16));
  const day = (endOf && /\b(?:end|start|beginning|middle)\s+of\s+$/i.test(t.slice(Math.max(0, index - 16), index) + (lead?.[0] ?? ''))) || /^(?:end|start|beginning|middle)\s+of\b/i.test(text)
    ? undefined
    : known('day');
  const month = known('month');
  let year = known('year');
  if (weekday === undefined && day === undefined && month === undefined && year === undefined) return undefined;
  if (month === undefined && year === undefined && day !== undefined && weekday === undefined) return undefined;

  const tokens = dateTokens(text);
  const yearWritten = (year !== undefined || r.end !== undefined && r.end !== null) && tokens.some((tk) => tk.text.length >= 4 && isDigit(tk.text.charCodeAt(0)));
  // "conducted March 11-13, 40 percent of voters": chrono reads "40" as 2040; news writes years in full.
  if (year !== undefined && !yearWritten && tokens.length > 1 && /^\d{1,2}$/.test(tokens[tokens.length - 1].text)) {
    year = undefined;
    tokens.pop();
    if (month === undefined && weekday === undefined) return undefined; // a day alone, or nothing
  }
  if (tokens.length === 0) return undefined;
  // A slash date without a year ("9/11", "3/4 of voters") is not a calendar date here.
  if (year === undefined && tokens.some((tk) => /^\d{1,2}\/\d{1,2}$/.test(tk.text))) return undefined;
  const nameTokens = tokens.filter((tk) => /^[A-Za-z]/.test(tk.text));
  for (const tk of nameTokens) if (!capitalised(tk.text)) return undefined; // "may 5 people", "friday"

  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  // "from Monday to Wednesday", "June 1-3", "Oct. 31 to Nov. 13": the range's end is a mention of its own.
  const split = r.end ? rangeSplit(text, tokens) : -1;
  const startLast = split > 0 ? tokens[split - 1] : last;
  let s = relStart + first.start;
  const e = relStart + startLast.end;

  if (weekday !== undefined) {
    const wt = nameTokens.find((tk) => WEEKDAY_WORDS.has(lowerCased(withoutFinalDot(tk.text))) || WEEKDAY_ABBR.has(lowerCased(withoutFinalDot(tk.text))));
    if (!wt) return undefined;
    const wAbs = relStart + wt.start;
    const abbreviated = !WEEKDAY_WORDS.has(lowerCased(withoutFinalDot(wt.text)));
    if (month === undefined && day === undefined) {
      if (abbreviated) return undefined; // "Sat down", "Sun rises", "Wed"
      // "Sunday Times", "Saturday Night Live": a capitalised name; "Saturday night", "on Sunday people…" are dates.
      const following = nextWord(t, relStart + wt.end);
      if (capitalised(following) && NEWSPAPER_AFTER.has(lowerCased(following))) return undefined;
      const before = prevWord(t, wAbs);
      if (HOLIDAY_BEFORE.has(before)) return undefined; // "Good Friday", "Super Tuesday"
      if (before === 'on' && /\bMail\s+on\s*$/.test(t.slice(Math.max(0, wAbs - 12), wAbs))) return undefined;
      if (/^[-–][A-Z]/.test(t.slice(relStart + wt.end, relStart + wt.end + 2))) return undefined; // "Monday-Friday": a schedule
    } else if (abbreviated) {
      weekday = undefined;
    }
  }
  if (month !== undefined && day === undefined && year === undefined) {
    const mt = nameTokens.find((tk) => monthNumber(tk.text) !== undefined);
    if (!mt) return undefined;
    const w = lowerCased(withoutFinalDot(mt.text));
    const full = MONTH_FULL[month - 1].toLowerCase() === w;
    if (!full) return undefined; // "Jan", "Mar" alone
    const before = prevWord(t, relStart + mt.start);
    if ((w === 'may' || w === 'march' || w === 'august') && !MONTH_CONTEXT_BEFORE.has(before)) return undefined;
  }

  const raw: Raw = { start: chunk.start + s, end: chunk.start + e, region: chunk.region, kind: 'absolute', future: false };
  if (weekday !== undefined) raw.weekday = weekday;
  if (day !== undefined) raw.day = day;
  if (month !== undefined) raw.month = month;
  if (year !== undefined) raw.year = year;
  if (year === undefined) {
    const mod = modifierBefore(t, s);
    if (mod) {
      raw.modifier = mod.modifier;
      s = mod.start;
      raw.start = chunk.start + s;
    }
  }
  if (day !== undefined && month !== undefined && year === undefined && weekday === undefined && nounAfter(t, e) && prevWord(t, s) === 'the') raw.nearer = true;
  let tense = clauseTense(t, s, e);
  // "had until Dec. 31", "by Sunday": a deadline; its verb's past says nothing of the day's side,
  // and with no tense it lies ahead. ("hit by Friday's storm" is no deadline.)
  if (deadlineBefore(t, s) && !/^['’]s\b/.test(t.slice(e, e + 3))) {
    tense = tense === 'past' ? undefined : 'future';
    raw.nearer = true;
  }
  raw.future = tense === 'future';
  raw.past = tense === 'past';
  // "Wednesday next week", "on Friday last week": chrono keeps the week in its text.
  let week: RegExpExecArray | null = null;
  if (raw.weekday !== undefined && last.end < text.length) {
    WEEK_AFTER.lastIndex = last.end;
    week = WEEK_AFTER.exec(text);
  }
  const weekShift = week ? WEEK_SHIFT[lowerCased(week[1])] : undefined;
  if (weekShift !== undefined && raw.month === undefined) raw.weekShift = weekShift;
  if (split > 0 && r.end) {
    const end = rangeEnd(r.end, raw, tokens, split, relStart, chunk, yearWritten);
    if (end) {
      if (weekShift !== undefined && end.month === undefined && end.weekday !== undefined) end.weekShift = weekShift;
      // "from September to December 2014": the end's year is the start's too (the one before, across a New Year).
      if (raw.year === undefined && end.year !== undefined && raw.month !== undefined && end.month !== undefined) {
        raw.year = raw.month <= end.month ? end.year : end.year - 1;
        delete raw.modifier;
      }
      raw.rangeEnd = end;
    }
  }
  return raw;
}

/**
 * Whether "until", "till" or "by" (either case) is the word before `at`, past spaces: a deadline.
 * Read from the character codes (this is asked of every date mention).
 */
function deadlineBefore(t: string, at: number): boolean {
  let k = at;
  while (k > 0 && isSpace(t.charCodeAt(k - 1))) k--;
  if (k === at) return false;
  return wordEndsAt(t, k, 'by') || wordEndsAt(t, k, 'till') || wordEndsAt(t, k, 'until');
}

/** Whether the lower-case `word` (either case in `t`) ends at `k` as a whole word. */
function wordEndsAt(t: string, k: number, word: string): boolean {
  const from = k - word.length;
  if (from < 0 || (from > 0 && isAsciiLetter(t.charCodeAt(from - 1)))) return false;
  for (let i = 0; i < word.length; i++) if ((t.charCodeAt(from + i) | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}
/** Whether a space and a lower-case letter follow `e`: the noun a date modifies ("the Nov. 8 election"). */
function nounAfter(t: string, e: number): boolean {
  const c = t.charCodeAt(e + 1);
  return t.charCodeAt(e) === 32 && c >= 97 && c <= 122;
}
const WEEK_AFTER = /\s*,?\s*(this|last|past|next)\s+week\b/iy;
const WEEK_SHIFT: Record<string, number> = { this: 0, last: -1, past: -1, next: 1 };
/** What joins a range's two ends. */
const RANGE_JOIN = /^\s*(?:[-–—]|to|through|thru|until|till)\s*$/i;

/** The index of the first token of a range's end ("Wednesday" in "Monday to Wednesday"), or -1. */
function rangeSplit(text: string, tokens: readonly Token[]): number {
  for (let i = 1; i < tokens.length; i++) {
    if (RANGE_JOIN.test(text.slice(tokens[i - 1].end, tokens[i].start))) return i;
  }
  return -1;
}

/**
 * The end of a range as a mention of its own, from chrono's end components: what the end leaves
 * out ("June 1-3": the month) is the start's, and it is resolved from the start's day (`from`).
 */
function rangeEnd(end: chrono.ParsedComponents, from: Raw, tokens: readonly Token[], split: number, relStart: number, chunk: Chunk, yearWritten: boolean): Raw | undefined {
  const known = (k: 'weekday' | 'day' | 'month' | 'year'): number | undefined => (end.isCertain(k) ? (end.get(k) ?? undefined) : undefined);
  const endTokens = tokens.slice(split);
  const writtenWeekday = endTokens.some((tk) => WEEKDAY_WORDS.has(lowerCased(withoutFinalDot(tk.text))));
  const weekday = writtenWeekday ? known('weekday') : undefined;
  // "June 1-3": chrono may leave the end's day implied; a number of one or two digits is written there.
  const day = known('day') ?? (endTokens.some((tk) => /^\d{1,2}(?:st|nd|rd|th)?$/.test(tk.text)) ? end.get('day') ?? undefined : undefined);
  const month = known('month') ?? (day !== undefined ? from.month : undefined);
  const year = (yearWritten ? known('year') : undefined) ?? (month !== undefined ? from.year : undefined);
  if (weekday === undefined && day === undefined && month === undefined && year === undefined) return undefined;
  if (day !== undefined && month === undefined) return undefined;
  const raw: Raw = {
    start: chunk.start + relStart + endTokens[0].start,
    end: chunk.start + relStart + endTokens[endTokens.length - 1].end,
    region: chunk.region,
    kind: 'absolute',
    future: from.future,
    past: from.past,
    from,
  };
  if (weekday !== undefined) raw.weekday = weekday;
  if (day !== undefined) raw.day = day;
  if (month !== undefined) raw.month = month;
  if (year !== undefined) raw.year = year;
  return raw;
}

// Bare years: "in 2008", "since 2019", "the 2016 election", "2019-20".
const YEAR_BEFORE = new Set([
  'in', 'since', 'from', 'of', 'during', 'by', 'until', 'till', 'through', 'before', 'after', 'to', 'and', 'or',
  'between', 'year', 'early', 'late', 'mid', 'around', 'circa', 'spring', 'summer', 'autumn', 'fall', 'winter',
  'end', 'start', 'beginning', 'fiscal', 'calendar', 'january', 'february', 'march', 'april', 'may', 'june', 'july',
  'august', 'september', 'october', 'november', 'december', 'throughout', 'than', 'as', 'back', 'for', 'that',
]);
const YEAR_EVENT_AFTER = new Set([
  'election', 'elections', 'campaign', 'war', 'crisis', 'olympics', 'summit', 'census', 'race', 'season', 'budget',
  'championship', 'cup', 'games', 'attack', 'attacks', 'law', 'agreement', 'accord', 'treaty', 'deal', 'report',
  'survey', 'poll', 'vote', 'referendum', 'presidential', 'primary', 'primaries', 'midterm', 'midterms', 'financial',
  'invasion', 'revolution', 'coup', 'conflict', 'protests', 'uprising', 'annexation', 'convention', 'debate',
  'debates', 'nomination', 'race', 'world', 'general', 'parliamentary', 'legislative', 'local', 'memorandum',
  'document', 'strategy', 'doctrine', 'meeting', 'talks', 'visit', 'decision', 'ruling', 'order', 'act', 'bill',
]);
/** Words before a year that name an event with it ("the 2016 election", "its 2022 budget"). */
const YEAR_DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'our']);
const YEAR_UNIT_AFTER = new Set([
  'people', 'troops', 'votes', 'men', 'women', 'soldiers', 'dollars', 'euros', 'rubles', 'roubles', 'pounds', 'miles',
  'km', 'kilometers', 'kilometres', 'meters', 'metres', 'feet', 'tons', 'tonnes', 'times', 'units', 'cases', 'deaths',
  'jobs', 'students', 'members', 'children', 'residents', 'points', 'seats', 'words', 'pages', 'hours', 'minutes',
  'days', 'weeks', 'months', 'years', 'percent', 'per', 'employees', 'workers', 'voters', 'delegates', 'signatures',
  'hectares', 'acres', 'barrels', 'calories', 'degrees', 'rounds', 'shells', 'missiles', 'tanks', 'homes', 'copies',
]);
const NUMERIC_BEFORE = new Set(['to', 'and', 'or', 'of', 'around', 'than', 'some', 'about', 'nearly', 'almost', 'over', 'under', 'by', 'from', 'between']);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

/** Four digits that could be a year; one object for every chunk (scanYears is never re-entered). */
const YEAR_DIGITS = /(?:19|20)\d\d/g;

/** Bare years in the chunk, outside chrono's results there (`covered`). */
function scanYears(chunk: Chunk, covered: readonly ChunkResult[], out: Raw[]): void {
  const t = chunk.text;
  const re = YEAR_DIGITS;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let skipUntil = -1;
  while ((m = re.exec(t)) !== null) {
    const p = m.index;
    const q = p + 4;
    if (p < skipUntil) continue;
    if (covered.some(({ index, result }) => p < index + result.text.length && q > index)) continue;
    const pc = p > 0 ? t.charCodeAt(p - 1) : 32;
    const prevCh = t[p - 1];
    if (isDigit(pc) || isLetter(prevCh) || '$€£¥#№@'.includes(prevCh ?? ' ')) continue;
    if ((prevCh === ',' || prevCh === '.') && isDigit(t.charCodeAt(p - 2))) continue;
    let midPrefix = false;
    if (prevCh === '-' || prevCh === '–' || prevCh === '/') {
      if (!/(?:^|[^A-Za-z])mid-$/i.test(t.slice(Math.max(0, p - 5), p))) continue;
      midPrefix = true;
    }
    const nc = t[q];
    if (nc !== undefined && (isDigit(t.charCodeAt(q)) || isLetter(nc) || nc === '%' || nc === '°')) continue;
    if ((nc === ',' || nc === '.') && isDigit(t.charCodeAt(q + 1))) continue;
    let rangeEnd: RegExpExecArray | null = null;
    if (nc === '-' || nc === '–' || nc === '/') {
      if (/^[-–]\d\d[-–]\d\d/.test(t.slice(q, q + 6))) continue; // an ISO date chrono did not take
      rangeEnd = /^[-–/]((?:19|20)\d\d|\d\d)(?!\d)/.exec(t.slice(q, q + 6));
      if (!rangeEnd) continue;
    }
    const year = Number(m[0]);
    const before = midPrefix ? 'mid' : prevWord(t, p);
    const after = nextWord(t, rangeEnd ? q + rangeEnd[0].length : q);
    const possessive = /^['’]s\b/.test(t.slice(q, q + 3));
    if (possessive && before === 'the' && year % 10 === 0) continue; // "the 1980's": a decade
    const afterLower = lowerCased(after);
    let ok = possessive || YEAR_BEFORE.has(before) || (YEAR_DETERMINERS.has(before) && YEAR_EVENT_AFTER.has(afterLower));
    if (YEAR_UNIT_AFTER.has(afterLower)) ok = false;
    if (ok && NUMERIC_BEFORE.has(before) && /^[a-z]{3,}s$/.test(after) && !['was', 'has', 'this', 'its', 'his', 'is', 'as', 'thus', 'whereas', 'unless', 'perhaps', 'always'].includes(after)) ok = false;
    if (!ok) continue;
    const tense = clauseTense(t, p, q) === 'future';
    if (rangeEnd) {
      const endText = rangeEnd[1];
      skipUntil = q + rangeEnd[0].length;
      const range = `${m[0]}${rangeEnd[0]}`;
      out.push({ start: chunk.start + p, end: chunk.start + q, region: chunk.region, kind: 'year', year, future: tense, range });
      if (endText.length === 4) {
        const ep = q + 1;
        out.push({ start: chunk.start + ep, end: chunk.start + ep + 4, region: chunk.region, kind: 'year', year: Number(endText), future: tense, range });
      }
      continue;
    }
    out.push({ start: chunk.start + p, end: chunk.start + q, region: chunk.region, kind: 'year', year, future: tense });
  }
}

function scan(text: string, regions: Span[], refDay: number): Raw[] {
  // The regions come in order and non-empty, as a rule: copied and sorted only when they do not.
  const sorted = regions.every((r, i) => r.end > r.start && (i === 0 || regions[i - 1].start <= r.start))
    ? regions
    : [...regions].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const chunks = chunkRegions(text, sorted);
  const ordinals = new Array<number[] | undefined>(chunks.length);
  const found = parseChunks(chunks, chronoWindows(chunks, ordinals), new Date(refDay * DAY_MS + 12 * 3_600_000));
  const out: Raw[] = [];
  chunks.forEach((chunk, c) => scanChunk(chunk, found[c] ?? NO_RESULTS, out, ordinals[c]));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The dateline's year.

interface YearChoice {
  year: number;
  source: DateSource;
  detail: string;
}

interface Evidence {
  weekday?: number;
  weekdayText?: string;
  notBefore?: number;
  notBeforeText?: string;
  notAfter?: number;
  notAfterText?: string;
  /** Past dates written with their year ("on December 15, 2021"): the dateline is usually a little after. */
  near: Array<{ day: number; text: string }>;
}

function gatherEvidence(text: string, raws: Raw[], regions: Span[], dateline: Dateline): Evidence {
  const ev: Evidence = { near: [] };
  // (a) A weekday told in the dateline's paragraph, in the past or present, is usually the dateline day.
  const home = regions.find((r) => r.start <= dateline.span.start && dateline.span.start < r.end);
  let paraEnd = home ? home.end : text.indexOf('\n', dateline.span.end);
  if (paraEnd < 0) paraEnd = text.length;
  paraEnd = Math.min(paraEnd, dateline.span.end + 800);
  for (const r of raws) {
    if (r.start < dateline.span.end || r.start >= paraEnd) continue;
    if (r.kind !== 'absolute' || r.weekday === undefined || r.day !== undefined || r.month !== undefined) continue;
    if (r.future || (r.modifier && r.modifier !== 'this')) continue;
    ev.weekday = r.weekday;
    ev.weekdayText = text.slice(r.start, r.end);
    break;
  }
  // "on Thursday, Jan. 2" anywhere: the weekday written with the dateline's own month and day says it outright.
  for (const r of raws) {
    if (r.kind !== 'absolute' || r.weekday === undefined || r.year !== undefined || r.month !== dateline.month || r.day !== dateline.day || r.start < dateline.span.end) continue;
    ev.weekday = r.weekday;
    ev.weekdayText = text.slice(r.start, r.end);
    break;
  }
  // (b) Years the text speaks of: the past ones bound the date from below, future ones from above.
  for (const r of raws) {
    if (r.start >= dateline.span.start && r.end <= dateline.span.end) continue;
    let lo: number | undefined;
    let hi: number | undefined;
    if (r.kind === 'absolute' && r.year !== undefined && r.month !== undefined && r.day !== undefined && !r.future && validDate(r.year, r.month, r.day)) {
      ev.near.push({ day: dayNum(r.year, r.month, r.day), text: text.slice(r.start, r.end) });
    }
    if (r.kind === 'year' && r.year !== undefined) {
      lo = dayNum(r.year, 1, 1);
      hi = dayNum(r.year, 12, 31);
    } else if (r.kind === 'absolute' && r.year !== undefined) {
      if (r.month !== undefined && r.day !== undefined && validDate(r.year, r.month, r.day)) {
        lo = hi = dayNum(r.year, r.month, r.day);
      } else if (r.month !== undefined) {
        lo = dayNum(r.year, r.month, 1);
        hi = dayNum(r.year, r.month + 1, 0);
      } else {
        lo = dayNum(r.year, 1, 1);
        hi = dayNum(r.year, 12, 31);
      }
    }
    if (lo === undefined || hi === undefined) continue;
    const written = r.range ?? text.slice(r.start, r.end);
    if (r.future) {
      if (ev.notAfter === undefined || hi < ev.notAfter) {
        ev.notAfter = hi;
        ev.notAfterText = written;
      }
    } else if (ev.notBefore === undefined || lo > ev.notBefore) {
      ev.notBefore = lo;
      ev.notBeforeText = written;
    }
  }
  return ev;
}

/**
 * `candidateYears`'s day numbers: one array for every call (each reads only the days of its own
 * years, which it writes first); allocating a typed array per call was most of its time.
 */
const CANDIDATE_DAYS = new Float64Array(101);

/**
 * The years (most recent first) whose month/day is a real date up to today, and each one's day
 * number (`days[ty - year]`, ty the first year tried; read before the next call).
 */
function candidateYears(month: number, day: number, today: number): { years: number[]; ty: number; days: Float64Array } {
  const ty = fromDay(today).y;
  const years: number[] = [];
  const days = CANDIDATE_DAYS;
  for (let y = ty; y >= ty - 100; y--) {
    if (!validDate(y, month, day)) continue;
    const n = dayNum(y, month, day);
    if (n <= today) {
      years.push(y);
      days[ty - y] = n;
    }
  }
  return { years, ty, days };
}

interface Narrowed {
  all: number[];
  afterWeekday: number[];
  afterBounds: number[];
  weekdayUsed: boolean;
  boundsUsed: boolean;
  nearUsed: boolean;
}

/** A past date written with its year this many days before a candidate dateline points at that year. */
const NEAR_DAYS = 45;

function narrow(month: number, day: number, ev: Evidence, today: number): Narrowed {
  const candidates = candidateYears(month, day, today);
  const all = candidates.years;
  // Each year's day, worked out once (the filters below ask for it again and again).
  const dayIn = (y: number): number => candidates.days[candidates.ty - y];
  let afterWeekday = all;
  let weekdayUsed = false;
  if (ev.weekday !== undefined) {
    const w = all.filter((y) => weekdayOf(dayIn(y)) === ev.weekday);
    if (w.length > 0) {
      afterWeekday = w;
      weekdayUsed = true;
    }
  }
  let afterBounds = afterWeekday;
  let boundsUsed = false;
  let nearUsed = false;
  if (ev.notBefore !== undefined || ev.notAfter !== undefined) {
    const lo = ev.notBefore ?? -Infinity;
    const hi = ev.notAfter ?? Infinity;
    let b = afterWeekday.filter((y) => {
      const n = dayIn(y);
      return n >= lo && n <= hi;
    });
    if (b.length === 0 && ev.notBefore !== undefined) b = afterWeekday.filter((y) => dayIn(y) >= lo);
    if (b.length > 0 && b.length < afterWeekday.length) {
      afterBounds = b;
      boundsUsed = true;
    }
  }
  if (ev.near.length > 0) {
    const near = afterBounds.filter((y) => {
      const dn = dayIn(y);
      return ev.near.some((d) => dn - d.day >= 0 && dn - d.day <= NEAR_DAYS);
    });
    if (near.length > 0 && near.length < afterBounds.length) {
      afterBounds = near;
      boundsUsed = true;
      nearUsed = true;
    }
  }
  return { all, afterWeekday, afterBounds, weekdayUsed, boundsUsed, nearUsed };
}

/** Parsed workspace dates, sorted and distinct; a workspace hands the same array to many articles. */
const workspaceDayCache = new WeakMap<readonly string[], number[]>();
function workspaceDays(dates: readonly string[] | undefined): number[] {
  if (!dates || dates.length === 0) return [];
  let days = workspaceDayCache.get(dates);
  if (!days) {
    days = [...new Set(dates.map((d) => parseIsoDay(d)).filter((d): d is number => d !== undefined))].sort((a, b) => a - b);
    workspaceDayCache.set(dates, days);
  }
  return days;
}

/** The day in a sorted non-empty list nearest to `target` (the earlier one on a tie). */
function nearestDay(sorted: readonly number[], target: number): number {
  const lo = Math.min(lowerBound(sorted, (day) => day < target), sorted.length - 1);
  const after = sorted[lo];
  const before = lo > 0 ? sorted[lo - 1] : undefined;
  if (before !== undefined && target - before <= Math.abs(after - target)) return before;
  return after;
}

function chooseYear(month: number, day: number, ev: Evidence, options: DateOptions, today: number): YearChoice | undefined {
  const n = narrow(month, day, ev, today);
  const c = n.afterBounds;
  if (c.length === 0) return undefined;
  const recent = c[0];
  const md = `${day} ${MONTH_ABBR[month - 1]}`;
  const workspace = workspaceDays(options.workspaceDates);
  let pick = recent;
  let picker: 'workspace' | 'default' | undefined;
  let nearestWs: number | undefined;
  if (workspace.length > 0) {
    let best = Infinity;
    for (const y of c) {
      const dn = dayNum(y, month, day);
      const w = nearestDay(workspace, dn);
      const dist = Math.abs(dn - w);
      if (dist < best) {
        best = dist;
        pick = y;
        nearestWs = w;
      }
    }
    picker = 'workspace';
  } else if (options.defaultYear !== undefined && Number.isFinite(options.defaultYear)) {
    let best = Infinity;
    for (const y of c) {
      const dist = Math.abs(y - options.defaultYear);
      if (dist < best) {
        best = dist;
        pick = y;
      }
    }
    picker = 'default';
  }
  const weekdayDetail = (): string => `year from the weekday: ${md} is a ${WEEKDAYS[ev.weekday ?? 0]} in ${pick}`;
  const boundsDetail = (): string => {
    const parts: string[] = [];
    const near = ev.near.find((d) => {
      const dn = dayNum(pick, month, day);
      return dn - d.day >= 0 && dn - d.day <= NEAR_DAYS;
    });
    if (n.nearUsed && near) return `year from a date in the text: ${near.text} is shortly before ${md} ${pick}`;
    if (ev.notBefore !== undefined && ev.notBeforeText) parts.push(`the text mentions ${ev.notBeforeText}`);
    if (ev.notAfter !== undefined && ev.notAfterText) parts.push(`it looks ahead to ${ev.notAfterText}`);
    return `year from years in the text (${parts.join('; ')}): ${pick}`;
  };
  if (pick === recent) {
    const recentBeforeBounds = n.afterWeekday[0];
    if (n.boundsUsed && recentBeforeBounds !== recent) return { year: pick, source: 'text-year', detail: boundsDetail() };
    if (n.weekdayUsed) return { year: pick, source: 'weekday', detail: weekdayDetail() };
    if (n.boundsUsed && c.length === 1) return { year: pick, source: 'text-year', detail: boundsDetail() };
  }
  if (picker === 'workspace') {
    return { year: pick, source: 'workspace', detail: `year nearest the workspace's other articles (${isoOf(nearestWs ?? 0)}): ${pick}` };
  }
  if (picker === 'default') return { year: pick, source: 'default', detail: `year from the default year setting: ${pick}` };
  return {
    year: pick,
    source: 'none',
    detail: `no evidence for the year: assumed the most recent ${md} up to today (${isoOf(today)})`,
  };
}

/** Year candidates for a month/day (used for workspace-level inference): the article's evidence. */
export function yearCandidates(text: string, regions: Span[], dateline: Dateline, options: DateOptions = {}): YearCandidates | undefined {
  if (dateline.month === undefined || dateline.day === undefined) return undefined;
  const today = todayDay(options);
  const raws = scan(text, regions, today);
  const ev = gatherEvidence(text, raws, regions, dateline);
  const n = narrow(dateline.month, dateline.day, ev, today);
  const result: YearCandidates = {
    month: dateline.month,
    day: dateline.day,
    years: n.afterBounds,
    source: n.boundsUsed ? 'text-year' : n.weekdayUsed ? 'weekday' : 'none',
  };
  if (n.weekdayUsed) result.weekday = ev.weekday;
  if (n.boundsUsed && ev.notBefore !== undefined) result.notBefore = isoOf(ev.notBefore);
  if (n.boundsUsed && ev.notAfter !== undefined) result.notAfter = isoOf(ev.notAfter);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Pass 2: values.

interface Reference {
  day: number;
  /** "the dateline" or "the article date" */
  label: string;
  /** The label and the day as every relative explanation ends ("the dateline (Sat 18 Dec 2021)"): made once per article. */
  told: string;
}

function reference(day: number, label: string): Reference {
  return { day, label, told: `${label} (${longDate(day)})` };
}

function explainRelative(what: string, ref: Reference): string {
  return `${what} ${ref.told}`;
}

function resolveWeekday(wd: number, r: Raw, ref: Reference): { value: string; explanation: string } {
  const R = ref.day;
  const wdR = weekdayOf(R);
  if (r.weekShift !== undefined) {
    // Weeks start on Monday, as ISO weeks do.
    const n = R - ((wdR + 6) % 7) + 7 * r.weekShift + ((wd + 6) % 7);
    const week = r.weekShift < 0 ? 'the week before' : r.weekShift > 0 ? 'the week after' : 'the week of';
    return { value: isoOf(n), explanation: `${explainRelative(`${WEEKDAYS[wd]} of ${week}`, ref)}: ${longDate(n)}` };
  }
  let n: number;
  if (r.modifier === 'last') n = R - (((wdR - wd + 7) % 7) || 7);
  else if (r.modifier === 'next') n = R + (((wd - wdR + 7) % 7) || 7);
  else if (r.future) n = R + ((wd - wdR + 7) % 7);
  else n = R - ((wdR - wd + 7) % 7);
  const name = WEEKDAYS[wd];
  const what = n === R ? `${name}: the same day as` : n < R ? `${name} before` : `${name} after`;
  return { value: isoOf(n), explanation: `${explainRelative(what, ref)}${n === R ? '' : `: ${longDate(n)}`}` };
}

/** What a date mention resolves to; `weekdayMismatch` when the weekday written with it is not that day's. */
interface Resolved {
  value: string;
  explanation: string;
  weekdayMismatch?: DateMention['weekdayMismatch'];
}

/**
 * How far from the reference a weekday may move a month/day's year ("March 6, a Sunday" said in
 * February 2022 is 2022's, not 2021's): about a year. Further, the weekday is likelier a slip than
 * a sign of another year, and the date keeps the year it has without it.
 */
const WEEKDAY_YEAR_REACH = 400;

/** What is wrong with a date written with `written` as its weekday when day `n` is another. */
function weekdayMismatch(n: number, written: number): NonNullable<DateMention['weekdayMismatch']> {
  const f = fromDay(n);
  const actual = WEEKDAYS[weekdayOf(n)];
  return { actual, message: `${f.d} ${MONTH_ABBR[f.m - 1]} ${f.y} is a ${actual}, not a ${WEEKDAYS[written]}` };
}

function resolveMonthDay(month: number, day: number, r: Raw, ref: Reference): Resolved | undefined {
  const R = ref.day;
  const ry = fromDay(R).y;
  const cands: number[] = [];
  for (let y = ry - 8; y <= ry + 8; y++) if (validDate(y, month, day)) cands.push(dayNum(y, month, day));
  const md = `${day} ${MONTH_ABBR[month - 1]}`;
  if (r.weekday !== undefined) {
    // "Thursday, Dec. 4", "March 6, a Sunday": the year where it falls on that weekday, nearest the reference.
    let best: number | undefined;
    for (const c of cands) if (weekdayOf(c) === r.weekday && (best === undefined || Math.abs(c - R) < Math.abs(best - R))) best = c;
    if (best !== undefined && Math.abs(best - R) <= WEEKDAY_YEAR_REACH) {
      return { value: isoOf(best), explanation: `${md} ${fromDay(best).y}: ${explainRelative(`the ${WEEKDAYS[r.weekday]} nearest`, ref)}` };
    }
    const plain = resolveMonthDay(month, day, { ...r, weekday: undefined }, ref);
    if (!plain) return undefined;
    const n = parseIsoDay(plain.value);
    if (n === undefined) return plain;
    return { ...plain, weekdayMismatch: weekdayMismatch(n, r.weekday) };
  }
  let n: number | undefined;
  if (r.modifier === 'last') n = maxWhere(cands, (c) => c < R);
  else if (r.modifier === 'next') n = minWhere(cands, (c) => c > R);
  else if (r.future) n = minWhere(cands, (c) => c >= R);
  else {
    n = maxWhere(cands, (c) => c <= R);
    // Unmarked tense: a date a few weeks ahead is likelier than one most of a year ago ("the Nov. 8 election").
    const ahead = minWhere(cands, (c) => c > R);
    // "the Nov. 8 election" (a date naming an event), "promised a review by March 31" (a deadline): the nearer one.
    if (!r.past && !r.modifier && n !== undefined && ahead !== undefined && ((ahead - R <= 60 && R - n > 180) || (r.nearer && ahead - R < R - n))) n = ahead;
  }
  if (n === undefined) return undefined;
  const rel = n === R ? 'the same day as' : n < R ? 'the last one before' : 'the next one after';
  return { value: isoOf(n), explanation: `${md} ${fromDay(n).y}: ${explainRelative(rel, ref)}` };
}

function maxWhere(xs: number[], f: (x: number) => boolean): number | undefined {
  let best: number | undefined;
  for (const x of xs) if (f(x) && (best === undefined || x > best)) best = x;
  return best;
}

function minWhere(xs: number[], f: (x: number) => boolean): number | undefined {
  let best: number | undefined;
  for (const x of xs) if (f(x) && (best === undefined || x < best)) best = x;
  return best;
}

function addMonths(y: number, m: number, k: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + k;
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
}

function resolveRaw(r: Raw, ref: Reference | undefined): Resolved | undefined {
  switch (r.kind) {
    case 'year': {
      if (r.year === undefined) return undefined;
      return { value: String(r.year), explanation: r.range ? `the year ${r.year} (range ${r.range})` : `the year ${r.year}` };
    }
    case 'casual': {
      if (!ref) return undefined;
      const n = ref.day + (r.offset ?? 0);
      const what = r.offset === 1 ? 'the day after' : r.offset === -1 ? 'the day before' : 'the same day as';
      return { value: isoOf(n), explanation: `${explainRelative(what, ref)}${n === ref.day ? '' : `: ${longDate(n)}`}` };
    }
    case 'period': {
      if (!ref) return undefined;
      const k = r.modifier === 'last' ? -1 : r.modifier === 'next' ? 1 : 0;
      const rel = k < 0 ? 'before' : k > 0 ? 'after' : 'of';
      const f = fromDay(ref.day);
      if (r.unit === 'week') {
        const what = k === 0 ? 'the same week as' : `the week ${rel}`;
        return { value: isoWeekOf(ref.day + 7 * k), explanation: explainRelative(what, ref) };
      }
      if (r.unit === 'month') {
        const mm = addMonths(f.y, f.m, k);
        const what = k === 0 ? 'the same month as' : `the month ${rel}`;
        return { value: isoMonth(mm.y, mm.m), explanation: explainRelative(what, ref) };
      }
      if (r.unit === 'year') {
        const what = k === 0 ? 'the same year as' : `the year ${rel}`;
        return { value: String(f.y + k), explanation: explainRelative(what, ref) };
      }
      if (r.unit === 'weekend') {
        const sat = resolveWeekday(6, { ...r, future: k > 0, modifier: k < 0 ? 'last' : k > 0 ? 'next' : r.modifier }, ref);
        return { value: sat.value, explanation: `Saturday of the weekend: ${sat.explanation}` };
      }
      return undefined;
    }
    case 'ago': {
      if (!ref || r.amount === undefined) return undefined;
      const f = fromDay(ref.day);
      const what = `${r.amount} ${r.unit}${r.amount === 1 ? '' : 's'} before`;
      if (r.unit === 'day') return { value: isoOf(ref.day - r.amount), explanation: explainRelative(what, ref) };
      if (r.unit === 'week') return { value: isoWeekOf(ref.day - 7 * r.amount), explanation: explainRelative(what, ref) };
      if (r.unit === 'month') {
        const mm = addMonths(f.y, f.m, -r.amount);
        return { value: isoMonth(mm.y, mm.m), explanation: explainRelative(what, ref) };
      }
      return { value: String(f.y - r.amount), explanation: explainRelative(what, ref) };
    }
    case 'absolute': {
      if (r.from) return resolveRangeEnd(r, r.from, ref);
      if (r.rangeEnd) return resolveRangeStart(r, ref);
      if (r.dayOf) {
        const of = resolveRaw(r.dayOf, ref);
        return of && { value: of.value, explanation: `${WEEKDAYS[r.weekday ?? 0]}: the day of ${MONTH_FULL[(r.month ?? 1) - 1]} ${r.day} (${of.explanation})` };
      }
      const { year, month, day, weekday } = r;
      if (year !== undefined && month !== undefined && day !== undefined) {
        if (!validDate(year, month, day)) return undefined;
        const written: Resolved = { value: isoDate(year, month, day), explanation: 'date as written' };
        const n = dayNum(year, month, day);
        if (weekday !== undefined && weekday !== weekdayOf(n)) written.weekdayMismatch = weekdayMismatch(n, weekday);
        return written;
      }
      if (year !== undefined && month !== undefined) return { value: isoMonth(year, month), explanation: 'month as written' };
      if (year !== undefined) return { value: String(year), explanation: 'year as written' };
      if (!ref) return undefined;
      if (month !== undefined && day !== undefined) return resolveMonthDay(month, day, r, ref);
      if (day !== undefined && weekday === undefined) return resolveDayOfMonth(day, r, ref);
      if (month !== undefined) {
        const f = fromDay(ref.day);
        let y: number;
        if (r.modifier === 'last') y = month < f.m ? f.y : f.y - 1;
        else if (r.modifier === 'next') y = month > f.m ? f.y : f.y + 1;
        else if (r.modifier === 'this') y = f.y;
        else if (r.future) y = month >= f.m ? f.y : f.y + 1;
        else {
          y = month <= f.m ? f.y : f.y - 1;
          // Unmarked tense: "in November" said in September is the coming November.
          const ahead = (month - f.m + 12) % 12;
          if (!r.past && ahead >= 1 && ahead <= 2) y = f.y + (month > f.m ? 0 : 1);
        }
        const where = y === f.y && month === f.m ? 'the same month as' : dayNum(y, month, 1) < ref.day ? 'the last one before' : 'the next one after';
        return { value: isoMonth(y, month), explanation: `${MONTH_FULL[month - 1]} ${y}: ${explainRelative(where, ref)}` };
      }
      if (weekday !== undefined) return resolveWeekday(weekday, r, ref);
      return undefined;
    }
  }
  return undefined;
}

/** "on the 14th" with no month named before it: the 14th of the month around the reference the tense points to. */
function resolveDayOfMonth(day: number, r: Raw, ref: Reference): { value: string; explanation: string } | undefined {
  const R = ref.day;
  const f = fromDay(R);
  const cands: number[] = [];
  for (let k = -1; k <= 1; k++) {
    const mm = addMonths(f.y, f.m, k);
    if (validDate(mm.y, mm.m, day)) cands.push(dayNum(mm.y, mm.m, day));
  }
  const n = r.future ? minWhere(cands, (c) => c >= R) : maxWhere(cands, (c) => c <= R);
  if (n === undefined) return undefined;
  const rel = n === R ? 'the same day as' : n < R ? 'the last one before' : 'the next one after';
  return { value: isoOf(n), explanation: `the ${day}th of a month: ${explainRelative(rel, ref)}: ${longDate(n)}` };
}

/** The end of a range: on or after its start's day ("Monday to Wednesday", "Oct. 31 to Nov. 13"). */
function resolveRangeEnd(r: Raw, from: Raw, ref: Reference | undefined): { value: string; explanation: string } | undefined {
  const { year, month, day, weekday } = r;
  if (year !== undefined && month !== undefined && day !== undefined) {
    return validDate(year, month, day) ? { value: isoDate(year, month, day), explanation: 'date as written (the end of a range)' } : undefined;
  }
  if (year !== undefined && month !== undefined && weekday === undefined) return { value: isoMonth(year, month), explanation: 'month as written (the end of a range)' };
  const start = resolveRangeStart(from, ref);
  const startDay = start && parseIsoDay(start.value);
  if (startDay === undefined) return undefined;
  const n = rangeEndDay(r, startDay);
  if (n === undefined) return undefined;
  return { value: isoOf(n), explanation: `the end of a range that starts ${longDate(startDay)}: ${longDate(n)}` };
}

/** The day a range's end (a month/day, or a weekday) falls on, the first on or after its start's day. */
function rangeEndDay(end: Raw, startDay: number): number | undefined {
  const { year, month, day, weekday } = end;
  if (year !== undefined && month !== undefined && day !== undefined) return validDate(year, month, day) ? dayNum(year, month, day) : undefined;
  if (month !== undefined && day !== undefined) {
    const y = fromDay(startDay).y;
    for (let k = y; k <= y + 1; k++) if (validDate(k, month, day) && dayNum(k, month, day) >= startDay) return dayNum(k, month, day);
    return undefined;
  }
  if (weekday !== undefined && month === undefined) return startDay + ((weekday - weekdayOf(startDay) + 7) % 7);
  return undefined;
}

/**
 * The start of a range, as a date alone, unless the range is told in the past and would end after
 * the reference: then it is the one before ("killed 500 people between July 12 and July 20" in an
 * article of July 14: last year's; "met from Monday to Wednesday" told on a Tuesday: last week's).
 */
function resolveRangeStart(r: Raw, ref: Reference | undefined): { value: string; explanation: string } | undefined {
  const plain = resolveRaw({ ...r, rangeEnd: undefined }, ref);
  if (!plain || !ref || !r.past || !r.rangeEnd || r.year !== undefined || r.modifier || r.weekShift !== undefined) return plain;
  const startDay = parseIsoDay(plain.value);
  const endDay = startDay === undefined ? undefined : rangeEndDay(r.rangeEnd, startDay);
  if (startDay === undefined || endDay === undefined || endDay <= ref.day || r.rangeEnd.year !== undefined) return plain;
  let n: number | undefined;
  if (r.month !== undefined && r.day !== undefined) {
    const y = fromDay(startDay).y - 1;
    if (validDate(y, r.month, r.day)) n = dayNum(y, r.month, r.day);
  } else if (r.weekday !== undefined && r.month === undefined && r.day === undefined) n = startDay - 7;
  if (n === undefined) return plain;
  return { value: isoOf(n), explanation: `${longDate(n)}: the start of a range told in the past, which ends by ${ref.label} (${longDate(ref.day)})` };
}

/** Where a dateline not parsed here writes its month and day. */
function findMonthDay(text: string, dl: Dateline): Span | undefined {
  const s = text.slice(dl.span.start, Math.min(dl.span.end, dl.span.start + 200));
  const re = /[A-Za-z]{3,9}\.?[ \u00A0]{1,3}\d{1,2}(?:st|nd|rd|th)?(?:,?[ \u00A0]{1,3}\d{4})?|\d{1,2}(?:st|nd|rd|th)?[ \u00A0]{1,3}[A-Za-z]{3,9}\.?(?:,?[ \u00A0]{1,3}\d{4})?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const name = /[A-Za-z]{3,9}/.exec(m[0]);
    if (name && monthNumber(name[0]) === dl.month) return { start: dl.span.start + m.index, end: dl.span.start + m.index + m[0].replace(/\.$/, (d) => (/\d\.$/.test(m![0]) ? '' : d)).length };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------

/** Finds every date mention in the article and resolves it to an ISO value. `regions` are the spans of text to search (body, headline, standfirst paragraphs; not front matter or page furniture). `frontMatterDate` is an ISO date from Markdown front matter if any; `bylineDate` is an ISO date found on a line under the byline, if any. */
export function resolveDates(
  text: string,
  regions: Span[],
  dateline: Dateline | undefined,
  options: AnalysisOptions & { frontMatterDate?: string; bylineDate?: string },
): DateResolution {
  const today = todayDay(options);
  const raws = scan(text, regions, today);

  let dl: Dateline | undefined = dateline ? { ...dateline } : undefined;
  let articleDate: DateResolution['articleDate'];
  let articleDay: number | undefined;
  let datelineDay: number | undefined;
  let datelineDetail = '';

  const frontMatter = parseIsoDay(options.frontMatterDate);
  const byline = parseIsoDay(options.bylineDate);
  const anchor = frontMatter ?? byline;
  const anchorSource: DateSource = frontMatter !== undefined ? 'front-matter' : 'byline-date';
  const hasMonthDay = dl?.month !== undefined && dl?.day !== undefined;

  if (dl && hasMonthDay && dl.year !== undefined && validDate(dl.year, dl.month!, dl.day!)) {
    datelineDay = dayNum(dl.year, dl.month!, dl.day!);
    dl.date = isoOf(datelineDay);
    dl.yearSource = 'dateline';
    articleDay = datelineDay;
    articleDate = { value: dl.date, source: 'dateline' };
    datelineDetail = 'the dateline, year as written';
  } else if (anchor !== undefined) {
    articleDay = anchor;
    articleDate = { value: isoOf(anchor), source: anchorSource };
    if (dl && hasMonthDay) {
      // The dateline's year is the one that puts its month/day nearest the published date.
      const ay = fromDay(anchor).y;
      let best: number | undefined;
      for (let y = ay - 4; y <= ay + 4; y++) {
        if (!validDate(y, dl.month!, dl.day!)) continue;
        const n = dayNum(y, dl.month!, dl.day!);
        if (best === undefined || Math.abs(n - anchor) < Math.abs(best - anchor)) best = n;
      }
      if (best !== undefined) {
        datelineDay = best;
        dl.date = isoOf(best);
        dl.yearSource = anchorSource;
        datelineDetail = `year from the ${anchorSource === 'front-matter' ? 'front matter' : 'byline'} date (${isoOf(anchor)})`;
      }
    } else if (dl) {
      dl.date = isoOf(anchor);
      dl.yearSource = anchorSource;
    }
  } else if (dl && hasMonthDay) {
    const ev = gatherEvidence(text, raws, regions, dl);
    const choice = chooseYear(dl.month!, dl.day!, ev, options, today);
    if (choice) {
      datelineDay = dayNum(choice.year, dl.month!, dl.day!);
      dl.date = isoOf(datelineDay);
      dl.yearSource = choice.source;
      articleDay = datelineDay;
      articleDate = { value: dl.date, source: choice.source };
      datelineDetail = choice.detail;
    }
  }

  const refDay = datelineDay ?? articleDay;
  const ref: Reference | undefined =
    refDay === undefined ? undefined : reference(refDay, datelineDay !== undefined ? 'the dateline' : 'the article date');

  const dates: DateMention[] = [];
  let datelineDateSpan: Span | undefined;
  if (dl && hasMonthDay) {
    datelineDateSpan = parseDatelineParts(text, dl.span.start, dl.span.end)?.dateSpan ?? findMonthDay(text, dl);
    if (datelineDateSpan && datelineDay !== undefined) {
      dates.push({
        span: datelineDateSpan,
        text: text.slice(datelineDateSpan.start, datelineDateSpan.end),
        value: isoOf(datelineDay),
        explanation: `the dateline: ${longDate(datelineDay)}; ${datelineDetail}`,
      });
    }
  }
  for (const r of raws) {
    if (dl && r.start < dl.span.end && r.end > dl.span.start) continue;
    const v = resolveRaw(r, ref);
    if (!v) continue;
    const mention: DateMention = { span: { start: r.start, end: r.end }, text: text.slice(r.start, r.end), value: v.value, explanation: v.explanation };
    if (v.weekdayMismatch) mention.weekdayMismatch = v.weekdayMismatch;
    dates.push(mention);
  }
  dates.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const unique: DateMention[] = [];
  for (const d of dates) {
    const prev = unique[unique.length - 1];
    if (prev && d.span.start < prev.span.end) continue;
    unique.push(d);
  }

  const result: DateResolution = { dates: unique };
  if (dl) result.dateline = dl;
  if (articleDate) result.articleDate = articleDate;
  return result;
}
