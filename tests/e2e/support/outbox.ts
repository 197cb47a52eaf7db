/**
 * Reads the local mail outbox (D1 table `outbox`) of the server the e2e run started. Mail is never sent
 * locally: it stays in this table. `wrangler d1 execute --local` opens the same SQLite files as the
 * running `wrangler dev`, so what a request stored is readable as soon as its response has arrived.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { E2E_STATE } from '../../../playwright.config';

const root = resolve(import.meta.dirname, '../../..');
/** As in playwright.config.ts: the webServer persists to this folder. */
const persistTo = E2E_STATE;

export interface OutboxRow {
  id: number;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  status: string;
}

/** A string as an SQL literal, for building `where` clauses from test data. */
export const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

function query<T>(sql: string): T[] {
  const out = execFileSync('wrangler', ['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--json', '--command', sql], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${root}/node_modules/.bin:${process.env['PATH'] ?? ''}`,
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      WRANGLER_SEND_METRICS: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 20_000,
  });
  const parsed = JSON.parse(out) as { results?: T[] }[];
  return parsed.flatMap((r) => r.results ?? []);
}

/** Outbox rows, oldest first; `where` is an SQL condition such as `recipient = 'a@example.jp'`. */
export function readOutbox(where?: string): OutboxRow[] {
  return query<OutboxRow>(`SELECT id, kind, recipient, subject, body, status FROM outbox${where ? ` WHERE ${where}` : ''} ORDER BY id`);
}
