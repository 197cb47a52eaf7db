/**
 * The starting-pay estimator: every worked example (モデル給与) in content/rules/2026.yaml reproduced to the yen, both by
 * reproduceExample and by estimatePay from a person with real dates; then the edges of the conversion.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dateOf, dayNumber } from '../../src/lib/calendar';
import { parseRules } from '../../src/lib/content-checks';
import type { WorkPeriod } from '../../src/lib/eligibility';
import { answerChecker } from '../../src/lib/eligibility-form';
import { resultHtml } from '../../src/lib/eligibility-view';
import { estimatePay, formatRange, type PayInput, reproduceExample, routePayRange } from '../../src/lib/pay';

const file = 'content/rules/2026.yaml';
const rules = parseRules(file, parse(readFileSync(file, 'utf8')));
const TODAY = '2026-07-01';
/** The 特別区 1級職 route: asking about it estimates the three 特別区 grades together. */
const K1 = 'tokubetsuku-keiken-1';

const p = (from: string, to: string | null, kind = 'regular', hoursPerWeek = 38.75): WorkPeriod => ({ from, to, hoursPerWeek, kind });
const grade = (input: PayInput, id: string, today = TODAY) => {
  const g = estimatePay(rules, input, today).grades.find((x) => x.gradeId === id);
  if (!g) throw new Error(`no grade ${id}`);
  return g;
};

describe('the worked examples (モデル給与)', () => {
  it('the rules publish at least three, marked as samples', () => {
    expect(rules.examples.length).toBeGreaterThanOrEqual(3);
    expect(rules.sample).toBe(true);
  });

  it.each(rules.examples.map((e) => [e.label, e] as const))('%s: reproduced to the yen', (_, example) => {
    expect(reproduceExample(rules, example)).toEqual(example.expected);
  });

  it('大学卒・民間正社員4年 is 293,400円 a month, of the order Tokyo publishes', () => {
    const ex = rules.examples.find((e) => e.id === 'daigaku-minkan-4');
    expect(ex?.expected).toEqual({ step: 45, basePay: 244500, regionalAllowance: 48900, monthly: 293400, yearly: 4855770 });
  });

  /** The same histories with real dates, as a person would enter them: estimatePay gives the published figures. */
  const people: [string, PayInput, string, { step: number; monthly: number; yearly: number }][] = [
    [
      'daigaku-minkan-4',
      { route: K1, education: 'university', birthDate: '1996-09-10', periods: [p('2019-04-01', '2023-03-31')] },
      'grade-1',
      { step: 45, monthly: 293400, yearly: 4855770 },
    ],
    [
      'daigaku-seishain-keiyaku',
      {
        route: K1,
        education: 'university',
        birthDate: '1995-05-20',
        periods: [p('2018-04-01', '2021-03-31'), p('2021-04-01', '2023-03-31', 'contract')],
      },
      'grade-1',
      { step: 47, monthly: 297960, yearly: 4931238 },
    ],
    [
      'koukou-minkan-6',
      { route: K1, education: 'high-school', birthDate: '2000-08-01', periods: [p('2019-04-01', '2025-03-31')] },
      'grade-1',
      { step: 37, monthly: 275160, yearly: 4553898 },
    ],
    [
      'daigaku-shunin-10',
      { route: K1, education: 'university', birthDate: '1990-06-15', periods: [p('2013-04-01', '2023-03-31')] },
      'grade-2',
      { step: 39, monthly: 331800, yearly: 5491290 },
    ],
    [
      'daigaku-kakaricho-15',
      { route: K1, education: 'university', birthDate: '1985-10-01', periods: [p('2008-04-01', '2023-03-31')] },
      'grade-3',
      { step: 33, monthly: 364320, yearly: 6029496 },
    ],
    [
      'daigaku-ninkitsuki-6',
      { route: 'ku-ninkitsuki', education: 'university', birthDate: '1996-12-01', periods: [p('2019-04-01', '2025-03-31')] },
      'ku-ninkitsuki',
      { step: 35, monthly: 324600, yearly: 5372130 },
    ],
    [
      'daigakuin-shinri-3',
      { route: 'ku-senmon', education: 'graduate-school', birthDate: '1997-07-07', periods: [p('2022-04-01', '2025-03-31')] },
      'ku-senmon',
      { step: 49, monthly: 302520, yearly: 5006706 },
    ],
  ];
  it('covers every worked example', () => {
    expect(people.map(([id]) => id).sort()).toEqual(rules.examples.map((e) => e.id).sort());
  });
  it.each(people)('%s: estimatePay from real dates gives the published figures', (id, input, gradeId, want) => {
    const ex = rules.examples.find((e) => e.id === id);
    expect(ex).toBeDefined();
    const g = grade(input, gradeId);
    expect({ step: g.step.low, monthly: g.monthly.low, yearly: g.yearly.low }).toEqual(want);
    expect({ step: ex?.expected.step, monthly: ex?.expected.monthly, yearly: ex?.expected.yearly }).toEqual(want);
  });
});

