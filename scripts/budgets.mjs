#!/usr/bin/env node
/**
 * Byte budgets of the built site (run after `npm run build`). Reads dist/ only; no server, no browser.
 *
 *   PATH=$PWD/node_modules/.bin:$PATH node scripts/budgets.mjs [distDir] [--top 10] [--json]
 *
 * Budgets (sizes compressed with gzip level 9 from node:zlib, each file on its own as it is sent; brotli
 * quality 11 reported beside them):
 *   no-js      pages that need no interaction ship 0 bytes of JavaScript (no script, inline or external,
 *              no modulepreload). Interactive: /jobs/, /jobs/open/, /jobs/{type,family,employment}/x/,
 *              /jobs/x/apply/, /register/x/, /eligibility/x/ (the eligibility checker of one route).
 *   critical   HTML + its render-blocking CSS (<link rel=stylesheet>) ≤ 14 KB (14 × 1024 bytes).
 *   transfer   HTML + CSS + JS + favicon ≤ 50 KB per content page (content images not counted; form pages
 *              have the form-js budget instead).
 *   fonts      no web font: no font file in dist/, no @font-face in any CSS or page, no font link or preload.
 *   form-js    a form page (/jobs/x/apply/, /register/x/) ships ≤ 90 KB of JavaScript: every <script src>
 *              module plus its static imports, followed through dist/ recursively. Modules only reached by a
 *              dynamic import() (e.g. /pagefind/pagefind.js), or by a script inside <template data-after-first-paint>
 *              (src/components/AfterFirstPaint.astro puts it in the page after the first paint), load after the page
 *              or on demand: reported apart; on form pages they count.
 *   checker-js the eligibility checker (/eligibility/x/) ships ≤ 30 KB of JavaScript, static and loaded after the page
 *              together (it computes the answer in the browser, without zod).
 *   images     every <img> has width and height, a modern format (webp, avif, svg) and loading="lazy"
 *              unless it is the first image of the page.
 *   assets     every stylesheet, script, import and icon a page names exists in dist/ (an external or
 *              missing file cannot be measured, so it counts as a violation).
 * The recruiters' editor (/admin/) is not a page of the public site and is not measured.
 * Exits 1 on any violation.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync, constants as zc } from 'node:zlib';

export const BUDGETS = Object.freeze({
  /** HTML + render-blocking CSS, gzip: the first round trip (TCP initial window ≈ 14 KB). */
  criticalBytes: 14 * 1024,
  /** Everything a content page transfers before content images, gzip. */
  transferBytes: 50 * 1024,
  /** JavaScript of a form page, gzip, static import graph. */
  formJsBytes: 90 * 1024,
  /** JavaScript of the eligibility checker page, gzip, static and on-demand together. */
  checkerJsBytes: 30 * 1024,
  /** JavaScript of a page that needs no interaction. */
  staticPageJsBytes: 0,
});

/** Pages with interaction: the openings listings (search), the forms and the checker pages (tests/unit/build-output.test.ts uses it too). */
export const INTERACTIVE = [
  /^\/jobs\/$/,
  /^\/jobs\/open\/$/,
  /^\/jobs\/(type|family|employment)\/[^/]+\/$/,
  /^\/jobs\/[^/]+\/apply\/$/,
  /^\/register\/[^/]+\/$/,
  /^\/eligibility\/[^/]+\/$/,
];
/**
 * Pages outside the public site, never measured: the recruiters' editor (/admin/, Decap CMS, ~1.5 MB of
 * JavaScript gzipped by design; its size is reported in docs/cms-production.md).
 */
