/**
 * Enhances the application and sign-up forms where JavaScript runs. The forms work without it.
 * - validates with the same zod schema as the Worker, shows an error summary that links to each field,
 *   a message at each field, and moves focus to the summary;
 * - sends JSON (or multipart when a file is attached) and shows the answer in place, with a pending state;
 * - an idempotency key per page load, so a double click or a retry stores one submission;
 * - character counters, a PDF check before upload, more work-history rows.
 */
import type { z } from 'zod';
import { formCopy, submissionCopy } from '../i18n/ja';
import { unflatten } from '../lib/unflatten';
import { applicationFieldOrder, applicationLimits, applicationSchema, isBlankWorkEntry } from '../schemas/application';
import { type FieldError, fieldErrors } from '../schemas/messages';
import { registrationSchema } from '../schemas/registration';
import { keepDrafts } from './drafts';
import { showErrors } from './error-summary';

const forms: Record<string, { schema: z.ZodType; order: readonly string[] }> = {
  application: { schema: applicationSchema, order: applicationFieldOrder },
  registration: { schema: registrationSchema, order: Object.keys(registrationSchema.shape) },
};

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_');
}

function collect(form: HTMLFormElement): { fields: Record<string, unknown>; file: File | undefined } {
  const flat: Record<string, unknown> = {};
  let file: File | undefined;
  for (const [key, value] of new FormData(form).entries()) {
    if (typeof value === 'string') flat[key] = value;
    else if (value.size > 0) file = value;
  }
  const fields = unflatten(flat);
  if (Array.isArray(fields['work'])) fields['work'] = fields['work'].filter((row) => row && !isBlankWorkEntry(row));
  const { website: _honeypot, ...rest } = fields;
  return { fields: rest, file };
}

async function checkFile(file: File | undefined): Promise<FieldError[]> {
  if (!file) return [];
  if (file.size > applicationLimits.cvBytes) return [{ field: 'cv', message: submissionCopy.pdfTooLarge }];
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return String.fromCharCode(...head) === '%PDF-' ? [] : [{ field: 'cv', message: submissionCopy.notPdf }];
}

function showAnswer(form: HTMLFormElement, body: { kind?: string; reference?: string; job?: string; statusUrl?: string }): void {
  const t = submissionCopy;
  const box = document.createElement('div');
  box.className = 'confirmation';
  box.tabIndex = -1;
  const heading = document.createElement('h2');
  // A sign-up's answer never says whether a seat was taken: the person learns it by mail (see the Worker).
  if (body.kind === 'registration') {
    heading.textContent = t.registrationReceivedTitle;
    const lead = document.createElement('p');
    lead.textContent = t.registrationReceivedLead;
    const hint = document.createElement('p');
    hint.textContent = t.registrationMailHint;
    box.append(heading, lead, hint);
    form.replaceWith(box);
    box.focus();
    return;
  }
  heading.textContent = t.applicationReceivedTitle;
  const ref = document.createElement('p');
  ref.append(`${t.referenceLabel}：`);
  const code = document.createElement('span');
  code.className = 'reference';
  code.textContent = body.reference ?? '';
  ref.append(code);
  const hint = document.createElement('p');
  hint.textContent = t.referenceHint;
  box.append(heading, ref, hint);
  if (body.statusUrl) {
    const lead = document.createElement('p');
    lead.textContent = t.statusLinkLead;
    const link = document.createElement('a');
    link.href = body.statusUrl;
    link.textContent = t.statusLinkText;
    lead.append(document.createElement('br'), link);
    box.append(lead);
  }
  form.replaceWith(box);
  box.focus();
}

function addCounters(form: HTMLFormElement): void {
  for (const area of form.querySelectorAll<HTMLTextAreaElement>('textarea[data-max-chars]')) {
    const max = Number(area.dataset['maxChars']);
    const counter = form.querySelector<HTMLElement>(`[data-counter-for="${area.id}"]`);
    if (!counter) continue;
    const update = () => {
      const n = [...area.value].length;
      counter.hidden = false;
      counter.classList.toggle('over', n > max);
      counter.textContent =
        n > max ? fill(formCopy.counterOverTemplate, { over: n - max, max }) : fill(formCopy.counterTemplate, { n, max });
    };
    area.addEventListener('input', update);
    update();
  }
}

/**
 * The button that adds a row of work history. Returns what a restored draft uses to show as many rows as it holds
 * (names such as work.4.employer); a form without the button needs nothing.
 */
