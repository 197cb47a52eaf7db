/**
 * A job alert's whole life against the real Worker and a really rebuilt site: subscribe from a filtered listing,
 * confirm from the mail; a recruiter adds two matching openings (one opening today, one tomorrow, Japan time) and
 * the site is rebuilt; the morning cron sends exactly one digest, with today's opening only; one click on its
 * List-Unsubscribe (RFC 8058) stops the alert, and the next morning's run sends it nothing. A second alert, left
 * on, is the control: the same next-morning run does send it tomorrow's opening, so "nothing" means something.
 * Runs in a temporary copy of the project with a wrangler dev server and state of its own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stopGroup } from '../../scripts/process-groups.mjs';
import { TEST_TODAY, testNow } from '../clock';
import { subscribeAndConfirm } from './support/alerts';
import { uniqueEmail } from './support/fill';
import { local, type OutboxRow, readOutbox } from './support/outbox';
import { build, copyProject, toolEnv } from './support/project-copy';
import { expect, type Page, test } from './support/test';

const PORT = Number(process.env['ALERTS_E2E_PORT'] ?? 8809);
const site = `http://127.0.0.1:${PORT}`;
/** CRON.morning of functions/index.ts (07:00 JST): reminders and job-alert digests. */
const MORNING_CRON = '0 22 * * *';
/** A valid opening of the ward's own selection (it states its own dates); the new ones are copies with another title and dates. */
const MODEL_JOB = 'content/jobs/ict-dx-ninkitsuki-madoguchi-2027.md';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Japan has no daylight saving time: its calendar day is always the UTC day of the instant plus 9 hours. */
const japanDay = (ms: number) => new Date(ms + 9 * HOUR_MS).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test.use({ baseURL: site, javaScriptEnabled: false });

