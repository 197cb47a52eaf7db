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

/**
 * The client a rate limit counts: an IPv4 address as it is, an IPv6 address by its /64 (one subscriber or host is
 * given a whole /64, so counting single addresses would let one client walk through 2^64 of them). An IPv4-mapped
 * IPv6 address counts as its IPv4 address. Anything unreadable counts as one shared client.
 */
export function clientKey(ip: string | null): string {
  if (!ip) return 'local';
  const address = ip
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/%.*$/, '');
  if (IPV4.test(address)) return address;
  const groups = ipv6Groups(address);
  if (!groups) return 'unreadable';
  // ::ffff:a.b.c.d is an IPv4 client reached over IPv6.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff)
    return [groups[6] ?? 0, groups[7] ?? 0].flatMap((g) => [g >> 8, g & 0xff]).join('.');
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The eight 16-bit groups of an IPv6 address (with `::` and a dotted IPv4 tail), or null if it is not one. */
function ipv6Groups(address: string): number[] | null {
  let text = address;
  const tail = text.match(/^(.*:)([^:]*\.[^:]*)$/);
  if (tail) {
    if (!IPV4.test(tail[2] ?? '')) return null;
    const [a = 0, b = 0, c = 0, d = 0] = (tail[2] ?? '').split('.').map(Number);
    text = `${tail[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const left = halves[0] ? halves[0].split(':') : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - left.length - right.length;
  // Without `::` there must be eight groups; `::` stands for at least one.
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => Number.parseInt(g, 16));
}

/**
 * Two limits from the rate-limiting bindings: per client (an IPv4 address or an IPv6 /64), and a ceiling per route
 * over all clients together, which keeps a distributed flood from using up the mail quota. RATE_LIMIT=off lets a
 * local benchmark run from one address.
 */
export async function assertWithinRate(env: Env, request: Request, route: string): Promise<void> {
  if (env.RATE_LIMIT === 'off') return;
  const client = clientKey(request.headers.get('CF-Connecting-IP'));
  const [mine, all] = await Promise.all([env.SUBMIT_LIMITER.limit({ key: `${route}:${client}` }), env.ROUTE_CEILING.limit({ key: route })]);
  if (!mine.success || !all.success) throw new Problem(429, 'rate_limited', t.rateLimited);
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
