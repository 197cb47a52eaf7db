/**
 * The byte budgets (scripts/budgets.mjs) hold on the built site (npm run build runs first), and the checker
 * can fail: each budget is broken on purpose in a small synthetic build in a temporary folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, type BudgetReport, isInteractive, measureBudgets } from '../../scripts/budgets.mjs';

const dist = 'dist';

describe('the built site', () => {
  let report: BudgetReport;
  beforeAll(() => {
    report = measureBudgets(dist);
  });

  it('keeps every byte budget', () => {
    expect(report.pages.length).toBeGreaterThan(20);
    expect(report.violations.map((v) => `[${v.budget}] ${v.url}: ${v.message}`)).toEqual([]);
  });

  it('measures the form, checker and listing pages with their modules, and the search index apart', () => {
    // No page with a script requests a script file before its first paint: AfterFirstPaint's loader is inline, and
    // each page's own script, with what it imports (the static graph is followed), is counted as loaded after it.
    const interactive = report.pages.filter((p) => isInteractive(p.url));
    expect(interactive.length).toBeGreaterThan(10);
    for (const p of interactive) {
      expect(
        p.js.files.map((f) => f.url),
        p.url,
      ).toEqual([]);
      expect(p.js.inline, p.url).toBeGreaterThan(0);
    }
    const onDemand = (pattern: RegExp) =>
      report.pages.filter((p) => pattern.test(p.url)).map((p) => p.onDemand.files.map((f) => f.url.replace(/\.[\w-]{8}\.js$/, '.js')));
    const forms = onDemand(/^\/jobs\/[^/]+\/apply\/$|^\/register\//);
    expect(forms.length).toBeGreaterThan(0);
    for (const files of forms) expect(files).toEqual(expect.arrayContaining(['/_astro/schemas.js', '/_astro/error-summary.js']));
    const checkers = onDemand(/^\/eligibility\/[^/]+\/$/);
    expect(checkers.length).toBeGreaterThan(0);
    for (const files of checkers) expect(files).toContain('/_astro/error-summary.js');
    // The listings load the search index on demand only.
    const jobs = report.pages.find((p) => p.url === '/jobs/');
    expect(jobs?.onDemand.files.map((f) => f.url)).toContain('/pagefind/pagefind.js');
  });
});

/** Incompressible text: gzip cannot shrink it much, so a few KB stay a few KB. */
const noise = (bytes: number) => randomBytes(bytes).toString('base64');
const page = (head: string, body = '<main><h1>t</h1></main>') =>
  `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>t</title><link rel="icon" href="/favicon.svg" type="image/svg+xml">${head}</head><body>${body}</body></html>`;

