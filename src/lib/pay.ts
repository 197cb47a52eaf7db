/**
 * Starting pay from education, date of birth and work history, under one fiscal year's rules
 * (content/rules/<year>.yaml): the likely grade and 号給, monthly pay (本給 + 地域手当) and a yearly figure with
 * bonuses, as a range when a share of experience depends on the duties, with every assumption spelled out.
 * Pure: no clock, no storage. The same function reproduces the worked examples (モデル給与) the page publishes; the
 * content checks (src/lib/content-checks.ts) recompute each of them at build and stop on any yen of difference.
 *
 * How experience converts (tests/unit/pay.test.ts):
 * - It counts from 1 April after the fiscal year in which the person reaches the education's graduation age
 *   (22 for 大学卒), up to today; a period in the future is not counted.
 * - Each day counts once, at the highest share among the periods that cover it (正社員 100%, 契約・派遣 80–100% …);
 *   a period under the full-time hours converts at the short-hours share at most.
 * - Stretches of equal share are measured on the calendar (whole months and days, a month being 30 days when they
 *   are added up) and multiplied by their share; every converted year adds `stepsPerYear` 号給, fractions dropped.
 * - A grade whose starting step already includes N years adds only the converted years beyond N; the steps added
 *   are capped by the grade's `maxExperienceSteps` and its highest 号給.
 * - Yen are rounded down at each allowance: 地域手当 = ⌊(本給 + 扶養手当) × rate⌋, bonus = ⌊monthly × months⌋.
 */
import { rulesCopy } from '../i18n/rules';
import type { ExampleFigures, PayGrade, Route, Rules, WorkedExample } from '../schemas/rules';
import {
  addMonths,
  aprilAfterFiscalYearOfAge,
  type CalendarDate,
  type Duration,
  dateOf,
  dayNumber,
  isCalendarDate,
  lengthBetween,
} from './calendar';
import { checkRoute, familyOf, type WorkPeriod } from './eligibility';
import { formatYen } from './format';

export interface PayInput {
  /** The route asked about: the pay grades of its family (familyOf) are estimated, and no others. */
  route: string;
  /** Id from the rules' `pay.educations` (university, junior-college, high-school …). */
  education: string;
  birthDate: CalendarDate;
  periods: readonly WorkPeriod[];
  /** Family members supported, for 扶養手当. */
  dependents?: { spouse?: boolean | undefined; children?: number | undefined; others?: number | undefined } | undefined;
  /** Ids from the rules' `qualifications`, passed on to the eligibility check. */
  qualifications?: readonly string[] | undefined;
}

/** A figure that depends on assumptions: equal ends when nothing is uncertain. */
export interface Range {
  low: number;
  high: number;
}

export interface GradeEstimate {
  gradeId: string;
  /** e.g. 「1級職」 */
  label: string;
  /** The route whose eligibility opens the grade. */
  routeId: string;
  eligible: boolean;
  needsConfirmation: boolean;
  /** 初任給 step for the education, before experience. */
  startingStep: number;
  /** 号給 added for experience (after the included years and the cap). */
  experienceSteps: Range;
  step: Range;
  /** 本給 (給料月額). */
  basePay: Range;
  /** 地域手当 on 本給. */
  regionalAllowance: Range;
  /** 本給 + 地域手当: the figure the worked examples and job pages quote. */
  monthly: Range;
  /** 扶養手当 before its 地域手当; 0 without dependents. */
  dependentsAllowance: number;
  /** 本給 + 扶養手当 + 地域手当 on both. */
  monthlyWithDependents: Range;
  /** 期末・勤勉手当 for a year. */
  bonus: Range;
  /** monthlyWithDependents × 12 + bonus. */
  yearly: Range;
  /** The experience steps or the 号給 reached a cap. */
  capped: boolean;
}

export interface PayEstimate {
  education: { id: string; label: string };
  /** First day experience converts, for this education. */
  countsFrom: CalendarDate;
  /** Experience after conversion (share applied), low and high. */
  convertedExperience: { low: Duration; high: Duration };
  /** Every grade of the route's family in the rules' order, whether the person can apply to it or not. */
  grades: GradeEstimate[];
  /** The highest of those grades the person can apply to; the first when none. */
  likely: GradeEstimate;
  /** Every assumption, in Japanese, in the order the page lists them. */
  assumptions: string[];
  /** The rules' figures are samples. */
  sample: boolean;
}

