/**
 * Sign-ups for internship and event sessions (one engine for both), cancellation with promotion from
 * the waiting list, and the live count of seats left.
 */
import { Hono } from 'hono';
import { submissionCopy as t } from '../../src/i18n/ja';
import { mails } from '../../src/i18n/mail';
import type { CatalogSession } from '../../src/lib/catalog';
import { formatDate } from '../../src/lib/dates';
import { html } from '../../src/lib/html';
import { sessionCalendar } from '../../src/lib/ics';
import { emailKey } from '../../src/schemas/fields';
import { type Registration, registrationSchema } from '../../src/schemas/registration';
import { site } from '../../src/site.config';
import { judgeSession, loadCatalog, sessionIn } from '../lib/catalog';
import { isToken, newReference, newToken, sha256Hex } from '../lib/ids';
import { intake, isUniqueViolation, unavailable } from '../lib/intake';
import { deliver, leaseUntil, OUTBOX_RETURNING, type OutboxRow, relay } from '../lib/outbox';
import { Problem } from '../lib/problem';
import { buttonPage, page, refuse } from '../lib/respond';
import { afterDay, retention } from '../lib/retention';
import { assertSameOrigin } from '../lib/security';
import { answersInJson, readSubmission } from '../lib/submission';

export const registrations = new Hono<{ Bindings: Env }>();

const MAX_BODY = 32 * 1024;
const order = Object.keys(registrationSchema.shape);
// Links in mail point at the origin the form was sent to (the public origin in production, localhost locally).
export const cancelUrl = (origin: string, token: string) => new URL(`/api/registrations/cancel?token=${token}`, origin).href;
const lastDay = (s: CatalogSession) => [...s.dates].sort().at(-1) ?? s.registrationClosesOn;
const when = (s: CatalogSession) => `${s.dates.map(formatDate).join('、')} ${s.startTime}〜${s.endTime}`;

type Seat = 'confirmed' | 'waitlisted';

const base64 = (text: string) => {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
};

/**
 * The session's calendar file for the confirmation mail, as the outbox stores attachments (JSON).
 * The same events (UIDs, times, place, page) as /calendar/<id>.ics, so adding both never duplicates.
 */
