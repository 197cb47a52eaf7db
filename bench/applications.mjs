#!/usr/bin/env node
/**
 * A bounded load benchmark of POST /api/applications against the real site (scripts/serve.sh, local D1), in the same
 * run as a bare Worker that only inserts one row (bench/bare-worker/), the ceiling of this stack on this machine.
 * Loopback only; every server runs in its own process group and is stopped on every way out; a hard timeout ends
 * everything. Needs `npm run build` first. Exits 1 on any error or lost row (the throughput ratio is reported only).
 *
 *   PATH=$PWD/node_modules/.bin:$PATH node bench/applications.mjs [--quick] [--requests 5000] [--concurrency 50]
 *     [--warmup 200] [--order bare,site] [--rounds 1] [--live | --site-dir DIR] [--timeout-min 8]
 *
 * By default the site runs from a frozen copy of the checkout (.tmp/bench-snapshot: dist, functions, src, migrations,
 * wrangler.jsonc, scripts/serve.sh), because `wrangler dev` reloads the Worker whenever a watched file changes, and
 * a build or an edit elsewhere during the run would then fail requests mid-flight. --live runs the working tree itself;
 * --site-dir runs a copy prepared elsewhere (for experiments: a patched copy of the snapshot).
 * Either way a reload during a run is detected in the server's log and reported.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { signalGroup, stopGroup, stopOnEveryExit } from '../scripts/process-groups.mjs';
import { snapshotSite } from '../scripts/site-snapshot.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    requests: { type: 'string' },
    concurrency: { type: 'string', default: '50' },
    warmup: { type: 'string' },
    order: { type: 'string', default: 'bare,site' },
    rounds: { type: 'string', default: '1' },
    live: { type: 'boolean', default: false },
    'site-dir': { type: 'string' },
    'timeout-min': { type: 'string', default: '8' },
  },
});
const int = (s, name, min, max) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`bench: --${name} must be a whole number from ${min} to ${max}`);
    process.exit(1);
  }
  return n;
};
const REQUESTS = int(opts.requests ?? (opts.quick ? '500' : '5000'), 'requests', 1, 50_000);
const CONCURRENCY = int(opts.concurrency, 'concurrency', 1, 200);
const WARMUP = int(opts.warmup ?? (opts.quick ? '50' : '200'), 'warmup', 0, 5_000);
const ROUNDS = int(opts.rounds, 'rounds', 1, 5);
const HARD_TIMEOUT_MS = int(opts['timeout-min'], 'timeout-min', 1, 30) * 60_000;
const ORDER = opts.order.split(',').map((s) => s.trim());
if (ORDER.length === 0 || ORDER.some((t) => t !== 'site' && t !== 'bare') || new Set(ORDER).size !== ORDER.length) {
  console.error('bench: --order takes site and/or bare, e.g. bare,site');
  process.exit(1);
}

const HOST = '127.0.0.1';
const BIN = path.join(root, 'node_modules/.bin');
const ENV = {
  ...process.env,
  PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}`,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
};
const SNAPSHOT = '.tmp/bench-snapshot';
const TARGETS = {
  site: { port: 8801, persist: '.tmp/bench-site', path: '/api/applications', ready: '/api/health', config: [] },
  bare: { port: 8802, persist: '.tmp/bench-bare', path: '/', ready: '/', config: ['-c', 'bench/bare-worker/wrangler.jsonc'] },
};

// ---------------------------------------------------------------- processes: own groups, always stopped

const children = new Set();

/** Starts a command in its own process group (so its whole tree can be signalled), output to a log file or a pipe. */
function launch(cmd, args, { env = ENV, log, cwd = root } = {}) {
  const out = log ? openSync(log, 'w') : 'pipe';
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', out, out] });
  if (typeof out === 'number') closeSync(out);
  children.add(child);
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.once('error', () => undefined);
  return child;
}

/** Stops one started command and its whole group. */
async function stop(child) {
  await stopGroup(child?.pid);
  children.delete(child);
}

