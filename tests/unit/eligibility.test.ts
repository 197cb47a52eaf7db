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
  checkEligibility,
  checkRoute,
  countedLength,
  formatDuration,
  formatTotal,
  type Interval,
  measure,
  type PersonInput,
  type ReasonCode,
  type WorkPeriod,
} from '../../src/lib/eligibility';
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
    name: 'born 2 Apr 1966 (昭和41年4月2日) is within the age limit',
    birth: '1966-04-02',
    periods: [p('2020-04-01', '2024-03-31')],
    eligible: true,
    counted: '4年',
  },
  {
    name: 'born 1 Apr 1966 is over the age limit',
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
    expect(v.conditions[1]?.message).toBe('年齢：昭和41年（1966年）4月2日以降に生まれた方が対象です。条件を満たしています。');
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
