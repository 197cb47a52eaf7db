#!/usr/bin/env node
/**
 * A new fiscal year in one action: next year's rules and joint-exam calendar from this year's, marked as samples to
 * verify, and every published opening and session the change concerns, in Japanese.
 *
 *   npm run new-year                  rules: the newest file's year + 1
 *   npm run new-year -- --year 2027   rules 2027 (from 2026) and exams 2028 (from 2027)
 *   npm run new-year -- --dry-run     prints both new files and the report, writes nothing
 *
 * - content/rules/<Y-1>.yaml → content/rules/<Y>.yaml and content/exams/<Y>.yaml → content/exams/<Y+1>.yaml, where Y
 *   is --year or the year after the newest rules file. The calendar runs a year ahead of the rules: during fiscal
 *   year N the ward recruits for the exams of N+1 (I類 is announced in March), so a new year N+1 brings the calendar
 *   of N+2. With the site's content today: rules 2026 → 2027, exams 2027 → 2028.
 * - Refuses, writing nothing, when either new file exists (it never overwrites) or when either would not pass the
 *   build's checks (the same schemas and worked-example check, run here before writing).
 *
 * Runs in the current directory (npm run: the project's root) on the project's Node 24, which npm run puts first on
 * PATH. The logic is src/lib/new-fiscal-year.ts. Node runs the project's TypeScript by stripping its types; one
 * resolve hook adds the `.ts` that the source leaves out of relative imports (Vite resolves them in the build).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/** @param {string} message */
const fail = (message) => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

if (typeof nodeModule.registerHooks !== 'function')
  fail(`Node ${process.version} では動きません。npm run new-year で実行してください（プロジェクトの Node 24 を使います）。`);

nodeModule.registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (specifier.startsWith('.') && !specifier.endsWith('.ts')) return nextResolve(`${specifier}.ts`, context);
      throw error;
    }
  },
});

const { parse } = await import('yaml');
const { parseRules } = await import('../src/lib/content-checks.ts');
const { examCalendarSchema } = await import('../src/schemas/exam-calendar.ts');
const { affectedBy, madeByNewYearUnchecked, newYearReport, nextYearFile, openingFacts, programmeFacts, provenance } = await import(
  '../src/lib/new-fiscal-year.ts'
);

