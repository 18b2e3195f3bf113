// Day arithmetic on UTC day numbers (days since 1970-01-01), as Date.UTC and a UTC Date's fields
// compute it, by integer arithmetic (Howard Hinnant's civil calendar algorithms) instead of a Date
// object per call: date mentions' values and explanations do several of these each.

const DAY_MS = 86_400_000;

/** The day number of year `y`, month `m` (1–12; others roll over), day `d` (others roll over), as `Math.floor(Date.UTC(y, m - 1, d) / DAY_MS)`. */
export function dayNum(y: number, m: number, d: number): number {
  // Date.UTC reads years 0–99 as 1900–1999 and has a range; those, and anything not an integer, go through it.
  if (!(Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 100 && y <= 200_000 && Math.abs(m) <= 10_000 && Math.abs(d) <= 1_000_000)) {
    return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
  }
  const months = m - 1;
  const yearsOver = Math.floor(months / 12);
  let year = y + yearsOver;
  const month = months - 12 * yearsOver + 1;
  if (month <= 2) year--;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + d - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** The UTC year, month (1–12) and day of day number `n`, as a Date at `n * DAY_MS` gives them. */
export function fromDay(n: number): Ymd {
  if (!(Number.isInteger(n) && Math.abs(n) <= 100_000_000)) {
    const dt = new Date(n * DAY_MS);
    return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
  }
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The days in month `m` (1–12) of year `y`, in the Gregorian calendar `dayNum` counts in (for years from 100 on, as it computes them). */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1];
}

/** The local day (bounds in ms since the epoch) last read from a Date: asked for by every analysis. */
let localDay: { from: number; until: number; day: number } | undefined;

/**
 * The day number of the local date now, as `dayNum` of a new Date's local year, month and day.
 * A Date's local fields cost a time-zone look-up each; the day is kept until its local midnight.
 */
export function localToday(): number {
  const now = Date.now();
  if (localDay === undefined || now < localDay.from || now >= localDay.until) {
    const dt = new Date(now);
    const y = dt.getFullYear();
    const m = dt.getMonth();
    const d = dt.getDate();
    localDay = { from: new Date(y, m, d).getTime(), until: new Date(y, m, d + 1).getTime(), day: dayNum(y, m + 1, d) };
  }
  return localDay.day;
}
