/**
 * The staff area: pages under /staff/ (written by the Worker, usable without JavaScript) and their API
 * under /api/staff/ (CSV exports and actions). Every view, download, export and change of personal data
 * is written to the audit log in the same batch as the read or the change.
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { staffCopy as t } from '../../src/i18n/staff';
import { formatDate } from '../../src/lib/dates';
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
import { now as clock } from '../lib/clock';
import { attachment, csvResponse, toCsv } from '../lib/csv';
import { relay } from '../lib/outbox';
import { Problem } from '../lib/problem';
import {
  cancelSeat,
  deleteRegistration,
  type RegistrationRow,
  registrationByReference,
  registrationExists,
  roster,
  tallyBySession,
} from '../lib/seats';
import { isSameOrigin } from '../lib/security';
import { requireStaff, type StaffEnv } from '../lib/staff-auth';
import { applicationColumns, csvOf, readApplication, readRegistration, rosterColumns } from '../lib/staff-columns';
import { readSubmission } from '../lib/submission';
import { ApplicationDetail } from '../views/ApplicationDetail';
import { AuditLog, type AuditLogProps } from '../views/AuditLog';
import { Dashboard } from '../views/Dashboard';
import { JobApplications } from '../views/JobApplications';
import { Roster } from '../views/Roster';
import { StaffLayout, type StaffLayoutProps } from '../views/StaffLayout';
import { StaffMessage } from '../views/StaffMessage';
import { siteStylesheets, staffCss } from '../views/styles';

/** Pages: /staff/… */
export const staffPages = new Hono<StaffEnv>({ strict: false });
/** API: /api/staff/… */
export const staffApi = new Hono<StaffEnv>({ strict: false });
// Every staff answer, refusals, unknown paths and errors included, is kept out of caches and search engines.
const neverCached: MiddlewareHandler<StaffEnv> = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex, nofollow');
};
staffPages.use('*', neverCached, requireStaff());
staffApi.use('*', neverCached, requireStaff());
// Logged without the message, which can quote stored data (a JSON parse error quotes the payload).
const logFailure = (e: Error) => console.error(`staff: unhandled ${e.name}`);
staffPages.onError((e, c) => {
  logFailure(e);
  return render(c, t.errorTitle, <StaffMessage title={t.errorTitle} message={t.unexpected} />, { status: 500 });
});
staffApi.onError((e, c) => {
  logFailure(e);
  return c.json({ error: 'unexpected', message: t.unexpected }, 500);
});
// Browsers send the staff login (Basic credentials) with any request to this origin, a form posted from another site
// included: a change is accepted only from the staff area's own pages.
staffApi.use('*', async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !isSameOrigin(c.req.raw))
    return c.json({ error: 'cross_site', message: t.crossSite }, 403);
  await next();
});
/** A staff form carries a short message at most; nothing bigger is read, from any post. */
const STAFF_FORM_BYTES = 8 * 1024;
staffApi.post('*', async (c, next) => {
  try {
    // The buttons without fields post no body at all.
    const form = c.req.raw.body === null ? {} : (await readSubmission(c.req.raw, { maxBytes: STAFF_FORM_BYTES })).fields;
    c.set('form', form);
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    const message = e.status === 413 ? t.tooLarge(STAFF_FORM_BYTES / 1024) : e.message;
    return c.json({ error: e.code, message }, e.status);
  }
  await next();
});

/** A staff page: a view inside the staff area's own frame. */
async function render(
  c: Context<StaffEnv>,
  title: string,
  body: Child,
  { status = 200, current }: { status?: ContentfulStatusCode; current?: StaffLayoutProps['current'] } = {},
) {
  const layout = (
    <StaffLayout title={title} stylesheets={await siteStylesheets(c.env.ASSETS)} staff={c.var.staff} current={current}>
      {body}
    </StaffLayout>
  );
  return c.html(html`<!doctype html>${layout}`, status);
}

/** No such application, opening or session (any more). */
const notFound = (c: Context<StaffEnv>) =>
  render(c, t.notFoundTitle, <StaffMessage title={t.notFoundTitle} message={t.notFound} />, { status: 404 });

/**
 * The rows of one opening or session, read in one batch with the audit line; null for an id that is neither in the
 * catalog nor in the data (a 404, with nothing audited, rather than an empty page under a made-up name).
 */
async function readAudited<T>(
  c: Context<StaffEnv>,
  p: { known: boolean; query: D1PreparedStatement; action: string; target: string },
): Promise<T[] | null> {
  if (!p.known && (await p.query.first()) === null) return null;
  const [rows] = await c.env.DB.batch([p.query, audit(c.env.DB, c.var.staff, p.action, p.target)]);
  return (rows?.results ?? []) as T[];
}

