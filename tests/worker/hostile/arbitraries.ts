/**
 * fast-check arbitraries built from the rules of the shared schemas (src/schemas/fields.ts, application.ts,
 * registration.ts): every value they generate is one the schema accepts, checked field by field.
 */
import fc from 'fast-check';
import {
  applicationLimits,
  applicationSchema,
  educationLevels,
  referralSources,
  workEntry as workSchema,
} from '../../../src/schemas/application';
import { registrationLimits, registrationSchema, schoolYears } from '../../../src/schemas/registration';

/** One "character" a Japanese applicant may type or paste (some are several code points, e.g. a ZWJ emoji). */
const japaneseChars = [
  ...'あいうえおかきくけこさしすせそがぎぐげごぱぴぷぺぽゃゅょっゐゑをんゔ',
  ...'アイウエオカキクケコサシスセソガギグゲゴパピプペポャュョッヰヱヲンヴヷー・',
  ...'練馬区役所豊玉北丁目東京都大学院職員採用髙﨑德濵',
  '\uFA19', // compatibility kanji 神
  '𠮷', // outside the BMP
  '葛\u{E0100}', // with an ideographic variation selector
  ...'ＡＢＣｘｙｚ０１２３４５６７８９＠．',
  ...'ｱｲｳｴｵｶﾞﾊﾟｰ･',
  'か\u3099', // NFD
  '😀',
  '👩\u200D💻',
  '🇯🇵',
  '\u200B',
  '\uFEFF',
  '\u202E',
  '\u2028',
  '〜',
  '～',
  '　',
  ' ',
  '\t',
];
const markup = ['<', '>', '"', "'", '&', ';', '--', '/*', '$&', '$`', '\\', '%', '{', '}'];

const singleChar = fc.oneof(
  { arbitrary: fc.constantFrom(...japaneseChars), weight: 5 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), weight: 2 },
  { arbitrary: fc.constantFrom(...markup), weight: 1 },
);
const lineBreak = fc.constantFrom('\n', '\r\n', '\r');

/** Text the field's own schema accepts: mostly short, sometimes up to its limit. */
function text(field: { safeParse(v: unknown): { success: boolean } }, max: number, multiline: boolean): fc.Arbitrary<string> {
  const unit = multiline ? fc.oneof({ arbitrary: singleChar, weight: 9 }, { arbitrary: lineBreak, weight: 1 }) : singleChar;
  const long = fc.string({
    unit: fc.constantFrom(...japaneseChars.filter((c) => [...c].length === 1)),
    minLength: Math.max(1, max - 3),
    maxLength: max,
  });
  return fc
    .oneof({ arbitrary: fc.string({ unit, minLength: 1, maxLength: Math.min(max, 40) }), weight: 5 }, { arbitrary: long, weight: 1 })
    .filter((s) => field.safeParse(s).success);
}

const kanaChars = [
  ...'アイウエオカキクケコガギグゲゴパピプペポャュョッンヴーあいうえおかきくけこがぎぐげごっんゔゝゞヽヾ・ｱｲｳｴｵｶｷｸｹｺ',
  ' ',
  '　',
];
const a = applicationSchema.shape;
const r = registrationSchema.shape;

const kana = fc.string({ unit: fc.constantFrom(...kanaChars), minLength: 1, maxLength: 30 }).filter((s) => a.nameKana.safeParse(s).success);

/** Addresses zod takes, sometimes typed in full width or in capitals (compared after NFKC, stored as typed). */
const email = fc
  .tuple(fc.emailAddress(), fc.constantFrom('as is', 'upper', 'full width'))
  .map(([address, form]) =>
    form === 'upper'
      ? address.toUpperCase()
      : form === 'full width'
        ? address.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
        : address,
  )
  .filter((s) => a.email.safeParse(s).success);

const digit = fc
  .tuple(fc.integer({ min: 0, max: 9 }), fc.boolean())
  .map(([d, wide]) => (wide ? String.fromCharCode(0xff10 + d) : String(d)));
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((ds) => ds.join(''));

/** 0 and 9–10 digits, grouped with hyphens, spaces or brackets, in half or full width. */
const phone = fc
  .tuple(fc.integer({ min: 9, max: 10 }), fc.constantFrom('-', '', ' ', '－'), fc.boolean())
  .chain(([n, sep, brackets]) =>
    digits(n).map((ds) => {
      const [area, mid, last] = [ds.slice(0, 2), ds.slice(2, n - 4), ds.slice(n - 4)];
      return brackets ? `0${area}(${mid})${last}` : `0${area}${sep}${mid}${sep}${last}`;
    }),
  )
  .filter((s) => a.phone.safeParse(s).success);

