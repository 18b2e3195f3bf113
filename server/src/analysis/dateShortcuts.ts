// Windows chrono need not parse: most of the windows dates.ts hands chrono hold one date in one of
// four forms ("on Monday", "last week", "yesterday", "in December") and nothing else any of chrono's
// parsers could match. For those the date is read here with chrono's own patterns, giving what
// chrono's parse would report (the same start, text and date parts), without the parse call, which
// runs every parser and refiner over the text and is most of the cost of dates. Anything else, or a
// chrono whose parsers or refiners are not the ones this reasoning is about, goes to chrono.
import * as chrono from 'chrono-node';

/** What dates.ts reads of a chrono result. */
export interface DateReading {
  text: string;
  tags(): Set<string>;
  start: { isCertain(component: chrono.Component): boolean; get(component: chrono.Component): number | null };
}

export interface ShortcutResult {
  /** Offset of the reading in the window. */
  index: number;
  reading: DateReading;
}

/** Reads a window alone, or says (undefined) that chrono must parse it. */
export type Shortcut = (window: string, tail: string) => ShortcutResult | undefined;

/** Parsers whose patterns all need an ASCII digit: never matched in a window without one. */
const DIGIT_PARSERS = [
  'ENYearMonthDayParser', 'ISOFormatParser', 'SlashDateFormatParser', 'ENSlashMonthFormatParser', 'ENTimeExpressionParser',
  'ENYearMonthNameParser',
];

const MONTH_STEMS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Every ordinal word chrono reads as a day ("first" … "thirtieth", "twenty-first") holds one of these. */
const ORDINAL_STEMS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'teenth',
  'twentieth', 'thirtieth',
];
const MODIFIERS = ['this', 'last', 'past', 'next', 'after'];

/**
 * The part every duration pattern (within, ago, later, casual relative) holds without digits: a number
 * word and a time unit (chrono's own lists), the unit followed by a non-word character, the end, or
 * the words that may follow it glued ("and", a number word, "ago", "later" …).
 */
const NUMBER_THEN_UNIT = new RegExp(
  '(?:eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten|half(?:\\s{0,2}an?)?|an?\\b(?:\\s{0,2}few)?|few|several|the|a?\\s{0,2}couple\\s{0,2}(?:of)?)' +
    '\\s{0,3}(?:quarters|seconds|minutes|quarter|second|minute|months|hours|weeks|month|years|mins|hour|days|week|year|sec|min|hrs|day|mon|mos|qtr|hr|mo|yr|s|m|h|d|w|y)' +
    '(?=\\W|$|a|before|earlier|later|from|henceforth|forward|out|eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten|half|few|several|the|couple)',
  'i',
);

type Needs = (lower: string, text: string, duration: () => boolean) => boolean;

const hasAny = (lower: string, words: readonly string[]): boolean => words.some((w) => lower.includes(w));

/**
 * The other parsers, each with what its pattern cannot match without (checked on the lower-cased
 * text, as the patterns are case-insensitive and only ASCII letters fold): the pattern itself is run
 * only when that is there. The four forms read here come first.
 */
const WORD_PARSERS: ReadonlyArray<readonly [string, Needs]> = [
  ['ENWeekdayParser', (l) => hasAny(l, ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'week'])],
  ['ENCasualDateParser', (l) => hasAny(l, ['now', 'today', 'morrow', 'tmr', 'yesterday', 'night'])],
  ['ENRelativeDateFormatParser', (l) => hasAny(l, MODIFIERS)],
  ['ENMonthNameParser', (l) => hasAny(l, MONTH_STEMS)],
  ['ENMonthNameLittleEndianParser', (l) => hasAny(l, MONTH_STEMS) && hasAny(l, ORDINAL_STEMS)],
  ['ENMonthNameMiddleEndianParser', (l) => hasAny(l, MONTH_STEMS) && hasAny(l, ORDINAL_STEMS)],
  ['ENCasualTimeParser', (l) => hasAny(l, ['morning', 'noon', 'evening', 'night', 'midday'])],
  ['ENEndOfCurrentMonthParser', (l) => l.includes('month')],
  ['ENTimeUnitWithinFormatParser', (l, _, duration) => hasAny(l, ['in', 'for']) && duration()],
  ['ENTimeUnitAgoFormatParser', (l, _, duration) => hasAny(l, ['ago', 'before', 'earlier']) && duration()],
  ['ENTimeUnitLaterFormatParser', (l, _, duration) => hasAny(l, ['later', 'after', 'from now', 'henceforth', 'forward', 'out']) && duration()],
  ['ENTimeUnitCasualRelativeFormatParser', (l, t, duration) => (hasAny(l, MODIFIERS) || t.includes('+') || t.includes('-')) && duration()],
];

/**
 * chrono's refiners, in order. With a single result, the merging ones and the overlap removal do
 * nothing; the filters keep our four forms (none is "may", numeric or ends "the second"); the forward
 * date refiner is off (dates.ts passes forwardDate: false); the time zone and year suffix refiners
 * need a zone name in capitals or digits after the result, and the end-of-period one "end of" before
 * it: those cases go to chrono.
 */
const REFINERS = [
  'ENEndOfPeriodRefiner', 'OverlapRemovalRefiner', 'ENMergeRelativeAfterDateRefiner', 'ENMergeRelativeFollowByDateRefiner',
  'OverlapRemovalRefiner', 'ExtractTimezoneOffsetRefiner', 'MergeWeekdayComponentRefiner', 'ENMergeDateTimeRefiner',
  'ExtractTimezoneAbbrRefiner', 'OverlapRemovalRefiner', 'ForwardDateRefiner', 'UnlikelyFormatFilter', 'ENMergeDateTimeRefiner',
  'ENExtractYearSuffixRefiner', 'ENMergeDateRangeRefiner', 'ENUnlikelyFormatFilter',
];

