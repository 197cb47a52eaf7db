/**
 * The plan page (/plan/): the plan's two chapters in heading order, the candidate's links into this site for
 * 取組1–3, the staff-only links labelled as such on a page anyone may read, and the shared cells of the plan
 * summary shown once. Its words against the plan summary: tests/unit/plan-seed.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/test';

test.use({ javaScriptEnabled: false });

test('the headings run in order: chapters, then pillars, then initiatives', async ({ page }) => {
  await page.goto('/plan/');
  const levels = await page.locator('main :is(h1, h2, h3, h4, h5, h6)').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  // Never a level skipped on the way down.
  levels.forEach((level, i) => {
    expect(level - (levels[i - 1] ?? 0), `heading ${i + 1}`).toBeLessThanOrEqual(1);
  });
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([/第一章/, /第二章/]);
  await expect(page.getByRole('heading', { level: 4, name: /^取組\d+ / })).toHaveCount(18);
  // The four requests to the personnel commission, as one list.
  await expect(
    page.getByRole('heading', { name: '人事委員会への要望事項' }).locator('xpath=following-sibling::ol[1]').getByRole('listitem'),
  ).toHaveCount(4);
});

test('取組1–3 link pages of this site, and each of them answers', async ({ page, request }) => {
  await page.goto('/plan/');
  for (const n of [1, 2, 3]) {
    const links = page.locator(`#initiative-${n} .site-links a`);
    expect(await links.count(), `取組${n}`).toBeGreaterThan(0);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      const url = new URL(href);
      expect(url.origin, href).toBe(new URL(page.url()).origin);
      expect((await request.get(url.pathname)).status(), href).toBe(200);
    }
  }
});

test('a fragment in a site link names a heading that exists on its page', async ({ page }) => {
  await page.goto('/plan/');
  const hrefs = await page.locator('.site-links a[href*="#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) {
    await page.goto(href);
    await expect(page.locator(`[id="${href.split('#')[1]}"]`), href).toHaveCount(1);
  }
});

test('staff-only links are labelled as such, beside a summary anyone can read', async ({ page }) => {
  await page.goto('/plan/');
  const note = page.locator('#internal-note');
  // The note at the top speaks of the links marked 職員専用, not of this page.
  await expect(note).toContainText('「職員専用」');
  const internal = page.locator('main a[href^="https://intra.city.nerima.tokyo.jp/"]');
  await expect(internal).toHaveCount(18);
  for (const link of await internal.all()) {
    await expect(link).toHaveAccessibleDescription((await note.textContent()) ?? '');
    await expect(link.locator('xpath=..')).toContainText('職員専用');
    // The initiative's public summary is on the page itself.
    const item = link.locator('xpath=ancestor::li[contains(@class, "initiative")]');
    await expect(item.getByText('応募を考えている方へ：')).toHaveCount(1);
  }
});

test('initiatives the plan summary writes in one cell show its points once, and say so', async ({ page }) => {
  await page.goto('/plan/');
  for (const [first, second] of [
    [8, 9],
    [11, 12],
    [14, 15],
  ]) {
    const a = page.locator(`#initiative-${first}`);
    const b = page.locator(`#initiative-${second}`);
    await expect(a.locator('.shared-cell')).toContainText(`取組${first}と取組${second}`);
    expect(await a.locator('.plan-points li').count()).toBeGreaterThan(0);
    await expect(b.locator('.plan-points')).toHaveCount(0);
    await expect(b.locator('.shared-cell').getByRole('link', { name: `取組${first}` })).toHaveAttribute('href', `#initiative-${first}`);
  }
});

test("every initiative shows its body, each paragraph of its file's Markdown", async ({ page }) => {
  await page.goto('/plan/');
  const dir = 'content/plan/initiatives';
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && !f.startsWith('_'));
  expect(files).toHaveLength(18);
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const number = text.match(/^number: (\d+)$/m)?.[1];
    // The body is plain paragraphs (the template asks for one or two): each is on the page as written.
    const paragraphs = (text.split(/^---$/m)[2] ?? '')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    expect(paragraphs.length, file).toBeGreaterThan(0);
    for (const paragraph of paragraphs) await expect(page.locator(`#initiative-${number} .body`), file).toContainText(paragraph);
  }
});
