// Who is who across articles: one speaker per person, even when spelled Grushko / Grushkó,
// Alexander / Alexandr, Ryabkov / Riabkov, or with a middle initial; two people who share a
// surname but not a first name stay apart. Pure function of the articles' people.
import { nameWords } from '../analysis/names';
import { compatibleGiven, similarSurname } from '../analysis/people';
import { foldName, isPlainAsciiWords } from '../analysis/tokens';
import type { Person } from '../analysis/types';
import { surnameSkeleton } from './transliteration';

/** One person of one article; clustering reads only its name and whether it is an organisation. */
export interface PersonOccurrence<P extends Pick<Person, 'name' | 'isOrganization'> = Person> {
  uri: string;
  person: P;
}

export interface IdentityHints {
  /** Groups of names that denote one person (registry aliases), canonical name first. */
  aliases?: string[][];
  /** Pairs of names that must never be merged. */
  distinct?: [string, string][];
}

export interface Cluster<P extends Pick<Person, 'name' | 'isOrganization'> = Person> {
  id: string;
  name: string;
  members: PersonOccurrence<P>[];
  isOrganization: boolean;
}

/** Groups person occurrences into workspace speakers with stable ids. */
export function clusterPeople<P extends Pick<Person, 'name' | 'isOrganization'>>(occurrences: readonly PersonOccurrence<P>[], hints: IdentityHints = {}): Cluster<P>[] {
  const parent = occurrences.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const aliasOf = new Map<string, number>();
  (hints.aliases ?? []).forEach((group, g) => group.forEach((name) => aliasOf.set(foldName(name), g)));
  const distinct = new Set((hints.distinct ?? []).flatMap(([a, b]) => [`${foldName(a)}|${foldName(b)}`, `${foldName(b)}|${foldName(a)}`]));
  const isDistinct = (a: string, b: string) => distinct.size > 0 && distinct.has(`${foldName(a)}|${foldName(b)}`);

  // Organisations: the same folded name.
  const orgByName = new Map<string, number>();
  // People with a first name, bucketed by folded surname.
  const bySurname = new Map<string, number[]>();
  const surnameOnly: number[] = [];
  const aliasFirst = new Map<number, number>();

  // The same people recur across articles: each distinct name is folded and split once.
  const nameForms = new Map<string, { folded: string; words: string[]; given: string }>();
  const formsOf = (name: string) => {
    let forms = nameForms.get(name);
    if (!forms) {
      const raw = nameWords(name);
      forms = { folded: foldName(name), words: raw.map(foldName).filter(Boolean), given: raw.length ? foldName(raw[0]) : '' };
      nameForms.set(name, forms);
    }
    return forms;
  };
  const givenOf: string[] = [];
  occurrences.forEach((occ, i) => {
    const forms = formsOf(occ.person.name);
    const folded = forms.folded;
    const alias = aliasOf.get(folded);
    if (alias !== undefined) {
      // Registry aliases join; the spelling rules below may still join further variants.
      if (aliasFirst.has(alias)) union(aliasFirst.get(alias)!, i);
      else aliasFirst.set(alias, i);
    }
    if (occ.person.isOrganization) {
      if (orgByName.has(folded)) union(orgByName.get(folded)!, i);
      else orgByName.set(folded, i);
      return;
    }
    const words = forms.words;
    if (words.length < 2) {
      surnameOnly.push(i);
      return;
    }
    givenOf[i] = forms.given;
    const surname = words[words.length - 1];
    const bucket = bySurname.get(surname) ?? [];
    bucket.push(i);
    bySurname.set(surname, bucket);
  });

  // Surnames that differ by one letter (long ones only) are one surname: Grushko ~ Grushkó after folding,
  // Verbytskyi ~ Verbitskiy. Bucket by first letter and length to keep this near-linear.
  const surnames = [...bySurname.keys()];
  const byShape = new Map<string, string[]>();
  for (const s of surnames) {
    const shape = `${s[0]}:${s.length}`;
    const list = byShape.get(shape);
    if (list) list.push(s);
    else byShape.set(shape, [s]);
  }
  const surnameGroups = new Map<string, string>(); // surname → representative surname
  const rep = (s: string): string => {
    let r = s;
    while (surnameGroups.has(r) && surnameGroups.get(r) !== r) r = surnameGroups.get(r)!;
    return r;
  };
  for (const s of surnames) surnameGroups.set(s, s);
  const join = (s: string, other: string) => {
    const a = rep(s);
    const b = rep(other);
    if (a !== b) surnameGroups.set(a < b ? b : a, a < b ? a : b);
  };
  for (const s of surnames) {
    if (s.length < 6) continue;
    for (const len of [s.length - 1, s.length, s.length + 1]) {
      for (const other of byShape.get(`${s[0]}:${len}`) ?? []) {
        if (other !== s && similarSurname(s, other)) join(s, other);
      }
    }
  }
  // Romanisations of one surname further apart (Gaddafi ~ Qadhafi): one skeleton (transliteration.ts).
  const bySkeleton = new Map<string, string>();
  for (const s of surnames) {
    const skeleton = surnameSkeleton(s);
    if (skeleton === undefined) continue;
    const first = bySkeleton.get(skeleton);
    if (first === undefined) bySkeleton.set(skeleton, s);
    else join(first, s);
  }
  const merged = new Map<string, number[]>();
  for (const [surname, members] of bySurname) {
    const r = rep(surname);
    const list = merged.get(r);
    if (list) for (const m of members) list.push(m);
    else merged.set(r, [...members]);
  }

  for (const members of merged.values()) {
    // Full first names first, initials after: an initial joins only a single compatible person.
    const given = (i: number) => givenOf[i];
    const full = members.filter((i) => given(i).length > 1);
    const initials = members.filter((i) => given(i).length <= 1);
    const clusters: number[] = [];
    // Without never-merge pairs, where a first name goes depends on that name alone (clusters
    // only grow at the end, so the first compatible one stays first): asked once per name.
    const clusterOfGiven = distinct.size === 0 ? new Map<string, number>() : undefined;
    for (const i of full) {
      const known = clusterOfGiven?.get(given(i));
      if (known !== undefined) {
        union(known, i);
        continue;
      }
      const match = clusters.find((c) => compatibleGiven(given(c), given(i)) && !isDistinct(occurrences[c].person.name, occurrences[i].person.name));
      if (match !== undefined) union(match, i);
      else clusters.push(i);
      clusterOfGiven?.set(given(i), match ?? i);
    }
    for (const i of initials) {
      const compatible = clusters.filter((c) => compatibleGiven(given(c), given(i)));
      if (compatible.length === 1) union(compatible[0], i);
      else clusters.push(i);
    }
  }

  // A surname alone joins the one person with that surname, if there is exactly one.
  // Without registry aliases these joins cannot merge two people, so a group's answer holds.
  const soleRoot = new Map<number[], boolean>();
  for (const i of surnameOnly) {
    const surname = formsOf(occurrences[i].person.name).folded;
    const members = merged.get(rep(surname));
    if (!members) continue;
    let sole = aliasOf.size === 0 ? soleRoot.get(members) : undefined;
    if (sole === undefined) {
      sole = new Set(members.map(find)).size === 1;
      soleRoot.set(members, sole);
    }
    if (sole) union(find(members[0]), i);
  }
  // Surname-only people with the same surname and no full-name match are one speaker.
  const loneSurname = new Map<string, number>();
  for (const i of surnameOnly) {
    if (find(i) !== i) continue;
    const surname = formsOf(occurrences[i].person.name).folded;
    if (merged.has(rep(surname))) continue;
    if (loneSurname.has(surname)) union(loneSurname.get(surname)!, i);
    else loneSurname.set(surname, i);
  }

  const groups = new Map<number, number[]>();
  occurrences.forEach((_, i) => {
    const r = find(i);
    const group = groups.get(r);
    if (group) group.push(i);
    else groups.set(r, [i]);
  });
  const usedIds = new Set<string>();
  // Per slug, the suffix to try next: ids are only ever added, so one found taken stays taken, and
  // many clusters of one name (a common surname alone) do not each count up from 2 again.
  const nextSuffix = new Map<string, number>();
  const clustersOut: Cluster<P>[] = [];
  const aliasCanonical = new Map<number, string>();
  (hints.aliases ?? []).forEach((group, g) => aliasCanonical.set(g, group[0]));
  for (const indexes of [...groups.values()].sort((a, b) => a[0] - b[0])) {
    const members = indexes.map((i) => occurrences[i]);
    const alias = aliasOf.size ? members.map((m) => aliasOf.get(formsOf(m.person.name).folded)).find((a) => a !== undefined) : undefined;
    const name = alias !== undefined ? aliasCanonical.get(alias)! : canonicalName(members.map((m) => m.person.name));
    const base = slug(name);
    let id = base || 'speaker';
    if (usedIds.has(id)) {
      let n = nextSuffix.get(base) ?? 2;
      while (usedIds.has((id = `${base}-${n}`))) n++;
      nextSuffix.set(base, n + 1);
    }
    usedIds.add(id);
    clustersOut.push({ id, name, members, isOrganization: members.every((m) => m.person.isOrganization) });
  }
  return clustersOut;
}

/** The most complete, most common spelling; ties go to the plainer spelling. */
export function canonicalName(names: readonly string[]): string {
  // Most speakers are spelled one way throughout: nothing to rank (a rebuild of the index asks this of every speaker).
  const first = names[0];
  let i = 1;
  while (i < names.length && names[i] === first) i++;
  if (i === names.length && i > 0) return first;
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  // Each distinct spelling measured once, not once per comparison.
  const ranked = [...counts.entries()].map(([name, count]) => ({ name, count, words: nameWords(name).length, plain: plainness(name) }));
  return ranked.sort((a, b) => b.words - a.words || b.count - a.count || b.plain - a.plain || a.name.localeCompare(b.name))[0].name;
}

function plainness(name: string): number {
  return -(name.normalize('NFKD').match(/\p{M}/gu)?.length ?? 0);
}

export function slug(name: string): string {
  // Most names are ASCII letters and digits in words one space apart: for them the rule below is
  // lower case with hyphens for spaces (no normalisation, no Unicode regex: every speaker's id is
  // slugged when a new name is first typed).
  if (isPlainAsciiWords(name, true)) return name.toLowerCase().split(' ').join('-');
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

