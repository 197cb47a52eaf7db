/**
 * The checker's form (/eligibility/<route>/), read and checked without zod so that the page script stays small: the
 * same function runs in the browser (an instant answer) and in the Worker (a form posted without JavaScript, where
 * personInputSchema checks the result once more). Nothing here stores or logs anything.
 *
 * Field names: route, birthDate, education, periods.N.from, periods.N.to, periods.N.hoursPerWeek, periods.N.kind,
 * periods.N.field (N from 0; a row left entirely blank is skipped). Messages name the period by its number on the
 * form (職歴2), so the error summary reads on its own.
 */
import { checkerCopy } from '../i18n/rules';
import type { ExamCalendar } from '../schemas/exam-calendar';
import type { FieldError } from '../schemas/messages';
import type { Rules } from '../schemas/rules';
import { type CalendarDate, dateParts, isCalendarDate } from './calendar';
import { checkEligibility, type EligibilityResult, familyOf, type WorkPeriod } from './eligibility';
import { referenceDates } from './eligibility-reference';
import { estimatePay, type PayEstimate } from './pay';

/**
 * What /rules.json carries: the rules in force and the joint exams' calendars, from which the page script and the
 * Worker take each route's reference date on their own today (src/lib/eligibility-reference.ts).
 */
export type CheckerRules = Rules & { examCalendars: ExamCalendar[] };

/** Rows the form shows. */
export const PERIOD_ROWS = 4;
/** Rows the reader accepts (a little room beyond the form, never unbounded). */
export const MAX_PERIODS = 10;

/** A problem with one field (field: its form name, e.g. "birthDate" or "periods.1.to"). */
export type { FieldError };

/** One period as entered, with its number on the form (1-based). */
export interface CheckerRow {
  row: number;
  period: WorkPeriod;
}

export interface CheckerInput {
  route: string;
  birthDate: CalendarDate;
  /** Id from the rules' pay.educations; null when not chosen (then no pay estimate). */
  education: string | null;
  rows: CheckerRow[];
}

export type CheckerRead = { ok: true; input: CheckerInput } | { ok: false; errors: FieldError[] };

export interface CheckerAnswer {
  today: CalendarDate;
  /** Every grade of the route's family, in the rules' order. */
  eligibility: EligibilityResult;
  /** null without an education, or when the route has no pay grade (see `payAvailable`). */
  pay: PayEstimate | null;
  /** Whether the rules estimate pay for this route's family at all. */
  payAvailable: boolean;
}

