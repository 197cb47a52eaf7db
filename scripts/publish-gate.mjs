#!/usr/bin/env node
/**
 * Publishes one change branch only if the site builds with it: the local form of the production rule "a change goes
 * live only after the build passes on it" (docs/decisions/0014-changes-go-live-only-when-they-build.md; in production
 * GitHub's required check does this for each pull request the editor opens).
 *
 *   PATH=$PWD/node_modules/.bin:$PATH node scripts/publish-gate.mjs --branch cms/jobs/jimu-keiken-2027 [--main main] [--deploy dist]
 *
 * In a temporary worktree: main, with the branch merged into it (the tree that would go live), is built. If the build
 * fails, nothing changes: main, the working copy and the deployed folder stay as they were, and the build's own
 * message (file, field, what to write) is printed; the branch stays for its author to fix, and other branches can
 * still be published. If it builds, main moves to the merge and the build replaces the deployed folder in one rename.
 * Exit status: 0 published, 1 refused by the build, 2 anything else (usage, git).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { problemsIn } from './build-problems.mjs';

const { values: opts } = parseArgs({
  options: { branch: { type: 'string' }, main: { type: 'string', default: 'main' }, deploy: { type: 'string', default: 'dist' } },
});
const root = process.cwd();
const bin = join(root, 'node_modules', '.bin');
const git = (args, cwd = root) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const fail = (code, message) => {
  console.error(message);
  process.exit(code);
};

if (!opts.branch) fail(2, '使い方：node scripts/publish-gate.mjs --branch <公開する変更のブランチ> [--main main] [--deploy dist]');
const branch = opts.branch;
const main = opts.main;
const deploy = resolve(root, opts.deploy);
for (const ref of [branch, main])
  if (spawnSync('git', ['rev-parse', '--verify', '--quiet', `refs/heads/${ref}`], { cwd: root }).status !== 0)
    fail(2, `ブランチ「${ref}」がありません。`);

/** Stops the publication with an exit status and a message, after the temporary worktree is removed. */
class Stop extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const before = git(['rev-parse', main]);
const work = mkdtempSync(join(tmpdir(), 'publish-gate-'));
let stopped;
try {
  git(['worktree', 'add', '--detach', work, main]);
  const merged = spawnSync('git', ['merge', '--no-ff', '--no-edit', '-m', `公開：${branch}`, branch], { cwd: work, encoding: 'utf8' });
  if (merged.status !== 0) {
    throw new Stop(
      1,
      `「${branch}」は、公開中の内容と同じ箇所を変えているため、自動でまとめられません。最新の内容から変更し直してください。\n${merged.stdout}`,
    );
  }
  // The worktree's own node_modules links each package (its build caches stay apart from the working copy's).
  mkdirSync(join(work, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules')))
    if (!['.astro', '.vite', '.cache'].includes(name)) symlinkSync(join(root, 'node_modules', name), join(work, 'node_modules', name));

  const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1' };
  const build = spawnSync(join(bin, 'astro'), ['build'], { cwd: work, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const search =
    build.status === 0 ? spawnSync(join(bin, 'node'), ['scripts/build-search.mjs'], { cwd: work, env, encoding: 'utf8' }) : undefined;
  if (build.status !== 0 || (search && search.status !== 0)) {
    const output = `${build.stdout}\n${build.stderr}\n${search?.stderr ?? ''}`;
    throw new Stop(1, `「${branch}」はサイトを作れないため、公開しませんでした（公開中のサイトはそのままです）。\n${problemsIn(output)}`);
  }

  // Live: main moves to the merge only if nobody moved it meanwhile, then the deployed folder is replaced at once.
  const after = git(['rev-parse', 'HEAD'], work);
  const checkedOut = git(['rev-parse', '--abbrev-ref', 'HEAD']) === main;
  if (checkedOut) git(['merge', '--ff-only', '--quiet', after]);
  else git(['update-ref', `refs/heads/${main}`, after, before]);
  const next = `${deploy}.next`;
  const old = `${deploy}.old`;
  rmSync(next, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
  mkdirSync(dirname(deploy), { recursive: true });
  cpSync(join(work, 'dist'), next, { recursive: true });
  if (existsSync(deploy)) renameSync(deploy, old);
  renameSync(next, deploy);
  rmSync(old, { recursive: true, force: true });
  console.log(`「${branch}」を公開しました（${main}：${before.slice(0, 7)} → ${after.slice(0, 7)}）。`);
} catch (error) {
  stopped = error instanceof Stop ? error : new Stop(2, String(error?.stderr || error));
} finally {
  spawnSync('git', ['worktree', 'remove', '--force', work], { cwd: root });
  rmSync(work, { recursive: true, force: true });
  spawnSync('git', ['worktree', 'prune'], { cwd: root });
}
if (stopped) fail(stopped.code, stopped.message);
