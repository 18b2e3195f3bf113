// How much of one article is analysed. Analysis is linear, but an editor must stay responsive and
// a 50 MB log file named .txt is not an article: past the limit the text is not read, and both the
// command line and the language server say so. The same limit holds for files and open buffers.

/** Articles are analysed up to this many UTF-16 characters (about 500 KB of English: ten times a long feature story). */
export const MAX_ARTICLE_CHARS = 500_000;

/** A cut this close to the limit moves back to the last line break, so no paragraph is half read. */
const LINE_BREAK_WINDOW = 64 * 1024;

export interface ClippedArticle {
  /** The text to analyse: all of it, or a prefix ending at a line break or a character boundary. */
  text: string;
  truncated: boolean;
  /** Characters in the whole text. */
  fullLength: number;
}

/** The part of an article's text that is analysed (never splits a surrogate pair). */
export function clipArticle(text: string, limit = MAX_ARTICLE_CHARS): ClippedArticle {
  if (text.length <= limit) return { text, truncated: false, fullLength: text.length };
  let cut = limit;
  const lineBreak = Math.max(text.lastIndexOf('\n', limit - 1), text.lastIndexOf('\r', limit - 1));
  if (lineBreak >= 0 && limit - lineBreak <= LINE_BREAK_WINDOW) cut = lineBreak + 1;
  else if (isHighSurrogate(text.charCodeAt(cut - 1)) && isLowSurrogate(text.charCodeAt(cut))) cut--;
  return { text: text.slice(0, cut), truncated: true, fullLength: text.length };
}

/** The one-line notice for a truncated article, shared by the CLI and the editor. */
export function truncationNotice(analysedChars: number, whole: string): string {
  return `only the first ${analysedChars.toLocaleString('en-US')} characters were analysed (the limit is ${MAX_ARTICLE_CHARS.toLocaleString('en-US')}); the rest of ${whole} was not read`;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
