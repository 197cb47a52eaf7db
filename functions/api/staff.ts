/**
 * The staff area: pages under /staff/ (written by the Worker, usable without JavaScript) and their API
 * under /api/staff/ (CSV exports and actions). Every view, download, export and change of personal data
 * is written to the audit log in the same batch as the read or the change.
 */
import { type Context, Hono } from 'hono';
import { statusCopy } from '../../src/i18n/ja';
import { staffCopy as t } from '../../src/i18n/staff';
import { formatDate } from '../../src/lib/dates';
import { html, type Raw } from '../../src/lib/html';
import {
  type ApplicationRow,
  applicationByReference,
  applicationsForJob,
  cvKeyOf,
  deleteApplication,
  exists,
  jobAndCv,
  markHandled,
  moveStage,
  stageOf,
  stagesOf,
  tallyByJob,
} from '../lib/applications';
import { audit, auditLog } from '../lib/audit';
import { jobIn, loadCatalog, sessionIn } from '../lib/catalog';
import { csvResponse, toCsv } from '../lib/csv';
import { relay } from '../lib/outbox';
import { page } from '../lib/respond';
import { cancelSeat, deleteRegistration, type RegistrationRow, registrationByReference, roster, tallyBySession } from '../lib/seats';
import { isSameOrigin } from '../lib/security';
import { requireStaff, type StaffEnv } from '../lib/staff-auth';
import { applicationColumns, csvOf, readApplication, readRegistration, rosterColumns, statusText, when } from '../lib/staff-columns';

/** Pages: /staff/… */
export const staffPages = new Hono<StaffEnv>({ strict: false });
/** API: /api/staff/… */
export const staffApi = new Hono<StaffEnv>({ strict: false });
staffPages.use('*', requireStaff());
staffApi.use('*', requireStaff());
// Browsers send the staff login (Basic credentials) with any request to this origin, a form posted from another site
// included: a change is accepted only from the staff area's own pages.
staffApi.use('*', async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !isSameOrigin(c.req.raw))
    return c.json({ error: 'cross_site', message: t.crossSite }, 403);
  await next();
});

const staffPage = (c: Context<StaffEnv>, title: string, body: Raw, status = 200) =>
  page(c, status, `${title}｜${t.title}`, html`<p><a href="/staff/">${t.back}</a></p>${body}`);

staffPages.get('/', async (c) => {
  const db = c.env.DB;
  const catalog = await loadCatalog(c.env.ASSETS);
  const [apps, regs] = await db.batch([tallyByJob(db), tallyBySession(db), audit(db, c.var.staff, 'view_dashboard', '-')]);
  const tally = (rows: { id: string; status: string; n: number }[]) => {
    const out = new Map<string, Record<string, number>>();
    for (const r of rows) out.set(r.id, { ...(out.get(r.id) ?? {}), [r.status]: r.n });
    return out;
  };
  const byJob = tally((apps?.results ?? []) as { id: string; status: string; n: number }[]);
  const bySession = tally((regs?.results ?? []) as { id: string; status: string; n: number }[]);
  const jobIds = [...new Set([...Object.keys(catalog.jobs).filter((id) => catalog.jobs[id]?.applyOnline), ...byJob.keys()])];
  const col = t.columns;
  return staffPage(
    c,
    t.dashboard,
    html`<h1>${t.dashboard}</h1>
      <h2>${t.applicationsHeading}</h2>
      <table>
        <thead><tr><th scope="col">${col.job}</th><th scope="col">${col.received}</th><th scope="col">${col.handled}</th><th scope="col">${col.withdrawn}</th><th scope="col">${col.total}</th></tr></thead>
        <tbody>
          ${jobIds.map((id) => {
            const n = byJob.get(id) ?? {};
            const total = Object.values(n).reduce((a, b) => a + b, 0);
            return html`<tr><th scope="row"><a href="/staff/jobs/${id}/">${catalog.jobs[id]?.title ?? id}</a></th><td>${n['received'] ?? 0}</td><td>${n['handled'] ?? 0}</td><td>${n['withdrawn'] ?? 0}</td><td>${total}</td></tr>`;
          })}
        </tbody>
      </table>
      <h2>${t.sessionsHeading}</h2>
      <table>
        <thead><tr><th scope="col">${col.session}</th><th scope="col">${col.confirmed}</th><th scope="col">${col.waitlisted}</th><th scope="col">${col.cancelled}</th></tr></thead>
        <tbody>
          ${Object.entries(catalog.sessions).map(([id, s]) => {
            const n = bySession.get(id) ?? {};
            return html`<tr><th scope="row"><a href="/staff/sessions/${id}/">${s.title}（${s.dates.map(formatDate).join('、')}）</a></th><td>${n['confirmed'] ?? 0}／${s.capacity}</td><td>${n['waitlisted'] ?? 0}</td><td>${n['cancelled'] ?? 0}</td></tr>`;
          })}
        </tbody>
      </table>
      <p><a href="/staff/audit/">${t.auditLink}</a></p>`,
  );
});

