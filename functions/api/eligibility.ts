/**
 * POST /api/eligibility: the eligibility checker and pay estimator for a form posted without JavaScript (with it, the
 * page answers by itself from /rules.json). Answers with a page: the result (200), or the problems to fix (422).
 * Nothing is stored and nothing of the input is logged: the answer is computed and forgotten.
 */
import { Hono } from 'hono';
import { submissionCopy as t } from '../../src/i18n/ja';
import { checkerCopy } from '../../src/i18n/rules';
import { todayInTokyo } from '../../src/lib/dates';
import { answerChecker, type FieldError, readCheckerForm } from '../../src/lib/eligibility-form';
import { resultHtml } from '../../src/lib/eligibility-view';
import { html, raw } from '../../src/lib/html';
import { fieldErrors } from '../../src/schemas/messages';
import { personInputSchema } from '../../src/schemas/rules';
import { now as clock } from '../lib/clock';
import { Problem } from '../lib/problem';
import { page, refuse } from '../lib/respond';
import { loadRules } from '../lib/rules';
import { assertSameOrigin, assertWithinRate } from '../lib/security';
import { readSubmission } from '../lib/submission';

export const eligibility = new Hono<{ Bindings: Env }>();

/** Four rows of a few short fields: a few hundred bytes. */
const MAX_BODY = 16 * 1024;

/** An opening's page on this site (the short checker on it sends its path as `back`); nothing else is linked. */
const JOB_PAGE = /^\/jobs\/[a-z0-9][a-z0-9-]{0,99}\/$/;

/** The page to go back to: the opening the form was on, else the checker page of a route the rules know. */
function backTo(fields: Record<string, unknown>, known: readonly string[]): string {
  const { back, route } = fields;
  if (typeof back === 'string' && JOB_PAGE.test(back)) return back;
  return typeof route === 'string' && known.includes(route) ? `/eligibility/${route}/` : '/eligibility/';
}

eligibility.post('/', async (c) => {
  let back = '/eligibility/';
  try {
    const request = c.req.raw;
    assertSameOrigin(request);
    await assertWithinRate(c.env, request, 'eligibility');
    const { fields } = await readSubmission(request, { maxBytes: MAX_BODY });
    const rules = await loadRules(c.env.ASSETS);
    const routes = rules.routes.map((r) => r.id);
    back = backTo(fields, routes);
    const today = todayInTokyo(clock(c.env));

    const read = readCheckerForm(fields, rules, today);
    if (!read.ok) throw new Problem(422, 'invalid', t.errorTitle, read.errors);
    const { input } = read;

    // The same check the schema makes (shared with the rules' tests); the reader above already refuses all of it.
    const checked = personInputSchema.safeParse({ birthDate: input.birthDate, periods: input.rows.map((r) => r.period) });
    if (!checked.success) {
      const rows = input.rows.map((r) => r.row - 1);
      const list: FieldError[] = fieldErrors(checked.error).map((f) => ({
        field: f.field.replace(/^periods\.(\d+)/, (_, i: string) => `periods.${rows[Number(i)] ?? i}`),
        message: f.message,
      }));
      throw new Problem(422, 'invalid', t.errorTitle, list);
    }

    const answer = answerChecker(rules, input, today, rules.examCalendars);
    const body = resultHtml(rules, input, answer, { standalone: true, back });
    return page(c, 200, checkerCopy.result.pageTitle, html`<h1>${checkerCopy.result.pageTitle}</h1>${raw(body)}`);
  } catch (e) {
    if (e instanceof Problem) return refuse(c, e, false, back);
    // The error's name only: never the input.
    console.error(`eligibility: ${e instanceof Error ? e.name : 'error'}`);
    return refuse(c, new Problem(503, 'unavailable', checkerCopy.errors.rulesUnavailable), false, back);
  }
});

// Someone who opens the result's address again lands on the checker rather than on an error.
eligibility.get('/', (c) => c.redirect('/eligibility/', 303));

eligibility.all('/', (c) => {
  c.header('Allow', 'POST');
  return refuse(c, new Problem(405, 'method_not_allowed', t.methodNotAllowed), true);
});
