// eventLoop.ts: background work takes its turns only when no foreground work (an edit, publishing)
// is under way or just was, and looks again when its turn comes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS } from '../../../server/src/lsp/settings';
import { fileUriOf } from '../../../server/src/lsp/uris';
import { WorkspaceIndex } from '../../../server/src/lsp/workspaceIndex';
import { Foreground, foreground, nextTurn } from '../../../server/src/node/eventLoop';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Foreground and background turns', () => {
  it('gives background work the next turn when nothing is in the foreground', async () => {
    const fg = new Foreground(10, 1000);
    assert.strictEqual(fg.busy, false);
    let turned = false;
    const turn = fg.backgroundTurn().then(() => (turned = true));
    await nextTurn();
    await nextTurn();
    assert.strictEqual(turned, true);
    await turn;
  });

  it('lets foreground work that begins before the turn comes go first, and waits for its end and the quiet after it', async () => {
    const fg = new Foreground(20, 1000);
    const order: string[] = [];
    const turn = fg.backgroundTurn().then(() => order.push('background'));
    // An edit received while the background turn is queued: it goes first.
    fg.begin();
    setImmediate(() => order.push('edit'));
    await sleep(40);
    assert.deepStrictEqual(order, ['edit'], 'no background turn while the edit is under way');
    const ended = performance.now();
    fg.end();
    await turn;
    assert.deepStrictEqual(order, ['edit', 'background']);
    assert.ok(performance.now() - ended >= 15, 'the quiet after foreground work is waited for');
  });

  it('counts nested foreground work and never goes below none', async () => {
    const fg = new Foreground(0, 1000);
    fg.begin();
    fg.begin();
    fg.end();
    assert.strictEqual(fg.busy, true);
    fg.end();
    fg.end();
    assert.strictEqual(fg.busy, false);
    fg.begin();
    assert.strictEqual(fg.busy, true);
  });

  it('takes its turn after waiting the longest it may, so that background work always ends', async () => {
    const fg = new Foreground(10, 30);
    fg.begin(); // never ended
    const t0 = performance.now();
    await fg.backgroundTurn();
    const waited = performance.now() - t0;
    assert.ok(waited >= 25 && waited < 1000, `waited ${waited} ms`);
  });
});

describe('edits in the foreground of the workspace index', function () {
  this.timeout(60000);
  const text = (i: number) => `Harbour plan ${i}\n\nMARBURY, April 3, 2023 - Council Leader Astrid Kalberg said on Monday that the plan would be ready.\n\n“We will not wait,” Kalberg told reporters.\n`;

  it('an edit is foreground work from its change until it is analysed and its update is out, or until it is cancelled', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'al-fg-'));
    try {
      fs.writeFileSync(path.join(root, 'a.txt'), text(1));
      const index = new WorkspaceIndex({ settingsFor: async () => DEFAULT_SETTINGS, log: () => undefined, analysisDelay: 30 });
      await index.initialize([fileUriOf(root)], { begin: () => undefined, report: () => undefined, done: () => undefined });
      await index.whenIdle();
      const uri = fileUriOf(path.join(root, 'a.txt'));
      let updates = 0;
      index.onDidUpdate(() => updates++);
      const doc = TextDocument.create(uri, 'plaintext', 1, text(1));
      index.didOpen(doc);
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Typed: pending for the debounce, in the foreground all the while.
      index.didChange(TextDocument.update(doc, [{ text: text(2) }], 2));
      assert.strictEqual(foreground.busy, true);
      await new Promise((resolve) => setTimeout(resolve, 15));
      assert.strictEqual(foreground.busy, true, 'still pending');
      const before = updates;
      await new Promise((resolve) => setTimeout(resolve, 80));
      assert.ok(updates > before, 'the edit was analysed and its update sent');
      assert.ok(index.model.getArticle(uri)?.analysis?.text === text(2));
      assert.strictEqual(foreground.busy, false, 'quiet again once the update is out');
      // A change cancelled by closing the document ends its foreground too.
      index.didChange(TextDocument.update(doc, [{ text: text(3) }], 3));
      assert.strictEqual(foreground.busy, true);
      index.didClose(doc);
      await new Promise((resolve) => setTimeout(resolve, 40));
      assert.strictEqual(foreground.busy, false);
      await index.dispose();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
