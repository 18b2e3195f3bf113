// Helpers for the core's unit tests: build an article from lines, read spans back as text.
import { analyzeArticle, type AnalysisOptions, type ArticleAnalysis, type Span, type Statement } from '../../../server/src/analysis';

/** Joins lines with newlines (one paragraph per line, as wire copy arrives) and analyses them. */
export function article(lines: readonly string[], options: AnalysisOptions = {}): ArticleAnalysis {
  return analyzeArticle(lines.join('\n') + '\n', { today: '2026-06-01', ...options });
}

/** The text a span covers, or undefined. */
export function spanText(a: ArticleAnalysis, span: Span | undefined): string | undefined {
  return span ? a.text.slice(span.start, span.end) : undefined;
}

/** A statement as the tests compare it: who, how, the cue, the content, and the spans as text. */
export function summary(a: ArticleAnalysis, s: Statement) {
  return {
    speaker: s.speaker,
    kind: s.kind,
    cue: s.cue,
    text: s.text,
    source: spanText(a, s.sourceSpan),
    cueText: spanText(a, s.cueSpan),
  };
}

/** The statement whose content contains these words. */
export function statementWith(a: ArticleAnalysis, words: string): Statement | undefined {
  return a.statements.find((s) => s.text.includes(words));
}

/** The roles of the paragraphs, with their text. */
export function roles(a: ArticleAnalysis): [string, string][] {
  return a.structure.paragraphs.map((p) => [p.role, a.text.slice(p.span.start, p.span.end)]);
}

/** The sentences as text. */
export function sentences(a: ArticleAnalysis): string[] {
  return a.structure.sentences.map((s) => a.text.slice(s.span.start, s.span.end));
}
