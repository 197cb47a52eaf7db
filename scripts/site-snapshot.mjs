/**
 * A frozen copy of what the site's Worker serves and runs (dist/, the Worker's sources, migrations and the serve
 * script), for measurements that must not see a build running elsewhere: scripts/lighthouse.mjs and
 * bench/applications.mjs. Run from the project's root; the copy goes inside the project, so that its imports resolve
 * to the project's node_modules.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const PARTS = ['dist', 'functions', 'src', 'migrations', 'wrangler.jsonc', 'package.json', 'tsconfig.json', 'scripts/serve.sh'];

/** Newest modification time and file count under a folder: equal before and after a copy means no build ran meanwhile. */
function stamp(/** @type {string} */ dir) {
  let newest = 0;
  let files = 0;
  try {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      files++;
      newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  } catch {
    return { newest: Date.now(), files: -1 }; // a build is removing files right now
  }
  return { newest, files };
}

/**
 * Copies the site into `target` once no build has written dist/ for 3 s, all of `ready` exist (a build first empties
 * dist/, so a missing file means one is running) and nothing changed during the copy. Waits 80 s at the most.
 * @param {string} target
 * @param {{ ready?: string[] }} [options]
 */
export async function snapshotSite(target, { ready = ['dist/catalog.json'] } = {}) {
  for (let attempt = 0; attempt < 40; attempt++) {
    const before = ready.every((p) => existsSync(p)) ? stamp('dist') : undefined;
    if (!before || Date.now() - before.newest < 3000) {
      await sleep(2000);
      continue;
    }
    rmSync(target, { recursive: true, force: true });
    mkdirSync(path.join(target, 'scripts'), { recursive: true });
    for (const p of PARTS) if (existsSync(p)) cpSync(p, path.join(target, p), { recursive: true });
    const after = stamp('dist');
    if (after.newest === before.newest && after.files === before.files) return;
    await sleep(2000);
  }
  throw new Error('dist/ kept changing (a build running elsewhere?) for 80 s; no stable copy to measure');
}