let temp: string | undefined;
/** A synthetic dist/ with a clean base (a home page, a stylesheet, an icon) plus the given files. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'budgets-'));
  temp = dir;
  const all: Record<string, string> = {
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
    '_astro/base.css': 'body{margin:0}',
    'index.html': page('<link rel="stylesheet" href="/_astro/base.css">'),
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    const file = join(dir, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}
const budgetsBroken = (dir: string) => [...new Set(measureBudgets(dir).violations.map((v) => v.budget))].sort();

afterEach(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
  temp = undefined;
});

describe('the budget checker fails', () => {
  it('passes a clean synthetic site (the base of every case below)', () => {
    const report = measureBudgets(site({}));
    expect(report.violations).toEqual([]);
    expect(report.pages.map((p) => p.url)).toEqual(['/']);
  });

  it('no-js: a page that needs no interaction ships a script (external or inline)', () => {
    const dir = site({
      '_astro/x.js': 'console.log(1)',
      'about/index.html': page('<script type="module" src="/_astro/x.js"></script>'),
      'faq/index.html': page('', '<script>console.log(2)</script>'),
      'jobs/index.html': page('<script type="module" src="/_astro/x.js"></script>'), // interactive: allowed
      'stories/index.html': page('<script type="application/ld+json">{"@type":"Thing"}</script>'), // data: allowed
    });
    const v = measureBudgets(dir).violations;
    expect(v.map((x) => `${x.budget} ${x.url}`).sort()).toEqual(['no-js /about/', 'no-js /faq/']);
  });

  it('critical: HTML plus its render-blocking CSS exceed 14 KB compressed', () => {
    const dir = site({
      '_astro/big.css': `/*${noise(BUDGETS.criticalBytes)}*/body{color:red}`,
      'about/index.html': page('<link rel="stylesheet" href="/_astro/base.css"><link rel="stylesheet" href="/_astro/big.css">'),
    });
    const report = measureBudgets(dir);
    expect(budgetsBroken(dir)).toEqual(['critical']);
    const about = report.pages.find((p) => p.url === '/about/');
    expect(about?.critical.gzip).toBeGreaterThan(BUDGETS.criticalBytes);
    expect(about?.css.files.map((f) => f.url)).toEqual(['/_astro/base.css', '/_astro/big.css']);
  });

  it('transfer: a content page transfers more than 50 KB', () => {
    const dir = site({
      '_astro/heavy.js': `const x=${JSON.stringify(noise(BUDGETS.transferBytes))};`,
      'jobs/index.html': page('<script type="module" src="/_astro/heavy.js"></script>'),
    });
    expect(budgetsBroken(dir)).toEqual(['transfer']);
  });

  it('fonts: a font file, an @font-face rule, a font preload', () => {
    const dir = site({
      '_astro/font.woff2': 'wOF2',
      '_astro/face.css': '@font-face{font-family:x;src:url(/_astro/font.woff2)}',
      'about/index.html': page('<link rel="preload" as="font" href="/_astro/font.woff2" crossorigin>'),
    });
    const v = measureBudgets(dir).violations;
    expect(v.map((x) => x.budget)).toEqual(['fonts', 'fonts', 'fonts']);
    expect(v.map((x) => x.message).sort()).toEqual([
      '@font-face in /_astro/face.css',
      'font link /_astro/font.woff2',
      'web font file /_astro/font.woff2',
    ]);
  });

  it('form-js: a form page over 90 KB of JavaScript, through static imports or loaded after the page', () => {
    const big = `export const d=${JSON.stringify(noise(BUDGETS.formJsBytes + 10_000))};`;
    const dir = site({
      '_astro/entry.js': 'import{d}from"./dep.js";console.log(d);',
      '_astro/dep.js': big,
      '_astro/lazy-entry.js': 'addEventListener("load",()=>import(`/extra/lazy.js`));',
      'extra/lazy.js': big,
      'jobs/a/apply/index.html': page('<script type="module" src="/_astro/entry.js"></script>'),
      'register/s-1/index.html': page('<script type="module" src="/_astro/lazy-entry.js"></script>'),
    });
    const report = measureBudgets(dir);
    expect(report.violations.map((x) => `${x.budget} ${x.url}`)).toEqual(['form-js /jobs/a/apply/', 'form-js /register/s-1/']);
    const lazy = report.pages.find((p) => p.url === '/register/s-1/');
    expect(lazy?.onDemand.files.map((f) => f.url)).toEqual(['/extra/lazy.js']);
  });

  it('checker-js: a checker page over 30 KB of JavaScript, counting the script it puts in after the first paint', () => {
    const dir = site({
      '_astro/loader.js': 'addEventListener("load",()=>{});',
      '_astro/checker.js': 'import{d}from"./dep.js";console.log(d);',
      '_astro/dep.js': `export const d=${JSON.stringify(noise(BUDGETS.checkerJsBytes + 5_000))};`,
      'eligibility/r-1/index.html': page(
        '<script type="module" src="/_astro/loader.js"></script>',
        '<main><h1>t</h1><template data-after-first-paint><script type="module" src="/_astro/checker.js"></script></template></main>',
      ),
    });
    const report = measureBudgets(dir);
    expect(report.violations.map((x) => `${x.budget} ${x.url}`)).toEqual(['checker-js /eligibility/r-1/']);
    const checker = report.pages.find((p) => p.url === '/eligibility/r-1/');
    expect(checker?.js.files.map((f) => f.url)).toEqual(['/_astro/loader.js']);
    expect(checker?.onDemand.files.map((f) => f.url)).toEqual(['/_astro/checker.js', '/_astro/dep.js']);
  });

  it('images: no size, an old format, a later image not lazy', () => {
    const dir = site({
      'about/index.html': page(
        '',
        '<img src="/a.webp" alt="" width="10" height="10"><img src="/b.png" alt="" width="1" height="1" loading="lazy"><img src="/c.svg" alt=""><img src="/d.avif" alt="" width="1" height="1">',
      ),
    });
    const v = measureBudgets(dir).violations;
    expect(v.map((x) => x.budget)).toEqual(['images', 'images', 'images']);
    expect(v.map((x) => x.message)).toEqual([
      expect.stringMatching(/b\.png.*not webp\/avif\/svg/),
      expect.stringMatching(/c\.svg.*no width\/height.*not loading="lazy"/),
      expect.stringMatching(/d\.avif.*not loading="lazy"/),
    ]);
  });

  it('assets: a page names a stylesheet or a module that is not there', () => {
    const dir = site({
      '_astro/entry.js': 'import"./gone.js";',
      'jobs/index.html': page('<link rel="stylesheet" href="/_astro/missing.css"><script type="module" src="/_astro/entry.js"></script>'),
    });
    expect(measureBudgets(dir).violations.map((x) => x.message)).toEqual([
      expect.stringMatching(/missing\.css/),
      expect.stringMatching(/gone\.js/),
    ]);
  });
});
