// "Ignore this quote": a marker at the end of a paragraph silences Attribution Lens diagnostics in
// that paragraph. It is text in the article, so it survives reformatting and travels with the file:
//   Markdown:    <!-- attribution-lens-ignore -->        (invisible when rendered)
//   plain text:  [attribution-lens-ignore]
// Either form may name rules to silence only those: <!-- attribution-lens-ignore unattributed-quote -->.
// A paragraph is the core's paragraph; in Markdown, the whole blank-line separated block, so that
// re-wrapping a paragraph cannot separate the marker from the quote.
import type { ArticleAnalysis, Span } from '../analysis/types';

const MARKER = /(?:<!--\s*|\[)attribution-lens-ignore\b([^\]>]*?)\s*(?:-->|\])/gi;

/** The marker the code action inserts for a document of this language or file name. */
export function ignoreMarkerFor(markdown: boolean, rule?: string): string {
  const body = rule ? `attribution-lens-ignore ${rule}` : 'attribution-lens-ignore';
  return markdown ? `<!-- ${body} -->` : `[${body}]`;
}

/** Whether an article is Markdown, by language id or file name. */
export function isMarkdown(uri: string, languageId: string | undefined): boolean {
  if (languageId) return languageId === 'markdown';
  return /\.(md|markdown|mdx)$/i.test(uri);
}

/** The paragraph holding an offset (see the file comment for what counts as one). */
export function paragraphAt(analysis: ArticleAnalysis, offset: number, markdown: boolean): Span {
  const text = analysis.text;
  const core = analysis.structure.paragraphs.find((p) => p.span.start <= offset && offset < p.span.end)?.span;
  if (core && !markdown) return core;
  // Blank-line block around the offset.
  const blank = /\r?\n[ \t]*\r?\n/g;
  let start = 0;
  let end = text.length;
  let m: RegExpExecArray | null;
  while ((m = blank.exec(text))) {
    if (m.index + m[0].length <= offset) start = m.index + m[0].length;
    else if (m.index >= offset) {
      end = m.index;
      break;
    }
  }
  if (core) {
    start = Math.min(start, core.start);
    end = Math.max(end, core.end);
  }
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** Whether a diagnostic of `rule` at `span` is silenced by a marker in its paragraph. */
export function isIgnored(analysis: ArticleAnalysis, span: Span, rule: string, markdown: boolean): boolean {
  const p = paragraphAt(analysis, span.start, markdown);
  const slice = analysis.text.slice(p.start, p.end);
  MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER.exec(slice))) {
    const rules = m[1].split(/[\s,:]+/).filter(Boolean);
    if (rules.length === 0 || rules.includes(rule)) return true;
  }
  return false;
}
