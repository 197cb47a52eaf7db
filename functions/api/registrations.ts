/**
 * Sign-ups for internship and event sessions (one engine for both), cancellation with promotion from
 * the waiting list, and the live count of seats left.
 */
import { Hono } from 'hono';
import { submissionCopy as t } from '../../src/i18n/ja';
import type { CatalogSession } from '../../src/lib/catalog';
import { formatDate } from '../../src/lib/dates';
import { html } from '../../src/lib/html';
import { registrationSchema } from '../../src/schemas/registration';
import { judgeSession, loadCatalog, sessionIn } from '../lib/catalog';
import { now as clock } from '../lib/clock';
import { intake, unavailable } from '../lib/intake';
import { deliver, relay } from '../lib/outbox';
import { Problem } from '../lib/problem';
import { buttonPage, page, refuse } from '../lib/respond';
import { cancelSeat, claimSeat, KeyReused, registrationByToken, SessionFull, seatCounts, takeSeat } from '../lib/seats';
import { assertSameOrigin } from '../lib/security';
import { answersInJson, readSubmission } from '../lib/submission';

export const registrations = new Hono<{ Bindings: Env }>();

const MAX_BODY = 32 * 1024;
const order = Object.keys(registrationSchema.shape);
const when = (s: CatalogSession) => `${s.dates.map(formatDate).join('、')} ${s.startTime}〜${s.endTime}`;

registrations.post('/', async (c) => {
  const asJson = answersInJson(c.req.raw);
  const now = clock(c.env);
  let back: string | undefined;
  try {
    const input = await intake(c, {
      route: 'registrations',
      schema: registrationSchema,
      order,
      maxBytes: MAX_BODY,
      prepare: (fields) => {
        if (typeof fields['sessionId'] === 'string' && /^[a-z0-9-]{1,64}$/.test(fields['sessionId']))
          back = `/register/${fields['sessionId']}/`;
      },
    });
    // A bot, a repeat and an address already signed up get the answer a new sign-up gets: nobody learns who registered.
    const received = (sessionUrl?: string) =>
      asJson
        ? c.json({ ok: true, kind: 'registration' }, 202)
        : page(
            c,
            202,
            t.registrationReceivedTitle,
            html`<h1>${t.registrationReceivedTitle}</h1>
              <div class="confirmation"><p>${t.registrationReceivedLead}</p><p>${t.registrationMailHint}</p></div>
              ${sessionUrl ? html`<p><a href="${sessionUrl}">${t.backToProgramme}</a></p>` : ''}`,
          );
    if (input.bot) return received();
    const data = input.data;
    const verdict = judgeSession(await loadCatalog(c.env.ASSETS), data.sessionId, now);
    if (!verdict.ok)
      throw new Problem(
        verdict.reason === 'unknown' ? 404 : 409,
        `session_${verdict.reason}`,
        verdict.reason === 'unknown' ? t.sessionUnknown : t.sessionClosed,
      );

    const signUp = await takeSeat(c.env, data, verdict.session, now).catch((e: unknown) => {
      if (e instanceof KeyReused) throw new Problem(409, 'key_reused', t.keyReused);
      if (e instanceof SessionFull) throw new Problem(409, 'full', t.full);
      throw e;
    });
    if (signUp.mails.length) c.executionCtx.waitUntil(deliver(c.env, signUp.mails, { now }).catch(() => undefined));
    return received(verdict.session.url);
  } catch (e) {
    if (e instanceof Problem) return refuse(c, e, asJson, back);
    console.error(`registrations: ${e instanceof Error ? e.name : 'error'}`);
    return refuse(c, unavailable(), asJson, back);
  }
});

registrations.all('/', (c) => {
  c.header('Allow', 'POST');
  return refuse(c, new Problem(405, 'method_not_allowed', t.methodNotAllowed), true);
});

/** The cancel link from the mail: a confirmation page (a GET never changes anything). */
registrations.get('/cancel', async (c) => {
  try {
    const target = await registrationByToken(c.env.DB, c.req.query('token'));
    const session = target && sessionIn(await loadCatalog(c.env.ASSETS), target.session_id);
    if (!target || target.status === 'cancelled' || !session)
      return page(c, 404, t.cancelTitle, html`<h1>${t.cancelTitle}</h1><p>${t.cancelInvalid}</p>`);
    return buttonPage(c, {
      title: t.cancelTitle,
      lead: t.cancelConfirm(session.title, when(session)),
      action: '/api/registrations/cancel',
      token: c.req.query('token') ?? '',
      button: t.cancelButton,
    });
  } catch {
    return refuse(c, unavailable(), false);
  }
});

