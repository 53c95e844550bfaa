import type {
  CalendarRef,
  EventDropInfo,
  EventInput,
  EventSourceFuncInfo,
} from '@fullcalendar/react';
import { useCallback, useMemo, type RefObject } from 'react';
import type { Brand } from '../../../../shared/schemas/brand';
import type { CalendarDeliverable } from '../../../../shared/schemas/deliverable';
import { errorMessage, isApiError, writeCount } from '../../api';
import { isAtRisk } from '../../../../shared/risk';
import { DEFAULT_LEAD_TIMES } from '../../../../shared/constants';
import type { LeadTimes } from '../../../../shared/schemas/settings';
import { eventsOf, invoiceEventOf, metaOf, type EventMeta } from '../../components/calendar-event';
import { useToast } from '../../components/toast';
import { formatInstant } from '../../format';
import { fetchCalendar, useMoveDeliverable } from '../../resources/deliverables';
import { fetchInvoicesDue } from '../../resources/invoices';
import { dayOf } from '../../time';
import type { Filters } from './calendar-filters';
import { neighbourRanges, type CalendarRange } from './neighbour-ranges';

// Drafts are planned money, sent ones owed, paid ones done; void invoices owe nothing.
const CALENDAR_INVOICE_STATUSES = 'draft,sent,paid';

/** How long a prefetched range may stand in for a fresh read: the app's usual freshness. */
const PREFETCH_FRESH_MS = 30_000;

interface Prefetched {
  events: Promise<EventInput[]>;
  /** The events once they arrived: handed over in the same render as the switch itself. */
  loaded?: EventInput[];
  at: number;
  /** `writeCount()` when it was asked for: a write since makes it stale. */
  writes: number;
}

type Load = (range: CalendarRange) => Promise<EventInput[]>;

/** In the browser's idle time (Safari has no `requestIdleCallback`: soon after). */
function whenIdle(run: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run);
  else window.setTimeout(run, 200);
}

/**
 * An event source that, once a range has loaded, asks for the ranges Previous and Next will
 * show, so a switch of month or week finds its events already there. A prefetched range is
 * used once, while fresh and only if this page sent no write since; otherwise it is asked
 * again. A failed load says so in a toast.
 */
function prefetchingSource(
  name: string,
  load: Load,
  timeZone: string,
  onError: (error: unknown) => void,
) {
  const prefetched = new Map<string, Prefetched>();
  const keyOf = (range: CalendarRange) => `${range.start.toISOString()}/${range.end.toISOString()}`;
  const isUsable = (entry: Prefetched | undefined): entry is Prefetched =>
    entry !== undefined &&
    entry.writes === writeCount() &&
    Date.now() - entry.at < PREFETCH_FRESH_MS;

  const prefetchAround = (range: CalendarRange) =>
    whenIdle(() => {
      for (const [key, entry] of prefetched) if (!isUsable(entry)) prefetched.delete(key);
      for (const next of neighbourRanges(range, timeZone)) {
        if (prefetched.has(keyOf(next))) continue;
        const entry: Prefetched = { events: load(next), at: Date.now(), writes: writeCount() };
        // A failed prefetch is only a miss: the range is asked again when shown.
        entry.events.then(
          (events) => (entry.loaded = events),
          () => {},
        );
        prefetched.set(keyOf(next), entry);
      }
    });

  return {
    id: name,
    events: (
      info: EventSourceFuncInfo,
      success: (events: EventInput[]) => void,
      failure: (error: Error) => void,
    ): void => {
      const range = { start: info.start, end: info.end };
      const entry = prefetched.get(keyOf(range));
      prefetched.delete(keyOf(range));
      // Events already here are handed over at once: FullCalendar then draws the new range
      // with them in one render, not an empty grid first and the events a render later.
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
    },
  };
}

/**
 * The calendar's event sources for the filters: deliverables, and invoice due days when
 * shown; each prefetches the neighbouring ranges.
 */
