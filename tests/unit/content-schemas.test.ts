/** Each content schema: a valid entry, and one case per message a recruiter can meet. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatRange, routePayRange } from '../../src/lib/pay';
import { readRulesInForce } from '../../src/lib/rules-files';
import { calendarDate } from '../../src/schemas/common';
import { contentSchemas } from '../../src/schemas/content';

const schemas = contentSchemas({ stories: z.string(), pillars: z.string() });

/** The first message zod gives for `data`, with its path. */
function firstIssue(schema: z.ZodType, data: unknown): { path: string; message: string } | undefined {
  const r = schema.safeParse(data);
  if (r.success) return undefined;
  const issue = r.error.issues[0];
  return issue && { path: issue.path.join('.'), message: issue.message };
}

const job = {
  title: '事務（経験者採用・1級職）',
  summary: '区政の企画・運営を担う事務職員を募集します。',
  hiringType: '経験者採用',
  jobFamily: '事務',
  employmentType: '常勤（任期の定めなし）',
  department: '総務部',
  workLocation: '練馬区役所本庁舎',
  duties: ['窓口業務'],
  requirements: { experienceYears: 4 },
  pay: { unit: '月給', min: 259000, max: 318000 },
  opensOn: new Date('2026-11-16T00:00:00Z'), // as YAML hands over an unquoted date
  closesOn: '2026-12-21',
  selection: [{ step: '書類選考' }],
  apply: { method: 'online' },
};

const session = {
  id: 'dx-2027-02-a',
  dates: ['2027-02-10'],
  startTime: '10:00',
  endTime: '16:00',
  place: '本庁舎',
  capacity: 10,
  registrationClosesOn: '2027-01-31',
};

describe('calendarDate', () => {
  it('keeps an unquoted YAML date as YYYY-MM-DD, whatever the time zone', () => {
    expect(calendarDate.parse(new Date('2026-12-20T00:00:00Z'))).toBe('2026-12-20');
  });
  it('accepts a quoted date', () => {
    expect(calendarDate.parse('2026-12-20')).toBe('2026-12-20');
  });
  it('rejects a date that does not exist', () => {
    expect(firstIssue(calendarDate, '2026-02-30')?.message).toBe(
      '存在しない日付（2026年2月30日）が書かれています。正しい日付を書いてください',
    );
  });
  it('rejects another format with the form to use', () => {
    expect(firstIssue(calendarDate, '2026/12/20')?.message).toContain('2026-12-20 の形');
  });
});

describe('jobs', () => {
  it('accepts a complete opening and fills the defaults', () => {
    const parsed = schemas.jobs.parse(job);
    expect(parsed.opensOn).toBe('2026-11-16');
    expect(parsed.draft).toBe(false);
    expect(parsed.requirements.qualifications).toEqual([]);
  });
  it('refuses a deadline before the opening day', () => {
    expect(firstIssue(schemas.jobs, { ...job, closesOn: '2026-11-01' })).toEqual({
      path: 'closesOn',
      message: '締切日（closesOn）は募集開始日（opensOn）と同じか後の日付にしてください',
    });
  });
  it('names the allowed job families for an unknown one', () => {
    const issue = firstIssue(schemas.jobs, { ...job, jobFamily: '営業' });
    expect(issue?.path).toBe('jobFamily');
    expect(issue?.message).toMatch(/^職種（jobFamily）は次のいずれかにしてください：事務、ICT・DX/);
  });
  it('names the allowed hiring types for an unknown one', () => {
    expect(firstIssue(schemas.jobs, { ...job, hiringType: '中途' })?.message).toContain(
      '経験者採用、新卒・I類相当、任期付、専門人材、会計年度任用職員',
    );
  });
  it('refuses a pay maximum below the minimum', () => {
    expect(firstIssue(schemas.jobs, { ...job, pay: { unit: '月給', min: 300000, max: 200000 } })).toEqual({
      path: 'pay.max',
      message: '給与の上限（max）は下限（min）以上にしてください',
    });
  });
  it('refuses a pay unit other than 月給 or 時給', () => {
    expect(firstIssue(schemas.jobs, { ...job, pay: { unit: '年俸', min: 1 } })?.message).toBe(
      '給与の単位（unit）は「月給」か「時給」にしてください',
    );
  });
  it('asks for at least one duty and one selection step', () => {
    expect(firstIssue(schemas.jobs, { ...job, duties: [] })?.message).toBe('職務内容を1つ以上書いてください');
    expect(firstIssue(schemas.jobs, { ...job, selection: [] })?.message).toBe('選考の流れ（selection）を1つ以上書いてください');
  });
  it('asks for an https address when applications are taken elsewhere', () => {
    expect(firstIssue(schemas.jobs, { ...job, apply: { method: 'external', url: 'tokyo23city', label: '特別区' } })?.message).toBe(
      '応募先のURLを https:// から書いてください',
    );
  });
  it('refuses an unknown application method', () => {
    expect(firstIssue(schemas.jobs, { ...job, apply: { method: 'fax' } })?.message).toBe(
      '応募方法（apply.method）は online か external にしてください',
    );
  });
  it('refuses an overlong title with its limit', () => {
    expect(firstIssue(schemas.jobs, { ...job, title: 'あ'.repeat(61) })?.message).toBe('60文字以内で書いてください');
  });
});

