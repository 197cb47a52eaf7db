/**
 * Job alerts by mail: double opt-in subscriptions to the openings of one listing, and the daily or weekly
 * digests of new matching openings, written to the outbox. Tokens are stored only as SHA-256 hashes: each
 * mail carries a fresh token of its own (job_alert_tokens), so every mail's manage and one-click
 * unsubscribe links keep working. An opening is in at most one digest per address, whichever of its alerts matched it first (job_alert_sent).
 */
import { alertMails, alertsCopy, type Frequency } from '../../src/i18n/alerts';
import type { CatalogJob } from '../../src/lib/catalog';
import { todayInTokyo } from '../../src/lib/dates';
import { type FacetName, facets } from '../../src/lib/facets';
import { statusOn } from '../../src/lib/status';
import { loadCatalog } from './catalog';
import { isToken, newToken, sha256Hex } from './ids';
import { links } from './links';
import { enqueue, type OutboxRow, sendAtOnce } from './outbox';

export type Filters = Partial<Record<FacetName, string>>;
export type AlertStatus = 'pending' | 'active' | 'stopped';

const CONFIRM_LIMIT = 3;
const DAY_MS = 24 * 3_600_000;
const PENDING_DAYS = 7;
// A weekly alert is due a little before 7 × 24 h, so a cron that fires a few minutes late never skips a week.
const WEEK_MS = 7 * DAY_MS - 3_600_000;

const FACET_NAMES = Object.keys(facets) as FacetName[];

const labelOf = (v: string | { label: string }) => (typeof v === 'string' ? v : v.label);

/** Only known facet keys survive; anything else is dropped (an unknown filter is no filter). */
export function parseFilters(fields: Record<string, unknown>): Filters {
  const filters: Filters = {};
  for (const name of FACET_NAMES) {
    const value = fields[name];
    if (typeof value === 'string' && Object.hasOwn(facets[name].vocab, value)) filters[name] = value;
  }
  return filters;
}

export const parseFrequency = (value: unknown): Frequency => (value === 'weekly' ? 'weekly' : 'daily');

const vocabLabel = (name: FacetName, key: string): string =>
  labelOf((facets[name].vocab as Record<string, string | { label: string }>)[key] ?? key);

/** An alert's stored filters (JSON), read as parseFilters reads a form: anything unreadable is no filter. */
export function filtersOf(json: string): Filters {
  try {
    return parseFilters(JSON.parse(json) as Record<string, unknown>);
  } catch {
    return {};
  }
}

/** The condition in words, e.g. 「経験者採用」, or 「すべての募集」. */
export function conditionOf(filters: Filters): string {
  const parts = FACET_NAMES.flatMap((name) => (filters[name] ? [vocabLabel(name, filters[name])] : []));
  return parts.length ? parts.join('・') : alertsCopy.allCondition;
}

function matches(job: CatalogJob, filters: Filters): boolean {
  return FACET_NAMES.every((name) => {
    const key = filters[name];
    return !key || job[facets[name].field] === vocabLabel(name, key);
  });
}

