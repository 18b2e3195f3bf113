// Datelines: "MOSCOW, December 20. /TASS/. ", "WASHINGTON (AP) — ", "Paris, 4 March 2024 — ".
// Pure and bounded: only the first DATELINE_WINDOW characters of a paragraph are examined, and every
// regular expression is anchored (sticky) with bounded repetition, so the cost per call is constant.
import type { Dateline, Span } from './types';
import { lowerCased } from './tokens';

/** A dateline never runs longer than this; nothing beyond it is read. */
const DATELINE_WINDOW = 200;

// A Map, not an object: a word like "constructor" must not find the object prototype's members.
const MONTHS = new Map<string, number>(Object.entries({
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
}));

/** The lower-case first letters of the months' names, as character codes. */
const MONTH_INITIALS = new Set([...'jfmasond'].map((c) => c.charCodeAt(0)));

const MONTH_ALT =
  'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';

/** Lower-case particles allowed inside a multiword place name ("Rio de Janeiro", "Stratford-upon-Avon"). */
const CONNECTORS = 'de|da|do|dos|das|del|della|di|du|des|la|le|les|el|los|las|of|upon|on|am|an|im|sur|en|y|al|la';

const WORD = "\\p{Lu}[\\p{L}\\p{M}'’.\\-]{0,30}";
const SP = '[ \\t\\u00A0]';
const PLACE_RE = new RegExp(`${WORD}(?:${SP}{1,3}(?:(?:${CONNECTORS})${SP}{1,3}){0,2}${WORD}){0,5}`, 'uy');
const DATE_MD_RE = new RegExp(
  `(${MONTH_ALT})\\.?${SP}{1,3}(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?${SP}{1,3}((?:19|20)\\d\\d)(?!\\d))?`,
  'iy',
);
const DATE_DM_RE = new RegExp(
  `(\\d{1,2})(?:st|nd|rd|th)?${SP}{1,3}(${MONTH_ALT})\\b\\.?(?:,?${SP}{1,3}((?:19|20)\\d\\d)(?!\\d))?`,
  'iy',
);
const COMMA_RE = new RegExp(`${SP}*,${SP}{0,3}`, 'y');
const SLASH_AGENCY_RE = new RegExp(`${SP}{0,3}\\.?${SP}{0,3}\\/${SP}{0,2}([A-Za-z][A-Za-z .&\\-]{0,24}?)${SP}{0,2}\\/(?:${SP}{0,3}\\.)?`, 'y');
const PAREN_AGENCY_RE = new RegExp(`${SP}{0,3}\\((\\p{L}[\\p{L}\\p{M} .&'’/\\-]{0,29})\\)`, 'uy');
const DASH_RE = new RegExp(`${SP}{0,3}(?:\\.${SP}{0,2})?(?:--?|[—–―])`, 'y');
const AFTER_AGENCY_RE = new RegExp(`${SP}{0,3}(?:\\.${SP}{0,2}(?:--?|[—–―])|--?|[—–―]|[.:])`, 'y');

/** Capitalised words that start ordinary sentences and never name a dateline place. */
const NOT_PLACES = new Set([
  'the', 'a', 'an', 'on', 'in', 'at', 'by', 'for', 'from', 'to', 'of', 'but', 'and', 'or', 'so', 'as', 'if',
  'it', 'he', 'she', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there', 'here', 'his', 'her',
  'their', 'our', 'its', 'my', 'last', 'next', 'earlier', 'later', 'meanwhile', 'however', 'today', 'yesterday',
  'tomorrow', 'when', 'while', 'after', 'before', 'since', 'according', 'also', 'still', 'then', 'now', 'with',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  // Acronyms that open headlines ("NATO — Russia talks") rather than datelines.
  'nato', 'eu', 'un', 'us', 'usa', 'uk', 'osce', 'ocse', 'fbi', 'cia', 'who', 'imf', 'opec',
]);

const LOWERCASE_AGENCIES = new Set(['dpa', 'efe', 'afp', 'ap', 'ansa', 'apa']);

export interface DatelineParts {
  dateline: Dateline;
  /** The month/day (and year) as written, when the dateline has a date. */
  dateSpan?: Span;
}

/** If the text at [start, end) (one paragraph) begins with a dateline, parse it. */
export function parseDateline(text: string, start: number, end: number): Dateline | undefined {
  return parseDatelineParts(text, start, end)?.dateline;
}

