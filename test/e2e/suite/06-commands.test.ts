import * as assert from 'assert';
import * as vscode from 'vscode';
import { extension, indexedWhere, openArticle, positionOf } from './helpers';

// The statements tree, the references peek that "Find All Statements By…" opens and the status bar
// item have no read API in VS Code: their contents are checked in the workbench's DOM by the
// launcher (scripts/e2e/run.mjs, checkWorkbench) after 99-scene.test.ts has set them up. Here: the
// commands exist, run, and leave the editor state a user would see.
describe('commands', () => {
  before(() => indexedWhere((p) => p.articles === 4, '4 articles'));

  it('contributes its commands, and registers every one of them', async () => {
    const contributed: string[] = (extension().packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    for (const id of ['attributionLens.findStatementsBy', 'attributionLens.showStatements', 'attributionLens.restartServer']) {
      assert.ok(contributed.includes(id), `${id} is contributed in package.json`);
    }
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], 'contributed commands without a handler');
  });

  it('“Find All Statements By…” with a speaker id runs without asking', async () => {
    const editor = await openArticle('02-ferry-talks.txt');
    const at = positionOf(editor.document, 'Vassallo said in', 0, 2);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('attributionLens.findStatementsBy', 'elena-vassallo');
    // the peek opens in the active editor; a user closes it with Escape
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  it('“Show Statements” reveals the Statements view', async () => {
    await vscode.commands.executeCommand('attributionLens.showStatements');
  });
});
