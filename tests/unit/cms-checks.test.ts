/**
 * The editor's checks before saving (src/lib/cms-checks.ts): the build's own schemas and messages, a session id
 * another file uses, the labels a refused save names, and the read-only facts an opening shows.
 */
import { describe, expect, it } from 'vitest';
import { asWritten, derivedFacts, type EditorData, editorSchemas, entryIssues, fieldLabel, issueLines } from '../../src/lib/cms-checks';
import { formatDate } from '../../src/lib/dates';
import { readExamCalendars } from '../../src/lib/exam-calendar-files';
import { formatRange, routePayRange } from '../../src/lib/pay';
import { readRulesInForce } from '../../src/lib/rules-files';
import { TEST_TODAY } from '../clock';

const data: EditorData = {
  rules: readRulesInForce(),
  calendars: readExamCalendars(),
  sessions: [{ file: 'content/events/setsumeikai.md', id: 'taken-2027-01' }],
};
const schemas = editorSchemas(data);
const ward = data.rules.rules.routes.find((r) => r.organizer === 'ward');
if (!ward) throw new Error('no ward route in the rules in force');

/** An opening as Decap hands it over: the editor's own fields, empty optional ones as "". */
const opening = {
  slug: 'ict-dx-test',
  title: 'ICT・DX（任期付職員）',
  summary: '窓口のデジタル化を進める経験者を募集します。',
  route: ward.id,
  derived: undefined,
  hiringType: '任期付',
  jobFamily: 'ICT・DX',
  employmentType: '常勤（任期付）',
  department: '区民部',
  workLocation: '本庁舎',
  duties: ['窓口手続きの設計'],
  requirements: { experienceYears: '', experienceKind: '', qualifications: [], other: [] },
  pay: { unit: '月給', min: '', max: null, allowances: [] },
  opensOn: '2026-12-01',
  closesOn: '2027-01-20',
  selection: [{ step: '書類選考', date: '', note: '' }],
  apply: { method: 'online' },
  contact: '',
  body: '本文',
};

describe('an entry as it will be written', () => {
  it('leaves out empty values and the fields the editor adds, keeps list items', () => {
    expect(asWritten({ slug: 'a', body: 'b', derived: 1, x: '', y: { z: null, w: 1 }, l: ['', 'a'] })).toEqual({
      y: { w: 1 },
      l: ['', 'a'],
    });
  });
});

describe('the checks before saving', () => {
  it('pass an opening the build would accept', () => {
    expect(entryIssues(schemas, 'jobs', opening, data)).toEqual([]);
  });
  it("refuse what the build refuses, at the field, with the build's message", () => {
    const issues = entryIssues(schemas, 'jobs', { ...opening, closesOn: '2026-11-01' }, data);
    expect(issues).toEqual([{ path: ['closesOn'], message: '締切日（closesOn）は募集開始日（opensOn）と同じか後の日付にしてください' }]);
    expect(entryIssues(schemas, 'jobs', { ...opening, route: 'ku-nothing' }, data).map((i) => i.path)).toEqual([['route']]);
    expect(entryIssues(schemas, 'jobs', { ...opening, pay: { unit: '月給', min: 300000 } }, data).map((i) => i.path)).toEqual([
      ['pay', 'min'],
    ]);
  });
  it('refuse a session id another file uses, and not the entry’s own', () => {
    const programme = {
      title: 'ICT・DXインターンシップ',
      summary: '区役所のデジタル化を体験します。',
      department: '企画部',
      theme: '窓口のデジタル化',
      activities: ['現場の見学'],
      eligibility: '大学生・大学院生',
      format: '対面',
      sessions: [
        {
          id: 'new-2027-02',
          dates: ['2027-02-10'],
          startTime: '10:00',
          endTime: '16:00',
          place: '本庁舎',
          capacity: 10,
          registrationClosesOn: '2027-01-31',
        },
        {
          id: 'taken-2027-01',
          dates: ['2027-02-11'],
          startTime: '10:00',
          endTime: '16:00',
          place: '本庁舎',
          capacity: 10,
          registrationClosesOn: '2027-01-31',
        },
      ],
    };
    expect(entryIssues(schemas, 'internships', programme, data)).toEqual([
      {
        path: ['sessions', 1, 'id'],
        message:
          '回のID「taken-2027-01」は content/events/setsumeikai.md でも使われています。回のIDはサイト全体で重ならないようにしてください',
      },
    ]);
    expect(entryIssues(schemas, 'internships', programme, data, 'content/events/setsumeikai.md')).toEqual([]);
  });
  it('name each field as the editor labels it', () => {
    expect(fieldLabel('jobs', ['pay', 'min'])).toBe('給与 › 給与の下限（円）');
    expect(fieldLabel('internships', ['sessions', 1, 'id'])).toMatch(/ › 2つ目 › /);
    expect(issueLines('jobs', [{ path: ['closesOn'], message: 'm' }])).toEqual(['締切日：m']);
  });
});

describe("an opening's read-only facts", () => {
  it("state the route's name, grade, years and pay as the rules give them, marked while they are samples", () => {
    const range = routePayRange(data.rules.rules, ward.id);
    if (!range) throw new Error('no pay for the ward route');
    const lines = derivedFacts(opening, data, TEST_TODAY);
    expect(lines).toContain(`職級：${ward.grade}`);
    expect(lines).toContain(`必要な経験年数：${ward.window.requiredYears}年以上`);
    expect(lines).toContain(`給与：月給 ${formatRange(range)}（本給と地域手当の合計）`);
    expect(lines.some((l) => l.includes('サンプル'))).toBe(data.rules.rules.sample);
  });
  it("state a joint exam's window from the calendar", () => {
    const calendar = data.calendars.at(-1);
    const exam = calendar?.exams[0];
    if (!calendar || !exam) throw new Error('no exam calendar');
    const lines = derivedFacts({ exam: { year: calendar.fiscalYear, id: exam.id } }, data, TEST_TODAY);
    expect(lines).toContain(`受付期間：${formatDate(exam.internet.from)}〜${formatDate(exam.internet.to)}（インターネット）`);
    expect(derivedFacts({ exam: { year: 1999, id: 'x' } }, data, TEST_TODAY)).toContain(
      'content/exams に 1999年度の試験「x」がありません。',
    );
  });
});
