/**
 * The eligibility checker where JavaScript runs (the form works without it: it posts to the Worker). Reads the rules
 * in force from /rules.json once, then answers every submission in place, with the same functions and the same HTML
 * as the Worker's result page, and no round trip: nothing entered leaves the browser. Errors follow the site's
 * pattern (an error summary that links to each field, a message at each field, focus on the summary).
 * No zod here: the page's JavaScript budget is 30 KB gzipped.
 */
import { todayInTokyo } from '../lib/dates';
import { answerChecker, type CheckerRules, readCheckerForm } from '../lib/eligibility-form';
import { resultHtml } from '../lib/eligibility-view';
import { unflatten } from '../lib/unflatten';
import { showErrors } from './error-summary';

function fieldsOf(form: HTMLFormElement): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of new FormData(form).entries()) if (typeof value === 'string') flat[key] = value;
  return unflatten(flat);
}

async function loadRules(): Promise<CheckerRules> {
  const r = await fetch('/rules.json', { headers: { Accept: 'application/json' } });
  if (!r.ok) throw new Error(`rules.json: HTTP ${r.status}`);
  return (await r.json()) as CheckerRules;
}

export async function enhanceChecker(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('form[data-checker]');
  const slot = document.querySelector<HTMLElement>('[data-error-summary-slot]');
  const out = document.querySelector<HTMLElement>('[data-checker-result]');
  if (!form || !slot || !out) return;
  let rules: CheckerRules;
  try {
    rules = await loadRules();
  } catch {
    return; // the form still posts to the Worker, which answers with a page
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const today = todayInTokyo();
    const read = readCheckerForm(fieldsOf(form), rules, today);
    if (!read.ok) {
      out.replaceChildren();
      showErrors(form, slot, read.errors);
      return;
    }
    showErrors(form, slot, []);
    out.innerHTML = resultHtml(rules, read.input, answerChecker(rules, read.input, today, rules.examCalendars));
    out.scrollIntoView({ block: 'start' });
  });
  form.dataset['enhanced'] = 'true';
}
