/**
 * The command line both page checkers share (scripts/check-html.mjs, scripts/check-text.mjs): run the check over the
 * positional arguments, print its findings, write the JSON report with --report FILE (scripts/test-all.mjs counts
 * from it) and exit 1 on any failure or when the check itself cannot run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Whether the module at `moduleUrl` is the script node was started with (not imported by a test). */
export const isMain = (/** @type {string} */ moduleUrl) =>
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(moduleUrl);

/**
 * @template {{ failed: number }} R
 * @param {(positionals: string[]) => R | Promise<R>} check
 * @param {(report: R) => void} print
 */
export async function runReportCli(check, print) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { report: { type: 'string' } } });
  /** @type {R} */
  let report;
  try {
    report = await check(positionals);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
  print(report);
  if (values.report) {
    mkdirSync(path.dirname(values.report), { recursive: true });
    writeFileSync(values.report, JSON.stringify(report, null, 2));
  }
  process.exit(report.failed === 0 ? 0 : 1);
}
