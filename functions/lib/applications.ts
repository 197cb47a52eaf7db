/**
 * Job applications: storing one with its CV and mails, the applicant's private status link, withdrawal, and what the
 * staff area reads and changes (stages, handled, deletion). Every SQL statement over `applications` lives here.
 */

import { site } from '../../src/config/site';
import { statusCopy } from '../../src/i18n/ja';
import { mails } from '../../src/i18n/mail';
import type { CatalogJob } from '../../src/lib/catalog';
import { formatDateBoth } from '../../src/lib/dates';
import type { Application } from '../../src/schemas/application';
import { emailKey } from '../../src/schemas/fields';
import { audit } from './audit';
import { isToken, newReference, newToken, sha256Hex } from './ids';
import { isUniqueViolation } from './intake';
import { links } from './links';
import { enqueue, type OutboxRow, sendAtOnce } from './outbox';
import { afterDay, retention } from './retention';

export type ApplicationStatus = 'received' | 'handled' | 'withdrawn';

/** 受付, then the opening's own selection steps (content/jobs). */
export function stagesOf(job: CatalogJob | undefined): { label: string; when?: string | undefined }[] {
  return [
    { label: statusCopy.received },
    ...(job?.selection ?? []).map((s) => ({
      label: s.step,
      when: s.date ? `${formatDateBoth(s.date)}${s.until ? ` 〜 ${formatDateBoth(s.until)}` : ''}` : s.note,
    })),
  ];
}

/** Without a key from the page's script (no JavaScript), the same content is the same application. */
async function contentKey(payload: object, cv: Uint8Array | undefined): Promise<string> {
  return `c-${(await sha256Hex(JSON.stringify(payload) + (cv ? `#${cv.byteLength}` : ''))).slice(0, 40)}`;
}

export interface Stored {
  reference: string;
  created: boolean;
  /** The confirmation, stored already claimed for this request to send (or, locally, already delivered). */
  mails: OutboxRow[];
  /** The private status link, known only when this request stored the application. */
  statusUrl?: string;
}

const firstWithKey = (db: D1Database, key: string) =>
  db.prepare('SELECT reference FROM applications WHERE idempotency_key = ?1').bind(key).first<{ reference: string }>();

/**
 * The application row and its two mails in one batch (one transaction): the confirmation, claimed for this request to
 * send at once, and the notice to the ward, left to the relay. The CV goes to R2 first and is
 * removed again if the batch fails. A repeated idempotency key returns the first application.
 */
export async function storeApplication(
  env: Env,
  data: Application,
  job: { title: string; closesOn: string },
  /** The CV's bytes, already inspected (lib/pdf.ts). */
  cv: Uint8Array | undefined,
  now: Date,
): Promise<Stored> {
  const db = env.DB;
  const { idempotencyKey: given, consent: _consent, ...payload } = data;
  const idempotencyKey = given ?? (await contentKey(payload, cv));
  // A repeat is normally caught by the UNIQUE key on insert (one round trip fewer); with a CV, look first,
  // so a double click does not upload the same file twice.
  if (cv) {
    const existing = await firstWithKey(db, idempotencyKey);
    if (existing) return { reference: existing.reference, created: false, mails: [] };
  }

  const reference = newReference();
  // The private status link: the token goes only into the mail and this answer; the database keeps its hash.
  const statusToken = newToken();
  const statusUrl = links.status(statusToken);
  const cvKey = cv ? `cv/${crypto.randomUUID()}.pdf` : null;
  if (cv && cvKey) await env.DOCUMENTS.put(cvKey, cv, { httpMetadata: { contentType: 'application/pdf' } });

  const received = mails.applicationReceived({ name: data.name, reference, jobTitle: job.title, statusUrl });
  const notice = mails.applicationNotice({ reference, jobTitle: job.title, staffUrl: links.staffApplication(reference) });
  try {
    const results = await db.batch<OutboxRow>([
      db
        .prepare(
          'INSERT INTO applications (reference, job_id, idempotency_key, payload, email_key, cv_key, created_at, purge_after, status_token_hash, stage_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?7)',
        )
        .bind(
          reference,
          data.jobId,
          idempotencyKey,
          JSON.stringify(payload),
          emailKey(data.email),
          cvKey,
          now.toISOString(),
          afterDay(job.closesOn, retention.applicationDays),
          await sha256Hex(statusToken),
        ),
      enqueue(db, { kind: 'application_received', to: data.email, ...received }, now, sendAtOnce(env)),
      // Left to the relay, which sends a burst of notices as one summary mail.
      enqueue(db, { kind: 'application_notice', to: site.mail.notify, ...notice }, now),
    ]);
    // The confirmation only: the notice is the relay's (summarised in bursts), never sent from here as well.
    return { reference, created: true, statusUrl, mails: results[1]?.results ?? [] };
  } catch (e) {
    if (cvKey) await env.DOCUMENTS.delete(cvKey).catch(() => undefined);
    if (isUniqueViolation(e, 'idempotency_key')) {
      const first = await firstWithKey(db, idempotencyKey);
      if (first) return { reference: first.reference, created: false, mails: [] };
    }
    if (isUniqueViolation(e, 'reference')) return storeApplication(env, data, job, cv, now);
    throw e;
  }
}

