// The persistent index's write in the server (WorkspaceIndex): other work is done while it runs,
// and what it writes is the model at one moment — an article changed during a write never leaves
// an entry that does not match its file, nor a cross-article index of another state.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeFingerprint, fileKeyOf, IndexStore } from '../../../server/src/node/indexStore';
import { DEFAULT_SETTINGS } from '../../../server/src/lsp/settings';
import { fileUriOf } from '../../../server/src/lsp/uris';
import { WorkspaceIndex } from '../../../server/src/lsp/workspaceIndex';
import { CACHE_FORMAT, type CachedArticle } from '../../../server/src/workspace/analysisCache';
import { summarizes } from '../../../server/src/workspace/articleSummary';
import { PackedSummary } from '../../../server/src/workspace/packedSummary';
import type { StoredDetails } from '../../../server/src/workspace/storedDetail';

const SURNAMES = ['Kalberg', 'Ostrander', 'Velmore', 'Hartigan', 'Dunmore', 'Lindqvist'];
const article = (i: number) => `Council weighs harbour plan ${i}

MARBURY, April ${(i % 27) + 1}, 2023 (Northern Desk) - Council Leader Astrid ${SURNAMES[i % SURNAMES.length]} said on Monday that the plan would be ready by June.

“We will not wait for ever,” ${SURNAMES[i % SURNAMES.length]} told reporters.
`;