staffPages.get('/jobs/:jobId', async (c) => {
  const jobId = c.req.param('jobId');
  const db = c.env.DB;
  const title = (await loadCatalog(c.env.ASSETS)).jobs[jobId]?.title ?? jobId;
  const [rows] = await db.batch([applicationsForJob(db, jobId), audit(db, c.var.staff, 'view_job_applications', jobId)]);
  const apps = ((rows?.results ?? []) as ApplicationRow[]).map(readApplication);
  const columns = applicationColumns.filter((col) => col.inList);
  return staffPage(
    c,
    title,
    html`<h1>${title}</h1>
      <p><a href="/api/staff/jobs/${jobId}/applications.csv">${t.exportCsv}</a></p>
      ${
        apps.length === 0
          ? html`<p>${t.noApplications}</p>`
          : html`<table>
              <thead><tr>${columns.map((col) => html`<th scope="col">${col.label}</th>`)}</tr></thead>
              <tbody>${apps.map(
                (a) =>
                  html`<tr>${columns.map((col) =>
                    col.key === 'reference'
                      ? html`<th scope="row"><a href="/staff/applications/${a.row.reference}/">${col.text(a)}</a></th>`
                      : html`<td>${col.text(a)}</td>`,
                  )}</tr>`,
              )}</tbody>
            </table>`
      }`,
  );
});

staffPages.get('/applications/:reference', async (c) => {
  const reference = c.req.param('reference');
  const db = c.env.DB;
  const [rows] = await db.batch([applicationByReference(db, reference), audit(db, c.var.staff, 'view_application', reference)]);
  const row = rows?.results[0] as ApplicationRow | undefined;
  if (!row) return staffPage(c, t.notFound, html`<h1>${t.notFound}</h1>`, 404);
  const a = readApplication(row);
  const job = jobIn(await loadCatalog(c.env.ASSETS), row.job_id);
  const title = job?.title ?? row.job_id;
  const stages = stagesOf(job);
  const current = Math.min(row.stage, stages.length - 1);
  return staffPage(
    c,
    `${t.columns.reference} ${reference}`,
    html`<h1>${t.columns.reference} ${reference}</h1>
      <p>${t.columns.job}：${title}</p>
      <dl class="facts">
        ${applicationColumns.map(
          (col) =>
            html`<dt>${col.label}</dt>${
              col.key === 'cv'
                ? html`<dd>${row.cv_key ? html`<a href="/api/staff/applications/${reference}/cv">${t.cvDownload}</a>` : t.cvNone}</dd>`
                : html`<dd class="pre">${col.text(a)}</dd>`
            }`,
        )}
      </dl>
      <h2>${statusCopy.stagesLabel}</h2>
      <ol>${stages.map((st, i) => (i === current ? html`<li aria-current="step"><strong>${st.label}</strong></li>` : html`<li>${st.label}</li>`))}</ol>
      ${
        row.status === 'withdrawn'
          ? html`<p class="notice">${statusCopy.withdrawn}</p>`
          : current === stages.length - 1
            ? html`<p class="notice">${t.lastStage}</p>`
            : html`<form method="post" action="/api/staff/applications/${reference}/stage">
              <div class="form-field">
                <label for="stage-message">${statusCopy.moveMessage}</label>
                <span class="hint" id="stage-message-hint">${statusCopy.moveMessageHint}</span>
                <textarea id="stage-message" name="message" rows="3" aria-describedby="stage-message-hint"></textarea>
              </div>
              <button class="button" type="submit">${statusCopy.moveStage}</button>
            </form>`
      }
      <form method="post" action="/api/staff/applications/${reference}/handled"><button class="button" type="submit">${t.markHandled}</button></form>
      <form method="post" action="/api/staff/applications/${reference}/delete">
        <p>${t.deleteConfirm}</p>
        <p class="checkbox"><input type="checkbox" id="confirm-delete" name="confirm" /><label for="confirm-delete">${t.deleteConfirmLabel}</label></p>
        <button class="button secondary" type="submit">${t.delete}</button>
      </form>`,
  );
});

