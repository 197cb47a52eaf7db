/**
 * The processes a measuring script starts (servers, browsers, builds) each lead a process group of their own, so that
 * a whole tree can be signalled, and the script stops them on every way out: its end, a signal, an uncaught error or
 * its hard time limit. Shared by scripts/lighthouse.mjs, bench/applications.mjs and bench/build-scale.mjs.
 */
import { setTimeout as sleep } from 'node:timers/promises';

const groupAlive = (/** @type {number} */ pid) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

export const signalGroup = (/** @type {number} */ pid, /** @type {NodeJS.Signals} */ signal) => {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
};

/** SIGTERM to the group of `pid`, up to 5 s to go, then SIGKILL to whatever of it is left. */
export async function stopGroup(/** @type {number | undefined} */ pid) {
  if (!pid) return;
  signalGroup(pid, 'SIGTERM');
  for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
  signalGroup(pid, 'SIGKILL');
  for (let i = 0; i < 20 && groupAlive(pid); i++) await sleep(100);
}

/**
 * Stops the script cleanly on every way out. `stop` ends what it started before it exits with the code of the cause;
 * `kill` runs on any exit, synchronously (SIGKILL to what is left). Returns `abort(message, code)` for the script's own
 * failures.
 * @param {string} name the script's name, before each message
 * @param {{ hardTimeoutMs: number, stop: () => void | Promise<void>, kill: () => void }} options
 */
export function stopOnEveryExit(name, { hardTimeoutMs, stop, kill }) {
  let stopping = false;
  /** @param {string} message @param {number} code */
  const abort = async (message, code) => {
    if (stopping) return;
    stopping = true;
    console.error(`${name}: ${message}; stopping`);
    await stop();
    process.exit(code);
  };
  const detail = (/** @type {unknown} */ e) => (e instanceof Error ? e.stack : String(e));
  process.on('exit', kill);
  process.on('SIGINT', () => abort('interrupted', 130));
  process.on('SIGTERM', () => abort('terminated', 143));
  process.on('SIGHUP', () => abort('hung up', 129));
  process.on('uncaughtException', (e) => abort(`error: ${detail(e)}`, 1));
  process.on('unhandledRejection', (e) => abort(`error: ${detail(e)}`, 1));
  setTimeout(() => abort(`hard timeout of ${hardTimeoutMs / 60_000} min reached`, 2), hardTimeoutMs).unref();
  return abort;
}
