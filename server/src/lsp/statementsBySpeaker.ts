// The custom request `attributionLens/statementsBySpeaker`: a speaker's statements, located.
import type { CancellationToken } from 'vscode-languageserver/node';
import type { Speaker } from '../workspace/types';
import { fold, statementItem, surnameOf, throwIfCancelled, type FeatureContext } from './context';
import type { StatementItem, StatementsBySpeakerParams } from './protocol';

export function statementsBySpeaker(ctx: FeatureContext, params: StatementsBySpeakerParams, token?: CancellationToken): StatementItem[] {
  throwIfCancelled(token);
  const speaker = resolveSpeaker(ctx, params);
  if (!speaker) return [];
  const items: StatementItem[] = [];
  for (const ref of ctx.index.model.statementsBySpeaker(speaker.id)) {
    throwIfCancelled(token);
    const item = statementItem(ctx, ref);
    if (item) items.push(item);
  }
  return items;
}

/** The speaker an id or a name means: exact id, else an exact spelling, else the best match. */
export function resolveSpeaker(ctx: FeatureContext, params: StatementsBySpeakerParams): Speaker | undefined {
  const model = ctx.index.model;
  if (params.id) {
    const byId = model.getSpeaker(params.id);
    if (byId) return byId;
  }
  const name = params.name;
  if (!name || !name.trim()) return undefined;
  const wanted = fold(name);
  const candidates = model.findSpeakers(name);
  const pool = candidates.length ? candidates : model.speakers();
  const exact =
    pool.find((s) => fold(s.name) === wanted) ??
    pool.find((s) => s.spellings.some((sp) => fold(sp) === wanted)) ??
    pool.find((s) => [s.name, ...s.spellings].some((sp) => fold(surnameOf(sp)) === wanted));
  if (exact) return exact;
  // Prefer the speaker with the most statements among the partial matches.
  return [...candidates].sort((a, b) => b.statementCount - a.statementCount)[0];
}
