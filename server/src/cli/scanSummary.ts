// The readable `scan` output: per article, its date and statements; then the speakers.
import type { WorkspaceModel } from '../workspace/workspaceModel';
import { LineIndex } from '../analysis/positions';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function scanSummary(model: WorkspaceModel, nameOf: (uri: string) => string): string {
  const out: string[] = [];
  const articles = model.analysedArticles().sort((a, b) => nameOf(a.uri).localeCompare(nameOf(b.uri)));
  for (const { uri, analysis } of articles) {
    const lines = new LineIndex(analysis.text);
    const date = analysis.articleDate ? `${analysis.articleDate.value} (${analysis.articleDate.source})` : 'undated';
    const place = analysis.dateline?.place ? `${analysis.dateline.place}, ` : '';
    out.push(`${nameOf(uri)} — ${place}${date}`);
    for (const s of analysis.statements) {
      const line = lines.positionAt(s.contentSpan.start).line + 1;
      const text = s.text.replace(/\s+/g, ' ');
      out.push(`  ${String(line).padStart(4)}  ${(s.speaker ?? '?').padEnd(24)} ${s.kind.padEnd(8)} ${s.cue.padEnd(12)} ${text.length > 70 ? text.slice(0, 69) + '…' : text}`);
    }
    for (const d of analysis.diagnostics) {
      const pos = lines.positionAt(d.span.start);
      out.push(`  ${String(pos.line + 1).padStart(4)}  ${d.severity} ${d.code}: ${d.message}`);
    }
  }
  const speakers = model.speakers().filter((s) => s.statementCount > 0).sort((a, b) => b.statementCount - a.statementCount);
  out.push('', `${count(articles.length, 'article')}, ${count(speakers.length, 'speaker')}`);
  for (const s of speakers) {
    const role = s.roles[0] ? ` — ${s.roles[0]}` : '';
    out.push(`  ${s.name}${role}: ${count(s.statementCount, 'statement')} in ${count(s.statementArticles.length, 'article')}`);
  }
  return out.join('\n');
}
