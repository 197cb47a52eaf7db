/** A seat passed on from the waiting list must be confirmed within the claim window, or it moves on by itself. */
import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { expireClaims } from '../../functions/lib/seats';
import { testNow } from '../clock';
import { catalog, linkToken, ORIGIN, postForm, register } from './support';

let sessionId: string;
let claimHours: number;
const refs: string[] = [];
const statusOf = async (reference: string) =>
  (await env.DB.prepare('SELECT status, claim_until FROM registrations WHERE reference = ?1')
    .bind(reference)
    .first<{ status: string; claim_until: string | null }>()) ?? undefined;
const promotedMailTo = (reference: string) =>
  env.DB.prepare(
    "SELECT body FROM outbox WHERE kind = 'registration_promoted' AND recipient = (SELECT json_extract(payload, '$.email') FROM registrations WHERE reference = ?1) ORDER BY id DESC",
  )
    .bind(reference)
    .first<{ body: string }>();
const cancelFirst = async () => {
  const mail = await env.DB.prepare("SELECT body FROM outbox WHERE kind = 'registration_confirmed' ORDER BY id").first<{ body: string }>();
  const token = linkToken(mail?.body, '/cancel');
  expect((await postForm('/api/registrations/cancel', new URLSearchParams({ token }))).status).toBe(200);
};

beforeAll(async () => {
  const [id, s] = Object.entries((await catalog()).sessions).find(([, x]) => x.capacity === 3 && x.waitlist >= 2) ?? [];
  sessionId = id ?? '';
  claimHours = s?.claimHours ?? 48;
  for (let i = 0; i < 5; i++) refs.push(await register(sessionId));
});

describe('the claim window', () => {
  it('tells the promoted person by when to confirm, and holds the seat until then', async () => {
    await cancelFirst();
    const promoted = await statusOf(refs[3] ?? '');
    expect(promoted?.status).toBe('confirmed');
    const hours = (Date.parse(promoted?.claim_until ?? '') - testNow().getTime()) / 3_600_000;
    expect(hours).toBeGreaterThan(claimHours - 0.1);
    expect(hours).toBeLessThanOrEqual(claimHours);
    expect((await promotedMailTo(refs[3] ?? ''))?.body).toMatch(/までに、次のリンクから参加を確定してください/);
  });

  it('passes the seat to the next person when the window ends unconfirmed', async () => {
    const passed = await expireClaims(env, new Date(testNow().getTime() + (claimHours + 1) * 3_600_000));
    expect(passed).toBe(1);
    expect((await statusOf(refs[3] ?? ''))?.status).toBe('cancelled');
    expect((await statusOf(refs[4] ?? ''))?.status).toBe('confirmed');
    const lapsed = await env.DB.prepare("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'registration_lapsed'").first<{ n: number }>();
    expect(lapsed?.n).toBe(1);
  });

  it('keeps the seat of someone who confirms in time', async () => {
    const token = linkToken((await promotedMailTo(refs[4] ?? ''))?.body, '/claim');
    expect((await SELF.fetch(`${ORIGIN}/api/registrations/claim?token=${token}`)).status).toBe(200);
    const r = await postForm('/api/registrations/claim', new URLSearchParams({ token }));
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('参加が確定しました');
    expect((await statusOf(refs[4] ?? ''))?.claim_until).toBeNull();
    expect(await expireClaims(env, new Date(testNow().getTime() + 30 * 24 * 3_600_000))).toBe(0);
    expect((await statusOf(refs[4] ?? ''))?.status).toBe('confirmed');
  });

  it("leaves the waiting-list mail's cancel link working after the promotion mail brought a link of its own", async () => {
    const mail = await env.DB.prepare(
      "SELECT body FROM outbox WHERE kind = 'registration_waitlisted' AND recipient = (SELECT json_extract(payload, '$.email') FROM registrations WHERE reference = ?1)",
    )
      .bind(refs[4] ?? '')
      .first<{ body: string }>();
    const token = linkToken(mail?.body, '/cancel');
    expect(token).not.toBe('');
    expect((await SELF.fetch(`${ORIGIN}/api/registrations/cancel?token=${token}`)).status).toBe(200);
  });
});
