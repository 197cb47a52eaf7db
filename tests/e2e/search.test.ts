import { expect, test } from '@playwright/test';
import { searchQueries } from '../fixtures/search-queries';

test(`the keyword search finds the expected openings for ${searchQueries.length} Japanese queries`, async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/jobs/');
  const search = page.getByRole('search');
  const missed: string[] = [];
  for (const [query, expected] of searchQueries) {
    await search.getByLabel('キーワードで探す').fill(query);
    await search.getByRole('button', { name: '検索' }).click();
    await expect(page.locator('[data-search-status]')).toContainText('の検索結果');
    await expect(page.locator('[data-search-status]')).toContainText(query.normalize('NFKC').trim());
    const found = await page.locator('li.job-card:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['url']));
    for (const slug of expected) if (!found.includes(`/jobs/${slug}/`)) missed.push(`${query} → ${slug}`);
  }
  expect(missed).toEqual([]);
});

test('a query that matches nothing says so and lists nothing', async ({ page }) => {
  await page.goto('/jobs/');
  await page.getByLabel('キーワードで探す').fill('宇宙飛行士');
  await page.getByRole('button', { name: '検索' }).click();
  await expect(page.locator('[data-search-status]')).toHaveText('「宇宙飛行士」の検索結果：0件');
  await expect(page.locator('li.job-card:visible')).toHaveCount(0);
});
