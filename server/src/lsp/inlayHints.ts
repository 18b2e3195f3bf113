// Inlay hints: the resolved date after a date whose year the text leaves out ("on Monday"
// → 2022-01-10), and the resolved speaker after "he said" / "the diplomat said".
import type { CancellationToken, InlayHint, InlayHintParams } from 'vscode-languageserver/node';
import { rangeIn, throwIfCancelled, type FeatureContext } from './context';
import { describeIso } from './hover';

export async function inlayHints(ctx: FeatureContext, params: InlayHintParams, token?: CancellationToken): Promise<InlayHint[]> {
  const settings = await ctx.settings(params.textDocument.uri);
  throwIfCancelled(token);
  if (!settings.inlayHints.enabled) return [];
  const entry = ctx.index.article(params.textDocument.uri);
  if (!entry) return [];
  const li = ctx.index.lineIndex(entry);
  const from = li.offsetAt(params.range.start);
  const to = li.offsetAt(params.range.end);
  const inRange = (s: { start: number; end: number }) => s.end >= from && s.start <= to;
  const hints: InlayHint[] = [];

  for (const d of entry.analysis.dates) {
    if (!inRange(d.span)) continue;
    const year = /^\d{4}/.exec(d.value)?.[0];
    // Only where the reader has to work it out: the text does not state the year.
    if (!year || d.text.includes(year)) continue;
    hints.push({
      position: rangeIn(ctx, entry, d.span).end,
      label: `= ${d.value}`,
      paddingLeft: true,
      tooltip: [describeIso(d.value), d.explanation].filter(Boolean).join(' — '),
    });
  }

  const model = ctx.index.model;
  const people = new Map(entry.analysis.people.map((p) => [p.key, p]));
  const done = new Set<number>();
  for (const s of entry.analysis.statements) {
    if (!s.sourceSpan || !s.personKey || !inRange(s.sourceSpan) || done.has(s.sourceSpan.start)) continue;
    const person = people.get(s.personKey);
    const mention = person?.mentions.find((m) => m.span.start === s.sourceSpan!.start && m.span.end === s.sourceSpan!.end);
    if (!person || !mention || (mention.kind !== 'pronoun' && mention.kind !== 'role')) continue;
    done.add(s.sourceSpan.start);
    const id = model.speakerIdOf(entry.uri, person.key);
    const name = (id ? model.getSpeaker(id)?.name : undefined) ?? person.name;
    hints.push({
      position: rangeIn(ctx, entry, mention.span).end,
      label: `(${name})`,
      paddingLeft: true,
      tooltip: `“${mention.text}” is ${name}`,
    });
  }
  throwIfCancelled(token);
  return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}
