// Runs in Node before the Worker tests: the fake Resend server they send to.
import { startFakeResend } from '../fixtures/fake-resend';

export const FAKE_RESEND_PORT = 8797;

export default async function setup() {
  const server = await startFakeResend(FAKE_RESEND_PORT);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
