// A weekday written with a date that is not that date's: the date keeps its year, the mismatch is
// reported, and the quick fix puts the date's own weekday in.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeArticle } from '../../server/src/analysis';
import { codeActions } from '../../server/src/lsp/codeActions';
import { diagnosticsFor } from '../../server/src/lsp/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { indexedWorkspace, type TestWorkspace } from './support/workspace';

const lead = (body: string) => `Ferry vote\n\nPORTHAVEN, March 2, 2024 - ${body}\n`;

describe('a weekday that is not the date’s', () => {
  const mismatches = (text: string) => analyzeArticle(text).diagnostics.filter((d) => d.code === 'weekday-mismatch').map((d) => d.message);
  const dateOf = (text: string, words: string) => analyzeArticle(text).dates.find((d) => d.text === words)?.value;

  it('is reported on a date written with its year', () => {
    assert.deepEqual(mismatches(lead('The ferry stopped on Monday, Feb. 27, 2024.')), ['“Monday, Feb. 27, 2024”: 27 Feb 2024 is a Tuesday, not a Monday']);
    assert.deepEqual(mismatches(lead('The ferry stopped on Tuesday, Feb. 27, 2024.')), []);
  });

  it('on a month and day no year near the article’s puts on that weekday: the date keeps its own year', () => {
    const text = lead('The council will meet on Thursday, March 5 to decide.');
    assert.equal(dateOf(text, 'Thursday, March 5'), '2024-03-05');
    assert.deepEqual(mismatches(text), ['“Thursday, March 5”: 5 Mar 2024 is a Tuesday, not a Thursday']);
  });

  it('is no mismatch when the weekday names the year next to the article’s ("March 6, a Sunday" in February 2022)', () => {
    const text = 'Ferry vote\n\nPORTHAVEN, Feb. 20, 2022 - The vote was set for March 6, a Sunday.\n';
    assert.equal(dateOf(text, 'March 6'), '2022-03-06');
    assert.equal(dateOf(text, 'Sunday'), '2022-03-06');
    assert.deepEqual(mismatches(text), []);
  });

  it('is not reported on a weekday alone', () => {
    assert.deepEqual(mismatches(lead('Figures reported on Sunday now suggest a tie.')), []);
  });

  describe('in the editor', function () {
    this.timeout(30000);
    let ws: TestWorkspace;
    const text = lead('The council will meet on Thursday, March 5 to decide.');

    before(async () => {
      ws = await indexedWorkspace({ 'vote.txt': text });
    });
    after(() => ws.dispose());

    it('is a warning whose fix puts the date’s own weekday in, and which can be ignored by rule', () => {
      const uri = ws.uri('vote.txt');
      ws.index.didOpen(TextDocument.create(uri, 'plaintext', 1, text));
      const ctx = ws.context(undefined, false);
      const entry = ws.index.article(uri)!;
      const diagnostic = diagnosticsFor(ctx, entry, DEFAULT_SETTINGS).find((d) => d.code === 'weekday-mismatch');
      assert.ok(diagnostic, 'a weekday-mismatch diagnostic');
      assert.equal(diagnostic.severity, 2);
      const actions = codeActions(ctx, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      assert.deepEqual(actions.map((a) => a.title), ['Change the weekday to Tuesday', 'Ignore this date (add [attribution-lens-ignore weekday-mismatch] to the paragraph)']);
      const [edit] = actions[0].edit!.changes![uri];
      const doc = TextDocument.create(uri, 'plaintext', 1, text);
      assert.equal(TextDocument.applyEdits(doc, [edit]), lead('The council will meet on Tuesday, March 5 to decide.'));
      assert.ok(!actions[0].isPreferred);
    });
  });
});
