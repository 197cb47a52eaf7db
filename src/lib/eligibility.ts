/**
 * Who may apply to which route and grade, from a date of birth and a work history, under one fiscal year's rules
 * (content/rules/<year>.yaml). One pure function, used by the page in the browser and by the Worker: no clock, no
 * time zone, no storage. `today` is a calendar date in Japan passed in by the caller (todayInTokyo()).
 *
 * What is counted to: the route's reference date (ReferenceDate, from ./eligibility-reference.ts), as the exam guide
 * counts 「試験（選考）受験日の属する年度の末日において」. Experience, the window and the age are all taken at that
 * day; periods still ongoing (no end date) and periods ending later run up to it, and the figure is a projection
 * (見込み) when the day lies after today. Today's figure is computed beside it. Without a reference date the checker
 * counts to today and says so.
 *
 * How time is counted (every rule here is tested in tests/unit/eligibility.test.ts):
 * - Dates are calendar days, YYYY-MM-DD; a period runs from its first to its last day inclusive.
 * - A length is whole months and leftover days, as the Civil Code counts periods (民法143条): a month from 31 January
 *   ends on the last day of February. 1 April 2020 to 31 March 2024 is exactly 4 years (./calendar.ts).
 * - The window 「直近10年」 is the 10 years ending on the reference date: from the day after the same date 10 years
 *   earlier.
 * - Periods that overlap are joined and counted once. Separate stretches are measured one by one and added up, with
 *   leftover days making a month at the rules' `daysPerMonth` (30); the total never exceeds the window.
 * - Calendar months differ in length, so that sum is not monotone by itself (a period filling a 2-day gap can join
 *   two stretches into one that measures a day less across February). The total is therefore the best sum over any
 *   selection of the counted periods (countedLength): adding a period never lowers it, and for ordinary histories it
 *   is exactly the conventional figure.
 * - Experience counts from 1 April after the fiscal year in which the person reaches the start age (22): the age is
 *   reached the day before the birthday, so someone born on 1 April belongs to the earlier school year.
 * - Ages are taken on the reference date by the same law (年齢計算ニ関スル法律): a person reaches N on the day
 *   before the N-th birthday (for a birthday on 29 February, on 28 February), so someone whose 61st birthday is
 *   1 April is 61 on 31 March.
 */
import { durationText, rulesCopy } from '../i18n/rules';
import type { CountingRules, Route, Rules, Variant } from '../schemas/rules';
import {
  addMonths,
  aprilAfterFiscalYearOfAge,
  type CalendarDate,
  compareDurations,
  type Duration,
  dateOf,
  dayNumber,
  isCalendarDate,
  lengthBetween,
  windowStart,
} from './calendar';
import { formatWareki } from './dates';

/** The day experience and age are counted to, and why that day. */
export interface ReferenceDate {
  date: CalendarDate;
  /**
   * `exam`: 31 March of the fiscal year of the route's current or next joint exam; `date`: a day the rules give;
   * `today`: the day of the check (the ward's routes whose guide says so, or a joint-exam route with no exam in
   * the calendar: then `missingExam`).
   */
  basis: 'exam' | 'date' | 'today';
  /** The exam the date belongs to (basis `exam`). */
  exam: { name: string; fiscalYear: number; sample: boolean } | null;
  /** The joint exam's calendar has no exam for the route: counted to today instead, and the answer says so. */
  missingExam?: boolean;
  /** The rules' source for the basis (「要確認：…」 while unverified); null when the rules do not give one. */
  source: string | null;
}

/** A period of work as the person enters it. */
export interface WorkPeriod {
  from: CalendarDate;
  /** The last day worked; null while still working there (counted up to the reference date). May lie in the future. */
  to: CalendarDate | null;
  hoursPerWeek: number;
  /** Id from the rules' `kinds` (regular, contract, dispatch, self-employed, childcare-leave …). */
  kind: string;
  /** Id from the rules' `fields` (child-welfare, ict …), when the work belongs to one. */
  field?: string | undefined;
}