describe('an opening of a route, against the rules in force', () => {
  const inForce = readRulesInForce();
  const withRules = contentSchemas({ stories: z.string(), pillars: z.string(), rules: inForce });
  const ward = inForce.rules.routes.find((r) => r.organizer === 'ward');
  const joint = inForce.rules.routes.find((r) => r.organizer === 'tokubetsuku');
  if (!ward || !joint) throw new Error('the rules in force have no ward route or no joint-exam route');
  const range = routePayRange(inForce.rules, ward.id);
  if (!range) throw new Error(`the rules give no pay for ${ward.id}`);
  const opening = { ...job, route: ward.id, requirements: {}, pay: { unit: '月給' } };

  it('takes its required years and monthly pay range from the rules, typing neither', () => {
    const parsed = withRules.jobs.parse(opening);
    expect(parsed.requirements.experienceYears).toBe(ward.window.requiredYears);
    expect([parsed.pay.min, parsed.pay.max]).toEqual([range.low, range.high]);
    expect(parsed.rulesRoute).toEqual({ id: ward.id, label: ward.label, grade: ward.grade, file: inForce.file });
  });
  it('refuses typed figures at their field, with the figure the page will state', () => {
    expect(firstIssue(withRules.jobs, { ...opening, requirements: { experienceYears: ward.window.requiredYears } })).toEqual({
      path: 'requirements.experienceYears',
      message: `必要な経験年数は、選考区分「${ward.label}」の規則（${inForce.file}）から自動で表示します（${ward.window.requiredYears}年）。requirements.experienceYears を消してください`,
    });
    expect(firstIssue(withRules.jobs, { ...opening, pay: { unit: '月給', min: range.low, max: range.high } })).toEqual({
      path: 'pay.min',
      message: `給与の額は、選考区分「${ward.label}」の規則（${inForce.file}）から自動で表示します（月給 ${formatRange(range)}）。pay.min と pay.max を消してください`,
    });
    expect(firstIssue(withRules.jobs, { ...opening, pay: { unit: '時給' } })?.path).toBe('pay.unit');
  });
  it('names every route, by id and name, for one the rules do not have', () => {
    const issue = firstIssue(withRules.jobs, { ...opening, route: 'ku-nothing' });
    expect(issue?.path).toBe('route');
    expect(issue?.message).toContain(`選考区分「ku-nothing」は ${inForce.file} にありません`);
    for (const r of inForce.rules.routes) expect(issue?.message).toContain(`${r.id}（${r.label}）`);
  });
  it('asks for the pay of an opening without a route', () => {
    expect(firstIssue(withRules.jobs, { ...job, pay: { unit: '時給' } })).toEqual({
      path: 'pay.min',
      message: '給与の下限（pay.min）を円の数字で書いてください（例：288600）',
    });
  });
  it('sends a joint-exam route to the exam, and keeps a ward route off it', () => {
    expect(firstIssue(withRules.jobs, { ...opening, route: joint.id })).toMatchObject({ path: 'apply.method' });
    const markedJoint = { ...opening, apply: { method: 'external', url: 'https://example.jp/', label: '申込み', jointExam: true } };
    expect(withRules.jobs.safeParse(markedJoint).error?.issues.map((i) => i.path.join('.'))).toContain('apply.jointExam');
  });
  it('refuses a month figure typed in an allowances line, at that line', () => {
    const typed = { ...job, pay: { ...job.pay, allowances: ['地域手当', '期末・勤勉手当（年4.6月分）'] } };
    expect(firstIssue(withRules.jobs, typed)?.path).toBe('pay.allowances.1');
  });
});

