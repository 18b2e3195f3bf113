// References on a person (or on a statement): every statement by that person across the
// workspace, including articles never opened. Locations are the statements' content ranges.
import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver/node';
import { articleAt, locationOf, speakerIdNear, throwIfCancelled, type FeatureContext } from './context';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * Each speaker's answer, kept while the model and the open documents stay as they are: the
 * busiest speakers' (over a thousand locations in a newsroom's workspace) are asked for again
 * and again, and placing every statement costs more than the rest of the request.
 */
const answers = new WeakMap<WorkspaceIndex, { revision: string; bySpeaker: Map<string, Location[]> }>();

export function references(ctx: FeatureContext, params: ReferenceParams, token?: CancellationToken): Location[] | null {
  throwIfCancelled(token);
  const at = articleAt(ctx, params.textDocument.uri, params.position);
  if (!at) return null;
  const id = speakerIdNear(ctx, at.entry, at.offset);
  if (!id) return null;
  const revision = ctx.index.answersRevision;
  let cached = answers.get(ctx.index);
  if (cached?.revision !== revision) answers.set(ctx.index, (cached = { revision, bySpeaker: new Map() }));
  const known = cached.bySpeaker.get(id);
  if (known) return known;
  const locations: Location[] = [];
  for (const ref of ctx.index.model.statementsBySpeaker(id)) {
    throwIfCancelled(token);
    const entry = ctx.index.model.getArticle(ref.uri);
    if (entry) locations.push(locationOf(ctx, entry, ref.contentSpan));
  }
  cached.bySpeaker.set(id, locations);
  return locations;
}