export function useEventSources(
  filters: Filters,
  brands: Brand[] | undefined,
  showInvoices: boolean,
  timeZone: string,
  leadTimes: LeadTimes | undefined,
) {
  const toast = useToast();
  // The same object while the values are: the settings' first read, when it says what the
  // defaults say, must not make new sources (FullCalendar would load and draw the range again).
  const leadKey = JSON.stringify(leadTimes ?? DEFAULT_LEAD_TIMES);
  const lead = useMemo(() => JSON.parse(leadKey) as LeadTimes, [leadKey]);
  const brandById = useMemo(() => new Map((brands ?? []).map((b) => [b.id, b])), [brands]);

  const deliverables = useMemo(
    () =>
      prefetchingSource(
        'deliverables',
        async (range) => {
          const items = await fetchCalendar({
            from: range.start.toISOString(),
            to: range.end.toISOString(),
            ...filters,
          });
          // Risk is judged as the range loads: each navigation or change reloads it.
          const clock = { now: new Date(), leadTimes: lead };
          const events = items.flatMap((d) => eventsOf(d, brandById.get(d.brandId), clock));
          if (!filters.atRisk) return events;
          return events.filter((e) => isAtRisk((e.extendedProps as EventMeta).risk));
        },
        timeZone,
        (error) => toast.error('Could not load the calendar', errorMessage(error)),
      ),
    [filters, brandById, toast, lead, timeZone],
  );

  const invoices = useMemo(
    () =>
      prefetchingSource(
        'invoices',
        async (range) => {
          const items = await fetchInvoicesDue({
            // The range starts and ends at midnight in the calendar's zone: its days.
            dueFrom: dayOf(range.start.toISOString(), timeZone),
            dueTo: dayOf(range.end.toISOString(), timeZone),
            status: CALENDAR_INVOICE_STATUSES,
            brandId: filters.brandId,
          });
          return (filters.atRisk ? items.filter((i) => i.overdue) : items).map(invoiceEventOf);
        },
        timeZone,
        (error) => toast.error('Could not load the invoices', errorMessage(error)),
      ),
    [filters.brandId, filters.atRisk, timeZone, toast],
  );

  return useMemo(
    () => (showInvoices ? [deliverables, { ...invoices, editable: false }] : [deliverables]),
    [deliverables, invoices, showInvoices],
  );
}

/** A move of one of a deliverable's moments, from a drag or from the keyboard. */
export interface EventMove {
  meta: EventMeta;
  /** Where it was, UTC ISO: what Undo puts back. */
  from: string;
  to: string;
  /** Puts the event back where it was on the calendar (a drag's revert); refused moves call it. */
  revert: () => void;
}

/**
 * Moves a deliverable's go-live or draft due, version-checked; a refused move goes back,
 * says why and reloads the calendar. A done move offers Undo on its toast, which sends the
 * version the move left, so a change made since is not overwritten.
 */
export function useMoveEvent(
  calendarRef: RefObject<CalendarRef | null>,
  refetch: () => void,
  timeZone: string,
) {
  const toast = useToast();
  const moveDeliverable = useMoveDeliverable();
  const move = useCallback(
    async ({ meta, from, to, revert }: EventMove): Promise<boolean> => {
      const { kind, deliverable } = meta;
      // Both events of this deliverable carry the saved version, so the next move is not stale.
      const carry = (saved: CalendarDeliverable) => {
        const calendar = calendarRef.current?.getApi();
        for (const k of ['publish', 'draft'] as const) {
          calendar?.getEventById(`${deliverable.id}:${k}`)?.setExtendedProp('deliverable', saved);
        }
      };
      try {
        const saved = await moveDeliverable({ deliverable, kind, at: to });
        carry(saved);
        toast.undoable(
          kind === 'publish' ? 'Go-live moved' : 'Draft due moved',
          async () => {
            try {
              carry(await moveDeliverable({ deliverable: saved, kind, at: from }));
            } finally {
              refetch();
            }
          },
          `Now ${formatInstant(to, timeZone)}`,
        );
        for (const warning of saved.warnings) toast.warning('Heads up', warning.message);
        return true;
      } catch (error) {
        revert();
        if (isApiError(error, 409)) {
          toast.error(
            'Someone else changed this deliverable — reloaded',
            'Their version is on the calendar now. Try the move again.',
          );
        } else if (isApiError(error, 404)) {
          toast.error('This deliverable was deleted by someone else — reloaded');
        } else {
          toast.error('Could not move the deliverable', errorMessage(error));
        }
        refetch();
        return false;
      }
    },
    [calendarRef, moveDeliverable, refetch, timeZone, toast],
  );
  const onDrop = useCallback(
    async (info: EventDropInfo) => {
      const meta = metaOf(info.event);
      const start = info.event.start;
      const old = info.oldEvent.start;
      // Invoices are not draggable; their due day is changed on the invoice.
      if (!start || !old || meta.kind === 'invoice') {
        info.revert();
        return;
      }
      await move({ meta, from: old.toISOString(), to: start.toISOString(), revert: info.revert });
    },
    [move],
  );
  return { move, onDrop };
}
