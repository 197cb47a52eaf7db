/** The staff area in the browser: refused without credentials; signed in, a submission made here is found and exported. */
import { readFile } from 'node:fs/promises';
import { E2E_STAFF } from '../../playwright.config';
import applicant from '../fixtures/application.json' with { type: 'json' };
import { expectNoAxeViolations } from './support/axe';
import { fillApplication, uniqueEmail } from './support/fill';
import { expect, test } from './support/test';

const JOB = 'ict-dx-ninkitsuki-madoguchi-2027';

test('without credentials the staff area answers 401 and shows no personal data', async ({ page, request }) => {
  // A browser asked for a login it cannot give stops with an error page of its own.
  await expect(page.goto('/staff/')).rejects.toThrow(/ERR_INVALID_AUTH_CREDENTIALS/);
  for (const path of ['/staff/', `/staff/jobs/${JOB}/`, `/api/staff/jobs/${JOB}/applications.csv`, '/staff/nope']) {
    const r = await request.get(path);
    expect(r.status(), path).toBe(401);
    expect(r.headers()['www-authenticate']).toContain('Basic');
    expect(await r.text(), path).not.toContain('@example.jp');
  }
});

test.describe('signed in', () => {
  test.use({ httpCredentials: E2E_STAFF });

  test('finds an application made in the same test, opens it and downloads its CSV', async ({ page }) => {
    test.setTimeout(60_000);
    const email = uniqueEmail('staff-e2e');
    await page.goto(`/jobs/${JOB}/apply/`);
    await fillApplication(page, email);
    await page.getByRole('button', { name: '送信する' }).click();
    const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    await page.goto('/staff/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('応募・申込みの状況');
    await page.getByRole('link', { name: /ICT・DX（任期付職員・窓口DXプロジェクト）/ }).click();
    await page.getByRole('link', { name: reference }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
    await expect(page.getByText(email)).toBeVisible();

    await page.getByRole('navigation', { name: '職員用メニュー' }).getByRole('link', { name: '応募・申込みの状況' }).click();
    await page.getByRole('link', { name: /ICT・DX（任期付職員・窓口DXプロジェクト）/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSVで出力する' }).click()]);
    const bytes = await readFile((await download.path()) ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(`"${reference}"`);
    expect(text).toContain(`"${email}"`);
    expect(text).toContain('"練馬 花子"');

    await page.goto('/staff/audit/');
    await expect(page.getByRole('cell', { name: '応募一覧をCSV出力' }).first()).toBeVisible();
  });

  test('every staff page has the staff area’s own header and menu, the site’s look, and no axe violations', async ({ page }) => {
    test.setTimeout(150_000); // axe over five pages, on a shared machine
    // An application of its own, so that its page is there whatever the other tests do.
    const origin = new URL(test.info().project.use.baseURL ?? '').origin;
    const made = await page.request.post('/api/applications', {
      headers: { 'Content-Type': 'application/json', Origin: origin },
      data: { ...applicant, jobId: JOB, email: uniqueEmail('staff-a11y') },
    });
    const { reference } = (await made.json()) as { reference: string };
    await page.goto('/staff/');
    const session = (await page.locator('a[href^="/staff/sessions/"]').first().getAttribute('href')) ?? '';
    const paths = ['/staff/', `/staff/jobs/${JOB}/`, `/staff/applications/${reference}/`, session, '/staff/audit/'];
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator('html[lang="ja"]'), path).toHaveCount(1);
      await expect(page.getByRole('banner'), path).toContainText('練馬区 職員用ページ');
      await expect(page.getByRole('navigation', { name: '職員用メニュー' }), path).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'メインメニュー' }), path).toHaveCount(0);
      await expect(page.getByRole('main'), path).toHaveCount(1);
      await expect(page.locator('h1'), path).toHaveCount(1);
      // The site's stylesheet applies: the header has the brand's dark green.
      expect(await page.locator('.staff-header').evaluate((el) => getComputedStyle(el).backgroundColor), path).toBe('rgb(15, 83, 35)');
      await expectNoAxeViolations(page, path);
    }
  });

  test('an unknown staff path answers the staff area’s own 404, uncached and unindexed', async ({ request }) => {
    for (const path of ['/staff/nope', '/staff/applications/']) {
      const r = await request.get(path);
      expect(r.status(), path).toBe(404);
      expect(r.headers()['cache-control'], path).toBe('no-store');
      expect(r.headers()['x-robots-tag'], path).toBe('noindex, nofollow');
      expect(await r.text(), path).toContain('職員用メニュー');
    }
  });
});
