// Which articles are read as Markdown: a `.md` (`.markdown`, `.mdx`) file always, whether or not it
// opens with front matter (the core's own test, for text that comes without a name).
import type { AnalysisOptions } from '../analysis/types';
import { isMarkdown } from './ignoreMarkers';

/** The analysis options for one article: Markdown when its name says so and the options do not say otherwise. */
export function optionsForArticle(uri: string, options: AnalysisOptions): AnalysisOptions {
  return options.markdown === undefined && isMarkdown(uri, undefined) ? { ...options, markdown: true } : options;
}
