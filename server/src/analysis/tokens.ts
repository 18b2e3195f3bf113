// A hand-written tokenizer: one pass over the text, no backtracking. Words keep inner hyphens,
// apostrophes and dots ("Secretary-General", "Russia’s", "U.S"), so the rules see whole words.

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower case, with ’ made ' (for lexicon look-ups). */
  lower: string;
  isWord: boolean;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const JOINERS = new Set(['-', "'", '\u2019', '.', '\u2010', '\u2011']);

export function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  // Quotation marks, dashes and other punctuation are common and never letters: skip the regex.
  if ((c >= 0x2000 && c <= 0x206f) || c === 0xab || c === 0xbb || c === 0xa0) return false;
  return WORD_CHAR.test(ch);
}

export function isUpperInitial(word: string): boolean {
  const ch = word.charAt(0);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

const normalizeLower = (text: string): string => text.toLowerCase().replace(/\u2019/g, "'");

/** Tokens of text[start, end): words and single punctuation marks; white space is skipped. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0' || ch === '\u200b' || ch === '\ufeff') {
      i++;
      continue;
    }
    if (isWordChar(ch)) {
      let j = i + 1;
      while (j < end) {
        if (isWordChar(text[j])) j++;
        else if (JOINERS.has(text[j]) && j + 1 < end && isWordChar(text[j + 1])) j += 2;
        else break;
      }
      const word = text.slice(i, j);
      tokens.push({ start: i, end: j, text: word, lower: normalizeLower(word), isWord: true });
      i = j;
    } else {
      tokens.push({ start: i, end: i + 1, text: ch, lower: ch, isWord: false });
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

/** Folds a name for comparison: no diacritics, lower case, y ≈ i, letters and spaces only. */
export function foldName(name: string): string {
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    folded = foldNameNow(name);
    if (foldedNames.size >= FOLDED_NAMES_KEPT) foldedNames.clear();
    foldedNames.set(name, folded);
  }
  return folded;
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
