// "Find All Statements By…": pick a speaker, see every statement in the peek/references view.
// Also the command the server's code lens runs ("7 statements in 3 articles").
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { peekLocations } from './peekLocations';
import { SHOW_STATEMENTS_COMMAND, SpeakersRequest, StatementsBySpeakerRequest, type SpeakerItem } from '../../server/src/lsp/protocol';

export function registerFindStatementsBy(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('attributionLens.findStatementsBy', async (speakerId?: string) => {
      const id = typeof speakerId === 'string' ? speakerId : (await pickSpeaker(client))?.id;
      if (id) await showStatements(client, id);
    }),
    vscode.commands.registerCommand(SHOW_STATEMENTS_COMMAND, async (speakerId: string, uri?: string, position?: { line: number; character: number }) => {
      const at = uri && position ? { uri: vscode.Uri.parse(uri), position: new vscode.Position(position.line, position.character) } : undefined;
      await showStatements(client, speakerId, at);
    }),
  );
}

/** A quick pick of the workspace's speakers, most quoted first. */
export async function pickSpeaker(client: LanguageClient): Promise<SpeakerItem | undefined> {
  const speakers = (await client.sendRequest(SpeakersRequest.type)).filter((s) => s.statementCount > 0);
  if (speakers.length === 0) {
    void vscode.window.showInformationMessage('Attribution Lens found no speakers in this workspace’s articles.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    speakers.map((s) => ({
      label: s.name,
      description: s.roles[0] ?? '',
      detail: `${s.statementCount} statement${s.statementCount === 1 ? '' : 's'} in ${s.statementArticles.length} article${s.statementArticles.length === 1 ? '' : 's'}` +
        (s.spellings.length > 1 ? ` · also spelled ${s.spellings.slice(1).join(', ')}` : ''),
      speaker: s,
    })),
    { title: 'Find All Statements By…', placeHolder: 'Speaker', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.speaker;
}

/** Shows a speaker's statements in the peek view, anchored at `at` or the active editor. */
async function showStatements(client: LanguageClient, speakerId: string, at?: { uri: vscode.Uri; position: vscode.Position }): Promise<void> {
  const items = await client.sendRequest(StatementsBySpeakerRequest.type, { id: speakerId });
  if (items.length === 0) {
    void vscode.window.showInformationMessage('No statements found for this speaker.');
    return;
  }
  const locations = items.map((i) => new vscode.Location(vscode.Uri.parse(i.uri), client.protocol2CodeConverter.asRange(i.range)));
  await peekLocations(locations, at);
}
