/** A job application, as the apply form sends it. The same rules run in the browser and in the Worker. */
import { z } from 'zod';
import { isCalendarDate } from '../lib/calendar';
import siteConfig from '../site.config';
import { consent, email, furigana, idempotencyKey, isoDate, isoMonth, optionalText, phone, postalCode, requiredText } from './fields';

export const educationLevels = ['大学院', '大学', '短期大学・高等専門学校', '専門学校', '高等学校', 'その他'] as const;
export const referralSources = [
  'このサイト',
  `${siteConfig.organisation.name}のホームページ・広報紙`,
  '就職・転職サイト',
  'SNS',
  '説明会・イベント',
  '知人・職員からの紹介',
  'その他',
] as const;

/** Limits shown beside the fields. */
export const applicationLimits = { motivation: 800, qualifications: 500, duties: 300, workEntries: 10, cvBytes: 5 * 1024 * 1024 } as const;

const choice = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: `${label}を選んでください` });

export const workEntry = z.strictObject(
  {
    employer: requiredText({ label: '勤務先', max: 100 }),
    from: isoMonth('勤務開始年月'),
    /** Empty while still employed there. */
    to: z.union([isoMonth('勤務終了年月'), z.literal('')]).optional(),
    duties: optionalText({ label: '職務内容', max: applicationLimits.duties, multiline: true }),
  },
  { error: '職歴の入力内容を確認してください' },
);

/** Work-history rows the form sends; rows left entirely blank are dropped before validation. */
export const isBlankWorkEntry = (row: Record<string, unknown>) => Object.values(row).every((v) => v === undefined || v === '');

export const applicationSchema = z
  .strictObject(
    {
      jobId: z
        .string({ error: '応募する募集が指定されていません' })
        .regex(/^[a-z0-9-]{1,100}$/, { error: '応募する募集が指定されていません' }),
      idempotencyKey,
      name: requiredText({ label: '氏名', max: 50 }),
      nameKana: furigana('氏名（フリガナ）'),
      birthDate: isoDate('生年月日'),
      email,
      phone,
      postalCode,
      address: requiredText({ label: '住所', max: 200 }),
      educationLevel: choice(educationLevels, '最終学歴'),
      school: requiredText({ label: '学校名・学部', max: 100 }),
      graduated: isoMonth('卒業（修了）年月'),
      work: z
        .array(workEntry)
        .max(applicationLimits.workEntries, { error: `職歴は${applicationLimits.workEntries}件までにしてください` })
        .default([]),
      qualifications: optionalText({ label: '資格・免許', max: applicationLimits.qualifications, multiline: true }),
      motivation: requiredText({ label: '志望動機', max: applicationLimits.motivation, multiline: true }),
      referral: choice(referralSources, 'この募集を知ったきっかけ'),
      consent,
    },
    { error: '入力内容を確認してください' },
  )
  .superRefine((a, ctx) => {
    // Only a date that exists is compared (isoDate names one that does not); today is the machine's, in UTC: tests
    // that reach this comparison set the clock themselves.
    const year = Number(a.birthDate.slice(0, 4));
    if (isCalendarDate(a.birthDate) && (year < 1940 || a.birthDate > new Date().toISOString().slice(0, 10))) {
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: '生年月日を確認してください' });
    }
    a.work.forEach((w, i) => {
      if (w.to && w.to < w.from)
        ctx.addIssue({ code: 'custom', path: ['work', i, 'to'], message: '勤務終了年月は勤務開始年月より後にしてください' });
    });
  });

export type Application = z.infer<typeof applicationSchema>;

/** Field order on the form, for the error summary. */
export const applicationFieldOrder = Object.keys(applicationSchema.shape);
