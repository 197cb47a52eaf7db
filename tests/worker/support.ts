/** Helpers for Worker tests: requests as the site's own pages send them, and what the build says is open. */
import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { Catalog } from '../../src/lib/catalog';
import { todayInTokyo } from '../../src/lib/dates';
import { statusOn } from '../../src/lib/status';

export const ORIGIN = 'https://careers.example';

export async function catalog(): Promise<Catalog> {
  return (await (await env.ASSETS.fetch('https://assets.invalid/catalog.json')).json()) as Catalog;
}

/** An opening in the given state today (taken from the real build, so tests follow the content). */
export async function jobIn(state: 'open' | 'closed' | 'upcoming' | 'external'): Promise<string> {
  const today = todayInTokyo();
  const entry = Object.entries((await catalog()).jobs).find(([, j]) =>
    state === 'external' ? !j.applyOnline : j.applyOnline && statusOn(j, today) === state,
  );
  if (!entry) throw new Error(`no ${state} job in the build`);
  return entry[0];
}

/** An open session with at least `seats` seats. */
export async function openSession(minSeats = 1): Promise<{ id: string; capacity: number; waitlist: number }> {
  const today = todayInTokyo();
  const entry = Object.entries((await catalog()).sessions).find(([, s]) => s.registrationClosesOn >= today && s.capacity >= minSeats);
  if (!entry) throw new Error('no open session in the build');
  return { id: entry[0], capacity: entry[1].capacity, waitlist: entry[1].waitlist };
}

let n = 0;
export const key = () => `test-key-${Date.now()}-${++n}-abcdefgh`;

export function application(jobId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    jobId,
    idempotencyKey: key(),
    name: '練馬 花子',
    nameKana: 'ネリマ ハナコ',
    birthDate: '1990-04-01',
    email: `hanako${++n}@example.jp`,
    phone: '03-1234-5678',
    postalCode: '176-8501',
    address: '東京都練馬区豊玉北6-12-1',
    educationLevel: '大学',
    school: '練馬大学 経済学部',
    graduated: '2013-03',
    work: [{ employer: '株式会社ネリマ', from: '2013-04', to: '', duties: '法人営業' }],
    motivation: '区民の暮らしに近い仕事がしたいと考えました。',
    referral: 'このサイト',
    consent: true,
    ...overrides,
  };
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