export function calendarAttachments(sessionId: string, session: CatalogSession, now: Date): string {
  const url = new URL(session.url, site.origin).href;
  const ics = sessionCalendar({
    session: { id: sessionId, dates: session.dates, startTime: session.startTime, endTime: session.endTime, place: session.place },
    title: session.title,
    url,
    description: `${session.summary ?? session.title}\n${url}`,
    now,
  });
  return JSON.stringify([
    { filename: `${sessionId}.ics`, content: base64(ics), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' },
  ]);
}

registrations.post('/', async (c) => {
  const asJson = answersInJson(c.req.raw);
  const now = new Date();
  let back: string | undefined;
  try {
    const input = await intake(c, {
      route: 'registrations',
      schema: registrationSchema,
      order,
      maxBytes: MAX_BODY,
      prepare: (fields) => {
        if (typeof fields['sessionId'] === 'string' && /^[a-z0-9-]{1,64}$/.test(fields['sessionId']))
          back = `/register/${fields['sessionId']}/`;
      },
    });
    if (input.bot)
      return asJson
        ? c.json({ ok: true }, 202)
        : page(c, 202, t.registrationConfirmedTitle, html`<h1>${t.registrationConfirmedTitle}</h1>`);
    const data = input.data;
    const verdict = judgeSession(await loadCatalog(c.env.ASSETS), data.sessionId, now);
    if (!verdict.ok)
      throw new Problem(
        verdict.reason === 'unknown' ? 404 : 409,
        `session_${verdict.reason}`,
        verdict.reason === 'unknown' ? t.sessionUnknown : t.sessionClosed,
      );

    const seat = await takeSeat(c.env, data, verdict.session, now, new URL(c.req.url).origin);
    c.executionCtx.waitUntil(deliver(c.env, seat.mails, { now }).catch(() => undefined));
    const title = seat.status === 'confirmed' ? t.registrationConfirmedTitle : t.registrationWaitlistedTitle;
    if (asJson) return c.json({ ok: true, reference: seat.reference, status: seat.status }, seat.created ? 201 : 200);
    return page(
      c,
      seat.created ? 201 : 200,
      title,
      html`<h1>${title}</h1>
        <div class="confirmation">
          <p>${t.registrationLead(verdict.session.title)}</p>
          ${seat.status === 'waitlisted' ? html`<p>${t.waitlistLead}</p>` : ''}
          <p>${t.referenceLabel}：<span class="reference">${seat.reference}</span></p>
          <p>${t.referenceHint}</p>
        </div>
        <p><a href="${verdict.session.url}">プログラムのページへ戻る</a></p>`,
    );
  } catch (e) {
    if (e instanceof Problem) return refuse(c, e, asJson, back);
    console.error(`registrations: ${e instanceof Error ? e.name : 'error'}`);
    return refuse(c, unavailable(), asJson, back);
  }
});

interface SeatTaken {
  reference: string;
  status: Seat;
  created: boolean;
  /** Its mail, stored already claimed for this request to send. */
  mails: OutboxRow[];
}

const firstWithKey = (db: D1Database, key: string) =>
  db
    .prepare('SELECT reference, status FROM registrations WHERE idempotency_key = ?1')
    .bind(key)
    .first<{ reference: string; status: Seat }>();

/**
 * Takes a seat, else a waiting place, else refuses, in one conditional INSERT: counting and inserting in
 * two statements overbooks under concurrency. The mail is chosen by the status the INSERT decided.
 */
async function takeSeat(env: Env, data: Registration, session: CatalogSession, now: Date, origin: string): Promise<SeatTaken> {
  const db = env.DB;
  const { idempotencyKey: given, consent: _consent, supportNeeds, ...payload } = data;
  // Without a key from the page's script (no JavaScript), the same content is the same sign-up.
  const idempotencyKey = given ?? `c-${(await sha256Hex(JSON.stringify({ payload, supportNeeds }))).slice(0, 40)}`;
  // A repeat is caught by the UNIQUE key on insert, one round trip fewer than looking first; only when the
  // INSERT stored nothing (full) is the key looked up, since a full session cannot raise the violation.

  const reference = newReference();
  const token = newToken();
  const nowIso = now.toISOString();
  const mailArgs = { name: data.name, reference, session, cancelUrl: cancelUrl(origin, token) };
  const confirmed = mails.registrationConfirmed(mailArgs);
  const waitlisted = mails.registrationWaitlisted(mailArgs);
  try {
    const [insert, mail, status] = await db.batch([
      db
        .prepare(
          `INSERT INTO registrations (reference, session_id, idempotency_key, payload, support_needs, email_key, status, cancel_token_hash, created_at, updated_at, support_purge_after, purge_after)
           SELECT ?1, ?2, ?3, ?4, ?5, ?6,
             CASE WHEN (SELECT COUNT(*) FROM registrations WHERE session_id = ?2 AND status = 'confirmed') < ?7 THEN 'confirmed' ELSE 'waitlisted' END,
             ?8, ?9, ?9, ?10, ?11
           WHERE (SELECT COUNT(*) FROM registrations WHERE session_id = ?2 AND status IN ('confirmed', 'waitlisted')) < ?7 + ?12`,
        )
        .bind(
          reference,
          data.sessionId,
          idempotencyKey,
          JSON.stringify(payload),
          supportNeeds ?? null,
          emailKey(data.email),
          session.capacity,
          await sha256Hex(token),
          nowIso,
          afterDay(lastDay(session), retention.supportNeedsDays),
          afterDay(lastDay(session), retention.registrationDays),
          session.waitlist,
        ),
      db
        .prepare(
          // Stored already claimed (sending, first attempt, a lease) for this request to send at once.
          `INSERT INTO outbox (kind, recipient, subject, body, attachments, status, attempts, lease_until, next_attempt_at, created_at)
           SELECT CASE status WHEN 'confirmed' THEN 'registration_confirmed' ELSE 'registration_waitlisted' END, ?2,
             CASE status WHEN 'confirmed' THEN ?3 ELSE ?5 END, CASE status WHEN 'confirmed' THEN ?4 ELSE ?6 END,
             CASE status WHEN 'confirmed' THEN ?8 END, 'sending', 1, ?9, ?7, ?7
           FROM registrations WHERE idempotency_key = ?1 ${OUTBOX_RETURNING}`,
        )
        .bind(
          idempotencyKey,
          data.email,
          confirmed.subject,
          confirmed.body,
          waitlisted.subject,
          waitlisted.body,
          nowIso,
          calendarAttachments(data.sessionId, session, now),
          leaseUntil(now),
        ),
      db.prepare('SELECT status FROM registrations WHERE idempotency_key = ?1').bind(idempotencyKey),
    ]);
    if (!insert || insert.meta.changes === 0) {
      const first = await firstWithKey(db, idempotencyKey);
      if (first) return { ...first, created: false, mails: [] };
      throw new Problem(409, 'full', t.full);
    }
    const seat = (status?.results[0] as { status: Seat } | undefined)?.status ?? 'waitlisted';
    return { reference, status: seat, created: true, mails: (mail?.results ?? []) as OutboxRow[] };
  } catch (e) {
    if (isUniqueViolation(e, 'email_key')) throw new Problem(409, 'duplicate', t.duplicate, [{ field: 'email', message: t.duplicate }]);
    if (isUniqueViolation(e, 'idempotency_key')) {
      const first = await firstWithKey(db, idempotencyKey);
      if (first) return { ...first, created: false, mails: [] };
    }
    if (isUniqueViolation(e, 'reference')) return takeSeat(env, data, session, now, origin);
    throw e;
  }
}

registrations.all('/', (c) => {
  c.header('Allow', 'POST');
  return refuse(c, new Problem(405, 'method_not_allowed', t.methodNotAllowed), true);
});

interface CancelTarget {
  id: number;
  session_id: string;
  status: Seat | 'cancelled';
}

async function findByToken(db: D1Database, token: unknown): Promise<CancelTarget | null> {
  if (!isToken(token)) return null;
  // Looked up by its hash: the token itself is never stored, and equal hashes reveal nothing about near misses.
  // The first mail's token is on the row; later mails' tokens are in registration_links, and each stays valid.
  return db
    .prepare(
      `SELECT id, session_id, status FROM registrations WHERE cancel_token_hash = ?1
       UNION ALL
       SELECT r.id, r.session_id, r.status FROM registration_links l JOIN registrations r ON r.id = l.registration_id
       WHERE l.token_hash = ?1
       LIMIT 1`,
    )
    .bind(await sha256Hex(token))
    .first<CancelTarget>();
}

/** The cancel link from the mail: a confirmation page (a GET never changes anything). */
registrations.get('/cancel', async (c) => {
  try {
    const target = await findByToken(c.env.DB, c.req.query('token'));
    const session = target && sessionIn(await loadCatalog(c.env.ASSETS), target.session_id);
    if (!target || target.status === 'cancelled' || !session)
      return page(c, 404, t.cancelTitle, html`<h1>${t.cancelTitle}</h1><p>${t.cancelInvalid}</p>`);
    return buttonPage(c, {
      title: t.cancelTitle,
      lead: t.cancelConfirm(session.title, when(session)),
      action: '/api/registrations/cancel',
      token: c.req.query('token') ?? '',
      button: t.cancelButton,
    });
  } catch {
    return refuse(c, unavailable(), false);
  }
});

/** Cancels, frees the seat and promotes the first on the waiting list, all in one batch. */
registrations.post('/cancel', async (c) => {
  const asJson = answersInJson(c.req.raw);
  try {
    assertSameOrigin(c.req.raw);
    const { fields } = await readSubmission(c.req.raw, { maxBytes: 4 * 1024 });
    const target = await findByToken(c.env.DB, fields['token']);
    const catalog = await loadCatalog(c.env.ASSETS);
    const session = target && sessionIn(catalog, target.session_id);
    if (!target || target.status === 'cancelled' || !session) throw new Problem(404, 'invalid_token', t.cancelInvalid);
    await cancelSeat(c.env, target, session, new Date(), new URL(c.req.url).origin);
    c.executionCtx.waitUntil(relay(c.env, { spacingMs: 0, limit: 5 }).catch(() => undefined));
    if (asJson) return c.json({ ok: true });
    return page(
      c,
      200,
      t.cancelDoneTitle,
      html`<h1>${t.cancelDoneTitle}</h1><p>${t.cancelDone}</p><p><a href="${session.url}">プログラムのページへ</a></p>`,
    );
  } catch (e) {
    if (e instanceof Problem) return refuse(c, e, asJson);
    console.error(`cancel: ${e instanceof Error ? e.name : 'error'}`);
    return refuse(c, unavailable(), asJson);
  }
});

/**
 * Frees a seat and promotes the first on the waiting list, in one batch. The promoted person holds the seat
 * for the session's claim window and is mailed a link to confirm it; `lapsed` is a seat whose window passed.
 */
export async function cancelSeat(
  env: Env,
  target: CancelTarget,
  session: CatalogSession,
  now: Date,
  origin: string,
  reason: 'cancelled' | 'lapsed' = 'cancelled',
): Promise<void> {
  const db = env.DB;
  const nowIso = now.toISOString();
  const promotionId = crypto.randomUUID();
  const newCancelToken = newToken();
  const claimUntil = new Date(now.getTime() + (session.claimHours ?? 48) * 3_600_000);
  const promoted = mails.registrationPromoted({
    session,
    claimUrl: claimUrl(origin, newCancelToken),
    cancelUrl: cancelUrl(origin, newCancelToken),
    claimBy: claimByText.format(claimUntil),
  });
  const cancelled = reason === 'lapsed' ? mails.registrationLapsed({ session }) : mails.registrationCancelled({ session });
  await db.batch([
    db
      .prepare("UPDATE registrations SET status = 'cancelled', updated_at = ?2 WHERE id = ?1 AND status != 'cancelled'")
      .bind(target.id, nowIso),
    db
      .prepare(
        `UPDATE registrations SET status = 'confirmed', promotion_id = ?1, updated_at = ?2, claim_until = ?5
         WHERE id = (SELECT id FROM registrations WHERE session_id = ?3 AND status = 'waitlisted' ORDER BY id LIMIT 1)
           AND (SELECT COUNT(*) FROM registrations WHERE session_id = ?3 AND status = 'confirmed') < ?4`,
      )
      .bind(promotionId, nowIso, target.session_id, session.capacity, claimUntil.toISOString()),
    // The promotion mail's claim and cancel link; the waiting-list mail's cancel link keeps working too.
    db
      .prepare(
        'INSERT INTO registration_links (token_hash, registration_id, created_at) SELECT ?2, id, ?3 FROM registrations WHERE promotion_id = ?1',
      )
      .bind(promotionId, await sha256Hex(newCancelToken), nowIso),
    db
      .prepare(
        `INSERT INTO outbox (kind, recipient, subject, body, attachments, next_attempt_at, created_at)
         SELECT 'registration_promoted', json_extract(payload, '$.email'), ?2, ?3, ?5, ?4, ?4 FROM registrations WHERE promotion_id = ?1`,
      )
      .bind(promotionId, promoted.subject, promoted.body, nowIso, calendarAttachments(target.session_id, session, now)),
    db
      .prepare(
        `INSERT INTO outbox (kind, recipient, subject, body, next_attempt_at, created_at)
         SELECT ?5, json_extract(payload, '$.email'), ?2, ?3, ?4, ?4 FROM registrations WHERE id = ?1 AND status = 'cancelled' AND updated_at = ?4`,
      )
      .bind(target.id, cancelled.subject, cancelled.body, nowIso, `registration_${reason}`),
  ]);
}

const claimByText = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: 'numeric',
  minute: '2-digit',
});
const claimUrl = (origin: string, token: string) => new URL(`/api/registrations/claim?token=${token}`, origin).href;

