// The analysis core's public surface: text in, plain data out. No I/O, no editor, no protocol.
import { resolveDates } from './dates';
import { malformedQuoteMarks, unattributedQuotes } from './diagnostics';
import { findQuotations } from './quotations';
import { findStatements } from './statements';
import { analyzeStructure } from './structure';
import type { AnalysisOptions, ArticleAnalysis, Span } from './types';

export * from './types';
export { LineIndex } from './positions';

/** Analyses one article: structure, dateline, dates, quotations, people, statements, diagnostics. */
export function analyzeArticle(text: string, options: AnalysisOptions = {}): ArticleAnalysis {
  const { structure, dateline: rawDateline, bylineDate } = analyzeStructure(text, { markdown: options.markdown });
  // Captions carry dates worth resolving ("the meeting held on Monday"), though never statements.
  const readable: Span[] = structure.paragraphs
    .filter((p) => p.role !== 'furniture' && p.role !== 'byline')
    .map((p) => p.span);
  const dating = resolveDates(text, readable, rawDateline, {
    ...options,
    frontMatterDate: structure.frontMatter?.date,
    bylineDate,
  });
  const quotations = findQuotations(text, structure.paragraphs);
  const { people, statements } = findStatements({
    text,
    structure,
    quotations,
    dates: dating.dates,
    articleDate: dating.articleDate?.value,
    extraCueVerbs: options.extraCueVerbs,
    bodyStart: dating.dateline?.span.end ?? 0,
  });
  const diagnostics = [
    ...malformedQuoteMarks(text, quotations),
    ...unattributedQuotes(text, quotations, statements, structure.paragraphs),
  ].sort((a, b) => a.span.start - b.span.start);
  return {
    text,
    structure,
    dateline: dating.dateline,
    articleDate: dating.articleDate,
    dates: dating.dates,
    quotations,
    people,
    statements,
    diagnostics,
  };
}
