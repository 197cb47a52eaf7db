/**
 * What an outside attack test found before launch, one case per finding (the numbers are the finding's in the
 * launch-blockers issue), each against the real Worker, D1 and the fake mail provider.
 */
import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resendStatusLink } from '../../functions/lib/applications';
import { MAIL_CAP, relay } from '../../functions/lib/outbox';
import { site } from '../../src/config/site';
import { todayInTokyo } from '../../src/lib/dates';
import { testNow } from '../clock';
import {
  application,
  asStaff,
  catalog,
  count,
  delivered,
  jobIn,
  linkToken,
  ORIGIN,
  openSession,
  postForm,
  postJson,
  registration,
  signUp,
} from './support';

const fake = (env as Env).RESEND_BASE_URL ?? '';
const batches = async () => (await (await fetch(`${fake}/_batches`)).json()) as { key: string; size: number }[];
const drain = async () => {
  // Everything due now, as the cron would send it, so later counts see a quiet outbox.
  for (let i = 0; i < 20; i++) {
    const r = await relay(env, { spacingMs: 0, limit: 400 });
    if (r.sent + r.failed + r.parked === 0) return;
  }
};
/** A token of a mailed link: 40 to 64 URL-safe characters after token= (lib/ids.ts). */
const TOKEN = /token=[A-Za-z0-9_-]{40,64}/;

/** An open session with a small capacity and a waiting list, emptied: promotions need both. */
async function smallSession() {
  const today = todayInTokyo(testNow());
  const found = Object.entries((await catalog()).sessions).find(
    ([, s]) => s.capacity <= 5 && s.waitlist >= 1 && s.registrationClosesOn >= today,
  );
  if (!found) throw new Error('no small open session with a waiting list');
  await env.DB.prepare('DELETE FROM registrations WHERE session_id = ?1').bind(found[0]).run();
  return { id: found[0], ...found[1] };
}

let jobId: string;
beforeAll(async () => {
  jobId = await jobIn('open');
});
afterEach(async () => {
  await fetch(`${fake}/_mode`, { method: 'POST', body: JSON.stringify({ mode: 'ok' }) });
});

