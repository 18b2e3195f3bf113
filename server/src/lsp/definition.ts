// Go to definition on a mention ("he", "Grushko", "the diplomat") or a statement: the first full
// mention of that person in the article.
import type { CancellationToken, DefinitionParams, Location } from 'vscode-languageserver/node';
import { articleAt, firstFullMention, locationOf, mentionNear, throwIfCancelled, type FeatureContext } from './context';

export function definition(ctx: FeatureContext, params: DefinitionParams, token?: CancellationToken): Location | null {
  throwIfCancelled(token);
  const at = articleAt(ctx, params.textDocument.uri, params.position);
  if (!at) return null;
  const { entry, offset } = at;
  let personKey = mentionNear(ctx, entry, offset)?.person.key;
  if (!personKey) {
    const ref = ctx.index.model.statementAt(entry.uri, offset);
    personKey = ref?.statement.personKey;
  }
  const person = personKey ? entry.analysis.people.find((p) => p.key === personKey) : undefined;
  const first = person ? firstFullMention(person) : undefined;
  return first ? locationOf(ctx, entry, first.span) : null;
}
