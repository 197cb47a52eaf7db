/**
 * Production sign-in of the web editor, offline: the built /admin/ page under the /admin/* headers of
 * docs/cms-production.md, Decap's GitHub backend pointed at the OAuth helper of docs/cms-auth-worker/ (run here
 * in Node), and github.com / api.github.com answered by the browser's request routing. Proves the helper's
 * handshake, the admin headers of tests/e2e/support/admin-headers.ts (CSP with connect-src api.github.com), and why
 * /admin/* needs `Cross-Origin-Opener-Policy: same-origin-allow-popups` instead of the site-wide `same-origin`.
 * Needs the build (npm run build), like every browser test.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { authHelper } from '../../docs/cms-auth-worker/index';
import { cmsConfig, configYaml } from '../../src/lib/cms-config';
import { adminHeaders } from './support/admin-headers';
import { serveDist } from './support/serve-dist';

const SITE_PORT = Number(process.env['CMS_AUTH_E2E_SITE_PORT'] ?? 8807);
const HELPER_PORT = Number(process.env['CMS_AUTH_E2E_HELPER_PORT'] ?? 8808);
const site = `http://127.0.0.1:${SITE_PORT}`;
const helper = `http://127.0.0.1:${HELPER_PORT}`;
const dist = join(process.cwd(), 'dist');
const TOKEN = 'gho_test_token';

const config = configYaml(
  cmsConfig({
    repo: 'ward/site',
    branch: 'main',
    siteUrl: site,
    authBaseUrl: helper,
    pillars: [{ id: 'recruitment', number: 1, title: '採用戦略' }],
  }),
);

/** The built admin page and its assets under the editor's headers (COOP as given), with a config that signs in through the helper. */
const siteServer = (coop?: string) =>
  serveDist(dist, SITE_PORT, {
    adminHeaders: { ...adminHeaders(), ...(coop ? { 'Cross-Origin-Opener-Policy': coop } : {}) },
    answer: (path) => (path === '/admin/config.yml' ? { type: 'text/yaml; charset=utf-8', body: config } : undefined),
  });

/** The helper Worker's handler behind a Node server; GitHub's token endpoint is faked. */
function helperServer(): Server {
  const handler = authHelper(async (_input, init) => {
    const { code } = JSON.parse(String(init?.body ?? '{}')) as { code?: string };
    const answer = code === 'granted' ? { access_token: TOKEN, token_type: 'bearer' } : { error_description: 'bad code' };
    return new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } });
  });
  const env = { GITHUB_CLIENT_ID: 'client-id', GITHUB_CLIENT_SECRET: 'client-secret', SITE_ORIGIN: site };
  return createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const answer = await handler.fetch(new Request(new URL(req.url ?? '/', helper), { headers }), env);
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
}

const listen = (server: Server, port: number) =>
  new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', () => ok()));
const close = (server: Server | undefined) => new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));

/** github.com's consent page grants at once; api.github.com knows one user with write access to ward/site. */
async function fakeGitHub(page: Page) {
  const context = page.context();
  await context.route('https://github.com/login/oauth/authorize?**', (route) => {
    const asked = new URL(route.request().url());
    const back = new URL(asked.searchParams.get('redirect_uri') ?? '');
    back.search = new URLSearchParams({ code: 'granted', state: asked.searchParams.get('state') ?? '' }).toString();
    return route.fulfill({ status: 302, headers: { Location: back.href } });
  });
  await context.route('https://api.github.com/**', (route) => {
    const { pathname } = new URL(route.request().url());
    const authorised = route.request().headers()['authorization']?.includes(TOKEN);
    const json = (status: number, body: unknown) =>
      route.fulfill({
        status,
        contentType: 'application/json',
        headers: { 'Access-Control-Allow-Origin': '*' },
        body: JSON.stringify(body),
      });
    if (route.request().method() === 'OPTIONS')
      return route.fulfill({
        status: 204,
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': '*' },
      });
    if (!authorised) return json(401, { message: 'Requires authentication' });
    if (pathname === '/user') return json(200, { login: 'recruiter', name: '採用 担当', avatar_url: '' });
    if (pathname === '/repos/ward/site')
      return json(200, { full_name: 'ward/site', owner: { login: 'ward' }, permissions: { admin: false, push: true, pull: true } });
    return json(404, { message: 'Not Found' });
  });
}

test.describe('signing in to the web editor through the GitHub OAuth helper', () => {
  // The editor's bundle is large: on a machine busy with builds in the other worker it can take many seconds to start.
  test.describe.configure({ mode: 'serial', timeout: 60_000 });
  let helperSrv: Server | undefined;

  test.beforeAll(async () => {
    if (!existsSync(join(dist, 'admin', 'index.html'))) throw new Error('dist/admin/ is missing: run npm run build first');
    helperSrv = helperServer();
    await listen(helperSrv, HELPER_PORT);
  });
  test.afterAll(async () => {
    await close(helperSrv);
  });

  test('under the /admin/* headers (COOP same-origin-allow-popups), the popup hands the token over and the editor opens', async ({
    page,
  }) => {
    const server = await siteServer();
    try {
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await fakeGitHub(page);
      await page.goto(`${site}/admin/`);
      const popup = page.context().waitForEvent('page');
      await page.getByRole('button', { name: 'GitHub でログインする' }).click();
      const window = await popup;
      // The popup may finish its handshake and close before a 'close' listener could be attached, so ask whether
      // it is closed instead of waiting for the event (waiting raced, and hung, on a busy machine).
      await expect.poll(() => window.isClosed(), { timeout: 15_000 }).toBe(true);
      await expect(page.getByText('採用情報').first()).toBeVisible({ timeout: 15_000 });
      const user = await page.evaluate(() => JSON.parse(localStorage.getItem('decap-cms-user') ?? '{}') as { token?: string });
      expect(user.token).toBe(TOKEN);
      expect(violations).toEqual([]);
    } finally {
      await close(server);
    }
  });

  test('with the site-wide COOP same-origin, the popup loses its opener and cannot sign in', async ({ page }) => {
    const server = await siteServer('same-origin');
    try {
      await fakeGitHub(page);
      await page.goto(`${site}/admin/`);
      const popup = page.context().waitForEvent('page');
      await page.getByRole('button', { name: 'GitHub でログインする' }).click();
      const window = await popup;
      await expect(window.getByText('この画面を閉じて、編集画面からもう一度ログインしてください。')).toBeVisible();
      await expect(page.getByRole('button', { name: 'GitHub でログインする' })).toBeVisible();
    } finally {
      await close(server);
    }
  });
});
