/**
 * Accessibility (JIS X 8341-3 / WCAG 2.2 AA): axe over every page in the sitemap and every form state,
 * landmarks and one h1, no horizontal scrolling at 320 px (200 % zoom), and keyboard-only use.
 */

import { testNow } from '../clock';
import { expectNoAxeViolations } from './support/axe';
import { fillApplication, fillRegistration, uniqueEmail } from './support/fill';
import { sitemapPaths } from './support/sitemap';
import { expect, type Page, test } from './support/test';

/** An open opening and an open session with seats, from the built catalog. */
async function openTargets(page: Page) {
  const catalog = (await (await page.request.get('/catalog.json')).json()) as {
    jobs: Record<string, { applyOnline: boolean; opensOn: string; closesOn: string }>;
    sessions: Record<string, { capacity: number; registrationClosesOn: string }>;
  };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(testNow());
  const job = Object.entries(catalog.jobs).find(([, j]) => j.applyOnline && j.opensOn <= today && today <= j.closesOn)?.[0];
  const session = Object.entries(catalog.sessions).find(([, s]) => s.capacity >= 50 && s.registrationClosesOn >= today)?.[0];
  if (!job || !session) throw new Error('the build has no open opening or large open session');
  return { apply: `/jobs/${job}/apply/`, register: `/register/${session}/` };
}

// The sitemap in four shards, one test each: they run side by side on the two workers, and each has the time a quarter
// of the pages needs on a busy machine (one scan of all 92 pages took 2 minutes on an idle one).
const SHARDS = 4;
for (let shard = 0; shard < SHARDS; shard++)
  test(`every page in the sitemap has no axe violations (${shard + 1}/${SHARDS})`, async ({ page, request }) => {
    test.setTimeout(180_000);
    const paths = (await sitemapPaths(request)).filter((_, i) => i % SHARDS === shard);
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      await page.goto(path);
      await expectNoAxeViolations(page, path);
    }
  });

test('the 404 page has no axe violations', async ({ page }) => {
  await page.goto('/no-such-page/');
  await expectNoAxeViolations(page, '404');
});

test('every page has lang, one h1, a main landmark, a banner and a footer', async ({ page, request }) => {
  test.setTimeout(120_000);
  for (const path of await sitemapPaths(request)) {
    await page.goto(path);
    await expect(page.locator('html[lang="ja"]'), path).toHaveCount(1);
    await expect(page.locator('h1'), path).toHaveCount(1);
    await expect(page.getByRole('main'), path).toHaveCount(1);
    await expect(page.getByRole('banner'), path).toHaveCount(1);
    await expect(page.getByRole('contentinfo'), path).toHaveCount(1);
  }
});

test.describe('at 320 px wide (200 % zoom on a 640 px screen)', () => {
  test.use({ viewport: { width: 320, height: 800 } });

  test('no page scrolls sideways', async ({ page, request }) => {
    test.setTimeout(120_000);
    const targets = await openTargets(page);
    const wide: string[] = [];
    for (const path of [...(await sitemapPaths(request)), targets.apply, targets.register]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) wide.push(`${path} (+${overflow}px)`);
    }
    expect(wide).toEqual([]);
  });
});

