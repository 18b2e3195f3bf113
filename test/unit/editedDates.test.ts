import * as assert from 'node:assert/strict';
// Deterministic (mulberry32), so that a failure can be replayed; the bench's generator uses it too.
import { randomSource } from '../../scripts/bench/generate';
import { analyzeArticle } from '../../server/src/analysis';
import { resolveDates } from '../../server/src/analysis/dates';
import { commonEnds, datesAfterEdit } from '../../server/src/analysis/editedDates';
import { analyzeStructure } from '../../server/src/analysis/structure';
import type { AnalysisOptions, ArticleAnalysis, Span } from '../../server/src/analysis/types';

const OPTIONS: AnalysisOptions = { today: '2026-11-22' };

// Wire-style fixtures written for these tests: each dates its reference day another way.
const ARTICLES: Record<string, string> = {
  'dateline with its year': [
    'Harbour board delays vote on dredging plan',
    '',
    'PORTSMOUTH, March 3, 2024 (Reuters) - The harbour board put off on Tuesday a vote on dredging the outer channel, its chair said.',
    '',
    '“We are not ready to decide this week,” chair Ellen Marsh told reporters after the meeting, which began at 9 a.m.',
    '',
    'The board first discussed the plan in January 2023 and had hoped to vote by December 5, 2023. Marsh said a new survey would be ready next month.',
    '',
    'Fishermen said last week that two weeks of dredging would close the channel. “That would cost us the season,” said Tom Avery, who has fished there since 1998.',
    '',
    'The board meets again on March 17.',
  ].join('\n'),
  'front matter date, dateline without a year': [
    '---',
    'title: Rail strike ends after three days',
    'date: 2025-06-12',
    '---',
    '',
    'LYON, June 12 (AFP) - Rail workers went back to work on Thursday after a three-day strike, the union said.',
    '',
    '“The talks will resume on Monday,” union leader Claire Dubois said. She added that a deal was possible before the summer holidays.',
    '',
    'Trains ran at half capacity on Wednesday and will be back to normal by the weekend, the operator said in a statement two days ago.',
  ].join('\n'),
  'dateline without a year (year guessed from the text)': [
    'BERLIN, March 4 /TASS/ - The minister said on Friday that the talks would go on.',
    '',
    '“We expect an answer within a week,” Deputy Minister Anton Berg said on Friday, adding that the last round in 2021 had failed.',
    '',
    'Berg is due in Vienna on March 10, officials said.',
  ].join('\n'),
  'no dateline': [
    'Council approves new cycle lanes',
    '',
    'The city council approved on Wednesday a plan for twelve kilometres of cycle lanes, to be built by 2027.',
    '',
    '“This is the start, not the end,” councillor Maria Lopez said on Wednesday evening.',
    '',
    'Work starts in April, the council said.',
  ].join('\n'),
};

/** Pieces an edit inserts: dates, quotes, sentences, paragraph and line breaks, a dateline. */
const SNIPPETS = [
  'on Monday',
  ' last week ',
  'December 7, 2021',
  ' in 2019',
  '“We will wait,” said Ann Lee.',
  ' The plan failed, she said. ',
  '\n\n',
  '\n',
  ' ',
  'yesterday',
  'PARIS, May 2 (Reuters) - ',
  'two days ago',
  '“',
  'next month',
  // The forms read across a mention's neighbours: a month for an ordinal day, a range, a weekday naming a day.
  ' on the 14th',
  'Nov. 12 to Nov. 14',
  'March 6, a Sunday',
  ' until Dec. 31',
  'from Monday to Wednesday next week',
  'Dec. 1 (UPI) -- ',
];

/** One random edit: an insertion, a deletion or a replacement somewhere in the text. */
function randomEdit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const snippet = SNIPPETS[Math.floor(next() * SNIPPETS.length)];
  const kind = next();
  if (kind < 0.4) return text.slice(0, at) + snippet + text.slice(at);
  const length = Math.floor(next() * 40);
  if (kind < 0.7) return text.slice(0, at) + text.slice(at + length);
  return text.slice(0, at) + snippet + text.slice(at + length);
}

function readable(text: string): { regions: Span[]; structure: ReturnType<typeof analyzeStructure> } {
  const structure = analyzeStructure(text);
  const regions = structure.structure.paragraphs.filter((p) => p.role !== 'furniture' && p.role !== 'byline').map((p) => p.span);
  return { regions, structure };
}

