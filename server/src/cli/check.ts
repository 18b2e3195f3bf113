// `attribution-lens check`: problems like a compiler prints them, for a newsroom's CI gate.
import { LineIndex } from '../analysis/positions';
import { isIgnored, isMarkdown } from '../workspace/ignoreMarkers';
import type { RegistryProblem, RuleSeverity } from '../workspace/registry';
import type { WorkspaceModel } from '../workspace/workspaceModel';

export interface CheckProblem {
  file: string;
  line: number;
  column: number;
  severity: Exclude<RuleSeverity, 'off'>;
  code: string;
  message: string;
}

/** Problems in the registry file itself, located (code `registry`). */
export function registryCheckProblems(file: string, text: string | undefined, problems: readonly RegistryProblem[]): CheckProblem[] {
  const lines = new LineIndex(text ?? '');
  return problems.map((p) => {
    const pos = lines.positionAt(Math.min(p.span.start, text?.length ?? 0));
    return { file, line: pos.line + 1, column: pos.character + 1, severity: p.severity, code: 'registry', message: p.message };
  });
}

/** Default severities: the core's, unless the registry or a flag says otherwise. Registry problems come first. */
export function checkReport(model: WorkspaceModel, severities: Record<string, RuleSeverity>, fileOf: (uri: string) => string, registryProblems: readonly CheckProblem[] = []) {
  const problems: CheckProblem[] = [...registryProblems];
  for (const entry of [...model.analysedArticles()].sort((a, b) => fileOf(a.uri).localeCompare(fileOf(b.uri)))) {
    const lines = new LineIndex(entry.analysis.text);
    const markdown = isMarkdown(entry.uri, undefined);
    for (const d of entry.analysis.diagnostics) {
      const severity = severities[d.code] ?? d.severity;
      if (severity === 'off' || isIgnored(entry.analysis, d.span, d.code, markdown)) continue;
      const pos = lines.positionAt(d.span.start);
      problems.push({ file: fileOf(entry.uri), line: pos.line + 1, column: pos.character + 1, severity, code: d.code, message: d.message });
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const text = problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}\n`).join('') +
    `${problems.length} problem${problems.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}) in ${model.analysedArticles().length} articles\n`;
  return { problems, errors, text, json: { problems, errors, articles: model.analysedArticles().length } };
}
