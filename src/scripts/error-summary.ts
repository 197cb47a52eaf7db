/**
 * The error summary of a form where JavaScript runs (the GOV.UK pattern): a list at the top linking to each field,
 * a message at each field wired by aria-describedby, 「エラー：」 before the page title, and focus on the summary.
 * Shared by the application, sign-up and checker forms; imports no schema library.
 */
import { formCopy } from '../i18n/ja';
import type { FieldError } from '../schemas/messages';

export const fieldId = (name: string) => `f-${name.replaceAll('.', '-')}`;

export function showErrors(form: HTMLFormElement, slot: HTMLElement, errors: FieldError[], fallback?: string): void {
  for (const el of form.querySelectorAll<HTMLElement>('[data-error-for]')) el.textContent = '';
  for (const el of form.querySelectorAll('.has-error')) el.classList.remove('has-error');
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  slot.replaceChildren();
  document.title = document.title.replace(formCopy.errorTitlePrefix, '');
  if (errors.length === 0 && !fallback) return;

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
  if (fallback && errors.length === 0) {
    const item = document.createElement('li');
    item.textContent = fallback;
    list.append(item);
  }
  summary.append(heading, list);
  slot.append(summary);
  document.title = `${formCopy.errorTitlePrefix}${document.title}`;
  summary.focus();
}
