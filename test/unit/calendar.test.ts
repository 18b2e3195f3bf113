import * as assert from 'node:assert/strict';
import { dayNum, daysInMonth, fromDay, localToday } from '../../server/src/analysis/calendar';

const DAY_MS = 86_400_000;

function dateFields(n: number): [number, number, number] {
  const dt = new Date(n * DAY_MS);
  return [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
}

describe('calendar: day numbers without Date objects', () => {
  it('gives the fields a UTC Date gives, for every day from 1600 to 2400 and around the edges', () => {
    const ranges: Array<[number, number]> = [
      [dayNum(1600, 1, 1), dayNum(2400, 12, 31)],
      [-100_000_000, -99_999_000],
      [99_999_000, 100_000_000],
      [-800_000, -700_000],
    ];
    for (const [from, to] of ranges) {
      for (let n = from; n <= to; n++) {
        const f = fromDay(n);
        const [y, m, d] = dateFields(n);
        if (f.y !== y || f.m !== m || f.d !== d) assert.fail(`day ${n}: ${f.y}-${f.m}-${f.d}, Date says ${y}-${m}-${d}`);
      }
    }
    // Outside Date's range and not whole days: as Date (NaN fields) does.
    for (const n of [100_000_001, -100_000_001, 1.5, NaN]) assert.deepEqual(fromDay(n), (([y, m, d]) => ({ y, m, d }))(dateFields(n)));
  });

  it('gives the day Date.UTC gives, months and days rolling over, years 0–99 read as 1900–1999', () => {
    const years = [-3000, -1, 0, 1, 50, 99, 100, 101, 399, 400, 1582, 1899, 1900, 1969, 1970, 2000, 2024, 2100, 9999, 10_000, 199_999, 200_001, 275_760];
    for (const y of years) {
      for (let m = -30; m <= 40; m++) {
        for (let d = -40; d <= 70; d++) {
          const expected = Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
          const got = dayNum(y, m, d);
          if (!Object.is(got, expected)) assert.fail(`dayNum(${y}, ${m}, ${d}) = ${got}, Date.UTC says ${expected}`);
        }
      }
    }
    for (let y = 1800; y <= 2300; y++) {
      for (let m = 1; m <= 12; m++) {
        for (const d of [0, 1, 28, 29, 30, 31, 32, 1_000_000, -1_000_000]) assert.equal(dayNum(y, m, d), Math.floor(Date.UTC(y, m - 1, d) / DAY_MS));
      }
    }
    for (const [y, m, d] of [[2020.5, 1, 1], [2020, 1.5, 1], [2020, 1, NaN], [NaN, 1, 1], [2020, 20_000, 1]]) {
      assert.ok(Object.is(dayNum(y, m, d), Math.floor(Date.UTC(y, m - 1, d) / DAY_MS)));
    }
  });

  it('gives the length of every month that dayNum and fromDay agree on, from the year 100 on', () => {
    const years = [100, 101, 104, 200, 300, 400, 1582, 1600, 1700, 1900, 1996, 2000, 2023, 2024, 2100, 2400, 9999, 10_000, 199_999, 200_000];
    for (let y = 1890; y <= 2110; y++) years.push(y);
    for (const y of years) {
      for (let m = 1; m <= 12; m++) {
        let days = 28;
        while (fromDay(dayNum(y, m, days + 1)).m === m) days++;
        assert.equal(daysInMonth(y, m), days, `${y}-${m}`);
      }
    }
  });
});

describe('calendar: the local day', () => {
  it('is the day number of the local date a new Date gives, asked again and again', () => {
    for (let i = 0; i < 3; i++) {
      const before = new Date();
      const got = localToday();
      const after = new Date();
      const days = [before, after].map((dt) => dayNum(dt.getFullYear(), dt.getMonth() + 1, dt.getDate()));
      assert.ok(days.includes(got), `${got} is not ${days.join(' or ')}`);
    }
  });
});
