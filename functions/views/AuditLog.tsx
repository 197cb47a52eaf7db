/** The latest lines of the audit log: who viewed, exported or changed what, and when. */
import type { FC } from 'hono/jsx';
import { staffCopy as t } from '../../src/i18n/staff';
import { when } from '../lib/staff-columns';

export interface AuditLogProps {
  lines: { at: string; actor: string; action: string; target: string }[];
}

export const AuditLog: FC<AuditLogProps> = ({ lines }) => {
  const col = t.columns;
  return (
    <>
      <h1>{t.auditHeading}</h1>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{col.at}</th>
              <th scope="col">{col.actor}</th>
              <th scope="col">{col.action}</th>
              <th scope="col">{col.target}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={`${line.at} ${line.action} ${line.target}`}>
                <td>{when(line.at)}</td>
                <td>{line.actor}</td>
                <td>{t.actions[line.action] ?? line.action}</td>
                <td>{line.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};
