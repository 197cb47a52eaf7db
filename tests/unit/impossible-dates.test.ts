/**
 * Dates that the calendar does not have (1990-02-30, 2023-02-29, 1900-02-29, 2026-04-31, 2026-13-01, 2026-01-00) are
 * refused wherever a person or a recruiter writes one, with a Japanese message that reads the date back: the
 * application form (the same schema in the browser and the Worker), the eligibility checker's form, the content's
 * front matter and YAML (quoted, by the schema; unquoted, which YAML rolls over into the next month, by the content
 * checks). Leap days are valid in leap years only: 2024-02-29 and 2000-02-29, not 2023-02-29 or 1900-02-29.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { dateOf, dayNumber, daysInMonth, isCalendarDate, isCalendarMonth } from '../../src/lib/calendar';
import { impossibleDateProblems, parseRules } from '../../src/lib/content-checks';
import { readCheckerForm } from '../../src/lib/eligibility-form';
import { applicationSchema } from '../../src/schemas/application';
import { calendarDate } from '../../src/schemas/common';
import { isoDate, isoMonth } from '../../src/schemas/fields';
import { fieldErrors } from '../../src/schemas/messages';

const impossible = [
  '1990-02-30',
  '1990-02-31',
  '2026-02-30',
  '2023-02-29',
  '1900-02-29',
  '2026-04-31',
  '2026-06-31',
  '2026-13-01',
  '2026-00-10',
  '2026-01-00',
  '2026-01-32',
  '0000-01-01',
];
const leapDays = ['2024-02-29', '2000-02-29', '1996-02-29'];

describe('the calendar', () => {
  it.each(impossible)('has no %s', (d) => {
    expect(isCalendarDate(d)).toBe(false);
  });
  it.each([...leapDays, '1990-02-28', '2026-04-30', '2026-12-31', '2026-01-01'])('has %s', (d) => {
    expect(isCalendarDate(d)).toBe(true);
  });
  it('gives February 29 days in leap years only (every 4th year, not every 100th, every 400th)', () => {
    expect([2024, 2000, 2023, 1900, 2100].map((y) => daysInMonth(y, 2))).toEqual([29, 29, 28, 28, 28]);
  });
  it('has months 01 to 12 from year 0001', () => {
    expect(['2020-01', '2020-12', '0001-04'].every(isCalendarMonth)).toBe(true);
    expect(['2020-00', '2020-13', '0000-04', '2020-4', '2020-04-01'].some(isCalendarMonth)).toBe(false);
  });
  it('counts days in years before 100 as themselves, not as 1900–1999', () => {
    expect(dayNumber('0050-03-01') - dayNumber('0050-02-28')).toBe(1);
    expect(dateOf(dayNumber('0050-03-01'))).toBe('0050-03-01');
    expect(dayNumber('1950-03-01') - dayNumber('0050-03-01')).toBe(365 * 1900 + 460);
  });
});

/** A complete application the schema accepts, apart from what a case changes. */
const application = (overrides: Record<string, unknown> = {}) => ({
  jobId: 'jimu-ninkitsuki-2027',
  name: '練馬 花子',
  nameKana: 'ネリマ ハナコ',
  birthDate: '1990-05-10',
  email: 'hanako@example.jp',
  phone: '03-1234-5678',
  postalCode: '176-8501',
  address: '東京都練馬区豊玉北6-12-1',
  educationLevel: '大学',
  school: '練馬大学 経済学部',
  graduated: '2013-03',
  work: [{ employer: '株式会社練馬', from: '2013-04', to: '2020-03' }],
  motivation: '区民の暮らしを支える仕事がしたいと考えました。',
  referral: 'このサイト',
  consent: true,
  ...overrides,
});

/** The message the form shows beside `field`, or undefined when the application is accepted. */
function errorAt(field: string, overrides: Record<string, unknown>): string | undefined {
  const r = applicationSchema.safeParse(application(overrides));
  if (r.success) return undefined;
  return fieldErrors(r.error).find((e) => e.field === field)?.message ?? `(other fields: ${JSON.stringify(fieldErrors(r.error))})`;
}

describe('the application form', () => {
  // The schema compares the birth date with today: the clock is pinned, so no case depends on the day it runs.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-07-01T03:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['1990-02-30', '1990年2月30日'],
    ['1990-02-31', '1990年2月31日'],
    ['2026-02-30', '2026年2月30日'],
    ['2023-02-29', '2023年2月29日'],
    ['1900-02-29', '1900年2月29日'],
    ['1985-04-31', '1985年4月31日'],
    ['1990-13-01', '1990年13月1日'],
    ['1990-05-00', '1990年5月0日'],
  ])('refuses the birth date %s, reading it back', (birthDate, shown) => {
    expect(errorAt('birthDate', { birthDate })).toBe(
      `生年月日に存在しない日付（${shown}）が入力されています。正しい日付を入力してください`,
    );
  });

  it.each(['2024-02-29', '2000-02-29', '1990-02-28', '1990-05-10'])('accepts the birth date %s', (birthDate) => {
    expect(errorAt('birthDate', { birthDate })).toBeUndefined();
  });

  it('still names another form, and a date after today (the pinned 2026-07-01) or before 1940', () => {
    expect(errorAt('birthDate', { birthDate: '1990/05/10' })).toBe('生年月日を 1990-04-01 の形で入力してください');
    expect(errorAt('birthDate', { birthDate: '2026-07-01' })).toBeUndefined();
    expect(errorAt('birthDate', { birthDate: '2026-07-02' })).toBe('生年月日を確認してください');
    expect(errorAt('birthDate', { birthDate: '1939-12-31' })).toBe('生年月日を確認してください');
  });

  it.each([
    [
      'graduated',
      { graduated: '2013-13' },
      '卒業（修了）年月に存在しない年月（2013年13月）が入力されています。正しい年月を入力してください',
    ],
    [
      'graduated',
      { graduated: '2013-00' },
      '卒業（修了）年月に存在しない年月（2013年0月）が入力されています。正しい年月を入力してください',
    ],
    [
      'work.0.from',
      { work: [{ employer: '株式会社練馬', from: '2013-13' }] },
      '勤務開始年月に存在しない年月（2013年13月）が入力されています。正しい年月を入力してください',
    ],
    [
      'work.0.to',
      { work: [{ employer: '株式会社練馬', from: '2013-04', to: '2020-00' }] },
      '勤務終了年月に存在しない年月（2020年0月）が入力されています。正しい年月を入力してください',
    ],
    ['graduated', { graduated: '2013-3' }, '卒業（修了）年月を 2020-04 の形で入力してください'],
  ])('refuses %s %j', (field, overrides, message) => {
    expect(errorAt(field, overrides)).toBe(message);
  });

  it('gives one message per field, the date read back first', () => {
    const r = isoDate('生年月日').safeParse('2023-02-29');
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      '生年月日に存在しない日付（2023年2月29日）が入力されています。正しい日付を入力してください',
    ]);
    expect(isoMonth('卒業（修了）年月').safeParse('2024-02').success).toBe(true);
  });
});