describe('estimatePay', () => {
  const fourYears: PayInput = { route: K1, education: 'university', birthDate: '1996-09-10', periods: [p('2019-04-01', '2023-03-31')] };

  it('with no experience: the 初任給 of the education', () => {
    const g = grade({ route: K1, education: 'university', birthDate: '2003-06-01', periods: [] }, 'grade-1');
    expect(g).toMatchObject({ startingStep: 29, step: { low: 29, high: 29 }, basePay: { low: 214100, high: 214100 } });
    expect(g.monthly).toEqual({ low: 256920, high: 256920 });
    expect(g.yearly).toEqual({ low: 4252026, high: 4252026 });
  });

  it('counts experience only from the April after graduation age', () => {
    const g = grade({ ...fourYears, periods: [p('2017-04-01', '2023-03-31')] }, 'grade-1');
    expect(g.step.low).toBe(45);
    expect(estimatePay(rules, fourYears, TODAY).countsFrom).toBe('2019-04-01');
    expect(estimatePay(rules, { ...fourYears, education: 'graduate-school' }, TODAY).countsFrom).toBe('2021-04-01');
  });

  it('counts an ongoing job and a future end date only up to today', () => {
    expect(grade({ ...fourYears, periods: [p('2022-07-01', null)] }, 'grade-1', '2026-06-30').monthly.low).toBe(293400);
    expect(grade({ ...fourYears, periods: [p('2022-07-01', '2028-03-31')] }, 'grade-1', '2026-06-30').monthly.low).toBe(293400);
  });

  it('counts overlapping periods once, at the higher share', () => {
    const g = grade({ ...fourYears, periods: [p('2019-04-01', '2023-03-31'), p('2020-04-01', '2021-03-31', 'dispatch')] }, 'grade-1');
    expect(g.monthly).toEqual({ low: 293400, high: 293400 });
    const partly = grade({ ...fourYears, periods: [p('2019-04-01', '2021-03-31'), p('2021-01-01', '2023-03-31', 'dispatch')] }, 'grade-1');
    expect(partly.step).toEqual({ low: 43, high: 45 });
    expect(partly.monthly).toEqual({ low: 288840, high: 293400 });
  });

  it('shows a range when a share depends on the duties, and says why', () => {
    const e = estimatePay(
      rules,
      {
        route: K1,
        education: 'university',
        birthDate: '1995-05-20',
        periods: [p('2018-04-01', '2021-03-31'), p('2021-04-01', '2023-03-31', 'contract')],
      },
      TODAY,
    );
    expect(e.likely.monthly).toEqual({ low: 297960, high: 302520 });
    expect(formatRange(e.likely.monthly)).toBe('297,960円〜302,520円');
    expect(e.assumptions).toContain('経験の換算率が職務内容によって変わるため、低い換算率と高い換算率の両方で試算しています。');
    expect(e.convertedExperience).toEqual({ low: { years: 4, months: 7, days: 6 }, high: { years: 5, months: 0, days: 0 } });
  });

  it('converts a period under 29 hours a week at 50%, whatever its kind', () => {
    expect(grade({ ...fourYears, periods: [p('2019-04-01', '2023-03-31', 'part-time', 20)] }, 'grade-1').monthly).toEqual({
      low: 275160,
      high: 275160,
    });
    expect(grade({ ...fourYears, periods: [p('2019-04-01', '2023-03-31', 'contract', 20)] }, 'grade-1').monthly).toEqual({
      low: 275160,
      high: 275160,
    });
  });

  it('counts 育休 at its share', () => {
    const g = grade(
      {
        ...fourYears,
        periods: [p('2019-04-01', '2021-03-31'), p('2021-04-01', '2022-03-31', 'childcare-leave'), p('2022-04-01', '2023-03-31')],
      },
      'grade-1',
    );
    expect(g.monthly.low).toBe(293400);
  });

  it('caps the steps experience adds, and says so', () => {
    const e = estimatePay(
      rules,
      { route: K1, education: 'university', birthDate: '1985-10-01', periods: [p('2008-04-01', '2026-03-31')] },
      TODAY,
    );
    const g1 = e.grades.find((g) => g.gradeId === 'grade-1');
    expect(g1).toMatchObject({
      experienceSteps: { low: 40, high: 40 },
      step: { low: 69, high: 69 },
      basePay: { low: 290100, high: 290100 },
      capped: true,
    });
    expect(e.likely).toMatchObject({ gradeId: 'grade-3', step: { low: 41, high: 41 }, capped: true });
    expect(e.assumptions).toContain('経験による加算が上限（3級職（係長級）：20号給）に達しています。');
  });

  it('adds only the years beyond those a grade already includes', () => {
    expect(grade(fourYears, 'grade-2')).toMatchObject({
      startingStep: 31,
      experienceSteps: { low: 0, high: 0 },
      basePay: { low: 264500, high: 264500 },
    });
  });

  it('adds 扶養手当 with its 地域手当 to the monthly and yearly figures', () => {
    const g = grade({ ...fourYears, dependents: { spouse: true, children: 2 } }, 'grade-1');
    expect(g.dependentsAllowance).toBe(29500);
    expect(g.monthly.low).toBe(293400);
    expect(g.monthlyWithDependents.low).toBe(328800);
    expect(g.yearly.low).toBe(5441640);
  });

  it('rounds each allowance down to the yen', () => {
    const odd = structuredClone(rules);
    odd.pay.regionalAllowancePercent = 15.5;
    odd.pay.bonusMonths = 4.45;
    const g = estimatePay(odd, fourYears, TODAY).grades[0];
    expect(g).toMatchObject({
      regionalAllowance: { low: 37897 },
      monthly: { low: 282397 },
      bonus: { low: 1256666 },
      yearly: { low: 4645430 },
    });
  });

  it('picks the highest grade the person can apply to', () => {
    const twoEmployers = { ...fourYears, periods: [p('2019-04-01', '2021-03-31'), p('2021-04-01', '2023-05-31', 'dispatch')] };
    const e = estimatePay(rules, twoEmployers, TODAY);
    expect(e.likely.gradeId).toBe('grade-1');
    expect(e.grades.map((g) => [g.gradeId, g.eligible])).toEqual([
      ['grade-1', true],
      ['grade-2', false],
      ['grade-3', false],
    ]);
    expect(e.assumptions[1]).toBe('応募できる職級のうち最も高い1級職で採用された場合の額です。');
    const senior = estimatePay(
      rules,
      { route: K1, education: 'university', birthDate: '1990-06-15', periods: [p('2013-04-01', null)] },
      TODAY,
    );
    expect(senior.likely.gradeId).toBe('grade-3');
  });

  it('estimates 1級職 when no grade is open, and says so', () => {
    const e = estimatePay(rules, { ...fourYears, periods: [p('2022-04-01', '2024-03-31')] }, TODAY);
    expect(e.likely.gradeId).toBe('grade-1');
    expect(e.likely.eligible).toBe(false);
    expect(e.assumptions).toContain('いずれの職級の応募資格も満たしていないため、1級職で試算しています。');
  });

  it('spells out every assumption, starting with the sample notice', () => {
    const e = estimatePay(rules, fourYears, TODAY);
    expect(e.assumptions[0]).toBe('この試算の数値はサンプルです。区が確認した数値に置き換えるまで、実際の給与とは異なります。');
    expect(e.assumptions).toEqual(
      expect.arrayContaining([
        '大学卒の初任給（1級職29号給）を基準にしています。',
        '職務経験は2019年4月1日（大学卒の方が卒業する年度の翌年度の初日）以降の期間を数えます。',
        '地域手当は給料月額（扶養手当を含む）の20%です。',
        '年額は月額の12か月分と期末・勤勉手当4.55か月分の合計です。住居手当・通勤手当・超過勤務手当は含みません。',
        '実際の初任給は、採用が決まった後に経歴を確認して決定します。この額は目安です。',
      ]),
    );
    expect(e.assumptions.join('')).not.toContain('低い換算率と高い換算率');
  });

  it('refuses an education the rules do not have', () => {
    expect(() => estimatePay(rules, { ...fourYears, education: 'phd' }, TODAY)).toThrow(RangeError);
  });

  it("estimates the grades of the route's family only: the 特別区 grades together, a ward route alone", () => {
    const ids = (route: string) => estimatePay(rules, { ...fourYears, route }, TODAY).grades.map((g) => g.gradeId);
    expect(ids('tokubetsuku-keiken-2')).toEqual(['grade-1', 'grade-2', 'grade-3']);
    expect(ids('ku-ninkitsuki')).toEqual(['ku-ninkitsuki']);
    expect(ids('ku-senmon')).toEqual(['ku-senmon']);
    // 4年3か月 of ICT work by today: eligible (3 of the last 5 years), and 1年3か月 beyond the 3 the grade includes: 5号給.
    const ictWork = { ...p('2022-04-01', null), field: 'ict' };
    const ict = estimatePay(rules, { ...fourYears, route: 'ku-ninkitsuki', periods: [ictWork] }, TODAY);
    expect(ict.likely).toMatchObject({ gradeId: 'ku-ninkitsuki', eligible: true, step: { low: 23 + 5, high: 23 + 5 } });
    expect(ict.assumptions).toContain('任期付職員（2級職相当）の初任給は職務経験3年を含んでいるため、3年を超える分を加算します。');
    expect(ict.assumptions[1]).toBe('任期付職員（2級職相当）で採用された場合の額です。');
    const short = estimatePay(
      rules,
      { ...fourYears, route: 'ku-ninkitsuki', periods: [{ ...p('2025-04-01', null), field: 'ict' }] },
      TODAY,
    );
    expect(short.assumptions[1]).toBe(
      '応募資格を満たしていませんが、参考として任期付職員（2級職相当）で採用された場合の額を試算しています。',
    );
  });

  it('refuses a route without a pay grade, and an unknown route', () => {
    const without = structuredClone(rules);
    without.pay.grades = without.pay.grades.filter((g) => g.route !== 'ku-senmon');
    expect(() => estimatePay(without, { ...fourYears, route: 'ku-senmon' }, TODAY)).toThrow(RangeError);
    expect(() => estimatePay(rules, { ...fourYears, route: 'no-such-route' }, TODAY)).toThrow(RangeError);
  });
});

