// `attributionLens/timeline`: the Speaker Timeline's data (workspace/timeline.ts) with spans as
// ranges and URIs as the client spells them.
import type { CancellationToken } from 'vscode-languageserver/node';
import { buildTimeline } from '../workspace/timeline';
import { throwIfCancelled, type FeatureContext } from './context';
import type { TimelineParams, TimelineResult } from './protocol';

export function timeline(ctx: FeatureContext, params: TimelineParams, token?: CancellationToken): TimelineResult {
  throwIfCancelled(token);
  const model = ctx.index.model;
  const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  const data = buildTimeline(model, { speakers: strings(params?.speakers), articles: strings(params?.articles).map((u) => ctx.index.keyOf(u)) });
  return {
    lanes: data.lanes,
    entries: data.entries.map((e) => {
      const entry = model.getArticle(e.uri)!;
      return {
        speakerId: e.speakerId,
        uri: ctx.index.clientUri(e.uri),
        range: ctx.index.lineIndex(entry).rangeOf(e.span),
        ...(e.date ? { date: e.date } : {}),
        kind: e.kind,
        cue: e.cue,
        text: e.text,
      };
    }),
    articles: data.articles.map((a) => ({ ...a, uri: ctx.index.clientUri(a.uri) })),
    ...(data.first ? { first: data.first, last: data.last } : {}),
    undated: data.undated,
  };
}
