/**
 * Every JobPosting in the build (dist/) follows the rules Google for Jobs holds us to: only on the page of one
 * real opening this ward employs for and that takes applications today; never on a joint-exam round, a listing
 * or a registration page; dates in ISO 8601 with +09:00; validThrough at the end of the closing day in Japan;
 * directApply only where this site's form takes the application; the experience asked for from the rules of the
 * opening's route, the same rules the checker and the estimator use; baseSalary from those rules too, and none at all
 * while the rules say their figures are samples.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { urlOf, walk } from '../../scripts/budgets.mjs';
import type { Catalog } from '../../src/lib/catalog';
import { parseRules } from '../../src/lib/content-checks';
import { todayInTokyo } from '../../src/lib/dates';
import { routePayRange } from '../../src/lib/pay';
import { statusOn } from '../../src/lib/status';

const dist = 'dist';
const pages = existsSync(dist) ? walk(dist).filter((f) => f.endsWith('.html')) : [];
const catalog: Catalog = existsSync(join(dist, 'catalog.json'))
  ? JSON.parse(readFileSync(join(dist, 'catalog.json'), 'utf8'))
  : { jobs: {}, sessions: {} };
const postingsIn = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)]
    .map((m) => JSON.parse(m[1] ?? '{}') as Record<string, unknown>)
    .filter((d) => d['@type'] === 'JobPosting');
// The day the pages judged status by, as the build recorded it.
const buildDay = catalog.builtOn ?? todayInTokyo();
const rulesFile = 'content/rules/2026.yaml';
const rules = parseRules(rulesFile, parse(readFileSync(rulesFile, 'utf8')));
const routeOf = (id: string) => readFileSync(join('content/jobs', `${id}.md`), 'utf8').match(/^route: *([a-z0-9-]+)/m)?.[1];
const isJobPage = (url: string) => /^\/jobs\/[^/]+\/$/.test(url) && !['/jobs/open/'].includes(url);

describe('JobPosting structured data in the build', () => {
  const all = pages.map((f) => ({ url: urlOf(dist, f), postings: postingsIn(f) }));

  it('appears on no page but an opening’s own page, and at most once there', () => {
    for (const { url, postings } of all) {
      if (!isJobPage(url)) expect(postings, url).toEqual([]);
      else expect(postings.length, url).toBeLessThanOrEqual(1);
    }
  });

  it('appears exactly on the openings that take applications on the build day and are not a joint-exam round', () => {
    const withPosting = all.filter((p) => p.postings.length > 0).map((p) => p.url.split('/')[2]);
    // A joint-exam round: marked so, or an opening of a route the special wards' commission runs.
    const jointExam = (id: string) =>
      readFileSync(join('content/jobs', `${id}.md`), 'utf8').includes('jointExam: true') ||
      rules.routes.find((r) => r.id === routeOf(id))?.organizer === 'tokubetsuku';
    const expected = Object.entries(catalog.jobs)
      .filter(([id, j]) => statusOn(j, buildDay) === 'open' && !jointExam(id))
      .map(([id]) => id);
    expect(withPosting.sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThanOrEqual(2);
    // Joint-exam openings exist in the build and none carries one, whatever its status (an open round is refused in
    // tests/unit/job-posting.test.ts).
    const joint = Object.keys(catalog.jobs).filter(jointExam);
    expect(joint.length).toBeGreaterThan(3);
    for (const id of joint) expect(withPosting, id).not.toContain(id);
  });

  it('states its dates in ISO 8601 with +09:00, validThrough at the end of the closing day, directApply as the site does', () => {
    for (const { url, postings } of all) {
      for (const p of postings) {
        const id = url.split('/')[2] ?? '';
        const job = catalog.jobs[id];
        expect(job, url).toBeDefined();
        expect(p['datePosted'], url).toBe(`${job?.opensOn}T00:00:00+09:00`);
        expect(p['validThrough'], url).toBe(`${job?.closesOn}T23:59:59+09:00`);
        expect(p['directApply'], url).toBe(job?.applyOnline);
        // While the rules are samples, no posting states pay: also an opening whose pay is typed (without a route).
        if (rules.sample) expect(p, url).not.toHaveProperty('baseSalary');
        else expect((p['baseSalary'] as { currency: string }).currency).toBe('JPY');
        expect(p['hiringOrganization']).toMatchObject({ name: '練馬区' });
      }
    }
  });

  it('states pay (none while the rules are samples) and experience from the rules of its route, where the rules have them', () => {
    let fromRules = 0;
    for (const { url, postings } of all) {
      for (const p of postings) {
        const route = rules.routes.find((r) => r.id === routeOf(url.split('/')[2] ?? ''));
        if (!route) continue;
        expect(p['experienceRequirements'], url).toEqual({
          '@type': 'OccupationalExperienceRequirements',
          monthsOfExperience: route.window.requiredYears * 12,
        });
        const range = routePayRange(rules, route.id);
        if (!range) continue;
        fromRules++;
        // Search engines must not publish sample pay as the pay of a real opening.
        if (rules.sample) {
          expect(p, url).not.toHaveProperty('baseSalary');
          continue;
        }
        expect(p['baseSalary'], url).toEqual({
          '@type': 'MonetaryAmount',
          currency: 'JPY',
          value: { '@type': 'QuantitativeValue', minValue: range.low, maxValue: range.high, unitText: 'MONTH' },
        });
      }
    }
    expect(fromRules).toBeGreaterThanOrEqual(1);
  });
});
