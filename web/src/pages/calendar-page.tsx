import './calendar-page.css';
import type { CalendarRef } from '@fullcalendar/react';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/breezy/theme.css';
import '@fullcalendar/react/themes/breezy/palettes/indigo.css';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { User } from '../../../shared/schemas/auth';
import { errorMessage } from '../api';
import { Spinner } from '../components/badges';
import { CalendarOnboarding } from '../components/calendar-onboarding';
import { useBrands } from '../resources/brands';
import { useAllDeals } from '../resources/deals';
import { useDeliverable } from '../resources/deliverables';
import { useRefreshAll } from '../resources/keys';
import { NARROW_QUERY, useMediaQuery } from '../hooks/use-media-query';
import { useSearchParam } from '../hooks/use-router';
import { dayOf } from '../time';
import {
  CalendarDeliverableDialog,
  CalendarSubscribeDialog,
  usePreloadDeliverableDialog,
  type DialogTarget,
} from './calendar/calendar-dialogs';
import {
  CalendarFilters,
  NO_FILTERS,
  activeFilterCount,
  type Filters,
} from './calendar/calendar-filters';
import { CalendarHeader } from './calendar/calendar-header';
import { CalendarView } from './calendar/calendar-view';
import { defaultPublishAt, readShowInvoices, writeShowInvoices } from './calendar/calendar-options';
import { useEventSources, useMoveEvent } from './calendar/use-calendar-events';

/**
 * `/?deliverable=<id>` (the links in alert e-mails, webhooks and the bell) opens that
 * deliverable on its day; the parameter goes when its dialog closes. Answers the id.
 */
function useLinkedDeliverable(
  calendarRef: RefObject<CalendarRef | null>,
  timeZone: string,
  calendarShown: boolean,
): string | null {
  const linkedId = useSearchParam('deliverable');
  const linked = useDeliverable(linkedId);
  const linkedAt = linked.data ? (linked.data.publishAt ?? linked.data.draftDueAt) : null;
  const jumpedTo = useRef<string | null>(null);
  useEffect(() => {
    if (!linkedId) {
      jumpedTo.current = null;
      return;
    }
    const api = calendarRef.current?.getApi();
    const target = linkedAt ? `${linkedId}@${linkedAt}` : null;
    if (!api || !linkedAt || jumpedTo.current === target) return;
    jumpedTo.current = target;
    api.gotoDate(dayOf(linkedAt, timeZone));
  }, [calendarRef, linkedId, linkedAt, timeZone, calendarShown]);
  return linkedId;
}

export function CalendarPage({ user }: { user: User }) {
  const brands = useBrands();
  const deals = useAllDeals();
  const canEdit = user.role !== 'viewer';
  const narrow = useMediaQuery(NARROW_QUERY);
  const refreshAll = useRefreshAll();
  const calendarRef = useRef<CalendarRef>(null);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [showInvoices, setShowInvoices] = useState(readShowInvoices);
  const [dialog, setDialog] = useState<DialogTarget | null>(null);
  const [loading, setLoading] = useState(false);
  const [subscribing, setSubscribing] = useState(false);
  const timeZone = user.effectiveTimeZone;
  const calendarShown = brands.isSuccess && deals.isSuccess && (deals.data?.length ?? 0) > 0;
  const linkedId = useLinkedDeliverable(calendarRef, timeZone, calendarShown);
  usePreloadDeliverableDialog();

  const eventSources = useEventSources(filters, brands.data, showInvoices, timeZone);
  const refetch = useCallback(() => calendarRef.current?.getApi().refetchEvents(), []);
  const moveEvent = useMoveEvent(calendarRef, refetch, timeZone);

  // FullCalendar reports loading while it renders; the state update waits until it is done.
  const onLoading = useCallback((isLoading: boolean) => {
    queueMicrotask(() => setLoading(isLoading));
  }, []);

  const filterCount = activeFilterCount(filters);

  const toggleInvoices = () => {
    setShowInvoices((show) => {
      writeShowInvoices(!show);
      return !show;
    });
  };
  const header = (withFilters: boolean) => (
    <CalendarHeader
      timeZone={timeZone}
      filters={
        withFilters ? (
          <CalendarFilters
            brands={brands.data ?? []}
            filters={filters}
            onChange={setFilters}
            showInvoices={showInvoices}
            onToggleInvoices={toggleInvoices}
          />
        ) : null
      }
      showInvoices={showInvoices}
      loading={loading}
      canEdit={canEdit}
      onSubscribe={() => setSubscribing(true)}
      onNew={() => setDialog({ id: null, defaults: { publishAt: defaultPublishAt(timeZone) } })}
    />
  );
  const subscribeEl = (
    <CalendarSubscribeDialog user={user} open={subscribing} onClose={() => setSubscribing(false)} />
  );
  const dialogEl = (
    <CalendarDeliverableDialog
      user={user}
      dialog={dialog}
      linkedId={linkedId}
      onClose={() => setDialog(null)}
      onChanged={refetch}
    />
  );

  const pending = brands.isPending || deals.isPending;
  if (pending || brands.error || deals.error) {
    // Loading first: an error shows once both have answered.
    const error = pending ? null : (brands.error ?? deals.error);
    return (
      <div className="page">
        {header(false)}
        <div className="card card--center">
          {error ? (
            <>
              <p className="banner banner--error" role="alert">
                {errorMessage(error)}
              </p>
              <button type="button" className="button" onClick={() => void refreshAll()}>
                Try again
              </button>
            </>
          ) : (
            <Spinner label="Loading your calendar…" />
          )}
        </div>
        {subscribeEl}
      </div>
    );
  }

  if (deals.data.length === 0) {
    return (
      <div className="page">
        {header(false)}
        <CalendarOnboarding canEdit={canEdit} hasBrands={brands.data.length > 0} />
        {dialogEl}
        {subscribeEl}
      </div>
    );
  }

  return (
    <div className="page page--calendar">
      {header(true)}
      <div className={`card calendar-card${loading ? ' calendar-card--loading' : ''}`}>
        <CalendarView
          calendarRef={calendarRef}
          user={user}
          narrow={narrow}
          eventSources={eventSources}
          onLoading={onLoading}
          showInvoices={showInvoices}
          filterCount={filterCount}
          onOpen={setDialog}
          onMove={moveEvent}
        />
      </div>
      {dialogEl}
      {subscribeEl}
    </div>
  );
}
