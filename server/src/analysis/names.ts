// Capitalised runs of words, split into a title/role part and a name part:
// "Russian Deputy Foreign Minister Alexander Grushko" → role "Russian Deputy Foreign Minister",
// name "Alexander Grushko". Runs never cross a paragraph and skip sentence openers ("The", "But").
import { CUE_VERBS, NAME_PARTICLES, NON_NAME_WORDS, ORGANIZATION_WORDS, TITLE_WORDS } from './lexicon';
import { isUpperInitial, type Token } from './tokens';

export interface NameRun {
  /** Token indexes [first, last). */
  first: number;
  last: number;
  /** Index of the first token of the name part (=== last when the run is all title). */
  nameFirst: number;
  start: number;
  end: number;
  /** Offsets of the name part. */
  nameStart: number;
  nameEnd: number;
  name: string;
  /** nameWords(name). */
  words: string[];
  role: string;
  possessive: boolean;
  organization: boolean;
}

/**
 * A run made by a constructor rather than an object literal: runs live to the end of the article's
 * analysis, and V8 sends what a literal site makes straight to the old generation once most of it
 * outlives a scavenge. Same fields, same order, as the NameRun interface.
 */
class FoundNameRun implements NameRun {
  constructor(
    public first: number,
    public last: number,
    public nameFirst: number,
    public start: number,
    public end: number,
    public nameStart: number,
    public nameEnd: number,
    public name: string,
    public words: string[],
    public role: string,
    public possessive: boolean,
    public organization: boolean,
  ) {}
}

const POSSESSIVE = /[’']s$/;
/** Titles British and Irish news writes after a name: "Rachel Moorby MP". Lower case. */
const POST_NOMINALS = new Set(['mp', 'mep', 'msp', 'qc', 'kc', 'mla']);

/** POSSESSIVE.test(word), without the regex: this runs per capitalised word. */
function isPossessive(word: string): boolean {
  return word.endsWith("'s") || word.endsWith('\u2019s');
}
const TITLE_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'gen', 'sen', 'sens', 'rep', 'reps', 'gov', 'govs', 'lt', 'col', 'prof', 'rev', 'sgt', 'capt', 'adm', 'maj', 'cmdr', 'hon', 'supt', 'insp', 'det', 'atty', 'cpl', 'pvt', 'st']);

export function isTitleWord(lower: string): boolean {
  // Without a final full stop, then without "'s" or "’s" (string ends, not regexes: this runs per word).
  let bare = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  if (bare.endsWith("'s") || bare.endsWith('\u2019s')) bare = bare.slice(0, -2);
  if (TITLE_WORDS.has(bare)) return true;
  return bare.includes('-') && bare.split('-').some((part) => TITLE_WORDS.has(part));
}

/** A token's lower-case form without "'s" (its ’ is already '), without a regex: this runs per word. */
function withoutPossessive(lower: string): string {
  return lower.endsWith("'s") ? lower.slice(0, -2) : lower;
}

function isNameToken(token: Token): boolean {
  if (!token.isWord) return false;
  const text = token.text;
  const c = text.charCodeAt(0);
  // The regex only where it can match: "al-", "el-", "bin-", "ibn-" …, the first hyphen the third or fourth character.
  if (c === 97 || c === 98 || c === 101 || c === 105) {
    const hyphen = text.indexOf('-');
    if ((hyphen === 2 || hyphen === 3) && /^(?:al|el|ad|as|ar|bin|ibn)-\p{Lu}/u.test(text)) return true;
  }
  if (!isUpperInitial(text)) return false;
  const lower = withoutPossessive(token.lower);
  return NOT_NAME_WORD_BUCKETS[wordBucket(lower)] === 0 || !NOT_NAME_WORDS.has(lower);
}

/**
 * tokens[k], in the run opened at `first`, is a capitalised cue verb ("Tell", "Say") followed by a
 * lower-case cue verb or a comma, or closing the sentence after one ("said Sen. Marjorie Tell.").
 */
function isSurnameLikeCue(tokens: readonly Token[], first: number, k: number): boolean {
  const t = tokens[k];
  if (!t.isWord || !isUpperInitial(t.text) || !CUE_VERBS.has(t.lower) || k + 1 >= tokens.length) return false;
  const next = tokens[k + 1];
  if (next.text === '.' && first > 0) return tokens[first - 1].isWord && !isUpperInitial(tokens[first - 1].text) && CUE_VERBS.has(tokens[first - 1].lower);
  return next.text === ',' || (next.isWord && !isUpperInitial(next.text) && CUE_VERBS.has(next.lower));
}