/** Hundredths of a percent (or of a month), exactly: 20 → 2000, 4.6 → 460. */
const hundredths = (n: number) => Math.round(n * 100);
/** One converted year: 100% (10000 hundredths of a percent) × 12 months × 30 days. */
const UNITS_PER_YEAR = 10_000 * 360;

interface Converted {
  /** Σ share (hundredths of a percent) × length (30-day-month days). */
  units: Range;
}

/** Experience converted at the low and the high shares. */
function convert(rules: Rules, periods: readonly WorkPeriod[], start: number, today: number): Converted {
  const shares = new Map(rules.pay.experience.shares.map((s) => [s.kind, s]));
  const { fullTimeHoursPerWeek, shortHoursPercent } = rules.pay.experience;
  const pieces: { from: number; to: number; low: number; high: number }[] = [];
  for (const p of periods) {
    if (!isCalendarDate(p.from) || (p.to !== null && !isCalendarDate(p.to)) || (p.to !== null && p.to < p.from)) continue;
    const share = shares.get(p.kind);
    if (!share) continue;
    const from = Math.max(dayNumber(p.from), start);
    const to = Math.min(p.to === null ? today : dayNumber(p.to), today) + 1;
    if (to <= from) continue;
    let low = hundredths(share.percent);
    let high = hundredths(share.upToPercent ?? share.percent);
    if (!(p.hoursPerWeek >= fullTimeHoursPerWeek)) {
      low = Math.min(low, hundredths(shortHoursPercent));
      high = Math.min(high, hundredths(shortHoursPercent));
    }
    pieces.push({ from, to, low, high });
  }
  const cuts = [...new Set(pieces.flatMap((p) => [p.from, p.to]))].sort((a, b) => a - b);
  const unitsAt = (which: 'low' | 'high') => {
    // Each day at the highest share covering it; runs of equal share measured on the calendar.
    const runs: { from: number; to: number; share: number }[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const a = cuts[i] as number;
      const b = cuts[i + 1] as number;
      const share = pieces.filter((p) => p.from <= a && p.to >= b).reduce((m, p) => Math.max(m, p[which]), 0);
      if (share === 0) continue;
      const last = runs[runs.length - 1];
      if (last && last.to === a && last.share === share) last.to = b;
      else runs.push({ from: a, to: b, share });
    }
    return runs.reduce((sum, r) => {
      const d = lengthBetween(r.from, r.to);
      return sum + r.share * ((d.years * 12 + d.months) * 30 + d.days);
    }, 0);
  };
  return { units: { low: unitsAt('low'), high: unitsAt('high') } };
}

const asDuration = (units: number): Duration => {
  const days = Math.floor(units / 10_000);
  const months = Math.floor(days / 30);
  return { years: Math.floor(months / 12), months: months % 12, days: days % 30 };
};

interface GradeFigures {
  experienceSteps: number;
  step: number;
  basePay: number;
  regionalAllowance: number;
  monthly: number;
  monthlyWithDependents: number;
  bonus: number;
  yearly: number;
  capped: boolean;
}

/** The pay of one grade for converted experience `units` (one end of a range). */
function gradeFigures(rules: Rules, grade: PayGrade, startingStep: number, units: number, dependents: number): GradeFigures {
  const beyond = Math.max(0, units - grade.includedYears * UNITS_PER_YEAR);
  const raw = Math.floor((beyond * rules.pay.experience.stepsPerYear) / UNITS_PER_YEAR);
  const experienceSteps = Math.min(raw, grade.maxExperienceSteps);
  const step = Math.min(startingStep + experienceSteps, grade.table.maxStep);
  const basePay = grade.table.firstStepPay + (step - 1) * grade.table.stepIncrement;
  const rate = hundredths(rules.pay.regionalAllowancePercent);
  const regionalAllowance = Math.floor((basePay * rate) / 10_000);
  const monthlyWithDependents = basePay + dependents + Math.floor(((basePay + dependents) * rate) / 10_000);
  const bonus = Math.floor((monthlyWithDependents * hundredths(rules.pay.bonusMonths)) / 100);
  return {
    experienceSteps: step - startingStep,
    step,
    basePay,
    regionalAllowance,
    monthly: basePay + regionalAllowance,
    monthlyWithDependents,
    bonus,
    yearly: monthlyWithDependents * 12 + bonus,
    capped: raw > grade.maxExperienceSteps || startingStep + experienceSteps > grade.table.maxStep,
  };
}

