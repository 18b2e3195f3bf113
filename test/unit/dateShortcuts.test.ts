import * as assert from 'node:assert/strict';
import * as chrono from 'chrono-node';
import { shortcutFor, type DateReading, type Shortcut } from '../../server/src/analysis/dateShortcuts';
import { resolveDates } from '../../server/src/analysis/dates';
import { parseDateline } from '../../server/src/analysis/dateline';
import type { Span } from '../../server/src/analysis/types';

/** What dates.ts hands chrono between windows. */
const SEPARATOR = '\n\u2063\n';
const REF = new Date(Date.UTC(2026, 10, 18, 12));
const COMPONENTS = ['weekday', 'day', 'month', 'year', 'hour'] as const;

function read(): Shortcut {
  const shortcut = shortcutFor(chrono.casual.clone());
  assert.ok(shortcut, 'the shortcut knows this chrono');
  return shortcut;
}

/** The certain parts of a reading, as dates.ts reads them. */
function certain(r: DateReading): string {
  return COMPONENTS.map((c) => (r.start.isCertain(c) ? `${c}=${r.start.get(c)}` : '')).join(' ');
}

/** The one result chrono gives for `window` among other windows, with its offset in the window. */
function chronoReading(window: string, before: string, after: string): Array<{ index: number; text: string; certain: string; relative: boolean }> {
  const text = before + window + after;
  return chrono.casual
    .clone()
    .parse(text, REF, { forwardDate: false })
    .filter((r) => r.index >= before.length - 1 && r.index < before.length + window.length)
    .map((r) => ({ index: r.index - before.length, text: r.text, certain: certain(r), relative: r.tags().has('result/relativeDate') }));
}

