// Article structure: front matter, paragraphs with their roles (headline, standfirst, body,
// page furniture, captions, bylines), the dateline, and sentences with positions.
import { parseDateline } from './dateline';
import { ABBREVIATIONS, CAPTION_CREDIT, FURNITURE_PATTERNS } from './lexicon';
import { sentenceBreaks } from './sentenceBreaks';
import type { ArticleStructure, Dateline, FrontMatter, Paragraph, Sentence, Span } from './types';

export interface StructureResult {
  structure: ArticleStructure;
  dateline?: Dateline;
  /** ISO date from a date line under the byline ("March 3, 2024"). */
  bylineDate?: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Parses "March 3, 2024", "3 March 2024", "2024-03-03" (whole string) to ISO, or undefined. */
export function parseAbsoluteDate(raw: string): string | undefined {
  const text = raw.trim().replace(/^(?:published|updated|posted|date)\s*:?\s*(?:on\s+)?/i, '').replace(/^(?:[A-Z][a-z]+day,?|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?)\s+/, '');
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s].*)?$/.exec(text);
  if (m) return valid(+m[1], +m[2], +m[3]);
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b[^]{0,40}$/.exec(text);
  if (m && MONTHS[m[1].slice(0, 3).toLowerCase()]) return valid(+m[3], MONTHS[m[1].slice(0, 3).toLowerCase()], +m[2]);
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b[^]{0,40}$/.exec(text);
  if (m && MONTHS[m[2].slice(0, 3).toLowerCase()]) return valid(+m[3], MONTHS[m[2].slice(0, 3).toLowerCase()], +m[1]);
  return undefined;
}