/** What the applicant's status page shows. */
export interface Tracked {
  reference: string;
  job_id: string;
  status: ApplicationStatus;
  stage: number;
  stage_at: string | null;
  stage_message: string | null;
}

/** Looked up by the token's hash: an unknown, malformed or old token all answer the same. */
export async function applicationByStatusToken(db: D1Database, token: unknown): Promise<Tracked | null> {
  if (!isToken(token)) return null;
  return db
    .prepare('SELECT reference, job_id, status, stage, stage_at, stage_message FROM applications WHERE status_token_hash = ?1')
    .bind(await sha256Hex(token))
    .first<Tracked>();
}

export async function withdraw(db: D1Database, reference: string, now: Date): Promise<void> {
  await db
    .prepare("UPDATE applications SET status = 'withdrawn', stage_at = ?2 WHERE reference = ?1")
    .bind(reference, now.toISOString())
    .run();
}

/** Status-link mails one address can be sent in 24 hours, however many forms ask (nobody can flood an inbox). */
export const RESEND_LIMIT = 3;

/**
 * Sends the status link again to the address given at application, if reference and address match and the address
 * has had fewer than RESEND_LIMIT such mails in 24 hours. The caller answers the same either way, and the work is the
 * same either way too: one batch whose statements find, or do not find, the application in SQL (a lookup first and a
 * batch only on a match took measurably longer on a match, which told who applied).
 */
export async function resendStatusLink(db: D1Database, reference: string, email: string, now: Date): Promise<void> {
  const token = newToken();
  const mail = mails.statusLink({ reference, statusUrl: links.status(token) });
  const key = emailKey(email);
  const since = new Date(now.getTime() - 24 * 3_600_000).toISOString();
  // The limit is checked inside the batch (one transaction) by both the new link and its mail, so requests arriving
  // together cannot pass it together; every spelling of the address counts (its key).
  const match = (ref: string, k: string, s: string) =>
    `EXISTS (SELECT 1 FROM applications WHERE reference = ${ref} AND email_key = ${k})
     AND (SELECT COUNT(*) FROM outbox WHERE kind = 'status_link' AND recipient_key = ${k} AND created_at > ${s}) < ${RESEND_LIMIT}`;
  await db.batch([
    db
      .prepare(`UPDATE applications SET status_token_hash = ?2 WHERE reference = ?1 AND ${match('?1', '?3', '?4')}`)
      .bind(reference, await sha256Hex(token), key, since),
    enqueue(
      db,
      {
        kind: 'status_link',
        // The address as the application gave it, read in the same statement: never the one this request typed.
        to: { sql: "(SELECT json_extract(payload, '$.email') FROM applications WHERE reference = ?11)", key },
        ...mail,
      },
      now,
      { when: { sql: match('?11', '?12', '?13'), bind: [reference, key, since] } },
    ),
  ]);
}

