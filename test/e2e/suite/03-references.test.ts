import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { articleUri, indexedWhere, openArticle, positionOf } from './helpers';

describe('references: find all statements by a speaker', () => {
  before(() => indexedWhere((p) => p.articles === 4, '4 articles'));

  it('lists her statements in every article, including files never opened, and no one else’s', async () => {
    const never = articleUri('02-ferry-talks.txt').toString();
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === never), '02 has not been opened');
    const { document: doc } = await openArticle('01-ferry-strike.txt');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider', doc.uri, positionOf(doc, 'Vassallo told', 0, 2));
    assert.ok(locations && locations.length > 0, 'references found');
    const files = [...new Set(locations.map((l) => path.basename(l.uri.path)))].sort();
    assert.deepStrictEqual(files, ['01-ferry-strike.txt', '02-ferry-talks.txt', '03-terminal-audit.txt']);
    assert.strictEqual(locations.length, 6, locations.map((l) => `${path.basename(l.uri.path)}:${l.range.start.line}`).join(', '));

    const texts: string[] = [];
    for (const l of locations) texts.push((await vscode.workspace.openTextDocument(l.uri)).getText(l.range));
    const all = texts.join('\n');
    for (const said of ['We have made a fair offer', 'I have asked both sides', 'the ministry is ready to discuss overtime', 'publish its reply next week']) {
      assert.ok(all.includes(said), `a reference covers “${said}”:\n${all}`);
    }
    for (const notHers of ['Nobody here wanted a strike', 'waited long enough', 'later boats', 'The contracts were signed']) {
      assert.ok(!all.includes(notHers), `no reference covers “${notHers}”`);
    }
  });
});
