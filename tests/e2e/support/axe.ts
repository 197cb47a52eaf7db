import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA (JIS X 8341-3:2016 follows WCAG 2.0 AA). No rule is disabled. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // Each scan brings its own time: about 1–2 s alone, but up to 15 s while the other worker runs a full scan too, which
  // pushed tests of a few scans past the 30 s default. The budget stays bounded: 30 s more per scan.
  test.info().setTimeout(test.info().timeout + 30_000);
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `${label}: ${page.url()}`).toEqual([]);
}
