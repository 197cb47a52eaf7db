/** POST /api/applications: a job application, from the form (with or without a CV) or the island (JSON). */
import { Hono } from 'hono';
import { submissionCopy as t } from '../../src/i18n/ja';
import { html } from '../../src/lib/html';
import {
  type Application,
  applicationFieldOrder,
  applicationLimits,
  applicationSchema,
  isBlankWorkEntry,
} from '../../src/schemas/application';
import { storeApplication } from '../lib/applications';
import { judgeJob, loadCatalog } from '../lib/catalog';
import { now as clock } from '../lib/clock';
import { intake, unavailable } from '../lib/intake';
import { deliver } from '../lib/outbox';
import { inspectPdf } from '../lib/pdf';
import { pdfRefusalMessages } from '../lib/pdf-messages';
import { Problem } from '../lib/problem';
import { page, refuse } from '../lib/respond';
import { answersInJson } from '../lib/submission';

export const applications = new Hono<{ Bindings: Env }>();

const MAX_BODY = applicationLimits.cvBytes + 256 * 1024;
const closedMessage = { unknown: t.jobUnknown, external: t.jobExternal, upcoming: t.jobUpcoming, closed: t.jobClosed } as const;

applications.post('/', async (c) => {
  const asJson = answersInJson(c.req.raw);
  const now = clock(c.env);
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
    }
    // Read once: the bytes inspected are the bytes stored.
    const document = cv ? new Uint8Array(await cv.arrayBuffer()) : undefined;
    if (document) {
      const verdict = await inspectPdf(document);
      if (!verdict.ok) {
        const message = pdfRefusalMessages[verdict.reason];
        throw new Problem(422, `cv_${verdict.reason}`, message, [{ field: 'cv', message }]);
      }
    }

    const verdict = judgeJob(await loadCatalog(c.env.ASSETS), data.jobId, now);
    if (!verdict.ok) throw new Problem(verdict.reason === 'unknown' ? 404 : 409, `job_${verdict.reason}`, closedMessage[verdict.reason]);
    const job = verdict.job;

    const stored = await storeApplication(c.env, data, job, document, now);
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

applications.all('/', (c) => {
  c.header('Allow', 'POST');
  return refuse(c, new Problem(405, 'method_not_allowed', t.methodNotAllowed), true);
});
