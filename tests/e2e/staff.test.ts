/** The staff area in the browser: refused without credentials; signed in, a submission made here is found and exported. */
import { readFile } from 'node:fs/promises';
import { E2E_STAFF } from '../../playwright.config';
import { fillApplication, uniqueEmail } from './support/fill';
import { expect, test } from './support/test';

const JOB = 'ict-dx-ninkitsuki-madoguchi-2027';

test('without credentials the staff area answers 401 and shows no personal data', async ({ page, request }) => {
  // A browser asked for a login it cannot give stops with an error page of its own.
  await expect(page.goto('/staff/')).rejects.toThrow(/ERR_INVALID_AUTH_CREDENTIALS/);
  for (const path of ['/staff/', `/staff/jobs/${JOB}/`, `/api/staff/jobs/${JOB}/applications.csv`]) {
    const r = await request.get(path);
    expect(r.status(), path).toBe(401);
    expect(r.headers()['www-authenticate']).toContain('Basic');
    expect(await r.text(), path).not.toContain('@example.jp');
  }
});

test.describe('signed in', () => {
  test.use({ httpCredentials: E2E_STAFF });

  test('finds an application made in the same test, opens it and downloads its CSV', async ({ page }) => {
    const email = uniqueEmail('staff-e2e');
    await page.goto(`/jobs/${JOB}/apply/`);
    await fillApplication(page, email);
    await page.getByRole('button', { name: '送信する' }).click();
    const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    await page.goto('/staff/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('応募・申込の状況');
    await page.getByRole('link', { name: /ICT・DX（任期付職員・窓口DXプロジェクト）/ }).click();
    await page.getByRole('link', { name: reference }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
    await expect(page.getByText(email)).toBeVisible();

    await page.getByRole('link', { name: '職員用ページのトップへ' }).click();
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
});
