/** The build's facts that the Worker judges submissions by (dist/catalog.json). */
import type { CalendarDate } from './dates';

export interface CatalogJob {
  title: string;
  opensOn: CalendarDate;
  closesOn: CalendarDate;
  /** The facets' labels (as in content/jobs), for the mail alerts' filters. */
  hiringType: string;
  jobFamily: string;
  employmentType: string;
  /** False when applications go elsewhere (e.g. the special wards' joint exam). */
  applyOnline: boolean;
  /** The selection steps after 受付, for the applicant's status page. */
  selection?: { step: string; date?: CalendarDate | undefined; until?: CalendarDate | undefined; note?: string | undefined }[];
}

export interface CatalogSession {
  /** The programme or event's title. */
  title: string;
  /** Its page on the site. */
  url: string;
  /** The programme's one-sentence summary (the description of its calendar file). */
  summary?: string;
  dates: CalendarDate[];
  startTime: string;
  endTime: string;
  place: string;
  capacity: number;
  waitlist: number;
  registrationClosesOn: CalendarDate;
  /** Hours a promoted person has to confirm the seat (default 48). */
  claimHours?: number;
}

export interface Catalog {
  /** The build's day in Japan: the day the pages judged each opening's status by. */
  builtOn?: CalendarDate;
  jobs: Record<string, CatalogJob>;
  sessions: Record<string, CatalogSession>;
}
