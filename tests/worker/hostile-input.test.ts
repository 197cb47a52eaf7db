/**
 * Hostile input against every endpoint of the Worker. For every answer: 2xx or 4xx, never 5xx; a refusal
 * says why in Japanese (JSON for JSON callers, a page for forms) and stores nothing; a 2xx stored exactly
 * the text that was sent (read back from D1); no page carries markup that came from the sender.
 * Cases for bugs this suite once found are at the end; each states what must happen.
 */
import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { todayInTokyo } from '../../src/lib/dates';
import { applicationSchema } from '../../src/schemas/application';
import { registrationSchema } from '../../src/schemas/registration';
import { testNow } from '../clock';
import {
  type Encoding,
  encode,
  flatten,
  inChunks,
  learnBaseline,
  multipart,
  overTheWire,
  pinCatalog,
  send,
  violations,
} from './hostile/check';
import { blns, type Case, hostileNames, injection, japanese, wrongTypes } from './hostile/corpus';
import { byteLength, type Kind, keyOf, LIMIT, received, storedShape } from './hostile/shape';
import { application, catalog, count, jobIn, ORIGIN, postForm, postJson, registration } from './support';

const CHUNK = 20;

let open: string;
let sessionId: string;

/** The open session with the most places: hostile sign-ups must not run out of seats. */
async function roomiestSession(): Promise<string> {
  const today = todayInTokyo(testNow());
  const [id] = Object.entries((await catalog()).sessions)
    .filter(([, s]) => s.registrationClosesOn >= today)
    .sort(([, a], [, b]) => b.capacity + b.waitlist - (a.capacity + a.waitlist))[0] ?? [''];
  if (!id) throw new Error('no open session in the build');
  return id;
}

/** Seats are freed between chunks (each test file has its own database). */
const freeSeats = () => env.DB.prepare('DELETE FROM registrations').run();

beforeAll(async () => {
  await pinCatalog();
  open = await jobIn('open');
  sessionId = await roomiestSession();
  // The site's own result pages set how much markup of each kind a page may hold.
  const benign = [
    await postForm('/api/applications', new URLSearchParams(flatten(application(open)))),
    await postForm('/api/applications', new URLSearchParams(flatten(application(open, { name: '' })))),
    await postForm('/api/registrations', new URLSearchParams(flatten(registration(sessionId)))),
    await postForm('/api/registrations', new URLSearchParams(flatten(registration(sessionId, { name: '' })))),
    await SELF.fetch(`${ORIGIN}/api/registrations/cancel?token=x`),
  ];
  expect(benign.map((r) => r.status)).toEqual([201, 422, 202, 422, 404]);
  for (const r of benign) learnBaseline(await r.text());
  await freeSeats();
});

/** Sets `path` (e.g. "work.0.duties") in a copy of `body`. */
function withValue(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const parts = path.split('.');
  let node = copy as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) node = node[p] as Record<string, unknown>;
  node[parts.at(-1) as string] = value;
  return copy;
}

/** Posts `value` in the field at `path` and checks every invariant against what the shared schema says. */
async function postValue(kind: Kind, encoding: Encoding, path: string, value: unknown, label: string): Promise<string[]> {
  const body = withValue(kind === 'applications' ? application(open) : registration(sessionId), path, value);
  const input = received(encoding, body);
  const accepts = (kind === 'applications' ? applicationSchema : registrationSchema).safeParse(input).success;
  const encoded = encode(encoding, body);
  const r = await send(`/api/${kind}`, encoded);
  // An id the schema takes but the build does not know is an unknown job or session; a body over the limit is 413.
  const isId = path === 'jobId' || path === 'sessionId';
  const tooBig = byteLength(encoded.body) > LIMIT[kind];
  return violations(r, {
    label: `${kind} ${encoding} ${path}=${label}`,
    answer: encoding === 'json' ? 'json' : 'html',
    table: kind,
    key: keyOf(body),
    ...storedShape(kind, input),
    ...(isId || tooBig ? {} : { schemaAccepts: accepts }),
    statuses: tooBig ? [413] : isId ? (accepts ? [404] : [422]) : accepts ? (kind === 'registrations' ? [202, 409] : [201]) : [422],
    // A refusal's back link holds the id (URL-encoded, escaped): not the page's own markup.
    ...(isId && encoding !== 'json' && typeof value === 'string' ? { scrub: [encodeURIComponent(overTheWire(value))] } : {}),
  });
}

const show = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
const expectNone = (found: string[]) => expect(found, found.slice(0, 30).join('\n')).toEqual([]);
const run = (jobs: (() => Promise<string[]>)[], between?: () => Promise<unknown>) => inChunks(jobs, CHUNK, (job) => job(), between);

