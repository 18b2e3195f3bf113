// Highlights in the article under the caret: on a mention ("Grushko", "he", "the diplomat"), every
// mention of that speaker here; inside a statement, its speaker's mentions and its cue; on a date,
// every date of the same calendar value ("Monday" and "December 20"). A mention that names the
// speaker of a statement is a Write highlight (where the person speaks), any other a Read one, so
// that an editor sees at a glance where someone is quoted and where merely named.
import type { CancellationToken, DocumentHighlight, DocumentHighlightParams } from 'vscode-languageserver/node';
import { DocumentHighlightKind } from './languageServer';
import type { Span } from '../analysis/types';
import type { AnalysedEntry } from '../workspace/types';
import { articleAt, mentionNear, rangeIn, throwIfCancelled, type FeatureContext } from './context';

export function documentHighlights(ctx: FeatureContext, params: DocumentHighlightParams, token?: CancellationToken): DocumentHighlight[] | null {
  throwIfCancelled(token);
  const at = articleAt(ctx, params.textDocument.uri, params.position);
  if (!at) return null;
  const { entry, offset } = at;
  const highlight = (span: Span, kind: DocumentHighlightKind): DocumentHighlight => ({ range: rangeIn(ctx, entry, span), kind });

  const found = mentionNear(ctx, entry, offset);
  const statement = found ? undefined : ctx.index.model.statementAt(entry.uri, offset)?.statement;
  const personKey = found?.person.key ?? statement?.personKey;
  if (personKey !== undefined) {
    const spans = mentionSpansOfSpeaker(ctx, entry, personKey, found?.speakerId);
    const speaking = new Set(entry.analysis.statements.map((s) => s.sourceSpan?.start));
    const out = spans.map((span) => highlight(span, speaking.has(span.start) ? DocumentHighlightKind.Write : DocumentHighlightKind.Read));
    if (statement?.cueSpan) out.push(highlight(statement.cueSpan, DocumentHighlightKind.Text));
    return out;
  }
  if (statement) return null; // nobody named for it: nothing to point at

  const date = ctx.index.model.dateAt(entry.uri, offset);
  if (!date) return null;
  return entry.analysis.dates.filter((d) => d.value === date.value).map((d) => highlight(d.span, DocumentHighlightKind.Text));
}

/**
 * The spans of every mention, in this article, of the speaker a person of it is: the people the
 * workspace joins into one speaker (a name and a differently spelled one) count as one. In text order.
 */
function mentionSpansOfSpeaker(ctx: FeatureContext, entry: AnalysedEntry, personKey: string, knownSpeakerId?: string): Span[] {
  const model = ctx.index.model;
  const speakerId = knownSpeakerId ?? model.speakerIdOf(entry.uri, personKey);
  const people = entry.analysis.people.filter((p) => p.key === personKey || (speakerId !== undefined && model.speakerIdOf(entry.uri, p.key) === speakerId));
  return people.flatMap((p) => p.mentions.map((m) => m.span)).sort((a, b) => a.start - b.start);
}