/** A tiny seeded generator, so the phrasings are the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('dateShortcuts: reading a window without chrono', () => {
  const shortcut = read();

  for (const [window, text, parts] of [
    ['The minister said on Monday that talks would go on.', 'on Monday', 'weekday=1'],
    ['Talks held last Friday failed, the ministry said.', 'last Friday', 'weekday=5'],
    ['the committee will meet next Tuesday, officials said', 'next Tuesday,', 'weekday=2'],
    ['Figures published last week showed that sales fell', 'last week', ''],
    ['The plant will reopen next month, its owner said.', 'next month', ''],
    ['prices rose this year by a fifth', 'this year', ''],
    ['The rebels freed the hostages yesterday.', 'yesterday', ''],
    ['“We will know more tomorrow,” she told reporters.', 'tomorrow', ''],
    ['The vote is due in December, the speaker said.', 'December,', 'month=12'],
  ] as const) {
    it(`reads “${text.replace(/,$/, '')}” as chrono does, with what chrono takes around it`, () => {
      const quick = shortcut(window, '');
      assert.ok(quick, 'read without chrono');
      assert.equal(quick.reading.text, text);
      assert.equal(window.slice(quick.index, quick.index + text.length), text);
      assert.equal(certain(quick.reading).trim(), parts);
      const [real] = chronoReading(window, '', '');
      assert.equal(real.index, quick.index);
      assert.equal(real.text, quick.reading.text);
    });
  }

  for (const [why, window] of [
    ['a time of day is merged with the weekday', 'The council met on Tuesday evening to vote.'],
    ['two dates may make a range', 'talks from Monday to Wednesday failed'],
    ['a digit may be a time or a day', 'The minister said on Monday at 10 that talks went on.'],
    ['"may" is a month only after "in"', 'He said in May that he may leave.'],
    ['"end of" moves chrono to the end of the period', 'by the end of last month, the fund was empty'],
    ['a zone in capitals after the date is read into it', 'The polls close on Tuesday EST, officials said.'],
    ['a duration is a date of its own', 'The minister said on Monday, two weeks ago, that talks failed.'],
    ['an abbreviated weekday is ambiguous', 'The court sat on Sat. to hear the case.'],
    ['the weekend is not one day', 'Crowds gathered over the weekend, police said on Sunday.'],
    ['an ordinal may be a day of the month', 'The first of December will see the new rules, he said on Monday.'],
  ] as const) {
    it(`leaves a window to chrono when ${why}`, () => {
      assert.equal(shortcut(window, ''), undefined);
    });
  }

  it('refuses a chrono whose parsers are not the ones it reasons about', () => {
    const fewer = chrono.casual.clone();
    fewer.parsers.pop();
    assert.equal(shortcutFor(fewer), undefined);
    const moreRefiners = chrono.casual.clone();
    moreRefiners.refiners.push({ refine: (_context, results) => results });
    assert.equal(shortcutFor(moreRefiners), undefined);
  });

  it('agrees with chrono on thousands of generated windows, alone and between others', () => {
    // Words chosen to meet every parser: units glued to numbers ("them", "as"), modifiers, months that are
    // also words, ordinals, casual words, zone names, digits, punctuation chrono reads.
    const words = [
      'the', 'minister', 'said', 'on', 'in', 'for', 'within', 'as', 'them', 'they', 'a', 'an', 'few', 'several', 'two', 'ten',
      'ones', 'days', 'day', 'week', 'weeks', 'month', 'months', 'year', 'years', 'ago', 'later', 'before', 'earlier', 'after',
      'out', 'from', 'now', 'this', 'last', 'past', 'next', 'end', 'of', 'morning', 'night', 'evening', 'noon', 'today',
      'tonight', 'Tomorrow', 'yesterday', 'Monday', 'Friday', 'Sunday', 'sunday', 'Sun', 'Sat.', 'weekend', 'weekday',
      'December', 'March', 'march', 'May', 'may', 'June', 'Jan.', 'market', 'first', 'second', 'twenty-first', 'EST', 'ET',
      'GMT', '(AP)', ',', '.', '—', '-', '+', '~', 'about', 'around', 'half', 'couple', 'and', 'to', 'until', 'lastweek',
      'thisyear', 'onMonday', 'inDecember', '10', '2019', '3/4', 'o’clock', 'pm', 'Super', 'Good', 'Times', 'mid-December',
    ];
    const next = random(20261201);
    let readCount = 0;
    const fillers = ['Officials met there', 'the talks went on', 'No one was hurt'];
    for (let n = 0; n < 4000; n++) {
      const length = 2 + Math.floor(next() * 9);
      const parts: string[] = [];
      for (let i = 0; i < length; i++) parts.push(words[Math.floor(next() * words.length)]);
      const window = parts.join(next() < 0.8 ? ' ' : '  ').replace(/ ([,.])/g, '$1');
      const filler = fillers[n % fillers.length];
      for (const [before, after] of [
        ['', ''],
        ['', SEPARATOR + filler],
        [filler + SEPARATOR, ''],
        [filler + SEPARATOR, SEPARATOR + filler],
      ]) {
        const quick = shortcut(window, after ? SEPARATOR : '');
        if (!quick) continue;
        readCount++;
        const real = chronoReading(window, before, after);
        assert.equal(real.length, 1, `one result in ${JSON.stringify(window)}`);
        assert.equal(real[0].index, quick.index, window);
        assert.equal(real[0].text, quick.reading.text, window);
        // Casual days and periods are read by their words; weekdays and months by their parts.
        if (certain(quick.reading).trim()) {
          assert.equal(real[0].certain, certain(quick.reading), window);
          assert.equal(real[0].relative, false, window);
        }
      }
    }
    assert.ok(readCount > 500, `the generated windows exercise the shortcut (${readCount} read)`);
  });
});

describe('resolveDates: the forms read without chrono', () => {
  /** One region per line, the dateline looked for in the first. */
  function values(text: string): Array<[string, string]> {
    const regions: Span[] = [];
    let start = 0;
    for (const line of text.split('\n')) {
      if (line.trim()) regions.push({ start, end: start + line.length });
      start += line.length + 1;
    }
    const dateline = parseDateline(text, regions[0].start, regions[0].end);
    return resolveDates(text, regions, dateline, { today: '2026-11-22' }).dates.map((d) => [d.text, d.value]);
  }
  // 18 November 2026 is a Wednesday.
  const lead = 'LONDON, November 18, 2026 (Reuters) — ';

  it('a weekday said in the past is the last one on or before the dateline', () => {
    assert.deepEqual(values(`${lead}The minister said on Monday that talks had failed.`).slice(1), [['Monday', '2026-11-16']]);
  });

  it('a weekday in the future tense, or after “would”, is the next one', () => {
    assert.deepEqual(values(`${lead}The council will vote on Friday.\nShe said they would meet on Tuesday.`).slice(1), [
      ['Friday', '2026-11-20'],
      ['Tuesday', '2026-11-24'],
    ]);
  });

  it('“last” and “next” weekdays step over the dateline day', () => {
    assert.deepEqual(values(`${lead}Talks held last Wednesday failed; the next round is set for next Wednesday.`).slice(1), [
      ['last Wednesday', '2026-11-11'],
      ['next Wednesday', '2026-11-25'],
    ]);
  });

  it('periods are the ISO week, month or year around the dateline', () => {
    assert.deepEqual(values(`${lead}Figures published last week showed a fall; the plant reopens next month and prices rose this year.`).slice(1), [
      ['last week', '2026-W46'],
      ['next month', '2026-12'],
      ['this year', '2026'],
    ]);
  });

  it('yesterday, today and tomorrow are days around the dateline', () => {
    assert.deepEqual(values(`${lead}The rebels freed the hostages yesterday.\nTalks resume tomorrow.\nToday the border is shut.`).slice(1), [
      ['yesterday', '2026-11-17'],
      ['tomorrow', '2026-11-19'],
      ['Today', '2026-11-18'],
    ]);
  });

  it('a month alone is the last one before the dateline, or the coming one in the future tense', () => {
    assert.deepEqual(values(`${lead}Prices fell in March.\nThe vote will be held in February.`).slice(1), [
      ['March', '2026-03'],
      ['February', '2027-02'],
    ]);
  });
});
