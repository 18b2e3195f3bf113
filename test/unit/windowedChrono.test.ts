import * as assert from 'node:assert/strict';
import * as chrono from 'chrono-node';
import { ExtractionMemo, WINDOW_SEPARATOR, WindowedChrono } from '../../server/src/analysis/windowedChrono';

// Phrases for every casual English parser, and words that hold some parser's word without being a date.
const PHRASES = [
  'on Monday', 'last Friday', 'next week', 'this weekend', 'Thursday the 5th', 'Tues.', 'mon', 'Monday-Friday',
  'December 7', 'Dec. 7, 2021', '7 December 2021', 'the 5th of May', 'May', 'in May', 'May 2019', '2019 May', 'sept. 3',
  'Jan 3 to Jan 5', '5dec', 'mayfirst', '2021-03-04', '2021-03-04T10:20Z', '2021/3/4', '3/4/2021', '12/2020', '9/11',
  '3 days ago', 'two weeks before', 'a few months earlier', 'five years later', '2 days from now', 'a week after',
  'within a month', 'in two weeks', 'for 3 days', 'today', 'tonight', 'tomorrow morning', 'yesterday', 'last night',
  'this morning', 'at noon', 'midnight', 'in the evening', 'end of the month', 'last day of month', 'this month',
  'past year', '+2 days', '- 3 weeks', 'after this week', 'at 5 pm', '10:30', 'at 5 o', 'clock', "5 o'clock", '1900 GMT',
  'Monday at 5pm EST', 'about', 'without', 'know', 'season', 'market', 'decision', 'satisfied', 'Sunday Times',
  'the 2016 election', 'in 2008', '1.5 million', 'May 5 people', 'the second', 'Wednesday night', 'earlier',
];
const FILLER = ['the', 'minister', 'said', 'on', 'that', 'talks', 'would', 'go', 'on', 'in', 'and', 'a', 'of', '—', ',', '.', '(', ')', '"'];
// Between two date phrases, what merging refiners merge across (and a stray invisible separator, which they do not).
const JOINERS = [' at ', ' to ', ' - ', ', ', ' ', ' on ', ' until ', '\u2063', ' \u2063 '];

/** A deterministic pseudo-random number generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Windows joined as dates.ts joins them, with where each ends. */
function joined(windows: readonly string[]): { text: string; ends: number[] } {
  const ends: number[] = [];
  let end = 0;
  for (const w of windows) {
    end += w.length;
    ends.push(end);
    end += WINDOW_SEPARATOR.length;
  }
  return { text: windows.join(WINDOW_SEPARATOR), ends };
}

function summary(results: readonly chrono.ParsedResult[]): string[] {
  return results.map((r) => `${r.index} ${r.text} ${r.start.toString()} ${r.end?.toString() ?? ''} ${[...r.tags()].sort().join(',')}`);
}

