import * as assert from 'node:assert/strict';
import { parseDateline } from '../../server/src/analysis/dateline';
import * as chrono from 'chrono-node';
import { randomSource } from '../../scripts/bench/generate';
import { chunkRegions, clauseTense, endOfPeriodRefiner, endsInYOrD, mayAndSecondOnly, parser, plainDatesValidAtOnce, readsAsNumber, resolveDates, timezoneNameAt, timezoneNamesOnly, yearCandidates, type DateOptions } from '../../server/src/analysis/dates';
import { WINDOW_SEPARATOR } from '../../server/src/analysis/windowedChrono';
import type { Span } from '../../server/src/analysis/types';

const TODAY = '2026-11-22';

/** One region per line; the dateline is looked for at the start of the first few lines. */
function analyse(text: string, options: DateOptions = {}) {
  const regions: Span[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) regions.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  let dateline;
  for (const r of regions.slice(0, 3)) {
    dateline = parseDateline(text, r.start, r.end);
    if (dateline) break;
  }
  return resolveDates(text, regions, dateline, { today: TODAY, ...options });
}

/** text -> value for every mention, in order. */
function values(text: string, options: DateOptions = {}): Array<[string, string]> {
  return analyse(text, options).dates.map((d) => [d.text, d.value]);
}

describe('resolveDates: the article date', () => {
  it('takes the year from a dateline that has one', () => {
    const r = analyse('Lisbon, 7 October 2023 — Portugal announced new elections.');
    assert.deepEqual(r.articleDate, { value: '2023-10-07', source: 'dateline' });
    assert.equal(r.dateline?.date, '2023-10-07');
    assert.equal(r.dateline?.yearSource, 'dateline');
  });

  it('infers the year from the weekday the lead gives the dateline day', () => {
    const r = analyse('BERLIN, March 4. /TASS/. The minister said on Friday that the talks would go on.');
    // 4 March was a Friday in 2022, 2016 and 2011: the most recent one not after today wins.
    assert.deepEqual(r.articleDate, { value: '2022-03-04', source: 'weekday' });
    assert.equal(r.dateline?.yearSource, 'weekday');
    assert.match(r.dates[0].explanation, /4 Mar is a Friday in 2022/);
  });

  it('ignores a weekday the lead speaks of in the future tense', () => {
    const r = analyse('BERLIN, March 4. /TASS/. The ministers will meet again on Monday.');
    assert.equal(r.articleDate?.source, 'none');
  });

  it('never picks a year that puts the dateline after today', () => {
    const r = analyse('BERLIN, March 4. /TASS/. The minister said on Friday that talks would go on.', { today: '2022-03-03' });
    assert.equal(r.articleDate?.value, '2016-03-04');
  });

  it('lets a year spoken of in the future tense cap the dateline year', () => {
    const r = analyse('WARSAW, March 4. /TASS/. Parliamentary elections are due in 2024, the speaker said.');
    assert.deepEqual(r.articleDate, { value: '2024-03-04', source: 'text-year' });
  });

  it('lets text years choose among the weekday years', () => {
    const r = analyse('BERLIN, March 4. /TASS/. The minister said on Friday that the reform will be finished in 2019.');
    assert.deepEqual(r.articleDate, { value: '2016-03-04', source: 'text-year' });
  });

  it('takes the year of a dated event shortly before the dateline', () => {
    const r = analyse('MINSK, January 10. /TASS/. The accord signed on December 22, 2019 has not been ratified.');
    assert.deepEqual(r.articleDate, { value: '2020-01-10', source: 'text-year' });
  });

  it('takes the year that puts the dateline nearest the workspace articles', () => {
    const r = analyse('BERLIN, March 4. /TASS/. The minister spoke.', { workspaceDates: ['2018-02-27', '2018-03-10'] });
    assert.deepEqual(r.articleDate, { value: '2018-03-04', source: 'workspace' });
  });

  it('uses workspace dates to choose among the weekday years', () => {
    const r = analyse('BERLIN, March 4. /TASS/. The minister said on Friday that talks would go on.', { workspaceDates: ['2016-02-20'] });
    assert.equal(r.articleDate?.value, '2016-03-04');
  });

  it('falls back to the default year', () => {
    const r = analyse('BERLIN, March 4. /TASS/. The minister spoke.', { defaultYear: 2019 });
    assert.deepEqual(r.articleDate, { value: '2019-03-04', source: 'default' });
  });

  it('assumes the most recent month and day up to today when nothing else tells', () => {
    const r = analyse('OSLO, December 18. /TASS/. The minister spoke.');
    assert.deepEqual(r.articleDate, { value: '2025-12-18', source: 'none' });
  });

  it('prefers the front matter date to an inferred year and dates the dateline near it', () => {
    const r = analyse('BERLIN, March 4. /TASS/. The minister said on Friday that talks would go on.', { frontMatterDate: '2020-03-05' });
    assert.deepEqual(r.articleDate, { value: '2020-03-05', source: 'front-matter' });
    assert.equal(r.dateline?.date, '2020-03-04');
    assert.equal(r.dateline?.yearSource, 'front-matter');
  });

  it('uses the byline date when there is no front matter date', () => {
    const r = analyse('The minister said on Friday that talks would go on.', { bylineDate: '2023-06-10' });
    assert.deepEqual(r.articleDate, { value: '2023-06-10', source: 'byline-date' });
    assert.deepEqual(values('The minister said on Friday that talks would go on.', { bylineDate: '2023-06-10' }), [['Friday', '2023-06-09']]);
  });

  it('reports the weekday years for workspace-level inference', () => {
    const text = 'BERLIN, March 4. /TASS/. The minister said on Friday that talks would go on.';
    const dl = parseDateline(text, 0, text.length)!;
    const c = yearCandidates(text, [{ start: 0, end: text.length }], dl, { today: TODAY });
    assert.deepEqual(c?.years.slice(0, 3), [2022, 2016, 2011]);
    assert.equal(c?.weekday, 5);
    assert.equal(c?.source, 'weekday');
  });
});