const postalCode = fc
  .tuple(digits(3), digits(4), fc.constantFrom('-', '', '－'), fc.constantFrom('', ' ', '　'))
  .map(([x, y, sep, pad]) => `${pad}${x}${sep}${y}${pad}`)
  .filter((s) => a.postalCode.safeParse(s).success);

const month = fc
  .tuple(fc.integer({ min: 1950, max: 2099 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

/** A birth date from 1940 to yesterday (the schema's rule). */
const birthDate = fc
  .date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date(Date.now() - 86_400_000), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const workEntry = fc
  .record(
    {
      employer: text(workSchema.shape.employer, 100, false),
      from: month,
      to: fc.oneof(fc.constant(''), month),
      duties: text(workSchema.shape.duties, applicationLimits.duties, true),
    },
    { requiredKeys: ['employer', 'from'] },
  )
  // The end of a job is not before its start (the schema's cross-field rule).
  .map((w) => (w.to && w.to < w.from ? { ...w, to: w.from } : w));

/** The fields of an application the schema accepts (without jobId, key and consent, which the test sets). */
export const applicationFields = fc.record(
  {
    name: text(a.name, 50, false),
    nameKana: kana,
    birthDate,
    email,
    phone,
    postalCode,
    address: text(a.address, 200, false),
    educationLevel: fc.constantFrom(...educationLevels),
    school: text(a.school, 100, false),
    graduated: month,
    work: fc.array(workEntry, { maxLength: 3 }),
    qualifications: fc.oneof(fc.constant(''), text(a.qualifications, applicationLimits.qualifications, true)),
    motivation: text(a.motivation, applicationLimits.motivation, true),
    referral: fc.constantFrom(...referralSources),
  },
  {
    requiredKeys: [
      'name',
      'nameKana',
      'birthDate',
      'email',
      'phone',
      'postalCode',
      'address',
      'educationLevel',
      'school',
      'graduated',
      'motivation',
      'referral',
    ],
  },
);

/** The fields of a registration the schema accepts (without sessionId, key and consent). */
export const registrationFields = fc.record(
  {
    name: text(r.name, 50, false),
    nameKana: kana,
    email,
    school: text(r.school, 100, false),
    faculty: fc.oneof(fc.constant(''), text(r.faculty, 100, false)),
    year: fc.constantFrom(...schoolYears),
    motivation: fc.oneof(fc.constant(''), text(r.motivation, registrationLimits.motivation, true)),
    supportNeeds: fc.oneof(fc.constant(''), text(r.supportNeeds, registrationLimits.supportNeeds, true)),
  },
  { requiredKeys: ['name', 'nameKana', 'email', 'school', 'year'] },
);

/** An idempotency key the schema accepts, or none (the Worker then derives one from the content). */
export const idempotencyKey = fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{16,48}$/), { nil: undefined });

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.constantFrom('\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\u009F');

/** Strings that break some text rule: too long, a control character, a lone surrogate, a line break, only spaces. */
export const badText = fc.oneof(
  fc.tuple(fc.string({ maxLength: 5 }), loneSurrogate, fc.string({ maxLength: 5 })).map((p) => p.join('')),
  fc.tuple(fc.string({ maxLength: 5 }), control, fc.string({ maxLength: 5 })).map((p) => p.join('')),
  fc.tuple(fc.string({ minLength: 1, maxLength: 5 }), lineBreak, fc.string({ minLength: 1, maxLength: 5 })).map((p) => p.join('')),
  fc.constantFrom('', ' ', '　', '\t', ' \u3000 '),
  fc.integer({ min: 1, max: 40 }).map((n) => '練'.repeat(801 + n)),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Any JSON value at all (for the JSON body), or a text that breaks a rule. */
export const badJsonValue = fc.oneof({ arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 2 }, { arbitrary: badText, weight: 3 });

/** A name for a member the schema does not know (never the honeypot, Turnstile's field, a group or a prototype key). */
export const unknownName = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
  .filter(
    (k) =>
      !(k in applicationSchema.shape) &&
      !(k in registrationSchema.shape) &&
      !['website', 'cf-turnstile-response', '__proto__', 'constructor', 'prototype'].includes(k) &&
      !k.includes('.'),
  );
