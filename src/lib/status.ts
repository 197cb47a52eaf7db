import type { CalendarDate } from './dates';

/** Where an application window or registration period stands on a given day. Derived, never stored. */
export type Status = 'upcoming' | 'open' | 'closed';

export interface Window {
  opensOn: CalendarDate;
  /** Inclusive. */
  closesOn: CalendarDate;
}

/** ISO calendar dates compare correctly as strings. */
export function statusOn(window: Window, today: CalendarDate): Status {
  if (today < window.opensOn) return 'upcoming';
  if (today > window.closesOn) return 'closed';
  return 'open';
}

export function isOpenOn(window: Window, today: CalendarDate): boolean {
  return statusOn(window, today) === 'open';
}
