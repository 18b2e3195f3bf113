// Quotation marks: pairs “ ” ‘ ’ " ' « » „ with nesting, tells apostrophes from closing single
// quotes, joins a quotation left open at a paragraph end and reopened in the next paragraph, and
// recovers from a quotation opened or closed with the wrong mark. One pass, a small stack: linear.
import { isWordChar, markString } from './tokens';
import type { Paragraph, Quotation, Span } from './types';

interface OpenQuote {
  start: number;
  mark: string;
  double: boolean;
  depth: number;
  /** Characters in the opening mark: 2 for '' and ``. */
  width: number;
  /** Opened with a closing mark (”Fear …”): reported when the quotation closes. */
  wrongMark?: boolean;
}

const DOUBLE_OPENERS = new Set(['\u201c', '\u00ab', '\u201e']);
const DOUBLE_CLOSERS = new Set(['\u201d', '\u00bb']);
const EXPECTED_CLOSE: Record<string, string> = { '\u201c': '\u201d', '\u00ab': '\u00bb', '\u201e': '\u201c', '"': '"', '\u2018': '\u2019', "'": "'", '\u201a': '\u2018' };
const OPENING_NEIGHBOURS = new Set(['(', '[', '{', '\u2014', '\u2013', '-', '/', ':', '\u201c', '\u2018', '"', "'", '\u00ab', '\u201e']);
const CLOSING_NEIGHBOURS = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '\u2014', '\u2013', '-', '\u201d', '\u2019', '"', "'", '\u00bb', '\u2026']);

/** Every character the loop below acts on, as a table by code (all are below U+2020): a lookup per character of the text. */
const QUOTE_CHARS = new Uint8Array(0x2020);
for (const c of '"\'`\u201c\u00ab\u201e\u201d\u00bb\u2018\u201a\u2019') QUOTE_CHARS[c.charCodeAt(0)] = 1;

const isSpace = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\n' || ch === '\r';

