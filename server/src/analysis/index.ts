// The analysis core's public surface: text in, plain data out. No I/O, no editor, no protocol.
import { resolveDates } from './dates';
import { malformedQuoteMarks, unattributedQuotes, weekdayMismatches } from './diagnostics';
import { datesAfterEdit, noteDatesMadeOn } from './editedDates';
import { findQuotations } from './quotations';
import { findStatements } from './statements';
import { blankInlineMarkup } from './markdownInline';
import { analyzeStructure, readsAsMarkdown } from './structure';
import type { AnalysisOptions, ArticleAnalysis, ArticleStructure, Span } from './types';

export * from './types';
export { LineIndex } from './positions';

/**
 * Analyses one article: structure, dateline, dates, quotations, people, statements, diagnostics.
 * `previous`, an analysis of an earlier text of the article under the same options, lets an edit
 * reuse what it did not touch; the result is the same as without it.
 */
export function analyzeArticle(text: string, options: AnalysisOptions = {}, previous?: ArticleAnalysis): ArticleAnalysis {
  return analyse(text, options, previous).analysis;
}

/**
 * `analyzeArticle`, stopped after the dates when `stopAfterDates` says so of the article's
 * dateline and date: then its quotations, people, statements and diagnostics are left empty and
 * `complete` is false. For a first pass whose articles of some dates are analysed again anyway
 * (the initial index's guessed dateline years), so that it does no more than it needs of them.
 */
export function analyzeArticleUnless(
  text: string,
  options: AnalysisOptions,
  stopAfterDates: (dated: Pick<ArticleAnalysis, 'dateline' | 'articleDate'>) => boolean,
): { analysis: ArticleAnalysis; complete: boolean } {
  return analyse(text, options, undefined, stopAfterDates);
}

function analyse(
  source: string,
  options: AnalysisOptions,
  previous?: ArticleAnalysis,
  stopAfterDates?: (dated: Pick<ArticleAnalysis, 'dateline' | 'articleDate'>) => boolean,
): { analysis: ArticleAnalysis; complete: boolean } {
  // The rules read a Markdown article with its inline marks blanked out (same offsets); the
  // analysis keeps the text as written.
  const markdown = readsAsMarkdown(source, { markdown: options.markdown });
  const text = markdown ? blankInlineMarkup(source) : source;
  const { structure, dateline: rawDateline, bylineDate } = analyzeStructure(text, { markdown: options.markdown });
  const readable = readableSpans(structure);
  const dateOptions = { ...options, frontMatterDate: structure.frontMatter?.date, bylineDate };
  const dating =
    (previous && datesAfterEdit(text, readable, rawDateline, dateOptions, previous, readableSpans(previous.structure))) ??
    resolveDates(text, readable, rawDateline, dateOptions);
  if (stopAfterDates?.(dating)) {
    const { dateline, articleDate, dates } = dating;
    return { analysis: { text: source, structure, dateline, articleDate, dates, quotations: [], people: [], statements: [], diagnostics: [] }, complete: false };
  }
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
    ...weekdayMismatches(dating.dates),
  ].sort((a, b) => a.span.start - b.span.start);
  const analysis: ArticleAnalysis = {
    text: source,
    structure,
    dateline: dating.dateline,
    articleDate: dating.articleDate,
    dates: dating.dates,
    quotations,
    people,
    statements,
    diagnostics,
  };
  noteDatesMadeOn(analysis, dateOptions);
  return { analysis, complete: true };
}

/** The paragraphs whose dates are resolved: captions carry dates ("the meeting held on Monday"), though never statements. */
function readableSpans(structure: ArticleStructure): Span[] {
  return structure.paragraphs.filter((p) => p.role !== 'furniture' && p.role !== 'byline').map((p) => p.span);
}
