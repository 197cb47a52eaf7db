/** One application in full (the application field list), its selection stages, and what staff can do with it. */
import { type FC, Fragment } from 'hono/jsx';
import { statusCopy } from '../../src/i18n/ja';
import { staffCopy as t } from '../../src/i18n/staff';
import { pdfCheckedSummary } from '../lib/pdf-messages';
import { applicationColumns, type StaffApplication } from '../lib/staff-columns';
import { FormField } from './FormField';

export interface ApplicationDetailProps {
  application: StaffApplication;
  jobTitle: string;
  stages: { label: string }[];
  /** Index into `stages`. */
  current: number;
  /** What was checked on the uploaded CV, said under its link: by default what lib/pdf.ts checks on every upload. */
  cvChecks?: string | undefined;
}

export const ApplicationDetail: FC<ApplicationDetailProps> = ({ application, jobTitle, stages, current, cvChecks = pdfCheckedSummary }) => {
  const { row } = application;
  const base = `/api/staff/applications/${encodeURIComponent(row.reference)}`;
  return (
    <>
      <h1>
        {t.columns.reference} {row.reference}
      </h1>
      <p>
        {t.columns.job}：{jobTitle}
      </p>
      <dl class="facts">
        {applicationColumns.map((col) => (
          <Fragment key={col.key}>
            <dt>{col.label}</dt>
            {col.key === 'cv' ? (
              <dd>
                {row.cv_key ? (
                  <>
                    <a href={`${base}/cv`}>{t.cvDownload}</a>
                    {/* The place for what the upload check found (cvChecks). */}
                    <p class="cv-checks">{cvChecks}</p>
                  </>
                ) : (
                  t.cvNone
                )}
              </dd>
            ) : (
              <dd class="pre">{col.text(application)}</dd>
            )}
          </Fragment>
        ))}
      </dl>
      <h2>{statusCopy.stagesLabel}</h2>
      <ol>
        {stages.map((stage, i) =>
          i === current ? (
            <li key={stage.label} aria-current="step">
              <strong>{stage.label}</strong>
            </li>
          ) : (
            <li key={stage.label}>{stage.label}</li>
          ),
        )}
      </ol>
      {row.status === 'withdrawn' ? (
        <p class="notice">{statusCopy.withdrawn}</p>
      ) : current === stages.length - 1 ? (
        <p class="notice">{t.lastStage}</p>
      ) : (
        <form method="post" action={`${base}/stage`}>
          <FormField name="message" type="textarea" label={statusCopy.moveMessage} hint={statusCopy.moveMessageHint} />
          <button class="button" type="submit">
            {statusCopy.moveStage}
          </button>
        </form>
      )}
      <h2>{t.otherActions}</h2>
      <form method="post" action={`${base}/handled`}>
        <p>
          <button class="button" type="submit">
            {t.markHandled}
          </button>
        </p>
      </form>
      <form method="post" action={`${base}/delete`}>
        <FormField name="confirm" type="checkbox" label={t.deleteConfirmLabel} hint={t.deleteConfirm} />
        <button class="button secondary" type="submit">
          {t.delete}
        </button>
      </form>
    </>
  );
};
