import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { storeApplication } from '../../functions/lib/applications';
import { deliver } from '../../functions/lib/outbox';
import { applicationSchema } from '../../src/schemas/application';
import { testNow } from '../clock';
import { application, catalog, count, jobIn, ORIGIN, postForm, postJson } from './support';

let open: string;
beforeAll(async () => {
  open = await jobIn('open');
});

describe('POST /api/applications with JSON', () => {
  it('stores the application and its two mails, and answers with a reference to read aloud', async () => {
    const body = application(open);
    const r = await postJson('/api/applications', body);
    expect(r.status).toBe(201);
    const answer = (await r.json()) as { reference: string };
    expect(answer.reference).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const row = await env.DB.prepare('SELECT job_id, payload FROM applications WHERE reference = ?1')
      .bind(answer.reference)
      .first<{ job_id: string; payload: string }>();
    expect(row?.job_id).toBe(open);
    expect(JSON.parse(row?.payload ?? '{}')).toMatchObject({ name: '練馬 花子', email: body['email'] });
    const outbox = await env.DB.prepare("SELECT kind, recipient, body FROM outbox WHERE body LIKE '%' || ?1 || '%' ORDER BY id")
      .bind(answer.reference)
      .all<{ kind: string; recipient: string; body: string }>();
    expect(outbox.results.map((m) => m.kind)).toEqual(['application_received', 'application_notice']);
    expect(outbox.results[0]?.recipient).toBe(body['email']);
  });

  it('names only the job and the reference in the ward’s notification', async () => {
    const body = application(open, { name: '標識 太郎', nameKana: 'ヒョウシキ タロウ' });
    const { reference } = (await (await postJson('/api/applications', body)).json()) as { reference: string };
    const notice = await env.DB.prepare("SELECT subject, body FROM outbox WHERE kind = 'application_notice' AND body LIKE '%' || ?1 || '%'")
      .bind(reference)
      .first<{ subject: string; body: string }>();
    const text = `${notice?.subject}\n${notice?.body}`;
    expect(text).toContain(reference);
    for (const personal of ['標識', 'ヒョウシキ', String(body['email']), '03-1234-5678', '1990-04-01'])
      expect(text).not.toContain(personal);
  });

  it('stores one application for a repeated idempotency key, with the same reference', async () => {
    const body = application(open);
    const first = (await (await postJson('/api/applications', body)).json()) as { reference: string };
    const again = await postJson('/api/applications', body);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { reference: string }).reference).toBe(first.reference);
    expect(await count('SELECT COUNT(*) AS n FROM applications WHERE idempotency_key = ?1', body['idempotencyKey'])).toBe(1);
  });

  it('keeps a compatibility kanji exactly as typed (no NFC)', async () => {
    const name = '\uFA19田 一郎'; // 神 (U+FA19) would become U+795E under NFC
    const { reference } = (await (await postJson('/api/applications', application(open, { name }))).json()) as { reference: string };
    const row = await env.DB.prepare('SELECT payload FROM applications WHERE reference = ?1').bind(reference).first<{ payload: string }>();
    expect(JSON.parse(row?.payload ?? '{}').name).toBe(name);
    expect(JSON.parse(row?.payload ?? '{}').name.codePointAt(0)).toBe(0xfa19);
  });
});

