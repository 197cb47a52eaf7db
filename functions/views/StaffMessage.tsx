/** A page that only says something: not found, or an error, with the way back to the staff area's first page. */
import type { FC } from 'hono/jsx';
import { staffCopy as t } from '../../src/i18n/staff';

export const StaffMessage: FC<{ title: string; message: string }> = ({ title, message }) => (
  <>
    <h1>{title}</h1>
    <p>{message}</p>
    <p>
      <a href="/staff/">{t.back}</a>
    </p>
  </>
);
