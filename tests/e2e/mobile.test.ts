/**
 * On a phone (issue #13): at 320, 360, 390 and 414 px, no text wraps one character per line and no page scrolls
 * sideways. Every page in the sitemap, plus the pages kept out of it that a visitor still reads on a phone (an
 * application form, a sign-up form, the status page). Each page is loaded once and measured at every width (a resize
 * re-lays it out as loading it at that width would); the pages are split into shards that run side by side.
 */

import { testNow } from '../clock';
import { sitemapPaths } from './support/sitemap';
import { expect, type Page, test } from './support/test';

const WIDTHS = [320, 360, 390, 414] as const;
const SHARDS = 4;

test.use({ isMobile: true, hasTouch: true, viewport: { width: WIDTHS[0], height: 800 } });

/** An open opening's form and an open session's sign-up form, from the built catalog. */
async function formPages(page: Page): Promise<string[]> {
  const catalog = (await (await page.request.get('/catalog.json')).json()) as {
    jobs: Record<string, { applyOnline: boolean; opensOn: string; closesOn: string }>;
    sessions: Record<string, { registrationClosesOn: string }>;
  };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(testNow());
  const job = Object.entries(catalog.jobs).find(([, j]) => j.applyOnline && j.opensOn <= today && today <= j.closesOn)?.[0];
  const session = Object.entries(catalog.sessions).find(([, s]) => s.registrationClosesOn >= today)?.[0];
  if (!job || !session) throw new Error('the build has no open opening or open session');
  return [`/jobs/${job}/apply/`, `/register/${session}/`, '/status/'];
}

/**
 * What the page shows wrongly at its current width: sideways scrolling, and each run of text of two characters or
 * more that the browser has laid out with one character on every line, as "selector: text".
 */
function offendersAt(width: number): string[] {
  const found: string[] = [];
  const scrollWidth = document.scrollingElement?.scrollWidth ?? 0;
  if (scrollWidth > width) found.push(`scrolls sideways: ${scrollWidth} px wide`);

  const selectorOf = (el: Element) => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      const cls = [...e.classList].filter((c) => !c.startsWith('astro-')).map((c) => `.${c}`);
      parts.unshift(`${e.localName}${e.id ? `#${e.id}` : ''}${cls.join('')}`);
    }
    return parts.join(' > ');
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    const chars = [...text].filter((c) => c.trim() !== '');
    const parent = node.parentElement;
    if (chars.length < 2 || !parent || parent.closest('script, style, noscript, template, option, svg')) continue;
    // Text clipped to a pixel is for screen readers only (the visually-hidden pattern), not laid out to be read.
    const box = parent.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    range.selectNodeContents(node);
    const lines = range.getClientRects();
    // Cheap test first: one line, or a line wider than two characters, cannot be one character per line.
    const em = Number.parseFloat(getComputedStyle(parent).fontSize);
    if (lines.length < 2 || [...lines].some((r) => r.width >= 1.8 * em)) continue;
    // Then character by character: the distinct line tops, against the number of visible characters.
    const tops = new Set<number>();
    let offset = 0;
    for (const c of text) {
      if (c.trim() !== '') {
        range.setStart(node, offset);
        range.setEnd(node, offset + c.length);
        const rect = range.getClientRects()[0];
        if (rect) tops.add(Math.round(rect.top));
      }
      offset += c.length;
    }
    if (tops.size >= chars.length) found.push(`${selectorOf(parent)}: ${text.trim()}`);
  }
  return found;
}

for (let shard = 0; shard < SHARDS; shard++)
  test(`at ${WIDTHS.join(', ')} px no text wraps one character per line and nothing scrolls sideways (${shard + 1}/${SHARDS})`, async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const paths = [...(await sitemapPaths(request)), ...(await formPages(page))].filter((_, i) => i % SHARDS === shard);
    expect(paths.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const path of paths) {
      await page.setViewportSize({ width: WIDTHS[0], height: 800 });
      await page.goto(path);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        for (const o of await page.evaluate(offendersAt, width)) offenders.push(`${path} at ${width} px: ${o}`);
      }
    }
    expect(offenders).toEqual([]);
  });

test('the check finds text squeezed to one character per line, and sideways scrolling', async ({ page }) => {
  // A table column squeezed by a wide neighbour (the failure this test exists for), and a box wider than the screen.
  await page.setContent(
    '<html><head><meta name="viewport" content="width=device-width"></head><body><table><tr><th>申込締切</th><td style="width:400px">とても長い内容</td></tr></table><p>はい</p><div style="width:500px">幅の広い箱</div></body></html>',
  );
  const found = await page.evaluate(offendersAt, WIDTHS[0]);
  expect(found.filter((f) => f.startsWith('scrolls sideways'))).toHaveLength(1);
  expect(found).toContain('table > tbody > tr > th: 申込締切');
  // Two characters on one line are not one per line.
  expect(found.filter((f) => f.includes('はい'))).toEqual([]);
});
