/** Reminders with a controlled clock: at the Japan-time day boundary, at most once, never to someone who cancelled. */
import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { CRON } from '../../functions/index';
import { sendReminders } from '../../functions/lib/reminders';
import { count, linkToken, openSession, register, runCron } from './support';

let sessionId: string;
let day: string;
const jst = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`);
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const reminders = (id: string) =>
  count(
    "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'registration_reminder' AND recipient = (SELECT json_extract(payload, '$.email') FROM registrations WHERE reference = ?1)",
    id,
  );

let kept: string;
let cancelled: string;
beforeAll(async () => {
  const session = await openSession(10);
  sessionId = session.id;
  day = session.dates[0] ?? '';
  kept = await register(sessionId);
  cancelled = await register(sessionId);
  await env.DB.prepare("UPDATE registrations SET status = 'cancelled' WHERE reference = ?1").bind(cancelled).run();
});

describe('session reminders', () => {
  it('are not due three days before, even one minute before midnight in Japan', async () => {
    await sendReminders(env, jst(shift(day, -3), '23:59'));
    expect(await reminders(kept)).toBe(0);
  });

  it('go out two days before, once, and only to confirmed participants', async () => {
    const first = await sendReminders(env, jst(shift(day, -2), '00:00'));
    expect(first.queued).toBeGreaterThanOrEqual(1);
    expect(await reminders(kept)).toBe(1);
    expect(await reminders(cancelled)).toBe(0);
    await sendReminders(env, jst(shift(day, -2), '07:00'));
    expect(await reminders(kept)).toBe(1);
  });

  it('go out again on the morning of the day, with a cancel link that works', async () => {
    await runCron(CRON.morning, jst(day, '07:00'));
    expect(await reminders(kept)).toBe(2);
    const mail = await env.DB.prepare("SELECT subject, body FROM outbox WHERE kind = 'registration_reminder' ORDER BY id DESC").first<{
      subject: string;
      body: string;
    }>();
    expect(mail?.subject).toContain('本日の開催のお知らせ');
    const token = linkToken(mail?.body, '/cancel');
    expect((await SELF.fetch(`https://careers.example/api/registrations/cancel?token=${token}`)).status).toBe(200);
  });

  it('leave the cancel link of every earlier mail working (a reminder adds a link, it does not replace one)', async () => {
    const links = await env.DB.prepare(
      `SELECT body FROM outbox WHERE recipient = (SELECT json_extract(payload, '$.email') FROM registrations WHERE reference = ?1)
       AND kind IN ('registration_confirmed', 'registration_reminder') ORDER BY id`,
    )
      .bind(kept)
      .all<{ body: string }>();
    const tokens = links.results.map((m) => linkToken(m.body, '/cancel'));
    expect(tokens).toHaveLength(3); // the confirmation and both reminders
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens)
      expect((await SELF.fetch(`https://careers.example/api/registrations/cancel?token=${token}`)).status).toBe(200);
  });

  it('skip someone promoted from the waiting list until they confirm the seat, whose claim link keeps working', async () => {
    const promoted = await register(sessionId);
    await env.DB.prepare('UPDATE registrations SET claim_until = ?2 WHERE reference = ?1')
      .bind(promoted, jst(day, '23:59').toISOString())
      .run();
    const mail = await env.DB.prepare(
      "SELECT body FROM outbox WHERE kind = 'registration_confirmed' AND recipient = (SELECT json_extract(payload, '$.email') FROM registrations WHERE reference = ?1)",
    )
      .bind(promoted)
      .first<{ body: string }>();
    const token = linkToken(mail?.body, '/cancel');
    await sendReminders(env, jst(day, '07:00'));
    expect(await reminders(promoted)).toBe(0);
    expect((await SELF.fetch(`https://careers.example/api/registrations/claim?token=${token}`)).status).toBe(200);
  });
});
