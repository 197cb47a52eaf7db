/**
 * Answers in kind: a page for a browser's form post (inside the site's own frame, dist/result/), JSON for an island.
 */
import type { Context } from 'hono';
import { submissionCopy as t } from '../../src/i18n/ja';
import { escapeHtml, html, type Raw } from '../../src/lib/html';
import type { Problem } from './problem';

// The frame's text, kept per isolate once read (never a pending fetch: another request could not await it).
let shell: string | undefined;
export async function loadShell(assets: Fetcher): Promise<string> {
  if (shell) return shell;
  const r = await assets.fetch('https://assets.invalid/result/');
  if (!r.ok) throw new Error(`result shell: HTTP ${r.status}`);
  shell = await r.text();
  return shell;
}

/** A full HTML page with the site's header and footer. */
export async function page<E extends { Bindings: Env }>(c: Context<E>, status: number, title: string, body: Raw): Promise<Response> {
  const frame = await loadShell(c.env.ASSETS);
  const text = frame.replaceAll('__WORKER_TITLE__', () => escapeHtml(title)).replace('__WORKER_BODY__', () => body.html); // a function: `$` in the body is not a pattern
  return c.html(text, status as 200);
}

/**
 * The page a link from a mail opens before anything changes: what the button will do, and one button that posts the
 * token back (a GET never changes anything, so a link scanner or a preview cannot cancel, confirm or withdraw).
 */
export function buttonPage<E extends { Bindings: Env }>(
  c: Context<E>,
  p: { title: string; lead: string; action: string; token: string; button: string; fields?: Record<string, string>; after?: Raw },
): Promise<Response> {
  return page(
    c,
    200,
    p.title,
    html`<h1>${p.title}</h1>
      <p>${p.lead}</p>
      <form method="post" action="${p.action}">
        <input type="hidden" name="token" value="${p.token}" />
        ${Object.entries(p.fields ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`)}
        <button class="button" type="submit">${p.button}</button>
      </form>
      ${p.after ?? ''}`,
  );
}

export function problemBody(problem: Problem, back?: string): Raw {
  const items = problem.fields.length
    ? html`<ul>${problem.fields.map((f) => html`<li>${f.message}</li>`)}</ul>`
    : html`<p>${problem.message}</p>`;
  return html`<h1>${t.errorTitle}</h1>
    <div class="error-summary" role="alert">
      <h2>${problem.fields.length ? t.errorTitle : problem.message}</h2>
      ${items}
    </div>
    ${back ? html`<p>${t.backHint}</p><p><a href="${back}">${t.backLink}</a></p>` : ''}`;
}

/** A refusal: JSON { error, message, fields } for JSON callers, an error page for forms. */
export async function refuse<E extends { Bindings: Env }>(
  c: Context<E>,
  problem: Problem,
  asJson: boolean,
  back?: string,
): Promise<Response> {
  if (problem.status === 429) c.header('Retry-After', '60');
  if (problem.status === 503) c.header('Retry-After', '30');
  if (asJson) return c.json({ error: problem.code, message: problem.message, fields: problem.fields }, problem.status);
  return page(c, problem.status, `${t.errorPrefix}${t.errorTitle}`, problemBody(problem, back));
}
