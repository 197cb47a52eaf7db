/**
 * The joint exams' calendar (content/exams) and what it decides: a joint-exam opening's window, status and steps,
 * the day experience is counted to, and the checks a recruiter meets. Days are derived from the calendar files, so
 * the tests hold whatever dates the files carry (samples today, the published ones later).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { site } from '../../src/config/site';
import { jobsCopy } from '../../src/i18n/ja';
import { formatDate, formatWareki } from '../../src/lib/dates';
import { bornOnOrAfterFor } from '../../src/lib/eligibility';
import { currentOrNextExam, examStatus, findExam, referenceDateOf } from '../../src/lib/exam-calendar';
import { readExamCalendars } from '../../src/lib/exam-calendar-files';
import { statusOn } from '../../src/lib/status';
import { contentSchemas } from '../../src/schemas/content';
import { examCalendarSchema } from '../../src/schemas/exam-calendar';

const calendars = readExamCalendars();
const schemas = contentSchemas({ stories: z.string(), pillars: z.string(), calendars });

/** The day before / after a calendar day. */
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const jointOpening = (exam: unknown, extra: Record<string, unknown> = {}) => ({
  title: '事務（経験者採用・1級職）',
  summary: '区政の企画・運営を担う事務職員を募集します。',
  hiringType: '経験者採用',
  jobFamily: '事務',
  employmentType: '常勤（任期の定めなし）',
  department: '総務部',
  workLocation: '練馬区役所本庁舎',
  duties: ['窓口業務'],
  requirements: {},
  pay: { unit: '月給', min: 259000, max: 318000 },
  exam,
  selection: [{ step: '練馬区による面接（区面接）' }],
  apply: { method: 'external', jointExam: true },
  ...extra,
});

const newest = calendars.at(-1);
if (!newest) throw new Error('content/exams holds no calendar');
const keiken = newest.exams.find((e) => e.id === 'keiken');
if (!keiken) throw new Error(`content/exams/${newest.fiscalYear}.yaml has no keiken exam`);

describe('the calendar files', () => {
  it('hold at least two fiscal years, each named by its file and marked as samples or not', () => {
    expect(calendars.length).toBeGreaterThanOrEqual(2);
    for (const c of calendars) expect(typeof c.sample).toBe('boolean');
  });

  it('link only to the exam body’s current site, from the site config, and nothing in content links to its old one', () => {
    const host = new URL(site.examBody.homepage).host;
    expect(host).toBe('www.union.tokyo23city.lg.jp');
    for (const c of calendars) for (const e of c.exams) expect(new URL(e.url).host).toBe(host);
    const old = /tokyo23city\.or\.jp/;
    for (const f of ['content/jobs/jimu-keiken-2027.md', 'content/jobs/_template.md', 'content/exams/2027.yaml'])
      expect(readFileSync(f, 'utf8'), f).not.toMatch(old);
  });

  it('refuse a window out of order, a test inside the window and a link to the old host, each with its message', () => {
    const file = { ...newest, exams: [{ ...keiken }] };
    const issues = (data: unknown) => {
      const r = examCalendarSchema.safeParse(data);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues(file)).toEqual([]);
    expect(issues({ ...file, exams: [{ ...keiken, internet: { from: keiken.internet.to, to: keiken.internet.from } }] }).join()).toContain(
      '申込受付の終わり',
    );
    const early = [{ step: '第1次試験', date: keiken.internet.to }];
    expect(issues({ ...file, exams: [{ ...keiken, steps: early }] }).join()).toContain('申込受付の後の日付');
    expect(issues({ ...file, exams: [{ ...keiken, url: 'https://www.tokyo23city.or.jp/' }] }).join()).toContain(
      'www.union.tokyo23city.lg.jp',
    );
  });
});

describe('a joint-exam opening takes its dates from the calendar', () => {
  const ref = { year: newest.fiscalYear, id: keiken.id };
  const job = schemas.jobs.parse(jointOpening(ref));

  it('has the exam’s internet window as its own, and its status follows the calendar day by day', () => {
    expect({ opensOn: job.opensOn, closesOn: job.closesOn }).toEqual({ opensOn: keiken.internet.from, closesOn: keiken.internet.to });
    const { from, to } = keiken.internet;
    const days: [string, string][] = [
      [shift(keiken.announcedOn, -30), 'upcoming'],
      [shift(from, -1), 'upcoming'],
      [from, 'open'],
      [shift(from, 7), 'open'],
      [to, 'open'],
      [shift(to, 1), 'closed'],
      [keiken.steps.at(-1)?.date ?? '', 'closed'],
    ];
    for (const [day, status] of days) {
      expect(statusOn(job, day), day).toBe(status);
      expect(examStatus(keiken, day), day).toBe(status);
    }
  });

  it('lists the exam’s steps with their dates, then the ward’s own steps', () => {
    expect(job.selection.map((s) => s.step)).toEqual([...keiken.steps.map((s) => s.step), '練馬区による面接（区面接）']);
    expect(job.selection[0]?.date).toBe(keiken.steps[0]?.date);
  });

  it('links to the exam’s guide on the exam body’s site, and states the reference date: 31 March after the exam year', () => {
    expect(job.apply).toMatchObject({ method: 'external', jointExam: true, url: keiken.url });
    expect(job.jointExam?.referenceDate).toBe(`${newest.fiscalYear + 1}-03-31`);
    expect(job.jointExam?.sample).toBe(newest.sample);
  });

  it('refuses a window typed by hand, a missing exam and an unknown one, in Japanese at the field', () => {
    const first = (data: unknown) => {
      const r = schemas.jobs.safeParse(data);
      return r.success ? undefined : { path: r.error.issues[0]?.path.join('.'), message: r.error.issues[0]?.message };
    };
    expect(first(jointOpening(ref, { opensOn: '2026-11-16' }))).toMatchObject({
      path: 'opensOn',
      message: expect.stringContaining('書かないでください'),
    });
    expect(first(jointOpening(undefined))).toMatchObject({ path: 'exam', message: expect.stringContaining('exam に試験の年度と種類') });
    expect(first(jointOpening({ year: 1999 + 100, id: 'keiken' }))).toMatchObject({
      path: 'exam',
      message: expect.stringContaining('2099年度の試験「keiken」がありません'),
    });
  });

  it('keeps the ward’s own openings on their own dates, which they must state', () => {
    const own = { ...jointOpening(undefined), apply: { method: 'online' }, opensOn: '2026-11-16', closesOn: '2026-12-21' };
    expect(schemas.jobs.parse(own)).toMatchObject({ opensOn: '2026-11-16', closesOn: '2026-12-21' });
    const r = schemas.jobs.safeParse({ ...own, closesOn: undefined });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['closesOn'] });
  });
});