describe('resolveDates: date mentions', () => {
  const lead = 'BERLIN, March 4. /TASS/. ';

  it('makes the dateline date a mention with the article date as its value', () => {
    const r = analyse(`${lead}The minister said on Friday that talks would go on.`);
    assert.deepEqual(r.dates[0].text, 'March 4');
    assert.equal(r.dates[0].value, '2022-03-04');
  });

  it('resolves a weekday to the last such day on or before the dateline', () => {
    assert.deepEqual(values(`${lead}The minister said on Friday that talks held on Wednesday failed.\nOn Thursday, the drafts were released.`).slice(1), [
      ['Friday', '2022-03-04'],
      ['Wednesday', '2022-03-02'],
      ['Thursday', '2022-03-03'],
    ]);
  });

  it('explains a weekday relative to the dateline', () => {
    const r = analyse(`${lead}The minister said on Friday that talks held on Wednesday failed.`);
    assert.match(r.dates[2].explanation, /^Wednesday before the dateline \(Fri 4 Mar 2022\)/);
  });

  it('keeps "this" with a weekday and resolves it to the past by default', () => {
    assert.deepEqual(values(`${lead}The minister said on Friday that the consultations held this Tuesday failed.`).slice(2), [['this Tuesday', '2022-03-01']]);
  });

  it('reads “would”, “could” in reported speech as the future, and “would have” as the past', () => {
    assert.deepEqual(values('The minister said the bank would publish its figures in December. Talks could resume in July. He would have voted in September.', { frontMatterDate: '2025-10-03' }), [
      ['December', '2025-12'],
      ['July', '2026-07'],
      ['September', '2025-09'],
    ]);
  });
  it('resolves a weekday in the future tense to the next such day', () => {
    assert.deepEqual(values(`${lead}The minister said on Friday that the ministers will meet on Tuesday.\nThey meet again next Friday.\nMonday's session will be closed.`).slice(2), [
      ['Tuesday', '2022-03-08'],
      ['next Friday', '2022-03-11'],
      ['Monday', '2022-03-07'],
    ]);
  });

  it('resolves today, tomorrow and yesterday against the dateline', () => {
    assert.deepEqual(values(`${lead}The minister said on Friday that he arrived yesterday, talks start today and tomorrow’s session is closed.`).slice(2), [
      ['yesterday', '2022-03-03'],
      ['today', '2022-03-04'],
      ['tomorrow', '2022-03-05'],
    ]);
  });

  it('gives weeks as ISO weeks', () => {
    assert.deepEqual(values('Talks were held last week; more follow this week and next week.', { frontMatterDate: '2021-01-04' }), [
      ['last week', '2020-W53'],
      ['this week', '2021-W01'],
      ['next week', '2021-W02'],
    ]);
  });

  it('gives months and years relative to the article date', () => {
    assert.deepEqual(values('Sales fell last month, rose this month and will rise next month; last year, this year and next year too.', { frontMatterDate: '2022-01-15' }), [
      ['last month', '2021-12'],
      ['this month', '2022-01'],
      ['next month', '2022-02'],
      ['last year', '2021'],
      ['this year', '2022'],
      ['next year', '2023'],
    ]);
  });

  it('puts a month and day without a year in the past unless the verb is future', () => {
    assert.deepEqual(values('MINSK, January 11. /TASS/. The summit on December 7th failed, he said on Tuesday. The treaty will be signed on March 20.'), [
      ['January 11', '2022-01-11'],
      ['December 7th', '2021-12-07'],
      ['Tuesday', '2022-01-11'],
      ['March 20', '2022-03-20'],
    ]);
  });

  it('puts "last December 7th" before the dateline', () => {
    assert.deepEqual(values('The summit last December 7th failed.', { frontMatterDate: '2021-12-07' }), [['last December 7th', '2020-12-07']]);
  });

  it('reads dates written in full, month and year, and ISO form', () => {
    assert.deepEqual(values('Troops left in December 2021, returned on March 3, 2024, and on 2021-12-20, and on 7 December.', { frontMatterDate: '2024-06-01' }), [
      ['December 2021', '2021-12'],
      ['March 3, 2024', '2024-03-03'],
      ['2021-12-20', '2021-12-20'],
      ['7 December', '2023-12-07'],
    ]);
  });

  it('gives a range its first day, and its end a mention of its own on or after it', () => {
    assert.deepEqual(values('The survey was conducted September 16-19.', { frontMatterDate: '2016-09-22' }), [
      ['September 16', '2016-09-16'],
      ['19', '2016-09-19'],
    ]);
  });

  it('reads years in date context', () => {
    assert.deepEqual(values('The war in 2008 changed things; no talks since 2019, unlike the 2016 election.'), [
      ['2008', '2008'],
      ['2019', '2019'],
      ['2016', '2016'],
    ]);
  });

  it('does not take numbers for years', () => {
    assert.deepEqual(values('It cost $2,000 and 2000 troops came; the budget is 2019.5 million; call 2020-555-0100; in 2000 people.'), []);
  });

  it('reads year ranges sensibly', () => {
    assert.deepEqual(values('Output fell during 2019-2020 and again in the 2021-22 season.'), [
      ['2019', '2019'],
      ['2020', '2020'],
      ['2021', '2021'],
    ]);
  });

  it('does not take modal "may", "march" as a noun, seconds or decades for dates', () => {
    assert.deepEqual(values('The alliance may be strong. The march went on. Wait a second. In the 1990s it was different. In May, talks resumed.', { frontMatterDate: '2022-01-15' }), [
      ['May', '2021-05'],
    ]);
  });

  it('skips newspaper names, times of day and vague words', () => {
    assert.deepEqual(values('The Sunday Times said at 5 p.m. that now a few of them, one by one, felt the moment had come. This is it. USA Today agreed.', { frontMatterDate: '2022-01-15' }), []);
  });

  it('skips weekday abbreviations that are words', () => {
    assert.deepEqual(values('He sat down. Sun rises over the city. Sat in the chair.', { frontMatterDate: '2022-01-15' }), []);
  });

  it('gives only absolute values when the article date is unknown', () => {
    assert.deepEqual(values('On Monday, talks begun in 2008 and held on December 7th and on March 3, 2024 resumed last week.'), [
      ['2008', '2008'],
      ['March 3, 2024', '2024-03-03'],
    ]);
  });

  it('searches only the regions it is given', () => {
    const text = 'date: 2019-05-01\nTalks resumed in 2008.';
    const start = text.indexOf('Talks');
    const r = resolveDates(text, [{ start, end: text.length }], undefined, { today: TODAY });
    assert.deepEqual(r.dates.map((d) => [d.text, d.span.start]), [['2008', text.indexOf('2008')]]);
  });

  it('returns mentions in order and without overlaps', () => {
    const r = analyse(`${lead}On Friday, March 4, the minister said talks held on Monday, February 28, failed in 2021 and 2022.`);
    for (let i = 1; i < r.dates.length; i++) assert.ok(r.dates[i].span.start >= r.dates[i - 1].span.end);
    assert.ok(r.dates.length >= 4);
  });

  it('finishes a megabyte of repeated weekdays with correct values', () => {
    const text = 'Monday '.repeat(150_000);
    const r = resolveDates(text, [{ start: 0, end: text.length }], undefined, { today: TODAY, frontMatterDate: '2021-12-20' });
    assert.ok(r.dates.length > 1000);
    assert.ok(r.dates.every((d) => d.text === 'Monday' && d.value === '2021-12-20'));
  });

  it('finishes a megabyte of digits and of unbroken letters without mentions', () => {
    const digits = '0123456789'.repeat(100_000);
    assert.deepEqual(resolveDates(digits, [{ start: 0, end: digits.length }], undefined, { today: TODAY }).dates, []);
    const letters = 'May'.repeat(350_000);
    assert.deepEqual(resolveDates(letters, [{ start: 0, end: letters.length }], undefined, { today: TODAY }).dates, []);
  });
});

