/**
 * A job alert as a person makes one without JavaScript: the form on the experienced-hire listing, then the link in the
 * confirmation mail (read from the local outbox of the server at `stateDir`).
 */
import { E2E_STATE } from '../../../playwright.config';
import { mailLink, type OutboxRow, readOutbox, sqlText } from './outbox';
import { expect, type Page } from './test';

/** Subscribes `email` to the experienced-hire openings, confirms from the mail, and returns that mail. */
export async function subscribeAndConfirm(
  page: Page,
  email: string,
  { frequency, stateDir = E2E_STATE }: { frequency: '毎日' | '毎週'; stateDir?: string },
): Promise<OutboxRow | undefined> {
  await page.goto('/jobs/type/experienced/');
  const form = page.locator('form[action="/api/alerts"]');
  await expect(form.locator('input[type="hidden"][name="type"]')).toHaveValue('experienced');
  await form.getByLabel('メールアドレス').fill(email);
  await form.getByLabel(frequency).check();
  await form.getByRole('button', { name: '登録する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('確認のメールをお送りしました');

  const mails = readOutbox(`kind = 'alert_confirm' AND recipient = ${sqlText(email)}`, stateDir);
  expect(mails).toHaveLength(1);
  await page.goto(mailLink(mails[0]?.body, '/api/alerts/confirm'));
  await page.getByRole('button', { name: '登録を確定する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('登録が完了しました');
  return mails[0];
}
