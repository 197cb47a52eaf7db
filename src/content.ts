/**
 * The queries every page uses. Each collection is read once; drafts never leave this file.
 * "Today" is the build's day in Japan; BUILD_TODAY (YYYY-MM-DD) pins it for tests and benchmarks.
 */
import { type CollectionEntry, getCollection } from 'astro:content';
import { todayInTokyo } from './lib/dates';
import { type GlossaryTerm, glossaryHref } from './lib/glossary-links';
import { type Status, statusOn } from './lib/status';
import type { ExamCalendar } from './schemas/exam-calendar';

export type Job = CollectionEntry<'jobs'>;
export type Internship = CollectionEntry<'internships'>;
export type Event = CollectionEntry<'events'>;
export type Session = Internship['data']['sessions'][number];

export const buildToday: string = import.meta.env['BUILD_TODAY'] ?? process.env['BUILD_TODAY'] ?? todayInTokyo();

const published = <T extends { data: { draft?: boolean } }>(entries: T[]) => entries.filter((e) => !e.data.draft);

const statusRank: Record<Status, number> = { open: 0, upcoming: 1, closed: 2 };

export const jobStatus = (job: Job, today = buildToday): Status => statusOn(job.data, today);

/** The joint exams' calendars (content/exams), oldest year first. */
export async function examCalendars(): Promise<ExamCalendar[]> {
  return (await getCollection('exams')).map((e) => e.data).sort((a, b) => a.fiscalYear - b.fiscalYear);
}

/** The rules of the fiscal year in force: the newest file in content/rules. */
export async function currentRules() {
  const all = await getCollection('rules');
  const newest = all.sort((a, b) => b.data.fiscalYear - a.data.fiscalYear)[0];
  if (!newest) throw new Error('content/rules に規則のファイルがありません。content/rules/2026.yaml を参考に追加してください。');
  return newest;
}

/**
 * All published openings: open first (soonest deadline first), then upcoming, then closed. Their routes, figures
 * and application channel were checked against the rules when the collections loaded (content.config.ts).
 */
export async function allJobs(): Promise<Job[]> {
  const jobs = published(await getCollection('jobs'));
  return jobs.sort(
    (a, b) =>
      statusRank[jobStatus(a)] - statusRank[jobStatus(b)] ||
      // Experienced hires lead the list (取組1).
      Number(b.data.hiringType === '経験者採用') - Number(a.data.hiringType === '経験者採用') ||
      a.data.closesOn.localeCompare(b.data.closesOn) ||
      a.id.localeCompare(b.id),
  );
}

export const sessionStatus = (s: Session, today = buildToday): Status =>
  statusOn({ opensOn: '0000-01-01', closesOn: s.registrationClosesOn }, today);

/** A programme or event is open while any of its sessions takes registrations. */
export function programmeStatus(sessions: Session[], today = buildToday): Status {
  return sessions.some((s) => sessionStatus(s, today) === 'open') ? 'open' : 'closed';
}

const byFirstSession = <T extends Internship | Event>(a: T, b: T) =>
  statusRank[programmeStatus(a.data.sessions)] - statusRank[programmeStatus(b.data.sessions)] ||
  (a.data.sessions[0]?.dates[0] ?? '').localeCompare(b.data.sessions[0]?.dates[0] ?? '');

export async function allInternships(): Promise<Internship[]> {
  return published(await getCollection('internships')).sort(byFirstSession);
}

export async function allEvents(): Promise<Event[]> {
  return published(await getCollection('events')).sort(byFirstSession);
}

export async function allStories() {
  const stories = published(await getCollection('stories'));
  // Experienced hires first (取組2), newest first within each group.
  return stories.sort(
    (a, b) =>
      Number(b.data.hiringType === '経験者採用') - Number(a.data.hiringType === '経験者採用') || b.data.joinedYear - a.data.joinedYear,
  );
}

export async function planByPillar() {
  const pillars = (await getCollection('pillars')).sort((a, b) => a.data.number - b.data.number);
  const initiatives = (await getCollection('initiatives')).sort((a, b) => a.data.number - b.data.number);
  return pillars.map((pillar) => ({ pillar, initiatives: initiatives.filter((i) => i.data.pillar.id === pillar.id) }));
}

export async function allFaq() {
  return published(await getCollection('faq')).sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

export async function allPages() {
  return published(await getCollection('pages'));
}

export type GlossaryEntry = CollectionEntry<'glossary'>;

/**
 * The glossary in its order, then by reading (50音順). The same written form in two entries stopped the build when
 * the collection loaded (content.config.ts).
 */
export async function allGlossary(): Promise<GlossaryEntry[]> {
  const entries = published(await getCollection('glossary'));
  return entries.sort(
    (a, b) => a.data.order - b.data.order || a.data.reading.localeCompare(b.data.reading, 'ja') || a.id.localeCompare(b.id),
  );
}

/** Every written form to link from other pages (each entry's term and aliases), with its entry's address on /glossary/. */
export async function glossaryLinks(): Promise<GlossaryTerm[]> {
  return (await allGlossary()).flatMap((e) => [e.data.term, ...e.data.aliases].map((term) => ({ term, href: glossaryHref(e.id) })));
}
