import { createServer } from 'node:net';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { TEST_TODAY } from './tests/clock';

/** A free port on 127.0.0.1 for the fake Resend server, so parallel runs never collide. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
process.env['FAKE_RESEND_PORT'] ??= String(await freePort());
const fakeResend = `http://127.0.0.1:${process.env['FAKE_RESEND_PORT']}`;

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        // The real Worker in workerd with a real local D1 and R2 (dist/ must be built first).
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.jsonc' },
            miniflare: {
              // The rate limit has a test of its own (rate-limit.test.ts); elsewhere it would stop the suites.
              // Mail goes to the fake Resend server that global-setup.ts starts on 127.0.0.1.
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations('./migrations'),
                RATE_LIMIT: 'off',
                // The Worker's clock reads the suites' one day (tests/clock.ts), whatever the machine's date.
                CLOCK_TODAY: TEST_TODAY,
                RESEND_API_KEY: 're_test_fake',
                RESEND_BASE_URL: fakeResend,
                RESEND_TIMEOUT_MS: '1000',
                STAFF_USER: 'staff',
                STAFF_PASSWORD: 'correct horse battery staple',
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['tests/worker/**/*.test.ts'],
          setupFiles: ['./tests/worker/apply-migrations.ts'],
          globalSetup: ['./tests/worker/global-setup.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
