/**
 * What the editor's preview pane shows (src/lib/cms-preview.ts): an opening's facts as the build derives them, whether
 * the entry is complete (the schema's own output) or half-filled (read field by field), and the sessions of an
 * internship or event with their status for today.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type EditorData, editorSchemas } from '../../src/lib/cms-checks';
import { jobView, partialJobView, programmeView } from '../../src/lib/cms-preview';
import { examSelection, examWindow, findExam } from '../../src/lib/exam-calendar';
import { readExamCalendars } from '../../src/lib/exam-calendar-files';
import { routePayRange } from '../../src/lib/pay';
import { readRulesInForce } from '../../src/lib/rules-files';
import { statusOn } from '../../src/lib/status';
import { TEST_TODAY } from '../clock';

const data: EditorData = { rules: readRulesInForce(), calendars: readExamCalendars(), sessions: [] };
const schemas = editorSchemas(data);
const ward = data.rules.rules.routes.find((r) => r.organizer === 'ward' && routePayRange(data.rules.rules, r.id));
if (!ward) throw new Error('no ward route with pay rules in the rules in force');

/** The front matter of every opening in content/jobs, as Decap hands it to the preview (plain values). */
const openings = readdirSync('content/jobs')
  .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
  .map((f) => {
    const text = readFileSync(join('content/jobs', f), 'utf8');
    return { file: f, entry: parse(text.split(/^---$/m)[1] ?? '') as Record<string, unknown> };
  });

describe("an opening's preview", () => {
  it.each(openings)('states what the build derives for $file, read field by field as from the parsed entry', ({ entry }) => {
    const parsed = jobView(schemas, entry, data, TEST_TODAY);
    expect(parsed.complete).toBe(true);
    expect({ ...partialJobView(entry, data, TEST_TODAY), complete: true }).toEqual(parsed);
  });

  it("takes a route's pay and grade from the rules, before the entry is complete", () => {
    const v = jobView(schemas, { title: 'ICT・DX', route: ward.id, pay: { unit: '', min: '' }, duties: [''] }, data, TEST_TODAY);
    const range = routePayRange(data.rules.rules, ward.id);
    expect(v.complete).toBe(false);
    expect(v.pay).toMatchObject({ unit: '月給', min: range?.low, max: range?.high });
    expect(v.route).toMatchObject({ label: ward.label, grade: ward.grade, requiredYears: ward.window.requiredYears });
    expect(v.paySample).toBe(data.rules.rules.sample);
    expect(v.status).toBeUndefined();
    expect(v.duties).toEqual([]);
  });

  it('states the status of the window typed, for today', () => {
    const v = jobView(schemas, { opensOn: '2026-11-01', closesOn: '2026-12-06' }, data, TEST_TODAY);
    expect(v.status).toBe(statusOn({ opensOn: '2026-11-01', closesOn: '2026-12-06' }, TEST_TODAY));
    expect(jobView(schemas, { opensOn: '2026-11-01', closesOn: '2026-13-40' }, data, TEST_TODAY).status).toBeUndefined();
  });

  it("takes a joint exam's window and steps from its calendar, before the entry is complete", () => {
    const calendar = data.calendars.at(-1);
    const exam = calendar?.exams[0];
    if (!calendar || !exam) throw new Error('no exam in content/exams');
    const ward = [{ step: '区面接', note: '' }];
    const v = jobView(
      schemas,
      { apply: { method: 'external', jointExam: true }, exam: { year: calendar.fiscalYear, id: exam.id }, selection: ward },
      data,
      TEST_TODAY,
    );
    expect(v).toMatchObject(examWindow(exam));
    expect(v.selection).toEqual(examSelection(exam, [{ step: '区面接' }]));
    expect(v.jointExam?.name).toBe(findExam(data.calendars, { year: calendar.fiscalYear, id: exam.id })?.exam.name);
    expect(v.apply).toMatchObject({ method: 'external', jointExam: true, url: exam.url });
  });

  it('never throws on an empty or odd entry', () => {
    for (const entry of [undefined, null, {}, { pay: 3, selection: 'x', exam: [], requirements: null }])
      expect(() => jobView(schemas, entry, data, TEST_TODAY)).not.toThrow();
  });
});

describe("an internship's or event's preview", () => {
  const facts = [
    ['実施部署', 'department'],
    ['テーマ', 'theme'],
  ] as const;
  it('lists its sessions with their status for today, and the facts filled in', () => {
    const v = programmeView(
      schemas,
      'internships',
      {
        title: 'ICT・DXインターンシップ',
        department: '企画部',
        theme: '',
        sessions: [
          { id: 'a-2027-01', dates: ['2027-01-10'], startTime: '10:00', endTime: '12:00', capacity: 20, registrationClosesOn: TEST_TODAY },
          { id: 'b-2026-12', dates: ['2026-12-01'], registrationClosesOn: '2026-11-30', waitlist: 5 },
          {},
        ],
      },
      facts,
      TEST_TODAY,
    );
    expect(v.complete).toBe(false);
    expect(v.facts).toEqual([['実施部署', '企画部']]);
    expect(v.sessions.map((s) => s.status)).toEqual(['open', 'closed', undefined]);
    expect(v.sessions[1]).toMatchObject({ waitlist: 5, dates: ['2026-12-01'] });
    expect(v.sessions[2]).toMatchObject({ dates: [], waitlist: 0 });
  });
});
