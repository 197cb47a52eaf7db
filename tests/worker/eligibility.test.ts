/**
 * POST /api/eligibility: the checker for a form posted without JavaScript. The Worker answers with a page: the verdict
 * for each grade with the counted total, the pay estimate and the notices; a page listing the problems (422); a
 * refusal for another site (403). Nothing is stored: no table gains a row.
 */
import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { site } from '../../src/config/site';
import { ORIGIN, postForm } from './support';

/** Someone with 4 years 2 months at two employers: 2 years 正社員, then 2 years 2 months 契約社員. */
const twoEmployers = (extra: Record<string, string> = {}) =>
  new URLSearchParams({
    route: 'tokubetsuku-keiken-1',
    birthDate: '1990-05-10',
    education: 'university',
    'periods.0.from': '2021-04-01',
    'periods.0.to': '2023-03-31',
    'periods.0.hoursPerWeek': '40',
    'periods.0.kind': 'regular',
    'periods.0.field': '',
    'periods.1.from': '2023-04-01',
    'periods.1.to': '2025-05-31',
    'periods.1.hoursPerWeek': '38',
    'periods.1.kind': 'contract',
    'periods.1.field': '',
    'periods.2.from': '',
    'periods.2.to': '',
    'periods.2.hoursPerWeek': '',
    'periods.2.kind': '',
    'periods.2.field': '',
    ...extra,
  });

