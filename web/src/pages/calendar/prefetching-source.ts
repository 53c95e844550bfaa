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
  /** The reads of the calendar's other sources, which prefetches wait for (see `rangeReads`). */
  reads?: RangeReads;
}

/** Range reads in flight, shared by a calendar's sources. */
export interface RangeReads {
  start(): void;
  end(): void;
  /** Runs `run` once no read is in flight (at once when none is). */
  whenNoneInFlight(run: () => void): void;
}

/**
 * The range reads of a calendar's sources. FullCalendar draws a range once every source
 * answered; a source that answered first waits with its prefetches until the others have,
 * so the neighbours' reads do not hold up the read still missing (on the server) nor the
 * drawing (on this machine's cores).
 */
export function rangeReads(): RangeReads {
  let inFlight = 0;
  let waiting: (() => void)[] = [];
  return {
    start: () => void (inFlight += 1),
    end: () => {
      inFlight -= 1;
      if (inFlight > 0) return;
      const runs = waiting;
      waiting = [];
      for (const run of runs) run();
    },
    whenNoneInFlight: (run) => {
      if (inFlight === 0) run();
      else waiting.push(run);
    },
  };
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
  { timeZone, generation, onError, reads = rangeReads() }: PrefetchingOptions,
): SourceEvents {
  const prefetched = new Map<string, Prefetched>();
  const isUsable = (entry: Prefetched | undefined): entry is Prefetched =>
    entry !== undefined &&
    entry.generation === generation() &&
    Date.now() - entry.at < PREFETCH_FRESH_MS;

  const prefetchAround = (range: CalendarRange) =>
    reads.whenNoneInFlight(() =>
      whenIdle(() => {
        for (const [key, entry] of prefetched) if (!isUsable(entry)) prefetched.delete(key);
        for (const next of neighbourRanges(range, timeZone)) {
          if (prefetched.has(keyOf(next))) continue;
          const entry: Prefetched = {
            events: load(next),
            at: Date.now(),
            generation: generation(),
          };
          entry.events.then(
            (events) => (entry.loaded = events),
            () => prefetched.delete(keyOf(next)),
          );
          prefetched.set(keyOf(next), entry);
        }
      }),
    );

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
    reads.start();
    events.then(
      (loaded) => {
        success(loaded);
        prefetchAround(range);
        reads.end();
      },
      (error: unknown) => {
        reads.end();
        onError(error);
        failure(error instanceof Error ? error : new Error(String(error)));
      },
    );
  };
}
