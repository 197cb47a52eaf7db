/**
 * Who may use the staff area. In production: Cloudflare Access in front, and the Worker verifies the
 * Access token itself (signature against the team's keys, audience, issuer, expiry) instead of trusting
 * a header. Locally: a login from .dev.vars (HTTP Basic), used only when Access is not configured at all; with only
 * one of its two settings, or with nothing configured, the staff area stays closed.
 */
import type { MiddlewareHandler } from 'hono';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { staffCopy as t } from '../../src/i18n/staff';

export type StaffEnv = {
  Bindings: Env;
  /** `staff`: who is signed in. `form`: the fields of a staff post, read within its size limit (staff.tsx). */
  Variables: { staff: string; form: Record<string, unknown> };
};

export type TokenVerdict = { ok: true; email: string } | { ok: false; reason: string };

/** Verifies a Cloudflare Access JWT (RS256): signature, audience, issuer and expiry. */
export async function verifyAccessToken(
  token: string,
  keys: JWTVerifyGetKey,
  opts: { audience: string; issuer: string; now?: Date },
): Promise<TokenVerdict> {
  try {
    const { payload } = await jwtVerify(token, keys, {
      audience: opts.audience,
      issuer: opts.issuer,
      algorithms: ['RS256'],
      ...(opts.now ? { currentDate: opts.now } : {}),
    });
    const email = typeof payload['email'] === 'string' ? payload['email'] : payload.sub;
    return email ? { ok: true, email } : { ok: false, reason: 'no identity' };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? ((e as { code?: string }).code ?? e.name) : 'invalid' };
  }
}

const jwksByTeam = new Map<string, JWTVerifyGetKey>();
function teamKeys(team: string): JWTVerifyGetKey {
  let keys = jwksByTeam.get(team);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(`https://${team}/cdn-cgi/access/certs`));
    jwksByTeam.set(team, keys);
  }
  return keys;
}

/** Compares two strings in time that depends only on their lengths. */
function sameText(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

function basicLogin(header: string | undefined, user: string, password: string): string | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  let decoded: string;
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(header.slice(6)), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
  const i = decoded.indexOf(':');
  const [u, p] = [decoded.slice(0, i), decoded.slice(i + 1)];
  return i > 0 && sameText(u, user) && sameText(p, password) ? u : undefined;
}

/** Refuses without valid credentials (401/403, no personal data); sets `staff` to who is signed in. */
export function requireStaff(): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex, nofollow');
    const deny = (status: 401 | 403, message: string) =>
      c.req.path.startsWith('/api/')
        ? c.json({ error: status === 401 ? 'unauthorized' : 'forbidden', message }, status)
        : c.text(message, status);

    // Access half set up is a mistake in production: refuse rather than fall back to the local login.
    if (Boolean(c.env.ACCESS_AUD) !== Boolean(c.env.ACCESS_TEAM_DOMAIN)) return deny(403, t.notConfigured);
    if (c.env.ACCESS_AUD && c.env.ACCESS_TEAM_DOMAIN) {
      const token = c.req.header('Cf-Access-Jwt-Assertion');
      if (!token) return deny(401, t.unauthorized);
      const verdict = await verifyAccessToken(token, teamKeys(c.env.ACCESS_TEAM_DOMAIN), {
        audience: c.env.ACCESS_AUD,
        issuer: `https://${c.env.ACCESS_TEAM_DOMAIN}`,
      });
      if (!verdict.ok) return deny(403, t.forbidden);
      c.set('staff', verdict.email);
      return next();
    }
    if (c.env.STAFF_USER && c.env.STAFF_PASSWORD) {
      const user = basicLogin(c.req.header('Authorization'), c.env.STAFF_USER, c.env.STAFF_PASSWORD);
      if (!user) {
        c.header('WWW-Authenticate', 'Basic realm="staff", charset="UTF-8"');
        return deny(401, t.unauthorized);
      }
      c.set('staff', user);
      return next();
    }
    return deny(403, t.notConfigured);
  };
}
