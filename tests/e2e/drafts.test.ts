/** Input is never lost: a draft survives a reload with JavaScript; without it, Back returns to the form with every value. */

import { fillApplication, uniqueEmail } from './support/fill';
import { expect, test } from './support/test';

const APPLY = '/jobs/ict-dx-ninkitsuki-madoguchi-2027/apply/';

test('a draft survives a reload in the same tab, and is gone after sending', async ({ page }) => {
  await page.goto(APPLY);
  const email = uniqueEmail('draft');
  await fillApplication(page, email);
  page.on('dialog', (d) => d.accept()); // leaving with unsent changes asks first
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: '前回の入力内容を復元しました' })).toBeVisible();
  await expect(page.getByLabel(/メールアドレス/)).toHaveValue(email);
  await expect(page.getByLabel(/志望動機/)).toHaveValue(/区民/);
  await expect(page.getByLabel(/最終学歴/)).toHaveValue('大学');
  await expect(page.getByRole('checkbox', { name: /個人情報の取扱い/ })).toBeChecked();
  await page.getByRole('button', { name: '送信する' }).click();
  await expect(page.locator('.confirmation')).toBeVisible();
  await page.goto(APPLY);
  await expect(page.getByLabel(/メールアドレス/)).toHaveValue('');
});

test('rows of work history added with the button come back with the draft', async ({ page }) => {
  await page.goto(APPLY);
  const rows = page.locator('[data-work-row]');
  const shown = await rows.count();
  await page.getByRole('button', { name: '職歴を追加する' }).click();
  await page.getByRole('button', { name: '職歴を追加する' }).click();
  await expect(rows).toHaveCount(shown + 2);
  const last = page.getByRole('group', { name: `職歴 ${shown + 2}` });
  await last.getByLabel(/勤務先/).fill('株式会社ねりまテスト');
  page.on('dialog', (d) => d.accept());
  await page.reload();
  await expect(rows).toHaveCount(shown + 2);
  await expect(page.getByRole('group', { name: `職歴 ${shown + 2}` }).getByLabel(/勤務先/)).toHaveValue('株式会社ねりまテスト');
});

test('leaving a page with unsent changes asks first', async ({ page }) => {
  await page.goto(APPLY);
  await page.getByLabel(/志望動機/).fill('書きかけの志望動機');
  const asked = page.waitForEvent('dialog');
  void page.goto('/jobs/').catch(() => undefined);
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('after an error page, Back returns to the form with every typed value', async ({ page }) => {
    await page.goto(APPLY);
    const email = uniqueEmail('nojs-back');
    await fillApplication(page, email);
    await page.getByLabel(/電話番号/).fill('12'); // not a phone number
    await page.getByRole('button', { name: '送信する' }).click();
    await expect(page.getByText('電話番号を 03-1234-5678 のように')).toBeVisible();
    await page.goBack();
    await expect(page.getByLabel(/メールアドレス/)).toHaveValue(email);
    await expect(page.getByLabel(/電話番号/)).toHaveValue('12');
    await expect(page.getByLabel(/志望動機/)).toHaveValue(/区民/);
    await expect(page.getByRole('checkbox', { name: /個人情報の取扱い/ })).toBeChecked();
  });
});