/** parseDateline, plus where the date sits inside the dateline. */
export function parseDatelineParts(text: string, start: number, end: number): DatelineParts | undefined {
  const limit = Math.min(end, text.length, start + DATELINE_WINDOW);
  if (limit <= start) return undefined;
  const s = text.slice(start, limit);
  let pos = 0;
  while (pos < s.length && /[ \t\u00A0\uFEFF]/.test(s[pos])) pos++;
  const spanStart = pos;
  let slashed = false;
  if (s[pos] === '/') {
    slashed = true;
    pos++;
    while (pos < s.length && s[pos] === ' ') pos++;
  }

  if (s[pos] === '(' && !slashed) return agencyOnlyDateline(s, start, pos);
  if (!slashed && mayOpenWithDate(s, pos)) {
    const dated = dateOnlyDateline(s, start, pos);
    if (dated) return dated;
  }
  const place = matchAt(PLACE_RE, s, pos);
  if (!place) return undefined;
  let placeText = place[0];
  // A trailing dot belongs to the sentence ("WASHINGTON. The ..."), not to the place.
  while (placeText.endsWith('.') || placeText.endsWith('-')) placeText = placeText.slice(0, -1);
  if (placeText.length < 2) return undefined;
  const firstWord = placeText.split(/[ \t\u00A0]/)[0].toLowerCase();
  if (NOT_PLACES.has(firstWord) || monthNumber(firstWord) !== undefined) return undefined;
  const placeSpan = { start: pos, end: pos + placeText.length };
  pos = placeSpan.end;
  const upper = placeText === placeText.toUpperCase();

  let month: number | undefined;
  let day: number | undefined;
  let year: number | undefined;
  let dateSpan: Span | undefined;
  let hasRegion = false;

  const tryDate = (at: number): number | undefined => {
    const date = monthDayAt(s, at);
    if (!date) return undefined;
    ({ month, day, year } = date);
    dateSpan = { start: at, end: at + date.length };
    return at + date.length;
  };

  const comma = matchAt(COMMA_RE, s, pos);
  if (comma) {
    const afterComma = pos + comma[0].length;
    const afterDate = tryDate(afterComma);
    if (afterDate !== undefined) {
      pos = afterDate;
    } else {
      // "KYIV, Ukraine (AP) —": a region after the place.
      const region = matchAt(PLACE_RE, s, afterComma);
      if (!region) return undefined;
      const regionWord = region[0].split(/[ \t\u00A0]/)[0].toLowerCase().replace(/\.$/, '');
      if (NOT_PLACES.has(regionWord) && !['us', 'usa', 'uk'].includes(regionWord)) return undefined;
      hasRegion = true;
      pos = afterComma + region[0].replace(/[.\-]+$/, '').length;
      const comma2 = matchAt(COMMA_RE, s, pos);
      if (comma2) {
        const d2 = tryDate(pos + comma2[0].length);
        if (d2 !== undefined) pos = d2;
      }
    }
  }

  // "LOWELL, Mass. (AP) —": the region's abbreviation keeps its full stop before the agency.
  if (hasRegion && s[pos] === '.' && matchAt(PAREN_AGENCY_RE, s, pos + 1)) pos++;
  let agency: string | undefined;
  let endPos: number | undefined;
  const slash = matchAt(SLASH_AGENCY_RE, s, pos);
  if (slash && (dateSpan || slashed || upper)) {
    agency = slash[1].trim();
    endPos = pos + slash[0].length;
  } else {
    const paren = matchAt(PAREN_AGENCY_RE, s, pos);
    const name = paren?.[1].trim();
    if (paren && name && (/^\p{Lu}/u.test(name) || LOWERCASE_AGENCIES.has(name.toLowerCase())) && name.split(/\s+/).length <= 4) {
      const after = matchAt(AFTER_AGENCY_RE, s, pos + paren[0].length);
      if (after || upper || dateSpan) {
        agency = name;
        endPos = pos + paren[0].length + (after ? after[0].length : 0);
      }
    }
    if (endPos === undefined) {
      const dash = matchAt(DASH_RE, s, pos);
      if (dash && (dateSpan || upper)) endPos = pos + dash[0].length;
    }
  }
  if (endPos === undefined) return undefined;
  // The dateline must be followed by the text it introduces (or end the paragraph).
  if (endPos < s.length && !/[\s\p{L}\p{N}"“‘'«]/u.test(s[endPos])) return undefined;
  if (hasRegion && !agency && !upper) return undefined;

  const dateline: Dateline = {
    span: { start: start + spanStart, end: start + endPos },
    place: placeText,
    placeSpan: { start: start + placeSpan.start, end: start + placeSpan.end },
  };
  if (agency) dateline.agency = agency;
  if (month !== undefined && day !== undefined) {
    dateline.month = month;
    dateline.day = day;
    if (year !== undefined) {
      dateline.year = year;
      dateline.date = isoDate(year, month, day);
      dateline.yearSource = 'dateline';
    }
  }
  const parts: DatelineParts = { dateline };
  if (dateSpan) parts.dateSpan = { start: start + dateSpan.start, end: start + dateSpan.end };
  return parts;
}

/**
 * "(Bloomberg) -- Nordvik Bank is …": an agency's one-word name in parentheses and a dash, with no
 * place (the dateline's place is empty, its span an empty one where the dateline starts).
 */
function agencyOnlyDateline(s: string, start: number, pos: number): DatelineParts | undefined {
  const paren = matchAt(PAREN_AGENCY_RE, s, pos);
  const name = paren?.[1].trim();
  if (!paren || !name || /\s/.test(name) || !(/^\p{Lu}/u.test(name) || LOWERCASE_AGENCIES.has(name.toLowerCase()))) return undefined;
  const dash = matchAt(DASH_RE, s, pos + paren[0].length);
  if (!dash) return undefined;
  const endPos = pos + paren[0].length + dash[0].length;
  if (endPos < s.length && !/[\s\p{L}\p{N}"“‘'«]/u.test(s[endPos])) return undefined;
  const at = start + pos;
  return { dateline: { span: { start: at, end: start + endPos }, place: '', placeSpan: { start: at, end: at }, agency: name } };
}

/** A month and day ("Dec. 1", "1 December"), with the year when one follows, at `at`; its length in characters. */
function monthDayAt(s: string, at: number): { month: number; day: number; year?: number; length: number } | undefined {
  const md = matchAt(DATE_MD_RE, s, at);
  const m = md ?? matchAt(DATE_DM_RE, s, at);
  if (!m) return undefined;
  const month = monthNumber(md ? m[1] : m[2]);
  const day = Number(md ? m[2] : m[1]);
  if (month === undefined || !validMonthDay(month, day)) return undefined;
  return { month, day, year: m[3] ? Number(m[3]) : undefined, length: m[0].length };
}

/**
 * "Dec. 1 (UPI) --": a month and day, an agency's name in parentheses and a dash, with no place
 * (the place is empty, its span an empty one where the dateline starts).
 */
function dateOnlyDateline(s: string, start: number, pos: number): DatelineParts | undefined {
  const date = monthDayAt(s, pos);
  if (!date) return undefined;
  const { month, day } = date;
  const dateEnd = pos + date.length;
  const paren = matchAt(PAREN_AGENCY_RE, s, dateEnd);
  const name = paren?.[1].trim();
  if (!paren || !name || /\s/.test(name) || !(/^\p{Lu}/u.test(name) || LOWERCASE_AGENCIES.has(name.toLowerCase()))) return undefined;
  // "2 March (Friday) – the meeting": a weekday, not an agency.
  if (/^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i.test(name)) return undefined;
  const dash = matchAt(DASH_RE, s, dateEnd + paren[0].length);
  if (!dash) return undefined;
  const endPos = dateEnd + paren[0].length + dash[0].length;
  if (endPos < s.length && !/[\s\p{L}\p{N}"“‘'«]/u.test(s[endPos])) return undefined;
  const at = start + pos;
  const dateline: Dateline = { span: { start: at, end: start + endPos }, place: '', placeSpan: { start: at, end: at }, agency: name, month, day };
  if (date.year !== undefined) {
    dateline.year = date.year;
    dateline.date = isoDate(date.year, month, day);
    dateline.yearSource = 'dateline';
  }
  return { dateline, dateSpan: { start: at, end: start + dateEnd } };
}

/**
 * Whether the text at `pos` may open with a date: a digit, or a word of a month's initial, an
 * optional full stop, a space and a digit ("Dec. 1", "March 3"). Read from the character codes, so
 * that most paragraphs ("MOSCOW, December 20", "The minister…") never try the date's patterns.
 */
function mayOpenWithDate(s: string, pos: number): boolean {
  const opening = s.charCodeAt(pos);
  if (opening >= 0x30 && opening <= 0x39) return true;
  if (!MONTH_INITIALS.has(opening | 0x20)) return false;
  let i = pos + 1;
  while (i < pos + 9 && ((s.charCodeAt(i) | 0x20) >= 0x61 && (s.charCodeAt(i) | 0x20) <= 0x7a)) i++;
  if (s.charCodeAt(i) === 0x2e) i++;
  const space = s.charCodeAt(i);
  const digit = s.charCodeAt(i + 1);
  return (space === 0x20 || space === 0xa0) && digit >= 0x30 && digit <= 0x39;
}

function matchAt(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

/** Month number for a month name or abbreviation ("Dec", "Dec.", "december"). */
export function monthNumber(word: string): number | undefined {
  const w = lowerCased(word);
  return MONTHS.get(w.endsWith('.') ? w.slice(0, -1) : w);
}

/** Days in each month of a leap year: a month/day without a year is valid if some year has it. */
const LEAP_YEAR_MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= LEAP_YEAR_MONTH_DAYS[month - 1];
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
