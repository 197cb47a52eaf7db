/**
 * Job alerts by mail, without JavaScript: subscribe from a filtered listing, confirm from the mail, see the
 * alert active, stop it in one click (RFC 8058) and see it stopped. Digests: alerts-digest.test.ts.
 */

import { subscribeAndConfirm } from './support/alerts';
import { uniqueEmail } from './support/fill';
import { mailLink } from './support/outbox';
import { expect, test } from './support/test';

test.use({ javaScriptEnabled: false });

test('subscribe from a listing, confirm, see it active, unsubscribe in one click, see it stopped', async ({ page }) => {
  const email = uniqueEmail('alert');
  const confirmation = await subscribeAndConfirm(page, email, { frequency: '毎週' });

  await page.getByRole('link', { name: '登録内容の確認・変更・停止' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('メールでのお知らせの登録内容');
  await expect(page.locator('[data-alert-status]')).toHaveText('配信中');
  await expect(page.getByText('経験者採用', { exact: true })).toBeVisible();
  await expect(page.getByText('毎週', { exact: true }).first()).toBeVisible();

  // What a mail provider does with List-Unsubscribe-Post: a POST from elsewhere, no cookies, no page.
  const manage = mailLink(confirmation?.body, '/api/alerts/manage');
  const oneClick = await page.request.post(manage.replace('/manage?', '/unsubscribe?'), {
    form: { 'List-Unsubscribe': 'One-Click' },
    headers: { Origin: 'https://mail.example' },
  });
  expect(oneClick.status()).toBe(200);

  await page.goto(manage);
  await expect(page.locator('[data-alert-status]')).toHaveText('停止済み');
  await expect(page.getByRole('button', { name: '配信を停止する' })).toHaveCount(0);
});
