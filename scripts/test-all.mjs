// Runs every suite, even after one fails, and prints one closing line: `N passed, N failed`.
// Each runner writes a JSON report into reports/; a suite that leaves no report, reports
// failure, ran nothing or exits non-zero counts as failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

// One "today" for the build, the Worker and the browser (tests/clock.ts, decision 0010): the suites pass in any year.
const pinned = readFileSync('tests/clock.ts', 'utf8').match(/export const TEST_TODAY = '(\d{4}-\d{2}-\d{2})'/)?.[1];
if (!pinned) throw new Error("tests/clock.ts must say: export const TEST_TODAY = 'YYYY-MM-DD'");
process.env['BUILD_TODAY'] = pinned;

const reports = 'reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/** @param {string} cmd @param {string[]} args */
function run(cmd, args, env = {}) {
  console.log(`\n▶ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

let passed = 0;
let failed = 0;
/** @param {string} name @param {number} ok @param {number} bad @param {boolean} suiteFailed */
function tally(name, ok, bad, suiteFailed) {
  if (suiteFailed && bad === 0) bad = 1; // a suite that broke without naming a failing test
  console.log(`  ${name}: ${ok} passed, ${bad} failed`);
  passed += ok;
  failed += bad;
}

const build = run('npm', ['run', 'build']);
if (build !== 0) tally('build', 0, 1, true);

/**
 * A checker with a JSON report of its own (scripts/report-cli.mjs): one passed per clean item, one failed per item
 * with a finding; a checker that leaves no report, exits non-zero or checked nothing fails the suite.
 * @param {string} name @param {string[]} args @param {string} countKey the report's count of items checked
 */
function reportSuite(name, args, countKey) {
  const file = `${reports}/${name}.json`;
  const status = run(process.execPath, [...args, '--report', file]);
  if (!existsSync(file)) return tally(name, 0, 0, true);
  const r = JSON.parse(readFileSync(file, 'utf8'));
  tally(name, r.passed, r.failed, status !== 0 || r[countKey] === 0);
}

// The Nu Html Checker over every built page.
reportSuite('html', ['scripts/check-html.mjs', 'dist'], 'pages');
// textlint over content and every interface and mail string (.textlintrc.json), file by file.
reportSuite('text', ['scripts/check-text.mjs'], 'files');

const check = run('npm', ['run', 'check']);
if (check !== 0) tally('types', 0, 1, true);

const lint = run('npm', ['run', 'lint']);
if (lint !== 0) tally('lint', 0, 1, true);

const vitestFile = `${reports}/vitest.json`;
const vitest = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestFile}`]);
if (existsSync(vitestFile)) {
  const r = JSON.parse(readFileSync(vitestFile, 'utf8'));
  tally('vitest', r.numPassedTests, r.numFailedTests, vitest !== 0 || !r.success || r.numTotalTests === 0);
} else tally('vitest', 0, 0, true);

const pwFile = `${reports}/playwright.json`;
const pw = run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_FILE: pwFile });
if (existsSync(pwFile)) {
  const s = JSON.parse(readFileSync(pwFile, 'utf8')).stats;
  if (s.flaky > 0) console.log(`  playwright: ${s.flaky} flaky (failed once, passed on retry): see the list above`);
  tally('playwright', s.expected + s.flaky, s.unexpected, pw !== 0 || s.expected + s.flaky === 0);
} else tally('playwright', 0, 0, true);

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
