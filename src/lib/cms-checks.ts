/**
 * The checks the recruiters' editor runs before an entry is saved, with the build's own schemas and messages
 * (src/schemas/content.ts), and what it shows of an opening's derived facts. Pure: the data comes from
 * /admin/checks.json (src/pages/admin/checks.json.ts) and the entry from Decap, both as plain objects.
 */
import { z } from 'zod';
import { type CmsCollectionName, cmsCheckWords, fieldCopy } from '../i18n/cms';
import { ui } from '../i18n/ja';
import { contentSchemas } from '../schemas/content';
import type { ExamCalendar } from '../schemas/exam-calendar';
import { formatDate } from './dates';
import { examStatus, findExam } from './exam-calendar';
import { formatRange, type RulesInForce, routeFigures } from './pay';

/**
 * The read-only field of an opening that shows what the rules and the exam calendar decide for it (pay range,
 * required years, grade, a joint exam's window), as the page will state them: drawn by src/scripts/cms-setup.ts,
 * never written to the file.
 */
export const DERIVED_WIDGET = 'derived-facts';

/** What /admin/checks.json holds. */
export interface EditorData {
  /** The rules in force and their file, as the build reads them. */
  rules: RulesInForce;
  calendars: ExamCalendar[];
  /** Every session id of content/internships and content/events (drafts included), with its file. */
  sessions: { file: string; id: string }[];
}

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** Fields the editor adds that the schemas do not know. */
const NOT_FRONT_MATTER = new Set(['slug', 'body', 'derived']);
const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

/**
 * The entry as it will be written: empty values of objects left out at any depth (src/scripts/cms-setup.ts does the
 * same before saving), list items kept (an empty item is refused by its own field).
 */
export function asWritten(value: unknown, top = true): unknown {
  if (Array.isArray(value)) return value.map((v) => asWritten(v, false));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k, v]) => !isBlank(v) && !(top && NOT_FRONT_MATTER.has(k)))
      .map(([k, v]) => [k, asWritten(v, false)]),
  );
}

/** The schemas the build parses with, over the editor's data (references to other entries as plain ids). */
export const editorSchemas = (data: EditorData) =>
  contentSchemas({ stories: z.string(), pillars: z.string(), rules: data.rules, calendars: data.calendars });

type Schemas = ReturnType<typeof editorSchemas>;

/**
 * Every problem the build would find in this entry alone, plus a session id another file already uses. `file` is
 * the entry's own file (content/internships/x.md), absent for a new entry.
 */
export function entryIssues(schemas: Schemas, collection: string, entry: unknown, data: EditorData, file?: string): FieldIssue[] {
  const schema = (schemas as Record<string, z.ZodType | undefined>)[collection];
  if (!schema) return [];
  const written = asWritten(entry);
  const parsed = schema.safeParse(written);
  const issues: FieldIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }));
  if (collection === 'internships' || collection === 'events') {
    const sessions = (written as { sessions?: unknown }).sessions;
    (Array.isArray(sessions) ? sessions : []).forEach((s: { id?: unknown }, i) => {
      const other = data.sessions.find((o) => o.id === s?.id && o.file !== file);
      if (other && typeof s.id === 'string')
        issues.push({ path: ['sessions', i, 'id'], message: cmsCheckWords.sessionTaken(s.id, other.file) });
    });
  }
  return issues;
}

/** The value at `path` in a plain entry. */
export const valueAt = (entry: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[key] : undefined), entry);

/** A field's label as the editor shows it, 「給与 › 給与の下限（円）」; list positions as 「2つ目」. */
export function fieldLabel(collection: string, path: readonly (string | number)[]): string {
  const names: string[] = [];
  const parts: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') {
      parts.push(`${key + 1}つ目`);
      continue;
    }
    names.push(key);
    try {
      parts.push(fieldCopy(collection as CmsCollectionName, names).label);
    } catch {
      parts.push(key);
    }
  }
  return parts.join(' › ');
}

/** The lines a refused save lists: each problem with its field's label. */
export const issueLines = (collection: string, issues: readonly FieldIssue[]): string[] =>
  issues.map((i) => cmsCheckWords.line(fieldLabel(collection, i.path), i.message));

/**
 * What the rules and the exam calendar decide for an opening, as the page will state it, a line each: the route's
 * name, grade, required years and pay range; a joint exam's window and today's status.
 */
export function derivedFacts(entry: unknown, data: EditorData, today: string): string[] {
  const words = cmsCheckWords.derived;
  const job = asWritten(entry) as { route?: string; exam?: { year?: number; id?: string } };
  const lines: string[] = [];
  if (!job.route) lines.push(words.noRoute);
  else {
    const figures = routeFigures(data.rules, job.route);
    if (figures === 'unknown') lines.push(words.unknownRoute(job.route, data.rules.file));
    else {
      const { route, file, pay } = figures;
      lines.push(words.route(route.label, file), words.grade(route.grade), words.years(route.window.requiredYears));
      lines.push(pay ? words.pay(formatRange(pay)) : words.noPay);
      if (data.rules.rules.sample) lines.push(words.sample);
    }
  }
  const ref = job.exam;
  if (ref?.year !== undefined && ref.id) {
    const scheduled = findExam(data.calendars, { year: Number(ref.year), id: ref.id });
    if (!scheduled) lines.push(words.unknownExam(Number(ref.year), ref.id));
    else {
      const { exam } = scheduled;
      lines.push(
        words.exam(scheduled.fiscalYear, exam.name, `content/exams/${scheduled.fiscalYear}.yaml`),
        words.window(formatDate(exam.internet.from), formatDate(exam.internet.to)),
      );
      if (exam.post) lines.push(words.post(formatDate(exam.post.from), formatDate(exam.post.postmarkedBy)));
      lines.push(words.status(ui.status[examStatus(exam, today)]));
      if (scheduled.sample) lines.push(words.sample);
    }
  }
  return lines;
}
