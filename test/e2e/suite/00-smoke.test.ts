import * as assert from 'assert';
import * as vscode from 'vscode';

describe('smoke', () => {
  it('runs inside VS Code with a workspace folder open', () => {
    assert.ok(vscode.version.startsWith('1.'), vscode.version);
    assert.strictEqual(vscode.workspace.workspaceFolders?.length, 1);
  });
});