const e = checkerCopy.errors;
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
/** Full-width digits and punctuation (２０２１／４／１, ３８．７５) as typed with a Japanese IME, to ASCII. */
const halfWidth = (s: string) => s.replace(/[０-９．／－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** 2021-4-1, 2021/04/01 or ２０２１－０４－０１ → 2021-04-01; anything else is returned as typed (and refused). */
function normaliseDate(s: string): string {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(halfWidth(s));
  return m ? `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}` : s;
}

/** Written as a date (after normaliseDate) but not a day the calendar has: 1990-02-30, 2023-02-29, 2026-13-01. */
const impossible = (s: string) => dateParts(s) !== null && !isCalendarDate(s);

/** Hours a week as typed: 40, 38.75, ３８．７５; NaN when it is not such a number. */
function parseHours(s: string): number {
  const t = halfWidth(s);
  return /^\d{1,3}(?:\.\d{1,2})?$/.test(t) ? Number(t) : Number.NaN;
}

/**
 * Reads the form's fields (already unflattened: periods is an array of rows) and checks them against the rules.
 * Errors come in form order.
 */
export function readCheckerForm(fields: Record<string, unknown>, rules: Rules, today: CalendarDate): CheckerRead {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });

  const route = text(fields['route']);
  if (!rules.routes.some((r) => r.id === route)) fail('route', e.route);

  const birthRaw = text(fields['birthDate']);
  const birthDate = normaliseDate(birthRaw);
  const birthOk = isCalendarDate(birthDate) && birthDate >= '1900-01-01';
  if (birthRaw === '') fail('birthDate', e.birthDateMissing);
  else if (impossible(birthDate)) fail('birthDate', e.birthDateNotExist(birthDate));
  else if (!birthOk) fail('birthDate', e.birthDateInvalid);
  else if (birthDate > today) fail('birthDate', e.birthDateFuture);

  const educationRaw = text(fields['education']);
  if (educationRaw !== '' && !rules.pay.educations.some((x) => x.id === educationRaw)) fail('education', e.education);

  const kinds = new Set(rules.kinds.map((k) => k.id));
  const fieldIds = new Set(rules.fields.map((f) => f.id));
  const list = Array.isArray(fields['periods']) ? (fields['periods'] as unknown[]) : [];
  const rows: CheckerRow[] = [];
  let filled = 0;
  for (let i = 0; i < list.length; i++) {
    const raw = list[i];
    if (typeof raw !== 'object' || raw === null) continue;
    const r = raw as Record<string, unknown>;
    const values = {
      from: text(r['from']),
      to: text(r['to']),
      hours: text(r['hoursPerWeek']),
      kind: text(r['kind']),
      field: text(r['field']),
    };
    if (Object.values(values).every((v) => v === '')) continue;
    filled++;
    if (filled > MAX_PERIODS) {
      fail(`periods.${i}.from`, e.tooMany(MAX_PERIODS));
      break;
    }
    const n = i + 1;
    const at = (name: string) => `periods.${i}.${name}`;
    const before = errors.length;

    const from = normaliseDate(values.from);
    if (values.from === '') fail(at('from'), e.fromMissing(n));
    else if (impossible(from)) fail(at('from'), e.fromNotExist(n, from));
    else if (!isCalendarDate(from)) fail(at('from'), e.fromInvalid(n));
    else if (birthOk && from < birthDate) fail(at('from'), e.fromBeforeBirth(n));

    const to = values.to === '' ? null : normaliseDate(values.to);
    if (to !== null && impossible(to)) fail(at('to'), e.toNotExist(n, to));
    else if (to !== null && !isCalendarDate(to)) fail(at('to'), e.toInvalid(n));
    else if (to !== null && isCalendarDate(from) && to < from) fail(at('to'), e.toBeforeFrom(n));

    const hoursPerWeek = parseHours(values.hours);
    if (values.hours === '') fail(at('hoursPerWeek'), e.hoursMissing(n));
    else if (Number.isNaN(hoursPerWeek)) fail(at('hoursPerWeek'), e.hoursNotNumber(n));
    else if (hoursPerWeek > 168) fail(at('hoursPerWeek'), e.hoursRange(n));

    if (values.kind === '') fail(at('kind'), e.kindMissing(n));
    else if (!kinds.has(values.kind)) fail(at('kind'), e.kindUnknown(n));

    if (values.field !== '' && !fieldIds.has(values.field)) fail(at('field'), e.fieldUnknown(n));

    if (errors.length === before)
      rows.push({
        row: n,
        period: { from, to, hoursPerWeek, kind: values.kind, ...(values.field === '' ? {} : { field: values.field }) },
      });
  }
  if (filled === 0) fail('periods.0.from', e.noPeriods);

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, input: { route, birthDate, education: educationRaw === '' ? null : educationRaw, rows } };
}

/**
 * The answer for a checked input: eligibility for the route's family, each route counted to its reference date (from
 * `calendars`; a joint-exam route with no exam in them is counted to today and the answer says so) and, with an
 * education, the pay estimate.
 */
export function answerChecker(
  rules: Rules,
  input: CheckerInput,
  today: CalendarDate,
  calendars: readonly ExamCalendar[] = [],
): CheckerAnswer {
  const family = familyOf(rules, input.route);
  const periods = input.rows.map((r) => r.period);
  const eligibility = checkEligibility(
    rules,
    family,
    { birthDate: input.birthDate, periods },
    today,
    referenceDates(rules, calendars, today),
  );
  const payAvailable = rules.pay.grades.some((g) => family.includes(g.route));
  const pay =
    payAvailable && input.education !== null
      ? estimatePay(rules, { route: input.route, education: input.education, birthDate: input.birthDate, periods }, today)
      : null;
  return { today, eligibility, pay, payAvailable };
}
