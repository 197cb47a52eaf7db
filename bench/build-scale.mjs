#!/usr/bin/env node
/**
 * How the build scales with the number of openings: the real templates and the real content, plus N synthetic openings
 * (valid per src/schemas/content.ts), built cold in a temporary copy of the project, then indexed with Pagefind.
 * Measures wall seconds (build, index, both) and peak memory; the real project's dist/, .astro/ and caches are never
 * touched. Bounded: a hard timeout ends everything; every child runs in its own process group and is stopped on every
 * way out; the temporary tree is removed at the end (--keep keeps it).
 *
 *   PATH=$PWD/node_modules/.bin:$PATH node bench/build-scale.mjs [--sizes 1000,5000] [--report-only] [--keep]
 *     [--timeout-min 40]
 *
 * Targets: 1000 openings build ≤ 20 s (≤ 30 s with the index), 5000 build ≤ 60 s, peak memory ≤ 2 GB at every size.
 * Writes bench/results/build-scale.json; exits 1 when a target is missed (not with --report-only) or a build fails.
 *
 * Peak memory: `/usr/bin/time -v` "Maximum resident set size" (the largest single process of the tree), and the sum
 * of VmRSS over the whole process group sampled every 100 ms (catches the Pagefind binary and esbuild beside Node);
 * the gate uses the larger of the two.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { signalGroup, stopOnEveryExit } from '../scripts/process-groups.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    'report-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'timeout-min': { type: 'string', default: '40' },
  },
});
const SIZES = opts.sizes.split(',').map((s) => Number(s.trim()));
if (SIZES.length === 0 || SIZES.some((n) => !Number.isInteger(n) || n < 1 || n > 20_000)) {
  console.error('build-scale: --sizes takes whole numbers from 1 to 20000, e.g. 1000,5000');
  process.exit(1);
}
const HARD_TIMEOUT_MS = Math.max(1, Math.min(120, Number(opts['timeout-min']) || 40)) * 60_000;
const STEP_TIMEOUT_MS = 15 * 60_000;
const BUILD_TODAY = '2026-11-24';
const GB = 1024 ** 3;
/** Targets by size: seconds for the build alone, for build + index, and peak bytes. */
const TARGETS = {
  1000: { buildS: 20, totalS: 30, peakBytes: 2 * GB },
  5000: { buildS: 60, totalS: undefined, peakBytes: 2 * GB },
};
const DEFAULT_TARGET = { buildS: undefined, totalS: undefined, peakBytes: 2 * GB };
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const RESULTS = 'bench/results/build-scale.json';

// ---------------------------------------------------------------- processes and the temporary tree, always cleaned

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
/** @type {string | undefined} */
let tempBase;

function cleanup() {
  for (const c of children) if (c.pid) signalGroup(c.pid, 'SIGKILL');
  children.clear();
  if (tempBase && !opts.keep) rmSync(tempBase, { recursive: true, force: true });
}
stopOnEveryExit('build-scale', { hardTimeoutMs: HARD_TIMEOUT_MS, stop: cleanup, kill: cleanup });

