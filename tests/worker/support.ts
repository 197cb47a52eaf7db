/** Helpers for Worker tests: requests as the site's own pages send them, and what the build says is open. */
import { createExecutionContext, createScheduledController, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../functions/index';
import type { Catalog, CatalogSession } from '../../src/lib/catalog';
import { todayInTokyo } from '../../src/lib/dates';
import { statusOn } from '../../src/lib/status';
import { emailKey } from '../../src/schemas/fields';
import { testNow } from '../clock';
import applicant from '../fixtures/application.json';

export const ORIGIN = 'https://careers.example';

export async function catalog(): Promise<Catalog> {
  return (await (await env.ASSETS.fetch('https://assets.invalid/catalog.json')).json()) as Catalog;
}

/** An opening in the given state today (taken from the real build, so tests follow the content). */
export async function jobIn(state: 'open' | 'closed' | 'upcoming' | 'external'): Promise<string> {
  const today = todayInTokyo(testNow());
  const entry = Object.entries((await catalog()).jobs).find(([, j]) =>
    state === 'external' ? !j.applyOnline : j.applyOnline && statusOn(j, today) === state,
  );
  if (!entry) throw new Error(`no ${state} job in the build`);
  return entry[0];
}

/** An open session with at least `seats` seats, with its id. */
export async function openSession(minSeats = 1): Promise<CatalogSession & { id: string }> {
  const today = todayInTokyo(testNow());
  const entry = Object.entries((await catalog()).sessions).find(([, s]) => s.registrationClosesOn >= today && s.capacity >= minSeats);
  if (!entry) throw new Error('no open session in the build');
  return { id: entry[0], ...entry[1] };
}

let n = 0;
export const key = () => `test-key-${Date.now()}-${++n}-abcdefgh`;

/** A valid application (tests/fixtures/application.json, which the benchmark sends too), unique in its key and address. */
export function application(jobId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { jobId, idempotencyKey: key(), ...applicant, email: `hanako${++n}@example.jp`, ...overrides };
}

export function registration(sessionId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sessionId,
    idempotencyKey: key(),
    name: '大泉 学',
    nameKana: 'オオイズミ マナブ',
    email: `manabu${++n}@example.jp`,
    school: '練馬大学',
    year: '大学3年',
    consent: true,
    ...overrides,
  };
}

export function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin', ...headers },
    body: JSON.stringify(body),
  });
}

export function postForm(path: string, body: FormData | URLSearchParams, headers: Record<string, string> = {}): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${path}`, { method: 'POST', headers: { 'Sec-Fetch-Site': 'same-origin', ...headers }, body });
}

export const count = async (sql: string, ...args: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...args)
      .first<{ n: number }>()
  )?.n ?? 0;

/**
 * Signs up for a session as its page does. The answer never says whether a seat was taken (nobody may learn who
 * registered), so the reference and status are read from the database, by the address that signed up.
 */
export async function signUp(
  sessionId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ response: Response; reference: string; status: string }> {
  const body = registration(sessionId, overrides);
  const response = await postJson('/api/registrations', body);
  const row = await env.DB.prepare('SELECT reference, status FROM registrations WHERE session_id = ?1 AND email_key = ?2 ORDER BY id DESC')
    .bind(sessionId, emailKey(String(body['email'])))
    .first<{ reference: string; status: string }>();
  return { response, reference: row?.reference ?? '', status: row?.status ?? '' };
}

/** Signs up for a session as its page does; the reference of the new registration. */
export async function register(sessionId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  return (await signUp(sessionId, overrides)).reference;
}

/** The token of the first link to `path` (e.g. /api/registrations/cancel) in a mail or a page. */
export const linkToken = (text: string | undefined, path: string): string =>
  text?.match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`))?.[1] ?? '';

/** Runs one of the Worker's crons as Cloudflare would at `at`, and waits for everything it started. */
export async function runCron(cron: string, at = testNow()): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron, scheduledTime: at.getTime() }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/** The staff login the Worker tests run with (vitest.config.ts). */
const staffLogin = `Basic ${btoa('staff:correct horse battery staple')}`;

/** A request signed in as staff, from the staff area's own pages (as a browser says with Sec-Fetch-Site). */
export const asStaff = (path: string, init: RequestInit = {}) =>
  SELF.fetch(`${ORIGIN}${path}`, {
    ...init,
    headers: { Authorization: staffLogin, 'Sec-Fetch-Site': 'same-origin', ...(init.headers ?? {}) },
    redirect: 'manual',
  });

/** Mails the fake provider received (every test file's), as it received them: the outbox keeps no token once sent. */
export async function delivered(to?: string): Promise<{ key: string; to: string; subject: string; text: string; accepted: boolean }[]> {
  const all = (await (await fetch(`${(env as Env).RESEND_BASE_URL}/_sent`)).json()) as {
    key: string;
    to: string;
    subject: string;
    text: string;
    accepted: boolean;
  }[];
  return to === undefined ? all : all.filter((m) => m.to === to);
}
