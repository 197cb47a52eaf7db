/**
 * The eligibility checker at the edges of the rules (content/rules/2026.yaml): exactly the required time and one day
 * short, 28 versus 29 hours a week, the April after the 22nd birthday, overlaps counted once, gaps, a period crossing
 * the window's start, an end date in the future, leap days; then properties over random work histories.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import {
  addMonths,
  aprilAfterFiscalYearOfAge,
  compareDurations,
  dateOf,
  dayNumber,
  lengthBetween,
  periodLength,
  windowStart,
} from '../../src/lib/calendar';
import { parseRules } from '../../src/lib/content-checks';
import {
  ageOn,
  ageReachedOn,
  bornOnOrAfterFor,
  checkEligibility,
  checkRoute,
  countedLength,
  formatDuration,
  formatTotal,
  type Interval,
  measure,
  type PersonInput,
  type ReasonCode,
  type ReferenceDate,
  type WorkPeriod,
} from '../../src/lib/eligibility';
import { referenceFor } from '../../src/lib/eligibility-reference';
import { examCalendarSchema } from '../../src/schemas/exam-calendar';
import type { Rules } from '../../src/schemas/rules';

const file = 'content/rules/2026.yaml';
const rules = parseRules(file, parse(readFileSync(file, 'utf8')));

/** The same rules with one counting profile changed. */
function withCounting(change: (c: Rules['counting'][number]) => void): Rules {
  const copy = structuredClone(rules);
  for (const c of copy.counting) change(c);
  return copy;
}

const K1 = 'tokubetsuku-keiken-1';
const K2 = 'tokubetsuku-keiken-2';
const K3 = 'tokubetsuku-keiken-3';
const NIN = 'ku-ninkitsuki';
const SEN = 'ku-senmon';

/** A full-time period of the given kind. */
const p = (from: string, to: string | null, extra: Partial<WorkPeriod> = {}): WorkPeriod => ({
  from,
  to,
  hoursPerWeek: 38.75,
  kind: 'regular',
  ...extra,
});

interface Case {
  name: string;
  route?: string;
  /** Default 1990-06-15: experience counts from 2013-04-01. */
  birth?: string;
  /** Default 2026-07-01: the 1級職 window starts 2016-07-02. */
  today?: string;
  periods: WorkPeriod[];
  qualifications?: string[];
  rules?: Rules;
  eligible: boolean;
  /** The counted total as the page writes it. */
  counted: string;
  /** Reason codes of each period, in order. */
  reasons?: ReasonCode[][];
  needsConfirmation?: boolean;
  countsFrom?: string;
}

const leaveExcluded = withCounting((c) => {
  c.leave = 'excluded';
});
const noAddingUp = withCounting((c) => {
  c.addingUp.allowed = false;
});

