// The custom request `attributionLens/speakers`: every speaker in the workspace, most quoted first.
import type { CancellationToken } from 'vscode-languageserver/node';
import { throwIfCancelled, type FeatureContext } from './context';
import type { SpeakerItem } from './protocol';

export function speakers(ctx: FeatureContext, token?: CancellationToken): SpeakerItem[] {
  throwIfCancelled(token);
  return ctx.index.model
    .speakers()
    .map((s) => ({
      id: s.id,
      name: s.name,
      roles: s.roles,
      spellings: s.spellings,
      isOrganization: s.isOrganization,
      statementCount: s.statementCount,
      statementArticles: s.statementArticles.map((u) => ctx.index.clientUri(u)),
      ...(s.firstDate ? { firstDate: s.firstDate } : {}),
      ...(s.lastDate ? { lastDate: s.lastDate } : {}),
    }))
    .sort((a, b) => b.statementCount - a.statementCount || a.name.localeCompare(b.name));
}
