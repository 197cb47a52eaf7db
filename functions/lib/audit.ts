/** The staff audit log: who viewed, exported or changed personal data, and when — never the data itself. */
export function audit(db: D1Database, actor: string, action: string, target: string, now = new Date()): D1PreparedStatement {
  return db
    .prepare('INSERT INTO staff_audit (at, actor, action, target) VALUES (?1, ?2, ?3, ?4)')
    .bind(now.toISOString(), actor, action, target);
}