describe('the whole Big List of Naughty Strings', () => {
  it('in an application: motivation by JSON, name by a multipart form', async () => {
    const jobs = blns.flatMap((s) => [
      () => postValue('applications', 'json', 'motivation', s, show(s)),
      () => postValue('applications', 'multipart', 'name', s, show(s)),
    ]);
    expectNone(await run(jobs));
  });

  it('in a registration: support needs by JSON, school by a URL-encoded form', async () => {
    const jobs = blns.flatMap((s) => [
      () => postValue('registrations', 'json', 'supportNeeds', s, show(s)),
      () => postValue('registrations', 'urlencoded', 'school', s, show(s)),
    ]);
    expectNone(await run(jobs, freeSeats));
  });

  it('as job and session ids, by JSON and by form', async () => {
    const jobs = blns.flatMap((s) => [
      () => postValue('applications', 'json', 'jobId', s, show(s)),
      () => postValue('registrations', 'urlencoded', 'sessionId', s, show(s)),
    ]);
    expectNone(await run(jobs));
  });

  it('as field names (JSON member, form field): refused, named in the refusal (escaped on a page), nothing stored', async () => {
    const jobs = blns.flatMap((name) => [
      async () => {
        // The member is written into the JSON text, so even "__proto__" arrives as a member.
        const body = application(open);
        const json = `${JSON.stringify(body).slice(0, -1)},${JSON.stringify(name)}:"x"}`;
        return violations(await send('/api/applications', { body: json, contentType: 'application/json' }), {
          label: `applications json member ${show(name)}`,
          answer: 'json',
          table: 'applications',
          key: keyOf(body),
          statuses: [422],
          echoes: [name],
        });
      },
      async () => {
        const body = registration(sessionId);
        const r = await send('/api/registrations', {
          body: new URLSearchParams([...flatten(body), [name, 'x']]).toString(),
          contentType: 'application/x-www-form-urlencoded',
        });
        // A dotted name is a group (work.0.employer) and "__proto__" is dropped: only plain names are echoed as sent.
        const plain = !name.includes('.') && name !== '__proto__';
        return violations(r, {
          label: `registrations urlencoded field ${show(name)}`,
          answer: 'html',
          table: 'registrations',
          key: keyOf(body),
          ...(plain ? { statuses: [422], echoes: [name.slice(0, 40).toWellFormed()] } : {}),
        });
      },
    ]);
    expectNone(await run(jobs, freeSeats));
  });

  it('as ids in GET /api/sessions/<id>/seats: 404 with a Japanese message', async () => {
    const jobs = blns.map(
      (s) => async () =>
        violations(await SELF.fetch(`${ORIGIN}/api/sessions/${encodeURIComponent(s)}/seats`), {
          label: `seats ${show(s)}`,
          answer: 'json',
          statuses: [404],
        }),
    );
    expectNone(await run(jobs));
  });

  it('as cancel tokens: GET ?token=, POST by JSON and by form — 404, nothing cancelled', async () => {
    const jobs = blns.flatMap((s) => [
      async () =>
        violations(await SELF.fetch(`${ORIGIN}/api/registrations/cancel?token=${encodeURIComponent(s)}`), {
          label: `GET cancel ${show(s)}`,
          answer: 'html',
          statuses: [404],
        }),
      async () =>
        violations(await send('/api/registrations/cancel', encode('json', { token: s })), {
          label: `POST cancel json ${show(s)}`,
          answer: 'json',
          statuses: [404],
        }),
      async () =>
        violations(await send('/api/registrations/cancel', encode('urlencoded', { token: s })), {
          label: `POST cancel form ${show(s)}`,
          answer: 'html',
          statuses: [404],
        }),
    ]);
    expectNone(await run(jobs));
  });
});

const applicationFields = ['name', 'nameKana', 'address', 'school', 'motivation', 'qualifications', 'work.0.employer', 'work.0.duties'];
const registrationFields = ['name', 'nameKana', 'school', 'faculty', 'motivation', 'supportNeeds'];

/** Every case in every text field by JSON, and in a one-line and a multi-line field by each kind of form. */
function matrix(kind: Kind, fields: string[], cases: readonly Case[]) {
  const formFields = kind === 'applications' ? ['name', 'motivation'] : ['name', 'supportNeeds'];
  return cases.flatMap((c) => [
    ...fields.map((f) => () => postValue(kind, 'json', f, c.value, c.label)),
    ...formFields.flatMap((f) => (['urlencoded', 'multipart'] as const).map((enc) => () => postValue(kind, enc, f, c.value, c.label))),
  ]);
}

