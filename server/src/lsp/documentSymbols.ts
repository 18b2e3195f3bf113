// The outline of an article: its dateline, then each speaker with their statements.
import type { CancellationToken, DocumentSymbol, DocumentSymbolParams, Range } from 'vscode-languageserver/node';
import { SymbolKind } from './languageServer';
import type { Statement } from '../analysis/types';
import { firstFullMention, rangeIn, shorten, throwIfCancelled, type FeatureContext } from './context';

export function documentSymbols(ctx: FeatureContext, params: DocumentSymbolParams, token?: CancellationToken): DocumentSymbol[] {
  throwIfCancelled(token);
  const entry = ctx.index.article(params.textDocument.uri);
  if (!entry) return [];
  const a = entry.analysis;
  const range = (span: { start: number; end: number }): Range => rangeIn(ctx, entry, span);
  const symbols: DocumentSymbol[] = [];

  if (a.dateline) {
    const date = a.dateline.date ?? a.articleDate?.value;
    symbols.push({
      // A dateline of an agency alone ("(Bloomberg) --") has no place.
      name: a.dateline.place || a.dateline.agency || 'dateline',
      detail: [date, a.dateline.agency].filter(Boolean).join(' · '),
      kind: SymbolKind.Event,
      range: range(a.dateline.span),
      selectionRange: range(a.dateline.placeSpan),
    });
  }

  const statementSymbol = (s: Statement): DocumentSymbol => ({
    name: `“${shorten(s.text, 70)}”`,
    detail: [s.kind, s.cue, s.date].filter(Boolean).join(' · '),
    kind: SymbolKind.String,
    range: range(s.contentSpan),
    selectionRange: range(s.contentSpan),
  });

  for (const person of a.people) {
    throwIfCancelled(token);
    const own = a.statements.filter((s) => s.personKey === person.key);
    if (own.length === 0) continue;
    const first = firstFullMention(person);
    const spans = [...person.mentions.map((m) => m.span), ...own.map((s) => s.contentSpan)];
    const start = Math.min(...spans.map((s) => s.start));
    const end = Math.max(...spans.map((s) => s.end));
    symbols.push({
      name: person.name,
      detail: person.roles[0] ?? '',
      kind: person.isOrganization ? SymbolKind.Namespace : SymbolKind.Class,
      range: range({ start, end }),
      selectionRange: range(first?.span ?? { start, end: start }),
      children: own.map(statementSymbol),
    });
  }

  const unattributed = a.statements.filter((s) => !s.personKey);
  if (unattributed.length) {
    const start = Math.min(...unattributed.map((s) => s.contentSpan.start));
    const end = Math.max(...unattributed.map((s) => s.contentSpan.end));
    symbols.push({
      name: 'Unattributed',
      kind: SymbolKind.Null,
      range: range({ start, end }),
      selectionRange: range({ start, end: start }),
      children: unattributed.map(statementSymbol),
    });
  }
  return symbols.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
}
