/**
 * Calendar files read back by an independent parser (ical.js): times in Japan time, text that survives
 * escaping and folding, stable UIDs; then every file the build wrote (npm run build runs first).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { site } from '../../src/config/site';
import type { Catalog } from '../../src/lib/catalog';
import { type CalendarSession, escapeText, eventUid, foldLine, googleCalendarUrl, sessionCalendar } from '../../src/lib/ics';

const host = new URL(site.origin).host;
const session: CalendarSession = {
  id: 'sample-2026-08-a',
  dates: ['2026-08-03', '2026-08-04'],
  startTime: '13:30',
  endTime: '16:00',
  place: '練馬区役所 本庁舎19階 1902会議室, 東側エレベーター; 受付は1階',
};
const title = '区政を体験する2日間, 政策企画; 入門\\実践';
const description =
  '練馬区の政策づくりを、職員と一緒に2日間で体験します。1日目は区の計画と予算の仕組みを学び、2日目はグループで課題を選んで提案をまとめ、' +
  '課長級の職員に発表します。\n持ち物：筆記用具、学生証; 服装は自由です, 当日は本庁舎1階の受付へ。\r\nパス C:\\nerima\\資料 を参照。\t絵文字🌸も。';
const url = `${site.origin}/internships/sample/`;
const now = new Date('2026-07-01T03:04:05.678Z');

const calendar = (at = now) => sessionCalendar({ session, title, url, description, now: at });
const octets = (s: string) => Buffer.byteLength(s, 'utf8');
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

/** Parses with ical.js after registering the file's own VTIMEZONE (ical.js knows no zone but UTC by itself). */
function read(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { root, events: root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

beforeEach(() => {
  ICAL.TimezoneService.reset();
});

describe('sessionCalendar', () => {
  const text = calendar();

  it('ends every line with CRLF and has no bare line feed or carriage return', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('keeps every line within 75 octets of UTF-8 and folds the long ones', () => {
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.filter((l) => octets(l) > 75)).toEqual([]);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
  });

  it('never splits a multi-byte character: each physical line is valid UTF-8 on its own', () => {
    const bytes = Buffer.from(text, 'utf8');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        expect(() => decoder.decode(bytes.subarray(start, i))).not.toThrow();
        start = i + 2;
      }
    }
    expect(start).toBe(bytes.length);
  });

  it('unfolds to the original content lines', () => {
    const unfolded = unfold(text).split('\r\n');
    expect(unfolded).toContain(`DESCRIPTION:${escapeText(description)}`);
    expect(unfolded).toContain(`LOCATION:${escapeText(session.place)}`);
    for (const line of [`DESCRIPTION:${escapeText(description)}`, `X:${'あ'.repeat(100)}`, `X:${'🌸'.repeat(40)}`, 'X:short']) {
      expect(unfold(foldLine(line))).toBe(line);
    }
  });

  it('declares the calendar and the Asia/Tokyo zone at +0900', () => {
    const { root } = read(text);
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    expect(root.getFirstPropertyValue('prodid')).toContain(site.siteName);
    expect(root.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
    const tz = root.getFirstSubcomponent('vtimezone');
    expect(tz?.getFirstPropertyValue('tzid')).toBe('Asia/Tokyo');
    const standard = tz?.getFirstSubcomponent('standard');
    expect(standard?.getFirstPropertyValue('tzname')).toBe('JST');
    expect(String(standard?.getFirstPropertyValue('tzoffsetfrom'))).toBe('+09:00');
    expect(String(standard?.getFirstPropertyValue('tzoffsetto'))).toBe('+09:00');
  });

  it('has one event per day, 13:30–16:00 in Japan time each day', () => {
    const { events } = read(text);
    expect(events).toHaveLength(2);
    events.forEach((event, i) => {
      const date = session.dates[i];
      expect(event.startDate.zone?.tzid).toBe('Asia/Tokyo');
      expect(event.endDate.zone?.tzid).toBe('Asia/Tokyo');
      expect(event.startDate.toJSDate().toISOString()).toBe(`${date}T04:30:00.000Z`);
      expect(event.endDate.toJSDate().toISOString()).toBe(`${date}T07:00:00.000Z`);
    });
  });

  it('gives each day a UID that is unique and the same in every build', () => {
    const uids = read(text).events.map((e) => e.uid);
    expect(uids).toEqual(session.dates.map((d) => `${session.id}-${d}@${host}`));
    expect(session.dates.map((d) => eventUid(session.id, d))).toEqual(uids);
    expect(new Set(uids).size).toBe(uids.length);
    expect(read(calendar(new Date('2027-01-01T00:00:00Z'))).events.map((e) => e.uid)).toEqual(uids);
  });

  it('stamps each event with `now` in UTC', () => {
    for (const event of read(text).events) {
      const stamp = event.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
      expect(stamp.zone?.tzid).toBe('UTC');
      expect(stamp.toJSDate().toISOString()).toBe('2026-07-01T03:04:05.000Z');
    }
  });

  it('round-trips the escaped text exactly (commas, semicolons, backslashes, line breaks, Japanese, emoji)', () => {
    const { events } = read(text);
    events.forEach((event, i) => {
      expect(event.summary).toBe(`${title}（${i + 1}日目／全2日）`);
      expect(event.location).toBe(session.place);
      expect(event.description).toBe(description.replace(/\r\n/g, '\n'));
      expect(event.component.getFirstPropertyValue('url')).toBe(url);
    });
  });

  it('names the organiser with a quoted parameter that survives quotes and colons', () => {
    const organiser = { name: '練馬区 "職員課": 人材確保係; 採用担当', email: 'saiyou@city.nerima.tokyo.jp' };
    const [event] = read(sessionCalendar({ session, title, url, description, organiser, now })).events;
    const prop = event?.component.getFirstProperty('organizer');
    expect(prop?.getFirstValue()).toBe('mailto:saiyou@city.nerima.tokyo.jp');
    expect(prop?.getParameter('cn')).toBe(organiser.name);
    const [byDefault] = read(text).events;
    expect(byDefault?.component.getFirstProperty('organizer')?.getParameter('cn')).toBe(site.organisation.hrDepartment);
  });

  it('uses no multi-day suffix for a one-day session', () => {
    const one = { ...session, dates: ['2026-09-10'] };
    const [event] = read(sessionCalendar({ session: one, title, url, description, now })).events;
    expect(event?.summary).toBe(title);
    expect(event?.startDate.toJSDate().toISOString()).toBe('2026-09-10T04:30:00.000Z');
  });

  it('round-trips any text and keeps every line within 75 octets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 120 }), (desc, place) => {
        const out = sessionCalendar({ session: { ...session, place }, title: desc, url, description: desc, now });
        expect(out.split('\r\n').filter((l) => octets(l) > 75)).toEqual([]);
        const [event] = read(out).events;
        // Line breaks become LF; control characters other than tab cannot be written in TEXT.
        const expected = desc.replace(/\r\n|\r/g, '\n').replace(/(?![\t\n])\p{Cc}/gu, '');
        expect(event?.description).toBe(expected);
        expect(event?.location).toBe(place.replace(/\r\n|\r/g, '\n').replace(/(?![\t\n])\p{Cc}/gu, ''));
      }),
      { numRuns: 300 },
    );
    // 300 runs take about 2 s alone; a machine busy with the other suites has taken 7 s.
  }, 30_000);
});