describe("the eligibility checker's form", () => {
  const rules = parseRules('content/rules/2026.yaml', parse(readFileSync('content/rules/2026.yaml', 'utf8')));
  const TODAY = '2026-07-01';
  const read = (birthDate: string, from = '2013-04-01', to = '') =>
    readCheckerForm({ route: 'ku-ninkitsuki', birthDate, periods: [{ from, to, hoursPerWeek: '38.75', kind: 'regular' }] }, rules, TODAY);
  const errors = (r: ReturnType<typeof read>) => (r.ok ? [] : r.errors.map((e) => [e.field, e.message]));

  it('refuses a birth date, a start and an end that do not exist, however they were typed', () => {
    expect(errors(read('1990-02-30'))).toEqual([
      ['birthDate', '生年月日に存在しない日付（1990年2月30日）が入力されています。正しい日付を入力してください'],
    ]);
    expect(errors(read('1990-05-10', '2023/2/29'))).toEqual([
      ['periods.0.from', '職歴1の勤務開始日に存在しない日付（2023年2月29日）が入力されています。正しい日付を入力してください'],
    ]);
    expect(errors(read('1990-05-10', '2013-04-01', '２０２０－０４－３１'))).toEqual([
      ['periods.0.to', '職歴1の勤務終了日に存在しない日付（2020年4月31日）が入力されています。正しい日付を入力してください'],
    ]);
  });

  it('accepts leap days of leap years', () => {
    expect(read('2000-02-29', '2024-02-29').ok).toBe(true);
  });
});

describe('content', () => {
  it.each(['2026-02-30', '2027-02-29', '2026-13-01'])('refuses the quoted date %s in front matter, reading it back', (d) => {
    const [y, m, day] = d.split('-').map(Number);
    const r = calendarDate.safeParse(d);
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      `存在しない日付（${y}年${m}月${day}日）が書かれています。正しい日付を書いてください`,
    ]);
  });

  it('accepts 2028-02-29, quoted or as the Date YAML hands over', () => {
    expect(calendarDate.parse('2028-02-29')).toBe('2028-02-29');
    expect(calendarDate.parse(new Date('2028-02-29T00:00:00Z'))).toBe('2028-02-29');
  });

  it('finds an unquoted date that does not exist in front matter, with the field and the line', () => {
    const md = [
      '---',
      'title: 説明会',
      'opensOn: 2026-11-16',
      'closesOn: 2026-02-30 # 締切',
      'sessions:',
      '  - id: dx-2027-02-a',
      '    dates:',
      '      - 2027-02-10',
      '      - 2027-02-29',
      '    registrationClosesOn: 2027-04-31',
      '    other: [2028-02-29, 2026-06-31]',
      "    quoted: '2026-02-30'",
      '# 2026-02-31 in a comment',
      '---',
      'In the body, 2026-02-30 is text.',
    ].join('\n');
    const at = 'content/events/x.md の';
    expect(impossibleDateProblems('content/events/x.md', md)).toEqual([
      `${at} closesOn（4行目）：存在しない日付（2026年2月30日）が書かれています。正しい日付を書いてください`,
      `${at} dates（9行目）：存在しない日付（2027年2月29日）が書かれています。正しい日付を書いてください`,
      `${at} registrationClosesOn（10行目）：存在しない日付（2027年4月31日）が書かれています。正しい日付を書いてください`,
      `${at} other（11行目）：存在しない日付（2026年6月31日）が書かれています。正しい日付を書いてください`,
    ]);
  });

  it('finds one in a YAML file, and none in the real rules file', () => {
    const rules = readFileSync('content/rules/2026.yaml', 'utf8');
    expect(impossibleDateProblems('content/rules/2026.yaml', rules)).toEqual([]);
    const broken = rules.replace('bornOnOrAfter: 1966-04-02', 'bornOnOrAfter: 1966-02-30');
    expect(broken).not.toBe(rules);
    expect(impossibleDateProblems('content/rules/2026.yaml', broken)[0]).toMatch(
      /^content\/rules\/2026\.yaml の bornOnOrAfter（\d+行目）：存在しない日付（1966年2月30日）が書かれています。/,
    );
  });
});
