import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { TEST_TODAY } from './tests/clock';

/** A port unlikely to be taken, so tests never meet a developer's own `npm start`. */
export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 8791);
const baseURL = `http://127.0.0.1:${E2E_PORT}`;
/** The local D1 and R2 of the test server; tests that read the outbox use it too. */
export const E2E_STATE = `.tmp/e2e-state-${E2E_PORT}`;
/** The local staff login the test server is started with (never used outside tests). */
export const E2E_STAFF = { username: 'staff', password: 'e2e-only-password' };

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  // In CI (.ci/run sets CI), a test that fails once is run once more and, if it then passes, is reported as flaky
  // (scripts/test-all.mjs prints the count) rather than failing the run; `.only` left in a test fails it instead.
  retries: process.env['CI'] ? 1 : 0,
  forbidOnly: Boolean(process.env['CI']),
  timeout: 30_000,
  reporter: [['list'], ['json']],
  use: {
    baseURL,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The real Worker and assets, with a database of their own that each run starts afresh.
    command: `rm -rf ${E2E_STATE} && PERSIST_TO=${E2E_STATE} PORT=${E2E_PORT} WRANGLER_DEV_ARGS='--var STAFF_USER:${E2E_STAFF.username} --var STAFF_PASSWORD:${E2E_STAFF.password} --var CLOCK_TODAY:${TEST_TODAY}' bash scripts/serve.sh`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
