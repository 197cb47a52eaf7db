/**
 * The shape of a ward's site config (src/site.config.ts): everything that makes the site one ward's rather than
 * another's. Nothing here names a ward. Identity (names, address, origin, mail, the local government code) has no
 * default: an adopter who sets nothing gets errors naming each key, never another ward's identity. The rest has
 * neutral defaults. Every object is strict (an unknown key is a typo, and fails), and every field says what it is
 * (`describe`, read by the tests and by anyone printing the schema).
 */
import { z } from 'zod';
import { contrastProblems } from './contrast';

const text = (description: string) => z.string().trim().min(1, { error: '空にはできません。書いてください' }).describe(description);
const https = (description: string) =>
  z.url({ protocol: /^https$/, error: 'https:// から始まるアドレスにしてください' }).describe(description);
const HEX = /^#[0-9a-f]{6}$/i;
const hexColour = (description: string) =>
  z.string().regex(HEX, { error: '#1a7f37 のような6桁の色コードにしてください' }).describe(description);
const host = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/, { error: 'ホスト名（例：intra.example.lg.jp）にしてください' });
const days = (description: string, fallback: number) =>
  z
    .number({ error: '日数を数字で書いてください' })
    .int({ error: '日数は整数にしてください' })
    .min(1, { error: '1日以上にしてください' })
    .max(3650, { error: '3650日（10年）以下にしてください' })
    .default(fallback)
    .describe(description);

/**
 * 全国地方公共団体コード: five digits and a check digit (総務省の定め): each of the five times 6, 5, 4, 3 and 2,
 * summed; the check digit is the last digit of 11 minus the sum's remainder by 11.
 */
export function isLocalGovernmentCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const sum = [6, 5, 4, 3, 2].reduce((acc, weight, i) => acc + weight * Number(code[i]), 0);
  return (11 - (sum % 11)) % 10 === Number(code[5]);
}

