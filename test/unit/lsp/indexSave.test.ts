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
});
