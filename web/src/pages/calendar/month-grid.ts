/** The month grid's shape, shared by the calendar page and the web bench's floor page. */

/**
 * Events shown in a month cell before "+N more". A number, not `true`: fitting events to
 * the cell's height makes FullCalendar lay out every event to measure it (1–2 s for a month
 * of 1,000; about 0.25 s this way).
 */
export const DAY_MAX_EVENTS = 3;

/**
 * The month grid's height in a window `viewportHeight` pixels tall: the page's header and
 * filters take 190 above it; never under 560.
 */
export const gridHeightFor = (viewportHeight: number): number =>
  Math.max(560, viewportHeight - 190);