describe('sessions of internships and events', () => {
  const internship = {
    title: 'DX推進インターンシップ',
    summary: '区のDXを体験します。',
    department: '区長室',
    theme: '窓口のデジタル化',
    activities: ['業務分析'],
    eligibility: '大学生・大学院生',
    format: '対面',
    sessions: [session],
  };
  it('accepts a programme with a session and no waiting list by default', () => {
    expect(schemas.internships.parse(internship).sessions[0]?.waitlist).toBe(0);
  });
  it('refuses a session with no seats', () => {
    expect(firstIssue(schemas.internships, { ...internship, sessions: [{ ...session, capacity: 0 }] })?.message).toBe(
      '定員（capacity）は1以上にしてください',
    );
  });
  it('refuses a duplicate session id within a programme', () => {
    const issue = firstIssue(schemas.internships, { ...internship, sessions: [session, { ...session }] });
    expect(issue).toEqual({ path: 'sessions.1.id', message: '回のID「dx-2027-02-a」が重複しています。別のIDにしてください' });
  });
  it('refuses a session id that is not lowercase ASCII', () => {
    expect(firstIssue(schemas.internships, { ...internship, sessions: [{ ...session, id: 'DX 第1回' }] })?.message).toContain(
      '半角英小文字',
    );
  });
  it('refuses a registration deadline after the session', () => {
    expect(
      firstIssue(schemas.internships, { ...internship, sessions: [{ ...session, registrationClosesOn: '2027-02-11' }] })?.message,
    ).toBe('申込締切日（registrationClosesOn）は開催日より前の日付にしてください');
  });
  it('refuses an end time before the start', () => {
    expect(firstIssue(schemas.internships, { ...internship, sessions: [{ ...session, endTime: '09:00' }] })?.message).toBe(
      '終了時刻（endTime）は開始時刻より後にしてください',
    );
  });
  it('refuses a time not in 24-hour HH:MM', () => {
    expect(firstIssue(schemas.internships, { ...internship, sessions: [{ ...session, startTime: '9時' }] })?.message).toBe(
      '時刻を 13:30 の形（24時間制）で書いてください',
    );
  });
  it('refuses an unknown format', () => {
    expect(firstIssue(schemas.internships, { ...internship, format: '郵送' })?.path).toBe('format');
  });
});

describe('initiatives', () => {
  const initiative = {
    number: 1,
    title: '経験者採用を強化します',
    pillar: 'recruitment',
    leading: true,
    planPoints: ['経験者採用の割合を高め、民間経験者等の多様な人材を採用する'],
    forCandidates: '民間経験者を積極的に採用します。',
    internalModule: { label: '採用ポータル（職員専用）', url: 'https://intra.city.nerima.tokyo.jp/recruit' },
  };
  it('accepts an initiative linking a staff module', () => {
    expect(schemas.initiatives.parse(initiative).leading).toBe(true);
  });
  it('asks for the internal-module link when it is missing', () => {
    const { internalModule: _, ...rest } = initiative;
    expect(firstIssue(schemas.initiatives, rest)?.message).toBe(
      '内部モジュールへのリンク（internalModule の label と url）を書いてください',
    );
  });
  it('refuses an internal module outside the staff hosts', () => {
    const issue = firstIssue(schemas.initiatives, { ...initiative, internalModule: { label: 'x', url: 'https://example.com/' } });
    expect(issue?.message).toBe('内部モジュールのURLは職員用のホスト（intra.city.nerima.tokyo.jp）にしてください');
  });
});