/** Lower-case speech verbs after which a capitalised cue word alone is a surname: "Tell said". */
const SURNAME_FOLLOWERS = new Set(['said', 'says', 'told', 'added', 'wrote', 'asked', 'replied']);

/**
 * "“It will pass,” Tell said", "Later, Tell said": a capitalised cue word alone, right before a
 * lower-case speech verb, is a surname — but not where a sentence or paragraph opens, nor a plural
 * ("Reports said …", "Polls show …" are capitalised only as the sentence's first word).
 */
function isLoneSurnameLikeCue(tokens: readonly Token[], i: number, isBreak: (index: number) => boolean): boolean {
  const t = tokens[i];
  if (i === 0 || i + 1 >= tokens.length || !t.isWord || !isUpperInitial(t.text) || t.lower.endsWith('s') || isBreak(i) || isBreak(i + 1)) return false;
  if (!SURNAME_FOLLOWERS.has(tokens[i + 1].text) || !CUE_VERBS.has(t.lower)) return false;
  const before = tokens[i - 1].text;
  return before !== '.' && before !== '!' && before !== '?' && before !== ':';
}

/**
 * A word's bucket by its length (up to 31) and the low five bits of its first and last character:
 * a word whose bucket holds no listed word is not listed, and needs no hashing to say so.
 */
function wordBucket(word: string): number {
  return word.length === 0 ? 0 : (Math.min(word.length, 31) << 10) | ((word.charCodeAt(0) & 31) << 5) | (word.charCodeAt(word.length - 1) & 31);
}

/** Capitalised, still no name: the non-name words that are no title, and the cue verbs ("Said"). One look-up per capitalised word. */
const NOT_NAME_WORDS = new Set([...[...NON_NAME_WORDS].filter((w) => !isTitleWord(w)), ...CUE_VERBS]);
/** 1 for each wordBucket that holds one of NOT_NAME_WORDS: names (most capitalised words) are turned away before their string is hashed. */
const NOT_NAME_WORD_BUCKETS = new Uint8Array(1 << 15);
for (const word of NOT_NAME_WORDS) NOT_NAME_WORD_BUCKETS[wordBucket(word)] = 1;

/**
 * Every capitalised run in the token list. `breaks` holds token indexes that start a new paragraph,
 * which no run crosses.
 */
export function findNameRuns(text: string, tokens: readonly Token[], isBreak: (index: number) => boolean): NameRun[] {
  const runs: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens[i]) && !isLoneSurnameLikeCue(tokens, i, isBreak)) {
      i++;
      continue;
    }
    const first = i;
    let last = i + 1;
    let possessive = isPossessive(tokens[i].text);
    while (!possessive && last < tokens.length && !isBreak(last)) {
      const t = tokens[last];
      if (isNameToken(t)) {
        last++;
        possessive = isPossessive(t.text);
        continue;
      }
      // "Mr. Obama", "Gen. Hugo Silva": a title abbreviation's full stop stays in the run.
      if (t.text === '.' && TITLE_ABBREVIATIONS.has(tokens[last - 1].lower) && tokens[last].start === tokens[last - 1].end && last + 1 < tokens.length && isNameToken(tokens[last + 1])) {
        last++;
        continue;
      }
      // "J. Smith": a single capital letter followed by a full stop, inside a run.
      if (t.text === '.' && tokens[last - 1].text.length === 1 && isUpperInitial(tokens[last - 1].text) && last + 1 < tokens.length && isNameToken(tokens[last + 1]) && tokens[last].start === tokens[last - 1].end) {
        last++;
        continue;
      }
      // "Secretary of State John Kerry", "Commission on Presidential Debates": a title's or body's complement.
      if (t.isWord && (t.lower === 'of' || t.lower === 'for' || t.lower === 'on') && hasTitleOrBody(tokens, first, last) && endsWithTitleOrBody(tokens[last - 1])) {
        let k = last + 1;
        if (k < tokens.length && tokens[k].lower === 'the') k++;
        if (k < tokens.length && isNameToken(tokens[k]) && !isBreak(k)) {
          last = k;
          continue;
        }
      }
      // "Ministry of Industry and Information Technology", "Department of Health and Human Services":
      // "and" inside a body's complement joins the complement's parts, not two bodies ("the Bank of
      // England and Bank of France", "the Ministry of Defence and NATO" stay two runs).
      if (t.isWord && t.lower === 'and' && insideBodyComplement(tokens, first, last)) {
        const end = complementPartEnd(tokens, last + 1, isBreak);
        if (end > last + 1) {
          last = end;
          continue;
        }
      }
      // "Sen. Marjorie Tell said", "Ann Say, a delegate,": a surname spelled like a cue verb, after a
      // given name and before a lower-case cue or a comma, ends the name (a headline's "Lee Says He …" does not).
      if (isSurnameLikeCue(tokens, first, last) && !isTitleWord(tokens[last - 1].lower) && !NOT_NAME_WORDS.has(tokens[last - 1].lower)) {
        last++;
        break;
      }
      // "Ursula von der Leyen": lower-case particles between capitalised words.
      if (t.isWord && NAME_PARTICLES.has(t.lower)) {
        let k = last;
        while (k < tokens.length && tokens[k].isWord && NAME_PARTICLES.has(tokens[k].lower) && k - last < 2) k++;
        if (k < tokens.length && isNameToken(tokens[k]) && !isBreak(k)) {
          last = k;
          continue;
        }
      }
      break;
    }
    runs.push(makeRun(text, tokens, first, last, possessive));
    i = last;
  }
  return runs;
}