/** The claim link from the promotion mail: a page with one button (a GET never changes anything). */
registrations.get('/claim', async (c) => {
  try {
    const token = c.req.query('token') ?? '';
    const target = await findByToken(c.env.DB, token);
    const session = target && sessionIn(await loadCatalog(c.env.ASSETS), target.session_id);
    if (target?.status !== 'confirmed' || !session)
      return page(c, 404, t.claimTitle, html`<h1>${t.claimTitle}</h1><p>${t.claimInvalid}</p>`);
    return buttonPage(c, {
      title: t.claimTitle,
      lead: t.claimConfirm(session.title, when(session)),
      action: '/api/registrations/claim',
      token,
      button: t.claimButton,
    });
  } catch {
    return refuse(c, unavailable(), false);
  }
});

/** Confirms a seat held after promotion, while its claim window is open. */
registrations.post('/claim', async (c) => {
  const asJson = answersInJson(c.req.raw);
  try {
    assertSameOrigin(c.req.raw);
    const { fields } = await readSubmission(c.req.raw, { maxBytes: 4 * 1024 });
    const target = await findByToken(c.env.DB, fields['token']);
    if (!target) throw new Problem(404, 'invalid_token', t.claimInvalid);
    const done = await c.env.DB.prepare(
      "UPDATE registrations SET claim_until = NULL, updated_at = ?2 WHERE id = ?1 AND status = 'confirmed' AND (claim_until IS NULL OR claim_until >= ?2)",
    )
      .bind(target.id, new Date().toISOString())
      .run();
    if (!done.meta.changes) throw new Problem(409, 'claim_lapsed', t.claimLapsed);
    if (asJson) return c.json({ ok: true });
    return page(c, 200, t.claimTitle, html`<h1>${t.claimTitle}</h1><p>${t.claimDone}</p>`);
  } catch (e) {
    if (e instanceof Problem) return refuse(c, e, asJson);
    return refuse(c, unavailable(), asJson);
  }
});