describe('analyzeArticle after an edit: reusing the previous analysis', () => {
  for (const [name, article] of Object.entries(ARTICLES)) {
    it(`equals a fresh analysis after every one of 60 random edits (${name})`, () => {
      const next = randomSource(name.length * 7919);
      let text = article;
      let previous: ArticleAnalysis = analyzeArticle(text, OPTIONS);
      for (let step = 0; step < 60; step++) {
        text = randomEdit(text, next);
        const fresh = analyzeArticle(text, OPTIONS);
        const reused = analyzeArticle(text, OPTIONS, previous);
        assert.deepEqual(reused, fresh, `edit ${step}: ${JSON.stringify(text)}`);
        // Half the time the next edit starts from the reusing analysis, half from the fresh one.
        previous = step % 2 ? reused : fresh;
      }
    });
  }

  it('equals a fresh analysis when the previous one is of another article altogether', () => {
    const [a, b] = [ARTICLES['dateline with its year'], ARTICLES['no dateline']];
    assert.deepEqual(analyzeArticle(b, OPTIONS, analyzeArticle(a, OPTIONS)), analyzeArticle(b, OPTIONS));
  });

  it('does not reuse an analysis made for another day', () => {
    const text = ARTICLES['no dateline'];
    const edited = text.replace('Work starts in April', 'Work starts next week');
    assert.deepEqual(analyzeArticle(edited, { today: '2026-12-01' }, analyzeArticle(text, OPTIONS)), analyzeArticle(edited, { today: '2026-12-01' }));
  });
});

describe('datesAfterEdit', () => {
  const edit = (text: string) => text.replace('Fishermen said last week', 'Fishermen said on Monday');

  it('resolves only the edited paragraph again, and matches resolving them all', () => {
    const before = ARTICLES['dateline with its year'];
    const after = edit(before);
    const previous = analyzeArticle(before, OPTIONS);
    const { regions, structure } = readable(after);
    const options = { ...OPTIONS, frontMatterDate: structure.structure.frontMatter?.date, bylineDate: structure.bylineDate };
    const reused = datesAfterEdit(after, regions, structure.dateline, options, previous, readable(before).regions);
    assert.ok(reused, 'the unchanged paragraphs are reused');
    assert.deepEqual(reused, resolveDates(after, regions, structure.dateline, options));
    assert.ok(reused.dates.some((d) => d.text === 'Monday'));
  });

  it('reuses nothing when the dateline’s year is guessed from the whole text', () => {
    const before = ARTICLES['dateline without a year (year guessed from the text)'];
    const after = before.replace('officials said', 'officials told reporters');
    const { regions, structure } = readable(after);
    assert.equal(datesAfterEdit(after, regions, structure.dateline, OPTIONS, analyzeArticle(before, OPTIONS), readable(before).regions), undefined);
  });
});

describe('commonEnds', () => {
  /** The definition, one character at a time. */
  function naive(a: string, b: string): { prefix: number; suffix: number } {
    const max = Math.min(a.length, b.length);
    let prefix = 0;
    while (prefix < max && a[prefix] === b[prefix]) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
    return { prefix, suffix };
  }

  it('gives the longest common prefix and non-overlapping suffix, edits anywhere in long and short texts', () => {
    const next = randomSource(20261202);
    const words = ['the', 'board', 'said', '“', '”', '\n\n', ' ', 'é', '😀', 'a'];
    for (let round = 0; round < 400; round++) {
      let a = '';
      const length = Math.floor(next() * 3000);
      while (a.length < length) a += words[Math.floor(next() * words.length)];
      let b = a;
      for (let edits = Math.floor(next() * 3); edits >= 0; edits--) b = randomEdit(b, next);
      assert.deepEqual(commonEnds(a, b), naive(a, b), `round ${round}`);
      assert.deepEqual(commonEnds(b, a), naive(b, a), `round ${round}, swapped`);
    }
  });

  it('handles equal texts, empty texts and one text inside the other at block boundaries', () => {
    const block = 'x'.repeat(256);
    const cases: Array<[string, string]> = [
      ['', ''],
      ['', block],
      [block, block],
      [block + block, block],
      [block + 'y' + block, block + block],
      ['a' + block + block, block + block + 'a'],
      [block.repeat(3), block.repeat(3) + 'z'],
      ['z' + block.repeat(3), block.repeat(3)],
    ];
    for (const [a, b] of cases) {
      assert.deepEqual(commonEnds(a, b), naive(a, b), `${a.length} / ${b.length}`);
      assert.deepEqual(commonEnds(b, a), naive(b, a), `${b.length} / ${a.length}`);
    }
  });
});
