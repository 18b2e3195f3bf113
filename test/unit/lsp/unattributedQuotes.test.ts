// attributionLens/unattributedQuotes from the server's index: the workspace's unattributed quotes,
// closed articles read again, ignore markers honoured, an open buffer's text over its file's.
import * as assert from 'assert';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { unattributedQuotes } from '../../../server/src/lsp/unattributedQuotes';
import { indexedWorkspace, type TestWorkspace } from '../support/workspace';

const ARTICLES: Record<string, string> = {
  'a.txt': 'Pier repairs\n\nPORTHAVEN, May 1 - Work on the pier starts in June.\n\n"It should have been done years ago."\n',
  'b.txt': 'Pier repairs\n\nPORTHAVEN, May 2 - "We start in June," said builder Tomos Trevelyan.\n',
  'c.txt': 'Pier repairs\n\nPORTHAVEN, May 3 - Signs went up on the quay.\n\n"Mind the gap." [attribution-lens-ignore]\n',
};

describe('the workspace’s unattributed quotes', function () {
  this.timeout(30000);
  let ws: TestWorkspace;
  const uri = (name: string) => ws.uri(name);
  const listed = async () => (await unattributedQuotes(ws.context())).map((i) => `${path.basename(i.uri)}:${i.range.start.line}:${i.text}`);

  before(async () => {
    ws = await indexedWorkspace(ARTICLES);
  });
  after(() => ws.dispose());

  it('lists the quotes of closed articles, read again, and none an ignore marker silences', async () => {
    assert.deepStrictEqual(await listed(), ['a.txt:4:It should have been done years ago.']);
  });

  it('reads an open buffer as typed, an edit not yet analysed included, not its file', async () => {
    const text = `${ARTICLES['b.txt']}\nThe council has not replied.\n\n"Who pays for it?"\n`;
    ws.index.didOpen(TextDocument.create(uri('b.txt'), 'plaintext', 1, ARTICLES['b.txt']));
    ws.index.didChange(TextDocument.create(uri('b.txt'), 'plaintext', 2, text)); // analysed after its debounce, or when asked
    try {
      assert.deepStrictEqual(await listed(), ['a.txt:4:It should have been done years ago.', 'b.txt:6:Who pays for it?']);
    } finally {
      ws.index.didClose(TextDocument.create(uri('b.txt'), 'plaintext', 2, text));
    }
  });
});
