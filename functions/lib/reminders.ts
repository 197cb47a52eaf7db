/**
 * Session reminders: each morning (the 07:00 JST cron) confirmed participants of sessions N days ahead
 * (site config `reminders.daysBefore`, by default 2 days before and on the day) get a reminder with a cancel
 * link, through the outbox; never someone who cancelled; each at most once (reminder_sent). Someone promoted from
 * the waiting list who has not yet confirmed the seat (claim_until set) gets no reminder: their promotion mail asks
 * them to confirm by a deadline, and a reminder would read as if the seat were already theirs.
 */

import { mails } from '../../src/i18n/mail';
import { daysBetween, todayInTokyo } from '../../src/lib/dates';
import { site } from '../../src/site.config';
import { cancelUrl } from '../api/registrations';
import { loadCatalog } from './catalog';
import { newToken, sha256Hex } from './ids';
import { isUniqueViolation } from './intake';
import { enqueue } from './outbox';

export async function sendReminders(env: Env, now: Date): Promise<{ queued: number }> {
  const db = env.DB;
  const today = todayInTokyo(now);
  const catalog = await loadCatalog(env.ASSETS);
  let queued = 0;
  for (const [sessionId, session] of Object.entries(catalog.sessions)) {
    // Counted from the session's first day: a three-day internship gets one set of reminders, not three.
    const day = [...session.dates].sort()[0];
    if (!day) continue;
    const daysBefore = daysBetween(today, day);
    if (!site.reminders.daysBefore.includes(daysBefore)) continue;
    const key = `${day}/${daysBefore}`;
    const due = await db
      .prepare(
        `SELECT id, json_extract(payload, '$.email') AS email FROM registrations
         WHERE session_id = ?1 AND status = 'confirmed' AND claim_until IS NULL
           AND id NOT IN (SELECT registration_id FROM reminder_sent WHERE reminder_key = ?2)`,
      )
      .bind(sessionId, key)
      .all<{ id: number; email: string }>();
    for (const r of due.results) {
      // A cancel link of its own: tokens are stored only as hashes, so the mail carries a new one, added beside
      // the earlier mails' links (registration_links), which keep working.
      const token = newToken();
      const mail = mails.registrationReminder({ session, day, daysBefore, cancelUrl: cancelUrl(site.origin, token) });
      try {
        // One batch: the mark, the new link and the mail stand or fall together; a second run hits the key.
        await db.batch([
          db
            .prepare('INSERT INTO reminder_sent (registration_id, reminder_key, at) VALUES (?1, ?2, ?3)')
            .bind(r.id, key, now.toISOString()),
          db
            .prepare('INSERT INTO registration_links (token_hash, registration_id, created_at) VALUES (?1, ?2, ?3)')
            .bind(await sha256Hex(token), r.id, now.toISOString()),
          enqueue(db, { kind: 'registration_reminder', to: r.email, ...mail }, now),
        ]);
        queued++;
      } catch (e) {
        if (!isUniqueViolation(e, 'reminder_sent')) throw e; // this reminder was already written
      }
    }
  }
  return { queued };
}
