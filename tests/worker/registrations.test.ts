import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { todayInTokyo } from '../../src/lib/dates';
import { testNow } from '../clock';
import { catalog, count, ORIGIN, postForm, postJson, registration, signUp } from './support';

/** An open session of exactly `capacity` seats, from the real build. */
async function sessionWith(capacity: number, minWaitlist = 0) {
  const today = todayInTokyo(testNow());
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
    const answers: { code: number; status: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const { response, status } = await signUp(s.id);
      answers.push({ code: response.status, status });
    }
    expect(answers.map((a) => a.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);
    // The answer is the same for a seat and a waiting place: the mail says which.
    expect(new Set(answers.map((a) => a.code))).toEqual(new Set([202]));
    expect(
      await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'registration_confirmed' AND body LIKE '%' || ?1 || '%'", s.title),
    ).toBe(3);
    expect(
      await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'registration_waitlisted' AND body LIKE '%' || ?1 || '%'", s.title),
    ).toBe(3);
    const full = await postJson('/api/registrations', registration(s.id));
    expect(full.status).toBe(409);
    expect(((await full.json()) as { message: string }).message).toContain('定員に達し');
    expect(await statuses(s.id)).toEqual({ confirmed: 3, waitlisted: 3 });
  });

  it('never gives the same person two places in one session (compared after NFKC, without a +tag), and tells only them', async () => {
    const s = await sessionWith(3, 3);
    await clear(s.id);
    const first = await postJson('/api/registrations', registration(s.id, { email: 'same@example.jp' }));
    const again = await postJson('/api/registrations', registration(s.id, { email: 'ＳＡＭＥ+x@example.jp' }));
    // Answered exactly as a new sign-up: nobody can learn from the answer who registered.
    expect(again.status).toBe(first.status);
    expect(await again.json()).toEqual(await first.json());
    expect(await statuses(s.id)).toEqual({ confirmed: 1 });
    // The address's owner is told by mail, at the address as it was typed (normalised), never a second seat.
    const told = await env.DB.prepare("SELECT recipient, body FROM outbox WHERE kind = 'registration_already' ORDER BY id DESC").first<{
      recipient: string;
      body: string;
    }>();
    expect(told?.recipient).toBe('SAME+x@example.jp');
    expect(told?.body).toContain('お申込みをすでにいただいています');
  });

  it('frees the seat on cancel and promotes the first on the waiting list, who is told by mail', async () => {
    const s = await sessionWith(3, 3);
    await clear(s.id);
    const refs: string[] = [];
    for (let i = 0; i < 5; i++) refs.push((await signUp(s.id)).reference);
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
      expect(codes.filter((c) => c === 202).length).toBe(20 + s.waitlist);
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
    const today = todayInTokyo(testNow());
    const closed = Object.entries((await catalog()).sessions).find(([, s]) => s.registrationClosesOn < today);
    if (!closed) return;
    const r = await postJson('/api/registrations', registration(closed[0]));
    expect(r.status).toBe(409);
    expect(((await r.json()) as { message: string }).message).toBe('この回の申込受付は終了しました。');
  });

  it('keeps support needs apart from the rest, for earlier deletion', async () => {
    const s = await sessionWith(3, 3);
    await clear(s.id);
    const { reference } = await signUp(s.id, { supportNeeds: '車いすで参加します' });
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

describe('replays, double clicks and races', () => {
  const mailsTo = (address: string) => count('SELECT COUNT(*) AS n FROM outbox WHERE recipient = ?1', address);

  it('refuses a replayed key with another person’s data, full or not, and mails nobody', async () => {
    const s = await sessionWith(3, 3);
    await clear(s.id);
    const first = registration(s.id, { email: 'first@example.jp' });
    await postJson('/api/registrations', first);
    for (let i = 0; i < 6; i++) await postJson('/api/registrations', registration(s.id)); // seats and waiting list full
    for (let i = 0; i < 20; i++) {
      const replay = await postJson('/api/registrations', {
        ...first,
        email: `victim${i}@example.jp`,
        name: '至急 https://evil.example/ で本人確認を',
      });
      expect(replay.status).toBe(409);
      const body = (await replay.json()) as { error: string; message: string; reference?: string };
      expect(body.error).toBe('key_reused');
      expect(body.message).toContain('ページを読み込み直して');
      expect(body.reference).toBeUndefined();
      expect(await mailsTo(`victim${i}@example.jp`)).toBe(0);
    }
    expect(await count("SELECT COUNT(*) AS n FROM outbox WHERE body LIKE '%evil.example%'")).toBe(0);
  });

  it('answers a repeat of the same sign-up (same key, same data) as the first, with no second mail', async () => {
    const s = await sessionWith(3, 3);
    await clear(s.id);
    const body = registration(s.id, { email: 'repeat@example.jp' });
    const first = await postJson('/api/registrations', body);
    const again = await postJson('/api/registrations', body);
    expect(again.status).toBe(first.status);
    expect(await again.json()).toEqual(await first.json());
    expect(await statuses(s.id)).toEqual({ confirmed: 1 });
    expect(await mailsTo('repeat@example.jp')).toBe(1);
  });

  it('stores a double click on the last seat once and mails once', async () => {
    const s = await sessionWith(3, 3);
    await clear(s.id);
    for (let i = 0; i < 5; i++) await postJson('/api/registrations', registration(s.id));
    const last = registration(s.id, { email: 'last@example.jp' });
    const answers = await Promise.all([postJson('/api/registrations', last), postJson('/api/registrations', last)]);
    expect(answers.map((r) => r.status)).toEqual([202, 202]);
    expect(await statuses(s.id)).toEqual({ confirmed: 3, waitlisted: 3 });
    expect(await mailsTo('last@example.jp')).toBe(1);
  });

  it('cancels once under ten simultaneous cancels: one cancellation mail, one promotion', async () => {
    const s = await sessionWith(3, 3);
    await clear(s.id);
    const { reference } = await signUp(s.id, { email: 'leaving@example.jp' });
    for (let i = 0; i < 4; i++) await signUp(s.id);
    const token = await tokenOf(reference);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        postForm('/api/registrations/cancel', new URLSearchParams({ token }), { Accept: 'application/json' }),
      ),
    );
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'registration_cancelled' AND recipient = 'leaving@example.jp'")).toBe(
      1,
    );
    expect(await count('SELECT COUNT(*) AS n FROM registrations WHERE session_id = ?1 AND promotion_id IS NOT NULL', s.id)).toBe(1);
    expect(await statuses(s.id)).toEqual({ cancelled: 1, confirmed: 3, waitlisted: 1 });
  });
});
