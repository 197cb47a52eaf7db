/**
 * The mail outbox. A submission and its mails are written in one D1 batch (one transaction); sending
 * happens afterwards: a first try in the background of the request, then this relay on a cron, with
 * backoff and jitter, at most once per message (its row id is Resend's idempotency key), parking a
 * message that keeps failing and alerting the ward.
 */

import { site } from '../../src/config/site';
import { type Mail, mails } from '../../src/i18n/mail';
import { emailKey } from '../../src/schemas/fields';
import { links } from './links';
import { type OutgoingMail, type SendResult, sendBatch, sendMail } from './mail';

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 5 * 60_000;

export interface Envelope extends Mail {
  kind: string;
  /**
   * The address, or an SQL expression that reads it in the same statement (over the condition's parameters ?11 …),
   * then with the key of the address it must be (for the daily cap).
   */
  to: string | { sql: string; key?: string };
  attachments?: { filename: string; content: string; contentType?: string }[];
  headers?: Record<string, string>;
}

/** The columns a sender needs, as every INSERT and claim returns them. */
export const OUTBOX_RETURNING = 'RETURNING id, kind, recipient, subject, body, attachments, headers, attempts, status';

/**
 * A condition in SQL, over parameters ?11, ?12 …, under which a mail is queued: checked when the statement runs, in
 * the same batch (one transaction) as the change the mail reports, so that a change that did not happen, or a limit
 * already reached, queues nothing.
 */
export interface QueueCondition {
  sql: string;
  bind: unknown[];
}

/** How soon each kind goes out: 0 someone is waiting for it, 1 a reminder, 2 (default) notices and digests. */
const PRIORITY: Record<string, 0 | 1> = {
  application_received: 0,
  registration_confirmed: 0,
  registration_waitlisted: 0,
  registration_already: 0,
  registration_promoted: 0,
  registration_cancelled: 0,
  registration_lapsed: 0,
  status_link: 0,
  status_changed: 0,
  alert_confirm: 0,
  registration_reminder: 1,
};

/**
 * Mails that anyone can cause to an address they type, at most MAIL_CAP a day per address, counted over all these
 * kinds together and over every spelling of the address (case, full-width, a +tag): nobody can make the site flood
 * someone's inbox. What was submitted is stored all the same; only the mail is not written.
 */
const CAPPED = [
  'application_received',
  'registration_confirmed',
  'registration_waitlisted',
  'registration_already',
  'alert_confirm',
  'status_link',
];
export const MAIL_CAP = 10;
const DAY_MS = 24 * 3_600_000;

/**
 * The one way a mail enters the outbox: an INSERT, to go into the same batch as the row it belongs to. With
 * `claimed`, the row is stored already claimed (sending, with a lease, first attempt counted) for the request to send
 * at once, saving a round trip; if that request dies, the lease runs out and the cron relay sends it. With `delivered`
 * (locally, without a provider: see `sendAtOnce`), the outbox is the mailbox and the row is stored as sent. A capped
 * kind is written only while its address is under the daily cap, checked in the same statement.
 */
export function enqueue(
  db: D1Database,
  mail: Envelope,
  now: Date,
  { claimed = false, delivered = false, when }: { claimed?: boolean; delivered?: boolean; when?: QueueCondition } = {},
): D1PreparedStatement {
  const typed = typeof mail.to === 'string';
  const recipient = typeof mail.to === 'string' ? '?2' : mail.to.sql;
  const key = typeof mail.to === 'string' ? emailKey(mail.to) : (mail.to.key ?? null);
  const capped = key !== null && CAPPED.includes(mail.kind);
  // The cap's parameters come after the caller's (?11 …).
  const k = 11 + (when?.bind.length ?? 0);
  const conditions = [
    ...(when ? [when.sql] : []),
    ...(capped
      ? [
          `(SELECT COUNT(*) FROM outbox WHERE recipient_key = ?${k} AND created_at > ?${k + 1} AND kind IN (SELECT value FROM json_each(?${k + 2}))) < ${MAIL_CAP}`,
        ]
      : []),
  ];
  const values = `?1, ${recipient}, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ${PRIORITY[mail.kind] ?? 2}, ${key === null ? 'NULL' : `?${k}`}, ${delivered ? '?9' : 'NULL'}`;
  const conditional = conditions.length > 0 || !typed;
  return db
    .prepare(
      `INSERT INTO outbox (kind, recipient, subject, body, attachments, status, attempts, lease_until, next_attempt_at, created_at, headers, priority, recipient_key, sent_at)
       ${conditional ? `SELECT ${values} WHERE ${conditions.join(' AND ') || '1'}` : `VALUES (${values})`} ${OUTBOX_RETURNING}`,
    )
    .bind(
      mail.kind,
      typed ? mail.to : null,
      mail.subject,
      mail.body,
      mail.attachments ? JSON.stringify(mail.attachments) : null,
      delivered ? 'sent' : claimed ? 'sending' : 'pending',
      claimed || delivered ? 1 : 0,
      claimed && !delivered ? leaseUntil(now) : null,
      now.toISOString(),
      mail.headers ? JSON.stringify(mail.headers) : null,
      ...(when?.bind ?? []),
      ...(key === null ? [] : [key]),
      ...(capped ? [new Date(now.getTime() - DAY_MS).toISOString(), JSON.stringify(CAPPED)] : []),
    );
}

