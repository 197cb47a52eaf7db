/**
 * Keeps what someone typed into a form, so a reload, a crash or a closed tab loses nothing:
 * in this tab only (sessionStorage) by default, on this device (localStorage) only if the person asks.
 * Files and the hidden bot trap are never kept. Leaving with changes not yet sent asks first.
 */
import { formCopy } from '../i18n/ja';

const SKIP = new Set(['website', 'idempotencyKey']);

type Draft = Record<string, string | boolean>;

export interface DraftControl {
  /** Forget the draft (after the form was sent). */
  clear(): void;
}

function fields(form: HTMLFormElement) {
  return [...form.elements].filter(
    (el): el is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
      (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) &&
      el.name !== '' &&
      !SKIP.has(el.name) &&
      !(el instanceof HTMLInputElement && (el.type === 'file' || el.type === 'hidden')),
  );
}

function read(form: HTMLFormElement): Draft {
  const draft: Draft = {};
  for (const el of fields(form)) draft[el.name] = el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value;
  return draft;
}

function write(form: HTMLFormElement, draft: Draft): void {
  for (const el of fields(form)) {
    const value = draft[el.name];
    if (value === undefined) continue;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = value === true;
    else el.value = String(value);
  }
}

/**
 * Starts keeping drafts, with the form's "keep on this device" choice (DraftChoice.astro: no name, never sent).
 * `makeRoom` adds the controls a draft names that the page does not show yet (rows added by a button), before the
 * draft is written back.
 */
export function keepDrafts(form: HTMLFormElement, makeRoom: (names: string[]) => void = () => {}): DraftControl {
  const key = `draft:${location.pathname}`;
  const input = form.querySelector<HTMLInputElement>('[data-draft-choice] input[type="checkbox"]');
  const status = form.querySelector<HTMLElement>('[data-draft-status]');
  if (!input || !status) return { clear() {} };

  const stored = localStorage.getItem(key) ?? sessionStorage.getItem(key);
  input.checked = localStorage.getItem(key) !== null;
  if (stored) {
    try {
      const draft = JSON.parse(stored) as Draft;
      makeRoom(Object.keys(draft));
      write(form, draft);
      status.textContent = formCopy.draft.restored;
      // Let counters and other listeners see the restored text.
      for (const el of fields(form)) el.dispatchEvent(new Event('input', { bubbles: true }));
    } catch {
      sessionStorage.removeItem(key);
    }
  }

  let dirty = false;
  const save = () => {
    const text = JSON.stringify(read(form));
    if (input.checked) {
      localStorage.setItem(key, text);
      sessionStorage.removeItem(key);
    } else {
      sessionStorage.setItem(key, text);
      localStorage.removeItem(key);
    }
  };
  form.addEventListener('input', () => {
    dirty = true;
    save();
  });
  form.addEventListener('change', save);
  const warn = (event: BeforeUnloadEvent) => {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = '';
  };
  addEventListener('beforeunload', warn);
  return {
    clear() {
      dirty = false;
      removeEventListener('beforeunload', warn);
      sessionStorage.removeItem(key);
      localStorage.removeItem(key);
    },
  };
}
