// `attribution-lens export`: the statement table as CSV or JSON on standard output.
import { statementRows, toCsv, toJson } from '../workspace/statementTable';
import type { WorkspaceModel } from '../workspace/workspaceModel';

export function exportStatements(model: WorkspaceModel, options: { format: 'csv' | 'json'; speaker?: string; fileOf: (uri: string) => string }): string {
  const rows = statementRows(model, { speaker: options.speaker, fileOf: options.fileOf });
  return options.format === 'csv' ? toCsv(rows) : toJson(rows);
}
