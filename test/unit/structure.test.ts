import * as assert from 'node:assert/strict';
import { analyzeArticle } from '../../server/src/analysis';
import { analyzeStructure } from '../../server/src/analysis/structure';
import { article, roles, sentences } from './support/article';

describe('article structure', () => {
  describe('headline, standfirst and dateline', () => {
    it('makes the first line before the dateline the headline', () => {
      const a = article(['Ferry fares to rise in spring', 'DUNMORE, April 2 (Reuters) - The ferry operator said fares would rise.']);
      assert.deepEqual(roles(a)[0], ['headline', 'Ferry fares to rise in spring']);
    });

    it('makes the lines between the headline and the dateline standfirst lines', () => {
      const a = article([
        'Harbour deal within reach',
        'Talks on the Velmar harbour resume next week, Dorin Maleva noted',
        'VELMAR, October 14. /NORTHWIRE/. The envoy arrived on Monday.',
      ]);
      assert.deepEqual(roles(a).slice(0, 2), [
        ['headline', 'Harbour deal within reach'],
        ['standfirst', 'Talks on the Velmar harbour resume next week, Dorin Maleva noted'],
      ]);
    });

    it('keeps the dateline paragraph in the body and records the dateline', () => {
      const a = article(['Ferry fares to rise', 'DUNMORE, April 2 (Reuters) - The operator said fares would rise.']);
      assert.equal(roles(a)[1][0], 'body');
      assert.equal(a.text.slice(a.dateline!.span.start, a.dateline!.span.end), 'DUNMORE, April 2 (Reuters) -');
    });

    it('takes a short first line without a final stop for a headline when there is no dateline', () => {
      const a = article(['Ferry strike ends after three days', 'Crews returned to the ferries at dawn.']);
      assert.deepEqual(roles(a).map((r) => r[0]), ['headline', 'body']);
    });

    it('does not take a first line that reads as a sentence for a headline', () => {
      const a = article(['The council met on Tuesday and approved the budget.', 'It will take effect in May.']);
      assert.deepEqual(roles(a).map((r) => r[0]), ['body', 'body']);
    });
  });

  describe('paragraphs', () => {
    it('makes every line of a plain-text article a paragraph', () => {
      const a = article(['Ferry fares to rise', 'DUNMORE, April 2 (Reuters) - Fares will rise.', 'The company blamed fuel costs.', 'A second line follows.']);
      assert.equal(a.structure.paragraphs.length, 4);
      assert.equal(roles(a)[3][1], 'A second line follows.');
    });

    it('treats blank lines as separators, not paragraphs', () => {
      const a = analyzeArticle('Ferry fares to rise\n\nDUNMORE, April 2 (Reuters) - Fares will rise.\n\n\nThe company blamed fuel costs.\n');
      assert.deepEqual(roles(a).map((r) => r[1]), ['Ferry fares to rise', 'DUNMORE, April 2 (Reuters) - Fares will rise.', 'The company blamed fuel costs.']);
    });

    it('splits paragraphs at Windows line ends without keeping the carriage return', () => {
      const a = analyzeArticle('Ferry fares to rise\r\nDUNMORE, April 2 (Reuters) - Fares will rise.\r\nThe company blamed fuel costs.\r\n');
      assert.deepEqual(roles(a).map((r) => r[1]), ['Ferry fares to rise', 'DUNMORE, April 2 (Reuters) - Fares will rise.', 'The company blamed fuel costs.']);
    });

    it('splits paragraphs at old Mac, Windows and Unix line ends mixed in one text', () => {
      const a = analyzeArticle('Ferry fares to rise\rDUNMORE, April 2 (Reuters) - Fares will rise.\r\nThe company blamed fuel costs.\n\r\rCrews agreed.');
      assert.deepEqual(roles(a).map((r) => r[1]), ['Ferry fares to rise', 'DUNMORE, April 2 (Reuters) - Fares will rise.', 'The company blamed fuel costs.', 'Crews agreed.']);
    });

    it('trims white space, a non-breaking space included, around a paragraph', () => {
      const a = article(['Ferry fares to rise', '\u00a0 The company blamed fuel costs.\u00a0 ']);
      assert.equal(roles(a)[1][1], 'The company blamed fuel costs.');
    });
  });

  describe('page furniture, bylines and captions', () => {
    for (const line of ['All news', 'Leave a Reply', 'Advertisement', 'Share this article', 'Read more', 'Related articles', 'Your email address will not be published.', 'Copyright 2025 Northwire.']) {
      it(`marks "${line}" as page furniture`, () => {
        const a = article(['Ferry fares to rise', 'DUNMORE, April 2 (Reuters) - Fares will rise.', line, 'The company blamed fuel costs.']);
        assert.deepEqual(roles(a)[2], ['furniture', line]);
      });
    }

    it('marks a "By" line as a byline', () => {
      const a = article(['Ferry strike ends after three days', 'By Marta Sollen', 'Crews returned to the ferries at dawn.']);
      assert.deepEqual(roles(a)[1], ['byline', 'By Marta Sollen']);
    });

    it('does not take a sentence that opens with "By" and reports speech for a byline', () => {
      const a = article(['Ferry strike ends', 'By Friday the strike was over, the union said.']);
      assert.equal(roles(a)[1][0], 'body');
    });

    it('reads a date line under the byline as the byline date, not text', () => {
      const a = article(['Ferry strike ends after three days', 'By Marta Sollen', 'March 3, 2025', 'Crews returned to the ferries at dawn.']);
      assert.equal(roles(a)[2][0], 'byline');
      assert.deepEqual(a.articleDate, { value: '2025-03-03', source: 'byline-date' });
    });

    it('reads a published line that opens with an abbreviated weekday and ends with a time as the byline date', () => {
      const a = article(['Ferry strike ends after three days', 'Thu 30 Dec 2021 17.45 GMT', 'Crews will return to the ferries on Monday.']);
      assert.equal(roles(a)[1][0], 'byline');
      assert.deepEqual(a.articleDate, { value: '2021-12-30', source: 'byline-date' });
      assert.deepEqual(a.dates.map((d) => [d.text, d.value]), [['Monday', '2022-01-03']]);
    });

    it('marks a photo caption with an AP credit as a caption', () => {
      const a = article(['Ferry strike ends', 'Crews returned at dawn.', 'Dockers at the Tarnow quay on Tuesday. (AP Photo/Emil Varga)']);
      assert.equal(roles(a)[2][0], 'caption');
    });

    it('marks a photo caption with an agency and pool credit as a caption', () => {
      const a = article(['Ferry strike ends', 'Crews returned at dawn.', 'Passengers queue at the terminal. EFE / EPA / JONAS KEEL / POOL']);
      assert.equal(roles(a)[2][0], 'caption');
    });

    it('marks a caption that ends with "Photo: NAME / AGENCY" as a caption', () => {
      const a = article(['Ferry strike ends', 'Crews returned at dawn.', 'Ministers arriving at the harbour talks. Photo: Anna Petrov / NORTHWIRE']);
      assert.equal(roles(a)[2][0], 'caption');
    });

    it('splits no sentences out of furniture, bylines and captions', () => {
      const a = article(['Ferry strike ends after three days', 'By Marta Sollen', 'Crews returned at dawn.', 'Advertisement', 'Dockers at the quay. (AP Photo/Emil Varga)']);
      assert.deepEqual(sentences(a), ['Ferry strike ends after three days', 'Crews returned at dawn.']);
    });
  });

  describe('sentences', () => {
    it('splits a paragraph with letters the hand-written rules do not know the way ICU does', () => {
      const paragraph = 'Le ministre est arriv\u00e9 \u00e0 T\u014dky\u014d. \u6771\u4eac\u306f\u6674\u308c\u3002 He left at noon.';
      const icu = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(paragraph)].map((s) => s.segment.trim());
      assert.equal(icu.length, 3);
      assert.deepEqual(sentences(article(['Talks resume', paragraph])).slice(1), icu);
    });

    it('does not end a sentence after "Mr." before a name', () => {
      assert.deepEqual(sentences(article(['Talks resume', 'Mr. Haldane arrived first. He left at noon.'])).slice(1), ['Mr. Haldane arrived first.', 'He left at noon.']);
    });

    it('does not end a sentence after "Gen." before a name', () => {
      assert.deepEqual(sentences(article(['Talks resume', 'He met Gen. Hugo Brandt. They talked.'])).slice(1), ['He met Gen. Hugo Brandt.', 'They talked.']);
    });

    it('does not end a sentence after "Dec." before a day number', () => {
      assert.deepEqual(sentences(article(['Talks resume', 'They met on Dec. 14. Nothing came of it.'])).slice(1), ['They met on Dec. 14.', 'Nothing came of it.']);
    });

    it('does not end a sentence after "U.S." before "Navy"', () => {
      assert.deepEqual(sentences(article(['Talks resume', 'The U.S. Navy sent a ship. It left.'])).slice(1), ['The U.S. Navy sent a ship.', 'It left.']);
    });

    it('does not end a sentence after "U.S." before "Senate"', () => {
      assert.deepEqual(sentences(article(['Talks resume', 'Talks in the U.S. Senate stalled.'])).slice(1), ['Talks in the U.S. Senate stalled.']);
    });

    it('ends a sentence after "U.S." when a new sentence starts', () => {
      assert.deepEqual(sentences(article(['Talks resume', 'The ship sailed for the U.S. Then it turned back.'])).slice(1), ['The ship sailed for the U.S.', 'Then it turned back.']);
    });

    it('gives the sentences of a dateline paragraph in order, with their paragraph', () => {
      const a = article(['Talks resume', 'LONDON, March 3 (Reuters) - The talks began. They ended.']);
      assert.deepEqual(a.structure.sentences.map((s) => s.paragraph), [0, 1, 1]);
      assert.deepEqual(sentences(a).slice(1), ['LONDON, March 3 (Reuters) - The talks began.', 'They ended.']);
    });

    it('moves an opening quotation mark to the sentence it opens', () => {
      const a = article(['Talks resume', 'The minister spoke. "We are ready," she said.']);
      assert.deepEqual(sentences(a).slice(1), ['The minister spoke.', '"We are ready," she said.']);
    });
  });

  describe('Markdown', () => {
    const markdown = [
      '---',
      'title: "Bridge reopens"',
      'date: 2025-05-09',
      '---',
      '# Bridge reopens after repairs',
      '',
      'The old bridge in Tarnow reopened on Friday,',
      'the city council said in a statement.',
      '',
      'Traffic was light.',
      '',
    ].join('\n');

    it('reads the front matter title and date as metadata', () => {
      const { structure } = analyzeStructure(markdown);
      assert.equal(structure.frontMatter?.title, 'Bridge reopens');
      assert.equal(structure.frontMatter?.date, '2025-05-09');
    });

    it('keeps the front matter out of the paragraphs', () => {
      const a = analyzeArticle(markdown);
      assert.ok(a.structure.paragraphs.every((p) => p.span.start >= a.structure.frontMatter!.span.end));
      assert.equal(a.text.slice(0, a.structure.frontMatter!.span.end), '---\ntitle: "Bridge reopens"\ndate: 2025-05-09\n---\n');
    });

    it('dates the article from the front matter', () => {
      assert.deepEqual(analyzeArticle(markdown).articleDate, { value: '2025-05-09', source: 'front-matter' });
    });

    it('makes the heading the headline without its hashes', () => {
      assert.deepEqual(roles(analyzeArticle(markdown))[0], ['headline', 'Bridge reopens after repairs']);
    });

    it('joins lines into one paragraph until a blank line', () => {
      assert.deepEqual(roles(analyzeArticle(markdown)).slice(1), [
        ['body', 'The old bridge in Tarnow reopened on Friday,\nthe city council said in a statement.'],
        ['body', 'Traffic was light.'],
      ]);
    });

    it('does not end a sentence at a line break inside a paragraph', () => {
      assert.deepEqual(sentences(analyzeArticle(markdown)).slice(1), [
        'The old bridge in Tarnow reopened on Friday,\nthe city council said in a statement.',
        'Traffic was light.',
      ]);
    });

    it('reads a text without front matter as Markdown when asked', () => {
      const a = analyzeArticle('The bridge reopened\non Friday.\n\nTraffic was light.\n', { markdown: true });
      assert.equal(a.structure.paragraphs.length, 2);
    });
  });
});
