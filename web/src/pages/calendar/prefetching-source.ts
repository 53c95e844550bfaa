import type { EventInput, EventSourceFuncInfo } from '@fullcalendar/react';
import { neighbourRanges, type CalendarRange } from './neighbour-ranges';

/** How long a prefetched range may stand in for a fresh read: the app's usual freshness. */
const PREFETCH_FRESH_MS = 30_000;

interface Prefetched {
  events: Promise<EventInput[]>;
  /** The events once they arrived: handed over in the same render as the switch itself. */
  loaded?: EventInput[];
  at: number;
  /** The sources' generation when it was asked for: a write since makes it stale. */
  generation: number;
}

/** Reads one range of a source's events (already shaped for FullCalendar). */
export type RangeLoad = (range: CalendarRange) => Promise<EventInput[]>;

/** FullCalendar's function event source, in its callback form (a hit answers synchronously). */
export type SourceEvents = (
  info: EventSourceFuncInfo,
  success: (events: EventInput[]) => void,
  failure: (error: Error) => void,
) => void;

export interface PrefetchingOptions {
  timeZone: string;
  /** The current generation; prefetches from an earlier one are not used. */
  generation: () => number;
  onError: (error: unknown) => void;
}

/** In the browser's idle time (Safari has no `requestIdleCallback`: soon after). */
function whenIdle(run: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run);
  else window.setTimeout(run, 200);
}

const keyOf = (range: CalendarRange) => `${range.start.toISOString()}/${range.end.toISOString()}`;

/**
 * An event source that, once a range has loaded, asks in idle time for the ranges Previous
 * and Next will show, so a switch finds its events already there and FullCalendar draws the
 * new month once, with them, instead of an empty grid and then the events a render later.
 * A prefetched range is used once, while fresh and only in the generation it was asked in;
 * otherwise the range is read again. A failed load calls `onError`; a failed prefetch is
 * only a miss.
 */
export function prefetchingSource(
  load: RangeLoad,
  { timeZone, generation, onError }: PrefetchingOptions,
): SourceEvents {
  const prefetched = new Map<string, Prefetched>();
  const isUsable = (entry: Prefetched | undefined): entry is Prefetched =>
    entry !== undefined &&
    entry.generation === generation() &&
    Date.now() - entry.at < PREFETCH_FRESH_MS;

  const prefetchAround = (range: CalendarRange) =>
    whenIdle(() => {
      for (const [key, entry] of prefetched) if (!isUsable(entry)) prefetched.delete(key);
      for (const next of neighbourRanges(range, timeZone)) {
        if (prefetched.has(keyOf(next))) continue;
        const entry: Prefetched = { events: load(next), at: Date.now(), generation: generation() };
        entry.events.then(
          (events) => (entry.loaded = events),
          () => prefetched.delete(keyOf(next)),
        );
        prefetched.set(keyOf(next), entry);
      }
    });

  return (info, success, failure) => {
    const range = { start: info.start, end: info.end };
    const entry = prefetched.get(keyOf(range));
    prefetched.delete(keyOf(range));
    if (isUsable(entry) && entry.loaded) {
      success(entry.loaded);
      prefetchAround(range);
      return;
    }
    const events = isUsable(entry) ? entry.events.catch(() => load(range)) : load(range);
    events.then(
      (loaded) => {
        success(loaded);
        prefetchAround(range);
      },
      (error: unknown) => {
        onError(error);
        failure(error instanceof Error ? error : new Error(String(error)));
      },
    );
  };
}
