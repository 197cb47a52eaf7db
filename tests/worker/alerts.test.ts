/**
 * Job alerts by mail against the real local D1, with a controlled clock for the digests: double opt-in,
 * the per-address limit on confirmation mails, digests that match and never repeat an opening, one-click
 * unsubscribe (RFC 8058) after which nothing is sent, and the expiry of unconfirmed alerts.
 */
import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CRON } from '../../functions/index';
import { sendDigests } from '../../functions/lib/alerts';
import type { CatalogJob } from '../../src/lib/catalog';
import { hiringTypes, jobFamilies, keyOf } from '../../src/lib/taxonomy';
import { testNow } from '../clock';
import { catalog, count, linkToken, ORIGIN, postForm, runCron } from './support';

const run = crypto.randomUUID().slice(0, 8);
let n = 0;
const address = (name: string) => `alert-${name}-${run}-${++n}@example.jp`;

interface MailRow {
  id: number;
  kind: string;
  subject: string;
  body: string;
  headers: string | null;
}
const mailsTo = async (email: string, kind?: string) =>
  (
    await env.DB.prepare(
      'SELECT id, kind, subject, body, headers FROM outbox WHERE recipient = ?1 AND (?2 IS NULL OR kind = ?2) ORDER BY id',
    )
      .bind(email, kind ?? null)
      .all<MailRow>()
  ).results;
const tokenIn = (text: string, path: string) => linkToken(text, `/api/alerts/${path}`);

function subscribeForm(email: string, fields: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({ email, frequency: 'daily', ...fields });
}

/** Subscribes and confirms; returns the manage token from the confirmation page. */
async function activeAlert(email: string, fields: Record<string, string> = {}): Promise<string> {
  expect((await postForm('/api/alerts', subscribeForm(email, fields))).status).toBe(202);
  const mail = (await mailsTo(email, 'alert_confirm')).at(-1);
  const confirmed = await postForm('/api/alerts/confirm', new URLSearchParams({ token: tokenIn(mail?.body ?? '', 'confirm') }));
  expect(confirmed.status).toBe(200);
  return tokenIn(await confirmed.text(), 'manage');
}
const alertOf = (email: string) =>
  env.DB.prepare('SELECT id, status, email FROM job_alerts WHERE email_key = ?1 ORDER BY id DESC')
    .bind(email.toLowerCase())
    .first<{ id: number; status: string; email: string }>();
/** As if confirmed on the given instant (so the openings after it are new to it). */
const confirmedOn = async (email: string, iso: string) =>
  env.DB.prepare('UPDATE job_alerts SET confirmed_at = ?2 WHERE email_key = ?1').bind(email.toLowerCase(), iso).run();

/** Noon in Japan on a calendar day, plus some days. */
const noonJst = (day: string, plusDays = 0) => new Date(new Date(`${day}T03:00:00Z`).getTime() + plusDays * 86_400_000);
const dayBefore = (day: string) => new Date(new Date(`${day}T00:00:00+09:00`).getTime() - 86_400_000).toISOString();

let jobId: string;
let job: CatalogJob;
let other: [string, CatalogJob] | undefined;

beforeAll(async () => {
  const jobs = Object.entries((await catalog()).jobs);
  const found = jobs.find(([, j]) => j.closesOn > j.opensOn && j.hiringType && j.jobFamily);
  if (!found) throw new Error('no opening of more than a day in the build');
  [jobId, job] = found;
  other = jobs.find(([, j]) => j.hiringType !== job.hiringType);
});

describe('subscribing', () => {
  it('answers with a page, stores a pending alert and a confirmation mail with one-click unsubscribe headers, and no token', async () => {
    const email = address('sub');
    const r = await postForm('/api/alerts', subscribeForm(email, { type: keyOf(hiringTypes, job.hiringType) }));
    expect(r.status).toBe(202);
    expect(await r.text()).toContain('確認のメールをお送りしました');
    const alert = await alertOf(email);
    expect(alert?.status).toBe('pending');
    const [mail, ...more] = await mailsTo(email);
    expect(more).toEqual([]);
    expect(mail?.kind).toBe('alert_confirm');
    expect(mail?.body).toContain(job.hiringType);
    const headers = JSON.parse(mail?.headers ?? '{}') as Record<string, string>;
    expect(headers['List-Unsubscribe']).toMatch(/^<https?:\/\/[^>]+\/api\/alerts\/unsubscribe\?token=[A-Za-z0-9_-]{40,}>$/);
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const token = tokenIn(mail?.body ?? '', 'confirm');
    const rows = JSON.stringify(await env.DB.prepare('SELECT * FROM job_alerts WHERE id = ?1').bind(alert?.id).first());
    expect(rows).not.toContain(token);
  });

  it('refuses a bad address and a cross-site post', async () => {
    expect((await postForm('/api/alerts', subscribeForm('not an address'))).status).toBe(422);
    const cross = await SELF.fetch(`${ORIGIN}/api/alerts`, {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'cross-site' },
      body: subscribeForm(address('cross')),
    });
    expect(cross.status).toBe(403);
  });

  it('sends at most 3 confirmation mails to one address a day, and answers the same page either way', async () => {
    const email = address('flood');
    const pages: string[] = [];
    for (const variant of [email, email.toUpperCase(), ` ${email}`, email, email]) {
      const r = await postForm('/api/alerts', subscribeForm(variant));
      expect(r.status).toBe(202);
      pages.push(await r.text());
    }
    expect(new Set(pages).size).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM outbox WHERE kind = ?1 AND lower(trim(recipient)) = ?2', 'alert_confirm', email)).toBe(3);
  });
});

