/**
 * Property tests of the shared schemas against the Worker (fast-check): whatever the application and
 * registration schemas accept is stored exactly as sent, by JSON and by either kind of form; whatever they
 * refuse, the Worker refuses with a 4xx and stores nothing.
 */
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInTokyo } from '../../src/lib/dates';
import { statusOn } from '../../src/lib/status';
import { applicationSchema } from '../../src/schemas/application';
import { emailKey } from '../../src/schemas/fields';
import { registrationSchema } from '../../src/schemas/registration';
import { testNow } from '../clock';
import { applicationFields, badJsonValue, badText, idempotencyKey, registrationFields, unknownName } from './hostile/arbitraries';
import { type Encoding, encode, pinCatalog, send } from './hostile/check';
import { type Kind, received, storedShape } from './hostile/shape';
import { catalog, count } from './support';

const RUNS = 50;
const encodings: Encoding[] = ['json', 'urlencoded', 'multipart'];
let openJobs: string[];
let openSessions: string[];

beforeAll(async () => {
  await pinCatalog();
  const today = todayInTokyo(testNow());
  const built = await catalog();
  openJobs = Object.entries(built.jobs)
    .filter(([, j]) => j.applyOnline && statusOn(j, today) === 'open')
    .map(([id]) => id);
  openSessions = Object.entries(built.sessions)
    .filter(([, s]) => s.registrationClosesOn >= today)
    .map(([id]) => id);
  expect(openJobs.length).toBeGreaterThan(0);
  expect(openSessions.length).toBeGreaterThan(0);
});

const schemaOf = (kind: Kind) => (kind === 'applications' ? applicationSchema : registrationSchema);
const idField = (kind: Kind) => (kind === 'applications' ? 'jobId' : 'sessionId');
/** Every run starts with free seats, so a sign-up is never refused for being full or a repeat. */
const freeSeats = () => env.DB.prepare('DELETE FROM registrations').run();

let serial = 0;
/** fast-check repeats small keys; a key used twice would return the first submission, so each is made unique. */
const unique = (key: string | undefined) => (key === undefined ? {} : { idempotencyKey: `${key.slice(0, 40)}-${(++serial).toString(36)}` });

async function referenceOf(kind: Kind, r: Response, encoding: Encoding, body: Record<string, unknown>): Promise<string | undefined> {
  const text = await r.text();
  // A sign-up's answer never names its reference (nobody may learn who registered): found by who signed up.
  if (kind === 'registrations')
    return (
      await env.DB.prepare('SELECT reference FROM registrations WHERE session_id = ?1 AND email_key = ?2 ORDER BY id DESC')
        .bind(body['sessionId'], emailKey(String(body['email'])))
        .first<{ reference: string }>()
    )?.reference;
  if (encoding === 'json') return (JSON.parse(text) as { reference?: string }).reference;
  return text.match(/class="reference">([^<]+)</)?.[1];
}

describe('what the schemas accept is stored exactly as sent', () => {
  for (const kind of ['applications', 'registrations'] as const)
    for (const encoding of encodings)
      it(`${kind} by ${encoding}`, async () => {
        const fields = kind === 'applications' ? applicationFields : registrationFields;
        const ids = kind === 'applications' ? openJobs : openSessions;
        await fc.assert(
          fc.asyncProperty(fields, fc.constantFrom(...ids), idempotencyKey, async (values, id, key) => {
            if (kind === 'registrations') await freeSeats();
            const body = { [idField(kind)]: id, ...unique(key), ...values, consent: true };
            const input = received(encoding, body);
            // Built field by field from the rules; the whole schema (cross-field rules too) must agree.
            expect(schemaOf(kind).safeParse(input).success).toBe(true);

            const r = await send(`/api/${kind}`, encode(encoding, body));
            // 200: the same content without a key was sent in an earlier run, and is the same submission.
            expect([200, 201, 202], await r.clone().text()).toContain(r.status);
            const reference = await referenceOf(kind, r, encoding, body);
            const row = await env.DB.prepare(
              `SELECT payload, email_key, ${kind === 'registrations' ? 'support_needs' : 'NULL AS support_needs'} FROM ${kind} WHERE reference = ?1`,
            )
              .bind(reference ?? '')
              .first<{ payload: string; email_key: string; support_needs: string | null }>();
            expect(row, `no row for ${reference}`).toBeTruthy();
            const expected = storedShape(kind, input);
            expect(JSON.parse(row?.payload ?? '{}')).toStrictEqual(expected.payload);
            if (kind === 'registrations') expect(row?.support_needs).toBe(expected.supportNeeds);
            expect(row?.email_key).toBe(emailKey(String(values.email)));
          }),
          { numRuns: RUNS },
        );
      });
});