/** Cancels, frees the seat and promotes the first on the waiting list, all in one batch. */
registrations.post('/cancel', async (c) => {
  const asJson = answersInJson(c.req.raw);
  try {
    assertSameOrigin(c.req.raw);
    const { fields } = await readSubmission(c.req.raw, { maxBytes: 4 * 1024 });
    const target = await registrationByToken(c.env.DB, fields['token']);
    const catalog = await loadCatalog(c.env.ASSETS);
    const session = target && sessionIn(catalog, target.session_id);
    if (!target || target.status === 'cancelled' || !session) throw new Problem(404, 'invalid_token', t.cancelInvalid);
    await cancelSeat(c.env.DB, target, session, clock(c.env));
    c.executionCtx.waitUntil(relay(c.env, { spacingMs: 0, limit: 5 }).catch(() => undefined));
    if (asJson) return c.json({ ok: true });
    return page(
      c,
      200,
      t.cancelDoneTitle,
      html`<h1>${t.cancelDoneTitle}</h1><p>${t.cancelDone}</p><p><a href="${session.url}">プログラムのページへ</a></p>`,
    );
  } catch (e) {
    if (e instanceof Problem) return refuse(c, e, asJson);
    console.error(`cancel: ${e instanceof Error ? e.name : 'error'}`);
    return refuse(c, unavailable(), asJson);
  }
});

/** The claim link from the promotion mail: a page with one button (a GET never changes anything). */
registrations.get('/claim', async (c) => {
  try {
    const token = c.req.query('token') ?? '';
    const target = await registrationByToken(c.env.DB, token);
    const session = target && sessionIn(await loadCatalog(c.env.ASSETS), target.session_id);
    if (target?.status !== 'confirmed' || !session)
      return page(c, 404, t.claimTitle, html`<h1>${t.claimTitle}</h1><p>${t.claimInvalid}</p>`);
    return buttonPage(c, {
      title: t.claimTitle,
      lead: t.claimConfirm(session.title, when(session)),
      action: '/api/registrations/claim',
      token,
      button: t.claimButton,
    });
  } catch {
    return refuse(c, unavailable(), false);
  }
});

/** Confirms a seat held after promotion, while its claim window is open. */
registrations.post('/claim', async (c) => {
  const asJson = answersInJson(c.req.raw);
  try {
    assertSameOrigin(c.req.raw);
    const { fields } = await readSubmission(c.req.raw, { maxBytes: 4 * 1024 });
    const target = await registrationByToken(c.env.DB, fields['token']);
    if (!target) throw new Problem(404, 'invalid_token', t.claimInvalid);
    if (target.status === 'cancelled')
      throw target.lapsed ? new Problem(409, 'claim_lapsed', t.claimLapsed) : new Problem(409, 'cancelled', t.claimCancelled);
    if (!(await claimSeat(c.env.DB, target, clock(c.env)))) throw new Problem(409, 'claim_lapsed', t.claimLapsed);
    if (asJson) return c.json({ ok: true });
    return page(c, 200, t.claimTitle, html`<h1>${t.claimTitle}</h1><p>${t.claimDone}</p>`);
  } catch (e) {
    if (e instanceof Problem) return refuse(c, e, asJson);
    return refuse(c, unavailable(), asJson);
  }
});

/** Seats left, for the live count on the page. Kept for a few seconds per isolate: cheap under load. */
const seatCache = new Map<string, { at: number; body: object }>();
const SEAT_CACHE_MS = 5_000;

export const sessions = new Hono<{ Bindings: Env }>();
sessions.get('/:id/seats', async (c) => {
  const id = c.req.param('id');
  const session = sessionIn(await loadCatalog(c.env.ASSETS), id);
  if (!session) return c.json({ error: 'not_found', message: t.sessionUnknown }, 404);
  const hit = seatCache.get(id);
  if (hit && Date.now() - hit.at < SEAT_CACHE_MS) return c.json(hit.body);
  try {
    const { confirmed, waitlisted } = await seatCounts(c.env.DB, id);
    const body = {
      capacity: session.capacity,
      seatsLeft: Math.max(0, session.capacity - confirmed),
      waitlistLeft: Math.max(0, session.waitlist - waitlisted),
    };
    seatCache.set(id, { at: Date.now(), body });
    return c.json(body);
  } catch {
    return refuse(c, unavailable(), true);
  }
});