const abort = stopOnEveryExit('bench', {
  hardTimeoutMs: HARD_TIMEOUT_MS,
  stop: () => Promise.all([...children].map(stop)),
  kill: () => {
    for (const child of children) if (child.pid) signalGroup(child.pid, 'SIGKILL');
  },
});

/** Runs a command to its end (bounded), returning its output. */
async function run(cmd, args, timeoutMs = 120_000) {
  const child = launch(cmd, args);
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), timeoutMs);
  const { code, signal } = await child.exited;
  clearTimeout(timer);
  children.delete(child);
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${signal ?? code}):\n${output.slice(-2000)}`);
  return output;
}

const readLog = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

async function waitReady(child, url, log, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server exited before ready; ${log}:\n${readLog(log).slice(-2000)}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error(`${url} not ready within ${timeoutMs / 1000} s; ${log}:\n${readLog(log).slice(-2000)}`);
}

async function portFree(port) {
  try {
    await fetch(`http://${HOST}:${port}/`, { signal: AbortSignal.timeout(1000) });
    return false;
  } catch (e) {
    return e?.cause?.code === 'ECONNREFUSED';
  }
}

// ---------------------------------------------------------------- preconditions and what is sent

const catalogFile = path.join(root, 'dist/catalog.json');
if (!existsSync(catalogFile)) {
  console.error('bench: dist/catalog.json is missing. Build the site first:\n  npm run build\nthen run this again.');
  process.exit(1);
}
const SITE_DIR = opts['site-dir'] ? path.resolve(opts['site-dir']) : opts.live ? root : path.join(root, SNAPSHOT);
const devVars = path.join(SITE_DIR, '.dev.vars');
if (existsSync(devVars) && /^\s*(RESEND_API_KEY|TURNSTILE_SECRET_KEY)\s*=\s*\S/m.test(readFileSync(devVars, 'utf8'))) {
  console.error(
    'bench: .dev.vars sets RESEND_API_KEY or TURNSTILE_SECRET_KEY; --live would send real mail or need Turnstile. Run without --live.',
  );
  process.exit(1);
}

const RUN = Date.now().toString(36);
let JOB_ID;

/** A valid application (tests/fixtures/application.json, as the Worker tests send), unique in its key and e-mail. */
const applicant = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/application.json'), 'utf8'));
const application = (phase, i) =>
  JSON.stringify({
    jobId: JOB_ID,
    idempotencyKey: `bench-${RUN}-${phase}-${String(i).padStart(6, '0')}`,
    ...applicant,
    email: `bench-${RUN}-${phase}${i}@example.jp`,
  });

// ---------------------------------------------------------------- CPU time: steadier than throughput on a shared machine

const TICK_MS = 10; // Linux USER_HZ is 100

/** CPU milliseconds used so far by every live process of a process group, by program name (workerd, node, …). */
function groupCpu(pgid) {
  const byName = {};
  let dirs = [];
  try {
    dirs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return byName; // not Linux
  }
  for (const pid of dirs) {
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    const close = stat.lastIndexOf(')');
    const name = stat.slice(stat.indexOf('(') + 1, close);
    const f = stat.slice(close + 2).split(' ');
    if (Number(f[2]) !== pgid) continue;
    byName[name] = (byName[name] ?? 0) + (Number(f[11]) + Number(f[12])) * TICK_MS;
  }
  return byName;
}

/** CPU ms per request between two groupCpu() readings, plus this process (the load generator). */
function cpuPerRequest(before, after, client, count) {
  const per = {};
  for (const [name, ms] of Object.entries(after)) per[name] = round((ms - (before[name] ?? 0)) / count, 2);
  const server = round(
    Object.values(per).reduce((a, b) => a + b, 0),
    2,
  );
  return { server, byProcess: per, client: round((client.user + client.system) / 1000 / count, 2) };
}

// ---------------------------------------------------------------- load

