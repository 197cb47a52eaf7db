/**
 * The applicant's status page, without an account: a private link (a long random token, stored only as a
 * hash, looked up by that hash) shows the stages of the opening, the current one and what comes next, and
 * offers withdrawal. A reference number alone never shows anything. The link can be sent again.
 */
import { Hono } from 'hono';
import { statusCopy as t } from '../../src/i18n/ja';
import { html, raw } from '../../src/lib/html';
import { applicationByStatusToken, resendStatusLink, stagesOf, withdraw } from '../lib/applications';
import { jobIn, loadCatalog } from '../lib/catalog';
import { now as clock } from '../lib/clock';
import { unavailable } from '../lib/intake';
import { relay } from '../lib/outbox';
import { Problem } from '../lib/problem';
import { buttonPage, page, refuse } from '../lib/respond';
import { assertSameOrigin, assertWithinRate } from '../lib/security';
import { readSubmission } from '../lib/submission';
import { StatusPage } from '../views/StatusPage';

export const status = new Hono<{ Bindings: Env }>({ strict: false });

const tokyo = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long' });
const invalid = (c: Parameters<typeof page>[0]) =>
  page(c, 404, t.title, html`<h1>${t.title}</h1><p>${t.invalid}</p><p><a href="/status/">${t.resendLink}</a></p>`);

status.get('/', async (c) => {
  try {
    const token = c.req.query('token');
    const a = await applicationByStatusToken(c.env.DB, token);
    if (!a || !token) return invalid(c);
    const job = jobIn(await loadCatalog(c.env.ASSETS), a.job_id);
    const stages = stagesOf(job);
    const view = (
      <StatusPage
        jobTitle={job?.title ?? a.job_id}
        reference={a.reference}
        withdrawn={a.status === 'withdrawn'}
        stages={stages}
        current={Math.min(a.stage, stages.length - 1)}
        since={a.stage_at ? tokyo.format(new Date(a.stage_at)) : undefined}
        message={a.stage_message}
        token={token}
      />
    );
    return page(c, 200, t.title, raw(String(await view.toString())));
  } catch {
    return refuse(c, unavailable(), false);
  }
});

/** Withdrawal in two steps: the first post asks for confirmation, the second (confirm=yes) withdraws. */
status.post('/withdraw', async (c) => {
  try {
    assertSameOrigin(c.req.raw);
    const { fields } = await readSubmission(c.req.raw, { maxBytes: 4 * 1024 });
    const a = await applicationByStatusToken(c.env.DB, fields['token']);
    if (!a) return invalid(c);
    const token = String(fields['token']);
    if (a.status === 'withdrawn')
      return page(c, 200, t.withdrawConfirmTitle, html`<h1>${t.withdrawConfirmTitle}</h1><p>${t.withdrawn}</p>`);
    if (fields['confirm'] !== 'yes') {
      return buttonPage(c, {
        title: t.withdrawConfirmTitle,
        lead: t.withdrawConfirm,
        action: '/api/status/withdraw',
        token,
        fields: { confirm: 'yes' },
        button: t.withdrawConfirmButton,
        after: html`<p><a href="/api/status?token=${token}">${t.title}</a></p>`,
      });
    }
    await withdraw(c.env.DB, a.reference, clock(c.env));
    return page(c, 200, t.withdrawConfirmTitle, html`<h1>${t.withdrawConfirmTitle}</h1><p>${t.withdrawDone}</p>`);
  } catch (e) {
    if (e instanceof Problem) return refuse(c, e, false);
    return refuse(c, unavailable(), false);
  }
});

/**
 * Sends the link again to the address given at application, if reference and address match and the address has
 * had fewer than RESEND_LIMIT such mails in 24 hours. The answer is the same either way, so nobody can find out who
 * applied; rate-limited per client like every form.
 */
status.post('/resend', async (c) => {
  try {
    assertSameOrigin(c.req.raw);
    await assertWithinRate(c.env, c.req.raw, 'status-resend');
    const { fields } = await readSubmission(c.req.raw, { maxBytes: 4 * 1024 });
    const reference = typeof fields['reference'] === 'string' ? fields['reference'].normalize('NFKC').trim().toUpperCase() : '';
    const email = typeof fields['email'] === 'string' ? fields['email'] : '';
    await resendStatusLink(c.env.DB, reference, email, clock(c.env));
    c.executionCtx.waitUntil(relay(c.env, { spacingMs: 0, limit: 3 }).catch(() => undefined));

    return page(c, 200, t.resendTitle, html`<h1>${t.resendTitle}</h1><p>${t.resendDone}</p>`);
  } catch (e) {
    if (e instanceof Problem) return refuse(c, e, false);
    return refuse(c, unavailable(), false);
  }
});
