// Sentence boundaries by the rules of Unicode's UAX #29 (the ones ICU's sentence segmenter
// follows), in one linear pass over character codes, for text of the characters news copy is
// written in: ASCII, Latin, Greek and Cyrillic letters, the usual quotation marks, dashes and
// spaces. Text holding any other character gets no answer, and the caller asks Intl.Segmenter,
// which is several times slower: going through it for every paragraph cost more than any rule.

const enum Kind {
  Unknown,
  Other,
  Sp,
  Lower,
  Upper,
  Numeric,
  ATerm,
  STerm,
  Close,
  SContinue,
}

const NOT_CLASSIFIED = 255;
/** Kind of each UTF-16 code unit, worked out on first sight. */
const kinds = new Uint8Array(0x10000).fill(NOT_CLASSIFIED);

const UPPER = /^[\p{Uppercase}\p{Lt}]$/u;
const LOWER = /^\p{Lowercase}$/u;
const MARK = /^\p{M}$/u;

function classify(c: number): Kind {
  if (c === 0x2e) return Kind.ATerm;
  if (c === 0x21 || c === 0x3f) return Kind.STerm;
  if (c >= 0x30 && c <= 0x39) return Kind.Numeric;
  if (c >= 0x61 && c <= 0x7a) return Kind.Lower;
  if (c >= 0x41 && c <= 0x5a) return Kind.Upper;
  if (c === 9 || c === 11 || c === 12 || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000) return Kind.Sp;
  if (c === 0x2c || c === 0x2d || c === 0x3a || c === 0x3b || c === 0x2013 || c === 0x2014) return Kind.SContinue;
  if (c === 0x22 || c === 0x27 || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0xab || c === 0xbb || (c >= 0x2018 && c <= 0x201f) || c === 0x2039 || c === 0x203a) return Kind.Close;
  if (c < 0x80) return c >= 0x20 && c < 0x7f ? Kind.Other : Kind.Unknown; // line breaks and controls: ICU
  // Latin-1 signs (not the soft hyphen, a format character), general punctuation (not the
  // invisible ones), currency signs.
  if ((c >= 0xa1 && c <= 0xbf && c !== 0xad && c !== 0xaa && c !== 0xb5 && c !== 0xba) || c === 0xd7 || c === 0xf7) return Kind.Other;
  if ((c >= 0x2010 && c <= 0x2012) || c === 0x2015 || c === 0x2016 || c === 0x2017 || (c >= 0x2020 && c <= 0x2023) || c === 0x2026 || (c >= 0x2030 && c <= 0x2038) || (c >= 0x20a0 && c <= 0x20bf)) return Kind.Other;
  // Letters of Latin, Greek and Cyrillic that are upper or lower case (marks and other letters: ICU).
  if (c <= 0x52f) {
    const ch = String.fromCharCode(c);
    if (MARK.test(ch)) return Kind.Unknown; // combining marks extend the letter before them (SB5)
    if (UPPER.test(ch)) return Kind.Upper;
    if (LOWER.test(ch)) return Kind.Lower;
  }
  return Kind.Unknown;
}

function kindAt(text: string, i: number): Kind {
  const c = text.charCodeAt(i);
  let kind = kinds[c];
  if (kind === NOT_CLASSIFIED) {
    kind = classify(c);
    kinds[c] = kind;
  }
  return kind;
}

/**
 * Where sentences start in `text`, after the first (ascending offsets, none at 0 or at the end),
 * or undefined when the text holds a character these rules do not know.
 */
export function sentenceBreaks(text: string): number[] | undefined {
  const breaks: number[] = [];
  const n = text.length;
  for (let p = 0; p < n; p++) {
    const kind = kindAt(text, p);
    if (kind === Kind.Unknown) return undefined;
    if (kind !== Kind.ATerm && kind !== Kind.STerm) continue;
    // A terminator, its closing marks, its spaces (SB9, SB10: no break inside them) …
    let k = p + 1;
    let next = k < n ? kindAt(text, k) : Kind.Other;
    while (k < n && next === Kind.Close) next = ++k < n ? kindAt(text, k) : Kind.Other;
    while (k < n && next === Kind.Sp) next = ++k < n ? kindAt(text, k) : Kind.Other;
    if (k >= n) break;
    if (next === Kind.Unknown) return undefined;
    // … then a break (SB11) unless what follows continues the sentence.
    if (next === Kind.SContinue || next === Kind.ATerm || next === Kind.STerm) continue; // SB8a
    if (kind === Kind.ATerm) {
      if (k === p + 1 && next === Kind.Numeric) continue; // SB6: "3.5"
      if (k === p + 1 && next === Kind.Upper && p > 0) {
        const before = kindAt(text, p - 1);
        if (before === Kind.Upper || before === Kind.Lower) continue; // SB7: "U.S"
      }
      // SB8: a lower-case letter next, past anything but letters and terminators: "e.g. the".
      // Each look ahead stops at the next terminator, so together they read the text once.
      let m = k;
      let ahead: Kind = next;
      while (ahead === Kind.Other || ahead === Kind.Sp || ahead === Kind.Numeric || ahead === Kind.Close || ahead === Kind.SContinue) {
        ahead = ++m < n ? kindAt(text, m) : Kind.Other;
        if (m >= n) break;
      }
      if (m < n && ahead === Kind.Unknown) return undefined;
      if (m < n && ahead === Kind.Lower) continue;
    }
    breaks.push(k);
  }
  return breaks;
}
