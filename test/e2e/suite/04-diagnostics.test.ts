import * as assert from 'assert';
import * as vscode from 'vscode';
import { articleUri, codeOf, diagnosticsWhere, indexedWhere, openArticle, ours, positionOf, revert } from './helpers';

const QUOTE = 'The contracts were signed before anyone had costed the works.';
const unattributed = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'unattributed-quote');

describe('diagnostics: an unattributed quote', () => {
  const uri = articleUri('03-terminal-audit.txt');
  before(() => indexedWhere((p) => p.articles === 4, '4 articles'));
  after(() => revert(uri));

  it('is reported with a warning that names the quoted words', async () => {
    const { document: doc } = await openArticle('03-terminal-audit.txt');
    const ds = unattributed(await diagnosticsWhere(uri, (ds) => unattributed(ds).length > 0, 'an unattributed-quote warning'));
    assert.strictEqual(ds.length, 1);
    const [d] = ds;
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /The contracts were signed/);
    assert.ok(doc.getText(d.range).includes('The contracts were signed'), `range covers the quote: ${doc.getText(d.range)}`);
  });

  it('is not reported for well-attributed quotes', async () => {
    await indexedWhere((p) => p.articles === 4, '4 articles');
    for (const name of ['01-ferry-strike.txt', '02-ferry-talks.txt', '04-council-timetable.txt']) {
      assert.deepStrictEqual(ours(articleUri(name), 'unattributed-quote').map((d) => d.message), [], name);
    }
  });

  it('goes away once the attribution is typed in', async () => {
    const editor = await openArticle('03-terminal-audit.txt');
    const at = positionOf(editor.document, `“${QUOTE}`, 0, 0);
    const gone = diagnosticsWhere(uri, (ds) => unattributed(ds).length === 0, 'the warning to go away');
    assert.ok(await editor.edit((b) => b.insert(at, 'Calleja said: ')), 'edit applied');
    await gone;
    const p = await indexedWhere((p) => p.unattributedQuotes === 0, 'no unattributed quotes');
    assert.strictEqual(p.articles, 4);
  });

  it('comes back when the attribution is removed', async () => {
    await revert(uri);
    const ds = await diagnosticsWhere(uri, (ds) => unattributed(ds).length === 1, 'the warning to come back');
    assert.match(unattributed(ds)[0].message, /The contracts were signed/);
  });
});
