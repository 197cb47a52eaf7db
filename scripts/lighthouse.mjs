#!/usr/bin/env node
/**
 * Lighthouse gate: the real site under `wrangler dev` (scripts/serve.sh, port 8803, its own local state), Debian's
 * Chromium, Lighthouse's default mobile emulation and simulated throttling, 3 runs per URL, the median of each figure.
 * Needs `npm run build` first; serves a frozen copy of the build (.tmp/lighthouse-snapshot, taken when no build is
 * writing dist/), so a rebuild elsewhere during the runs changes nothing. Loopback only; the server and every Chromium run in their own process groups and are
 * stopped on every way out; a hard timeout ends everything.
 *
 *   PATH=$PWD/node_modules/.bin:$PATH node scripts/lighthouse.mjs [--report-only] [--runs 3] [--timeout-min 15] [--only jobs,apply]
 *
 * URLs: /, /jobs/, one opening, its application form (an opening of dist/catalog.json that takes applications online
 * and is open today in Asia/Tokyo), one internship, one eligibility checker. Fails (exit 1) when a median category score is below 100,
 * LCP > 1000 ms, TBT > 50 ms or CLS > 0; with --report-only it only prints. Writes reports/lighthouse.json with every
 * run's figures and, per URL, the audits that cost points in the median run (Lighthouse's own choice of median run),
 * and that whole median report as reports/lighthouse-<home|jobs|job|apply|internship|checker>.json.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { signalGroup, stopGroup, stopOnEveryExit } from './process-groups.mjs';
import { snapshotSite } from './site-snapshot.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const { values: opts } = parseArgs({
  options: {
    'report-only': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    'timeout-min': { type: 'string', default: '15' },
    // Comma-separated labels (home, jobs, job, apply, internship, checker): measure only those, e.g. while trying a change.
    only: { type: 'string' },
  },
});
const RUNS = Math.max(1, Math.min(9, Number(opts.runs) || 3));
const HARD_TIMEOUT_MS = Math.max(1, Math.min(60, Number(opts['timeout-min']) || 15)) * 60_000;
const REPORT_ONLY = opts['report-only'];

const HOST = '127.0.0.1';
const PORT = 8803;
const ORIGIN = `http://${HOST}:${PORT}`;
const PERSIST = path.join(root, '.tmp/lighthouse-state');
const LOG = path.join(root, '.tmp/lighthouse-server.log');
const SNAPSHOT = path.join(root, '.tmp/lighthouse-snapshot');
const OUT = 'reports/lighthouse.json';
const CHROME_PATH = CHROMIUM_PATH;
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];
const CATEGORIES = /** @type {const} */ (['performance', 'accessibility', 'best-practices', 'seo']);
const LIMITS = { score: 100, lcpMs: 1000, tbtMs: 50, cls: 0 };

// ---------------------------------------------------------------- processes: own groups, always stopped

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
/** @type {Set<chromeLauncher.LaunchedChrome>} */
const chromes = new Set();

/** Stops one started process and its whole group. @param {import('node:child_process').ChildProcess} child */
async function stop(child) {
  await stopGroup(child.pid);
  children.delete(child);
}
async function stopAll() {
  for (const c of chromes) {
    try {
      c.kill();
    } catch {
      // gone
    }
  }
  chromes.clear();
  await Promise.all([...children].map(stop));
}
stopOnEveryExit('lighthouse', {
  hardTimeoutMs: HARD_TIMEOUT_MS,
  stop: async () => {
    await stopAll();
    rmSync(SNAPSHOT, { recursive: true, force: true });
  },
  kill: () => {
    for (const c of children) if (c.pid) signalGroup(c.pid, 'SIGKILL');
    for (const c of chromes) if (c.pid) signalGroup(c.pid, 'SIGKILL');
  },
});

// ---------------------------------------------------------------- a frozen copy of the site

