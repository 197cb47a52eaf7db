/**
 * A change goes live only if the site builds with it (scripts/publish-gate.mjs, the local form of the production
 * rule of docs/decisions/0014): a change branch the build refuses leaves main and the deployed folder as they were and
 * says what to fix; the next, valid change branch still goes live. Runs on a temporary copy of the project with its
 * own git repository; the working copy is never touched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TODAY } from '../clock';
import { bin, copyProject } from '../e2e/support/project-copy';

const who = {
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.jp',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.jp',
};
const env = { ...process.env, ...who, BUILD_TODAY: TEST_TODAY, PATH: `${bin}:${process.env['PATH'] ?? ''}` };
const JOB = 'content/jobs/ict-dx-ninkitsuki-madoguchi-2027.md';
const PAGE = 'dist/jobs/ict-dx-ninkitsuki-madoguchi-2027/index.html';

let dir = '';
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim();
const gate = (branch: string) =>
  spawnSync(join(bin, 'node'), ['scripts/publish-gate.mjs', '--branch', branch], { cwd: dir, env, encoding: 'utf8' });
/** A branch from main with one file changed, as the editor's editorial workflow makes one per entry. */
function changeBranch(name: string, file: string, change: (text: string) => string) {
  git('switch', '--quiet', '-c', name, 'main');
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  git('commit', '--quiet', '-am', `${file} を更新`);
  git('switch', '--quiet', 'main');
}

describe('a change goes live only if the site builds with it', () => {
  beforeAll(() => {
    // The copy starts deployed: its dist/ is the working copy's build.
    dir = copyProject('nerima-publish-gate-', { dist: true });
    git('init', '--quiet', '--initial-branch=main');
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\ndist/\n.astro/\n');
    git('add', '.');
    git('commit', '--quiet', '-m', 'start');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a change the build refuses, saying what to fix, and then publishes the next valid one', { timeout: 240_000 }, () => {
    // A session id another file already uses: only a check across files sees it.
    const events = readdirSync(join(dir, 'content/events')).filter((f) => !f.startsWith('_'));
    const eventFile = `content/events/${events[0]}`;
    const taken = /\n\s+- id: ([a-z0-9-]+)/.exec(readFileSync(join(dir, eventFile), 'utf8'))?.[1];
    const internship = `content/internships/${readdirSync(join(dir, 'content/internships')).find((f) => !f.startsWith('_'))}`;
    if (!taken) throw new Error(`no session id in ${eventFile}`);
    changeBranch('cms/internships/bad', internship, (t) => t.replace(/(\n\s+- id: )[a-z0-9-]+/, `$1${taken}`));
    changeBranch('cms/jobs/deadline', JOB, (t) => t.replace('closesOn: 2027-01-22\n', 'closesOn: 2027-01-29\n'));
    const main = git('rev-parse', 'main');
    const live = readFileSync(join(dir, PAGE), 'utf8');
    expect(live).toContain('2027年1月22日');

    const refused = gate('cms/internships/bad');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('公開しませんでした');
    // The build's own message: both files, the field and the id.
    // (Either file may be named first: the collections load in either order.)
    const line = refused.stderr.split('\n').find((l) => l.includes(`sessions.id「${taken}」`));
    expect(line).toContain('でも使われています');
    expect(line).toContain(eventFile);
    expect(line).toContain(internship);
    expect(git('rev-parse', 'main')).toBe(main);
    expect(readFileSync(join(dir, PAGE), 'utf8')).toBe(live);
    expect(git('status', '--porcelain')).toBe('');

    const published = gate('cms/jobs/deadline');
    expect(published.stderr).toBe('');
    expect(published.status).toBe(0);
    expect(git('rev-parse', 'main')).not.toBe(main);
    expect(readFileSync(join(dir, JOB), 'utf8')).toContain('closesOn: 2027-01-29\n');
    const after = readFileSync(join(dir, PAGE), 'utf8');
    expect(after).toContain('2027年1月29日');
    expect(after).not.toContain('2027年1月22日');
    // The refused change is still there for its author to fix, and did not come along.
    expect(git('branch', '--list', 'cms/internships/bad')).not.toBe('');
    expect(readFileSync(join(dir, internship), 'utf8')).not.toContain(`- id: ${taken}\n`);
  });
});