describe('refusals', () => {
  it('asks for consent, in Japanese, and stores nothing', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM applications');
    const r = await postJson('/api/applications', application(open, { consent: false }));
    expect(r.status).toBe(422);
    const answer = (await r.json()) as { fields: { field: string; message: string }[] };
    expect(answer.fields).toEqual([
      { field: 'consent', message: '個人情報の取扱いに同意していただく必要があります。内容をご確認のうえ、チェックを入れてください' },
    ]);
    expect(await count('SELECT COUNT(*) AS n FROM applications')).toBe(before);
  });

  it('lists every problem in form order', async () => {
    const r = await postJson('/api/applications', application(open, { email: 'not-an-address', name: '', phone: '12' }));
    const answer = (await r.json()) as { fields: { field: string }[] };
    expect(answer.fields.map((f) => f.field)).toEqual(['name', 'email', 'phone']);
  });

  it('refuses an unknown field by name', async () => {
    const r = await postJson('/api/applications', application(open, { honseki: '東京都' }));
    expect(r.status).toBe(422);
    expect(JSON.stringify(await r.json())).toContain('想定していない項目「honseki」');
  });

  it('refuses malformed JSON with 400', async () => {
    const r = await SELF.fetch(`${ORIGIN}/api/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
      body: '{"name": ',
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { message: string }).message).toContain('送信内容を読み取れませんでした');
  });

  it('refuses a content type it does not take with 415', async () => {
    const r = await SELF.fetch(`${ORIGIN}/api/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'Sec-Fetch-Site': 'same-origin' },
      body: 'hello',
    });
    expect(r.status).toBe(415);
  });

  it('refuses a body declared over the limit with 413 before reading it', async () => {
    const r = await SELF.fetch(`${ORIGIN}/api/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin', 'Content-Length': String(50 * 1024 * 1024) },
      body: '{}',
    });
    expect(r.status).toBe(413);
  });

  it('refuses posts from another site, and posts that say nothing of where they come from', async () => {
    const body = JSON.stringify(application(open));
    const cross = await SELF.fetch(`${ORIGIN}/api/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' },
      body,
    });
    expect(cross.status).toBe(403);
    const foreign = await SELF.fetch(`${ORIGIN}/api/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body,
    });
    expect(foreign.status).toBe(403);
    const silent = await SELF.fetch(`${ORIGIN}/api/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(silent.status).toBe(403);
    const sameByOrigin = await SELF.fetch(`${ORIGIN}/api/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body,
    });
    expect(sameByOrigin.status).toBe(201);
  });

  it('answers other methods with 405 and says which one to use', async () => {
    const r = await SELF.fetch(`${ORIGIN}/api/applications`);
    expect(r.status).toBe(405);
    expect(r.headers.get('Allow')).toBe('POST');
  });

  it('refuses a closed, an upcoming, an unknown and an externally applied opening', async () => {
    for (const [state, status, text] of [
      ['closed', 409, '受付は終了しました'],
      ['upcoming', 409, 'まだ受付を開始していません'],
      ['external', 409, 'このサイトでは応募を受け付けていません'],
    ] as const) {
      const jobId = await jobIn(state).catch(() => undefined);
      if (!jobId) continue; // the content has no opening in this state today
      const r = await postJson('/api/applications', application(jobId));
      expect(r.status, state).toBe(status);
      expect(((await r.json()) as { message: string }).message).toContain(text);
    }
    const unknown = await postJson('/api/applications', application('no-such-job'));
    expect(unknown.status).toBe(404);
  });

  it('gives a bot that fills the hidden field a neutral answer and stores nothing', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM applications');
    const r = await postJson('/api/applications', application(open, { website: 'http://spam.example' }));
    expect(r.status).toBe(202);
    expect(await count('SELECT COUNT(*) AS n FROM applications')).toBe(before);
  });
});

describe('a plain form post, without JavaScript', () => {
  const form = (jobId: string, extra: Record<string, string> = {}) => {
    const a = application(jobId);
    const data = new FormData();
    for (const k of [
      'jobId',
      'name',
      'nameKana',
      'birthDate',
      'email',
      'phone',
      'postalCode',
      'address',
      'educationLevel',
      'school',
      'graduated',
      'motivation',
      'referral',
    ])
      data.set(k, String(a[k]));
    data.set('work.0.employer', '株式会社ネリマ');
    data.set('work.0.from', '2013-04');
    data.set('work.0.to', '');
    data.set('work.1.employer', '');
    data.set('work.1.from', '');
    data.set('consent', 'on');
    for (const [k, v] of Object.entries(extra)) data.set(k, v);
    return data;
  };

  it('answers with a confirmation page that shows the reference', async () => {
    const r = await postForm('/api/applications', form(open));
    expect(r.status).toBe(201);
    expect(r.headers.get('Content-Type')).toContain('text/html');
    const page = await r.text();
    expect(page).toContain('応募を受け付けました');
    const reference = page.match(/class="reference">([^<]+)</)?.[1];
    const row = await env.DB.prepare('SELECT payload FROM applications WHERE reference = ?1').bind(reference).first<{ payload: string }>();
    expect(JSON.parse(row?.payload ?? '{}').work).toEqual([{ employer: '株式会社ネリマ', from: '2013-04', to: '' }]);
  });

  it('answers with an error page that lists what to fix, and stores nothing', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM applications');
    const data = form(open);
    data.delete('consent');
    data.set('email', 'hanako');
    const r = await postForm('/api/applications', data);
    expect(r.status).toBe(422);
    const page = await r.text();
    expect(page).toContain('<title>エラー：入力内容を確認してください');
    expect(page).toContain('メールアドレスを name@example.jp の形で入力してください');
    expect(page).toContain('個人情報の取扱いに同意していただく必要があります');
    expect(await count('SELECT COUNT(*) AS n FROM applications')).toBe(before);
  });

  it('stores a PDF CV in R2 byte for byte', async () => {
    // A real PDF structure (the Worker inspects it) around a 300 KB stream of every byte value.
    const enc = (text: string) => new TextEncoder().encode(text);
    const data = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31) % 256);
    const parts = [
      enc('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n'),
      enc(`3 0 obj\n<< /Length ${data.length} >>\nstream\n`),
      data,
      enc('\nendstream\nendobj\ntrailer\n<< /Size 4 /Root 1 0 R >>\n%%EOF\n'),
    ];
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) {
      bytes.set(p, offset);
      offset += p.length;
    }
    const body = form(open);
    body.set('cv', new File([bytes], '職務経歴書.pdf', { type: 'application/pdf' }));
    const r = await postForm('/api/applications', body);
    expect(r.status, await r.clone().text()).toBe(201);
    const reference = (await r.text()).match(/class="reference">([^<]+)</)?.[1];
    const row = await env.DB.prepare('SELECT cv_key FROM applications WHERE reference = ?1').bind(reference).first<{ cv_key: string }>();
    const stored = await env.DOCUMENTS.get(row?.cv_key ?? '');
    expect(new Uint8Array((await stored?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(bytes);
  });

  it('refuses a file that is not a PDF, whatever its name says', async () => {
    const data = form(open);
    data.set('cv', new File(['PK\u0003\u0004 a zip file'], 'cv.pdf', { type: 'application/pdf' }));
    const r = await postForm('/api/applications', data, { Accept: 'application/json' });
    expect(r.status).toBe(422);
    expect(((await r.json()) as { fields: { field: string; message: string }[] }).fields[0]?.field).toBe('cv');
  });

  it('refuses a CV over 5 MB with 413', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode('%PDF-'));
    const data = form(open);
    data.set('cv', new File([big], 'big.pdf', { type: 'application/pdf' }));
    const r = await postForm('/api/applications', data, { Accept: 'application/json' });
    expect(r.status).toBe(413);
  });

  it('takes an empty file input (an empty string part) as no CV', async () => {
    const data = form(open);
    data.set('cv', '');
    const r = await postForm('/api/applications', data);
    expect(r.status).toBe(201);
  });

  it('takes an identical resubmission without a key as the same application', async () => {
    const data = form(open);
    const first = (await (await postForm('/api/applications', data)).text()).match(/class="reference">([^<]+)</)?.[1];
    const second = (await (await postForm('/api/applications', data)).text()).match(/class="reference">([^<]+)</)?.[1];
    expect(first).toBeTruthy();
    expect(second).toBe(first);
  });
});

describe('the mails an application stores, and which of them the request itself sends', () => {
  const input = (jobId: string, email: string) => applicationSchema.parse(application(jobId, { email }));

  it('hands the request the applicant’s confirmation only: the ward’s notice is left to the relay, which summarises bursts', async () => {
    const job = (await catalog()).jobs[open];
    if (!job) throw new Error('no open job');
    const stored = await storeApplication(env as Env, input(open, 'split-provider@example.jp'), job, undefined, testNow());
    expect(stored.mails.map((m) => m.kind)).toEqual(['application_received']);
    expect(stored.mails[0]?.status).toBe('sending');
    const notice = await env.DB.prepare("SELECT status FROM outbox WHERE kind = 'application_notice' AND body LIKE '%' || ?1 || '%'")
      .bind(stored.reference)
      .first<{ status: string }>();
    expect(notice?.status).toBe('pending');
  });

  it('without a mail provider, stores the confirmation as delivered to the local outbox, leaving nothing to send or settle', async () => {
    const local = { ...env, RESEND_API_KEY: undefined } as unknown as Env;
    const job = (await catalog()).jobs[open];
    if (!job) throw new Error('no open job');
    const at = testNow();
    const stored = await storeApplication(local, input(open, 'split-local@example.jp'), job, undefined, at);
    const row = await env.DB.prepare(
      "SELECT status, sent_at, attempts, lease_until FROM outbox WHERE kind = 'application_received' AND body LIKE '%' || ?1 || '%'",
    )
      .bind(stored.reference)
      .first<{ status: string; sent_at: string | null; attempts: number; lease_until: string | null }>();
    expect(row).toEqual({ status: 'sent', sent_at: at.toISOString(), attempts: 1, lease_until: null });
    // What the request would hand to deliver: nothing is sent and nothing is written.
    expect(await deliver(local, stored.mails, { now: at })).toEqual({ sent: 0, failed: 0, parked: 0 });
  });
});