describe('2. a flood from one network, or aimed at one inbox', () => {
  it('stores 30 applications naming one address, in every spelling, and mails that address at most the daily cap', async () => {
    const spellings = (i: number) => [`victim+${i}@example.jp`, `VICTIM@example.jp`, `ｖｉｃｔｉｍ＠ｅｘａｍｐｌｅ．ｊｐ`][i % 3];
    for (let i = 0; i < 30; i++) {
      const r = await postJson('/api/applications', application(jobId, { email: spellings(i), name: `至急 https://evil.example/ ${i}` }));
      expect(r.status).toBe(201);
    }
    expect(await count("SELECT COUNT(*) AS n FROM applications WHERE email_key = 'victim@example.jp'")).toBe(30);
    expect(await count("SELECT COUNT(*) AS n FROM outbox WHERE recipient_key = 'victim@example.jp'")).toBe(MAIL_CAP);
  });

  it('counts +tag and case variants as one address for alert confirmations too', async () => {
    for (let i = 0; i < 10; i++)
      expect((await postForm('/api/alerts', new URLSearchParams({ email: `Alerted+${i}@example.jp` }))).status).toBe(202);
    expect(await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'alert_confirm' AND recipient_key = 'alerted@example.jp'")).toBe(3);
  });

  it('turns a burst of notices to the ward into one summary mail', async () => {
    await drain();
    const after = await count('SELECT COALESCE(MAX(id), 0) AS n FROM outbox');
    for (let i = 0; i < 25; i++) await postJson('/api/applications', application(jobId));
    expect(await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'application_notice' AND status = 'pending'")).toBe(25);
    await relay(env, { spacingMs: 0 });
    expect(await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'application_notice' AND status = 'pending'")).toBe(0);
    const summaries = await env.DB.prepare(
      "SELECT recipient, subject, body, status FROM outbox WHERE kind = 'application_notice_summary' AND id > ?1",
    )
      .bind(after)
      .all<{
        recipient: string;
        subject: string;
        body: string;
        status: string;
      }>();
    expect(summaries.results).toHaveLength(1);
    expect(summaries.results[0]?.recipient).toBe(site.mail.notify);
    expect(summaries.results[0]?.subject).toContain('25件');
    // The summary lists openings and references only: no applicant's name or address.
    expect(summaries.results[0]?.body).not.toContain('@example.jp');
    expect(summaries.results[0]?.body).not.toContain('花子');
  });
});

describe('3. mail a person is waiting for goes first', () => {
  it('sends a promotion mailed during a 2,000-mail backlog in the first relay run, in batches of 100', async () => {
    await drain();
    const now = testNow().toISOString();
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
       INSERT INTO outbox (kind, recipient, subject, body, status, attempts, next_attempt_at, created_at, priority)
       SELECT 'alert_digest', 'reader' || i || '@example.jp', 'digest ' || i, 'body', 'pending', 0, ?1, ?1, 2 FROM n`,
    )
      .bind(now)
      .run();
    const session = await smallSession();
    const seats = [];
    for (let i = 0; i < session.capacity + 1; i++) seats.push(await signUp(session.id));
    const first = seats[0]?.reference ?? '';
    await asStaff(`/api/staff/registrations/${first}/cancel`, { method: 'POST', headers: { Accept: 'application/json' } });
    const promotion = await env.DB.prepare("SELECT id FROM outbox WHERE kind = 'registration_promoted' ORDER BY id DESC").first<{
      id: number;
    }>();
    expect(promotion).toBeTruthy();
    const before = (await batches()).length;
    await relay(env, { spacingMs: 0 });
    expect((await env.DB.prepare('SELECT status FROM outbox WHERE id = ?1').bind(promotion?.id).first<{ status: string }>())?.status).toBe(
      'sent',
    );
    const used = (await batches()).slice(before);
    expect(used.length).toBeGreaterThan(0);
    expect(Math.max(...used.map((b) => b.size))).toBe(100);
    await drain();
    expect(await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'alert_digest' AND status = 'pending'")).toBe(0);
  }, 60_000);
});

describe('4. addresses are stored and mailed as normalised', () => {
  for (const [typed, stored] of [
    ['ｆｕｌｌ＠ｅｘａｍｐｌｅ．ｊｐ', 'full@example.jp'],
    ['ﬁle@example.jp', 'file@example.jp'],
    ['  spaced@example.jp  ', 'spaced@example.jp'],
  ] as const)
    it(`stores and mails ${JSON.stringify(typed)} as ${stored}`, async () => {
      const body = application(jobId, { email: typed });
      expect((await postJson('/api/applications', body)).status).toBe(201);
      const row = await env.DB.prepare("SELECT json_extract(payload, '$.email') AS email FROM applications WHERE idempotency_key = ?1")
        .bind(body['idempotencyKey'])
        .first<{ email: string }>();
      expect(row?.email).toBe(stored);
      expect(await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'application_received' AND recipient = ?1", stored)).toBe(1);
    });

  it('refuses what is still not an address after normalising, in Japanese', async () => {
    for (const email of ['ａ＠＠ｂ．ｊｐ', 'no-at-sign.example.jp', '@example.jp']) {
      const r = await postJson('/api/applications', application(jobId, { email }));
      expect(r.status, email).toBe(422);
      const body = (await r.json()) as { fields: { field: string; message: string }[] };
      expect(body.fields.find((f) => f.field === 'email')?.message).toContain('name@example.jp の形で');
    }
  });
});

describe('5. unsubscribing erases the address at once', () => {
  it('leaves neither the address nor its key in the alert, nor in the stored alert mails', async () => {
    const email = 'leaving.reader@example.jp';
    await postForm('/api/alerts', new URLSearchParams({ email }));
    await drain();
    const confirm = (await delivered(email)).at(-1)?.text ?? '';
    const manage = linkToken(confirm, '/api/alerts/manage');
    expect(manage).not.toBe('');
    const stop = await SELF.fetch(`${ORIGIN}/api/alerts/unsubscribe?token=${manage}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(stop.status).toBe(200);
    expect(await count('SELECT COUNT(*) AS n FROM job_alerts WHERE email = ?1 OR email_key = ?1', email)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM outbox WHERE recipient = ?1 OR recipient_key = ?1', email)).toBe(0);
    // Changing the frequency afterwards says nothing was changed.
    const change = await postForm('/api/alerts/manage', new URLSearchParams({ token: manage, frequency: 'weekly' }));
    const text = await change.text();
    expect(text).not.toContain('頻度を変更しました');
    expect(text).toContain('配信を停止しているため、頻度は変更していません');
  });
});

describe('6. no private link survives the mail that carried it', () => {
  it('keeps no token in a sent mail’s stored copy (body or headers), whatever kind', async () => {
    await postJson('/api/applications', application(jobId));
    const session = await openSession(3);
    await postJson('/api/registrations', registration(session.id));
    await postForm('/api/alerts', new URLSearchParams({ email: 'tokens.reader@example.jp' }));
    await drain();
    const sent = await env.DB.prepare("SELECT kind, body, headers FROM outbox WHERE status = 'sent'").all<{
      kind: string;
      body: string;
      headers: string | null;
    }>();
    expect(sent.results.length).toBeGreaterThan(3);
    for (const row of sent.results) {
      expect(row.body, row.kind).not.toMatch(TOKEN);
      expect(row.headers ?? '', row.kind).not.toMatch(TOKEN);
    }
    // The person got the link all the same.
    expect((await delivered('tokens.reader@example.jp')).at(-1)?.text).toMatch(TOKEN);
  });
});

describe('11. the status-link resend does the same work whether or not reference and address match', () => {
  it('runs the same statements for a match, a wrong address and an unknown reference', async () => {
    const body = application(jobId, { email: 'resender@example.jp' });
    await postJson('/api/applications', body);
    const reference =
      (
        await env.DB.prepare('SELECT reference FROM applications WHERE idempotency_key = ?1')
          .bind(body['idempotencyKey'])
          .first<{ reference: string }>()
      )?.reference ?? '';
    const traced = async (ref: string, email: string) => {
      const calls: string[] = [];
      const db = new Proxy(env.DB, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            calls.push(prop === 'prepare' ? `prepare ${String(args[0]).replace(/\s+/g, ' ')}` : String(prop));
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
      await resendStatusLink(db, ref, email, testNow());
      return calls;
    };
    const match = await traced(reference, 'resender@example.jp');
    expect(match).toEqual(await traced(reference, 'someone.else@example.jp'));
    expect(match).toEqual(await traced('ZZZZ-ZZZZ', 'resender@example.jp'));
    expect(await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'status_link' AND recipient = 'resender@example.jp'")).toBe(1);
  });
});

describe('12. links in mail are built from the configured origin only', () => {
  it('ignores the Host a request names', async () => {
    const body = application(jobId, { email: 'hosted@example.jp' });
    const r = await SELF.fetch('https://evil.example/api/applications', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin', Host: 'evil.example' },
      body: JSON.stringify(body),
    });
    expect(r.status).toBe(201);
    expect(((await r.json()) as { statusUrl: string }).statusUrl.startsWith(`${site.origin}/api/status?token=`)).toBe(true);
    const mail = await env.DB.prepare("SELECT body FROM outbox WHERE recipient = 'hosted@example.jp'").first<{ body: string }>();
    expect(mail?.body).not.toContain('evil.example');
    const notice = await env.DB.prepare("SELECT body FROM outbox WHERE kind = 'application_notice' ORDER BY id DESC").first<{
      body: string;
    }>();
    expect(notice?.body).toContain(`${site.origin}/staff/applications/`);
  });
});

describe('14. every message is true and Japanese', () => {
  it('states the real limit of each route in a 413, and mentions an attachment only where there is one', async () => {
    const big = (bytes: number) => JSON.stringify({ padding: 'x'.repeat(bytes) });
    const post = (path: string, bytes: number) =>
      SELF.fetch(`${ORIGIN}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
        body: big(bytes),
      });
    const registrations = (await (await post('/api/registrations', 40 * 1024)).json()) as { message: string };
    expect(registrations.message).toContain('上限 32KB');
    expect(registrations.message).not.toContain('添付');
    const alerts = (await (await post('/api/alerts', 8 * 1024)).json()) as { message: string };
    expect(alerts.message).toContain('上限 4KB');
    const applications = (await (await post('/api/applications', 6 * 1024 * 1024)).json()) as { message: string };
    expect(applications.message).toContain('MB');
    expect(applications.message).toContain('添付ファイル');
  });

  it('answers a malformed work history in Japanese, not zod’s English', async () => {
    for (const work of ['x', 3, { from: '2020-01' }, [['nested']]]) {
      const r = await postJson('/api/applications', application(jobId, { work }));
      expect(r.status).toBe(422);
      const body = (await r.json()) as { fields: { field: string; message: string }[] };
      const message = body.fields.find((f) => f.field.startsWith('work'))?.message ?? '';
      expect(message, JSON.stringify(work)).toMatch(/[ぁ-んァ-ン]/);
      expect(message, JSON.stringify(work)).not.toMatch(/Invalid|expected|received/i);
    }
  });

  it('says a cancelled sign-up cannot be claimed, rather than that its claim window passed', async () => {
    const session = await smallSession();
    const seats = [];
    for (let i = 0; i < session.capacity + 1; i++) seats.push(await signUp(session.id));
    await asStaff(`/api/staff/registrations/${seats[0]?.reference}/cancel`, { method: 'POST', headers: { Accept: 'application/json' } });
    const promoted = await env.DB.prepare("SELECT body FROM outbox WHERE kind = 'registration_promoted' ORDER BY id DESC").first<{
      body: string;
    }>();
    const token = linkToken(promoted?.body, '/api/registrations/claim');
    expect(token).not.toBe('');
    await postForm('/api/registrations/cancel', new URLSearchParams({ token }));
    const claim = await postForm('/api/registrations/claim', new URLSearchParams({ token }), { Accept: 'application/json' });
    expect(claim.status).toBe(409);
    const message = ((await claim.json()) as { message: string }).message;
    expect(message).toContain('すでにキャンセルされている');
    expect(message).not.toContain('期限');
  });
});

describe('15. a CV with active content, a polyglot or a bomb is refused, in Japanese, and nothing is stored', () => {
  const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const join = (parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) {
      out.set(p, offset);
      offset += p.length;
    }
    return out;
  };
  /** A one-page PDF whose catalog carries `catalog`, plus a stream of `data` (Flate-compressed when asked). */
  async function pdf(catalog: string, data = bytes('BT ET'), flate = false, head = '%PDF-1.7\n'): Promise<Uint8Array> {
    const body = flate
      ? new Uint8Array(await new Response(new Blob([data]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer())
      : data;
    return join([
      bytes(`${head}1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${catalog} >>\nendobj\n`),
      bytes('2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'),
      bytes('3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n'),
      bytes(`4 0 obj\n<< ${flate ? '/Filter /FlateDecode ' : ''}/Length ${body.length} >>\nstream\n`),
      body,
      bytes('\nendstream\nendobj\ntrailer\n<< /Size 5 /Root 1 0 R >>\n%%EOF\n'),
    ]);
  }
  async function apply(file: Uint8Array) {
    const body = application(jobId, { idempotencyKey: undefined, email: `cv${crypto.randomUUID().slice(0, 8)}@example.jp` });
    const form = new FormData();
    for (const [k, v] of Object.entries(body)) {
      if (v === undefined) continue;
      if (k === 'work')
        (v as Record<string, string>[]).forEach((row, i) => {
          for (const [f, x] of Object.entries(row)) form.set(`work.${i}.${f}`, x);
        });
      else form.set(k, String(v));
    }
    form.set('cv', new File([file], 'cv.pdf', { type: 'application/pdf' }));
    return postForm('/api/applications', form, { Accept: 'application/json' });
  }
  const stored = () => count('SELECT COUNT(*) AS n FROM applications');

  for (const [label, make, code, words] of [
    ['OpenAction JavaScript', () => pdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'), 'cv_active_content', 'JavaScript'],
    ['a #-escaped /Launch', () => pdf('/OpenAction << /S /L#61unch /F (cmd.exe) >>'), 'cv_active_content', 'JavaScript'],
    [
      'an embedded file',
      () => pdf('/Names << /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >>'),
      'cv_active_content',
      '埋め込まれたファイル',
    ],
    ['a PDF/HTML polyglot', () => pdf('', bytes('<html><script>alert(1)</script></html>')), 'cv_polyglot', 'ウェブページ'],
    ['a 50 MB deflate bomb', () => pdf('', new Uint8Array(50 * 1024 * 1024), true), 'cv_bomb', '極端に大きく'],
  ] as const)
    it(`refuses ${label}`, async () => {
      const before = await stored();
      const objects = (await env.DOCUMENTS.list()).objects.length;
      const r = await apply(await make());
      expect(r.status).toBe(422);
      const body = (await r.json()) as { error: string; fields: { field: string; message: string }[] };
      expect(body.error).toBe(code);
      expect(body.fields.find((f) => f.field === 'cv')?.message).toContain(words);
      expect(await stored()).toBe(before);
      expect((await env.DOCUMENTS.list()).objects.length).toBe(objects);
    }, 30_000);

  it('accepts a plain PDF and stores the bytes it inspected', async () => {
    const file = await pdf('', bytes('BT /F1 12 Tf 72 720 Td (JavaScript is only text here) Tj ET'), true);
    const r = await apply(file);
    expect(r.status).toBe(201);
    const key = (
      await env.DB.prepare('SELECT cv_key FROM applications WHERE cv_key IS NOT NULL ORDER BY id DESC').first<{ cv_key: string }>()
    )?.cv_key;
    const object = await env.DOCUMENTS.get(key ?? '');
    expect(new Uint8Array((await object?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(file);
  });
});
