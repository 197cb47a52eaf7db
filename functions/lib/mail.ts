/**
 * Sends mail through Resend, one at a time or as a batch, or, without RESEND_API_KEY, keeps it in the local outbox
 * (npm run outbox). Returns a result instead of throwing; never logs a recipient or a body.
 */
import { Resend } from 'resend';
import { site } from '../../src/config/site';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: string; contentType?: string }[] | undefined;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string> | undefined;
}

export type SendResult = { ok: true; local: boolean } | { ok: false; error: string; retryable: boolean };

interface ProviderError {
  name?: string;
  statusCode?: number | null;
}

const client = (env: Env) => new Resend(env.RESEND_API_KEY, { baseUrl: env.RESEND_BASE_URL ?? 'https://api.resend.com' });

const payload = (mail: OutgoingMail) => ({
  from: site.mail.from,
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  ...(mail.attachments ? { attachments: mail.attachments } : {}),
  ...(mail.headers ? { headers: mail.headers } : {}),
});

/** Runs one provider call under the configured timeout and turns its answer into a SendResult. */
async function attempt(env: Env, call: () => Promise<{ error: ProviderError | null }>): Promise<SendResult> {
  if (!env.RESEND_API_KEY) return { ok: true, local: true };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), Number(env.RESEND_TIMEOUT_MS ?? 10_000));
    });
    const { error } = await Promise.race([call(), timeout]);
    if (!error) return { ok: true, local: false };
    // 4xx other than rate limits and idempotency races will fail the same way again.
    const status = error.statusCode ?? 500;
    const retryable = status >= 500 || status === 429 || error.name === 'concurrent_idempotent_requests';
    return { ok: false, error: `${error.name}: HTTP ${status}`, retryable };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message.slice(0, 200) : 'unknown', retryable: true };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

export function sendMail(env: Env, mail: OutgoingMail, idempotencyKey: string): Promise<SendResult> {
  return attempt(env, () => client(env).emails.send(payload(mail), { idempotencyKey }));
}

/** Up to 100 mails without attachments in one request (Resend's batch endpoint: all accepted or none). */
export function sendBatch(env: Env, batch: OutgoingMail[], idempotencyKey: string): Promise<SendResult> {
  return attempt(env, () => client(env).batch.send(batch.map(payload), { idempotencyKey }));
}
