// The `scan --json` shape (fixed by the corpus README): statements, dates, dateline, diagnostics
// with LSP ranges (zero-based lines, UTF-16 characters).
import { LineIndex } from '../analysis/positions';
import type { WorkspaceModel } from '../workspace/workspaceModel';

export function scanJson(model: WorkspaceModel, pathOf: (uri: string) => string) {
  return {
    documents: model.analysedArticles().map((entry) => {
      const a = entry.analysis;
      const lines = new LineIndex(a.text);
      return {
        path: pathOf(entry.uri),
        dateline: a.dateline ? { place: a.dateline.place, date: a.dateline.date ?? null, agency: a.dateline.agency ?? null } : null,
        articleDate: a.articleDate ?? null,
        statements: a.statements.map((s) => ({
          speaker: s.speaker ?? null,
          speakerId: s.personKey ? model.speakerIdOf(entry.uri, s.personKey) ?? null : null,
          kind: s.kind,
          cue: s.cue,
          text: s.text,
          date: s.date ?? null,
          range: lines.rangeOf(s.contentSpan),
          sourceRange: s.sourceSpan ? lines.rangeOf(s.sourceSpan) : null,
          cueRange: s.cueSpan ? lines.rangeOf(s.cueSpan) : null,
        })),
        dates: a.dates.map((d) => ({ text: d.text, value: d.value, explanation: d.explanation, range: lines.rangeOf(d.span) })),
        people: a.people.map((p) => ({ name: p.name, speakerId: model.speakerIdOf(entry.uri, p.key) ?? null, roles: p.roles, mentions: p.mentions.map((m) => m.text) })),
        diagnostics: a.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, text: d.text, range: lines.rangeOf(d.span) })),
      };
    }),
  };
}
