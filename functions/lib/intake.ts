/**
 * The steps every public form shares before its own work: same origin, rate, body, honeypot, Turnstile,
 * then the shared zod schema. Returns the parsed data or throws a Problem with Japanese messages.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { submissionCopy as t } from '../../src/i18n/ja';
import { HONEYPOT_FIELD } from '../../src/schemas/fields';
import { fieldErrors } from '../../src/schemas/messages';
import { Problem } from './problem';
import { assertHuman, assertSameOrigin, assertWithinRate } from './security';
import { readSubmission, type Submission } from './submission';

const TURNSTILE_FIELD = 'cf-turnstile-response';

export type Intake<T> = { bot: true; submission: Submission } | { bot: false; submission: Submission; data: T };

export async function intake<S extends z.ZodType>(
  c: Context<{ Bindings: Env }>,
  opts: {
    route: string;
    schema: S;
    order: readonly string[];
    maxBytes: number;
    fileFields?: string[];
    prepare?: (fields: Record<string, unknown>) => void;
  },
): Promise<Intake<z.infer<S>>> {
  const request = c.req.raw;
  assertSameOrigin(request);
  await assertWithinRate(c.env, request, opts.route);
  const submission = await readSubmission(request, { maxBytes: opts.maxBytes, fileFields: opts.fileFields ?? [] });
  const { [HONEYPOT_FIELD]: honeypot, [TURNSTILE_FIELD]: turnstile, ...fields } = submission.fields;
  if (typeof honeypot === 'string' && honeypot !== '') return { bot: true, submission };
  await assertHuman(c.env, turnstile, request);
  opts.prepare?.(fields);
  const parsed = opts.schema.safeParse(fields);
  if (!parsed.success) {
    const list = fieldErrors(parsed.error, opts.order);
    throw new Problem(422, 'invalid', t.errorTitle, list);
  }
  return { bot: false, submission, data: parsed.data };
}

/** D1 answers with errors like "D1_ERROR: …" when overloaded or unreachable; nothing was stored. */
export function unavailable(): Problem {
  return new Problem(503, 'unavailable', t.unavailable);
}

export const isUniqueViolation = (e: unknown, columns: string) =>
  e instanceof Error && e.message.includes('UNIQUE constraint failed') && e.message.includes(columns);
