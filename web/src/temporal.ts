import type { Temporal as TemporalApi } from 'temporal-polyfill';

/**
 * The web app's Temporal, imported as `#temporal` (package.json "imports"; the server and the
 * tests, on Node 20 without Temporal, get the polyfill there instead): the browser's own
 * where it has one, as current Chrome and Firefox do. Nothing reads it before main.tsx has
 * awaited `loadTemporal()`, so a browser without one gets the polyfill in time. Its classes
 * would otherwise load with every first page (what FullCalendar takes from the polyfill, its
 * `fns`, still does).
 */
// Reassigned once, by loadTemporal; importers see the new value (an ES module live binding).
export let Temporal = (globalThis as { Temporal?: typeof TemporalApi })
  .Temporal as typeof TemporalApi;

/** Loads the polyfill into `Temporal` when the browser has none; call before first render. */
export async function loadTemporal(): Promise<void> {
  if (!Temporal) Temporal = (await import('temporal-polyfill')).Temporal;
}
