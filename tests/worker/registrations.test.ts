import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { todayInTokyo } from '../../src/lib/dates';
import { catalog, count, ORIGIN, postForm, postJson, registration } from './support';

/** An open session of exactly `capacity` seats, from the real build. */
async function sessionWith(capacity: number, minWaitlist = 0) {
  const today = todayInTokyo();
  const found = Object.entries((await catalog()).sessions).find(
    ([, s]) => s.capacity === capacity && s.waitlist >= minWaitlist && s.registrationClosesOn >= today,
  );
  if (!found) throw new Error(`no open session with ${capacity} seats`);
  return { id: found[0], ...found[1] };
}

const clear = (sessionId: string) => env.DB.prepare('DELETE FROM registrations WHERE session_id = ?1').bind(sessionId).run();
const statuses = async (sessionId: string): Promise<Record<string, number>> => {
  const { results } = await env.DB.prepare('SELECT status, COUNT(*) AS n FROM registrations WHERE session_id = ?1 GROUP BY status')
    .bind(sessionId)
    .all<{ status: string; n: number }>();
  return Object.fromEntries(results.map((r) => [r.status, r.n]));
};
const tokenOf = async (reference: string) => {
  const mail = await env.DB.prepare(
    "SELECT body FROM outbox WHERE body LIKE '%' || ?1 || '%' AND kind LIKE 'registration_%' ORDER BY id DESC",
  )
    .bind(reference)
    .first<{ body: string }>();
  return mail?.body.match(/token=([A-Za-z0-9_-]+)/)?.[1] ?? '';
};

describe('seats, the waiting list and refusal', () => {
  it('confirms while seats remain, then waitlists, then refuses with a clear message', async () => {
    const s = await sessionWith(3, 3);
    await clear(s.id);
    const answers: { status: string }[] = [];
    for (let i = 0; i < 6; i++)
      answers.push((await (await postJson('/api/registrations', registration(s.id))).json()) as { status: string });
    expect(answers.map((a) => a.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);
    const full = await postJson('/api/registrations', registration(s.id));
    expect(full.status).toBe(409);
    expect(((await full.json()) as { message: string }).message).toContain('定員に達し');
    expect(await statuses(s.id)).toEqual({ confirmed: 3, waitlisted: 3 });
  });

  it('never gives the same person two places in one session (compared after NFKC)', async () => {
    const s = await sessionWith(3, 3);
    await clear(s.id);
    const first = await postJson('/api/registrations', registration(s.id, { email: 'same@example.jp' }));
    expect(first.status).toBe(201);
    const again = await postJson('/api/registrations', registration(s.id, { email: 'ＳＡＭＥ@example.jp' }));
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toContain('すでにお申し込みいただいています');
  });

  it('frees the seat on cancel and promotes the first on the waiting list, who is told by mail', async () => {
    const s = await sessionWith(3, 3);
    await clear(s.id);
    const refs: string[] = [];
    for (let i = 0; i < 5; i++)
      refs.push(((await (await postJson('/api/registrations', registration(s.id))).json()) as { reference: string }).reference);
    const token = await tokenOf(refs[0] ?? '');
    const page = await SELF.fetch(`${ORIGIN}/api/registrations/cancel?token=${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('キャンセルしますか');
    expect(await statuses(s.id)).toEqual({ confirmed: 3, waitlisted: 2 }); // a GET changes nothing
    const r = await postForm('/api/registrations/cancel', new URLSearchParams({ token }));
    expect(r.status).toBe(200);
    expect(await statuses(s.id)).toEqual({ cancelled: 1, confirmed: 3, waitlisted: 1 });
    const promoted = await env.DB.prepare('SELECT reference FROM registrations WHERE session_id = ?1 AND promotion_id IS NOT NULL')
      .bind(s.id)
      .first<{ reference: string }>();
    expect(promoted?.reference).toBe(refs[3]);
    expect(
      await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'registration_promoted' AND body LIKE '%' || ?1 || '%'", s.title),
    ).toBeGreaterThan(0);
    const reuse = await postForm('/api/registrations/cancel', new URLSearchParams({ token }), { Accept: 'application/json' });
    expect(reuse.status).toBe(404);
  });

  it('under 200 simultaneous sign-ups for 20 seats stores exactly 20 confirmed, 10 times over, and loses none', async () => {
    const s = await sessionWith(20);
    for (let round = 0; round < 10; round++) {
      await clear(s.id);
      const responses = await Promise.all(Array.from({ length: 200 }, () => postJson('/api/registrations', registration(s.id))));
      const codes = responses.map((r) => r.status);
      const stored = await statuses(s.id);
      expect(stored['confirmed'], `round ${round}`).toBe(20);
      expect(stored['waitlisted'] ?? 0).toBe(s.waitlist);
      expect(codes.filter((c) => c === 201).length).toBe(20 + s.waitlist);
      expect(codes.filter((c) => c === 409).length).toBe(200 - 20 - s.waitlist);
    }
  }, 120_000);
});

describe('what is refused', () => {
  it('refuses an unknown session and explains', async () => {
    const r = await postJson('/api/registrations', registration('no-such-session'));
    expect(r.status).toBe(404);
  });

  it('refuses a session whose registration has closed', async () => {
    const today = todayInTokyo();
    const closed = Object.entries((await catalog()).sessions).find(([, s]) => s.registrationClosesOn < today);
    if (!closed) return;
    const r = await postJson('/api/registrations', registration(closed[0]));
    expect(r.status).toBe(409);
    expect(((await r.json()) as { message: string }).message).toBe('この回の申込受付は終了しました。');
  });

  it('keeps support needs apart from the rest, for earlier deletion', async () => {
    const s = await sessionWith(3, 3);
    await clear(s.id);
    const { reference } = (await (
      await postJson('/api/registrations', registration(s.id, { supportNeeds: '車いすで参加します' }))
    ).json()) as { reference: string };
    const row = await env.DB.prepare(
      'SELECT payload, support_needs, support_purge_after, purge_after FROM registrations WHERE reference = ?1',
    )
      .bind(reference)
      .first<Record<string, string>>();
    expect(row?.['support_needs']).toBe('車いすで参加します');
    expect(row?.['payload']).not.toContain('車いす');
    expect((row?.['support_purge_after'] ?? '') < (row?.['purge_after'] ?? '')).toBe(true);
  });

  it('shows seats left from a small read-only endpoint', async () => {
    const s = await sessionWith(20);
    await clear(s.id);
    await postJson('/api/registrations', registration(s.id));
    const r = await SELF.fetch(`${ORIGIN}/api/sessions/${s.id}/seats`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as { capacity: number; seatsLeft: number };
    expect(body.capacity).toBe(20);
    expect(body.seatsLeft).toBeLessThanOrEqual(20);
  });
});
