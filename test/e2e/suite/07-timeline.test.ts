import * as assert from 'assert';
import * as vscode from 'vscode';
import { indexedWhere } from './helpers';

/** Resolves once the tabs satisfy a condition (the workbench adds a panel's tab a moment after the command returns). */
function tabsWhere(condition: () => boolean, what: string): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no ${what}: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)))}`));
    }, 10000);
    const listener = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (!condition()) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
}

// The Speaker Timeline opens as a webview panel beside the editor; what it draws is tested without
// VS Code (test/unit/client/timeline.test.ts, and the data in test/protocol/registry.test.ts).
describe('Speaker Timeline', () => {
  before(() => indexedWhere((p) => p.articles === 4, '4 articles'));

  it('“Show Speaker Timeline” opens one webview panel, and running it again reveals the same one', async () => {
    const timelineTabs = () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('attributionLens.timeline'));
    await vscode.commands.executeCommand('attributionLens.showTimeline');
    await tabsWhere(() => timelineTabs().length > 0, 'the timeline tab');
    assert.strictEqual(timelineTabs().length, 1, JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label))));
    assert.strictEqual(timelineTabs()[0].label, 'Speaker Timeline');
    await vscode.commands.executeCommand('attributionLens.showTimeline');
    assert.strictEqual(timelineTabs().length, 1);
    for (const tab of timelineTabs()) await vscode.window.tabGroups.close(tab);
  });
});
