// The custom request `attributionLens/unattributedQuotes`: every quotation nobody is named for, in
// every article of the workspace, open or not: the quotes the status bar counts, for an editor to go
// through one by one. A closed article is analysed again only if its summary counts one.
import type { CancellationToken } from 'vscode-languageserver/node';
import { Yielder } from '../node/eventLoop';
import { isIgnored, isMarkdown } from '../workspace/ignoreMarkers';
import { rangeIn, throwIfCancelled, type FeatureContext } from './context';
import { unattributedCount } from './diagnostics';
import type { UnattributedQuoteItem } from './protocol';

/** How long the walk runs before letting requests and edits in: a large workspace has thousands to read again. */
const YIELD_EVERY_MS = 20;

export async function unattributedQuotes(ctx: FeatureContext, token?: CancellationToken): Promise<UnattributedQuoteItem[]> {
  const items: UnattributedQuoteItem[] = [];
  const yielder = new Yielder(YIELD_EVERY_MS);
  // Open buffers as typed: an edit still waiting for its analysis is analysed now.
  for (const doc of ctx.index.openArticles()) ctx.index.flush(doc.uri);
  const withQuotes = ctx.index.model.articles().filter((entry) => unattributedCount(ctx, entry) > 0).map((entry) => entry.uri);
  for (const key of withQuotes) {
    await yielder.now();
    throwIfCancelled(token);
    const uri = ctx.index.clientUri(key);
    const entry = ctx.index.article(uri);
    if (!entry) continue; // gone while the walk let edits in
    const { analysis } = entry;
    const markdown = isMarkdown(entry.uri, ctx.index.languageOf(entry.uri));
    for (const d of analysis.diagnostics) {
      if (d.code !== 'unattributed-quote' || isIgnored(analysis, d.span, d.code, markdown)) continue;
      items.push({ uri, range: rangeIn(ctx, entry, d.span), text: analysis.text.slice(d.span.start + 1, d.span.end - 1) });
    }
  }
  return items;
}
