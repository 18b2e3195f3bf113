// Expand selection (Shift+Alt+Right in VS Code) the way an editor reads an article: the word, the
// name or date it is part of, a quotation's words, the quotation with its marks, the statement with
// its speaker and cue ("“…,” Petrov said"), the sentence, the paragraph, the whole text.
import type { CancellationToken, SelectionRange, SelectionRangeParams } from 'vscode-languageserver/node';
import type { ArticleAnalysis, Span } from '../analysis/types';
import { lowerBound } from '../analysis/search';
import { rangeIn, throwIfCancelled, type FeatureContext } from './context';

export function selectionRanges(ctx: FeatureContext, params: SelectionRangeParams, token?: CancellationToken): SelectionRange[] | null {
  throwIfCancelled(token);
  const entry = ctx.index.article(params.textDocument.uri);
  if (!entry) return null;
  const lines = ctx.index.lineIndex(entry);
  return params.positions.map((position) => {
    const spans = enclosingSpans(entry.analysis, lines.offsetAt(position));
    let range: SelectionRange | undefined;
    for (let i = spans.length - 1; i >= 0; i--) range = { range: rangeIn(ctx, entry, spans[i]), ...(range ? { parent: range } : {}) };
    // A caret outside any text (past the end) still gets itself, as the protocol asks.
    return range ?? { range: { start: position, end: position } };
  });
}

/**
 * The spans around an offset, innermost first, each containing the one before it: of the pieces
 * the analysis found there, those that nest (a statement that begins mid-sentence and runs on past
 * it does not sit inside the sentence, so the chain keeps the one and drops the other).
 */
export function enclosingSpans(analysis: ArticleAnalysis, offset: number): Span[] {
  const { text } = analysis;
  // Every piece that may hold the offset; those that do not are dropped below.
  const candidates: Span[] = [];
  const word = wordAt(text, offset);
  if (word) candidates.push(word);
  for (const person of analysis.people) for (const m of person.mentions) candidates.push(m.span);
  for (const d of analysis.dates) candidates.push(d.span);
  for (const { span: q } of analysis.quotations) {
    if (q.end - q.start > 2) candidates.push({ start: q.start + 1, end: q.end - 1 });
    candidates.push(q);
  }
  for (const s of analysis.statements) {
    const quoted = s.quotation !== undefined ? analysis.quotations[s.quotation]?.span : undefined;
    const parts = [s.contentSpan, quoted, s.sourceSpan, s.cueSpan].filter((x): x is Span => x !== undefined);
    candidates.push(s.contentSpan, { start: Math.min(...parts.map((p) => p.start)), end: Math.max(...parts.map((p) => p.end)) });
  }
  const sentences = analysis.structure.sentences;
  const i = lowerBound(sentences, (s) => s.span.end < offset);
  if (i < sentences.length) candidates.push(sentences[i].span);
  for (const p of analysis.structure.paragraphs) candidates.push(p.span);
  candidates.push({ start: 0, end: text.length });

  const chain: Span[] = [];
  for (const span of candidates.filter((s) => s.start <= offset && offset <= s.end).sort((a, b) => a.end - a.start - (b.end - b.start))) {
    const last = chain[chain.length - 1];
    if (!last || (span.start <= last.start && last.end <= span.end && (span.start < last.start || span.end > last.end))) chain.push(span);
  }
  return chain;
}

/** The word (letters, digits, and apostrophes or hyphens inside them) at or just before an offset. */
function wordAt(text: string, offset: number): Span | undefined {
  const isWord = (i: number) => i >= 0 && i < text.length && /[\p{L}\p{N}]/u.test(text[i]);
  const joins = (i: number) => /['’\-]/.test(text[i] ?? '') && isWord(i - 1) && isWord(i + 1);
  let at = isWord(offset) ? offset : isWord(offset - 1) ? offset - 1 : -1;
  if (at < 0) return undefined;
  let start = at;
  while (isWord(start - 1) || joins(start - 1)) start--;
  while (isWord(at + 1) || joins(at + 1)) at++;
  return { start, end: at + 1 };
}
