// Runs in Node before the Worker tests: the fake Resend server they send to.
import { startFakeResend } from '../fixtures/fake-resend';

export default async function setup() {
  // Chosen in vitest.config.ts, which also hands it to the Worker as RESEND_BASE_URL.
  const server = await startFakeResend(Number(process.env['FAKE_RESEND_PORT']));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
