/**
 * Calendar arithmetic on dates written YYYY-MM-DD and months written YYYY-MM: which ones exist, day numbers, whole
 * months and leftover days between two days, the April a person's experience counts from. Pure, with no time zone
 * and no clock: the eligibility checker (./eligibility.ts), the pay estimator (./pay.ts) and the schemas of what
 * people and recruiters write (src/schemas/) all count with it, in the browser, at build and in the Worker.
 *
 * - A length is whole months and leftover days, as the Civil Code counts periods (民法143条): a month from 31 January
 *   ends on the last day of February. 1 April 2020 to 31 March 2024 is exactly 4 years.
 * - Day numbers count days since 1970-01-01, on the UTC time line: pure arithmetic, no time zone is involved.
 * - Years run from 1 (there is no year 0, and HTML's date and month inputs accept none) in the Gregorian calendar.
 */

/** A calendar date, e.g. 2026-12-20. */
export type CalendarDate = string;

/** A length of time: whole years, months and leftover days. */
export interface Duration {
  years: number;
  months: number;
  days: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Day number of a year, a 0-based month and a day (either may overflow into the next), for any year: Date.UTC would read 0–99 as 1900–1999. */
const utcDay = (year: number, month0: number, day: number) => new Date(0).setUTCFullYear(year, month0, day) / MS_PER_DAY;

/** Days in a month (1–12) of a year of the Gregorian calendar: 29 in February of 2024 and 2000, 28 in 1900 and 2023. */
export function daysInMonth(year: number, month: number): number {
  return new Date(utcDay(year, month, 0) * MS_PER_DAY).getUTCDate();
}

/** Year, month and day of a string written YYYY-MM-DD, whether or not that day exists; null for any other shape. */
export function dateParts(s: string): { year: number; month: number; day: number } | null {
  const m = DATE_RE.exec(s);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/** Year and month of a string written YYYY-MM, whether or not that month exists; null for any other shape. */
export function monthParts(s: string): { year: number; month: number } | null {
  const m = MONTH_RE.exec(s);
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

/**
 * Whether `s` is a date that exists, written YYYY-MM-DD: not 2026-02-30, 2023-02-29, 1900-02-29, 2026-04-31,
 * 2026-13-01, 2026-01-00 or 0000-01-01 (Date.parse accepts some of them and rolls over into the next month).
 */
export function isCalendarDate(s: unknown): s is CalendarDate {
  if (typeof s !== 'string') return false;
  const p = dateParts(s);
  return p !== null && p.year >= 1 && p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= daysInMonth(p.year, p.month);
}

/** Whether `s` is a month that exists, written YYYY-MM: 01 to 12, from year 0001. */
export function isCalendarMonth(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const p = monthParts(s);
  return p !== null && p.year >= 1 && p.month >= 1 && p.month <= 12;
}

/** Day number of a date. Throws on anything but a real YYYY-MM-DD date. */
export function dayNumber(date: CalendarDate): number {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${String(date)}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return utcDay(y, m - 1, d);
}

/** The date of a day number. */
export function dateOf(day: number): CalendarDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The same day `months` later (or earlier). When that month has no such day (31 → April, 29 February → a common
 * year), the result is the first day of the following month, so that the day before it is the month's last day:
 * a period of one month from 31 January ends on 28 (29) February, as the Civil Code counts.
 */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * MS_PER_DAY);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12; // 0-based
  const dom = d.getUTCDate();
  if (dom > daysInMonth(year, month + 1)) return utcDay(year, month + 1, 1);
  return utcDay(year, month, dom);
}

/** The length of [start, endExclusive) in whole months and leftover days, normalised to years. */
export function lengthBetween(start: number, endExclusive: number): Duration {
  if (endExclusive <= start) return { years: 0, months: 0, days: 0 };
  const a = new Date(start * MS_PER_DAY);
  const b = new Date(endExclusive * MS_PER_DAY);
  let k = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  while (k > 0 && addMonths(start, k) > endExclusive) k--;
  while (addMonths(start, k + 1) <= endExclusive) k++;
  const days = endExclusive - addMonths(start, k);
  return { years: Math.floor(k / 12), months: k % 12, days };
}

/** The length of a period from its first to its last day, inclusive. */
export function periodLength(from: CalendarDate, to: CalendarDate): Duration {
  return lengthBetween(dayNumber(from), dayNumber(to) + 1);
}

const key = (d: Duration) => (d.years * 12 + d.months) * 100 + d.days;

/** Negative, zero or positive as `a` is shorter than, as long as or longer than `b`. */
export function compareDurations(a: Duration, b: Duration): number {
  return key(a) - key(b);
}

/**
 * 1 April after the fiscal year (April–March) in which a person born on `birthDate` reaches `age`.
 * The age is reached on the day before the birthday (年齢計算ニ関スル法律); for someone born on 29 February, on
 * 28 February in a common year.
 */
export function aprilAfterFiscalYearOfAge(birthDate: CalendarDate, age: number): CalendarDate {
  const reached = addMonths(dayNumber(birthDate), age * 12) - 1;
  const d = new Date(reached * MS_PER_DAY);
  const fiscalYear = d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return `${fiscalYear + 1}-04-01`;
}

/** First day of the window 「直近N年」 ending on `today`: the day after the same date N years earlier. */
export function windowStart(today: CalendarDate, lastYears: number): CalendarDate {
  return dateOf(addMonths(dayNumber(today) + 1, -12 * lastYears));
}
