/** One opening's applications: the list columns of the application field list, and the CSV export. */
import type { FC } from 'hono/jsx';
import { staffCopy as t } from '../../src/i18n/staff';
import { applicationColumns, type StaffApplication } from '../lib/staff-columns';

export interface JobApplicationsProps {
  jobId: string;
  title: string;
  applications: StaffApplication[];
}

export const JobApplications: FC<JobApplicationsProps> = ({ jobId, title, applications }) => {
  const columns = applicationColumns.filter((col) => col.inList);
  return (
    <>
      <h1>{title}</h1>
      <p>
        <a href={`/api/staff/jobs/${encodeURIComponent(jobId)}/applications.csv`}>{t.exportCsv}</a>
      </p>
      {applications.length === 0 ? (
        <p>{t.noApplications}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                {columns.map((col) => (
                  <th key={col.key} scope="col">
                    {col.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => (
                <tr key={a.row.reference}>
                  {columns.map((col) =>
                    col.key === 'reference' ? (
                      <th key={col.key} scope="row">
                        <a href={`/staff/applications/${encodeURIComponent(a.row.reference)}/`}>{col.text(a)}</a>
                      </th>
                    ) : (
                      <td key={col.key}>{col.text(a)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
};
