// What every feature gets from the server, and the few conversions they share. The only LSP-facing
// conversions of the core's plain data (offsets → ranges via LineIndex) happen through here.
import type { CancellationToken, Location, Position, Range } from 'vscode-languageserver/node';
import { LSPErrorCodes, ResponseError } from './languageServer';
import type { Mention, Person, Span } from '../analysis/types';
import type { AnalysedEntry, ArticleEntry, Speaker, StatementRef } from '../workspace/types';
import type { StatementItem } from './protocol';
import type { Settings } from './settings';
import type { RegistryManager } from './registry';
import type { WorkspaceIndex } from './workspaceIndex';

export interface FeatureContext {
  index: WorkspaceIndex;
  /** The speaker registry of each workspace folder (absent in tests that build a bare context). */
  registry?: RegistryManager;
  settings(uri: string | undefined): Promise<Settings>;
  /** Client capabilities the features adapt to. */
  capabilities: { documentChanges: boolean; hierarchicalSymbols: boolean; createFiles?: boolean };
}

/** Throws the LSP "request cancelled" error once the client has given up on a request. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
}

/** The range of a span in an article. */
export function rangeIn(ctx: FeatureContext, entry: ArticleEntry, span: Span): Range {
  return ctx.index.lineIndex(entry).rangeOf(span);
}

export function locationOf(ctx: FeatureContext, entry: ArticleEntry, span: Span): Location {
  return { uri: ctx.index.clientUri(entry.uri), range: rangeIn(ctx, entry, span) };
}

/** The article and offset under a client position, after any pending edit is applied. */
export function articleAt(ctx: FeatureContext, uri: string, position: Position): { entry: AnalysedEntry; offset: number } | undefined {
  const entry = ctx.index.article(uri);
  if (!entry) return undefined;
  return { entry, offset: ctx.index.lineIndex(entry).offsetAt(position) };
}

/** The person mention at an offset, also accepting a caret just after the word. */
export function mentionNear(ctx: FeatureContext, entry: AnalysedEntry, offset: number): { mention: Mention; person: Person; speakerId?: string } | undefined {
  const model = ctx.index.model;
  return model.mentionAt(entry.uri, offset) ?? (offset > 0 ? model.mentionAt(entry.uri, offset - 1) : undefined);
}

/** The speaker id under an offset: a mention's, or the speaker of the statement there. */
export function speakerIdNear(ctx: FeatureContext, entry: AnalysedEntry, offset: number): string | undefined {
  const m = mentionNear(ctx, entry, offset);
  if (m) return m.speakerId ?? ctx.index.model.speakerIdOf(entry.uri, m.person.key);
  return ctx.index.model.statementAt(entry.uri, offset)?.speakerId;
}

/** A statement as the custom protocol carries it. */
export function statementItem(ctx: FeatureContext, ref: StatementRef): StatementItem | undefined {
  const entry = ctx.index.model.getArticle(ref.uri);
  // None when the article's stored statements did not read back (it is being analysed again).
  const s = entry && (ref.statement as StatementRef['statement'] | undefined);
  if (!s) return undefined;
  const speaker = ref.speakerId ? ctx.index.model.getSpeaker(ref.speakerId) : undefined;
  return {
    uri: ctx.index.clientUri(ref.uri),
    range: rangeIn(ctx, entry, s.contentSpan),
    text: s.text,
    kind: s.kind,
    cue: s.cue,
    ...(s.date ? { date: s.date } : {}),
    ...(ref.speakerId ? { speakerId: ref.speakerId } : {}),
    ...(speaker?.name ?? s.speaker ? { speaker: speaker?.name ?? s.speaker } : {}),
  };
}

/** The people of one article that are the given workspace speaker (from its summary: names, not pronouns). */
export function peopleOf(ctx: FeatureContext, entry: ArticleEntry, speakerId: string): Person[] {
  return entry.summary.people.filter((p) => ctx.index.model.speakerIdOf(entry.uri, p.key) === speakerId);
}

/** Mentions that spell a name (as opposed to "he" or "the diplomat"). */
export function isNameMention(m: Mention): boolean {
  return m.kind === 'name' || m.kind === 'surname';
}

/** The first full-name mention of a person (else the first mention). */
export function firstFullMention(person: Person): Mention | undefined {
  const sorted = [...person.mentions].sort((a, b) => a.span.start - b.span.start);
  return sorted.find((m) => m.kind === 'name') ?? sorted.find(isNameMention) ?? sorted[0];
}

/** Where a speaker is first named in the workspace (first article listed, first full mention). */
export function speakerLocation(ctx: FeatureContext, speaker: Speaker): Location | undefined {
  for (const uri of speaker.articles) {
    const entry = ctx.index.model.getArticle(uri);
    if (!entry) continue;
    for (const person of peopleOf(ctx, entry, speaker.id)) {
      const m = firstFullMention(person);
      if (m) return locationOf(ctx, entry, m.span);
    }
  }
  return undefined;
}

/** Case-, accent- and punctuation-insensitive form for comparing names and queries. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'`«»]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The last word of a name ("Grushko" of "Alexander Grushko"). */
export function surnameOf(name: string): string {
  const words = name.trim().split(/\s+/);
  return words[words.length - 1] ?? name;
}

/** Shortens quoted words for messages and labels. */
export function shorten(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : t.slice(0, max - 1).trimEnd() + '…';
}

/** "1 statement", "7 statements". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
