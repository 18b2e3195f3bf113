// Markdown's inline marks, blanked out for the rules at the same offsets, and what that lets the
// analysis of a Markdown article find.
import * as assert from 'node:assert/strict';
import { analyzeArticle } from '../../server/src/analysis';
import { blankInlineMarkup } from '../../server/src/analysis/markdownInline';
import { optionsForArticle } from '../../server/src/workspace/markdownArticles';

describe('Markdown inline markup', () => {
  describe('blanked out at the same offsets', () => {
    const cases: Array<[string, string]> = [
      ['said **Olwen Treharne**, the chair', 'said   Olwen Treharne  , the chair'],
      ['The [Harbour Trust](https://example.org/a_b) said', `The  Harbour Trust${' '.repeat(27)}said`],
      ['_"It is a sad day,"_ she added.', ' "It is a sad day,"  she added.'],
      ['![the quay](quay.jpg) and [the plan][1]', '  the quay            and  the plan    '],
      ['see <https://example.org> and <br> here', `see${' '.repeat(23)}and${' '.repeat(6)}here`],
      ['`code` and \\*stars\\*', ' code  and  *stars *'],
    ];
    for (const [markdown, read] of cases) {
      it(JSON.stringify(markdown), () => {
        const out = blankInlineMarkup(markdown);
        assert.equal(out, read);
        assert.equal(out.length, markdown.length);
      });
    }

    it('leaves what is not inline markup: snake_case, a product, bullets, brackets alone, comments', () => {
      for (const text of ['snake_case', '5 * 3', '* a bullet', '- a dash', 'He [the mayor] agreed', '<!-- attribution-lens-ignore -->', '# A heading', '> a quote']) {
        assert.equal(blankInlineMarkup(text), text, text);
      }
    });

    it('takes an unclosed link for plain text, and stops looking at the end of the paragraph', () => {
      assert.equal(blankInlineMarkup('[unclosed](https://example.org'), '[unclosed](https://example.org');
      assert.equal(blankInlineMarkup('[a\n\nb](x)'), '[a\n\nb](x)');
    });
  });

  describe('in the analysis of a Markdown article', () => {
    const text = [
      '---',
      'title: Ferry cut',
      'date: 2025-10-14',
      '---',
      '',
      '**PORTHAVEN** — The [Harbour Trust](https://example.org/trust) confirmed on Monday that the last ferry will sail on October 31.',
      '',
      '"We have done the sums," said **Olwen Treharne**, the trust\'s chair.',
      '',
      '_"It is a sad day,"_ she added.',
    ].join('\n');
    const a = analyzeArticle(text);
    const said = (words: string) => a.statements.find((s) => s.text.includes(words));

    it('finds the speaker in bold, the organisation in a link, the quotation in emphasis', () => {
      assert.equal(said('We have done the sums')?.speaker, 'Olwen Treharne');
      assert.equal(said('the last ferry will sail')?.speaker, 'Harbour Trust');
      assert.equal(said('It is a sad day')?.speaker, 'Olwen Treharne');
      assert.equal(a.diagnostics.filter((d) => d.code === 'unattributed-quote').length, 0);
    });

    it('keeps the text as written, and spans that point into it', () => {
      assert.equal(a.text, text);
      const name = a.people.find((p) => p.name === 'Olwen Treharne')!.mentions[0].span;
      assert.equal(text.slice(name.start, name.end), 'Olwen Treharne');
    });

    it('reads the dateline in bold', () => {
      assert.equal(a.dateline?.place, 'PORTHAVEN');
    });
  });

  it('a .md file is Markdown without front matter; a .txt file is not', () => {
    assert.equal(optionsForArticle('file:///ws/story.md', {}).markdown, true);
    assert.equal(optionsForArticle('file:///ws/story.txt', {}).markdown, undefined);
    assert.equal(optionsForArticle('file:///ws/story.md', { markdown: false }).markdown, false);
  });
});
