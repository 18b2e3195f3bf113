// The analysis core's public surface: text in, plain data out. No I/O, no editor, no protocol.
import type { AnalysisOptions, ArticleAnalysis } from './types';

export * from './types';
export { LineIndex } from './positions';

/** Analyses one article: structure, dateline, dates, quotations, people, statements, diagnostics. */
export function analyzeArticle(text: string, options: AnalysisOptions = {}): ArticleAnalysis {
  void options;
  return { text, structure: { paragraphs: [], sentences: [] }, dates: [], quotations: [], people: [], statements: [], diagnostics: [] };
}