/** @type {{ values: { year?: string, 'dry-run'?: boolean, help?: boolean } }} */
let args;
try {
  args = parseArgs({
    options: { year: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
} catch (error) {
  fail(
    `オプションを確かめてください（${error instanceof Error ? error.message : error}）。\n使い方：npm run new-year [-- --year 2027] [-- --dry-run]`,
  );
  throw error;
}
if (args.values.help) {
  process.stdout.write(
    [
      '使い方：npm run new-year [-- --year 2027] [-- --dry-run]',
      '  content/rules の規則と content/exams の試験日程を、次の年度のサンプルとして1年後に写し、関わる募集・回を表示します。',
      '  --year 年度   始める年度（規則の年度）。省略すると、いちばん新しい規則の次の年度です。',
      '  --dry-run     ファイルを書き出さずに、作る内容と関わる募集・回を表示します。',
      '',
    ].join('\n'),
  );
  process.exit(0);
}

const dryRun = args.values['dry-run'] === true;
const yearsIn = (/** @type {string} */ dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /^\d{4}\.yaml$/.test(f))
        .map((f) => Number(f.slice(0, 4)))
        .sort((a, b) => a - b)
    : [];

const ruleYears = yearsIn('content/rules');
const newest = ruleYears.at(-1);
if (newest === undefined)
  fail('content/rules に規則のファイル（例：content/rules/2026.yaml）がありません。このフォルダで実行してください。');
const year = args.values.year === undefined ? Number(newest) + 1 : Number(args.values.year);
if (!Number.isInteger(year) || year < 2001 || year > 2099)
  fail(`--year には始める年度を 2027 のような西暦で書いてください（「${args.values.year}」は年度として読めません）。`);

if (args.values.year === undefined && madeByNewYearUnchecked(readFileSync(`content/rules/${newest}.yaml`, 'utf8')))
  fail(
    `content/rules/${newest}.yaml は npm run new-year が作ったサンプル（sample: true）のままです。続けて次の年度を作ると、年度が2つ進みます。\n` +
      `${newest}年度のファイルを確かめて sample: false にしてから実行するか、次の年度を作るときは --year ${year} のように年度を指定してください。`,
  );

const rules = { from: `content/rules/${year - 1}.yaml`, to: `content/rules/${year}.yaml` };
const exams = { from: `content/exams/${year}.yaml`, to: `content/exams/${year + 1}.yaml` };

const existing = [rules.to, exams.to].filter((f) => existsSync(f));
if (existing.length > 0)
  fail(
    `${existing.join(' と ')} は既にあります。上書きしないため、何も書き出していません。\n` +
      '作り直すときは、そのファイルを別の場所に移してから実行してください。' +
      (year === Number(newest) + 1 ? '' : `いちばん新しい規則は content/rules/${newest}.yaml です。`),
  );
const missing = [rules.from, exams.from].filter((f) => !existsSync(f));
if (missing.length > 0)
  fail(
    `${missing.join(' と ')} がありません。新しい年度のファイルは前の年度のファイルから作ります（あるファイル：${[
      ...ruleYears.map((y) => `content/rules/${y}.yaml`),
      ...yearsIn('content/exams').map((y) => `content/exams/${y}.yaml`),
    ].join('、')}）。`,
  );

/** Parses an exam calendar as the build does, or stops with the file and every problem. */
function parseExams(/** @type {string} */ file, /** @type {string} */ text) {
  const parsed = examCalendarSchema.safeParse(parse(text));
  if (!parsed.success)
    fail(
      `${file} に問題があります：\n- ${parsed.error.issues.map((i) => `${i.path.join('.') || '（ファイル全体）'}：${i.message}`).join('\n- ')}`,
    );
  else if (`${parsed.data.fiscalYear}` !== file.match(/(\d{4})\.yaml$/)?.[1])
    fail(`${file}：fiscalYear（${parsed.data.fiscalYear}）がファイル名の年度と違います。`);
  return parsed.data;
}

/** Parses a rules file as the build does (schema and worked examples), or stops with its problems. */
function parseRulesFile(/** @type {string} */ file, /** @type {string} */ text) {
  try {
    return parseRules(file, parse(text));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
    throw error;
  }
}

const rulesText = readFileSync(rules.from, 'utf8');
const examsText = readFileSync(exams.from, 'utf8');
const oldRules = parseRulesFile(rules.from, rulesText);
const oldExams = parseExams(exams.from, examsText);
let rulesFile;
let examsFile;
try {
  rulesFile = nextYearFile(rulesText, provenance(rules.from));
  examsFile = nextYearFile(examsText, provenance(exams.from));
} catch (error) {
  fail(`${rules.from} または ${exams.from} を読めません：${error instanceof Error ? error.message : error}`);
  throw error;
}
// What would be written must pass the build: otherwise nothing is.
const nextRules = parseRulesFile(rules.to, rulesFile.text);
const nextExams = parseExams(exams.to, examsFile.text);

const markdown = (/** @type {string} */ dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
        .sort()
        .map((f) => ({ file: `${dir}/${f}`, source: readFileSync(join(dir, f), 'utf8') }))
    : [];
const openings = markdown('content/jobs').flatMap(({ file, source }) => openingFacts(file, source) ?? []);
const programmes = ['content/internships', 'content/events'].flatMap((dir) =>
  markdown(dir).flatMap(({ file, source }) => programmeFacts(file, source) ?? []),
);

const change = {
  rules: { ...rules, old: oldRules, next: nextRules, file: rulesFile },
  exams: { ...exams, old: oldExams, next: nextExams, file: examsFile },
};
const report = newYearReport(change, affectedBy(change, openings, programmes), !dryRun);

if (dryRun) {
  process.stdout.write(`──── ${rules.to} ────\n${rulesFile.text}\n──── ${exams.to} ────\n${examsFile.text}\n────\n\n${report}`);
} else {
  // 'wx': never overwrite, even a file created since the check above.
  writeFileSync(rules.to, rulesFile.text, { flag: 'wx' });
  writeFileSync(exams.to, examsFile.text, { flag: 'wx' });
  process.stdout.write(report);
}