describe('confirming', () => {
  it('a GET of the link changes nothing; the button confirms once; a used or wrong token is refused alike', async () => {
    const email = address('confirm');
    await postForm('/api/alerts', subscribeForm(email));
    const token = tokenIn((await mailsTo(email))[0]?.body ?? '', 'confirm');
    const shown = await SELF.fetch(`${ORIGIN}/api/alerts/confirm?token=${token}`);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('登録を確定する');
    expect((await alertOf(email))?.status).toBe('pending');
    const done = await postForm('/api/alerts/confirm', new URLSearchParams({ token }));
    expect(done.status).toBe(200);
    expect((await alertOf(email))?.status).toBe('active');
    const again = await postForm('/api/alerts/confirm', new URLSearchParams({ token }));
    const wrong = await postForm('/api/alerts/confirm', new URLSearchParams({ token: 'x'.repeat(43) }));
    expect([again.status, wrong.status]).toEqual([404, 404]);
  });

  it('an unconfirmed alert expires after 7 days: it cannot be confirmed and the digest run deletes it', async () => {
    const email = address('expire');
    await postForm('/api/alerts', subscribeForm(email));
    const token = tokenIn((await mailsTo(email))[0]?.body ?? '', 'confirm');
    await env.DB.prepare("UPDATE job_alerts SET expires_at = '2000-01-01T00:00:00.000Z' WHERE email_key = ?1").bind(email).run();
    expect((await postForm('/api/alerts/confirm', new URLSearchParams({ token }))).status).toBe(404);
    await sendDigests(env, testNow());
    expect(await alertOf(email)).toBeNull();
  });
});

