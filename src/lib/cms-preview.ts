/**
 * What the editor's preview pane (src/scripts/cms-preview.ts) shows of an entry: the facts its page will state, derived
 * as the build derives them. An entry the build would accept is parsed with the build's own schema (editorSchemas), so
 * the pane shows exactly the page's data; a half-filled one is read field by field, with the same functions the schema's
 * transform uses (the rules' pay of its route, the exam calendar's window and steps), and never throws.
 * Pure: the data comes from /admin/checks.json, the entry from Decap as a plain object.
 */

import { site } from '../config/site';
import { jobsCopy } from '../i18n/ja';
import type { Route } from '../schemas/rules';
import { isCalendarDate } from './calendar';
import { asWritten, type EditorData, type editorSchemas } from './cms-checks';
import { examSelection, examWindow, findExam, type JointExamFacts, jointExamFacts, type SelectionStep } from './exam-calendar';
import type { PayRange } from './format';
import { routeFigures } from './pay';
import { type Status, statusOn } from './status';

type Schemas = ReturnType<typeof editorSchemas>;

/** What /admin/preview.json holds (src/pages/admin/preview.json.ts): site components rendered at build. */
export interface PreviewParts {
  /** <StatusBadge status=…/> as the pages render it, with its scoped-style attribute, by status. */
  badges: Record<Status, string>;
}

/** An opening as its page reads it (src/pages/jobs/[slug]/index.astro); what is not filled in yet is absent. */
export interface JobView {
  title?: string | undefined;
  summary?: string | undefined;
  hiringType?: string | undefined;
  jobFamily?: string | undefined;
  employmentType?: string | undefined;
  department?: string | undefined;
  workLocation?: string | undefined;
  openings?: number | undefined;
  duties: string[];
  requirements: { experienceKind?: string | undefined; qualifications: string[]; other: string[] };
  /** The route of the rules in force, when the opening names one the rules have. */
  route?: { id: string; label: string; grade: string; requiredYears: number; note: string } | undefined;
  pay?: (PayRange & { allowances: string[]; experienceNote?: string | undefined }) | undefined;
  /** The rules' figures are samples: every pay figure carries the sample mark. */
  paySample: boolean;
  opensOn?: string | undefined;
  closesOn?: string | undefined;
  /** Where the window stands today; absent until both days are known. */
  status?: Status | undefined;
  selection: SelectionStep[];
  apply?:
    | { method: 'online' }
    | { method: 'external'; url?: string | undefined; label?: string | undefined; jointExam: boolean }
    | undefined;
  /** A joint exam's facts, from content/exams. */
  jointExam?: JointExamFacts | undefined;
  contact?: string | undefined;
  /** The build accepts the entry as it is (else some facts may be missing until it is completed). */
  complete: boolean;
}

/** One session of an internship or event, as its page's table reads it. */
export interface SessionView {
  id?: string | undefined;
  dates: string[];
  startTime?: string | undefined;
  endTime?: string | undefined;
  place?: string | undefined;
  capacity?: number | undefined;
  waitlist: number;
  registrationClosesOn?: string | undefined;
  /** Registration today: open until its last day, inclusive (sessionStatus in src/content.ts). */
  status?: Status | undefined;
}

/** An internship or event as its page (src/components/ProgrammePage.astro) reads it. */
export interface ProgrammeView {
  title?: string | undefined;
  summary?: string | undefined;
  /** The page's facts, label and value, in its order; a fact not filled in yet is left out. */
  facts: [label: string, value: string][];
  activities: string[];
  sessions: SessionView[];
  complete: boolean;
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((s): s is string => s !== undefined) : []);
const day = (v: unknown): string | undefined => {
  const s = str(v);
  return s && isCalendarDate(s) ? s : undefined;
};
const windowStatus = (opensOn: string | undefined, closesOn: string | undefined, today: string) =>
  opensOn && closesOn ? statusOn({ opensOn, closesOn }, today) : undefined;

/** A route of the rules in force, as the page states it. */
function routeView(route: Route | undefined): JobView['route'] {
  return route && { id: route.id, label: route.label, grade: route.grade, requiredYears: route.window.requiredYears, note: route.note };
}

/** An opening the build accepts: the schema's own output, which is what the page reads. */
function parsedJob(job: ReturnType<Schemas['jobs']['parse']>, data: EditorData, today: string): JobView {
  const { allowances, experienceNote, unit, min, max } = job.pay;
  const { experienceKind, qualifications, other } = job.requirements;
  return {
    title: job.title,
    summary: job.summary,
    hiringType: job.hiringType,
    jobFamily: job.jobFamily,
    employmentType: job.employmentType,
    department: job.department,
    workLocation: job.workLocation,
    openings: job.openings,
    duties: job.duties,
    requirements: { experienceKind, qualifications, other },
    route: routeView(data.rules.rules.routes.find((r) => r.id === job.rulesRoute?.id)),
    pay: { unit, min, max, allowances, experienceNote },
    paySample: data.rules.rules.sample,
    opensOn: job.opensOn,
    closesOn: job.closesOn,
    status: windowStatus(job.opensOn, job.closesOn, today),
    selection: job.selection,
    apply: job.apply,
    jointExam: job.jointExam,
    contact: job.contact,
    complete: true,
  };
}

