/**
 * The staff area: no personal data without valid credentials on any route, Access tokens verified by the
 * Worker, CSV fit for Excel and safe from formulas, an audit line for every view, export and change.
 */
import { createExecutionContext, SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../functions/index';
import { toCsv } from '../../functions/lib/csv';
import { verifyAccessToken } from '../../functions/lib/staff-auth';
import { applicationColumns, rosterColumns } from '../../functions/lib/staff-columns';
import { applicationFieldOrder } from '../../src/schemas/application';
import { registrationSchema } from '../../src/schemas/registration';
import { application, asStaff, catalog, count, jobIn, ORIGIN, postJson, register, registration } from './support';

let jobId: string;
let reference: string;
let regReference: string;
let sessionId: string;
const marker = `個人${crypto.randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  jobId = await jobIn('open');
  const body = application(jobId, { name: `${marker} 花子`, motivation: '=HYPERLINK("https://evil.example","click")' });
  reference = ((await (await postJson('/api/applications', body)).json()) as { reference: string }).reference;
  sessionId = Object.entries((await catalog()).sessions).find(([, s]) => s.capacity === 3 && s.waitlist >= 1)?.[0] ?? '';
  regReference = (
    (await (await postJson('/api/registrations', registration(sessionId, { name: `${marker} 学` }))).json()) as { reference: string }
  ).reference;
});

const routes = (): [string, string][] => [
  ['GET', '/staff/'],
  ['GET', `/staff/jobs/${jobId}/`],
  ['GET', `/staff/applications/${reference}/`],
  ['GET', `/staff/sessions/${sessionId}/`],
  ['GET', '/staff/audit/'],
  ['GET', `/api/staff/jobs/${jobId}/applications.csv`],
  ['GET', `/api/staff/sessions/${sessionId}/roster.csv`],
  ['GET', `/api/staff/applications/${reference}/cv`],
  ['POST', `/api/staff/applications/${reference}/handled`],
  ['POST', `/api/staff/applications/${reference}/delete`],
  ['POST', `/api/staff/registrations/${regReference}/cancel`],
  ['POST', `/api/staff/registrations/${regReference}/delete`],
];

describe('access to the staff area', () => {
  it('refuses every route without credentials, with 401 and no personal data, and changes nothing', async () => {
    for (const [method, path] of routes()) {
      const r = await SELF.fetch(`${ORIGIN}${path}`, { method });
      expect(r.status, `${method} ${path}`).toBe(401);
      const text = await r.text();
      expect(text, path).not.toContain(marker);
      expect(text, path).not.toContain('hanako');
    }
    expect(await count("SELECT COUNT(*) AS n FROM applications WHERE status = 'received' AND reference = ?1", reference)).toBe(1);
  });

  it('refuses a wrong password on every route', async () => {
    const wrong = `Basic ${btoa('staff:guess')}`;
    for (const [method, path] of routes()) {
      const r = await SELF.fetch(`${ORIGIN}${path}`, { method, headers: { Authorization: wrong } });
      expect(r.status, `${method} ${path}`).toBe(401);
      expect(await r.text()).not.toContain(marker);
    }
  });

  it('shows the dashboard, noindex and uncached, to signed-in staff', async () => {
    const r = await asStaff('/staff/');
    expect(r.status).toBe(200);
    expect(r.headers.get('X-Robots-Tag')).toContain('noindex');
    expect(r.headers.get('Cache-Control')).toBe('no-store');
    const page = await r.text();
    expect(page).toContain('応募・申込みの状況');
    expect(page).toContain('<meta name="robots" content="noindex, nofollow"');
  });

  it('frames its pages in the staff area’s own header and menu, with the site’s stylesheet and no public navigation', async () => {
    const page = await (await asStaff('/staff/')).text();
    expect(page.startsWith('<!doctype html><html lang="ja">')).toBe(true);
    expect(page).toContain('<title>応募・申込みの状況｜練馬区 職員用ページ</title>');
    expect(page).toContain('<a class="skip-link" href="#main">本文へ移動</a>');
    expect(page).toMatch(/<nav aria-label="職員用メニュー">[\s\S]*href="\/staff\/audit\/"/);
    expect(page).not.toContain('メインメニュー'); // the public site's navigation
    expect(page).not.toContain('href="/jobs/"');
    const sheets = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(sheets.some((href) => /^\/_astro\/.+\.css$/.test(href))).toBe(true);
    for (const href of sheets) {
      const css = href.startsWith('/staff/') ? await asStaff(href) : await env.ASSETS.fetch(`https://assets.invalid${href}`);
      expect(css.status, href).toBe(200);
      expect(css.headers.get('Content-Type'), href).toContain('text/css');
    }
  });
});

