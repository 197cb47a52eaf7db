/** The plan's content rules that one file cannot check alone, and the plan fields of the content schemas. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type InitiativeCell, sharedCellProblems } from '../../src/lib/plan-checks';
import { contentSchemas } from '../../src/schemas/content';

const schemas = contentSchemas({ stories: z.string(), pillars: z.string() });

describe('initiatives written in one cell of the plan summary', () => {
  const points = ['自主研究グループの支援を充実'];
  const eight: InitiativeCell = { file: '08.md', number: 8, pillar: 'development', planPoints: points, sharesCellWith: 9 };
  const nine: InitiativeCell = { file: '09.md', number: 9, pillar: 'development', planPoints: points, sharesCellWith: 8 };
  const seven: InitiativeCell = { file: '07.md', number: 7, pillar: 'development', planPoints: ['オンデマンド'] };

  it('accepts a pair that names each other, in one pillar, with the same points', () => {
    expect(sharedCellProblems([seven, eight, nine])).toEqual([]);
  });
  it('asks the other file to name this one back', () => {
    expect(sharedCellProblems([eight, { ...nine, sharesCellWith: undefined }])).toEqual([
      '08.md の sharesCellWith（9）：09.md にも sharesCellWith: 8 と書いてください（同じ欄の2つの取組は、お互いを指します）。',
    ]);
  });
  it('refuses an initiative in a cell with itself, or with one that does not exist', () => {
    expect(sharedCellProblems([{ ...seven, sharesCellWith: 7 }])).toEqual([
      '07.md の sharesCellWith（7）が自分自身の番号です。同じ欄にまとめて書かれている、もう一つの取組の番号にしてください。',
    ]);
    expect(sharedCellProblems([eight])).toEqual(['08.md の sharesCellWith（9）：取組9のファイルがありません。']);
  });
  it('asks for one pillar and the same points, once per pair', () => {
    expect(sharedCellProblems([eight, { ...nine, pillar: 'organisation', planPoints: ['別の記載'] }])).toEqual([
      '08.md と 09.md は同じ欄にあるので、同じ柱（pillar）にしてください。',
      '08.md と 09.md は同じ欄にあるので、プランの記載（planPoints）を同じにしてください。',
    ]);
  });
});

describe('plan schemas', () => {
  const initiative = {
    number: 3,
    title: '区独自の採用活動を積極的に行います',
    pillar: 'recruitment',
    planPoints: ['インターンシップの充実や区独自の採用活動を積極的に行い、区をPRする'],
    forCandidates: 'インターンシップや説明会を区が独自に開いています。',
    internalModule: { label: '運営ページ（職員専用）', url: 'https://intra.city.nerima.tokyo.jp/recruitment/outreach' },
  };

  it('links an initiative to pages of this site, and to none by default', () => {
    expect(schemas.initiatives.parse(initiative).siteLinks).toEqual([]);
    const links = [{ label: '説明会・イベント', href: '/events/' }];
    expect(schemas.initiatives.parse({ ...initiative, siteLinks: links }).siteLinks).toEqual(links);
  });
  it('refuses a site link that leaves the site', () => {
    const result = schemas.initiatives.safeParse({ ...initiative, siteLinks: [{ label: '外部', href: 'https://example.com/' }] });
    expect(result.error?.issues[0]?.message).toBe('このサイトのページのアドレスを / から書いてください（例：/jobs/type/experienced/）');
  });

  const overview = {
    source: '【概要版】練馬区人事・人材育成改革プランについて',
    sections: [
      { heading: '目的', paragraphs: ['令和5年3月に策定した…'] },
      {
        heading: '特別区全体に人事制度改革を発信',
        groups: [{ label: '人事委員会への要望事項', numbered: true, points: ['① メリハリのある給与体系'] }],
      },
    ],
  };
  it('accepts the first chapter as headed sections of paragraphs, mottos and groups of points', () => {
    const parsed = schemas.planOverview.parse(overview);
    expect(parsed.sections[0]?.groups).toEqual([]);
    expect(parsed.sections[1]?.paragraphs).toEqual([]);
  });
  it('refuses a section without its heading, and a group without points', () => {
    const noHeading = schemas.planOverview.safeParse({ ...overview, sections: [{ paragraphs: ['文'] }] });
    expect(noHeading.error?.issues[0]?.path).toEqual(['sections', 0, 'heading']);
    const noPoints = schemas.planOverview.safeParse({
      ...overview,
      sections: [{ heading: '方向性', groups: [{ label: '方向性', points: [] }] }],
    });
    expect(noPoints.error?.issues[0]?.path).toEqual(['sections', 0, 'groups', 0, 'points']);
  });
});