/**
 * A half-filled opening, read field by field as the schema's transform would read it: the pay range and years of its
 * route from the rules, and for a joint exam the window and the exam's steps from the calendar.
 */
export function partialJobView(entry: unknown, data: EditorData, today: string): JobView {
  const e = obj(asWritten(entry));
  const routeId = str(e['route']);
  const figures = routeId === undefined ? undefined : routeFigures(data.rules, routeId);
  const fixed = figures === 'unknown' ? undefined : figures;
  const route = routeView(fixed?.route);
  const range = fixed?.pay;
  const pay = obj(e['pay']);
  const payBase = {
    allowances: strings(pay['allowances']),
    experienceNote: str(pay['experienceNote']),
  };
  const unit = pay['unit'] === '時給' ? ('時給' as const) : ('月給' as const);
  const min = num(pay['min']);
  const requirements = obj(e['requirements']);
  const apply = obj(e['apply']);
  const joint = apply['method'] === 'external' && apply['jointExam'] === true;
  const ref = obj(e['exam']);
  const year = num(ref['year']);
  const id = str(ref['id']);
  const scheduled = joint && year !== undefined && id ? findExam(data.calendars, { year, id }) : undefined;
  const wardSteps: SelectionStep[] = (Array.isArray(e['selection']) ? e['selection'] : []).flatMap((s) => {
    const step = str(obj(s)['step']);
    return step ? [{ step, date: day(obj(s)['date']), note: str(obj(s)['note']) }] : [];
  });
  const window = scheduled ? examWindow(scheduled.exam) : { opensOn: day(e['opensOn']), closesOn: day(e['closesOn']) };
  const method = apply['method'];
  return {
    title: str(e['title']),
    summary: str(e['summary']),
    hiringType: str(e['hiringType']),
    jobFamily: str(e['jobFamily']),
    employmentType: str(e['employmentType']),
    department: str(e['department']),
    workLocation: str(e['workLocation']),
    openings: num(e['openings']),
    duties: strings(e['duties']),
    requirements: {
      experienceKind: str(requirements['experienceKind']),
      qualifications: strings(requirements['qualifications']),
      other: strings(requirements['other']),
    },
    route,
    // As the transform: the rules' range for a route that has one (monthly), else the figures written.
    pay: range
      ? { unit: '月給', min: range.low, max: range.high, ...payBase }
      : min !== undefined
        ? { unit, min, max: num(pay['max']), ...payBase }
        : undefined,
    paySample: data.rules.rules.sample,
    ...window,
    status: windowStatus(window.opensOn, window.closesOn, today),
    selection: scheduled ? examSelection(scheduled.exam, wardSteps) : wardSteps,
    apply:
      method === 'online'
        ? { method: 'online' }
        : method === 'external'
          ? {
              method: 'external',
              jointExam: joint,
              url: str(apply['url']) ?? scheduled?.exam.url,
              label: str(apply['label']) ?? (scheduled && jobsCopy.exam.applyLabel(site.examBody.name, scheduled.exam.name)),
            }
          : undefined,
    jointExam: scheduled && jointExamFacts(scheduled),
    contact: str(e['contact']),
    complete: false,
  };
}

/** An opening as its page will read it, today (Japan time): parsed when the build accepts it, else as far as it goes. */
export function jobView(schemas: Schemas, entry: unknown, data: EditorData, today: string): JobView {
  const parsed = schemas.jobs.safeParse(asWritten(entry));
  return parsed.success ? parsedJob(parsed.data, data, today) : partialJobView(entry, data, today);
}

/** A session's registration status on `today`: open until its last day to register, inclusive. */
const sessionStatusOn = (closesOn: string | undefined, today: string) => windowStatus('0000-01-01', closesOn, today);

/**
 * An internship or event as its page will read it. `facts` names the page's facts in order, each with its label and
 * its field (src/pages/internships/[slug].astro, src/pages/events/[slug].astro).
 */
export function programmeView(
  schemas: Schemas,
  collection: 'internships' | 'events',
  entry: unknown,
  facts: readonly (readonly [label: string, field: string])[],
  today: string,
): ProgrammeView {
  const e = obj(asWritten(entry));
  const sessions = (Array.isArray(e['sessions']) ? e['sessions'] : []).map((raw): SessionView => {
    const s = obj(raw);
    const registrationClosesOn = day(s['registrationClosesOn']);
    return {
      id: str(s['id']),
      dates: (Array.isArray(s['dates']) ? s['dates'] : []).map(day).filter((d): d is string => d !== undefined),
      startTime: str(s['startTime']),
      endTime: str(s['endTime']),
      place: str(s['place']),
      capacity: num(s['capacity']),
      waitlist: num(s['waitlist']) ?? 0,
      registrationClosesOn,
      status: sessionStatusOn(registrationClosesOn, today),
    };
  });
  return {
    title: str(e['title']),
    summary: str(e['summary']),
    facts: facts.flatMap(([label, field]) => {
      const value = str(e[field]);
      return value ? [[label, value] as [string, string]] : [];
    }),
    activities: strings(e['activities']),
    sessions,
    complete: schemas[collection].safeParse(asWritten(entry)).success,
  };
}