describe('resolveDates: chrono reads windows of many sentences at once', () => {
  const PARAGRAPH = 'The council met on Monday, a spokeswoman said, and the vote is set for March 3, 2027 at 10 a.m.';

  it('finds in a long article (several batches) exactly what it finds in each paragraph alone', () => {
    const alone = values(`PARIS, Dec. 9 (AP) — ${PARAGRAPH}`);
    assert.equal(alone.length, 3);
    const long = values([`PARIS, Dec. 9 (AP) — ${PARAGRAPH}`, ...Array.from({ length: 80 }, () => PARAGRAPH)].join('\n'));
    assert.equal(long.length, 3 + 80 * 2);
    for (let i = 1; i < long.length; i += 2) assert.deepEqual([long[i], long[i + 1]], alone.slice(1));
  });

  it('reads a date at the far end of a long sentence with the words right before it', () => {
    const filler = 'the committee, which has met many times over the years to discuss the budget and the roads, '.repeat(3);
    const text = `LONDON, Nov. 2 (Reuters) — Officials said ${filler}will meet again next Tuesday.`;
    assert.deepEqual(values(text).slice(1), [['next Tuesday', '2026-11-03']]);
  });

  it('gives a weekday and a month in neighbouring sentences their own values', () => {
    const text = 'ROME, June 10 (AP) — The pope spoke on Sunday. He travels to Malta in August.';
    assert.deepEqual(values(text).slice(1).map(([t]) => t), ['Sunday', 'August']);
  });
});

describe('resolveDates: the cheap scans around chrono read as the regexes did', () => {
  const lead = 'LONDON, November 18, 2026 (Reuters) — ';

  it('still reads "the end of" and "the last day of" a period (the refiner that runs only after "of" or "the")', () => {
    // chrono takes "end of last month" as one expression with no date word, so no period is kept from it.
    const text = `${lead}Prices rose at the end of last month and fall on the last day of this year. Talks resumed last month.`;
    assert.deepEqual(values(text).slice(1), [['last month', '2026-10']]);
    assert.deepEqual(values(`${lead}Prices rose at the END OF \t last month.`).slice(1), []);
  });

  it('keeps a period or weekday right after "of" or "the" that is not "the end of" one', () => {
    assert.deepEqual(values(`${lead}The talks of last week and the Monday meeting failed.`).slice(1), [
      ['last week', '2026-W46'],
      ['Monday', '2026-11-16'],
    ]);
  });

  it('reads the word before a mention past spaces, brackets and hyphens', () => {
    const text = `${lead}Polls opened on Super-Tuesday and Good  Friday; the law passed again in\tAugust, since-March the rate fell, Black(Friday) sales rose.`;
    assert.deepEqual(values(text).slice(1), [
      ['August', '2026-08'],
      ['March', '2026-03'],
    ]);
  });

  it('reads the tense only within the clause: a dash or guillemet ends it', () => {
    assert.deepEqual(values(`${lead}Ministers will talk — on Monday the mood was calm.`).slice(1), [['Monday', '2026-11-16']]);
    assert.deepEqual(values(`${lead}Ministers will talk « on Monday the mood was calm.`).slice(1), [['Monday', '2026-11-16']]);
    assert.deepEqual(values(`${lead}Ministers will talk on Monday.`).slice(1), [['Monday', '2026-11-23']]);
  });

  it('finds trigger words only as whole words, and periods across any spaces', () => {
    assert.deepEqual(values(`${lead}Files Monday_2 and 3Monday were lost last   weekend, not lastweek.`).slice(1), [['last   weekend', '2026-11-14']]);
  });
});