const apiNotFound = (c: Context<StaffEnv>) => c.json({ error: 'not_found', message: t.notFound }, 404);

staffPages.get('/staff.css', (c) => c.body(staffCss, 200, { 'Content-Type': 'text/css; charset=utf-8' }));

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
  const jobs = jobIds.map((id) => ({ id, title: jobIn(catalog, id)?.title ?? id, counts: byJob.get(id) ?? {} }));
  const sessions = Object.entries(catalog.sessions).map(([id, s]) => ({
    id,
    title: `${s.title}（${s.dates.map(formatDate).join('、')}）`,
    capacity: s.capacity,
    counts: bySession.get(id) ?? {},
  }));
  return render(c, t.dashboard, <Dashboard jobs={jobs} sessions={sessions} />, { current: 'dashboard' });
});

staffPages.get('/jobs/:jobId', async (c) => {
  const jobId = c.req.param('jobId');
  const job = jobIn(await loadCatalog(c.env.ASSETS), jobId);
  const query = applicationsForJob(c.env.DB, jobId);
  const rows = await readAudited<ApplicationRow>(c, { known: !!job, query, action: 'view_job_applications', target: jobId });
  if (!rows) return notFound(c);
  const title = job?.title ?? jobId;
  return render(c, title, <JobApplications jobId={jobId} title={title} applications={rows.map(readApplication)} />);
});

staffPages.get('/applications/:reference', async (c) => {
  const reference = c.req.param('reference');
  const db = c.env.DB;
  const [rows] = await db.batch([applicationByReference(db, reference), audit(db, c.var.staff, 'view_application', reference)]);
  const row = rows?.results[0] as ApplicationRow | undefined;
  if (!row) return notFound(c);
  const job = jobIn(await loadCatalog(c.env.ASSETS), row.job_id);
  const stages = stagesOf(job);
  return render(
    c,
    `${t.columns.reference} ${reference}`,
    <ApplicationDetail
      application={readApplication(row)}
      jobTitle={job?.title ?? row.job_id}
      stages={stages}
      current={Math.min(row.stage, stages.length - 1)}
    />,
  );
});

staffPages.get('/sessions/:sessionId', async (c) => {
  const sessionId = c.req.param('sessionId');
  const session = sessionIn(await loadCatalog(c.env.ASSETS), sessionId);
  const query = roster(c.env.DB, sessionId);
  const rows = await readAudited<RegistrationRow>(c, { known: !!session, query, action: 'view_roster', target: sessionId });
  if (!rows) return notFound(c);
  const title = session ? `${session.title}（${session.dates.map(formatDate).join('、')}）` : sessionId;
  return render(c, title, <Roster sessionId={sessionId} title={title} registrations={rows.map(readRegistration)} />);
});

staffPages.get('/audit', async (c) => {
  const db = c.env.DB;
  const [rows] = await db.batch([auditLog(db), audit(db, c.var.staff, 'view_audit', '-')]);
  const lines = (rows?.results ?? []) as AuditLogProps['lines'];
  return render(c, t.auditHeading, <AuditLog lines={lines} />, { current: 'audit' });
});

// Any other path under /staff/: the staff area's own 404, after the login (a sub-app's notFound() would be ignored).
staffPages.all('*', (c) => render(c, t.notFoundTitle, <StaffMessage title={t.notFoundTitle} message={t.notFoundPage} />, { status: 404 }));

// ---- API: exports, downloads and actions ----

staffApi.get('/jobs/:jobId/applications.csv', async (c) => {
  const jobId = c.req.param('jobId');
  const known = !!jobIn(await loadCatalog(c.env.ASSETS), jobId);
  const query = applicationsForJob(c.env.DB, jobId);
  const rows = await readAudited<ApplicationRow>(c, { known, query, action: 'export_applications_csv', target: jobId });
  if (!rows) return apiNotFound(c);
  const { header, rows: cells } = csvOf(applicationColumns, rows.map(readApplication));
  return csvResponse(`applications-${jobId}.csv`, toCsv(header, cells));
});

staffApi.get('/sessions/:sessionId/roster.csv', async (c) => {
  const sessionId = c.req.param('sessionId');
  const known = !!sessionIn(await loadCatalog(c.env.ASSETS), sessionId);
  const query = roster(c.env.DB, sessionId);
  const rows = await readAudited<RegistrationRow>(c, { known, query, action: 'export_roster_csv', target: sessionId });
  if (!rows) return apiNotFound(c);
  const { header, rows: cells } = csvOf(rosterColumns, rows.map(readRegistration));
  return csvResponse(`roster-${sessionId}.csv`, toCsv(header, cells));
});