describe('every staff answer is uncached and unindexed, unknown paths and errors included', () => {
  const expectStaffHeaders = (r: Response, what: string) => {
    expect(r.headers.get('Cache-Control'), what).toBe('no-store');
    expect(r.headers.get('X-Robots-Tag'), what).toBe('noindex, nofollow');
  };
  const unknown = ['/staff/nope', '/staff/applications/', '/staff/jobs/', '/staff/sessions/a/b/', '/staff/audit/x'];

  it('asks for the login first on an unknown staff path', async () => {
    for (const path of unknown) {
      const r = await SELF.fetch(`${ORIGIN}${path}`);
      expect(r.status, path).toBe(401);
      expectStaffHeaders(r, path);
    }
  });

  it('answers an unknown staff path with the staff area’s own 404 page', async () => {
    for (const path of unknown) {
      const r = await asStaff(path);
      expect(r.status, path).toBe(404);
      expectStaffHeaders(r, path);
      const page = await r.text();
      expect(page, path).toContain('<nav aria-label="職員用メニュー">');
      expect(page, path).toContain('<h1>ページが見つかりません</h1>');
      expect(page, path).not.toContain('メインメニュー');
    }
    const api = await asStaff('/api/staff/nope');
    expect(api.status).toBe(404);
    expectStaffHeaders(api, '/api/staff/nope');
  });

  it('answers an unexpected failure with a page that gives nothing away, uncached', async () => {
    const ref = `BROKEN-${crypto.randomUUID().slice(0, 8)}`;
    await env.DB.prepare(
      "INSERT INTO applications (reference, job_id, idempotency_key, payload, email_key, created_at, purge_after) VALUES (?1, 'broken-job', ?1, '{not json', ?1, '2026-12-01T00:00:00Z', '2099-01-01')",
    )
      .bind(ref)
      .run();
    try {
      const page = await asStaff(`/staff/applications/${ref}/`);
      expect(page.status).toBe(500);
      expectStaffHeaders(page, 'page');
      const text = await page.text();
      expect(text).toContain('<nav aria-label="職員用メニュー">');
      expect(text).not.toContain('SyntaxError');
      const csv = await asStaff('/api/staff/jobs/broken-job/applications.csv');
      expect(csv.status).toBe(500);
      expectStaffHeaders(csv, 'csv');
    } finally {
      await env.DB.prepare('DELETE FROM applications WHERE reference = ?1').bind(ref).run();
    }
  });
});

describe('half-configured Cloudflare Access', () => {
  // With the local login also set (as in these tests), falling back to it would open the staff area to a password.
  const withEnv = (extra: Partial<Env>, path: string, init: RequestInit = {}) =>
    worker.fetch(
      new Request(`${ORIGIN}${path}`, {
        ...init,
        headers: { Authorization: `Basic ${btoa('staff:correct horse battery staple')}`, 'Sec-Fetch-Site': 'same-origin' },
      }),
      { ...env, ...extra },
      createExecutionContext(),
    );

  for (const [what, extra] of [
    ['only the audience', { ACCESS_AUD: 'aud-tag-123' }],
    ['only the team domain', { ACCESS_TEAM_DOMAIN: 'nerima.cloudflareaccess.com' }],
  ] as const) {
    it(`refuses every route with 403 and no login prompt when ${what} is set, even with the right local login`, async () => {
      for (const [method, path] of routes()) {
        const r = await withEnv(extra, path, { method });
        expect(r.status, `${method} ${path}`).toBe(403);
        expect(r.headers.get('WWW-Authenticate'), path).toBeNull();
        expect(r.headers.get('Cache-Control'), path).toBe('no-store');
        const text = await r.text();
        expect(text, path).toContain('職員用ページの認証が設定されていません');
        expect(text, path).not.toContain(marker);
      }
      expect(await count("SELECT COUNT(*) AS n FROM applications WHERE status = 'received' AND reference = ?1", reference)).toBe(1);
    });
  }
});