// ---- The staff area ----

export interface ApplicationRow {
  reference: string;
  stage: number;
  job_id: string;
  payload: string;
  cv_key: string | null;
  status: ApplicationStatus;
  created_at: string;
}

/** Applications per opening and status, for the staff dashboard. */
export const tallyByJob = (db: D1Database) =>
  db.prepare('SELECT job_id AS id, status, COUNT(*) AS n FROM applications GROUP BY job_id, status');

/** One opening's applications, oldest first (the staff list and its CSV). */
export const applicationsForJob = (db: D1Database, jobId: string) =>
  db
    .prepare('SELECT reference, job_id, payload, cv_key, status, stage, created_at FROM applications WHERE job_id = ?1 ORDER BY created_at')
    .bind(jobId);

export const applicationByReference = (db: D1Database, reference: string) =>
  db.prepare('SELECT reference, job_id, payload, cv_key, status, stage, created_at FROM applications WHERE reference = ?1').bind(reference);

export const cvKeyOf = (db: D1Database, reference: string) =>
  db.prepare('SELECT cv_key FROM applications WHERE reference = ?1').bind(reference).first<{ cv_key: string | null }>();

export const markHandled = (db: D1Database, reference: string) =>
  db.prepare("UPDATE applications SET status = 'handled' WHERE reference = ?1 AND status = 'received'").bind(reference);

export const exists = async (db: D1Database, reference: string) =>
  (await db.prepare('SELECT 1 FROM applications WHERE reference = ?1').bind(reference).first()) !== null;

/** Where a withdrawal has not stopped it: the opening, the stage and the address to tell. */
export const stageOf = (db: D1Database, reference: string) =>
  db
    .prepare(
      "SELECT job_id, stage, json_extract(payload, '$.email') AS email FROM applications WHERE reference = ?1 AND status != 'withdrawn'",
    )
    .bind(reference)
    .first<{ job_id: string; stage: number; email: string }>();

/**
 * Moves an application to its next stage (below `last`), with an optional word and a new status link, plus the mail
 * that says so and the audit line, in one batch. Two staff moving the same application at once: only the move that
 * happened is mailed and audited. False if nothing moved.
 */
export async function moveStage(
  db: D1Database,
  p: { reference: string; last: number; message: string | null; email: string; staff: string },
  now: Date,
): Promise<boolean> {
  const nowIso = now.toISOString();
  // A new link for the mail: the token is never stored, so the old link stops working.
  const token = newToken();
  const mail = mails.statusChanged({ reference: p.reference, statusUrl: links.status(token) });
  const moved = { sql: 'EXISTS (SELECT 1 FROM applications WHERE reference = ?11 AND stage_at = ?12)', bind: [p.reference, nowIso] };
  const [update] = await db.batch([
    db
      .prepare(
        'UPDATE applications SET stage = stage + 1, stage_at = ?3, stage_message = ?4, status_token_hash = ?5 WHERE reference = ?1 AND stage < ?2',
      )
      .bind(p.reference, p.last, nowIso, p.message, await sha256Hex(token)),
    enqueue(db, { kind: 'status_changed', to: p.email, ...mail }, now, { when: moved }),
    audit(db, p.staff, 'move_stage', p.reference, now, moved),
  ]);
  return (update?.meta.changes ?? 0) > 0;
}

export const jobAndCv = (db: D1Database, reference: string) =>
  db
    .prepare('SELECT job_id, cv_key FROM applications WHERE reference = ?1')
    .bind(reference)
    .first<{ job_id: string; cv_key: string | null }>();

export const deleteApplication = (db: D1Database, reference: string) =>
  db.prepare('DELETE FROM applications WHERE reference = ?1').bind(reference);
