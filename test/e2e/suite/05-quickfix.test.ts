import * as assert from 'assert';
import * as vscode from 'vscode';
import { articleUri, codeOf, diagnosticsWhere, indexedWhere, openArticle, revert } from './helpers';

async function quickFixes(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `“${action.title}” carries an edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `“${action.title}” applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('quick fixes', () => {
  before(() => indexedWhere((p) => p.articles === 4, '4 articles'));

  describe('a quotation closed with the wrong mark', () => {
    const uri = articleUri('04-council-timetable.txt');
    after(() => revert(uri));

    it('is fixed by the quick fix, and the warning goes away', async () => {
      const { document: doc } = await openArticle('04-council-timetable.txt');
      const malformed = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'malformed-quote-marks');
      const [d] = malformed(await diagnosticsWhere(uri, (ds) => malformed(ds).length === 1, 'a malformed-quote-marks warning'));
      assert.match(d.message, /Residents asked for later boats/);
      const fixes = await quickFixes(uri, d);
      // (isPreferred does not survive vscode.executeCodeActionProvider's conversion; the title says what it does)
      const fix = fixes.find((a) => /^Use ” to close/.test(a.title));
      assert.ok(fix, `a fix “Use ” to close the quotation” among: ${fixes.map((a) => a.title).join(' | ')}`);
      const gone = diagnosticsWhere(uri, (ds) => malformed(ds).length === 0, 'the warning to go away');
      await apply(fix);
      assert.ok(doc.getText().includes('“Residents asked for later boats and now they have them,” Brennan said.'), doc.getText());
      await gone;
    });
  });

  describe('an unattributed quote', () => {
    const uri = articleUri('03-terminal-audit.txt');
    after(() => revert(uri));

    it('can be ignored with a marker, and the warning goes away', async () => {
      const { document: doc } = await openArticle('03-terminal-audit.txt');
      const unattributed = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'unattributed-quote');
      const [d] = unattributed(await diagnosticsWhere(uri, (ds) => unattributed(ds).length === 1, 'an unattributed-quote warning'));
      const fixes = await quickFixes(uri, d);
      assert.ok(fixes.some((a) => /attribution/i.test(a.title)), `an “add an attribution” fix among: ${fixes.map((a) => a.title).join(' | ')}`);
      const ignore = fixes.find((a) => /^Ignore this quote/.test(a.title));
      assert.ok(ignore, `an ignore fix among: ${fixes.map((a) => a.title).join(' | ')}`);
      const before = doc.getText();
      const gone = diagnosticsWhere(uri, (ds) => unattributed(ds).length === 0, 'the warning to go away');
      await apply(ignore);
      assert.ok(doc.getText().length > before.length, 'a marker was inserted');
      assert.ok(doc.getText().includes('attribution-lens-ignore'), doc.getText());
      await gone;
    });
  });
});
