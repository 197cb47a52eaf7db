/**
 * The eligibility checker where JavaScript runs (the form works without it: it posts to the Worker). Reads the rules
 * in force from /rules.json once, then answers every submission in place, with the same functions and the same HTML
 * as the Worker's result page, and no round trip: nothing entered leaves the browser. Errors follow the site's
 * pattern (an error summary that links to each field, a message at each field, focus on the summary).
 * No zod here: the page's JavaScript budget is 30 KB gzipped.
 */
import { formCopy } from '../i18n/ja';
import { todayInTokyo } from '../lib/dates';
import { answerChecker, type FieldError, readCheckerForm } from '../lib/eligibility-form';
import { resultHtml } from '../lib/eligibility-view';
import { unflatten } from '../lib/unflatten';
import type { Rules } from '../schemas/rules';

const fieldId = (name: string) => `f-${name.replaceAll('.', '-')}`;

function showErrors(form: HTMLFormElement, slot: HTMLElement, errors: FieldError[]): void {
  for (const el of form.querySelectorAll<HTMLElement>('[data-error-for]')) el.textContent = '';
  for (const el of form.querySelectorAll('.has-error')) el.classList.remove('has-error');
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  slot.replaceChildren();
  document.title = document.title.replace(formCopy.errorTitlePrefix, '');
  if (errors.length === 0) return;

  const summary = document.createElement('div');
  summary.className = 'error-summary';
  summary.tabIndex = -1;
  summary.setAttribute('role', 'alert');
  const heading = document.createElement('h2');
  heading.textContent = formCopy.errorSummaryTitle;
  const list = document.createElement('ul');
  for (const error of errors) {
    const control = form.querySelector<HTMLElement>(`#${CSS.escape(fieldId(error.field))}`);
    const item = document.createElement('li');
    if (control) {
      const link = document.createElement('a');
      link.href = `#${control.id}`;
      link.textContent = error.message;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        control.focus();
        control.scrollIntoView({ block: 'center' });
      });
      item.append(link);
      control.setAttribute('aria-invalid', 'true');
      control.closest('.form-field')?.classList.add('has-error');
      const message = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(error.field)}"]`);
      if (message) message.textContent = error.message;
    } else item.textContent = error.message;
    list.append(item);
  }
  summary.append(heading, list);
  slot.append(summary);
  document.title = `${formCopy.errorTitlePrefix}${document.title}`;
  summary.focus();
}

function fieldsOf(form: HTMLFormElement): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of new FormData(form).entries()) if (typeof value === 'string') flat[key] = value;
  return unflatten(flat);
}

async function loadRules(): Promise<Rules> {
  const r = await fetch('/rules.json', { headers: { Accept: 'application/json' } });
  if (!r.ok) throw new Error(`rules.json: HTTP ${r.status}`);
  return (await r.json()) as Rules;
}

export async function enhanceChecker(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('form[data-checker]');
  const slot = document.querySelector<HTMLElement>('[data-error-summary-slot]');
  const out = document.querySelector<HTMLElement>('[data-checker-result]');
  if (!form || !slot || !out) return;
  let rules: Rules;
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
    out.innerHTML = resultHtml(rules, read.input, answerChecker(rules, read.input, today));
    out.scrollIntoView({ block: 'start' });
  });
  form.dataset['enhanced'] = 'true';
}
