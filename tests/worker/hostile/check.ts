/**
 * Requests built byte by byte (so "what was sent" is known exactly) and the invariants every answer of the
 * Worker must keep, collected as readable violations instead of failing at the first one.
 */
import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { vi } from 'vitest';
import { ORIGIN } from '../support';

export type Encoding = 'json' | 'urlencoded' | 'multipart';

const encoder = new TextEncoder();

/** What reaches the Worker when a string is sent as UTF-8 (a lone surrogate becomes U+FFFD). */
export const overTheWire = (s: string) => s.toWellFormed();

/** Flattens nested values the way the site's forms name them (work.0.employer). */
export function flatten(value: Record<string, unknown>, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') out.push(...flatten(v as Record<string, unknown>, name));
    else if (v === true) out.push([name, 'on']);
    else if (v !== undefined) out.push([name, String(v)]);
  }
  return out;
}

let boundaries = 0;
/** A multipart body written by hand: the bytes are exactly the UTF-8 of the values. */
export function multipart(entries: [string, string][], { close = true } = {}): { body: Uint8Array; contentType: string } {
  const boundary = `----hostile${Date.now().toString(36)}${++boundaries}${crypto.randomUUID().replaceAll('-', '')}`;
  // Names are escaped as the HTML standard says browsers do: " → %22, CR → %0D, LF → %0A.
  const escName = (n: string) => n.replaceAll('"', '%22').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
  let text = entries.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${escName(k)}"\r\n\r\n${v}\r\n`).join('');
  if (close) text += `--${boundary}--\r\n`;
  return { body: encoder.encode(text), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface Encoded {
  body: string | Uint8Array;
  contentType: string;
}

export function encode(encoding: Encoding, value: Record<string, unknown>): Encoded {
  if (encoding === 'json') return { body: JSON.stringify(value), contentType: 'application/json' };
  const entries = flatten(value);
  if (encoding === 'urlencoded') return { body: new URLSearchParams(entries).toString(), contentType: 'application/x-www-form-urlencoded' };
  return multipart(entries);
}

export function send(path: string, { body, contentType }: Encoded, headers: Record<string, string> = {}): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, 'Sec-Fetch-Site': 'same-origin', ...headers },
    body,
  });
}

