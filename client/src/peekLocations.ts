// Shows locations in the peek (references) view, anchored at the caret of the active editor, or,
// with no editor open, at the first location (opened for the purpose).
import * as vscode from 'vscode';

export async function peekLocations(locations: vscode.Location[], at?: { uri: vscode.Uri; position: vscode.Position }): Promise<void> {
  let anchor = at;
  if (!anchor) {
    const editor = vscode.window.activeTextEditor;
    if (editor) anchor = { uri: editor.document.uri, position: editor.selection.active };
    else {
      const doc = await vscode.workspace.openTextDocument(locations[0].uri);
      const shown = await vscode.window.showTextDocument(doc);
      shown.selection = new vscode.Selection(locations[0].range.start, locations[0].range.start);
      anchor = { uri: doc.uri, position: locations[0].range.start };
    }
  }
  await vscode.commands.executeCommand('editor.action.showReferences', anchor.uri, anchor.position, locations);
}
