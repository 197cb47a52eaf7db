/**
 * The plain-words pages: the glossary (/glossary/) and how selection works (/selection/).
 */
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/test';

test('the glossary lists its terms, each with an anchor other pages can link to', async ({ page }) => {
  await page.goto('/glossary/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('用語集');
  await expect(page.getByRole('navigation', { name: 'パンくずリスト' })).toBeVisible();
  const terms = page.locator('dl.glossary dt');
  expect(await terms.count()).toBeGreaterThanOrEqual(12);
  for (const [slug, term] of [
    ['teiji', '提示'],
    ['saiyo-kohosha-meibo', '採用候補者名簿'],
    ['1kyu-shoku', '1級職'],
    ['kaikei-nendo-ninyo-shokuin', '会計年度任用職員'],
  ] as const) {
    const entry = page.locator(`#term-${slug}`);
    await expect(entry.locator('dt dfn')).toHaveText(term);
    await expect(entry.locator('dd')).not.toBeEmpty();
  }
  // Every entry has an id of the form term-<slug>, unique on the page.
  const ids = await page.locator('dl.glossary > div').evaluateAll((els) => els.map((e) => e.id));
  expect(ids.every((id) => /^term-[a-z0-9-]+$/.test(id))).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
});

test('a link to an entry lands on it', async ({ page }) => {
  await page.goto('/glossary/#term-teiji');
  await expect(page.locator('#term-teiji')).toBeInViewport();
});

test('the selection page shows the joint exam as an ordered list of steps and links 提示 to the glossary', async ({ page }) => {
  await page.goto('/selection/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('選考の流れ');
  await expect(page.getByRole('navigation', { name: 'パンくずリスト' })).toBeVisible();

  const flow = page.getByRole('list', { name: '特別区の採用試験の流れ' });
  await expect(flow).toBeVisible();
  expect(await flow.evaluate((el) => el.tagName)).toBe('OL');
  await expect(flow.locator(':scope > li > .name')).toHaveText([
    '申込み',
    '筆記試験',
    '面接',
    '最終合格',
    '採用候補者名簿に登載',
    '区への提示',
    '区面接',
    '内定',
    '採用',
  ]);

  const teiji = page.getByRole('main').getByRole('link', { name: '提示', exact: true });
  await expect(teiji).toHaveCount(1);
  await expect(teiji).toHaveAttribute('href', '/glossary/#term-teiji');
  await teiji.click();
  await expect(page).toHaveURL(/\/glossary\/#term-teiji$/);
  await expect(page.locator('#term-teiji')).toBeInViewport();
});

test('the selection page explains what happens when no ward calls, and the ward route lists its steps', async ({ page }) => {
  await page.goto('/selection/');
  await expect(page.getByRole('heading', { level: 3, name: 'どの区からも提示がなかったときは' })).toBeVisible();
  await expect(page.getByText(/有効期間/).first()).toBeVisible();
  await expect(page.getByRole('list', { name: '練馬区独自の選考の流れ' }).locator(':scope > li > .name')).toHaveText([
    '応募',
    '書類選考',
    '面接',
    '結果のお知らせ',
  ]);
});

test('both pages are linked from the footer', async ({ page }) => {
  await page.goto('/');
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('link', { name: '選考の流れ' })).toHaveAttribute('href', '/selection/');
  await expect(footer.getByRole('link', { name: '用語集' })).toHaveAttribute('href', '/glossary/');
});

test('at 320 px the selection page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  for (const path of ['/selection/', '/glossary/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('both pages have no axe violations', async ({ page }) => {
  for (const path of ['/glossary/', '/selection/']) {
    await page.goto(path);
    await expectNoAxeViolations(page, path);
  }
});