describe('Cloudflare Access tokens, verified by the Worker', () => {
  const audience = 'aud-tag-123';
  const issuer = 'https://nerima.cloudflareaccess.com';
  let keys: ReturnType<typeof createLocalJWKSet>;
  let sign: (claims: Record<string, unknown>, opts?: { exp?: string | number; aud?: string; key?: CryptoKey }) => Promise<string>;
  let otherKey: CryptoKey;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    otherKey = (await generateKeyPair('RS256')).privateKey;
    keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] });
    sign = (claims, opts = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience(opts.aud ?? audience)
        .setIssuedAt()
        .setExpirationTime(opts.exp ?? '5m')
        .sign(opts.key ?? privateKey);
  });

  it('accepts a valid token and names the staff member', async () => {
    expect(await verifyAccessToken(await sign({ email: 'tanaka@city.nerima.tokyo.jp' }), keys, { audience, issuer })).toEqual({
      ok: true,
      email: 'tanaka@city.nerima.tokyo.jp',
    });
  });
  it('refuses an expired token', async () => {
    const token = await sign({ email: 'a@b.jp' }, { exp: Math.floor(Date.now() / 1000) - 60 });
    expect((await verifyAccessToken(token, keys, { audience, issuer })).ok).toBe(false);
  });
  it('refuses a token for another application (audience)', async () => {
    expect((await verifyAccessToken(await sign({ email: 'a@b.jp' }, { aud: 'other-app' }), keys, { audience, issuer })).ok).toBe(false);
  });
  it('refuses a token signed by another key', async () => {
    expect((await verifyAccessToken(await sign({ email: 'a@b.jp' }, { key: otherKey }), keys, { audience, issuer })).ok).toBe(false);
  });
  it('refuses a token from another issuer and a token that is not a JWT', async () => {
    expect(
      (await verifyAccessToken(await sign({ email: 'a@b.jp' }), keys, { audience, issuer: 'https://elsewhere.cloudflareaccess.com' })).ok,
    ).toBe(false);
    expect((await verifyAccessToken('not.a.token', keys, { audience, issuer })).ok).toBe(false);
  });
});

describe('CSV exports', () => {
  it('opens in Excel in Japanese: UTF-8 with a BOM, CRLF lines, Japanese headings', async () => {
    const r = await asStaff(`/api/staff/jobs/${jobId}/applications.csv`);
    expect(r.status).toBe(200);
    expect(r.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes);
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFF"受付番号","受付日時","状態","氏名","フリガナ","生年月日","メールアドレス","電話番号","郵便番号","住所","最終学歴","学校名・学部","卒業年月","職歴","資格・免許","志望動機","知ったきっかけ","職務経歴書"',
    );
    expect(text).toContain(`"${marker} 花子"`);
  });

  it('never contains a cell a spreadsheet would evaluate', async () => {
    const text = await (await asStaff(`/api/staff/jobs/${jobId}/applications.csv`)).text();
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(text).not.toMatch(/(^|,)"[=+\-@]/m);
  });

  it('neutralises every formula lead, full-width ones too', () => {
    const csv = toCsv(['a'], [['=1+1'], ['+1'], ['-1'], ['@SUM(A1)'], ['\t=1'], ['\r=1'], ['＝1'], ['safe']]);
    const cells = csv.replace('\uFEFF', '').split('\r\n').slice(1, -1);
    expect(cells).toEqual([`"'=1+1"`, `"'+1"`, `"'-1"`, `"'@SUM(A1)"`, `"'\t=1"`, `"'\r=1"`, `"'＝1"`, '"safe"']);
  });

  it('exports a session roster with its statuses', async () => {
    const text = await (await asStaff(`/api/staff/sessions/${sessionId}/roster.csv`)).text(); // .text() drops the BOM
    expect(text.startsWith('"受付番号","申込日時","状態","氏名"')).toBe(true);
    expect(text).toContain(`"${marker} 学"`);
    expect(text).toContain('"参加確定"');
  });
});

