// attributionLens/unattributedQuotes from the server's index: the workspace's unattributed quotes,
// closed articles read again, ignore markers honoured, an open buffer's text over its file's.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from '../../../server/src/lsp/context';
import { DEFAULT_SETTINGS } from '../../../server/src/lsp/settings';
import { unattributedQuotes } from '../../../server/src/lsp/unattributedQuotes';
import { fileUriOf } from '../../../server/src/lsp/uris';
import { WorkspaceIndex } from '../../../server/src/lsp/workspaceIndex';

const ARTICLES: Record<string, string> = {
  'a.txt': 'Pier repairs\n\nPORTHAVEN, May 1 - Work on the pier starts in June.\n\n"It should have been done years ago."\n',
  'b.txt': 'Pier repairs\n\nPORTHAVEN, May 2 - "We start in June," said builder Tomos Trevelyan.\n',
  'c.txt': 'Pier repairs\n\nPORTHAVEN, May 3 - Signs went up on the quay.\n\n"Mind the gap." [attribution-lens-ignore]\n',
};

describe('the workspace’s unattributed quotes', function () {
  this.timeout(30000);
  let root: string;
  let storage: string;
  let index: WorkspaceIndex;
  const uri = (name: string) => fileUriOf(path.join(root, name));
  const ctx = (): FeatureContext => ({ index, settings: async () => DEFAULT_SETTINGS, capabilities: { documentChanges: true, hierarchicalSymbols: true } });
  const listed = async () => (await unattributedQuotes(ctx())).map((i) => `${path.basename(i.uri)}:${i.range.start.line}:${i.text}`);

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'al-unattributed-ws-'));
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'al-unattributed-store-'));
    for (const [name, text] of Object.entries(ARTICLES)) fs.writeFileSync(path.join(root, name), text);
    index = new WorkspaceIndex({ settingsFor: async () => DEFAULT_SETTINGS, log: () => undefined, storagePath: storage, saveDelay: 1e9, analysisDelay: 0 });
    await index.initialize([fileUriOf(root)], { begin: () => undefined, report: () => undefined, done: () => undefined });
  });
  after(async () => {
    await index.dispose();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it('lists the quotes of closed articles, read again, and none an ignore marker silences', async () => {
    assert.deepStrictEqual(await listed(), ['a.txt:4:It should have been done years ago.']);
  });

  it('reads an open buffer as typed, an edit not yet analysed included, not its file', async () => {
    const text = `${ARTICLES['b.txt']}\nThe council has not replied.\n\n"Who pays for it?"\n`;
    index.didOpen(TextDocument.create(uri('b.txt'), 'plaintext', 1, ARTICLES['b.txt']));
    index.didChange(TextDocument.create(uri('b.txt'), 'plaintext', 2, text)); // analysed after its debounce, or when asked
    try {
      assert.deepStrictEqual(await listed(), ['a.txt:4:It should have been done years ago.', 'b.txt:6:Who pays for it?']);
    } finally {
      index.didClose(TextDocument.create(uri('b.txt'), 'plaintext', 2, text));
    }
  });
});
