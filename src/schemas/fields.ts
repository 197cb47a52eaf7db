/**
 * Field rules for what people submit, shared by the browser and the Worker. Messages say what to do,
 * in Japanese. Text is kept exactly as typed (no NFC/NFKC: that would rewrite compatibility kanji
 * in names); normalised forms are used only to compare.
 */
import { z } from 'zod';
import { dateParts, isCalendarDate, isCalendarMonth, monthParts } from '../lib/calendar';

// No `new Function` fast path: a strict Content-Security-Policy (no 'unsafe-eval') forbids it in the browser,
// and Workers forbid it too. The check zod makes to find out is itself reported as a violation.
// Every check carries its own Japanese message; anything else zod finds (a list where text was expected, an object
// where a list was) gets this one instead of zod's English. It happens only when a request was not sent by our forms.
z.config({
  jitless: true,
  customError: () => '送信された内容の形式が正しくありません。ページを読み込み直して、もう一度入力してください',
});

// C0 controls other than tab/CR/LF, DEL, and C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\r\n]/;
// A UTF-16 surrogate without its pair cannot be stored or mailed faithfully.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Characters as a person counts them (an emoji or a surrogate pair is one). */
export const charCount = (s: string) => [...s].length;

interface TextOptions {
  label: string;
  max: number;
  multiline?: boolean;
}

function checkedText({ label, max, multiline = false }: TextOptions) {
  return z
    .string({ error: `${label}を入力してください` })
    .refine((s) => !LONE_SURROGATE.test(s), { error: `${label}に使えない文字が含まれています。入力し直してください` })
    .refine((s) => !CONTROL.test(s), { error: `${label}に制御文字が含まれています。取り除いてください` })
    .refine((s) => multiline || !LINE_BREAK.test(s), { error: `${label}は改行せずに入力してください` })
    .refine((s) => charCount(s) <= max, { error: `${label}は${max}文字以内で入力してください` });
}

/** Required text: must contain something other than spaces. */
export const requiredText = (o: TextOptions) =>
  checkedText(o).refine((s) => s.trim().length > 0, { error: `${o.label}を入力してください` });

/** Optional text: an empty string means "not given". */
export const optionalText = (o: TextOptions) => checkedText(o).optional();

/** Furigana in katakana or hiragana, spaces allowed. */
export const furigana = (label: string) =>
  // Checked on an NFKC copy, so half-width ｶﾞ and NFD か\u3099 count as kana; the text itself is kept as typed.
  requiredText({ label, max: 100 }).refine((s) => /^[\p{Script=Katakana}\p{Script=Hiragana}ー・\s　]+$/u.test(s.normalize('NFKC').trim()), {
    error: `${label}はカタカナかひらがなで入力してください`,
  });

/**
 * An address is stored and mailed as its NFKC form, trimmed (ｆｕｌｌ＠ｅｘａｍｐｌｅ．ｊｐ → full@example.jp, ﬁ → fi), unlike
 * names: an address has no compatibility kanji to keep, and a mail must go where the check said it would.
 */
export const email = requiredText({ label: 'メールアドレス', max: 254 })
  .transform((s) => s.normalize('NFKC').trim())
  .refine((s) => z.email().safeParse(s).success, { error: 'メールアドレスを name@example.jp の形で入力してください' });

/**
 * The address used to compare (one sign-up per person, the daily mail cap, the status link): NFKC, trimmed, lower
 * case, and without a +tag, since name+a@ and name+b@ reach one mailbox.
 */
export function emailKey(s: string): string {
  const address = s.normalize('NFKC').trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const local = address.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}${address.slice(at)}`;
}

export const phone = requiredText({ label: '電話番号', max: 20 }).refine(
  (s) => /^0\d{9,10}$/.test(s.normalize('NFKC').replace(/[-\s()]/g, '')),
  { error: '電話番号を 03-1234-5678 のように、市外局番から半角数字で入力してください' },
);

export const postalCode = requiredText({ label: '郵便番号', max: 10 }).refine((s) => /^\d{3}-?\d{4}$/.test(s.normalize('NFKC').trim()), {
  error: '郵便番号を 176-8501 の形で入力してください',
});

/**
 * A calendar date typed into <input type="date">: YYYY-MM-DD, a day that exists. A browser's date picker offers no
 * other, but a form posted without it (or a typed field) can send 1990-02-30, which Date.parse would roll over into
 * March: refused with the date read back, so the person sees what to correct.
 */
export const isoDate = (label: string) =>
  z.string({ error: `${label}を入力してください` }).superRefine((s, ctx) => {
    const p = dateParts(s);
    if (p === null) ctx.addIssue({ code: 'custom', message: `${label}を 1990-04-01 の形で入力してください` });
    else if (!isCalendarDate(s))
      ctx.addIssue({
        code: 'custom',
        message: `${label}に存在しない日付（${p.year}年${p.month}月${p.day}日）が入力されています。正しい日付を入力してください`,
      });
  });

/** A month typed into <input type="month">: YYYY-MM, a month that exists (01 to 12). */
export const isoMonth = (label: string) =>
  z.string({ error: `${label}を入力してください` }).superRefine((s, ctx) => {
    const p = monthParts(s);
    if (p === null) ctx.addIssue({ code: 'custom', message: `${label}を 2020-04 の形で入力してください` });
    else if (!isCalendarMonth(s))
      ctx.addIssue({
        code: 'custom',
        message: `${label}に存在しない年月（${p.year}年${p.month}月）が入力されています。正しい年月を入力してください`,
      });
  });

/** The privacy notice must be agreed to: a checkbox sends "on"; JSON sends true. */
export const consent = z.union([z.literal(true), z.literal('on'), z.literal('true')], {
  error: '個人情報の取扱いに同意していただく必要があります。内容をご確認のうえ、チェックを入れてください',
});

/**
 * Set by the page's script so a double click or a retry stores one submission. A form posted without
 * JavaScript has none; the Worker then derives one from the content, so an identical resubmission is one too.
 */
export const idempotencyKey = z
  .string({ error: 'ページを読み込み直してから、もう一度送信してください' })
  .regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'ページを読み込み直してから、もう一度送信してください' })
  .optional();

/** Left empty by people; filled by simple bots. */
export const HONEYPOT_FIELD = 'website';
