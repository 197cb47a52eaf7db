// @ts-check
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { site } from './src/site.config.ts';

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

export default defineConfig({
  site: site.origin,
  output: 'static',
  trailingSlash: 'always',
  integrations: [
    react(),
    sitemap({
      // Pages are rebuilt every day from content: the build's day is the last change a crawler can know of.
      lastmod: new Date(),
      // Forms, answers and the staff area stay out of search engines (they are noindex as well).
      filter: (page) => {
        const path = new URL(page).pathname;
        return !/\/(staff|apply|register|result|admin|status)\//.test(path) && !/^\/eligibility\/[^/]+\/$/.test(path);
      },
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
