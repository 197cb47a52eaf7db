/** The staff area's first page: applications per opening and sign-ups per session, by status. */
import type { FC } from 'hono/jsx';
import { staffCopy as t } from '../../src/i18n/staff';

export interface DashboardProps {
  jobs: { id: string; title: string; counts: Record<string, number> }[];
  sessions: { id: string; title: string; capacity: number; counts: Record<string, number> }[];
}

const n = (counts: Record<string, number>, status: string) => counts[status] ?? 0;

export const Dashboard: FC<DashboardProps> = ({ jobs, sessions }) => {
  const col = t.columns;
  return (
    <>
      <h1>{t.dashboard}</h1>
      <h2 id="jobs-heading">{t.applicationsHeading}</h2>
      <div class="table-scroll">
        <table aria-labelledby="jobs-heading">
          <thead>
            <tr>
              <th scope="col">{col.job}</th>
              <th scope="col">{col.received}</th>
              <th scope="col">{col.handled}</th>
              <th scope="col">{col.withdrawn}</th>
              <th scope="col">{col.total}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <th scope="row">
                  <a href={`/staff/jobs/${encodeURIComponent(job.id)}/`}>{job.title}</a>
                </th>
                <td>{n(job.counts, 'received')}</td>
                <td>{n(job.counts, 'handled')}</td>
                <td>{n(job.counts, 'withdrawn')}</td>
                <td>{Object.values(job.counts).reduce((a, b) => a + b, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="sessions-heading">{t.sessionsHeading}</h2>
      <div class="table-scroll">
        <table aria-labelledby="sessions-heading">
          <thead>
            <tr>
              <th scope="col">{col.session}</th>
              <th scope="col">{col.confirmed}</th>
              <th scope="col">{col.waitlisted}</th>
              <th scope="col">{col.cancelled}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <a href={`/staff/sessions/${encodeURIComponent(s.id)}/`}>{s.title}</a>
                </th>
                <td>
                  {n(s.counts, 'confirmed')}／{s.capacity}
                </td>
                <td>{n(s.counts, 'waitlisted')}</td>
                <td>{n(s.counts, 'cancelled')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href="/staff/audit/">{t.auditLink}</a>
      </p>
    </>
  );
};
