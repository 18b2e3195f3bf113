// "Export Statements (CSV / JSON)": every attributed statement in the workspace, to a file the
// user chooses. The rows come from the server's `attributionLens/statementTable`, and CSV and JSON
// are written by the same functions as `attribution-lens export` (server/src/workspace/statementTable.ts),
// so the editor and the command line produce the same table. The client writes the file the user
// asked for; the server never writes files.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatementTableRequest, type StatementRowItem } from '../../server/src/lsp/protocol';
import { toCsv, toJson, type StatementRow } from '../../server/src/workspace/statementTable';

export function registerExportStatements(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('attributionLens.exportStatements', async (format?: 'csv' | 'json', target?: vscode.Uri, speaker?: string) => {
      const chosen =
        format ??
        (await vscode.window.showQuickPick(
          [
            { label: 'CSV', description: 'one row per statement, for a spreadsheet', value: 'csv' as const },
            { label: 'JSON', description: 'the same rows as a JSON array', value: 'json' as const },
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
      const rows = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Exporting statements…' }, () =>
        client.sendRequest(StatementTableRequest.type, speaker ? { speaker } : {}),
      );
      const table = withRelativeFiles(rows, (u) => vscode.workspace.asRelativePath(vscode.Uri.parse(u), true));
      const text = chosen === 'csv' ? toCsv(table) : toJson(table);
      await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
      const open = await vscode.window.showInformationMessage(`Exported ${rows.length} statements.`, 'Open');
      if (open) await vscode.window.showTextDocument(uri);
      return uri;
    }),
  );
}

/** The server's rows with `file` as a workspace-relative path, as the command line writes it. */
export function withRelativeFiles(rows: readonly StatementRowItem[], relative: (uri: string) => string): StatementRow[] {
  return rows.map((row) => ({ ...row, file: relative(row.file) }));
}
