/**
 * Everything that makes this site Nerima's rather than another ward's.
 * Another ward adopts the site by editing this file and `content/` alone.
 * Validated at import, so a typo fails the build instead of shipping.
 */
import { z } from 'zod';

const url = z.url();
const hexColour = z.string().regex(/^#[0-9a-f]{6}$/i, 'expected a colour such as #1a7f37');

const siteConfigSchema = z.object({
  /** Public origin, no trailing slash: canonical URLs, sitemap, JSON-LD. */
  origin: url.refine((u) => !u.endsWith('/'), 'no trailing slash'),
  /** The employer, as it signs its notices. */
  organisation: z.object({
    name: z.string().min(1),
    nameEn: z.string().min(1),
    /** The department that runs recruitment. */
    hrDepartment: z.string().min(1),
    postalCode: z.string().regex(/^\d{3}-\d{4}$/),
    /** ISO 3166-2 region, e.g. JP-13 for Tokyo. */
    region: z.string().min(1),
    locality: z.string().min(1),
    streetAddress: z.string().min(1),
    phone: z.string().min(1),
    email: z.email(),
    /** The ward's main website. */
    homepage: url,
    logo: z.string().startsWith('/'),
  }),
  /** Name of this site, shown in the header and the title of every page. */
  siteName: z.string().min(1),
  siteDescription: z.string().min(1),
  /** Brand colours; the rest of the palette derives from them in tokens.css. */
  colours: z.object({ brand: hexColour, brandDark: hexColour, accent: hexColour }),
  /** Hosts of the ward's staff-only modules; internal links must point at one of them. */
  internalModuleHosts: z.array(z.string().min(1)).min(1),
  /** Session reminders: days before each session day (0 = the morning of the day); sent by the 07:00 JST cron. */
  reminders: z.object({ daysBefore: z.array(z.number().int().min(0).max(14)).max(4) }),
  /** Mail senders and the ward's inbox for notifications. */
  mail: z.object({ from: z.string().min(1), notify: z.email() }),
  /** The body that runs the joint exams (特別区人事委員会): its name and current website. Exam links must be on it. */
  examBody: z.object({ name: z.string().min(1), homepage: url }),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

export const site: SiteConfig = siteConfigSchema.parse({
  origin: 'https://careers.city.nerima.tokyo.jp',
  organisation: {
    name: '練馬区',
    nameEn: 'Nerima City',
    hrDepartment: '練馬区 総務部 職員課 人材確保係',
    postalCode: '176-8501',
    region: '東京都',
    locality: '練馬区',
    streetAddress: '豊玉北6丁目12番1号',
    phone: '03-3993-1111',
    email: 'saiyou@city.nerima.tokyo.jp',
    homepage: 'https://www.city.nerima.tokyo.jp/',
    logo: '/logo.svg',
  },
  siteName: '練馬区 職員採用・インターンシップ',
  siteDescription: '練馬区の職員採用（経験者採用・新卒・専門人材・会計年度任用職員）とインターンシップ、採用説明会の情報を掲載しています。',
  colours: { brand: '#1a7f37', brandDark: '#0f5323', accent: '#f2c14e' },
  internalModuleHosts: ['intra.city.nerima.tokyo.jp'],
  reminders: { daysBefore: [2, 0] },
  mail: { from: '練馬区 職員採用 <no-reply@careers.city.nerima.tokyo.jp>', notify: 'saiyou@city.nerima.tokyo.jp' },
  examBody: { name: '特別区人事委員会', homepage: 'https://www.union.tokyo23city.lg.jp/' },
});
