// Quick fixes for this server's diagnostics, built from each diagnostic's `data` (diagnostics.ts):
// fix the wrong quotation mark, put a date's own weekday in, insert an attribution template (with a placeholder, or the name of one
// of the article's nearest speakers), use the canonical spelling, and
// ignore the quote with a marker at the end of its paragraph (ignoreMarkers.ts). Edits carry the
// document version they were computed for; a stale diagnostic yields no fix.
import type {
  CancellationToken,
  CodeAction,
  CodeActionParams,
  Diagnostic,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { CodeActionKind, TextDocumentEdit } from './languageServer';
import { throwIfCancelled, type FeatureContext } from './context';
import { SPEAKER_PLACEHOLDER, type DiagnosticData } from './diagnostics';
import { ignoreMarkerFor } from '../workspace/ignoreMarkers';
import { DIAGNOSTIC_SOURCE } from './protocol';

export function codeActions(ctx: FeatureContext, params: CodeActionParams, token?: CancellationToken): CodeAction[] {
  throwIfCancelled(token);
  const uri = params.textDocument.uri;
  const current = ctx.index.version(uri);
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === CodeActionKind.Empty)) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isData(diagnostic.data)) continue;
    const data = diagnostic.data;
    if (data.version !== current) continue;
    const edit = (edits: TextEdit[]): WorkspaceEdit => workspaceEdit(ctx, uri, data.version, edits);
    switch (data.rule) {
      case 'malformed-quote-marks':
        actions.push(fix(`Use ${data.replacement} to ${data.opens ? 'open' : 'close'} the quotation`, diagnostic, edit([{ range: data.replaceRange, newText: data.replacement }]), true));
        break;
      case 'unattributed-quote':
        actions.push(fix('Add an attribution: … [Name] said.', diagnostic, edit(data.template), true));
        // Older clients' diagnostics (and hand-made ones) may lack the list.
        for (const name of data.speakers ?? []) {
          const named = data.template.map((e) => ({ ...e, newText: e.newText.replace(SPEAKER_PLACEHOLDER, name) }));
          actions.push(fix(`Attribute it to ${name}: … ${name} said.`, diagnostic, edit(named), false));
        }
        break;
      case 'inconsistent-spelling':
        actions.push(fix(`Spell it “${data.canonical}” as the other articles do`, diagnostic, edit(data.edits), true));
        break;
      case 'weekday-mismatch':
        // Which of the two is wrong only the writer knows: the fix is offered, never preferred.
        if (data.replaceRange && data.replacement) actions.push(fix(`Change the weekday to ${data.replacement}`, diagnostic, edit([{ range: data.replaceRange, newText: data.replacement }]), false));
        break;
    }
    // A spelling or a weekday is silenced by rule, so the marker does not also hide a quote problem in the paragraph.
    const byRule = data.rule === 'inconsistent-spelling' || data.rule === 'weekday-mismatch';
    const marker = ignoreMarkerFor(data.markdown, byRule ? data.rule : undefined);
    const what = data.rule === 'inconsistent-spelling' ? 'this spelling' : data.rule === 'weekday-mismatch' ? 'this date' : 'this quote';
    actions.push(fix(`Ignore ${what} (add ${marker} to the paragraph)`, diagnostic, edit([{ range: { start: data.paragraphEnd, end: data.paragraphEnd }, newText: ' ' + marker }]), false));
  }
  return actions;
}

function fix(title: string, diagnostic: Diagnostic, edit: WorkspaceEdit, isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit, ...(isPreferred ? { isPreferred } : {}) };
}

/** An edit of one document, versioned when the client supports it. */
export function workspaceEdit(ctx: FeatureContext, uri: string, version: number | null, edits: TextEdit[]): WorkspaceEdit {
  if (ctx.capabilities.documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri, version }, edits)] };
  return { changes: { [uri]: edits } };
}

function isData(x: unknown): x is DiagnosticData {
  return typeof x === 'object' && x !== null && typeof (x as { rule?: unknown }).rule === 'string' && 'paragraphEnd' in x;
}