describe('CSV file names (RFC 6266)', () => {
  // Ids as a URL can carry them: stored under such an id (the forms would refuse it; old data or a bad import need not).
  const hostile: [string, string][] = [
    ['a quote', 'x"y'],
    ['CR and LF', 'x\r\nSet-Cookie: a=b'],
    ['a semicolon', 'x; filename=evil.exe'],
    ['non-ASCII', '事務-2027'],
  ];
  const store = async (id: string) => {
    const n = crypto.randomUUID();
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO applications (reference, job_id, idempotency_key, payload, email_key, created_at, purge_after) VALUES (?1, ?2, ?1, ?3, ?1, '2026-12-01T00:00:00Z', '2099-01-01')",
      ).bind(`T-${n}`, id, JSON.stringify({ ...application(id), work: [] })),
      env.DB.prepare(
        "INSERT INTO registrations (reference, session_id, idempotency_key, payload, email_key, status, cancel_token_hash, created_at, updated_at, support_purge_after, purge_after) VALUES (?1, ?2, ?1, ?3, ?1, 'confirmed', ?1, '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', '2099-01-01', '2099-01-01')",
      ).bind(`T-${n}`, id, JSON.stringify(registration(id))),
    ]);
  };
  /** The filename and filename* parameters, as a client reads them. */
  const names = (header: string | null) => ({
    ascii: /; filename="([^"]*)"/.exec(header ?? '')?.[1],
    exact: decodeURIComponent(/; filename\*=UTF-8''([^;\s]*)$/.exec(header ?? '')?.[1] ?? ''),
  });

  for (const [what, id] of hostile) {
    it(`names the download safely for an id with ${what}`, async () => {
      await store(id);
      for (const [path, prefix] of [
        [`/api/staff/jobs/${encodeURIComponent(id)}/applications.csv`, 'applications'],
        [`/api/staff/sessions/${encodeURIComponent(id)}/roster.csv`, 'roster'],
      ] as const) {
        const r = await asStaff(path);
        expect(r.status, path).toBe(200);
        const header = r.headers.get('Content-Disposition');
        expect(header).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]+$/);
        expect(names(header).ascii).toBe(`${prefix}-${id}.csv`.replace(/[^A-Za-z0-9._-]/g, ''));
        expect(names(header).exact).toBe(`${prefix}-${id}.csv`);
      }
    });
  }

  it('goes back to the list of such an id after a deletion, its address encoded', async () => {
    const id = hostile[1]?.[1] ?? '';
    const refs = (await env.DB.prepare('SELECT reference FROM applications WHERE job_id = ?1').bind(id).all<{ reference: string }>())
      .results;
    const r = await asStaff(`/api/staff/applications/${refs[0]?.reference}/delete`, {
      method: 'POST',
      body: new URLSearchParams({ confirm: 'on' }),
    });
    expect(r.status).toBe(303);
    expect(r.headers.get('Location')).toBe(`/staff/jobs/${encodeURIComponent(id)}/`);
    const reg = await env.DB.prepare('SELECT reference FROM registrations WHERE session_id = ?1').bind(id).first<{ reference: string }>();
    const cancelled = await asStaff(`/api/staff/registrations/${reg?.reference}/delete`, { method: 'POST' });
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('Location')).toBe(`/staff/sessions/${encodeURIComponent(id)}/`);
  });

  it('answers 404, never 500, for an id that is neither open nor in the data, and writes no audit line', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM staff_audit');
    for (const id of ['no-such-job', 'x\r\ny', 'x"y-unknown', 'constructor']) {
      for (const path of [
        `/api/staff/jobs/${encodeURIComponent(id)}/applications.csv`,
        `/api/staff/sessions/${encodeURIComponent(id)}/roster.csv`,
        `/staff/jobs/${encodeURIComponent(id)}/`,
        `/staff/sessions/${encodeURIComponent(id)}/`,
      ]) {
        const r = await asStaff(path);
        expect(r.status, path).toBe(404);
        expect(r.headers.get('Cache-Control'), path).toBe('no-store');
        expect(await r.text(), path).toContain('該当するデータが見つかりません');
      }
    }
    expect(await count('SELECT COUNT(*) AS n FROM staff_audit')).toBe(before);
  });

  it('still exports an open opening with no applications yet: its header alone', async () => {
    const open = Object.entries((await catalog()).jobs).find(([id, j]) => j.applyOnline && id !== jobId)?.[0] ?? '';
    await env.DB.prepare('DELETE FROM applications WHERE job_id = ?1').bind(open).run();
    const r = await asStaff(`/api/staff/jobs/${open}/applications.csv`);
    expect(r.status).toBe(200);
    expect((await r.text()).split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('the size of a staff post', () => {
  const big = 'あ'.repeat(3000); // 9 KB in UTF-8, more when URL-encoded

  it('refuses a form over 8 KB with 413 and a message that states the limit, and changes nothing', async () => {
    const ref = ((await (await postJson('/api/applications', application(jobId))).json()) as { reference: string }).reference;
    const state = () => count("SELECT stage * 10 + (status = 'handled') AS n FROM applications WHERE reference = ?1", ref);
    const before = await state();
    const audited = () => count('SELECT COUNT(*) AS n FROM staff_audit WHERE target = ?1', ref);
    const auditedBefore = await audited();
    for (const [action, body] of [
      ['stage', new URLSearchParams({ message: big })],
      ['handled', new URLSearchParams({ padding: big })],
      ['delete', new URLSearchParams({ confirm: 'on', padding: big })],
    ] as const) {
      const r = await asStaff(`/api/staff/applications/${ref}/${action}`, { method: 'POST', body });
      expect(r.status, action).toBe(413);
      expect(((await r.json()) as { message: string }).message, action).toContain('8KB');
    }
    expect(await state()).toBe(before);
    expect(await count('SELECT COUNT(*) AS n FROM applications WHERE reference = ?1', ref)).toBe(1);
    expect(await audited()).toBe(auditedBefore);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'status_changed' AND recipient = (SELECT json_extract(payload, '$.email') FROM applications WHERE reference = ?1)",
        ref,
      ),
    ).toBe(0);
  });

  it('refuses a body that says nothing of its length and runs past 8 KB', async () => {
    const ref = ((await (await postJson('/api/applications', application(jobId))).json()) as { reference: string }).reference;
    const bytes = new TextEncoder().encode(`message=${encodeURIComponent(big)}`);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 1024) controller.enqueue(bytes.slice(i, i + 1024));
        controller.close();
      },
    });
    const r = await asStaff(`/api/staff/applications/${ref}/stage`, {
      method: 'POST',
      body: stream,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      duplex: 'half',
    } as RequestInit);
    expect(r.status).toBe(413);
    expect(await count('SELECT stage AS n FROM applications WHERE reference = ?1', ref)).toBe(0);
  });

  it('still takes a short message', async () => {
    const ref = ((await (await postJson('/api/applications', application(jobId))).json()) as { reference: string }).reference;
    const r = await asStaff(`/api/staff/applications/${ref}/stage`, {
      method: 'POST',
      body: new URLSearchParams({ message: '面接のご案内をお送りします。' }),
    });
    expect(r.status).toBe(303);
    expect(
      await count("SELECT COUNT(*) AS n FROM applications WHERE reference = ?1 AND stage_message = '面接のご案内をお送りします。'", ref),
    ).toBe(1);
  });
});

