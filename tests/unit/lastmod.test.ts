/**
 * The sitemap's lastmod per page (scripts/lastmod.mjs), on a small content tree committed at known times.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentLastmod } from '../../scripts/lastmod.mjs';

let root = '';
const write = (path: string, front: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), `---\n${front}\n---\n\n本文\n`);
};
const commit = (when: string) => {
  const env = { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  execFileSync('git', ['add', '-A'], { cwd: root });
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.jp', 'commit', '-qm', 'c'], { cwd: root, env });
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'lastmod-'));
  execFileSync('git', ['init', '-q'], { cwd: root });
  write('content/jobs/old.md', 'title: 古い募集\nopensOn: 2026-10-01\nclosesOn: 2026-10-30');
  write('content/jobs/open.md', 'title: 受付中\nopensOn: 2026-11-16\nclosesOn: 2026-12-21');
  write('content/jobs/_template.md', 'title: ひな形\nopensOn: 2026-11-20\nclosesOn: 2026-11-21');
  write('content/jobs/draft.md', 'title: 下書き\ndraft: true\nopensOn: 2026-11-23');
  write('content/glossary/teiji.md', 'term: 提示');
  commit('2026-11-01T10:00:00+09:00');
  write('content/stories/person.md', 'title: 職員の声');
  commit('2026-11-10T09:30:00+09:00');
  write('content/jobs/routed.md', 'title: 区分のある募集\nroute: ku-ninkitsuki\nopensOn: 2026-11-02\nclosesOn: 2027-01-22');
  commit('2026-11-11T09:00:00+09:00');
  mkdirSync(join(root, 'content/rules'), { recursive: true });
  writeFileSync(join(root, 'content/rules/2026.yaml'), 'fiscalYear: 2026\n');
  commit('2026-11-20T12:00:00+09:00');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the sitemap's lastmod", () => {
  /** The tree as the build of 2026-11-25 dates it (one git log and one read of the tree for the tests below). */
  let lastmod: (pathname: string) => Date | undefined;
  beforeAll(() => {
    lastmod = contentLastmod({ root, today: '2026-11-25' });
  });

  it('dates an opening by its last commit when its dates all came round before it', () => {
    expect(lastmod('/jobs/old/')?.toISOString()).toBe(new Date('2026-11-01T10:00:00+09:00').toISOString());
  });

  it('dates an opening by the day it opened when that is after its commit, and ignores dates still to come', () => {
    expect(lastmod('/jobs/open/')?.toISOString()).toBe(new Date('2026-11-16T00:00:00+09:00').toISOString());
  });

  it('dates an opening of a route by a later change of the rules it states pay and requirements from', () => {
    expect(lastmod('/jobs/routed/')?.toISOString()).toBe(new Date('2026-11-20T12:00:00+09:00').toISOString());
    expect(lastmod('/jobs/open/')?.toISOString()).toBe(new Date('2026-11-16T00:00:00+09:00').toISOString());
  });

  it('dates an entry without dates by its last commit', () => {
    expect(lastmod('/stories/person/')?.toISOString()).toBe(new Date('2026-11-10T09:30:00+09:00').toISOString());
  });

  it('dates every other page by the latest entry or rules change, leaving out templates and drafts', () => {
    const newest = new Date('2026-11-20T12:00:00+09:00').toISOString();
    expect(lastmod('/')?.toISOString()).toBe(newest);
    expect(lastmod('/jobs/')?.toISOString()).toBe(newest);
  });

  it('moves with the build day: the same tree built after the opening closes is dated the day after its closing', () => {
    const later = contentLastmod({ root, today: '2026-12-22' });
    expect(later('/jobs/open/')?.toISOString()).toBe(new Date('2026-12-22T00:00:00+09:00').toISOString());
  });
});
