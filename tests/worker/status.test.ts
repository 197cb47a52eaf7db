/** The applicant's private status link: hash stored, unknown tokens answer alike, staff moves, withdrawal, resend. */
import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { application, asStaff, count, jobIn, linkToken, ORIGIN, postForm, postJson } from './support';

const tokenIn = (text: string) => linkToken(text, '/api/status');
const latestMail = async (kind: string, reference: string) =>
  (await env.DB.prepare(
    "SELECT recipient, subject, body FROM outbox WHERE kind = ?1 AND (subject LIKE '%' || ?2 || '%' OR body LIKE '%' || ?2 || '%') ORDER BY id DESC",
  )
    .bind(kind, reference)
    .first<{ recipient: string; subject: string; body: string }>()) ?? {
    recipient: '',
    subject: '',
    body: '',
  };
const statusPage = (token: string) => SELF.fetch(`${ORIGIN}/api/status?token=${token}`);

let reference: string;
let token: string;
let email: string;
const name = `状況確認${crypto.randomUUID().slice(0, 6)} 花子`;

beforeAll(async () => {
  const body = application(await jobIn('open'), { name });
  email = String(body['email']);
  const answer = (await (await postJson('/api/applications', body)).json()) as { reference: string; statusUrl: string };
  reference = answer.reference;
  token = tokenIn(answer.statusUrl);
});

describe('the status link', () => {
  it('is in the answer and the confirmation mail, and only its hash is stored', async () => {
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(tokenIn((await latestMail('application_received', reference)).body)).toBe(token);
    const row = await env.DB.prepare('SELECT status_token_hash FROM applications WHERE reference = ?1')
      .bind(reference)
      .first<{ status_token_hash: string }>();
    expect(row?.status_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await env.DB.prepare('SELECT * FROM applications WHERE reference = ?1').bind(reference).first())).not.toContain(
      token,
    );
  });

  it('shows the stages, the current one and what comes next — and no personal data beyond the job and the reference', async () => {
    const r = await statusPage(token);
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).toContain(reference);
    expect(text).toMatch(/<li aria-current="step"><strong>受付<\/strong>/);
    expect(text).toContain('次の予定');
    expect(text).toContain('<meta name="robots" content="noindex"');
    for (const personal of [name, email, '03-1234-5678', '1990-04-01']) expect(text).not.toContain(personal);
  });

  it('answers an unknown, a wrong and a malformed token alike, with 404', async () => {
    const wrong = `${token.slice(0, -4)}AAAA`;
    const pages = await Promise.all([
      statusPage('x'.repeat(43)),
      statusPage(wrong),
      statusPage('short'),
      SELF.fetch(`${ORIGIN}/api/status`),
    ]);
    const bodies = await Promise.all(pages.map((p) => p.text()));
    expect(pages.map((p) => p.status)).toEqual([404, 404, 404, 404]);
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).not.toContain(reference);
  });

  it('cannot be replaced by the reference number', async () => {
    const r = await SELF.fetch(`${ORIGIN}/api/status?token=${reference}`);
    expect(r.status).toBe(404);
  });
});

describe('when staff move the application on', () => {
  it('shows the next stage and the word from staff, mails only that it changed, audits the move, and retires the old link', async () => {
    const r = await asStaff(`/api/staff/applications/${reference}/stage`, {
      method: 'POST',
      body: new URLSearchParams({ message: '書類選考の結果は1月上旬にお知らせします。' }),
    });
    expect(r.status).toBe(303);
    const mail = await latestMail('status_changed', reference);
    expect(mail.recipient).toBe(email);
    expect(mail.body).not.toContain(name);
    const fresh = tokenIn(mail.body);
    expect(fresh).not.toBe(token);
    expect((await statusPage(token)).status).toBe(404);
    const page = await (await statusPage(fresh)).text();
    expect(page).not.toMatch(/aria-current="step"><strong>受付/);
    expect(page).toContain('書類選考の結果は1月上旬にお知らせします。');
    expect(await count("SELECT COUNT(*) AS n FROM staff_audit WHERE action = 'move_stage' AND target = ?1", reference)).toBe(1);
    token = fresh;
  });
});

describe('sending the link again', () => {
  const resend = (ref: string, mail: string) => postForm('/api/status/resend', new URLSearchParams({ reference: ref, email: mail }));

  it('answers the same whether or not reference and address match, and mails only on a match', async () => {
    const before = await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'status_link'");
    const miss = await resend(reference, 'someone-else@example.jp');
    const hit = await resend(reference.toLowerCase(), email.toUpperCase());
    expect(miss.status).toBe(200);
    expect(hit.status).toBe(200);
    const [a, b] = [await miss.text(), await hit.text()];
    expect(a).toBe(b);
    expect(await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'status_link'")).toBe(before + 1);
    token = tokenIn((await latestMail('status_link', reference)).body);
    expect((await statusPage(token)).status).toBe(200);
  });

  it('mails one address at most three times a day, and answers the same page after that', async () => {
    const sent = () =>
      count(
        "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'status_link' AND recipient = (SELECT json_extract(payload, '$.email') FROM applications WHERE reference = ?1)",
        reference,
      );
    expect(await sent()).toBe(1);
    const pages: string[] = [];
    for (let i = 0; i < 4; i++) pages.push(await (await resend(reference, email)).text());
    expect(await sent()).toBe(3);
    expect(new Set(pages).size).toBe(1);
    token = tokenIn((await latestMail('status_link', reference)).body);
    expect((await statusPage(token)).status).toBe(200);
  });

  it('refuses a post from another site', async () => {
    const r = await SELF.fetch(`${ORIGIN}/api/status/resend`, {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'cross-site' },
      body: new URLSearchParams({ reference, email }),
    });
    expect(r.status).toBe(403);
  });
});

describe('withdrawal', () => {
  it('asks first, then withdraws; the status page and the staff area show it', async () => {
    const ask = await postForm('/api/status/withdraw', new URLSearchParams({ token }));
    expect(await ask.text()).toContain('辞退してよろしいですか');
    expect(await count("SELECT COUNT(*) AS n FROM applications WHERE reference = ?1 AND status = 'withdrawn'", reference)).toBe(0);
    const done = await postForm('/api/status/withdraw', new URLSearchParams({ token, confirm: 'yes' }));
    expect(await done.text()).toContain('辞退の手続きが完了しました');
    expect(await (await statusPage(token)).text()).toContain('辞退の手続きが完了しています');
    const staff = await asStaff(`/staff/applications/${reference}/`);
    expect(await staff.text()).toContain('辞退');
  });
});
