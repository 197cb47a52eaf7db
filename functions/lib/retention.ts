/**
 * How long submissions are kept, as the privacy notice states (content/pages/privacy.md), and the purge.
 */

import { type SiteConfig, site } from '../../src/config/site';
import { tokyoIso } from '../../src/lib/dates';

const DAY = 86_400_000;
/** How many days each kind is kept: the site config's (src/site.config.ts), which the privacy notice states. */
export const retention: Readonly<SiteConfig['retention']> = site.retention;

export const afterDay = (day: string, days: number) => new Date(new Date(tokyoIso(day, '23:59')).getTime() + days * DAY).toISOString();

export interface PurgeReport {
  applications: number;
  documents: number;
  registrations: number;
  supportNeeds: number;
  mails: number;
  alerts: number;
}

/** Deletes what has passed its retention period. Runs daily from the cron. */
export async function purge(env: Env, now = new Date()): Promise<PurgeReport> {
  const nowIso = now.toISOString();
  const db = env.DB;
  const expired = await db
    .prepare('SELECT id, cv_key FROM applications WHERE purge_after < ?1')
    .bind(nowIso)
    .all<{ id: number; cv_key: string | null }>();
  const keys = expired.results.flatMap((r) => (r.cv_key ? [r.cv_key] : []));
  // Documents first: a row without its file is harmless, a file without its row would be forgotten.
  if (keys.length) await env.DOCUMENTS.delete(keys);
  const alertCutoff = new Date(now.getTime() - retention.stoppedAlertDays * DAY).toISOString();
  const stoppedAlerts = "SELECT id FROM job_alerts WHERE status = 'stopped' AND stopped_at < ?1";
  const [apps, , , regs, support, sent, , , alerts] = await db.batch([
    db.prepare('DELETE FROM applications WHERE purge_after < ?1').bind(nowIso),
    // A registration's links and reminder marks go with it: a new sign-up can be given the same row id.
    db
      .prepare('DELETE FROM registration_links WHERE registration_id IN (SELECT id FROM registrations WHERE purge_after < ?1)')
      .bind(nowIso),
    db.prepare('DELETE FROM reminder_sent WHERE registration_id IN (SELECT id FROM registrations WHERE purge_after < ?1)').bind(nowIso),
    db.prepare('DELETE FROM registrations WHERE purge_after < ?1').bind(nowIso),
    db.prepare('UPDATE registrations SET support_needs = NULL WHERE support_needs IS NOT NULL AND support_purge_after < ?1').bind(nowIso),
    db
      .prepare("DELETE FROM outbox WHERE status IN ('sent', 'parked') AND created_at < ?1")
      .bind(new Date(now.getTime() - retention.sentMailDays * DAY).toISOString()),
    db.prepare(`DELETE FROM job_alert_tokens WHERE alert_id IN (${stoppedAlerts})`).bind(alertCutoff),
    db.prepare(`DELETE FROM job_alert_sent WHERE alert_id IN (${stoppedAlerts})`).bind(alertCutoff),
    db.prepare("DELETE FROM job_alerts WHERE status = 'stopped' AND stopped_at < ?1").bind(alertCutoff),
  ]);
  return {
    applications: apps?.meta.changes ?? 0,
    documents: keys.length,
    registrations: regs?.meta.changes ?? 0,
    supportNeeds: support?.meta.changes ?? 0,
    mails: sent?.meta.changes ?? 0,
    alerts: alerts?.meta.changes ?? 0,
  };
}
