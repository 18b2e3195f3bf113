// Expand selection: the spans around a caret, innermost first, each inside the next.
import * as assert from 'assert';
import { analyzeArticle } from '../../../server/src/analysis';
import { enclosingSpans } from '../../../server/src/lsp/selectionRange';

const ARTICLE = `Ferry timetable cut for winter

PORTHAVEN, November 3, 2025 - Harbour Master Olwen Treharne said on Monday that two crossings a day would end in December.

"We cannot sail half-empty boats all winter," Treharne told the council. The cuts start on November 3, she said.

"Nobody asked us," read a sign at the quay.
`;

describe('expand selection', () => {
  const analysis = analyzeArticle(ARTICLE);
  const around = (phrase: string, plus = 0) => {
    const offset = ARTICLE.indexOf(phrase);
    assert.ok(offset >= 0, phrase);
    return enclosingSpans(analysis, offset + plus).map((s) => ARTICLE.slice(s.start, s.end));
  };
  const paragraph = (phrase: string) => ARTICLE.split('\n\n').find((p) => p.includes(phrase))!.trim();

  it('in a quotation: the word, its words, the quotation with its marks, the statement with its speaker and cue, the sentence, the paragraph, the text', () => {
    assert.deepStrictEqual(around('half-empty', 2), [
      'half-empty',
      'We cannot sail half-empty boats all winter',
      'We cannot sail half-empty boats all winter,',
      '"We cannot sail half-empty boats all winter,"',
      '"We cannot sail half-empty boats all winter," Treharne told',
      '"We cannot sail half-empty boats all winter," Treharne told the council.',
      paragraph('half-empty'),
      ARTICLE,
    ]);
  });

  it('on a name: the name with its title, then the reported statement it introduces', () => {
    assert.deepStrictEqual(around('Olwen', 2).slice(0, 4), [
      'Olwen',
      'Harbour Master Olwen Treharne',
      'Harbour Master Olwen Treharne said on Monday that two crossings a day would end in December',
      'PORTHAVEN, November 3, 2025 - Harbour Master Olwen Treharne said on Monday that two crossings a day would end in December.',
    ]);
  });

  it('on a date: the date, then what holds it', () => {
    assert.deepStrictEqual(around('November 3, she', 1).slice(0, 3), ['November', 'November 3', 'The cuts start on November 3']);
  });

  it('in a quotation nobody is named for: its words, the quotation, then the sentence', () => {
    assert.deepStrictEqual(around('asked', 1).slice(0, 4), ['asked', 'Nobody asked us,', '"Nobody asked us,"', '"Nobody asked us," read a sign at the quay.']);
  });

  it('a caret just after a word takes the word; one between paragraphs, the whole text', () => {
    assert.deepStrictEqual(around('sign at', 4).slice(0, 2), ['sign', '"Nobody asked us," read a sign at the quay.']);
    assert.deepStrictEqual(around('\n\n"Nobody', 1), [ARTICLE]);
  });
});
