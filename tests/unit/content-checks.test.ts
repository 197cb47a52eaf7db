import { describe, expect, it } from 'vitest';
import { assertNoProblems, duplicateSessionIds, initiativeNumberProblems } from '../../src/lib/content-checks';

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
