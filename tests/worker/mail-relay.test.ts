/**
 * The outbox relay against a fake Resend server on 127.0.0.1: success, 4xx, 5xx, timeout, at most once,
 * and 500 applications arriving while every send fails.
 */
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { backoffMs, enqueue, MAX_ATTEMPTS, relay } from '../../functions/lib/outbox';
import { testNow } from '../clock';
import { application, count, jobIn, postJson } from './support';

const fake = (env as Env).RESEND_BASE_URL ?? '';
const setMode = (mode: 'ok' | 'fail' | 'reject' | 'slow') => fetch(`${fake}/_mode`, { method: 'POST', body: JSON.stringify({ mode }) });
const sent = async () => (await (await fetch(`${fake}/_sent`)).json()) as { key: string; subject: string; accepted: boolean }[];
const later = (ms: number) => new Date(testNow().getTime() + ms);

/** Subjects are unique per mail: other test files share the fake server, and their outbox ids overlap ours. */
const subjectOf = (id: number) => `件名 ${id} ${testRun}`;
const testRun = crypto.randomUUID();
async function oneMail(kind = 'test'): Promise<number> {
  const row = await enqueue(env.DB, { kind, to: 'someone@example.jp', subject: 'pending', body: '本文' }, testNow()).first<{
    id: number;
  }>();
  const id = row?.id ?? 0;
  await env.DB.prepare('UPDATE outbox SET subject = ?2 WHERE id = ?1').bind(id, subjectOf(id)).run();
  return id;
}
const rowOf = (id: number) =>
  env.DB.prepare('SELECT status, attempts, next_attempt_at, last_error FROM outbox WHERE id = ?1')
    .bind(id)
    .first<Record<string, string | number>>();
const acceptedFor = async (id: number) =>
  (await sent()).filter((m) => m.subject === subjectOf(id) && m.key === `outbox-${id}` && m.accepted).length;

afterEach(async () => {
  await setMode('ok');
});

describe('the relay', () => {
  it('sends a pending mail once, with its row id as the idempotency key', async () => {
    const id = await oneMail();
    await relay(env, { onlyIds: [id], spacingMs: 0 });
    expect((await rowOf(id))?.['status']).toBe('sent');
    expect(await acceptedFor(id)).toBe(1);
    await relay(env, { now: later(86_400_000), spacingMs: 0 });
    expect(await acceptedFor(id)).toBe(1);
  });

  it('keeps a mail for later, with backoff, when the provider fails (5xx)', async () => {
    await setMode('fail');
    const id = await oneMail();
    const now = testNow();
    await relay(env, { now, onlyIds: [id], spacingMs: 0 });
    const row = await rowOf(id);
    expect(row?.['status']).toBe('pending');
    expect(row?.['attempts']).toBe(1);
    expect(String(row?.['last_error'])).toContain('500');
    const wait = new Date(String(row?.['next_attempt_at'])).getTime() - now.getTime();
    expect(wait).toBeGreaterThanOrEqual(15_000);
    expect(wait).toBeLessThanOrEqual(45_000);
  });

  it('keeps a mail for later when the provider does not answer in time', async () => {
    await setMode('slow');
    const id = await oneMail();
    await relay(env, { onlyIds: [id], spacingMs: 0 });
    expect((await rowOf(id))?.['status']).toBe('pending');
    expect(String((await rowOf(id))?.['last_error'])).toContain('timeout');
  });

  it('parks a mail the provider rejects (4xx) and alerts the ward without personal data', async () => {
    await setMode('reject');
    const id = await oneMail('application_received');
    await relay(env, { onlyIds: [id], spacingMs: 0 });
    expect((await rowOf(id))?.['status']).toBe('parked');
    const alert = await env.DB.prepare(
      "SELECT recipient, body FROM outbox WHERE kind = 'relay_parked' AND body LIKE '%番号 ' || ?1 || '、%'",
    )
      .bind(String(id))
      .first<{ recipient: string; body: string }>();
    expect(alert?.recipient).toBe('saiyou@city.nerima.tokyo.jp');
    expect(alert?.body).not.toContain('someone@example.jp');
  });

  it(`parks a mail after ${MAX_ATTEMPTS} failed attempts`, async () => {
    await setMode('fail');
    const id = await oneMail();
    for (let i = 0; i < MAX_ATTEMPTS; i++) await relay(env, { now: later((i + 1) * 7 * 3_600_000), onlyIds: [id], spacingMs: 0 });
    expect(await rowOf(id)).toMatchObject({ status: 'parked', attempts: MAX_ATTEMPTS });
  });

  it('never sends one mail twice when two relays run at once', async () => {
    const id = await oneMail();
    await Promise.all([relay(env, { onlyIds: [id], spacingMs: 0 }), relay(env, { onlyIds: [id], spacingMs: 0 })]);
    expect(await acceptedFor(id)).toBe(1);
  });

  it('spreads retries: backoff doubles, is capped, and carries jitter', () => {
    expect(backoffMs(1, 0.5)).toBe(30_000);
    expect(backoffMs(2, 0.5)).toBe(60_000);
    expect(backoffMs(20, 0.5)).toBe(6 * 3_600_000);
    expect(backoffMs(1, 0)).toBe(15_000);
    expect(backoffMs(1, 0.999)).toBeLessThan(45_000);
  });
});

describe('when the mail provider is down', () => {
  it('stores and answers 500 applications, then sends exactly their 500 confirmations once each after recovery', async () => {
    await setMode('fail');
    const jobId = await jobIn('open');
    const references: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => postJson('/api/applications', application(jobId))));
      for (const r of answers) {
        expect(r.status).toBe(201);
        references.push(((await r.json()) as { reference: string }).reference);
      }
    }
    expect(new Set(references).size).toBe(500);
    const stored = await count(
      `SELECT COUNT(*) AS n FROM applications WHERE reference IN (SELECT value FROM json_each(?1))`,
      JSON.stringify(references),
    );
    expect(stored).toBe(500);

    const ids = (
      await env.DB.prepare(
        "SELECT id FROM outbox WHERE kind = 'application_received' AND substr(subject, instr(subject, '受付番号 ') + 5, 9) IN (SELECT value FROM json_each(?1))",
      )
        .bind(JSON.stringify(references))
        .all<{ id: number }>()
    ).results.map((r) => r.id);
    expect(ids.length).toBe(500);

    // Let the first tries made in the background of each request finish.
    await expect.poll(() => count("SELECT COUNT(*) AS n FROM outbox WHERE status = 'sending'"), { timeout: 30_000 }).toBe(0);
    await setMode('ok');
    let now = testNow().getTime();
    for (let round = 0; round < 20; round++) {
      now += 7 * 3_600_000;
      await relay(env, { now: new Date(now), onlyIds: ids, spacingMs: 0, limit: 1000 });
      if (
        (await count(
          "SELECT COUNT(*) AS n FROM outbox WHERE status != 'sent' AND id IN (SELECT value FROM json_each(?1))",
          JSON.stringify(ids),
        )) === 0
      )
        break;
    }
    // Other test files share the fake server and their outbox ids overlap ours: match by reference.
    const refs = new Set(references);
    const accepted = (await sent()).filter((m) => m.accepted && refs.has(m.subject.match(/受付番号 ([^）]+)/)?.[1] ?? ''));
    expect(accepted.length).toBe(500);
    expect(new Set(accepted.map((m) => m.key)).size).toBe(500);
  }, 180_000);
});