describe('Japanese-specific text, controls, surrogates and line breaks', () => {
  it('in every text field of an application', async () => {
    expectNone(await run(matrix('applications', applicationFields, japanese)));
  });

  it('in every text field of a registration', async () => {
    expectNone(await run(matrix('registrations', registrationFields, japanese), freeSeats));
  });

  it('keeps exactly what the schema lets through: NFD kana, compatibility kanji, ZWSP, BOM, bidi, ZWJ emoji, CR/LF', async () => {
    // Spot checks that these were really stored (not only refused), byte for byte, by every encoding.
    for (const [path, value] of [
      ['name', 'か\u3099'],
      ['name', '\uFA19田 一郎'],
      ['name', '𠮷野 家子'],
      ['name', '練馬\u200B花子'],
      ['name', '\uFEFF練馬 花子'],
      ['name', '\u202E子花 馬練'],
      ['name', '👩\u200D👩\u200D👧\u200D👦'],
      ['name', 'ＡＢＣ　ｘｙｚ　１２３'],
      ['nameKana', 'ｶﾀｶﾅ'],
      ['motivation', 'a\r\nb\nc\rd\n\re\r\r\n'],
    ] as const) {
      for (const enc of ['json', 'urlencoded', 'multipart'] as const) {
        const body = application(open, { [path]: value });
        const r = await send('/api/applications', encode(enc, body));
        expect(r.status, `${enc} ${path} ${JSON.stringify(value)}`).toBe(201);
        const row = await env.DB.prepare('SELECT payload FROM applications WHERE idempotency_key = ?1')
          .bind(keyOf(body))
          .first<{ payload: string }>();
        const stored = (JSON.parse(row?.payload ?? '{}') as Record<string, string>)[path] ?? '';
        expect([...new TextEncoder().encode(stored)]).toEqual([...new TextEncoder().encode(value)]);
      }
    }
  });

  it('refuses lone surrogates sent as JSON escapes ("\\ud800") with 422, naming the field', async () => {
    for (const raw of ['\\ud800', '\\udc00', 'a\\ud83d', '\\ude00\\ud83d']) {
      const body = application(open);
      const json = JSON.stringify(body).replace(/"name":"[^"]*"/, `"name":"${raw}"`);
      expect(json).toContain(raw);
      const r = await send('/api/applications', { body: json, contentType: 'application/json' });
      expect(r.status, raw).toBe(422);
      const answer = (await r.json()) as { fields: { field: string; message: string }[] };
      expect(answer.fields).toEqual([{ field: 'name', message: '氏名に使えない文字が含まれています。入力し直してください' }]);
      expect(await count('SELECT COUNT(*) AS n FROM applications WHERE idempotency_key = ?1', keyOf(body))).toBe(0);
    }
  });

  it('in e-mail addresses: stored as typed (e.g. full-width) or refused, never a 5xx', async () => {
    let n = 0;
    const kinds = ['applications', 'registrations'] as const;
    const encodings = ['json', 'urlencoded', 'multipart'] as const;
    const jobs = [...japanese, ...injection].flatMap((c, i) =>
      kinds.map((kind, k) => () => postValue(kind, encodings[(i + k) % 3] ?? 'json', 'email', `${c.value}${++n}@example.jp`, c.label)),
    );
    jobs.push(() => postValue('applications', 'json', 'email', 'ｈａｎａｋｏ９９＠ｅｘａｍｐｌｅ．ｊｐ', 'full-width address'));
    expectNone(await run(jobs, freeSeats));
  });
});

describe('HTML and SQL injection', () => {
  it('in every text field: stored as text, never run as SQL, never echoed as markup', async () => {
    const jobs = [...matrix('applications', applicationFields, injection), ...matrix('registrations', registrationFields, injection)];
    expectNone(await run(jobs, freeSeats));
    // The table is still there and holds the text as sent.
    expect(
      await count("SELECT COUNT(*) AS n FROM applications WHERE json_extract(payload, '$.name') = ?1", "'; DROP TABLE applications; --"),
    ).toBeGreaterThanOrEqual(3);
  });

  it('as job and session ids in a form: refused, and the back link on the page is escaped', async () => {
    const jobs = injection.flatMap((c) => [
      () => postValue('applications', 'urlencoded', 'jobId', c.value, c.label),
      () => postValue('registrations', 'multipart', 'sessionId', c.value, c.label),
    ]);
    expectNone(await run(jobs));
  });

  it('as field names of a form: the refusal names them, escaped', async () => {
    const jobs = hostileNames
      .filter((n) => !n.includes('$')) // see the known bugs below
      .map((name) => async () => {
        const body = registration(sessionId);
        return violations(await send('/api/registrations', encode('urlencoded', { ...body, [name]: 'x' })), {
          label: `field name ${show(name)}`,
          answer: 'html',
          table: 'registrations',
          key: keyOf(body),
          statuses: [422],
          echoes: [name.slice(0, 40).toWellFormed()],
        });
      });
    expectNone(await run(jobs));
  });
});