staffApi.get('/applications/:reference/cv', async (c) => {
  const reference = c.req.param('reference');
  const db = c.env.DB;
  const row = await cvKeyOf(db, reference);
  const object = row?.cv_key ? await c.env.DOCUMENTS.get(row.cv_key) : null;
  if (!object) return apiNotFound(c);
  await audit(db, c.var.staff, 'download_cv', reference).run();
  return new Response(object.body, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachment(`cv-${reference}.pdf`),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});

/** After an action: back to the page for a form post (the path already encoded), JSON for a script. */
const done = (c: Context<StaffEnv>, back: string) =>
  (c.req.header('Accept') ?? '').includes('application/json') ? c.json({ ok: true, message: t.done }) : c.redirect(back, 303);

staffApi.post('/applications/:reference/handled', async (c) => {
  const reference = c.req.param('reference');
  const db = c.env.DB;
  const [updated] = await db.batch([markHandled(db, reference), audit(db, c.var.staff, 'mark_handled', reference)]);
  if (!updated?.meta.changes && !(await exists(db, reference))) return apiNotFound(c);
  return done(c, `/staff/applications/${encodeURIComponent(reference)}/`);
});

/** Moves an application to its next stage, with an optional word; the applicant is told only that it changed. */
staffApi.post('/applications/:reference/stage', async (c) => {
  const reference = c.req.param('reference');
  const db = c.env.DB;
  const form = c.var.form;
  const message = typeof form['message'] === 'string' ? form['message'].trim().slice(0, 500) : '';
  const row = await stageOf(db, reference);
  if (!row) return apiNotFound(c);
  const last = stagesOf(jobIn(await loadCatalog(c.env.ASSETS), row.job_id)).length - 1;
  if (row.stage >= last) return c.json({ error: 'last_stage', message: t.lastStage }, 409);
  const moved = await moveStage(db, { reference, last, message: message || null, email: row.email, staff: c.var.staff }, clock(c.env));
  if (!moved) return c.json({ error: 'last_stage', message: t.lastStage }, 409);
  c.executionCtx.waitUntil(relay(c.env, { spacingMs: 0, limit: 3 }).catch(() => undefined));
  return done(c, `/staff/applications/${encodeURIComponent(reference)}/`);
});

staffApi.post('/applications/:reference/delete', async (c) => {
  const reference = c.req.param('reference');
  const db = c.env.DB;
  const form = c.var.form;
  if (!(c.req.header('Accept') ?? '').includes('application/json') && form['confirm'] !== 'on')
    return c.json({ error: 'confirm', message: t.mustConfirm }, 400);
  const row = await jobAndCv(db, reference);
  if (!row) return apiNotFound(c);
  if (row.cv_key) await c.env.DOCUMENTS.delete(row.cv_key);
  await db.batch([deleteApplication(db, reference), audit(db, c.var.staff, 'delete_application', reference)]);
  return done(c, `/staff/jobs/${encodeURIComponent(row.job_id)}/`);
});

staffApi.post('/registrations/:reference/cancel', async (c) => {
  const reference = c.req.param('reference');
  const db = c.env.DB;
  const target = await registrationByReference(db, reference);
  const session = target && sessionIn(await loadCatalog(c.env.ASSETS), target.session_id);
  if (!target || !session) return apiNotFound(c);
  if (target.status !== 'cancelled') await cancelSeat(db, target, session, clock(c.env));
  await audit(db, c.var.staff, 'cancel_registration', reference).run();
  return done(c, `/staff/sessions/${encodeURIComponent(target.session_id)}/`);
});

/**
 * A deletion is a cancellation followed by erasure: a seat or waiting place still held is first released by the seat
 * engine (the first person waiting moves up, with the claim window and the promotion mail; the person deleted is told
 * as for any cancellation), then the row and its links go. Pressed twice at once, the second release finds the seat
 * already taken again and moves nobody; the audit line is written only by the batch that found the row.
 */
staffApi.post('/registrations/:reference/delete', async (c) => {
  const reference = c.req.param('reference');
  const db = c.env.DB;
  const target = await registrationByReference(db, reference);
  if (!target) return apiNotFound(c);
  const session = sessionIn(await loadCatalog(c.env.ASSETS), target.session_id);
  const now = clock(c.env);
  if (target.status !== 'cancelled' && session) await cancelSeat(db, target, session, now);
  await db.batch([
    audit(db, c.var.staff, 'delete_registration', reference, now, registrationExists(reference)),
    ...deleteRegistration(db, reference),
  ]);
  return done(c, `/staff/sessions/${encodeURIComponent(target.session_id)}/`);
});