describe('googleCalendarUrl', () => {
  it('adds the first day in Japan time, with the text, place and a note listing every day', () => {
    const link = new URL(googleCalendarUrl({ session, title, details: description }));
    expect(`${link.origin}${link.pathname}`).toBe('https://calendar.google.com/calendar/render');
    expect(link.search.startsWith('?action=TEMPLATE&')).toBe(true);
    expect(link.searchParams.get('dates')).toBe('20260803T133000/20260803T160000');
    expect(link.searchParams.get('ctz')).toBe('Asia/Tokyo');
    expect(link.searchParams.get('text')).toBe(title);
    expect(link.searchParams.get('location')).toBe(session.place);
    const details = link.searchParams.get('details') ?? '';
    expect(details).toContain('2026年8月3日（月）、2026年8月4日（火）');
    expect(details.endsWith(description)).toBe(true);
  });

  it('can add another day of the session, and refuses a day the session does not have', () => {
    const link = new URL(googleCalendarUrl({ session, date: '2026-08-04', title, details: '' }));
    expect(link.searchParams.get('dates')).toBe('20260804T133000/20260804T160000');
    expect(() => googleCalendarUrl({ session, date: '2026-08-05', title, details: '' })).toThrow();
  });

  it('writes no note for a one-day session, and takes another location when given', () => {
    const link = new URL(
      googleCalendarUrl({ session: { ...session, dates: ['2026-09-10'] }, title, details: 'x', location: 'オンライン（Zoom）' }),
    );
    expect(link.searchParams.get('details')).toBe('x');
    expect(link.searchParams.get('location')).toBe('オンライン（Zoom）');
  });
});

describe('the built calendar files', () => {
  const dir = join('dist', 'calendar');
  const catalogFile = join('dist', 'catalog.json');
  const built = existsSync(catalogFile) && existsSync(dir);

  it('has been built (run npm run build first)', () => {
    expect(existsSync(catalogFile), `${catalogFile} is missing: run npm run build first`).toBe(true);
    expect(existsSync(dir), `${dir} is missing: run npm run build first`).toBe(true);
  });

  it.runIf(built)('has one file per session of every internship and event, and no other', () => {
    const catalog = JSON.parse(readFileSync(catalogFile, 'utf8')) as Catalog;
    const files = readdirSync(dir).filter((f) => f.endsWith('.ics'));
    expect(files.sort()).toEqual(
      Object.keys(catalog.sessions)
        .map((id) => `${id}.ics`)
        .sort(),
    );
    expect(files.length).toBeGreaterThan(0);
  });

  it.runIf(built)('parses every file with ical.js, each day at the session’s times in Japan', () => {
    const catalog = JSON.parse(readFileSync(catalogFile, 'utf8')) as Catalog;
    for (const [id, s] of Object.entries(catalog.sessions)) {
      const file = join(dir, `${id}.ics`);
      expect(existsSync(file), `${file} is missing`).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(
        text.split('\r\n').filter((l) => octets(l) > 75),
        file,
      ).toEqual([]);
      expect(text.replaceAll('\r\n', ''), file).not.toMatch(/[\r\n]/);
      ICAL.TimezoneService.reset();
      const { events } = read(text);
      expect(
        events.map((e) => e.uid),
        file,
      ).toEqual(s.dates.map((d) => `${id}-${d}@${host}`));
      events.forEach((event, i) => {
        const date = s.dates[i];
        expect(event.startDate.zone?.tzid, file).toBe('Asia/Tokyo');
        expect(event.startDate.toJSDate().toISOString(), file).toBe(new Date(`${date}T${s.startTime}:00+09:00`).toISOString());
        expect(event.endDate.toJSDate().toISOString(), file).toBe(new Date(`${date}T${s.endTime}:00+09:00`).toISOString());
        expect(event.location, file).toBe(s.place);
        expect(event.summary.startsWith(s.title), file).toBe(true);
        expect(event.component.getFirstPropertyValue('url'), file).toBe(new URL(s.url, site.origin).href);
      });
    }
  });
});
