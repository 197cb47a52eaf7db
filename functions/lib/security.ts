/** Who may post: same-origin pages only, at a human pace, optionally checked by Turnstile. */
import { submissionCopy as t } from '../../src/i18n/ja';
import { Problem } from './problem';

/**
 * A post must come from this site's own pages: Sec-Fetch-Site says so in current browsers; otherwise
 * Origin, then Referer, must name this origin. A request with none of them is refused.
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get('Sec-Fetch-Site');
  if (site) return site === 'same-origin';
  const own = new URL(request.url).origin;
  const origin = request.headers.get('Origin');
  if (origin) return origin === own;
  const referer = request.headers.get('Referer');
  if (referer) {
    try {
      return new URL(referer).origin === own;
    } catch {
      return false;
    }
  }
  return false;
}

export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) throw new Problem(403, 'cross_site', t.crossSite);
}

/** Per-client limit from the rate-limiting binding; RATE_LIMIT=off lets a local benchmark run from one address. */
export async function assertWithinRate(env: Env, request: Request, route: string): Promise<void> {
  if (env.RATE_LIMIT === 'off') return;
  const client = request.headers.get('CF-Connecting-IP') ?? 'local';
  const { success } = await env.SUBMIT_LIMITER.limit({ key: `${route}:${client}` });
  if (!success) throw new Problem(429, 'rate_limited', t.rateLimited);
}

/**
 * Cloudflare Turnstile, only when its secret is configured. If its service cannot be reached, the
 * submission is let through (the rate limit and honeypot still apply): a person must not be shut out
 * because a third party is down. A definite "no" from the service is refused.
 */
export async function assertHuman(env: Env, token: unknown, request: Request): Promise<void> {
  if (!env.TURNSTILE_SECRET_KEY) return;
  if (typeof token !== 'string' || token === '') throw new Problem(403, 'turnstile', t.turnstileFailed);
  const body = new FormData();
  body.set('secret', env.TURNSTILE_SECRET_KEY);
  body.set('response', token);
  const ip = request.headers.get('CF-Connecting-IP');
  if (ip) body.set('remoteip', ip);
  try {
    const r = await fetch(env.TURNSTILE_VERIFY_URL ?? 'https://challenges.cloudflare.com/turnstile/v0/siteverify', {
      method: 'POST',
      body,
      signal: AbortSignal.timeout(3000),
    });
    if (!r.ok) return; // the service is failing: fail open
    const verdict = (await r.json()) as { success?: boolean };
    if (verdict.success !== true) throw new Problem(403, 'turnstile', t.turnstileFailed);
  } catch (e) {
    if (e instanceof Problem) throw e;
    console.warn('turnstile unreachable; accepted without it');
  }
}
