/**
 * The seat engine: sign-ups for internship and event sessions (one engine for both), the waiting list, cancellation
 * with promotion, the claim window of a promoted seat and its expiry, staff cancellation and deletion, the live count,
 * and the roster. Every SQL statement over `registrations` and its links lives here.
 */
import { mails } from '../../src/i18n/mail';
import type { CatalogSession } from '../../src/lib/catalog';
import { sessionCalendar } from '../../src/lib/ics';
import { emailKey } from '../../src/schemas/fields';
import type { Registration } from '../../src/schemas/registration';
import { loadCatalog, sessionIn } from './catalog';
import { isToken, newReference, newToken, sha256Hex } from './ids';
import { isUniqueViolation } from './intake';
import { links } from './links';
import { enqueue, type OutboxRow, sendAtOnce } from './outbox';
import { afterDay, retention } from './retention';

export type Seat = 'confirmed' | 'waitlisted';
export type SeatStatus = Seat | 'cancelled';

const lastDay = (s: CatalogSession) => [...s.dates].sort().at(-1) ?? s.registrationClosesOn;

const base64 = (text: string) => {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
};

/**
 * The session's calendar file for the confirmation mail, as the outbox stores attachments.
 * The same events (UIDs, times, place, page) as /calendar/<id>.ics, so adding both never duplicates.
 */
export function calendarAttachments(sessionId: string, session: CatalogSession, now: Date) {
  const url = links.page(session.url);
  const ics = sessionCalendar({
    session: { id: sessionId, dates: session.dates, startTime: session.startTime, endTime: session.endTime, place: session.place },
    title: session.title,
    url,
    description: `${session.summary ?? session.title}\n${url}`,
    now,
  });
  return [{ filename: `${sessionId}.ics`, content: base64(ics), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }];
}

/**
 * What a sign-up did. The person's answer is the same for all three (nobody learns whether an address had signed up);
 * what differs is the mail: a new seat or waiting place is confirmed, an address already signed up for the session
 * is told so, and a repeat of the same request (a double click, a retry) writes no mail at all.
 */
export type SignUp = { outcome: 'stored'; status: Seat; mails: OutboxRow[] } | { outcome: 'repeat' | 'already'; mails: OutboxRow[] };

/** A request that reuses another sign-up's idempotency key with other personal data: refused, nothing written. */
export class KeyReused extends Error {}
export class SessionFull extends Error {}

/** The stored form of a sign-up, compared to tell a repeat from a reused key. */
const storedForm = (data: Registration) => {
  const { idempotencyKey: _key, consent: _consent, supportNeeds, ...payload } = data;
  return { payload: JSON.stringify(payload), supportNeeds: supportNeeds ?? null };
};

/** A repeat when the key's first sign-up holds exactly this request's data; else the key was reused. */
async function repeatOf(db: D1Database, key: string, data: Registration): Promise<boolean | null> {
  const first = await db
    .prepare('SELECT session_id, payload, support_needs FROM registrations WHERE idempotency_key = ?1')
    .bind(key)
    .first<{ session_id: string; payload: string; support_needs: string | null }>();
  if (!first) return null;
  const mine = storedForm(data);
  if (first.session_id === data.sessionId && first.payload === mine.payload && first.support_needs === mine.supportNeeds) return true;
  throw new KeyReused();
}

/**
 * Takes a seat, else a waiting place, else refuses, in one conditional INSERT: counting and inserting in
 * two statements overbooks under concurrency. The mail is chosen by the status the INSERT decided, and written only
 * for the row this call inserted (by its new reference), never for a row that was already there.
 */
