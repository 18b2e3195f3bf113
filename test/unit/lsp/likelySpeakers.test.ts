// Who the "attribute it to …" quick fixes offer for an unattributed quote.
import * as assert from 'assert';
import { analyzeArticle } from '../../../server/src/analysis';
import { likelySpeakers } from '../../../server/src/lsp/diagnostics';

describe('likely speakers of an unattributed quote', () => {
  const offered = (text: string, quote: string) => likelySpeakers(analyzeArticle(text), text.indexOf(quote));

  it('the speakers quoted just before it, the last first, by surname', () => {
    const text = [
      'Ferry cut',
      '',
      'PORTHAVEN, May 1 - Mayor Olwen Treharne said the ferry would stop in winter.',
      '',
      '"We will lose the shop," said shopkeeper Tomos Trevelyan.',
      '',
      'The council meets on Friday.',
      '',
      '"Nobody asked us."',
    ].join('\n');
    assert.deepStrictEqual(offered(text, '"Nobody'), ['Trevelyan', 'Treharne']);
  });

  it('then those quoted after it; an organisation by its name', () => {
    const text = [
      'Ferry cut',
      '',
      'PORTHAVEN, May 1 - "Nobody asked us."',
      '',
      'The Harbour Trust said the ferry would stop in winter.',
    ].join('\n');
    assert.deepStrictEqual(offered(text, '"Nobody'), ['Harbour Trust']);
  });

  it('nobody when nobody is quoted', () => {
    assert.deepStrictEqual(offered('Ferry cut\n\n"Nobody asked us."\n', '"Nobody'), []);
  });
});