describe('digests', () => {
  it('send the matching new openings once, through the outbox, with an unsubscribe link — and never repeat an opening', async () => {
    const email = address('digest');
    await activeAlert(email, { type: keyOf(hiringTypes, job.hiringType), family: keyOf(jobFamilies, job.jobFamily) });
    await confirmedOn(email, dayBefore(job.opensOn));

    const first = await sendDigests(env, noonJst(job.opensOn));
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const digests = await mailsTo(email, 'alert_digest');
    expect(digests).toHaveLength(1);
    expect(digests[0]?.body).toContain(job.title);
    expect(digests[0]?.body).toContain(`/jobs/${jobId}/`);
    if (other) expect(digests[0]?.body).not.toContain(`/jobs/${other[0]}/`);
    const headers = JSON.parse(digests[0]?.headers ?? '{}') as Record<string, string>;
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(tokenIn(headers['List-Unsubscribe'] ?? '', 'unsubscribe')).toBe(tokenIn(digests[0]?.body ?? '', 'manage'));

    // The same day again (the cron runs often), and the next day: the opening is not sent twice.
    await sendDigests(env, noonJst(job.opensOn));
    await sendDigests(env, noonJst(job.opensOn, 1));
    expect(await mailsTo(email, 'alert_digest')).toHaveLength(1);
    const alert = await alertOf(email);
    expect(await count('SELECT COUNT(*) AS n FROM job_alert_sent WHERE alert_id = ?1 AND job_id = ?2', alert?.id, jobId)).toBe(1);
  });

  it('put an opening in one digest per address, even when two of its alerts match it', async () => {
    const email = address('twice');
    await activeAlert(email, { type: keyOf(hiringTypes, job.hiringType) });
    await activeAlert(email, { type: keyOf(hiringTypes, job.hiringType), family: keyOf(jobFamilies, job.jobFamily) });
    expect(await count("SELECT COUNT(*) AS n FROM job_alerts WHERE email_key = ?1 AND status = 'active'", email.toLowerCase())).toBe(2);
    await confirmedOn(email, dayBefore(job.opensOn));
    await sendDigests(env, noonJst(job.opensOn));
    await sendDigests(env, noonJst(job.opensOn, 1));
    const bodies = (await mailsTo(email, 'alert_digest')).map((m) => m.body);
    expect(bodies.filter((b) => b.includes(`/jobs/${jobId}/`))).toHaveLength(1);
  });

  it('skip an alert whose filters match nothing new, and one confirmed after the opening opened', async () => {
    const email = address('nomatch');
    const family = Object.keys(jobFamilies).find((k) => k !== keyOf(jobFamilies, job.jobFamily));
    await activeAlert(email, { type: keyOf(hiringTypes, job.hiringType), family: family ?? '' });
    await confirmedOn(email, dayBefore(job.opensOn));
    const late = address('late');
    await activeAlert(late, { type: keyOf(hiringTypes, job.hiringType), family: keyOf(jobFamilies, job.jobFamily) });
    await confirmedOn(late, new Date(noonJst(job.opensOn, 1).getTime()).toISOString());
    await sendDigests(env, noonJst(job.opensOn, 1));
    const body = (await mailsTo(email, 'alert_digest')).map((m) => m.body).join('\n');
    expect(body).not.toContain(`/jobs/${jobId}/`);
    expect(await mailsTo(late, 'alert_digest')).toEqual([]);
  });

  it('weekly alerts wait 7 days after their last digest', async () => {
    const email = address('weekly');
    await activeAlert(email, { frequency: 'weekly', type: keyOf(hiringTypes, job.hiringType), family: keyOf(jobFamilies, job.jobFamily) });
    await confirmedOn(email, dayBefore(job.opensOn));
    await sendDigests(env, noonJst(job.opensOn));
    expect(await mailsTo(email, 'alert_digest')).toEqual([]);
    await sendDigests(env, noonJst(job.opensOn, 6));
    const sent = await mailsTo(email, 'alert_digest');
    // Due 7 days after confirmation (the day before opening), if the opening is still open then.
    if (job.closesOn >= noonJst(job.opensOn, 6).toISOString().slice(0, 10)) expect(sent).toHaveLength(1);
  });

  it('are never sent after a one-click unsubscribe, which works from any origin and answers 200', async () => {
    const email = address('stop');
    await activeAlert(email, { type: keyOf(hiringTypes, job.hiringType) });
    await confirmedOn(email, dayBefore(job.opensOn));
    const [confirmMail] = await mailsTo(email, 'alert_confirm');
    const listUnsubscribe = (JSON.parse(confirmMail?.headers ?? '{}') as Record<string, string>)['List-Unsubscribe'] ?? '';
    const url = new URL(listUnsubscribe.slice(1, -1));
    const id = (await alertOf(email))?.id;
    const r = await SELF.fetch(`${ORIGIN}${url.pathname}${url.search}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(r.status).toBe(200);
    // The address and its comparison key are erased at once, as the privacy notice says.
    expect(await alertOf(email)).toBeNull();
    const alert = await env.DB.prepare('SELECT status, email, email_key FROM job_alerts WHERE id = ?1')
      .bind(id)
      .first<{ status: string; email: string; email_key: string }>();
    expect(alert).toEqual({ status: 'stopped', email: '', email_key: '' });
    await sendDigests(env, noonJst(job.opensOn));
    await sendDigests(env, noonJst(job.opensOn, 8));
    expect(await mailsTo(email, 'alert_digest')).toEqual([]);
    const manage = await SELF.fetch(`${ORIGIN}/api/alerts/manage?token=${tokenIn(url.href, 'unsubscribe')}`);
    expect(await manage.text()).toContain('停止済み');
  });

  it('are never sent to an unconfirmed alert', async () => {
    const email = address('pending');
    await postForm('/api/alerts', subscribeForm(email));
    await env.DB.prepare('UPDATE job_alerts SET confirmed_at = ?2 WHERE email_key = ?1').bind(email, dayBefore(job.opensOn)).run();
    await sendDigests(env, noonJst(job.opensOn));
    expect(await mailsTo(email, 'alert_digest')).toEqual([]);
  });
});

describe('the manage page', () => {
  it('shows the alert, changes its frequency, and answers a wrong token with 404', async () => {
    const email = address('manage');
    const token = await activeAlert(email);
    const shown = await SELF.fetch(`${ORIGIN}/api/alerts/manage?token=${token}`);
    expect(shown.status).toBe(200);
    const text = await shown.text();
    expect(text).toContain('配信中');
    expect(text).not.toContain(email);
    const changed = await postForm('/api/alerts/manage', new URLSearchParams({ token, frequency: 'weekly' }));
    expect(await changed.text()).toContain('毎週');
    expect((await SELF.fetch(`${ORIGIN}/api/alerts/manage?token=${'y'.repeat(43)}`)).status).toBe(404);
  });
});

describe('the morning cron', () => {
  it('runs the digests (with the reminders) at 07:00 JST', async () => {
    const logs: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      logs.push(args.join(' '));
    });
    await runCron(CRON.morning);
    spy.mockRestore();
    expect(logs.some((l) => l.startsWith('digests: {"sent":'))).toBe(true);
  });
});
