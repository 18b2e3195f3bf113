// chrono-node's parse of windows of text joined by a separator, with each parser's pattern run only
// over the windows that hold a word every match of that pattern contains.
//
// chrono runs every parser's regular expression over the whole text; most of them need a word that
// most windows lack ("ago", a month's name, a digit). This is chrono's own loop (Chrono.parse and
// executeParser, same parsers, same order, same refiners), except that a pattern's search starts at
// the first window holding its word and stops at the end of the run of such windows. A search that
// cannot find a match is all that is left out, so the results are chrono's. The parsers whose
// extraction reads only the match and the reference ("on Monday", "this week") extract an equal
// match once and copy their components after (ExtractionMemo): the same components, made cheaply.
import * as chrono from 'chrono-node';

/**
 * What joins the windows: a line break, an invisible separator, a line break. A pattern reaches
 * from one window into the next only by taking U+2063, which only the leading `(\W|^)`, a time's
 * `o\W*clock` and a slash date's trailing `(\W|$)` can (the last two come after the digit they need);
 * no lookahead looks past it.
 */
export const WINDOW_SEPARATOR = '\n\u2063\n';

// The words the casual English parsers need, as bits. Every match of a parser contains one of its
// words (case aside): the alternatives of the pattern's one obligatory part each contain one.
const DIGIT = 1;
const MONTH_NAME = 2; // "jan" ... "dec": every month name and abbreviation holds one
const WEEKDAY_NAME = 4; // "sun" ... "sat", "week" (weekend, weekday)
const AGO = 8;
const LATER = 16;
const CASUAL_DAY = 32; // now, today, tonight, tomorrow, yesterday, last night
const CASUAL_TIME = 64; // morning, afternoon, evening, night, midday, noon
const MONTH_WORD = 128; // "end of the month"
const RELATIVE = 256; // this, last, past, next (+ unit)
const CASUAL_RELATIVE = 512; // this, last, past, next, after, +, - (+ amount and unit)

const WORD_BITS: Record<string, number> = {
  jan: MONTH_NAME, feb: MONTH_NAME, mar: MONTH_NAME, apr: MONTH_NAME, may: MONTH_NAME, jun: MONTH_NAME,
  jul: MONTH_NAME, aug: MONTH_NAME, sep: MONTH_NAME, oct: MONTH_NAME, nov: MONTH_NAME, dec: MONTH_NAME,
  month: MONTH_WORD,
  sun: WEEKDAY_NAME, mon: WEEKDAY_NAME, tue: WEEKDAY_NAME, wed: WEEKDAY_NAME, thu: WEEKDAY_NAME, fri: WEEKDAY_NAME, sat: WEEKDAY_NAME, week: WEEKDAY_NAME,
  ago: AGO, before: AGO, earlier: AGO,
  later: LATER, after: LATER | CASUAL_RELATIVE, now: LATER | CASUAL_DAY, henceforth: LATER, forward: LATER, out: LATER,
  today: CASUAL_DAY, morrow: CASUAL_DAY, tmr: CASUAL_DAY, yesterday: CASUAL_DAY, night: CASUAL_DAY | CASUAL_TIME,
  morning: CASUAL_TIME, evening: CASUAL_TIME, midday: CASUAL_TIME, noon: CASUAL_TIME,
  this: RELATIVE | CASUAL_RELATIVE, last: RELATIVE | CASUAL_RELATIVE, past: RELATIVE | CASUAL_RELATIVE, next: RELATIVE | CASUAL_RELATIVE,
  '+': CASUAL_RELATIVE, '-': CASUAL_RELATIVE,
};

/**
 * The words of two or more letters (lower case), sorted, with their bits: those starting with
 * letters a and b are PAIRS[26 * a + b] up to the next entry (letters counted from 0).
 */
const WORD_LIST = Object.keys(WORD_BITS).filter((w) => w.length > 1).sort();
const WORD_LIST_BITS = Int32Array.from(WORD_LIST, (w) => WORD_BITS[w]);
const PAIRS = new Int32Array(26 * 26 + 1);
for (let key = 0, j = 0; key <= 26 * 26; key++) {
  while (j < WORD_LIST.length && 26 * (WORD_LIST[j].charCodeAt(0) - 97) + (WORD_LIST[j].charCodeAt(1) - 97) < key) j++;
  PAIRS[key] = j;
}
/** Not a word's bit: the window ends in "o" and non-word characters, so `o\W*clock` could go on into the next one. */
const RUNS_ON = 1 << 30;

