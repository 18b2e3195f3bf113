// The people of one article: full names with their roles, and the resolution of later mentions
// (surname, pronoun, role noun) to the person they refer to.
import { FAMILY_NAMES_WRITTEN_FIRST, ROLE_SYNONYMS } from './lexicon';
import { nameWords, type NameRun } from './names';
import { foldName } from './tokens';
import type { Mention, MentionKind, Person, Span } from './types';

interface PersonRecord extends Person {
  /** Folded full name and surname, for matching. */
  folded: string;
  foldedSurname: string;
  /** First offset where the person is named in full (or at all). */
  firstAt: number;
  /** Spoke, or has a title: a real person or speaking body, not a capitalised place. */
  confirmed: boolean;
}

/** What the book keeps of a person besides the record: kept apart so the record stays plain data. */
interface PersonState {
  /** Creation order: the record's key is `p${index}`. */
  index: number;
  /** nameWords(record.name), each folded: follows the name when a fuller one replaces it. */
  foldedWords: readonly string[];
  /** Starts of the mentions outside quoted speech, in the order they were added. */
  startsOutsideQuotes: number[];
  /** The role words resolveRole compares, worked out once per change of the roles. */
  roleWords?: string[];
}

/** The one mention kept at a span, and whose it is. */
interface SpanOwner {
  end: number;
  person: PersonRecord;
  mention: Mention;
}

export class PeopleBook {
  private readonly records: PersonRecord[] = [];
  private readonly states = new Map<PersonRecord, PersonState>();
  /** Indexes over `records`, so that lookups do not scan every person. */
  private readonly byKey = new Map<string, PersonRecord>();
  private readonly byFolded = new Map<string, PersonRecord>();
  /** Every person by folded name and by folded surname (both fixed when the person is made), in creation order. */
  private readonly allByFolded = new Map<string, PersonRecord[]>();
  private readonly allByFoldedSurname = new Map<string, PersonRecord[]>();
  /** People of two or more words by their first folded word (a later one may be stale: checked when read). */
  private readonly byFirstWord = new Map<string, PersonRecord[]>();
  /**
   * Persons by their folded surname and its one-letter deletions: the candidates of sameFullName.
   * Most variants belong to one person, kept as is; a list only once a second shares it.
   */
  private readonly bySurnameVariant = new Map<number, PersonRecord | PersonRecord[]>();
  /** This article's names as written, folded: a few dozen, against the thousands foldName keeps. */
  private readonly folds = new Map<string, { folded: string; words?: readonly string[] }>();
  /** The mentions kept, by start offset: one person owns each span. */
  private readonly spanOwners = new Map<number, SpanOwner[]>();

  /** `insideQuote` tells mentions in quoted speech, which do not make a person the one just talked about. */
  constructor(private readonly insideQuote: (offset: number) => boolean = () => false) {}

  /** foldName(name), asked once per name as written: a run's name is looked up again and again. */
  private fold(name: string): string {
    return this.foldsOf(name).folded;
  }

  /** The name's entry in `folds`: its folded form, and room for its folded words. */
  private foldsOf(name: string): { folded: string; words?: readonly string[] } {
    let fold = this.folds.get(name);
    if (fold === undefined) this.folds.set(name, (fold = { folded: foldName(name), words: undefined }));
    return fold;
  }

  private state(record: PersonRecord): PersonState {
    return this.states.get(record)!;
  }

  /** Registers (or finds) the person a full name denotes. */
  personForName(name: string, at: number, organization: boolean): PersonRecord {
    // One look-up for both: this runs for every name run and most names come again.
    const fold = this.foldsOf(name);
    const folded = fold.folded;
    const words = (fold.words ??= foldedNameWords(name));
    const existing = this.byFolded.get(folded) ??
      (words.length >= 2 ? this.firstWithSameFullName(words) : undefined);
    if (existing) {
      const state = this.state(existing);
      if (words.length > state.foldedWords.length) {
        existing.name = name;
        state.foldedWords = words;
        this.indexSurname(existing, words);
        this.indexFirstWord(existing, words);
      }
      existing.firstAt = Math.min(existing.firstAt, at);
      return existing;
    }
    const record: PersonRecord = {
      key: `p${this.records.length}`,
      name,
      roles: [],
      isOrganization: organization,
      mentions: [],
      folded,
      // foldName(surnameOf(name)): the last folded word, or the whole name folded.
      foldedSurname: words.length > 0 ? words[words.length - 1] : folded,
      firstAt: at,
      confirmed: false,
    };
    this.states.set(record, { index: this.records.length, foldedWords: words, startsOutsideQuotes: [] });
    this.records.push(record);
    this.byKey.set(record.key, record);
    if (!this.byFolded.has(folded)) this.byFolded.set(folded, record);
    listIn(this.allByFolded, folded).push(record);
    listIn(this.allByFoldedSurname, record.foldedSurname).push(record);
    this.indexSurname(record, words);
    this.indexFirstWord(record, words);
    return record;
  }

