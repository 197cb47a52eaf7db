/**
 * Reads and validates content/exams/<year>.yaml at build time (Node only). The jobs schema needs the calendars while
 * the jobs collection is parsed, before Astro's own collections can be queried; the `exams` collection reads the same
 * files for the pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type ExamCalendar, examCalendarSchema } from '../schemas/exam-calendar';

export function readExamCalendars(dir = 'content/exams'): ExamCalendar[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const parsed = examCalendarSchema.safeParse(parse(readFileSync(file, 'utf8')));
      if (!parsed.success)
        throw new Error(
          `${file}：${parsed.error.issues.map((i) => `${i.path.join('.') || '（ファイル全体）'}：${i.message}`).join(' ／ ')}`,
        );
      if (`${parsed.data.fiscalYear}` !== f.slice(0, 4))
        throw new Error(`${file}：fiscalYear（${parsed.data.fiscalYear}）をファイル名の年度（${f.slice(0, 4)}）と同じにしてください`);
      return parsed.data;
    });
}
