import * as assert from 'node:assert/strict';
import type { ArticleAnalysis, Quotation } from '../../server/src/analysis';
import { findQuotations } from '../../server/src/analysis/quotations';
import { analyzeStructure } from '../../server/src/analysis/structure';
import { article } from './support/article';

const HEADLINE = 'Harbour talks resume';
const DATELINE = 'VARNOS, May 9. /NORTHWIRE/.';

/** Analyses a headline, a dateline paragraph and these body lines. */
function body(...lines: string[]): ArticleAnalysis {
  return article([HEADLINE, `${DATELINE} The talks went on.`, ...lines]);
}

/** The words between the marks of every quotation, in document order. */
function inners(a: ArticleAnalysis): string[] {
  return a.quotations.map((q) => a.text.slice(q.inner.start, q.inner.end));
}

function only(a: ArticleAnalysis): Quotation {
  assert.equal(a.quotations.length, 1, `expected one quotation, got ${JSON.stringify(inners(a))}`);
  return a.quotations[0];
}

describe('quotation marks', () => {
  describe('pairing', () => {
    it('pairs marks around characters past the table of marks (ellipses, currency, CJK, emoji)', () => {
      const a = body('\u201cCosts rose \u20ac5\u2026 \u6e2f \ud83d\ude00,\u201d said Ivo Brandl. \u2018\u2026\u2019 she added.');
      assert.deepEqual(inners(a), ['Costs rose \u20ac5\u2026 \u6e2f \ud83d\ude00,', '\u2026']);
    });

    it('pairs straight double quotes', () => {
      const a = body('"We will wait," said Ivo Brandl.');
      assert.deepEqual(inners(a), ['We will wait,']);
      assert.deepEqual([only(a).openMark, only(a).closeMark], ['"', '"']);
    });

    it('pairs curly double quotes', () => {
      const a = body('\u201cWe will wait,\u201d said Ivo Brandl.');
      assert.deepEqual(inners(a), ['We will wait,']);
      assert.deepEqual([only(a).openMark, only(a).closeMark], ['\u201c', '\u201d']);
    });

    it('pairs guillemets', () => {
      assert.deepEqual(inners(body('\u00abNous attendrons\u00bb, said Ivo Brandl.')), ['Nous attendrons']);
    });

    it('pairs a low-9 opening mark with a high closing mark', () => {
      const a = body('\u201eWir warten\u201c, said Hans Adler.');
      assert.deepEqual(inners(a), ['Wir warten']);
      assert.equal(only(a).malformed, undefined);
    });

    it('pairs straight single quotes', () => {
      assert.deepEqual(inners(body("'We will wait,' said Ivo Brandl.")), ['We will wait,']);
    });

    it('pairs curly single quotes', () => {
      assert.deepEqual(inners(body('\u2018We will wait,\u2019 said Ivo Brandl.')), ['We will wait,']);
    });

    it('reads typewriter `` and \'\' as a pair of double quotes', () => {
      const a = body("``We are not moving,'' said Ruth Ames.");
      assert.deepEqual(inners(a), ['We are not moving,']);
      assert.deepEqual([only(a).span.end - only(a).span.start, only(a).inner.start - only(a).span.start], ['``We are not moving,\'\''.length, 2]);
    });

    it('gives the span with the marks and the inner span without them', () => {
      const a = body('He said \u201cno deal\u201d twice.');
      const q = only(a);
      assert.equal(a.text.slice(q.span.start, q.span.end), '\u201cno deal\u201d');
      assert.equal(a.text.slice(q.inner.start, q.inner.end), 'no deal');
    });

    it('nests a single-quoted phrase inside a double quotation one level deeper', () => {
      const a = body('\u201cWe told them \u2018not now\u2019 and left,\u201d Lund said.');
      assert.deepEqual(a.quotations.map((q) => [a.text.slice(q.inner.start, q.inner.end), q.depth]), [
        ['We told them \u2018not now\u2019 and left,', 0],
        ['not now', 1],
      ]);
    });

    it('nests straight single quotes inside straight double quotes', () => {
      const a = body('"The pay is \'frozen\' again," Lund said.');
      assert.deepEqual(a.quotations.map((q) => [a.text.slice(q.inner.start, q.inner.end), q.depth]), [
        ["The pay is 'frozen' again,", 0],
        ['frozen', 1],
      ]);
    });

    it('keeps a quotation of several sentences whole', () => {
      assert.deepEqual(inners(body('"It is cold. It is late. We go home," he said.')), ['It is cold. It is late. We go home,']);
    });

    it('finds no quotation in furniture or a photo caption', () => {
      const a = body('Dockers at the quay said "no". (AP Photo/Emil Varga)', 'Share this article');
      assert.deepEqual(inners(a), []);
    });
  });

  describe('apostrophes', () => {
    it('does not end a single quotation at the apostrophe of "Russia\u2019s"', () => {
      assert.deepEqual(inners(body('\u2018Russia\u2019s offer is late,\u2019 she said.')), ['Russia\u2019s offer is late,']);
    });

    it('does not end a single quotation at the apostrophe of "don\u2019t"', () => {
      assert.deepEqual(inners(body('\u2018We don\u2019t accept it,\u2019 she said.')), ['We don\u2019t accept it,']);
    });

    it('does not open a quotation at the apostrophe of "\u201990s"', () => {
      const a = body('The \u201990s were hard years for the port.');
      assert.deepEqual(inners(a), []);
      assert.deepEqual(a.diagnostics, []);
    });

    it('keeps "\u201990s" inside a quotation without closing it', () => {
      assert.deepEqual(inners(body('\u201cIn the \u201990s we had work,\u201d he said.')), ['In the \u201990s we had work,']);
    });

    it('reads a straight apostrophe after a plural as no quotation mark', () => {
      const a = body("The dockers' union met on Friday.");
      assert.deepEqual(inners(a), []);
      assert.deepEqual(a.diagnostics, []);
    });
  });

  describe('across paragraphs', () => {
    it('joins a quotation left open at a paragraph end and reopened in the next paragraph into one quotation', () => {
      const a = body(
        '\u201cThe first part of a long answer runs to the end of the paragraph.',
        '\u201cAnd the second paragraph finishes it,\u201d Lund said.',
      );
      const q = only(a);
      assert.equal(a.text.slice(q.inner.start, q.inner.end), 'The first part of a long answer runs to the end of the paragraph.\n\u201cAnd the second paragraph finishes it,');
      assert.equal(q.malformed, undefined);
    });

    it('joins a straight-quoted quotation reopened in the next paragraph', () => {
      const a = body('"We waited all winter.', '"Now we go home," Lund said.');
      assert.equal(only(a).malformed, undefined);
      assert.equal(a.text.slice(only(a).span.start, only(a).span.end), '"We waited all winter.\n"Now we go home,"');
    });

    it('closes a quotation the next paragraph does not reopen at its paragraph end, and reports it unclosed', () => {
      const a = body('The minister said the plan was "dead on arrival and nobody will revive it.', 'The talks ended.');
      const q = only(a);
      assert.equal(a.text.slice(q.inner.start, q.inner.end), 'dead on arrival and nobody will revive it.');
      assert.equal(q.malformed?.problem, 'unclosed');
      assert.equal(q.malformed?.expected, '"');
    });
  });

  describe('wrong marks', () => {
    it('recovers a quotation closed with an opening curly mark and reports the mark', () => {
      const a = body('\u201cThis one ends with the wrong mark,\u201c Lund said.');
      const q = only(a);
      assert.equal(a.text.slice(q.inner.start, q.inner.end), 'This one ends with the wrong mark,');
      assert.deepEqual(q.malformed, { span: { start: q.inner.end, end: q.inner.end + 1 }, problem: 'wrong-closing-mark', expected: '\u201d' });
    });

    it('pairs the next quotation normally after a wrong closing mark', () => {
      const a = body('\u201cWe are ready,\u201c she said. \u201cSo are they,\u201d he said.');
      assert.deepEqual(inners(a), ['We are ready,', 'So are they,']);
      assert.equal(a.quotations[1].malformed, undefined);
    });

    it('recovers a quotation opened with a closing curly mark and reports the mark', () => {
      const a = body('Getty.', '\u201dFear. I am afraid the harbour will close.\u201d \u2015 Ana Ruiz.');
      const q = only(a);
      assert.equal(a.text.slice(q.inner.start, q.inner.end), 'Fear. I am afraid the harbour will close.');
      assert.deepEqual(q.malformed, { span: { start: q.span.start, end: q.span.start + 1 }, problem: 'wrong-opening-mark', expected: '\u201c' });
      const s = a.statements.find((st) => st.text.includes('afraid'));
      assert.equal(s?.speaker, 'Ana Ruiz');
    });

    it('takes a stray closing mark with nothing open for no quotation', () => {
      assert.deepEqual(inners(body('The talks ended\u201d on Friday.')), []);
    });
  });

  describe('empty quotations', () => {
    it('keeps no quotation with nothing but marks inside it', () => {
      const a = body('The form had a box marked "" and a second box marked “” for the reply.');
      assert.deepEqual(inners(a), []);
    });
    it('keeps a quotation whose inside holds a nested quotation and words', () => {
      const a = body('“He said ‘wait’ twice,” Ivo Brandl recalled.');
      assert.deepEqual(inners(a), ['He said ‘wait’ twice,', 'wait']);
    });
    it('still pairs the marks of an empty quotation, so the next one is read right', () => {
      const a = body('He typed "" and then "We will wait," said Ivo Brandl.');
      assert.deepEqual(inners(a), ['We will wait,']);
    });
  });
  describe('stray opening marks', () => {
    it('reports one unclosed quotation for a paragraph of opening marks and ends it at the paragraph', () => {
      const a = body('\u201c'.repeat(5000) + 'wait');
      const q = only(a);
      assert.equal(q.malformed?.problem, 'unclosed');
      assert.equal(a.text.slice(q.span.end - 4, q.span.end), 'wait');
    });
  });
  it('leaves nothing open for the next text: quotes left open at the end of one do not pair in another', () => {
    const open = 'She said \u201cwe will \u2018never\n';
    const text = 'He said \u201cyes\u201d and left.\n';
    const fresh = findQuotations(text, analyzeStructure(text).structure.paragraphs);
    findQuotations(open, analyzeStructure(open).structure.paragraphs);
    assert.deepEqual(findQuotations(text, analyzeStructure(text).structure.paragraphs), fresh);
    assert.equal(fresh.length, 1);
  });
  describe('cost', () => {
    it('reads 1 MB of nothing but quotation marks in linear time, keeping no empty quotation', function () {
      this.timeout(60000);
      const marks = '\u201c\u201d\u2018\u2019"\'\u00ab\u00bb\u201e`';
      let text = '';
      for (let i = 0; i < 1 << 20; i++) text += i % 80 === 79 ? '\n' : marks[(i * 7) % marks.length];
      const { structure } = analyzeStructure(text);
      const before = process.cpuUsage();
      const quotations = findQuotations(text, structure.paragraphs);
      const used = process.cpuUsage(before);
      assert.ok(quotations.every((q) => q.malformed), 'only reported (malformed) quotations have nothing inside');
      // Well under a second on an idle machine; the bound leaves room for a loaded one while a
      // quadratic pass (minutes) still fails.
      assert.ok((used.user + used.system) / 1000 < 4000, `took ${(used.user + used.system) / 1000} ms of CPU`);
    });
    it('pairs 1 MB of one-letter quotations in linear time', function () {
      this.timeout(60000);
      const text = ('\u201ca\u201d "b" '.repeat(99) + '\n').repeat(1100);
      const { structure } = analyzeStructure(text);
      const before = process.cpuUsage();
      const quotations = findQuotations(text, structure.paragraphs);
      const used = process.cpuUsage(before);
      assert.equal(quotations.length, 2 * 99 * 1100);
      assert.ok((used.user + used.system) / 1000 < 4000, `took ${(used.user + used.system) / 1000} ms of CPU`);
    });
  });
});
