// @ts-check

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { allowInlineScripts, hashSource, inlineScripts } from './scripts/csp-hashes.mjs';
import { contentLastmod } from './scripts/lastmod.mjs';
import { site } from './src/config/site.ts';
import { todayInTokyo } from './src/lib/dates.ts';

/** Brand colours live in the site config; this serves them as CSS that Vite bundles with the rest. */
function siteTheme() {
  const id = 'virtual:site-theme.css';
  const c = site.colours;
  return {
    name: 'site-theme',
    /** @param {string} source */
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    /** @param {string} resolved */
    load: (resolved) =>
      resolved === `\0${id}`
        ? `:root{--color-brand:${c.brand};--color-brand-dark:${c.brandDark};--color-accent:${c.accent};--color-open:${c.brand}}`
        : undefined,
  };
}

/**
 * One pass over the built pages for their scripts (decision 0007):
 * - Every script of the site enhances a page that works without it, and waits for the page to be painted; Chrome would
 *   still fetch a module script at high priority, in the first paint's critical path. `fetchpriority="low"` takes it
 *   out. Astro writes its processed scripts without attributes of our own, so the built pages get it here.
 * - The after-first-paint loader is the site's one inline script: its hash goes into the policy of dist/_headers
 *   (scripts/csp-hashes.mjs), so the CSP allows it and no other inline script.
 */
function pageScripts() {
  const tag = '<script type="module" src="/_astro/';
  return {
    name: 'page-scripts',
    hooks: {
      /** @param {{ dir: URL }} options */
      'astro:build:done': async ({ dir }) => {
        const root = fileURLToPath(dir);
        const hashes = new Set();
        for (const entry of await readdir(root, { recursive: true })) {
          if (!entry.endsWith('.html')) continue;
          const file = join(root, entry);
          const html = await readFile(file, 'utf8');
          if (html.includes(tag)) await writeFile(file, html.replaceAll(tag, '<script type="module" fetchpriority="low" src="/_astro/'));
          for (const text of inlineScripts(html)) hashes.add(hashSource(text));
        }
        const headers = join(root, '_headers');
        await writeFile(headers, allowInlineScripts(await readFile(headers, 'utf8'), [...hashes].sort()));
      },
    },
  };
}

/** @type {((pathname: string) => Date | undefined) | undefined} */
let lastmodOf;

export default defineConfig({
  site: site.origin,
  output: 'static',
  trailingSlash: 'always',
  integrations: [
    react(),
    pageScripts(),
    sitemap({
      // Each page's last change: its entry's last commit or date that came round, or the latest of all for lists.
      serialize: (item) => {
        // Worked out on the first page of the sitemap, not whenever the config loads (astro check, sync, dev).
        lastmodOf ??= contentLastmod({
          root: fileURLToPath(new URL('.', import.meta.url)),
          today: process.env['BUILD_TODAY'] ?? todayInTokyo(),
        });
        const when = lastmodOf(new URL(item.url).pathname);
        return when ? { ...item, lastmod: when.toISOString() } : item;
      },
      // Forms, answers and the staff area stay out of search engines (they are noindex as well). The eligibility
      // checkers are public tools a visitor may look for, so they are in.
      filter: (page) => !/\/(staff|apply|register|result|admin|status)\//.test(new URL(page).pathname),
    }),
  ],
  build: {
    format: 'directory',
    // No inline <style>/<script>: keeps a strict CSP possible without per-page hashes.
    inlineStylesheets: 'never',
  },
  // One stylesheet for the whole site (~8 KB): one request, cached across pages, instead of a blocking file per component.
  vite: { plugins: [siteTheme()], build: { assetsInlineLimit: 0, cssCodeSplit: false } },
  devToolbar: { enabled: false },
});