export const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** Markup that must never come from what a person sent: counted in each page, compared with the site's own pages. */
const MARKERS: Record<string, RegExp> = {
  script: /<script\b/gi,
  img: /<img\b/gi,
  svg: /<svg\b/gi,
  iframe: /<iframe\b/gi,
  handlerAttribute: /<[a-z][^<>]*\son[a-z]+\s*=/gi,
  javascriptUrl: /<[a-z][^<>]*\s(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:/gi,
};
export type MarkerCounts = Record<string, number>;
export const markers = (page: string): MarkerCounts =>
  Object.fromEntries(Object.entries(MARKERS).map(([k, re]) => [k, page.match(re)?.length ?? 0]));

/** The most of each marker the site's own result pages contain (set once from benign answers). */
export const baseline: MarkerCounts = Object.fromEntries(Object.keys(MARKERS).map((k) => [k, 0]));
export function learnBaseline(page: string): void {
  for (const [k, n] of Object.entries(markers(page))) baseline[k] = Math.max(baseline[k] ?? 0, n);
}

/** Problems with one HTML page: hostile markup, or a page that is not one whole document. */
export function pageProblems(page: string): string[] {
  const problems: string[] = [];
  for (const [k, n] of Object.entries(markers(page)))
    if (n > (baseline[k] ?? 0)) problems.push(`unescaped ${k} in the page (${n} > ${baseline[k]})`);
  const opens = page.match(/<html[\s>]/gi)?.length ?? 0;
  const closes = page.match(/<\/html>/gi)?.length ?? 0;
  if (opens !== 1 || closes !== 1) problems.push(`page is not one document (<html ×${opens}, </html> ×${closes})`);
  if (page.includes('__WORKER_')) problems.push('page still holds a __WORKER_ placeholder');
  return problems;
}

export interface Expectation {
  /** For messages. */
  label: string;
  /** How the refusal must be worded: JSON for JSON callers, a page for forms. */
  answer: 'json' | 'html';
  /** Where a 2xx must have stored it, looked up by its idempotency key. */
  table?: 'applications' | 'registrations';
  key?: string;
  /** The payload column (parsed) a 2xx must hold, exactly; and the support_needs column (registrations). */
  payload?: Record<string, unknown>;
  supportNeeds?: string | null;
  /** What the shared schema says of the same input: accepted → the Worker stores it (or a full session refuses). */
  schemaAccepts?: boolean;
  /** Text the refusal must show (escaped, for a page). */
  echoes?: string[];
  /** Text the page may hold escaped (e.g. an id in a link) that is not judged as the page's own markup. */
  scrub?: string[];
  /** Statuses that are right for this input, when more specific than "2xx or 4xx". */
  statuses?: number[];
}

/** Deep equality of JSON values, with exact (code unit for code unit) string comparison. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 160 ? `${s.slice(0, 160)}…(${s.length} chars)` : s;
};

/** Every invariant of one answer; returns what was broken (empty when all is well). */
export async function violations(r: Response, e: Expectation): Promise<string[]> {
  const out: string[] = [];
  const bad = (m: string) => out.push(`${e.label}: ${m}`);
  const text = await r.text();
  const type = r.headers.get('Content-Type') ?? '';
  const ok = r.status >= 200 && r.status < 300;
  const refused = r.status >= 400 && r.status < 500;
  if (!ok && !refused) bad(`status ${r.status} (${text.slice(0, 200)})`);
  if (e.statuses && !e.statuses.includes(r.status))
    bad(`status ${r.status}, expected one of ${e.statuses.join('/')}: ${text.slice(0, 200)}`);

  if (!ok) {
    if (e.answer === 'json') {
      if (!type.includes('application/json')) bad(`refusal is ${type}, not JSON`);
      let message: unknown;
      try {
        message = (JSON.parse(text) as { message?: unknown }).message;
      } catch {
        bad('refusal is not valid JSON');
      }
      if (typeof message !== 'string' || !JAPANESE.test(message)) bad(`refusal has no Japanese message: ${text.slice(0, 200)}`);
      for (const x of e.echoes ?? [])
        if (!text.includes(JSON.stringify(x).slice(1, -1)) && !text.includes(x)) bad(`refusal does not name ${show(x)}`);
    } else {
      if (!type.includes('text/html')) bad(`refusal is ${type}, not a page`);
      if (!JAPANESE.test(text)) bad('refusal page has no Japanese');
      for (const x of e.echoes ?? []) if (!text.includes(escapeHtml(x))) bad(`refusal page does not show ${show(x)} escaped`);
    }
  }
  if (type.includes('text/html')) {
    // Echoed text (escaped) may itself look like a placeholder; only the rest of the page is judged.
    let rest = text;
    for (const x of [...(e.echoes ?? []), ...(e.scrub ?? [])]) rest = rest.replaceAll(escapeHtml(x), '');
    for (const p of pageProblems(rest)) bad(p);
  }

  if (e.schemaAccepts === true && !ok && !(e.table === 'registrations' && r.status === 409))
    bad(`the schema accepts this input but the Worker answered ${r.status}: ${text.slice(0, 300)}`);
  if (e.schemaAccepts === false && !refused) bad(`the schema refuses this input but the Worker answered ${r.status}`);

  if (e.table && e.key) {
    const rows = await env.DB.prepare(
      e.table === 'applications'
        ? 'SELECT payload, NULL AS support_needs FROM applications WHERE idempotency_key = ?1'
        : 'SELECT payload, support_needs FROM registrations WHERE idempotency_key = ?1',
    )
      .bind(e.key)
      .all<{ payload: string; support_needs: string | null }>();
    if (!ok && rows.results.length > 0) bad(`refused with ${r.status} but stored ${rows.results.length} row(s)`);
    if (ok && r.status !== 202) {
      const row = rows.results[0];
      if (rows.results.length !== 1 || !row) bad(`answered ${r.status} but stored ${rows.results.length} rows`);
      else {
        const stored = JSON.parse(row.payload) as unknown;
        if (e.payload && !sameJson(stored, e.payload)) bad(`stored ${show(stored)}\n   but sent ${show(e.payload)}`);
        if (e.supportNeeds !== undefined && row.support_needs !== e.supportNeeds)
          bad(`stored support_needs ${show(row.support_needs)} but sent ${show(e.supportNeeds)}`);
      }
    }
  }
  return out;
}

/** Runs jobs `size` at a time (enough to overlap, few enough for one local D1). */
export async function inChunks<T>(
  items: readonly T[],
  size: number,
  job: (item: T, index: number) => Promise<string[]>,
  between?: () => Promise<unknown>,
) {
  const found: string[] = [];
  for (let i = 0; i < items.length; i += size) {
    const results = await Promise.all(items.slice(i, i + size).map((item, j) => job(item, i + j)));
    for (const r of results) found.push(...r);
    await between?.();
  }
  return found;
}

/**
 * Pins the Worker's catalog cache (functions/lib/catalog.ts, a shared promise refreshed every 60 s) for the rest
 * of the file: one lone request loads it while Date.now() reads a day ahead. A refresh under concurrent requests
 * makes some of them hang (a real bug, shown in hostile-input.test.ts); a long suite must not trip over it at random.
 */
export async function pinCatalog(): Promise<void> {
  const ahead = Date.now() + 86_400_000;
  const spy = vi.spyOn(Date, 'now').mockReturnValue(ahead);
  try {
    await (await SELF.fetch(`${ORIGIN}/api/sessions/no-such-session/seats`)).text();
  } finally {
    spy.mockRestore();
  }
}