export const NOT_PUBLIC = [/^\/admin\//];
/** Pages with a form. */
export const FORMS = [/^\/jobs\/[^/]+\/apply\/$/, /^\/register\/[^/]+\/$/];
/** The eligibility checker's pages, one per route. */
export const CHECKERS = [/^\/eligibility\/[^/]+\/$/];

const FONT_FILE = /\.(woff2?|ttf|otf|eot)$/i;
const MODERN_IMAGE = /\.(webp|avif|svg)$/i;
const MODERN_DATA_URI = /^data:image\/(webp|avif|svg\+xml)[;,]/i;

/**
 * @typedef {{ raw: number, gzip: number, brotli: number }} Size
 * @typedef {{ url: string, file?: string, raw: number, gzip: number, brotli: number }} Asset
 * @typedef {{ src: string, width: boolean, height: boolean, loading: string | null, modern: boolean }} ImageInfo
 * @typedef {{
 *   url: string, file: string, interactive: boolean, form: boolean,
 *   html: Size,
 *   css: Size & { files: Asset[] },
 *   critical: { gzip: number, brotli: number },
 *   js: Size & { files: Asset[], inline: number },
 *   onDemand: Size & { files: Asset[] },
 *   favicon: Size & { files: Asset[] },
 *   transfer: { gzip: number, brotli: number },
 *   images: ImageInfo[],
 * }} PageFigures
 * @typedef {'no-js' | 'critical' | 'transfer' | 'fonts' | 'form-js' | 'checker-js' | 'images' | 'assets'} BudgetId
 * @typedef {{ budget: BudgetId, url: string, message: string, actual?: number, limit?: number }} Violation
 * @typedef {{
 *   distDir: string, budgets: typeof BUDGETS, pages: PageFigures[], violations: Violation[],
 *   fonts: { files: string[], fontFace: string[] },
 * }} BudgetReport
 */

/** Every file under `dir`, at any depth. @param {string} dir @returns {string[]} */
export const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((/** @type {import('node:fs').Dirent} */ e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );

/** @param {Buffer | string} data @returns {Size} */
export function sizeOf(data) {
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  if (buf.length === 0) return { raw: 0, gzip: 0, brotli: 0 };
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/** @param {Size[]} sizes @returns {Size} */
const sum = (sizes) =>
  sizes.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });

/** Attributes of one start tag, names lower-cased; a bare attribute has the value ''. @param {string} s */
function attrsOf(s) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const m of s.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
    const name = (m[1] ?? '').toLowerCase();
    if (name && !(name in out)) out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}
/** @param {string} s */
const decodeEntities = (s) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** The URL path of a built page: dist/jobs/index.html → /jobs/. @param {string} distDir @param {string} file */
export const urlOf = (distDir, file) =>
  `/${path
    .relative(distDir, file)
    .split(path.sep)
    .join('/')
    .replace(/(^|\/)index\.html$/, '$1')}`;

export const isInteractive = (/** @type {string} */ url) => INTERACTIVE.some((re) => re.test(url));
export const isForm = (/** @type {string} */ url) => FORMS.some((re) => re.test(url));

/**
 * Measures every page of a built site against the budgets.
 * @param {string} distDir the build output, e.g. 'dist'
 * @returns {BudgetReport}
 */
