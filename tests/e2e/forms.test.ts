/**
 * The application and sign-up forms end to end: in the browser with and without JavaScript, against the
 * real Worker and its local D1, reading the mail outbox the Worker writes.
 */

import { field, fillApplication, fillRegistration, postVia, uniqueEmail, watchErrors } from './support/fill';
import { readOutbox, sqlText } from './support/outbox';
import { expect, type Page, test } from './support/test';

const JOB = 'ict-dx-ninkitsuki-madoguchi-2027';
const APPLY = `/jobs/${JOB}/apply/`;
/** Capacity 3, waiting list 3: used by the one serial describe below and nowhere else. */
const SMALL_SESSION = 'jimu-2027-02-small';
/** Capacity 15: for sign-ups that must not touch the small session. */
const LARGE_SESSION = 'jimu-2027-02-a';
const REFERENCE = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;
const REFERENCE_IN_TEXT = /受付番号：[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/;

/** The smallest file that starts the way a PDF does; the site checks only the %PDF- signature. */
const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const submit = (page: Page) => page.getByRole('button', { name: '送信する' }).click();

test.describe('the application form with JavaScript', () => {
  test('an empty submission shows a focused error summary whose links lead to the fields', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(APPLY);
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
    await submit(page);

    const summary = page.locator('.error-summary');
    await expect(summary).toHaveAttribute('role', 'alert');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('heading', { name: '入力内容を確認してください' })).toBeVisible();
    const links = summary.getByRole('link');
    expect(await links.count()).toBeGreaterThanOrEqual(10);
    await expect(links.first()).toHaveText('氏名を入力してください');
    await expect(page).toHaveTitle(/^エラー：/);

    // A link deep in the list: the e-mail field, with its own message beside it.
    const emailLink = summary.getByRole('link', { name: 'メールアドレスを入力してください' });
    await emailLink.click();
    const email = field(page, 'メールアドレス');
    await expect(email).toBeFocused();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#f-email-error')).toHaveText('メールアドレスを入力してください');
    await expect(email).toHaveAccessibleDescription(/メールアドレスを入力してください/);

    await links.first().click();
    await expect(field(page, '氏名')).toBeFocused();
    await expect(field(page, '氏名')).toHaveAttribute('aria-invalid', 'true');

    const consentLink = summary.getByRole('link', { name: /個人情報の取扱いに同意/ });
    await consentLink.click();
    await expect(page.getByRole('checkbox', { name: /個人情報の取扱い/ })).toBeFocused();

    expect(posts).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a complete application shows its reference and queues a mail to the applicant and a notice without personal data', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const email = uniqueEmail('apply-js');
    await page.goto(APPLY);
    await fillApplication(page, email);
    await submit(page);

    const box = page.locator('.confirmation');
    await expect(box).toBeFocused();
    await expect(box.getByRole('heading', { name: '応募を受け付けました' })).toBeVisible();
    await expect(page.locator('form[data-enhance]')).toHaveCount(0);
    const reference = (await box.locator('.reference').textContent()) ?? '';
    expect(reference).toMatch(REFERENCE);
    await expect(page).not.toHaveTitle(/^エラー：/);

    const mails = readOutbox(`body LIKE ${sqlText(`%${reference}%`)} OR recipient = ${sqlText(email)}`);
    const received = mails.filter((m) => m.kind === 'application_received');
    expect(received).toHaveLength(1);
    expect(received[0]?.recipient).toBe(email);
    expect(received[0]?.body).toContain(reference);
    expect(received[0]?.body).toContain('練馬 花子 様');

    const notices = mails.filter((m) => m.kind === 'application_notice');
    expect(notices).toHaveLength(1);
    const notice = notices[0];
    expect(notice?.recipient).not.toBe(email);
    expect(notice?.body).toContain(reference);
    for (const personal of ['練馬 花子', 'ネリマ ハナコ', email, '03-1234-5678', '1990-04-01']) {
      expect(notice?.body).not.toContain(personal);
      expect(notice?.subject).not.toContain(personal);
    }
    expect(mails).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  test('a PDF CV is sent with the application and the reference is shown', async ({ page }) => {
    const errors = watchErrors(page);
    const email = uniqueEmail('apply-js-cv');
    await page.goto(APPLY);
    await fillApplication(page, email);
    await field(page, '職務経歴書（PDF）').setInputFiles({ name: 'shokumu-keireki.pdf', mimeType: 'application/pdf', buffer: MINIMAL_PDF });
    const response = await postVia(page, '/api/applications', () => submit(page));
    expect(response.request().headers()['content-type']).toMatch(/^multipart\/form-data/);
    expect(response.status()).toBe(201);

    const box = page.locator('.confirmation');
    await expect(box.getByRole('heading', { name: '応募を受け付けました' })).toBeVisible();
    const reference = (await box.locator('.reference').textContent()) ?? '';
    expect(reference).toMatch(REFERENCE);
    expect(readOutbox(`recipient = ${sqlText(email)}`).map((m) => m.kind)).toEqual(['application_received']);
    expect(errors).toEqual([]);
  });

  test('a CV that is not a PDF is refused at its field before anything is sent', async ({ page }) => {
    const errors = watchErrors(page);
    const email = uniqueEmail('apply-cv');
    await page.goto(APPLY);
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
    await fillApplication(page, email);
    // Named .pdf and declared as one, but its bytes are not a PDF.
    await field(page, '職務経歴書（PDF）').setInputFiles({
      name: 'shokumu-keireki.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('これはPDFではありません\n'),
    });
    await submit(page);

    const cv = field(page, '職務経歴書（PDF）');
    await expect(page.locator('#f-cv-error')).toContainText('PDF');
    await expect(cv).toHaveAttribute('aria-invalid', 'true');
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveCount(1);
    await summary.getByRole('link').click();
    await expect(cv).toBeFocused();
    await expect(page.locator('.confirmation')).toHaveCount(0);

    expect(posts).toEqual([]);
    expect(readOutbox(`recipient = ${sqlText(email)}`)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

test.describe('the application form without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  // An unused file input arrives as an empty string part; it must count as "no CV".
  test('a complete application posts and the Worker answers with a page carrying the reference', async ({ page }) => {
    const errors = watchErrors(page);
    const email = uniqueEmail('apply-nojs');
    await page.goto(APPLY);
    await fillApplication(page, email);
    expect((await postVia(page, '/api/applications', () => submit(page))).status()).toBe(201);

    await expect(page).toHaveURL(/\/api\/applications$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('応募を受け付けました');
    await expect(page).toHaveTitle(/応募を受け付けました/);
    const reference = (await page.locator('.confirmation .reference').textContent()) ?? '';
    expect(reference).toMatch(REFERENCE);

    const mails = readOutbox(`recipient = ${sqlText(email)}`);
    expect(mails.map((m) => m.kind)).toEqual(['application_received']);
    expect(mails[0]?.body).toContain(reference);
    expect(errors).toEqual([]);
  });

  test('a complete application with a PDF CV posts and the Worker answers with a page carrying the reference', async ({ page }) => {
    const errors = watchErrors(page);
    const email = uniqueEmail('apply-nojs-cv');
    await page.goto(APPLY);
    await fillApplication(page, email);
    await field(page, '職務経歴書（PDF）').setInputFiles({ name: 'shokumu-keireki.pdf', mimeType: 'application/pdf', buffer: MINIMAL_PDF });
    expect((await postVia(page, '/api/applications', () => submit(page))).status()).toBe(201);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('応募を受け付けました');
    const reference = (await page.locator('.confirmation .reference').textContent()) ?? '';
    expect(reference).toMatch(REFERENCE);
    const mails = readOutbox(`recipient = ${sqlText(email)}`);
    expect(mails.map((m) => m.kind)).toEqual(['application_received']);
    expect(mails[0]?.body).toContain(reference);
    expect(errors).toEqual([]);
  });

  test('an incomplete application answers 422 with a page listing what to fix', async ({ page }) => {
    const email = uniqueEmail('apply-nojs-bad');
    await page.goto(APPLY);
    await field(page, '氏名').fill('練馬 花子');
    await field(page, 'メールアドレス').fill(email);
    expect((await postVia(page, '/api/applications', () => submit(page))).status()).toBe(422);

    await expect(page).toHaveTitle(/^エラー：/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('入力内容を確認してください');
    const summary = page.getByRole('alert');
    const items = summary.getByRole('listitem');
    await expect(items.first()).toBeVisible();
    const list = await items.allTextContents();
    expect(list).toContain('氏名（フリガナ）を入力してください');
    expect(list).toContain('生年月日を 1990-04-01 の形で入力してください');
    expect(list.some((t) => t.includes('個人情報の取扱いに同意'))).toBe(true);
    // What was filled in correctly is not listed.
    expect(list).not.toContain('氏名を入力してください');
    expect(list.some((t) => t.startsWith('メールアドレス'))).toBe(false);
    await expect(page.getByText('ブラウザの「戻る」で入力画面に戻ると、入力した内容が残っていますので')).toBeVisible();
    await expect(page.getByRole('link', { name: '入力画面を最初から開き直す（入力した内容は残りません）' })).toHaveAttribute('href', APPLY);

    expect(readOutbox(`recipient = ${sqlText(email)}`)).toEqual([]);
  });
});

test.describe('a rejected CV without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('is reported on the error page, nothing is stored, and Back keeps every other field', async ({ page }) => {
    const email = uniqueEmail('apply-nojs-cv');
    await page.goto(APPLY);
    await fillApplication(page, email);
    await field(page, '職務経歴書（PDF）').setInputFiles({
      name: 'shokumu-keireki.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('これはPDFではありません\n'),
    });
    expect((await postVia(page, '/api/applications', () => submit(page))).status()).toBe(422);
    const list = await page.getByRole('alert').getByRole('listitem').allTextContents();
    expect(list).toHaveLength(1);
    expect(list[0]).toContain('PDF');
    expect(readOutbox(`recipient = ${sqlText(email)}`)).toEqual([]);

    await page.goBack();
    await expect(field(page, 'メールアドレス')).toHaveValue(email);
    await expect(page.getByLabel(/志望動機/)).toHaveValue(/区民/);
    await expect(page.getByRole('checkbox', { name: /個人情報の取扱い/ })).toBeChecked();
  });
});

test.describe(`sign-ups for the small session ${SMALL_SESSION} (capacity 3, waiting list 3)`, () => {
  test.describe.configure({ mode: 'serial' });
  const registerPath = `/register/${SMALL_SESSION}/`;
  const people = [1, 2, 3, 4].map((n) => ({ name: `練馬 太郎${n}`, email: uniqueEmail(`small-${n}`) }));

  async function register(p: Page, person: { name: string; email: string }) {
    await p.goto(registerPath);
    await fillRegistration(p, person.name, person.email);
    await submit(p);
    const box = p.locator('.confirmation');
    await expect(box).toBeFocused();
    return box;
  }

  test('the first three people get a confirmed seat', async ({ page: p }) => {
    const errors = watchErrors(p);
    for (const person of people.slice(0, 3)) {
      const box = await register(p, person);
      // The page never says whether a seat was taken (nobody may learn who registered): the mail does.
      await expect(box.getByRole('heading', { level: 2 })).toHaveText('お申込みを受け付けました');
      await expect(box).toContainText('メールアドレスにお知らせしました');
      const mails = readOutbox(`recipient = ${sqlText(person.email)}`);
      expect(mails.map((m) => m.kind)).toEqual(['registration_confirmed']);
      expect(mails[0]?.body).toMatch(REFERENCE_IN_TEXT);
    }
    expect(errors).toEqual([]);
  });

  test('the page then shows the session full with places on the waiting list', async ({ page: p }) => {
    const errors = watchErrors(p);
    await p.goto(registerPath);
    const seats = p.locator(`[data-seats="${SMALL_SESSION}"]`);
    // The Worker keeps the count for about 5 s: reload until it reflects the three sign-ups.
    await expect(async () => {
      await p.reload();
      await expect(seats).toHaveText('（満席です（キャンセル待ち 残り3名））', { timeout: 1_000 });
    }).toPass({ timeout: 10_000, intervals: [500, 1_000] });
    await expect(seats).toContainText('満席');
    await expect(seats).toContainText('キャンセル待ち');
    expect(errors).toEqual([]);
  });

  test('the fourth person is put on the waiting list', async ({ page: p }) => {
    const errors = watchErrors(p);
    const fourth = people[3];
    if (!fourth) throw new Error('four people expected');
    const box = await register(p, fourth);
    await expect(box.getByRole('heading', { level: 2 })).toHaveText('お申込みを受け付けました');
    const mails = readOutbox(`recipient = ${sqlText(fourth.email)}`);
    expect(mails.map((m) => m.kind)).toEqual(['registration_waitlisted']);
    expect(errors).toEqual([]);
  });

  test('cancelling through the mailed link frees the seat for the first on the waiting list', async ({ page: p }) => {
    const errors = watchErrors(p);
    const [first, , , fourth] = people;
    if (!first || !fourth) throw new Error('four people expected');
    const confirmation = readOutbox(`recipient = ${sqlText(first.email)}`);
    expect(confirmation.map((m) => m.kind)).toEqual(['registration_confirmed']);
    const link = confirmation[0]?.body.match(/https?:\/\/\S+\/api\/registrations\/cancel\?token=[\w-]+/)?.[0];
    expect(link, 'cancel link in the mail').toBeTruthy();
    const { pathname, search } = new URL(link ?? '');

    // Opening the link only asks; nothing changes until the button is pressed.
    const opened = await p.goto(pathname + search);
    expect(opened?.status()).toBe(200);
    await expect(p.getByRole('heading', { level: 1 })).toHaveText('お申込みのキャンセル');
    expect(readOutbox(`kind IN ('registration_cancelled', 'registration_promoted')`)).toEqual([]);

    await p.getByRole('button', { name: 'キャンセルする' }).click();
    await expect(p.getByRole('heading', { level: 1 })).toHaveText('キャンセルを受け付けました');

    const after = readOutbox(`kind IN ('registration_cancelled', 'registration_promoted')`);
    expect(after.map((m) => [m.kind, m.recipient]).sort()).toEqual(
      [
        ['registration_cancelled', first.email],
        ['registration_promoted', fourth.email],
      ].sort(),
    );

    // The same link cannot cancel twice.
    const again = await p.goto(pathname + search);
    expect(again?.status()).toBe(404);
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
  });
});

test.describe('the sign-up form without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a sign-up posts and the Worker answers with a confirmation page', async ({ page }) => {
    const errors = watchErrors(page);
    const email = uniqueEmail('register-nojs');
    await page.goto(`/register/${LARGE_SESSION}/`);
    await fillRegistration(page, '練馬 次郎', email);
    expect((await postVia(page, '/api/registrations', () => submit(page))).status()).toBe(202);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('お申込みを受け付けました');
    await expect(page).toHaveTitle(/お申込みを受け付けました/);
    await expect(page.locator('.confirmation')).toContainText('メールアドレスにお知らせしました');
    const mails = readOutbox(`recipient = ${sqlText(email)}`);
    expect(mails.map((m) => m.kind)).toEqual(['registration_confirmed']);
    expect(mails[0]?.body).toMatch(REFERENCE_IN_TEXT);
    expect(errors).toEqual([]);
  });
});
