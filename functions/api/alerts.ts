/**
 * Job alerts by mail: subscribe (double opt-in), confirm, manage (frequency, stop) and RFC 8058 one-click
 * unsubscribe. The subscribe answer is the same whether or not anything was sent, so nobody learns whether
 * an address is subscribed; confirmation mails to one address are limited (lib/alerts.ts).
 */
import { Hono } from 'hono';
import { alertsCopy as t } from '../../src/i18n/alerts';
import { html } from '../../src/lib/html';
import { email as emailField, emailKey } from '../../src/schemas/fields';
import {
  type Alert,
  alertByToken,
  conditionOf,
  confirm,
  filtersOf,
  parseFilters,
  parseFrequency,
  pendingByConfirmToken,
  setFrequency,
  stop,
  subscribe,
} from '../lib/alerts';
import { now as clock } from '../lib/clock';
import { unavailable } from '../lib/intake';
import { deliver } from '../lib/outbox';
import { Problem } from '../lib/problem';
import { buttonPage, page, refuse } from '../lib/respond';
import { assertSameOrigin, assertWithinRate } from '../lib/security';
import { answersInJson, readSubmission } from '../lib/submission';

export const alerts = new Hono<{ Bindings: Env }>({ strict: false });

type Ctx = Parameters<typeof page>[0];
const MAX_BODY = 4 * 1024;
const back = html`<p><a href="/jobs/">${t.backToJobs}</a></p>`;
alerts.post('/', async (c) => {
  const asJson = answersInJson(c.req.raw);
  try {
    assertSameOrigin(c.req.raw);
    await assertWithinRate(c.env, c.req.raw, 'alerts');
    const { fields } = await readSubmission(c.req.raw, { maxBytes: MAX_BODY });
    const parsed = emailField.safeParse(fields['email']);
    if (!parsed.success) throw new Problem(422, 'invalid', t.invalidEmail, [{ field: 'email', message: t.invalidEmail }]);
    const email = parsed.data.trim().normalize('NFKC');
    const queued = await subscribe(
      c.env,
      { email, emailKey: emailKey(email), filters: parseFilters(fields), frequency: parseFrequency(fields['frequency']) },
      clock(c.env),
    );
    if (queued.length) c.executionCtx.waitUntil(deliver(c.env, queued).catch(() => undefined));
    if (asJson) return c.json({ ok: true }, 202);
    return page(c, 202, t.subscribedTitle, html`<h1>${t.subscribedTitle}</h1><p>${t.subscribedLead}</p>${back}`);
  } catch (e) {
    if (e instanceof Problem) return refuse(c, e, asJson, '/jobs/');
    console.error(`alerts: ${e instanceof Error ? e.name : 'error'}`);
    return refuse(c, unavailable(), asJson, '/jobs/');
  }
});

const confirmInvalid = (c: Ctx) => page(c, 404, t.confirmTitle, html`<h1>${t.confirmTitle}</h1><p>${t.confirmInvalid}</p>${back}`);

/** The confirmation link: a page with a button (a GET never changes anything, so link scanners confirm nothing). */
alerts.get('/confirm', async (c) => {
  try {
    const token = c.req.query('token') ?? '';
    const alert = await pendingByConfirmToken(c.env.DB, token, clock(c.env));
    if (!alert) return confirmInvalid(c);
    return buttonPage(c, {
      title: t.confirmTitle,
      lead: t.confirmLead(conditionOf(filtersOf(alert.filters)), alert.frequency),
      action: '/api/alerts/confirm',
      token,
      button: t.confirmButton,
    });
  } catch {
    return refuse(c, unavailable(), false);
  }
});

alerts.post('/confirm', async (c) => {
  try {
    assertSameOrigin(c.req.raw);
    const { fields } = await readSubmission(c.req.raw, { maxBytes: MAX_BODY });
    const manageToken = await confirm(c.env, fields['token'], clock(c.env));
    if (!manageToken) return confirmInvalid(c);
    return page(
      c,
      200,
      t.confirmedTitle,
      html`<h1>${t.confirmedTitle}</h1>
        <p>${t.confirmedLead}</p>
        <p><a href="/api/alerts/manage?token=${manageToken}">${t.manageLink}</a></p>`,
    );
  } catch (e) {
    if (e instanceof Problem) return refuse(c, e, false);
    return refuse(c, unavailable(), false);
  }
});

