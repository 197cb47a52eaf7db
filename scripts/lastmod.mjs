/**
 * The sitemap's lastmod, page by page: when what the page says last changed, so that a crawler can trust it (a
 * lastmod that is always the build time tells it nothing).
 *
 * - A page of one entry (/jobs/<slug>/, /internships/<slug>/, /events/<slug>/, /stories/<slug>/) changes when its
 *   file is committed, and when a date that changes what it says comes round, at midnight in Japan and not after the
 *   build's day: an opening opens on its opensOn and closes the day after its closesOn; a session's sign-ups close
 *   the day after its registrationClosesOn. An opening of a route also states pay and requirements from the rules
 *   (content/rules/*.yaml), so a commit there changes it too.
 * - Every other page (home, lists, checkers, plain-words pages) lists or sums up entries or the rules: the latest of all.
 *
 * Commit times come from one `git log`; outside a git checkout, from the files' modification times. A shallow clone
 * (a CI that fetches depth 1) knows only its last commit, so every file dates from it: build from a full clone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ONE_ENTRY = ['jobs', 'internships', 'events', 'stories'];
const DAY_MS = 86_400_000;

/** @param {string} root @returns {Map<string, Date>} newest commit per path (relative to root) */
function commitTimes(root) {
  /** @type {Map<string, Date>} */
  const times = new Map();
  try {
    const log = execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--', 'content'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    /** @type {Date | undefined} */
    let current;
    for (const line of log.split('\n')) {
      if (line.startsWith('\0')) current = new Date(line.slice(1));
      else if (line && current && !times.has(line)) times.set(line, current); // newest first: keep the first seen
    }
  } catch {
    // Not a git checkout (an exported tree): the files' own times below.
  }
  return times;
}

/**
 * @param {{ root: string, today: string }} options today: the build's day in Japan, YYYY-MM-DD
 * @returns {(pathname: string) => Date | undefined}
 */
export function contentLastmod({ root, today }) {
  const commits = commitTimes(root);
  /** @param {string} file */
  const commitOf = (file) => commits.get(relative(root, file).split('\\').join('/')) ?? statSync(file).mtime;
  const endOfToday = new Date(`${today}T23:59:59+09:00`);
  const rulesDir = join(root, 'content', 'rules');
  /** @type {Date | undefined} */
  let rulesChanged;
  for (const name of existsSync(rulesDir) ? readdirSync(rulesDir).filter((n) => n.endsWith('.yaml')) : []) {
    const at = commitOf(join(rulesDir, name));
    if (!rulesChanged || at > rulesChanged) rulesChanged = at;
  }
  /** @type {Map<string, Date>} */
  const byPage = new Map();
  /** @type {Date | undefined} */
  let newest = rulesChanged; // the checker pages state the rules
  for (const collection of readdirSync(join(root, 'content'))) {
    const dir = join(root, 'content', collection);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.md') || name.startsWith('_')) continue;
      const file = join(dir, name);
      const text = readFileSync(file, 'utf8');
      if (/^draft: *true\b/m.test(text)) continue;
      const front = text.split(/^---$/m)[1] ?? '';
      let when = commitOf(file);
      if (collection === 'jobs' && /^route: *\S/m.test(front) && rulesChanged && rulesChanged > when) when = rulesChanged;
      for (const [, field, day] of front.matchAll(/^\s*(?:- )?(opensOn|closesOn|registrationClosesOn): *(\d{4}-\d{2}-\d{2})\b/gm)) {
        const midnight = new Date(`${day}T00:00:00+09:00`);
        const change = field === 'opensOn' ? midnight : new Date(midnight.getTime() + DAY_MS);
        if (change <= endOfToday && change > when) when = change;
      }
      if (when > endOfToday) when = endOfToday;
      if (ONE_ENTRY.includes(collection)) byPage.set(`/${collection}/${name.replace(/\.md$/, '')}/`, when);
      if (!newest || when > newest) newest = when;
    }
  }
  return (pathname) => byPage.get(pathname) ?? newest;
}
