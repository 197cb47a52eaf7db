/**
 * Everything that makes this site Nerima's rather than another ward's.
 * Another ward adopts the site by editing this file and `content/` alone.
 * Checked against src/config/site-schema.ts: as you type (its types), and at every build and Worker start
 * (src/config/site.ts), where a mistake stops with the file and the key to fix instead of shipping.
 * Plain data with a type-only import, so that browser scripts can read a name from it without the validator.
 */
import type { SiteConfigInput } from './config/site-schema';

export default {
  origin: 'https://careers.city.nerima.tokyo.jp',
  organisation: {
    name: '練馬区',
    nameEn: 'Nerima City',
    code: '131202',
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
} satisfies SiteConfigInput;