describe('resolveDates: the commonest forms', () => {
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

describe('resolveDates: wire and newspaper styles', () => {
  it('"had until Dec. 31": a deadline lies ahead though its verb is past', () => {
    assert.deepEqual(values('Lawmakers had until Dec. 31 to act, the senator said.', { frontMatterDate: '2021-12-14' }), [['Dec. 31', '2021-12-31']]);
    // A deadline with no tense lies ahead; "hit by Friday's storm" is none.
    assert.deepEqual(values('If nothing changes by Sunday, crews walk out.', { frontMatterDate: '2022-11-25' }), [['Sunday', '2022-11-27']]);
    assert.deepEqual(values('Roofs hit by Thursday’s storm were repaired.', { frontMatterDate: '2022-11-25' }), [['Thursday', '2022-11-24']]);
  });

  it('a deadline told in the past is the nearer one ("promised a review by March 31")', () => {
    assert.deepEqual(values('Ministers have promised a review by March 31.', { frontMatterDate: '2023-12-30' }), [['March 31', '2024-03-31']]);
    assert.deepEqual(values('The deal was done by March 1, officials said.', { frontMatterDate: '2023-06-30' }), [['March 1', '2023-03-01']]);
  });

  it('"on Thursday, Jan. 2" dates a dateline without a year, wherever it is written', () => {
    const r = analyse('ANKARA, Jan 2 (Northwire) - The central bank held rates.\nIt met on Thursday, Jan. 2, and will meet again on Jan. 23.');
    assert.deepEqual(r.articleDate, { value: '2025-01-02', source: 'weekday' });
    assert.deepEqual(r.dates.map((d) => [d.text, d.value]), [['Jan 2', '2025-01-02'], ['Thursday, Jan. 2', '2025-01-02'], ['Jan. 23', '2025-01-23']]);
  });

  it('"March 6, a Sunday": the year where the day is that weekday, and the weekday is that day', () => {
    const r = analyse('Markets had priced in a hike as early as March 6, a Sunday, traders said.', { frontMatterDate: '2022-03-03' });
    assert.deepEqual(r.dates.map((d) => [d.text, d.value]), [['March 6', '2022-03-06'], ['Sunday', '2022-03-06']]);
    assert.match(r.dates[1].explanation, /^Sunday: the day of March 6/);
  });

  it('"on Sunday now": the weekday alone, not today\'s date that chrono takes "now" for', () => {
    assert.deepEqual(values('Figures reported on Sunday now suggest a tie.', { frontMatterDate: '2016-03-22' }), [['Sunday', '2016-03-20']]);
  });

  it('"Thursday, Dec. 4": the weekday picks the year, whatever the tense', () => {
    assert.deepEqual(values('OPEC+ postponed its meeting to Thursday, Dec. 4, from Sunday.', { frontMatterDate: '2025-12-01' }), [
      ['Thursday, Dec. 4', '2025-12-04'],
      ['Sunday', '2025-11-30'],
    ]);
  });

  it('"from Monday to Wednesday next week": both ends in the week after the reference', () => {
    assert.deepEqual(values('The lender will hold investor calls from Monday to Wednesday next week.', { frontMatterDate: '2024-12-30' }), [
      ['Monday', '2025-01-06'],
      ['Wednesday', '2025-01-08'],
    ]);
    assert.deepEqual(values('Talks were held on Friday last week.', { frontMatterDate: '2024-12-30' }), [['Friday', '2024-12-27']]);
  });

  it('ranges across months and years, with the year written at the end only', () => {
    assert.deepEqual(values('Negotiators met from Oct. 31 to Nov. 13 in Glasgow.', { frontMatterDate: '2022-06-06' }), [
      ['Oct. 31', '2021-10-31'],
      ['Nov. 13', '2021-11-13'],
    ]);
    assert.deepEqual(values('Accounts were suspended from September to December 2014.'), [
      ['September', '2014-09'],
      ['December 2014', '2014-12'],
    ]);
  });

  it('"between July 12 and July 20" is a range; told in the past, it ends by the reference', () => {
    assert.deepEqual(values('A heatwave killed 500 people between July 12 and July 20.', { frontMatterDate: '2022-07-14' }), [
      ['July 12', '2021-07-12'],
      ['July 20', '2021-07-20'],
    ]);
    assert.deepEqual(values('The thefts took place between Nov. 12 and Nov. 14.', { frontMatterDate: '2022-12-01' }), [
      ['Nov. 12', '2022-11-12'],
      ['Nov. 14', '2022-11-14'],
    ]);
    // Told on a Tuesday, "met from Monday to Wednesday" is last week's.
    assert.deepEqual(values('Delegates met from Monday to Wednesday.', { frontMatterDate: '2022-06-07' }), [
      ['Monday', '2022-05-30'],
      ['Wednesday', '2022-06-01'],
    ]);
  });

  it('"at 3 p.m. Thursday": the time neither ends the sentence nor hides the tense', () => {
    assert.deepEqual(values('Ministers will speak at 3 p.m. Thursday, and talks close on June 16.', { frontMatterDate: '2022-06-06' }), [
      ['Thursday', '2022-06-09'],
      ['June 16', '2022-06-16'],
    ]);
  });

  it('a hyphenated modifier ending in -ed is no past verb ("euro-denominated bonds on Jan. 3")', () => {
    assert.deepEqual(values('The bank is planning to sell euro-denominated bonds on Jan. 3.', { frontMatterDate: '2024-12-30' }), [['Jan. 3', '2025-01-03']]);
  });

  it('"had planned to meet on Nov. 30": a past plan, its day on either side', () => {
    assert.deepEqual(values('The group had originally planned to meet on Nov. 30.', { frontMatterDate: '2025-12-01' }), [['Nov. 30', '2025-11-30']]);
  });

  it('"was due to expire on Aug. 31" looks ahead; "was due to the storm on Monday" does not', () => {
    assert.deepEqual(values('The subsidy was due to expire on Aug. 31.', { frontMatterDate: '2022-08-24' }), [['Aug. 31', '2022-08-31']]);
    assert.deepEqual(values('The delay was due to the storm on Monday.', { frontMatterDate: '2022-08-24' }), [['Monday', '2022-08-22']]);
  });

  it('"on the 14th": the day of the month named before it, or of the reference\'s', () => {
    assert.deepEqual(values('The thefts took place between Nov. 12 and Nov. 14. The suspect was arrested on the 14th.', { frontMatterDate: '2022-12-01' }), [
      ['Nov. 12', '2022-11-12'],
      ['Nov. 14', '2022-11-14'],
      ['14th', '2022-11-14'],
    ]);
    assert.deepEqual(values('The mayor will present a plan on the 14th.', { frontMatterDate: '2022-01-02' }), [['14th', '2022-01-14']]);
    assert.deepEqual(values('He lives on the 14th floor and came on the 3rd time of asking.', { frontMatterDate: '2022-01-02' }), []);
  });

  it('"Saturday night" is a date, "Saturday Night Live" a name', () => {
    assert.deepEqual(values('Crews worked through Saturday night. He watched Saturday Night Live.', { frontMatterDate: '2022-01-02' }), [['Saturday', '2022-01-01']]);
  });

  it('"would have power back by Tuesday" looks ahead; "would have voted on Tuesday" looks back', () => {
    assert.deepEqual(values('Utilities said customers would have power back by Tuesday morning.', { frontMatterDate: '2022-01-02' }), [['Tuesday', '2022-01-04']]);
    assert.deepEqual(values('She said she would have voted on Tuesday.', { frontMatterDate: '2022-01-02' }), [['Tuesday', '2021-12-28']]);
  });

  it('"the Nov. 8 election": a date naming an event is the nearer one', () => {
    assert.deepEqual(values('The two are vying for the White House in the Nov. 8 general election.', { frontMatterDate: '2016-08-27' }), [['Nov. 8', '2016-11-08']]);
  });

  it('a schedule in the present tense lies ahead ("Voters go to the polls on Tuesday"); an infinitive does not say so', () => {
    assert.deepEqual(values('Voters go to the polls on Tuesday, and officials expect results by Wednesday night.', { frontMatterDate: '2024-11-03' }), [
      ['Tuesday', '2024-11-05'],
      ['Wednesday', '2024-11-06'],
    ]);
    assert.deepEqual(values('They did not meet on Tuesday.', { frontMatterDate: '2024-11-03' }), [['Tuesday', '2024-10-29']]);
  });

  it('a clause joined by "and that" keeps its own tense', () => {
    assert.deepEqual(values('Officials said a review would be held next Tuesday and that volumes in November were up.', { frontMatterDate: '2021-12-01' }), [
      ['next Tuesday', '2021-12-07'],
      ['November', '2021-11'],
    ]);
  });

  it('reads a year that names an event after a possessive ("its 2022 budget")', () => {
    assert.deepEqual(values('The council approved its 2022 budget.', { frontMatterDate: '2022-01-02' }), [['2022', '2022']]);
  });

  it('reads a financial year written "2023/24"', () => {
    assert.deepEqual(values('Bills will be reviewed in the 2023/24 financial year.', { frontMatterDate: '2022-03-03' }), [['2023', '2023']]);
  });

  it('a two-digit number after a day is no year ("March 11-13, 40 percent")', () => {
    assert.deepEqual(values('In the poll, conducted March 11-13, 40 percent back her.', { frontMatterDate: '2016-03-15' }), [
      ['March 11', '2016-03-11'],
      ['13', '2016-03-13'],
    ]);
  });
});

describe('chunkRegions', () => {
  /** The cutting rule one character at a time, as it was written before the candidates were searched for. */
  function chunkByCharacter(text: string, regions: Span[]): Array<{ start: number; text: string; region: number }> {
    const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x2009 || c === 0x202f;
    const isUpperStart = (c: number) =>
      (c >= 65 && c <= 90) || c === 0x22 || c === 0x201c || c === 0x2018 || c === 0x27 || c === 0xab || c === 0x28 || (c > 0xbf && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase());
    const out: Array<{ start: number; text: string; region: number }> = [];
    regions.forEach((region, ri) => {
      const end = Math.min(region.end, text.length);
      let s = Math.max(0, region.start);
      let lastSpace = -1;
      const emit = (e: number): void => {
        if (e > s) out.push({ start: s, text: text.slice(s, e), region: ri });
        s = e;
        lastSpace = -1;
      };
      for (let i = s; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) {
          emit(i);
          s = i + 1;
          continue;
        }
        // "at 3 p.m. Thursday" ends no sentence.
        const timeBeforeWeekday = c === 46 && /(?:^|[^A-Za-z])[ap]\.m$/i.test(text.slice(Math.max(0, i - 4), i)) && /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/.test(text.slice(i + 2, i + 12));
        if ((c === 46 || c === 33 || c === 63) && i + 2 < end && isSpace(text.charCodeAt(i + 1)) && isUpperStart(text.charCodeAt(i + 2)) && !timeBeforeWeekday) {
          emit(i + 1);
          continue;
        }
        if (isSpace(c)) lastSpace = i;
        if (i - s >= 400) emit(lastSpace > s + 200 ? lastSpace + 1 : i);
      }
      emit(end);
    });
    return out;
  }

  it('cuts as the character-by-character rule does, on random text with long sentences, odd spaces and breaks', () => {
    let seed = 12345;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const pieces = ['word', 'Word', 'x', ' ', ' ', ' ', '\u00a0', '\u2009', '\t', '.', '. ', '. The', '! "Yes', '? (no', '.\u00a0É', '\n', '\r\n', 'U.S.', '...', '—', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', ' p.m. Thursday', 'a.m. Monday', ' P.M. Sunday', 'p.m. The', 'cap.m. Friday', 'p.m. Sundays'];
    for (let round = 0; round < 1500; round++) {
      let text = '';
      const length = 50 + random(3000);
      // Mostly words and spaces, so that many chunks run long and their last space falls anywhere.
      while (text.length < length) {
        const kind = random(10);
        if (kind < 6) text += 'abcdefghijklmnopqrstuvwxyz'.slice(0, random(12)) + ' ';
        else if (kind === 6) text += 'x'.repeat(1 + random(300)); // no space for a while
        else if (kind === 7) text += '.'; // a full stop that ends no sentence
        else text += pieces[random(pieces.length)];
      }
      const regions: Span[] = [];
      let at = random(20) - 5;
      while (at < text.length + 10) {
        const next = at + 1 + random(1500);
        regions.push({ start: at, end: next });
        at = next + random(30) - 10;
      }
      assert.deepEqual(chunkRegions(text, regions), chunkByCharacter(text, regions), `round ${round}`);
    }
  });
});

describe("plainDatesValidAtOnce: chrono's unlikely-format filter with a shortcut for plain dates", () => {
  const phrases = [
    'on Monday', 'December 7, 2021', 'February 29, 2024', 'February 29, 2023', 'February 30', '31 April 2020', 'February 29, 1900',
    'March 3, 0050', 'May 5, 10000', 'at 25:00', 'at 23:59:59', 'at 10:61', '3 days ago', 'in 1.5 years', '2021-02-31', '12/31/2021',
    '1900', '1.5', 'tomorrow at noon', 'last night', 'Jan 3 to Jan 35', '5 o\'clock', 'midnight', 'next week',
  ];

  it('keeps and drops what the filter keeps and drops', () => {
    const ref = new Date(Date.UTC(2021, 5, 15, 12));
    const filter = chrono.casual.refiners.find((r) => plainDatesValidAtOnce(r) !== r);
    assert.ok(filter, 'the filter is found in the casual configuration');
    const fast = plainDatesValidAtOnce(filter);
    const unrefined = new chrono.Chrono({ parsers: [...chrono.casual.parsers], refiners: [] });
    for (const phrase of phrases) {
      const context = new chrono.ParsingContext(phrase, ref);
      const results = unrefined.parse(phrase, ref) as chrono.ParsingResult[];
      assert.deepEqual(fast.refine(context, results), filter.refine(context, results), phrase);
    }
  });
});

describe("endOfPeriodRefiner: chrono's end-of-period refiner, recognised by what it does", () => {
  it('is found among the casual refiners (so that it runs only after "of" or "the")', () => {
    const refiner = endOfPeriodRefiner(chrono.casual.refiners);
    assert.ok(refiner, 'recognised');
    assert.ok(chrono.casual.refiners.includes(refiner));
    const text = 'at the end of August';
    const ref = new Date(Date.UTC(2021, 0, 1, 12));
    const results = new chrono.Chrono({ parsers: [...chrono.casual.parsers], refiners: [] }).parse(text, ref) as chrono.ParsingResult[];
    const refined = refiner.refine(new chrono.ParsingContext(text, ref), results);
    assert.deepEqual(refined.map((r) => [r.text, r.start.get('day')]), [['end of August', 31]]);
  });
});

describe("the dates' chrono: its refiners given only the results they can change, chrono's results all the same", () => {
  // Dates and times, what may come after them (timezones chrono knows and words it does not) and
  // before them ("the end of", "of the"), joined in windows as parseChunks joins them.
  const DATES = [
    'Monday', 'on Friday', 'at 5 pm', '10:30', 'tomorrow morning', 'Jan 3', 'December 7, 2021', 'May', 'August', 'last month',
    'this year', 'next week', '3 days ago', 'noon', 'Wednesday night', '2021-03-04', '9/11', 'Dec. 7', 'the 5th of May',
    'may', 'MAY', 'in may', 'the second', 'on the second', 'the second of June', 'Sunday the second',
  ];
  const AFTER = [
    ' EST', ' est', ' (PST)', ', GMT', ' UTC', ' utc', ' BST', ' CET', ' JST', ' IST', ' MSK', ' AEDT', ' in', ' on', ' the', ' ABCD',
    ' ESTX', ' EST1', ' ES', ' E', ' Z', ' +02:00', ' GMT+1', ' (UTC-5)', ',', '', '', '', ' said', ' at 6 pm EST',
  ];
  const BEFORE = ['', '', '', 'the end of ', 'end of the ', 'the last day of ', 'by the end of ', 'of ', 'the ', 'in ', 'since '];

  it("matches chrono's own parse of the joined windows", () => {
    const random = randomSource(17);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const full = new chrono.Chrono({ parsers: [...chrono.casual.parsers], refiners: [...chrono.casual.refiners] });
    const ref = new Date(Date.UTC(2021, 5, 15, 12));
    const summary = (results: readonly chrono.ParsedResult[]): string[] =>
      results.map((r) => `${r.index} ${r.text} ${r.start.toString()} ${r.end?.toString() ?? ''} ${[...r.tags()].sort().join(',')}`);
    for (let batch = 0; batch < 300; batch++) {
      const windows: string[] = [];
      const count = 1 + Math.floor(random() * 6);
      for (let w = 0; w < count; w++) {
        const parts = 1 + Math.floor(random() * 3);
        let window = 'they met';
        for (let i = 0; i < parts; i++) window += ` ${pick(BEFORE)}${pick(DATES)}${pick(AFTER)}`;
        windows.push(window);
      }
      const text = windows.join(WINDOW_SEPARATOR);
      const ends = windows.map((_, i) => windows.slice(0, i + 1).join(WINDOW_SEPARATOR).length);
      assert.deepEqual(summary(parser().parse(text, ends, ref, { forwardDate: false })), summary(full.parse(text, ref, { forwardDate: false })), text);
    }
  });

  it('gives the timezone refiner only results followed by a timezone chrono knows', () => {
    const wrapped = chrono.casual.refiners.filter((r) => timezoneNamesOnly(r) !== r);
    assert.equal(wrapped.length, 1, 'the timezone-abbreviation refiner is recognised');
    const refiner = wrapped[0];
    const quiet = timezoneNamesOnly(refiner);
    const ref = new Date(Date.UTC(2021, 5, 15, 12));
    const unrefined = new chrono.Chrono({ parsers: [...chrono.casual.parsers], refiners: [] });
    for (const date of DATES) {
      for (const after of AFTER) {
        const text = `they met ${date}${after} and left`;
        const mine = unrefined.parse(text, ref) as chrono.ParsingResult[];
        const theirs = unrefined.parse(text, ref) as chrono.ParsingResult[];
        const context = new chrono.ParsingContext(text, ref);
        const before = theirs.map((r) => r.text);
        assert.deepEqual(
          quiet.refine(context, mine).map((r) => [r.text, r.start.get('timezoneOffset')]),
          refiner.refine(context, theirs).map((r) => [r.text, r.start.get('timezoneOffset')]),
          text,
        );
        // Every result the refiner changed is one the shortcut gives it.
        theirs.forEach((r, i) => {
          if (r.text !== before[i]) assert.ok(timezoneNameAt(text, r.index + before[i].length), `${text}: ${before[i]}`);
        });
      }
    }
    // ...and the words it spares the refiner.
    for (const after of [' in', ' on', ' the', ' said', ' ABCD', ' ESTX', ' EST1', ' E', '']) assert.equal(timezoneNameAt(`5 pm${after} x`, 4), false, after);
    for (const after of [' EST', ' (pst)', ', GMT', ' \u00a0CET)']) assert.equal(timezoneNameAt(`5 pm${after} x`, 4), true, after);
  });
});

describe("mayAndSecondOnly: chrono's English unlikely-format filter asked only about texts ending in y or d", () => {
  it('is recognised, and its shortcut reads a text as trim() and toLowerCase() would', () => {
    assert.equal(chrono.casual.refiners.filter((r) => mayAndSecondOnly(r) !== r).length, 1);
    const alphabet = ['y', 'Y', 'd', 'D', 'a', 'M', ' ', '\t', '\n', '\u00a0', '\u2063', 'ý', '.', 'x'];
    const random = randomSource(23);
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = Math.floor(random() * 5);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      assert.equal(endsInYOrD(text), /[yd]$/.test(text.trim().toLowerCase()), JSON.stringify(text));
    }
  });
});

describe('readsAsNumber: the unlikely-format filter\'s number test without a regex', () => {
  it('agrees with /^\\d*(\\.\\d*)?$/ on the text with its first space taken out', () => {
    const random = randomSource(16);
    const alphabet = ['1', '2', '0', '9', '.', ' ', 'a', 'M', ',', '-', '\u00a0'];
    const texts = ['', ' ', '.', '..', '1.5', '1 .5', '1 2', '1  2', '12:30', 'on Monday', '2021', '3.1.4'];
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = Math.floor(random() * 7);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      texts.push(text);
    }
    for (const text of texts) assert.equal(readsAsNumber(text), /^\d*(\.\d*)?$/.test(text.replace(' ', '')), JSON.stringify(text));
  });
});