export async function takeSeat(env: Env, data: Registration, session: CatalogSession, now: Date): Promise<SignUp> {
  const db = env.DB;
  const { payload, supportNeeds } = storedForm(data);
  // Without a key from the page's script (no JavaScript), the same content is the same sign-up.
  const idempotencyKey = data.idempotencyKey ?? `c-${(await sha256Hex(JSON.stringify({ payload, supportNeeds }))).slice(0, 40)}`;
  // A repeat is caught by the UNIQUE key on insert, one round trip fewer than looking first; only when the
  // INSERT stored nothing (full) is the key looked up, since a full session cannot raise the violation.

  const reference = newReference();
  const token = newToken();
  const nowIso = now.toISOString();
  const mailArgs = { name: data.name, reference, session, cancelUrl: links.cancel(token) };
  const attachments = calendarAttachments(data.sessionId, session, now);
  const ofStatus = (status: Seat) => ({
    sql: 'EXISTS (SELECT 1 FROM registrations WHERE reference = ?11 AND status = ?12)',
    bind: [reference, status],
  });
  try {
    const [insert, confirmedMail, waitlistedMail] = await db.batch<OutboxRow>([
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
          payload,
          supportNeeds,
          emailKey(data.email),
          session.capacity,
          await sha256Hex(token),
          nowIso,
          afterDay(lastDay(session), retention.supportNeedsDays),
          afterDay(lastDay(session), retention.registrationDays),
          session.waitlist,
        ),
      enqueue(db, { kind: 'registration_confirmed', to: data.email, ...mails.registrationConfirmed(mailArgs), attachments }, now, {
        ...sendAtOnce(env),
        when: ofStatus('confirmed'),
      }),
      enqueue(db, { kind: 'registration_waitlisted', to: data.email, ...mails.registrationWaitlisted(mailArgs) }, now, {
        ...sendAtOnce(env),
        when: ofStatus('waitlisted'),
      }),
    ]);
    if (!insert || insert.meta.changes === 0) {
      if (await repeatOf(db, idempotencyKey, data)) return { outcome: 'repeat', mails: [] };
      throw new SessionFull();
    }
    const queued = [...(confirmedMail?.results ?? []), ...(waitlistedMail?.results ?? [])];
    return { outcome: 'stored', status: confirmedMail?.results.length ? 'confirmed' : 'waitlisted', mails: queued };
  } catch (e) {
    if (isUniqueViolation(e, 'idempotency_key') || isUniqueViolation(e, 'email_key')) {
      // The same request again is a repeat, whichever of its two keys the database named.
      if (await repeatOf(db, idempotencyKey, data)) return { outcome: 'repeat', mails: [] };
    }
    if (isUniqueViolation(e, 'email_key')) {
      // Answered as a new sign-up; the address's owner is told by mail (capped per address like every such mail).
      const already = await enqueue(
        db,
        { kind: 'registration_already', to: data.email, ...mails.registrationAlready({ session }) },
        now,
        sendAtOnce(env),
      ).all<OutboxRow>();
      return { outcome: 'already', mails: already.results };
    }
    if (isUniqueViolation(e, 'reference')) return takeSeat(env, data, session, now);
    throw e;
  }
}

export interface SeatHolder {
  id: number;
  session_id: string;
  status: SeatStatus;
  /** Cancelled because its claim window passed (1), not by the person or staff (0). */
  lapsed?: number;
}

/** Cancelled by the claim-window expiry: it cancelled the row after the window closed. */
const lapsed = (r = '') => `(${r}status = 'cancelled' AND ${r}claim_until IS NOT NULL AND ${r}updated_at > ${r}claim_until) AS lapsed`;

/** A registration by one of the tokens its mails carried; an unknown or malformed token answers null. */
export async function registrationByToken(db: D1Database, token: unknown): Promise<SeatHolder | null> {
  if (!isToken(token)) return null;
  // Looked up by its hash: the token itself is never stored, and equal hashes reveal nothing about near misses.
  // The first mail's token is on the row; later mails' tokens are in registration_links, and each stays valid.
  return db
    .prepare(
      `SELECT id, session_id, status, ${lapsed()} FROM registrations WHERE cancel_token_hash = ?1
       UNION ALL
       SELECT r.id, r.session_id, r.status, ${lapsed('r.')} FROM registration_links l JOIN registrations r ON r.id = l.registration_id
       WHERE l.token_hash = ?1
       LIMIT 1`,
    )
    .bind(await sha256Hex(token))
    .first<SeatHolder>();
}

export const registrationByReference = (db: D1Database, reference: string) =>
  db.prepare('SELECT id, session_id, status FROM registrations WHERE reference = ?1').bind(reference).first<SeatHolder>();

const claimByText = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/**
 * Frees a seat and promotes the first on the waiting list, in one batch. The promoted person holds the seat
 * for the session's claim window and is mailed a link to confirm it; `lapsed` is a seat whose window passed. However
 * many cancel one registration at once, one of them cancels it, promotes and mails.
 */