describe('JSON of the wrong shape', () => {
  it('every field of either form with a value of the wrong type: 422 (or stored, when the schema takes it)', async () => {
    const jobs = [
      ...Object.keys(applicationSchema.shape).flatMap((f) =>
        wrongTypes.map((v) => () => postValue('applications', 'json', f, v, JSON.stringify(v) ?? String(v))),
      ),
      ...Object.keys(registrationSchema.shape).flatMap((f) =>
        wrongTypes.map((v) => () => postValue('registrations', 'json', f, v, JSON.stringify(v) ?? String(v))),
      ),
      ...wrongTypes.map((v) => () => postValue('applications', 'json', 'work.0', v, `work row ${JSON.stringify(v)}`)),
    ];
    expectNone(await run(jobs, freeSeats));
  });

  it('a body that is not an object, deeply nested, or with thousands of members: 4xx', async () => {
    const bodies: [string, string][] = [
      ['null', 'null'],
      ['array', '[]'],
      ['string', '"練馬"'],
      ['number', '1'],
      ['empty', ''],
      ['BOM only', '\uFEFF'],
      ['nested 100,000 deep (unknown member)', `{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
      ['nested 10,000 deep (work)', `{"work":${'['.repeat(10_000)}${']'.repeat(10_000)}}`],
      ['5,000 unknown members', `{${Array.from({ length: 5_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`],
      ['duplicate members', '{"name":"a","name":"b"}'],
    ];
    const found: string[] = [];
    for (const kind of ['applications', 'registrations'] as const)
      for (const [label, body] of bodies) {
        const r = await send(`/api/${kind}`, { body, contentType: 'application/json' });
        found.push(
          ...(await violations(r, {
            label: `${kind} ${label}`,
            answer: 'json',
            statuses: byteLength(body) > LIMIT[kind] ? [413] : [400, 422],
          })),
        );
      }
    expectNone(found);
  });
});

describe('bodies too big, cut short, or of the wrong type', () => {
  const total = async () =>
    (await count('SELECT COUNT(*) AS n FROM applications')) + (await count('SELECT COUNT(*) AS n FROM registrations'));
  const encodings = ['json', 'urlencoded', 'multipart'] as const;

  it('refuses a body over the limit with 413, by JSON and by either form, and stores nothing', async () => {
    const before = await total();
    const found: string[] = [];
    for (const kind of ['applications', 'registrations'] as const)
      for (const enc of encodings) {
        const big = 'あ'.repeat(Math.ceil((LIMIT[kind] + 1024) / 3));
        const body = kind === 'applications' ? application(open, { motivation: big }) : registration(sessionId, { motivation: big });
        const r = await send(`/api/${kind}`, encode(enc, body));
        found.push(
          ...(await violations(r, { label: `${kind} ${enc} over the limit`, answer: enc === 'json' ? 'json' : 'html', statuses: [413] })),
        );
      }
    expectNone(found);
    expect(await total()).toBe(before);
  });

  it('refuses a declared Content-Length over the limit with 413, before reading', async () => {
    const found: string[] = [];
    for (const [kind, declared] of [
      ['applications', LIMIT.applications + 1],
      ['registrations', LIMIT.registrations + 1],
      ['registrations', 2 ** 53],
    ] as const)
      for (const enc of encodings) {
        const body = encode(enc, kind === 'applications' ? application(open) : registration(sessionId));
        const r = await send(`/api/${kind}`, body, { 'Content-Length': String(declared) });
        found.push(
          ...(await violations(r, {
            label: `${kind} ${enc} declared ${declared}`,
            answer: enc === 'json' ? 'json' : 'html',
            statuses: [413],
          })),
        );
      }
    expectNone(found);
  });

  it('refuses a streamed body that grows past the limit (no Content-Length) with 413', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (++pulled > 64) return controller.close();
        controller.enqueue(new TextEncoder().encode(`{"motivation":"${'a'.repeat(16 * 1024)}`));
      },
    });
    const r = await SELF.fetch(`${ORIGIN}/api/registrations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
      body: stream,
    });
    expectNone(await violations(r, { label: 'streamed body', answer: 'json', statuses: [413] }));
  });

  it('refuses a JSON body cut in half, or not UTF-8, with 400', async () => {
    const found: string[] = [];
    const utf8 = new TextEncoder();
    for (const kind of ['applications', 'registrations'] as const) {
      const body = kind === 'applications' ? application(open) : registration(sessionId);
      const text = JSON.stringify(body);
      for (const [label, cut] of [
        ['cut in half', text.slice(0, text.length / 2)],
        ['last brace missing', text.slice(0, -1)],
      ] as const) {
        const r = await send(`/api/${kind}`, { body: cut, contentType: 'application/json' });
        found.push(
          ...(await violations(r, { label: `${kind} JSON ${label}`, answer: 'json', table: kind, key: keyOf(body), statuses: [400] })),
        );
      }
      // A whole body with one character cut short inside it: refused, never stored with U+FFFD in its place.
      const named = JSON.stringify({ ...body, name: '練馬' });
      const at = named.indexOf('練馬');
      const broken = new Uint8Array([
        ...utf8.encode(named.slice(0, at)),
        ...utf8.encode('練').slice(0, 2),
        ...utf8.encode(named.slice(at + 1)),
      ]);
      const r = await send(`/api/${kind}`, { body: broken, contentType: 'application/json' });
      found.push(
        ...(await violations(r, { label: `${kind} JSON not UTF-8`, answer: 'json', table: kind, key: keyOf(body), statuses: [400] })),
      );
    }
    const cancel = await send('/api/registrations/cancel', { body: '{"token":"abc', contentType: 'application/json' });
    // A body that cannot be read is refused as such (400), before any token is looked up.
    found.push(...(await violations(cancel, { label: 'cancel cut JSON', answer: 'json', statuses: [400] })));
    expectNone(found);
  });

  it('refuses a multipart body without its closing boundary, cut inside a part, or with the wrong boundary, with 400', async () => {
    const found: string[] = [];
    for (const kind of ['applications', 'registrations'] as const) {
      const body = kind === 'applications' ? application(open) : registration(sessionId);
      const whole = multipart(flatten(body));
      for (const [label, encoded] of [
        ['no closing boundary', multipart(flatten(body), { close: false })],
        ['cut inside a part', { ...whole, body: whole.body.slice(0, whole.body.length / 2) }],
        ['no boundary parameter', { body: whole.body, contentType: 'multipart/form-data' }],
        ['another boundary', { body: whole.body, contentType: 'multipart/form-data; boundary=nope' }],
      ] as const) {
        const r = await send(`/api/${kind}`, encoded);
        found.push(...(await violations(r, { label: `${kind} ${label}`, answer: 'html', table: kind, key: keyOf(body), statuses: [400] })));
      }
    }
    expectNone(found);
  });

  it('refuses content types it does not take with 415 (text/plain, application/xml, none)', async () => {
    const found: string[] = [];
    for (const kind of ['applications', 'registrations'] as const) {
      const body = JSON.stringify(kind === 'applications' ? application(open) : registration(sessionId));
      for (const [label, type, payload, accept] of [
        ['text/plain', 'text/plain', body, false],
        ['text/plain, answer in JSON', 'text/plain', body, true],
        ['application/xml', 'application/xml', '<?xml version="1.0"?><application><name>練馬</name></application>', false],
        ['text/html', 'text/html', '<form></form>', false],
        ['application/jsonp', 'application/jsonp', body, false],
      ] as const) {
        const r = await send(`/api/${kind}`, { body: payload, contentType: type }, accept ? { Accept: 'application/json' } : {});
        found.push(...(await violations(r, { label: `${kind} ${label}`, answer: accept ? 'json' : 'html', statuses: [415] })));
      }
      // No Content-Type header at all (a byte body gets none).
      const none = await SELF.fetch(`${ORIGIN}/api/${kind}`, {
        method: 'POST',
        headers: { 'Sec-Fetch-Site': 'same-origin' },
        body: new TextEncoder().encode(body),
      });
      found.push(...(await violations(none, { label: `${kind} without a content type`, answer: 'html', statuses: [415] })));
    }
    // The cancel form reads a token from whatever it is sent; a type it does not read means no token.
    for (const [type, payload] of [
      ['text/plain', 'token=abc'],
      ['application/xml', '<token>abc</token>'],
    ] as const) {
      const r = await send('/api/registrations/cancel', { body: payload, contentType: type });
      found.push(...(await violations(r, { label: `cancel ${type}`, answer: 'html', statuses: [404, 415] })));
    }
    const none = await SELF.fetch(`${ORIGIN}/api/registrations/cancel`, {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'same-origin' },
      body: new TextEncoder().encode('token=abc'),
    });
    found.push(...(await violations(none, { label: 'cancel without a content type', answer: 'html', statuses: [404, 415] })));
    expectNone(found);
  });

  it('takes a media type in capitals and with parameters, as HTTP allows', async () => {
    const body = application(open);
    const r = await send('/api/applications', { body: JSON.stringify(body), contentType: 'Application/JSON; charset=UTF-8' });
    expectNone(
      await violations(r, {
        label: 'Application/JSON',
        answer: 'json',
        table: 'applications',
        key: keyOf(body),
        ...storedShape('applications', received('json', body)),
        statuses: [201],
      }),
    );
  });

  it('refuses a form that repeats a field, or attaches a file where none is taken, with 400', async () => {
    const found: string[] = [];
    const body = registration(sessionId);
    const repeated = await send('/api/registrations', {
      body: `${new URLSearchParams(flatten(body))}&name=${encodeURIComponent('二人目')}`,
      contentType: 'application/x-www-form-urlencoded',
    });
    found.push(
      ...(await violations(repeated, {
        label: 'repeated field',
        answer: 'html',
        table: 'registrations',
        key: keyOf(body),
        statuses: [400],
      })),
    );
    const withFile = new FormData();
    for (const [k, v] of flatten(registration(sessionId))) withFile.set(k, v);
    withFile.set('name', new File(['<script>alert(1)</script>'], '"><img src=x onerror=alert(1)>.html', { type: 'text/html' }));
    found.push(
      ...(await violations(await postForm('/api/registrations', withFile), {
        label: 'file in a text field',
        answer: 'html',
        statuses: [400],
      })),
    );
    expectNone(found);
  });
});

describe('other methods, the seat counter and the cancel link', () => {
  it('answers other methods with 405, in JSON', async () => {
    const found: string[] = [];
    for (const path of ['/api/applications', '/api/registrations'])
      for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
        const r = await SELF.fetch(`${ORIGIN}${path}`, { method, headers: { 'Sec-Fetch-Site': 'same-origin' } });
        found.push(...(await violations(r, { label: `${method} ${path}`, answer: 'json', statuses: [405] })));
      }
    expectNone(found);
  });

  it('answers hostile session ids in the path with 404 in JSON: traversal, broken encodings, very long', async () => {
    const ids = [
      '..%2F..%2Fcatalog.json',
      '%2e%2e',
      '%00',
      '%E0%A4%A',
      '%ED%A0%80', // an encoded lone surrogate
      '%F0%9F%98',
      encodeURIComponent('<script>alert(1)</script>'),
      encodeURIComponent("x' OR '1'='1"),
      encodeURIComponent('か\u3099'),
      encodeURIComponent('👩\u200D👩\u200D👧'),
      'a'.repeat(10_000),
      `${sessionId}%00`,
      `${sessionId}%20`,
      sessionId.toUpperCase(),
    ];
    const jobs = ids.map(
      (id) => async () =>
        violations(await SELF.fetch(`${ORIGIN}/api/sessions/${id}/seats`), {
          label: `seats ${id.slice(0, 40)}`,
          answer: 'json',
          statuses: [404],
        }),
    );
    expectNone(await run(jobs));
    expect((await SELF.fetch(`${ORIGIN}/api/sessions/${sessionId}/seats`)).status).toBe(200);
  });

  it('answers hostile cancel tokens in the query with a 404 page that does not echo them', async () => {
    const tokens = [
      ...injection.map((c) => encodeURIComponent(c.value)),
      '%E0%A4%A',
      'a'.repeat(64),
      `${'a'.repeat(63)}%00`,
      'a'.repeat(100_000),
      `${'A'.repeat(43)}&token=<script>`,
    ];
    const jobs = tokens.map((t) => async () => {
      const r = await SELF.fetch(`${ORIGIN}/api/registrations/cancel?token=${t}`);
      const page = await r.clone().text();
      const found = await violations(r, { label: `GET cancel ${t.slice(0, 40)}`, answer: 'html', statuses: [404] });
      if (page.includes('alert(1)') || page.includes('DROP TABLE')) found.push(`GET cancel ${t.slice(0, 40)}: the token is echoed`);
      return found;
    });
    expectNone(await run(jobs));
  });
});

describe('known bugs (each case states what should happen)', () => {
  const snapshot = () => new Set(Object.getOwnPropertyNames(Object.prototype));

  /** Runs `body`, then restores Object.prototype (the test shares its isolate with the Worker). */
  async function withPrototypeGuard<T>(body: () => Promise<T>): Promise<{ result: T; added: string[] }> {
    const before = snapshot();
    try {
      const result = await body();
      return { result, added: [...snapshot()].filter((k) => !before.has(k)) };
    } finally {
      for (const k of Object.getOwnPropertyNames(Object.prototype))
        if (!before.has(k)) delete (Object.prototype as Record<string, unknown>)[k];
    }
  }

  // src/lib/unflatten.ts:21-22 follows "__proto__" (and "constructor" → "prototype") and writes into Object.prototype.
  it('prototype pollution: a form field "__proto__.x" must not change Object.prototype nor later submissions', async () => {
    const { result, added } = await withPrototypeGuard(async () => {
      await send('/api/registrations', {
        body: `${new URLSearchParams(flatten(registration(sessionId)))}&__proto__.hostileprobe=1`,
        contentType: 'application/x-www-form-urlencoded',
      });
      // Someone else's ordinary sign-up, afterwards, in the same isolate: refused with 422 "想定していない項目「hostileprobe」".
      const next = await postJson('/api/registrations', registration(sessionId));
      return { status: next.status, body: await next.text() };
    });
    expect(added).toEqual([]);
    expect(result.status, result.body).toBe(202);
  });

  it('prototype pollution by a multipart field "constructor.prototype.x" (same cause)', async () => {
    const { result, added } = await withPrototypeGuard(async () => {
      await send('/api/applications', multipart([...flatten(application(open)), ['constructor.prototype.hostileprobe2', '1']]));
      return (await postJson('/api/applications', application(open))).status;
    });
    expect(added).toEqual([]);
    expect(result).toBe(201);
  });

  // src/lib/unflatten.ts:21-22 then :18 set a property on a string in strict mode: TypeError, answered 503.
  it('a form with a field both as a value and as a group ("name" and "name.x") must be refused with 4xx, not 503', async () => {
    const r = await send('/api/registrations', {
      body: `${new URLSearchParams(flatten(registration(sessionId)))}&name.x=1`,
      contentType: 'application/x-www-form-urlencoded',
    });
    expectNone(await violations(r, { label: 'name + name.x', answer: 'html', statuses: [400, 422] }));
  });

  // functions/api/applications.ts:47 and registrations.ts:45 call encodeURIComponent on the id before validation: URIError, 503.
  it('a lone surrogate in jobId (JSON "\\ud800") must be refused with 422, not 503', async () => {
    const r = await send('/api/applications', {
      body: JSON.stringify(application(open, { jobId: '\ud800' })),
      contentType: 'application/json',
    });
    expectNone(await violations(r, { label: 'jobId \\ud800', answer: 'json', statuses: [422] }));
  });

  it('a lone surrogate in sessionId (JSON "x\\udfff") must be refused with 422, not 503', async () => {
    const r = await send('/api/registrations', { body: JSON.stringify(registration('x\udfff')), contentType: 'application/json' });
    expectNone(await violations(r, { label: 'sessionId x\\udfff', answer: 'json', statuses: [422] }));
  });

  // functions/api/registrations.ts:213-215: c.req.parseBody() throws on a broken multipart body, and a JSON `null`
  // makes form['token'] throw; both reach the generic catch and answer 503 "混み合っている".
  it('POST /api/registrations/cancel with a multipart body missing its closing boundary must be 4xx, not 503', async () => {
    const r = await send('/api/registrations/cancel', multipart([['token', 'a'.repeat(43)]], { close: false }));
    expectNone(await violations(r, { label: 'cancel unclosed multipart', answer: 'html', statuses: [400, 404] }));
  });

  it('POST /api/registrations/cancel as multipart/form-data without a boundary must be 4xx, not 503', async () => {
    const r = await send('/api/registrations/cancel', { body: 'token=abc', contentType: 'multipart/form-data' });
    expectNone(await violations(r, { label: 'cancel multipart without boundary', answer: 'html', statuses: [400, 404, 415] }));
  });

  it('POST /api/registrations/cancel with the JSON body `null` must be 4xx, not 503', async () => {
    const r = await send('/api/registrations/cancel', { body: 'null', contentType: 'application/json' });
    expectNone(await violations(r, { label: 'cancel null', answer: 'json', statuses: [400, 404] }));
  });

  // functions/api/registrations.ts:275 looks the id up with `sessions[id]`, which finds inherited members.
  for (const id of ['__proto__', 'constructor', 'hasOwnProperty', 'toString'])
    it(`GET /api/sessions/${id}/seats must be 404, not 200 {"seatsLeft":null,"waitlistLeft":null}`, async () => {
      const r = await SELF.fetch(`${ORIGIN}/api/sessions/${id}/seats`);
      expectNone(await violations(r, { label: `seats ${id}`, answer: 'json', statuses: [404] }));
    });

  // functions/lib/catalog.ts:32 and :42 (`catalog.jobs[jobId]`, `catalog.sessions[sessionId]`) find Object's "constructor".
  it('jobId "constructor" must be 404 (unknown job), not 409 "このサイトでは応募を受け付けていません"', async () => {
    const r = await postJson('/api/applications', application('constructor'));
    expectNone(await violations(r, { label: 'jobId constructor', answer: 'json', statuses: [404] }));
  });

  it('sessionId "constructor" must be 404 (unknown session), not 409 "申込受付は終了しました"', async () => {
    const r = await postJson('/api/registrations', registration('constructor'));
    expectNone(await violations(r, { label: 'sessionId constructor', answer: 'json', statuses: [404] }));
  });

  // functions/lib/respond.ts:24 passes the page body as the replacement string of String.replace, so "$`", "$&" and
  // "$$" in echoed text are read as replacement patterns ("$'" escapes to "$&#39;" and is spared).
  for (const name of hostileNames.filter((n) => n.includes('$')))
    it(`a refusal page must show the field name ${JSON.stringify(name)} as sent, in one whole page`, async () => {
      const r = await send('/api/registrations', encode('urlencoded', { ...registration(sessionId), [name]: 'x' }));
      expectNone(await violations(r, { label: `field name ${name}`, answer: 'html', statuses: [422], echoes: [name] }));
    });

  it('(control) the same refusal page is whole for a field name without "$"', async () => {
    const r = await send('/api/registrations', encode('urlencoded', { ...registration(sessionId), 氏名です: 'x' }));
    expectNone(await violations(r, { label: 'field name 氏名です', answer: 'html', statuses: [422], echoes: ['氏名です'] }));
  });

  // functions/lib/submission.ts:84 decodes forms with Response.formData(), which turns bytes that are not UTF-8 into
  // U+FFFD; the JSON path (:74, fatal decoder) refuses the same bytes with 400. The form path stores "練\uFFFD" and confirms.
  it('a URL-encoded form whose bytes are not UTF-8 must be refused with 400, not stored with U+FFFD', async () => {
    const body = registration(sessionId);
    const form = new URLSearchParams(flatten(body)).toString().replace(/name=[^&]*/, 'name=%E7%B7%B4%E9');
    const r = await send('/api/registrations', { body: form, contentType: 'application/x-www-form-urlencoded' });
    expectNone(await violations(r, { label: 'form not UTF-8', answer: 'html', table: 'registrations', key: keyOf(body), statuses: [400] }));
  });

  it('a multipart form whose bytes are not UTF-8 must be refused with 400, not stored with U+FFFD', async () => {
    const body = application(open);
    const { body: bytes, contentType } = multipart(flatten({ ...body, name: 'NAME-PLACEHOLDER' }));
    const text = new TextDecoder().decode(bytes);
    const at = text.indexOf('NAME-PLACEHOLDER');
    const utf8 = new TextEncoder();
    const broken = new Uint8Array([
      ...utf8.encode(text.slice(0, at)),
      ...utf8.encode('練').slice(0, 2),
      ...utf8.encode(text.slice(at + 'NAME-PLACEHOLDER'.length)),
    ]);
    const r = await send('/api/applications', { body: broken, contentType });
    expectNone(
      await violations(r, { label: 'multipart not UTF-8', answer: 'html', table: 'applications', key: keyOf(body), statuses: [400] }),
    );
  });

  // functions/lib/catalog.ts:12-23 (like respond.ts:9-18 for the page shell) keeps one request's pending promise and
  // hands it to every concurrent request. Each time it is refreshed (every 60 s) the requests arriving together wait
  // on another request's promise; workerd reports "Cannot perform I/O on behalf of a different request (I/O type:
  // RefcountedFulfiller)" and cancels requests as hung ("The Workers runtime canceled this request because it detected
  // that your Worker's code had hung"). Below: 20 concurrent GETs per refresh; from about the 28th refresh on, every
  // request hangs (553 answered, 247 hung, on every run). Also seen at real time, without a mocked clock: 17 of 20
  // requests hung at the second refresh of a long run. Skipped: the hung requests surface as unhandled errors that
  // fail the whole run. Remove `.skip` to see it; the other suites pin the cache (pinCatalog) so as not to trip on it.
  it('requests arriving together when the catalog cache expires must all be answered', async () => {
    const real = Date.now.bind(Date);
    let offset = 0;
    const spy = vi.spyOn(Date, 'now').mockImplementation(() => real() + offset);
    const outcomes: Record<string, number> = {};
    try {
      for (let round = 1; round <= 40; round++) {
        offset = 2 * 86_400_000 + round * 61_000;
        const answers = await Promise.all(
          Array.from({ length: 20 }, () =>
            SELF.fetch(`${ORIGIN}/api/sessions/no-such-session/seats`).then(
              (r) => String(r.status),
              () => 'hung',
            ),
          ),
        );
        for (const a of answers) outcomes[a] = (outcomes[a] ?? 0) + 1;
      }
    } finally {
      spy.mockRestore();
    }
    expect(outcomes).toEqual({ 404: 800 });
  });
});

describe('known bugs in the furigana rule (src/schemas/fields.ts:45-48)', () => {
  // \p{Script=Katakana}/\p{Script=Hiragana} leave out the combining voiced marks U+3099/U+309A (Script=Inherited) and the
  // half-width marks ﾞ ﾟ ｰ ･ (U+FF9E, U+FF9F, U+FF70, U+FF65: Script=Common). Katakana a person typed is refused as
  // "カタカナかひらがなで入力してください", while half-width ｶﾀｶﾅ without those marks is accepted.
  for (const [label, kana] of [
    ['half-width with voiced marks', 'ﾔﾏﾀﾞ ｼﾞﾛｳ'],
    ['half-width with the prolonged sound mark', 'ﾀﾛｰ'],
    ['half-width middle dot', 'ｼﾞｮﾝ･ｽﾐｽ'],
    ['NFD katakana (as macOS file names and some pastes give it)', 'ヤマタ\u3099 シ\u3099ロウ'],
    ['NFD hiragana', 'やまた\u3099'],
  ] as const)
    it(`furigana ${label} (${JSON.stringify(kana)}) must be accepted and stored as typed`, async () => {
      const body = application(open, { nameKana: kana });
      const r = await send('/api/applications', encode('json', body));
      expectNone(
        await violations(r, {
          label: `nameKana ${label}`,
          answer: 'json',
          table: 'applications',
          key: keyOf(body),
          ...storedShape('applications', received('json', body)),
          statuses: [201],
        }),
      );
    });

  it('(control) full-width katakana, hiragana and half-width katakana without marks are accepted', async () => {
    for (const kana of ['ヤマダ ジロウ', 'やまだ じろう', 'ｶﾀｶﾅ'])
      expect((await send('/api/applications', encode('json', application(open, { nameKana: kana })))).status, kana).toBe(201);
  });
});
