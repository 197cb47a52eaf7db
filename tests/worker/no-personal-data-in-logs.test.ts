/**
 * No personal data in logs (README, "Personal data"). Every console method is replaced by a recorder inside
 * the isolate the Worker runs in (the test calls the Worker's own fetch and scheduled handlers), then
 * submissions carrying unique marker values go through every path that logs: success, refusal, the mail
 * relay (sent, retried, parked, timed out), cancellation, the crons, Turnstile unreachable, and finally a
 * broken database. No recorded line may contain any of the markers.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import worker from '../../functions/index';
import { relay } from '../../functions/lib/outbox';
import { testNow } from '../clock';
import { multipart } from './hostile/check';
import { application, delivered, jobIn, ORIGIN, openSession, registration, runCron } from './support';

const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
const lines: string[] = [];

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ''}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

beforeAll(() => {
  for (const m of methods)
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void lines.push(`[${m}] ${args.map(show).join(' ')}`));
});
afterAll(() => vi.restoreAllMocks());

// Unique values for every kind of personal data a submission holds; none may reach a log line.
const id = crypto.randomUUID().replaceAll('-', '').slice(0, 12);
const marker = `MARKER-${id}`;
const person = {
  name: `${marker} 練馬`,
  nameKana: 'マーカー　ケンサ',
  email: `marker${id}@example.jp`,
  phone: `03-${id.replace(/\D/g, '7').slice(0, 4).padEnd(4, '7')}-${id.replace(/\D/g, '3').slice(4, 8).padEnd(4, '3')}`,
  postalCode: '176-0001',
  address: `東京都練馬区 ${marker}`,
  school: `${marker} 大学`,
  motivation: `志望動機 ${marker}\r\n二行目 ${marker}`,
  supportNeeds: `車いすを使用します ${marker}`,
  birthDate: '1987-06-05',
};
/** A period of work as the eligibility checker takes it (dates a person entered are personal too). */
const workFrom = '2019-08-13';
/** Every value above that is personal, plus the cancel tokens seen in mail bodies. */
const secrets = [marker, id, person.email, person.phone, person.nameKana, person.birthDate, workFrom];

type Handler = typeof worker.fetch;
/** Calls the Worker's fetch in this isolate and waits for its background work (the first mail attempt). */
async function call(request: Request, bindings: Env = env): Promise<Response> {
  const ctx = createExecutionContext();
  const r = await (worker.fetch as Handler)(request, bindings, ctx);
  const body = await r.text();
  await waitOnExecutionContext(ctx);
  return new Response(body, { status: r.status, headers: r.headers });
}
const post = (path: string, body: BodyInit, type?: string, extra: Record<string, string> = {}) =>
  new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'Sec-Fetch-Site': 'same-origin', ...(type ? { 'Content-Type': type } : {}), ...extra },
    body,
  });
const json = (path: string, value: unknown) => post(path, JSON.stringify(value), 'application/json');
const flat = (value: Record<string, unknown>) =>
  Object.entries(value).flatMap(([k, v]): [string, string][] =>
    Array.isArray(v)
      ? v.flatMap((row, i) => Object.entries(row as Record<string, string>).map(([f, x]): [string, string] => [`${k}.${i}.${f}`, x]))
      : [[k, v === true ? 'on' : String(v)]],
  );

/** Makes the mail provider answer as told, inside this isolate only (the fake Resend server is shared by other files). */
function provider(answer: 'reject' | 'fail' | 'throw' | 'hang') {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    const to = (body.match(/"to":"([^"]*)"/) ?? [])[1] ?? String(input);
    if (answer === 'throw') throw new TypeError(`network connection lost while sending to ${to}`);
    if (answer === 'hang') return new Promise<Response>(() => {});
    const status = answer === 'reject' ? 422 : 500;
    // Providers do echo the address in their messages; the Worker must not pass them on to the log.
    return new Response(
      JSON.stringify({
        statusCode: status,
        name: answer === 'reject' ? 'validation_error' : 'internal_server_error',
        message: `Invalid \`to\` field: ${to}`,
      }),
      {
        status,
        headers: { 'Content-Type': 'application/json' },
      },
    );
  });
}

