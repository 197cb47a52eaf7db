/**
 * The sample mark and what it attaches to: the figure pattern against the site's own formatters, marking plain text and
 * rendered Markdown, the notice, allowances lines that name the rules' bonus months, and the checker's result.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseRules } from '../../src/lib/content-checks';
import { answerChecker } from '../../src/lib/eligibility-form';
import { resultHtml } from '../../src/lib/eligibility-view';
import { formatPay, formatYen, payFigurePattern } from '../../src/lib/format';
import { allowanceProblems, allowanceText } from '../../src/lib/job-pay';
import { formatRange } from '../../src/lib/pay';
import { markFigures, markFiguresInHtml, payFigureSource, sampleMarkHtml, sampleNoticeHtml } from '../../src/lib/sample-mark';
import { markCount, unmarkedFigures } from '../sample-figures';

const file = 'content/rules/2026.yaml';
const rules = parseRules(file, parse(readFileSync(file, 'utf8')));
const confirmed = { ...rules, sample: false };
const figuresIn = (text: string) => text.match(payFigurePattern) ?? [];
const MARK = sampleMarkHtml();

describe('a pay figure, as the site writes one', () => {
  it('is each amount the formatters write, a range as one figure', () => {
    expect(figuresIn(formatYen(238680))).toEqual(['238,680円']);
    expect(figuresIn(formatYen(1350))).toEqual(['1,350円']);
    expect(figuresIn(formatPay({ unit: '月給', min: 238680, max: 366360 }))).toEqual(['238,680円〜366,360円']);
    expect(figuresIn(formatRange({ low: 4855770, high: 4931238 }))).toEqual(['4,855,770円〜4,931,238円']);
  });
  it('is yen in 万 and months of pay with decimals', () => {
    expect(figuresIn('月額23万8,680円、年収約480万円')).toEqual(['23万8,680円', '480万円']);
    expect(figuresIn('期末・勤勉手当（年4.55月分）、4.55か月分')).toEqual(['4.55月分', '4.55か月分']);
  });
  it('is not a date, a length of time or a percentage', () => {
    expect(figuresIn('期末・勤勉手当（6月・12月）、4年6か月、給料月額の20%')).toEqual([]);
  });
});

describe('the mark', () => {
  it('follows each figure in plain text, escaped, while the figures are samples', () => {
    expect(markFigures('月給 238,680円〜366,360円 <b>', true).html).toBe(`月給 238,680円〜366,360円${MARK} &lt;b&gt;`);
    expect(markFigures('扶養手当6,500円と期末・勤勉手当4.55か月分', true).html).toBe(
      `扶養手当6,500円${MARK}と期末・勤勉手当4.55か月分${MARK}`,
    );
  });
  it('is absent once the figures are confirmed', () => {
    expect(markFigures('月給 238,680円', false).html).toBe('月給 238,680円');
    expect(markFiguresInHtml('<p>月給 238,680円</p>', false)).toBe('<p>月給 238,680円</p>');
  });
  it('follows each figure in rendered Markdown, never inside a link or code, never twice', () => {
    expect(markFiguresInHtml('<p>初任給は<strong>256,920円</strong>です。</p>', true)).toBe(
      `<p>初任給は<strong>256,920円${MARK}</strong>です。</p>`,
    );
    expect(markFiguresInHtml('<p><a href="/x">1,000円</a><code>2,000円</code></p>', true)).toBe(
      '<p><a href="/x">1,000円</a><code>2,000円</code></p>',
    );
    const once = markFiguresInHtml('<p>月給 238,680円</p>', true);
    expect(markFiguresInHtml(once, true)).toBe(once);
  });
  it('links to a notice that says where the real figures will come from, without 「要確認」', () => {
    const notice = sampleNoticeHtml(payFigureSource(rules));
    expect(MARK).toContain('href="#sample-notice"');
    expect(notice).toContain('id="sample-notice"');
    expect(notice).toContain(rules.pay.source.replace(/^要確認：/, ''));
    expect(notice).not.toContain('要確認');
  });
});

describe('an allowances line', () => {
  it('shows the bonus months of the rules where it names {bonusMonths}', () => {
    expect(allowanceText('期末・勤勉手当（年{bonusMonths}月分）', rules)).toBe(`期末・勤勉手当（年${rules.pay.bonusMonths}月分）`);
    expect(allowanceText('扶養手当、住居手当、通勤手当', rules)).toBe('扶養手当、住居手当、通勤手当');
  });
  it('stops the build when it types a month figure or names what the rules do not give', () => {
    expect(allowanceProblems('a.md', ['期末・勤勉手当（年{bonusMonths}月分）', '期末・勤勉手当（6月・12月）'])).toEqual([]);
    const [typed] = allowanceProblems('a.md', ['期末・勤勉手当（年4.6月分）']);
    expect(typed).toContain('a.md の pay.allowances の1行目「期末・勤勉手当（年4.6月分）」');
    expect(typed).toContain('{bonusMonths}');
    expect(allowanceProblems('a.md', ['期末・勤勉手当（年{bonus}月分）'])).toEqual([
      'a.md の pay.allowances の1行目「期末・勤勉手当（年{bonus}月分）」：{bonus} は規則にない名前です。次のいずれかにしてください：{bonusMonths}',
    ]);
  });
});

describe('the checker’s result', () => {
  const input = {
    route: 'tokubetsuku-keiken-1',
    birthDate: '1996-09-10',
    education: 'university',
    rows: [{ row: 1, period: { from: '2019-04-01', to: '2023-03-31', hoursPerWeek: 38.75, kind: 'regular' } }],
  };
  it('marks every figure of the estimate, the assumptions and the worked examples, with the notice on its own page', () => {
    const page = resultHtml(rules, input, answerChecker(rules, input, '2026-07-01'), { standalone: true });
    expect(markCount(page)).toBeGreaterThanOrEqual(6);
    expect(unmarkedFigures(page)).toEqual([]);
    expect(page).toContain('id="sample-notice"');
  });
  it('carries no mark and no notice once the figures are confirmed', () => {
    const page = resultHtml(confirmed, input, answerChecker(confirmed, input, '2026-07-01'), { standalone: true });
    expect(figuresIn(page).length).toBeGreaterThanOrEqual(6);
    expect(markCount(page)).toBe(0);
    expect(page).not.toContain('sample-notice');
  });
});
