// References on a person (or on a statement): every statement by that person across the
// workspace, including articles never opened. Locations are the statements' content ranges.
import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver/node';
import { LineTable } from '../analysis/positions';
import { nextTurn } from '../node/eventLoop';
import { PackedSummary, type LineStartsRoom } from '../workspace/packedSummary';
import { articleAt, speakerIdNear, throwIfCancelled, type FeatureContext } from './context';
import { LocationsJson } from './locationsJson';
import { Serialised } from './transport';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * Each speaker's answer, kept while the model and the open documents stay as they are: the
 * busiest speakers' (over a thousand locations in a newsroom's workspace) are asked for again
 * and again, and placing every statement costs more than the rest of the request.
 */
const answers = new WeakMap<WorkspaceIndex, { revision: string; bySpeaker: Map<string, Serialised<Location[]>> }>();

/** Where closed articles' line starts are decoded while their statements are placed. */
const room: LineStartsRoom = { starts: new Uint32Array(1024) };

export function references(ctx: FeatureContext, params: ReferenceParams, token?: CancellationToken): Location[] | null {
  return referencesReply(ctx, params, token)?.value ?? null;
}

/** `references`, with the JSON of the answer kept as long as the answer is (transport.ts). */
export function referencesReply(ctx: FeatureContext, params: ReferenceParams, token?: CancellationToken): Serialised<Location[]> | null {
  throwIfCancelled(token);
  const at = articleAt(ctx, params.textDocument.uri, params.position);
  if (!at) return null;
  const id = speakerIdNear(ctx, at.entry, at.offset);
  if (!id) return null;
  return answerFor(ctx, id, token);
}

/** The answer for a speaker: the one kept, if the answers' revision is still the same, or made now. */
function answerFor(ctx: FeatureContext, id: string, token?: CancellationToken): Serialised<Location[]> {
  const revision = ctx.index.answersRevision;
  let cached = answers.get(ctx.index);
  if (cached?.revision !== revision) answers.set(ctx.index, (cached = { revision, bySpeaker: new Map() }));
  const known = cached.bySpeaker.get(id);
  if (known) return known;
  // A speaker's statements come grouped by article: each article is looked up, and its lines
  // and client URI had, once per run rather than once per statement; the locations are written
  // as JSON as they are placed (a busy speaker's first request places some 1,400).
  const spans = ctx.index.model.statementSpansBySpeaker(id);
  const json = new LocationsJson();
  for (let i = 0; i < spans.length; ) {
    throwIfCancelled(token);
    const article = spans.uri(i);
    let last = 0;
    let runEnd = i;
    for (; runEnd < spans.length && spans.uri(runEnd) === article; runEnd++) last = Math.max(last, spans.start(runEnd), spans.end(runEnd));
    const summary = ctx.index.model.getArticle(article)?.summary;
    if (summary) {
      // Line starts not decoded yet are decoded into the one room (and only as far as the
      // statements need), not kept per article.
      const lines = new LineTable(summary instanceof PackedSummary ? summary.lineStartsIn(room, last) : summary.lineStarts, summary.length);
      json.article(ctx.index.clientUri(article));
      for (let k = i; k < runEnd; k++) json.location(lines, spans.start(k), spans.end(k));
    }
    i = runEnd;
  }
  const answer = Serialised.ofJson<Location[]>(json.finish());
  cached.bySpeaker.set(id, answer);
  return answer;
}

/** Speakers whose answers are made ahead of their first request (`primeReferences`), at most. */
const PRIMED_SPEAKERS = 8;
/** Answers of fewer statements are made in well under a millisecond when asked for: not made ahead. */
const PRIMED_MIN_STATEMENTS = 250;

/**
 * Makes the answers of the busiest speakers (the most statements) ahead of their first request,
 * as rust-analyzer primes its caches: one speaker per turn of the event loop, requests first. For
 * after the start, once the restored files are checked; it stops when the answers' revision
 * changes (what it made would be thrown away). At most a few answers (some 200 KB of JSON each
 * at a thousand articles), kept and dropped like any other.
 */
export async function primeReferences(ctx: FeatureContext, speakers = PRIMED_SPEAKERS, minStatements = PRIMED_MIN_STATEMENTS): Promise<void> {
  const revision = ctx.index.answersRevision;
  const busiest = ctx.index.model
    .speakers()
    .filter((s) => s.statementCount >= minStatements)
    .sort((a, b) => b.statementCount - a.statementCount || (a.id < b.id ? -1 : 1))
    .slice(0, speakers);
  for (const speaker of busiest) {
    await nextTurn();
    if (ctx.index.answersRevision !== revision) return;
    answerFor(ctx, speaker.id);
  }
}

/** The answer kept for a speaker under the current revision, if any (for tests). */
export function keptAnswer(ctx: FeatureContext, id: string): Serialised<Location[]> | undefined {
  const cached = answers.get(ctx.index);
  return cached?.revision === ctx.index.answersRevision ? cached.bySpeaker.get(id) : undefined;
}
