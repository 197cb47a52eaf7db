/**
 * The day the checker counts experience and age to, for each route (「基準日」). The exam guide counts both
 * 「試験（選考）受験日の属する年度の末日において」: 31 March of the fiscal year of the exam. For a route of the joint
 * exam, that is the reference date of its current or next exam in the calendar (content/exams, matched by the exam's
 * `routes`); for the ward's own routes, whatever the rules file's `countsTo` says. Never silently today: when the
 * calendar has no exam for a joint-exam route, the answer says it counted to today instead.
 *
 * Pure functions: the build (rules.json carries the calendars), the Worker and the page script compute the same
 * dates from the same `today`.
 */
import type { ExamCalendar } from '../schemas/exam-calendar';
import type { Route, Rules } from '../schemas/rules';
import type { CalendarDate } from './calendar';
import type { ReferenceDate } from './eligibility';
import { currentOrNextExam, referenceDateOf } from './exam-calendar';

/** The reference date of one route on `today`. */
export function referenceFor(route: Route, calendars: readonly ExamCalendar[], today: CalendarDate): ReferenceDate {
  const basis = route.countsTo?.basis ?? (route.organizer === 'tokubetsuku' ? 'exam' : 'today');
  const source = route.countsTo?.source ?? null;
  if (basis === 'date' && route.countsTo?.basis === 'date') return { date: route.countsTo.date, basis: 'date', exam: null, source };
  if (basis === 'exam') {
    const scheduled = currentOrNextExam(calendars, (e) => e.routes.includes(route.id), today);
    if (!scheduled) return { date: today, basis: 'today', exam: null, missingExam: true, source };
    return {
      date: referenceDateOf(scheduled.fiscalYear),
      basis: 'exam',
      exam: { name: scheduled.exam.name, fiscalYear: scheduled.fiscalYear, sample: scheduled.sample },
      source,
    };
  }
  return { date: today, basis: 'today', exam: null, source };
}

/** Every route's reference date on `today`, by route id. */
export function referenceDates(rules: Rules, calendars: readonly ExamCalendar[], today: CalendarDate): Record<string, ReferenceDate> {
  return Object.fromEntries(rules.routes.map((r) => [r.id, referenceFor(r, calendars, today)]));
}
