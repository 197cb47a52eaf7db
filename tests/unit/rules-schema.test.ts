/**
 * The rules file schema: the real file is valid, and an inconsistent file is refused with the field and what to do,
 * one case per message a recruiter can meet.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseRules, workedExampleProblems } from '../../src/lib/content-checks';
import { personInputSchema, rulesSchema } from '../../src/schemas/rules';

/** js-yaml, which Astro's file() loader uses (it ships no type declarations). */
const jsYaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const file = 'content/rules/2026.yaml';
const text = readFileSync(file, 'utf8');
const raw = parse(text) as Record<string, any>;

/** Every issue zod gives for the file after `change`, as path and message. */
function issues(change: (r: Record<string, any>) => void): { path: string; message: string }[] {
  const copy = structuredClone(raw);
  change(copy);
  const result = rulesSchema.safeParse(copy);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('the rules file for fiscal 2026', () => {
  it('is valid, marked as samples, with a source on every part', () => {
    const rules = parseRules(file, raw);
    expect(rules.sample).toBe(true);
    expect(rules.fiscalYear).toBe(2026);
    expect(rules.routes.map((r) => r.id)).toEqual([
      'tokubetsuku-keiken-1',
      'tokubetsuku-keiken-2',
      'tokubetsuku-keiken-3',
      'ku-ninkitsuki',
      'ku-senmon',
    ]);
    for (const part of [rules, rules.pay, ...rules.routes, ...rules.counting, ...rules.routes.flatMap((r) => r.variants)])
      expect(part.source).toMatch(/^要確認：/);
  });

  it('states the windows of the exam guide', () => {
    const rules = parseRules(file, raw);
    expect(rules.routes.map((r) => [r.id, r.window.lastYears, r.window.requiredYears])).toEqual([
      ['tokubetsuku-keiken-1', 10, 4],
      ['tokubetsuku-keiken-2', 14, 8],
      ['tokubetsuku-keiken-3', 18, 12],
      ['ku-ninkitsuki', 5, 3],
      ['ku-senmon', undefined, 3],
    ]);
    expect(rules.counting[0]).toMatchObject({
      startRule: { kind: 'april-after-fiscal-year-of-age', age: 22 },
      minHoursPerWeek: 29,
      leave: 'counts',
      addingUp: { allowed: true, minEachMonths: 12 },
      overlaps: 'once',
    });
  });

  it("reads the same through js-yaml (Astro's loader), which hands unquoted dates over as Date", () => {
    const rules = parseRules(file, jsYaml.load(text));
    // The guide's 昭和41年4月2日以降 for 令和8年度, as the age on the reference date (31 March 2027).
    expect(rules.routes[0]?.ageLimit?.maxAge).toBe(60);
  });
});

const routeIds = 'tokubetsuku-keiken-1、tokubetsuku-keiken-2、tokubetsuku-keiken-3、ku-ninkitsuki、ku-senmon';

const cases: [string, (r: Record<string, any>) => void, string, string][] = [
  [
    'a window shorter than its requirement',
    (r) => {
      r.routes[0].window.requiredYears = 11;
    },
    'routes.0.window.requiredYears',
    '区分 tokubetsuku-keiken-1 の必要年数（requiredYears: 11）が対象期間（直近10年）より長くなっています。requiredYears を 10 以下にするか、lastYears を 11 以上にしてください',
  ],
  [
    'an unknown route',
    (r) => {
      r.pay.grades[0].route = 'tokubetsuku-keiken-9';
    },
    'pay.grades.0.route',
    `職級 grade-1 の区分「tokubetsuku-keiken-9」が routes にありません。次のいずれかにしてください：${routeIds}`,
  ],
  [
    'an unknown counting profile',
    (r) => {
      r.routes[0].counting = 'tokubetsu';
    },
    'routes.0.counting',
    '区分 tokubetsuku-keiken-1 の数え方「tokubetsu」が counting にありません。次のいずれかにしてください：standard、senmon',
  ],
  [
    'an unknown kind in the counting rules',
    (r) => {
      r.counting[0].kinds.push('freelance');
    },
    'counting.0.kinds.6',
    '数え方 standard の職歴の種類「freelance」が kinds にありません。次のいずれかにしてください：regular、public、contract、dispatch、part-time、self-employed、childcare-leave、maternity-leave、other',
  ],
  [
    'a leave listed as work',
    (r) => {
      r.counting[0].kinds.push('childcare-leave');
    },
    'counting.0.kinds.6',
    '休業「childcare-leave」は counting.kinds に書かず、counting.leave（counts か excluded）で扱いを決めてください',
  ],
  [
    'an unknown field in a job-family variant',
    (r) => {
      r.routes[0].variants[1].field = 'kodomo';
    },
    'routes.0.variants.1.field',
    '区分 tokubetsuku-keiken-1 の職種別条件の分野「kodomo」が fields にありません。次のいずれかにしてください：child-welfare、welfare、ict、psychology',
  ],
  [
    'an unknown field on a route',
    (r) => {
      r.routes[3].fields = ['dx'];
    },
    'routes.3.fields.0',
    '区分 ku-ninkitsuki の分野「dx」が fields にありません。次のいずれかにしてください：child-welfare、welfare、ict、psychology',
  ],
  [
    'an unknown qualification',
    (r) => {
      r.routes[4].qualifications[0] = 'shinrishi';
    },
    'routes.4.qualifications.0',
    '区分 ku-senmon の資格「shinrishi」が qualifications にありません。次のいずれかにしてください：shakai-fukushishi、jido-shidoin、hoikushi、seishin-hoken-fukushishi、shakai-fukushi-shuji、konin-shinrishi、rinsho-shinrishi',
  ],
  [
    'a route id used twice',
    (r) => {
      r.routes[1].id = 'tokubetsuku-keiken-1';
    },
    'routes.1.id',
    'ID「tokubetsuku-keiken-1」が重複しています（routes）。別のIDにしてください',
  ],
  [
    'a variant needing more years than its route',
    (r) => {
      r.routes[1].variants[0].requiredYears = 9;
    },
    'routes.1.variants.0.requiredYears',
    '区分 tokubetsuku-keiken-2 の職種別条件「児童福祉」の必要年数（9年）が区分の必要年数（8年）より長くなっています。8 以下にしてください',
  ],
  [
    'a kind without a pay share',
    (r) => {
      r.pay.experience.shares = r.pay.experience.shares.filter((s: { kind: string }) => s.kind !== 'other');
    },
    'pay.experience.shares',
    '職歴の種類「other」の換算率が pay.experience.shares にありません。「- kind: other」と percent を書き加えてください',
  ],
  [
    'a share range upside down',
    (r) => {
      r.pay.experience.shares[2].upToPercent = 70;
    },
    'pay.experience.shares.2.upToPercent',
    '「contract」の換算率の上限（upToPercent: 70）が換算率（percent: 80）より低くなっています。80 以上にしてください',
  ],
  [
    'an education missing from a grade',
    (r) => {
      delete r.pay.grades[0].startingSteps['high-school'];
    },
    'pay.grades.0.startingSteps',
    '職級 grade-1 の初任給の号給（startingSteps）に学歴「high-school」がありません。「high-school: 号給」を書き加えてください',
  ],
  [
    'a starting step above the table',
    (r) => {
      r.pay.grades[2].startingSteps.university = 61;
    },
    'pay.grades.2.startingSteps.university',
    '職級 grade-3 の初任給の号給（university: 61）が最高号給（table.maxStep: 60）を超えています。60 以下にしてください',
  ],
  [
    'an example of an unknown grade',
    (r) => {
      r.examples[0].grade = 'grade-9';
    },
    'examples.0.grade',
    'モデル給与 daigaku-minkan-4 の職級「grade-9」が pay.grades にありません。次のいずれかにしてください：grade-1、grade-2、grade-3、ku-ninkitsuki、ku-senmon',
  ],
  [
    'an example of an unknown education',
    (r) => {
      r.examples[0].education = 'college';
    },
    'examples.0.education',
    'モデル給与 daigaku-minkan-4 の学歴「college」が pay.educations にありません。次のいずれかにしてください：graduate-school、university、junior-college、high-school',
  ],
  [
    'a misspelt field',
    (r) => {
      r.routes[0].requiredYear = 4;
    },
    'routes.0',
    '区分（routes）に想定していない項目（requiredYear）があります。綴りを確認するか、取り除いてください',
  ],
  [
    'no sample marker',
    (r) => {
      delete r.sample;
    },
    'sample',
    'sample に true（サンプルの数値）か false（区が確認した数値）を書いてください',
  ],
  [
    'no source',
    (r) => {
      delete r.routes[0].source;
    },
    'routes.0.source',
    '出典（source）を文字で書いてください',
  ],
  [
    'a date that does not exist',
    (r) => {
      r.routes[0].ageLimit.bornOnOrAfter = '1966-02-30';
    },
    'routes.0.ageLimit.bornOnOrAfter',
    '存在しない日付（1966年2月30日）が書かれています。正しい日付を書いてください',
  ],
  [
    'a job family the site does not have',
    (r) => {
      r.routes[0].variants[1].jobFamily = '子ども福祉';
    },
    'routes.0.variants.1.jobFamily',
    '職種（variants.jobFamily）は次のいずれかにしてください：事務、ICT・DX、土木、建築、福祉、児童福祉、保健師、保育、心理、電気、機械',
  ],
  [
    'a figure with three decimals',
    (r) => {
      r.pay.bonusMonths = 4.655;
    },
    'pay.bonusMonths',
    '期末・勤勉手当の月数（pay.bonusMonths）は小数第2位までで書いてください（例：4.6）',
  ],
  [
    'a required years figure that is not a whole number',
    (r) => {
      r.routes[0].window.requiredYears = 4.5;
    },
    'routes.0.window.requiredYears',
    '必要年数（routes.window.requiredYears）は整数で書いてください（例：4）',
  ],
  [
    'an unknown leave rule',
    (r) => {
      r.counting[0].leave = 'yes';
    },
    'counting.0.leave',
    '休業の扱い（counting.leave）は counts（含める）か excluded（除く）にしてください',
  ],
  [
    'an unknown overlap rule',
    (r) => {
      r.counting[0].overlaps = 'twice';
    },
    'counting.0.overlaps',
    '重なる期間の扱い（counting.overlaps）は once（1回だけ数える）にしてください',
  ],
  [
    'two pay grades for one route',
    (r) => {
      r.pay.grades[4].route = 'ku-ninkitsuki';
    },
    'pay.grades.4.route',
    '区分「ku-ninkitsuki」の給与が職級 ku-ninkitsuki と ku-senmon の2か所にあります。1つの区分に書ける職級の給与は1つです。どちらかの route を直してください',
  ],
  [
    'an unknown start rule',
    (r) => {
      r.counting[0].startRule.kind = 'birthday';
    },
    'counting.0.startRule.kind',
    '起算日の決め方（startRule.kind）は april-after-fiscal-year-of-age か none にしてください',
  ],
];

describe('an inconsistent rules file', () => {
  it.each(cases)('%s', (_, change, path, message) => {
    const found = issues(change);
    expect(found[0]).toEqual({ path, message });
  });

  it('stops with the file, the field and what to do', () => {
    const broken = structuredClone(raw);
    broken.routes[0].window.requiredYears = 11;
    expect(() => parseRules(file, broken)).toThrow(
      '応募資格・給与の規則に問題があります：\n- content/rules/2026.yaml の routes.0.window.requiredYears：区分 tokubetsuku-keiken-1 の必要年数（requiredYears: 11）が対象期間（直近10年）より長くなっています。',
    );
  });

  it('lists every problem at once', () => {
    const broken = structuredClone(raw);
    broken.routes[0].window.requiredYears = 11;
    broken.pay.grades[0].route = 'nowhere';
    expect(() => parseRules(file, broken)).toThrow(/routes\.0\.window\.requiredYears[\s\S]*pay\.grades\.0\.route/);
  });

  it('names a file whose fiscal year does not match its name', () => {
    expect(() => parseRules('content/rules/2027.yaml', raw)).toThrow(
      'content/rules/2027.yaml の fiscalYear：年度（2026）がファイル名（2027）と一致しません。fiscalYear を 2027 にするか、ファイル名を 2026.yaml にしてください',
    );
  });
});

const exampleCases: [string, (r: Record<string, any>) => void, string, string][] = [
  [
    'a worked example the rules do not reproduce',
    (r) => {
      r.examples[0].expected.monthly = 293000;
    },
    'examples.0.expected.monthly',
    'モデル給与「大学卒・民間企業の正社員として4年」の expected.monthly は 293,000円 と書かれていますが、この規則で計算すると 293,400円 です。expected.monthly を 293400 に直すか、給与の規則（pay）を確認してください',
  ],
  [
    'a pay rule changed without its examples',
    (r) => {
      r.pay.regionalAllowancePercent = 21;
    },
    'examples.0.expected.regionalAllowance',
    'モデル給与「大学卒・民間企業の正社員として4年」の expected.regionalAllowance は 48,900円 と書かれていますが、この規則で計算すると 51,345円 です。expected.regionalAllowance を 51345 に直すか、給与の規則（pay）を確認してください',
  ],
  [
    'a wrong step in an example',
    (r) => {
      r.examples[3].expected.step = 40;
    },
    'examples.3.expected.step',
    'モデル給与「大学卒・民間企業の正社員として10年（2級職・主任）」の expected.step は 40号給 と書かれていますが、この規則で計算すると 39号給 です。expected.step を 39 に直すか、給与の規則（pay）を確認してください',
  ],
];

describe('a worked example the pay rules do not reproduce', () => {
  // A content check (src/lib/content-checks.ts), run once the file has parsed: the schema does not import the pay rules.
  it.each(exampleCases)('%s', (_, change, path, message) => {
    const copy = structuredClone(raw);
    change(copy);
    const rules = rulesSchema.parse(copy);
    expect(workedExampleProblems(rules, file)[0]).toBe(`${file} の ${path}：${message}`);
  });

  it('is none for the file as it is', () => {
    expect(workedExampleProblems(rulesSchema.parse(raw), file)).toEqual([]);
  });

  it('stops parseRules with the file, the field and the figure to write', () => {
    const broken = structuredClone(raw);
    broken.examples[0].expected.monthly = 293000;
    expect(() => parseRules(file, broken)).toThrow(
      '応募資格・給与の規則に問題があります：\n- content/rules/2026.yaml の examples.0.expected.monthly：モデル給与「大学卒・民間企業の正社員として4年」の expected.monthly は 293,000円 と書かれていますが、この規則で計算すると 293,400円 です。',
    );
  });
});

describe('what the checker receives', () => {
  it('accepts a work history, an ongoing period as null', () => {
    const r = personInputSchema.parse({
      birthDate: '1995-06-15',
      periods: [{ from: '2020-04-01', hoursPerWeek: 40, kind: 'regular' }],
    });
    expect(r.periods[0]?.to).toBeNull();
  });

  it('refuses an end before the start, naming the field', () => {
    const r = personInputSchema.safeParse({
      birthDate: '1995-06-15',
      periods: [{ from: '2020-04-01', to: '2019-03-31', hoursPerWeek: 40, kind: 'regular' }],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['periods.0.to', '終了日は開始日と同じか後の日付にしてください'],
    ]);
  });

  it('refuses anything it does not know (nothing else is taken in)', () => {
    const r = personInputSchema.safeParse({ birthDate: '1995-06-15', periods: [], name: '練馬 太郎' });
    expect(r.success).toBe(false);
  });
});