describe('deleting a registration releases its seat as a cancellation would', () => {
  let session: string;
  let capacity: number;
  const emailOf = (ref: string) =>
    env.DB.prepare("SELECT json_extract(payload, '$.email') AS e FROM registrations WHERE reference = ?1").bind(ref).first<{ e: string }>();
  const seat = (ref: string) =>
    env.DB.prepare('SELECT status, claim_until FROM registrations WHERE reference = ?1')
      .bind(ref)
      .first<{ status: string; claim_until: string | null }>();
  const mails = (kind: string, to: string) => count('SELECT COUNT(*) AS n FROM outbox WHERE kind = ?1 AND recipient = ?2', kind, to);
  const remove = (ref: string) => asStaff(`/api/staff/registrations/${ref}/delete`, { method: 'POST' });
  const confirmed: string[] = [];
  const waiting: string[] = [];

  beforeAll(async () => {
    const found = Object.entries((await catalog()).sessions).find(
      ([id, s]) =>
        id !== sessionId && s.capacity <= 10 && s.waitlist >= 4 && s.registrationClosesOn >= new Date().toISOString().slice(0, 10),
    );
    if (!found) throw new Error('no small open session with a waiting list in the build');
    [session, capacity] = [found[0], found[1].capacity];
    for (let i = 0; i < capacity; i++) confirmed.push(await register(session));
    for (let i = 0; i < 2; i++) waiting.push(await register(session));
    expect((await seat(waiting[1] ?? ''))?.status).toBe('waitlisted');
  });

  it('moves the first on the waiting list up, with the claim window and the promotion mail', async () => {
    const [gone, next] = [confirmed[0] ?? '', waiting[0] ?? ''];
    const goneEmail = (await emailOf(gone))?.e ?? '';
    const nextEmail = (await emailOf(next))?.e ?? '';
    expect((await remove(gone)).status).toBe(303);
    expect(await seat(gone)).toBeNull();
    const promoted = await seat(next);
    expect(promoted?.status).toBe('confirmed');
    expect(Date.parse(promoted?.claim_until ?? '')).toBeGreaterThan(Date.now());
    expect(await mails('registration_promoted', nextEmail)).toBe(1);
    expect((await seat(waiting[1] ?? ''))?.status).toBe('waitlisted');
    // Deletion is a cancellation followed by erasure: the person is told once, as for any cancellation.
    expect(await mails('registration_cancelled', goneEmail)).toBe(1);
  });

  it('promotes once when the delete is pressed twice at the same time, and audits one deletion', async () => {
    const [gone, next] = [confirmed[1] ?? '', waiting[1] ?? ''];
    const nextEmail = (await emailOf(next))?.e ?? '';
    const answers = await Promise.all([remove(gone), remove(gone)]);
    // The second finds it gone (404) or deleted along with the first (303); neither moves anyone else up.
    for (const r of answers) expect([303, 404]).toContain(r.status);
    expect(answers.some((r) => r.status === 303)).toBe(true);
    expect(await seat(gone)).toBeNull();
    expect((await seat(next))?.status).toBe('confirmed');
    expect(await mails('registration_promoted', nextEmail)).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM registrations WHERE session_id = ?1 AND status = 'confirmed'", session)).toBe(capacity);
    expect(await count("SELECT COUNT(*) AS n FROM staff_audit WHERE action = 'delete_registration' AND target = ?1", gone)).toBe(1);
  });

  it('promotes nobody when the deleted one was waiting or already cancelled', async () => {
    const [first, second] = [await register(session), await register(session)];
    expect((await seat(first))?.status).toBe('waitlisted');
    const promotedBefore = await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'registration_promoted'");
    expect((await remove(second)).status).toBe(303);
    expect((await seat(first))?.status).toBe('waitlisted');
    // A cancelled seat was released when it was cancelled (promoting `first`); deleting it later moves nobody.
    const cancelled = confirmed[2] ?? '';
    expect((await asStaff(`/api/staff/registrations/${cancelled}/cancel`, { method: 'POST' })).status).toBe(303);
    expect((await seat(first))?.status).toBe('confirmed');
    const promotedAfterCancel = await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'registration_promoted'");
    expect(promotedAfterCancel).toBe(promotedBefore + 1);
    const third = await register(session);
    expect((await remove(cancelled)).status).toBe(303);
    expect((await seat(third))?.status).toBe('waitlisted');
    expect(await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'registration_promoted'")).toBe(promotedAfterCancel);
  });
});

describe('one list of fields for the pages and the CSV exports', () => {
  const headerOf = (text: string) => text.replace('\uFEFF', '').split('\r\n')[0];
  const quoted = (labels: string[]) => labels.map((l) => `"${l}"`).join(',');

  it('holds every field of the apply form, and the CSV header and the application page follow it', async () => {
    const keys = applicationColumns.map((c) => c.key);
    for (const field of applicationFieldOrder.filter((f) => !['jobId', 'idempotencyKey', 'consent'].includes(f)))
      expect(keys, field).toContain(field);
    const labels = applicationColumns.map((c) => c.label);
    expect(headerOf(await (await asStaff(`/api/staff/jobs/${jobId}/applications.csv`)).text())).toBe(quoted(labels));
    const page = await (await asStaff(`/staff/applications/${reference}/`)).text();
    expect([...page.matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1])).toEqual(labels);
  });

  it('holds every field of the sign-up form, and the roster CSV header follows it', async () => {
    const keys = rosterColumns.map((c) => c.key);
    for (const field of Object.keys(registrationSchema.shape).filter((f) => !['sessionId', 'idempotencyKey', 'consent'].includes(f)))
      expect(keys, field).toContain(field);
    const text = await (await asStaff(`/api/staff/sessions/${sessionId}/roster.csv`)).text();
    expect(headerOf(text)).toBe(quoted(rosterColumns.map((c) => c.label)));
  });

  it('writes dates and the work history the same way on the page and in the CSV', async () => {
    const csv = await (await asStaff(`/api/staff/jobs/${jobId}/applications.csv`)).text();
    const page = await (await asStaff(`/staff/applications/${reference}/`)).text();
    for (const text of [csv, page]) {
      expect(text).toContain('1990年4月1日'); // tests/fixtures/application.json
      expect(text).toContain('2013年3月');
      expect(text).toContain('2013年4月〜現在 株式会社ネリマ（法人営業）');
    }
  });
});