if (!existsSync('dist/catalog.json')) {
  console.error('lighthouse: dist/catalog.json is missing. Build the site first:\n  npm run build');
  process.exit(1);
}

await snapshotSite(SNAPSHOT, { ready: ['dist/catalog.json', 'dist/pagefind'] });

// ---------------------------------------------------------------- what to test

/** @type {{ jobs: Record<string, { title: string, opensOn: string, closesOn: string, applyOnline: boolean }>, sessions: Record<string, { url: string }> }} */
const catalog = JSON.parse(readFileSync(path.join(SNAPSHOT, 'dist/catalog.json'), 'utf8'));
const todayTokyo = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
  new Date(),
);
const openJobs = Object.entries(catalog.jobs)
  .filter(([, j]) => j.applyOnline && j.opensOn <= todayTokyo && todayTokyo <= j.closesOn)
  .map(([slug]) => slug)
  .sort();
// Prefer an opening whose built form page shows the form (it was open on the build's day too).
const job =
  openJobs.find((slug) => {
    const file = path.join(SNAPSHOT, 'dist/jobs', slug, 'apply/index.html');
    return existsSync(file) && /<form\b/.test(readFileSync(file, 'utf8'));
  }) ?? openJobs[0];
if (!job) {
  console.error(`lighthouse: no opening in dist/catalog.json takes applications online and is open on ${todayTokyo} (Asia/Tokyo)`);
  process.exit(1);
}
const internship = [...new Set(Object.values(catalog.sessions).map((s) => s.url))].filter((u) => u.startsWith('/internships/')).sort()[0];
if (!internship) {
  console.error('lighthouse: no internship page in dist/catalog.json');
  process.exit(1);
}
// The eligibility checker of the first route (a public tool, indexable like the other pages).
const checker = readdirSync(path.join(SNAPSHOT, 'dist/eligibility'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => `/eligibility/${e.name}/`)
  .sort()[0];
if (!checker) {
  console.error('lighthouse: no eligibility checker page in the build');
  process.exit(1);
}
const ALL_TARGETS = [
  /** @type {{ label: string, path: string, skipAudits?: string[] }} */ ({ label: 'home', path: '/' }),
  { label: 'jobs', path: '/jobs/' },
  { label: 'job', path: `/jobs/${job}/` },
  // Application forms are noindex on purpose (issue: forms and confirmations stay out of search engines), so
  // the one SEO audit that demands indexability is skipped there; every other SEO audit still counts.
  { label: 'apply', path: `/jobs/${job}/apply/`, skipAudits: ['is-crawlable'] },
  { label: 'internship', path: internship },
  { label: 'checker', path: checker },
];
const only = opts.only?.split(',').map((l) => l.trim());
const TARGETS = only ? ALL_TARGETS.filter((t) => only.includes(t.label)) : ALL_TARGETS;
if (TARGETS.length === 0) {
  console.error(`lighthouse: --only names none of ${ALL_TARGETS.map((t) => t.label).join(', ')}`);
  process.exit(1);
}

// ---------------------------------------------------------------- the server

async function portFree() {
  try {
    await fetch(`${ORIGIN}/`, { signal: AbortSignal.timeout(1000) });
    return false;
  } catch (e) {
    return /** @type {any} */ (e)?.cause?.code === 'ECONNREFUSED';
  }
}

async function startServer() {
  if (!(await portFree())) throw new Error(`port ${PORT} is in use; stop what listens there first`);
  mkdirSync('.tmp', { recursive: true });
  const out = openSync(LOG, 'w');
  const child = spawn('bash', ['scripts/serve.sh'], {
    cwd: SNAPSHOT,
    env: {
      ...process.env,
      PATH: `${path.join(root, 'node_modules/.bin')}${path.delimiter}${process.env['PATH'] ?? ''}`,
      PORT: String(PORT),
      PERSIST_TO: PERSIST,
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      WRANGLER_SEND_METRICS: 'false',
    },
    detached: true,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  children.add(child);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server exited before it was ready; ${LOG}:\n${readFileSync(LOG, 'utf8').slice(-2000)}`);
    try {
      const r = await fetch(`${ORIGIN}/api/health`, { signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      if (r.status === 200) return child;
    } catch {
      // not yet
    }
    await sleep(300);
  }
  throw new Error(`${ORIGIN}/api/health not ready within 120 s; ${LOG}:\n${readFileSync(LOG, 'utf8').slice(-2000)}`);
}

// ---------------------------------------------------------------- one Lighthouse run

/** @param {string} url @param {string[]} [skipAudits] @returns {Promise<import('lighthouse').Result>} */
async function runOnce(url, skipAudits = []) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
    handleSIGINT: false,
  });
  chromes.add(chrome);
  try {
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Lighthouse run on ${url} took over 180 s`)), 180_000);
    });
    const result = await Promise.race([
      lighthouse(
        url,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
        skipAudits.length ? { extends: 'lighthouse:default', settings: { skipAudits } } : undefined,
      ),
      timeout,
    ]);
    clearTimeout(timer);
    const lhr = /** @type {import('lighthouse').RunnerResult | undefined} */ (result)?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned no result for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    return lhr;
  } finally {
    chrome.kill();
    chromes.delete(chrome);
  }
}

