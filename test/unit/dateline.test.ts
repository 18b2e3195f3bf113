import * as assert from 'node:assert/strict';
import { monthNumber, parseDateline } from '../../server/src/analysis/dateline';

/** Parses a one-paragraph text and returns the dateline with its spans as text. */
function dateline(paragraph: string) {
  const d = parseDateline(paragraph, 0, paragraph.length);
  if (!d) return undefined;
  return {
    written: paragraph.slice(d.span.start, d.span.end),
    place: d.place,
    placeText: paragraph.slice(d.placeSpan.start, d.placeSpan.end),
    agency: d.agency,
    month: d.month,
    day: d.day,
    year: d.year,
  };
}

describe('parseDateline', () => {
  it('reads a TASS dateline with the agency between slashes', () => {
    assert.deepEqual(dateline('BERLIN, March 4. /TASS/. The minister said on Friday that talks would go on.'), {
      written: 'BERLIN, March 4. /TASS/.',
      place: 'BERLIN',
      placeText: 'BERLIN',
      agency: 'TASS',
      month: 3,
      day: 4,
      year: undefined,
    });
  });

  it('reads a TASS dateline that opens with a slash', () => {
    const d = dateline('/OSLO, November 9./TASS/. Norway has asked for consultations.');
    assert.equal(d?.written, '/OSLO, November 9./TASS/.');
    assert.equal(d?.place, 'OSLO');
    assert.equal(d?.day, 9);
  });

  it('reads an EFE dateline in title case with an abbreviated month', () => {
    const d = dateline('Madrid, Feb 2 (EFE) .- The Spanish minister affirmed today that talks were over.');
    assert.equal(d?.written, 'Madrid, Feb 2 (EFE) .-');
    assert.deepEqual([d?.place, d?.agency, d?.month, d?.day], ['Madrid', 'EFE', 2, 2]);
  });

  it('reads an AP dateline without a date', () => {
    const d = dateline('CHICAGO (AP) — The mayor said on Tuesday that the budget was balanced.');
    assert.deepEqual([d?.written, d?.place, d?.agency, d?.month], ['CHICAGO (AP) —', 'CHICAGO', 'AP', undefined]);
  });

  it('reads a Reuters dateline with a hyphen', () => {
    const d = dateline('TOKYO, June 14 (Reuters) - Japan raised rates.');
    assert.deepEqual([d?.written, d?.agency, d?.month, d?.day], ['TOKYO, June 14 (Reuters) -', 'Reuters', 6, 14]);
  });

  it('reads a dateline closed by a horizontal bar (―)', () => {
    const d = dateline('DAYTON \u2015 The council voted on Tuesday to close the harbour.');
    assert.deepEqual([d?.written, d?.place], ['DAYTON \u2015', 'DAYTON']);
  });

  it('keeps the year when the dateline gives one', () => {
    const d = dateline('Lisbon, 7 October 2023 — Portugal announced new elections.');
    assert.deepEqual([d?.written, d?.place, d?.day, d?.month, d?.year], ['Lisbon, 7 October 2023 —', 'Lisbon', 7, 10, 2023]);
  });

  it('takes the city as the place when a country follows it', () => {
    const d = dateline('ODESA, Ukraine (AP) — Ships left the port.');
    assert.deepEqual([d?.written, d?.place, d?.agency], ['ODESA, Ukraine (AP) —', 'ODESA', 'AP']);
  });

  it('reads a Xinhua dateline with a dotted month and a double hyphen', () => {
    const d = dateline('SHANGHAI, Jan. 30 (Xinhua) -- Exports rose.');
    assert.deepEqual([d?.written, d?.month, d?.day, d?.agency], ['SHANGHAI, Jan. 30 (Xinhua) --', 1, 30, 'Xinhua']);
  });

  it('reads multiword places in upper and title case', () => {
    assert.equal(dateline('SAN FRANCISCO, April 2 (Reuters) - Shares fell.')?.place, 'SAN FRANCISCO');
    assert.equal(dateline('Buenos Aires, Aug 3 (EFE) .- Argentina said.')?.place, 'Buenos Aires');
    assert.equal(dateline('Rio de Janeiro, May 2 (EFE) .- Brazil said.')?.place, 'Rio de Janeiro');
  });

  it('reads a place and a dash in capitals as a dateline', () => {
    assert.deepEqual(dateline('DENVER - Officials met on Sunday.')?.written, 'DENVER -');
  });

  it('uses the offsets of the paragraph inside a longer text', () => {
    const text = 'Headline here\nROME, May 5. /TASS/. Italy agreed.';
    const start = text.indexOf('ROME');
    const d = parseDateline(text, start, text.length);
    assert.deepEqual(d?.span, { start, end: start + 'ROME, May 5. /TASS/.'.length });
    assert.deepEqual(d?.placeSpan, { start, end: start + 4 });
  });

  it('reads an agency alone in parentheses and a dash as a dateline without a place', () => {
    assert.deepEqual(dateline('(Northwire) -- Nordvik Bank is weighing a sale.'), {
      written: '(Northwire) --', place: '', placeText: '', agency: 'Northwire', month: undefined, day: undefined, year: undefined,
    });
    // Not a parenthesis of several words, nor one without a dash after it.
    assert.equal(dateline('(Updated at noon) -- Nordvik Bank is weighing a sale.'), undefined);
    assert.equal(dateline('(Northwire) Nordvik Bank is weighing a sale.'), undefined);
  });

  it('reads a month and day with an agency and a dash as a dateline without a place (UPI)', () => {
    assert.deepEqual(dateline('Dec. 1 (Northwire) -- Police in Tarnow charged a man on Thursday.'), {
      written: 'Dec. 1 (Northwire) --', place: '', placeText: '', agency: 'Northwire', month: 12, day: 1, year: undefined,
    });
    assert.equal(dateline('4 March (Northwire) – Fares will rise.')?.month, 3);
    // A sentence that opens with a date is not one, nor a date with a parenthesis of several words.
    assert.equal(dateline('Dec. 1 was the coldest day of the year.'), undefined);
    assert.equal(dateline('Dec. 1 (a Thursday) -- the day the fares rose.'), undefined);
    assert.equal(dateline('March 3 (Northwire) Fares will rise.'), undefined);
    assert.equal(dateline('2 March (Friday) – the ferry timetable changes.'), undefined);
  });

  it('reads a region abbreviated with a full stop before the agency (AP)', () => {
    const d = dateline('DUNMORE, Mass. (Northwire) — Fares will rise, the company said.');
    assert.equal(d?.written, 'DUNMORE, Mass. (Northwire) —');
    assert.equal(d?.place, 'DUNMORE');
    assert.equal(d?.agency, 'Northwire');
    assert.equal(dateline('TARNOW, N.H. (Northwire) — Crews agreed.')?.place, 'TARNOW');
  });

  it('does not read an ordinary sentence as a dateline', () => {
    assert.equal(dateline('Moscow, however, said the talks had failed.'), undefined);
    assert.equal(dateline('Russia and NATO have reached a turning point.'), undefined);
    assert.equal(dateline('On Friday, the ministry released two drafts.'), undefined);
    assert.equal(dateline('Putin (pictured) said the talks had failed.'), undefined);
    assert.equal(dateline('Madrid — the capital — was quiet.'), undefined);
    assert.equal(dateline('NATO — Russia talks resume'), undefined);
  });

  it('does not read past the end of the paragraph', () => {
    const text = 'ROME, May 5. /TASS/. Italy agreed.';
    assert.equal(parseDateline(text, 0, 8), undefined);
  });
});

describe('monthNumber', () => {
  it('reads month names and abbreviations, with or without a dot', () => {
    assert.equal(monthNumber('December'), 12);
    assert.equal(monthNumber('Sept.'), 9);
    assert.equal(monthNumber('jan'), 1);
  });

  it('knows no month in words that name members of an object prototype', () => {
    for (const word of ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty']) assert.equal(monthNumber(word), undefined, word);
  });
});