describe('the exam a candidate can still act on', () => {
  const isKeiken = (e: { id: string }) => e.id === 'keiken';
  const years = calendars.map((c) => findExam(calendars, { year: c.fiscalYear, id: 'keiken' })).filter((s) => s !== undefined);

  it('is this year’s until its window closes, then next year’s; its reference date is the end of its fiscal year', () => {
    expect(years.length).toBeGreaterThanOrEqual(2);
    const [first, second] = years;
    if (!first || !second) throw new Error('two keiken exams expected');
    expect(currentOrNextExam(calendars, isKeiken, first.exam.internet.to)?.fiscalYear).toBe(first.fiscalYear);
    expect(currentOrNextExam(calendars, isKeiken, shift(first.exam.internet.to, 1))?.fiscalYear).toBe(second.fiscalYear);
    expect(referenceDateOf(second.fiscalYear)).toBe(`${second.fiscalYear + 1}-03-31`);
  });
});

describe('information sessions for a joint exam', () => {
  it('must take place before its applications open', () => {
    const event = {
      title: '経験者採用説明会',
      summary: '経験者採用の説明会です。',
      kind: '説明会',
      audience: '社会人の方',
      format: 'オンライン',
      exam: { year: newest.fiscalYear, id: keiken.id },
      sessions: [
        {
          id: 'exam-brief-a',
          dates: [shift(keiken.internet.from, -7)],
          startTime: '19:00',
          endTime: '20:30',
          place: 'オンライン',
          capacity: 10,
          registrationClosesOn: shift(keiken.internet.from, -8),
        },
      ],
    };
    expect(schemas.events.safeParse(event).success).toBe(true);
    const late = {
      ...event,
      sessions: [{ ...event.sessions[0], dates: [shift(keiken.internet.to, 1)], registrationClosesOn: keiken.internet.to }],
    };
    const r = schemas.events.safeParse(late);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('より前に開いてください');
  });
});

describe('what a joint-exam opening requires, derived rather than typed', () => {
  const jointFiles = readdirSync('content/jobs')
    .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
    .map((f) => `content/jobs/${f}`)
    .filter((f) => readFileSync(f, 'utf8').includes('jointExam: true'));

  it('types no nationality or birth-date condition in any joint-exam opening: the calendar and the rules decide them', () => {
    expect(jointFiles.length).toBeGreaterThan(3);
    for (const f of jointFiles) expect(readFileSync(f, 'utf8'), f).not.toMatch(/^ {4}- .*(国籍|生まれた方)/m);
  });

  it('states on the built page the nationality of the job family and the age at the exam’s reference date', () => {
    const page = 'dist/jobs/jimu-keiken-2027/index.html';
    expect(existsSync(page), `${page}: run npm run build first`).toBe(true);
    const html = readFileSync(page, 'utf8');
    const rules = parse(readFileSync('content/rules/2026.yaml', 'utf8')) as { routes: { id: string; ageLimit?: { maxAge?: number } }[] };
    const maxAge = rules.routes.find((r) => r.id === 'tokubetsuku-keiken-1')?.ageLimit?.maxAge;
    if (maxAge === undefined) throw new Error('tokubetsuku-keiken-1 has no maxAge');
    const reference = referenceDateOf(2027);
    expect(html).toContain(jobsCopy.exam.ageRequirement(formatWareki(bornOnOrAfterFor(maxAge, reference)), formatDate(reference), maxAge));
    // 事務 is among the posts that require Japanese nationality in the calendar's rules.
    expect(newest.candidateRules.nationality.japaneseOnly).toContain('事務');
    expect(html).toMatch(new RegExp(`<li[^>]*>${jobsCopy.exam.japaneseRequirement}</li>`));
    const welfare = readFileSync('dist/jobs/hokenshi-keiken-2027/index.html', 'utf8');
    expect(welfare).toContain(jobsCopy.exam.foreignRequirement(newest.candidateRules.nationality.statuses.join('・')));
  });
});