  /** The earliest person whose full name is the same as one with these folded words (sameFullName), found through the surname index. */
  private firstWithSameFullName(words: readonly string[]): PersonRecord | undefined {
    let best: PersonRecord | undefined;
    let bestIndex = Infinity;
    const variants = surnameVariantKeys(words[words.length - 1]);
    for (let v = 0; v < variants; v++) {
      const held = this.bySurnameVariant.get(variantKeys[v]);
      if (held === undefined) continue;
      for (const r of Array.isArray(held) ? held : [held]) {
        const state = this.state(r);
        if (state.index < bestIndex && sameFoldedFullName(state.foldedWords, words)) {
          best = r;
          bestIndex = state.index;
        }
      }
    }
    return best;
  }

  private indexSurname(record: PersonRecord, words: readonly string[]): void {
    if (words.length === 0) return;
    const variants = surnameVariantKeys(words[words.length - 1]);
    for (let v = 0; v < variants; v++) {
      const variant = variantKeys[v];
      const held = this.bySurnameVariant.get(variant);
      if (held === undefined) this.bySurnameVariant.set(variant, record);
      else if (Array.isArray(held)) {
        if (!held.includes(record)) held.push(record);
      } else if (held !== record) this.bySurnameVariant.set(variant, [held, record]);
    }
  }

  private indexFirstWord(record: PersonRecord, words: readonly string[]): void {
    if (words.length < 2) return;
    const list = listIn(this.byFirstWord, words[0]);
    if (!list.includes(record)) list.push(record);
  }

  /**
   * The person a one-word name refers to: the same surname named nearest before `at`
   * (two Clintons are kept apart by proximity), or the only one after.
   */
  resolveSurname(word: string, at: number): PersonRecord | undefined {
    const folded = this.fold(word);
    // Candidates: fuller names with this surname (not named `word` itself), else one-word names that are `word`.
    let pool = NONE;
    let count = 0;
    const surnamed = this.allByFoldedSurname.get(folded);
    if (surnamed) for (const r of surnamed) if (r.folded !== folded && this.state(r).foldedWords.length >= 2) count++;
    if (count > 0) pool = surnamed!;
    else {
      const named = this.allByFolded.get(folded);
      if (named) for (const r of named) if (this.state(r).foldedWords.length === 1) count++;
      if (count > 0) pool = named!;
    }
    if (count === 0) return FAMILY_NAMES_FIRST_FOLDED.has(folded) ? this.resolveFamilyNameFirst(folded, at) : undefined;
    const full = pool === surnamed;
    return this.nearestBefore(pool, at, (r) => {
      const words = this.state(r).foldedWords.length;
      return full ? r.folded !== folded && words >= 2 : words === 1;
    });
  }

  /**
   * A one-word name that is no one's surname nor anyone's whole name, but a family name English
   * news writes first (FAMILY_NAMES_WRITTEN_FIRST) and the first word of a person's full name:
   * "Zhao Mingrui" … "Zhao said", "Moon Jae-in" … "Moon". The person named nearest before `at`, or
   * the first named after it.
   */
  private resolveFamilyNameFirst(folded: string, at: number): PersonRecord | undefined {
    return this.nearestBefore(this.byFirstWord.get(folded) ?? NONE, at, (r) => {
      const words = this.state(r).foldedWords;
      return !r.isOrganization && words.length >= 2 && words[0] === folded;
    });
  }

