import { expect, test } from '@playwright/test';
import { site } from '../../src/config/site';
import { ui } from '../../src/i18n/ja';
import { formatDateBoth } from '../../src/lib/dates';
import { examStatus, referenceDateOf } from '../../src/lib/exam-calendar';
import { readExamCalendars } from '../../src/lib/exam-calendar-files';
import { TEST_TODAY } from '../clock';
import { sitemapPaths } from './support/sitemap';

test('every page in the sitemap answers in Japanese with one h1, breadcrumbs and no console error', async ({ page, request }) => {
  // 92 pages: about 20 s on an idle machine.
  test.setTimeout(120_000);
  const paths = await sitemapPaths(request);
  expect(paths.length).toBeGreaterThan(40);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`${page.url()}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('h1'), path).toHaveCount(1);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    if (path !== '/') await expect(page.getByRole('navigation', { name: 'パンくずリスト' }), path).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('the main navigation reaches each section', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'メインメニュー' });
  for (const [link, heading] of [
    ['採用情報', '採用情報'],
    ['インターンシップ', 'インターンシップ'],
    ['説明会・イベント', '説明会・イベント'],
    ['職員の声', '職員の声'],
    ['練馬区で働く', '練馬区で働く'],
    ['人事・人材育成改革プラン', '人事・人材育成改革プラン'],
    ['よくある質問', 'よくある質問'],
  ] as const) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(nav.getByRole('link', { name: link, exact: true })).toHaveAttribute('aria-current', 'page');
  }
});

test('an unknown address answers 404 with a useful page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
  await expect(page.getByRole('main').getByRole('link', { name: '採用情報' })).toBeVisible();
});

test('a closed opening says so and carries no live job posting', async ({ page }) => {
  await page.goto('/jobs/');
  const closedCard = page.locator('li[data-status="closed"]').first();
  const href = await closedCard.getByRole('link').first().getAttribute('href');
  await page.goto(href ?? '');
  await expect(page.getByText('この募集の受付は終了しました。').first()).toBeVisible();
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
});

test('an open opening of the ward shows its deadline in 西暦 and 和暦 and a job posting', async ({ page }) => {
  await page.goto('/jobs/ict-dx-ninkitsuki-madoguchi-2027/');
  await expect(page.getByText(/2027年（令和9年）1月22日（金）/)).toBeVisible();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd['@type']).toBe('JobPosting');
  expect(jsonLd.validThrough).toBe('2027-01-22T23:59:59+09:00');
  expect(jsonLd.directApply).toBe(true);
});

test("an opening of the special wards' joint exam links to the exam and carries no job posting", async ({ page }) => {
  await page.goto('/jobs/jimu-keiken-2027/');
  await expect(page.getByText('この募集は特別区人事委員会が実施する採用試験によります。')).toBeVisible();
  await expect(
    page.getByRole('link', { name: '特別区人事委員会のホームページ（経験者採用試験・選考の案内・受験申込み）' }),
  ).toHaveAttribute('href', site.examBody.homepage);
  // Its calendar, from content/exams: the window, the reference date (31 March after the exam year), samples said so.
  const calendar = readExamCalendars().find((c) => c.fiscalYear === 2027);
  const exam = calendar?.exams.find((e) => e.id === 'keiken');
  if (!calendar || !exam) throw new Error('content/exams/2027.yaml has no keiken exam');
  const facts = page.locator('section.joint-exam');
  await expect(facts.getByRole('heading', { name: '経験者採用試験・選考の日程' })).toBeVisible();
  await expect(facts).toContainText(`${formatDateBoth(exam.internet.from)} 〜 ${formatDateBoth(exam.internet.to)}`);
  await expect(facts).toContainText(formatDateBoth(referenceDateOf(2027)));
  await expect(facts.getByText('この日程はサンプルです')).toHaveCount(calendar.sample ? 1 : 0);
  await expect(page.locator('.status').first()).toHaveText(ui.status[examStatus(exam, TEST_TODAY)]);
  await expect(page.getByRole('link', { name: 'この募集に応募する' })).toHaveCount(0);
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
  expect((await page.request.get('/jobs/jimu-keiken-2027/apply/')).status()).toBe(404);
});

test('the plan page lists 5 pillars and 18 initiatives, ★ on the leading ones, each linking its staff module', async ({ page }) => {
  await page.goto('/plan/');
  await expect(page.getByRole('heading', { level: 3, name: /^柱\d/ })).toHaveCount(5);
  const items = page.locator('li.initiative');
  await expect(items).toHaveCount(18);
  await expect(page.locator('li.initiative .leading')).toHaveCount(6);
  for (const href of await items.locator('.internal a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
    expect(new URL(href).host).toBe('intra.city.nerima.tokyo.jp');
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the facet links filter the openings', async ({ page }) => {
    await page.goto('/jobs/');
    await expect(page.getByRole('search')).toBeHidden();
    await page
      .getByRole('navigation', { name: '条件で絞り込む' })
      .getByRole('link', { name: /^経験者採用（\d+）$/ })
      .click();
    await expect(page).toHaveURL(/\/jobs\/type\/experienced\/$/);
    const cards = page.locator('li.job-card');
    expect(await cards.count()).toBeGreaterThan(3);
    for (const type of await cards.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['type'])))
      expect(type).toBe('経験者採用');
  });

  test('受付中の募集 lists only open openings', async ({ page }) => {
    await page.goto('/jobs/open/');
    const statuses = await page.locator('li.job-card').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['status']));
    expect(statuses.length).toBeGreaterThan(3);
    expect(new Set(statuses)).toEqual(new Set(['open']));
  });
});

test.describe('with JavaScript', () => {
  test('the keyword search narrows the listing', async ({ page }) => {
    await page.goto('/jobs/');
    const search = page.getByRole('search');
    await expect(search).toBeVisible();
    await search.getByLabel('キーワードで探す').fill('保健師');
    await search.getByRole('button', { name: '検索' }).click();
    await expect(page.getByRole('status').filter({ hasText: '「保健師」の検索結果' })).toBeVisible();
    const visible = page.locator('li.job-card:visible');
    await expect(visible.first()).toContainText('保健師');
  });
});