function enableAddWork(form: HTMLFormElement): (names: string[]) => void {
  const button = form.querySelector<HTMLButtonElement>('[data-add-work]');
  const list = form.querySelector<HTMLElement>('[data-work-list]');
  if (!button || !list) return () => {};

  const addRow = (): HTMLElement | undefined => {
    const rows = list.querySelectorAll('[data-work-row]');
    const last = rows[rows.length - 1];
    if (!last || rows.length >= applicationLimits.workEntries) return undefined;
    const i = rows.length;
    const row = last.cloneNode(true) as HTMLElement;
    const from = rows.length - 1;
    row.innerHTML = row.innerHTML.replaceAll(`work.${from}.`, `work.${i}.`).replaceAll(`work-${from}-`, `work-${i}-`);
    const legend = row.querySelector('legend');
    if (legend) legend.textContent = formCopy.apply.workLegend(i + 1);
    for (const control of row.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) control.value = '';
    last.after(row);
    addCounters(form);
    if (i + 1 >= applicationLimits.workEntries) button.hidden = true;
    return row;
  };
  button.addEventListener('click', () => addRow()?.querySelector<HTMLElement>('input')?.focus());

  return (names) => {
    const wanted = Math.max(0, ...names.map((n) => Number(/^work\.(\d+)\./.exec(n)?.[1] ?? -1) + 1));
    while (list.querySelectorAll('[data-work-row]').length < wanted && addRow());
  };
}

function enhance(form: HTMLFormElement): void {
  const config = forms[form.dataset['enhance'] ?? ''];
  const slot = document.querySelector<HTMLElement>('[data-error-summary-slot]');
  const submit = form.querySelector<HTMLButtonElement>('[data-submit]');
  if (!config || !slot || !submit) return;
  const key = newKey();
  addCounters(form);
  const makeRoom = enableAddWork(form);
  const drafts = keepDrafts(form, makeRoom);
  form.dataset['enhanced'] = 'true';

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.getAttribute('aria-disabled') === 'true') return;
    const { fields, file } = collect(form);
    fields['idempotencyKey'] = key;
    if (fields['consent'] === 'on') fields['consent'] = true;
    const parsed = config.schema.safeParse(fields);
    const errors = [...(parsed.success ? [] : fieldErrors(parsed.error, config.order)), ...(await checkFile(file))];
    showErrors(form, slot, errors);
    if (errors.length) return;

    submit.setAttribute('aria-disabled', 'true');
    form.setAttribute('aria-busy', 'true');
    const label = submit.textContent;
    submit.textContent = formCopy.submitting;
    try {
      let body: BodyInit;
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (file) {
        const data = new FormData(form);
        data.set('idempotencyKey', key);
        body = data;
      } else {
        body = JSON.stringify(fields);
        headers['Content-Type'] = 'application/json';
      }
      const response = await fetch(form.action, { method: 'POST', body, headers });
      const answer = (await response.json().catch(() => ({}))) as {
        ok?: boolean;
        kind?: string;
        reference?: string;
        statusUrl?: string;
        message?: string;
        fields?: FieldError[];
      };
      if (response.ok && answer.ok) {
        drafts.clear();
        return showAnswer(form, answer);
      }
      showErrors(form, slot, answer.fields ?? [], answer.message ?? formCopy.networkError);
    } catch {
      showErrors(form, slot, [], formCopy.networkError);
    } finally {
      submit.removeAttribute('aria-disabled');
      form.removeAttribute('aria-busy');
      submit.textContent = label;
    }
  });
}

export function enhanceForms(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-enhance]')) enhance(form);
}

/** The live count of seats left, from a small read-only endpoint. */
export async function showSeats(): Promise<void> {
  const el = document.querySelector<HTMLElement>('[data-seats]');
  const id = el?.dataset['seats'];
  if (!el || !id) return;
  try {
    const r = await fetch(`/api/sessions/${encodeURIComponent(id)}/seats`, { headers: { Accept: 'application/json' } });
    if (!r.ok) return;
    const s = (await r.json()) as { seatsLeft: number; waitlistLeft: number };
    const d = el.dataset;
    el.textContent = `（${
      s.seatsLeft > 0
        ? fill(d['msgSeats'] ?? '', { seats: s.seatsLeft })
        : s.waitlistLeft > 0
          ? fill(d['msgWaitlist'] ?? '', { waitlist: s.waitlistLeft })
          : (d['msgFull'] ?? '')
    }）`;
  } catch {
    // The static count above stays; nothing to add.
  }
}