test.describe('job alert digests', () => {
  test.describe.configure({ mode: 'serial' });
  let dir = '';
  let state = '';
  let server: ChildProcess | undefined;

  const healthy = () =>
    fetch(`${site}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );

  /** The copy's scripts/serve.sh (wrangler dev on the copy's dist/ and Worker), once it answers. */
  async function startServer(): Promise<ChildProcess> {
    // Another server on this port would be tested instead of the copy: stop rather than use it.
    if (await healthy()) throw new Error(`port ${PORT} is already taken (set ALERTS_E2E_PORT)`);
    const child = spawn('bash', [join(dir, 'scripts', 'serve.sh')], {
      cwd: dir,
      detached: true, // a process group of its own, so that stopping it also stops workerd
      env: toolEnv({ PORT: String(PORT), PERSIST_TO: state, WRANGLER_DEV_ARGS: `--var CLOCK_TODAY:${TEST_TODAY}` }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4_000);
    });
    for (let i = 0; i < 600; i++) {
      if (await healthy()) return child;
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`serve.sh exited:\n${stderr}`);
      await sleep(100);
    }
    await stopServer(child);
    throw new Error(`the copy's server did not answer on port ${PORT}:\n${stderr}`);
  }

  /** Stops a server of startServer() and its workerd, and waits until the port is free again. */
  async function stopServer(child: ChildProcess | undefined) {
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    await stopGroup(child.pid);
    while (await healthy()) await sleep(100);
  }

  /** Runs the morning cron as if it fired at `at` (ms since the epoch; miniflare reads `time` as milliseconds). */
  async function runMorningCron(page: Page, at: number) {
    const r = await page.request.get(`/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(MORNING_CRON)}&time=${at}`);
    expect(await r.text()).toBe('ok');
  }

  const digests = (): OutboxRow[] => readOutbox(`kind = 'alert_digest'`, state);

  /** What a recruiter adds: the model opening with only its title and dates changed, as content/jobs/<id>.md. */
  function addOpening(job: { id: string; title: string; opensOn: string; closesOn: string }) {
    // An experienced hire (the alerts subscribe to that type) of the ward's own selection, which states its dates.
    const fields: Record<string, string> = { title: job.title, hiringType: '経験者採用', opensOn: job.opensOn, closesOn: job.closesOn };
    let changed = 0;
    const text = readFileSync(join(dir, MODEL_JOB), 'utf8').replace(/^(title|hiringType|opensOn|closesOn): .*$/gm, (_, key: string) => {
      changed++;
      return `${key}: ${fields[key]}`;
    });
    if (changed !== 4) throw new Error(`${MODEL_JOB} no longer has one title, hiringType, opensOn and closesOn line each`);
    writeFileSync(join(dir, 'content', 'jobs', `${job.id}.md`), text);
  }

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    // The working copy's build comes along: the first server only needs the listing and the Worker.
    dir = copyProject('nerima-alerts-e2e-', { dist: true });
    if (!existsSync(join(dir, 'dist', 'catalog.json'))) await build(dir);
    state = join(dir, '.tmp', 'alerts-state');
    server = await startServer();
  });

  test.afterAll(async () => {
    await stopServer(server);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('one digest with the opening of the day, then one-click unsubscribe, then nothing more', async ({ page }) => {
    // Confirming, adding and the first run must fall on one Japan day: close to midnight, wait for the next.
    const untilMidnight = DAY_MS - ((testNow().getTime() + 9 * HOUR_MS) % DAY_MS);
    const wait = untilMidnight < 3 * 60_000 ? untilMidnight + 1_000 : 0;
    test.setTimeout(180_000 + wait);
    await sleep(wait);

    const today = japanDay(testNow().getTime());
    const tomorrow = addDays(today, 1);
    const a = { id: 'alerts-e2e-today', title: '事務（経験者採用・本日受付開始）', opensOn: today, closesOn: addDays(today, 28) };
    const b = { id: 'alerts-e2e-tomorrow', title: '事務（経験者採用・明日受付開始）', opensOn: tomorrow, closesOn: addDays(today, 35) };

    const email = uniqueEmail('digest');
    const control = uniqueEmail('digest-control');
    await subscribeAndConfirm(page, email, { frequency: '毎日', stateDir: state });
    await subscribeAndConfirm(page, control, { frequency: '毎日', stateDir: state });

    // A recruiter adds the openings; the site is rebuilt. The Worker keeps its parsed catalog for a minute,
    // so the server is restarted on the new build (same state folder: the alerts stay).
    addOpening(a);
    addOpening(b);
    await stopServer(server);
    await build(dir);
    server = await startServer();
    const catalog = (await (await page.request.get('/catalog.json')).json()) as { jobs: Record<string, unknown> };
    expect(Object.keys(catalog.jobs)).toEqual(expect.arrayContaining([a.id, b.id]));

    // Run 1, now: A is open, B opens tomorrow. One digest per alert, each with A and without B.
    const now = testNow().getTime();
    expect(japanDay(now), 'the first run falls on the day the alerts were confirmed').toBe(today);
    await runMorningCron(page, now);
    const first = digests();
    expect(first.map((m) => m.recipient)).toEqual([email, control]);
    for (const mail of first) {
      expect(mail.body).toContain(a.title);
      expect(mail.body).toContain(`/jobs/${a.id}/`);
      expect(mail.body).not.toContain(b.title);
      expect(mail.body).not.toContain(`/jobs/${b.id}/`);
    }

    // One click, as a mail provider does it with List-Unsubscribe-Post: a POST from elsewhere, no cookies.
    const headers = JSON.parse(first[0]?.headers ?? '{}') as Record<string, string>;
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = new URL(headers['List-Unsubscribe']?.match(/^<(.+)>$/)?.[1] ?? 'http://invalid/');
    expect(unsubscribe.pathname).toBe('/api/alerts/unsubscribe');
    const oneClick = await page.request.post(local(unsubscribe), {
      form: { 'List-Unsubscribe': 'One-Click' },
      headers: { Origin: 'https://mail.example' },
    });
    expect(oneClick.status()).toBe(200);

    // Run 2, tomorrow at 07:00 JST: a daily alert is due again (a new Japan day) and B is open and new, so an
    // active alert gets B, as the control does. The stopped one gets nothing (its row would have recipient '').
    await runMorningCron(page, Date.parse(`${tomorrow}T07:00:00+09:00`));
    const after = digests();
    expect(after.slice(0, first.length).map((m) => m.id)).toEqual(first.map((m) => m.id));
    const added = after.slice(first.length);
    expect(added.map((m) => m.recipient)).toEqual([control]);
    expect(added[0]?.body).toContain(`/jobs/${b.id}/`);
    expect(added[0]?.body).not.toContain(`/jobs/${a.id}/`);
  });
});
