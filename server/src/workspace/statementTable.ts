// Every statement as a table row: what a fact-checker loads into a spreadsheet. Pure; the CLI's
// `export` and the editor's "Export Statements" both use it.
import { LineTable } from '../analysis/positions';
import type { WorkspaceModel } from './workspaceModel';

export interface StatementRow {
  speaker: string;
  speakerId: string;
  role: string;
  kind: string;
  cue: string;
  text: string;
  date: string;
  file: string;
  line: number;
}

export const STATEMENT_COLUMNS: readonly (keyof StatementRow)[] = ['speaker', 'role', 'kind', 'cue', 'text', 'date', 'file', 'line', 'speakerId'];

/** Rows in file and position order; `speaker` filters by name, spelling or id (case and accents ignored). */
export function statementRows(model: WorkspaceModel, options: { speaker?: string; fileOf?: (uri: string) => string } = {}): StatementRow[] {
  const wanted = options.speaker ? new Set(model.findSpeakers(options.speaker).map((s) => s.id)) : undefined;
  const rows: StatementRow[] = [];
  for (const entry of [...model.articles()].sort((a, b) => a.uri.localeCompare(b.uri))) {
    const lines = new LineTable(entry.summary.lineStarts, entry.summary.length);
    for (const s of entry.summary.statements) {
      const id = s.personKey ? model.speakerIdOf(entry.uri, s.personKey) : undefined;
      if (wanted && (!id || !wanted.has(id))) continue;
      const speaker = id ? model.getSpeaker(id) : undefined;
      rows.push({
        speaker: speaker?.name ?? s.speaker ?? '',
        speakerId: id ?? '',
        role: speaker?.roles[0] ?? '',
        kind: s.kind,
        cue: s.cue,
        text: s.text.replace(/\s+/g, ' ').trim(),
        date: s.date ?? '',
        file: options.fileOf ? options.fileOf(entry.uri) : entry.uri,
        line: lines.positionAt(s.contentSpan.start).line + 1,
      });
    }
  }
  return rows;
}

/** RFC 4180 CSV with a header row; cells that a spreadsheet would run as formulas are defused. */
export function toCsv(rows: readonly StatementRow[]): string {
  const cell = (value: string | number) => {
    let s = String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [STATEMENT_COLUMNS.join(',')];
  for (const row of rows) lines.push(STATEMENT_COLUMNS.map((c) => cell(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function toJson(rows: readonly StatementRow[]): string {
  return JSON.stringify(rows, null, 1) + '\n';
}
