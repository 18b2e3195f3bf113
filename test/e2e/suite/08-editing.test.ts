import * as assert from 'assert';
import * as vscode from 'vscode';
import { articleUri, indexedWhere, openArticle, positionOf, revert, within } from './helpers';

describe('editing aids: highlight, expand selection, completion', () => {
  before(() => indexedWhere((p) => p.articles === 4, '4 articles'));

  it('highlights every mention of the speaker under the caret, where she speaks as writes', async () => {
    const { document: doc } = await openArticle('01-ferry-strike.txt');
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, positionOf(doc, 'Vassallo told', 0, 3));
    assert.deepStrictEqual(
      (highlights ?? []).map((h) => `${doc.getText(h.range)}:${h.kind === vscode.DocumentHighlightKind.Write ? 'speaks' : 'named'}`),
      ['Elena Vassallo:speaks', 'Vassallo:speaks'],
    );
  });

  it('expands the selection from a word to its quotation, then the statement it opens with its speaker and second part', async () => {
    const { document: doc } = await openArticle('01-ferry-strike.txt');
    const [chain] = await vscode.commands.executeCommand<vscode.SelectionRange[]>('vscode.executeSelectionRangeProvider', doc.uri, [positionOf(doc, 'fair offer', 0, 2)]);
    const texts: string[] = [];
    for (let r: vscode.SelectionRange | undefined = chain; r; r = r.parent) texts.push(doc.getText(r.range));
    assert.ok(texts.includes('“We have made a fair offer and it stays on the table,”'), texts.join(' | '));
    assert.ok(texts.includes('“We have made a fair offer and it stays on the table,” Vassallo told reporters at the harbour. “The ferries must run.”'), texts.join(' | '));
    assert.strictEqual(texts[0], 'fair');
  });

  describe('completion', () => {
    const uri = articleUri('01-ferry-strike.txt');
    after(() => revert(uri));

    it('offers a speaker of another article as her surname is typed', async () => {
      const editor = await openArticle('01-ferry-strike.txt');
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      assert.ok(await editor.edit((b) => b.insert(end, '\nLater, Farr')), 'edit applied');
      const at = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      const list = await within(
        Promise.resolve(vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at)),
        'completion items',
      );
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(labels.includes('Farrugia'), labels.join(', '));
    });
  });
});
