/**
 * The recruiters' web editor in local mode, end to end: decap-server writes a temporary copy of the project,
 * a recruiter changes an opening's deadline through /admin/, the file changes by exactly that line, and the
 * rebuilt site shows the new deadline. Nothing touches the working copy: the copy has its own content, build
 * and decap-server (on ports of its own), and node_modules linked package by package (its caches stay apart).
 * The one exception: the screenshots of the editor in the recruiters' guide (docs/images/cms/), which these tests
 * take and rewrite on every run, so the guide always shows the editor as it is.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { basename, join } from 'node:path';
import { ui } from '../../src/i18n/ja';
import { sampleCopy } from '../../src/i18n/rules';
import { dateOf, dayNumber } from '../../src/lib/calendar';
import { formatDate, formatDateBoth } from '../../src/lib/dates';
import { formatRange, routePayRange } from '../../src/lib/pay';
import { readRulesInForce } from '../../src/lib/rules-files';
import { statusOn } from '../../src/lib/status';
import { TEST_TODAY } from '../clock';
import { adminHeaders } from './support/admin-headers';
import { bin, build, copyProject, root, toolEnv } from './support/project-copy';
import { serveDist } from './support/serve-dist';
// The page's Date reads the suites' one day (tests/clock.ts): statuses and screenshots are the same on any day.
import { expect, type Page, test } from './support/test';

const DECAP_PORT = Number(process.env['CMS_E2E_DECAP_PORT'] ?? 8806);
const SITE_PORT = Number(process.env['CMS_E2E_SITE_PORT'] ?? 8805);
const site = `http://127.0.0.1:${SITE_PORT}`;
const decapApi = `http://127.0.0.1:${DECAP_PORT}/api/v1`;
// One of the ward's own selections: a joint-exam opening has no deadline of its own (content/exams decides it).
const JOB = 'content/jobs/ict-dx-ninkitsuki-madoguchi-2027.md';
/** The rules in force, as the build reads them: the figures a routed opening states come from there. */
const inForce = readRulesInForce(join(root, 'content', 'rules'));
const wardRoute = inForce.rules.routes.find((r) => r.id === 'ku-ninkitsuki');
/** The build and decap-server both learn where the editor's local backend is. */
const cmsEnv = { CMS_LOCAL_BACKEND_URL: decapApi };

/** The copy's dist/ over HTTP, with the editor's headers (public/_headers, or the proposed block) on /admin/*. */
const serve = (dist: string) => serveDist(dist, SITE_PORT, { adminHeaders: adminHeaders(DECAP_PORT) });

