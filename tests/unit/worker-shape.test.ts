/**
 * The Worker's shape (functions/): route files never import each other, lib/ never imports a route, and every SQL
 * statement over a resource's table lives in that resource's module, so a newcomer finds it in one place.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(dir, f));
const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');

describe('the Worker’s shape', () => {
  it('has route files that import no other route, and a lib/ that imports no route', () => {
    const offending = [...files('functions/api'), ...files('functions/lib')].flatMap((file) =>
      imports(file)
        .filter((spec) => (file.includes('/api/') ? /^\.\/[^/]+$/.test(spec) : spec.includes('/api/')))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('keeps every statement over registrations and applications in their modules', () => {
    const owner: Record<string, string> = {
      registrations: 'functions/lib/seats.ts',
      registration_links: 'functions/lib/seats.ts',
      reminder_sent: 'functions/lib/seats.ts',
      applications: 'functions/lib/applications.ts',
    };
    // The daily purge deletes from every table by design (lib/retention.ts), and the outbox's cap reads nothing here.
    const exempt = new Set(['functions/lib/retention.ts']);
    const found: string[] = [];
    for (const file of files('functions').filter((f) => !exempt.has(f))) {
      const text = readFileSync(file, 'utf8');
      for (const [table, home] of Object.entries(owner)) {
        const statement = new RegExp(`(INSERT INTO|UPDATE|DELETE FROM|FROM|JOIN)\\s+${table}\\b`);
        if (file !== home && statement.test(text)) found.push(`${file} queries ${table}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('writes to the outbox and the audit log only through enqueue and audit', () => {
    const found = files('functions').flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [
        ...(file !== 'functions/lib/outbox.ts' && /INSERT INTO outbox/.test(text) ? [`${file} inserts into outbox`] : []),
        ...(file !== 'functions/lib/audit.ts' && /INSERT INTO staff_audit/.test(text) ? [`${file} inserts into staff_audit`] : []),
      ];
    });
    expect(found).toEqual([]);
  });
});