const cases: Case[] = [
  // Exactly the required time, and one day short.
  {
    name: '1級: exactly 4 years (1 Apr 2020 – 31 Mar 2024)',
    periods: [p('2020-04-01', '2024-03-31')],
    eligible: true,
    counted: '4年',
    reasons: [['counted']],
  },
  { name: '1級: one day short at the end', periods: [p('2020-04-01', '2024-03-30')], eligible: false, counted: '3年11か月30日' },
  { name: '1級: one day short at the start', periods: [p('2020-04-02', '2024-03-31')], eligible: false, counted: '3年11か月30日' },
  { name: '1級: ongoing, exactly 4 years today', today: '2026-06-30', periods: [p('2022-07-01', null)], eligible: true, counted: '4年' },
  {
    name: '1級: ongoing, one day short today',
    today: '2026-06-29',
    periods: [p('2022-07-01', null)],
    eligible: false,
    counted: '3年11か月29日',
  },
  { name: '2級: exactly 8 years', route: K2, periods: [p('2018-04-01', '2026-03-31')], eligible: true, counted: '8年' },
  { name: '2級: one day short', route: K2, periods: [p('2018-04-02', '2026-03-31')], eligible: false, counted: '7年11か月30日' },
  {
    name: '3級: exactly 12 years',
    route: K3,
    birth: '1985-05-05',
    periods: [p('2014-04-01', '2026-03-31')],
    eligible: true,
    counted: '12年',
  },
  {
    name: '3級: one day short',
    route: K3,
    birth: '1985-05-05',
    periods: [p('2014-04-01', '2026-03-30')],
    eligible: false,
    counted: '11年11か月30日',
  },

  // Hours a week.
  { name: '29 hours a week counts', periods: [p('2020-04-01', '2024-03-31', { hoursPerWeek: 29 })], eligible: true, counted: '4年' },
  {
    name: '28 hours a week does not count',
    periods: [p('2020-04-01', '2024-03-31', { hoursPerWeek: 28 })],
    eligible: false,
    counted: '0日',
    reasons: [['hours-below-minimum']],
  },
  {
    name: '28.9 hours a week does not count',
    periods: [p('2020-04-01', '2024-03-31', { hoursPerWeek: 28.9 })],
    eligible: false,
    counted: '0日',
  },
  {
    name: 'part-time at 30 hours counts like any work',
    periods: [p('2020-04-01', '2024-03-31', { kind: 'part-time', hoursPerWeek: 30 })],
    eligible: true,
    counted: '4年',
  },
  {
    name: 'self-employed counts',
    periods: [p('2020-04-01', '2024-03-31', { kind: 'self-employed', hoursPerWeek: 45 })],
    eligible: true,
    counted: '4年',
  },

  // The April after the fiscal year of the 22nd birthday.
  {
    name: 'born 15 Jun 1998: counts from 1 Apr 2021, the part before is dropped',
    birth: '1998-06-15',
    periods: [p('2020-04-01', '2025-03-31')],
    eligible: true,
    counted: '4年',
    countsFrom: '2021-04-01',
    reasons: [['counted', 'partly-before-start']],
  },
  {
    name: 'born 15 Jun 1999: 4 years from 1 Apr 2021 count only 3',
    birth: '1999-06-15',
    periods: [p('2021-04-01', '2025-03-31')],
    eligible: false,
    counted: '3年',
    countsFrom: '2022-04-01',
  },
  {
    name: 'born 1 Apr 2000 (earlier school year): counts from 1 Apr 2022',
    birth: '2000-04-01',
    periods: [p('2022-04-01', '2026-03-31')],
    eligible: true,
    counted: '4年',
    countsFrom: '2022-04-01',
  },
  {
    name: 'born 2 Apr 2000: counts from 1 Apr 2023',
    birth: '2000-04-02',
    periods: [p('2022-04-01', '2026-03-31')],
    eligible: false,
    counted: '3年',
    countsFrom: '2023-04-01',
  },
  {
    name: 'a period wholly before the start date does not count',
    birth: '2000-04-02',
    periods: [p('2021-04-01', '2023-03-31')],
    eligible: false,
    counted: '0日',
    reasons: [['before-start']],
  },
  {
    name: 'born on a leap day (29 Feb 2000): reaches 22 on 28 Feb 2022, counts from 1 Apr 2022',
    birth: '2000-02-29',
    periods: [p('2022-04-01', '2026-03-31')],
    eligible: true,
    counted: '4年',
    countsFrom: '2022-04-01',
  },

  // Several employers, overlaps, gaps.
  {
    name: 'two employers, 2 years + 2 years 2 months: 1級 yes',
    periods: [p('2020-04-01', '2022-03-31'), p('2022-04-01', '2024-05-31', { kind: 'contract' })],
    eligible: true,
    counted: '4年2か月',
  },
  {
    name: 'the same two employers: 2級 no',
    route: K2,
    periods: [p('2020-04-01', '2022-03-31'), p('2022-04-01', '2024-05-31', { kind: 'contract' })],
    eligible: false,
    counted: '4年2か月',
  },
  {
    name: 'a side job inside a main job is counted once',
    periods: [p('2018-04-01', '2022-03-31'), p('2020-04-01', '2021-03-31', { kind: 'part-time', hoursPerWeek: 30 })],
    eligible: true,
    counted: '4年',
    reasons: [
      ['counted', 'overlap'],
      ['counted', 'overlap'],
    ],
  },
  {
    name: 'partly overlapping periods: 3 years, not 4',
    periods: [p('2018-04-01', '2020-03-31'), p('2019-04-01', '2021-03-31')],
    eligible: false,
    counted: '3年',
  },
  {
    name: 'the same period entered twice counts once',
    periods: [p('2020-04-01', '2022-03-31'), p('2020-04-01', '2022-03-31')],
    eligible: false,
    counted: '2年',
  },
  {
    name: 'a gap between two 2-year periods: 4 years',
    periods: [p('2016-10-01', '2018-09-30'), p('2019-04-01', '2021-03-31')],
    eligible: true,
    counted: '4年',
  },
  {
    name: 'a gap: leftover days add up, 30 days make a month (2年16日 + 1年11か月16日)',
    periods: [p('2017-01-16', '2019-01-31'), p('2020-04-16', '2022-03-31')],
    eligible: true,
    counted: '4年2日',
  },
  {
    name: 'a gap: leftover days add up to 29 days, one short (2年14日 + 1年11か月15日)',
    periods: [p('2017-01-16', '2019-01-29'), p('2020-04-16', '2022-03-30')],
    eligible: false,
    counted: '3年11か月29日',
  },

  // The window.
  {
    name: 'a period crossing the window start counts from the window start',
    periods: [p('2014-04-01', '2018-03-31')],
    eligible: false,
    counted: '1年8か月30日',
    reasons: [['counted', 'partly-outside-window']],
  },
  {
    name: 'crossing the window start and continuing: exactly 4 years inside the window',
    periods: [p('2014-04-01', '2018-03-31'), p('2018-04-01', '2020-07-01')],
    eligible: true,
    counted: '4年',
  },
  {
    name: 'the same history a day later falls short',
    today: '2026-07-02',
    periods: [p('2014-04-01', '2018-03-31'), p('2018-04-01', '2020-07-01')],
    eligible: false,
    counted: '3年11か月29日',
  },
  {
    name: 'a period wholly before the window does not count',
    birth: '1985-05-05',
    periods: [p('2012-04-01', '2016-03-31')],
    eligible: false,
    counted: '0日',
    reasons: [['outside-window']],
  },
  {
    name: 'the counted total never exceeds the window (20 years of work, 1級)',
    birth: '1980-05-05',
    periods: [p('2005-04-01', null)],
    eligible: true,
    counted: '10年',
  },

  // The future.
  {
    name: 'an end date in the future counts up to today',
    today: '2026-06-30',
    periods: [p('2022-07-01', '2027-03-31')],
    eligible: true,
    counted: '4年',
    reasons: [['counted', 'future-clipped']],
  },
  {
    name: 'a period starting in the future does not count yet',
    periods: [p('2020-04-01', '2024-03-31'), p('2026-08-01', null)],
    eligible: true,
    counted: '4年',
    reasons: [['counted'], ['not-started']],
  },

  // Minimum length of each period.
  {
    name: 'a period under 1 year is not added up',
    periods: [p('2019-04-01', '2022-03-31'), p('2022-04-01', '2023-03-30')],
    eligible: false,
    counted: '3年',
    reasons: [['counted'], ['shorter-than-minimum']],
  },
  {
    name: 'a period of exactly 1 year is added up',
    periods: [p('2019-04-01', '2022-03-31'), p('2022-04-01', '2023-03-31')],
    eligible: true,
    counted: '4年',
  },
  {
    name: 'the minimum is the whole period, not its part inside the window',
    periods: [p('2015-04-01', '2016-12-31'), p('2017-01-01', '2020-07-01')],
    eligible: true,
    counted: '4年',
  },
  {
    name: 'an ongoing job under 1 year does not count yet',
    periods: [p('2020-04-01', '2023-12-31'), p('2026-01-01', null)],
    eligible: false,
    counted: '3年9か月',
    reasons: [['counted'], ['shorter-than-minimum']],
  },

  // Leave.
  {
    name: '育休 between two periods counts',
    periods: [p('2019-04-01', '2021-03-31'), p('2021-04-01', '2022-03-31', { kind: 'childcare-leave' }), p('2022-04-01', '2023-03-31')],
    eligible: true,
    counted: '4年',
    reasons: [['counted'], ['leave-counted'], ['counted']],
  },
  {
    name: '育休 of 8 months is not held to the 1-year minimum',
    periods: [p('2019-04-01', '2021-03-31'), p('2021-04-01', '2021-11-30', { kind: 'childcare-leave' }), p('2021-12-01', '2023-03-31')],
    eligible: true,
    counted: '4年',
  },
  {
    name: '産休 inside an employment period is counted once',
    periods: [p('2020-04-01', '2024-03-31'), p('2022-01-01', '2022-04-30', { kind: 'maternity-leave' })],
    eligible: true,
    counted: '4年',
  },
  {
    name: 'when the rules exclude leave, the days on leave are removed',
    rules: leaveExcluded,
    periods: [p('2020-04-01', '2024-03-31'), p('2022-04-01', '2023-03-31', { kind: 'childcare-leave' })],
    eligible: false,
    counted: '3年',
    reasons: [['counted', 'leave-excluded'], ['leave-excluded']],
  },

  // Kinds and dates.
  {
    name: 'volunteering and study do not count',
    periods: [p('2018-04-01', '2022-03-31', { kind: 'other' })],
    eligible: false,
    counted: '0日',
    reasons: [['kind-not-counted']],
  },
  {
    name: 'an unknown kind is named',
    periods: [p('2018-04-01', '2022-03-31', { kind: 'freeter' })],
    eligible: false,
    counted: '0日',
    reasons: [['unknown-kind']],
  },
  {
    name: 'an end before the start is flagged',
    periods: [p('2022-04-01', '2018-03-31')],
    eligible: false,
    counted: '0日',
    reasons: [['invalid-dates']],
  },
  {
    name: 'when periods may not be added up, only the longest counts',
    rules: noAddingUp,
    periods: [p('2018-04-01', '2020-03-31'), p('2020-04-01', '2022-05-31')],
    eligible: false,
    counted: '2年2か月',
    reasons: [['not-longest'], ['counted']],
  },

  // Leap days.
  {
    name: 'a period from 29 Feb 2020 to 28 Feb 2024 is exactly 4 years',
    periods: [p('2020-02-29', '2024-02-28')],
    eligible: true,
    counted: '4年',
  },
  {
    name: 'from 29 Feb 2020 to 27 Feb 2024 is one day short',
    periods: [p('2020-02-29', '2024-02-27')],
    eligible: false,
    counted: '3年11か月30日',
  },
  { name: 'from 1 Mar 2019 to 28 Feb 2023 is exactly 4 years', periods: [p('2019-03-01', '2023-02-28')], eligible: true, counted: '4年' },
  {
    name: 'today 29 Feb 2028: the 10 years start on 1 Mar 2018',
    today: '2028-02-29',
    birth: '1980-05-05',
    periods: [p('2010-04-01', null)],
    eligible: true,
    counted: '10年',
  },
  {
    name: 'today 28 Feb 2028: the 10 years start on 1 Mar 2018 too, and end a day earlier',
    today: '2028-02-28',
    birth: '1980-05-05',
    periods: [p('2010-04-01', null)],
    eligible: true,
    counted: '9年11か月28日',
  },

  // Age limit.
  {
    // The rules give 60 as the age on the reference date; counted to 31 Mar 2027 (令和8年度), someone born on
    // 2 Apr 1966 is still 60 (61 from 1 Apr 2027, the day before the birthday), someone born a day earlier is 61.
    name: 'born 2 Apr 1966 (昭和41年4月2日) is within the age limit on 31 Mar 2027',
    today: '2027-03-31',
    birth: '1966-04-02',
    periods: [p('2020-04-01', '2024-03-31')],
    eligible: true,
    counted: '4年',
  },
  {
    name: 'born 1 Apr 1966 is over the age limit on 31 Mar 2027',
    today: '2027-03-31',
    birth: '1966-04-01',
    periods: [p('2020-04-01', '2024-03-31')],
    eligible: false,
    counted: '4年',
  },

  // The ward's own routes.
  {
    name: '任期付: 3 years of ICT work within 5',
    route: NIN,
    periods: [p('2022-04-01', '2025-03-31', { field: 'ict' })],
    eligible: true,
    counted: '3年',
  },
  {
    name: '任期付: work outside ICT does not count',
    route: NIN,
    periods: [p('2020-04-01', '2025-03-31')],
    eligible: false,
    counted: '0日',
    reasons: [['field-mismatch']],
  },
  {
    name: '任期付: ICT work crossing the 5-year window start',
    route: NIN,
    periods: [p('2020-04-01', '2024-03-31', { field: 'ict' })],
    eligible: false,
    counted: '2年8か月30日',
  },
  {
    name: '専門人材: counts before 22 (no start rule) with a qualification',
    route: SEN,
    birth: '2000-06-15',
    periods: [p('2020-04-01', '2023-03-31', { field: 'psychology' })],
    qualifications: ['konin-shinrishi'],
    eligible: true,
    counted: '3年',
    needsConfirmation: false,
  },
  {
    name: '専門人材: qualifications not asked — eligible, to be confirmed',
    route: SEN,
    periods: [p('2020-04-01', '2023-03-31', { field: 'psychology' })],
    eligible: true,
    counted: '3年',
    needsConfirmation: true,
  },
  {
    name: '専門人材: without the qualification',
    route: SEN,
    periods: [p('2020-04-01', '2023-03-31', { field: 'psychology' })],
    qualifications: ['hoikushi'],
    eligible: false,
    counted: '3年',
  },
  {
    name: '専門人材: a period under 6 months is not added up',
    route: SEN,
    periods: [p('2020-04-01', '2022-09-30', { field: 'psychology' }), p('2023-01-01', '2023-05-31', { field: 'psychology' })],
    qualifications: ['rinsho-shinrishi'],
    eligible: false,
    counted: '2年6か月',
    reasons: [['counted'], ['shorter-than-minimum']],
  },
];

