/**
 * The applicant's status page, without an account: a private link (a long random token, stored only as a
 * hash, looked up by that hash) shows the stages of the opening, the current one and what comes next, and
 * offers withdrawal. A reference number alone never shows anything. The link can be sent again.
 */
import { Hono } from 'hono';
import { statusCopy as t } from '../../src/i18n/ja';
import type { CatalogJob } from '../../src/lib/catalog';
import { html, type Raw } from '../../src/lib/html';
import { applicationByStatusToken, resendStatusLink, stagesOf, type Tracked, withdraw } from '../lib/applications';
import { jobIn, loadCatalog } from '../lib/catalog';
import { now as clock } from '../lib/clock';
import { unavailable } from '../lib/intake';
import { relay } from '../lib/outbox';
import { Problem } from '../lib/problem';
import { buttonPage, page, refuse } from '../lib/respond';
import { assertSameOrigin, assertWithinRate } from '../lib/security';
import { readSubmission } from '../lib/submission';

export const status = new Hono<{ Bindings: Env }>({ strict: false });

const tokyo = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long' });
const invalid = (c: Parameters<typeof page>[0]) =>
  page(c, 404, t.title, html`<h1>${t.title}</h1><p>${t.invalid}</p><p><a href="/status/">${t.resendLink}</a></p>`);

function statusBody(a: Tracked, job: CatalogJob | undefined, token: string): Raw {
  const stages = stagesOf(job);
  const current = Math.min(a.stage, stages.length - 1);
  const next = stages[current + 1];
  return html`<h1>${t.title}</h1>
    <p>${t.lead(job?.title ?? a.job_id, a.reference)}</p>
    ${
      a.status === 'withdrawn'
        ? html`<p class="notice">${t.withdrawn}</p>`
        : html`<h2>${t.stagesLabel}</h2>
          <ol class="stages">
            ${stages.map((s, i) =>
              i === current
                ? html`<li aria-current="step"><strong>${s.label}</strong>（${t.current}${a.stage_at ? t.since(tokyo.format(new Date(a.stage_at))) : ''}）</li>`
                : html`<li>${s.label}${s.when ? html`：${s.when}` : ''}</li>`,
            )}
          </ol>
          ${a.stage_message ? html`<h2>${t.message}</h2><p class="notice">${a.stage_message}</p>` : ''}
          <h2>${t.next}</h2>
          <p>${next ? `${next.label}${next.when ? `（${next.when}）` : ''}` : t.nextNone}</p>
          <form method="post" action="/api/status/withdraw">
            <input type="hidden" name="token" value="${token}" />
            <button class="button secondary" type="submit">${t.withdraw}</button>
          </form>`
    }`;
}

status.get('/', async (c) => {
  try {
    const token = c.req.query('token');
    const a = await applicationByStatusToken(c.env.DB, token);
    if (!a || !token) return invalid(c);
    return page(c, 200, t.title, statusBody(a, jobIn(await loadCatalog(c.env.ASSETS), a.job_id), token));
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
