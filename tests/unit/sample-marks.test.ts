/**
 * Reads the built site (npm run build runs first): while the rules in force say `sample: true`, every pay figure on
 * every page carries the sample mark in its own block, every page with a mark explains it once, and no page's
 * structured data states a salary (search engines must not publish sample pay). While `sample: false`, no page has a mark.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { urlOf as builtUrl, walk } from '../../scripts/budgets.mjs';
import { parseRules } from '../../src/lib/content-checks';
import { markCount, unmarkedFigures } from '../sample-figures';

const dist = 'dist';
const pages = existsSync(dist) ? walk(dist).filter((f) => f.endsWith('.html')) : [];
const urlOf = (file: string) => builtUrl(dist, file);
// The rules in force: the newest fiscal year in content/rules, as src/content.ts picks it.
const rulesFile = readdirSync('content/rules')
  .filter((f) => /^[^_].*\.yaml$/.test(f))
  .sort()
  .at(-1);
const rules = parseRules(`content/rules/${rulesFile}`, parse(readFileSync(join('content/rules', rulesFile ?? ''), 'utf8')));
const read = (file: string) => readFileSync(file, 'utf8');
/** Any key named baseSalary, however deep in the JSON-LD. */
const hasBaseSalary = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && Object.entries(value).some(([k, v]) => k === 'baseSalary' || hasBaseSalary(v));
const jsonLd = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1] ?? '{}') as unknown);

describe.runIf(rules.sample)('sample figures in the build (the rules say sample: true)', () => {
  it('marks every pay figure on every page, in the same paragraph, item, row or description', () => {
    const unmarked = pages.flatMap((f) => unmarkedFigures(read(f)).map((x) => `${urlOf(f)} ${x}`));
    expect(unmarked).toEqual([]);
  });

  it('marks the figures where they appear: cards, facts, allowances, worked examples', () => {
    const marked = (url: string) => markCount(read(join(dist, url, 'index.html')));
    // A list of cards: one per card with pay; an opening: its pay and its allowances with the bonus months.
    expect(marked('jobs')).toBeGreaterThanOrEqual(10);
    expect(read(join(dist, 'jobs/jimu-keiken-2027/index.html'))).toContain(
      `年${rules.pay.bonusMonths}月分<a class="sample-mark" href="#sample-notice">（サンプル）</a>`,
    );
    expect(marked('eligibility')).toBe(rules.examples.length);
  });

  it('explains the mark once on every page that carries one, with the source the rules name', () => {
    const source = rules.pay.source.replace(/^要確認：/, '');
    const withMarks = pages.filter((f) => markCount(read(f)) > 0);
    expect(withMarks.length).toBeGreaterThan(20);
    for (const f of withMarks) {
      const notices = read(f).match(/<p class="notice sample-notice" id="sample-notice">[^<]*<\/p>/g) ?? [];
      expect(notices.length, urlOf(f)).toBe(1);
      expect(notices[0], urlOf(f)).toContain(source);
    }
    // A page without figures has no notice.
    const without = pages.filter((f) => markCount(read(f)) === 0);
    expect(without.filter((f) => read(f).includes('id="sample-notice"')).map(urlOf)).toEqual([]);
  });

  it('states no salary in any structured data', () => {
    const postings = pages.flatMap((f) => jsonLd(read(f)).map((d) => ({ url: urlOf(f), d })));
    expect(postings.some(({ d }) => (d as { '@type'?: string })['@type'] === 'JobPosting')).toBe(true);
    expect(postings.filter(({ d }) => hasBaseSalary(d)).map(({ url }) => url)).toEqual([]);
  });
});

describe.runIf(!rules.sample)('confirmed figures in the build (the rules say sample: false)', () => {
  it('carries no sample mark and no notice', () => {
    expect(pages.filter((f) => markCount(read(f)) > 0 || read(f).includes('id="sample-notice"')).map(urlOf)).toEqual([]);
  });
});
