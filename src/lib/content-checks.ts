/**
 * Rules that span several files, which a per-file schema cannot see, and the checks of a rules file that need the pay
 * estimator (which the schema must not import: the estimator reads the schema's types). Each problem names the files,
 * the field and what to do, in Japanese, so the build can stop with a message a recruiter can act on.
 */
import { impossibleDateMessage } from '../schemas/common';
import { problemLine, type Rules, rulesProblems, rulesSchema } from '../schemas/rules';
import { isCalendarDate } from './calendar';
import { reproduceExample } from './pay';

export interface SessionOwner {
  /** e.g. content/internships/dx-suishin.md */
  file: string;
  sessions: { id: string }[];
}

/** Session ids are the key of every registration: two files must never share one. */
export function duplicateSessionIds(owners: SessionOwner[]): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const { file, sessions } of owners) {
    for (const { id } of sessions) {
      const other = seen.get(id);
      if (other && other !== file) {
        problems.push(`${file} の sessions.id「${id}」は ${other} でも使われています。回のIDはサイト全体で重ならないようにしてください。`);
      }
      seen.set(id, file);
    }
  }
  return problems;
}

/** The plan has exactly 18 initiatives, numbered 1 to 18, each once. */
export function initiativeNumberProblems(entries: { file: string; number: number }[]): string[] {
  const problems: string[] = [];
  for (let n = 1; n <= 18; n++) {
    const files = entries.filter((e) => e.number === n).map((e) => e.file);
    if (files.length === 0)
      problems.push(`取組${n}のファイルがありません。content/plan/initiatives に number: ${n} のファイルを追加してください。`);
    if (files.length > 1)
      problems.push(`取組${n}（number: ${n}）が複数のファイルにあります：${files.join('、')}。どちらかの number を直してください。`);
  }
  return problems;
}

/**
 * A date YAML reads as a timestamp: written unquoted as a whole value (`closesOn: 2026-02-30`, `- 2026-02-30`,
 * `[2026-02-30, …]`). Followed by the end of the value: a comma or bracket of a flow list, a comment, the line's end.
 */
const UNQUOTED_DATE = /(?<=(?:^\s*-|[:,[])\s*)(\d{4}-\d{2}-\d{2})(?=\s*(?:$|[,\]]|\s#))/g;
const KEY = /^(\s*)(?:-\s+)?([A-Za-z_][\w-]*)\s*:/;

/**
 * Dates that do not exist (2026-02-30, 2027-02-29, 2026-13-01) written unquoted in a Markdown file's front matter or
 * in a YAML file. YAML turns them into timestamps before any schema sees them, rolling them over into the next month
 * (2026-02-30 becomes 2 March) without a word, so they are looked for in the file's text. Each problem names the
 * file, the field and the line.
 */
export function impossibleDateProblems(file: string, text: string): string[] {
  const lines = text.split(/\r?\n/);
  let yaml = lines.map((line, i) => ({ line, number: i + 1 }));
  if (/\.(md|mdx|markdown)$/.test(file)) {
    const end = lines[0]?.trim() === '---' ? lines.findIndex((l, i) => i > 0 && l.trim() === '---') : -1;
    yaml = end === -1 ? [] : yaml.slice(1, end);
  }
  const problems: string[] = [];
  yaml.forEach(({ line, number }, i) => {
    if (/^\s*#/.test(line)) return;
    for (const [, date] of line.matchAll(UNQUOTED_DATE)) {
      if (date === undefined || isCalendarDate(date)) continue;
      // The field: this line's key, or that of the nearest line above it that is indented less (a list's key).
      let key = KEY.exec(line)?.[2];
      const indent = /^\s*/.exec(line)?.[0].length ?? 0;
      for (let j = i - 1; key === undefined && j >= 0; j--) {
        const above = KEY.exec(yaml[j]?.line ?? '');
        if (above && (above[1]?.length ?? 0) < indent) key = above[2];
      }
      problems.push(`${file} の ${key ?? '日付'}（${number}行目）：${impossibleDateMessage(date)}`);
    }
  });
  return problems;
}

const yenText = (n: number) => `${new Intl.NumberFormat('ja-JP').format(n)}円`;

/**
 * Every worked example (モデル給与) of a parsed rules file recomputed with the function the estimator uses: each
 * published figure that the pay rules do not reproduce to the yen, with the figure to write instead.
 */
export function workedExampleProblems(rules: Rules, file: string): string[] {
  const problems: string[] = [];
  rules.examples.forEach((ex, i) => {
    const got = reproduceExample(rules, ex);
    for (const key of ['step', 'basePay', 'regionalAllowance', 'monthly', 'yearly'] as const) {
      if (got[key] === ex.expected[key]) continue;
      const show = (n: number) => (key === 'step' ? `${n}号給` : yenText(n));
      problems.push(
        problemLine(
          file,
          ['examples', i, 'expected', key],
          `モデル給与「${ex.label}」の expected.${key} は ${show(ex.expected[key])} と書かれていますが、この規則で計算すると ${show(got[key])} です。expected.${key} を ${got[key]} に直すか、給与の規則（pay）を確認してください`,
        ),
      );
    }
  });
  return problems;
}

/**
 * Parses a rules file (the YAML already read into an object) and stops with every problem, naming the file and the
 * field: the schema's, then the worked examples the pay rules do not reproduce (once the file parses, so that they
 * can be computed). The file must be named after its fiscal year (content/rules/2026.yaml holds fiscalYear: 2026).
 * The build runs the same checks: the schema on the collection, workedExampleProblems once it has loaded.
 */
export function parseRules(file: string, data: unknown): Rules {
  const result = rulesSchema.safeParse(data);
  const problems = result.success ? workedExampleProblems(result.data, file) : rulesProblems(file, result.error);
  const year = /(\d{4})\.ya?ml$/.exec(file)?.[1];
  if (result.success && year !== undefined && Number(year) !== result.data.fiscalYear)
    problems.push(
      `${file} の fiscalYear：年度（${result.data.fiscalYear}）がファイル名（${year}）と一致しません。fiscalYear を ${year} にするか、ファイル名を ${result.data.fiscalYear}.yaml にしてください`,
    );
  if (problems.length > 0 || !result.success) throw new Error(`応募資格・給与の規則に問題があります：\n- ${problems.join('\n- ')}`);
  return result.data;
}

export class ContentError extends Error {
  constructor(problems: string[]) {
    super(`コンテンツに問題があります：\n- ${problems.join('\n- ')}`);
    this.name = 'ContentError';
  }
}

export function assertNoProblems(problems: string[]): void {
  if (problems.length > 0) throw new ContentError(problems);
}
