// "Export Statements (CSV / JSON)": every attributed statement in the workspace, to a file the
// user chooses. The client writes the file the user asked for; the server never writes files.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SpeakersRequest, StatementsBySpeakerRequest, type SpeakerItem, type StatementItem } from '../../server/src/lsp/protocol';

export interface ExportRow {
  speaker: string;
  speakerId: string;
  kind: string;
  cue: string;
  date: string;
  text: string;
  file: string;
  line: number;
  character: number;
}

export function registerExportStatements(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('attributionLens.exportStatements', async (format?: 'csv' | 'json', target?: vscode.Uri) => {
      const chosen =
        format ??
        (await vscode.window.showQuickPick(
          [
            { label: 'CSV', description: 'one row per statement', value: 'csv' as const },
            { label: 'JSON', description: 'speakers with their statements', value: 'json' as const },
          ],
          { title: 'Export Statements', placeHolder: 'Format' },
        ))?.value;
      if (!chosen) return;
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const uri =
        target ??
        (await vscode.window.showSaveDialog({
          title: 'Export Statements',
          defaultUri: folder ? vscode.Uri.joinPath(folder, `statements.${chosen}`) : undefined,
          filters: chosen === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
        }));
      if (!uri) return;
      const data = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Exporting statements…' },
        () => collect(client),
      );
      const text = chosen === 'csv' ? toCsv(data.flatMap(({ statements }) => statements)) : JSON.stringify(toJson(data), null, 2) + '\n';
      await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
      const open = await vscode.window.showInformationMessage(`Exported ${data.reduce((n, d) => n + d.statements.length, 0)} statements.`, 'Open');
      if (open) await vscode.window.showTextDocument(uri);
      return uri;
    }),
  );
}

async function collect(client: LanguageClient): Promise<Array<{ speaker: SpeakerItem; statements: ExportRow[] }>> {
  const speakers = (await client.sendRequest(SpeakersRequest.type)).filter((s) => s.statementCount > 0);
  const out: Array<{ speaker: SpeakerItem; statements: ExportRow[] }> = [];
  for (const speaker of speakers) {
    const items = await client.sendRequest(StatementsBySpeakerRequest.type, { id: speaker.id });
    out.push({ speaker, statements: items.map((i) => row(speaker, i)) });
  }
  return out;
}

function row(speaker: SpeakerItem, i: StatementItem): ExportRow {
  return {
    speaker: speaker.name,
    speakerId: speaker.id,
    kind: i.kind,
    cue: i.cue,
    date: i.date ?? '',
    text: i.text,
    file: vscode.workspace.asRelativePath(vscode.Uri.parse(i.uri), true),
    line: i.range.start.line + 1,
    character: i.range.start.character + 1,
  };
}

const COLUMNS: Array<keyof ExportRow> = ['speaker', 'speakerId', 'kind', 'cue', 'date', 'text', 'file', 'line', 'character'];

/** RFC 4180 CSV with a header row. */
export function toCsv(rows: ExportRow[]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

function toJson(data: Array<{ speaker: SpeakerItem; statements: ExportRow[] }>): unknown {
  return {
    speakers: data.map(({ speaker, statements }) => ({
      id: speaker.id,
      name: speaker.name,
      roles: speaker.roles,
      spellings: speaker.spellings,
      statements: statements.map(({ kind, cue, date, text, file, line, character }) => ({ kind, cue, date: date || undefined, text, file, line, character })),
    })),
  };
}
