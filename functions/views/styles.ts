/**
 * The staff pages' look: the site's own stylesheet (its file name carries a content hash, so it is read from the
 * frame the build writes for the Worker, dist/result/) plus a few rules of the staff area's own, served at
 * /staff/staff.css because the Content-Security-Policy allows no inline style.
 */
import { loadShell } from '../lib/respond';

// Kept per isolate once read; a new deploy is a new isolate.
let sheets: readonly string[] | undefined;

/**
 * The site's stylesheets as the frame links them (the <noscript> one excepted: staff pages have no script), read from
 * the frame the public result pages already keep (lib/respond.ts), not fetched a second time.
 */
export async function siteStylesheets(assets: Fetcher): Promise<readonly string[]> {
  if (sheets) return sheets;
  const shell = await loadShell(assets).catch(() => undefined);
  if (!shell) return [];
  const frame = shell.replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
  sheets = [...frame.matchAll(/<link rel="stylesheet" href="(\/[^"]+\.css)"/g)].map((m) => m[1] ?? '').filter(Boolean);
  return sheets;
}

export const staffCss = `.staff-header {
  background: var(--color-brand-dark);
  color: #fff;
  padding: var(--space-3) 0;
}
.staff-header a {
  color: #fff;
}
.staff-name {
  font-weight: bold;
  font-size: var(--text-lg);
  text-decoration: none;
}
.staff-header ul {
  list-style: none;
  padding: 0;
  margin: var(--space-2) 0 0;
  display: flex;
  flex-wrap: wrap;
  gap: var(--space-1) var(--space-4);
}
.staff-header a[aria-current='page'] {
  font-weight: bold;
  text-decoration-thickness: 3px;
}
.staff-who {
  margin: var(--space-1) 0 0;
  font-size: var(--text-sm);
}
.pre {
  white-space: pre-line;
}
.cv-checks {
  margin: 0;
  font-size: var(--text-sm);
  color: var(--color-muted);
}
`;
