// Lists the mail in the local outbox (what would have been sent without RESEND_API_KEY), newest last.
//   npm run outbox            the last 20 mails
//   npm run outbox -- 50      the last 50
// PERSIST_TO picks the local state folder (default .wrangler/state, the one `npm start` uses).
import { execFileSync } from 'node:child_process';

const limit = Math.max(1, Math.min(500, Number(process.argv[2] ?? 20) || 20));
const persist = process.env.PERSIST_TO ?? '.wrangler/state';
const sql = `SELECT id, kind, recipient, subject, body, status, attempts, created_at FROM outbox ORDER BY id DESC LIMIT ${limit}`;
let out;
try {
  out = execFileSync('wrangler', ['d1', 'execute', 'DB', '--local', '--persist-to', persist, '--json', '--command', sql], {
    encoding: 'utf8',
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
} catch (e) {
  console.error(`Could not read the local outbox in ${persist}. Run npm start once first.\n${e.stderr ?? e.message}`);
  process.exit(1);
}
const rows = JSON.parse(out)[0]?.results ?? [];
if (rows.length === 0) console.log('The local outbox is empty.');
for (const m of rows.reverse()) {
  console.log(`\n#${m.id} ${m.kind} [${m.status}, ${m.attempts} attempt(s)] ${m.created_at}`);
  console.log(`To: ${m.recipient}\nSubject: ${m.subject}\n\n${m.body}\n${'─'.repeat(60)}`);
}