/** @param {import('lighthouse').Result} lhr */
function figures(lhr) {
  /** @param {string} id */
  const num = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
  /** @type {Record<string, number>} */
  const scores = {};
  for (const c of CATEGORIES) scores[c] = Math.round((lhr.categories[c]?.score ?? 0) * 100);
  return {
    scores,
    lcpMs: Math.round(num('largest-contentful-paint')),
    tbtMs: Math.round(num('total-blocking-time')),
    cls: Number(num('cumulative-layout-shift').toFixed(4)),
    fcpMs: Math.round(num('first-contentful-paint')),
    siMs: Math.round(num('speed-index')),
    ttiMs: Math.round(num('interactive')),
    /** Lighthouse's CPU benchmark of this run: low values mean a busy machine (TBT then grows with it). */
    benchmarkIndex: Math.round(lhr.environment?.benchmarkIndex ?? 0),
    loadavg1: Number(os.loadavg()[0]?.toFixed(2)),
    warnings: lhr.runWarnings,
  };
}
/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** What an audit points at: elements (selector and snippet), files, or other rows. @param {any} item @returns {string} */
function describeItem(item) {
  const parts = [];
  const node = item?.node ?? (item?.type === 'node' ? item : item?.source?.type === 'node' ? item.source : undefined);
  if (node?.selector) parts.push(`element ${node.selector}`);
  if (node?.snippet) parts.push(node.snippet.length > 160 ? `${node.snippet.slice(0, 160)}…` : node.snippet);
  if (typeof item?.url === 'string') parts.push(item.url);
  if (typeof item?.issueType === 'string') parts.push(`issue: ${item.issueType}`);
  for (const sub of item?.subItems?.items ?? []) parts.push(`[${describeItem(sub)}]`);
  if (typeof item?.directive === 'string') parts.push(`directive ${item.directive}`);
  if (typeof item?.score === 'number' && node) parts.push(`shift ${item.score.toFixed(4)}`);
  if (typeof item?.source?.url === 'string') parts.push(`${item.source.url}:${item.source.line ?? ''}`);
  if (typeof item?.description === 'string') parts.push(item.description);
  if (typeof item?.label === 'string') parts.push(item.label);
  if (typeof item?.phase === 'string') parts.push(`${item.phase} ${Math.round(item.timing ?? 0)} ms`);
  if (typeof item?.subpart === 'string') parts.push(`${item.subpart} ${Math.round(item.duration ?? 0)} ms`);
  if (typeof item?.wastedMs === 'number') parts.push(`saves ~${Math.round(item.wastedMs)} ms`);
  if (typeof item?.wastedBytes === 'number') parts.push(`saves ~${Math.round(item.wastedBytes / 1024)} KB`);
  if (parts.length === 0) parts.push(JSON.stringify(item).slice(0, 200));
  return parts.join(' — ');
}