/** Sum of VmRSS (bytes) over the processes of one process group. @param {number} pgid */
function groupRss(pgid) {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …: comm may hold spaces, so read after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${name}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

/**
 * Runs one command to its end in its own process group, under /usr/bin/time -v when present; bounded.
 * @param {string} cmd @param {string[]} args @param {{ cwd: string, env: NodeJS.ProcessEnv, log: string }} o
 */
async function measure(cmd, args, o) {
  const timeFile = path.join(o.cwd, '.time-v.txt');
  rmSync(timeFile, { force: true });
  const [file, argv] = TIME ? [TIME, ['-v', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const child = spawn(file, argv, { cwd: o.cwd, env: o.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  let treePeak = 0;
  const pid = child.pid ?? 0;
  const sampler = setInterval(() => {
    treePeak = Math.max(treePeak, groupRss(pid));
  }, 100);
  const killer = setTimeout(() => signalGroup(pid, 'SIGKILL'), STEP_TIMEOUT_MS);
  const code = await new Promise((resolve) => {
    child.once('exit', (c, s) => resolve(c ?? s));
    child.once('error', (e) => resolve(e.message));
  });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  clearTimeout(killer);
  children.delete(child);
  signalGroup(pid, 'SIGKILL'); // nothing of the step may outlive it
  writeFileSync(o.log, output);
  let maxRssBytes;
  let timeWall;
  if (TIME && existsSync(timeFile)) {
    const t = readFileSync(timeFile, 'utf8');
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(t);
    if (m) maxRssBytes = Number(m[1]) * 1024;
    const w = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(t);
    if (w?.[1]) timeWall = w[1].split(':').reduce((a, p) => a * 60 + Number(p), 0);
  }
  if (code !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${code}) in ${seconds.toFixed(1)} s; log ${o.log}:\n${output.slice(-3000)}`);
  return { seconds, timeWallSeconds: timeWall, maxRssBytes, treePeakBytes: treePeak, output };
}

// ---------------------------------------------------------------- synthetic openings

const hiring = ['経験者採用', '新卒・I類相当', '任期付', '専門人材', '会計年度任用職員'];
const families = ['事務', 'ICT・DX', '土木', '建築', '福祉', '児童福祉', '保健師', '保育', '心理', '電気', '機械'];
const employment = {
  経験者採用: '常勤（任期の定めなし）',
  '新卒・I類相当': '常勤（任期の定めなし）',
  任期付: '常勤（任期付）',
  専門人材: '常勤（任期付）',
  会計年度任用職員: ['会計年度任用（フルタイム）', '会計年度任用（パートタイム）'],
};
const departments = [
  '総務部 職員課',
  '区民部 戸籍住民課',
  '福祉部 管理課',
  '都市整備部 道路公園課',
  'こども家庭部 子育て支援課',
  '健康部 保健予防課',
];
const places = ['練馬区役所本庁舎（練馬区豊玉北6-12-1）', '石神井庁舎', '光が丘区民センター', '区内各施設'];

/** A calendar date `days` after BUILD_TODAY. @param {number} days */
const dayFrom = (days) => new Date(Date.parse(`${BUILD_TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** One opening as Markdown, deterministic in i. @param {number} i */
function opening(i) {
  const h = hiring[i % hiring.length] ?? '経験者採用';
  const f = families[(i * 7) % families.length] ?? '事務';
  const e = employment[/** @type {keyof typeof employment} */ (h)];
  const emp = Array.isArray(e) ? (e[i % 2] ?? e[0]) : e;
  const hourly = emp === '会計年度任用（パートタイム）';
  const opens = -60 + ((i * 13) % 90); // from 60 days ago to 29 days ahead: open, upcoming and closed
  const closes = opens + 7 + ((i * 5) % 50);
  const external = i % 10 === 9;
  const minPay = hourly ? 1200 + (i % 5) * 50 : 200_000 + (i % 40) * 2_500;
  const level = (i % 3) + 1;
  const body = [
    `${f}の職員として、区民の暮らしを支える仕事に取り組みます。採用後は${departments[i % departments.length]}を中心に配属され、経験に応じて段階的に担当業務を広げます。`,
    `職場では先輩職員が一人ひとりに付き、最初の3か月は業務の流れと区の制度を学びます。研修や資格取得の支援もあり、専門性を伸ばしながら長く働けます。`,
    `選考では、これまでの経験をどのように区の仕事に生かせるかを伺います。募集番号 ${i} の詳細は、募集要項をご覧ください。`,
  ].join('\n\n');
  return `---
title: ${f}（${h}・${level}級職）募集${i}
summary: ${f}の職員を募集します（${h}）。区民サービスの現場で経験を生かせる仕事です。募集番号${i}。
hiringType: ${h}
jobFamily: ${f}
employmentType: ${emp}
department: ${departments[i % departments.length]}
workLocation: ${places[i % places.length]}
duties:
  - ${f}に関する窓口・相談業務
  - 施策の企画立案と予算の執行管理
  - 関係機関・地域団体との調整
requirements:
  experienceYears: ${h === '経験者採用' ? 1 + (i % 10) : 0}
  experienceKind: 民間企業等における業務従事歴
  qualifications: []
  other:
    - 地方公務員法第16条に定める欠格条項に該当しない方
pay:
  unit: ${hourly ? '時給' : '月給'}
  min: ${minPay}
  max: ${hourly ? minPay + 200 : minPay + 60_000}
  allowances:
    - 地域手当（給料月額の20%）
    - 通勤手当
  experienceNote: 採用前の職務経験等に応じて、一定の基準により加算されます。
openings: ${1 + (i % 12)}
opensOn: ${dayFrom(opens)}
closesOn: ${dayFrom(closes)}
selection:
  - step: 書類選考
    note: 締切後およそ2週間で結果をお知らせします
  - step: 面接
    date: ${dayFrom(closes + 21)}
apply:
${external ? '  method: external\n  url: https://www.example.jp/recruit/\n  label: 外部の応募ページ' : '  method: online'}
relatedStories: []
draft: false
---

${body}
`;
}

// ---------------------------------------------------------------- the temporary project

const SKIP = new Set([
  'node_modules',
  'dist',
  '.astro',
  '.wrangler',
  '.tmp',
  'reports',
  '.git',
  'test-results',
  'playwright-report',
  '.vitest',
]);

/** A copy of the project without build output and state; node_modules linked entry by entry. @param {string} base */
function makeTree(base) {
  const tree = path.join(base, 'site');
  mkdirSync(tree);
  for (const entry of readdirSync(root)) {
    if (SKIP.has(entry)) continue;
    if (entry === 'bench') continue; // this benchmark's own folder: not part of the site
    cpSync(path.join(root, entry), path.join(tree, entry), { recursive: true, verbatimSymlinks: true });
  }
  // node_modules: one symlink per package, not one for the folder, so that the build's caches
  // (node_modules/.astro, node_modules/.vite) land in the temporary tree, not in the real project's.
  const nm = path.join(tree, 'node_modules');
  mkdirSync(nm);
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite' || entry === '.cache') continue;
    symlinkSync(path.join(root, 'node_modules', entry), path.join(nm, entry));
  }
  return tree;
}

/** Real openings plus n synthetic ones, and no build output or cache left from a previous size. @param {string} tree @param {number} n */
function prepare(tree, n) {
  for (const dir of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite'])
    rmSync(path.join(tree, dir), { recursive: true, force: true });
  const jobs = path.join(tree, 'content/jobs');
  rmSync(jobs, { recursive: true, force: true });
  cpSync(path.join(root, 'content/jobs'), jobs, { recursive: true });
  const real = readdirSync(jobs).filter((f) => f.endsWith('.md') && !f.startsWith('_')).length;
  for (let i = 1; i <= n; i++) writeFileSync(path.join(jobs, `bench-${String(i).padStart(5, '0')}.md`), opening(i));
  return real;
}

/** Opening pages built. @param {string} tree */
const countJobPages = (tree) => {
  const dir = path.join(tree, 'dist/jobs');
  const facets = new Set(['type', 'family', 'employment', 'open']);
  return readdirSync(dir).filter(
    (d) => !facets.has(d) && statSync(path.join(dir, d)).isDirectory() && existsSync(path.join(dir, d, 'index.html')),
  ).length;
};

// ---------------------------------------------------------------- main

const BIN = path.join(root, 'node_modules/.bin');
const fmtGB = (/** @type {number} */ b) => `${(b / GB).toFixed(2)} GB`;

tempBase = mkdtempSync(path.join(os.tmpdir(), 'build-scale-'));
const started = performance.now();
const tree = makeTree(tempBase);
const env = {
  ...process.env,
  PATH: `${path.join(tree, 'node_modules/.bin')}${path.delimiter}${BIN}${path.delimiter}${process.env['PATH'] ?? ''}`,
  ASTRO_TELEMETRY_DISABLED: '1',
  BUILD_TODAY,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
};
const node = path.join(BIN, 'node');
console.log(
  `build-scale: ${os.cpus().length} cores, ${fmtGB(os.totalmem())} RAM, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; temp tree ${tree}; memory by ${TIME ? '/usr/bin/time -v and ' : ''}/proc sampling`,
);

const results = [];
for (const n of SIZES) {
  const real = prepare(tree, n);
  console.log(`\n▶ ${n} synthetic + ${real} real openings: astro build (cold) …`);
  const build = await measure(node, [path.join(tree, 'node_modules/.bin/astro'), 'build'], {
    cwd: tree,
    env,
    log: path.join(tempBase, `build-${n}.log`),
  });
  const pages = countJobPages(tree);
  const htmlCount = readdirSync(path.join(tree, 'dist'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
  console.log(`  build ${build.seconds.toFixed(1)} s, ${htmlCount} pages (${pages} opening pages); index …`);
  const index = await measure(node, ['scripts/build-search.mjs', 'dist'], { cwd: tree, env, log: path.join(tempBase, `index-${n}.log`) });
  const indexed = Number(/indexed (\d+) openings/.exec(index.output)?.[1] ?? Number.NaN);
  const peak = Math.max(build.maxRssBytes ?? 0, build.treePeakBytes, index.maxRssBytes ?? 0, index.treePeakBytes);
  const target = TARGETS[/** @type {keyof typeof TARGETS} */ (n)] ?? DEFAULT_TARGET;
  const total = build.seconds + index.seconds;
  const misses = [];
  if (pages !== real + n) misses.push(`built ${pages} opening pages, expected ${real + n}`);
  if (indexed !== pages) misses.push(`indexed ${indexed} openings, expected ${pages}`);
  if (target.buildS !== undefined && build.seconds > target.buildS) misses.push(`build ${build.seconds.toFixed(1)} s > ${target.buildS} s`);
  if (target.totalS !== undefined && total > target.totalS) misses.push(`build+index ${total.toFixed(1)} s > ${target.totalS} s`);
  if (peak > target.peakBytes) misses.push(`peak ${fmtGB(peak)} > ${fmtGB(target.peakBytes)}`);
  const r = {
    openings: n,
    realOpenings: real,
    pages: htmlCount,
    openingPages: pages,
    indexedOpenings: indexed,
    buildSeconds: Number(build.seconds.toFixed(2)),
    indexSeconds: Number(index.seconds.toFixed(2)),
    totalSeconds: Number(total.toFixed(2)),
    build: { maxRssBytes: build.maxRssBytes ?? null, treePeakBytes: build.treePeakBytes, timeWallSeconds: build.timeWallSeconds ?? null },
    index: { maxRssBytes: index.maxRssBytes ?? null, treePeakBytes: index.treePeakBytes, timeWallSeconds: index.timeWallSeconds ?? null },
    peakBytes: peak,
    distBytes: Number(
      readdirSync(path.join(tree, 'dist'), { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .reduce((a, d) => a + statSync(path.join(d.parentPath, d.name)).size, 0),
    ),
    targets: { buildS: target.buildS ?? null, totalS: target.totalS ?? null, peakBytes: target.peakBytes },
    misses,
  };
  results.push(r);
  console.log(
    `  ${n}: build ${r.buildSeconds} s, index ${r.indexSeconds} s, build+index ${r.totalSeconds} s; peak ${fmtGB(peak)} (build: largest process ${fmtGB(build.maxRssBytes ?? 0)}, group ${fmtGB(build.treePeakBytes)}; index: largest ${fmtGB(index.maxRssBytes ?? 0)}, group ${fmtGB(index.treePeakBytes)}); dist ${(r.distBytes / 1024 ** 2).toFixed(0)} MB${misses.length ? `; MISSED: ${misses.join('; ')}` : '; targets met'}`,
  );
}

const ok = results.every((r) => r.misses.length === 0);
mkdirSync(path.dirname(RESULTS), { recursive: true });
writeFileSync(
  RESULTS,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { cores: os.cpus().length, totalMemBytes: os.totalmem(), loadavgAtEnd: os.loadavg() },
      node: process.version,
      buildToday: BUILD_TODAY,
      memoryBy: TIME
        ? '/usr/bin/time -v (largest process) and /proc VmRSS of the process group every 100 ms'
        : '/proc VmRSS of the process group every 100 ms',
      results,
      pass: ok,
    },
    null,
    2,
  )}\n`,
);
const line = results
  .map(
    (r) =>
      `${r.openings}: build ${r.buildSeconds} s, +index ${r.totalSeconds} s, peak ${fmtGB(r.peakBytes)}${r.misses.length ? ' ✗' : ' ✓'}`,
  )
  .join(' | ');
console.log(
  `\nbuild-scale: ${line} — ${ok ? 'all targets met' : `targets missed${opts['report-only'] ? ' (--report-only)' : ''}`} (${((performance.now() - started) / 1000).toFixed(0)} s total; wrote ${RESULTS})`,
);
cleanup();
process.exit(ok || opts['report-only'] ? 0 : 1);
