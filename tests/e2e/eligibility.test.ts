/**
 * The eligibility checker and starting-pay estimator, tried as a new user would: on an experienced-hire opening (its
 * short form, answered by the Worker's page: the opening ships no script) and on the route's own checker page, someone
 * with 4 years 2 months at two employers learns that they can sit 1級職 and not 2級職, and roughly what they would
 * earn: with JavaScript (the checker page answers in place, no request to the Worker) and without (the Worker's page).
 * axe in the empty, error and result states.
 */

import { site } from '../../src/config/site';
import { testNow } from '../clock';
import { expectNoAxeViolations } from './support/axe';
import { field, postVia, watchErrors } from './support/fill';
import { expect, type Page, test } from './support/test';

/** An experienced-hire opening whose route is 特別区 経験者採用 1級職. */
const JOB = '/jobs/jimu-keiken-2027/';
const CHECKER = '/eligibility/tokubetsuku-keiken-1/';

/**
 * Two employers, derived from today's year so that the test keeps its meaning: 2 years 正社員 from 1 April five years
 * ago, then 2 years 2 months 契約社員 ending on 31 May last year. Both lie inside 「直近10年」 whatever today is, and the
 * counted total is one stretch of exactly 4 years 2 months (on 2026-11-24: 2021-04-01 to 2025-05-31).
 */
const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric' }).format(testNow()));
const y = year - 5;
const periods = [
  { from: `${y}-04-01`, to: `${y + 2}-03-31`, hours: '40', kind: '正社員' },
  { from: `${y + 2}-04-01`, to: `${y + 4}-05-31`, hours: '38', kind: '契約社員' },
] as const;
/**
 * Counted to the reference date of the next 経験者 exam: on the tests' today (2026-12-07) the 令和8年度 window has
 * closed, so the 令和9年度 exam's, 31 March 2028; both periods lie inside 直近10年 from it (from 2018-04-01).
 */
const SUMMARY_1 = '2028年3月31日時点で直近10年のうち通算4年2か月（見込み。必要：4年）';
const TODAY_1 = '本日（2026年12月7日）時点では直近10年のうち通算4年2か月';

/** A control inside one period's fieldset, by its label (which reads 「必須」 or 「任意」 after the words). */
const inRow = (page: Page, n: number, label: string) =>
  page.getByRole('group', { name: new RegExp(`^職歴 ${n}`) }).getByLabel(new RegExp(`^${label}\\s*(必須|任意)$`));

async function fillChecker(page: Page): Promise<void> {
  await field(page, '生年月日').fill('1990-05-10');
  await field(page, '最終学歴').selectOption({ label: '大学卒' });
  for (const [i, p] of periods.entries()) {
    await inRow(page, i + 1, '勤務開始日').fill(p.from);
    await inRow(page, i + 1, '勤務終了日').fill(p.to);
    await inRow(page, i + 1, '週の勤務時間').fill(p.hours);
    await inRow(page, i + 1, '種類').selectOption({ label: p.kind });
  }
}

const check = (page: Page) => page.getByRole('button', { name: '確認する' }).click();

/** Sends the form to the Worker (no script answers it) and returns the status of its answer. */
async function postToWorker(page: Page): Promise<number> {
  return (await postVia(page, '/api/eligibility', () => check(page))).status();
}

/** What every path must say: the verdict per grade, the summary line, a monthly pay range, the worked examples. */
async function expectAnswer(page: Page): Promise<void> {
  const overview = page.locator('.verdict-overview');
  await expect(overview.locator('li').nth(0)).toContainText('特別区 経験者採用 1級職：応募できます');
  await expect(overview.locator('li').nth(1)).toContainText('特別区 経験者採用 2級職（主任）：応募資格を満たしていません');
  await expect(page.getByRole('region', { name: '特別区 経験者採用 1級職' })).toContainText(SUMMARY_1);
  await expect(page.getByRole('region', { name: '特別区 経験者採用 1級職' })).toContainText(TODAY_1);
  // Every rule with its source, marked while unverified.
  await expect(page.locator('.checker-result').getByRole('region', { name: '判定に使った規則と出典' })).toContainText('（要確認）');
  await expect(page.getByRole('region', { name: '特別区 経験者採用 2級職（主任）' })).toContainText('応募資格を満たしていません');
  const pay = page.getByRole('region', { name: '初任給の目安（1級職）' });
  await expect(pay).toContainText(/月額（給料月額＋地域手当）\s*[\d,]+円〜[\d,]+円/);
  await expect(pay).toContainText('この試算の数値はサンプルです');
  // The exam guide governs; where to find uncertain dates.
  await expect(page.getByRole('link', { name: '特別区人事委員会の採用試験案内' }).first()).toHaveAttribute('href', site.examBody.homepage);
  await expect(page.getByRole('link', { name: /ねんきんネット/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /ハローワーク/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /モデル給与/ })).toBeVisible();
}