describe('eligibility at the edges of the rules', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$name', (c) => {
    const input: PersonInput = { birthDate: c.birth ?? '1990-06-15', periods: c.periods, qualifications: c.qualifications };
    const v = checkRoute(c.rules ?? rules, c.route ?? K1, input, c.today ?? '2026-07-01');
    expect(formatDuration(v.counted)).toBe(c.counted);
    expect(v.eligible).toBe(c.eligible);
    if (c.reasons) expect(v.periods.map((x) => x.reasons.map((r) => r.code))).toEqual(c.reasons);
    if (c.needsConfirmation !== undefined) expect(v.needsConfirmation).toBe(c.needsConfirmation);
    if (c.countsFrom) expect(v.countsFrom).toBe(c.countsFrom);
    // Every reason has a sentence to show.
    for (const x of v.periods) for (const r of x.reasons) expect(r.message.length).toBeGreaterThan(5);
  });
});

describe('what the person reads', () => {
  const twoEmployers: PersonInput = {
    birthDate: '1995-06-15',
    periods: [p('2020-04-01', '2022-03-31'), p('2022-04-01', '2024-05-31', { kind: 'dispatch' })],
  };

  it('4 years 2 months at two employers: can sit 1級職, not 2級職 or 3級職', () => {
    const result = checkEligibility(rules, [K1, K2, K3], twoEmployers, '2026-07-01');
    expect(result.routes.map((r) => [r.routeId, r.eligible, r.summary])).toEqual([
      [K1, true, '直近10年のうち通算4年2か月（必要：4年）'],
      [K2, false, '直近14年のうち通算4年2か月（必要：8年）'],
      [K3, false, '直近18年のうち通算4年2か月（必要：12年）'],
    ]);
  });

  it('checks every route when none is named, in the rules order', () => {
    const result = checkEligibility(rules, undefined, twoEmployers, '2026-07-01');
    expect(result.routes.map((r) => r.routeId)).toEqual(rules.routes.map((r) => r.id));
  });

  it('explains each period in Japanese', () => {
    const v = checkRoute(
      rules,
      K1,
      {
        birthDate: '1990-06-15',
        periods: [p('2014-04-01', '2018-03-31'), p('2020-04-01', '2020-09-30'), p('2020-10-01', '2024-03-31', { hoursPerWeek: 28 })],
      },
      '2026-07-01',
    );
    expect(v.periods.map((x) => x.reasons.map((r) => r.message))).toEqual([
      ['この期間は職務経験として数えます。', '直近10年（2016年7月2日以降）より前の部分は数えません。'],
      ['通算できるのは1つの期間が1年以上続いた場合です（この期間は6か月）。この期間は数えません。'],
      ['週29時間以上の勤務が条件です（この期間は週28時間）。この期間は数えません。'],
    ]);
    expect(v.periods[0]).toMatchObject({ counted: true, countedFrom: '2016-07-02', countedTo: '2018-03-31' });
    expect(v.window).toEqual({ years: 10, start: '2016-07-02', end: '2026-07-01' });
    expect(v.conditions.map((c) => [c.kind, c.met])).toEqual([
      ['experience', false],
      ['age', true],
    ]);
    // 60 or younger on the day counted to (2026-07-01): born on or after 3 July 1965 (someone born 2 July 1965 turns
    // 61 on 1 July 2026, the day before the birthday).
    expect(v.conditions[1]?.message).toBe(
      '年齢：昭和40年（1965年）7月3日以降に生まれた方が対象です。2026年7月1日時点で36歳です。条件を満たしています。',
    );
  });

  it('writes the total as 通算4年2か月', () => {
    expect(formatTotal({ years: 4, months: 2, days: 0 })).toBe('通算4年2か月');
    expect(formatDuration({ years: 0, months: 0, days: 0 })).toBe('0日');
    expect(formatDuration({ years: 0, months: 3, days: 1 })).toBe('3か月1日');
  });

  it('throws on a route the rules do not have', () => {
    expect(() => checkEligibility(rules, ['no-such-route'], twoEmployers, '2026-07-01')).toThrow(/unknown route/);
  });
});

