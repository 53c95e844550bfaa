// Plain values the zod schemas, the browser and the alert scan share. This module imports
// nothing: the calendar's first bundle takes them from here, so it does not load zod (about
// 25 KB gzip) for a few constants, nor does the scan's process; the schema modules re-export
// them.

/** What every money field says to an amount below zero, on the API and in the forms. */
export const NOT_NEGATIVE_MESSAGE = 'Must not be negative';

/** The workspace lead times until a workspace sets its own. */
export const DEFAULT_LEAD_TIMES = {
  draftDueSoonHours: 48,
  publishDueSoonHours: 24,
  invoiceDueSoonDays: 3,
  usageRightsEndingDays: 14,
  reportDueDays: 7,
} as const;

/** The largest total an invoice may come to: sums stay exact in a JavaScript number. */
export const MAX_INVOICE_TOTAL_CENTS = Number.MAX_SAFE_INTEGER;

export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 50;

/** Whether `Intl` knows the IANA time zone `value` (e.g. Europe/Berlin). */
export function isValidTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
