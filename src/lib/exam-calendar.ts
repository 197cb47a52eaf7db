/**
 * What the joint exams' calendar (content/exams, src/schemas/exam-calendar.ts) decides for an opening and for the
 * checker: the application window and its status, the selection steps, and the day experience and age are counted to.
 * Pure functions over parsed calendars, for the build, the Worker's catalog and the browser alike.
 */
import type { Exam, ExamCalendar } from '../schemas/exam-calendar';
import type { CalendarDate } from './calendar';
import { type Status, statusOn } from './status';

/** One exam of one year, with what the whole year's file says about it. */
export interface ScheduledExam {
  fiscalYear: number;
  sample: boolean;
  source: string;
  exam: Exam;
}

/** Which exam an opening takes its dates from: the fiscal year of the exam days and the exam's id in that file. */
export interface ExamRef {
  year: number;
  id: string;
}

const scheduled = (calendar: ExamCalendar, exam: Exam): ScheduledExam => ({
  fiscalYear: calendar.fiscalYear,
  sample: calendar.sample,
  source: calendar.source,
  exam,
});

export function findExam(calendars: readonly ExamCalendar[], ref: ExamRef): ScheduledExam | undefined {
  const calendar = calendars.find((c) => c.fiscalYear === ref.year);
  const exam = calendar?.exams.find((e) => e.id === ref.id);
  return calendar && exam ? scheduled(calendar, exam) : undefined;
}

/**
 * The application window as the site shows and judges it: from the first day of internet applications to their last
 * day (inclusive). Applications by post close earlier (their postmark date), and are stated beside it.
 */
export const examWindow = (exam: Exam) => ({ opensOn: exam.internet.from, closesOn: exam.internet.to });

/** 受付前・受付中・受付終了 on a given day. */
export const examStatus = (exam: Exam, today: CalendarDate): Status => statusOn(examWindow(exam), today);

/**
 * 「試験（選考）受験日の属する年度の末日」: 31 March after the fiscal year of the exam days. Experience and age are
 * counted to this day, not to the day someone reads the page.
 */
export const referenceDateOf = (fiscalYear: number): CalendarDate => `${fiscalYear + 1}-03-31`;

/** What a joint-exam opening states about its exam (src/components/JointExamFacts.astro), all of it from content/exams. */
export interface JointExamFacts {
  fiscalYear: number;
  sample: boolean;
  source: string;
  name: string;
  announcedOn: CalendarDate;
  internet: { from: CalendarDate; to: CalendarDate };
  post?: { from: CalendarDate; postmarkedBy: CalendarDate } | undefined;
  url: string;
  referenceDate: CalendarDate;
}

/** The one derivation of those facts, for the content schema's transform and the editor's preview. */
export const jointExamFacts = ({ fiscalYear, sample, source, exam }: ScheduledExam): JointExamFacts => ({
  fiscalYear,
  sample,
  source,
  name: exam.name,
  announcedOn: exam.announcedOn,
  internet: exam.internet,
  post: exam.post,
  url: exam.url,
  referenceDate: referenceDateOf(fiscalYear),
});

/**
 * The exam a candidate can still act on: the earliest one (by its window's end) whose applications have not closed
 * on `today`, among those `matches` accepts; else the latest one that has.
 */
export function currentOrNextExam(
  calendars: readonly ExamCalendar[],
  matches: (exam: Exam) => boolean,
  today: CalendarDate,
): ScheduledExam | undefined {
  const all = calendars
    .flatMap((c) => c.exams.filter(matches).map((exam) => scheduled(c, exam)))
    .sort((a, b) => a.exam.internet.to.localeCompare(b.exam.internet.to));
  return all.find((s) => s.exam.internet.to >= today) ?? all.at(-1);
}

/** A selection step as openings show them: a day, or a period with a note. */
export interface SelectionStep {
  step: string;
  date?: CalendarDate | undefined;
  until?: CalendarDate | undefined;
  note?: string | undefined;
}

/** The exam's own steps, then the ward's (区面接, 内定 …) as the opening writes them. */
export function examSelection(exam: Exam, wardSteps: readonly SelectionStep[]): SelectionStep[] {
  return [...exam.steps.map((s) => ({ step: s.step, date: s.date, until: s.until, note: s.note })), ...wardSteps];
}

/**
 * What the year's guide says of a job family's nationality: Japanese nationals only, also non-Japanese nationals
 * holding one of `statuses`, or nothing (the family is in neither list: the guide decides).
 */
export type Nationality = { kind: 'japanese' } | { kind: 'open'; statuses: readonly string[] } | undefined;

export function nationalityOf(calendar: ExamCalendar | undefined, jobFamily: string): Nationality {
  const rules = calendar?.candidateRules.nationality;
  if (rules?.japaneseOnly.includes(jobFamily)) return { kind: 'japanese' };
  if (rules?.openToForeignNationals.includes(jobFamily)) return { kind: 'open', statuses: rules.statuses };
  return undefined;
}
