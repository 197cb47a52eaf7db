#!/usr/bin/env node
/**
 * HTML validity of every built page: the Nu Html Checker (vnu, the W3C's own checker behind validator.w3.org, from
 * the `vnu-jar` package) over every .html file in dist/, in one Java process. Run after `npm run build`.
 *
 *   node scripts/check-html.mjs [distDir] [--report reports/html.json]
 *
 * Prints each error with its page, line, column and message; a page with no error passes, a page with any fails.
 * Errors only (--errors-only): warnings and info are advice, not invalid markup. Nothing is filtered out. With
 * --report, writes { passed, failed, pages, errors } for scripts/test-all.mjs. Exits 1 on any error, or when the
 * checker could not run (no `java`: scripts/ensure-java.sh installs Debian's default-jre-headless).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { walk } from './budgets.mjs';
import { isMain, runReportCli } from './report-cli.mjs';

/**
 * @typedef {{ type: string, subType?: string, url?: string, lastLine?: number, firstColumn?: number, lastColumn?: number, message: string }} VnuMessage
 * @typedef {{ page: string, line: number | null, column: number | null, message: string }} HtmlError
 * @typedef {{ passed: number, failed: number, pages: number, errors: HtmlError[] }} HtmlReport
 */

/**
 * The checker's jar: the vnu-jar package's main module exports its path (as a String object). Its `vnu.check` helper
 * is not used: it downloads a Java runtime when `java` is missing, which this machine's network does not allow.
 */
const jar = String(createRequire(import.meta.url)('vnu-jar'));

/**
 * Checks every .html file under `distDir` and returns the errors, page by page.
 * @param {string} distDir
 * @returns {HtmlReport}
 */
export function checkHtml(distDir) {
  const pages = walk(distDir)
    .filter((f) => f.endsWith('.html'))
    .sort();
  if (pages.length === 0) throw new Error(`${distDir} has no HTML page: run npm run build first`);
  // -Xss2m: the parser recurses on deeply nested markup; the default thread stack overflowed on some pages.
  // The JSON report goes to stderr; --exit-zero-always, so the report alone decides.
  const r = spawnSync('java', ['-Xss2m', '-jar', jar, '--errors-only', '--format', 'json', '--exit-zero-always', ...pages], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error)
    throw new Error(`the Nu Html Checker could not start (${r.error.message}): is java installed? (bash scripts/ensure-java.sh)`);
  /** @type {{ messages: VnuMessage[] }} */
  let report;
  try {
    report = JSON.parse(r.stderr);
  } catch {
    throw new Error(`the Nu Html Checker gave no JSON report (exit ${r.status}):\n${r.stderr.slice(0, 2000)}`);
  }
  const shown = new Map(pages.map((f) => [path.resolve(f), path.relative(process.cwd(), f)]));
  /** The page a message is about, as it was listed (vnu writes file:/abs/path, percent-encoded). @param {string | undefined} url */
  const pageOf = (url) => {
    if (url === undefined) return '(no page)';
    try {
      return shown.get(fileURLToPath(new URL(url))) ?? url;
    } catch {
      return url;
    }
  };
  /** @type {HtmlError[]} */
  const errors = report.messages
    // Errors, and anything the checker could not do with a file (non-document-error: unreadable, unknown type).
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => ({
      page: pageOf(m.url),
      line: m.lastLine ?? null,
      column: m.firstColumn ?? m.lastColumn ?? null,
      message: m.message,
    }));
  const failing = new Set(errors.map((e) => e.page));
  const failed = pages.filter((f) => failing.has(path.relative(process.cwd(), f))).length;
  // An error naming no page of the list (the checker's own trouble) fails the run as one page more.
  const listed = new Set(shown.values());
  const stray = errors.some((e) => !listed.has(e.page)) ? 1 : 0;
  return { passed: pages.length - failed, failed: failed + stray, pages: pages.length, errors };
}

/** @param {HtmlReport} report */
function printReport(report) {
  for (const e of report.errors)
    console.log(`  ✗ ${e.page}${e.line === null ? '' : `:${e.line}${e.column === null ? '' : `:${e.column}`}`} ${e.message}`);
  console.log(
    `html: ${report.pages} pages checked by the Nu Html Checker, ${report.passed} valid, ${report.failed} with errors (${report.errors.length} errors)`,
  );
}

if (isMain(import.meta.url)) await runReportCli((positionals) => checkHtml(positionals[0] ?? 'dist'), printReport);
