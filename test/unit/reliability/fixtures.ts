// Articles written for the reliability tests (not from any corpus), and small helpers.
import type { Span } from '../../../server/src/analysis/types';

/** A short wire story: dateline, direct and indirect statements, a pronoun, a role noun. */
export const STORY = [
  'Harbour board delays vote on new ferry pier',
  'TALLINN, March 4 (Reuters) - The harbour board postponed its vote on the new ferry pier on Monday.',
  '"We need another month to read the engineers\' report," board chair Liis Tamm said.',
  'Union leader Mart Oja said the delay would cost the port its summer timetable.',
  '"Every week we wait is a week of lost sailings," he told reporters.',
  'The chair said the board would meet again on April 2.',
].join('\n');

/** The article with every line break replaced by `eol`. */
export function withLineEnds(text: string, eol: string): string {
  return text.replace(/\n/g, eol);
}

/** A string of `length` characters made by repeating `piece`. */
export function repeatTo(piece: string, length: number): string {
  return piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
}

/** Every span an analysis hands out, with a name for messages. */
export function spansOf(analysis: import('../../../server/src/analysis/types').ArticleAnalysis): Array<[string, Span]> {
  const out: Array<[string, Span]> = [];
  analysis.structure.paragraphs.forEach((p, i) => out.push([`paragraph ${i}`, p.span]));
  analysis.structure.sentences.forEach((s, i) => out.push([`sentence ${i}`, s.span]));
  if (analysis.dateline) out.push(['dateline', analysis.dateline.span]);
  analysis.dates.forEach((d, i) => out.push([`date ${i}`, d.span]));
  analysis.quotations.forEach((q, i) => {
    out.push([`quotation ${i}`, q.span], [`quotation ${i} inner`, q.inner]);
    if (q.malformed) out.push([`quotation ${i} malformed`, q.malformed.span]);
  });
  analysis.people.forEach((p, i) => p.mentions.forEach((m, j) => out.push([`person ${i} mention ${j}`, m.span])));
  analysis.statements.forEach((s, i) => {
    out.push([`statement ${i} content`, s.contentSpan]);
    if (s.sourceSpan) out.push([`statement ${i} source`, s.sourceSpan]);
    if (s.cueSpan) out.push([`statement ${i} cue`, s.cueSpan]);
  });
  analysis.diagnostics.forEach((d, i) => out.push([`diagnostic ${i}`, d.span]));
  return out;
}

/** Problems with a span: outside the text, reversed, or splitting a surrogate pair. */
export function spanProblem(text: string, span: Span): string | undefined {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `not integers: ${start}..${end}`;
  if (start < 0 || end > text.length || start > end) return `outside the text (length ${text.length}): ${start}..${end}`;
  const splits = (at: number) => at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
  if (splits(start) || splits(end)) return `splits a surrogate pair: ${start}..${end}`;
  return undefined;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
