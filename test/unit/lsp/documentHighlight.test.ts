// Document highlights from the server's index: a speaker's mentions in the article under the caret
// (where they speak as writes), a statement's speaker and cue, and the dates of one calendar value.
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver/node';
import { LineIndex } from '../../../server/src/analysis/positions';
import type { FeatureContext } from '../../../server/src/lsp/context';
import { documentHighlights } from '../../../server/src/lsp/documentHighlight';
import { indexedWorkspace, type TestWorkspace } from '../support/workspace';

const ARTICLE = `Ferry timetable cut for winter

PORTHAVEN, November 3, 2025 - Harbour Master Olwen Treharne said on Monday that two crossings a day would end in December.
"We cannot sail half-empty boats all winter," Treharne told the council. The cuts start on November 3, she said.
The plan was first drawn up by Councillor Ifan Morgan.
Residents say the island's shop depends on the morning boat.
"Nobody asked us," read a sign at the quay.
`;

describe('document highlights', function () {
  this.timeout(30000);
  let ws: TestWorkspace;
  let ctx: FeatureContext;
  const lines = new LineIndex(ARTICLE);
  const uri = () => ws.uri('ferry.txt');
  const at = (phrase: string, plus = 0) => {
    const offset = ARTICLE.indexOf(phrase);
    assert.ok(offset >= 0, phrase);
    return documentHighlights(ctx, { textDocument: { uri: uri() }, position: lines.positionAt(offset + plus) });
  };
  const seen = (highlights: DocumentHighlight[] | null) =>
    (highlights ?? []).map((h) => {
      const text = ARTICLE.slice(lines.offsetAt(h.range.start), lines.offsetAt(h.range.end));
      return `${text}:${h.kind === DocumentHighlightKind.Write ? 'W' : h.kind === DocumentHighlightKind.Read ? 'R' : 'T'}`;
    });

  before(async () => {
    ws = await indexedWorkspace({ 'ferry.txt': ARTICLE });
    ws.index.didOpen(TextDocument.create(uri(), 'plaintext', 1, ARTICLE));
    await ws.index.whenIdle();
    ctx = ws.context();
  });
  after(() => ws.dispose());

  it('on a surname: every mention of the person, in text order, writes where they speak', () => {
    assert.deepStrictEqual(seen(at('Treharne told', 3)), ['Harbour Master Olwen Treharne:W', 'Treharne:W', 'she:W']);
  });

  it('on someone named who says nothing: reads', () => {
    assert.deepStrictEqual(seen(at('Morgan', 1)), ['Ifan Morgan:R']);
  });

  it('on a pronoun: the same person', () => {
    assert.deepStrictEqual(seen(at('she said')), ['Harbour Master Olwen Treharne:W', 'Treharne:W', 'she:W']);
  });

  it('inside a quote: its speaker’s mentions and the quote’s cue', () => {
    assert.deepStrictEqual(seen(at('half-empty')), ['Harbour Master Olwen Treharne:W', 'Treharne:W', 'she:W', 'told:T']);
  });

  it('inside a quote nobody is named for: nothing', () => {
    assert.strictEqual(at('Nobody asked', 3), null);
  });

  it('inside reported speech: its speaker’s mentions and its cue', () => {
    assert.deepStrictEqual(seen(at('crossings', 2)), ['Harbour Master Olwen Treharne:W', 'Treharne:W', 'she:W', 'said:T']);
  });

  it('on a date: every date of the same value, the dateline’s too', () => {
    assert.deepStrictEqual(seen(at('Monday', 1)), ['November 3, 2025:T', 'Monday:T', 'November 3:T']);
  });

  it('on a word outside any statement, mention or date: nothing', () => {
    assert.strictEqual(at('timetable', 2), null);
  });
});