/** Seats held past their claim window pass to the next person (the every-minute cron). */
export async function expireClaims(env: Env, now: Date): Promise<number> {
  const lapsed = await env.DB.prepare("SELECT id, session_id, status FROM registrations WHERE status = 'confirmed' AND claim_until < ?1")
    .bind(now.toISOString())
    .all<CancelTarget>();
  if (lapsed.results.length === 0) return 0;
  const catalog = await loadCatalog(env.ASSETS);
  for (const target of lapsed.results) {
    const session = sessionIn(catalog, target.session_id);
    if (session) await cancelSeat(env, target, session, now, site.origin, 'lapsed');
  }
  return lapsed.results.length;
}

/** Seats left, for the live count on the page. Kept for a few seconds per isolate: cheap under load. */
const seatCache = new Map<string, { at: number; body: object }>();
const SEAT_CACHE_MS = 5_000;

export const sessions = new Hono<{ Bindings: Env }>();
sessions.get('/:id/seats', async (c) => {
  const id = c.req.param('id');
  const session = sessionIn(await loadCatalog(c.env.ASSETS), id);
  if (!session) return c.json({ error: 'not_found', message: t.sessionUnknown }, 404);
  const hit = seatCache.get(id);
  if (hit && Date.now() - hit.at < SEAT_CACHE_MS) return c.json(hit.body);
  try {
    const counts = await c.env.DB.prepare(
      "SELECT SUM(status = 'confirmed') AS confirmed, SUM(status = 'waitlisted') AS waitlisted FROM registrations WHERE session_id = ?1",
    )
      .bind(id)
      .first<{ confirmed: number | null; waitlisted: number | null }>();
    const confirmed = counts?.confirmed ?? 0;
    const waitlisted = counts?.waitlisted ?? 0;
    const body = {
      capacity: session.capacity,
      seatsLeft: Math.max(0, session.capacity - confirmed),
      waitlistLeft: Math.max(0, session.waitlist - waitlisted),
    };
    seatCache.set(id, { at: Date.now(), body });
    return c.json(body);
  } catch {
    return refuse(c, unavailable(), true);
  }
});