export interface PersonInput {
  birthDate: CalendarDate;
  periods: readonly WorkPeriod[];
  /** Ids from the rules' `qualifications` the person holds; undefined when the form did not ask. */
  qualifications?: readonly string[] | undefined;
}

export type ReasonCode =
  | 'counted'
  | 'invalid-dates'
  | 'unknown-kind'
  | 'kind-not-counted'
  | 'hours-below-minimum'
  | 'not-started'
  | 'future-clipped'
  | 'before-start'
  | 'partly-before-start'
  | 'outside-window'
  | 'partly-outside-window'
  | 'shorter-than-minimum'
  | 'overlap'
  | 'leave-counted'
  | 'leave-excluded'
  | 'field-mismatch'
  | 'not-longest';

export interface Reason {
  code: ReasonCode;
  /** The sentence the page shows, in Japanese. */
  message: string;
}

/** Whether and why one period the person entered counted, for one route. */
export interface PeriodVerdict {
  /** Position in the input. */
  index: number;
  counted: boolean;
  /** The part that counts (inside the window, after the start date, up to today), before overlaps are removed. */
  countedFrom: CalendarDate | null;
  countedTo: CalendarDate | null;
  /** Length of that part. */
  duration: Duration;
  reasons: Reason[];
}

export type ConditionKind = 'experience' | 'age' | 'qualification' | 'field-experience';

export interface Condition {
  kind: ConditionKind;
  /** null: the person did not say (qualifications not asked). */
  met: boolean | null;
  message: string;
}

export interface VariantVerdict {
  id: string;
  /** The same family's years counted to today, when the reference date is another day. */
  todayCounted: Duration | null;
  source: string;
  jobFamily: string;
  field: string;
  fieldLabel: string;
  /** The route's verdict and this family's own years (and qualifications, when asked). */
  eligible: boolean;
  needsConfirmation: boolean;
  counted: Duration;
  countedDays: number;
  required: Duration;
  /** 「うち児童福祉の経験 通算2年（必要：3年）」 */
  summary: string;
  /** Indexes of the periods in that field that counted. */
  countedPeriods: number[];
  conditions: Condition[];
  note: string;
}

/** The figure as of today, shown beside the one at the reference date. */
export interface TodayFigure {
  date: CalendarDate;
  counted: Duration;
  /** 「2026年12月7日時点で直近10年のうち通算3年10か月」 */
  summary: string;
  experienceMet: boolean;
}

export interface RouteVerdict {
  routeId: string;
  /** The day everything below is counted to. */
  reference: ReferenceDate;
  /** The reference date lies after today: the figures are 見込み (projections, assuming ongoing work continues). */
  prospective: boolean;
  /** The figure as of today; null when the reference date is today. */
  atToday: TodayFigure | null;
  /** Age on the reference date. */
  age: number;
  label: string;
  grade: string;
  organizer: 'tokubetsuku' | 'ward';
  /** Every condition the person's entries can show is met (a qualification not asked does not block it). */
  eligible: boolean;
  /** Eligible, but a qualification still has to be confirmed. */
  needsConfirmation: boolean;
  /** First day experience counts under the start rule; null when the route has none. */
  countsFrom: CalendarDate | null;
  /** The window the time is counted in (ending on the reference date): `years` null when the route counts any time. */
  window: { years: number | null; start: CalendarDate; end: CalendarDate };
  counted: Duration;
  /** Distinct calendar days counted (after overlaps and exclusions). */
  countedDays: number;
  required: Duration;
  /** 「直近10年のうち通算4年2か月（必要：4年）」 */
  summary: string;
  conditions: Condition[];
  periods: PeriodVerdict[];
  variants: VariantVerdict[];
  note: string;
}

export interface EligibilityResult {
  today: CalendarDate;
  routes: RouteVerdict[];
}