test.describe('the forms in their empty, error and success states', () => {
  test('application form', async ({ page }) => {
    const { apply } = await openTargets(page);
    await page.goto(apply);
    await expectNoAxeViolations(page, 'apply: empty');
    await page.getByRole('button', { name: '送信する' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expectNoAxeViolations(page, 'apply: errors');
    await fillApplication(page, uniqueEmail('a11y'));
    await page.getByRole('button', { name: '送信する' }).click();
    await expect(page.locator('.confirmation')).toBeVisible();
    await expectNoAxeViolations(page, 'apply: received');
  });

  test('sign-up form', async ({ page }) => {
    const { register } = await openTargets(page);
    await page.goto(register);
    await expectNoAxeViolations(page, 'register: empty');
    await page.getByRole('button', { name: '送信する' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expectNoAxeViolations(page, 'register: errors');
    await fillRegistration(page, '大泉 学', uniqueEmail('a11y-reg'));
    await page.getByRole('button', { name: '送信する' }).click();
    await expect(page.locator('.confirmation')).toBeVisible();
    await expectNoAxeViolations(page, 'register: received');
  });

  test.describe('without the page script, the pages the Worker writes', () => {
    test('error and confirmation pages', async ({ browser }) => {
      // The form posts natively as it does without JavaScript; axe itself still needs JavaScript to run.
      // A page of its own: the shared fixture would wait for an enhancement that is blocked here.
      const context = await browser.newContext({ baseURL: test.info().project.use.baseURL ?? '' });
      const page = await context.newPage();
      await page.route('**/_astro/*enhance-form*', (route) => route.abort());
      await page.route('**/_astro/*.astro_astro_type_script*', (route) => route.abort());
      const { apply, register } = await openTargets(page);
      await page.goto(apply);
      await page.getByRole('button', { name: '送信する' }).click();
      await expect(page.locator('.error-summary')).toBeVisible();
      await expectNoAxeViolations(page, 'apply: Worker error page');
      await page.goto(register);
      await fillRegistration(page, '大泉 学', uniqueEmail('a11y-reg'));
      await page.getByRole('button', { name: '送信する' }).click();
      await expect(page.locator('.confirmation')).toBeVisible();
      await expectNoAxeViolations(page, 'register: Worker confirmation page');
      await context.close();
    });
  });
});

test.describe('keyboard only', () => {
  /** Presses Tab until `selector` has focus; fails after `max` presses. Checks each stop shows its focus. */
  async function tabTo(page: Page, selector: string, max = 80) {
    for (let i = 0; i < max; i++) {
      if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return 'none';
        const s = getComputedStyle(el);
        return s.outlineStyle !== 'none' && s.outlineWidth !== '0px' ? 'outline' : s.boxShadow !== 'none' ? 'shadow' : 'none';
      });
      const where = await page.evaluate(
        () => `${document.activeElement?.tagName}#${document.activeElement?.id}.${document.activeElement?.className}`,
      );
      expect(outline, `visible focus at tab ${i + 1} towards ${selector}: ${where}`).not.toBe('none');
    }
    throw new Error(`could not reach ${selector} with Tab`);
  }

  test('applies to a job: skip link, focus order, error summary, then a complete application', async ({ page }) => {
    // About 11 s alone, but one Tab at a time through a long form: it once took 31 s under a loaded full run.
    test.setTimeout(90_000);
    const { apply } = await openTargets(page);
    await page.goto(apply);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: '本文へ移動' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();

    // The fields come in reading order (a date input takes several Tabs, one per part).
    const expected = [
      'f-name',
      'f-nameKana',
      'f-birthDate',
      'f-email',
      'f-phone',
      'f-postalCode',
      'f-address',
      'f-educationLevel',
      'f-school',
      'f-graduated',
    ];
    const seen: string[] = [];
    for (let i = 0; i < 40 && seen.length < expected.length; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      if (id.startsWith('f-') && seen.at(-1) !== id) seen.push(id);
    }
    expect(seen).toEqual(expected);

    // Submitting empty moves focus to the summary, whose links lead to the fields.
    await tabTo(page, 'button[type="submit"]', 120);
    await page.keyboard.press('Enter');
    await expect(page.locator('.error-summary')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator('.error-summary a').first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#f-name')).toBeFocused();

    // Fill everything by keyboard.
    await page.keyboard.type('練馬 花子');
    for (const [selector, text] of [
      ['#f-nameKana', 'ネリマ ハナコ'],
      ['#f-email', `kb.${Date.now()}@example.jp`],
      ['#f-phone', '03-1234-5678'],
      ['#f-postalCode', '176-8501'],
      ['#f-address', '東京都練馬区豊玉北6-12-1'],
      ['#f-school', '練馬大学'],
      ['#f-motivation', '区民の役に立ちたいと考えています。'],
    ] as const) {
      await tabTo(page, selector);
      await page.keyboard.type(text);
    }
    // Date and month inputs: reached by keyboard; their parts' order depends on the browser's locale, so the value is set whole.
    for (const [selector, value] of [
      ['#f-birthDate', '1990-04-01'],
      ['#f-graduated', '2013-03'],
    ] as const) {
      await page.locator(selector).focus();
      await page.locator(selector).fill(value);
    }
    for (const selector of ['#f-educationLevel', '#f-referral']) {
      await page.locator(selector).focus();
      await page.keyboard.press('ArrowDown');
    }
    await tabTo(page, '#f-consent');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect(page.locator('.error-summary')).toHaveCount(0);
    await expect(page.locator('.confirmation')).toBeFocused();
    await expect(page.locator('.reference')).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  });

  test('registers for a session', async ({ page }) => {
    const { register } = await openTargets(page);
    await page.goto(register);
    await tabTo(page, '#f-name');
    await page.keyboard.type('大泉 学');
    for (const [selector, text] of [
      ['#f-nameKana', 'オオイズミ マナブ'],
      ['#f-email', `kb.reg.${Date.now()}@example.jp`],
      ['#f-school', '練馬大学'],
    ] as const) {
      await tabTo(page, selector);
      await page.keyboard.type(text);
    }
    await tabTo(page, '#f-year');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, '#f-consent');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect(page.locator('.confirmation')).toBeFocused();
  });
});
