// Surnames written from another alphabet in several ways — Gaddafi, Qaddafi, Qadhafi, Kadhafi;
// Khodorkovsky, Hodorkovsky; Kowalski, Kovalski; Verbytskyi, Verbitskiy — are one surname. Each
// spelling is reduced to a skeleton of the sounds the usual romanisations agree on, and two
// surnames with one skeleton are one (identity.ts). One-letter differences are identity.ts's own
// rule already; this catches the rest: several letters apart, or a different first letter. Only
// long surnames (as the one-letter rule), and a clustering joins two people only when their first
// names are compatible too, so two real people are rarely taken for one. Pure.
import { similarSurname } from '../analysis/people';

/** Surnames shorter than this have no skeleton: too many real names lie a romanisation apart. */
const MIN_LETTERS = 6;

/** Letter pairs the romanisations write for one sound, and what each becomes, in order. */
const PAIRS: ReadonlyArray<[string, string]> = [
  ['kh', 'h'], // Khodorkovsky ~ Hodorkovsky
  ['dh', 'd'], // Qadhafi ~ Qaddafi
  ['th', 't'],
  ['gh', 'g'],
  ['ph', 'f'],
  ['ck', 'k'],
  ['ou', 'u'],
];

/** Single letters the romanisations interchange, and what each becomes. */
const LETTERS: Readonly<Record<string, string>> = { q: 'k', g: 'k', c: 'k', y: 'i', w: 'v', j: 'i', x: 'ks' };

/**
 * The skeleton of a folded surname (lower case, no accents: `foldName`), or undefined when it is
 * too short to have one.
 */
export function surnameSkeleton(folded: string): string | undefined {
  if (folded.length < MIN_LETTERS) return undefined;
  let s = folded;
  for (const [pair, one] of PAIRS) if (s.includes(pair)) s = s.split(pair).join(one);
  let out = '';
  for (const c of s) {
    const mapped = LETTERS[c] ?? c;
    // Doubled letters are one (Qaddafi ~ Kadafi), after mapping (Verbitskii ~ Verbitski).
    if (!out.endsWith(mapped)) out += mapped;
  }
  return out;
}

/** Whether clustering takes two folded surnames for one: one letter apart (long ones), or one skeleton. */
export function sameSurname(a: string, b: string): boolean {
  if (similarSurname(a, b)) return true;
  const skeleton = surnameSkeleton(a);
  return skeleton !== undefined && skeleton === surnameSkeleton(b);
}
