// A hand-written tokenizer: one pass over the text, no backtracking. Words keep inner hyphens,
// apostrophes and dots ("Secretary-General", "Russia’s", "U.S"), so the rules see whole words.

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Lower case, with ’ made ' (for lexicon look-ups). */
  readonly lower: string;
  readonly isWord: boolean;
}

/**
 * A token keeps four fields and works out its end: an article of a million marks makes a million
 * tokens, and every field is eight bytes more of each to allocate and copy.
 */
class TextToken implements Token {
  constructor(
    readonly start: number,
    readonly text: string,
    readonly lower: string,
    readonly isWord: boolean,
  ) {}

  get end(): number {
    return this.start + this.text.length;
  }
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Whether the character with this UTF-16 code is a letter, mark or digit. */
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  // Quotation marks, dashes and other punctuation are common and never letters: skip the regex.
  if ((c >= 0x2000 && c <= 0x206f) || c === 0xab || c === 0xbb || c === 0xa0) return false;
  return WORD_CHAR.test(String.fromCharCode(c));
}

export function isWordChar(ch: string): boolean {
  return isWordCode(ch.charCodeAt(0));
}

/** For a word character: a capital A-Z, or a character outside ASCII that lower-casing might change. */
function hasCase(c: number): boolean {
  return c >= 65 && (c <= 90 || c >= 128);
}

/** Marks that join two word characters into one word: hyphens, apostrophes, a dot ("U.S"). */
function isJoiner(c: number): boolean {
  return c === 0x2d || c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x2010 || c === 0x2011;
}

function isSkippedSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x200b || c === 0xfeff;
}

export function isUpperInitial(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = word.charAt(0);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Lower case with ’ made '; most words are already lower-case ASCII and come back as they are. */
function normalizeLower(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) {
      const lower = word.toLowerCase();
      return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
    }
  }
  return word;
}

/** One-character strings of the marks seen, so a text of a million marks does not make a million strings. */
const markStrings = new Map<number, string>();

/** text[i], as one shared string per character: for marks that are kept by the thousand (tokens, quotation marks). */
export function markString(text: string, i: number): string {
  const c = text.charCodeAt(i);
  let mark = markStrings.get(c);
  if (mark === undefined) {
    mark = text[i];
    if (markStrings.size < 4096) markStrings.set(c, mark);
  }
  return mark;
}

/** Tokens of text[start, end): words and single punctuation marks; white space is skipped. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  return tokenizeInto(text, start, end, []);
}

/**
 * Tokens of text[start, end) but none from the `skippable` spans (sorted, disjoint, each ending on
 * a token boundary) that hold no word at all: a paragraph of marks alone can hold no statement,
 * name or cue, and a file of a million quotation marks would otherwise make a million tokens.
 */
export function tokenizeWithoutWordlessSpans(text: string, start: number, end: number, skippable: readonly { start: number; end: number }[]): Token[] {
  const tokens: Token[] = [];
  let at = start;
  for (const span of skippable) {
    if (span.start < at || span.end > end || hasWordChar(text, span.start, span.end)) continue;
    tokenizeInto(text, at, span.start, tokens);
    at = span.end;
  }
  return tokenizeInto(text, at, end, tokens);
}

function hasWordChar(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isWordCode(text.charCodeAt(i))) return true;
  return false;
}

/** By ASCII code: 1 for a word character, 2 for a skipped space, 0 otherwise (one look-up per character on the hot path). */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASS[c] = isWordCode(c) ? 1 : isSkippedSpace(c) ? 2 : 0;

function tokenizeInto(text: string, start: number, end: number, tokens: Token[]): Token[] {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? ASCII_CLASS[c] : isSkippedSpace(c) ? 2 : isWordCode(c) ? 1 : 0;
    if (kind === 2) {
      i++;
      continue;
    }
    if (kind === 1) {
      // Whether the word has a capital, a non-ASCII letter or ’: most words have none, and are their own lower case.
      let plain = !hasCase(c);
      let j = i + 1;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (d < 128 && ASCII_CLASS[d] === 1) {
          if (d <= 90 && d >= 65) plain = false;
          j++;
        } else if (d >= 128 && isWordCode(d)) {
          plain = false;
          j++;
        } else if (isJoiner(d) && j + 1 < end && isWordCode(text.charCodeAt(j + 1))) {
          if (d === 0x2019) plain = false;
          if (hasCase(text.charCodeAt(j + 1))) plain = false;
          j += 2;
        } else break;
      }
      const word = text.slice(i, j);
      tokens.push(new TextToken(i, word, plain ? word : normalizeLower(word), true));
      i = j;
    } else {
      const mark = markString(text, i);
      tokens.push(new TextToken(i, mark, mark, false));
      i++;
    }
  }
  return tokens;
}

/** Folded names seen before: the same few names are folded again and again across a workspace. */
const foldedNames = new Map<string, string>();
const FOLDED_NAMES_KEPT = 50_000;

/** Latin letters that carry no combining mark to drop, so NFKD leaves them as they are. */
const PLAIN_LETTER: Record<string, string> = { 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ı': 'i', 'ħ': 'h', 'þ': 'th' };

/**
 * A copy of `s` that keeps no hold on the text it was cut from: a slice of an article shares the
 * article's memory, and a cache key outlives the article (50,000 keys could keep every text).
 */
export function detached(s: string): string {
  return (s + ' ').slice(0, -1);
}

/**
 * `s.toLowerCase()`, with no call for a word already in ASCII small letters (most words): on the
 * slices of a two-byte text (any article with a curly quote) the call costs several times a look
 * at the characters.
 */
export function lowerCased(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return s.toLowerCase();
  }
  return s;
}

/** Folds a name for comparison: no diacritics, lower case, y ≈ i, letters and spaces only. */
export function foldName(name: string): string {
  if (isPlainAsciiWords(name, false)) {
    // What foldNameNow makes of ASCII letters in words one space apart, without a cache look-up.
    const lower = name.toLowerCase();
    return lower.includes('y') ? lower.replace(/y/g, 'i') : lower;
  }
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    folded = foldNameNow(name);
    if (foldedNames.size >= FOLDED_NAMES_KEPT) foldedNames.clear();
    foldedNames.set(detached(name), folded);
  }
  return folded;
}

/**
 * ASCII letters (and digits, if `digits`) in words one space apart, nothing before the first or
 * after the last: most names, for which folding (here) and slugging (identity.ts) need no Unicode work.
 */
export function isPlainAsciiWords(name: string, digits: boolean): boolean {
  if (name.length === 0) return false;
  let spaceBefore = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 32) {
      if (spaceBefore) return false;
      spaceBefore = true;
    } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (digits && c >= 48 && c <= 57)) spaceBefore = false;
    else return false;
  }
  return !spaceBefore;
}

function foldNameNow(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøđðßæœıħþ]/g, (ch) => PLAIN_LETTER[ch])
    .replace(/[’']s$/, '')
    .replace(/y/g, 'i')
    // Letters of any script stay (a Cyrillic name must not fold to nothing); the rest goes.
    .replace(/[^\p{L}\s-]/gu, '')
    .replace(/[\s-]+/g, ' ')
    .trim();
}