describe('job-family variants (児童福祉)', () => {
  const history = (childWelfareTo: string): PersonInput => ({
    birthDate: '1988-05-05',
    periods: [
      p('2015-04-01', '2020-03-31'),
      p('2020-04-01', childWelfareTo, { field: 'child-welfare' }),
      p('2023-04-01', '2026-03-31', { field: 'child-welfare' }),
    ],
    qualifications: ['shakai-fukushishi'],
  });

  it('2級職 児童福祉: 8 years of which 3 in 児童福祉', () => {
    const v = checkRoute(
      rules,
      K2,
      { ...history('2020-06-30'), periods: [p('2015-04-01', '2023-03-31'), p('2023-04-01', '2026-03-31', { field: 'child-welfare' })] },
      '2026-07-01',
    );
    expect(v.eligible).toBe(true);
    const cw = v.variants.find((x) => x.id === 'child-welfare');
    expect(cw).toMatchObject({
      eligible: true,
      jobFamily: '児童福祉',
      summary: 'うち児童福祉の経験 通算3年（必要：3年）',
      countedPeriods: [1],
    });
  });

  it('2級職 児童福祉: eligible for the route but one day short in the field', () => {
    const v = checkRoute(
      rules,
      K2,
      { ...history('2020-06-30'), periods: [p('2015-04-01', '2023-04-01'), p('2023-04-02', '2026-03-31', { field: 'child-welfare' })] },
      '2026-07-01',
    );
    expect(v.eligible).toBe(true);
    expect(v.variants[0]).toMatchObject({ eligible: false, summary: 'うち児童福祉の経験 通算2年11か月30日（必要：3年）' });
  });

  it('1級職 児童福祉: the field years add up across two periods with a gap', () => {
    const v = checkRoute(rules, K1, history('2021-03-31'), '2026-07-01');
    const cw = v.variants.find((x) => x.id === 'child-welfare');
    expect(cw?.counted).toEqual({ years: 4, months: 0, days: 0 });
    expect(cw?.eligible).toBe(true);
  });

  it('a variant needs its qualification when the person says which they hold', () => {
    const v = checkRoute(rules, K1, { ...history('2021-03-31'), qualifications: ['konin-shinrishi'] }, '2026-07-01');
    expect(v.variants.find((x) => x.id === 'child-welfare')?.eligible).toBe(false);
    const unknown = checkRoute(rules, K1, { ...history('2021-03-31'), qualifications: undefined }, '2026-07-01');
    expect(unknown.variants.find((x) => x.id === 'child-welfare')).toMatchObject({ eligible: true, needsConfirmation: true });
  });
});

