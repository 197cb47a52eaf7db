/**
 * The Worker: serves the static build and answers /api/*; its crons relay mail and purge old data.
 * Reads like a table of contents; each resource lives in api/.
 */
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { submissionCopy as t } from '../src/i18n/ja';
import { alerts } from './api/alerts';
import { applications } from './api/applications';
import { eligibility } from './api/eligibility';
import { registrations, sessions } from './api/registrations';
import { staffApi, staffPages } from './api/staff';
import { status } from './api/status';
import { sendDigests } from './lib/alerts';
import { relay } from './lib/outbox';
import { sendReminders } from './lib/reminders';
import { purge } from './lib/retention';
import { expireClaims } from './lib/seats';

// Not strict: /staff and /staff/ are one page, as are /api/x and /api/x/.
/** The crons of wrangler.jsonc: every minute the mail relay; 00:30 JST the purge; 07:00 JST reminders and job-alert digests. */
export const CRON = { relay: '* * * * *', purge: '30 15 * * *', morning: '0 22 * * *' } as const;

const app = new Hono<{ Bindings: Env }>({ strict: false });

// The Worker's own responses need their own headers: public/_headers covers static assets only.
const headers = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  strictTransportSecurity: 'max-age=63072000; includeSubDomains',
  referrerPolicy: 'strict-origin-when-cross-origin',
  xFrameOptions: 'DENY',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
} satisfies Parameters<typeof secureHeaders>[0];
app.use('/api/*', secureHeaders(headers));
app.use('/staff/*', secureHeaders(headers));
app.use('/api/*', async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
});

app.get('/api/health', (c) => c.json({ ok: true }));
app.route('/api/alerts', alerts);
app.route('/api/applications', applications);
app.route('/api/eligibility', eligibility);
app.route('/api/registrations', registrations);
app.route('/api/sessions', sessions);
app.route('/api/staff', staffApi);
app.route('/api/status', status);
app.route('/staff', staffPages);

// Unknown API paths answer here: a mounted sub-app's notFound() would be ignored.
app.all('/api/*', (c) => c.json({ error: 'not_found', message: t.notFound }, 404));
app.onError((e, c) => {
  console.error(`unhandled: ${e.name}: ${e.message.slice(0, 120)}`);
  return c.json({ error: 'unexpected', message: t.unexpected }, 500);
});

// A copy: the assets binding answers with immutable headers, which later middleware could not touch.
app.all('*', async (c) => {
  const asset = await c.env.ASSETS.fetch(c.req.raw);
  return new Response(asset.body, asset);
});

export default {
  fetch: app.fetch,
  async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    const now = new Date(controller.scheduledTime);
    switch (controller.cron) {
      case CRON.purge:
        console.log(`purge: ${JSON.stringify(await purge(env, now))}`);
        break;
      case CRON.morning:
        console.log(`reminders: ${JSON.stringify(await sendReminders(env, now))}`);
        console.log(`digests: ${JSON.stringify(await sendDigests(env, now))}`);
        break;
      default:
        // Seats whose claim window passed move on first, so their mails go out in the same run.
        ctx.waitUntil(
          expireClaims(env, now)
            .then(() => relay(env, { now }))
            .then((r) => console.log(`relay: ${JSON.stringify(r)}`)),
        );
    }
  },
} satisfies ExportedHandler<Env>;