/**
 * From the opening, with or without JavaScript (its page has no script): the short form posts to the Worker, whose page
 * answers well under a minute and leads back to the opening.
 */
async function expectOpeningAnswered(page: Page): Promise<void> {
  const errors = watchErrors(page);
  const started = Date.now();
  await page.goto(JOB);
  await fillChecker(page);
  expect(await postToWorker(page)).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('応募資格と初任給の確認結果');
  await expectAnswer(page);
  expect(Date.now() - started).toBeLessThan(60_000);
  await expect(page.getByRole('link', { name: '入力画面に戻る' })).toHaveAttribute('href', JOB);
  expect(errors).toEqual([]);
}

/** The link from an opening's short form to its route's checker page. */
const MORE = '詳しい確認のページをご利用ください';

test.describe('with JavaScript', () => {
  test('on an opening, the short form is answered by the Worker: the opening ships no script', async ({ page }) => {
    await page.goto(JOB);
    await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);
    await expectOpeningAnswered(page);
  });

  test('from an opening to its route’s checker page, to the answer in the page', async ({ page }) => {
    const errors = watchErrors(page);
    const posts: string[] = [];
    page.on('request', (r) => r.method() !== 'GET' && posts.push(`${r.method()} ${r.url()}`));
    const started = Date.now();

    await page.goto(JOB);
    await page.getByRole('link', { name: MORE }).click();
    await expect(page).toHaveURL(CHECKER);
    await page.locator('form[data-enhanced]').waitFor();
    await expect(field(page, '区分')).toHaveValue('tokubetsuku-keiken-1');

    await fillChecker(page);
    await check(page);
    await expectAnswer(page);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(60_000);

    // Each period: whether and why it counted.
    const grade1 = page.getByRole('region', { name: '特別区 経験者採用 1級職' });
    await expect(grade1.getByText(`数えます：${y}年4月1日〜${y + 2}年3月31日（2年）`)).toBeVisible();
    await expect(grade1.getByText(`数えます：${y + 2}年4月1日〜${y + 4}年5月31日（2年2か月）`)).toBeVisible();
    await expect(page.locator('[data-checker-result]')).toHaveAttribute('aria-live', 'polite');
    await expect(page).toHaveURL(CHECKER);
    expect(posts).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the checker page requests nothing before its first paint; its script, imports and rules come after', async ({ page }) => {
    // The loader is inline and allowed by its hash alone: a policy that blocked it would print an error here, and the
    // form would never be enhanced (goto waits for that, ./support/test.ts).
    const errors = watchErrors(page);
    await page.goto(CHECKER);
    const { fcp, loads } = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      loads: performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, start: e.startTime })),
    }));
    expect(fcp).toBeGreaterThan(0);
    expect(loads.map((l) => l.path)).toContain('/rules.json');
    expect(loads.some((l) => /^\/_astro\/.+\.js$/.test(l.path))).toBe(true);
    // No script and no data before it (the stylesheet and the browser's own favicon request are not the page's doing).
    expect(loads.filter((l) => l.start < fcp && !/^\/_astro\/.+\.css$|^\/favicon\.svg$/.test(l.path))).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('missing and impossible entries show a focused error summary whose links lead to the fields', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(CHECKER);
    await inRow(page, 1, '勤務開始日').fill('2023-04-01');
    await inRow(page, 1, '勤務終了日').fill('2021-03-31');
    await inRow(page, 1, '週の勤務時間').fill('フルタイム');
    await inRow(page, 1, '種類').selectOption({ label: '正社員' });
    await check(page);

    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toHaveAttribute('role', 'alert');
    await expect(page).toHaveTitle(/^エラー：/);
    await expect(summary.getByRole('link')).toHaveText([
      '生年月日を入力してください',
      '職歴1の勤務終了日は、勤務開始日と同じ日かそれより後の日付にしてください',
      '職歴1の週の勤務時間を数字で入力してください（例：38.75）',
    ]);
    await summary.getByRole('link', { name: /週の勤務時間/ }).click();
    const hours = inRow(page, 1, '週の勤務時間');
    await expect(hours).toBeFocused();
    await expect(hours).toHaveAttribute('aria-invalid', 'true');
    await expect(hours).toHaveAccessibleDescription(/職歴1の週の勤務時間を数字で入力してください/);
    await expect(page.locator('.checker-result')).toHaveCount(0);

    // Fixed, the errors go and the answer comes.
    await fillChecker(page);
    await check(page);
    await expect(page.locator('.error-summary')).toHaveCount(0);
    await expect(page).not.toHaveTitle(/^エラー：/);
    await expectAnswer(page);
    expect(errors).toEqual([]);
  });

  test('axe finds nothing in the empty, error and result states', async ({ page }) => {
    await page.goto('/eligibility/');
    await expectNoAxeViolations(page, 'eligibility: index');
    await page.goto(JOB);
    await expectNoAxeViolations(page, 'opening with its short checker');
    await page.goto(CHECKER);
    await expectNoAxeViolations(page, 'checker: empty');
    await check(page);
    await expect(page.locator('.error-summary')).toBeFocused();
    await expectNoAxeViolations(page, 'checker: errors');
    await fillChecker(page);
    await check(page);
    await expect(page.locator('.checker-result')).toBeVisible();
    await expectNoAxeViolations(page, 'checker: result');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an opening’s short form posts to the Worker, whose page answers and leads back to the opening', async ({ page }) => {
    await expectOpeningAnswered(page);
  });

  test('the route’s checker page posts the same input to the Worker, whose page says the same', async ({ page }) => {
    const errors = watchErrors(page);
    const started = Date.now();
    await page.goto(JOB);
    await page.getByRole('link', { name: MORE }).click();
    await expect(page).toHaveURL(CHECKER);
    await fillChecker(page);
    expect(await postToWorker(page)).toBe(200);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('応募資格と初任給の確認結果');
    await expectAnswer(page);
    expect(Date.now() - started).toBeLessThan(60_000);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    await expect(page.getByRole('link', { name: '入力画面に戻る' })).toHaveAttribute('href', CHECKER);
    expect(errors).toEqual([]);
  });

  test('an empty form answers 422 with a page listing what to fix', async ({ page }) => {
    await page.goto(CHECKER);
    expect(await postToWorker(page)).toBe(422);
    const summary = page.locator('.error-summary');
    await expect(summary).toContainText('生年月日を入力してください');
    await expect(summary).toContainText('職歴を1件以上入力してください');
    await expect(page.getByRole('link', { name: '入力画面を最初から開き直す（入力した内容は残りません）' })).toHaveAttribute(
      'href',
      CHECKER,
    );
  });
});

