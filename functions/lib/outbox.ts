/**
 * The mail outbox. A submission and its mails are written in one D1 batch (one transaction); sending
 * happens afterwards: a first try in the background of the request, then this relay on a cron, with
 * backoff and jitter, at most once per message (its row id is Resend's idempotency key), parking a
 * message that keeps failing and alerting the ward.
 */
import { type Mail, mails } from '../../src/i18n/mail';
import { site } from '../../src/site.config';
import { sendMail } from './mail';

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 5 * 60_000;

export interface Envelope extends Mail {
  kind: string;
  /** The address, or an SQL expression that reads it in the same statement (over the condition's parameters ?11 …). */
  to: string | { sql: string };
  attachments?: { filename: string; content: string; contentType?: string }[];
  headers?: Record<string, string>;
}

/** The columns a sender needs, as every INSERT and claim returns them. */
export const OUTBOX_RETURNING = 'RETURNING id, kind, recipient, subject, body, attachments, headers, attempts';

/**
 * A condition in SQL, over parameters ?11, ?12 …, under which a mail is queued: checked when the statement runs, in
 * the same batch (one transaction) as the change the mail reports, so that a change that did not happen, or a limit
 * already reached, queues nothing.
 */
export interface QueueCondition {
  sql: string;
  bind: unknown[];
}

/**
 * The one way a mail enters the outbox: an INSERT, to go into the same batch as the row it belongs to. With
 * `claimed`, the row is stored already claimed (sending, with a lease, first attempt counted) for the request to send
 * at once, saving a round trip; if that request dies, the lease runs out and the cron relay sends it.
 */
export function enqueue(
  db: D1Database,
  mail: Envelope,
  now: Date,
  { claimed = false, when }: { claimed?: boolean; when?: QueueCondition } = {},
): D1PreparedStatement {
  const recipient = typeof mail.to === 'string' ? '?2' : mail.to.sql;
  const values = `?1, ${recipient}, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10`;
  const conditional = when !== undefined || typeof mail.to !== 'string';
  return db
    .prepare(
      `INSERT INTO outbox (kind, recipient, subject, body, attachments, status, attempts, lease_until, next_attempt_at, created_at, headers)
       ${conditional ? `SELECT ${values} WHERE ${when?.sql ?? '1'}` : `VALUES (${values})`} ${OUTBOX_RETURNING}`,
    )
    .bind(
      mail.kind,
      typeof mail.to === 'string' ? mail.to : null,
      mail.subject,
      mail.body,
      mail.attachments ? JSON.stringify(mail.attachments) : null,
      claimed ? 'sending' : 'pending',
      claimed ? 1 : 0,
      claimed ? leaseUntil(now) : null,
      now.toISOString(),
      mail.headers ? JSON.stringify(mail.headers) : null,
      ...(when?.bind ?? []),
    );
}

/** Until when a claimed row is left to its sender. */
export const leaseUntil = (now: Date) => new Date(now.getTime() + LEASE_MS).toISOString();

/** Exponential backoff from 30 s to 6 h, with ±50 % jitter so failed mails do not retry in step. */
export function backoffMs(attempts: number, random = Math.random()): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
  return Math.round(base * (0.5 + random));
}

export interface OutboxRow {
  id: number;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  attachments: string | null;
  headers?: string | null;
  attempts: number;
}

export interface RelayReport {
  sent: number;
  failed: number;
  parked: number;
}

/**
 * Sends what is due, oldest first. `spacingMs` keeps under Resend's ~2 requests/s.
 * Due rows are claimed in one statement (pending → sending, with a lease), so two relays never send the
 * same row; the outcomes are written back in one batch. `onlyIds` limits a run to a request's own mails.
 */
export async function relay(
  env: Env,
  { now = new Date(), limit = 40, spacingMs = 550, onlyIds }: { now?: Date; limit?: number; spacingMs?: number; onlyIds?: number[] } = {},
): Promise<RelayReport> {
  const db = env.DB;
  const nowIso = now.toISOString();
  const lease = leaseUntil(now);
  // The cron also takes back rows whose sender vanished (its lease ran out); a request's own try need not.
  if (!onlyIds) await db.prepare("UPDATE outbox SET status = 'pending' WHERE status = 'sending' AND lease_until < ?1").bind(nowIso).run();
  const claimed = await db
    .prepare(
      `UPDATE outbox SET status = 'sending', lease_until = ?2, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?1
           AND (?3 IS NULL OR id IN (SELECT value FROM json_each(?3)))
         ORDER BY id LIMIT ?4)
       AND status = 'pending'
       ${OUTBOX_RETURNING}`,
    )
    .bind(nowIso, lease, onlyIds ? JSON.stringify(onlyIds) : null, onlyIds ? onlyIds.length : limit)
    .all<OutboxRow>();

  return deliver(env, claimed.results, { now, spacingMs });
}

/**
 * Sends rows already claimed (status 'sending') and writes every outcome back in one batch: sent; or
 * pending again after a backoff; or parked, with an alert to the ward, after a refusal or the last attempt.
 */
export async function deliver(
  env: Env,
  claimed: OutboxRow[],
  { now = new Date(), spacingMs = 0 }: { now?: Date; spacingMs?: number } = {},
): Promise<RelayReport> {
  const db = env.DB;
  const nowIso = now.toISOString();
  const report: RelayReport = { sent: 0, failed: 0, parked: 0 };
  const outcomes: D1PreparedStatement[] = [];
  let local = 0;
  const rows = [...claimed].sort((a, b) => a.id - b.id);
  for (const [i, row] of rows.entries()) {
    if (i > 0 && spacingMs > 0) await new Promise((r) => setTimeout(r, spacingMs));
    const result = await sendMail(
      env,
      {
        to: row.recipient,
        subject: row.subject,
        text: row.body,
        attachments: row.attachments ? JSON.parse(row.attachments) : undefined,
        headers: row.headers ? JSON.parse(row.headers) : undefined,
      },
      `outbox-${row.id}`,
    );
    if (result.ok) {
      outcomes.push(
        db
          .prepare("UPDATE outbox SET status = 'sent', sent_at = ?2, lease_until = NULL, last_error = NULL WHERE id = ?1")
          .bind(row.id, nowIso),
      );
      if (result.local) local++;
      report.sent++;
    } else if (!result.retryable || row.attempts >= MAX_ATTEMPTS) {
      outcomes.push(
        db.prepare("UPDATE outbox SET status = 'parked', lease_until = NULL, last_error = ?2 WHERE id = ?1").bind(row.id, result.error),
      );
      // One alert per parked message; an alert that fails itself is not alerted again.
      if (row.kind !== 'relay_parked') {
        const alert = mails.relayParked({ outboxId: row.id, kind: row.kind, attempts: row.attempts });
        outcomes.push(enqueue(db, { kind: 'relay_parked', to: site.mail.notify, ...alert }, now));
      }
      console.error(`mail #${row.id} (${row.kind}) parked after ${row.attempts} attempts: ${result.error}`);
      report.parked++;
    } else {
      outcomes.push(
        db
          .prepare("UPDATE outbox SET status = 'pending', lease_until = NULL, last_error = ?2, next_attempt_at = ?3 WHERE id = ?1")
          .bind(row.id, result.error, new Date(now.getTime() + backoffMs(row.attempts)).toISOString()),
      );
      report.failed++;
    }
  }
  if (outcomes.length) await db.batch(outcomes);
  if (local) console.log(`${local} mail(s) kept in the local outbox (no RESEND_API_KEY): npm run outbox`);
  return report;
}
