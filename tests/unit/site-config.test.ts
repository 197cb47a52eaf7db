import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { retention } from '../../functions/lib/retention';
import { site } from '../../src/config/site';
import {
  defineSiteConfig,
  isLocalGovernmentCode,
  SiteConfigError,
  type SiteConfigInput,
  siteConfigProblems,
  siteConfigSchema,
} from '../../src/config/site-schema';

/** A fictional ward's config with only what has no default. */
const mihon: SiteConfigInput = {
  origin: 'https://careers.example.lg.jp',
  organisation: {
    name: '見本区',
    nameEn: 'Mihon City',
    code: '139998',
    hrDepartment: '見本区 総務部 職員課',
    postalCode: '100-0001',
    region: '東京都',
    locality: '見本区',
    streetAddress: '見本1丁目1番1号',
    phone: '03-0000-0000',
    email: 'saiyou@example.lg.jp',
    homepage: 'https://www.example.lg.jp/',
    logo: '/logo.svg',
  },
  siteName: '見本区 職員採用',
  siteDescription: '見本区の職員採用の情報です。',
  internalModuleHosts: ['intra.example.lg.jp'],
  mail: { from: '見本区 職員採用 <no-reply@careers.example.lg.jp>', notify: 'saiyou@example.lg.jp' },
  examBody: { name: '特別区人事委員会', homepage: 'https://www.union.tokyo23city.lg.jp/' },
};
const FILE = 'examples/mihon/src/site.config.ts';
const WARD_LITERALS = /練馬|ねりま|Nerima|nerima|131202|city\.nerima/;

describe('the local government code (全国地方公共団体コード)', () => {
  it('accepts codes whose check digit is right: Nerima, Tokyo, Sapporo', () => {
    for (const code of ['131202', '130001', '011002']) expect(isLocalGovernmentCode(code), code).toBe(true);
  });
  it('refuses every other last digit, and what is not six digits', () => {
    const wrong = Array.from({ length: 10 }, (_, d) => `13120${d}`).filter((c) => c !== '131202');
    expect(wrong.filter(isLocalGovernmentCode)).toEqual([]);
    for (const code of ['13120', '1312020', '13120a', '', '１３１２０２']) expect(isLocalGovernmentCode(code), code).toBe(false);
  });
  it("the fictional ward's code is valid, and is no ward's", () => {
    expect(isLocalGovernmentCode(mihon.organisation.code)).toBe(true);
  });
});

describe('the site config', () => {
  it("parses Nerima's config, with its code, and hands the retention days to the Worker's purge", () => {
    expect(site.origin).toMatch(/^https:\/\/[^/]+$/);
    expect(site.organisation.code).toBe('131202');
    expect(retention).toEqual(site.retention);
  });

  it('names the file and the key path of each problem', () => {
    const broken = {
      ...mihon,
      organisation: { ...mihon.organisation, code: '131203', nmae: 'typo' },
      colours: { brand: 'green' },
      retention: { applicationDays: 0 },
    };
    const problems = siteConfigProblems(broken, FILE);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^examples\/mihon\/src\/site\.config\.ts: organisation\.code: 6桁の全国地方公共団体コード/),
        `${FILE}: organisation.nmae: この設定項目はありません（綴りを確かめてください）`,
        `${FILE}: colours.brand: #1a7f37 のような6桁の色コードにしてください`,
        `${FILE}: retention.applicationDays: 1日以上にしてください`,
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(() => defineSiteConfig(broken as SiteConfigInput, FILE)).toThrow(SiteConfigError);
  });

  it('gives an adopter who sets nothing an error per identity key, never a ward identity', () => {
    const problems = siteConfigProblems({}, FILE);
    for (const key of ['origin', 'organisation', 'siteName', 'siteDescription', 'internalModuleHosts', 'mail', 'examBody'])
      expect(problems, key).toContain(`${FILE}: ${key}: 必須です。書いてください`);
    // What it sets nothing about gets neutral defaults: no ward's name, code or colours.
    const parsed = defineSiteConfig(mihon, FILE);
    expect(JSON.stringify(parsed)).not.toMatch(WARD_LITERALS);
    expect(parsed.colours).not.toEqual(site.colours);
    expect(parsed.retention).toEqual({
      applicationDays: 365,
      registrationDays: 180,
      supportNeedsDays: 30,
      sentMailDays: 30,
      stoppedAlertDays: 30,
    });
  });

  it('describes every field and refuses unknown keys at every level', () => {
    const undescribed: string[] = [];
    const loose: string[] = [];
    const walk = (node: Record<string, unknown>, path: string) => {
      const properties = node['properties'] as Record<string, Record<string, unknown>> | undefined;
      if (node['type'] === 'object' && properties) {
        if (node['additionalProperties'] !== false) loose.push(path || '(root)');
        for (const [key, child] of Object.entries(properties)) {
          const at = path ? `${path}.${key}` : key;
          if (typeof child['description'] !== 'string' || child['description'] === '') undescribed.push(at);
          walk(child, at);
        }
      }
      const items = node['items'] as Record<string, unknown> | undefined;
      if (items) walk(items, `${path}[]`);
    };
    walk(z.toJSONSchema(siteConfigSchema, { io: 'input' }) as Record<string, unknown>, '');
    expect(undescribed).toEqual([]);
    expect(loose).toEqual([]);
  });

  it('states in the privacy notice the retention periods the purge applies', () => {
    const privacy = readFileSync('content/pages/privacy.md', 'utf8');
    const period = (days: number) => (days % 365 === 0 ? `${days / 365}年` : `${days}日`);
    expect(privacy).toContain(`締切日から${period(site.retention.applicationDays)}を経過した後に消去`);
    expect(privacy).toContain(`開催日から${period(site.retention.registrationDays)}を経過した後に消去`);
    expect(privacy).toContain(`停止から${period(site.retention.stoppedAlertDays)}を経過した後に消去`);
    expect(privacy).toContain(`送信から${period(site.retention.sentMailDays)}を経過した後に消去`);
  });
});
