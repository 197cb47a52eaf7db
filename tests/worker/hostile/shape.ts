/** What the Worker receives from a body and what it must store: the oracle both hostile suites compare with. */
import { unflatten } from '../../../src/lib/unflatten';
import { isBlankWorkEntry } from '../../../src/schemas/application';
import { type Encoding, type Expectation, flatten, overTheWire } from './check';

export type Kind = 'applications' | 'registrations';

/** Body limits of the two endpoints (MAX_BODY in functions/api/*.ts). */
export const LIMIT = { applications: 5 * 1024 * 1024 + 256 * 1024, registrations: 32 * 1024 } as const;

export const byteLength = (body: string | Uint8Array) => (typeof body === 'string' ? new TextEncoder().encode(body).length : body.length);

/** The idempotency key a body carries, if it is a string. */
export const keyOf = (body: Record<string, unknown>) => (typeof body['idempotencyKey'] === 'string' ? body['idempotencyKey'] : '');

/**
 * What the Worker receives, as the shared schema sees it: for forms UTF-8 text, unflattened; blank
 * work-history rows dropped, as the application endpoint does before validating.
 */
export function received(encoding: Encoding, body: Record<string, unknown>): Record<string, unknown> {
  const input =
    encoding === 'json'
      ? (JSON.parse(JSON.stringify(body)) as Record<string, unknown>)
      : // unflatten makes prototype-less objects; compare as plain data, as stored.
        (JSON.parse(JSON.stringify(unflatten(Object.fromEntries(flatten(body).map(([k, v]) => [k, overTheWire(v)]))))) as Record<
          string,
          unknown
        >);
  if (Array.isArray(input['work'])) input['work'] = input['work'].filter((row) => row && !isBlankWorkEntry(row));
  return input;
}

/** The columns a 2xx must hold: what was received, less the key, the consent and (registrations) the support needs. */
export function storedShape(kind: Kind, input: Record<string, unknown>): Pick<Expectation, 'payload' | 'supportNeeds'> {
  const { idempotencyKey: _k, consent: _c, supportNeeds, ...sent } = input;
  // Text is stored as sent, except the address: stored and mailed in its NFKC form, trimmed (src/schemas/fields.ts).
  const payload = typeof sent['email'] === 'string' ? { ...sent, email: sent['email'].normalize('NFKC').trim() } : sent;
  if (kind === 'applications') return { payload: { work: [], ...payload } };
  return { payload, supportNeeds: typeof supportNeeds === 'string' ? supportNeeds : null };
}
