/**
 * The Worker's "now". Production reads the real clock. The test suites set CLOCK_TODAY (a calendar day; only in
 * vitest.config.ts and for the end-to-end server, never in wrangler.jsonc or production): the clock then reads that
 * day in Japan at the real time of day, so tests that depend on the sample content's dates pass in any year, and the
 * tests' own clock (tests/clock.ts), shifted the same whole number of days, agrees with it to the millisecond.
 */
import { daysBetween, todayInTokyo } from '../../src/lib/dates';

export function shiftedTo(day: string | undefined, real = new Date()): Date {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return real;
  return new Date(real.getTime() + daysBetween(todayInTokyo(real), day) * 86_400_000);
}

export const now = (env: { CLOCK_TODAY?: string | undefined }): Date => shiftedTo(env.CLOCK_TODAY);
