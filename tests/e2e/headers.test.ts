/**
 * Security headers on every kind of response of the running site (static pages, assets, error pages,
 * the Worker's JSON and HTML), read from the real server that `npm start` runs.
 */
import { expect, test } from './support/test';

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  const csp = headers['content-security-policy'] ?? '';
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).toContain("base-uri 'none'");
  expect(csp, what).toContain("form-action 'self'");
  const scriptSrc =
    csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? csp.split(';').find((d) => d.trim().startsWith('default-src'));
  expect(scriptSrc, what).toBeDefined();
  expect(scriptSrc, what).not.toContain('unsafe-inline');
  expect(headers['strict-transport-security'], what).toMatch(/max-age=\d{7,}/);
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy'], what).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
}

test('static pages, assets and the 404 page carry the security headers', async ({ request, page }) => {
  await page.goto('/');
  const css = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
  for (const path of [
    '/',
    '/jobs/',
    '/jobs/jimu-keiken-2027/',
    '/sitemap-index.xml',
    '/jobs/rss.xml',
    css ?? '/favicon.svg',
    '/no-such-page/',
  ]) {
    const r = await request.get(path);
    expectSecurityHeaders(r.headers(), path);
  }
  expect((await request.get('/no-such-page/')).status()).toBe(404);
});

test('the Worker’s JSON answers and error pages carry the headers and are never cached', async ({ request }) => {
  const origin = { Origin: new URL(test.info().project.use.baseURL ?? '').origin };
  const answers = [
    await request.get('/api/health'),
    await request.get('/api/no-such-thing'),
    await request.get('/api/applications'),
    await request.post('/api/applications', { headers: { 'Content-Type': 'application/json', ...origin }, data: '{' }),
    await request.post('/api/registrations', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...origin },
      data: 'sessionId=x',
    }),
    await request.get('/api/registrations/cancel?token=nothing'),
  ];
  for (const r of answers) {
    expectSecurityHeaders(r.headers(), r.url());
    expect(r.headers()['cache-control'], r.url()).toBe('no-store');
    expect(r.status(), r.url()).toBeLessThan(500);
  }
});

test('pages pass a strict policy: no violation while browsing and searching', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto('/jobs/');
  await page.getByLabel('キーワードで探す').fill('保健師');
  await page.getByRole('button', { name: '検索' }).click();
  await expect(page.locator('[data-search-status]')).toContainText('検索結果');
  await page.goto('/jobs/ict-dx-ninkitsuki-madoguchi-2027/apply/');
  await page.getByRole('button', { name: '送信する' }).click();
  await expect(page.locator('.error-summary')).toBeVisible();
  expect(violations).toEqual([]);
});