describe('persistent index writes in the server', function () {
  this.timeout(60000);
  let root: string;
  let storage: string;
  let index: WorkspaceIndex;
  const file = (i: number) => path.join(root, `${i}.txt`);

  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'al-save-ws-'));
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'al-save-store-'));
    for (let i = 0; i < 30; i++) fs.writeFileSync(file(i), article(i));
    index = new WorkspaceIndex({ settingsFor: async () => DEFAULT_SETTINGS, log: () => undefined, storagePath: storage, saveDelay: 1e9, analysisDelay: 0 });
    await index.initialize([fileUriOf(root)], { begin: () => undefined, report: () => undefined, done: () => undefined });
    await index.save();
  });
  afterEach(async () => {
    await index.dispose();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  const load = () => new IndexStore(storage, [fileUriOf(root)]).load({ format: CACHE_FORMAT, code: codeFingerprint(), options: index.model.optionsKey() });

  /** Changes article 0 on disk and has the index read it (which makes a write due). */
  async function changeOnDisk(): Promise<void> {
    fs.writeFileSync(file(0), article(0).replace('by June', 'by July'));
    await index.didChangeWatchedFiles([{ uri: fileUriOf(file(0)), type: 2 }]);
  }

  it('a save moves the summaries made here to the file it writes: their people and statements are read from there, the same', async () => {
    await changeOnDisk();
    const summary = index.model.getArticle(fileUriOf(file(0)))!.summary;
    assert.ok(summary instanceof PackedSummary && !summary.inFile, 'analysed again: held in memory');
    const before = JSON.stringify([summary.people, summary.statements]);
    await index.save();
    assert.strictEqual(index.model.getArticle(fileUriOf(file(0)))!.summary, summary, 'the same summary');
    assert.ok(summary.inFile, 'its bytes are the file’s now');
    assert.strictEqual(JSON.stringify([summary.people, summary.statements]), before);
    assert.ok(summary.people.some((p) => p.name === 'Astrid Kalberg'));
  });

  it('answers a request while it writes', async () => {
    await changeOnDisk();
    let written = false;
    const saving = index.save().then(() => (written = true));
    // A request arrives on the next turn of the event loop, once the write has begun.
    const answered = new Promise<boolean>((resolve) => setImmediate(() => resolve(index.model.speakers().length > 0 && !written)));
    assert.strictEqual(await answered, true, 'answered before the write was done');
    await saving;
    const { entries, index: kept } = await load();
    assert.strictEqual(entries?.size, 30);
    assert.ok(kept, 'the cross-article index is kept');
  });

  it('an article changed during a write leaves no entry that differs from its file, and the index waits for the next write', async () => {
    await changeOnDisk();
    const saving = index.save();
    // Mid-write, the user opens article 2 and types into it.
    const edited = article(2).replace('Monday', 'Tuesday');
    setImmediate(() => index.didOpen(TextDocument.create(fileUriOf(file(2)), 'plaintext', 1, edited)));
    await saving;
    const mid = await load();
    assert.strictEqual(mid.entries?.size, 30, 'the articles as they were when the write began');
    assert.strictEqual(mid.index, undefined, 'no cross-article index of another state');
    for (let i = 0; i < 30; i++) {
      const text = fs.readFileSync(file(i), 'utf8');
      const entry: CachedArticle = mid.entries!.get(fileUriOf(file(i)))!;
      assert.strictEqual(entry.key.hash, fileKeyOf(text, 0, 0).hash, `entry ${i}'s key is of its file`);
      assert.ok(summarizes(entry.summary, text), `entry ${i}'s summary is of its file`);
    }
    // Closed again, the file is what the model holds: the next write has every article and the index.
    index.didClose(TextDocument.create(fileUriOf(file(2)), 'plaintext', 1, edited));
    await index.whenIdle();
    await index.save();
    const after = await load();
    assert.strictEqual(after.entries?.size, 30);
    assert.ok(after.index, 'the cross-article index is written again');
  });

  it('after a warm start, a save moves the restored summaries the model holds to the new file, and the next save writes them again', async () => {
    await index.dispose();
    const warm = new WorkspaceIndex({ settingsFor: async () => DEFAULT_SETTINGS, log: () => undefined, storagePath: storage, saveDelay: 1e9, analysisDelay: 0 });
    index = warm;
    await warm.initialize([fileUriOf(root)], { begin: () => undefined, report: () => undefined, done: () => undefined });
    await warm.whenIdle();
    const summaryOf = (i: number) => warm.model.getArticle(fileUriOf(file(i)))!.summary;
    const restored = summaryOf(5);
    assert.ok(restored instanceof PackedSummary && restored.inFile, 'restored from the cache file');
    const people = JSON.stringify(restored.people);
    await changeOnDisk();
    const saving = warm.save();
    // Mid-write, article 2 is opened and edited: its new summary is not the one written.
    const edited = article(2).replace('Monday', 'Tuesday');
    setImmediate(() => warm.didOpen(TextDocument.create(fileUriOf(file(2)), 'plaintext', 1, edited)));
    await saving;
    await warm.whenIdle();
    assert.strictEqual(summaryOf(5), restored, 'the same summary');
    // Its bytes are read from the new file's blocks, which the index now keeps for the next save.
    const newBlocks = (warm as unknown as { storedDetails: StoredDetails }).storedDetails;
    assert.strictEqual(newBlocks.heldCount, 0, 'nothing of the new file read yet');
    assert.ok((summaryOf(7) as PackedSummary).detail.length > 0);
    assert.strictEqual(newBlocks.heldCount, 1, 'read from the new file');
    assert.strictEqual(JSON.stringify(restored.people), people, 'its people read back the same');
    const opened = summaryOf(2);
    assert.ok(!(opened instanceof PackedSummary && opened.inFile), 'the edited article keeps its fresh summary');
    warm.didClose(TextDocument.create(fileUriOf(file(2)), 'plaintext', 1, edited));
    await warm.whenIdle();
    await warm.save();
    const after = await load();
    assert.strictEqual(after.entries?.size, 30);
    for (let i = 0; i < 30; i++) {
      const entry: CachedArticle = after.entries!.get(fileUriOf(file(i)))!;
      assert.ok(summarizes(entry.summary, fs.readFileSync(file(i), 'utf8')), `entry ${i}'s summary is of its file`);
      assert.strictEqual(JSON.stringify(entry.summary.people), JSON.stringify(summaryOf(i).people), `entry ${i}'s people`);
    }
  });
});