/** Finds every quotation in the readable paragraphs, in document order. */
export function findQuotations(text: string, paragraphs: readonly Paragraph[]): Quotation[] {
  const quotations: Quotation[] = [];
  const readable = paragraphs.filter((p) => p.role !== 'furniture' && p.role !== 'caption' && p.role !== 'byline');
  let carried: OpenQuote | undefined; // a double quote left open at the previous paragraph's end
  // The last character that is not a mark: a quotation with nothing but marks inside it ("" or a
  // run of stray marks) quotes no words and is not kept, so text made of marks stays cheap.
  const seen = { lastContentAt: -1 };
  const stack = SHARED_STACK;
  stack.truncate(0);
  for (let p = 0; p < readable.length; p++) {
    const { start, end } = readable[p].span;
    stack.truncate(0);
    let i = start;
    let afterLastMark = start;
    if (carried) {
      // News style: a quote that runs on into the next paragraph reopens it with an opening mark.
      const ch = text[start];
      if (DOUBLE_OPENERS.has(ch) || ch === '"') {
        stack.push(carried);
        i = start + 1;
        afterLastMark = i;
      } else {
        closeUnclosed(carried, lastNonSpace(text, readable[p - 1].span), quotations);
      }
      carried = undefined;
    }
    for (; i < end; i++) {
      // Most characters are not marks: skip them before any context is worked out. The bound is
      // checked first: a read past the table's end (any character from U+2020) is twice as slow.
      const code = text.charCodeAt(i);
      if (code >= QUOTE_CHARS.length || QUOTE_CHARS[code] !== 1) continue;
      if (i > afterLastMark) seen.lastContentAt = i - 1;
      let ch = markString(text, i);
      let width = 1;
      // Typewriter doubles: '' and `` stand for a double quotation mark (old wire and NYT copy).
      if ((ch === "'" && text[i + 1] === "'") || (ch === '`' && text[i + 1] === '`')) {
        ch = '"';
        width = 2;
      }
      afterLastMark = i + width;
      const prev = i > start ? text[i - 1] : undefined;
      const next = i + width < end ? text[i + width] : undefined;
      const openingContext = isSpace(prev) || OPENING_NEIGHBOURS.has(prev!);
      const closingContext = isSpace(next) || CLOSING_NEIGHBOURS.has(next!);
      const openDouble = stack.topIndex(true);
      if (ch === '"') {
        const typewriterOpen = width === 2 && text[i] === '`';
        if (openDouble >= 0 && !typewriterOpen && (closingContext || !openingContext)) close(stack, openDouble, i, ch, quotations, seen, undefined, width);
        else if ((openingContext || typewriterOpen) && !isSpace(next)) push(stack, i, ch, true, width);
        else if (openDouble >= 0) close(stack, openDouble, i, ch, quotations, seen, undefined, width);
        i += width - 1;
      } else if (DOUBLE_OPENERS.has(ch)) {
        const opener = openDouble >= 0 ? stack.markAt(openDouble) : undefined;
        if (opener === '\u201e' && ch === '\u201c') close(stack, openDouble, i, ch, quotations, seen);
        else if (openDouble >= 0 && ch === '\u201c' && (restIsBlank(text, i + 1, end) || (isSpace(next) && !openingContext) || (!openingContext && closingContext))) {
          // “ used where ” belongs: recover, close the quotation, and report the mark.
          close(stack, openDouble, i, ch, quotations, seen, { span: { start: i, end: i + 1 }, problem: 'wrong-closing-mark', expected: EXPECTED_CLOSE[stack.markAt(openDouble)] ?? '\u201d' });
        } else push(stack, i, ch, true);
      } else if (DOUBLE_CLOSERS.has(ch)) {
        if (openDouble >= 0) close(stack, openDouble, i, ch, quotations, seen);
        // ”Fear is what I feel.” — a closing mark with nothing open, after a space and before a word,
        // can only open a quotation: recover, and report the mark when the quotation closes.
        else if (ch === '\u201d' && openingContext && next !== undefined && isWordChar(next)) stack.push({ start: i, mark: ch, double: true, depth: stack.length, width: 1, wrongMark: true });
      } else if (ch === '\u2018' || ch === '\u201a') {
        if (!(prev && isWordChar(prev))) push(stack, i, ch, false);
      } else if (ch === '\u2019' || ch === "'") {
        const apostrophe = (prev !== undefined && isWordChar(prev) && next !== undefined && isWordChar(next)) || (!isWordCharOrUndefined(prev) && next !== undefined && /[0-9]/.test(next));
        if (apostrophe) continue;
        const openSingle = stack.topIndex(false);
        if (openSingle >= 0 && openSingle === stack.length - 1 && closingContext && !(prev !== undefined && isSpace(prev))) {
          close(stack, openSingle, i, ch, quotations, seen);
        } else if (ch === "'" && openingContext && next !== undefined && isWordChar(next)) push(stack, i, ch, false);
      }
    }
    // Open double quotes at the paragraph's end run on if the next paragraph reopens them.
    const outer = stack.firstDouble();
    if (outer) {
      const nextParagraph = readable[p + 1];
      const reopens = nextParagraph && (DOUBLE_OPENERS.has(text[nextParagraph.span.start]) || text[nextParagraph.span.start] === '"');
      if (reopens && outer.depth === 0) carried = outer;
      else closeUnclosed(outer, lastNonSpace(text, readable[p].span), quotations);
    }
  }
  if (carried) closeUnclosed(carried, text.length, quotations);
  quotations.sort((a, b) => a.span.start - b.span.start);
  return quotations;
}

function isWordCharOrUndefined(ch: string | undefined): boolean {
  return ch !== undefined && isWordChar(ch);
}

function restIsBlank(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (!isSpace(text[i])) return false;
  return true;
}

function lastNonSpace(text: string, span: Span): number {
  let e = span.end;
  while (e > span.start && isSpace(text[e - 1])) e--;
  return e;
}

/** More open quotes than any real paragraph holds at once. */
const MAX_OPEN_QUOTES = 256;

/**
 * The open quotes of a paragraph, with the positions of the double and the single ones kept
 * apart, so that finding the innermost open double (or single) quote takes constant time even
 * when a run of stray marks has piled up on the stack.
 */