staffPages.get('/sessions/:sessionId', async (c) => {
  const sessionId = c.req.param('sessionId');
  const db = c.env.DB;
  const session = sessionIn(await loadCatalog(c.env.ASSETS), sessionId);
  const [rows] = await db.batch([roster(db, sessionId), audit(db, c.var.staff, 'view_roster', sessionId)]);
  const regs = ((rows?.results ?? []) as RegistrationRow[]).map(readRegistration);
  const title = session ? `${session.title}（${session.dates.map(formatDate).join('、')}）` : sessionId;
  const columns = rosterColumns.filter((col) => col.inList);
  return staffPage(
    c,
    title,
    html`<h1>${title}</h1>
      <p><a href="/api/staff/sessions/${sessionId}/roster.csv">${t.exportCsv}</a></p>
      ${(['confirmed', 'waitlisted', 'cancelled'] as const).map((status) => {
        const list = regs.filter((r) => r.row.status === status);
        return html`<h2>${statusText(status)}（${list.length}）</h2>
          ${
            list.length === 0
              ? html`<p>―</p>`
              : html`<table>
                  <thead><tr>${columns.map((col) => html`<th scope="col">${col.label}</th>`)}<th scope="col">${t.columns.actions}</th></tr></thead>
                  <tbody>${list.map(
                    (r) =>
                      html`<tr>${columns.map((col) => (col.key === 'reference' ? html`<th scope="row">${col.text(r)}</th>` : html`<td>${col.text(r)}</td>`))}<td>${
                        status === 'cancelled'
                          ? ''
                          : html`<form method="post" action="/api/staff/registrations/${r.row.reference}/cancel"><button class="button secondary" type="submit">${t.cancelOnBehalf}</button></form>`
                      }</td></tr>`,
                  )}</tbody>
                </table>`
          }`;
      })}`,
  );
});

staffPages.get('/audit', async (c) => {
  const db = c.env.DB;
  const [rows] = await db.batch([auditLog(db), audit(db, c.var.staff, 'view_audit', '-')]);
  const col = t.columns;
  return staffPage(
    c,
    t.auditHeading,
    html`<h1>${t.auditHeading}</h1>
      <table>
        <thead><tr><th scope="col">${col.at}</th><th scope="col">${col.actor}</th><th scope="col">${col.action}</th><th scope="col">${col.target}</th></tr></thead>
        <tbody>${((rows?.results ?? []) as { at: string; actor: string; action: string; target: string }[]).map(
          (r) => html`<tr><td>${when(r.at)}</td><td>${r.actor}</td><td>${t.actions[r.action] ?? r.action}</td><td>${r.target}</td></tr>`,
        )}</tbody>
      </table>`,
  );
});

// ---- API: exports, downloads and actions ----

staffApi.get('/jobs/:jobId/applications.csv', async (c) => {
  const jobId = c.req.param('jobId');
  const db = c.env.DB;
  const [rows] = await db.batch([applicationsForJob(db, jobId), audit(db, c.var.staff, 'export_applications_csv', jobId)]);
  const { header, rows: cells } = csvOf(applicationColumns, ((rows?.results ?? []) as ApplicationRow[]).map(readApplication));
  const csv = toCsv(header, cells);
  return csvResponse(`applications-${jobId}.csv`, csv);
});

staffApi.get('/sessions/:sessionId/roster.csv', async (c) => {
  const sessionId = c.req.param('sessionId');
  const db = c.env.DB;
  const [rows] = await db.batch([roster(db, sessionId), audit(db, c.var.staff, 'export_roster_csv', sessionId)]);
  const { header, rows: cells } = csvOf(rosterColumns, ((rows?.results ?? []) as RegistrationRow[]).map(readRegistration));
  const csv = toCsv(header, cells);
  return csvResponse(`roster-${sessionId}.csv`, csv);
});

