/**
 * The applicant's status page (a private link): the opening's stages, the current one and what comes next, and the
 * withdrawal button. Rendered inside the public site's frame (lib/respond.ts `page`), since the applicant is the public.
 */
import type { FC } from 'hono/jsx';
import { statusCopy as t } from '../../src/i18n/ja';

export interface StatusPageProps {
  jobTitle: string;
  reference: string;
  withdrawn: boolean;
  stages: { label: string; when?: string | undefined }[];
  /** Index into `stages`. */
  current: number;
  /** Since when the current stage holds, as a person reads it (e.g. 2026年12月7日). */
  since?: string | undefined;
  /** A word from the ward at the last move, if any. */
  message?: string | null | undefined;
  /** The private token, posted back by the withdrawal button (never shown). */
  token: string;
}

export const StatusPage: FC<StatusPageProps> = ({ jobTitle, reference, withdrawn, stages, current, since, message, token }) => {
  const next = stages[current + 1];
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.lead(jobTitle, reference)}</p>
      {withdrawn ? (
        <p class="notice">{t.withdrawn}</p>
      ) : (
        <>
          <h2>{t.stagesLabel}</h2>
          <ol class="stages">
            {stages.map((s, i) =>
              i === current ? (
                <li key={s.label} aria-current="step">
                  <strong>{s.label}</strong>（{t.current}
                  {since ? t.since(since) : ''}）
                </li>
              ) : (
                <li key={s.label}>
                  {s.label}
                  {s.when ? `：${s.when}` : ''}
                </li>
              ),
            )}
          </ol>
          {message ? (
            <>
              <h2>{t.message}</h2>
              <p class="notice">{message}</p>
            </>
          ) : null}
          <h2>{t.next}</h2>
          <p>{next ? `${next.label}${next.when ? `（${next.when}）` : ''}` : t.nextNone}</p>
          <form method="post" action="/api/status/withdraw">
            <input type="hidden" name="token" value={token} />
            <button class="button secondary" type="submit">
              {t.withdraw}
            </button>
          </form>
        </>
      )}
    </>
  );
};