  /** Of the people in `pool` that `accept` takes, the one mentioned nearest before `at`, else the first. */
  private nearestBefore(pool: readonly PersonRecord[], at: number, accept: (r: PersonRecord) => boolean): PersonRecord | undefined {
    let first: PersonRecord | undefined;
    let best: PersonRecord | undefined;
    let bestAt = -1;
    for (const r of pool) {
      if (!accept(r)) continue;
      first ??= r;
      const last = this.lastMentionBefore(r, at);
      if (last > bestAt) {
        bestAt = last;
        best = r;
      }
    }
    return best ?? first;
  }

  /** "the diplomat", "the Russian president": the nearest earlier person whose role fits the noun. */
  resolveRole(words: string[], at: number, fallback: PersonRecord | undefined, preferFrequent = false): PersonRecord | undefined {
    const head = words[words.length - 1] ?? '';
    const wanted = ROLE_SYNONYMS[head] ?? [head];
    const modifiers = words.slice(0, -1).filter((w) => w !== 'the' && w !== 'a' && w !== 'an' && w !== 'of' && w.length > 2);
    const scored = this.records
      .filter((r) => !r.isOrganization && r.roles.length > 0)
      .map((r) => {
        const roleWords = this.roleWordsOf(r);
        const headHit = wanted.some((w) => roleWords.some((rw) => rw === w || rw.startsWith(w) || rw.split('-').includes(w)));
        const modifierHits = modifiers.filter((m) => roleWords.includes(m)).length;
        return { r, headHit, modifierHits, last: preferFrequent ? r.mentions.length : this.lastMentionBefore(r, at) };
      })
      .filter((x) => x.headHit);
    if (scored.length === 0) return fallback;
    scored.sort((a, b) => (b.modifierHits - a.modifierHits) || (b.last - a.last) || (a.r.firstAt - b.r.firstAt));
    return scored[0].r;
  }