staffApi.get('/applications/:reference/cv', async (c) => {
  const reference = c.req.param('reference');
  const db = c.env.DB;
  const row = await cvKeyOf(db, reference);
  const object = row?.cv_key ? await c.env.DOCUMENTS.get(row.cv_key) : null;
  if (!object) return c.json({ error: 'not_found', message: t.notFound }, 404);
  await audit(db, c.var.staff, 'download_cv', reference).run();
  return new Response(object.body, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="cv-${reference}.pdf"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});

/** After an action: back to the page for a form post, JSON for a script. */
const done = (c: Context<StaffEnv>, back: string) =>
  (c.req.header('Accept') ?? '').includes('application/json') ? c.json({ ok: true, message: t.done }) : c.redirect(back, 303);

staffApi.post('/applications/:reference/handled', async (c) => {
  const reference = c.req.param('reference');
  const db = c.env.DB;
  const [updated] = await db.batch([markHandled(db, reference), audit(db, c.var.staff, 'mark_handled', reference)]);
  if (!updated?.meta.changes && !(await exists(db, reference))) return c.json({ error: 'not_found', message: t.notFound }, 404);
  return done(c, `/staff/applications/${reference}/`);
});

/** Moves an application to its next stage, with an optional word; the applicant is told only that it changed. */
staffApi.post('/applications/:reference/stage', async (c) => {
  const reference = c.req.param('reference');
  const db = c.env.DB;
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const message = typeof form['message'] === 'string' ? form['message'].trim().slice(0, 500) : '';
  const row = await stageOf(db, reference);
  if (!row) return c.json({ error: 'not_found', message: t.notFound }, 404);
  const last = stagesOf(jobIn(await loadCatalog(c.env.ASSETS), row.job_id)).length - 1;
  if (row.stage >= last) return c.json({ error: 'last_stage', message: t.lastStage }, 409);
  const moved = await moveStage(db, { reference, last, message: message || null, email: row.email, staff: c.var.staff }, new Date());
  if (!moved) return c.json({ error: 'last_stage', message: t.lastStage }, 409);
  c.executionCtx.waitUntil(relay(c.env, { spacingMs: 0, limit: 3 }).catch(() => undefined));
  return done(c, `/staff/applications/${reference}/`);
});

staffApi.post('/applications/:reference/delete', async (c) => {
  const reference = c.req.param('reference');
  const db = c.env.DB;
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  if (!(c.req.header('Accept') ?? '').includes('application/json') && form['confirm'] !== 'on')
    return c.json({ error: 'confirm', message: t.mustConfirm }, 400);
  const row = await jobAndCv(db, reference);
  if (!row) return c.json({ error: 'not_found', message: t.notFound }, 404);
  if (row.cv_key) await c.env.DOCUMENTS.delete(row.cv_key);
  await db.batch([deleteApplication(db, reference), audit(db, c.var.staff, 'delete_application', reference)]);
  return done(c, `/staff/jobs/${row.job_id}/`);
});

staffApi.post('/registrations/:reference/cancel', async (c) => {
  const reference = c.req.param('reference');
  const db = c.env.DB;
  const target = await registrationByReference(db, reference);
  const session = target && sessionIn(await loadCatalog(c.env.ASSETS), target.session_id);
  if (!target || !session) return c.json({ error: 'not_found', message: t.notFound }, 404);
  if (target.status !== 'cancelled') await cancelSeat(db, target, session, new Date());
  await audit(db, c.var.staff, 'cancel_registration', reference).run();
  return done(c, `/staff/sessions/${target.session_id}/`);
});

staffApi.post('/registrations/:reference/delete', async (c) => {
  const reference = c.req.param('reference');
  const db = c.env.DB;
  const row = await registrationByReference(db, reference);
  if (!row) return c.json({ error: 'not_found', message: t.notFound }, 404);
  await db.batch([...deleteRegistration(db, reference), audit(db, c.var.staff, 'delete_registration', reference)]);
  return done(c, `/staff/sessions/${row.session_id}/`);
});
