// The people of one article: full names with their roles, and the resolution of later mentions
// (surname, pronoun, role noun) to the person they refer to.
import { ROLE_SYNONYMS } from './lexicon';
import { nameWords, surnameOf, type NameRun } from './names';
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

export class PeopleBook {
  private readonly records: PersonRecord[] = [];
  private readonly mentionSpans = new Set<string>();
  /** Indexes over `records`, so that lookups do not scan every person. */
  private readonly byKey = new Map<string, PersonRecord>();
  private readonly byFolded = new Map<string, PersonRecord>();
  /** Persons by their folded surname and its one-letter deletions: the candidates of sameFullName. */
  private readonly bySurnameVariant = new Map<string, PersonRecord[]>();
  /** Each person's mentions by "start:end". */
  private readonly mentionsBySpan = new Map<PersonRecord, Map<string, Mention>>();

  /** `insideQuote` tells mentions in quoted speech, which do not make a person the one just talked about. */
  constructor(private readonly insideQuote: (offset: number) => boolean = () => false) {}

  /** Registers (or finds) the person a full name denotes. */
  personForName(name: string, at: number, organization: boolean): PersonRecord {
    const folded = foldName(name);
    const words = nameWords(name);
    const existing = this.byFolded.get(folded) ??
      (words.length >= 2 ? this.firstWithSameFullName(name) : undefined);
    if (existing) {
      if (foldedNameWords(name).length > foldedNameWords(existing.name).length) {
        existing.name = name;
        this.indexSurname(existing);
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
      foldedSurname: foldName(surnameOf(name)),
      firstAt: at,
      confirmed: false,
    };
    this.records.push(record);
    this.byKey.set(record.key, record);
    if (!this.byFolded.has(folded)) this.byFolded.set(folded, record);
    this.indexSurname(record);
    return record;
  }

  /** The earliest person whose full name is the same as `name` (sameFullName), found through the surname index. */
  private firstWithSameFullName(name: string): PersonRecord | undefined {
    const words = nameWords(name);
    let best: PersonRecord | undefined;
    for (const variant of surnameVariants(foldName(words[words.length - 1]))) {
      for (const r of this.bySurnameVariant.get(variant) ?? []) {
        if ((!best || order(r) < order(best)) && sameFullName(r.name, name)) best = r;
      }
    }
    return best;
  }

  private indexSurname(record: PersonRecord): void {
    const words = nameWords(record.name);
    if (words.length === 0) return;
    for (const variant of surnameVariants(foldName(words[words.length - 1]))) {
      const list = this.bySurnameVariant.get(variant) ?? [];
      if (!list.includes(record)) list.push(record);
      this.bySurnameVariant.set(variant, list);
    }
  }

  /** Persons whose surname is this one word (folded), most complete name first. */
  bySurname(word: string): PersonRecord[] {
    const folded = foldName(word);
    return this.records.filter((r) => r.foldedSurname === folded && foldedNameWords(r.name).length >= 2 || r.folded === folded);
  }

  /**
   * The person a one-word name refers to: the same surname named nearest before `at`
   * (two Clintons are kept apart by proximity), or the only one after.
   */
  resolveSurname(word: string, at: number): PersonRecord | undefined {
    const candidates = this.bySurname(word).filter((r) => r.folded !== foldName(word) || foldedNameWords(r.name).length === 1);
    const full = candidates.filter((r) => foldedNameWords(r.name).length >= 2);
    const pool = full.length > 0 ? full : candidates;
    if (pool.length <= 1) return pool[0];
    let best: PersonRecord | undefined;
    let bestAt = -1;
    for (const r of pool) {
      const last = this.lastMentionBefore(r, at);
      if (last > bestAt) {
        bestAt = last;
        best = r;
      }
    }
    return best ?? pool[0];
  }

  /** "the diplomat", "the Russian president": the nearest earlier person whose role fits the noun. */
  resolveRole(words: string[], at: number, fallback: PersonRecord | undefined, preferFrequent = false): PersonRecord | undefined {
    const head = words[words.length - 1] ?? '';
    const wanted = ROLE_SYNONYMS[head] ?? [head];
    const modifiers = words.slice(0, -1).filter((w) => w !== 'the' && w !== 'a' && w !== 'an' && w !== 'of' && w.length > 2);
    const scored = this.records
      .filter((r) => !r.isOrganization && r.roles.length > 0)
      .map((r) => {
        const roleWords = r.roles.join(' ').toLowerCase().split(/[\s,]+/).map((w) => w.replace(/[’']s$/, ''));
        const headHit = wanted.some((w) => roleWords.some((rw) => rw === w || rw.startsWith(w) || rw.split('-').includes(w)));
        const modifierHits = modifiers.filter((m) => roleWords.includes(m)).length;
        return { r, headHit, modifierHits, last: preferFrequent ? r.mentions.length : this.lastMentionBefore(r, at) };
      })
      .filter((x) => x.headHit);
    if (scored.length === 0) return fallback;
    scored.sort((a, b) => (b.modifierHits - a.modifierHits) || (b.last - a.last) || (a.r.firstAt - b.r.firstAt));
    return scored[0].r;
  }

  addRole(person: PersonRecord, role: string): void {
    const clean = role.replace(/\s+/g, ' ').replace(/^(?:the|a|an)\s+/i, '').trim();
    if (clean.length < 2 || clean.length > 160) return;
    if (!person.roles.some((r) => r.toLowerCase() === clean.toLowerCase())) person.roles.push(clean);
    person.confirmed = true;
  }

  confirm(person: PersonRecord): void {
    person.confirmed = true;
  }

  addMention(person: PersonRecord, span: Span, text: string, kind: MentionKind): Mention {
    const key = `${span.start}:${span.end}`;
    let own = this.mentionsBySpan.get(person);
    if (!own) this.mentionsBySpan.set(person, (own = new Map()));
    const existing = own.get(key);
    if (existing) return existing;
    const mention: Mention = { span, text, kind, personKey: person.key };
    if (!this.mentionSpans.has(key)) {
      person.mentions.push(mention);
      own.set(key, mention);
      this.mentionSpans.add(key);
    }
    return mention;
  }

  private lastMentionBefore(r: PersonRecord, at: number): number {
    let best = -1;
    for (const m of r.mentions) if (m.span.start < at && m.span.start > best && !this.insideQuote(m.span.start)) best = m.span.start;
    return best;
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
        mentions: [...r.mentions].sort((a, b) => a.span.start - b.span.start),
      }));
  }
}


/** Records are numbered in creation order: p0, p1, … */
function order(r: PersonRecord): number {
  return Number(r.key.slice(1));
}

/**
 * A folded surname and, when long enough for similarSurname's one-letter tolerance, each string
 * with one letter deleted: two surnames one edit apart always share one of these.
 */
function surnameVariants(surname: string): string[] {
  const out = [surname];
  if (surname.length >= 6) for (let i = 0; i < surname.length; i++) out.push(surname.slice(0, i) + surname.slice(i + 1));
  return [...new Set(out)];
}

/** Folded words of names seen before: the same names are compared again and again. */
const foldedWordsByName = new Map<string, readonly string[]>();
const FOLDED_WORDS_KEPT = 50_000;

/** nameWords(name), each folded. */
function foldedNameWords(name: string): readonly string[] {
  let words = foldedWordsByName.get(name);
  if (words === undefined) {
    words = nameWords(name).map(foldName);
    if (foldedWordsByName.size >= FOLDED_WORDS_KEPT) foldedWordsByName.clear();
    foldedWordsByName.set(name, words);
  }
  return words;
}

/** "Alexandr Grushkó" and "Alexander Grushko": same surname, compatible first names. */
export function sameFullName(a: string, b: string): boolean {
  const wa = foldedNameWords(a);
  const wb = foldedNameWords(b);
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