// chrono's own patterns for the text around a result (ENEndOfPeriodRefiner, ExtractTimezoneAbbrRefiner).
const END_OF_PERIOD_BEFORE = /\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i;
const TIME_ZONE_AFTER = /^\s*,?\s*\(?([A-Z]{2,4})\)?(?=\W|$)/i;

const WEEKDAY_NUMBERS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };
/** Full month names but May, which chrono's last filter keeps or drops by the words around it. */
const MONTH_NUMBERS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};
const CASUAL_DAYS = new Set(['today', 'tonight', 'tomorrow', 'yesterday']);
const RELATIVE_PERIOD = /^(?:this|last|past|next)\s+(?:week|month|year)$/i;

const NO_TAGS: ReadonlySet<string> = new Set();
/** How many of WORD_PARSERS, from the first, are the ones whose results are read here. */
const FORMS = 4;

/** A reading whose only certain part is one component (or none: casual days and periods, read by their words). */
class Reading implements DateReading {
  readonly start: DateReading['start'];
  constructor(
    readonly text: string,
    component?: chrono.Component,
    value?: number,
  ) {
    this.start = {
      isCertain: (c) => c === component,
      get: (c) => (c === component && value !== undefined ? value : null),
    };
  }

  tags(): Set<string> {
    return NO_TAGS as Set<string>;
  }
}

interface Matcher {
  name: string;
  needs: Needs;
  pattern: RegExp;
}

/** The shortcut for this chrono, or undefined when its parsers or refiners are not the expected ones. */
export function shortcutFor(parser: chrono.Chrono): Shortcut | undefined {
  const names = parser.parsers.map((p) => p.constructor.name);
  const expected = [...DIGIT_PARSERS, ...WORD_PARSERS.map(([n]) => n)];
  if (names.length !== expected.length || !expected.every((n) => names.includes(n))) return undefined;
  const refiners = parser.refiners.map((r) => r.constructor.name);
  if (refiners.length !== REFINERS.length || refiners.some((n, i) => n !== REFINERS[i])) return undefined;
  const context = new chrono.ParsingContext('', new Date(0), { forwardDate: false });
  const matchers: Matcher[] = WORD_PARSERS.map(([name, needs]) => {
    const pattern = parser.parsers[names.indexOf(name)].pattern(context);
    return { name, needs, pattern };
  });
  if (matchers.some((m) => m.pattern.global || m.pattern.sticky)) return undefined;
  return (window, tail) => readAlone(matchers, window, tail);
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * The one result chrono would find in `window` followed by `tail` (what follows the window in the
 * text chrono is given), when it is one of the four forms and no other pattern matches.
 */
function readAlone(matchers: readonly Matcher[], window: string, tail: string): ShortcutResult | undefined {
  if (hasDigit(window)) return undefined;
  const text = tail ? window + tail : window;
  const lower = text.toLowerCase();
  let found: ShortcutResult | undefined;
  let durationSeen: boolean | undefined;
  const duration = (): boolean => (durationSeen ??= NUMBER_THEN_UNIT.test(text));
  for (let i = 0; i < matchers.length; i++) {
    const { name, needs, pattern } = matchers[i];
    // Past the four forms with nothing found, nothing can be read here.
    if (i === FORMS && !found) return undefined;
    if (!needs(lower, text, duration)) continue;
    const m = pattern.exec(text);
    if (!m) continue;
    if (found) return undefined;
    // Every one of these is a word-boundary parser: group 1 is the boundary character, not part of the result.
    const index = m.index + (m[1] ?? '').length;
    const matched = m[0].slice((m[1] ?? '').length);
    let result: ShortcutResult;
    if (name === 'ENWeekdayParser') {
      const weekday = WEEKDAY_NUMBERS[m[3].toLowerCase()];
      if (weekday === undefined) return undefined;
      result = { index, reading: new Reading(matched, 'weekday', weekday) };
    } else if (name === 'ENMonthNameParser') {
      const month = MONTH_NUMBERS[m[3].toLowerCase()];
      if (month === undefined || m[4] !== undefined) return undefined;
      const prefix = (m[2] ?? '').length; // "in " is matched but not part of the result
      result = { index: index + prefix, reading: new Reading(matched.slice(prefix), 'month', month) };
    } else if (name === 'ENCasualDateParser') {
      if (!CASUAL_DAYS.has(matched.toLowerCase())) return undefined;
      result = { index, reading: new Reading(matched) };
    } else if (name === 'ENRelativeDateFormatParser') {
      if (!RELATIVE_PERIOD.test(matched)) return undefined;
      result = { index, reading: new Reading(matched) };
    } else {
      return undefined;
    }
    // chrono goes on after a result: a second match of the same pattern is a second result.
    const end = result.index + result.reading.text.length;
    if (pattern.exec(text.substring(end))) return undefined;
    found = result;
  }
  if (!found) return undefined;
  if (END_OF_PERIOD_BEFORE.test(text.substring(0, found.index))) return undefined;
  // The four forms are dates without a time: chrono takes a zone after them only when written in capitals.
  const zone = TIME_ZONE_AFTER.exec(text.substring(found.index + found.reading.text.length));
  if (zone && zone[1] === zone[1].toUpperCase()) return undefined;
  return found;
}
