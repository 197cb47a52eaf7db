/** The staff audit log: who viewed, exported or changed personal data, and when — never the data itself. */
import type { QueueCondition } from './outbox';

/**
 * One audit line, to go into the same batch as the read or the change it records. With `when` (SQL over ?11, ?12 …,
 * as for a mail), the line is written only if the change happened, checked in the same transaction.
 */
export function audit(
  db: D1Database,
  actor: string,
  action: string,
  target: string,
  now = new Date(),
  when?: QueueCondition,
): D1PreparedStatement {
  if (!when)
    return db
      .prepare('INSERT INTO staff_audit (at, actor, action, target) VALUES (?1, ?2, ?3, ?4)')
      .bind(now.toISOString(), actor, action, target);
  return db
    .prepare(`INSERT INTO staff_audit (at, actor, action, target) SELECT ?1, ?2, ?3, ?4 WHERE ${when.sql}`)
    .bind(now.toISOString(), actor, action, target, ...Array(6).fill(null), ...when.bind);
}

/** The latest lines of the log, newest first (the staff area's audit page). */
export const auditLog = (db: D1Database, limit = 500) =>
  db.prepare('SELECT at, actor, action, target FROM staff_audit ORDER BY id DESC LIMIT ?1').bind(limit);
