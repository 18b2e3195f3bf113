// workspace/symbol: speakers by any spelling, and statements by their words.
import type { CancellationToken, SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { SymbolKind } from './languageServer';
import { fold, locationOf, shorten, speakerLocation, throwIfCancelled, type FeatureContext } from './context';

const MAX_RESULTS = 500;

export function workspaceSymbols(ctx: FeatureContext, params: WorkspaceSymbolParams, token?: CancellationToken): SymbolInformation[] {
  throwIfCancelled(token);
  const model = ctx.index.model;
  const query = params.query.trim();
  const results: SymbolInformation[] = [];
  // Without a query, only people who say something: mentions alone would flood the list.
  const speakers = query ? model.findSpeakers(query) : model.speakers().filter((s) => s.statementCount > 0);
  for (const speaker of speakers) {
    throwIfCancelled(token);
    const location = speakerLocation(ctx, speaker);
    if (!location) continue;
    results.push({
      name: speaker.name,
      kind: speaker.isOrganization ? SymbolKind.Namespace : SymbolKind.Class,
      location,
      containerName: speaker.roles[0] ?? '',
    });
    if (results.length >= MAX_RESULTS) return results;
  }
  // Statements only for a real query: listing every statement would swamp the picker.
  if (query.length < 2) return results;
  const wanted = fold(query);
  for (const entry of model.articles()) {
    throwIfCancelled(token);
    for (const statement of entry.summary.statements) {
      if (results.length >= MAX_RESULTS) break;
      if (!fold(statement.text).includes(wanted)) continue;
      const id = statement.personKey ? model.speakerIdOf(entry.uri, statement.personKey) : undefined;
      const who = (id ? model.getSpeaker(id)?.name : undefined) ?? statement.speaker ?? 'unattributed';
      results.push({
        name: `“${shorten(statement.text, 80)}”`,
        kind: SymbolKind.String,
        location: locationOf(ctx, entry, statement.contentSpan),
        containerName: `${who} · ${statement.cue}`,
      });
    }
    if (results.length >= MAX_RESULTS) break;
  }
  return results;
}