/** Items of a details object, list and nested tables flattened. @param {any} details @returns {any[]} */
function itemsOf(details) {
  if (!details) return [];
  if (details.type === 'list') return (details.items ?? []).flatMap(itemsOf);
  if (details.type === 'node') return [details];
  if (details.type === 'checklist') return Object.entries(details.items ?? {}).map(([k, v]) => ({ label: `${k}: ${JSON.stringify(v)}` }));
  if (Array.isArray(details.items)) return details.items;
  return [];
}

/** Audits that cost points (weight > 0, score < 1) and performance insights that flag something. @param {import('lighthouse').Result} lhr */
function losingAudits(lhr) {
  const out = [];
  for (const c of CATEGORIES) {
    const cat = lhr.categories[c];
    if (!cat) continue;
    for (const ref of cat.auditRefs) {
      const a = lhr.audits[ref.id];
      if (!a || a.score === null || a.score >= 1) continue;
      const counts = ref.weight > 0 || (c === 'performance' && a.scoreDisplayMode === 'metricSavings');
      if (!counts) continue;
      out.push({
        category: c,
        id: a.id,
        title: a.title,
        score: a.score,
        weight: ref.weight,
        displayValue: a.displayValue ?? null,
        items: itemsOf(a.details).slice(0, 8).map(describeItem),
      });
    }
  }
  // What Lighthouse took as the LCP element, and its breakdown.
  for (const id of ['largest-contentful-paint-element', 'lcp-breakdown-insight', 'layout-shifts', 'cls-culprits-insight']) {
    const a = lhr.audits[id];
    if (a && !out.some((o) => o.id === id))
      out.push({
        category: 'info',
        id,
        title: a.title,
        score: a.score,
        weight: 0,
        displayValue: a.displayValue ?? null,
        items: itemsOf(a.details).slice(0, 8).map(describeItem),
      });
  }
  return out;
}

// ---------------------------------------------------------------- main

