// Secrets and optional settings, which `wrangler types` cannot see (they live in .dev.vars or `wrangler secret`).
// .dev.vars.example documents each one.
interface Env {
  RESEND_API_KEY?: string;
  /** Only for tests: a fake Resend server on 127.0.0.1. */
  RESEND_BASE_URL?: string;
  /** How long to wait for Resend before trying again later (default 10 s). */
  RESEND_TIMEOUT_MS?: string;
  TURNSTILE_SECRET_KEY?: string;
  /** Only for tests: a fake Turnstile server. */
  TURNSTILE_VERIFY_URL?: string;
  /** Only for tests: the calendar day the Worker's clock reads (lib/clock.ts). Never set in production. */
  CLOCK_TODAY?: string;
}

interface Env {
  /** Cloudflare Access: the application's audience tag (production). */
  ACCESS_AUD?: string;
  /** Cloudflare Access: the team domain, e.g. your-team.cloudflareaccess.com (production). */
  ACCESS_TEAM_DOMAIN?: string;
  /** Local staff login (only when Access is not configured). */
  STAFF_USER?: string;
  STAFF_PASSWORD?: string;
}
