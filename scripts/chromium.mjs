/**
 * Debian's Chromium as every browser run of the project starts it (Playwright's e2e tests, the Lighthouse gate):
 * Playwright's own browser download does not work on these machines. Loopback only, nothing fetched in the background.
 */
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