/** decap-server on the copy; resolves once it answers, and only if it is the copy it serves. */
async function startDecapServer(dir: string): Promise<ChildProcess> {
  const child = spawn(join(bin, 'node'), [join(root, 'node_modules', 'decap-server', 'dist', 'index.js')], {
    cwd: dir,
    env: { ...toolEnv(cmsEnv), BIND_HOST: '127.0.0.1', PORT: String(DECAP_PORT), MODE: 'fs', GIT_REPO_DIRECTORY: dir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    const info = await fetch(decapApi, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
    }).then(
      (r) => r.json() as Promise<{ repo?: string }>,
      () => undefined,
    );
    if (info) {
      // Another decap-server on this port would write somewhere else: stop rather than edit it.
      if (info.repo !== basename(dir)) throw new Error(`port ${DECAP_PORT} answers for ${info.repo}, not the temporary copy`);
      return child;
    }
    if (child.exitCode !== null) throw new Error(`decap-server exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('decap-server did not start');
}

/** Failed requests, page errors and CSP violations of the page, collected as they happen. */
async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed ${r.url()}`));
  page.on('pageerror', (e) => problems.push(`error ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return problems;
}

/** Lines only in `a` and lines only in `b`, counting repeats. */
function lineDiff(a: string, b: string) {
  const count = new Map<string, number>();
  for (const line of a.split('\n')) count.set(line, (count.get(line) ?? 0) + 1);
  const added: string[] = [];
  for (const line of b.split('\n')) {
    const n = count.get(line) ?? 0;
    if (n > 0) count.set(line, n - 1);
    else added.push(line);
  }
  const removed = [...count].flatMap(([line, n]) => Array<string>(n).fill(line));
  return { removed, added };
}

/** Picks a choice of one of Decap's select fields (a combobox), by the field's label and the choice's words. */
async function choose(page: Page, field: RegExp, choice: string) {
  await page.getByRole('combobox', { name: field }).click();
  await page.getByRole('option', { name: choice, exact: true }).click();
}

/** Publishes the entry open in the editor (Decap's 「公開」 menu). */
async function publish(page: Page) {
  await page.getByRole('button', { name: '公開', exact: true }).click();
  await page.getByRole('menuitem', { name: '公開する' }).click();
}

/** Where the recruiters' guide takes its screenshots of the editor from: rewritten by every run of these tests. */
const SCREENSHOTS = join(root, 'docs', 'images', 'cms');
/** One size for every screenshot, so that a rerun changes a picture only when the editor changed. */
const SCREEN = { width: 1280, height: 800 };

/** The page as it is now, into docs/images/cms/<name>.png (no caret, no animation). */
async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

/**
 * Opens an entry from its collection's list, as a recruiter does. Going straight to the entry's address races Decap's
 * own loading: its toolbar can ask for the entry's preview link before the entry is there (a TypeError in the console).
 */
async function openEntry(page: Page, collection: string, slug: string) {
  await page.goto(`${site}/admin/#/collections/${collection}`);
  await page.locator(`a[href$="/collections/${collection}/entries/${slug}"]`).click(LOADING);
  await formReady(page);
}

/** Decap's first form on a busy machine: its 5 MB bundle, the entry and the preview can take well over 5 s. */
const LOADING = { timeout: 30_000 };
/** Waits until the entry's form is drawn (every folder collection's form starts with the URL name). */
const formReady = (page: Page) => expect(page.getByRole('textbox', { name: /^URL名/ })).toBeVisible(LOADING);

/** A front-matter value of a file in content/ (a plain scalar on its own line). */
function frontMatterValue(text: string, key: string): string | undefined {
  return new RegExp(`^${key}: (.+)$`, 'm').exec(text)?.[1]?.trim();
}

/** Every file under content/, with its text: what a refused save must leave as it was. */
function contentFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(path, readFileSync(path, 'utf8'));
    }
  };
  walk(join(dir, 'content'));
  return files;
}

