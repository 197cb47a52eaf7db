/**
 * Links in mail. Always on the configured public origin (site config), never on the request's Host: a request that
 * says `Host: evil.example` must not get a mail pointing there. The token is the only secret in a link.
 */
import { site } from '../../src/config/site';

const onSite = (path: string) => new URL(path, site.origin).href;
const withToken = (path: string, token: string) => onSite(`${path}?token=${token}`);

export const links = {
  /** Cancel a sign-up (every mail about a registration carries one). */
  cancel: (token: string) => withToken('/api/registrations/cancel', token),
  /** Confirm a seat offered from the waiting list. */
  claim: (token: string) => withToken('/api/registrations/claim', token),
  /** An applicant's private status page. */
  status: (token: string) => withToken('/api/status', token),
  /** Job alerts: confirm, manage, one-click unsubscribe. */
  alertConfirm: (token: string) => withToken('/api/alerts/confirm', token),
  alertManage: (token: string) => withToken('/api/alerts/manage', token),
  alertUnsubscribe: (token: string) => withToken('/api/alerts/unsubscribe', token),
  /** The staff area's page of one application (no personal data in the link). */
  staffApplication: (reference: string) => onSite(`/staff/applications/${reference}/`),
  /** A page of the site, e.g. a session's page for its calendar file. */
  page: (path: string) => onSite(path),
};
