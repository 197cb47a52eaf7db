/**
 * Reads the built site (npm run build runs first): pages that need no interaction ship no JavaScript,
 * and no page downloads a web font.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInteractive, NOT_PUBLIC } from '../../scripts/budgets.mjs';

const dist = 'dist';
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const files = existsSync(dist) ? walk(dist) : [];
const pages = files.filter((f) => f.endsWith('.html'));
const urlOf = (file: string) => `/${relative(dist, file).replace(/index\.html$/, '')}`;

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

  it('ships no inline script on any page (a strict CSP needs none)', () => {
    const inline = pages.filter((f) => executableScripts(readFileSync(f, 'utf8')).some((m) => !/\bsrc=/.test(m[1] ?? '')));
    expect(inline.map(urlOf)).toEqual([]);
  });

  it('contains no web font files and no @font-face rule', () => {
    expect(files.filter((f) => /\.(woff2?|ttf|otf|eot)$/i.test(f))).toEqual([]);
    const css = files.filter((f) => f.endsWith('.css') && !f.includes('/pagefind/'));
    expect(css.filter((f) => /@font-face/i.test(readFileSync(f, 'utf8')))).toEqual([]);
    expect(pages.filter((f) => /fonts\.googleapis|@font-face|<link[^>]+\.woff/i.test(readFileSync(f, 'utf8'))).map(urlOf)).toEqual([]);
  });
});