describe('the checker answer without pay rules for the route', () => {
  it('gives the verdict, and says the pay is in the selection guide instead of estimating another route', () => {
    const without = structuredClone(rules);
    without.pay.grades = without.pay.grades.filter((g) => g.route !== 'ku-senmon');
    const input = {
      route: 'ku-senmon',
      birthDate: '1990-05-10',
      education: 'graduate-school',
      rows: [{ row: 1, period: { ...p('2021-04-01', '2025-03-31'), field: 'psychology' } }],
    };
    const answer = answerChecker(without, input, TODAY);
    expect(answer).toMatchObject({ payAvailable: false, pay: null });
    expect(answer.eligibility.routes.map((r) => r.routeId)).toEqual(['ku-senmon']);
    const page = resultHtml(without, input, answer, { standalone: true });
    expect(page).toContain('この選考には初任給の試算がありません。初任給は、選考案内でご確認ください。');
    expect(page).not.toContain('worked-examples');
    // With its pay grade, the same person gets an estimate for that grade alone, beside its worked example.
    const withPay = answerChecker(rules, input, TODAY);
    expect(withPay.pay?.grades.map((g) => g.gradeId)).toEqual(['ku-senmon']);
    expect(resultHtml(rules, input, withPay, { standalone: true })).toContain('大学院修了・心理職の常勤として3年（専門人材）');
  });
});

