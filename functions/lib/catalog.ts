/**
 * The build's catalog (dist/catalog.json): what is open and how many seats a session has.
 * One source of truth with the pages; read through the assets binding and kept for a minute (built-json.ts).
 */
import type { Catalog, CatalogJob, CatalogSession } from '../../src/lib/catalog';
import { todayInTokyo } from '../../src/lib/dates';
import { statusOn } from '../../src/lib/status';
import { builtJson } from './built-json';

export const loadCatalog = builtJson<Catalog>('catalog.json');

export type JobVerdict =
  | { ok: true; job: CatalogJob }
  | { ok: false; reason: 'unknown' | 'external' | 'upcoming' | 'closed'; job?: CatalogJob };

/** Whether an opening takes applications on this site at `now`, judged in Japan time. */
export function judgeJob(catalog: Catalog, jobId: string, now: Date): JobVerdict {
  const job = jobIn(catalog, jobId);
  if (!job) return { ok: false, reason: 'unknown' };
  if (!job.applyOnline) return { ok: false, reason: 'external', job };
  const status = statusOn(job, todayInTokyo(now));
  return status === 'open' ? { ok: true, job } : { ok: false, reason: status, job };
}

/** An opening by id; never an inherited member such as `constructor`. */
export const jobIn = (catalog: Catalog, id: string): CatalogJob | undefined =>
  Object.hasOwn(catalog.jobs, id) ? catalog.jobs[id] : undefined;

/** A session by id; never an inherited member such as `constructor`. */
export const sessionIn = (catalog: Catalog, id: string): CatalogSession | undefined =>
  Object.hasOwn(catalog.sessions, id) ? catalog.sessions[id] : undefined;

export type SessionVerdict = { ok: true; session: CatalogSession } | { ok: false; reason: 'unknown' | 'closed'; session?: CatalogSession };

export function judgeSession(catalog: Catalog, sessionId: string, now: Date): SessionVerdict {
  const session = sessionIn(catalog, sessionId);
  if (!session) return { ok: false, reason: 'unknown' };
  return todayInTokyo(now) <= session.registrationClosesOn ? { ok: true, session } : { ok: false, reason: 'closed', session };
}