const HEADERS = { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' };
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** `count` POSTs from `concurrency` clients (Node's fetch keeps connections alive); bodies are built beforehand. */
async function load(url, phase, count, concurrency) {
  const bodies = Array.from({ length: count }, (_, i) => application(phase, i));
  const latency = new Float64Array(count);
  const status = new Int16Array(count);
  const samples = [];
  let next = 0;
  const client = async () => {
    for (let i = next++; i < count; i = next++) {
      const started = performance.now();
      try {
        const r = await fetch(url, { method: 'POST', headers: HEADERS, body: bodies[i], signal: AbortSignal.timeout(30_000) });
        const text = await r.text();
        status[i] = r.status;
        if ((r.status < 200 || r.status > 299) && samples.length < 5) samples.push(`HTTP ${r.status} ${text.slice(0, 200)}`);
      } catch (e) {
        status[i] = 0;
        if (samples.length < 5) samples.push(`${e?.name}: ${e?.cause?.code ?? e?.message}`);
      }
      latency[i] = performance.now() - started;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, client));
  const seconds = (performance.now() - t0) / 1000;

  const sorted = Float64Array.from(latency).sort();
  const pct = (p) => sorted[Math.max(0, Math.ceil((p / 100) * count) - 1)];
  let ok = 0;
  let created = 0;
  for (const s of status) {
    if (s >= 200 && s <= 299) ok++;
    if (s === 201) created++;
  }
  return {
    requests: count,
    seconds: round(seconds, 3),
    reqPerSec: round(count / seconds),
    p50: round(pct(50)),
    p95: round(pct(95)),
    p99: round(pct(99)),
    max: round(sorted[count - 1]),
    ok,
    created,
    errors: count - ok,
    errorSamples: samples,
  };
}

// ---------------------------------------------------------------- one target: start, warm up, measure, stop, count

async function d1(name, sql) {
  const t = TARGETS[name];
  const out = await run('wrangler', ['d1', 'execute', 'DB', '--local', '--persist-to', t.persist, ...t.config, '--json', '--command', sql]);
  return JSON.parse(out.slice(out.indexOf('[')))[0].results[0];
}

async function bench(name) {
  const t = TARGETS[name];
  const base = `http://${HOST}:${t.port}`;
  if (!(await portFree(t.port))) throw new Error(`port ${t.port} is already in use on ${HOST}: not benchmarking someone else's server`);
  rmSync(t.persist, { recursive: true, force: true });
  mkdirSync('.tmp', { recursive: true });
  const log = path.join(root, `.tmp/bench-${name}.log`);
  console.log(`bench: starting ${name} on ${base} (log ${path.relative(root, log)})`);
  let server;
  if (name === 'site') {
    const env = { ...ENV, PORT: String(t.port), PERSIST_TO: path.join(root, t.persist), WRANGLER_DEV_ARGS: '--var RATE_LIMIT:off' };
    server = launch('bash', ['scripts/serve.sh'], { env, log, cwd: SITE_DIR });
  } else {
    await run('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', t.persist, ...t.config]);
    const args = [
      'dev',
      ...t.config,
      '--ip',
      HOST,
      '--port',
      String(t.port),
      '--persist-to',
      t.persist,
      '--show-interactive-dev-session=false',
    ];
    server = launch('wrangler', args, { log });
  }
  try {
    const started = performance.now();
    await waitReady(server, `${base}${t.ready}`, log);
    console.log(`bench: ${name} ready after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const readyAt = readLog(log).length;
    const load1 = os.loadavg()[0];
    const warmup = WARMUP > 0 ? await load(`${base}${t.path}`, 'w', WARMUP, CONCURRENCY) : undefined;
    if (warmup) console.log(`bench: ${name} warm-up ${WARMUP} requests: ${warmup.errors} errors, ${warmup.reqPerSec} req/s`);
    const cpuBefore = groupCpu(server.pid);
    const clientBefore = process.cpuUsage();
    const measured = await load(`${base}${t.path}`, 'm', REQUESTS, CONCURRENCY);
    measured.cpuMsPerRequest = cpuPerRequest(cpuBefore, groupCpu(server.pid), process.cpuUsage(clientBefore), REQUESTS);
    const cpu = measured.cpuMsPerRequest;
    const parts = Object.entries(cpu.byProcess)
      .filter(([, ms]) => ms >= 0.01)
      .map(([n, ms]) => `${n} ${ms}`)
      .join(', ');
    console.log(
      `bench: ${name} ${REQUESTS} requests: ${measured.reqPerSec} req/s, p50 ${measured.p50} ms, p95 ${measured.p95} ms; CPU ms per request: server ${cpu.server} (${parts}), client ${cpu.client}`,
    );
    // Lets the site's background first send (waitUntil) finish before the server is stopped.
    await sleep(1000);
    const reloads = readLog(log).slice(readyAt).split('Reloading local server').length - 1;
    if (reloads) console.log(`bench: ${name} reloaded ${reloads} times during the run (a watched file changed): its figures are not valid`);
    return { warmup, measured, reloads, loadavg1: [round(load1, 2), round(os.loadavg()[0], 2)] };
  } finally {
    await stop(server);
  }
}

async function count(name, created) {
  if (name === 'site') {
    const c = await d1(
      'site',
      "SELECT (SELECT COUNT(*) FROM applications) AS n, (SELECT COUNT(*) FROM outbox) AS outbox, (SELECT COUNT(*) FROM outbox WHERE status = 'sent') AS sent, (SELECT COUNT(*) FROM outbox WHERE status = 'pending') AS pending",
    );
    return {
      rows: c.n,
      lost: Math.max(0, created - c.n),
      outbox: c.outbox,
      outboxSent: c.sent,
      outboxPending: c.pending,
      outboxOk: c.outbox === 2 * c.n,
    };
  }
  const c = await d1('bare', 'SELECT COUNT(*) AS n FROM rows');
  return { rows: c.n, lost: Math.max(0, created - c.n), outboxOk: true };
}

// ---------------------------------------------------------------- main

const rounds = []; // one entry per target per round
try {
  if (ORDER.includes('site') && !opts.live && !opts['site-dir']) {
    console.log(`bench: copying the site to ${SNAPSHOT} (use --live to run the working tree)`);
    await snapshotSite(SNAPSHOT);
  }
  const catalogPath = ORDER.includes('site') ? path.join(SITE_DIR, 'dist/catalog.json') : 'dist/catalog.json';
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
  const catalog = JSON.parse(readFileSync(catalogPath, 'utf8'));
  const open = Object.entries(catalog.jobs ?? {}).find(([, j]) => j.applyOnline && j.opensOn <= today && today <= j.closesOn);
  if (!open) throw new Error(`no opening in ${catalogPath} takes online applications today (${today}, Asia/Tokyo)`);
  JOB_ID = open[0];
  console.log(
    `bench: ${REQUESTS} requests (+${WARMUP} warm-up) at ${CONCURRENCY} concurrent clients, ${ROUNDS} round(s), job ${JOB_ID}, ${os.cpus().length} CPUs, Node ${process.version}`,
  );
  for (let r = 0; r < ROUNDS; r++) {
    for (const name of r % 2 === 0 ? ORDER : [...ORDER].reverse()) {
      const { warmup, measured, reloads, loadavg1 } = await bench(name);
      const created = (warmup?.created ?? 0) + measured.created;
      rounds.push({
        target: name,
        round: r + 1,
        ...measured,
        warmup: warmup && { requests: warmup.requests, errors: warmup.errors, reqPerSec: warmup.reqPerSec },
        created201: created,
        ...(await count(name, created)),
        reloads,
        loadavg1,
      });
    }
  }
} catch (e) {
  await abort(e instanceof Error ? e.message : String(e), 1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const summary = {};
for (const name of ORDER) {
  const mine = rounds.filter((r) => r.target === name);
  summary[name] = {
    cpuMsPerRequest: median(mine.map((r) => r.cpuMsPerRequest.server)),
    reqPerSec: round(median(mine.map((r) => r.reqPerSec))),
    p50: median(mine.map((r) => r.p50)),
    p95: median(mine.map((r) => r.p95)),
  };
}
const errors = rounds.reduce((n, r) => n + r.errors + (r.warmup?.errors ?? 0), 0);
const lost = rounds.reduce((n, r) => n + r.lost, 0);
const reloads = rounds.reduce((n, r) => n + r.reloads, 0);
const mismatch = rounds.some((r) => r.rows !== r.created201 || !r.outboxOk);
const ratio = summary.site && summary.bare ? round(summary.site.reqPerSec / summary.bare.reqPerSec, 2) : null;
// The same comparison in server CPU per request: less sensitive to what else the machine runs meanwhile.
const cpuRatio = summary.site && summary.bare ? round(summary.bare.cpuMsPerRequest / summary.site.cpuMsPerRequest, 2) : null;

const columns = [
  'target',
  'round',
  'req/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'max ms',
  'cpu ms/req',
  'errors',
  '201s',
  'rows',
  'lost',
  'outbox',
  'load',
];
const table = rounds.map((r) => [
  r.target,
  r.round,
  r.reqPerSec.toFixed(1),
  r.p50,
  r.p95,
  r.p99,
  r.max,
  r.cpuMsPerRequest.server,
  r.errors + (r.warmup?.errors ?? 0),
  r.created201,
  r.rows,
  r.lost,
  r.target === 'site' ? `${r.outbox} (${r.outboxSent} sent, ${r.outboxPending} pending)` : '-',
  r.loadavg1.join('→'),
]);
const widths = columns.map((c, i) => Math.max(c.length, ...table.map((row) => String(row[i]).length)));
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
console.log(`\n${line(columns)}\n${line(widths.map((w) => '-'.repeat(w)))}\n${table.map(line).join('\n')}\n`);
for (const r of rounds) for (const s of r.errorSamples) console.log(`bench: ${r.target} round ${r.round} error sample: ${s}`);
if (mismatch) console.log('bench: stored rows differ from the 201 answers, or the outbox is not 2 × applications');
if (reloads) console.log(`bench: a server reloaded ${reloads} times mid-run: rerun without --live, or when nothing else edits or builds`);

mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/latest.json',
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version },
      options: {
        requests: REQUESTS,
        warmup: WARMUP,
        concurrency: CONCURRENCY,
        order: ORDER,
        rounds: ROUNDS,
        live: opts.live,
        siteDir: path.relative(root, SITE_DIR) || '.',
        job: JOB_ID,
      },
      summary,
      ratio,
      cpuRatio,
      errors,
      lost,
      reloads,
      mismatch,
      goal: { ratio: 0.5, met: ratio !== null && ratio >= 0.5 && errors === 0 && lost === 0 && !mismatch },
      rounds,
    },
    null,
    2,
  )}\n`,
);

if (cpuRatio !== null)
  console.log(
    `bench: server CPU per request: site ${summary.site.cpuMsPerRequest} ms, bare ${summary.bare.cpuMsPerRequest} ms (bare/site ${cpuRatio.toFixed(2)})`,
  );
const fmt = (name) => {
  const s = summary[name];
  return s ? `${name} ${s.reqPerSec.toFixed(1)} req/s p50 ${Math.round(s.p50)} ms p95 ${Math.round(s.p95)} ms` : `${name} not run`;
};
console.log(
  `bench: ${fmt('site')} | ${fmt('bare')} | ratio ${ratio === null ? '-' : ratio.toFixed(2)} | errors ${errors} | lost ${lost}${mismatch ? ' | MISMATCH' : ''}${reloads ? ` | RELOADED ${reloads}×` : ''}`,
);
process.exit(errors > 0 || lost > 0 || mismatch ? 1 : 0);
