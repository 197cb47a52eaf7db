/**
 * One labelled control with its hint, wired with aria-describedby: the markup of the site's
 * src/components/FormField.astro, so the staff forms look and read like the public ones.
 */
import type { FC } from 'hono/jsx';
import { formCopy } from '../../src/i18n/ja';

export interface FormFieldProps {
  name: string;
  label: string;
  type?: 'text' | 'textarea' | 'checkbox';
  hint?: string | undefined;
  /** 必須 or 任意 after the label; nothing when the label says it already. */
  required?: boolean | undefined;
  rows?: number;
}

export const FormField: FC<FormFieldProps> = ({ name, label, type = 'text', hint, required, rows = 3 }) => {
  const id = `f-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const marker =
    required === undefined ? null : required ? (
      <span class="required">{formCopy.required}</span>
    ) : (
      <span class="optional">{formCopy.optional}</span>
    );
  const labelled = (
    <label for={id}>
      {label}
      {marker}
    </label>
  );
  const common = { id, name, 'aria-describedby': hintId, ...(required ? { required: true } : {}) };
  return (
    <div class="form-field" data-field={name}>
      {type !== 'checkbox' && labelled}
      {hint && (
        <span class="hint" id={hintId}>
          {hint}
        </span>
      )}
      {type === 'checkbox' ? (
        <div class="checkbox">
          <input {...common} type="checkbox" />
          {labelled}
        </div>
      ) : type === 'textarea' ? (
        <textarea {...common} rows={rows} />
      ) : (
        <input {...common} type="text" />
      )}
    </div>
  );
};