class QuoteStack {
  // Typed arrays of a fixed size, one per field, rather than an object per open quote; one stack
  // serves every paragraph. `size` and the two index lists say what is live.
  private readonly starts = new Int32Array(MAX_OPEN_QUOTES);
  private readonly depths = new Int32Array(MAX_OPEN_QUOTES);
  private readonly widths = new Uint8Array(MAX_OPEN_QUOTES);
  private readonly isDouble = new Uint8Array(MAX_OPEN_QUOTES);
  private readonly markCodes = new Uint16Array(MAX_OPEN_QUOTES);
  private readonly wrongMarks = new Uint8Array(MAX_OPEN_QUOTES);
  private size = 0;
  private readonly doubles: number[] = [];
  private readonly singles: number[] = [];

  get length(): number {
    return this.size;
  }

  at(index: number): OpenQuote {
    return { start: this.starts[index], mark: this.markAt(index), double: this.isDouble[index] === 1, depth: this.depths[index], width: this.widths[index], wrongMark: this.wrongMarks[index] === 1 };
  }

  markAt(index: number): string {
    return charString(this.markCodes[index]);
  }

  push(quote: OpenQuote): void {
    this.open(quote.start, quote.mark, quote.double, quote.depth, quote.width, quote.wrongMark);
  }

  open(start: number, mark: string, double: boolean, depth: number, width: number, wrongMark = false): void {
    // Real copy nests quotations a few levels deep; past that, marks are strays (a paragraph of a
    // million “) and are not worth a place: the stack, and the time spent on it, stay bounded.
    if (this.size >= MAX_OPEN_QUOTES) return;
    (double ? this.doubles : this.singles).push(this.size);
    const i = this.size++;
    this.starts[i] = start;
    this.markCodes[i] = mark.charCodeAt(0);
    this.isDouble[i] = double ? 1 : 0;
    this.depths[i] = depth;
    this.widths[i] = width;
    this.wrongMarks[i] = wrongMark ? 1 : 0;
  }

  /** Drops the quote at `length` and every quote opened after it. */
  truncate(length: number): void {
    this.size = Math.min(this.size, length);
    while (this.doubles.length > 0 && this.doubles[this.doubles.length - 1] >= length) this.doubles.pop();
    while (this.singles.length > 0 && this.singles[this.singles.length - 1] >= length) this.singles.pop();
  }

  /** Index of the innermost open double (or single) quote, or -1. */
  topIndex(double: boolean): number {
    const list = double ? this.doubles : this.singles;
    return list.length > 0 ? list[list.length - 1] : -1;
  }

  firstDouble(): OpenQuote | undefined {
    return this.doubles.length > 0 ? this.at(this.doubles[0]) : undefined;
  }
}

/** One stack for every call (findQuotations is never re-entered): six typed arrays per article cost more than the pairing. */
const SHARED_STACK = new QuoteStack();

/** The one-character mark strings (a quotation mark is always one character). */
const charStrings = new Map<number, string>();
function charString(code: number): string {
  let ch = charStrings.get(code);
  if (ch === undefined) charStrings.set(code, (ch = String.fromCharCode(code)));
  return ch;
}

function push(stack: QuoteStack, at: number, mark: string, double: boolean, width = 1): void {
  stack.open(at, mark, double, stack.length, width);
}

function close(stack: QuoteStack, index: number, at: number, mark: string, out: Quotation[], seen: { lastContentAt: number }, malformed?: Quotation['malformed'], width = 1): void {
  const open = stack.at(index);
  stack.truncate(index); // quotes opened inside and never closed end here, unreported (they were apostrophes)
  if (seen.lastContentAt < open.start + open.width && !malformed && !open.wrongMark) return;
  out.push({
    span: { start: open.start, end: at + width },
    inner: { start: open.start + open.width, end: at },
    openMark: open.mark,
    closeMark: mark,
    depth: open.depth,
    malformed: malformed ?? (open.wrongMark ? { span: { start: open.start, end: open.start + 1 }, problem: 'wrong-opening-mark', expected: '\u201c' } : undefined),
  });
}

function closeUnclosed(open: OpenQuote, end: number, out: Quotation[]): void {
  out.push({
    span: { start: open.start, end },
    inner: { start: open.start + open.width, end },
    openMark: open.mark,
    closeMark: '',
    depth: open.depth,
    malformed: { span: { start: open.start, end: open.start + 1 }, problem: 'unclosed', expected: EXPECTED_CLOSE[open.mark] ?? '\u201d' },
  });
}