/** A character's code, ASCII capitals lowered: chrono's patterns ignore case without being Unicode-aware, so only ASCII letters fold. */
function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Does `word` (lower case, its first two characters already seen) start at `i`, before `end`? */
function wordAt(text: string, i: number, end: number, word: string): boolean {
  if (i + word.length > end) return false;
  for (let k = 2; k < word.length; k++) if (lowerCode(text.charCodeAt(i + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * The word each casual English parser needs, in chrono's order (0: any window), and a checksum of
 * the patterns these were read from: with any other patterns every parser reads every window.
 */
const CASUAL_NEEDS = [
  DIGIT, // year-month-day
  DIGIT, // ISO
  DIGIT, // slash date
  0, // "within two weeks": "in"/"for" and any unit, even a single letter
  MONTH_NAME, // little-endian month name date
  MONTH_NAME, // middle-endian
  WEEKDAY_NAME,
  DIGIT, // slash month
  DIGIT, // time expression
  AGO,
  LATER,
  DIGIT, // year month-name
  CASUAL_DAY,
  CASUAL_TIME,
  MONTH_WORD, // end of the month
  MONTH_NAME, // month name
  RELATIVE,
  CASUAL_RELATIVE,
];
// (Read with chrono's default options; of the casual parsers only "within"'s pattern changes with them.)
const CASUAL_PATTERNS_CHECKSUM = '18/8567/1322464386';

/**
 * The casual English parsers whose extraction reads only the match and the reference day (not the
 * text around the match, not the options): the weekday ("on Monday", "last Friday"), the casual
 * time ("this morning") and "this/last/next" + unit parsers. Their components are made once per
 * match and reference and copied after that (see ExtractionMemo): the weekday parser alone made a
 * fifth of chrono's time here, mostly Date arithmetic and property deletions for each "on Monday".
 */
const CASUAL_PURE = new Set([6, 13, 16]);

function patternsChecksum(patterns: readonly RegExp[]): string {
  const s = patterns.map((p) => `${p.source}/${p.flags}`).join('\n');
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return `${patterns.length}/${s.length}/${h}`;
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** The bits of the words in each window (windows end at `windowEnds`, separators between them), and RUNS_ON. */
function wordsByWindow(text: string, windowEnds: readonly number[]): Int32Array {
  const bits = new Int32Array(windowEnds.length);
  let start = 0;
  for (let w = 0; w < windowEnds.length; w++) {
    let found = 0;
    const end = windowEnds[w];
    // Each character as a letter 0-25 (ASCII, either case: `| 0x20` lowers capitals) or outside that
    // range; `| 0x20` also takes a few control characters to digits or signs, which costs nothing but a search.
    let prev = -1;
    for (let i = start; i < end; i++) {
      const c = (text.charCodeAt(i) | 0x20) - 97;
      if (c >= 0 && c < 26) {
        if (prev >= 0) {
          const key = 26 * prev + c;
          for (let j = PAIRS[key], last = PAIRS[key + 1]; j < last; j++) {
            const b = WORD_LIST_BITS[j];
            if ((found & b) !== b && wordAt(text, i - 1, end, WORD_LIST[j])) found |= b;
          }
        }
        prev = c;
      } else {
        prev = -1;
        if (c >= -49 && c <= -40) found |= DIGIT; // '0' - 'a' to '9' - 'a'
        else if (c === -54 || c === -52) found |= CASUAL_RELATIVE; // '+', '-'
      }
    }
    let k = end - 1;
    while (k >= start && !isWordCode(text.charCodeAt(k))) k--;
    if (k >= start && lowerCode(text.charCodeAt(k)) === 111) found |= RUNS_ON;
    bits[w] = found;
    start = end + WINDOW_SEPARATOR.length;
  }
  return bits;
}

/** chrono's MergingRefiner, as far as this file reads it: `refine` walks the results in order, merging neighbours it decides to. */
interface MergingRefiner extends chrono.Refiner {
  shouldMergeResults(textBetween: string, current: chrono.ParsingResult, next: chrono.ParsingResult, context: chrono.ParsingContext): boolean;
  mergeResults(textBetween: string, current: chrono.ParsingResult, next: chrono.ParsingResult, context: chrono.ParsingContext): chrono.ParsingResult;
}

function isMergingRefiner(refiner: chrono.Refiner): boolean {
  const r = refiner as Partial<MergingRefiner>;
  return typeof r.shouldMergeResults === 'function' && typeof r.mergeResults === 'function';
}

/**
 * A merging refiner's results, the refiner run only on runs of two or more neighbours with no
 * separator between them. No merging refiner merges two results with the separator's U+2063 between
 * them (the separator's promise: every pattern between two results it merges is spaces around a
 * word or sign), and chrono's MergingRefiner decides each neighbouring pair in turn, carrying only a
 * merged result on, whose end is its right part's: the runs come out as they would in the whole
 * list. Most windows hold one result; four in five pairs of neighbours are in different windows.
 */
function refineRuns(
  refiner: chrono.Refiner,
  context: chrono.ParsingContext,
  results: chrono.ParsingResult[],
  windowEnds: readonly number[],
): chrono.ParsingResult[] {
  let out: chrono.ParsingResult[] | undefined;
  let runStart = 0;
  for (let i = 1; i <= results.length; i++) {
    if (i < results.length) {
      const a = results[i - 1].index + results[i - 1].text.length;
      const b = results[i].index;
      // The text between, as MergingRefiner takes it (substring swaps ends that come the wrong way round).
      if (!separatorWithin(windowEnds, Math.min(a, b), Math.max(a, b))) continue;
    }
    if (runStart === 0 && i === results.length) return refiner.refine(context, results);
    out ??= [];
    if (i - runStart === 1) out.push(results[runStart]);
    else for (const merged of refiner.refine(context, results.slice(runStart, i))) out.push(merged);
    runStart = i;
  }
  return out ?? results;
}

/**
 * Whether a separator's U+2063 (one character after a window's end, every window but the last)
 * lies in [from, to): found among the window ends by binary search, not by reading the text.
 */
function separatorWithin(windowEnds: readonly number[], from: number, to: number): boolean {
  // The first window whose separator mark is at or after `from`.
  let lo = 0;
  let hi = windowEnds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (windowEnds[mid] + 1 < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < windowEnds.length - 1 && windowEnds[lo] + 1 < to;
}

export class WindowedChrono {
  private readonly needs: readonly number[];
  /** Whether any parser searches only some windows (false: chrono's patterns are not the ones the needs were read from). */
  readonly narrowed: boolean;
  private readonly searches = new WeakMap<RegExp, RegExp>();
  /** Whether each refiner merges neighbouring results (chrono's MergingRefiner: it decides pair by pair). */
  private readonly merging: readonly boolean[];

  /** Each parser's extractions by match, when they read nothing but the match and the reference (undefined: extracted every time). */
  private readonly memos: ReadonlyArray<ExtractionMemo | undefined>;

  constructor(
    private readonly parsers: readonly chrono.Parser[],
    private readonly refiners: readonly chrono.Refiner[],
    /** The word each parser needs (0: none); by default the casual English parsers', when these are they. */
    needs?: readonly number[],
  ) {
    const context = new chrono.ParsingContext('', new Date(0));
    const known = patternsChecksum(parsers.map((p) => p.pattern(context))) === CASUAL_PATTERNS_CHECKSUM;
    this.needs = needs ?? (known ? CASUAL_NEEDS : parsers.map(() => 0));
    this.narrowed = this.needs.some((need) => need !== 0);
    this.merging = refiners.map(isMergingRefiner);
    this.memos = parsers.map((_, p) => (known && CASUAL_PURE.has(p) ? new ExtractionMemo() : undefined));
  }

  /** chrono's results for `text`, made of windows that end at `windowEnds` (ascending, the last at text.length) joined by WINDOW_SEPARATOR. */
  parse(text: string, windowEnds: readonly number[], ref: Date, option?: chrono.ParsingOption): chrono.ParsingResult[] {
    const context = new chrono.ParsingContext(text, ref, option);
    const bits = wordsByWindow(text, windowEnds);
    let results: chrono.ParsingResult[] = [];
    const referenceKey = ExtractionMemo.referenceKey(context.reference);
    for (let p = 0; p < this.parsers.length; p++) {
      this.memos[p]?.useFor(referenceKey);
      this.execute(context, this.parsers[p], this.needs[p], windowEnds, bits, results, this.memos[p]);
    }
    // Stable, as chrono's: results at one index stay in parser order.
    results.sort((a, b) => a.index - b.index);
    for (let r = 0; r < this.refiners.length; r++) {
      const refiner = this.refiners[r];
      results = this.merging[r] ? refineRuns(refiner, context, results, windowEnds) : refiner.refine(context, results);
    }
    return results;
  }

  /** The pattern as a global one, to search from a given index (chrono's has no flag g). */
  private searchFor(pattern: RegExp): RegExp {
    let search = this.searches.get(pattern);
    if (!search) {
      search = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
      this.searches.set(pattern, search);
    }
    return search;
  }

  /** Chrono.executeParser, searching only where a match can start (its pattern asked for only then). */
  private execute(
    context: chrono.ParsingContext,
    parser: chrono.Parser,
    need: number,
    windowEnds: readonly number[],
    bits: Int32Array,
    out: chrono.ParsingResult[],
    memo: ExtractionMemo | undefined,
  ): void {
    const text = context.text;
    const last = windowEnds.length - 1;
    // chrono searches the text from `from` on as a string of its own (so `^` matches there); this
    // searches that same string from `at` on. Window w's stretch runs from the end of window w-1 (its
    // separator included) to its own end.
    let from = 0;
    let at = 0;
    let w = 0;
    let search: RegExp | undefined;
    for (;;) {
      while (w < last && windowEnds[w] <= at) w++;
      let first = w;
      if (need !== 0) while (first <= last && (bits[first] & need) === 0) first++;
      if (first > last) return; // no window left holds the word: chrono's search finds nothing more
      // A pattern that needs no word searches the rest of the text at once, as chrono does.
      let runEnd = need === 0 ? last : first;
      while (runEnd < last && (bits[runEnd + 1] & need) !== 0) runEnd++;
      const start = first === w ? at : windowEnds[first - 1];
      // The search ends after the run's last window and the separator's U+2063 (what the patterns
      // look at past a window), unless a time could run on past it.
      const end = runEnd === last || (bits[runEnd] & RUNS_ON) !== 0 ? text.length : windowEnds[runEnd] + 2;
      search ??= this.searchFor(parser.pattern(context));
      search.lastIndex = start - from;
      const match = search.exec(text.substring(from, end));
      if (match === null) {
        if (end === text.length) return;
        at = windowEnds[runEnd];
        w = runEnd + 1;
        continue;
      }
      match.index += from;
      const result = memo ? memo.extract(parser, context, match) : parser.extract(context, match);
      if (!result) {
        from = at = match.index + 1;
        continue;
      }
      // Components go in as the result's start, as chrono's loop puts them there afterwards; given
      // none, the result would first make default ones from the reference, only to drop them.
      const parsed = result instanceof chrono.ParsingResult ? result : context.createParsingResult(match.index, match[0], result);
      out.push(parsed);
      from = at = parsed.index + parsed.text.length;
    }
  }
}

/** What one extraction did: how far it moved the match's index, the match's text after, and its components (null: no result). */
interface Extraction {
  shift: number;
  text: string;
  components: ComponentsRecipe | null;
}

/** More distinct matches than news ever has for these parsers ("on Monday", "this week"…); past it the memo starts again. */
const MEMO_LIMIT = 4096;

/**
 * One parser's extractions, by the match's text and groups, for one reference (instant, time zone
 * offset, and the process's offset at that instant, which chrono's local Date arithmetic reads): a
 * parser whose extraction reads only those gives equal components for equal matches, so they are
 * made once and copied — a new object with its own tags and values (refiners change results in
 * place), in the same property order. Components holding anything else than the reference, a set
 * of tags, plain records of values and plain values are not kept: they are extracted every time.
 */
export class ExtractionMemo {
  private readonly known = new Map<string, Extraction>();
  private reference = '';

  /** What the memo's extractions depend on besides the match. */
  static referenceKey(reference: chrono.ReferenceWithTimezone): string {
    return `${reference.instant.getTime()}|${reference.timezoneOffset}|${reference.instant.getTimezoneOffset()}`;
  }

  /** Starts again when the reference is another than the one the kept extractions were made with. */
  useFor(referenceKey: string): void {
    if (referenceKey === this.reference) return;
    this.known.clear();
    this.reference = referenceKey;
  }

  /** `parser.extract(context, match)`, changing the match as it does, from a copy of an earlier extraction of an equal match when there was one. */
  extract(parser: chrono.Parser, context: chrono.ParsingContext, match: RegExpExecArray): chrono.ParsingComponents | chrono.ParsingResult | { [c in chrono.Component]?: number } | null {
    // Each part with its length ("-": a group that took no part), so that no two matches share a key.
    let key = `${match[0].length}:${match[0]}`;
    for (let g = 1; g < match.length; g++) key += match[g] === undefined ? '-' : `${match[g].length}:${match[g]}`;
    const kept = this.known.get(key);
    if (kept) {
      match.index += kept.shift;
      match[0] = kept.text;
      return kept.components && kept.components.copy(context.reference);
    }
    const index = match.index;
    const result = parser.extract(context, match);
    let recipe: ComponentsRecipe | null = null;
    if (result !== null) {
      if (!(result instanceof chrono.ParsingComponents)) return result;
      const made = ComponentsRecipe.of(result, context.reference);
      if (!made) return result;
      recipe = made;
    }
    if (this.known.size >= MEMO_LIMIT) this.known.clear();
    this.known.set(key, { shift: match.index - index, text: match[0], components: recipe });
    return result;
  }
}

const PLAIN = 0;
const REFERENCE = 1;
const TAGS = 2;
const RECORD = 3;

/**
 * Components as they were extracted, to be copied: their prototype, and each own property's name,
 * kind (a plain value, the reference, a set of tags, a plain record of values) and value (the sets
 * and records copied, since the extracted components are handed on and may be changed).
 */
class ComponentsRecipe {
  private constructor(
    private readonly prototype: object,
    private readonly names: readonly string[],
    private readonly kinds: readonly number[],
    private readonly values: readonly unknown[],
  ) {}

  /** The recipe of components whose properties are all of the kinds it copies (undefined otherwise). */
  static of(components: chrono.ParsingComponents, reference: chrono.ReferenceWithTimezone): ComponentsRecipe | undefined {
    const names = Object.keys(components);
    const kinds: number[] = [];
    const values: unknown[] = [];
    for (const name of names) {
      const value: unknown = (components as unknown as Record<string, unknown>)[name];
      if (value === reference) {
        kinds.push(REFERENCE);
        values.push(undefined);
      } else if (value === null || typeof value !== 'object') {
        kinds.push(PLAIN);
        values.push(value);
      } else if (value instanceof Set && [...value].every((tag) => typeof tag === 'string')) {
        kinds.push(TAGS);
        values.push(new Set(value));
      } else if (Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every((v) => v === null || typeof v !== 'object')) {
        kinds.push(RECORD);
        values.push({ ...value });
      } else return undefined;
    }
    return new ComponentsRecipe(Object.getPrototypeOf(components), names, kinds, values);
  }

  /** New components equal to the extracted ones, holding `reference`. */
  copy(reference: chrono.ReferenceWithTimezone): chrono.ParsingComponents {
    const copy = Object.create(this.prototype) as Record<string, unknown>;
    for (let i = 0; i < this.names.length; i++) {
      const kind = this.kinds[i];
      const value = this.values[i];
      copy[this.names[i]] = kind === REFERENCE ? reference : kind === TAGS ? new Set(value as Set<string>) : kind === RECORD ? { ...(value as object) } : value;
    }
    return copy as unknown as chrono.ParsingComponents;
  }
}
