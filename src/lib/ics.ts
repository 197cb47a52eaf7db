/**
 * Calendar files (RFC 5545) and "add to Google Calendar" links for internship and event sessions.
 * Pure functions with no Astro import: the pages build /calendar/<id>.ics with them, and the Worker
 * attaches the same file to the confirmation mail.
 *
 * Times are local times in Japan, written with TZID=Asia/Tokyo and a VTIMEZONE (Japan keeps no daylight
 * saving time, so one STANDARD rule at +0900 is the whole zone). A multi-day session is one VEVENT per day,
 * each with its own stable UID, so a calendar that imports the file twice updates instead of duplicating.
 */
import { site } from '../config/site';
import { type CalendarDate, formatDate, TIME_ZONE } from './dates';

/** What a calendar file needs from a session (a content session, or the Worker's catalog entry with its id). */
export interface CalendarSession {
  /** The stable session id: the UIDs are made from it. */
  id: string;
  /** The day or days it takes place (YYYY-MM-DD). */
  dates: readonly CalendarDate[];
  /** Local time in Japan, HH:MM. */
  startTime: string;
  endTime: string;
  place: string;
}

export interface Organiser {
  name: string;
  email: string;
}

export interface SessionCalendarInput {
  session: CalendarSession;
  /** The programme or event's title. */
  title: string;
  /** Absolute URL of the programme's page. */
  url: string;
  description: string;
  /** Defaults to the HR department and its address in the site config. */
  organiser?: Organiser | undefined;
  /** The moment the file is made (DTSTAMP); pass a fixed value for reproducible builds. */
  now: Date;
}

/** Words written into calendars (a link's note for multi-day sessions, the day of a multi-day session). */
export const calendarCopy = {
  dayOfMany: (day: number, days: number) => `（${day}日目／全${days}日）`,
  multiDayNote: (all: string, added: string) =>
    `全日程：${all}\nこのリンクで追加されるのは ${added} の1日分です。全日程は .ics ファイルから追加できます。`,
} as const;

const CRLF = '\r\n';
/** Octets per line, CRLF excluded (RFC 5545 §3.1). */
const MAX_OCTETS = 75;

/** The site's host, the right-hand side of every UID. */
export const uidHost = new URL(site.origin).host;

/** Where a session's calendar file is served. */
export const calendarPath = (sessionId: string) => `/calendar/${sessionId}.ics`;

/** The UID of one day of a session: the same in every build and in every mail. */
export const eventUid = (sessionId: string, date: CalendarDate) => `${sessionId}-${date}@${uidHost}`;

/** A local date and time as 20260803T133000 (a DATE-TIME without Z: read with its TZID). */
export function localDateTime(date: CalendarDate, time: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) throw new Error(`not a date and time: ${date} ${time}`);
  return `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;
}

/** An instant in UTC as 20260802T150000Z. */
export function utcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every line break as \n,
 * other control characters (never allowed in TEXT, tab apart) removed.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/(?![\t\n])\p{Cc}/gu, '')
    .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** A parameter value (RFC 5545 §3.2 with RFC 6868 for ^, line breaks and double quotes), always quoted. */
export function quoteParam(value: string): string {
  const encoded = value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/(?![\t\n])\p{Cc}/gu, '')
    .replace(/[\^\n"]/g, (c) => (c === '^' ? '^^' : c === '\n' ? '^n' : "^'"));
  return `"${encoded}"`;
}

const octets = (unit: string) => {
  let n = 0;
  for (const ch of unit) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
};

/**
 * Folds one content line at 75 octets of UTF-8 (RFC 5545 §3.1): continuation lines start with a space.
 * Splits only between whole characters (never inside a multi-byte character or a surrogate pair) and never
 * between a backslash and the character it escapes, which some readers mishandle.
 */
export function foldLine(line: string): string {
  const units = line.match(/\\[\s\S]|[\s\S]/gu) ?? [];
  const lines: string[] = [];
  let current = '';
  let used = 0;
  let limit = MAX_OCTETS;
  for (const unit of units) {
    const size = octets(unit);
    if (used + size > limit && current !== '') {
      lines.push(current);
      current = '';
      used = 0;
      limit = MAX_OCTETS - 1; // the leading space counts
    }
    current += unit;
    used += size;
  }
  lines.push(current);
  return lines.join(`${CRLF} `);
}

/** The zone every time in the file refers to. Japan has kept +09:00 without daylight saving time since 1951. */
const vtimezone = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0900',
  'TZNAME:JST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const defaultOrganiser = (): Organiser => ({ name: site.organisation.hrDepartment, email: site.organisation.email });

/** The whole .ics file for one session: one VEVENT per day, CRLF line endings, folded lines. */
export function sessionCalendar({ session, title, url, description, organiser = defaultOrganiser(), now }: SessionCalendarInput): string {
  if (session.dates.length === 0) throw new Error(`session ${session.id} has no dates`);
  if (Number.isNaN(now.getTime())) throw new Error('now is not a valid date');
  const stamp = utcDateTime(now);
  const days = session.dates.length;
  const events = session.dates.flatMap((date, i) => [
    'BEGIN:VEVENT',
    `UID:${eventUid(session.id, date)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;TZID=${TIME_ZONE}:${localDateTime(date, session.startTime)}`,
    `DTEND;TZID=${TIME_ZONE}:${localDateTime(date, session.endTime)}`,
    `SUMMARY:${escapeText(days > 1 ? `${title}${calendarCopy.dayOfMany(i + 1, days)}` : title)}`,
    `LOCATION:${escapeText(session.place)}`,
    `URL:${url}`,
    `DESCRIPTION:${escapeText(description)}`,
    `ORGANIZER;CN=${quoteParam(organiser.name)}:mailto:${organiser.email}`,
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ]);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(`-//${site.siteName}//JA`)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...vtimezone,
    ...events,
    'END:VCALENDAR',
  ];
  return lines.map((l) => `${foldLine(l)}${CRLF}`).join('');
}

export interface GoogleCalendarInput {
  session: CalendarSession;
  /** The day to add; defaults to the session's first day (a link adds one event only). */
  date?: CalendarDate | undefined;
  title: string;
  details: string;
  /** Defaults to the session's place. */
  location?: string | undefined;
}

/**
 * An "add to Google Calendar" link for one day of a session, in Japan time. For a multi-day session the
 * details start with every day of it and say that the link adds one day only (the .ics file adds all).
 */
export function googleCalendarUrl({
  session,
  date = session.dates[0],
  title,
  details,
  location = session.place,
}: GoogleCalendarInput): string {
  if (date === undefined || !session.dates.includes(date)) throw new Error(`session ${session.id} does not take place on ${date}`);
  const note =
    session.dates.length > 1 ? `${calendarCopy.multiDayNote(session.dates.map(formatDate).join('、'), formatDate(date))}\n\n` : '';
  const pairs: [string, string][] = [
    ['action', 'TEMPLATE'],
    ['text', title],
    ['dates', `${localDateTime(date, session.startTime)}/${localDateTime(date, session.endTime)}`],
    ['ctz', TIME_ZONE],
    ['details', `${note}${details}`],
    ['location', location],
  ];
  // Slashes stay readable (dates=…/…, ctz=Asia/Tokyo); they need no escaping in a query.
  const query = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2F/g, '/')}`).join('&');
  return `https://calendar.google.com/calendar/render?${query}`;
}