describe('clauseTense: the words before a mention read from the mention back', () => {
  // The regular-expression version it replaced, as the reference.
  const FUTURE = new Set(['will', 'shall', 'wo', 'won’t', "won't", 'next', 'upcoming', 'due', 'scheduled', 'planned', 'plans', 'plan', 'going', 'expected', 'set']);
  const MODALS = new Set(['would', 'could', 'might']);
  const PAST = new Set(['said', 'told', 'held', 'met', 'was', 'were', 'had', 'been', 'led', 'read']);
  const NOT_PAST = new Set(['need', 'indeed', 'red', 'led', 'hundred']);
  const BREAKS = '.;:!?,()"“”«»—–\n';
  const BE = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being']);
  const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'some', 'lack', 'bad', 'heavy', 'poor', 'high', 'low']);
  const PLANNED = new Set(['planned', 'scheduled', 'expected', 'set', 'due']);
  function reference(chunk: string, relStart: number): 'past' | 'future' | undefined {
    // "at 3 p.m. Thursday": the time's full stops end no clause.
    const time = /(?:^|[^A-Za-z])([ap]\.m\.)\s+$/i.exec(chunk.slice(0, relStart));
    let cs = time ? relStart - time[0].length + time[0].indexOf(time[1]) : relStart;
    const floor = Math.max(0, relStart - 120);
    while (cs > floor && !BREAKS.includes(chunk[cs - 1])) cs--;
    const clause = chunk.slice(cs, relStart);
    const found = [...clause.matchAll(/[A-Za-z’']+/g)];
    const words = found.map((m) => m[0]);
    // A word right after a hyphen that follows a letter is part of a compound modifier.
    const compound = found.map((m) => m.index! > 1 && clause[m.index! - 1] === '-' && /[A-Za-z’']/.test(clause[m.index! - 2]));
    let seen = 0;
    for (let i = words.length - 1; i >= 0 && seen < 16; i--, seen++) {
      const raw = words[i];
      const w = raw.toLowerCase();
      if (w === 'that' && ['and', 'but'].includes(words[i - 1]?.toLowerCase() ?? '')) break;
      if (w.endsWith("'ll") || w.endsWith('’ll') || FUTURE.has(w)) {
        const next = words[i + 1]?.toLowerCase();
        if ((w === 'set' || w === 'going' || w === 'expected') && next !== 'to') continue;
        if (w === 'due' && next === 'to' && !(words[i + 2] !== undefined && BE.has(words[i - 1]?.toLowerCase() ?? '') && !DETERMINERS.has(words[i + 2].toLowerCase()))) continue;
        if (PLANNED.has(w)) {
          let h = i - 1;
          while (h >= 0 && h > i - 4 && (words[h].toLowerCase() === 'been' || (words[h].length > 4 && words[h].toLowerCase().endsWith('ly')))) h--;
          if (h >= 0 && h > i - 4 && ['had', 'hadn’t', "hadn't"].includes(words[h].toLowerCase())) return undefined;
        }
        return 'future';
      }
      if (MODALS.has(w) && words[i + 1] !== undefined) {
        // "would have voted" looks back; "would have power" (no participle after "have") ahead.
        let h = i + 1;
        if (words[h].toLowerCase() === 'not') h++;
        const participle = words[h + 1]?.toLowerCase();
        const perfect = words[h]?.toLowerCase() === 'have' && (participle === undefined || PAST.has(participle) || (participle.length > 3 && participle.endsWith('ed') && !NOT_PAST.has(participle)) || participle === 'gone');
        if (!perfect) return 'future';
      }
      if (/^[A-Z]/.test(raw) && i > 0) continue;
      // A schedule in the present ("Voters go to the polls on Tuesday"), not an infinitive ("to meet").
      if (['go', 'goes', 'begin', 'begins', 'starts', 'opens', 'closes', 'ends', 'resume', 'resumes', 'returns', 'arrives', 'leaves', 'meet', 'meets', 'votes', 'expires', 'travels', 'heads', 'hosts', 'plays', 'faces', 'launches', 'kicks'].includes(w) &&
        !['to', 'not', 'never', 'did', 'didn’t', "didn't", 'do', 'does', 'don’t', "don't", 'doesn’t', "doesn't", 'would', 'could', 'should', 'might', 'must', 'can', 'cannot', 'can’t', "can't", 'will', 'shall', 'may', 'let', 'help', 'make', 'made'].includes(words[i - 1]?.toLowerCase() ?? '')) return 'future';
      if ((w === 'was' || w === 'were') && words[i + 1]?.toLowerCase() === 'to') return 'future';
      const pastForm = PAST.has(w) || (w.length > 3 && w.endsWith('ed') && !NOT_PAST.has(w) && !compound[i]);
      if (pastForm) {
        if (words[i - 1]?.toLowerCase() === 'be') continue;
        return 'past';
      }
    }
    return undefined;
  }

  it('finds what the regular expression found, on random clauses of the words the rules know', () => {
    const random = randomSource(6);
    const pieces = [
      'will', 'Will', "they'll", 'we’ll', 'set', 'to', 'going', 'expected', 'due', 'would', 'could', 'might', 'have', 'not', 'was', 'were',
      'said', 'Said', 'held', 'be', 'need', 'voted', 'Voted', 'red', 'the', 'The', 'Minister', 'talks', 'plan', 'upcoming', "o'clock", 'X',
      'had', 'been', 'originally', 'planned', 'scheduled', 'expire', 'euro-denominated', 'is', 'at 3 p.m.', 'a.m.', 'map.m.', 'power', 'gone', 'meet', 'goes', 'begins', 'and that', 'but that',
      ' ', ' ', ' ', ', ', '. ', '; ', ' — ', '“', '”', '(', ')', '\n', '-', '2021', 'é', '’', "'",
    ];
    for (let round = 0; round < 3000; round++) {
      let chunk = '';
      const count = 1 + Math.floor(random() * 40);
      for (let i = 0; i < count; i++) chunk += pieces[Math.floor(random() * pieces.length)] + (random() < 0.6 ? ' ' : '');
      const at = Math.floor(random() * (chunk.length + 1));
      // A mention with no possessive after it: only the words before it decide.
      const text = `${chunk.slice(0, at)}Monday`;
      assert.equal(clauseTense(text, at, at + 6), reference(text, at), JSON.stringify(text.slice(Math.max(0, at - 130), at)));
    }
  });
});
