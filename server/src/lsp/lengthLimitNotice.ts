// The notice on an article longer than the analysis limit: an information diagnostic where the
// analysed text ends, saying that the rest was not read (the CLI prints the same words).
import type { Diagnostic } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from './languageServer';
import type { ArticleEntry } from '../workspace/types';
import { rangeIn, type FeatureContext } from './context';
import { DIAGNOSTIC_SOURCE } from './protocol';

export const LENGTH_LIMIT_CODE = 'length-limit';

export function lengthLimitNotice(ctx: FeatureContext, entry: ArticleEntry): Diagnostic[] {
  const truncation = ctx.index.truncationOf(entry.uri);
  if (!truncation) return [];
  const end = entry.summary.length;
  return [
    {
      range: rangeIn(ctx, entry, { start: end, end }),
      severity: DiagnosticSeverity.Information,
      code: LENGTH_LIMIT_CODE,
      source: DIAGNOSTIC_SOURCE,
      message: `Attribution Lens: ${truncation.notice}.`,
    },
  ];
}