/**
 * How a request stores a mail it sends at once: claimed, for `deliver` to send and settle; or, locally without a
 * provider, already delivered to the local outbox (there is nothing to send, so settling it would be a round trip
 * for nothing).
 */
export function sendAtOnce(env: Env): { claimed: true } | { delivered: true } {
  if (env.RESEND_API_KEY) return { claimed: true };
  sayLocal();
  return { delivered: true };
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
  /** 'sent' when stored already delivered to the local outbox (sendAtOnce): nothing left to do. */
  status?: string;
}

export interface RelayReport {
  sent: number;
  failed: number;
  parked: number;
}

let saidLocal = false;
/** Said once per isolate, not once per mail: a log line per request cost as much CPU as a D1 round trip locally. */
function sayLocal() {
  if (saidLocal) return;
  saidLocal = true;
  console.log('no RESEND_API_KEY: mail is kept in the local outbox (npm run outbox)');
}

/** Mails sent in one request to the provider's batch endpoint (Resend accepts up to 100). */
const BATCH_SIZE = 100;

/**
 * Sends what is due: mail a person is waiting for first (priority 0), then reminders, then notices and digests, each
 * oldest first, so a flood of notices never holds back a promotion's claim link. Due rows are claimed in one
 * statement (pending → sending, with a lease), so two relays never send the same row; the outcomes are written back in
 * one batch. Bursts of notices to the ward are summarised into one mail first. `onlyIds` limits a run to a request's
 * own mails. `spacingMs` keeps under the provider's ~2 requests/s.
 */
export async function relay(
  env: Env,
  { now = new Date(), limit = 400, spacingMs = 550, onlyIds }: { now?: Date; limit?: number; spacingMs?: number; onlyIds?: number[] } = {},
): Promise<RelayReport> {
  const db = env.DB;
  const nowIso = now.toISOString();
  const lease = leaseUntil(now);
  if (!onlyIds) {
    // The cron also takes back rows whose sender vanished (its lease ran out); a request's own try need not.
    await db.prepare("UPDATE outbox SET status = 'pending' WHERE status = 'sending' AND lease_until < ?1").bind(nowIso).run();
    await summariseNotices(db, now);
  }
  const claimed = await db
    .prepare(
      `UPDATE outbox SET status = 'sending', lease_until = ?2, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?1
           AND (?3 IS NULL OR id IN (SELECT value FROM json_each(?3)))
         ORDER BY priority, id LIMIT ?4)
       AND status = 'pending'
       ${OUTBOX_RETURNING}`,
    )
    .bind(nowIso, lease, onlyIds ? JSON.stringify(onlyIds) : null, onlyIds ? onlyIds.length : limit)
    .all<OutboxRow>();

  return deliver(env, claimed.results, { now, spacingMs });
}

/** Notices to the ward listed in one summary mail, at most; the rest are counted. */
const SUMMARY_LINES = 50;

/**
 * Two or more pending notices to the ward (one per application) become one summary mail, in one batch: the notices
 * are marked sent as part of it, and the summary lists them (their subjects carry opening and reference, never
 * personal data). A flood of 2,000 applications thus costs the ward's inbox one mail a minute, not 2,000.
 */