/** 「4年2か月」 */
export function formatDuration(d: Duration): string {
  return durationText(d);
}

/** 「通算4年2か月」 */
export function formatTotal(d: Duration): string {
  return rulesCopy.total(d);
}

/** Years as a duration. */
const years = (n: number): Duration => ({ years: n, months: 0, days: 0 });

/**
 * The day a person born on `birthDate` reaches `age` (年齢計算ニ関スル法律 with 民法143条): the day before the
 * birthday; for 29 February, 28 February (the day before 1 March in a common year, the day before 29 February in a
 * leap one).
 */
export function ageReachedOn(birthDate: CalendarDate, age: number): CalendarDate {
  const [, m, d] = birthDate.split('-').map(Number);
  const year = Number(birthDate.slice(0, 4)) + age;
  if (m === 2 && d === 29) return `${String(year).padStart(4, '0')}-02-28`;
  return dateOf(addMonths(dayNumber(birthDate), age * 12) - 1);
}

/** Age on `date`, as the law counts it (see ageReachedOn). */
export function ageOn(birthDate: CalendarDate, date: CalendarDate): number {
  let age = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  while (age > 0 && ageReachedOn(birthDate, age) > date) age--;
  while (ageReachedOn(birthDate, age + 1) <= date) age++;
  return Math.max(0, age);
}

/** The earliest birth date of someone at most `maxAge` on `date`: 「N歳以下」 as a birth-date cut-off. */
export function bornOnOrAfterFor(maxAge: number, date: CalendarDate): CalendarDate {
  // Start a few days before the naive answer and step forward: ageOn falls as the birth date moves later.
  let day = addMonths(dayNumber(date) + 2, -12 * (maxAge + 1)) - 4;
  while (ageOn(dateOf(day), date) > maxAge) day++;
  return dateOf(day);
}

// ---------------------------------------------------------------------------------------------------------------
// Sets of days as sorted, disjoint half-open intervals [start, end).

/** Days [start, end) as day numbers. */
export type Interval = readonly [number, number];

function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function subtract(set: readonly Interval[], remove: readonly Interval[]): Interval[] {
  let out: Interval[] = [...set];
  for (const [ra, rb] of union(remove)) {
    out = out.flatMap(([a, b]): Interval[] => {
      if (rb <= a || ra >= b) return [[a, b]];
      const parts: Interval[] = [];
      if (ra > a) parts.push([a, ra]);
      if (rb < b) parts.push([rb, b]);
      return parts;
    });
  }
  return out;
}

const intersects = (x: Interval, y: Interval) => x[0] < y[1] && y[0] < x[1];
const daysIn = (set: readonly Interval[]) => set.reduce((n, [a, b]) => n + (b - a), 0);

/**
 * The conventional length of a set of days: one stretch is measured on the calendar; separate stretches are
 * measured one by one and added up, leftover days making a month at `daysPerMonth`.
 */
export function measure(set: readonly Interval[], daysPerMonth: number): Duration {
  const runs = union(set);
  const first = runs[0];
  if (!first) return { years: 0, months: 0, days: 0 };
  if (runs.length === 1) return lengthBetween(first[0], first[1]);
  let months = 0;
  let days = 0;
  for (const [a, b] of runs) {
    const d = lengthBetween(a, b);
    months += d.years * 12 + d.months;
    days += d.days;
  }
  months += Math.floor(days / daysPerMonth);
  days %= daysPerMonth;
  return { years: Math.floor(months / 12), months: months % 12, days };
}

const fromMonths = (months: number, days: number): Duration => ({ years: Math.floor(months / 12), months: months % 12, days });

