// Completion of speakers' names as they are typed: "Grus" offers "Alexander Grushko" (the first
// word typed) or "Grushko" (the surname typed), spelled as the workspace spells that speaker most,
// with their role and how often they are quoted. Only on a capitalised word of two letters or
// more, so that ordinary prose typing brings up no list; the busiest speakers first.
import type { CancellationToken, CompletionItem, CompletionList, CompletionParams } from 'vscode-languageserver/node';
import { CompletionItemKind, MarkupKind } from './languageServer';
import type { Speaker } from '../workspace/types';
import { fold, throwIfCancelled, type FeatureContext } from './context';

/** At most this many names in one list; a longer prefix asks again (the list says it is incomplete). */
const MAX_ITEMS = 50;

export async function completions(ctx: FeatureContext, params: CompletionParams, token?: CancellationToken): Promise<CompletionList | null> {
  throwIfCancelled(token);
  // The text as typed, not its analysis: a completion asked at each keystroke must not undo the edits' debounce.
  const doc = ctx.index.openArticle(params.textDocument.uri);
  if (!doc) return null;
  const offset = doc.offsetAt(params.position);
  const typed = nameBeingTyped(doc.getText(), offset);
  if (!typed || !(await ctx.settings(params.textDocument.uri)).completion.enabled) return null;
  throwIfCancelled(token);

  const prefix = fold(typed.text);
  const found: Array<{ speaker: Speaker; insert: string }> = [];
  for (const speaker of ctx.index.model.speakers()) {
    const insert = completionOf(speaker, prefix);
    if (insert) found.push({ speaker, insert });
  }
  found.sort((a, b) => b.speaker.statementCount - a.speaker.statementCount || a.insert.localeCompare(b.insert));
  const range = { start: doc.positionAt(offset - typed.text.length), end: params.position };
  const items = found.slice(0, MAX_ITEMS).map(({ speaker, insert }, rank): CompletionItem => ({
    label: insert,
    kind: speaker.isOrganization ? CompletionItemKind.Module : CompletionItemKind.Class,
    labelDetails: { description: insert === speaker.name ? speaker.roles[0] : speaker.name },
    detail: [speaker.roles[0], speaker.name].filter(Boolean).join(' · '),
    documentation: { kind: MarkupKind.Markdown, value: aboutSpeaker(speaker) },
    // What was typed, so that the editor's own filter keeps a name typed without its accents.
    filterText: typed.text,
    sortText: String(rank).padStart(4, '0'),
    textEdit: { range, newText: insert },
  }));
  return { isIncomplete: found.length > MAX_ITEMS, items };
}

/**
 * The capitalised word ending at the caret, when it is at least two letters long and the caret is
 * not inside a longer word: the start of a name being typed.
 */
export function nameBeingTyped(text: string, offset: number): { text: string } | undefined {
  const letter = /[\p{L}'’\-]/u;
  if (offset < text.length && letter.test(text[offset])) return undefined;
  let start = offset;
  while (start > 0 && letter.test(text[start - 1]) && offset - start < 64) start--;
  const word = text.slice(start, offset).replace(/^['’\-]+/, '');
  if (word.length < 2 || !/^\p{Lu}/u.test(word)) return undefined;
  return { text: word };
}

/**
 * What to put in for a speaker whose name a (folded) prefix starts: the canonical name when the
 * prefix starts it or another full spelling of it ("Alexandr Grushko"); the name from a later
 * word on when the prefix starts that word ("Grushkó"); its surname when the prefix starts another
 * spelling of the surname alone ("Grushko"), so that the canonical spelling goes in.
 */
export function completionOf(speaker: Speaker, prefix: string): string | undefined {
  const folded = foldedNames(speaker);
  if (folded.fullNames.some((s) => s.startsWith(prefix))) return speaker.name;
  const i = folded.laterWords.findIndex((w) => w.startsWith(prefix));
  if (i >= 0) return speaker.name.split(' ').slice(i + 1).join(' ');
  return folded.singleWords.some((s) => s.startsWith(prefix)) ? speaker.name.slice(speaker.name.lastIndexOf(' ') + 1) : undefined;
}

interface FoldedNames {
  /** What they were folded from: a speaker given new spellings (a new array) is folded again. */
  from: { name: string; spellings: readonly string[] };
  /** The canonical name and the other spellings of more than one word. */
  fullNames: string[];
  /** The canonical name's words after the first. */
  laterWords: string[];
  /** Spellings of one word (a surname written alone). */
  singleWords: string[];
}

/** Folding is the dear part of a completion (Unicode normalisation); each speaker's is kept while its names stay. */
const foldedBySpeaker = new WeakMap<Speaker, FoldedNames>();

function foldedNames(speaker: Speaker): FoldedNames {
  const kept = foldedBySpeaker.get(speaker);
  if (kept && kept.from.name === speaker.name && kept.from.spellings === speaker.spellings) return kept;
  const made: FoldedNames = {
    from: { name: speaker.name, spellings: speaker.spellings },
    fullNames: [speaker.name, ...speaker.spellings.filter((s) => s.includes(' '))].map(fold),
    laterWords: speaker.name.split(' ').slice(1).map(fold),
    singleWords: speaker.spellings.filter((s) => !s.includes(' ')).map(fold),
  };
  foldedBySpeaker.set(speaker, made);
  return made;
}

function aboutSpeaker(speaker: Speaker): string {
  const statements = `${speaker.statementCount} statement${speaker.statementCount === 1 ? '' : 's'}`;
  const articles = speaker.statementArticles.length;
  const lines = [`**${speaker.name}**${speaker.roles.length ? ` — ${speaker.roles.join(', ')}` : ''}`, '', `${statements} in ${articles} article${articles === 1 ? '' : 's'}`];
  const others = speaker.spellings.filter((s) => s !== speaker.name);
  if (others.length) lines.push('', `Also spelled: ${others.join(', ')}`);
  if (speaker.note) lines.push('', speaker.note);
  return lines.join('\n');
}