describe('the pay range an opening states (routePayRange)', () => {
  const table = (gradeId: string) => {
    const g = rules.pay.grades.find((x) => x.id === gradeId);
    if (!g) throw new Error(`no grade ${gradeId}`);
    /** 本給 of a 号給, plus 地域手当 at 20%, rounded down as the rules say. */
    return (step: number) => {
      const base = g.table.firstStepPay + (step - 1) * g.table.stepIncrement;
      return base + Math.floor(base * 0.2);
    };
  };

  it('1級職: from 高校卒 (13号給) with 4 years at the lowest share (50%: 8号給), to 大学院修了 (37号給) + the 40号給 cap', () => {
    const monthly = table('grade-1');
    expect(routePayRange(rules, 'tokubetsuku-keiken-1')).toEqual({ low: monthly(13 + 8), high: monthly(37 + 40) });
  });

  it('2級職 and 3級職 already include the required years: from the lowest 初任給 step to the highest step with the cap', () => {
    expect(routePayRange(rules, 'tokubetsuku-keiken-2')).toEqual({ low: table('grade-2')(23), high: table('grade-2')(35 + 24) });
    expect(routePayRange(rules, 'tokubetsuku-keiken-3')).toEqual({ low: table('grade-3')(13), high: table('grade-3')(25 + 20) });
  });

  it("the ward's routes: 任期付 includes its 3 required years; 専門人材 adds them at the lowest share (50%: 6号給)", () => {
    expect(routePayRange(rules, 'ku-ninkitsuki')).toEqual({ low: table('ku-ninkitsuki')(15), high: table('ku-ninkitsuki')(27 + 32) });
    expect(routePayRange(rules, 'ku-senmon')).toEqual({ low: table('ku-senmon')(13 + 6), high: table('ku-senmon')(37 + 40) });
  });

  it('is undefined for a route without a pay grade (the opening then states its own pay)', () => {
    const without = structuredClone(rules);
    without.pay.grades = without.pay.grades.filter((g) => g.route !== 'ku-senmon');
    expect(routePayRange(without, 'ku-senmon')).toBeUndefined();
    expect(routePayRange(rules, 'no-such-route')).toBeUndefined();
  });

  it('holds every estimate of a person eligible for the grade (property)', () => {
    const kinds = rules.kinds.map((k) => k.id);
    const period = fc
      .record({
        start: fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2026-06-30') }),
        length: fc.integer({ min: 0, max: 6000 }),
        ongoing: fc.boolean(),
        hours: fc.constantFrom(20, 29, 38.75, 45),
        kind: fc.constantFrom(...kinds),
      })
      .map(
        (r): WorkPeriod => ({
          from: dateOf(r.start),
          to: r.ongoing ? null : dateOf(r.start + r.length),
          hoursPerWeek: r.hours,
          kind: r.kind,
        }),
      );
    const person = fc.record({
      route: fc.constantFrom(...rules.pay.grades.map((g) => g.route)),
      education: fc.constantFrom(...rules.pay.educations.map((e) => e.id)),
      birthDate: fc.integer({ min: dayNumber('1967-01-01'), max: dayNumber('2000-12-31') }).map(dateOf),
      periods: fc.array(period, { minLength: 1, maxLength: 5 }),
    });
    let eligible = 0;
    fc.assert(
      fc.property(person, (input) => {
        for (const g of estimatePay(rules, input, TODAY).grades.filter((x) => x.eligible)) {
          const range = routePayRange(rules, g.routeId);
          expect(range).toBeDefined();
          expect(g.monthly.low).toBeGreaterThanOrEqual(range?.low ?? Number.NaN);
          expect(g.monthly.high).toBeLessThanOrEqual(range?.high ?? Number.NaN);
          eligible++;
        }
      }),
      { numRuns: 600 },
    );
    expect(eligible).toBeGreaterThan(50); // the property met eligible people, not only the others
  });
});
