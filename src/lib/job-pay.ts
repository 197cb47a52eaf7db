/**
 * An opening's allowances line may name a figure of the rules in force instead of typing it: 「期末・勤勉手当（年{bonusMonths}月分）」
 * shows 「期末・勤勉手当（年4.55月分）」 with the rules' pay.bonusMonths, so that the openings cannot drift from the rules
 * (and carry the sample mark with them). A typed month figure, or a name the rules do not have, stops the build.
 */
import type { Rules } from '../schemas/rules';

/** The figures an allowances line can name, by the name written between braces. */
const figures = {
  bonusMonths: (rules: Pick<Rules, 'pay'>) => String(rules.pay.bonusMonths),
} as const;

const placeholder = /\{([^{}]*)\}/g;

/** The line as the page shows it, each {name} replaced by the rules' figure. */
export function allowanceText(line: string, rules: Pick<Rules, 'pay'>): string {
  return line.replace(placeholder, (whole, name: string) =>
    Object.hasOwn(figures, name) ? figures[name as keyof typeof figures](rules) : whole,
  );
}

/** What is wrong with one allowances line: a typed month figure, or a {name} the rules do not give. */
export function allowanceLineProblems(line: string): string[] {
  const problems: string[] = [];
  if (/\d+(?:\.\d+)?(?:か|ヶ|ヵ)?月分/.test(line.replace(placeholder, '')))
    problems.push(
      '月数が直接書かれています。規則の月数を表示するよう、「期末・勤勉手当（年{bonusMonths}月分）」のように {bonusMonths} と書いてください。',
    );
  for (const [, name] of line.matchAll(placeholder))
    if (!Object.hasOwn(figures, name ?? ''))
      problems.push(
        `{${name}} は規則にない名前です。次のいずれかにしてください：${Object.keys(figures)
          .map((k) => `{${k}}`)
          .join('、')}`,
      );
  return problems;
}

/** Every problem of an opening's allowances lines, each with the file and the line it is on. */
export const allowanceProblems = (file: string, allowances: readonly string[]): string[] =>
  allowances.flatMap((line, i) => allowanceLineProblems(line).map((p) => `${file} の pay.allowances の${i + 1}行目「${line}」：${p}`));