const manageInvalid = (c: Ctx) => page(c, 404, t.manageTitle, html`<h1>${t.manageTitle}</h1><p>${t.manageInvalid}</p>${back}`);

/** The manage page of an alert found by `token` (null: not found), with an optional word on what just changed. */
async function managePage(c: Ctx, alert: Alert | null, token: string, note?: string): Promise<Response> {
  if (!alert) return manageInvalid(c);
  const frequencies = ['daily', 'weekly'] as const;
  return page(
    c,
    200,
    t.manageTitle,
    html`<h1>${t.manageTitle}</h1>
      ${note ? html`<p class="notice" role="status">${note}</p>` : ''}
      <dl>
        <dt>${t.conditionLabel}</dt><dd>${conditionOf(filtersOf(alert.filters))}</dd>
        <dt>${t.frequencyLabel}</dt><dd>${t.frequency[alert.frequency]}</dd>
        <dt>${t.statusLabel}</dt><dd data-alert-status="${alert.status}">${t.status[alert.status]}</dd>
      </dl>
      ${
        alert.status === 'stopped'
          ? html`<p>${t.stoppedNote}</p>${back}`
          : html`${
              alert.status === 'active'
                ? html`<form method="post" action="/api/alerts/manage">
                    <input type="hidden" name="token" value="${token}" />
                    <fieldset>
                      <legend>${t.frequencyLegend}</legend>
                      ${frequencies.map(
                        (f) =>
                          html`<label><input type="radio" name="frequency" value="${f}" ${alert.frequency === f ? html`checked` : ''} /> ${t.frequency[f]}</label> `,
                      )}
                    </fieldset>
                    <button class="button secondary" type="submit">${t.changeButton}</button>
                  </form>`
                : ''
            }
            <form method="post" action="/api/alerts/unsubscribe?token=${token}">
              <input type="hidden" name="List-Unsubscribe" value="One-Click" />
              <button class="button" type="submit">${t.stopButton}</button>
            </form>`
      }`,
  );
}

/** The manage link from every mail: what the alert is, a change of frequency, and a stop button. */
const showManage = async (c: Ctx) => {
  try {
    const token = c.req.query('token') ?? '';
    return await managePage(c, await alertByToken(c.env.DB, token), token);
  } catch {
    return refuse(c, unavailable(), false);
  }
};
alerts.get('/manage', showManage);

alerts.post('/manage', async (c) => {
  try {
    assertSameOrigin(c.req.raw);
    const { fields } = await readSubmission(c.req.raw, { maxBytes: MAX_BODY });
    const alert = await alertByToken(c.env.DB, fields['token']);
    if (!alert) return manageInvalid(c);
    // Only an active alert's frequency changes; a stopped or unconfirmed one says so instead of claiming a change.
    if (alert.status !== 'active') return await managePage(c, alert, String(fields['token']), t.notChangedLead[alert.status]);
    const frequency = parseFrequency(fields['frequency']);
    await setFrequency(c.env.DB, alert.id, frequency);
    // The alert as it now stands, without reading it again.
    return await managePage(c, { ...alert, frequency }, String(fields['token']), t.changedLead);
  } catch (e) {
    if (e instanceof Problem) return refuse(c, e, false);
    return refuse(c, unavailable(), false);
  }
});

/**
 * One-click unsubscribe (RFC 8058): the mail provider POSTs `List-Unsubscribe=One-Click` to the URL of the
 * List-Unsubscribe header, from anywhere, so no same-origin check: the secret token is the authority.
 * Stops at once and answers 200; stopping again answers the same.
 */
alerts.post('/unsubscribe', async (c) => {
  try {
    const alert = await alertByToken(c.env.DB, c.req.query('token'));
    if (!alert) return manageInvalid(c);
    await stop(c.env.DB, alert.id, clock(c.env));
    return page(c, 200, t.stoppedTitle, html`<h1>${t.stoppedTitle}</h1><p>${t.stoppedLead}</p>${back}`);
  } catch {
    return refuse(c, unavailable(), false);
  }
});

/** A GET of the unsubscribe URL (a person pasting it) shows the manage page, which has the stop button. */
alerts.get('/unsubscribe', showManage);
