// Problems an editor should see: quotes nobody is named for, quotation marks that do not pair, and
// a weekday written with a date that is not that date's ("Thursday, March 5" when March 5 is a Tuesday).
// Zero false alarms on well-attributed copy matters more than recall: short scare quotes and
// titles in quotation marks are not flagged.
import type { CoreDiagnostic, DateMention, Paragraph, Quotation, Statement } from './types';

/** How the quotation reads in a message: its first words, in curly quotes. */
export function quotedWords(text: string, q: Quotation, max = 8): string {
  const inner = text.slice(q.inner.start, q.inner.end).replace(/\s+/g, ' ').trim();
  const words = inner.split(' ');
  const shown = words.length > max ? words.slice(0, max).join(' ') + '…' : inner;
  return `\u201c${shown.replace(/[,.;:]$/, '')}\u201d`;
}

export function malformedQuoteMarks(text: string, quotations: readonly Quotation[]): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [];
  quotations.forEach((q, index) => {
    if (!q.malformed) return;
    const words = quotedWords(text, q);
    const wrongMark = q.malformed.problem !== 'unclosed';
    const message = q.malformed.problem === 'wrong-closing-mark'
      ? `The quotation ${words} is closed with ${q.closeMark} instead of ${q.malformed.expected}`
      : q.malformed.problem === 'wrong-opening-mark'
        ? `The quotation ${words} is opened with ${q.openMark} instead of ${q.malformed.expected}`
        : `The quotation ${words} is never closed (expected ${q.malformed.expected})`;
    out.push({
      code: 'malformed-quote-marks',
      severity: 'warning',
      message,
      span: q.malformed.span,
      text: text.slice(q.inner.start, q.inner.end),
      data: {
        quotation: index,
        replacement: wrongMark ? q.malformed.expected : undefined,
        replaceSpan: wrongMark ? q.malformed.span : { start: q.span.end, end: q.span.end },
      },
    });
  });
  return out;
}

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** Speech rather than a term: long enough, or a sentence of its own. */
function readsAsSpeech(inner: string): boolean {
  const words = wordCount(inner);
  if (words >= 6) return !mostlyTitleCase(inner);
  return words >= 3 && /[.!?,]["”’]?\s*$/.test(inner.trim()) && !mostlyTitleCase(inner);
}

function mostlyTitleCase(inner: string): boolean {
  const words = inner.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  if (words.length === 0) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.7;
}

export function unattributedQuotes(
  text: string,
  quotations: readonly Quotation[],
  statements: readonly Statement[],
  paragraphs: readonly Paragraph[],
): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [];
  // Quotations come in document order, so one forward walk over the statements (by start) and
  // the paragraphs answers "covered?" and "in the headline?" for all of them: linear, not Q × S.
  const byStart = [...statements].sort((a, b) => a.contentSpan.start - b.contentSpan.start);
  let nextStatement = 0;
  let furthestEnd = -Infinity; // the furthest end among statements starting at or before the quote
  let paragraphIndex = 0;
  quotations.forEach((q, index) => {
    if (q.depth !== 0) return;
    while (nextStatement < byStart.length && byStart[nextStatement].contentSpan.start <= q.inner.start + 1) {
      furthestEnd = Math.max(furthestEnd, byStart[nextStatement].contentSpan.end);
      nextStatement++;
    }
    if (q.inner.end <= furthestEnd + 1) return;
    while (paragraphIndex < paragraphs.length && paragraphs[paragraphIndex].span.end <= q.span.start) paragraphIndex++;
    const paragraph = paragraphs[paragraphIndex];
    if (paragraph && paragraph.span.start <= q.span.start && paragraph.role === 'headline') return;
    const inner = text.slice(q.inner.start, q.inner.end);
    if (!readsAsSpeech(inner)) return;
    out.push({
      code: 'unattributed-quote',
      severity: 'warning',
      message: `Nobody is named for the quote ${quotedWords(text, q)}`,
      span: q.span,
      text: inner,
      data: { quotation: index },
    });
  });
  return out;
}

/** A date whose weekday is not its day's: a slip a fact-checker wants to see ("Thursday, March 5, 2024"). */
export function weekdayMismatches(dates: readonly DateMention[]): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [];
  for (const d of dates) {
    // A day and month are written ("Sunday" alone, which chrono can tie to "now", is no date to check).
    if (!d.weekdayMismatch || !/\d/.test(d.text)) continue;
    const diagnostic: CoreDiagnostic = { code: 'weekday-mismatch', severity: 'warning', message: `\u201c${d.text}\u201d: ${d.weekdayMismatch.message}`, span: d.span, text: d.text };
    // The fix puts the day's own weekday in place of the written one, when it is written in full.
    const written = WEEKDAY_NAME.exec(d.text);
    if (written) diagnostic.data = { replacement: d.weekdayMismatch.actual, replaceSpan: { start: d.span.start + written.index, end: d.span.start + written.index + written[0].length } };
    out.push(diagnostic);
  }
  return out;
}

const WEEKDAY_NAME = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;
