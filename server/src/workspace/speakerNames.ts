// Whether a change of who an article names can be followed without clustering the whole workspace
// again (identity.ts): a person whose name no clustering rule compares with another speaker's
// stands alone, and a speaker of one person whose name no rule compares with another's can go,
// without any other speaker changing. Typing a new name is a run of such changes ("Xavier Q",
// "Xavier Qu", …): each would otherwise cost a rebuild of the index, a second or more at 10,000
// articles. Anything less plain (a shared or similar surname, a surname alone that a full name could
// take, an organisation of the same name, a speaker id that could take a suffix) is left to the rebuild.
import { nameWords } from '../analysis/names';
import { foldName } from '../analysis/tokens';
import type { Person } from '../analysis/types';
import { similarSurname } from '../analysis/people';
import { slug } from './identity';
import { sameSurname, surnameSkeleton } from './transliteration';

/** What clustering reads of a person (identity.ts). */
type NameFacts = Pick<Person, 'name' | 'isOrganization'>;

/**
 * The keys clustering compares a name under, as identity.ts reads it: an organisation's folded
 * name, a full name's folded surname, or the folded name of a surname alone.
 */
export function keyOf(name: string, isOrganization: boolean): string {
  if (isOrganization) return `o:${foldName(name)}`;
  const words = nameWords(name).map(foldName).filter(Boolean);
  return words.length < 2 ? `l:${foldName(name)}` : `s:${words[words.length - 1]}`;
}

/** A speaker's id before any suffix; empty when its name slugs to nothing, or ends in a number (the shape of a suffix). */
function plainIdOf(name: string): string | undefined {
  const id = slug(name);
  return id && !/-\d+$/.test(id) ? id : undefined;
}

/**
 * The name keys of every speaker of an index: how many speakers have each (counted from their
 * spellings, which hold every member's name and more, so that a key is never missed), and the
 * surnames by first letter and length, for the one-letter-apart rule, and by skeleton, for the
 * romanisations rule (transliteration.ts).
 */
export class SpeakerNames {
  /** The speakers that have each key. */
  private readonly holders = new Map<string, Set<string>>();
  private readonly keysOfSpeaker = new Map<string, string[]>();
  private readonly surnamesByShape = new Map<string, Set<string>>();
  private readonly surnamesBySkeleton = new Map<string, Set<string>>();

  constructor(speakers: Iterable<{ id: string; name: string; spellings: readonly string[]; isOrganization: boolean }>) {
    for (const s of speakers) this.add(s.id, s.name, s.isOrganization, s.spellings);
  }

  /** Counts a speaker's keys: its names' and its id's. */
  add(id: string, name: string, isOrganization: boolean, names: Iterable<string>): void {
    const keys = new Set<string>([`id:${slug(name) || 'speaker'}`]);
    for (const n of names) keys.add(keyOf(n, isOrganization));
    for (const key of keys) {
      const holders = this.holders.get(key);
      if (holders) holders.add(id);
      else {
        this.holders.set(key, new Set([id]));
        if (key.startsWith('s:')) this.addSurname(key.slice(2));
      }
    }
    this.keysOfSpeaker.set(id, [...keys]);
  }

  remove(id: string): void {
    for (const key of this.keysOfSpeaker.get(id) ?? []) {
      const holders = this.holders.get(key);
      holders?.delete(id);
      if (holders?.size === 0) {
        this.holders.delete(key);
        if (key.startsWith('s:')) this.removeSurname(key.slice(2));
      }
    }
    this.keysOfSpeaker.delete(id);
  }

  /** The speakers with this key (a superset of those with a member of that key). */
  speakersWith(key: string): ReadonlySet<string> {
    return this.holders.get(key) ?? NOBODY;
  }