function valid(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseFrontMatter(text: string): FrontMatter | undefined {
  const open = /^\ufeff?---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  if (!m) return undefined;
  const body = text.slice(open[0].length, m.index);
  const front: FrontMatter = { span: { start: 0, end: m.index + m[0].length } };
  for (const line of body.split(/\r?\n/)) {
    const kv = /^(\w+)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const value = kv[2].trim().replace(/^["']|["']$/g, '');
    if (kv[1] === 'title') front.title = value;
    if (kv[1] === 'date') front.date = parseAbsoluteDate(value);
  }
  return front;
}

/** Paragraph spans: each line in plain text; blank-line separated blocks in Markdown. */
function splitParagraphs(text: string, from: number, markdown: boolean): Span[] {
  const spans: Span[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  let i = from;
  const flush = () => {
    if (blockStart >= 0) spans.push({ start: blockStart, end: blockEnd });
    blockStart = -1;
  };
  // The next line feed and carriage return at or after i (text.length when none): indexOf runs
  // far faster than a loop per character, and each is searched for again only once passed.
  let nextLf = -1;
  let nextCr = -1;
  while (i <= text.length) {
    if (nextLf < i) nextLf = indexOrEnd(text, '\n', i);
    if (nextCr < i) nextCr = indexOrEnd(text, '\r', i);
    const j = Math.min(nextLf, nextCr);
    // trim the line
    let s = i;
    let e = j;
    while (s < e && isBlankCode(text.charCodeAt(s))) s++;
    while (e > s && isBlankCode(text.charCodeAt(e - 1))) e--;
    const lineIsBlank = s === e;
    const startsBlock = markdown && /^(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>)/.test(text.slice(s, Math.min(e, s + 8)));
    if (lineIsBlank) flush();
    else if (!markdown || startsBlock || (blockStart >= 0 && /^#{1,6}\s/.test(text.slice(blockStart, blockStart + 7)))) {
      flush();
      blockStart = s;
      blockEnd = e;
      if (!markdown) flush();
    } else {
      if (blockStart < 0) blockStart = s;
      blockEnd = e;
    }
    if (j >= text.length) break;
    i = text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
  }
  flush();
  return spans;
}

function indexOrEnd(text: string, ch: string, from: number): number {
  const at = text.indexOf(ch, from);
  return at < 0 ? text.length : at;
}

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x200b || c === 0xfeff || c === 0x200e || c === 0x200f;
}

/** What \s matches in a regular expression, on one UTF-16 code unit. */
function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isFurniture(line: string): boolean {
  return FURNITURE_PATTERNS.some((p) => p.test(line));
}

function isCaption(line: string): boolean {
  return line.length < 400 && CAPTION_CREDIT.test(line);
}

function isByline(line: string): boolean {
  return line.length < 120 && /^(?:By|BY|Written by|Reporting by)\s+\p{Lu}/u.test(line) && !/\b(?:said|says|told)\b/.test(line);
}

/** A headline when no dateline tells: short, and mostly capitalised words or no final stop. */
function looksLikeHeadline(line: string): boolean {
  if (line.length > 250) return false;
  if (/^#{1,6}\s/.test(line)) return true;
  const words = line.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (words.length > 0 && capitalised / words.length >= 0.6) return true;
  return !/[.!?"”’]$/.test(line) && line.length < 160;
}

/**
 * For paragraphs with characters sentenceBreaks does not know (it follows the same rules). Made
 * when first needed: making one loads ICU's sentence rules, 20-60 ms of a process's start, and
 * news copy seldom needs it (the bench's articles never do).
 */
let segmenter: Intl.Segmenter | undefined;

/**
 * ICU's sentence segmenter can take quadratic time on long runs without a clear boundary (100 KB
 * of `"…" — Name, role.` takes seconds): it sees text in pieces of at most SEGMENT_CHUNK
 * characters, cut after sentence punctuation and a space where there is one, else at a space.
 */
const SEGMENT_CHUNK = 4096;

/** The segments of `slice`, as [index, length] pairs one after the other in one array. */
function boundedSegments(slice: string): number[] {
  const segments: number[] = [];
  let from = 0;
  while (from < slice.length) {
    let to = slice.length;
    if (to - from > SEGMENT_CHUNK) {
      const window = slice.slice(from + SEGMENT_CHUNK / 2, from + SEGMENT_CHUNK);
      const punct = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
      const space = window.lastIndexOf(' ');
      const cut = punct >= 0 ? punct + 2 : space >= 0 ? space + 1 : window.length;
      to = from + SEGMENT_CHUNK / 2 + cut;
    }
    const piece = to - from === slice.length ? slice : slice.slice(from, to);
    const breaks = sentenceBreaks(piece);
    if (breaks) {
      let start = 0;
      for (const end of breaks) {
        segments.push(from + start, end - start);
        start = end;
      }
      segments.push(from + start, piece.length - start);
    } else {
      for (const seg of (segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' })).segment(piece)) segments.push(from + seg.index, seg.segment.length);
    }
    from = to;
  }
  return segments;
}

/** Sentences of one paragraph, with splits after "Mr.", "Gen.", "Dec. 5", "U.S. officials" repaired. */
function splitSentences(text: string, span: Span, paragraph: number, out: Sentence[]): void {
  // A Markdown paragraph may be wrapped over several lines; the segmenter would end a sentence
  // at every line break, so breaks are read as spaces (same length: offsets stay right).
  const slice = text.slice(span.start, span.end).replace(/[\r\n]/g, ' ');
  let pending: Span | undefined;
  let carried: number | undefined;
  const segments = boundedSegments(slice);
  for (let g = 0; g < segments.length; g += 2) {
    const segIndex = segments[g];
    const segLength = segments[g + 1];
    const start = carried ?? span.start + segIndex;
    carried = undefined;
    let end = span.start + segIndex + segLength;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    // The segmenter leaves an opening mark at the end of the sentence before it: move it on.
    // Only a sentence ending in one of those marks can have one to move (most end in a full stop).
    const opening = end > start && isOpeningMarkCode(text.charCodeAt(end - 1)) ? /\s(''|``|["\u201c\u2018\u00ab\u201e])$/.exec(text.slice(Math.max(start, end - 3), end)) : null;
    if (opening && end - opening[1].length > start && span.start + segIndex + segLength < span.end) {
      carried = end - opening[1].length;
      end = carried;
      while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    }
    if (end <= start) continue;
    if (pending) {
      // shouldJoin asks for an abbreviation's full stop at the end: without one, no need to cut the strings.
      if (text.charCodeAt(pending.end - 1) === 0x2e && shouldJoin(text.slice(pending.start, pending.end), text.slice(start, Math.min(end, start + 20)))) {
        pending = { start: pending.start, end };
        continue;
      }
      out.push({ span: pending, paragraph });
    }
    pending = { start, end };
  }
  if (pending) out.push({ span: pending, paragraph });
}

/** The last character of the marks splitSentences moves to the next sentence: ' ` " “ ‘ « „. */
function isOpeningMarkCode(c: number): boolean {
  return c === 0x27 || c === 0x60 || c === 0x22 || c === 0x201c || c === 0x2018 || c === 0xab || c === 0x201e;
}

function shouldJoin(previous: string, nextStart: string): boolean {
  // Only the last few characters can hold the abbreviation; '#' stands for "not the start".
  const tail = previous.length > 9 ? '#' + previous.slice(-9) : previous;
  const m = /(?:^|[\s(“"‘'])([A-Za-z][A-Za-z.]{0,5})\.$/.exec(tail);
  if (!m) return false;
  const abbreviation = m[1].toLowerCase();
  if (!ABBREVIATIONS.has(abbreviation)) return /^[a-z]$/i.test(abbreviation) && /^\p{Lu}/u.test(nextStart);
  if (/^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|no)$/.test(abbreviation)) return /^\d/.test(nextStart);
  if (/^(?:u\.s|u\.k|u\.n|e\.u|d\.c|u\.s\.a|a\.m|p\.m|etc|inc|corp|ltd|co|jr|sr|i\.e|e\.g)$/.test(abbreviation)) {
    return /^[a-z(]/.test(nextStart) || /^(?:President|Secretary|Senator|Sen\.|Rep\.|Gov\.|officials?|forces|troops|Army|Navy|Air|Department|State|Embassy|Ambassador|Attorney|Supreme|Court|Congress|House|Senate|government|military|intelligence)\b/.test(nextStart);
  }
  return true;
}

export interface StructureOptions {
  markdown?: boolean;
}

/** Whether an article is read as Markdown: as the options say, else when it opens with front matter. */
export function readsAsMarkdown(text: string, options: StructureOptions = {}): boolean {
  return options.markdown ?? parseFrontMatter(text) !== undefined;
}

/** Splits an article into its parts. Linear in the text. */
export function analyzeStructure(text: string, options: StructureOptions = {}): StructureResult {
  const frontMatter = parseFrontMatter(text);
  const markdown = options.markdown ?? frontMatter !== undefined;
  const spans = splitParagraphs(text, frontMatter ? frontMatter.span.end : 0, markdown);
  const paragraphs: Paragraph[] = spans.map((span) => ({ span, role: 'body' }));
  let dateline: Dateline | undefined;
  let bylineDate: string | undefined;
  let datelineIndex = -1;
  let afterByline = false;
  for (let p = 0; p < paragraphs.length; p++) {
    const span = paragraphs[p].span;
    const line = text.slice(span.start, span.end);
    const found = datelineIndex < 0 && p < 10 ? parseDateline(text, span.start, span.end) : undefined;
    if (found) {
      dateline = found;
      datelineIndex = p;
    } else if (isFurniture(line)) paragraphs[p].role = 'furniture';
    else if (isCaption(line)) paragraphs[p].role = 'caption';
    else if (isByline(line)) {
      paragraphs[p].role = 'byline';
      afterByline = true;
    } else if (line.length < 60 && parseAbsoluteDate(line) && (afterByline || p < 6)) {
      paragraphs[p].role = 'byline';
      bylineDate ??= parseAbsoluteDate(line);
    }
  }
  // Before the dateline: the headline, then standfirst lines. Without one: a headline-like first line.
  const leading = datelineIndex >= 0 ? datelineIndex : 1;
  let seenHeadline = false;
  for (let p = 0; p < leading && p < paragraphs.length; p++) {
    if (paragraphs[p].role !== 'body') continue;
    const span = paragraphs[p].span;
    const line = text.slice(span.start, span.end);
    if (!seenHeadline) {
      if (datelineIndex >= 0 || looksLikeHeadline(line)) paragraphs[p].role = 'headline';
      seenHeadline = true;
      if (/^#{1,6}\s/.test(line)) {
        const hashes = /^#{1,6}\s+/.exec(line)![0].length;
        paragraphs[p].span = { start: span.start + hashes, end: span.end };
      }
    } else paragraphs[p].role = 'standfirst';
  }
  const sentences: Sentence[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.role === 'furniture' || paragraph.role === 'caption' || paragraph.role === 'byline') return;
    splitSentences(text, paragraph.span, index, sentences);
  });
  return { structure: { frontMatter, paragraphs, sentences }, dateline, bylineDate };
}