/** RFC 8058 one-click unsubscribe, on every alert mail. */
const unsubscribeHeaders = (token: string) => ({
  'List-Unsubscribe': `<${links.alertUnsubscribe(token)}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

/**
 * Stores a pending alert and its confirmation mail (already claimed, for the request to send) in one batch,
 * unless the address already had CONFIRM_LIMIT confirmation mails in the last 24 hours: then nothing is
 * stored or sent. The caller answers the same either way.
 */
export async function subscribe(
  env: Env,
  input: { email: string; emailKey: string; filters: Filters; frequency: Frequency },
  now: Date,
): Promise<OutboxRow[]> {
  const db = env.DB;
  const nowIso = now.toISOString();
  const confirmToken = newToken();
  const manageToken = newToken();
  const confirmHash = await sha256Hex(confirmToken);
  const mail = alertMails.confirm({
    condition: conditionOf(input.filters),
    frequency: input.frequency,
    confirmUrl: links.alertConfirm(confirmToken),
    manageUrl: links.alertManage(manageToken),
  });
  const [, , queued] = await db.batch([
    db
      .prepare(
        `INSERT INTO job_alerts (email, email_key, filters, frequency, status, confirm_token_hash, created_at, expires_at)
         SELECT ?1, ?2, ?3, ?4, 'pending', ?5, ?6, ?7
         WHERE (SELECT COUNT(*) FROM job_alerts WHERE email_key = ?2 AND created_at > ?8) < ?9`,
      )
      .bind(
        input.email,
        input.emailKey,
        JSON.stringify(input.filters),
        input.frequency,
        confirmHash,
        nowIso,
        new Date(now.getTime() + PENDING_DAYS * DAY_MS).toISOString(),
        new Date(now.getTime() - DAY_MS).toISOString(),
        CONFIRM_LIMIT,
      ),
    db
      .prepare(
        'INSERT INTO job_alert_tokens (token_hash, alert_id, created_at) SELECT ?1, id, ?2 FROM job_alerts WHERE confirm_token_hash = ?3',
      )
      .bind(await sha256Hex(manageToken), nowIso, confirmHash),
    // Only if the alert above was stored (the address was under its limit).
    enqueue(db, { kind: 'alert_confirm', to: input.email, ...mail, headers: unsubscribeHeaders(manageToken) }, now, {
      ...sendAtOnce(env),
      when: { sql: 'EXISTS (SELECT 1 FROM job_alerts WHERE confirm_token_hash = ?11)', bind: [confirmHash] },
    }),
  ]);
  return (queued?.results ?? []) as OutboxRow[];
}

export interface Alert {
  id: number;
  filters: string;
  frequency: Frequency;
  status: AlertStatus;
  expires_at: string | null;
}

/** An alert by one of its manage tokens; an unknown or malformed token answers null. */
export async function alertByToken(db: D1Database, token: unknown): Promise<Alert | null> {
  if (!isToken(token)) return null;
  return db
    .prepare(
      `SELECT a.id, a.filters, a.frequency, a.status, a.expires_at FROM job_alert_tokens t JOIN job_alerts a ON a.id = t.alert_id
       WHERE t.token_hash = ?1`,
    )
    .bind(await sha256Hex(token))
    .first<Alert>();
}

/** A pending alert by its confirmation token, while it has not expired. */
export async function pendingByConfirmToken(db: D1Database, token: unknown, now: Date): Promise<Alert | null> {
  if (!isToken(token)) return null;
  return db
    .prepare(
      `SELECT id, filters, frequency, status, expires_at FROM job_alerts
       WHERE confirm_token_hash = ?1 AND status = 'pending' AND expires_at > ?2`,
    )
    .bind(await sha256Hex(token), now.toISOString())
    .first<Alert>();
}

/**
 * Confirms a pending alert and returns a fresh manage token, or null when the token is unknown, used or
 * expired. An active alert of the same address with the same filters is replaced (stopped) by this one.
 */
export async function confirm(env: Env, token: unknown, now: Date): Promise<string | null> {
  const db = env.DB;
  const alert = await pendingByConfirmToken(db, token, now);
  if (!alert) return null;
  const nowIso = now.toISOString();
  const manageToken = newToken();
  const [confirmed] = await db.batch([
    db
      .prepare(
        `UPDATE job_alerts SET status = 'active', confirmed_at = ?2, confirm_token_hash = NULL, expires_at = NULL
         WHERE id = ?1 AND status = 'pending' AND expires_at > ?2`,
      )
      .bind(alert.id, nowIso),
    db
      .prepare(
        `UPDATE job_alerts SET status = 'stopped', stopped_at = ?2, email = ''
         WHERE status = 'active' AND id != ?1
           AND email_key = (SELECT email_key FROM job_alerts WHERE id = ?1) AND filters = (SELECT filters FROM job_alerts WHERE id = ?1)
           AND (SELECT status FROM job_alerts WHERE id = ?1) = 'active'`,
      )
      .bind(alert.id, nowIso),
    db
      .prepare(
        "INSERT INTO job_alert_tokens (token_hash, alert_id, created_at) SELECT ?1, id, ?2 FROM job_alerts WHERE id = ?3 AND status = 'active'",
      )
      .bind(await sha256Hex(manageToken), nowIso, alert.id),
  ]);
  return confirmed && confirmed.meta.changes > 0 ? manageToken : null;
}

/** Stops an alert for good: no mail is ever written for it again, and its address is forgotten. */
/**
 * Stops an alert and erases its address at once, as the privacy notice says: from the alert (address and its
 * comparison key) and from the stored copies of the alert mails already sent to it, unless another alert of the same
 * address is still running. Only the record that a stopped alert existed stays, for 30 days.
 */
export async function stop(db: D1Database, alertId: number, now: Date): Promise<void> {
  await db.batch([
    db
      .prepare(
        `UPDATE outbox SET recipient = '', recipient_key = NULL
         WHERE kind IN ('alert_confirm', 'alert_digest') AND status IN ('sent', 'parked')
           AND recipient_key = (SELECT email_key FROM job_alerts WHERE id = ?1 AND status != 'stopped')
           AND NOT EXISTS (SELECT 1 FROM job_alerts o WHERE o.id != ?1 AND o.status != 'stopped'
             AND o.email_key = (SELECT email_key FROM job_alerts WHERE id = ?1))`,
      )
      .bind(alertId),
    db
      .prepare(
        "UPDATE job_alerts SET status = 'stopped', stopped_at = ?2, email = '', email_key = '', confirm_token_hash = NULL WHERE id = ?1 AND status != 'stopped'",
      )
      .bind(alertId, now.toISOString()),
  ]);
}

export async function setFrequency(db: D1Database, alertId: number, frequency: Frequency): Promise<void> {
  await db.prepare("UPDATE job_alerts SET frequency = ?2 WHERE id = ?1 AND status = 'active'").bind(alertId, frequency).run();
}

interface Due {
  id: number;
  email: string;
  email_key: string;
  filters: string;
  frequency: Frequency;
  confirmed_at: string;
  last_digest_at: string | null;
}

function isDue(alert: Due, now: Date): boolean {
  if (alert.frequency === 'daily') return !alert.last_digest_at || todayInTokyo(new Date(alert.last_digest_at)) < todayInTokyo(now);
  return now.getTime() - new Date(alert.last_digest_at ?? alert.confirmed_at).getTime() >= WEEK_MS;
}

/**
 * Writes the digests that are due into the outbox (the relay sends them): for each active alert, daily once
 * per Japan day, weekly after 7 days, the openings open today that match its filters, opened on or after
 * the day it was confirmed, and never sent to it before. An alert with nothing new gets no mail. Each alert
 * is claimed by this run before its mail is written, in the same batch, so two runs never send twice.
 * Also deletes pending alerts whose confirmation expired.
 */
export async function sendDigests(env: Env, now: Date): Promise<{ sent: number }> {
  const db = env.DB;
  const nowIso = now.toISOString();
  await db.batch([
    db
      .prepare("DELETE FROM job_alert_tokens WHERE alert_id IN (SELECT id FROM job_alerts WHERE status = 'pending' AND expires_at <= ?1)")
      .bind(nowIso),
    db.prepare("DELETE FROM job_alerts WHERE status = 'pending' AND expires_at <= ?1").bind(nowIso),
  ]);

  const today = todayInTokyo(now);
  const open = Object.entries((await loadCatalog(env.ASSETS)).jobs).filter(([, job]) => statusOn(job, today) === 'open');
  if (!open.length) return { sent: 0 };
  const alerts = (
    await db
      .prepare(
        "SELECT id, email, email_key, filters, frequency, confirmed_at, last_digest_at FROM job_alerts WHERE status = 'active' ORDER BY id",
      )
      .all<Due>()
  ).results.filter((a) => isDue(a, now));
  if (!alerts.length) return { sent: 0 };

  // An opening is in at most one digest per subscriber (address), whichever of their alerts matched it first.
  const sentRows = await db
    .prepare(
      `SELECT a.email_key, s.job_id FROM job_alert_sent s JOIN job_alerts a ON a.id = s.alert_id
       WHERE a.email_key IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify([...new Set(alerts.map((a) => a.email_key))]))
    .all<{ email_key: string; job_id: string }>();
  const sentKey = (emailKey: string, jobId: string) => `${emailKey}\u0000${jobId}`;
  const already = new Set(sentRows.results.map((r) => sentKey(r.email_key, r.job_id)));

  const run = crypto.randomUUID();
  let sent = 0;
  for (const alert of alerts) {
    const filters = filtersOf(alert.filters);
    const since = todayInTokyo(new Date(alert.confirmed_at));
    const jobs = open
      .filter(([id, job]) => job.opensOn >= since && matches(job, filters) && !already.has(sentKey(alert.email_key, id)))
      .sort(([a, x], [b, y]) => x.opensOn.localeCompare(y.opensOn) || a.localeCompare(b));
    const claim = db
      .prepare("UPDATE job_alerts SET last_digest_at = ?2, digest_run = ?3 WHERE id = ?1 AND status = 'active' AND last_digest_at IS ?4")
      .bind(alert.id, nowIso, run, alert.last_digest_at);
    if (!jobs.length) {
      await claim.run(); // checked: a weekly alert keeps its rhythm
      continue;
    }
    const token = newToken();
    const mail = alertMails.digest({
      condition: conditionOf(filters),
      frequency: alert.frequency,
      jobs: jobs.map(([id, job]) => ({
        title: job.title,
        url: links.page(`/jobs/${id}/`),
        opensOn: job.opensOn,
        closesOn: job.closesOn,
      })),
      manageUrl: links.alertManage(token),
    });
    const [, queued] = await db.batch([
      claim,
      enqueue(db, { kind: 'alert_digest', to: alert.email, ...mail, headers: unsubscribeHeaders(token) }, now, {
        when: {
          sql: "EXISTS (SELECT 1 FROM job_alerts WHERE id = ?11 AND status = 'active' AND digest_run = ?12 AND last_digest_at = ?13)",
          bind: [alert.id, run, nowIso],
        },
      }),
      db
        .prepare(
          `INSERT OR IGNORE INTO job_alert_sent (alert_id, job_id, sent_at)
           SELECT ?1, value, ?3 FROM json_each(?4) WHERE EXISTS (SELECT 1 FROM job_alerts WHERE id = ?1 AND digest_run = ?2 AND last_digest_at = ?3)`,
        )
        .bind(alert.id, run, nowIso, JSON.stringify(jobs.map(([id]) => id))),
      db
        .prepare(
          'INSERT INTO job_alert_tokens (token_hash, alert_id, created_at) SELECT ?1, id, ?3 FROM job_alerts WHERE id = ?2 AND digest_run = ?4 AND last_digest_at = ?3',
        )
        .bind(await sha256Hex(token), alert.id, nowIso, run),
    ]);
    if (queued && queued.meta.changes > 0) {
      sent++;
      for (const [id] of jobs) already.add(sentKey(alert.email_key, id)); // the address's other alerts in this run
    }
  }
  return { sent };
}