/** The page's text without its tags, so that a sentence reads as a person sees it. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Rows in every table of the database, by table. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%'",
  ).all<{ name: string }>();
  const counts: Record<string, number> = {};
  for (const { name } of tables.results)
    counts[name] = (await env.DB.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).first<{ n: number }>())?.n ?? 0;
  return counts;
}

describe('POST /api/eligibility from a form without JavaScript', () => {
  it('answers 4 years 2 months at two employers: 1級職 yes, 2級職 no, with the summary line and a monthly pay range', async () => {
    const before = await rowCounts();
    const r = await postForm('/api/eligibility', twoEmployers());
    expect(r.status).toBe(200);
    expect(r.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(r.headers.get('Cache-Control')).toBe('no-store');
    const html = await r.text();
    const text = textOf(html);

    expect(html).toContain('<meta name="robots" content="noindex"');
    expect(html).toMatch(/<h1>応募資格と初任給の確認結果<\/h1>/);
    expect(text).toContain('特別区 経験者採用 1級職：応募できます');
    expect(text).toContain('特別区 経験者採用 2級職（主任）：応募資格を満たしていません');
    expect(text).toContain('特別区 経験者採用 3級職（係長級）：応募資格を満たしていません');
    // Counted to the reference date of the next 経験者 exam: today (2026-12-07) the 令和8年度 window has closed, so
    // the 令和9年度 one, whose fiscal year ends on 31 March 2028; today's figure beside it.
    expect(text).toContain('2028年3月31日時点で直近10年のうち通算4年2か月（見込み。必要：4年）');
    expect(text).toContain('2028年3月31日時点で直近14年のうち通算4年2か月（見込み。必要：8年）');
    expect(text).toContain('本日（2026年12月7日）時点では直近10年のうち通算4年2か月');
    expect(text).toContain('令和9年度の経験者採用試験・選考の受験日の属する年度の末日（2028年3月31日）の時点で数えています');
    // Each period: whether and why it counted.
    expect(text).toContain('職歴1（2021年4月1日〜2023年3月31日・正社員・週40時間）');
    expect(text).toContain('数えます：2021年4月1日〜2023年3月31日（2年）');
    expect(text).toContain('職歴2（2023年4月1日〜2025年5月31日・契約社員・週38時間）');
    // Pay: 1級職, 大学卒 29号給 plus 14–16 steps for 3.73–4.17 converted years.
    expect(text).toContain('初任給の目安（1級職）');
    expect(text).toContain('43〜45号給');
    expect(text).toContain('288,840円〜293,400円');
    expect(text).toContain('この試算の数値はサンプルです');
    // The exam guide governs, and where to find uncertain dates.
    expect(text).toContain('試験案内（選考案内）の記載が優先します');
    // The exam body's current site, from the site config (www.union.tokyo23city.lg.jp), not its old one.
    expect(html).toContain(`href="${site.examBody.homepage}"`);
    expect(html).not.toContain('tokyo23city.or.jp');
    expect(text).toContain('ねんきんネット');
    expect(text).toContain('ハローワーク');
    // The worked examples beside the estimate, and the way back to the form.
    expect(text).toContain('モデル給与（掲載例）');
    expect(text).toContain('大学卒・民間企業の正社員として4年');
    expect(html).toContain('href="/eligibility/tokubetsuku-keiken-1/"');

    expect(await rowCounts()).toEqual(before);
  });

  it('answers 見込み at the reference date for someone at 3年10か月 today who is still working', async () => {
    // From 2023-02-08, ongoing. Today (2026-12-07): + 3y10m = 2026-12-08, so 3年10か月: short of 4 years. At
    // 31 March 2028: + 5y1m = 2028-03-08, 8–31 March = 24 days: 5年1か月24日, eligible.
    const r = await postForm(
      '/api/eligibility',
      twoEmployers({
        'periods.0.from': '2023-02-08',
        'periods.0.to': '',
        'periods.1.from': '',
        'periods.1.to': '',
        'periods.1.hoursPerWeek': '',
        'periods.1.kind': '',
      }),
    );
    expect(r.status).toBe(200);
    const text = textOf(await r.text());
    expect(text).toContain('特別区 経験者採用 1級職：応募できます');
    expect(text).toContain('2028年3月31日時点で直近10年のうち通算5年1か月24日（見込み。必要：4年）');
    expect(text).toContain('本日（2026年12月7日）時点では直近10年のうち通算3年10か月');
    expect(text).toContain('現在も勤務中の期間は、その日まで勤務を続けた場合の見込みです');
    // The age on the reference date; the unverified rules marked, the 令和4年度 caution shown.
    expect(text).toContain('2028年3月31日時点で37歳です');
    expect(text).toContain('（要確認）');
    expect(text).toContain('複数の経験は通算しない');
  });

  it("the ward's route says it counts to today", async () => {
    const r = await postForm(
      '/api/eligibility',
      twoEmployers({ route: 'ku-ninkitsuki', 'periods.0.field': 'ict', 'periods.1.field': 'ict' }),
    );
    const text = textOf(await r.text());
    expect(text).toContain('この選考は、職務経験と年齢を本日（2026年12月7日）の時点で数えています');
    expect(text).not.toContain('見込み');
  });

  it("judges a ward route on its own, with its own grade's pay and worked example", async () => {
    const r = await postForm(
      '/api/eligibility',
      twoEmployers({ route: 'ku-ninkitsuki', 'periods.0.field': 'ict', 'periods.1.field': 'ict' }),
    );
    expect(r.status).toBe(200);
    const text = textOf(await r.text());
    expect(text).toContain('練馬区 任期付職員選考（ICT・DX）：応募できます');
    expect(text).not.toContain('特別区 経験者採用 1級職：');
    // 2 years 正社員 (100%) and 2 years 2 months 契約 (80–100%) convert to 3年8か月余り〜4年2か月; beyond the 3 years the
    // grade includes, 2〜4号給 on 大学卒's 23号給: 本給 255,500〜258,500円, with 地域手当 20%.
    expect(text).toContain('初任給の目安（任期付職員（2級職相当））');
    expect(text).toContain('306,600円〜310,200円');
    expect(text).toContain('大学卒・システム開発の正社員として6年（任期付職員）');
    expect(text).not.toContain('大学卒・民間企業の正社員として4年');
  });

  it('shows eligibility without a pay estimate when no education is chosen', async () => {
    const r = await postForm('/api/eligibility', twoEmployers({ education: '' }));
    expect(r.status).toBe(200);
    const text = textOf(await r.text());
    expect(text).toContain('特別区 経験者採用 1級職：応募できます');
    expect(text).toContain('最終学歴を選んで確認し直すと、初任給の目安も表示します。');
  });

  it('leads back to the opening the short form was on, and to nothing else', async () => {
    const linkBack = async (back: string) => {
      const html = await (await postForm('/api/eligibility', twoEmployers({ back }))).text();
      return html.match(/<a href="([^"]*)">入力画面に戻る<\/a>/)?.[1];
    };
    expect(await linkBack('/jobs/jimu-keiken-2027/')).toBe('/jobs/jimu-keiken-2027/');
    for (const other of [
      'https://evil.example/',
      '//evil.example/jobs/x/',
      '/jobs/../admin/',
      '/staff/',
      '/jobs/x/apply/',
      'javascript:alert(1)',
    ])
      expect(await linkBack(other), other).toBe('/eligibility/tokubetsuku-keiken-1/');
  });

  it('escapes what was sent back on the page', async () => {
    const r = await postForm(
      '/api/eligibility',
      twoEmployers({ 'periods.2.from': '<script>alert(1)</script>', 'periods.2.hoursPerWeek': '40', 'periods.2.kind': 'regular' }),
    );
    expect(r.status).toBe(422);
    expect(await r.text()).not.toContain('<script>alert(1)</script>');
  });
});

describe('refusals', () => {
  it('lists every problem in Japanese on a 422 page, and stores nothing', async () => {
    const before = await rowCounts();
    const body = twoEmployers({
      birthDate: '',
      'periods.0.to': '2020-03-31',
      'periods.1.hoursPerWeek': 'フルタイム',
    });
    const r = await postForm('/api/eligibility', body);
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('<meta name="robots" content="noindex"');
    expect(html).toContain('class="error-summary" role="alert"');
    const text = textOf(html);
    expect(text).toContain('生年月日を入力してください');
    expect(text).toContain('職歴1の勤務終了日は、勤務開始日と同じ日かそれより後の日付にしてください');
    expect(text).toContain('職歴2の週の勤務時間を数字で入力してください（例：38.75）');
    expect(text.indexOf('生年月日を入力してください')).toBeLessThan(text.indexOf('職歴1の勤務終了日'));
    expect(html).toContain('href="/eligibility/tokubetsuku-keiken-1/"');
    expect(await rowCounts()).toEqual(before);
  });

  it('asks for at least one period, and for a route the rules know', async () => {
    const r = await postForm('/api/eligibility', new URLSearchParams({ route: 'no-such-route', birthDate: '1990-05-10' }));
    expect(r.status).toBe(422);
    const text = textOf(await r.text());
    expect(text).toContain('確認する区分を一覧から選んでください');
    expect(text).toContain('職歴を1件以上入力してください');
  });

  it('takes full-width digits and slashes as a Japanese keyboard types them', async () => {
    const r = await postForm(
      '/api/eligibility',
      twoEmployers({ birthDate: '１９９０／５／１０', 'periods.0.hoursPerWeek': '４０', 'periods.1.from': '2023/4/1' }),
    );
    expect(r.status).toBe(200);
    expect(textOf(await r.text())).toContain('2028年3月31日時点で直近10年のうち通算4年2か月（見込み。必要：4年）');
  });

  it('refuses posts from another site, and posts that say nothing of where they come from', async () => {
    const before = await rowCounts();
    const cross = await SELF.fetch(`${ORIGIN}/api/eligibility`, {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'cross-site' },
      body: twoEmployers(),
    });
    expect(cross.status).toBe(403);
    expect(textOf(await cross.text())).toContain('このサイトのフォーム以外からの送信は受け付けていません');
    const foreign = await SELF.fetch(`${ORIGIN}/api/eligibility`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example' },
      body: twoEmployers(),
    });
    expect(foreign.status).toBe(403);
    const silent = await SELF.fetch(`${ORIGIN}/api/eligibility`, { method: 'POST', body: twoEmployers() });
    expect(silent.status).toBe(403);
    const sameByOrigin = await SELF.fetch(`${ORIGIN}/api/eligibility`, {
      method: 'POST',
      headers: { Origin: ORIGIN },
      body: twoEmployers(),
    });
    expect(sameByOrigin.status).toBe(200);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a body over its small limit with 413', async () => {
    const r = await postForm('/api/eligibility', twoEmployers({ 'periods.3.from': 'x'.repeat(20_000) }));
    expect(r.status).toBe(413);
  });

  it('sends someone who opens the address again to the checker, and refuses other methods', async () => {
    const get = await SELF.fetch(`${ORIGIN}/api/eligibility`, { redirect: 'manual' });
    expect(get.status).toBe(303);
    expect(get.headers.get('Location')).toBe('/eligibility/');
    const put = await SELF.fetch(`${ORIGIN}/api/eligibility`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('Allow')).toBe('POST');
  });
});
