/**
 * Calendar dates (YYYY-MM-DD) in Japan time. Deadlines are inclusive: a job closing on 2026-12-20
 * takes applications until 23:59:59 JST that day, whatever the machine's own time zone.
 */
import type { CalendarDate } from './calendar';

export type { CalendarDate };

export const TIME_ZONE = 'Asia/Tokyo';

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Japan at the instant `now`. */
export function todayInTokyo(now: Date = new Date()): CalendarDate {
  return isoDay.format(now);
}

/** The instant a calendar day ends in Japan (exclusive), as an ISO string with +09:00. */
export function endOfDayIso(day: CalendarDate): string {
  return `${day}T23:59:59+09:00`;
}

/** Start of a day at a local time in Japan, as ISO 8601 with +09:00. */
export function tokyoIso(day: CalendarDate, time = '00:00'): string {
  return `${day}T${time}:00+09:00`;
}

const westernFmt = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  weekday: 'short',
});
const eraFmt = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: 'UTC', era: 'long', year: 'numeric' });

// A calendar date has no time zone: format it at UTC midnight with UTC so no offset can move the day.
const asUtc = (day: CalendarDate) => new Date(`${day}T00:00:00Z`);

/** Year, month, day and weekday of a date as numbers and the weekday's one kanji. */
function western(day: CalendarDate) {
  const parts = westernFmt.formatToParts(asUtc(day));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: part('year'), month: part('month'), day: part('day'), weekday: part('weekday') };
}

/** 令和8年: the era and its year (the first year reads 元年). */
export function eraYear(day: CalendarDate): string {
  const parts = eraFmt.formatToParts(asUtc(day));
  const era = parts.find((p) => p.type === 'era')?.value ?? '';
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  // Some ICU versions write the first year as 1, others already as 元.
  return `${era}${year === '1' ? '元' : year}年`;
}

// One style for every date the site writes: full-width brackets, as the ward writes them (textlint/prh.yml flags
// a half-width 「(日)」 in content). See docs/decisions/0011-japanese-style.md.

/** 2026年12月20日（日） */
export function formatDate(day: CalendarDate): string {
  const d = western(day);
  return `${d.year}年${d.month}月${d.day}日（${d.weekday}）`;
}

/** 昭和41年（1966年）4月2日: era first, as the exam guides word a birth-date limit, with the western year beside it. */
export function formatWareki(day: CalendarDate): string {
  const d = western(day);
  return `${eraYear(day)}（${d.year}年）${d.month}月${d.day}日`;
}

/** 日 for a Sunday: the weekday's one kanji, as formatDate writes it in brackets. */
export function weekdayOf(day: CalendarDate): string {
  return western(day).weekday;
}

/** 令和9年度 for 2027 (April 2027 to March 2028); a year before 令和 as 2018年度. */
export function fiscalYearName(year: number): string {
  return year >= 2019 ? `令和${year === 2019 ? '元' : year - 2018}年度` : `${year}年度`;
}

/** 2026年（令和8年）12月20日（日）: the western year with its era year beside it, then the day. */
export function formatDateBoth(day: CalendarDate): string {
  const d = western(day);
  return `${d.year}年（${eraYear(day)}）${d.month}月${d.day}日（${d.weekday}）`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((asUtc(to).getTime() - asUtc(from).getTime()) / 86_400_000);
}
