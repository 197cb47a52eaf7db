import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { testNow } from '../clock';
import { application, count, jobIn, postJson, runCron } from './support';

describe('the retention purge (daily cron)', () => {
  it('deletes applications and their CVs past retention, and support needs sooner than the rest', async () => {
    const past = '2020-01-01T00:00:00.000Z';
    const future = '2099-01-01T00:00:00.000Z';
    await env.DOCUMENTS.put('cv/old.pdf', '%PDF-old');
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO applications (reference, job_id, idempotency_key, payload, email_key, cv_key, created_at, purge_after) VALUES ('OLD1-OLD1', 'x', 'k-old-1', '{}', 'a@b', 'cv/old.pdf', ?1, ?1)",
      ).bind(past),
      env.DB.prepare(
        "INSERT INTO applications (reference, job_id, idempotency_key, payload, email_key, created_at, purge_after) VALUES ('NEW1-NEW1', 'x', 'k-new-1', '{}', 'a@b', ?1, ?2)",
      ).bind(past, future),
      env.DB.prepare(
        "INSERT INTO registrations (reference, session_id, idempotency_key, payload, support_needs, email_key, status, cancel_token_hash, created_at, updated_at, support_purge_after, purge_after) VALUES ('REG1-REG1', 's', 'k-reg-1', '{}', '車いす', 'a@b', 'confirmed', 'h1', ?1, ?1, ?1, ?2)",
      ).bind(past, future),
    ]);
    await runCron('30 15 * * *', testNow());
    expect(await count("SELECT COUNT(*) AS n FROM applications WHERE reference = 'OLD1-OLD1'")).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM applications WHERE reference = 'NEW1-NEW1'")).toBe(1);
    expect(await env.DOCUMENTS.get('cv/old.pdf')).toBeNull();
    const reg = await env.DB.prepare("SELECT support_needs FROM registrations WHERE reference = 'REG1-REG1'").first<{
      support_needs: string | null;
    }>();
    expect(reg).toEqual({ support_needs: null });
  });

  it('deletes registrations past retention with the links mailed for them, and keeps the others', async () => {
    const past = '2020-01-01T00:00:00.000Z';
    const future = '2099-01-01T00:00:00.000Z';
    const insert = async (reference: string, purgeAfter: string) =>
      (
        await env.DB.prepare(
          "INSERT INTO registrations (reference, session_id, idempotency_key, payload, email_key, status, cancel_token_hash, created_at, updated_at, support_purge_after, purge_after) VALUES (?1, 's', ?1, '{}', ?1, 'confirmed', ?1, ?2, ?2, ?2, ?3) RETURNING id",
        )
          .bind(reference, past, purgeAfter)
          .first<{ id: number }>()
      )?.id ?? 0;
    const gone = await insert('REG2-OLD2', past);
    const kept = await insert('REG3-NEW3', future);
    await env.DB.batch(
      [gone, kept].map((id) =>
        env.DB.prepare('INSERT INTO registration_links (token_hash, registration_id, created_at) VALUES (?1, ?2, ?3)').bind(
          `link-${id}`,
          id,
          past,
        ),
      ),
    );
    await runCron('30 15 * * *', testNow());
    expect(await count('SELECT COUNT(*) AS n FROM registrations WHERE id = ?1', gone)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM registration_links WHERE registration_id = ?1', gone)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM registration_links WHERE registration_id = ?1', kept)).toBe(1);
  });

  it('deletes job alerts stopped over 30 days ago, with their links, and keeps recent ones', async () => {
    const old = new Date(testNow().getTime() - 40 * 86_400_000).toISOString();
    const recent = new Date(testNow().getTime() - 5 * 86_400_000).toISOString();
    const insert = async (stoppedAt: string) =>
      (
        await env.DB.prepare(
          "INSERT INTO job_alerts (email, email_key, filters, frequency, status, created_at, stopped_at) VALUES ('', '', '{}', 'daily', 'stopped', ?1, ?2) RETURNING id",
        )
          .bind(old, stoppedAt)
          .first<{ id: number }>()
      )?.id ?? 0;
    const gone = await insert(old);
    const kept = await insert(recent);
    await runCron('30 15 * * *', testNow());
    expect(await count('SELECT COUNT(*) AS n FROM job_alerts WHERE id = ?1', gone)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM job_alerts WHERE id = ?1', kept)).toBe(1);
  });

  it('sends pending mail from the every-minute cron', async () => {
    await env.DB.prepare(
      "INSERT INTO outbox (kind, recipient, subject, body, next_attempt_at, created_at) VALUES ('cron', 'a@example.jp', 's', 'b', ?1, ?1)",
    )
      .bind(testNow().toISOString())
      .run();
    await runCron('* * * * *', new Date(testNow().getTime() + 1000));
    expect(await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'cron' AND status = 'sent'")).toBe(1);
  });
});

describe('when the database fails', () => {
  it('answers 503 with Retry-After and says nothing was saved — never a false confirmation', async () => {
    const jobId = await jobIn('open');
    await env.DB.prepare('DROP TABLE applications').run();
    const r = await postJson('/api/applications', application(jobId));
    expect(r.status).toBe(503);
    expect(r.headers.get('Retry-After')).toBe('30');
    const body = (await r.json()) as { message: string; reference?: string };
    expect(body.message).toContain('内容は保存されていません');
    expect(body.reference).toBeUndefined();
  });
});