describe('what was checked on an uploaded CV', () => {
  it('is said under the CV link, and only when there is a CV', async () => {
    const ref = `CV-${crypto.randomUUID().slice(0, 8)}`;
    await env.DB.prepare(
      "INSERT INTO applications (reference, job_id, idempotency_key, payload, email_key, cv_key, created_at, purge_after) VALUES (?1, ?2, ?1, ?3, ?1, 'cv/checked.pdf', '2026-12-01T00:00:00Z', '2099-01-01')",
    )
      .bind(ref, jobId, JSON.stringify(application(jobId)))
      .run();
    const page = await (await asStaff(`/staff/applications/${ref}/`)).text();
    expect(page).toMatch(
      /<a href="\/api\/staff\/applications\/CV-[^/]+\/cv">ダウンロード<\/a><p class="cv-checks">PDFの形式、[^<]*XFAフォームの有無[^<]*圧縮爆弾を確認済み<\/p>/,
    );
    const other = ((await (await postJson('/api/applications', application(jobId))).json()) as { reference: string }).reference;
    expect(await (await asStaff(`/staff/applications/${other}/`)).text()).not.toContain('cv-checks');
  });
});

describe('the audit log', () => {
  it('records who viewed and exported what, and when — without the data itself', async () => {
    const seen = await asStaff(`/staff/applications/${reference}/`);
    expect(seen.status, await seen.clone().text()).toBe(200);
    await asStaff(`/api/staff/jobs/${jobId}/applications.csv`);
    const rows = (await env.DB.prepare('SELECT at, actor, action, target FROM staff_audit ORDER BY id').all<Record<string, string>>())
      .results;
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: 'staff', action: 'view_application', target: reference }),
        expect.objectContaining({ actor: 'staff', action: 'export_applications_csv', target: jobId }),
      ]),
    );
    expect(JSON.stringify(rows)).not.toContain(marker);
    const page = await (await asStaff('/staff/audit/')).text();
    expect(page).toContain('応募内容を表示');
  });
});

