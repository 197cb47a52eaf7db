/**
 * Session reminders: each morning (the 07:00 JST cron) confirmed participants of sessions N days ahead
 * (site config `reminders.daysBefore`, by default 2 days before and on the day) get a reminder with a cancel
 * link, through the outbox; never someone who cancelled; each at most once (reminder_sent). Someone promoted from
 * the waiting list who has not yet confirmed the seat (claim_until set) gets no reminder: their promotion mail asks
 * them to confirm by a deadline, and a reminder would read as if the seat were already theirs.
 */

import { site } from '../../src/config/site';
import { mails } from '../../src/i18n/mail';
import { daysBetween, todayInTokyo } from '../../src/lib/dates';
import { loadCatalog } from './catalog';
import { newToken } from './ids';
import { links } from './links';
import { recordReminder, remindersDue } from './seats';

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
    const due = await remindersDue(db, sessionId, key);
    for (const r of due) {
      // A cancel link of its own: tokens are stored only as hashes, so the mail carries a new one, added beside
      // the earlier mails' links (registration_links), which keep working.
      const token = newToken();
      const mail = mails.registrationReminder({ session, day, daysBefore, cancelUrl: links.cancel(token) });
      if (await recordReminder(db, { registrationId: r.id, email: r.email, key, token, mail }, now)) queued++;
    }
  }
  return { queued };
}