/** One change that may break a valid body: a field set to a wrong value, a field left out, or a member it does not know. */
type Mutation =
  | { op: 'set'; field: string; value: unknown }
  | { op: 'delete'; field: string }
  | { op: 'add'; field: string; value: string };

const mutation = (kind: Kind, json: boolean): fc.Arbitrary<Mutation> => {
  const fields = fc.constantFrom(...Object.keys(schemaOf(kind).shape));
  return fc.oneof(
    { arbitrary: fc.record({ op: fc.constant('set' as const), field: fields, value: json ? badJsonValue : badText }), weight: 6 },
    { arbitrary: fc.record({ op: fc.constant('delete' as const), field: fields }), weight: 1 },
    { arbitrary: fc.record({ op: fc.constant('add' as const), field: unknownName, value: fc.string({ maxLength: 8 }) }), weight: 1 },
  );
};

function apply(body: Record<string, unknown>, changes: Mutation[]): Record<string, unknown> {
  const out = { ...body };
  for (const m of changes) {
    if (m.op === 'delete') delete out[m.field];
    else out[m.field] = m.value;
  }
  return out;
}

/**
 * Inputs that hit a bug already shown by an `it.fails` case in hostile-input.test.ts (a lone surrogate in the
 * job or session id answers 503); left out here so that this property tests everything else.
 */
const knownBug = (kind: Kind, input: Record<string, unknown>) => {
  const id = input[idField(kind)];
  return typeof id === 'string' && id !== id.toWellFormed();
};

describe('what the schemas refuse, the Worker refuses', () => {
  for (const kind of ['applications', 'registrations'] as const)
    for (const form of [false, true])
      it(`${kind} by ${form ? 'either form' : 'JSON'}: 4xx and nothing stored`, async () => {
        const fields = kind === 'applications' ? applicationFields : registrationFields;
        const ids = kind === 'applications' ? openJobs : openSessions;
        const tally = { refused: 0, accepted: 0 };
        await fc.assert(
          fc.asyncProperty(
            fields,
            fc.constantFrom(...ids),
            form ? fc.constantFrom<Encoding>('urlencoded', 'multipart') : fc.constant<Encoding>('json'),
            fc.array(mutation(kind, !form), { minLength: 1, maxLength: 3 }),
            async (values, id, encoding, changes) => {
              if (kind === 'registrations') await freeSeats();
              const body = apply({ [idField(kind)]: id, ...unique('prop-refusal-key'), ...values, consent: true }, changes);
              const input = received(encoding, body);
              fc.pre(!knownBug(kind, input));
              const accepts = schemaOf(kind).safeParse(input).success;
              const before = await count(`SELECT COUNT(*) AS n FROM ${kind}`);
              const r = await send(`/api/${kind}`, encode(encoding, body));
              const text = await r.text();
              expect(r.status, text.slice(0, 300)).toBeLessThan(500);
              if (accepts) {
                tally.accepted++;
                // Still valid after the change: stored, or an id the build does not know (404) or will not take (409).
                expect([200, 201, 202, 404, 409], text.slice(0, 300)).toContain(r.status);
              } else {
                tally.refused++;
                expect(r.status, text.slice(0, 300)).toBeGreaterThanOrEqual(400);
                expect(await count(`SELECT COUNT(*) AS n FROM ${kind}`)).toBe(before);
              }
            },
          ),
          { numRuns: RUNS },
        );
        // The property must mostly have seen refusals, or it proved nothing.
        expect(tally.refused).toBeGreaterThan(RUNS / 2);
      });
});
