import { describe, expect, it } from 'vitest';
import {
  applyChannelProblems,
  assertNoProblems,
  duplicateSessionIds,
  initiativeNumberProblems,
  routeFigureProblems,
  unknownRoutes,
} from '../../src/lib/content-checks';

describe('session ids across files', () => {
  it('finds none when every id is unique', () => {
    expect(
      duplicateSessionIds([
        { file: 'a.md', sessions: [{ id: 'x-1' }] },
        { file: 'b.md', sessions: [{ id: 'x-2' }] },
      ]),
    ).toEqual([]);
  });
  it('names both files and the id when two share one', () => {
    expect(
      duplicateSessionIds([
        { file: 'content/events/a.md', sessions: [{ id: 'x-1' }] },
        { file: 'content/internships/b.md', sessions: [{ id: 'x-1' }] },
      ]),
    ).toEqual([
      'content/internships/b.md の sessions.id「x-1」は content/events/a.md でも使われています。回のIDはサイト全体で重ならないようにしてください。',
    ]);
  });
});

describe('initiative numbers', () => {
  const all = Array.from({ length: 18 }, (_, i) => ({ file: `${i + 1}.md`, number: i + 1 }));
  it('accepts exactly 1 to 18', () => {
    expect(initiativeNumberProblems(all)).toEqual([]);
  });
  it('reports a missing and a doubled number', () => {
    const broken = all.map((e) => (e.number === 18 ? { ...e, number: 17 } : e));
    expect(initiativeNumberProblems(broken)).toEqual([
      '取組17（number: 17）が複数のファイルにあります：17.md、18.md。どちらかの number を直してください。',
      '取組18のファイルがありません。content/plan/initiatives に number: 18 のファイルを追加してください。',
    ]);
  });
  it('stops the build with every problem listed', () => {
    expect(() => assertNoProblems(['一つ目', '二つ目'])).toThrow('コンテンツに問題があります：\n- 一つ目\n- 二つ目');
  });
});

describe('routes of openings', () => {
  it('accepts routes the rules define, and openings without one', () => {
    expect(unknownRoutes([{ file: 'a.md', route: 'r-1' }, { file: 'b.md' }], ['r-1', 'r-2'], 'content/rules/2026.yaml')).toEqual([]);
  });
  it('names the file, the unknown route and the choices', () => {
    expect(unknownRoutes([{ file: 'content/jobs/a.md', route: 'r-9' }], ['r-1', 'r-2'], 'content/rules/2026.yaml')).toEqual([
      'content/jobs/a.md の route「r-9」は content/rules/2026.yaml にありません。次のいずれかにしてください：r-1、r-2',
    ]);
  });
});

describe('what an opening states against the rules of its route', () => {
  const figures = (route: string) => ({ k1: { requiredYears: 4, pay: { low: 238680, high: 366360 } }, ward: { requiredYears: 3 } })[route];
  const job = { file: 'content/jobs/a.md', route: 'k1', experienceYears: 4, pay: { unit: '月給', min: 238680, max: 366360 } };

  it('accepts the figures of the rules, a route without pay rules, and an opening without a route', () => {
    const ward = { file: 'b.md', route: 'ward', experienceYears: 3, pay: { unit: '月給', min: 318000, max: 380000 } };
    const none = { file: 'c.md', pay: { unit: '時給', min: 1350 } };
    expect(routeFigureProblems([job, ward, none], figures, 'content/rules/2026.yaml')).toEqual([]);
  });

  it('names the file and the figures to write when the years or the pay differ', () => {
    const wrong = { ...job, experienceYears: 5, pay: { unit: '月給', min: 259000, max: 366360 } };
    expect(routeFigureProblems([wrong], figures, 'content/rules/2026.yaml')).toEqual([
      'content/jobs/a.md の requirements.experienceYears（5）が content/rules/2026.yaml の区分「k1」の必要年数と違います。4 にしてください。',
      'content/jobs/a.md の給与（pay）が content/rules/2026.yaml の区分「k1」の給与の規則と違います。unit: 月給、min: 238680、max: 366360 にしてください（本給と地域手当の合計です）。',
    ]);
  });

  it('refuses an hourly figure or a missing maximum where the rules give a monthly range', () => {
    const hourly = { ...job, pay: { unit: '時給', min: 238680, max: 366360 } };
    const noMax = { ...job, pay: { unit: '月給', min: 238680 } };
    expect(routeFigureProblems([hourly, noMax], figures, 'x.yaml')).toHaveLength(2);
  });
});

describe('who takes the applications of an opening, by its route', () => {
  const joint = (route: string) => ({ k1: true, ward: false })[route];
  const exam = { method: 'external', jointExam: true };

  it('accepts a joint-exam route linking to the exam, a ward route taking applications here, and an opening without a route', () => {
    const ok = [
      { file: 'a.md', route: 'k1', apply: exam },
      { file: 'b.md', route: 'ward', apply: { method: 'online' } },
      { file: 'c.md', route: 'ward', apply: { method: 'external' } },
      { file: 'd.md', apply: exam },
    ];
    expect(applyChannelProblems(ok, joint, 'content/rules/2026.yaml')).toEqual([]);
  });

  it('refuses an online application, or a plain external link, for a route of the joint exam, saying what to write', () => {
    const wrong = [
      { file: 'content/jobs/a.md', route: 'k1', apply: { method: 'online' } },
      { file: 'content/jobs/b.md', route: 'k1', apply: { method: 'external' } },
    ];
    const message = (file: string) =>
      `${file} の区分「k1」は特別区人事委員会の採用試験です（content/rules/2026.yaml）。応募は特別区人事委員会が受け付けます。apply を method: external、jointExam: true にしてください。exam には試験の年度と種類を書きます（content/exams。例：year: 2027、id: keiken）。`;
    expect(applyChannelProblems(wrong, joint, 'content/rules/2026.yaml')).toEqual([
      message('content/jobs/a.md'),
      message('content/jobs/b.md'),
    ]);
  });

  it('refuses a ward route marked as the joint exam', () => {
    expect(applyChannelProblems([{ file: 'e.md', route: 'ward', apply: exam }], joint, 'x.yaml')).toEqual([
      'e.md の区分「ward」は区の選考で、特別区の採用試験ではありません（x.yaml）。apply の jointExam: true を外してください。',
    ]);
  });
});
