// Helpers for the attribution-rule tests: an AP-style head, then a body; each statement read back as
// its speaker, kind, and cue, content and source as text.
import * as assert from 'node:assert/strict';
import { analyzeArticle, type Statement } from '../../../server/src/analysis';

/** A headline and a dateline paragraph that the bodies follow. */
export const HEAD = 'Council vote delayed\n\nLONDON (AP) — The council met on Monday.\n\n';

export interface Seen {
  speaker?: string;
  kind: string;
  cue?: string;
  content: string;
  source?: string;
}

/** The statements of a whole text. */
export function seenIn(text: string): Seen[] {
  const slice = (s: { start: number; end: number } | undefined) => (s ? text.slice(s.start, s.end) : undefined);
  return analyzeArticle(text).statements.map((s: Statement) => ({
    speaker: s.speaker,
    kind: s.kind,
    cue: slice(s.cueSpan),
    content: text.slice(s.contentSpan.start, s.contentSpan.end),
    source: slice(s.sourceSpan),
  }));
}

/** The statements of HEAD followed by `body`. */
export const statementsOf = (body: string): Seen[] => seenIn(HEAD + body);

/** The one statement whose content contains `words`. */
export function find(seen: Seen[], words: string): Seen {
  const hits = seen.filter((s) => s.content.includes(words));
  assert.equal(hits.length, 1, `one statement with "${words}" in ${JSON.stringify(seen, null, 1)}`);
  return hits[0];
}

/** No statement's content contains `words`. */
export function none(seen: Seen[], words: string): void {
  assert.deepEqual(seen.filter((s) => s.content.includes(words)), [], `no statement with "${words}"`);
}
