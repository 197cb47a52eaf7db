/**
 * Building blocks shared by the content schemas, with messages a recruiter can act on.
 * Plain `zod` (the same instance Astro re-exports), so the Worker can import these too.
 */
import { z } from 'zod';
import { dateParts, isCalendarDate } from '../lib/calendar';

/** What a recruiter reads about a date written in the right form that does not exist, e.g. 2026-02-30. */
export function impossibleDateMessage(date: string): string {
  const p = dateParts(date);
  const shown = p ? `${p.year}年${p.month}月${p.day}日` : date;
  return `存在しない日付（${shown}）が書かれています。正しい日付を書いてください`;
}

/**
 * A calendar date written as 2026-12-20, a day that exists. YAML hands an unquoted date over as a Date at UTC
 * midnight; both forms are accepted and kept as the string YYYY-MM-DD. An unquoted date that does not exist
 * (2026-02-30) reaches the schema already rolled over into March: the content checks find it in the file itself
 * (impossibleDateProblems in src/lib/content-checks.ts).
 */
export const calendarDate = z
  .union([z.string(), z.date()], { error: '日付を 2026-12-20 の形で書いてください' })
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  .superRefine((s, ctx) => {
    if (dateParts(s) === null) ctx.addIssue({ code: 'custom', message: '日付を 2026-12-20 の形で書いてください' });
    else if (!isCalendarDate(s)) ctx.addIssue({ code: 'custom', message: impossibleDateMessage(s) });
  });

/** A local time in Japan, e.g. 13:30. */
export const clockTime = z
  .string({ error: '時刻を 13:30 の形で書いてください' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '時刻を 13:30 の形（24時間制）で書いてください' });

/** Text a visitor reads: trimmed, not empty. */
export const text = (max: number) =>
  z
    .string({ error: '文字で入力してください' })
    .trim()
    .min(1, { error: '入力してください' })
    .max(max, { error: `${max}文字以内で書いてください` });

/** Japanese text from a fixed list, with the choices in the message. */
export const oneOf = (choices: readonly [string, ...string[]], what: string) =>
  z.enum(choices as [string, ...string[]], { error: `${what}は次のいずれかにしてください：${choices.join('、')}` });

/** A stable session id used in registrations and calendar files: never change it once published. */
export const sessionId = z
  .string({ error: '回のIDを書いてください' })
  .regex(/^[a-z0-9][a-z0-9-]{2,63}$/, { error: '回のIDは半角英小文字・数字・ハイフンで3〜64文字にしてください（例：ict-2026-02-a）' });

export const yen = z.number({ error: '金額を半角数字で書いてください（例：215000）' }).int().min(0).max(10_000_000);