describe('actions', () => {
  it('links the ward’s notification mail to the application’s staff page', async () => {
    const notice = await env.DB.prepare("SELECT body FROM outbox WHERE kind = 'application_notice' AND body LIKE '%' || ?1 || '%'")
      .bind(reference)
      .first<{ body: string }>();
    expect(notice?.body).toContain(`/staff/applications/${reference}/`);
  });

  it('refuses a change posted from another site or with no sign of where it came from, with the login, and changes nothing', async () => {
    for (const headers of [
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': '', Origin: 'https://attacker.example' },
      { 'Sec-Fetch-Site': '' },
    ]) {
      const r = await asStaff(`/api/staff/applications/${reference}/stage`, { method: 'POST', headers });
      expect(r.status).toBe(403);
      expect(((await r.json()) as { message: string }).message).toBe(
        '職員用画面以外からの操作は受け付けていません。職員用画面を開き直してから、もう一度操作してください。',
      );
    }
    expect(await count('SELECT stage AS n FROM applications WHERE reference = ?1', reference)).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM staff_audit WHERE action = 'move_stage' AND target = ?1", reference)).toBe(0);
    // Reading stays open to the signed-in staff from anywhere (a link from the notification mail).
    expect((await asStaff(`/staff/applications/${reference}/`, { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(200);
  });

  it('moves an application through its stages, and refuses to go past the last without mailing anyone', async () => {
    const mails = () =>
      count(
        "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'status_changed' AND recipient = (SELECT json_extract(payload, '$.email') FROM applications WHERE reference = ?1)",
        reference,
      );
    let moves = 0;
    for (;;) {
      const r = await asStaff(`/api/staff/applications/${reference}/stage`, { method: 'POST' });
      if (r.status === 409) {
        expect(((await r.json()) as { message: string }).message).toBe('この応募はすでに最後の段階です。これ以上進めることはできません。');
        break;
      }
      expect(r.status).toBe(303);
      if (++moves > 10) throw new Error('never reached the last stage');
    }
    expect(moves).toBeGreaterThanOrEqual(2);
    expect(await mails()).toBe(moves);
    expect(await count("SELECT COUNT(*) AS n FROM staff_audit WHERE action = 'move_stage' AND target = ?1", reference)).toBe(moves);
    // The page says so instead of offering the button.
    const page = await (await asStaff(`/staff/applications/${reference}/`)).text();
    expect(page).toContain('この応募はすでに最後の段階です。');
    expect(page).not.toContain(`action="/api/staff/applications/${reference}/stage"`);
  });

  it('moves an application once when two staff press at the same time, and mails and audits that one move', async () => {
    const other = ((await (await postJson('/api/applications', application(jobId))).json()) as { reference: string }).reference;
    const before = await count('SELECT stage AS n FROM applications WHERE reference = ?1', other);
    const answers = await Promise.all([1, 2, 3].map(() => asStaff(`/api/staff/applications/${other}/stage`, { method: 'POST' })));
    const moved = answers.filter((r) => r.status === 303).length;
    expect(moved).toBeGreaterThanOrEqual(1);
    expect(await count('SELECT stage AS n FROM applications WHERE reference = ?1', other)).toBe(before + moved);
    expect(await count("SELECT COUNT(*) AS n FROM staff_audit WHERE action = 'move_stage' AND target = ?1", other)).toBe(moved);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'status_changed' AND recipient = (SELECT json_extract(payload, '$.email') FROM applications WHERE reference = ?1)",
        other,
      ),
    ).toBe(moved);
  });

  it('marks an application as handled', async () => {
    const r = await asStaff(`/api/staff/applications/${reference}/handled`, { method: 'POST' });
    expect(r.status).toBe(303);
    expect(await count("SELECT COUNT(*) AS n FROM applications WHERE reference = ?1 AND status = 'handled'", reference)).toBe(1);
  });

  it('cancels a registration on someone’s behalf, which promotes the waiting list', async () => {
    await env.DB.prepare('DELETE FROM registrations WHERE session_id = ?1').bind(sessionId).run();
    const refs: string[] = [];
    for (let i = 0; i < 4; i++) refs.push(await register(sessionId));
    const r = await asStaff(`/api/staff/registrations/${refs[0]}/cancel`, { method: 'POST' });
    expect(r.status).toBe(303);
    const statuses = (
      await env.DB.prepare('SELECT reference, status FROM registrations WHERE session_id = ?1 ORDER BY id')
        .bind(sessionId)
        .all<{ reference: string; status: string }>()
    ).results;
    expect(statuses.map((s) => s.status)).toEqual(['cancelled', 'confirmed', 'confirmed', 'confirmed']);
  });

  it('deletes a registration with the links mailed for it and its reminder marks (a new sign-up may get its row id)', async () => {
    const ref = await register(sessionId);
    const id = await count('SELECT id AS n FROM registrations WHERE reference = ?1', ref);
    await env.DB.batch([
      env.DB.prepare("INSERT INTO registration_links (token_hash, registration_id, created_at) VALUES ('h-del', ?1, '2026-01-01')").bind(
        id,
      ),
      env.DB.prepare("INSERT INTO reminder_sent (registration_id, reminder_key, at) VALUES (?1, 'k', '2026-01-01')").bind(id),
    ]);
    const r = await asStaff(`/api/staff/registrations/${ref}/delete`, { method: 'POST' });
    expect(r.status).toBe(303);
    expect(await count('SELECT COUNT(*) AS n FROM registrations WHERE reference = ?1', ref)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM registration_links WHERE registration_id = ?1', id)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM reminder_sent WHERE registration_id = ?1', id)).toBe(0);
  });

  it('deletes an application only once confirmed, with its CV', async () => {
    const refused = await asStaff(`/api/staff/applications/${reference}/delete`, { method: 'POST', body: new URLSearchParams({}) });
    expect(refused.status).toBe(400);
    const r = await asStaff(`/api/staff/applications/${reference}/delete`, {
      method: 'POST',
      body: new URLSearchParams({ confirm: 'on' }),
    });
    expect(r.status).toBe(303);
    expect(await count('SELECT COUNT(*) AS n FROM applications WHERE reference = ?1', reference)).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM staff_audit WHERE action = 'delete_application' AND target = ?1", reference)).toBe(1);
  });
});