  /**
   * The surnames clustering could put in one group with these (one letter apart or one skeleton, step by step,
   * through the speakers' surnames here or these), these included.
   */
  surnameGroupOf(surnames: Iterable<string>): Set<string> {
    const group = new Set(surnames);
    const todo = [...group];
    while (todo.length) {
      const surname = todo.pop()!;
      for (const other of this.similarSurnames(surname, group)) {
        if (!group.has(other)) {
          group.add(other);
          todo.push(other);
        }
      }
    }
    return group;
  }

  /**
   * The id a person would have as a speaker of its own, if clustering would compare its name with
   * no speaker's here; else undefined.
   */
  aloneId(person: NameFacts): string | undefined {
    const id = plainIdOf(person.name);
    if (!id || this.has(`id:${id}`)) return undefined;
    const key = keyOf(person.name, person.isOrganization);
    if (this.has(key)) return undefined;
    if (key.startsWith('s:')) {
      const surname = key.slice(2);
      // A surname alone of the same spelling would join it; so would a surname one letter apart.
      if (this.has(`l:${surname}`) || this.hasSimilarSurname(surname)) return undefined;
    } else if (key.startsWith('l:') && this.has(`s:${key.slice(2)}`)) return undefined;
    return id;
  }

  /** Whether a speaker of this one person can go without any other speaker changing. */
  canGo(id: string, person: NameFacts): boolean {
    if (plainIdOf(person.name) !== id || this.count(`id:${id}`) !== 1) return false;
    const own = this.keysOfSpeaker.get(id);
    const key = keyOf(person.name, person.isOrganization);
    if (!own || !own.includes(key)) return false;
    // No other speaker has any key of this one's.
    if (own.some((k) => this.count(k) !== 1)) return false;
    if (key.startsWith('s:')) {
      const surname = key.slice(2);
      return !this.has(`l:${surname}`) && !this.hasSimilarSurname(surname);
    }
    return !(key.startsWith('l:') && this.has(`s:${key.slice(2)}`));
  }

  private count(key: string): number {
    return this.holders.get(key)?.size ?? 0;
  }

  private has(key: string): boolean {
    return this.count(key) > 0;
  }

  /** Whether another surname here is one letter apart from this one, or has its skeleton (identity.ts's rules for long surnames). */
  private hasSimilarSurname(surname: string): boolean {
    for (const _ of this.similarSurnames(surname)) return true;
    return false;
  }

  /** The other surnames here (and in `more`) that identity.ts takes for this one (one letter apart, or one skeleton). */
  private *similarSurnames(surname: string, more?: ReadonlySet<string>): Generator<string> {
    for (const other of more ?? []) {
      if (other !== surname && sameSurname(surname, other)) yield other;
    }
    if (surname.length < 6) return;
    for (const length of [surname.length - 1, surname.length, surname.length + 1]) {
      for (const other of this.surnamesByShape.get(`${surname[0]}:${length}`) ?? []) {
        if (other !== surname && similarSurname(surname, other)) yield other;
      }
    }
    for (const other of this.surnamesBySkeleton.get(surnameSkeleton(surname)!) ?? []) {
      if (other !== surname) yield other;
    }
  }

  private addSurname(surname: string): void {
    add(this.surnamesByShape, shapeOf(surname), surname);
    const skeleton = surnameSkeleton(surname);
    if (skeleton !== undefined) add(this.surnamesBySkeleton, skeleton, surname);
  }

  private removeSurname(surname: string): void {
    this.surnamesByShape.get(shapeOf(surname))?.delete(surname);
    const skeleton = surnameSkeleton(surname);
    if (skeleton !== undefined) this.surnamesBySkeleton.get(skeleton)?.delete(surname);
  }
}

const NOBODY: ReadonlySet<string> = new Set();

function add(sets: Map<string, Set<string>>, key: string, value: string): void {
  const set = sets.get(key);
  if (set) set.add(value);
  else sets.set(key, new Set([value]));
}

function shapeOf(surname: string): string {
  return `${surname[0]}:${surname.length}`;
}
