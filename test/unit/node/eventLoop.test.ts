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
import { Foreground, foreground, laterEdit, nextTurn } from '../../../server/src/node/eventLoop';

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

  it('with no quiet asked for, waits only while foreground work is under way', async () => {
    const fg = new Foreground(500, 1000);
    fg.begin();
    const t0 = performance.now();
    const turn = fg.backgroundTurn(0);
    setTimeout(() => fg.end(), 20);
    await turn;
    const waited = performance.now() - t0;
    assert.ok(waited >= 15 && waited < 400, `waited ${waited} ms`);
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

  it('an edit goes through the foreground and leaves it quiet once its update is out, or once it is cancelled', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'al-fg-'));
    try {
      fs.writeFileSync(path.join(root, 'a.txt'), text(1));
      const index = new WorkspaceIndex({ settingsFor: async () => DEFAULT_SETTINGS, log: () => undefined, analysisDelay: 200 });
      await index.initialize([fileUriOf(root)], { begin: () => undefined, report: () => undefined, done: () => undefined });
      await index.whenIdle();
      const uri = fileUriOf(path.join(root, 'a.txt'));
      let updates = 0;
      index.onDidUpdate(() => updates++);
      const doc = TextDocument.create(uri, 'plaintext', 1, text(1));
      index.didOpen(doc);
      await sleep(50);
      // Typed (a debounce of 200 ms): the edit is foreground work only shortly before it is due.
      index.didChange(TextDocument.update(doc, [{ text: text(2) }], 2));
      assert.strictEqual(foreground.busy, false, 'not yet: the user may type on');
      const before = updates;
      await sleep(350);
      assert.ok(updates > before, 'the edit was analysed and its update sent');
      assert.ok(index.model.getArticle(uri)?.analysis?.text === text(2));
      assert.strictEqual(foreground.busy, false, 'quiet again once the update is out');
      // A change cancelled (the document closed) leaves nothing in the foreground.
      index.didChange(TextDocument.update(doc, [{ text: text(3) }], 3));
      index.didClose(doc);
      await sleep(250);
      assert.strictEqual(foreground.busy, false);
      await index.dispose();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('laterEdit', () => {
  it('is foreground work from its lead before it is due until it has run', async () => {
    const fg = new Foreground(0, 1000);
    let ran = false;
    const seen: Array<{ at: number; busy: boolean; ran: boolean }> = [];
    const t0 = performance.now();
    laterEdit(() => (ran = true), 300, 150, fg);
    while (!ran) {
      seen.push({ at: performance.now() - t0, busy: fg.busy, ran });
      await sleep(5);
    }
    assert.strictEqual(fg.busy, false, 'done');
    assert.ok(!seen.some((s) => s.busy && s.at < 140), 'not foreground while the user may still type');
    assert.ok(seen.some((s) => s.busy && !s.ran), 'foreground before it ran');
  });

  it('ends its foreground when cancelled, before or after its lead began, and runs nothing', async () => {
    const fg = new Foreground(0, 1000);
    let ran = 0;
    const early = laterEdit(() => ran++, 300, 150, fg);
    early();
    assert.strictEqual(fg.busy, false);
    const late = laterEdit(() => ran++, 400, 350, fg);
    await sleep(150);
    assert.strictEqual(fg.busy, true);
    late();
    late();
    assert.strictEqual(fg.busy, false, 'ended once');
    await sleep(300);
    assert.strictEqual(ran, 0);
  });

  it('with no delay is foreground at once and runs at the next turn', async () => {
    const fg = new Foreground(0, 1000);
    let ran = false;
    laterEdit(() => (ran = true), 0, 25, fg);
    assert.strictEqual(fg.busy, true);
    await nextTurn();
    assert.strictEqual(ran, true);
    assert.strictEqual(fg.busy, false);
  });
});