const started = Date.now();
console.log(
  `lighthouse: ${RUNS} runs per URL, mobile emulation (Lighthouse default), ${CHROME_PATH}; opening ${job}, internship ${internship}`,
);
const server = await startServer();
console.log(`lighthouse: server ready on ${ORIGIN} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

const results = [];
for (const t of TARGETS) {
  const url = `${ORIGIN}${t.path}`;
  /** @type {import('lighthouse').Result[]} */
  const lhrs = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = Date.now();
    let lhr;
    try {
      lhr = await runOnce(url, t.skipAudits);
    } catch (e) {
      console.log(`  ${t.path} run ${i + 1}/${RUNS} failed, trying once more: ${e instanceof Error ? e.message : e}`);
      lhr = await runOnce(url, t.skipAudits);
    }
    lhrs.push(lhr);
    const f = figures(lhr);
    console.log(
      `  ${t.path} run ${i + 1}/${RUNS}: ${CATEGORIES.map((c) => f.scores[c]).join('/')} LCP ${f.lcpMs} ms TBT ${f.tbtMs} ms CLS ${f.cls} (${((Date.now() - t0) / 1000).toFixed(1)} s, CPU benchmark ${f.benchmarkIndex}, load ${f.loadavg1})`,
    );
  }
  const runs = lhrs.map(figures);
  /** @type {Record<string, number>} */
  const scores = {};
  for (const c of CATEGORIES) scores[c] = median(runs.map((r) => r.scores[c] ?? 0));
  const med = {
    scores,
    lcpMs: median(runs.map((r) => r.lcpMs)),
    tbtMs: median(runs.map((r) => r.tbtMs)),
    cls: median(runs.map((r) => r.cls)),
    fcpMs: median(runs.map((r) => r.fcpMs)),
    siMs: median(runs.map((r) => r.siMs)),
  };
  const medianRun = computeMedianRun(lhrs);
  // The whole median report, for reading the audits in detail (or in the Lighthouse viewer).
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(`reports/lighthouse-${t.label}.json`, JSON.stringify(medianRun));
  const failures = [];
  for (const c of CATEGORIES) if ((scores[c] ?? 0) < LIMITS.score) failures.push(`${c} ${scores[c]} < ${LIMITS.score}`);
  if (med.lcpMs > LIMITS.lcpMs) failures.push(`LCP ${med.lcpMs} ms > ${LIMITS.lcpMs} ms`);
  if (med.tbtMs > LIMITS.tbtMs) failures.push(`TBT ${med.tbtMs} ms > ${LIMITS.tbtMs} ms`);
  if (med.cls > LIMITS.cls) failures.push(`CLS ${med.cls} > ${LIMITS.cls}`);
  results.push({
    label: t.label,
    path: t.path,
    url,
    median: med,
    runs,
    failures,
    medianRun: { index: lhrs.indexOf(medianRun), audits: losingAudits(medianRun) },
  });
}

await stop(server);
rmSync(SNAPSHOT, { recursive: true, force: true });

// ---------------------------------------------------------------- report

const pad = (/** @type {string|number} */ s, /** @type {number} */ n) => String(s).padStart(n);
console.log(
  `\nMedian of ${RUNS} runs (scores ×100; limits: every score ${LIMITS.score}, LCP ≤ ${LIMITS.lcpMs} ms, TBT ≤ ${LIMITS.tbtMs} ms, CLS ${LIMITS.cls}):`,
);
console.log(
  `${'URL'.padEnd(44)} ${pad('perf', 5)} ${pad('a11y', 5)} ${pad('bp', 5)} ${pad('seo', 5)} ${pad('LCP ms', 7)} ${pad('TBT ms', 7)} ${pad('CLS', 7)}`,
);
for (const r of results)
  console.log(
    `${r.path.padEnd(44)} ${pad(r.median.scores['performance'] ?? '', 5)} ${pad(r.median.scores['accessibility'] ?? '', 5)} ${pad(r.median.scores['best-practices'] ?? '', 5)} ${pad(r.median.scores['seo'] ?? '', 5)} ${pad(r.median.lcpMs, 7)} ${pad(r.median.tbtMs, 7)} ${pad(r.median.cls, 7)}`,
  );

const failing = results.filter((r) => r.failures.length);
for (const r of failing) {
  console.log(`\n✗ ${r.path}: ${r.failures.join('; ')}`);
  for (const a of r.medianRun.audits) {
    console.log(
      `    [${a.category}] ${a.id} — ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''} score ${a.score ?? '–'} weight ${a.weight}`,
    );
    for (const item of a.items) console.log(`        ${item}`);
  }
}

const busy = results.flatMap((r) => r.runs).filter((f) => f.benchmarkIndex < 1000).length;
if (busy)
  console.log(
    `\nNote: ${busy} of ${results.length * RUNS} runs had a CPU benchmark index under 1000 (the machine was busy); TBT and LCP of those runs are inflated.`,
  );

mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(
  OUT,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      lighthouse: JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')).version,
      chrome: CHROME_PATH,
      chromeFlags: CHROME_FLAGS,
      emulation: 'mobile (Lighthouse default, simulated throttling)',
      runsPerUrl: RUNS,
      todayTokyo,
      limits: LIMITS,
      results,
      pass: failing.length === 0,
    },
    null,
    2,
  )}\n`,
);
console.log(
  `\nlighthouse: ${results.length} URLs × ${RUNS} runs in ${((Date.now() - started) / 1000).toFixed(0)} s; ${failing.length ? `${failing.length} failing` : 'all pass'}; wrote ${OUT}${REPORT_ONLY && failing.length ? ' (--report-only: exit 0)' : ''}`,
);
process.exit(failing.length && !REPORT_ONLY ? 1 : 0);