export function measureBudgets(distDir) {
  const dist = path.resolve(distDir);
  if (!existsSync(dist) || !statSync(dist).isDirectory()) throw new Error(`budgets: ${distDir} does not exist; run npm run build first`);
  const files = walk(dist);
  /** @type {Violation[]} */
  const violations = [];
  /** @type {Map<string, Size>} */
  const sizeCache = new Map();
  /** @param {string} file */
  const fileSize = (file) => {
    let s = sizeCache.get(file);
    if (!s) {
      s = sizeOf(readFileSync(file));
      sizeCache.set(file, s);
    }
    return s;
  };

  /**
   * A URL as written in a page or a module, to its file in dist/ (undefined when external or missing).
   * @param {string} ref @param {string} baseUrl the URL path of the page or module that names it
   */
  const resolve = (ref, baseUrl) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return { url: ref, external: true };
    const u = new URL(ref, `http://site.invalid${baseUrl}`);
    let p = decodeURIComponent(u.pathname);
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(dist, ...p.split('/'));
    return {
      url: u.pathname,
      file: file.startsWith(dist + path.sep) && existsSync(file) && statSync(file).isFile() ? file : undefined,
      external: false,
    };
  };

  /** @param {string} file */
  const fileUrl = (file) => `/${path.relative(dist, file).split(path.sep).join('/')}`;

  /** Static and dynamic import specifiers of one built module. @type {Map<string, { statics: string[], dynamics: string[] }>} */
  const importCache = new Map();
  /** @param {string} file */
  const importsOf = (file) => {
    let found = importCache.get(file);
    if (!found) {
      const code = readFileSync(file, 'utf8');
      const statics = [
        // import x from "…", import{a}from"…", import"…", export*from"…", export{a}from"…"
        ...code.matchAll(/(?<![\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?(["'`])([^"'`\n$]+?)\1/g),
      ].map((m) => m[2] ?? '');
      const dynamics = [...code.matchAll(/(?<![\w$.])import\s*\(\s*(["'`])([^"'`\n$]+?)\1\s*\)/g)].map((m) => m[2] ?? '');
      found = { statics, dynamics };
      importCache.set(file, found);
    }
    return found;
  };

  /**
   * The module graph from some entry files: static closure, and what only dynamic imports or the entries that come
   * after the first paint reach.
   * @param {string[]} entries files @param {string[]} lateEntries files @param {string} pageUrl for messages
   */
  const moduleGraph = (entries, lateEntries, pageUrl) => {
    /** @type {Set<string>} */
    const statics = new Set();
    /** @type {string[]} */
    const dynamicRoots = [...lateEntries];
    /** @param {string} file @param {Set<string>} into @param {string[] | null} dyn */
    const visit = (file, into, dyn) => {
      if (into.has(file)) return;
      into.add(file);
      const { statics: s, dynamics: d } = importsOf(file);
      for (const spec of s) {
        const r = resolve(spec, fileUrl(file));
        if (r.file) visit(r.file, into, dyn);
        else missing(pageUrl, `import "${spec}" in ${fileUrl(file)}`, r.external);
      }
      if (dyn)
        for (const spec of d) {
          const r = resolve(spec, fileUrl(file));
          if (r.file) dyn.push(r.file);
          else missing(pageUrl, `import("${spec}") in ${fileUrl(file)}`, r.external);
        }
    };
    for (const e of entries) visit(e, statics, dynamicRoots);
    /** @type {Set<string>} */
    const onDemand = new Set();
    for (const d of dynamicRoots) if (!statics.has(d)) visit(d, onDemand, dynamicRoots);
    for (const s of statics) onDemand.delete(s);
    return { statics: [...statics], onDemand: [...onDemand] };
  };

  /** @type {Set<string>} */
  const reportedMissing = new Set();
  /** @param {string} url @param {string} what @param {boolean} external */
  function missing(url, what, external) {
    const key = `${url} ${what}`;
    if (reportedMissing.has(key)) return;
    reportedMissing.add(key);
    violations.push({ budget: 'assets', url, message: `${what}: ${external ? 'external, cannot be measured' : 'not found in dist/'}` });
  }

  /** @param {string} file */
  const asset = (file) => ({ url: fileUrl(file), file: path.relative(process.cwd(), file), ...fileSize(file) });

  // Fonts, site-wide.
  const fontFiles = files.filter((f) => FONT_FILE.test(f)).map(fileUrl);
  const fontFace = files.filter((f) => f.endsWith('.css') && /@font-face/i.test(readFileSync(f, 'utf8'))).map(fileUrl);
  for (const f of fontFiles) violations.push({ budget: 'fonts', url: f, message: `web font file ${f}` });
  for (const f of fontFace) violations.push({ budget: 'fonts', url: f, message: `@font-face in ${f}` });

  /** @type {PageFigures[]} */
  const pages = [];
  for (const file of files.filter((f) => f.endsWith('.html')).sort()) {
    const url = urlOf(dist, file);
    if (NOT_PUBLIC.some((re) => re.test(url))) continue;
    const raw = readFileSync(file);
    const html = raw.toString('utf8').replace(/<!--[\s\S]*?-->/g, '');
    const interactive = isInteractive(url);
    const form = isForm(url);

    /** @type {string[]} */ const cssFiles = [];
    /** @type {string[]} */ const jsEntries = [];
    /** @type {string[]} */ const lateJsEntries = [];
    /** @type {string[]} */ const iconFiles = [];
    let inlineJs = 0;
    let iconLinked = false;

    for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
      const a = attrsOf(m[1] ?? '');
      const rel = (a['rel'] ?? '').toLowerCase().split(/\s+/);
      const href = a['href'];
      if (!href) continue;
      const isFontLink =
        (rel.includes('preload') && (a['as'] ?? '').toLowerCase() === 'font') ||
        FONT_FILE.test(href) ||
        /fonts\.(googleapis|gstatic)\.com/i.test(href);
      if (isFontLink) violations.push({ budget: 'fonts', url, message: `font link ${href}` });
      if (rel.includes('stylesheet')) {
        const r = resolve(href, url);
        if (r.file) cssFiles.push(r.file);
        else if (!isFontLink) missing(url, `stylesheet ${href}`, r.external);
      } else if (rel.includes('modulepreload') || (rel.includes('preload') && (a['as'] ?? '') === 'script')) {
        const r = resolve(href, url);
        if (r.file) jsEntries.push(r.file);
        else missing(url, `${rel.join(' ')} ${href}`, r.external);
      } else if (rel.includes('icon')) {
        iconLinked = true;
        const r = resolve(href, url);
        if (r.file) iconFiles.push(r.file);
        else missing(url, `icon ${href}`, r.external);
      }
    }
    if (!iconLinked) {
      // Browsers ask for /favicon.ico by themselves when no icon is named.
      const ico = path.join(dist, 'favicon.ico');
      if (existsSync(ico)) iconFiles.push(ico);
    }

    // Scripts that the page puts in only after its first paint (src/components/AfterFirstPaint.astro).
    const late = [...html.matchAll(/<template\b[^>]*\bdata-after-first-paint\b[^>]*>[\s\S]*?<\/template\s*>/gi)].map((m) => ({
      from: m.index,
      to: m.index + m[0].length,
    }));
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
      const a = attrsOf(m[1] ?? '');
      const afterFirstPaint = late.some((t) => t.from <= m.index && m.index < t.to);
      const type = (a['type'] ?? '').toLowerCase();
      // JSON-LD, import maps and other data blocks are data, not code.
      if (type && !/^(module|text\/javascript|application\/javascript)$/.test(type)) continue;
      if (a['src'] !== undefined) {
        const r = resolve(a['src'], url);
        if (r.file) (afterFirstPaint ? lateJsEntries : jsEntries).push(r.file);
        else missing(url, `script ${a['src']}`, r.external);
      } else {
        inlineJs += Buffer.byteLength(m[2] ?? '');
      }
    }

    for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi))
      if (/@font-face/i.test(m[1] ?? '')) violations.push({ budget: 'fonts', url, message: '@font-face in an inline <style>' });

    /** @type {ImageInfo[]} */
    const images = [];
    for (const m of html.matchAll(/<img\b([^>]*)>/gi)) {
      const a = attrsOf(m[1] ?? '');
      const src = a['src'] ?? '';
      const candidates = [src, ...(a['srcset'] ?? '').split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')].filter(Boolean);
      const modern =
        candidates.length > 0 && candidates.every((c) => MODERN_DATA_URI.test(c) || MODERN_IMAGE.test(c.split(/[?#]/)[0] ?? ''));
      images.push({ src, width: !!a['width'], height: !!a['height'], loading: a['loading'] ?? null, modern });
    }

    const uniq = (/** @type {string[]} */ list) => [...new Set(list)];
    const css = uniq(cssFiles).map(asset);
    const graph = moduleGraph(uniq(jsEntries), uniq(lateJsEntries), url);
    const js = graph.statics.map(asset);
    const onDemand = graph.onDemand.map(asset);
    const favicon = uniq(iconFiles).map(asset);
    const htmlSize = sizeOf(raw);
    const inlineSize = { raw: inlineJs, gzip: 0, brotli: 0 }; // already inside the HTML's compressed size
    const cssSize = sum(css);
    const jsSize = sum([...js, inlineSize]);
    const iconSize = sum(favicon);

    /** @type {PageFigures} */
    const page = {
      url,
      file: path.relative(process.cwd(), file),
      interactive,
      form,
      html: htmlSize,
      css: { ...cssSize, files: css },
      critical: { gzip: htmlSize.gzip + cssSize.gzip, brotli: htmlSize.brotli + cssSize.brotli },
      js: { ...jsSize, files: js, inline: inlineJs },
      onDemand: { ...sum(onDemand), files: onDemand },
      favicon: { ...iconSize, files: favicon },
      transfer: {
        gzip: htmlSize.gzip + cssSize.gzip + jsSize.gzip + iconSize.gzip,
        brotli: htmlSize.brotli + cssSize.brotli + jsSize.brotli + iconSize.brotli,
      },
      images,
    };
    pages.push(page);

    // The budgets.
    if (!interactive && (jsSize.raw > BUDGETS.staticPageJsBytes || js.length > 0))
      violations.push({
        budget: 'no-js',
        url,
        message: `needs no interaction but ships ${jsSize.raw} bytes of JavaScript (${[...js.map((j) => j.url), ...(inlineJs ? ['inline'] : [])].join(', ')})`,
        actual: jsSize.raw,
        limit: BUDGETS.staticPageJsBytes,
      });
    if (page.critical.gzip > BUDGETS.criticalBytes)
      violations.push({
        budget: 'critical',
        url,
        message: `HTML + render-blocking CSS is ${kb(page.critical.gzip)} gzip (HTML ${kb(htmlSize.gzip)}, CSS ${kb(cssSize.gzip)} in ${css.length} files) > ${kb(BUDGETS.criticalBytes)}`,
        actual: page.critical.gzip,
        limit: BUDGETS.criticalBytes,
      });
    if (!form && page.transfer.gzip > BUDGETS.transferBytes)
      violations.push({
        budget: 'transfer',
        url,
        message: `transfers ${kb(page.transfer.gzip)} gzip (HTML ${kb(htmlSize.gzip)}, CSS ${kb(cssSize.gzip)}, JS ${kb(jsSize.gzip)}, icon ${kb(iconSize.gzip)}) > ${kb(BUDGETS.transferBytes)}`,
        actual: page.transfer.gzip,
        limit: BUDGETS.transferBytes,
      });
    // A form page loads its enhancement after the page (a dynamic import): it is shipped all the same, so it counts.
    const formJs = form ? jsSize.gzip + sum(onDemand).gzip : 0;
    if (form && formJs > BUDGETS.formJsBytes)
      violations.push({
        budget: 'form-js',
        url,
        message: `form page ships ${kb(formJs)} of JavaScript gzip (static and loaded after the page) > ${kb(BUDGETS.formJsBytes)}`,
        actual: formJs,
        limit: BUDGETS.formJsBytes,
      });
    const checkerJs = CHECKERS.some((re) => re.test(url)) ? jsSize.gzip + sum(onDemand).gzip : 0;
    if (checkerJs > BUDGETS.checkerJsBytes)
      violations.push({
        budget: 'checker-js',
        url,
        message: `checker page ships ${kb(checkerJs)} of JavaScript gzip (static and loaded after the page) > ${kb(BUDGETS.checkerJsBytes)}`,
        actual: checkerJs,
        limit: BUDGETS.checkerJsBytes,
      });
    images.forEach((img, i) => {
      const problems = [];
      if (!img.width || !img.height) problems.push('no width/height');
      if (!img.modern) problems.push('not webp/avif/svg');
      if (i > 0 && img.loading?.toLowerCase() !== 'lazy') problems.push('not loading="lazy"');
      if (problems.length)
        violations.push({ budget: 'images', url, message: `<img src="${img.src}"> (#${i + 1}): ${problems.join(', ')}` });
    });
  }

  return { distDir, budgets: BUDGETS, pages, violations, fonts: { files: fontFiles, fontFace } };
}

/** @param {number} n bytes */
export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** @param {BudgetReport} report @param {number} top */
function printReport(report, top) {
  const { pages, violations } = report;
  const k = (/** @type {number} */ n) => (n / 1024).toFixed(1);
  const cols = [
    ['page', 44],
    ['kind', 6],
    ['HTML gz', 8],
    ['CSS gz', 7],
    ['crit gz', 8],
    ['crit br', 8],
    ['JS gz', 7],
    ['on-dem gz', 10],
    ['xfer gz', 8],
    ['xfer br', 8],
    ['img', 4],
  ];
  /** @param {(string | number)[]} cells */
  const row = (cells) =>
    cells
      .map((c, i) => {
        const w = cols[i]?.[1];
        const width = typeof w === 'number' ? w : 8;
        return i === 0 ? String(c).padEnd(width) : String(c).padStart(width);
      })
      .join(' ');
  /** @param {PageFigures} p */
  const line = (p) =>
    row([
      p.url.length > 43 ? `…${p.url.slice(-42)}` : p.url,
      p.form ? 'form' : p.interactive ? 'js' : 'static',
      k(p.html.gzip),
      k(p.css.gzip),
      k(p.critical.gzip),
      k(p.critical.brotli),
      k(p.js.gzip),
      k(p.onDemand.gzip),
      k(p.transfer.gzip),
      k(p.transfer.brotli),
      p.images.length,
    ]);
  const header = row(cols.map((c) => c[0] ?? ''));
  console.log(
    `Byte budgets of ${report.distDir}/ — ${pages.length} pages, KB = 1024 bytes, gzip -9 / brotli q11, each file compressed on its own`,
  );
  console.log(
    `  critical (HTML + blocking CSS) ≤ ${kb(BUDGETS.criticalBytes)} · transfer ≤ ${kb(BUDGETS.transferBytes)} (content pages) · form JS ≤ ${kb(BUDGETS.formJsBytes)} · JS on static pages 0 · web fonts 0`,
  );
  console.log(`\n${header}\n${'-'.repeat(header.length)}`);
  for (const p of pages) console.log(line(p));

  const largest = [...pages].sort((a, b) => b.transfer.gzip - a.transfer.gzip).slice(0, top);
  console.log(`\nLargest pages by transfer (gzip):\n${header}`);
  for (const p of largest) console.log(line(p));
  const crit = [...pages].sort((a, b) => b.critical.gzip - a.critical.gzip).slice(0, Math.min(top, 5));
  console.log(`\nLargest critical path (HTML + blocking CSS, gzip):`);
  for (const p of crit)
    console.log(
      `  ${p.url}  ${kb(p.critical.gzip)} (brotli ${kb(p.critical.brotli)}) = HTML ${kb(p.html.gzip)} + CSS ${kb(p.css.gzip)} [${p.css.files.map((f) => f.url).join(', ')}]`,
    );

  const forms = pages.filter((p) => p.form);
  if (forms.length) {
    const heaviest = forms.reduce((a, b) => (b.js.gzip > a.js.gzip ? b : a));
    console.log(
      `\nForm pages: ${forms.length}; heaviest JavaScript ${heaviest.url} ${kb(heaviest.js.gzip)} gzip (${kb(heaviest.js.brotli)} brotli):`,
    );
    for (const f of heaviest.js.files) console.log(`  ${f.url}  ${kb(f.gzip)} gzip, ${kb(f.raw)} raw`);
  }
  /** @type {Map<string, { gzip: number, brotli: number, pages: number }>} */
  const onDemand = new Map();
  for (const p of pages) {
    if (!p.onDemand.files.length) continue;
    const key = p.onDemand.files.map((f) => `${f.url} (${kb(f.gzip)})`).join(', ');
    const e = onDemand.get(key) ?? { gzip: p.onDemand.gzip, brotli: p.onDemand.brotli, pages: 0 };
    e.pages++;
    onDemand.set(key, e);
  }
  for (const [files, e] of onDemand)
    console.log(
      `\nLoaded after the page or on demand (dynamic import or after the first paint; counted in form-js and checker-js only) on ${e.pages} pages: ${kb(e.gzip)} gzip, ${kb(e.brotli)} brotli: ${files}`,
    );

  console.log(`\nWeb fonts: ${report.fonts.files.length} font files, ${report.fonts.fontFace.length} CSS files with @font-face`);
  if (violations.length === 0) {
    console.log(`\nbudgets: ${pages.length} pages, 0 violations`);
    return;
  }
  console.log(`\nViolations (${violations.length}):`);
  for (const v of violations) console.log(`  ✗ [${v.budget}] ${v.url}: ${v.message}`);
  console.log(`\nbudgets: ${pages.length} pages, ${violations.length} violations`);
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '10' }, json: { type: 'boolean', default: false } },
  });
  const distDir = positionals[0] ?? 'dist';
  /** @type {BudgetReport} */
  let report;
  try {
    report = measureBudgets(distDir);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else printReport(report, Math.max(1, Number(values.top) || 10));
  process.exit(report.violations.length === 0 ? 0 : 1);
}
