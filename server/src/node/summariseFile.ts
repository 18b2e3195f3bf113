// One article file read, analysed and summarised as the initial index does it, in an index worker
// (analysisWorker.ts) or in the server's own thread: the same function in both, so that the two
// give the same summaries.
import type * as AnalysisModule from '../analysis';
import type { AnalysisOptions } from '../analysis/types';
import { cachedArticle, type CachedArticle } from '../workspace/analysisCache';
import { summarizeArticle, yearGuessed } from '../workspace/articleSummary';
import { optionsForArticle } from '../workspace/markdownArticles';
import { fileKeyOf } from './indexStore';
import { readArticleSync } from './readArticle';

let analyser: typeof AnalysisModule | undefined;

/**
 * A closed article's cache entry (its summary and file key), or why there is none (unreadable, or
 * analysis failed). In the initial index's first pass (`firstPass`), an article whose dateline
 * year is guessed is analysed only up to its dates — all the first pass reads of it (whether it
 * is guessed, and its date for the other articles' workspace dates), since the second pass
 * analyses it again with every article's date; its summary names nobody until then.
 */
export function summariseFile(uri: string, file: string, options: AnalysisOptions, firstPass = false): { entry: CachedArticle } | { problem: string } {
  try {
    const read = readArticleSync(file);
    if (!read.ok) return { problem: read.reason };
    const key = fileKeyOf(read.text, read.size, read.mtimeMs ?? 0, read.utf8);
    // Loaded on first use, as the workspace model does: a warm start that restores everything never needs it.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    analyser ??= require('../analysis') as typeof AnalysisModule;
    const own = optionsForArticle(uri, options);
    const analysis = firstPass
      ? analyser.analyzeArticleUnless(read.text, own, (dated) => yearGuessed({ hasDateline: !!dated.dateline, articleDate: dated.articleDate })).analysis
      : analyser.analyzeArticle(read.text, own);
    return { entry: cachedArticle(summarizeArticle(uri, analysis, false), key, undefined, read.truncated) };
  } catch (err) {
    return { problem: String((err as Error)?.message ?? err) };
  }
}