export async function cancelSeat(
  db: D1Database,
  target: SeatHolder,
  session: CatalogSession,
  now: Date,
  reason: 'cancelled' | 'lapsed' = 'cancelled',
): Promise<void> {
  const nowIso = now.toISOString();
  const promotionId = crypto.randomUUID();
  const newCancelToken = newToken();
  const claimUntil = new Date(now.getTime() + (session.claimHours ?? 48) * 3_600_000);
  const promoted = mails.registrationPromoted({
    session,
    claimUrl: links.claim(newCancelToken),
    cancelUrl: links.cancel(newCancelToken),
    claimBy: claimByText.format(claimUntil),
  });
  const cancelled = reason === 'lapsed' ? mails.registrationLapsed({ session }) : mails.registrationCancelled({ session });
  const emailOf = "(SELECT json_extract(payload, '$.email') FROM registrations WHERE ";
  // This cancellation's own id: only the request whose UPDATE cancelled the row promotes and mails.
  const changeId = crypto.randomUUID();
  const cancelledHere = "EXISTS (SELECT 1 FROM registrations WHERE id = ?11 AND status = 'cancelled' AND change_id = ?12)";
  await db.batch([
    db
      .prepare("UPDATE registrations SET status = 'cancelled', updated_at = ?2, change_id = ?3 WHERE id = ?1 AND status != 'cancelled'")
      .bind(target.id, nowIso, changeId),
    db
      .prepare(
        `UPDATE registrations SET status = 'confirmed', promotion_id = ?1, updated_at = ?2, claim_until = ?5
         WHERE id = (SELECT id FROM registrations WHERE session_id = ?3 AND status = 'waitlisted' ORDER BY id LIMIT 1)
           AND (SELECT COUNT(*) FROM registrations WHERE session_id = ?3 AND status = 'confirmed') < ?4
           AND EXISTS (SELECT 1 FROM registrations WHERE id = ?6 AND change_id = ?7)`,
      )
      .bind(promotionId, nowIso, target.session_id, session.capacity, claimUntil.toISOString(), target.id, changeId),
    // The promotion mail's claim and cancel link; the waiting-list mail's cancel link keeps working too.
    db
      .prepare(
        'INSERT INTO registration_links (token_hash, registration_id, created_at) SELECT ?2, id, ?3 FROM registrations WHERE promotion_id = ?1',
      )
      .bind(promotionId, await sha256Hex(newCancelToken), nowIso),
    enqueue(
      db,
      {
        kind: 'registration_promoted',
        to: { sql: `${emailOf}promotion_id = ?11)` },
        ...promoted,
        attachments: calendarAttachments(target.session_id, session, now),
      },
      now,
      { when: { sql: 'EXISTS (SELECT 1 FROM registrations WHERE promotion_id = ?11)', bind: [promotionId] } },
    ),
    enqueue(db, { kind: `registration_${reason}`, to: { sql: `${emailOf}id = ?11)` }, ...cancelled }, now, {
      when: { sql: cancelledHere, bind: [target.id, changeId] },
    }),
  ]);
}

/** Confirms a seat held after promotion, while its claim window is open; false if it was not (any more) held. */
export async function claimSeat(db: D1Database, target: SeatHolder, now: Date): Promise<boolean> {
  const done = await db
    .prepare(
      "UPDATE registrations SET claim_until = NULL, updated_at = ?2 WHERE id = ?1 AND status = 'confirmed' AND (claim_until IS NULL OR claim_until >= ?2)",
    )
    .bind(target.id, now.toISOString())
    .run();
  return done.meta.changes > 0;
}

/** Seats held past their claim window pass to the next person (the every-minute cron). */
export async function expireClaims(env: Env, now: Date): Promise<number> {
  const lapsed = await env.DB.prepare("SELECT id, session_id, status FROM registrations WHERE status = 'confirmed' AND claim_until < ?1")
    .bind(now.toISOString())
    .all<SeatHolder>();
  if (lapsed.results.length === 0) return 0;
  const catalog = await loadCatalog(env.ASSETS);
  for (const target of lapsed.results) {
    const session = sessionIn(catalog, target.session_id);
    if (session) await cancelSeat(env.DB, target, session, now, 'lapsed');
  }
  return lapsed.results.length;
}

