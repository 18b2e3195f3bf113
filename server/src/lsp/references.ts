// References on a person (or on a statement): every statement by that person across the
// workspace, including articles never opened. Locations are the statements' content ranges.
import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver/node';
import { articleAt, locationOf, speakerIdNear, throwIfCancelled, type FeatureContext } from './context';

export function references(ctx: FeatureContext, params: ReferenceParams, token?: CancellationToken): Location[] | null {
  throwIfCancelled(token);
  const at = articleAt(ctx, params.textDocument.uri, params.position);
  if (!at) return null;
  const id = speakerIdNear(ctx, at.entry, at.offset);
  if (!id) return null;
  const locations: Location[] = [];
  for (const ref of ctx.index.model.statementsBySpeaker(id)) {
    throwIfCancelled(token);
    const entry = ctx.index.model.getArticle(ref.uri);
    if (entry) locations.push(locationOf(ctx, entry, ref.contentSpan));
  }
  return locations;
}