// axe runs in the page, so it needs JavaScript: the Worker's pages are reached here with the page script unable to
// load the rules, where the form falls back to posting, exactly as it does without JavaScript.
test.describe('the Worker’s pages, when the page cannot answer by itself', () => {
  test.beforeEach(async ({ page }) => {
    await page.route('**/rules.json', (route) => route.abort());
    await page.goto('/eligibility/');
    await page.getByRole('link', { name: /特別区 経験者採用 1級職の応募資格/ }).click();
    await expect(page).toHaveURL(CHECKER);
  });

  test('the result page, and the page listing what to fix, have no axe violations', async ({ page }) => {
    await fillChecker(page);
    expect(await postToWorker(page)).toBe(200);
    await expectAnswer(page);
    await expectNoAxeViolations(page, 'worker: result');

    await page.goBack();
    await expect(page).toHaveURL(CHECKER);
    await field(page, '生年月日').fill('');
    expect(await postToWorker(page)).toBe(422);
    await expect(page.locator('.error-summary')).toContainText('生年月日を入力してください');
    await expectNoAxeViolations(page, 'worker: errors');
  });
});

test('every route’s checker page has no axe violations', async ({ page }) => {
  const rules = (await (await page.request.get('/rules.json')).json()) as { routes: { id: string }[] };
  for (const { id } of rules.routes) {
    await page.goto(`/eligibility/${id}/`);
    await expect(page.locator('h1')).toHaveCount(1);
    await expectNoAxeViolations(page, `checker: ${id}`);
  }
});

test.describe('at 320 px wide (200 % zoom on a 640 px screen)', () => {
  test.use({ viewport: { width: 320, height: 800 } });

  test('the index, the checker and its answer, and an opening do not scroll sideways', async ({ page }) => {
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto('/eligibility/');
    expect(await overflow(), '/eligibility/').toBe(0);
    await page.goto(CHECKER);
    expect(await overflow(), CHECKER).toBe(0);
    await fillChecker(page);
    await check(page);
    await expect(page.locator('.checker-result')).toBeVisible();
    expect(await overflow(), 'the answer').toBe(0);
    await page.goto(JOB);
    expect(await overflow(), JOB).toBe(0);
  });
});