/**
 * The estimate for a person: each grade of the route's family with its eligibility, the likely grade, and the
 * assumptions. Throws RangeError on an education the rules do not have, a route without a pay grade (see
 * routePayRange) or a malformed date.
 */
export function estimatePay(rules: Rules, input: PayInput, today: CalendarDate): PayEstimate {
  const education = rules.pay.educations.find((e) => e.id === input.education);
  if (!education) throw new RangeError(`unknown education: ${input.education}`);
  const family = familyOf(rules, input.route);
  const payGrades = rules.pay.grades.filter((g) => family.includes(g.route));
  if (payGrades.length === 0) throw new RangeError(`no pay grade for route: ${input.route}`);
  const todayN = dayNumber(today);
  const countsFrom = aprilAfterFiscalYearOfAge(input.birthDate, education.startingAge);
  const { units } = convert(rules, input.periods, dayNumber(countsFrom), todayN);
  const d = rules.pay.dependents;
  const dependents =
    (input.dependents?.spouse ? d.spouse : 0) + (input.dependents?.children ?? 0) * d.child + (input.dependents?.others ?? 0) * d.other;

  const grades = payGrades.map((grade): GradeEstimate => {
    const startingStep = grade.startingSteps[education.id];
    if (startingStep === undefined) throw new RangeError(`no starting step for ${education.id} in ${grade.id}`);
    const low = gradeFigures(rules, grade, startingStep, units.low, dependents);
    const high = gradeFigures(rules, grade, startingStep, units.high, dependents);
    const verdict = checkRoute(
      rules,
      grade.route,
      { birthDate: input.birthDate, periods: input.periods, qualifications: input.qualifications },
      today,
    );
    const range = (k: keyof Omit<GradeFigures, 'capped'>): Range => ({ low: low[k], high: high[k] });
    return {
      gradeId: grade.id,
      label: grade.label,
      routeId: grade.route,
      eligible: verdict.eligible,
      needsConfirmation: verdict.needsConfirmation,
      startingStep,
      experienceSteps: range('experienceSteps'),
      step: range('step'),
      basePay: range('basePay'),
      regionalAllowance: range('regionalAllowance'),
      monthly: range('monthly'),
      dependentsAllowance: dependents,
      monthlyWithDependents: range('monthlyWithDependents'),
      bonus: range('bonus'),
      yearly: range('yearly'),
      capped: low.capped || high.capped,
    };
  });
  const eligible = grades.filter((g) => g.eligible);
  const likely = (eligible[eligible.length - 1] ?? grades[0]) as GradeEstimate;
  const likelyGrade = payGrades.find((g) => g.id === likely.gradeId) as PayGrade;

  const a = rulesCopy.assumptions;
  const kindLabel = new Map(rules.kinds.map((k) => [k.id, k.label]));
  const shareText = rules.pay.experience.shares
    .map(
      (s) =>
        `${kindLabel.get(s.kind) ?? s.kind}${s.upToPercent !== undefined && s.upToPercent !== s.percent ? `${s.percent}〜${s.upToPercent}` : s.percent}%`,
    )
    .join('、');
  const assumptions = [
    ...(rules.sample ? [a.sample] : []),
    grades.length === 1
      ? likely.eligible
        ? a.only(likely.label)
        : a.onlyNotEligible(likely.label)
      : eligible.length > 0
        ? a.likely(likely.label)
        : a.notEligible(likely.label),
    a.education(education.label, likely.label, likely.startingStep),
    a.countsFrom(education.label, countsFrom),
    a.shares(shareText),
    a.shortHours(rules.pay.experience.fullTimeHoursPerWeek, rules.pay.experience.shortHoursPercent),
    a.overlaps,
    a.stepsPerYear(rules.pay.experience.stepsPerYear),
    ...(likelyGrade.includedYears > 0 ? [a.included(likely.label, likelyGrade.includedYears)] : []),
    likely.capped ? a.capReached(likely.label, likelyGrade.maxExperienceSteps) : a.cap(likely.label, likelyGrade.maxExperienceSteps),
    ...(likely.step.high >= likelyGrade.table.maxStep ? [a.maxStep(likely.label, likelyGrade.table.maxStep)] : []),
    a.regional(rules.pay.regionalAllowancePercent),
    dependents > 0 ? a.dependents(dependents) : a.noDependents,
    a.yearly(rules.pay.bonusMonths),
    ...(units.low !== units.high ? [a.range] : []),
    a.estimateOnly,
  ];

  return {
    education: { id: education.id, label: education.label },
    countsFrom,
    convertedExperience: { low: asDuration(units.low), high: asDuration(units.high) },
    grades,
    likely,
    assumptions,
    sample: rules.sample,
  };
}

