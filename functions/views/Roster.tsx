/** A session's roster by status (the list columns of the registration field list), with the CSV export. */
import { type FC, Fragment } from 'hono/jsx';
import { staffCopy as t } from '../../src/i18n/staff';
import { rosterColumns, type StaffRegistration, statusText } from '../lib/staff-columns';

export interface RosterProps {
  sessionId: string;
  title: string;
  registrations: StaffRegistration[];
}

const statuses = ['confirmed', 'waitlisted', 'cancelled'] as const;

export const Roster: FC<RosterProps> = ({ sessionId, title, registrations }) => {
  const columns = rosterColumns.filter((col) => col.inList);
  return (
    <>
      <h1>{title}</h1>
      <p>
        <a href={`/api/staff/sessions/${encodeURIComponent(sessionId)}/roster.csv`}>{t.exportCsv}</a>
      </p>
      {statuses.map((status) => {
        const list = registrations.filter((r) => r.row.status === status);
        return (
          <Fragment key={status}>
            <h2 id={`roster-${status}`}>
              {statusText(status)}（{list.length}）
            </h2>
            {list.length === 0 ? (
              <p>{t.noneInStatus}</p>
            ) : (
              <div class="table-scroll">
                <table aria-labelledby={`roster-${status}`}>
                  <thead>
                    <tr>
                      {columns.map((col) => (
                        <th key={col.key} scope="col">
                          {col.label}
                        </th>
                      ))}
                      <th scope="col">{t.columns.actions}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((r) => (
                      <tr key={r.row.reference}>
                        {columns.map((col) =>
                          col.key === 'reference' ? (
                            <th key={col.key} scope="row">
                              {col.text(r)}
                            </th>
                          ) : (
                            <td key={col.key}>{col.text(r)}</td>
                          ),
                        )}
                        <td>
                          {status !== 'cancelled' && (
                            <form method="post" action={`/api/staff/registrations/${encodeURIComponent(r.row.reference)}/cancel`}>
                              <button class="button secondary" type="submit">
                                {t.cancelOnBehalf}
                              </button>
                            </form>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Fragment>
        );
      })}
    </>
  );
};