/** Confirmed and waiting counts of one session, for the live count on its page. */
export async function seatCounts(db: D1Database, sessionId: string): Promise<{ confirmed: number; waitlisted: number }> {
  const counts = await db
    .prepare(
      "SELECT SUM(status = 'confirmed') AS confirmed, SUM(status = 'waitlisted') AS waitlisted FROM registrations WHERE session_id = ?1",
    )
    .bind(sessionId)
    .first<{ confirmed: number | null; waitlisted: number | null }>();
  return { confirmed: counts?.confirmed ?? 0, waitlisted: counts?.waitlisted ?? 0 };
}

/** A registration as the staff area shows it. */
export interface RegistrationRow {
  id: number;
  reference: string;
  session_id: string;
  payload: string;
  support_needs: string | null;
  status: SeatStatus;
  created_at: string;
}

/** The roster of one session, in sign-up order (the staff page and its CSV). */
export const roster = (db: D1Database, sessionId: string) =>
  db
    .prepare(
      'SELECT id, reference, session_id, payload, support_needs, status, created_at FROM registrations WHERE session_id = ?1 ORDER BY id',
    )
    .bind(sessionId);

/** Registrations per session and status, for the staff dashboard. */
export const tallyBySession = (db: D1Database) =>
  db.prepare('SELECT session_id AS id, status, COUNT(*) AS n FROM registrations GROUP BY session_id, status');

/**
 * Deletes a registration with its mailed links and reminder marks (a new sign-up can be given the same row id),
 * as statements to run in one batch with the caller's audit line.
 */
export function deleteRegistration(db: D1Database, reference: string): D1PreparedStatement[] {
  const own = 'WHERE registration_id = (SELECT id FROM registrations WHERE reference = ?1)';
  return [
    db.prepare(`DELETE FROM registration_links ${own}`).bind(reference),
    db.prepare(`DELETE FROM reminder_sent ${own}`).bind(reference),
    db.prepare('DELETE FROM registrations WHERE reference = ?1').bind(reference),
  ];
}

/** Confirmed participants of a session not yet sent the reminder `key`, nor holding an unconfirmed promoted seat. */
export async function remindersDue(db: D1Database, sessionId: string, key: string): Promise<{ id: number; email: string }[]> {
  const due = await db
    .prepare(
      `SELECT id, json_extract(payload, '$.email') AS email FROM registrations
       WHERE session_id = ?1 AND status = 'confirmed' AND claim_until IS NULL
         AND id NOT IN (SELECT registration_id FROM reminder_sent WHERE reminder_key = ?2)`,
    )
    .bind(sessionId, key)
    .all<{ id: number; email: string }>();
  return due.results;
}

/**
 * The reminder's mark, its new cancel link and its mail, in one batch: they stand or fall together, and a second run
 * hits the mark's key. The mail carries a link of its own (tokens are stored only as hashes), added beside the
 * earlier mails' links, which keep working. False if this reminder was already written.
 */
export async function recordReminder(
  db: D1Database,
  r: { registrationId: number; email: string; key: string; token: string; mail: { subject: string; body: string } },
  now: Date,
): Promise<boolean> {
  try {
    await db.batch([
      db
        .prepare('INSERT INTO reminder_sent (registration_id, reminder_key, at) VALUES (?1, ?2, ?3)')
        .bind(r.registrationId, r.key, now.toISOString()),
      db
        .prepare('INSERT INTO registration_links (token_hash, registration_id, created_at) VALUES (?1, ?2, ?3)')
        .bind(await sha256Hex(r.token), r.registrationId, now.toISOString()),
      enqueue(db, { kind: 'registration_reminder', to: r.email, ...r.mail }, now),
    ]);
    return true;
  } catch (e) {
    if (isUniqueViolation(e, 'reminder_sent')) return false;
    throw e;
  }
}

/** A condition, for an audit line or a mail in the same batch, that the registration is still there. */
export const registrationExists = (reference: string): { sql: string; bind: unknown[] } => ({
  sql: 'EXISTS (SELECT 1 FROM registrations WHERE reference = ?11)',
  bind: [reference],
});
