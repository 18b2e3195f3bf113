// Completion of speakers' names: what counts as a name being typed, what is offered for a speaker,
// and the list the server gives for an open article of a small workspace.
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList } from 'vscode-languageserver/node';
import { completionOf, completions, nameBeingTyped } from '../../../server/src/lsp/completion';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/lsp/settings';
import type { Speaker } from '../../../server/src/workspace/types';
import { indexedWorkspace, type TestWorkspace } from '../support/workspace';

const speaker = (name: string, spellings: string[] = [name]): Speaker => ({
  id: name.toLowerCase().replace(/ /g, '-'), name, roles: [], spellings, isOrganization: false, statementCount: 1, articles: [], statementArticles: [],
});

describe('completion of speakers’ names', () => {
  describe('the name being typed', () => {
    const typed = (text: string) => nameBeingTyped(text.replace('|', ''), text.indexOf('|'))?.text;

    it('is the capitalised word before the caret, of two letters or more', () => {
      assert.strictEqual(typed('Minister Gru|'), 'Gru');
      assert.strictEqual(typed('said “Gru|'), 'Gru');
      assert.strictEqual(typed('O’Bri|'), 'O’Bri');
    });

    it('is nothing for a lower-case word, a single letter, or a caret inside a word', () => {
      assert.strictEqual(typed('the minis|'), undefined);
      assert.strictEqual(typed('said G|'), undefined);
      assert.strictEqual(typed('Gru|shko'), undefined);
      assert.strictEqual(typed('said |'), undefined);
    });
  });

  describe('what is offered for a speaker', () => {
    const grushko = speaker('Alexander Grushkó', ['Alexander Grushkó', 'Grushko']);

    it('the whole name for its first word, accents and case aside', () => {
      assert.strictEqual(completionOf(grushko, 'alex'), 'Alexander Grushkó');
    });

    it('the name from a later word on for that word, in the canonical spelling', () => {
      assert.strictEqual(completionOf(grushko, 'grushk'), 'Grushkó');
      assert.strictEqual(completionOf(speaker('Sergei Ryabkov', ['Sergei Ryabkov', 'Riabkov']), 'riab'), 'Ryabkov');
      assert.strictEqual(completionOf(speaker('Ivan Petrov'), 'pet'), 'Petrov');
    });

    it('nothing when no word starts so', () => {
      assert.strictEqual(completionOf(grushko, 'rush'), undefined);
    });
  });

  describe('the server’s list', function () {
    this.timeout(30000);
    let ws: TestWorkspace;
    let settings: Settings = DEFAULT_SETTINGS;
    const draft = 'Harbour news\n\nPORTHAVEN, May 2 - The council met. Tre';
    const uri = () => ws.uri('draft.txt');
    const listAt = async (text: string): Promise<CompletionList | null> => {
      ws.index.didChange(TextDocument.create(uri(), 'plaintext', 2, text));
      const lines = text.split('\n');
      return completions(ws.context(() => settings), { textDocument: { uri: uri() }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } });
    };

    before(async () => {
      ws = await indexedWorkspace(
        {
          'a.txt': 'Ferry cut\n\nPORTHAVEN, May 1 - Mayor Olwen Treharne said the ferry would stop. "It is over," Treharne said.\n',
          'b.txt': 'Quay works\n\nPORTHAVEN, May 1 - "We start in June," said builder Tomos Trevelyan.\n',
          'draft.txt': draft,
        },
        () => settings,
      );
      ws.index.didOpen(TextDocument.create(uri(), 'plaintext', 1, draft));
      await ws.index.whenIdle();
    });
    after(() => ws.dispose());

    it('offers the speakers a typed surname starts, most quoted first, replacing what was typed', async () => {
      const list = await listAt(draft);
      assert.deepStrictEqual(list?.items.map((i) => i.label), ['Treharne', 'Trevelyan']);
      const [first] = list!.items;
      assert.deepStrictEqual(first.textEdit, { range: { start: { line: 2, character: 36 }, end: { line: 2, character: 39 } }, newText: 'Treharne' });
      assert.strictEqual(first.labelDetails?.description, 'Olwen Treharne');
      assert.match(String((first.documentation as { value: string }).value), /2 statements in 1 article/);
    });

    it('offers the whole name for a first name', async () => {
      const list = await listAt(`${draft.slice(0, -3)}Olw`);
      assert.deepStrictEqual(list?.items.map((i) => i.label), ['Olwen Treharne']);
    });

    it('offers nothing for a lower-case word, or when the setting is off', async () => {
      assert.strictEqual(await listAt(`${draft.slice(0, -3)}tre`), null);
      settings = { ...DEFAULT_SETTINGS, completion: { enabled: false } };
      try {
        assert.strictEqual(await listAt(draft), null);
      } finally {
        settings = DEFAULT_SETTINGS;
      }
    });
  });
});
