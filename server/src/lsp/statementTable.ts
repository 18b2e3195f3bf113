// `attributionLens/statementTable`: the rows `attribution-lens export` writes (workspace/statementTable.ts),
// so that the editor's "Export Statements" produces the same table; `file` is the article's URI.
import type { CancellationToken } from 'vscode-languageserver/node';
import { statementRows } from '../workspace/statementTable';
import { throwIfCancelled, type FeatureContext } from './context';
import type { StatementRowItem, StatementTableParams } from './protocol';

export function statementTable(ctx: FeatureContext, params: StatementTableParams, token?: CancellationToken): StatementRowItem[] {
  throwIfCancelled(token);
  const speaker = typeof params?.speaker === 'string' && params.speaker.trim() ? params.speaker : undefined;
  return statementRows(ctx.index.model, { speaker, fileOf: (uri) => ctx.index.clientUri(uri) });
}