describe('WindowedChrono', () => {
  const full = new chrono.Chrono({ parsers: [...chrono.casual.parsers], refiners: [...chrono.casual.refiners] });
  const windowed = new WindowedChrono([...chrono.casual.parsers], [...chrono.casual.refiners]);
  const ref = new Date(Date.UTC(2021, 5, 15, 12));

  it('knows the installed chrono-node patterns (otherwise every parser reads every window)', () => {
    assert.equal(windowed.narrowed, true);
  });

  it("finds chrono's results in windows of date phrases and filler, joined as dates.ts joins them", () => {
    const next = random(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    for (let batch = 0; batch < 400; batch++) {
      const windows: string[] = [];
      const count = 1 + Math.floor(next() * 12);
      for (let w = 0; w < count; w++) {
        const parts: string[] = [];
        const length = 1 + Math.floor(next() * 8);
        for (let i = 0; i < length; i++) parts.push(next() < 0.4 ? pick(PHRASES) : pick(FILLER));
        windows.push(parts.join(next() < 0.9 ? ' ' : ''));
      }
      const { text, ends } = joined(windows);
      const expected = summary(full.parse(text, ref, { forwardDate: false }));
      assert.deepEqual(summary(windowed.parse(text, ends, ref, { forwardDate: false })), expected, text);
    }
  });

  it("merges neighbours as chrono's refiners do, in windows of date phrases side by side", () => {
    const next = random(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    for (let batch = 0; batch < 300; batch++) {
      const windows: string[] = [];
      const count = 1 + Math.floor(next() * 6);
      for (let w = 0; w < count; w++) {
        let window = pick(PHRASES);
        const more = Math.floor(next() * 4);
        for (let i = 0; i < more; i++) window += pick(JOINERS) + pick(PHRASES);
        windows.push(window);
      }
      const { text, ends } = joined(windows);
      assert.deepEqual(summary(windowed.parse(text, ends, ref, { forwardDate: false })), summary(full.parse(text, ref, { forwardDate: false })), text);
    }
  });

  it('asks a merging refiner only about neighbours with no separator between them', () => {
    const asked: string[] = [];
    const refiners = chrono.casual.refiners.map((refiner) => {
      const r = refiner as chrono.Refiner & { shouldMergeResults?: (between: string, ...rest: unknown[]) => boolean };
      if (typeof r.shouldMergeResults !== 'function') return refiner;
      const spy = Object.create(r) as typeof r;
      spy.shouldMergeResults = (between: string, ...rest: unknown[]) => {
        asked.push(between);
        return r.shouldMergeResults!.call(spy, between, ...rest);
      };
      return spy;
    });
    const spied = new WindowedChrono([...chrono.casual.parsers], refiners);
    const windows = ['on Monday at 5 pm', 'Jan 3 to Jan 5', 'said on Friday', 'in May'];
    const text = windows.join(WINDOW_SEPARATOR);
    const ends = windows.map((_, i) => windows.slice(0, i + 1).join(WINDOW_SEPARATOR).length);
    assert.deepEqual(summary(spied.parse(text, ends, ref)), summary(full.parse(text, ref)));
    assert.ok(asked.length > 0, 'the refiners were asked about the pairs inside windows');
    assert.ok(asked.every((between) => !between.includes('\u2063')), JSON.stringify(asked));
  });

  it("gives chrono's results for repeated weekdays, times of day and relative units, the reference changing between batches", () => {
    const repeated = ['on Monday', 'last Friday', 'next weekend', 'this weekday', 'Sunday this week', 'this morning', 'tonight', 'at noon', 'this week', 'last year', 'next month', 'after this week', 'past quarter'];
    const references = [ref, new Date(Date.UTC(2021, 11, 31, 23)), new Date(Date.UTC(2024, 1, 29, 12)), ref];
    const fresh = new WindowedChrono([...chrono.casual.parsers], [...chrono.casual.refiners]);
    for (const reference of references) {
      for (let round = 0; round < 3; round++) {
        const windows = repeated.map((phrase, i) => `the minister said ${repeated[(i + round) % repeated.length]} and ${phrase}`);
        const { text, ends } = joined(windows);
        const results = fresh.parse(text, ends, reference, { forwardDate: false });
        assert.deepEqual(summary(results), summary(full.parse(text, reference, { forwardDate: false })), text);
        // Changed in place as a refiner might: the next batch's equal matches are not.
        for (const r of results) r.start.assign('hour', 3).addTag('changed');
      }
    }
  });

  it('extracts each distinct match once per reference, changing the match as the parser does', () => {
    let calls = 0;
    const weekday = chrono.casual.parsers.find((p) => p.constructor.name === 'ENWeekdayParser')!;
    const counting: chrono.Parser = { pattern: (c) => weekday.pattern(c), extract: (c, m) => (calls++, weekday.extract(c, m)) };
    const memo = new ExtractionMemo();
    const context = new chrono.ParsingContext(' on Monday, on Monday; on Monday', ref);
    memo.useFor(ExtractionMemo.referenceKey(context.reference));
    const search = new RegExp(weekday.pattern(context).source, 'gi');
    const matches = [...context.text.matchAll(search)] as RegExpExecArray[];
    const extracted = matches.map((m) => memo.extract(counting, context, m));
    // Extraction moved each match past its leading space, as chrono's word-boundary parsers do.
    assert.deepEqual(matches.map((m) => [m.index, m[0]]), [[1, 'on Monday,'], [12, 'on Monday'], [23, 'on Monday']]);
    assert.equal(calls, 2, 'the last match is the second one again');
    const again = [...context.text.matchAll(search)] as RegExpExecArray[];
    const copies = again.map((m) => memo.extract(counting, context, m));
    assert.equal(calls, 2);
    assert.deepEqual(again.map((m) => [m.index, m[0]]), matches.map((m) => [m.index, m[0]]));
    assert.deepEqual(copies.map(String), extracted.map(String));
    assert.notEqual(copies[0], extracted[0]);
    memo.useFor(ExtractionMemo.referenceKey(new chrono.ParsingContext('', new Date(Date.UTC(2022, 0, 1))).reference));
    memo.extract(counting, context, [...context.text.matchAll(search)][0] as RegExpExecArray);
    assert.equal(calls, 3, 'another reference day: extracted again');
  });

  it('lets a time run on into the next window as chrono does ("5 o" and "clock")', () => {
    const text = `at 5 o${WINDOW_SEPARATOR}clock on the day${WINDOW_SEPARATOR}said the minister`;
    const ends = [6, 6 + 3 + 16, text.length];
    assert.deepEqual(summary(windowed.parse(text, ends, ref)), summary(full.parse(text, ref)));
  });
});
