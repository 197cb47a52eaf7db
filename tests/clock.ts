/**
 * The one "today" of the test suites (decision 0010): the build's (BUILD_TODAY), the Worker's (CLOCK_TODAY), the
 * browser's and the tests' own clock all read this calendar day in Japan, at the real time of day, whatever the
 * machine's date, so the sample openings and sessions are as open, closed or upcoming as the tests expect in any year.
 * A day on which the sample content has open, closed and upcoming openings and open sessions of every size tests use.
 */
import { shiftedTo } from '../functions/lib/clock';

/** Also read by scripts/test-all.mjs for the build (BUILD_TODAY): keep it a plain quoted date on one line. */
export const TEST_TODAY = '2026-12-07';

/** The tests' clock: TEST_TODAY at the real time of day (the same shift as the Worker's, so both agree). */
export const testNow = (): Date => shiftedTo(TEST_TODAY);
