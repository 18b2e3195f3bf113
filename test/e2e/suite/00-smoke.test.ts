import * as assert from 'assert';
import * as vscode from 'vscode';
import { workspaceFolder } from './helpers';

describe('smoke', () => {
  it('runs inside VS Code with a workspace folder open', () => {
    assert.ok(vscode.version.startsWith('1.'), vscode.version);
    assert.strictEqual(vscode.workspace.workspaceFolders?.length, 1);
  });

  it('does not save edits on its own (the suite edits buffers, then reverts them to the fixture)', () => {
    // VS Code in a browser defaults to auto save after 1 s: the launchers' profile turns it off
    const autoSave = vscode.workspace.getConfiguration('files', workspaceFolder().uri).get<string>('autoSave');
    assert.strictEqual(autoSave, 'off', 'files.autoSave of the test profile');
  });
});
