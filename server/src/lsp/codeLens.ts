// Code lens on the first mention of each speaker: "7 statements in 3 articles". Clicking runs the
// client command SHOW_STATEMENTS_COMMAND with [speakerId, uri, position].
import type { CancellationToken, CodeLens, CodeLensParams } from 'vscode-languageserver/node';
import { firstFullMention, plural, rangeIn, throwIfCancelled, type FeatureContext } from './context';
import { SHOW_STATEMENTS_COMMAND } from './protocol';

export async function codeLenses(ctx: FeatureContext, params: CodeLensParams, token?: CancellationToken): Promise<CodeLens[]> {
  const settings = await ctx.settings(params.textDocument.uri);
  throwIfCancelled(token);
  if (!settings.codeLens.enabled) return [];
  const entry = ctx.index.article(params.textDocument.uri);
  if (!entry) return [];
  const model = ctx.index.model;
  const lenses: CodeLens[] = [];
  const seen = new Set<string>();
  for (const person of entry.analysis.people) {
    const id = model.speakerIdOf(entry.uri, person.key);
    const speaker = id ? model.getSpeaker(id) : undefined;
    if (!id || !speaker || speaker.statementCount === 0 || seen.has(id)) continue;
    seen.add(id);
    const first = [...person.mentions].sort((a, b) => a.span.start - b.span.start)[0] ?? firstFullMention(person);
    if (!first) continue;
    const range = rangeIn(ctx, entry, first.span);
    lenses.push({
      range,
      command: {
        title: `${plural(speaker.statementCount, 'statement')} in ${plural(speaker.statementArticles.length, 'article')}`,
        command: SHOW_STATEMENTS_COMMAND,
        arguments: [id, params.textDocument.uri, range.start],
      },
    });
  }
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