/**
 * A worked example's figures, computed by estimatePay from a person the example describes: born on 2 April so that
 * experience counts from 1 April 2013, then each stretch of the example's history in order, full time, and today the
 * last day of it. The content checks compare the result with the example's `expected`, to the yen
 * (workedExampleProblems in src/lib/content-checks.ts).
 */
export function reproduceExample(rules: Rules, example: WorkedExample): ExampleFigures {
  const education = rules.pay.educations.find((e) => e.id === example.education);
  if (!education) throw new RangeError(`unknown education: ${example.education}`);
  const birthDate = `${2012 - education.startingAge}-04-02`;
  let cursor = dayNumber('2013-04-01');
  const periods: WorkPeriod[] = [];
  for (const item of example.experience) {
    const months = item.years * 12 + item.months;
    if (months === 0) continue;
    const next = addMonths(cursor, months);
    periods.push({ from: dateOf(cursor), to: dateOf(next - 1), hoursPerWeek: 38.75, kind: item.kind });
    cursor = next;
  }
  const today = dateOf(Math.max(cursor - 1, dayNumber('2013-04-01')));
  const route = rules.pay.grades.find((g) => g.id === example.grade)?.route;
  if (route === undefined) throw new RangeError(`unknown grade: ${example.grade}`);
  const estimate = estimatePay(rules, { route, education: education.id, birthDate, periods }, today);
  const grade = estimate.grades.find((g) => g.gradeId === example.grade) as GradeEstimate;
  const end = example.assume;
  return {
    step: grade.step[end],
    basePay: grade.basePay[end],
    regionalAllowance: grade.regionalAllowance[end],
    monthly: grade.monthly[end],
    yearly: grade.yearly[end],
  };
}

/**
 * The monthly pay (本給 + 地域手当, without dependents) that the grade of a route can start at: what the job page and
 * its JobPosting state, so that they come from the same rules as the estimator. Low: the lowest 初任給 step of any
 * education, plus the route's required years beyond those the grade already includes, converted at the lowest share
 * among the kinds of work that count for the route (nobody eligible has less). High: the highest 初任給 step plus
 * every experience step the grade can add. undefined when no pay grade belongs to the route.
 */
export function routePayRange(rules: Rules, routeId: string): Range | undefined {
  const grade = rules.pay.grades.find((g) => g.route === routeId);
  const route = rules.routes.find((r) => r.id === routeId);
  const counting = route && rules.counting.find((c) => c.id === route.counting);
  if (!grade || !route || !counting) return undefined;
  const shares = new Map(rules.pay.experience.shares.map((s) => [s.kind, hundredths(s.percent)]));
  const lowestShare = Math.min(...counting.kinds.map((k) => shares.get(k) ?? 0));
  const steps = Object.values(grade.startingSteps);
  const requiredUnits = route.window.requiredYears * 360 * lowestShare;
  return {
    low: gradeFigures(rules, grade, Math.min(...steps), requiredUnits, 0).monthly,
    // Unbounded experience: the grade's caps decide.
    high: gradeFigures(rules, grade, Math.max(...steps), Number.POSITIVE_INFINITY, 0).monthly,
  };
}

/** 293,400円, or 293,400円〜310,200円 for a range. */
export function formatRange(r: Range): string {
  return r.low === r.high ? formatYen(r.low) : `${formatYen(r.low)}〜${formatYen(r.high)}`;
}

/** The rules in force and the file they come from (content/rules/<year>.yaml), as the build reads them. */
export interface RulesInForce {
  file: string;
  rules: Rules;
}

/** What the rules in force fix for an opening of a route: the route, its rules file and its grade's monthly range. */
export interface RouteFigures {
  route: Route;
  file: string;
  pay: Range | undefined;
}

/**
 * The one derivation of an opening's route facts, for the content schema (what the page states), the editor's
 * read-only summary and its preview: 'unknown' for a route the rules do not have.
 */
export function routeFigures(inForce: RulesInForce, routeId: string): RouteFigures | 'unknown' {
  const route = inForce.rules.routes.find((r) => r.id === routeId);
  return route ? { route, file: inForce.file, pay: routePayRange(inForce.rules, routeId) } : 'unknown';
}
