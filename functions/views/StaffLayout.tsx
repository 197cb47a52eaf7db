/**
 * The frame of every staff page: the site's stylesheet, but the staff area's own header and menu instead of the
 * public site's navigation, and kept out of search engines.
 */
import type { Child, FC } from 'hono/jsx';
import { site } from '../../src/config/site';
import { ui } from '../../src/i18n/ja';
import { staffCopy as t } from '../../src/i18n/staff';

export interface StaffLayoutProps {
  /** The page's own title; the staff area's name is appended. */
  title: string;
  /** The site's stylesheets, as the build named them (see staffStylesheets). */
  stylesheets: readonly string[];
  /** Who is signed in, shown in the header (unknown on an error before the login was checked). */
  staff?: string | undefined;
  /** The menu entry this page is, if any. */
  current?: 'dashboard' | 'audit' | undefined;
  children?: Child;
}

export const StaffLayout: FC<StaffLayoutProps> = ({ title, stylesheets, staff, current, children }) => {
  const name = `${site.organisation.name} ${t.title}`;
  const menu = [
    { id: 'dashboard', href: '/staff/', label: t.dashboard },
    { id: 'audit', href: '/staff/audit/', label: t.auditHeading },
  ] as const;
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title}｜${name}`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        <link rel="stylesheet" href="/staff/staff.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {ui.skipLink}
        </a>
        <header class="staff-header">
          <div class="wrap">
            <a class="staff-name" href="/staff/">
              {name}
            </a>
            <nav aria-label={t.navLabel}>
              <ul>
                {menu.map((m) => (
                  <li key={m.id}>
                    <a href={m.href} aria-current={m.id === current ? 'page' : undefined}>
                      {m.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {staff && <p class="staff-who">{t.signedInAs(staff)}</p>}
          </div>
        </header>
        <main id="main" tabindex={-1} class="wrap">
          {children}
        </main>
      </body>
    </html>
  );
};