function makeRun(text: string, tokens: readonly Token[], first: number, last: number, possessive: boolean): NameRun {
  // "Rachel Moorby MP", "Ana Kovac MEP": a title written after the name belongs to the role, not the name.
  const postNominal = !possessive && last - first >= 3 && POST_NOMINALS.has(tokens[last - 1].lower) && !isTitleWord(tokens[last - 2].lower) ? tokens[last - 1] : undefined;
  const nameLast = postNominal ? last - 1 : last;
  let titleEnd = first;
  for (let k = first; k < nameLast; k++) if (isTitleWord(tokens[k].lower)) titleEnd = k + 1;
  // An organisation or a title's complement before the last words is part of the role:
  // "Head of the Delegation Ivan Petrov", "Kremlin Press Office Maria Ivanova".
  let lastOrg = -1;
  for (let k = titleEnd; k < last; k++) if (ORGANIZATION_WORDS.has(withoutPossessive(tokens[k].lower))) lastOrg = k;
  if (lastOrg >= 0) {
    // A person's name after the body ("Kremlin Press Office Maria Ivanova"), or the body is the name.
    if (last - (lastOrg + 1) >= 2 && !hasConnector(tokens, lastOrg + 1, last)) titleEnd = lastOrg + 1;
  } else if (titleEnd > first && last - titleEnd > 2 && hasConnector(tokens, titleEnd, last)) {
    // "Secretary of State John Kerry": the title's complement, then the name.
    titleEnd = last - 2;
  }
  // "Gen." and "Mr." leave their full stop as a separate token; it belongs to the title.
  let nameFirst = titleEnd;
  while (nameFirst < last && tokens[nameFirst].text === '.') nameFirst++;
  const start = tokens[first].start;
  const end = tokens[last - 1].end;
  const nameStart = nameFirst < last ? tokens[nameFirst].start : end;
  let nameEnd = tokens[nameLast - 1].end;
  let name = text.slice(nameStart, nameEnd);
  if (possessive && name) {
    name = name.replace(POSSESSIVE, '');
    nameEnd = nameStart + name.length;
  }
  // The role ends with its title's full stop ("Sen.", "Lt. Gov."), the name starts after it.
  let role = titleEnd > first ? text.slice(start, tokens[(nameFirst > titleEnd ? nameFirst : titleEnd) - 1].end) : '';
  if (isPossessive(role)) role = role.slice(0, -2);
  if (postNominal) role = role ? `${role} ${postNominal.text}` : postNominal.text;
  let organization = false;
  let nameWordTokens = 0;
  let onlyWord: Token | undefined;
  for (let k = nameFirst; k < nameLast; k++) {
    const t = tokens[k];
    if (!t.isWord) continue;
    nameWordTokens++;
    onlyWord = t;
    if (ORGANIZATION_WORDS.has(withoutPossessive(t.lower))) organization = true;
  }
  if (!organization && nameWordTokens === 1) organization = isAcronym(onlyWord!.text);
  return new FoundNameRun(first, last, nameFirst, start, end, nameStart, nameEnd, name, nameWords(name), role, possessive, organization);
}

/** "NATO", "G7", "UN’s": two to eight capitals, digits or hyphens, "'s" aside. */
function isAcronym(word: string): boolean {
  const bare = isPossessive(word) ? word.slice(0, -2) : word;
  let ascii = true;
  for (let i = 0; i < bare.length; i++) {
    const c = bare.charCodeAt(i);
    if (c >= 128) ascii = false;
    else if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45)) return false;
  }
  if (!ascii) return /^[\p{Lu}\d-]{2,8}$/u.test(bare);
  return bare.length >= 2 && bare.length <= 8;
}

