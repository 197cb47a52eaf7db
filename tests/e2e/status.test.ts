/** No black hole: apply, open the private status link, staff move the stage, the applicant sees it and has the mail, withdraws. */
import { E2E_STAFF } from '../../playwright.config';
import { fillApplication, uniqueEmail } from './support/fill';
import { mailLink, readOutbox, sqlText } from './support/outbox';
import { expect, test } from './support/test';

test('the applicant follows the selection from the status link and can withdraw', async ({ page, browser }) => {
  const email = uniqueEmail('status');
  await page.goto('/jobs/ict-dx-ninkitsuki-madoguchi-2027/apply/');
  await fillApplication(page, email);
  await page.getByRole('button', { name: '送信する' }).click();
  const reference = (await page.locator('.reference').textContent())?.trim() ?? '';

  const [received] = readOutbox(`kind = 'application_received' AND recipient = ${sqlText(email)}`);
  await page.goto(mailLink(received?.body, '/api/status'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('選考状況の確認');
  await expect(page.locator('[aria-current="step"]')).toContainText('受付');
  await expect(page.getByText(reference)).toBeVisible();

  // A staff member moves it on.
  const staff = await browser.newContext({ baseURL: test.info().project.use.baseURL ?? '', httpCredentials: E2E_STAFF });
  const staffPage = await staff.newPage();
  await staffPage.goto(`/staff/applications/${reference}/`);
  await staffPage.getByLabel('応募者へのお知らせ（任意）').fill('面接の日程は追ってご連絡します。');
  await staffPage.getByRole('button', { name: '次の段階に進める' }).click();
  // The move is done when the staff area has redirected back to the application's page.
  await staffPage.waitForURL(/\/staff\/applications\/[^/]+\/$/);
  await expect(staffPage.locator('[aria-current="step"]')).not.toContainText('受付');
  await staff.close();

  const [changed] = readOutbox(`kind = 'status_changed' AND recipient = ${sqlText(email)}`);
  expect(changed?.body).not.toContain('練馬 花子');
  await page.goto(mailLink(changed?.body, '/api/status'));
  await expect(page.locator('[aria-current="step"]')).not.toContainText('受付');
  await expect(page.getByText('面接の日程は追ってご連絡します。')).toBeVisible();

  await page.getByRole('button', { name: '応募を辞退する' }).click();
  await expect(page.getByText('辞退してよろしいですか')).toBeVisible();
  await page.getByRole('button', { name: '辞退する', exact: true }).click();
  await expect(page.getByText('辞退の手続きが完了しました')).toBeVisible();
});
