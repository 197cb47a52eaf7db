/** POST /api/applications: a job application, from the form (with or without a CV) or the island (JSON). */
import { Hono } from 'hono';
import { submissionCopy as t } from '../../src/i18n/ja';
import { mails } from '../../src/i18n/mail';
import { html } from '../../src/lib/html';
import {
  type Application,
  applicationFieldOrder,
  applicationLimits,
  applicationSchema,
  isBlankWorkEntry,
} from '../../src/schemas/application';
import { emailKey } from '../../src/schemas/fields';
import { site } from '../../src/site.config';
import { judgeJob, loadCatalog } from '../lib/catalog';
import { newReference, newToken, sha256Hex } from '../lib/ids';
import { intake, isUniqueViolation, unavailable } from '../lib/intake';
import { deliver, enqueue, type OutboxRow } from '../lib/outbox';
import { Problem } from '../lib/problem';
import { page, refuse } from '../lib/respond';
import { afterDay, retention } from '../lib/retention';
import { answersInJson } from '../lib/submission';
import { statusLink } from './status';

export const applications = new Hono<{ Bindings: Env }>();

const MAX_BODY = applicationLimits.cvBytes + 256 * 1024;
const closedMessage = { unknown: t.jobUnknown, external: t.jobExternal, upcoming: t.jobUpcoming, closed: t.jobClosed } as const;

/** A PDF starts with %PDF- (the name and the declared type say nothing). */
async function isPdf(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return String.fromCharCode(...head) === '%PDF-';
}

applications.post('/', async (c) => {
  const asJson = answersInJson(c.req.raw);
  const now = new Date();
  let back: string | undefined;
  try {
    const input = await intake(c, {
      route: 'applications',
      schema: applicationSchema,
      order: applicationFieldOrder,
      maxBytes: MAX_BODY,
      fileFields: ['cv'],
      prepare: (fields) => {
        if (typeof fields['jobId'] === 'string' && /^[a-z0-9-]{1,100}$/.test(fields['jobId'])) back = `/jobs/${fields['jobId']}/apply/`;
        if (Array.isArray(fields['work'])) fields['work'] = fields['work'].filter((row) => row && !isBlankWorkEntry(row));
      },
    });
    if (input.bot)
      return asJson ? c.json({ ok: true }, 202) : page(c, 202, t.applicationReceivedTitle, html`<h1>${t.applicationReceivedTitle}</h1>`);
    const data: Application = input.data;

    const cv = input.submission.files['cv'];
    if (cv) {
      if (cv.size > applicationLimits.cvBytes)
        throw new Problem(413, 'cv_too_large', t.pdfTooLarge, [{ field: 'cv', message: t.pdfTooLarge }]);
      if (!(await isPdf(cv))) throw new Problem(422, 'cv_not_pdf', t.notPdf, [{ field: 'cv', message: t.notPdf }]);
    }

    const verdict = judgeJob(await loadCatalog(c.env.ASSETS), data.jobId, now);
    if (!verdict.ok) throw new Problem(verdict.reason === 'unknown' ? 404 : 409, `job_${verdict.reason}`, closedMessage[verdict.reason]);
    const job = verdict.job;

    const stored = await storeApplication(c.env, data, job.title, job.closesOn, cv, now, new URL(c.req.url).origin);
    c.executionCtx.waitUntil(deliver(c.env, stored.mails, { now }).catch(() => undefined));
    if (asJson)
      return c.json({ ok: true, reference: stored.reference, job: job.title, statusUrl: stored.statusUrl }, stored.created ? 201 : 200);
    return page(
      c,
      stored.created ? 201 : 200,
      t.applicationReceivedTitle,
      html`<h1>${t.applicationReceivedTitle}</h1>
        <div class="confirmation">
          <p>${t.applicationReceivedLead(job.title)}</p>
          <p>${t.referenceLabel}：<span class="reference">${stored.reference}</span></p>
          <p>${t.referenceHint}</p>
          ${stored.statusUrl ? html`<p>${t.statusLinkLead}<br /><a href="${stored.statusUrl}">${t.statusLinkText}</a></p>` : html`<p>${t.statusLinkByMail}</p>`}
        </div>
        <p><a href="/jobs/">採用情報の一覧へ</a></p>`,
    );
  } catch (e) {
    if (e instanceof Problem) return refuse(c, e, asJson, back);
    console.error(`applications: ${e instanceof Error ? e.name : 'error'}`);
    return refuse(c, unavailable(), asJson, back);
  }
});

