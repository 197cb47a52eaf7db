/** Filling the forms as a person would, by their visible labels; shared by the form and accessibility tests. */
import { randomUUID } from 'node:crypto';
import type { Page, Response } from '@playwright/test';

export const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.jp`;

/** Collects console errors and uncaught exceptions of a page; assert `toEqual([])` at the end. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}

/** A form control by its visible label; the label also reads 「必須」 or 「任意」 after the words. */
export const field = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(必須|任意)$`));

export async function fillApplication(page: Page, email: string): Promise<void> {
  await field(page, '氏名').fill('練馬 花子');
  await field(page, '氏名（フリガナ）').fill('ネリマ ハナコ');
  await field(page, '生年月日').fill('1990-04-01');
  await field(page, 'メールアドレス').fill(email);
  await field(page, '電話番号').fill('03-1234-5678');
  await field(page, '郵便番号').fill('176-8501');
  await field(page, '住所').fill('東京都練馬区豊玉北6丁目12番1号');
  await field(page, '最終学歴').selectOption({ label: '大学' });
  await field(page, '学校名・学部').fill('練馬大学 法学部');
  await field(page, '卒業（修了）年月').fill('2013-03');
  await field(page, '志望動機').fill('区民に身近な窓口の仕事で、これまでの経験を生かしたいと考えました。');
  await field(page, 'この募集を知ったきっかけ').selectOption({ label: 'このサイト' });
  await page.getByRole('checkbox', { name: /個人情報の取扱い/ }).check();
}

export async function fillRegistration(page: Page, name: string, email: string): Promise<void> {
  await field(page, '氏名').fill(name);
  await field(page, '氏名（フリガナ）').fill('ネリマ タロウ');
  await field(page, 'メールアドレス').fill(email);
  await field(page, '学校名').fill('練馬大学');
  await field(page, '学年').selectOption({ label: '大学3年' });
  await page.getByRole('checkbox', { name: /個人情報の取扱い/ }).check();
}

/** Clicks what sends the form (`send`) and returns the answer of the POST to `api` (e.g. /api/applications). */
export async function postVia(page: Page, api: string, send: () => Promise<void>): Promise<Response> {
  const answer = page.waitForResponse((r) => r.url().endsWith(api) && r.request().method() === 'POST');
  await send();
  return answer;
}
