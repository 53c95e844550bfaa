import type { CalendarRef, EventDropInfo } from '@fullcalendar/react';
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type { Brand } from '../../../../shared/schemas/brand';
import type { CalendarDeliverable } from '../../../../shared/schemas/deliverable';
import { errorMessage, isApiError } from '../../api';
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
import { prefetchingSource, rangeReads } from './prefetching-source';

// Drafts are planned money, sent ones owed, paid ones done; void invoices owe nothing.
const CALENDAR_INVOICE_STATUSES = 'draft,sent,paid';

/**
 * A count the page moves on after each write it makes (a save, a move, a dialog opened or
 * closed): prefetched ranges from an earlier count are stale.
 */
function useWriteGeneration() {
  const count = useRef(0);
  const generation = useCallback(() => count.current, []);
  const forget = useCallback(() => void (count.current += 1), []);
  return { generation, forget };
}

/**
 * The calendar's event sources for the filters: deliverables, and invoice due days when
 * shown; each prefetches the neighbouring ranges. A failed load says so in a toast.
 * `forgetPrefetched` drops what was prefetched, after a write the page made itself.
 */
export function useEventSources(
  filters: Filters,
  brands: Brand[] | undefined,
  showInvoices: boolean,
  timeZone: string,
  leadTimes: LeadTimes | undefined,
) {
  const toast = useToast();
  const writes = useWriteGeneration();
  // The same object while the values are: the settings' first read, when it says what the
  // defaults say, must not make new sources (FullCalendar would load and draw the month again).
  const leadKey = JSON.stringify(leadTimes ?? DEFAULT_LEAD_TIMES);
  const lead = useMemo(() => JSON.parse(leadKey) as LeadTimes, [leadKey]);
  const brandById = useMemo(() => new Map((brands ?? []).map((b) => [b.id, b])), [brands]);
  // Shared by both sources: neither prefetches while the other is still reading its range.
  const [reads] = useState(rangeReads);

  const deliverables = useMemo(
    () =>
      prefetchingSource(
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
        {
          timeZone,
          generation: writes.generation,
          onError: (error) => toast.error('Could not load the calendar', errorMessage(error)),
          reads,
        },
      ),
    [filters, brandById, toast, lead, timeZone, writes.generation, reads],
  );

  const invoices = useMemo(
    () =>
      prefetchingSource(
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
        {
          timeZone,
          generation: writes.generation,
          onError: (error) => toast.error('Could not load the invoices', errorMessage(error)),
          reads,
        },
      ),
    [filters.brandId, filters.atRisk, timeZone, toast, writes.generation, reads],
  );

  const eventSources = useMemo(
    () =>
      showInvoices
        ? [
            { id: 'deliverables', events: deliverables },
            { id: 'invoices', events: invoices, editable: false },
          ]
        : [{ id: 'deliverables', events: deliverables }],
    [deliverables, invoices, showInvoices],
  );
  return { eventSources, forgetPrefetched: writes.forget };
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
 * version the move left, so a change made since is not overwritten. `onSaved` runs after
 * each saved move and undo (the prefetched neighbouring ranges no longer hold).
 */
export function useMoveEvent(
  calendarRef: RefObject<CalendarRef | null>,
  refetch: () => void,
  timeZone: string,
  onSaved: () => void,
) {
  const toast = useToast();
  const moveDeliverable = useMoveDeliverable();
  const move = useCallback(
    async ({ meta, from, to, revert }: EventMove): Promise<boolean> => {
      const { kind, deliverable } = meta;
      // Both events of this deliverable carry the saved version, so the next move is not stale.
      const carry = (saved: CalendarDeliverable) => {
        onSaved();
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
    [calendarRef, moveDeliverable, refetch, timeZone, toast, onSaved],
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
