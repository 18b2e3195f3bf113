import * as assert from 'assert';
import * as vscode from 'vscode';
import { hoverText, indexedWhere, openArticle, positionOf } from './helpers';

async function hoverAt(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
  return hoverText(hovers ?? []);
}

describe('hover', () => {
  before(() => indexedWhere((p) => p.articles === 4, '4 articles'));

  it('on a speaker: canonical name, role and statements across the workspace', async () => {
    const { document: doc } = await openArticle('01-ferry-strike.txt');
    // the surname alone, in `Vassallo told reporters`
    const text = await hoverAt(doc, positionOf(doc, 'Vassallo told', 0, 3));
    assert.match(text, /Elena Vassallo/, text);
    assert.match(text, /Transport Minister/i, text);
    assert.match(text, /6 statements in 3 articles/, text);
    assert.match(text, /2024-03-04/, text);
  });

  it('on a quotation: who said it, the cue and the kind', async () => {
    const { document: doc } = await openArticle('01-ferry-strike.txt');
    const text = await hoverAt(doc, positionOf(doc, 'Nobody here wanted', 0, 5));
    assert.match(text, /Daniel Farrugia/, text);
    assert.match(text, /direct/, text);
    assert.match(text, /said/, text);
  });

  it('on a relative date: its ISO value', async () => {
    const { document: doc } = await openArticle('01-ferry-strike.txt');
    const text = await hoverAt(doc, positionOf(doc, 'on Monday', 0, 5));
    assert.match(text, /2024-03-04/, text);
  });

  it('on a word that is nobody: no speaker hover', async () => {
    const { document: doc } = await openArticle('01-ferry-strike.txt');
    const text = await hoverAt(doc, positionOf(doc, 'Passengers queued', 0, 3));
    assert.doesNotMatch(text, /Vassallo|Farrugia/, text);
  });
});