async function summariseNotices(db: D1Database, now: Date): Promise<void> {
  const pending = await db
    .prepare("SELECT id, subject FROM outbox WHERE kind = 'application_notice' AND status = 'pending' ORDER BY id")
    .all<{ id: number; subject: string }>();
  if (pending.results.length < 2) return;
  const ids = pending.results.map((r) => r.id);
  const summary = mails.applicationNoticeSummary({
    count: ids.length,
    lines: pending.results.slice(0, SUMMARY_LINES).map((r) => r.subject),
    staffUrl: links.page('/staff/'),
  });
  await db.batch([
    db
      .prepare(
        "UPDATE outbox SET status = 'sent', sent_at = ?2, last_error = 'summarised' WHERE id IN (SELECT value FROM json_each(?1)) AND status = 'pending'",
      )
      .bind(JSON.stringify(ids), now.toISOString()),
    enqueue(db, { kind: 'application_notice_summary', to: site.mail.notify, ...summary }, now),
  ]);
}

/** What stays of a sent mail: the text without its private links (a token opens, withdraws or cancels). */
export const redactTokens = (text: string) => text.replace(/([?&]token=)[A-Za-z0-9_-]+/g, '$1（送信済みのため削除）');

/**
 * Sends rows already claimed (status 'sending') and writes every outcome back in one batch: sent (with its private
 * links removed from the stored copy); or pending again after a backoff; or parked, with an alert to the ward, after
 * a refusal or the last attempt. First attempts without attachments go through the provider's batch endpoint, up to
 * 100 a request; retries and mails with attachments go one by one, each under its own idempotency key.
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
  const record = (row: OutboxRow, result: SendResult) => {
    if (result.ok) {
      // Locally (no provider) the outbox is the mailbox and keeps the links; a mail really sent keeps none.
      const keep = result.local ? row : { ...row, body: redactTokens(row.body), headers: row.headers ? redactTokens(row.headers) : null };
      outcomes.push(
        db
          .prepare(
            "UPDATE outbox SET status = 'sent', sent_at = ?2, lease_until = NULL, last_error = NULL, body = ?3, headers = ?4 WHERE id = ?1",
          )
          .bind(row.id, nowIso, keep.body, keep.headers ?? null),
      );
      if (result.local) local++;
      report.sent++;
    } else if (!result.retryable || row.attempts >= MAX_ATTEMPTS) {
      outcomes.push(
        db
          .prepare("UPDATE outbox SET status = 'parked', lease_until = NULL, last_error = ?2, body = ?3, headers = ?4 WHERE id = ?1")
          .bind(row.id, result.error, redactTokens(row.body), row.headers ? redactTokens(row.headers) : null),
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
  };
  const outgoing = (row: OutboxRow): OutgoingMail => ({
    to: row.recipient,
    subject: row.subject,
    text: row.body,
    attachments: row.attachments ? JSON.parse(row.attachments) : undefined,
    headers: row.headers ? JSON.parse(row.headers) : undefined,
  });
  // Claimed in priority order; kept in it. Rows stored as delivered (locally, sendAtOnce) need no send and no write.
  const rows = claimed.filter((r) => r.status !== 'sent');
  if (rows.length === 0) return report;
  const batchable = rows.filter((r) => r.attempts <= 1 && !r.attachments);
  const single = rows.filter((r) => !batchable.includes(r));
  let requests = 0;
  const pace = async () => {
    if (requests++ > 0 && spacingMs > 0) await new Promise((r) => setTimeout(r, spacingMs));
  };
  for (const row of single) {
    await pace();
    record(row, await sendMail(env, outgoing(row), `outbox-${row.id}`));
  }
  for (let i = 0; i < batchable.length; i += BATCH_SIZE) {
    const chunk = batchable.slice(i, i + BATCH_SIZE);
    await pace();
    const result =
      chunk.length === 1 && chunk[0]
        ? await sendMail(env, outgoing(chunk[0]), `outbox-${chunk[0].id}`)
        : // A row is batched only on its first attempt, so the first id names its batch for good.
          await sendBatch(env, chunk.map(outgoing), `outbox-batch-${chunk[0]?.id}-${chunk.length}`);
    for (const row of chunk) record(row, result);
  }
  if (outcomes.length) await db.batch(outcomes);
  if (local) sayLocal();
  return report;
}