/** Without a key from the page's script (no JavaScript), the same content is the same application. */
async function contentKey(payload: object, cv: File | undefined): Promise<string> {
  return `c-${(await sha256Hex(JSON.stringify(payload) + (cv ? `#${cv.size}` : ''))).slice(0, 40)}`;
}

interface Stored {
  reference: string;
  created: boolean;
  /** Its mails, stored already claimed for this request to send. */
  mails: OutboxRow[];
  /** The private status link, known only when this request stored the application. */
  statusUrl?: string;
}

const firstWithKey = (db: D1Database, key: string) =>
  db.prepare('SELECT reference FROM applications WHERE idempotency_key = ?1').bind(key).first<{ reference: string }>();

/**
 * The application row and its two mails in one batch (one transaction). The CV goes to R2 first and is
 * removed again if the batch fails. A repeated idempotency key returns the first application.
 */
async function storeApplication(
  env: Env,
  data: Application,
  jobTitle: string,
  closesOn: string,
  cv: File | undefined,
  now: Date,
  origin: string,
): Promise<Stored> {
  const db = env.DB;
  const { idempotencyKey: given, consent: _consent, ...payload } = data;
  const idempotencyKey = given ?? (await contentKey(payload, cv));
  // A repeat is normally caught by the UNIQUE key on insert (one round trip fewer); with a CV, look first,
  // so a double click does not upload the same file twice.
  if (cv) {
    const existing = await firstWithKey(db, idempotencyKey);
    if (existing) return { reference: existing.reference, created: false, mails: [] };
  }

  const reference = newReference();
  // The private status link: the token goes only into the mail and this answer; the database keeps its hash.
  const statusToken = newToken();
  const statusUrl = statusLink(origin, statusToken);
  const cvKey = cv ? `cv/${crypto.randomUUID()}.pdf` : null;
  if (cv && cvKey) await env.DOCUMENTS.put(cvKey, await cv.arrayBuffer(), { httpMetadata: { contentType: 'application/pdf' } });

  const received = mails.applicationReceived({ name: data.name, reference, jobTitle, statusUrl });
  const notice = mails.applicationNotice({ reference, jobTitle, staffUrl: new URL(`/staff/applications/${reference}/`, origin).href });
  try {
    const results = await db.batch<OutboxRow>([
      db
        .prepare(
          'INSERT INTO applications (reference, job_id, idempotency_key, payload, email_key, cv_key, created_at, purge_after, status_token_hash, stage_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?7)',
        )
        .bind(
          reference,
          data.jobId,
          idempotencyKey,
          JSON.stringify(payload),
          emailKey(data.email),
          cvKey,
          now.toISOString(),
          afterDay(closesOn, retention.applicationDays),
          await sha256Hex(statusToken),
        ),
      enqueue(db, { kind: 'application_received', to: data.email, ...received }, now, { claimed: true }),
      enqueue(db, { kind: 'application_notice', to: site.mail.notify, ...notice }, now, { claimed: true }),
    ]);
    return { reference, created: true, statusUrl, mails: results.slice(1).flatMap((r) => r.results) };
  } catch (e) {
    if (cvKey) await env.DOCUMENTS.delete(cvKey).catch(() => undefined);
    if (isUniqueViolation(e, 'idempotency_key')) {
      const first = await firstWithKey(db, idempotencyKey);
      if (first) return { reference: first.reference, created: false, mails: [] };
    }
    if (isUniqueViolation(e, 'reference')) return storeApplication(env, data, jobTitle, closesOn, cv, now, origin);
    throw e;
  }
}

applications.all('/', (c) => {
  c.header('Allow', 'POST');
  return refuse(c, new Problem(405, 'method_not_allowed', t.methodNotAllowed), true);
});
