// "Show Unattributed Quotes": every quotation nobody is named for, across the workspace's articles
// (closed ones too), in the peek view — the quotes the status bar counts.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { UnattributedQuotesRequest } from '../../server/src/lsp/protocol';
import { peekLocations } from './peekLocations';
import { SHOW_UNATTRIBUTED_COMMAND } from './statusTooltip';

export function registerShowUnattributedQuotes(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_UNATTRIBUTED_COMMAND, async () => {
      const items = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Attribution Lens: finding unattributed quotes' },
        () => client.sendRequest(UnattributedQuotesRequest.type),
      );
      if (items.length === 0) {
        void vscode.window.showInformationMessage('Every quotation in this workspace’s articles has someone named for it.');
        return;
      }
      await peekLocations(items.map((i) => new vscode.Location(vscode.Uri.parse(i.uri), client.protocol2CodeConverter.asRange(i.range))));
    }),
  );
}
