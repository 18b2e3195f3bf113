// Status bar item: articles, speakers and unattributed quotes in the workspace, from the
// `attributionLens/indexed` notification. "Indexing…" appears only if the first index takes a while.
import * as vscode from 'vscode';
import type { IndexedParams } from '../../server/src/lsp/protocol';
import { hasFileNotices, SHOW_UNATTRIBUTED_COMMAND, statusTooltip } from './statusTooltip';

const SHOW_INDEXING_AFTER_MS = 700;

export function registerStatusBar(context: vscode.ExtensionContext, onIndexed: vscode.Event<IndexedParams>): void {
  const item = vscode.window.createStatusBarItem('attributionLens.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Attribution Lens';
  item.command = 'attributionLens.showStatements';
  let indexed = false;
  const pending = setTimeout(() => {
    if (indexed) return;
    item.text = '$(sync~spin) Attribution Lens';
    item.tooltip = 'Attribution Lens is reading the articles in this workspace';
    item.show();
  }, SHOW_INDEXING_AFTER_MS);
  context.subscriptions.push(
    item,
    { dispose: () => clearTimeout(pending) },
    onIndexed((p) => {
      indexed = true;
      render(item, p);
    }),
  );
}

/** The item's text and tooltip for one notification. */
export function render(item: vscode.StatusBarItem, p: IndexedParams): void {
  const quotes = p.unattributedQuotes ? ` $(warning) ${p.unattributedQuotes}` : '';
  const notices = hasFileNotices(p) ? ' $(info)' : '';
  item.text = `$(quote) ${p.articles} · $(person) ${p.speakers}${quotes}${notices}`;
  const tooltip = new vscode.MarkdownString(statusTooltip(p), true);
  // Trusted for the one command its link runs, nothing else.
  tooltip.isTrusted = { enabledCommands: [SHOW_UNATTRIBUTED_COMMAND] };
  item.tooltip = tooltip;
  item.backgroundColor = undefined;
  item.show();
}
