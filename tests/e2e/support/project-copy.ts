/**
 * A temporary copy of the project, for tests that change content and rebuild: the working copy (and the e2e
 * server that serves its dist/) stays untouched. node_modules is linked package by package, so the copy's
 * build writes its caches (.astro, .vite) into a node_modules of its own.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const root = resolve(import.meta.dirname, '../../..');
export const bin = join(root, 'node_modules', '.bin');

/** Top-level entries of the project that the copy does without (node_modules is linked apart). */
const SKIP = new Set([
  'node_modules',
  'dist',
  '.git',
  '.astro',
  '.wrangler',
  '.tmp',
  'reports',
  'test-results',
  'playwright-report',
  '.vitest',
]);

/**
 * Copies the project into a new folder under the system's temporary folder, named `<prefix>…`, and returns it.
 * With `dist`, the working copy's build comes along too (when there is one), saving a first build.
 */
export function copyProject(prefix: string, options: { dist?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const name of readdirSync(root)) if (!SKIP.has(name)) cpSync(join(root, name), join(dir, name), { recursive: true });
  if (options.dist && existsSync(join(root, 'dist'))) cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules')))
    if (!['.astro', '.vite', '.cache'].includes(name)) symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  return dir;
}

/** The environment for the project's tools: its own binaries first, no telemetry, plus `extra`. */
export const toolEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  PATH: `${bin}:${process.env['PATH'] ?? ''}`,
  ASTRO_TELEMETRY_DISABLED: '1',
  ...extra,
});

/** `astro build` in the copy (the search index is not built: no test of a copy needs it). */
export async function build(dir: string, extraEnv: Record<string, string> = {}): Promise<void> {
  await promisify(execFile)(join(bin, 'astro'), ['build'], { cwd: dir, env: toolEnv(extraEnv), maxBuffer: 64 * 1024 * 1024 });
}