/** "of", "for", "on" or "the" among tokens[from, to): a title's or a body's complement. */
function hasConnector(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const lower = tokens[k].lower;
    if (lower === 'of' || lower === 'for' || lower === 'on' || lower === 'the') return true;
  }
  return false;
}

/** "Secretary of State", "Bank of England": a complement hangs on a title or a body, not on a name ("Ann Lee of Ohio"). */
function endsWithTitleOrBody(token: Token): boolean {
  return isTitleWord(token.lower) || ORGANIZATION_WORDS.has(token.lower) || ROLE_COMPLEMENT_HEADS.has(token.lower);
}

const ROLE_COMPLEMENT_HEADS = new Set(['affairs', 'state', 'staff', 'defense', 'defence', 'justice', 'health', 'energy', 'education', 'commerce', 'labor', 'labour', 'homeland', 'interior', 'agriculture', 'finance', 'economy', 'trade', 'transport', 'transportation', 'veterans', 'representatives', 'lords', 'commons', 'america', 'directors', 'trustees', 'governors']);

/**
 * Whether tokens[first, last) end inside a body's complement: an organisation word, "of" or "for",
 * then one to three capitalised words (more are likely a person's name after the body).
 */
function insideBodyComplement(tokens: readonly Token[], first: number, last: number): boolean {
  for (let k = last - 1; k > first && k >= last - 4; k--) {
    const lower = tokens[k].lower;
    if (lower === 'of' || lower === 'for') return k < last - 1 && ORGANIZATION_WORDS.has(withoutPossessive(tokens[k - 1].lower));
    if (!isNameToken(tokens[k])) return false;
  }
  return false;
}

/**
 * Where the complement's part after "and" ends (tokens from `from` on), or `from` when it is not
 * one: capitalised words, none a title, a body or an acronym (a second body or a person's title
 * follows: "… and NATO", "… and Foreign Minister …"), followed by no lower-case word but a cue or a
 * function word ("… and Trade said", "… and Information Technology on Wednesday"; not "… and
 * Ukrainian officials").
 */
function complementPartEnd(tokens: readonly Token[], from: number, isBreak: (index: number) => boolean): number {
  let k = from;
  while (k < tokens.length && k - from < 3 && !isBreak(k) && isNameToken(tokens[k]) && !isPossessive(tokens[k].text)) {
    const lower = tokens[k].lower;
    if (ORGANIZATION_WORDS.has(lower) || isTitleWord(lower) || isAcronym(tokens[k].text)) return from;
    k++;
  }
  if (k === from) return from;
  const next = tokens[k];
  if (next && next.isWord && !isBreak(k) && !isUpperInitial(next.text) && !COMPLEMENT_FOLLOWERS.has(next.lower) && !CUE_VERBS.has(next.lower)) return from;
  return k;
}

/** Lower-case words that may follow a body's name: prepositions, conjunctions, auxiliaries. */
const COMPLEMENT_FOLLOWERS = new Set(['on', 'in', 'at', 'to', 'for', 'from', 'with', 'by', 'of', 'and', 'or', 'but', 'has', 'have', 'had', 'is', 'was', 'are', 'were', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'did', 'does', 'also', 'which', 'that', 'who', 'last', 'this', 'earlier', 'late', 'early']);

function hasTitleOrBody(tokens: readonly Token[], first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (isTitleWord(tokens[k].lower) || ORGANIZATION_WORDS.has(tokens[k].lower)) return true;
  return false;
}

/** The name's words without initials, for matching: "Joe R. Biden" → ["Joe", "Biden"]. */
export function nameWords(name: string): string[] {
  // name.split(/\s+/) without the regex: this runs for every name run.
  const words: string[] = [];
  let from = 0;
  for (let i = 0; i <= name.length; i++) {
    if (i < name.length && !isRegexSpace(name.charCodeAt(i))) continue;
    if (i > from) {
      const word = name.slice(from, i);
      if (!isInitial(word)) words.push(word);
    }
    from = i + 1;
  }
  return words;
}

/** An initial: one upper-case letter, with or without a full stop ("J", "R."). */
function isInitial(word: string): boolean {
  if (word.length > 3) return false;
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90 && (word.length === 1 || (word.length === 2 && word.charCodeAt(1) === 0x2e));
  return /^\p{Lu}\.?$/u.test(word);
}

/** What \s matches in a regular expression: white space and line terminators. */
function isRegexSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function surnameOf(name: string): string {
  const words = nameWords(name);
  return words[words.length - 1] ?? name;
}
