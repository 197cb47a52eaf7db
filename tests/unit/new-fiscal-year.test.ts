/**
 * A new fiscal year in one action (npm run new-year): the pure pieces (a date, a text, a YAML file a year on; the
 * report of what the change concerns), then the real command on a temporary copy of the project's content, whose
 * output must pass the content check the build runs (npm run check:content). Nothing is written into the repository:
 * the copy lives in the system's temporary folder, with the project's code and packages linked in.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseRules } from '../../src/lib/content-checks';
import {
  affectedBy,
  madeByNewYearUnchecked,
  type NewYear,
  newYearReport,
  nextYearDate,
  nextYearFile,
  nextYearText,
  openingFacts,
  type ProgrammeFacts,
  programmeFacts,
  provenance,
} from '../../src/lib/new-fiscal-year';
import { examCalendarSchema } from '../../src/schemas/exam-calendar';
import { TEST_TODAY } from '../clock';

const repo = resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(repo, file), 'utf8');
const newestIn = (dir: string, root = repo) =>
  Math.max(...readdirSync(join(root, dir)).flatMap((f) => (/^\d{4}\.yaml$/.test(f) ? [Number(f.slice(0, 4))] : [])));

describe('a date a year on', () => {
  it('is the same day of the next year', () => {
    expect(nextYearDate('2027-03-05')).toBe('2028-03-05');
    expect(nextYearDate('2027-12-31')).toBe('2028-12-31');
  });
  it('turns 29 February into 28 February', () => {
    expect(nextYearDate('2028-02-29')).toBe('2029-02-28');
    expect(nextYearDate('2027-02-28')).toBe('2028-02-28');
  });
});

describe('a text a year on', () => {
  it("renames the file's own year, in the era and in western years", () => {
    const r = nextYearText('令和8年度（2026年度）の規則。令和8年度の案内は未確認', 2026);
    expect(r.text).toBe('令和9年度（2027年度）の規則。令和9年度の案内は未確認');
    expect(r.rewritten).toHaveLength(3);
  });
  it('moves dates written with their year, recomputing the era and the weekday', () => {
    expect(nextYearText('昭和41年（1966年）4月2日以降に生まれた人', 2026).text).toBe('昭和42年（1967年）4月2日以降に生まれた人');
    expect(nextYearText('基準日（令和9年（2027年）3月31日）', 2026).text).toBe('基準日（令和10年（2028年）3月31日）');
    expect(nextYearText('平成31年（2019年）4月30日まで', 2026).text).toBe('令和2年（2020年）4月30日まで');
    expect(nextYearText('2026年12月20日（日）締切、任期は2027年4月1日から', 2026).text).toBe(
      '2027年12月20日（月）締切、任期は2028年4月1日から',
    );
    expect(nextYearText('2026年（令和8年）12月20日（日）', 2026).text).toBe('2027年（令和9年）12月20日（月）');
    expect(nextYearText('令和9年3月31日、令和9年4月', 2026).text).toBe('令和10年3月31日、令和10年4月');
    expect(nextYearText('2028年2月29日', 2027).text).toBe('2029年2月28日');
  });
  it("keeps and lists another year's name: it names that year's guide", () => {
    const r = nextYearText('令和5年度の日程の型による。令和6年度の支給月数。平成30年度。2023年の実績。6月22日に告示', 2026);
    expect(r.text).toBe('令和5年度の日程の型による。令和6年度の支給月数。平成30年度。2023年の実績。6月22日に告示');
    expect(r.kept).toEqual(['令和5年度', '令和6年度', '平成30年度', '2023年']);
    expect(r.rewritten).toEqual([]);
  });
});

describe('a YAML file a year on', () => {
  const source = [
    '# 令和8年度（2026年度）の規則。',
    '',
    'sample: false',
    'fiscalYear: 2026',
    'title: 令和8年度 規則',
    'source: 特別区人事委員会 採用試験案内（令和8年度）',
    'routes:',
    '  # 区分の説明（令和8年度）',
    '  - id: ku-senmon',
    '    kinds: [regular, public]',
    '    ageLimit:',
    '      bornOnOrAfter: 1966-04-02 # 昭和41年（1966年）4月2日',
    '      source: 要確認：練馬区 専門人材選考案内（令和8年度）',
    '    qualificationsSource: 練馬区 専門人材選考案内（令和5年度）',
    '',
  ].join('\n');
  const next = nextYearFile(source, '※ テストで作りました。');

  it('is the next fiscal year, a sample, with every source to verify', () => {
    const data = parse(next.text);
    expect(next.fiscalYear).toBe(2027);
    expect(data.fiscalYear).toBe(2027);
    expect(data.sample).toBe(true);
    expect(data.source).toBe('要確認：特別区人事委員会 採用試験案内（令和9年度）');
    expect(data.routes[0].qualificationsSource).toBe('要確認：練馬区 専門人材選考案内（令和5年度）');
    expect(data.routes[0].ageLimit.source).toBe('要確認：練馬区 専門人材選考案内（令和9年度）');
    expect(next.marked).toEqual(['source', 'routes.0.qualificationsSource']);
  });
  it('moves date values and the years in comments, and keeps the layout', () => {
    expect(next.dates).toEqual([{ path: 'routes.0.ageLimit.bornOnOrAfter', from: '1966-04-02', to: '1967-04-02' }]);
    expect(next.text).toBe(
      [
        '# 令和9年度（2027年度）の規則。',
        '',
        '# ※ テストで作りました。',
        '',
        'sample: true',
        'fiscalYear: 2027',
        'title: 令和9年度 規則',
        'source: 要確認：特別区人事委員会 採用試験案内（令和9年度）',
        'routes:',
        '  # 区分の説明（令和9年度）',
        '  - id: ku-senmon',
        '    kinds: [regular, public]',
        '    ageLimit:',
        '      bornOnOrAfter: 1967-04-02 # 昭和42年（1967年）4月2日',
        '      source: 要確認：練馬区 専門人材選考案内（令和9年度）',
        '    qualificationsSource: 要確認：練馬区 専門人材選考案内（令和5年度）',
        '',
      ].join('\n'),
    );
    expect(next.kept).toEqual(['令和5年度']);
  });
  it("is this year's file, comments and all, when nothing needs moving", () => {
    const plain = '# 説明\nfiscalYear: 2026\nsample: true\nkinds: [a, b]\n';
    expect(nextYearFile(plain, 'x').text).toBe('# x\n\n# 説明\nfiscalYear: 2027\nsample: true\nkinds: [a, b]\n');
  });
});

describe('a file the command wrote', () => {
  it('is known by its opening comment while it is still a sample', () => {
    const made = `# 規則\n\n# ${provenance('content/rules/2026.yaml').split('\n').join('\n#')}\n\nfiscalYear: 2027\nsample: true\n`;
    expect(madeByNewYearUnchecked(made)).toBe(true);
    expect(madeByNewYearUnchecked(made.replace('sample: true', 'sample: false'))).toBe(false);
    expect(madeByNewYearUnchecked('# 規則\nfiscalYear: 2026\nsample: true\n')).toBe(false);
  });
});

describe('what the new year concerns', () => {
  const rulesYear = newestIn('content/rules');
  const examYear = rulesYear + 1;
  const rulesFile = nextYearFile(read(`content/rules/${rulesYear}.yaml`), '※');
  const examsFile = nextYearFile(read(`content/exams/${examYear}.yaml`), '※');
  const y: NewYear = {
    rules: {
      from: `content/rules/${rulesYear}.yaml`,
      to: `content/rules/${rulesYear + 1}.yaml`,
      old: parseRules('old.yaml', parse(read(`content/rules/${rulesYear}.yaml`))),
      next: parseRules('next.yaml', parse(rulesFile.text)),
      file: rulesFile,
    },
    exams: {
      from: `content/exams/${examYear}.yaml`,
      to: `content/exams/${examYear + 1}.yaml`,
      old: examCalendarSchema.parse(parse(read(`content/exams/${examYear}.yaml`))),
      next: examCalendarSchema.parse(parse(examsFile.text)),
      file: examsFile,
    },
  };
  const route = y.rules.next.routes.find((r) => r.ageLimit?.bornOnOrAfter !== undefined);
  const job = (name: string, front: string) => openingFacts(`content/jobs/${name}.md`, `---\ntitle: ${name}\n${front}\n---\n本文\n`);
  const openings = [
    job('routed', `route: ${route?.id}\nrequirements:\n  other: [昭和41年（1966年）4月2日以降に生まれた方]`),
    job(`exam-${examYear}`, `exam:\n  year: ${examYear}\n  id: ${y.exams.old.exams[0]?.id}`),
    job('older-exam', `exam:\n  year: ${examYear - 1}\n  id: keiken`),
    job('plain', 'pay:\n  unit: 時給'),
    job('draft', `route: ${route?.id}\ndraft: true`),
  ].flatMap((o) => o ?? []);
  const programme = (name: string, front: string) =>
    programmeFacts(`content/events/${name}.md`, `---\ntitle: ${name}\n${front}\n---\n`) as ProgrammeFacts;
  const programmes = [
    programme('briefing', `exam:\n  year: ${examYear}\n  id: keiken\nsessions:\n  - id: b-1\n    dates: [${rulesYear + 1}-02-10]`),
    programme('spring', `sessions:\n  - id: s-1\n    dates: [${rulesYear + 1}-03-31]\n  - id: s-2\n    dates: [${rulesYear + 1}-04-01]`),
    programme('later', `sessions:\n  - id: l-1\n    dates: [${rulesYear + 1}-03-31, ${rulesYear + 1}-04-01]`),
  ];
  const groups = affectedBy(y, openings, programmes);
  const filesOf = (heading: RegExp) => groups.find((g) => heading.test(g.heading))?.items.map((i) => i.file) ?? [];

  it('skips drafts', () => {
    expect(openings.map((o) => o.file)).not.toContain('content/jobs/draft.md');
  });
  it('lists the openings with a route, and a birth-date limit written by hand that the new rules moved', () => {
    expect(filesOf(/route/)).toEqual(['content/jobs/routed.md']);
    const notes = groups.find((g) => /route/.test(g.heading))?.items[0]?.notes.join('\n');
    expect(notes).toContain('「昭和41年（1966年）4月2日」と書かれています');
    expect(notes).toContain('昭和42年（1967年）4月2日');
  });
  it("lists the joint-exam openings and events of the old calendar's year, with a new file name to use", () => {
    expect(filesOf(/の募集（exam\.year/)).toEqual([`content/jobs/exam-${examYear}.md`]);
    expect(
      groups
        .flatMap((g) => g.items)
        .find((i) => i.file.includes('exam-'))
        ?.notes.at(-1),
    ).toContain(`content/jobs/exam-${examYear + 1}.md`);
    expect(filesOf(/イベント（exam\.year/)).toEqual(['content/events/briefing.md']);
  });
  it('lists the programmes with sessions that end before the new fiscal year begins', () => {
    expect(filesOf(/前に終わる回/)).toEqual(['content/events/briefing.md', 'content/events/spring.md']);
  });
  it('accounts for every published opening, the ones it leaves alone included', () => {
    expect(groups.find((g) => g.unconcerned)?.items.map((i) => i.file)).toEqual(['content/jobs/older-exam.md', 'content/jobs/plain.md']);
    const report = newYearReport(y, groups, true);
    for (const o of openings) expect(report).toContain(o.file);
    expect(report).toContain(`■ この変更が関わる公開中の募集・インターンシップ・イベント：4件`);
  });
});

/**
 * A project folder in the system's temporary folder: a copy of content/, the project's code linked in, and a
 * node_modules of links to the project's packages (a folder of its own, so that Astro's and Vite's caches are
 * written there and not into the repository).
 */
function temporaryProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'new-year-'));
  cpSync(join(repo, 'content'), join(root, 'content'), { recursive: true });
  for (const linked of ['src', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
    symlinkSync(join(repo, linked), join(root, linked));
  mkdirSync(join(root, 'node_modules'));
  for (const entry of readdirSync(join(repo, 'node_modules')))
    if (!['.astro', '.vite', '.cache'].includes(entry)) symlinkSync(join(repo, 'node_modules', entry), join(root, 'node_modules', entry));
  return root;
}

describe('npm run new-year on a copy of the content', () => {
  /** Each step runs a command (the content check takes some seconds). */
  const slow = 30_000;
  let root = '';
  const run = (...args: string[]) =>
    spawnSync('npm', ['run', '--silent', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, BUILD_TODAY: TEST_TODAY, ASTRO_TELEMETRY_DISABLED: '1' },
    });
  let year = 0;
  const rulesFile = () => `content/rules/${year}.yaml`;
  const examsFile = () => `content/exams/${year + 1}.yaml`;

  beforeAll(() => {
    root = temporaryProject();
    year = newestIn('content/rules', root) + 1;
  }, slow);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(
    'with --dry-run, prints both files and writes nothing',
    () => {
      const r = run('new-year', '--', '--dry-run');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`──── ${rulesFile()} ────`);
      expect(r.stdout).toContain(`fiscalYear: ${year + 1}`);
      expect(existsSync(join(root, rulesFile()))).toBe(false);
      expect(existsSync(join(root, examsFile()))).toBe(false);
    },
    slow,
  );

  it(
    "writes next year's rules and calendar, and names every published opening",
    () => {
      const r = run('new-year');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const published = readdirSync(join(root, 'content/jobs')).filter(
        (f) => !f.startsWith('_') && openingFacts(f, readFileSync(join(root, 'content/jobs', f), 'utf8')) !== undefined,
      );
      for (const f of published) expect(r.stdout).toContain(`content/jobs/${f}`);
    },
    slow,
  );

  it(
    'writes files that parse with the schemas, as samples with their sources to verify',
    () => {
      const rules = parseRules(rulesFile(), parse(readFileSync(join(root, rulesFile()), 'utf8')));
      const exams = examCalendarSchema.parse(parse(readFileSync(join(root, examsFile()), 'utf8')));
      expect([rules.fiscalYear, rules.sample, rules.source.startsWith('要確認')]).toEqual([year, true, true]);
      expect([exams.fiscalYear, exams.sample, exams.source.startsWith('要確認')]).toEqual([year + 1, true, true]);
    },
    slow,
  );

  it(
    'builds: the content check the build runs passes on the new files',
    () => {
      const r = run('check:content');
      expect(r.stderr + r.stdout).not.toMatch(/問題があります|error/i);
      expect(r.status).toBe(0);
      // It read the copy, new files included: the data store is the copy's own.
      const store = readFileSync(join(root, 'node_modules/.astro/data-store.json'), 'utf8');
      expect([rulesFile(), examsFile()].filter((f) => !store.includes(`"${f}"`))).toEqual([]);
    },
    slow,
  );

  it(
    'will not start the year after a year it made and nobody has checked, unless asked with --year',
    () => {
      const r = run('new-year');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(rulesFile());
      expect(r.stderr).toContain(`--year ${year + 1}`);
      expect(existsSync(join(root, `content/rules/${year + 1}.yaml`))).toBe(false);
    },
    slow,
  );

  it(
    'refuses to write a file that exists, naming it, and changes nothing',
    () => {
      writeFileSync(join(root, rulesFile()), 'fiscalYear: 0\n');
      const r = run('new-year', '--', '--year', String(year));
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${rulesFile()} と ${examsFile()} は既にあります。上書きしないため、何も書き出していません。`);
      expect(readFileSync(join(root, rulesFile()), 'utf8')).toBe('fiscalYear: 0\n');
    },
    slow,
  );
});