test.describe('the web editor (Decap CMS, local mode)', () => {
  // One copy, one decap-server and one site server for the tests below: they run in one worker, in order.
  test.describe.configure({ mode: 'serial' });
  let dir = '';
  let server: Server | undefined;
  let decap: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(60_000);
    dir = copyProject('nerima-cms-e2e-');
    await build(dir, cmsEnv);
    server = await serve(join(dir, 'dist'));
    decap = await startDecapServer(dir);
  });

  test.afterAll(async () => {
    if (decap?.pid && decap.exitCode === null) decap.kill('SIGTERM');
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a recruiter changes a deadline and the rebuilt site shows it', async ({ page }) => {
    test.setTimeout(90_000);
    const problems = await watchProblems(page);

    const before = readFileSync(join(dir, JOB), 'utf8');
    expect(before).toContain('closesOn: 2027-01-22\n');

    await page.goto(`${site}/admin/`);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect(page.getByText('採用情報').first()).toBeVisible();
    await openEntry(page, 'jobs', 'ict-dx-ninkitsuki-madoguchi-2027');

    // Optional in the schema (a joint-exam opening takes its window from content/exams), so Decap adds 「(任意)」.
    const deadline = page.getByRole('textbox', { name: /^締切日/ });
    await expect(deadline).toHaveValue('2027-01-22');
    await deadline.fill('2027-01-29');
    await page.getByRole('button', { name: '公開', exact: true }).click();
    await page.getByRole('menuitem', { name: '公開する' }).click();
    await expect(page.getByText('保存済')).toBeVisible();

    // The file differs by exactly the changed line. (Decap writes front-matter keys in the schema's order, so a file
    // whose keys are in another order also sees lines move: lines are compared as a multiset.)
    await expect.poll(() => readFileSync(join(dir, JOB), 'utf8')).not.toBe(before);
    const after = readFileSync(join(dir, JOB), 'utf8');
    expect(after.split('\n').length).toBe(before.split('\n').length);
    expect(lineDiff(before, after)).toEqual({ removed: ['closesOn: 2027-01-22'], added: ['closesOn: 2027-01-29'] });

    // Rebuilt, the opening's page shows the new deadline.
    await build(dir, cmsEnv);
    await page.goto(`${site}/jobs/ict-dx-ninkitsuki-madoguchi-2027/`);
    await expect(page.getByText('2027年1月29日').first()).toBeVisible();
    await expect(page.getByText('2027年1月22日')).toHaveCount(0);

    expect(problems).toEqual([]);
  });

  test('a recruiter creates a 任期付 opening by choosing its route, sees the pay and years the rules give, and the built page states them', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    if (!wardRoute) throw new Error('content/rules has no route ku-ninkitsuki');
    const range = routePayRange(inForce.rules, wardRoute.id);
    if (!range) throw new Error('no pay rules for ku-ninkitsuki');
    const problems = await watchProblems(page);
    const slug = 'ict-dx-ninkitsuki-cms-test';

    await page.goto(`${site}/admin/`);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect(page.getByText('採用情報').first()).toBeVisible();
    await page.goto(`${site}/admin/#/collections/jobs/new`);
    await formReady(page);

    await page.getByRole('textbox', { name: /^URL名/ }).fill(slug);
    await page.getByRole('textbox', { name: /^職種名/ }).fill('ICT・DX（任期付職員・データ活用）');
    await page.getByRole('textbox', { name: /^概要/ }).fill('区のデータ活用を進める、データ分析の経験者を募集します。');
    // The route is picked by its name; what the rules decide appears at once, read-only.
    await choose(page, /^選考区分/, wardRoute.label);
    const facts = page.getByRole('list').filter({ hasText: '選考区分：' });
    await expect(facts).toContainText(`給与：月給 ${formatRange(range)}（本給と地域手当の合計）`);
    await expect(facts).toContainText(`必要な経験年数：${wardRoute.window.requiredYears}年以上`);
    await expect(facts).toContainText(`職級：${wardRoute.grade}`);
    // For the guide: the route picked by name and what its rules decide, read-only, beside the preview.
    await page.setViewportSize(SCREEN);
    await facts.scrollIntoViewIfNeeded();
    await screenshot(page, 'derived-facts');

    await choose(page, /^採用区分/, '任期付');
    await choose(page, /^職種$/, 'ICT・DX');
    await choose(page, /^雇用形態/, '常勤（任期付）');
    await page.getByRole('textbox', { name: /^配属予定の部署/ }).fill('企画部 情報政策課');
    await page.getByRole('textbox', { name: /^勤務地/ }).fill('練馬区役所本庁舎');
    await page.getByRole('button', { name: '職務内容を追加' }).click();
    await page.getByRole('textbox', { name: /^職務内容/ }).fill('区の統計と業務データの分析');
    await choose(page, /^給与の単位/, '月給');
    await page.getByRole('textbox', { name: /^募集開始日/ }).fill('2026-12-01');
    await page.getByRole('textbox', { name: /^締切日/ }).fill('2027-01-20');
    await page.getByRole('button', { name: '選考の段階を追加' }).click();
    await page.getByRole('textbox', { name: /^段階/ }).fill('書類選考');
    await choose(page, /^受付の方法/, 'このサイトで受け付ける');
    await publish(page);
    await expect(page.getByText('保存済')).toBeVisible();

    // The file names the route and types none of the figures.
    const file = join(dir, 'content', 'jobs', `${slug}.md`);
    await expect.poll(() => existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`route: ${wardRoute.id}\n`);
    expect(text).not.toMatch(/^\s*(min|max|experienceYears):/m);

    await build(dir, cmsEnv);
    await page.goto(`${site}/jobs/${slug}/`);
    await expect(page.locator('main')).toContainText(formatRange(range));
    await expect(page.locator('main')).toContainText(`${wardRoute.window.requiredYears}年以上`);
    expect(problems).toEqual([]);
  });

  test('the editor refuses, at the field and in Japanese, what the build would refuse, and writes nothing', async ({ page }) => {
    test.setTimeout(120_000);
    // An opening whose route the rules no longer have (as after a new fiscal year's rules dropped it), put on disk as
    // a developer might have written it; restored at the end.
    const routed = join(dir, 'content', 'jobs', 'shinri-senmon-kyoiku-2027.md');
    const routedText = readFileSync(routed, 'utf8');
    writeFileSync(routed, routedText.replace(/^route: .+$/m, 'route: ku-haishi'));
    const before = contentFiles(dir);
    await page.goto(`${site}/admin/`);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect(page.getByText('採用情報').first()).toBeVisible();

    // A route the rules do not have: refused at the route, with the routes it can be.
    await openEntry(page, 'jobs', 'shinri-senmon-kyoiku-2027');
    await expect(page.getByRole('textbox', { name: /^職種名/ })).toHaveValue(/心理/, { timeout: 20_000 });
    // Any other change, then 「公開」: the route is what is refused.
    const summary = page.getByRole('textbox', { name: /^概要/ });
    await summary.fill(`${await summary.inputValue()}ご応募をお待ちしています。`);
    await publish(page);
    // The field's message (the read-only facts above say so too): the build's, with the routes it can be.
    await expect(
      page.getByText(`選考区分「ku-haishi」は content/rules/${basename(inForce.file)} にありません。次のいずれかにしてください`),
    ).toBeVisible();
    await expect(page.getByText('未保存')).toBeVisible();

    // A deadline before the opening day.
    page.once('dialog', (d) => d.accept()); // leaving the unsaved opening
    await openEntry(page, 'jobs', 'ict-dx-ninkitsuki-madoguchi-2027');
    await page.getByRole('textbox', { name: /^締切日/ }).fill('2026-11-01');
    await publish(page);
    await expect(page.getByText('締切日（closesOn）は募集開始日（opensOn）と同じか後の日付にしてください')).toBeVisible();
    await expect(page.getByText('未保存')).toBeVisible();
    // For the guide: a refused field, its message above it.
    await page.setViewportSize(SCREEN);
    await page.getByRole('textbox', { name: /^締切日/ }).scrollIntoViewIfNeeded();
    await screenshot(page, 'refused-field');

    // A route is one of the rules' routes, by name: there is nothing else to pick.
    await page.getByRole('combobox', { name: /^選考区分/ }).click();
    await expect(page.getByRole('option')).toHaveText(inForce.rules.routes.map((r) => r.label));
    await page.keyboard.press('Escape');

    // A session id another file already uses.
    const events = readdirSync(join(dir, 'content', 'events')).filter((f) => !f.startsWith('_'));
    const taken = /\n\s+- id: ([a-z0-9-]+)/.exec(readFileSync(join(dir, 'content', 'events', events[0] ?? ''), 'utf8'))?.[1];
    if (!taken) throw new Error('no session id in content/events');
    page.once('dialog', (d) => d.accept()); // leaving the unsaved opening
    const internship = readdirSync(join(dir, 'content', 'internships'))
      .find((f) => !f.startsWith('_'))
      ?.replace(/\.md$/, '');
    await openEntry(page, 'internships', internship ?? '');
    const id = page.getByRole('textbox', { name: /^回のID/ }).first();
    await id.fill(taken);
    await publish(page);
    await expect(page.getByText(`回のID「${taken}」は content/events/`)).toBeVisible();

    // Nothing under content/ changed.
    expect(contentFiles(dir)).toEqual(before);
    writeFileSync(routed, routedText);
  });

  test('the preview pane shows an opening as its page will: the pay of the route picked, the status and window of the deadline typed', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const problems = await watchProblems(page);
    const text = readFileSync(join(dir, JOB), 'utf8');
    const opensOn = frontMatterValue(text, 'opensOn');
    const title = frontMatterValue(text, 'title');
    if (!opensOn || !title) throw new Error(`${JOB} has no opensOn or title`);
    // Another of the ward's own routes with pay rules, and a deadline that has passed today (not before the opening day).
    const other = inForce.rules.routes.find((r) => r.organizer === 'ward' && r.id !== wardRoute?.id && routePayRange(inForce.rules, r.id));
    const range = other && routePayRange(inForce.rules, other.id);
    if (!other || !range) throw new Error('content/rules has no second ward route with pay rules');
    const closesOn = dateOf(dayNumber(TEST_TODAY) - 1);
    if (closesOn < opensOn) throw new Error(`${JOB} opens after ${closesOn}: pick another day`);
    const status = statusOn({ opensOn, closesOn }, TEST_TODAY);

    await page.setViewportSize(SCREEN);
    await page.goto(`${site}/admin/`);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await openEntry(page, 'jobs', 'ict-dx-ninkitsuki-madoguchi-2027');
    const preview = page.frameLocator('iframe').first();
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText(title);

    await choose(page, /^選考区分/, other.label);
    const deadline = page.getByRole('textbox', { name: /^締切日/ });
    await deadline.fill(closesOn);
    await deadline.blur();

    // The pay the rules give the route, as the page writes it, with the sample mark while the rules are samples.
    const pay = preview.locator('dl.facts dt', { hasText: /^給与$/ }).locator('xpath=following-sibling::dd[1]');
    await expect(pay).toHaveText(`月給 ${formatRange(range)}${inForce.rules.sample ? sampleCopy.mark : ''}`);
    await expect(preview.locator('dl.facts')).toContainText(other.grade);
    // Today's status, from the window typed.
    await expect(preview.locator('h1 + p .status')).toHaveText(ui.status[status]);
    await expect(preview.locator('[data-job-status]')).toContainText(formatDateBoth(closesOn));
    await expect(preview.locator('[data-job-status]')).toHaveAttribute('data-job-status', status);
    // The site's stylesheet, the one the public pages link, with the badge's own scoped style (white on its colour).
    const sheet = await preview.locator('link[rel="stylesheet"]').first().getAttribute('href');
    const jobPage = await (await fetch(`${site}/jobs/ict-dx-ninkitsuki-madoguchi-2027/`)).text();
    expect(sheet && jobPage.includes(`href="${new URL(sheet, site).pathname}"`)).toBe(true);
    await expect(preview.locator('h1 + p .status')).toHaveCSS('color', 'rgb(255, 255, 255)');

    await preview.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'preview');

    // Nothing was saved.
    page.once('dialog', (d) => d.accept());
    await page.goto(`${site}/admin/#/collections/jobs`);
    expect(readFileSync(join(dir, JOB), 'utf8')).toBe(text);

    // An internship: each session with its registration status for today, as the page's table states it.
    const internship = readdirSync(join(dir, 'content', 'internships')).find((f) => !f.startsWith('_')) ?? '';
    const programme = readFileSync(join(dir, 'content', 'internships', internship), 'utf8');
    const session = /\n\s+- id: ([a-z0-9-]+)[\s\S]*?registrationClosesOn: (\d{4}-\d{2}-\d{2})/.exec(programme);
    if (!session?.[1] || !session[2]) throw new Error(`no session in content/internships/${internship}`);
    await openEntry(page, 'internships', internship.replace(/\.md$/, ''));
    const row = preview.locator(`tr[data-session-id="${session[1]}"]`);
    await expect(row).toContainText(formatDate(session[2]));
    await expect(row.locator('.status')).toHaveText(ui.status[statusOn({ opensOn: '0000-01-01', closesOn: session[2] }, TEST_TODAY)]);
    expect(problems).toEqual([]);
  });

  test('an image uploaded in the editor lands in public/images/uploads of the working copy', async ({ page }) => {
    // The editor's first load and the media library are slow under a full run (it once took more than 30 s in all).
    test.setTimeout(90_000);
    const problems = await watchProblems(page);
    // A 1×1 WebP.
    const webp = Buffer.from('UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=', 'base64');
    await page.goto(`${site}/admin/`);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('button', { name: 'メディア' }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'cms-test.webp', mimeType: 'image/webp', buffer: webp });
    const uploaded = join(dir, 'public', 'images', 'uploads', 'cms-test.webp');
    await expect.poll(() => existsSync(uploaded), LOADING).toBe(true);
    expect(readFileSync(uploaded).equals(webp)).toBe(true);
    await expect(page.getByText('cms-test.webp')).toBeVisible(LOADING);
    expect(problems).toEqual([]);
  });
});