/**
 * The counted total of a set of periods: the longest `measure` any selection of them adds up to (without the
 * excluded leave). Calendar months differ in length, so joining two stretches through a period that fills the gap
 * between them can measure a day or two less than the two stretches added up (a run across February); taking the
 * best selection means adding a period never lowers the total. For one stretch, or periods that simply follow or
 * overlap each other, it is the plain calendar length; for separate stretches, the conventional sum.
 *
 * A selection's stretches are "hulls": spans [s, e) that the periods inside them cover entirely, separated by at
 * least one day. The best set of hulls is found by weighted interval scheduling, O(C log C) for C candidate hulls.
 */
export function countedLength(intervals: readonly Interval[], leaves: readonly Interval[], daysPerMonth: number): Duration {
  const parts = intervals.filter(([a, b]) => b > a);
  if (parts.length === 0) return { years: 0, months: 0, days: 0 };
  const starts = [...new Set(parts.map(([a]) => a))];
  const ends = [...new Set(parts.map(([, b]) => b))];
  interface Hull {
    start: number;
    end: number;
    /** Σ over its pieces (after leave) of months × daysPerMonth + days. */
    units: number;
    pieces: number;
    /** Raw calendar length, when it is one piece. */
    single: Duration | null;
  }
  const hulls: Hull[] = [];
  for (const s of starts)
    for (const e of ends) {
      if (e <= s) continue;
      const inside = parts.filter(([a, b]) => a >= s && b <= e);
      const covered = union(inside);
      if (covered.length !== 1 || covered[0]?.[0] !== s || covered[0]?.[1] !== e) continue;
      const pieces = subtract([[s, e]], leaves);
      if (pieces.length === 0) continue;
      let units = 0;
      for (const [a, b] of pieces) {
        const d = lengthBetween(a, b);
        units += (d.years * 12 + d.months) * daysPerMonth + d.days;
      }
      const only = pieces.length === 1 ? (pieces[0] as Interval) : null;
      hulls.push({ start: s, end: e, units, pieces: pieces.length, single: only ? lengthBetween(only[0], only[1]) : null });
    }

  // One stretch: its own calendar length (no rounding of leftover days).
  let best: Duration = { years: 0, months: 0, days: 0 };
  for (const h of hulls) if (h.single && compareDurations(h.single, best) > 0) best = h.single;

  // Two or more stretches: the most units, leftover days making months. g[k]: best units of a selection ending with
  // this hull with min(pieces, 2) = k; prefix maxima over hulls by end.
  const byEnd = [...hulls].sort((x, y) => x.end - y.end);
  const bestBefore: { end: number; one: number; many: number }[] = [];
  let runOne = Number.NEGATIVE_INFINITY;
  let runMany = Number.NEGATIVE_INFINITY;
  let many = Number.NEGATIVE_INFINITY;
  for (const h of byEnd) {
    // Selections whose last hull ends before h starts with a gap (end < start: at least one day between).
    let lo = 0;
    let hi = bestBefore.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((bestBefore[mid] as { end: number }).end < h.start) lo = mid + 1;
      else hi = mid;
    }
    const prev =
      lo > 0 ? (bestBefore[lo - 1] as { one: number; many: number }) : { one: Number.NEGATIVE_INFINITY, many: Number.NEGATIVE_INFINITY };
    let one = Number.NEGATIVE_INFINITY;
    let more = Number.NEGATIVE_INFINITY;
    if (h.pieces === 1) one = h.units;
    else more = h.units;
    more = Math.max(more, prev.one + h.units, prev.many + h.units);
    many = Math.max(many, more);
    runOne = Math.max(runOne, one);
    runMany = Math.max(runMany, more);
    bestBefore.push({ end: h.end, one: runOne, many: runMany });
  }
  if (many > Number.NEGATIVE_INFINITY) {
    const carried = fromMonths(Math.floor(many / daysPerMonth), many % daysPerMonth);
    if (compareDurations(carried, best) > 0) best = carried;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------------

const reasons = rulesCopy.reasons;

interface Counted {
  /** The days that count: every counted part joined, excluded leave removed. */
  set: Interval[];
  verdicts: PeriodVerdict[];
  /** Per period, the interval that counted (before overlaps), or null. */
  parts: (Interval | null)[];
  /** Leave that the rules exclude. */
  leaves: Interval[];
}

/** Applies one counting profile to every period, within [start, the day counted to]. */
function countPeriods(
  rules: Rules,
  counting: CountingRules,
  route: Route,
  input: PersonInput,
  today: CalendarDate,
  window: { years: number | null; start: number; startRule: { day: number; age: number } | null },
  prospective: boolean,
): Counted {
  const todayN = dayNumber(today);
  const end = todayN + 1;
  const kinds = new Map(rules.kinds.map((k) => [k.id, k]));
  const fieldLabels = new Map(rules.fields.map((f) => [f.id, f.label]));
  const verdicts: PeriodVerdict[] = [];
  const parts: (Interval | null)[] = [];
  const leaves: Interval[] = [];

  for (const [index, p] of input.periods.entries()) {
    const list: Reason[] = [];
    const add = (code: ReasonCode, message: string) => list.push({ code, message });
    const reject = () => {
      verdicts.push({ index, counted: false, countedFrom: null, countedTo: null, duration: years(0), reasons: list });
      parts.push(null);
    };
    if (!isCalendarDate(p.from) || (p.to !== null && !isCalendarDate(p.to)) || (p.to !== null && p.to < p.from)) {
      add('invalid-dates', reasons.invalidDates());
      reject();
      continue;
    }
    const kind = kinds.get(p.kind);
    if (!kind) {
      add('unknown-kind', reasons.unknownKind(p.kind));
      reject();
      continue;
    }
    const from = dayNumber(p.from);
    const to = p.to === null ? todayN : dayNumber(p.to);
    const isLeave = kind.category === 'leave';
    if (isLeave && counting.leave === 'excluded') {
      leaves.push([from, to + 1]);
      add('leave-excluded', reasons.leaveExcluded());
      reject();
      continue;
    }
    if (!isLeave && !counting.kinds.includes(p.kind)) {
      add('kind-not-counted', reasons.kindNotCounted(kind.label));
      reject();
      continue;
    }
    if (!(p.hoursPerWeek >= counting.minHoursPerWeek)) {
      add('hours-below-minimum', reasons.hoursBelowMinimum(counting.minHoursPerWeek, p.hoursPerWeek));
      reject();
      continue;
    }
    if (route.fields && !(p.field !== undefined && route.fields.includes(p.field))) {
      add('field-mismatch', reasons.fieldMismatch(route.fields.map((f) => fieldLabels.get(f) ?? f).join('・')));
      reject();
      continue;
    }
    if (from > todayN) {
      add('not-started', reasons.notStarted(today, prospective));
      reject();
      continue;
    }
    if (isLeave) add('leave-counted', reasons.leaveCounted());
    // The minimum length is that of the whole period as worked so far (a leave belongs to its employment: exempt).
    const minEach = counting.addingUp.minEachMonths;
    if (!isLeave && minEach > 0) {
      const length = lengthBetween(from, Math.min(to, todayN) + 1);
      if (compareDurations(length, { years: Math.floor(minEach / 12), months: minEach % 12, days: 0 }) < 0) {
        add(
          'shorter-than-minimum',
          reasons.shorterThanMinimum(
            durationText({ years: Math.floor(minEach / 12), months: minEach % 12, days: 0 }),
            durationText(length),
          ),
        );
        reject();
        continue;
      }
    }
    if (to > todayN) add('future-clipped', reasons.futureClipped(today, prospective));
    let start = from;
    if (window.startRule && window.startRule.day > start) {
      if (window.startRule.day > to) {
        add('before-start', reasons.beforeStart(dateOf(window.startRule.day), window.startRule.age));
        reject();
        continue;
      }
      add('partly-before-start', reasons.partlyBeforeStart(dateOf(window.startRule.day), window.startRule.age));
      start = window.startRule.day;
    }
    if (window.years !== null && window.start > start) {
      if (window.start > to) {
        add('outside-window', reasons.outsideWindow(window.years, dateOf(window.start)));
        reject();
        continue;
      }
      add('partly-outside-window', reasons.partlyOutsideWindow(window.years, dateOf(window.start)));
      start = window.start;
    }
    const part: Interval = [start, Math.min(to + 1, end)];
    verdicts.push({
      index,
      counted: true,
      countedFrom: dateOf(part[0]),
      countedTo: dateOf(part[1] - 1),
      duration: lengthBetween(part[0], part[1]),
      reasons: list,
    });
    parts.push(part);
  }

  // Leave excluded: remove those days from every counted part.
  if (leaves.length > 0) {
    input.periods.forEach((_, i) => {
      const part = parts[i];
      const v = verdicts[i];
      if (!part || !v || !leaves.some((l) => intersects(l, part))) return;
      v.reasons.push({ code: 'leave-excluded', message: reasons.leaveExcludedPart() });
    });
  }

  let counted: (Interval | null)[] = parts;
  if (!counting.addingUp.allowed) {
    // Only the longest single period counts.
    let best = -1;
    parts.forEach((part, i) => {
      if (!part) return;
      const b = best >= 0 ? parts[best] : null;
      const length = (x: Interval) => measure(subtract([x], leaves), counting.addingUp.daysPerMonth);
      if (!b || compareDurations(length(part), length(b)) > 0) best = i;
    });
    counted = parts.map((part, i) => {
      if (part && i !== best) {
        const v = verdicts[i];
        if (v) {
          v.counted = false;
          v.reasons.push({ code: 'not-longest', message: reasons.notLongest() });
        }
        return null;
      }
      return part;
    });
  }

  counted.forEach((part, i) => {
    if (!part) return;
    if (counted.some((other, j) => j !== i && other !== null && intersects(part, other)))
      verdicts[i]?.reasons.push({ code: 'overlap', message: reasons.overlap() });
  });
  for (const v of verdicts)
    if (v.counted && !v.reasons.some((r) => r.code === 'leave-counted')) v.reasons.unshift({ code: 'counted', message: reasons.counted() });

  const set = subtract(union(counted.filter((x): x is Interval => x !== null)), leaves);
  return { set, verdicts, parts: counted, leaves };
}

const capAt = (d: Duration, cap: Duration | null) => (cap && compareDurations(d, cap) > 0 ? cap : d);

/**
 * The verdict for one route, counted to `reference` (its reference date; without one, today, and the verdict says
 * so), with today's figure beside it when that is another day.
 */
export function checkRoute(
  rules: Rules,
  routeId: string,
  input: PersonInput,
  today: CalendarDate,
  reference?: ReferenceDate,
): RouteVerdict {
  const ref: ReferenceDate = reference ?? { date: today, basis: 'today', exam: null, source: null };
  dayNumber(today);
  const prospective = ref.date > today;
  // A reference date other than today is named in the summary; counted to today, the summary reads as it always did.
  const main = judge(rules, routeId, input, ref.date, prospective, ref.basis !== 'today');
  if (ref.date === today) return { ...main, reference: ref, prospective, atToday: null };
  const now = judge(rules, routeId, input, today, false, false);
  const nowSummary = rulesCopy.summaryToday(today, now.window.years, now.counted);
  return {
    ...main,
    reference: ref,
    prospective,
    atToday: { date: today, counted: now.counted, summary: nowSummary, experienceMet: compareDurations(now.counted, now.required) >= 0 },
    variants: main.variants.map((v) => ({ ...v, todayCounted: now.variants.find((x) => x.id === v.id)?.counted ?? null })),
  };
}

/** A route's verdict counted to the day `at` (the reference date, or today for today's figure). */
function judge(
  rules: Rules,
  routeId: string,
  input: PersonInput,
  at: CalendarDate,
  prospective: boolean,
  dated: boolean,
): Omit<RouteVerdict, 'reference' | 'prospective' | 'atToday'> {
  const today = at;
  const route = rules.routes.find((r) => r.id === routeId);
  if (!route) throw new RangeError(`unknown route: ${routeId}`);
  const counting = rules.counting.find((c) => c.id === route.counting);
  if (!counting) throw new RangeError(`unknown counting rules: ${route.counting}`);
  const todayN = dayNumber(today);
  dayNumber(input.birthDate);

  const startRule =
    counting.startRule.kind === 'april-after-fiscal-year-of-age'
      ? { day: dayNumber(aprilAfterFiscalYearOfAge(input.birthDate, counting.startRule.age)), age: counting.startRule.age }
      : null;
  const lastYears = route.window.lastYears ?? null;
  const wStart = lastYears !== null ? dayNumber(windowStart(today, lastYears)) : null;
  const firstFrom = input.periods
    .map((p) => (isCalendarDate(p.from) ? dayNumber(p.from) : todayN))
    .reduce((a, b) => Math.min(a, b), todayN);
  const shownStart = wStart ?? startRule?.day ?? firstFrom;
  const cap = wStart !== null ? lengthBetween(wStart, todayN + 1) : null;

  const base = countPeriods(
    rules,
    counting,
    route,
    input,
    today,
    { years: lastYears, start: wStart ?? Number.NEGATIVE_INFINITY, startRule },
    prospective,
  );
  const { set, verdicts } = base;
  const counted = capAt(
    countedLength(
      base.parts.filter((x): x is Interval => x !== null),
      base.leaves,
      counting.addingUp.daysPerMonth,
    ),
    cap,
  );
  const required = years(route.window.requiredYears);
  // Counted to today with no other reference date: the summary as it always read; else the day and 見込み with it.
  const summary = dated
    ? rulesCopy.summaryAt(today, prospective, lastYears, counted, required)
    : rulesCopy.summary(lastYears, counted, required);
  const experienceMet = compareDurations(counted, required) >= 0;

  const qualificationLabels = new Map(rules.qualifications.map((q) => [q.id, q.label]));
  const conditions: Condition[] = [
    {
      kind: 'experience',
      met: experienceMet,
      message: experienceMet ? rulesCopy.conditions.experienceMet(summary) : rulesCopy.conditions.experienceNotMet(summary),
    },
  ];
  const age = ageOn(input.birthDate, today);
  if (route.ageLimit) {
    const cutoff = route.ageLimit.bornOnOrAfter ?? bornOnOrAfterFor(route.ageLimit.maxAge ?? 0, today);
    conditions.push(ageCondition(cutoff, input.birthDate, today, age));
  }
  if (route.qualifications.length > 0) conditions.push(qualificationCondition(route.qualifications, input, qualificationLabels));

  const eligible = conditions.every((c) => c.met !== false);
  const needsConfirmation = eligible && conditions.some((c) => c.met === null);

  const variants = route.variants.map((v) =>
    checkVariant(rules, v, counting, input, base, cap, { eligible, needsConfirmation }, qualificationLabels),
  );

  return {
    routeId: route.id,
    age,
    label: route.label,
    grade: route.grade,
    organizer: route.organizer,
    eligible,
    needsConfirmation,
    countsFrom: startRule ? dateOf(startRule.day) : null,
    window: { years: lastYears, start: dateOf(Math.min(shownStart, todayN)), end: today },
    counted,
    countedDays: daysIn(set),
    required,
    summary,
    conditions,
    periods: verdicts,
    variants,
    note: route.note,
  };
}

function ageCondition(bornOnOrAfter: CalendarDate, birthDate: CalendarDate, at: CalendarDate, age: number): Condition {
  const label = formatWareki(bornOnOrAfter);
  const met = birthDate >= bornOnOrAfter;
  return {
    kind: 'age',
    met,
    message: met ? rulesCopy.conditions.ageMet(label, at, age) : rulesCopy.conditions.ageNotMet(label, at, age),
  };
}

function qualificationCondition(required: readonly string[], input: PersonInput, labelsById: Map<string, string>): Condition {
  const names = required.map((q) => labelsById.get(q) ?? q).join('・');
  if (input.qualifications === undefined)
    return { kind: 'qualification', met: null, message: rulesCopy.conditions.qualificationUnknown(names) };
  const met = required.some((q) => input.qualifications?.includes(q));
  return {
    kind: 'qualification',
    met,
    message: met ? rulesCopy.conditions.qualificationMet(names) : rulesCopy.conditions.qualificationNotMet(names),
  };
}

/**
 * A job family's own years: the parts of the route's counted periods tagged with the family's field (a leave counts
 * toward the field when the person tags it with the field), measured the same way, in the same window.
 */
function checkVariant(
  rules: Rules,
  variant: Variant,
  counting: CountingRules,
  input: PersonInput,
  base: Counted,
  cap: Duration | null,
  route: { eligible: boolean; needsConfirmation: boolean },
  qualificationLabels: Map<string, string>,
): VariantVerdict {
  const fieldLabel = rules.fields.find((f) => f.id === variant.field)?.label ?? variant.field;
  const indexes = base.parts.flatMap((part, i) => (part && input.periods[i]?.field === variant.field ? [i] : []));
  const mine = indexes.map((i) => base.parts[i]).filter((x): x is Interval => Boolean(x));
  const set = subtract(union(mine), base.leaves);
  const counted = capAt(countedLength(mine, base.leaves, counting.addingUp.daysPerMonth), cap);
  const required = years(variant.requiredYears);
  const summary = rulesCopy.variantSummary(fieldLabel, counted, required);
  const met = compareDurations(counted, required) >= 0;
  const conditions: Condition[] = [
    { kind: 'field-experience', met, message: met ? rulesCopy.conditions.fieldMet(summary) : rulesCopy.conditions.fieldNotMet(summary) },
  ];
  if (variant.qualifications.length > 0) conditions.push(qualificationCondition(variant.qualifications, input, qualificationLabels));
  const eligible = route.eligible && conditions.every((c) => c.met !== false);
  return {
    id: variant.id,
    todayCounted: null,
    source: variant.source,
    jobFamily: variant.jobFamily,
    field: variant.field,
    fieldLabel,
    eligible,
    needsConfirmation: eligible && (route.needsConfirmation || conditions.some((c) => c.met === null)),
    counted,
    countedDays: daysIn(set),
    required,
    summary,
    countedPeriods: indexes,
    conditions,
    note: variant.note,
  };
}

/**
 * The routes judged together, in the rules' order: the 特別区 grades when the route is one of them (a person asks
 * which of them they can sit), else the ward's route alone. Empty for an unknown route.
 */
export function familyOf(rules: Rules, routeId: string): string[] {
  const route = rules.routes.find((r) => r.id === routeId);
  if (!route) return [];
  return route.organizer === 'tokubetsuku' ? rules.routes.filter((r) => r.organizer === 'tokubetsuku').map((r) => r.id) : [route.id];
}

/**
 * For each route (all of them, or the ids given, in the rules' order): eligible or not, the counted time against
 * the required time, and for each period whether and why it counted.
 */
export function checkEligibility(
  rules: Rules,
  routeIds: readonly string[] | undefined,
  input: PersonInput,
  today: CalendarDate,
  references: Readonly<Record<string, ReferenceDate>> = {},
): EligibilityResult {
  for (const id of routeIds ?? []) if (!rules.routes.some((r) => r.id === id)) throw new RangeError(`unknown route: ${id}`);
  const routes = rules.routes.filter((r) => routeIds === undefined || routeIds.includes(r.id));
  return { today, routes: routes.map((r) => checkRoute(rules, r.id, input, today, references[r.id])) };
}
