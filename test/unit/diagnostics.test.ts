import * as assert from 'node:assert/strict';
import type { ArticleAnalysis, CoreDiagnostic, Paragraph, Quotation, Statement } from '../../server/src/analysis';
import { quotedWords, unattributedQuotes } from '../../server/src/analysis/diagnostics';
import { article, spanText } from './support/article';

const HEADLINE = 'Harbour talks resume';
const DATELINE = 'VARNOS, May 9. /NORTHWIRE/.';

function body(...lines: string[]): ArticleAnalysis {
  return article([HEADLINE, `${DATELINE} ${lines[0]}`, ...lines.slice(1)]);
}

function codes(a: ArticleAnalysis, code: CoreDiagnostic['code']): CoreDiagnostic[] {
  return a.diagnostics.filter((d) => d.code === code);
}

const unattributed = (a: ArticleAnalysis) => codes(a, 'unattributed-quote');
const malformed = (a: ArticleAnalysis) => codes(a, 'malformed-quote-marks');

describe('diagnostics', () => {
  describe('unattributed-quote', () => {
    it('flags a quoted sentence nobody is named for, on the quotation with its marks', () => {
      const a = body('The talks went on.', '"We cannot accept a plan that leaves the fishermen with nothing at all."');
      const [d] = unattributed(a);
      assert.deepEqual([d.code, d.severity, d.text], ['unattributed-quote', 'warning', 'We cannot accept a plan that leaves the fishermen with nothing at all.']);
      assert.equal(spanText(a, d.span), '"We cannot accept a plan that leaves the fishermen with nothing at all."');
    });

    it('names the first eight quoted words in the message', () => {
      const a = body('The talks went on.', '"We cannot accept a plan that leaves the fishermen with nothing at all."');
      assert.equal(unattributed(a)[0].message, 'Nobody is named for the quote \u201cWe cannot accept a plan that leaves the\u2026\u201d');
    });

    it('flags a short quoted sentence that ends with a stop', () => {
      assert.equal(unattributed(body('The talks went on.', '"We go home now."')).length, 1);
    });

    it('carries the quotation’s index for a quick fix', () => {
      const a = body('The talks went on.', '"We cannot accept a plan that leaves the fishermen with nothing at all."');
      assert.deepEqual(unattributed(a)[0].data, { quotation: 0 });
    });

    it('does not flag a quotation attributed to a speaker', () => {
      assert.deepEqual(body('"We cannot accept a plan that leaves the fishermen with nothing," Port director Nadia Kerr said.').diagnostics, []);
    });

    it('does not flag a scare quote', () => {
      assert.deepEqual(body('The harbour plan is a "paper tiger" and everybody knows it.').diagnostics, []);
    });

    it('does not flag a title in quotation marks', () => {
      assert.deepEqual(body('The film "The Last Ship Out of Varnos Harbour Again" opened on Friday.').diagnostics, []);
    });

    it('does not flag a continuation of the speaker before', () => {
      const a = body(
        '"The harbour must stay open to all ships," Deputy Minister Ivo Brandl told reporters after a long meeting with the port authority and the unions in the old customs house on Friday.',
        '"We will not close it while I hold this office."',
      );
      assert.deepEqual(a.diagnostics, []);
    });

    it('does not flag a quotation in a headline attributed by the headline', () => {
      const a = article([
        '"We will not close the harbour this year" - Kastorian minister',
        `${DATELINE} Kastorian Deputy Minister Ivo Brandl said the harbour would stay open.`,
      ]);
      assert.deepEqual(a.diagnostics, []);
    });

    it('does not flag a quotation in a headline that names nobody', () => {
      const a = article(['Fishermen fear "we will lose everything this winter, and nobody cares"', `${DATELINE} The fishing fleet stayed in port.`]);
      assert.deepEqual(a.diagnostics, []);
    });

    it('does not flag a quotation nested in an attributed one', () => {
      const a = body('"They told us \u2018we cannot pay you this month or the next one either\u2019 and left," Port director Nadia Kerr said.');
      assert.deepEqual(a.diagnostics, []);
    });

    it('raises no warning at all on well-attributed copy', () => {
      const a = article([
        'Harbour talks "at a turning point" - diplomat',
        'The port will reopen in June, Grubin noted',
        `${DATELINE} Kastorian Deputy Foreign Minister Alexei Grubin said on Thursday that the harbour would reopen.`,
        '"We have no other choice," said Grubin. "The ships are waiting."',
        'Port director Nadia Kerr said: "The cranes are idle and the crews are waiting."',
        'According to Kerr, three ships left the port on Thursday.',
        'The plan is a "paper tiger", critics argue.',
        'Advertisement',
      ]);
      assert.deepEqual(a.diagnostics, []);
    });

    it('checks thousands of quotations against thousands of statements in one pass', function () {
      this.timeout(60000);
      // Quadratic matching would make 10^10 comparisons here.
      const n = 100_000;
      const quotations: Quotation[] = [];
      const statements: Statement[] = [];
      const paragraphs: Paragraph[] = [];
      for (let i = 0; i < n; i++) {
        const start = i * 40;
        quotations.push({ span: { start, end: start + 30 }, inner: { start: start + 1, end: start + 29 }, openMark: '"', closeMark: '"', depth: 0 });
        paragraphs.push({ span: { start, end: start + 39 }, role: 'body' });
        if (i % 10 !== 0) statements.push({ kind: 'direct', cue: 'said', contentSpan: { start: start + 1, end: start + 29 }, text: '' });
      }
      const text = 'We will go home now, she said, and left.'.repeat(n);
      const started = process.cpuUsage();
      const found = unattributedQuotes(text, quotations, statements, paragraphs);
      const used = process.cpuUsage(started);
      assert.equal(found.length, n / 10);
      assert.ok((used.user + used.system) / 1000 < 3000, `took ${(used.user + used.system) / 1000} ms of CPU`);
    });
  });

  describe('malformed-quote-marks', () => {
    it('reports a quotation closed with an opening mark, on the wrong mark', () => {
      const a = body('\u201cThis one ends with the wrong mark,\u201c Port director Nadia Kerr said.');
      const [d] = malformed(a);
      assert.deepEqual([d.severity, spanText(a, d.span), d.text], ['warning', '\u201c', 'This one ends with the wrong mark,']);
      assert.equal(d.message, 'The quotation \u201cThis one ends with the wrong mark\u201d is closed with \u201c instead of \u201d');
    });

    it('offers the right mark as the replacement for the wrong one', () => {
      const a = body('\u201cThis one ends with the wrong mark,\u201c Port director Nadia Kerr said.');
      const [d] = malformed(a);
      assert.deepEqual([d.data?.replacement, spanText(a, d.data?.replaceSpan)], ['\u201d', '\u201c']);
    });

    it('reports a quotation opened with a closing mark and offers the opening mark in its place', () => {
      const a = body('\u201dThis one starts with the wrong mark,\u201d Port director Nadia Kerr said.');
      const [d] = malformed(a);
      assert.equal(d.message, 'The quotation \u201cThis one starts with the wrong mark\u201d is opened with \u201d instead of \u201c');
      assert.deepEqual([d.data?.replacement, spanText(a, d.data?.replaceSpan), d.span.start], ['\u201c', '\u201d', a.quotations[0].span.start]);
    });

    it('still attributes the quotation with the wrong closing mark', () => {
      const a = body('\u201cThis one ends with the wrong mark,\u201c Port director Nadia Kerr said.');
      assert.equal(a.statements[0].speaker, 'Nadia Kerr');
      assert.deepEqual(unattributed(a), []);
    });

    it('reports a quotation never closed, and where the closing mark belongs', () => {
      const a = body('The minister said the plan was "dead on arrival and nobody will revive it.', 'The talks ended.');
      const [d] = malformed(a);
      assert.equal(d.message, 'The quotation \u201cdead on arrival and nobody will revive it\u201d is never closed (expected ")');
      assert.equal(spanText(a, d.span), '"');
      assert.equal(d.data?.replacement, undefined);
      assert.equal(d.data?.replaceSpan?.start, a.text.indexOf('revive it.') + 'revive it.'.length);
    });

    it('reports nothing for a quotation that runs on into a paragraph that reopens it', () => {
      const a = body('The talks went on.', '"We waited all winter.', '"Now we go home," Port director Nadia Kerr said.');
      assert.deepEqual(malformed(a), []);
    });
  });

  describe('order and wording', () => {
    it('lists diagnostics in document order', () => {
      const a = body(
        'The talks went on.',
        '"We cannot accept a plan that leaves the fishermen with nothing at all."',
        '\u201cThis one ends with the wrong mark,\u201c Port director Nadia Kerr said.',
        'Deputy Minister Ivo Brandl met the crews on Friday.',
        '"Nobody has asked the crews what they think about any of this."',
      );
      assert.deepEqual(a.diagnostics.map((d) => d.code), ['unattributed-quote', 'malformed-quote-marks', 'unattributed-quote']);
    });

    it('quotes a short quotation whole, without its final comma', () => {
      const text = '"We go home,   now,"';
      const q: Quotation = { span: { start: 0, end: text.length }, inner: { start: 1, end: text.length - 1 }, openMark: '"', closeMark: '"', depth: 0 };
      assert.equal(quotedWords(text, q), '\u201cWe go home, now\u201d');
    });
  });
});