const tokens: string[] = [];
async function cancelTokens(): Promise<string[]> {
  // Cancel links only (confirmation mails of applications carry status links too), as the person received them: once
  // sent, the outbox keeps no token. Waits for the request's own try at sending, which runs after its answer.
  for (let i = 0; i < 50; i++) {
    const texts = (await delivered(person.email)).map((m) => m.text);
    const found = texts.flatMap((t) => [...t.matchAll(/\/registrations\/cancel\?token=([A-Za-z0-9_-]+)/g)].map((m) => m[1] ?? ''));
    if (found.length) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  return [];
}

let jobId: string;
let sessionId: string;
beforeAll(async () => {
  jobId = await jobIn('open');
  sessionId = (await openSession(10)).id;
});

describe('no personal data in any log line', () => {
  it('while an application is taken by JSON and by form (with a CV), and its mails are sent', async () => {
    const a = await call(json('/api/applications', application(jobId, { ...person, supportNeeds: undefined, qualifications: marker })));
    expect(a.status).toBe(201);
    const form = application(jobId, { ...person, supportNeeds: undefined, idempotencyKey: undefined });
    const cv = new File(
      [
        `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Lang (${marker}) >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
      ],
      `${marker}.pdf`,
      { type: 'application/pdf' },
    );
    const data = new FormData();
    for (const [k, v] of flat(Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined)))) data.set(k, v);
    data.set('cv', cv);
    expect((await call(post('/api/applications', data))).status).toBe(201);
  });

  it('while a registration is taken, refused as a repeat, cancelled, and taken again by a form', async () => {
    const { supportNeeds, ...rest } = person;
    const body = registration(sessionId, {
      name: rest.name,
      nameKana: rest.nameKana,
      email: rest.email,
      school: rest.school,
      motivation: rest.motivation,
      supportNeeds,
    });
    expect((await call(json('/api/registrations', body))).status).toBe(202);
    // Answered as a new sign-up; the address is told by mail that it had signed up already.
    const again = await call(json('/api/registrations', { ...body, idempotencyKey: undefined }));
    expect(again.status).toBe(202);
    const [token] = await cancelTokens();
    tokens.push(...(await cancelTokens()));
    expect(token).toBeTruthy();
    expect((await call(new Request(`${ORIGIN}/api/registrations/cancel?token=${token}`))).status).toBe(200);
    expect(
      (await call(post('/api/registrations/cancel', new URLSearchParams({ token: token ?? '' }), 'application/x-www-form-urlencoded')))
        .status,
    ).toBe(200);
    // The same again by a form post with the marker in every field.
    const form = new URLSearchParams(flat({ ...body, idempotencyKey: `${id}-form-key-0001`, consent: true }));
    expect((await call(post('/api/registrations', form, 'application/x-www-form-urlencoded'))).status).toBe(202);
  });

  it('while submissions are refused: invalid fields, unknown fields, a bot, too big, unreadable, unknown job', async () => {
    const refusals = [
      json(
        '/api/applications',
        application(jobId, { ...person, supportNeeds: undefined, email: `${marker}-not-an-address`, consent: false }),
      ),
      json('/api/applications', application(jobId, { ...person, supportNeeds: undefined, [marker]: marker })),
      json('/api/applications', application(jobId, { ...person, supportNeeds: undefined, website: `https://${id}.example` })),
      json('/api/registrations', registration(sessionId, { name: marker.repeat(2000) })),
      post('/api/registrations', `{"name":"${marker}",`, 'application/json'),
      post('/api/registrations', `name=${marker}&name=${marker}`, 'application/x-www-form-urlencoded'),
      post('/api/registrations', multipart([['name', marker]], { close: false }).body, `multipart/form-data; boundary=none`),
      post('/api/registrations', marker, 'text/plain'),
      json('/api/applications', application('no-such-job', { ...person, supportNeeds: undefined })),
      json('/api/registrations', registration('no-such-session', { name: person.name, email: person.email })),
      post('/api/registrations/cancel', JSON.stringify({ token: `${marker}${'x'.repeat(40)}` }), 'application/json'),
      new Request(`${ORIGIN}/api/registrations/cancel?token=${marker}`),
      new Request(`${ORIGIN}/api/sessions/${marker}/seats`),
    ];
    for (const request of refusals) expect((await call(request)).status).toBeLessThan(500);
  });

  it('while staff view, export and download what was submitted', async () => {
    const staff = { ...env, STAFF_USER: 'staff', STAFF_PASSWORD: `pw-${id}` } as unknown as Env;
    const auth = { Authorization: `Basic ${btoa(`staff:pw-${id}`)}` };
    const reference =
      (
        await env.DB.prepare('SELECT reference FROM applications WHERE json_extract(payload, ?1) = ?2 AND cv_key IS NOT NULL')
          .bind('$.email', person.email)
          .first<{ reference: string }>()
      )?.reference ?? 'none';
    const paths = [
      '/staff/',
      `/staff/jobs/${jobId}`,
      `/staff/applications/${reference}`,
      `/staff/sessions/${sessionId}`,
      '/staff/audit',
      `/api/staff/jobs/${jobId}/applications.csv`,
      `/api/staff/sessions/${sessionId}/roster.csv`,
      `/api/staff/applications/${reference}/cv`,
    ];
    const statuses = [];
    for (const path of paths) statuses.push((await call(new Request(`${ORIGIN}${path}`, { headers: auth }), staff)).status);
    expect(
      statuses.every((s) => s < 500),
      String(statuses),
    ).toBe(true);
    expect(statuses, 'the staff area shows what was submitted').toEqual(paths.map(() => 200));
  });

  it('while the mail relay sends, retries, times out and parks mail addressed to the person', async () => {
    const due = new Date(testNow().getTime() + 86_400_000);
    // Mail still pending from the submissions above, and new ones for each provider answer.
    const enqueue = () =>
      env.DB.prepare("INSERT INTO outbox (kind, recipient, subject, body, next_attempt_at, created_at) VALUES ('test', ?1, ?2, ?3, ?4, ?4)")
        .bind(person.email, `件名 ${marker}`, `${person.name} 様\n${person.address}`, testNow().toISOString())
        .run();
    for (const answer of ['throw', 'fail', 'reject', 'hang'] as const) {
      await enqueue();
      const spy = provider(answer);
      try {
        await relay(env, { now: due, spacingMs: 0 });
      } finally {
        spy.mockRestore();
      }
    }
    // A mail that keeps failing until it is parked after its last attempt.
    await enqueue();
    const spy = provider('throw');
    try {
      for (let i = 0; i < 9; i++) await relay(env, { now: new Date(due.getTime() + i * 7 * 3_600_000), spacingMs: 0 });
    } finally {
      spy.mockRestore();
    }
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'parked'").first<{ n: number }>()).not.toEqual({ n: 0 });
    // Without a provider key, mail is kept in the local outbox (and says so in the log).
    await enqueue();
    await relay({ ...env, RESEND_API_KEY: undefined } as unknown as Env, { now: due, spacingMs: 0 });
    // And the relay and purge crons.
    await enqueue();
    await runCron('* * * * *', due);
    await runCron('30 15 * * *', new Date(testNow().getTime() + 3 * 365 * 86_400_000));
  });

  it('while Turnstile cannot be reached (the submission is let through)', async () => {
    const bindings = { ...env, TURNSTILE_SECRET_KEY: 'test-secret' } as Env;
    const unreachable = provider('throw');
    try {
      const r = await call(
        json('/api/applications', application(jobId, { ...person, supportNeeds: undefined, 'cf-turnstile-response': marker })),
        bindings,
      );
      expect(r.status).toBe(201);
    } finally {
      unreachable.mockRestore();
    }
  });

  it('while the eligibility checker answers, refuses, and cannot read its rules', async () => {
    const checker = (extra: Record<string, string> = {}, bindings: Env = env) =>
      call(
        post(
          '/api/eligibility',
          new URLSearchParams({
            route: 'tokubetsuku-keiken-1',
            birthDate: person.birthDate,
            education: 'university',
            'periods.0.from': workFrom,
            'periods.0.to': '2025-05-31',
            'periods.0.hoursPerWeek': '40',
            'periods.0.kind': 'regular',
            ...extra,
          }),
          'application/x-www-form-urlencoded',
        ),
        bindings,
      );
    expect((await checker()).status).toBe(200);
    expect((await checker({ birthDate: marker, 'periods.0.hoursPerWeek': marker })).status).toBe(422);
    // Two minutes on (the rules kept for a minute have expired), the rules cannot be read: the Worker answers 503
    // and logs the error's name, never the input.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 120_000);
    try {
      const assets = {
        fetch: (input: RequestInfo | URL, init?: RequestInit) =>
          new Request(input).url.endsWith('/rules.json')
            ? Promise.resolve(new Response('', { status: 500 }))
            : env.ASSETS.fetch(input, init),
      };
      expect((await checker({}, { ...env, ASSETS: assets } as unknown as Env)).status).toBe(503);
    } finally {
      vi.useRealTimers();
    }
    expect(lines.some((l) => l.includes('] eligibility: Error'))).toBe(true);
  });

  it('when the database fails: tables dropped under a submission, a sign-up, a cancellation and the seat count', async () => {
    tokens.push(...(await cancelTokens()));
    await env.DB.prepare('DROP TABLE outbox').run();
    expect((await call(json('/api/applications', application(jobId, { ...person, supportNeeds: undefined })))).status).toBe(503);
    expect((await call(json('/api/registrations', registration(sessionId, { name: person.name, email: `x${person.email}` })))).status).toBe(
      503,
    );
    await env.DB.prepare('DROP TABLE registrations').run();
    expect(
      (
        await call(
          json(
            '/api/registrations',
            registration(sessionId, { name: person.name, email: person.email, supportNeeds: person.supportNeeds }),
          ),
        )
      ).status,
    ).toBe(503);
    const token = tokens.at(-1) ?? 'a'.repeat(43);
    expect(
      (await call(post('/api/registrations/cancel', new URLSearchParams({ token }), 'application/x-www-form-urlencoded'))).status,
    ).toBe(503);
    expect((await call(new Request(`${ORIGIN}/api/registrations/cancel?token=${token}`))).status).toBe(503);
    await env.DB.prepare('DROP TABLE applications').run();
    expect((await call(json('/api/applications', application(jobId, { ...person, supportNeeds: undefined })))).status).toBe(503);
    // The staff pages have no handler of their own for this: the Worker's onError logs the error's message.
    const staff = { ...env, STAFF_USER: 'staff', STAFF_PASSWORD: `pw-${id}` } as unknown as Env;
    const auth = { Authorization: `Basic ${btoa(`staff:pw-${id}`)}` };
    for (const path of ['/staff/', `/staff/sessions/${sessionId}`, `/api/staff/jobs/${jobId}/applications.csv`])
      await call(new Request(`${ORIGIN}${path}`, { headers: auth }), staff);
    await relay(env, { spacingMs: 0 }).catch(() => undefined);
    await runCron('* * * * *').catch(() => undefined);
    await runCron('30 15 * * *').catch(() => undefined);
  });

  it('— the log lines recorded above hold none of it', () => {
    // The recorder did hear the Worker: the error paths and the crons log (without personal data).
    expect(lines.some((l) => l.includes('applications: '))).toBe(true);
    expect(lines.some((l) => l.includes('registrations: '))).toBe(true);
    expect(lines.some((l) => l.includes('parked after'))).toBe(true);
    expect(lines.some((l) => l.startsWith('[log] purge: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('[warn] turnstile unreachable'))).toBe(true);
    expect(lines.some((l) => l.includes('kept in the local outbox'))).toBe(true);
    const all = [...secrets, ...tokens.filter(Boolean)];
    const leaks = lines.flatMap((l) => all.filter((s) => l.includes(s)).map((s) => `${JSON.stringify(s)} in: ${l.slice(0, 300)}`));
    expect(leaks, leaks.join('\n')).toEqual([]);
  });
});
