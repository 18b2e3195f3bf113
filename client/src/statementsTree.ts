// The "Statements" tree view: speakers → articles → statements; a click opens the statement.
// Children are fetched from the server when expanded and refetched after each index update.
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SpeakersRequest, StatementsBySpeakerRequest, type IndexedParams, type SpeakerItem, type StatementItem } from '../../server/src/lsp/protocol';

type Node =
  | { kind: 'speaker'; speaker: SpeakerItem }
  | { kind: 'article'; speaker: SpeakerItem; uri: string; statements: StatementItem[] }
  | { kind: 'statement'; item: StatementItem };

class StatementsTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    try {
      return await this.children(node);
    } catch {
      // The server is starting or restarting; the next `indexed` notification refreshes the view.
      return [];
    }
  }

  private async children(node?: Node): Promise<Node[]> {
    if (!node) {
      const speakers = await this.client.sendRequest(SpeakersRequest.type);
      return speakers.filter((s) => s.statementCount > 0).map((speaker) => ({ kind: 'speaker', speaker }));
    }
    if (node.kind === 'speaker') {
      const items = await this.client.sendRequest(StatementsBySpeakerRequest.type, { id: node.speaker.id });
      const byUri = new Map<string, StatementItem[]>();
      for (const item of items) byUri.set(item.uri, [...(byUri.get(item.uri) ?? []), item]);
      return [...byUri].map(([uri, statements]) => ({ kind: 'article', speaker: node.speaker, uri, statements }));
    }
    if (node.kind === 'article') return node.statements.map((item) => ({ kind: 'statement', item }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'speaker') {
      const s = node.speaker;
      const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `speaker:${s.id}`;
      item.description = `${s.statementCount} in ${s.statementArticles.length}`;
      item.tooltip = [s.name, s.roles.join('; '), s.spellings.length > 1 ? `Spelled: ${s.spellings.join(', ')}` : ''].filter(Boolean).join('\n');
      item.iconPath = new vscode.ThemeIcon(s.isOrganization ? 'organization' : 'person');
      item.contextValue = 'speaker';
      return item;
    }
    if (node.kind === 'article') {
      const uri = vscode.Uri.parse(node.uri);
      const item = new vscode.TreeItem(path.basename(uri.path), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `article:${node.speaker.id}:${node.uri}`;
      item.resourceUri = uri;
      item.description = `${node.statements.length}`;
      item.iconPath = vscode.ThemeIcon.File;
      return item;
    }
    const s = node.item;
    const item = new vscode.TreeItem(s.text.replace(/\s+/g, ' '), vscode.TreeItemCollapsibleState.None);
    item.description = [s.kind, s.cue, s.date].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString().appendMarkdown(`**${s.speaker ?? 'Unattributed'}** · ${s.kind} · *${s.cue}*${s.date ? ` · ${s.date}` : ''}\n\n`).appendText(s.text);
    item.iconPath = new vscode.ThemeIcon(s.kind === 'indirect' ? 'comment' : 'quote');
    const range = this.client.protocol2CodeConverter.asRange(s.range);
    item.command = { command: 'vscode.open', title: 'Open statement', arguments: [vscode.Uri.parse(s.uri), { selection: range }] };
    return item;
  }
}

export function registerStatementsTree(context: vscode.ExtensionContext, client: LanguageClient, onIndexed: vscode.Event<IndexedParams>): void {
  const tree = new StatementsTree(client);
  const view = vscode.window.createTreeView('attributionLens.statements', { treeDataProvider: tree, showCollapseAll: true });
  let timer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    view,
    onIndexed((p) => {
      view.message = p.speakers === 0 ? 'No speakers found in this workspace’s articles.' : undefined;
      // Coalesce bursts of updates (typing) into one refresh.
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => tree.refresh(), 300);
    }),
    { dispose: () => timer && clearTimeout(timer) },
    vscode.commands.registerCommand('attributionLens.showStatements', async () => {
      await vscode.commands.executeCommand('attributionLens.statements.focus');
    }),
    vscode.commands.registerCommand('attributionLens.refreshStatements', () => tree.refresh()),
  );
}
