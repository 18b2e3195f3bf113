// Rename a speaker's spelling across the workspace. On a full name ("Alexandr Grushkó") the new
// text replaces every full-name mention of that speaker in every article and its last word
// replaces every surname-only mention; on a surname ("Grushkó") the new text replaces every
// surname mention and the last word of every full-name mention. "he" and "the diplomat" cannot be
// renamed. Files never opened are edited through the same WorkspaceEdit (version null); the
// server itself writes nothing.
import type {
  CancellationToken,
  PrepareRenameParams,
  Range,
  RenameParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { ResponseError, ErrorCodes, TextDocumentEdit } from './languageServer';
import type { Mention, Person } from '../analysis/types';
import type { ArticleEntry } from '../workspace/types';
import { articleAt, isNameMention, mentionNear, peopleOf, rangeIn, surnameOf, throwIfCancelled, type FeatureContext } from './context';

export function prepareRename(ctx: FeatureContext, params: PrepareRenameParams, token?: CancellationToken): { range: Range; placeholder: string } | null {
  throwIfCancelled(token);
  const at = articleAt(ctx, params.textDocument.uri, params.position);
  if (!at) return null;
  const found = mentionNear(ctx, at.entry, at.offset);
  if (!found) return null;
  if (!isNameMention(found.mention)) {
    throw new ResponseError(ErrorCodes.InvalidRequest, `Rename the name, not “${found.mention.text}”: only spellings of a name can be renamed`);
  }
  return { range: rangeIn(ctx, at.entry, found.mention.span), placeholder: found.mention.text };
}

export function rename(ctx: FeatureContext, params: RenameParams, token?: CancellationToken): WorkspaceEdit | null {
  throwIfCancelled(token);
  const at = articleAt(ctx, params.textDocument.uri, params.position);
  if (!at) return null;
  const found = mentionNear(ctx, at.entry, at.offset);
  if (!found || !isNameMention(found.mention)) return null;
  const newName = params.newName.trim().replace(/\s+/g, ' ');
  if (!newName) throw new ResponseError(ErrorCodes.InvalidParams, 'The new name is empty');

  const renamingFull = isFull(found.mention);
  const model = ctx.index.model;
  const id = found.speakerId ?? model.speakerIdOf(at.entry.uri, found.person.key);
  // Every (article, person) pair that is this speaker; without a workspace id, only this person.
  const targets: Array<{ entry: ArticleEntry; person: Person }> = [];
  if (id) {
    const speaker = model.getSpeaker(id);
    const uris = new Set([at.entry.uri, ...(speaker?.articles ?? [])]);
    for (const uri of uris) {
      const entry = model.getArticle(uri);
      if (entry) for (const person of peopleOf(ctx, entry, id)) targets.push({ entry, person });
    }
  }
  if (!targets.some((t) => t.entry.uri === at.entry.uri && t.person.key === found.person.key)) targets.push({ entry: at.entry, person: found.person });

  const editsByUri = new Map<string, { entry: ArticleEntry; edits: TextEdit[] }>();
  for (const { entry, person } of targets) {
    throwIfCancelled(token);
    for (const m of person.mentions) {
      if (!isNameMention(m)) continue;
      const newText = replacementFor(m, renamingFull, newName);
      if (newText === undefined) continue;
      let bucket = editsByUri.get(entry.uri);
      if (!bucket) editsByUri.set(entry.uri, (bucket = { entry, edits: [] }));
      const range = rangeIn(ctx, entry, newText.span);
      if (!bucket.edits.some((e) => sameRange(e.range, range))) bucket.edits.push({ range, newText: newText.text });
    }
  }

  if (ctx.capabilities.documentChanges) {
    return {
      documentChanges: [...editsByUri.values()].map(({ entry, edits }) =>
        TextDocumentEdit.create({ uri: ctx.index.clientUri(entry.uri), version: ctx.index.version(entry.uri) }, edits),
      ),
    };
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const { entry, edits } of editsByUri.values()) changes[ctx.index.clientUri(entry.uri)] = edits;
  return { changes };
}

function isFull(m: Mention): boolean {
  return m.text.trim().split(/\s+/).length > 1;
}

/** What one mention becomes; undefined when it stays as it is. */
function replacementFor(m: Mention, renamingFull: boolean, newName: string): { span: Mention['span']; text: string } | undefined {
  const full = isFull(m);
  const newSurname = surnameOf(newName);
  if (full) {
    if (renamingFull) return m.text === newName ? undefined : { span: m.span, text: newName };
    // Renaming the surname: replace the last word of the full name only.
    const old = surnameOf(m.text);
    if (old === newSurname) return undefined;
    const start = m.span.end - old.length;
    return { span: { start, end: m.span.end }, text: newSurname };
  }
  const text = renamingFull ? newSurname : newName;
  return m.text === text ? undefined : { span: m.span, text };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
