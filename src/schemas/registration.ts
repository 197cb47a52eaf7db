/** A sign-up for an internship or event session, as the form sends it. Shared by the browser and the Worker. */
import { z } from 'zod';
import { consent, email, furigana, idempotencyKey, optionalText, requiredText } from './fields';

export const schoolYears = [
  '大学1年',
  '大学2年',
  '大学3年',
  '大学4年',
  '大学院1年',
  '大学院2年',
  '高専・短大・専門学校',
  '既卒・社会人',
  'その他',
] as const;
export const registrationLimits = { motivation: 400, supportNeeds: 400 } as const;

export const registrationSchema = z.strictObject(
  {
    sessionId: z
      .string({ error: '申し込む回が指定されていません' })
      .regex(/^[a-z0-9][a-z0-9-]{2,63}$/, { error: '申し込む回が指定されていません' }),
    idempotencyKey,
    name: requiredText({ label: '氏名', max: 50 }),
    nameKana: furigana('氏名（フリガナ）'),
    email,
    school: requiredText({ label: '学校名', max: 100 }),
    faculty: optionalText({ label: '学部・学科', max: 100 }),
    year: z.enum(schoolYears, { error: '学年を選んでください' }),
    motivation: optionalText({ label: '参加の動機', max: registrationLimits.motivation, multiline: true }),
    /** Sensitive (要配慮個人情報 may be given here): optional, deleted soon after the session. */
    supportNeeds: optionalText({ label: '参加にあたって必要な配慮', max: registrationLimits.supportNeeds, multiline: true }),
    consent,
  },
  { error: '入力内容を確認してください' },
);

export type Registration = z.infer<typeof registrationSchema>;
