/**
 * Reads the built site (npm run build runs first): pages that need no interaction ship no JavaScript,
 * and no page downloads a web font.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { urlOf as builtUrl, isInteractive, NOT_PUBLIC, walk } from '../../scripts/budgets.mjs';
import { inlineScripts } from '../../scripts/csp-hashes.mjs';
import { glossaryHref } from '../../src/lib/glossary-links';

const dist = 'dist';
const files = existsSync(dist) ? walk(dist) : [];
const pages = files.filter((f) => f.endsWith('.html'));
const urlOf = (file: string) => builtUrl(dist, file);

/** Pages with interaction, and the recruiters' editor (not a page of the public site): the byte budgets' own lists. */
const needsScript = (url: string) => isInteractive(url) || NOT_PUBLIC.some((re) => re.test(url));

/** Script elements that run: JSON-LD is data, not code. */
const executableScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>/g)].filter((m) => !/type="application\/ld\+json"/.test(m[1] ?? ''));

describe('the build output', () => {
  it('has been built', () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it('ships no JavaScript on pages that need no interaction', () => {
    const offenders = pages.filter((f) => !needsScript(urlOf(f)) && executableScripts(readFileSync(f, 'utf8')).length > 0);
    expect(offenders.map(urlOf)).toEqual([]);
  });

  it('ships one inline script only, the after-first-paint loader, which the CSP allows by its hash and nothing else inline', () => {
    const inline = new Map<string, string[]>();
    for (const f of pages)
      for (const text of inlineScripts(readFileSync(f, 'utf8'))) inline.set(text, [...(inline.get(text) ?? []), urlOf(f)]);
    // The same loader on every page with a script, and nowhere a page needs no interaction.
    expect(inline.size).toBe(1);
    const [[loader, where] = ['', []]] = [...inline];
    expect(loader).toContain('template[data-after-first-paint]');
    expect(where.length).toBeGreaterThan(0);
    expect(where.filter((url) => !isInteractive(url))).toEqual([]);
    expect(pages.map(urlOf).filter((url) => isInteractive(url) && !where.includes(url))).toEqual([]);
    // The site-wide policy lists exactly its hash (computed here with Node's own crypto, not the build's helper).
    const csp = /^\/\*\n(?:.*\n)*?\s*Content-Security-Policy: (.*)$/m.exec(readFileSync(join(dist, '_headers'), 'utf8'))?.[1] ?? '';
    const scriptSrc = csp
      .split(';')
      .find((d) => d.trim().startsWith('script-src'))
      ?.trim();
    expect(scriptSrc).toBe(`script-src 'self' 'sha256-${createHash('sha256').update(loader).digest('base64')}'`);
  });

  it('contains no web font files and no @font-face rule', () => {
    expect(files.filter((f) => /\.(woff2?|ttf|otf|eot)$/i.test(f))).toEqual([]);
    const css = files.filter((f) => f.endsWith('.css') && !f.includes('/pagefind/'));
    expect(css.filter((f) => /@font-face/i.test(readFileSync(f, 'utf8')))).toEqual([]);
    expect(pages.filter((f) => /fonts\.googleapis|@font-face|<link[^>]+\.woff/i.test(readFileSync(f, 'utf8'))).map(urlOf)).toEqual([]);
  });
});

describe('the openings link plain words', () => {
  // The glossary's terms and aliases, from content/glossary as the build reads them.
  const terms = readdirSync('content/glossary')
    .filter((f) => f.endsWith('.md') && !f.startsWith('_')) // _template.md is the editor's starting point, not an entry
    .flatMap((f) => {
      const front = parse(readFileSync(join('content/glossary', f), 'utf8').split(/^---$/m)[1] ?? '') as {
        term: string;
        aliases?: string[];
        draft?: boolean;
      };
      const href = glossaryHref(f.replace(/\.md$/, ''));
      return front.draft ? [] : [front.term, ...(front.aliases ?? [])].map((term) => ({ term, href }));
    });
  const openings = readdirSync('content/jobs')
    .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
    .map((f) => join(dist, 'jobs', f.replace(/\.md$/, ''), 'index.html'))
    .filter((f) => existsSync(f));
  const articleOf = (file: string) => readFileSync(file, 'utf8').match(/<article\b[\s\S]*<\/article>/)?.[0] ?? '';
  /**
   * The article's text where a term would be linked: without headings, links (the glossary's own included),
   * form controls' labels and code, each tag a break (the linker reads one run of text at a time).
   */
  const linkableText = (article: string) =>
    article
      .replace(/<(h[1-6]|a|label|button|select|textarea|summary|script|style|code|pre)\b[\s\S]*?<\/\1>/g, '\u0000')
      .replace(/<[^>]+>/g, '\u0000');

  it('has openings and terms to check', () => {
    expect(openings.length).toBeGreaterThanOrEqual(10);
    expect(terms.length).toBeGreaterThanOrEqual(12);
  });

  it.each(openings.map((f) => [urlOf(f), f]))('%s: every term in its text is linked to its entry, each entry once', (_, file) => {
    const article = articleOf(file);
    const text = linkableText(article);
    const unlinked = terms.filter(({ term, href }) => text.includes(term) && !article.includes(`href="${href}"`)).map((t) => t.term);
    expect(unlinked).toEqual([]);
    const hrefs = [...article.matchAll(/href="(\/glossary\/#[^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((h, i) => hrefs.indexOf(h) !== i)).toEqual([]);
  });
});

describe('the sitemap', () => {
  /** The paths the sitemap lists, from every file the sitemap index names. */
  const sitemapPaths = existsSync(join(dist, 'sitemap-index.xml'))
    ? [...readFileSync(join(dist, 'sitemap-index.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].flatMap((m) => {
        const file = join(dist, new URL(m[1] ?? '').pathname);
        return [...readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((l) => new URL(l[1] ?? '').pathname);
      })
    : [];
  const fileOf = (path: string) => join(dist, path, 'index.html');
  const checkers = pages.map(urlOf).filter((url) => /^\/eligibility\/[^/]+\/$/.test(url));

  it('lists pages', () => {
    expect(sitemapPaths.length).toBeGreaterThan(20);
  });

  it('lists every eligibility checker, and none of them asks search engines to stay away', () => {
    expect(checkers.length).toBeGreaterThan(0);
    expect(checkers.filter((url) => !sitemapPaths.includes(url))).toEqual([]);
    const noindex = checkers.filter((url) => /<meta name="robots"[^>]*noindex/.test(readFileSync(fileOf(url), 'utf8')));
    expect(noindex).toEqual([]);
  });

  it('lists only pages that another page links to', () => {
    /** Each page's links to other pages of the site, as paths (fragment and query dropped). */
    const linked = new Set(
      pages.flatMap((file) => {
        const self = urlOf(file);
        return [...readFileSync(file, 'utf8').matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)]
          .map((m) => new URL((m[1] ?? '').replaceAll('&amp;', '&'), `https://site.invalid${self}`))
          .filter((u) => u.origin === 'https://site.invalid' && u.pathname !== self)
          .map((u) => u.pathname);
      }),
    );
    expect(sitemapPaths.filter((path) => !linked.has(path))).toEqual([]);
  });
});
