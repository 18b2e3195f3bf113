// Quotation marks: pairs “ ” ‘ ’ " ' « » „ with nesting, tells apostrophes from closing single
// quotes, joins a quotation left open at a paragraph end and reopened in the next paragraph, and
// recovers from a quotation closed with the wrong mark. One pass, a small stack: linear.
import { isWordChar } from './tokens';
import type { Paragraph, Quotation, Span } from './types';

interface OpenQuote {
  start: number;
  mark: string;
  double: boolean;
  depth: number;
  /** Characters in the opening mark: 2 for '' and ``. */
  width: number;
  /** Stack index of the nearest double / single quote at or below this one (-1: none), so finding the open one is O(1). */
  lastDouble: number;
  lastSingle: number;
}

const DOUBLE_OPENERS = new Set(['\u201c', '\u00ab', '\u201e']);
const DOUBLE_CLOSERS = new Set(['\u201d', '\u00bb']);
const EXPECTED_CLOSE: Record<string, string> = { '\u201c': '\u201d', '\u00ab': '\u00bb', '\u201e': '\u201c', '"': '"', '\u2018': '\u2019', "'": "'", '\u201a': '\u2018' };
const OPENING_NEIGHBOURS = new Set(['(', '[', '{', '\u2014', '\u2013', '-', '/', ':', '\u201c', '\u2018', '"', "'", '\u00ab', '\u201e']);
const CLOSING_NEIGHBOURS = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '\u2014', '\u2013', '-', '\u201d', '\u2019', '"', "'", '\u00bb', '\u2026']);

const isSpace = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\n' || ch === '\r';

/** Finds every quotation in the readable paragraphs, in document order. */
export function findQuotations(text: string, paragraphs: readonly Paragraph[]): Quotation[] {
  const quotations: Quotation[] = [];
  const readable = paragraphs.filter((p) => p.role !== 'furniture' && p.role !== 'caption' && p.role !== 'byline');
  let carried: OpenQuote | undefined; // a double quote left open at the previous paragraph's end
  for (let p = 0; p < readable.length; p++) {
    const { start, end } = readable[p].span;
    const stack: OpenQuote[] = [];
    let i = start;
    if (carried) {
      // News style: a quote that runs on into the next paragraph reopens it with an opening mark.
      const ch = text[start];
      if (DOUBLE_OPENERS.has(ch) || ch === '"') {
        stack.push({ ...carried, lastDouble: 0, lastSingle: -1 });
        i = start + 1;
      } else {
        closeUnclosed(carried, lastNonSpace(text, readable[p - 1].span), quotations);
      }
      carried = undefined;
    }
    for (; i < end; i++) {
      let ch = text[i];
      let width = 1;
      // Typewriter doubles: '' and `` stand for a double quotation mark (old wire and NYT copy).
      if ((ch === "'" && text[i + 1] === "'") || (ch === '`' && text[i + 1] === '`')) {
        ch = '"';
        width = 2;
      }
      const prev = i > start ? text[i - 1] : undefined;
      const next = i + width < end ? text[i + width] : undefined;
      const openingContext = isSpace(prev) || OPENING_NEIGHBOURS.has(prev!);
      const closingContext = isSpace(next) || CLOSING_NEIGHBOURS.has(next!);
      const openDouble = findOpen(stack, true);
      if (ch === '"') {
        const typewriterOpen = width === 2 && text[i] === '`';
        if (openDouble >= 0 && !typewriterOpen && (closingContext || !openingContext)) close(stack, openDouble, i, ch, quotations, undefined, width);
        else if ((openingContext || typewriterOpen) && !isSpace(next)) push(stack, i, ch, true, width);
        else if (openDouble >= 0) close(stack, openDouble, i, ch, quotations, undefined, width);
        i += width - 1;
      } else if (DOUBLE_OPENERS.has(ch)) {
        const opener = openDouble >= 0 ? stack[openDouble].mark : undefined;
        if (opener === '\u201e' && ch === '\u201c') close(stack, openDouble, i, ch, quotations);
        else if (openDouble >= 0 && ch === '\u201c' && (restIsBlank(text, i + 1, end) || (isSpace(next) && !openingContext) || (!openingContext && closingContext))) {
          // “ used where ” belongs: recover, close the quotation, and report the mark.
          close(stack, openDouble, i, ch, quotations, { span: { start: i, end: i + 1 }, problem: 'wrong-closing-mark', expected: EXPECTED_CLOSE[stack[openDouble]?.mark ?? '\u201c'] ?? '\u201d' });
        } else push(stack, i, ch, true);
      } else if (DOUBLE_CLOSERS.has(ch)) {
        if (openDouble >= 0) close(stack, openDouble, i, ch, quotations);
      } else if (ch === '\u2018' || ch === '\u201a') {
        if (!(prev && isWordChar(prev))) push(stack, i, ch, false);
      } else if (ch === '\u2019' || ch === "'") {
        const apostrophe = (prev !== undefined && isWordChar(prev) && next !== undefined && isWordChar(next)) || (!isWordCharOrUndefined(prev) && next !== undefined && /[0-9]/.test(next));
        if (apostrophe) continue;
        const openSingle = findOpen(stack, false);
        if (openSingle >= 0 && openSingle === stack.length - 1 && closingContext && !(prev !== undefined && isSpace(prev))) {
          close(stack, openSingle, i, ch, quotations);
        } else if (ch === "'" && openingContext && next !== undefined && isWordChar(next)) push(stack, i, ch, false);
      }
    }
    // Open double quotes at the paragraph's end run on if the next paragraph reopens them.
    const outer = stack.find((q) => q.double);
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

function findOpen(stack: OpenQuote[], double: boolean): number {
  const top = stack[stack.length - 1];
  if (!top) return -1;
  return double ? top.lastDouble : top.lastSingle;
}

function push(stack: OpenQuote[], at: number, mark: string, double: boolean, width = 1): void {
  const top = stack[stack.length - 1];
  const index = stack.length;
  stack.push({
    start: at,
    mark,
    double,
    depth: index,
    width,
    lastDouble: double ? index : top?.lastDouble ?? -1,
    lastSingle: double ? top?.lastSingle ?? -1 : index,
  });
}

function close(stack: OpenQuote[], index: number, at: number, mark: string, out: Quotation[], malformed?: Quotation['malformed'], width = 1): void {
  const open = stack[index];
  stack.length = index; // quotes opened inside and never closed end here, unreported (they were apostrophes)
  out.push({
    span: { start: open.start, end: at + width },
    inner: { start: open.start + open.width, end: at },
    openMark: open.mark,
    closeMark: mark,
    depth: open.depth,
    malformed,
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
