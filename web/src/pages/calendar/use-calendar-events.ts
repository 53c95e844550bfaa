import type {
  CalendarRef,
  EventDropInfo,
  EventInput,
  EventSourceFuncInfo,
} from '@fullcalendar/react';
import { useCallback, useMemo, type RefObject } from 'react';
import type { Brand } from '../../../../shared/schemas/brand';
import { errorMessage, isApiError } from '../../api';
import { eventsOf, invoiceEventOf, metaOf } from '../../components/calendar-event';
import { useToast } from '../../components/toast';
import { formatInstant } from '../../format';
import { fetchCalendar, useMoveDeliverable } from '../../resources/deliverables';
import { fetchInvoicesDue } from '../../resources/invoices';
import { dayOf } from '../../time';
import type { Filters } from './calendar-filters';

// Drafts are planned money, sent ones owed, paid ones done; void invoices owe nothing.
const CALENDAR_INVOICE_STATUSES = 'draft,sent,paid';

/**
 * The calendar's event sources for the filters: deliverables, and invoice due days when
 * shown. A failed load says so in a toast.
 */
export function useEventSources(
  filters: Filters,
  brands: Brand[] | undefined,
  showInvoices: boolean,
  timeZone: string,
) {
  const toast = useToast();
  const brandById = useMemo(() => new Map((brands ?? []).map((b) => [b.id, b])), [brands]);

  const fetchEvents = useCallback(
    async (info: EventSourceFuncInfo): Promise<EventInput[]> => {
      try {
        const items = await fetchCalendar({
          from: info.start.toISOString(),
          to: info.end.toISOString(),
          ...filters,
        });
        return items.flatMap((d) => eventsOf(d, brandById.get(d.brandId)));
      } catch (error) {
        toast.error('Could not load the calendar', errorMessage(error));
        throw error;
      }
    },
    [filters, brandById, toast],
  );

  const fetchInvoices = useCallback(
    async (info: EventSourceFuncInfo): Promise<EventInput[]> => {
      try {
        const items = await fetchInvoicesDue({
          // The range starts and ends at midnight in the calendar's zone: its days.
          dueFrom: dayOf(info.start.toISOString(), timeZone),
          dueTo: dayOf(info.end.toISOString(), timeZone),
          status: CALENDAR_INVOICE_STATUSES,
          brandId: filters.brandId,
        });
        return items.map(invoiceEventOf);
      } catch (error) {
        toast.error('Could not load the invoices', errorMessage(error));
        throw error;
      }
    },
    [filters.brandId, timeZone, toast],
  );

  return useMemo(
    () =>
      showInvoices
        ? [
            { id: 'deliverables', events: fetchEvents },
            { id: 'invoices', events: fetchInvoices, editable: false },
          ]
        : [{ id: 'deliverables', events: fetchEvents }],
    [fetchEvents, fetchInvoices, showInvoices],
  );
}

/**
 * A dropped event moves its deliverable's go-live or draft due; a refused move goes back,
 * says why and reloads the calendar.
 */
export function useMoveEvent(
  calendarRef: RefObject<CalendarRef | null>,
  refetch: () => void,
  timeZone: string,
) {
  const toast = useToast();
  const moveDeliverable = useMoveDeliverable();
  return useCallback(
    async (info: EventDropInfo) => {
      const meta = metaOf(info.event);
      const start = info.event.start;
      // Invoices are not draggable; their due day is changed on the invoice.
      if (!start || meta.kind === 'invoice') {
        info.revert();
        return;
      }
      const { kind, deliverable } = meta;
      const at = start.toISOString();
      try {
        const saved = await moveDeliverable({ deliverable, kind, at });
        // Both events of this deliverable now carry the new version, so the next drag is not stale.
        const calendar = calendarRef.current?.getApi();
        for (const k of ['publish', 'draft'] as const) {
          calendar?.getEventById(`${deliverable.id}:${k}`)?.setExtendedProp('deliverable', saved);
        }
        toast.success(
          kind === 'publish' ? 'Go-live moved' : 'Draft due moved',
          `Now ${formatInstant(at, timeZone)}`,
        );
        for (const warning of saved.warnings) toast.warning('Heads up', warning.message);
      } catch (error) {
        info.revert();
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
      }
    },
    [calendarRef, moveDeliverable, refetch, timeZone, toast],
  );
}
