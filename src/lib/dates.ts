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
  month: 'long',
  day: 'numeric',
  weekday: 'short',
});
const eraFmt = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  timeZone: 'UTC',
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

// A calendar date has no time zone: format it at UTC midnight with UTC so no offset can move the day.
const asUtc = (day: CalendarDate) => new Date(`${day}T00:00:00Z`);

/** 2026年12月20日(日) */
export function formatDate(day: CalendarDate): string {
  return westernFmt.format(asUtc(day));
}

/** 令和8年12月20日 (the first year reads 元年) */
export function formatWareki(day: CalendarDate): string {
  return eraFmt.format(asUtc(day)).replace(/^(\D+)1年/, '$1元年');
}

/** 2026年12月20日(日)（令和8年12月20日） */
export function formatDateBoth(day: CalendarDate): string {
  return `${formatDate(day)}（${formatWareki(day)}）`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((asUtc(to).getTime() - asUtc(from).getTime()) / 86_400_000);
}
