/**
 * The recruiters' web editor in local mode, end to end: decap-server writes a temporary copy of the project,
 * a recruiter changes an opening's deadline through /admin/, the file changes by exactly that line, and the
 * rebuilt site shows the new deadline. Nothing touches the working copy: the copy has its own content, build
 * and decap-server (on ports of its own), and node_modules linked package by package (its caches stay apart).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { basename, join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { adminHeaders } from './support/admin-headers';
import { bin, build, copyProject, root, toolEnv } from './support/project-copy';
import { serveDist } from './support/serve-dist';

const DECAP_PORT = Number(process.env['CMS_E2E_DECAP_PORT'] ?? 8806);
const SITE_PORT = Number(process.env['CMS_E2E_SITE_PORT'] ?? 8805);
const site = `http://127.0.0.1:${SITE_PORT}`;
const decapApi = `http://127.0.0.1:${DECAP_PORT}/api/v1`;
// One of the ward's own selections: a joint-exam opening has no deadline of its own (content/exams decides it).
const JOB = 'content/jobs/ict-dx-ninkitsuki-madoguchi-2027.md';
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
    await page.goto(`${site}/admin/#/collections/jobs/entries/ict-dx-ninkitsuki-madoguchi-2027`);

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

  test('an image uploaded in the editor lands in public/images/uploads of the working copy', async ({ page }) => {
    const problems = await watchProblems(page);
    // A 1×1 WebP.
    const webp = Buffer.from('UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=', 'base64');
    await page.goto(`${site}/admin/`);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('button', { name: 'メディア' }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'cms-test.webp', mimeType: 'image/webp', buffer: webp });
    const uploaded = join(dir, 'public', 'images', 'uploads', 'cms-test.webp');
    await expect.poll(() => existsSync(uploaded)).toBe(true);
    expect(readFileSync(uploaded).equals(webp)).toBe(true);
    await expect(page.getByText('cms-test.webp')).toBeVisible();
    expect(problems).toEqual([]);
  });
});
