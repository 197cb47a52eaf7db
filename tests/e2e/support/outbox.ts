/**
 * Reads the local mail outbox (D1 table `outbox`) of the server the e2e run started, or of another local
 * server given its state folder. Mail is never sent locally: it stays in this table. `wrangler d1 execute
 * --local` opens the same SQLite files as the running `wrangler dev`, so what a request stored is readable
 * as soon as its response has arrived.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { E2E_STATE } from '../../../playwright.config';

const root = resolve(import.meta.dirname, '../../..');

export interface OutboxRow {
  id: number;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  status: string;
  /** Extra mail headers as JSON (e.g. List-Unsubscribe), or null. */
  headers: string | null;
}

/** A string as an SQL literal, for building `where` clauses from test data. */
export const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

function query<T>(sql: string, persistTo: string): T[] {
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

/**
 * Outbox rows, oldest first; `where` is an SQL condition such as `recipient = 'a@example.jp'`. `stateDir` is
 * the server's --persist-to folder: by default the one playwright.config.ts starts its webServer with.
 */
export function readOutbox(where?: string, stateDir: string = E2E_STATE): OutboxRow[] {
  return query<OutboxRow>(
    `SELECT id, kind, recipient, subject, body, status, headers FROM outbox${where ? ` WHERE ${where}` : ''} ORDER BY id`,
    stateDir,
  );
}

/** Path and query of a URL: mails carry the production origin, the test asks its own server. */
export const local = (url: URL) => `${url.pathname}${url.search}`;

/** The link to `path` (e.g. /api/alerts/confirm, /api/status) in a mail's body, as a path for the test's server. */
export function mailLink(body: string | undefined, path: string): string {
  return local(new URL(body?.match(new RegExp(`https?://\\S+${path}\\?token=[A-Za-z0-9_-]+`))?.[0] ?? 'http://invalid/'));
}
