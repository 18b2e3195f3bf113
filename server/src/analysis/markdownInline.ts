// Markdown's inline markup, blanked out for the rules: `said **Olwen Treharne**, the chair` is read
// as `said   Olwen Treharne  , the chair`, `[the Harbour Trust](https://…) said` as the name alone,
// `_"It is a sad day,"_ she added` as the quotation. Every mark becomes a space, so every offset
// stays the text's own (ranges, hovers and edits need no mapping). One pass, linear: a link's
// brackets are looked for only up to a bounded distance, never by backtracking.

/** How far a link's text or destination may run before the brackets are taken for plain text. */
const LINK_REACH = 400;

/**
 * The text with Markdown's inline marks as spaces: emphasis (`*`, `_` at a word's edge), code
 * backticks, link and image brackets with their destinations (`[text](url)`, `![alt](url)`,
 * `[text][ref]`), autolinks (`<https://…>`), HTML tags (not comments, which carry ignore markers)
 * and backslash escapes. Block marks (headings, list bullets, quote marks `>`) are left for the
 * structure to read.
 */
export function blankInlineMarkup(text: string): string {
  let out: string[] | undefined;
  let copiedTo = 0;
  const blank = (start: number, end: number) => {
    out ??= [];
    if (start > copiedTo) out.push(text.slice(copiedTo, start));
    out.push(' '.repeat(end - start));
    copiedTo = end;
  };
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */ && i + 1 < text.length && isPunctuation(text.charCodeAt(i + 1))) {
      blank(i, i + 1);
      i += 2;
    } else if (c === 0x2a /* * */ || c === 0x5f /* _ */) {
      let end = i;
      while (end < text.length && text.charCodeAt(end) === c && end - i < 3) end++;
      if (isEmphasisRun(text, i, end, c === 0x5f)) blank(i, end);
      i = end;
    } else if (c === 0x60 /* ` */) {
      blank(i, i + 1);
      i++;
    } else if (c === 0x5b /* [ */ || (c === 0x21 /* ! */ && text.charCodeAt(i + 1) === 0x5b)) {
      const open = c === 0x21 ? i + 1 : i;
      const link = linkAt(text, open);
      if (link) {
        blank(i, open + 1);
        blank(link.textEnd, link.end);
        i = link.end;
      } else i = open + 1;
    } else if (c === 0x3c /* < */) {
      const end = tagEnd(text, i);
      if (end > i) blank(i, end);
      i = Math.max(end, i + 1);
    } else i++;
  }
  if (!out) return text;
  out.push(text.slice(copiedTo));
  return out.join('');
}

/**
 * Whether a run of `*` or `_` is emphasis: it touches a word on one side and has no space on that
 * side (CommonMark's flanking), and an underscore is not inside a word (`snake_case`). A lone
 * `*` between spaces (a list bullet, "5 * 3") is not.
 */
function isEmphasisRun(text: string, start: number, end: number, underscore: boolean): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 0x20;
  const after = end < text.length ? text.charCodeAt(end) : 0x20;
  const opens = !isSpace(after);
  const closes = !isSpace(before);
  if (!opens && !closes) return false;
  if (underscore && isWordCode(before) && isWordCode(after)) return false;
  return true;
}

/** `[text](destination)` or `[text][label]` starting at `open`: where its text ends and the whole ends. */
function linkAt(text: string, open: number): { textEnd: number; end: number } | undefined {
  const limit = Math.min(text.length, open + LINK_REACH);
  let close = -1;
  for (let j = open + 1; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5d /* ] */) {
      close = j;
      break;
    }
    if (c === 0x5b || (c === 0x0a && text.charCodeAt(j + 1) === 0x0a)) return undefined; // nested, or the paragraph ended
  }
  if (close < 0) return undefined;
  const next = text.charCodeAt(close + 1);
  const closer = next === 0x28 /* ( */ ? 0x29 : next === 0x5b /* [ */ ? 0x5d : -1;
  if (closer < 0) return undefined;
  const reach = Math.min(text.length, close + 2 + LINK_REACH);
  for (let j = close + 2; j < reach; j++) {
    const c = text.charCodeAt(j);
    if (c === closer) return { textEnd: close, end: j + 1 };
    if (c === 0x0a) return undefined;
  }
  return undefined;
}

/** The end of an autolink or HTML tag opening at `start` (`<https://…>`, `<br>`, `</em>`), else `start`; comments stay. */
function tagEnd(text: string, start: number): number {
  const first = text.charCodeAt(start + 1);
  const isTag = (first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a) || first === 0x2f /* / */;
  if (!isTag) return start;
  const limit = Math.min(text.length, start + LINK_REACH);
  for (let j = start + 1; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x3e /* > */) return j + 1;
    if (c === 0x3c || c === 0x0a) return start;
  }
  return start;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0;
}

/** Letters and digits, roughly: ASCII ones, and anything past Latin-1's symbols that is not general punctuation (quotation marks, dashes). */
function isWordCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && !(c >= 0x2000 && c <= 0x206f));
}

/** ASCII punctuation, which a backslash escapes in Markdown. */
function isPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}
