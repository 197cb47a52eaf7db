/**
 * The one list of an application's fields, and the one list of a registration's: key, heading and how the value
 * reads. The staff pages and the CSV exports are both drawn from them, so a field cannot be in one and not the other,
 * nor under another heading.
 */
import { fieldLabels, staffCopy as t } from '../../src/i18n/staff';
import type { Application } from '../../src/schemas/application';
import type { Registration } from '../../src/schemas/registration';
import type { ApplicationRow } from './applications';
import type { RegistrationRow } from './seats';

export interface Column<R, K extends string = string> {
  key: K;
  label: string;
  text: (record: R) => string;
  /** Also shown in the list pages (an opening's applications, a session's roster), not only in full and in the CSV. */
  inList?: boolean;
}

/** A stored application with its payload read. */
export interface StaffApplication {
  row: ApplicationRow;
  data: Application;
}
/** A stored registration with its payload read (support needs are kept in a column of their own). */
export interface StaffRegistration {
  row: RegistrationRow;
  data: Registration;
}

export const readApplication = (row: ApplicationRow): StaffApplication => ({ row, data: JSON.parse(row.payload) as Application });
export const readRegistration = (row: RegistrationRow): StaffRegistration => ({ row, data: JSON.parse(row.payload) as Registration });

const tokyoTime = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' });
/** An instant (ISO 8601) in Japan time, e.g. 2026/12/07 9:30. */
export const when = (iso: string) => tokyoTime.format(new Date(iso));
/** 1990-04-01 → 1990年4月1日, 2012-03 → 2012年3月; anything else as stored. */
export function calendarText(value: string | undefined): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value ?? '');
  if (!m) return value ?? '';
  return `${m[1]}年${Number(m[2])}月${m[3] ? `${Number(m[3])}日` : ''}`;
}
export const statusText = (status: string) => t.statuses[status] ?? status;

const workText = (work: Application['work']) =>
  work
    .map((w) => `${calendarText(w.from)}〜${w.to ? calendarText(w.to) : t.present} ${w.employer}${w.duties ? `（${w.duties}）` : ''}`)
    .join('\n');

type ApplicationKey = keyof typeof fieldLabels.applications;
const a = (key: ApplicationKey, text: (r: StaffApplication) => string | undefined, inList = false): Column<StaffApplication> => ({
  key,
  label: fieldLabels.applications[key],
  text: (r) => text(r) ?? '',
  inList,
});

/** An application's fields, in the order of the apply form. */
export const applicationColumns: readonly Column<StaffApplication>[] = [
  a('reference', (r) => r.row.reference, true),
  a('receivedAt', (r) => when(r.row.created_at), true),
  a('status', (r) => statusText(r.row.status), true),
  a('name', (r) => r.data.name, true),
  a('nameKana', (r) => r.data.nameKana),
  a('birthDate', (r) => calendarText(r.data.birthDate)),
  a('email', (r) => r.data.email),
  a('phone', (r) => r.data.phone),
  a('postalCode', (r) => r.data.postalCode),
  a('address', (r) => r.data.address),
  a('educationLevel', (r) => r.data.educationLevel),
  a('school', (r) => r.data.school),
  a('graduated', (r) => calendarText(r.data.graduated)),
  a('work', (r) => workText(r.data.work ?? [])),
  a('qualifications', (r) => r.data.qualifications),
  a('motivation', (r) => r.data.motivation),
  a('referral', (r) => r.data.referral),
  a('cv', (r) => (r.row.cv_key ? t.cvAttached : t.cvNotAttached)),
];

type RosterKey = keyof typeof fieldLabels.roster;
const s = (key: RosterKey, text: (r: StaffRegistration) => string | null | undefined, inList = false): Column<StaffRegistration> => ({
  key,
  label: fieldLabels.roster[key],
  text: (r) => text(r) ?? '',
  inList,
});

/** A registration's fields, in the order of the sign-up form. */
export const rosterColumns: readonly Column<StaffRegistration>[] = [
  s('reference', (r) => r.row.reference, true),
  s('receivedAt', (r) => when(r.row.created_at), true),
  s('status', (r) => statusText(r.row.status)),
  s('name', (r) => r.data.name, true),
  s('nameKana', (r) => r.data.nameKana),
  s('email', (r) => r.data.email),
  s('school', (r) => r.data.school),
  s('faculty', (r) => r.data.faculty),
  s('year', (r) => r.data.year),
  s('motivation', (r) => r.data.motivation),
  s('supportNeeds', (r) => r.row.support_needs),
];

/** A CSV's header and rows from a column list. */
export const csvOf = <R>(columns: readonly Column<R>[], records: R[]) => ({
  header: columns.map((c) => c.label),
  rows: records.map((r) => columns.map((c) => c.text(r))),
});