export const siteConfigSchema = z.strictObject({
  /** Public origin, no trailing slash: canonical URLs, sitemap, JSON-LD, mail links. */
  origin: https('公開するサイトのオリジン（末尾の / なし）。例：https://careers.example.lg.jp').refine((u) => !u.endsWith('/'), {
    error: '末尾に / を付けないでください',
  }),
  /** The employer, as it signs its notices. */
  organisation: z
    .strictObject({
      /** The official name, e.g. 「見本区」. */
      name: text('団体の正式名称（例：見本区）'),
      /** The English name, e.g. "Mihon City". */
      nameEn: text('団体の英語名（例：Mihon City）'),
      /** 全国地方公共団体コード, six digits with its check digit: the open data and the feeds carry it. */
      code: z
        .string()
        .refine(isLocalGovernmentCode, {
          error: '6桁の全国地方公共団体コード（最後の検査数字まで正しいもの。例：東京都は 130001）にしてください',
        })
        .describe('全国地方公共団体コード（6桁、検査数字を含む）'),
      /** The section that runs recruitment, as it signs. */
      hrDepartment: text('採用を担当する課・係（署名に使う名称）'),
      /** 〒 as 123-4567. */
      postalCode: z
        .string()
        .regex(/^\d{3}-\d{4}$/, { error: '123-4567 の形にしてください' })
        .describe('郵便番号（123-4567 の形）'),
      /** The prefecture, e.g. 東京都. */
      region: text('都道府県（例：東京都）'),
      /** The city or ward, e.g. 見本区. */
      locality: text('市区町村（例：見本区）'),
      /** The street address after the locality. */
      streetAddress: text('市区町村より後の所在地'),
      /** The HR section's phone number, as candidates dial it. */
      phone: z
        .string()
        .regex(/^0\d{1,4}-\d{1,4}-\d{3,4}$/, { error: '03-1234-5678 の形にしてください' })
        .describe('採用担当の電話番号（03-1234-5678 の形）'),
      /** The HR section's address for candidates' questions. */
      email: z.email({ error: 'メールアドレスにしてください' }).describe('問い合わせ先のメールアドレス'),
      /** The ward's main website. */
      homepage: https('団体の公式ホームページ'),
      /** The logo or wordmark, a file of public/ (e.g. /logo.svg). */
      logo: z
        .string()
        .regex(/^\/[\w./-]+\.(svg|png)$/, { error: 'public/ に置いた画像のパス（例：/logo.svg）にしてください' })
        .describe('ロゴ画像（public/ に置いたファイルのパス。例：/logo.svg）'),
    })
    .describe('採用する団体'),
  /** Name of this site, shown in the header and the title of every page. */
  siteName: text('サイト名（ヘッダーと各ページのタイトルに表示）'),
  /** One sentence for search results and share cards. */
  siteDescription: text('サイトの説明（検索結果や共有カードに表示）'),
  /** Brand colours; the rest of the palette derives from them in tokens.css. */
  colours: z
    .strictObject({
      /** The main colour: header, buttons, links' accents. */
      brand: hexColour('基調色（ヘッダー・ボタン）').default('#2c5f8a'),
      /** A darker shade of it, for hover and text on light backgrounds. */
      brandDark: hexColour('基調色の濃い色（ホバー・文字）').default('#1d4262'),
      /** The accent colour of highlights. */
      accent: hexColour('強調色').default('#e0b84a'),
    })
    .prefault({})
    .superRefine((colours, ctx) => {
      // Accessible by construction: every pair the styles draw with these colours (src/config/contrast.ts). A colour
      // that is not #rrggbb is reported at its key already.
      if (!Object.values(colours).every((c) => HEX.test(c))) return;
      for (const { key, message } of contrastProblems(colours)) ctx.addIssue({ code: 'custom', path: [key], message });
    })
    .describe('サイトの色（文字とのコントラスト比は自動で確かめます）'),
  /** Hosts of the ward's staff-only modules; internal links must point at one of them. */
  internalModuleHosts: z
    .array(host)
    .min(1, { error: '職員用モジュールのホストを1つ以上書いてください' })
    .describe('職員用モジュールのホスト名（内部リンクはこのどれかを指す）'),
  /** Session reminders: days before each session day (0 = the morning of the day); sent by the 07:00 JST cron. */
  reminders: z
    .strictObject({
      /** Days before the session (0 = that morning), at most four. */
      daysBefore: z
        .array(
          z
            .number({ error: '日数を数字で書いてください' })
            .int({ error: '日数は整数にしてください' })
            .min(0, { error: '0（当日の朝）以上にしてください' })
            .max(14, { error: '14日前までにしてください' }),
        )
        .max(4, { error: '4回までにしてください' })
        .default([2, 0])
        .describe('リマインダーを送る日（開催日の何日前か。0 は当日の朝）'),
    })
    .prefault({})
    .describe('説明会・インターンシップのリマインダー'),
  /** Mail senders and the ward's inbox for notifications. */
  mail: z
    .strictObject({
      /** The sender of every mail, e.g. 「見本区 職員採用 <no-reply@careers.example.lg.jp>」 (a verified domain). */
      from: text('送信者のアドレス（認証済みドメインのもの。表示名を付けてもよい。例：no-reply@careers.example.lg.jp）'),
      /** The HR section's inbox, told of each application and sign-up (never the applicant's data). */
      notify: z.email({ error: 'メールアドレスにしてください' }).describe('申込みの通知を受ける採用担当のアドレス'),
    })
    .describe('メールの送信者と通知先'),
  /** The body that runs the joint exams (特別区人事委員会): its name and current website. Exam links must be on it. */
  examBody: z
    .strictObject({
      /** Its name, e.g. 特別区人事委員会. */
      name: text('共同試験を実施する機関の名称'),
      /** Its website: every joint exam's link must be on this host. */
      homepage: https('共同試験を実施する機関のホームページ'),
    })
    .describe('共同試験を実施する機関'),
  /**
   * How long submissions are kept, in days, as the privacy notice states; the daily purge deletes what has passed.
   * Defaults: what the privacy notice of the project's content states.
   */
  retention: z
    .strictObject({
      /** Applications (with their documents): days after the opening closes. */
      applicationDays: days('応募：募集締切日の後に保存する日数', 365),
      /** Registrations: days after the session's last day. */
      registrationDays: days('説明会・インターンシップの申込み：開催最終日の後に保存する日数', 180),
      /** Support needs (may be sensitive): days after the session. */
      supportNeedsDays: days('配慮の申出（機微な情報を含みうる）：開催日の後に保存する日数', 30),
      /** Mail in the outbox, once sent. */
      sentMailDays: days('送信済みメール：送信後に保存する日数', 30),
      /** A stopped job alert (its address already blanked) and its links. */
      stoppedAlertDays: days('停止した新着通知：停止後に保存する日数', 30),
    })
    .prefault({})
    .describe('個人情報の保存期間（日）'),
});

/** The config as written (defaults may be left out). */
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
/** The config as the site reads it. */
export type SiteConfig = z.output<typeof siteConfigSchema>;

/** A config that does not parse: one line per problem, each naming the file and the key path. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** The problems of a config as `file: key.path: message` lines (empty when it parses). */
export function siteConfigProblems(input: unknown, file: string): string[] {
  const parsed = siteConfigSchema.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const key = issue.path.map(String).join('.') || '（全体）';
    // Unknown keys: zod reports them on the object, with their names in `keys`.
    if (issue.code === 'unrecognized_keys')
      return `${file}: ${issue.keys.map((k) => (key === '（全体）' ? k : `${key}.${k}`)).join(', ')}: この設定項目はありません（綴りを確かめてください）`;
    const message = issue.code === 'invalid_type' && issue.input === undefined ? '必須です。書いてください' : issue.message;
    return `${file}: ${key}: ${message}`;
  });
}

/** Parses a ward's config, or throws with every problem, each naming the file and the key path. */
export function defineSiteConfig(input: SiteConfigInput, file = 'src/site.config.ts'): SiteConfig {
  const problems = siteConfigProblems(input, file);
  if (problems.length > 0) throw new SiteConfigError(`サイト設定に誤りがあります：\n${problems.join('\n')}`);
  return siteConfigSchema.parse(input);
}