describe('calendar arithmetic', () => {
  const lengths: [string, string, string][] = [
    ['2020-04-01', '2024-03-31', '4年'],
    ['2021-01-31', '2021-02-28', '1か月'],
    ['2020-01-31', '2020-02-29', '1か月'],
    ['2020-01-30', '2020-02-28', '30日'],
    ['2021-01-28', '2021-02-27', '1か月'],
    ['2020-02-29', '2021-02-28', '1年'],
    ['2021-03-31', '2021-04-30', '1か月'],
    ['2021-05-01', '2021-05-01', '1日'],
  ];
  it.each(lengths)('%s to %s is %s', (from, to, text) => {
    expect(formatDuration(periodLength(from, to))).toBe(text);
  });

  it('finds the April after the fiscal year of an age', () => {
    expect(aprilAfterFiscalYearOfAge('2000-06-15', 22)).toBe('2023-04-01');
    expect(aprilAfterFiscalYearOfAge('2001-03-10', 22)).toBe('2023-04-01');
    expect(aprilAfterFiscalYearOfAge('2000-04-01', 22)).toBe('2022-04-01');
    expect(aprilAfterFiscalYearOfAge('2000-04-02', 22)).toBe('2023-04-01');
    expect(aprilAfterFiscalYearOfAge('2000-02-29', 22)).toBe('2022-04-01');
  });

  it('finds the window start', () => {
    expect(windowStart('2026-07-01', 10)).toBe('2016-07-02');
    expect(windowStart('2026-12-31', 10)).toBe('2017-01-01');
    expect(windowStart('2028-02-29', 10)).toBe('2018-03-01');
  });

  it('measures a month from any day as one month (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('1960-01-01'), max: dayNumber('2060-12-31') }),
        fc.integer({ min: 0, max: 600 }),
        (start, k) => {
          const d = lengthBetween(start, addMonths(start, k));
          expect(d.years * 12 + d.months).toBe(k);
          expect(d.days).toBe(0);
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties over random work histories.

const DAY_2000 = dayNumber('2000-01-01');
const DAY_2030 = dayNumber('2030-12-31');
const kindIds = rules.kinds.map((k) => k.id);

const periodArb: fc.Arbitrary<WorkPeriod> = fc
  .record({
    start: fc.integer({ min: DAY_2000, max: DAY_2030 }),
    length: fc.integer({ min: 0, max: 4000 }),
    ongoing: fc.boolean(),
    hours: fc.constantFrom(20, 28, 29, 30, 38.75, 45),
    kind: fc.constantFrom(...kindIds),
    field: fc.option(fc.constantFrom('child-welfare', 'ict', 'psychology', 'welfare'), { nil: undefined }),
  })
  .map((r) => ({
    from: dateOf(r.start),
    to: r.ongoing ? null : dateOf(r.start + r.length),
    hoursPerWeek: r.hours,
    kind: r.kind,
    field: r.field,
  }));

const personArb = fc.record({
  birthDate: fc.integer({ min: dayNumber('1965-01-01'), max: dayNumber('2005-12-31') }).map(dateOf),
  periods: fc.array(periodArb, { maxLength: 6 }),
  qualifications: fc.option(fc.subarray(rules.qualifications.map((q) => q.id)), { nil: undefined }),
});
const todayArb = fc.integer({ min: dayNumber('2010-01-01'), max: dayNumber('2032-12-31') }).map(dateOf);

describe('properties', () => {
  it('adding a period never lowers the counted total, on any route', () => {
    fc.assert(
      fc.property(personArb, periodArb, todayArb, (person, extra, today) => {
        const before = checkEligibility(rules, undefined, person, today);
        const after = checkEligibility(rules, undefined, { ...person, periods: [...person.periods, extra] }, today);
        before.routes.forEach((b, i) => {
          const a = after.routes[i];
          if (!a) throw new Error('route missing');
          expect(compareDurations(a.counted, b.counted)).toBeGreaterThanOrEqual(0);
          expect(a.countedDays).toBeGreaterThanOrEqual(b.countedDays);
          if (b.eligible) expect(a.eligible).toBe(true);
          b.variants.forEach((bv, j) => {
            expect(compareDurations(a.variants[j]?.counted ?? bv.counted, bv.counted)).toBeGreaterThanOrEqual(0);
          });
        });
      }),
      { numRuns: 400 },
    );
  });

  it('the counted total never exceeds the window', () => {
    fc.assert(
      fc.property(personArb, todayArb, (person, today) => {
        for (const r of checkEligibility(rules, undefined, person, today).routes) {
          if (r.window.years === null) continue;
          const window = lengthBetween(dayNumber(r.window.start), dayNumber(today) + 1);
          expect(compareDurations(r.counted, window)).toBeLessThanOrEqual(0);
          expect(r.countedDays).toBeLessThanOrEqual(dayNumber(today) - dayNumber(r.window.start) + 1);
          for (const v of r.variants) expect(compareDurations(v.counted, r.counted)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the order the periods are entered in does not matter', () => {
    fc.assert(
      fc.property(personArb, todayArb, (person, today) => {
        const a = checkEligibility(rules, undefined, person, today);
        const b = checkEligibility(rules, undefined, { ...person, periods: [...person.periods].reverse() }, today);
        expect(b.routes.map((r) => [r.counted, r.eligible])).toEqual(a.routes.map((r) => [r.counted, r.eligible]));
      }),
      { numRuns: 200 },
    );
  });

  it('with leave excluded, adding a work period still never lowers the total', () => {
    const work = periodArb.filter((x) => rules.kinds.find((k) => k.id === x.kind)?.category !== 'leave');
    fc.assert(
      fc.property(personArb, work, todayArb, (person, extra, today) => {
        const before = checkEligibility(leaveExcluded, undefined, person, today);
        const after = checkEligibility(leaveExcluded, undefined, { ...person, periods: [...person.periods, extra] }, today);
        before.routes.forEach((b, i) => {
          expect(compareDurations(after.routes[i]?.counted ?? b.counted, b.counted)).toBeGreaterThanOrEqual(0);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('the counted total of separate stretches', () => {
  const iv = (from: string, to: string): Interval => [dayNumber(from), dayNumber(to) + 1];

  it('does not drop when a period fills the gap between two stretches across February', () => {
    // Found by fast-check: 3か月22日 + 4か月 = 7か月22日, but the joined stretch 10 Jul – 2 Mar measures 7か月21日.
    const before = [iv('2020-07-10', '2020-10-31'), iv('2020-11-03', '2021-03-02')];
    const after = [...before, iv('2020-07-12', '2020-11-02')];
    expect(formatDuration(measure([iv('2020-07-10', '2021-03-02')], 30))).toBe('7か月21日');
    expect(formatDuration(countedLength(before, [], 30))).toBe('7か月22日');
    expect(formatDuration(countedLength(after, [], 30))).toBe('7か月22日');
  });

  it('is the best sum over any selection of the periods (brute force, property)', () => {
    const lo = dayNumber('2019-12-01');
    const interval = fc
      .record({ s: fc.integer({ min: lo, max: lo + 500 }), l: fc.integer({ min: 1, max: 150 }) })
      .map(({ s, l }): Interval => [s, s + l]);
    const unionOf = (xs: Interval[]) => {
      const out: [number, number][] = [];
      for (const [a, b] of [...xs].sort((x, y) => x[0] - y[0])) {
        const last = out[out.length - 1];
        if (last && a <= last[1]) last[1] = Math.max(last[1], b);
        else out.push([a, b]);
      }
      return out;
    };
    const minus = (set: Interval[], remove: Interval[]) =>
      remove.reduce<Interval[]>(
        (acc, [ra, rb]) =>
          acc.flatMap(([a, b]): Interval[] =>
            rb <= a || ra >= b ? [[a, b]] : [...(ra > a ? [[a, ra] as Interval] : []), ...(rb < b ? [[rb, b] as Interval] : [])],
          ),
        set,
      );
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 6 }), fc.array(interval, { maxLength: 2 }), (xs, leaves) => {
        let best = { years: 0, months: 0, days: 0 };
        for (let mask = 1; mask < 1 << xs.length; mask++) {
          const v = measure(minus(unionOf(xs.filter((_, i) => mask & (1 << i))), unionOf(leaves)), 30);
          if (compareDurations(v, best) > 0) best = v;
        }
        expect(countedLength(xs, leaves, 30)).toEqual(best);
      }),
      { numRuns: 500 },
    );
  });
});

describe('nothing is stored or logged', () => {
  afterEach(() => vi.restoreAllMocks());
  it('neither changes its input nor writes to the console', () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const person = { birthDate: '1990-06-15', periods: [p('2020-04-01', '2024-03-31')], qualifications: ['hoikushi'] };
    const frozen = structuredClone(person);
    checkEligibility(rules, undefined, deepFreeze(person), '2026-07-01');
    expect(person).toEqual(frozen);
    for (const s of spies) expect(s).not.toHaveBeenCalled();
  });
});

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

// ---------------------------------------------------------------------------------------------------------------
// Counted to the exam's reference date (issue #13). The exam guide counts experience and age
// 「試験（選考）受験日の属する年度の末日において」: for an exam in fiscal 2026 (令和8年度), 31 March 2027. Every
// expected figure below is worked out by hand from the calendar, in the comment beside it.

/** The reference date of a joint exam of fiscal year `fy` (31 March after it). */
const examRef = (fy: number): ReferenceDate => ({
  date: `${fy + 1}-03-31`,
  basis: 'exam',
  exam: { name: '経験者採用試験・選考', fiscalYear: fy, sample: true },
  source: null,
});
/** A reference date the rules give as a day (a ward selection's deadline). */
const dayRef = (date: string): ReferenceDate => ({ date, basis: 'date', exam: null, source: null });

/** The same rules with the 1級職 age limit as 「N歳以下」 on the reference date. */
const withMaxAge = (maxAge: number): Rules => {
  const copy = structuredClone(rules);
  const k1 = copy.routes.find((r) => r.id === K1);
  if (k1) k1.ageLimit = { maxAge };
  return copy;
};

interface RefCase {
  name: string;
  route?: string;
  birth?: string;
  /** Default 2026-12-07 (the tests' today). */
  today?: string;
  /** Default the 令和8年度 exam: 2027-03-31. null: counted to today. */
  reference?: ReferenceDate | null;
  periods: WorkPeriod[];
  qualifications?: string[];
  rules?: Rules;
  eligible: boolean;
  /** Counted at the reference date. */
  counted: string;
  /** Counted today (only when the reference date is another day). */
  countedToday?: string;
  prospective?: boolean;
  age?: number;
  reasons?: ReasonCode[][];
  /** A variant's id, its counted years at the reference date and whether it is met. */
  variant?: [string, string, boolean];
}

const refCases: RefCase[] = [
  {
    // 2023-04-01 + 4 years = 2027-04-01: the last day counted, 2027-03-31, completes exactly 4 years.
    // Today: 2023-04-01 + 3y8m = 2026-12-01; 1–7 December are 7 days.
    name: 'ongoing since 1 Apr 2023: exactly 4 years at the reference date (見込み), 3年8か月7日 today',
    periods: [p('2023-04-01', null)],
    eligible: true,
    counted: '4年',
    countedToday: '3年8か月7日',
    prospective: true,
  },
  {
    // 2023-05-01 + 3y11m = 2027-04-01: 3 years 11 months at 31 March 2027.
    name: 'ongoing since 1 May 2023: 3年11か月 at the reference date, not eligible',
    periods: [p('2023-05-01', null)],
    eligible: false,
    counted: '3年11か月',
  },
  {
    // 2023-04-02 + 3y11m = 2027-03-02; 2–31 March are 30 days.
    name: 'ongoing since 2 Apr 2023: one day short at the reference date',
    periods: [p('2023-04-02', null)],
    eligible: false,
    counted: '3年11か月30日',
  },
  {
    // Today: 2023-02-08 + 3y10m = 2026-12-08, so exactly 3年10か月 up to 7 December.
    // Reference: 2023-02-08 + 4y1m = 2027-03-08; 8–31 March are 24 days.
    name: '3年10か月 today crosses 4 years by the reference date: eligible (見込み)',
    periods: [p('2023-02-08', null)],
    eligible: true,
    counted: '4年1か月24日',
    countedToday: '3年10か月',
    prospective: true,
  },
  {
    // The same person counted to today, as the checker did before: 3年10か月, not eligible.
    name: 'the same 3年10か月 counted to today is not eligible',
    reference: null,
    periods: [p('2023-02-08', null)],
    eligible: false,
    counted: '3年10か月',
  },
  {
    // A known end date after today but before the reference date counts up to it: 2023-04-01 to 2027-02-28 is
    // 3 years 11 months (2027-03-01 = start + 3y11m).
    name: 'an end date between today and the reference date counts up to that end',
    periods: [p('2023-04-01', '2027-02-28')],
    eligible: false,
    counted: '3年11か月',
    reasons: [['counted']],
  },
  {
    // An end date after the reference date is cut at it: 2023-04-01 to 2027-03-31 = 4 years.
    name: 'an end date after the reference date is counted up to the reference date',
    periods: [p('2023-04-01', '2027-06-30')],
    eligible: true,
    counted: '4年',
    reasons: [['counted', 'future-clipped']],
  },
  {
    // Today the new job (from 2026-04-01) has lasted 8 months 7 days: under the 1-year minimum, so only the first
    // 3 years count. By 31 March 2027 it has lasted exactly 1 year: 3 + 1 = 4 years.
    name: 'an ongoing job reaches the 1-year minimum by the reference date: 3 + 1 years',
    periods: [p('2019-04-01', '2022-03-31'), p('2026-04-01', null)],
    eligible: true,
    counted: '4年',
    countedToday: '3年',
    reasons: [['counted'], ['counted']],
  },
  {
    // 直近10年 from 31 March 2027 starts on 1 April 2017: 2017-04-01 to 2021-03-31 is wholly inside, 4 years.
    name: '直近10年 counted back from the reference date: a period starting on the window start counts whole',
    periods: [p('2017-04-01', '2021-03-31')],
    eligible: true,
    counted: '4年',
  },
  {
    // For the 令和9年度 exam (reference 31 March 2028) the window starts on 1 April 2018: only 2018-04-01 to
    // 2021-03-31 = 3 years counts. Today (2026-12-07) the window starts on 2016-12-08 and all 4 years count.
    name: '直近10年 from 31 Mar 2028: eligible today, but not at the reference date',
    reference: examRef(2027),
    periods: [p('2017-04-01', '2021-03-31')],
    eligible: false,
    counted: '3年',
    countedToday: '4年',
    reasons: [['counted', 'partly-outside-window']],
  },
  {
    // 2020-02-29 + 4 years = 2024-02-29 (a leap year): the period ending 2024-02-28 is exactly 4 years.
    name: 'a period from 29 Feb 2020 to 28 Feb 2024 is exactly 4 years',
    periods: [p('2020-02-29', '2024-02-28')],
    eligible: true,
    counted: '4年',
  },
  {
    // 2020-03-01 + 4 years = 2024-03-01: a period ending on 29 Feb 2024 is exactly 4 years …
    name: 'a period ending on 29 Feb 2024 from 1 Mar 2020 is exactly 4 years',
    periods: [p('2020-03-01', '2024-02-29')],
    eligible: true,
    counted: '4年',
  },
  {
    // … and one ending on 28 Feb 2024: 2020-03-01 + 3y11m = 2024-02-01; 1–28 February are 28 days.
    name: 'ending on 28 Feb 2024 instead falls a day short: 3年11か月28日',
    periods: [p('2020-03-01', '2024-02-28')],
    eligible: false,
    counted: '3年11か月28日',
  },
  {
    // Ongoing from 29 Feb 2024 to 31 March 2028: + 4 years = 2028-02-29 (leap), + 1 month = 2028-03-29; 29–31 March
    // are 3 days.
    name: 'ongoing from 29 Feb 2024 to 31 Mar 2028: 4年1か月3日',
    reference: examRef(2027),
    periods: [p('2024-02-29', null)],
    eligible: true,
    counted: '4年1か月3日',
    prospective: true,
  },
  {
    // Gap: 2021-04-01 to 2022-06-30 is 1y3m. The second job, from 2024-06-01: today 2y6m7d (3年9か月7日 in all);
    // at 31 March 2027, 2024-06-01 + 2y10m = 2027-04-01, so 2y10m: 1y3m + 2y10m = 4y1m.
    name: 'a gap between two jobs: 3年9か月7日 today, 4年1か月 at the reference date',
    periods: [p('2021-04-01', '2022-06-30'), p('2024-06-01', null)],
    eligible: true,
    counted: '4年1か月',
    countedToday: '3年9か月7日',
  },
  {
    // 2021-04-16 to 2022-06-30: + 1y2m = 2022-06-16, 16–30 June = 15 days. 2024-06-17 to 2027-03-31: + 2y9m =
    // 2027-03-17, 17–31 March = 15 days. 15 + 15 = 30 days make a month: 1y2m + 2y9m + 1m = 4 years.
    name: 'a gap: leftover days at the reference date add up to a month',
    periods: [p('2021-04-16', '2022-06-30'), p('2024-06-17', null)],
    eligible: true,
    counted: '4年',
  },
  {
    // 「60歳以下」 on 31 March 2027: born 2 April 1966, the 61st year is reached on 1 April 2027 (the day before the
    // birthday), after the reference date: 60, eligible.
    name: 'maxAge 60: born 2 Apr 1966 is 60 on 31 Mar 2027',
    rules: withMaxAge(60),
    birth: '1966-04-02',
    periods: [p('2020-04-01', '2024-03-31')],
    eligible: true,
    counted: '4年',
    age: 60,
  },
  {
    // Born 1 April 1966: 61 is reached on 31 March 2027, the reference date itself: over the limit.
    name: 'maxAge 60: born 1 Apr 1966 turns 61 on the reference date and is over the limit',
    rules: withMaxAge(60),
    birth: '1966-04-01',
    periods: [p('2020-04-01', '2024-03-31')],
    eligible: false,
    counted: '4年',
    age: 61,
  },
  {
    // The same person today (7 December 2026) is 60: counted to today, the limit would wrongly let them in.
    name: 'maxAge 60: the same person counted to today is still 60',
    rules: withMaxAge(60),
    reference: null,
    birth: '1966-04-01',
    periods: [p('2020-04-01', '2024-03-31')],
    eligible: true,
    counted: '4年',
    age: 60,
  },
  {
    // Born 29 Feb 1968: each age is reached on 28 February. On 28 Feb 2028 they are 60: over 「59歳以下」.
    name: 'born on 29 Feb: reaches 60 on 28 Feb 2028 (a reference date given as a day)',
    rules: withMaxAge(59),
    reference: dayRef('2028-02-28'),
    birth: '1968-02-29',
    periods: [p('2020-04-01', '2024-03-31')],
    eligible: false,
    counted: '4年',
    age: 60,
  },
  {
    name: 'born on 29 Feb: still 59 on 27 Feb 2028',
    rules: withMaxAge(59),
    reference: dayRef('2028-02-27'),
    birth: '1968-02-29',
    periods: [p('2020-04-01', '2024-03-31')],
    eligible: true,
    counted: '4年',
    age: 59,
  },
  {
    // The fixed cut-off of the rules file (昭和41年4月2日以降) is applied as written; the age is stated on the
    // reference date: born 1970-01-10, 57 on 31 March 2027.
    name: 'bornOnOrAfter as written, with the age on the reference date',
    birth: '1970-01-10',
    periods: [p('2020-04-01', '2024-03-31')],
    eligible: true,
    counted: '4年',
    age: 57,
  },
  {
    // 1級職 児童福祉: 4 years of which 2 in 児童相談所等 (令和5年度). 2 years 一般 then 児童福祉 from 2025-04-01: at
    // 31 March 2027 exactly 2 years of the field, 4 years in all.
    name: '1級職 児童福祉: 4 years of which 2 in the field, at the reference date',
    periods: [p('2023-04-01', '2025-03-31'), p('2025-04-01', null, { field: 'child-welfare' })],
    qualifications: ['hoikushi'],
    eligible: true,
    counted: '4年',
    variant: ['child-welfare', '2年', true],
  },
  {
    // 3y1m then 児童福祉 from 2025-05-01: one stretch 2022-04-01 to 2027-03-31 = 5 years; the field 1y11m.
    name: '1級職 児童福祉: 1年11か月 in the field is not enough',
    periods: [p('2022-04-01', '2025-04-30'), p('2025-05-01', null, { field: 'child-welfare' })],
    qualifications: ['hoikushi'],
    eligible: true,
    counted: '5年',
    variant: ['child-welfare', '1年11か月', false],
  },
  {
    // 1級職 福祉 accepts 精神保健福祉士, as the site's 福祉 opening lists.
    name: '1級職 福祉: 精神保健福祉士 is accepted',
    periods: [p('2021-04-01', null, { field: 'welfare' })],
    qualifications: ['seishin-hoken-fukushishi'],
    eligible: true,
    counted: '6年',
    variant: ['welfare', '6年', true],
  },
  {
    name: '1級職 福祉: 社会福祉主事任用資格 is accepted',
    periods: [p('2021-04-01', null, { field: 'welfare' })],
    qualifications: ['shakai-fukushi-shuji'],
    eligible: true,
    counted: '6年',
    variant: ['welfare', '6年', true],
  },
];

describe('counted to the reference date of the exam (「受験日の属する年度の末日において」)', () => {
  it('has at least 20 cases', () => {
    expect(refCases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(refCases)('$name', (c) => {
    const today = c.today ?? '2026-12-07';
    const reference = c.reference === undefined ? examRef(2026) : (c.reference ?? undefined);
    const input: PersonInput = { birthDate: c.birth ?? '1990-06-15', periods: c.periods, qualifications: c.qualifications };
    const v = checkRoute(c.rules ?? rules, c.route ?? K1, input, today, reference);
    expect(formatDuration(v.counted)).toBe(c.counted);
    expect(v.eligible).toBe(c.eligible);
    if (c.countedToday !== undefined) expect(v.atToday && formatDuration(v.atToday.counted)).toBe(c.countedToday);
    if (c.prospective !== undefined) expect(v.prospective).toBe(c.prospective);
    if (c.age !== undefined) {
      expect(v.age).toBe(c.age);
      expect(v.conditions.find((x) => x.kind === 'age')?.message).toContain(`時点で${c.age}歳です`);
    }
    if (c.reasons) expect(v.periods.map((x) => x.reasons.map((r) => r.code))).toEqual(c.reasons);
    if (c.variant) {
      const [id, counted, met] = c.variant;
      const x = v.variants.find((y) => y.id === id);
      expect(x && formatDuration(x.counted)).toBe(counted);
      expect(x?.eligible).toBe(met);
    }
  });

  it('says the day and 見込み, with today’s figure beside it', () => {
    const v = checkRoute(rules, K1, { birthDate: '1990-06-15', periods: [p('2023-02-08', null)] }, '2026-12-07', examRef(2026));
    expect(v.summary).toBe('2027年3月31日時点で直近10年のうち通算4年1か月24日（見込み。必要：4年）');
    expect(v.atToday).toMatchObject({
      date: '2026-12-07',
      summary: '本日（2026年12月7日）時点では直近10年のうち通算3年10か月',
      experienceMet: false,
    });
    expect(v.window).toEqual({ years: 10, start: '2017-04-01', end: '2027-03-31' });
  });

  it('derives the birth-date cut-off from 「N歳以下」 on the reference date', () => {
    expect(bornOnOrAfterFor(60, '2027-03-31')).toBe('1966-04-02');
    expect(bornOnOrAfterFor(59, '2028-03-31')).toBe('1968-04-02');
    // 28 Feb 2028: someone born 29 Feb 1968 reaches 60 that day; born 1 Mar 1968, on 29 Feb 2028, the day after.
    expect(bornOnOrAfterFor(59, '2028-02-28')).toBe('1968-03-01');
    expect(ageReachedOn('1968-02-29', 59)).toBe('2027-02-28');
    expect(ageReachedOn('1968-03-01', 60)).toBe('2028-02-29');
    expect(ageOn('1966-04-01', '2027-03-30')).toBe(60);
    expect(ageOn('1966-04-01', '2027-03-31')).toBe(61);
  });
});

describe('each route’s reference date', () => {
  const calendars = ['2026', '2027'].map((y) => examCalendarSchema.parse(parse(readFileSync(`content/exams/${y}.yaml`, 'utf8'))));
  const route = (id: string) => {
    const r = rules.routes.find((x) => x.id === id);
    if (!r) throw new Error(id);
    return r;
  };

  it('is 31 March of the fiscal year of the exam whose window is open or next', () => {
    // The 2026 window closes on 13 July 2026 (content/exams/2026.yaml): up to that day, 令和8年度 (31 Mar 2027);
    // from the next day, the 令和9年度 exam (31 Mar 2028).
    expect(referenceFor(route(K1), calendars, '2026-07-13')).toMatchObject({ date: '2027-03-31', basis: 'exam' });
    expect(referenceFor(route(K1), calendars, '2026-07-14')).toMatchObject({ date: '2028-03-31', basis: 'exam' });
    expect(referenceFor(route(K3), calendars, '2026-12-07').exam).toMatchObject({ fiscalYear: 2027 });
  });

  it('says so when the calendar has no exam for the route, and counts to today', () => {
    expect(referenceFor(route(K1), [], '2026-12-07')).toMatchObject({ date: '2026-12-07', basis: 'today', missingExam: true });
  });

  it('the ward’s routes count to what the rules say (today, with an unverified source)', () => {
    for (const id of [NIN, SEN]) {
      const ref = referenceFor(route(id), calendars, '2026-12-07');
      expect(ref).toMatchObject({ date: '2026-12-07', basis: 'today' });
      expect(ref.source).toMatch(/^要確認/);
    }
  });

  it('1級職 福祉 accepts the qualifications the 福祉 opening lists', () => {
    const job = readFileSync('content/jobs/fukushi-caseworker-keiken-2027.md', 'utf8');
    const listed = /qualifications:\n((?:\s+- .+\n)+)/.exec(job)?.[1] ?? '';
    const welfare = route(K1).variants.find((v) => v.id === 'welfare');
    const labels = (welfare?.qualifications ?? []).map((q) => rules.qualifications.find((x) => x.id === q)?.label);
    expect(labels).toEqual(['社会福祉士', '精神保健福祉士', '社会福祉主事任用資格']);
    // The opening names each of them, and no other licence of the rules.
    for (const label of labels) expect(listed).toContain(label);
    for (const q of rules.qualifications) if (!labels.includes(q.label)) expect(listed).not.toContain(q.label);
  });

  it('every rule of every route names its source', () => {
    for (const r of rules.routes) {
      expect(r.countsTo?.source, r.id).toBeTruthy();
      expect(r.window.source, r.id).toBeTruthy();
      if (r.ageLimit) expect(r.ageLimit.source, r.id).toBeTruthy();
      if (r.qualifications.length > 0) expect(r.qualificationsSource, r.id).toBeTruthy();
    }
  });
});