  private roleWordsOf(r: PersonRecord): string[] {
    const state = this.state(r);
    state.roleWords ??= r.roles.join(' ').toLowerCase().split(/[\s,]+/).map((w) => w.replace(/[’']s$/, ''));
    return state.roleWords;
  }

  addRole(person: PersonRecord, role: string): void {
    const clean = role.replace(/\s+/g, ' ').replace(/^(?:the|a|an)\s+/i, '').trim();
    if (clean.length < 2 || clean.length > 160) return;
    if (!person.roles.some((r) => r.toLowerCase() === clean.toLowerCase())) {
      person.roles.push(clean);
      this.state(person).roleWords = undefined;
    }
    person.confirmed = true;
  }

  confirm(person: PersonRecord): void {
    person.confirmed = true;
  }

  addMention(person: PersonRecord, span: Span, text: string, kind: MentionKind): Mention {
    let owners = this.spanOwners.get(span.start);
    let owner: SpanOwner | undefined;
    if (owners) for (const o of owners) if (o.end === span.end) owner = o;
    if (owner && owner.person === person) return owner.mention;
    const mention: Mention = { span, text, kind, personKey: person.key };
    // A span already named for someone else stays theirs.
    if (!owner) {
      person.mentions.push(mention);
      if (!this.insideQuote(span.start)) this.state(person).startsOutsideQuotes.push(span.start);
      if (!owners) this.spanOwners.set(span.start, (owners = []));
      owners.push({ end: span.end, person, mention });
    }
    return mention;
  }

  /** Where the person is mentioned outside quoted speech, in the order the mentions were added. */
  startsOutsideQuotes(person: PersonRecord): readonly number[] {
    return this.state(person).startsOutsideQuotes;
  }

  private lastMentionBefore(r: PersonRecord, at: number): number {
    let best = -1;
    for (const start of this.state(r).startsOutsideQuotes) if (start < at && start > best) best = start;
    return best;
  }

  /** The person a name or surname mention starting at `start` names, if any. */
  namedAt(start: number): PersonRecord | undefined {
    const owners = this.spanOwners.get(start);
    if (owners) for (const o of owners) if (o.mention.kind === 'name' || o.mention.kind === 'surname') return o.person;
    return undefined;
  }

  get(key: string): PersonRecord | undefined {
    return this.byKey.get(key);
  }

  all(): PersonRecord[] {
    return this.records;
  }

  /** The people worth showing: those who spoke or carry a title, with mentions in document order. */
  finish(speakerKeys: ReadonlySet<string>): Person[] {
    return this.records
      .filter((r) => r.confirmed || speakerKeys.has(r.key))
      .map((r) => ({
        key: r.key,
        name: r.name,
        roles: r.roles,
        isOrganization: r.isOrganization,
        mentions: inDocumentOrder(r.mentions),
      }));
  }
}

const NONE: readonly PersonRecord[] = [];
/** FAMILY_NAMES_WRITTEN_FIRST folded as names are compared ("yang" → "iang"). */
const FAMILY_NAMES_FIRST_FOLDED: ReadonlySet<string> = new Set([...FAMILY_NAMES_WRITTEN_FIRST].map(foldName));

/** A copy of the mentions sorted by start (stably); most are added in document order, and those need no sort. */
function inDocumentOrder(mentions: readonly Mention[]): Mention[] {
  const copy = mentions.slice();
  for (let i = 1; i < copy.length; i++) if (copy[i - 1].span.start > copy[i].span.start) return copy.sort((a, b) => a.span.start - b.span.start);
  return copy;
}

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** nameWords(name), each folded. */
function foldedNameWords(name: string): readonly string[] {
  return nameWords(name).map(foldName);
}

const VARIANT_BASE = 31;

/** surnameVariantKeys' answer, and its working rows: grown as needed, shared by every call (one article's book asks often). */
let variantKeys = new Int32Array(32);
let suffixHashes = new Int32Array(33);
let powersOfBase = new Int32Array(32);

/**
 * Hashes of a folded surname and, when long enough for similarSurname's one-letter tolerance, of
 * each string with one letter deleted: two surnames one edit apart always share one of these. A
 * string's hash depends on its letters alone (a polynomial), so no variant string is made; two
 * surnames that share a hash by chance are only candidates, which sameFullName then checks.
 * Writes them to `variantKeys` and returns how many there are (read them before the next call).
 */
function surnameVariantKeys(surname: string): number {
  const n = surname.length;
  if (variantKeys.length < n + 1) {
    variantKeys = new Int32Array(2 * n + 2);
    suffixHashes = new Int32Array(2 * n + 2);
    powersOfBase = new Int32Array(2 * n + 2);
  }
  // suffix[k]: hash of surname[k, n) as the tail of an n-letter string (letter j weighs BASE^(n-1-j)).
  const suffix = suffixHashes;
  const powers = powersOfBase;
  suffix[n] = 0;
  let power = 1;
  for (let k = n - 1; k >= 0; k--) {
    powers[n - 1 - k] = power;
    suffix[k] = (Math.imul(surname.charCodeAt(k), power) + suffix[k + 1]) | 0;
    power = Math.imul(power, VARIANT_BASE);
  }
  variantKeys[0] = suffix[0];
  if (n < 6) return 1;
  // Letter i deleted: the letters before it weigh one power less, those after it the same.
  let prefix = 0;
  for (let i = 0; i < n; i++) {
    variantKeys[i + 1] = (Math.imul(prefix, powers[n - 1 - i]) + suffix[i + 1]) | 0;
    prefix = (Math.imul(prefix, VARIANT_BASE) + surname.charCodeAt(i)) | 0;
  }
  return n + 1;
}

/** "Alexandr Grushkó" and "Alexander Grushko": same surname, compatible first names. */
export function sameFullName(a: string, b: string): boolean {
  return sameFoldedFullName(foldedNameWords(a), foldedNameWords(b));
}

/** sameFullName on names already split into folded words. */
function sameFoldedFullName(wa: readonly string[], wb: readonly string[]): boolean {
  if (wa.length === 0 || wb.length === 0) return false;
  if (!similarSurname(wa[wa.length - 1], wb[wb.length - 1])) return false;
  if (wa.length === 1 || wb.length === 1) return true;
  return compatibleGiven(wa[0], wb[0]);
}

export function compatibleGiven(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  if (a.startsWith(b) || b.startsWith(a)) return Math.min(a.length, b.length) >= 3;
  return a[0] === b[0] && editDistance(a, b) <= (Math.min(a.length, b.length) >= 6 ? 2 : 1);
}

export function similarSurname(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 6 || a[0] !== b[0]) return false;
  return editDistance(a, b) <= 1;
}

/** Levenshtein distance with a band: returns 99 once it is certainly more than 2. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

export type { PersonRecord, NameRun };
