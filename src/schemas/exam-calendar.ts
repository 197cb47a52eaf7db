/**
 * The special wards' joint exams (特別区職員採用試験・選考) of one fiscal year, as their exam guide (試験案内)
 * publishes them: one file per year in content/exams. Every joint-exam opening takes its application window, its
 * status and its selection steps from here (src/lib/exam-calendar.ts), never from its own front matter.
 * Plain zod, like the other content schemas, so unit tests and the build read the same rules.
 */
import { z } from 'zod';
import { site } from '../config/site';
import { calendarDate, text } from './common';

const examId = z
  .string({ error: '試験のID（id）を書いてください（例：keiken）' })
  .regex(/^[a-z0-9][a-z0-9-]{1,30}$/, { error: '試験のID（id）は半角英小文字・数字・ハイフンで書いてください（例：keiken）' });

/** A date or a period: 第2次試験 runs over days the candidate is told individually. */
const examStep = z
  .object({
    /** As the guide names it, e.g. 「第1次試験」「最終合格発表」. */
    step: text(40),
    /** The day; or the first day of a period. */
    date: calendarDate,
    /** The last day of a period, e.g. 第2次試験 over ten days. */
    until: calendarDate.optional(),
    /** What the guide adds, e.g. 「日時は第1次合格者に通知します」. */
    note: text(120).optional(),
  })
  .refine((s) => s.until === undefined || s.until >= s.date, {
    error: '期間の終わり（until）は始まり（date）と同じか後の日付にしてください',
    path: ['until'],
  });

const onExamHost = (u: string) => new URL(u).host === new URL(site.examBody.homepage).host;

const exam = z
  .object({
    id: examId,
    /** As the guide names it, e.g. 「経験者採用試験・選考」. */
    name: text(60),
    /** What it is, in one line: who it is for. */
    summary: text(200),
    /** The routes of content/rules this exam selects for (their experience and age are counted to its reference date). */
    routes: z
      .array(z.string().regex(/^[a-z0-9-]{2,60}$/, { error: '区分（routes）は content/rules の routes の id で書いてください' }))
      .default([]),
    /** 告示: the day the guide is published. */
    announcedOn: calendarDate,
    /** Applications through the exam body's website: from and to, inclusive (to is the last day). */
    internet: z.object({ from: calendarDate, to: calendarDate, note: text(120).optional() }),
    /** Applications by post, when accepted: the last postmark accepted (「前日消印有効」 = the day before the internet deadline). */
    post: z.object({ from: calendarDate, postmarkedBy: calendarDate }).optional(),
    /** Each test and announcement, in order. */
    steps: z.array(examStep).min(1, { error: '試験・発表の日程（steps）を1つ以上書いてください' }),
    /** The guide's page for this exam, on the exam body's current site (site.config.ts: examBody). */
    url: z.url({ error: '試験案内のアドレスを https:// から書いてください' }).refine(onExamHost, {
      error: `試験案内のアドレスは ${new URL(site.examBody.homepage).host} のページにしてください（site.config.ts の examBody）`,
    }),
  })
  .refine((e) => e.internet.from <= e.internet.to, {
    error: '申込受付の終わり（internet.to）は始まり（internet.from）と同じか後の日付にしてください',
    path: ['internet', 'to'],
  })
  .refine((e) => e.announcedOn <= e.internet.from, {
    error: '申込受付の始まり（internet.from）は告示日（announcedOn）と同じか後の日付にしてください',
    path: ['internet', 'from'],
  })
  .refine((e) => e.post === undefined || (e.post.from <= e.post.postmarkedBy && e.post.postmarkedBy <= e.internet.to), {
    error: '郵送の消印の期限（post.postmarkedBy）は、郵送の受付開始日とインターネットの締切日の間にしてください',
    path: ['post', 'postmarkedBy'],
  })
  .refine((e) => e.steps.every((s, i) => s.date > e.internet.to && (i === 0 || s.date >= (e.steps[i - 1]?.date ?? ''))), {
    error: '試験・発表の日程（steps）は申込受付の後の日付で、古い順に書いてください',
    path: ['steps'],
  });

export const examCalendarSchema = z
  .object({
    /** The fiscal year the exam days fall in (令和9年度 = 2027): experience and age are counted to its last day. */
    fiscalYear: z.number().int().min(2000).max(2100),
    /** e.g. 「令和9年度 特別区職員採用試験・選考」. */
    title: text(80),
    /**
     * true while the dates are not yet the published ones but follow the published pattern: every page that shows
     * them says so.
     */
    sample: z.boolean(),
    /** Where the dates come from: the guide (試験案内) and, for samples, the year whose pattern they follow. */
    source: text(300),
    exams: z.array(exam).min(1),
    /** What a candidate must know before choosing an exam, as the guide states it, each with its source. */
    candidateRules: z
      .object({
        /** Exams of which only one can be applied for in the year, by the guide's names (I類・経験者・就職氷河期世代). */
        onlyOne: z.object({ exams: z.array(text(60)).min(2), source: text(200) }),
        nationality: z.object({
          /** Job families (as in src/lib/taxonomy.ts) that require Japanese nationality. */
          japaneseOnly: z.array(text(20)).min(1),
          /** Job families open to non-Japanese nationals holding one of `statuses`. */
          openToForeignNationals: z.array(text(20)).min(1),
          /** The residence statuses accepted, as the guide names them (永住者, 特別永住者 …). */
          statuses: z.array(text(20)).min(1),
          source: text(200),
        }),
      })
      .strict(),
  })
  .strict()
  .refine((c) => new Set(c.exams.map((e) => e.id)).size === c.exams.length, {
    error: '同じ年度の試験のID（id）が重複しています',
    path: ['exams'],
  });

export type ExamCalendar = z.infer<typeof examCalendarSchema>;
export type Exam = ExamCalendar['exams'][number];
export type ExamStep = Exam['steps'][number];
