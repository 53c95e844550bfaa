import './calendar-page.css';
import type { CalendarRef } from '@fullcalendar/react';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/breezy/theme.css';
import '@fullcalendar/react/themes/breezy/palettes/indigo.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import { Spinner } from '../components/badges';
import { CalendarOnboarding } from '../components/calendar-onboarding';
import { LoadFailed } from '../components/ui/load-failed';
import { useBrands } from '../resources/brands';
import { useAllDeals } from '../resources/deals';
import { useRiskCount } from '../resources/risk';
import { useSettings } from '../resources/settings';
import { useRefreshAll } from '../resources/keys';
import { NARROW_QUERY, useMediaQuery } from '../hooks/use-media-query';
import { replaceSearchParam } from '../hooks/use-router';
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
import {
  focusEvent,
  useDialogFocus,
  useLinkedDeliverable,
  useNewFromUrl,
} from './calendar/use-calendar-links';

/** Time alone makes work overdue or due soon: the calendar reloads its range this often. */
const RISK_REFRESH_MS = 5 * 60 * 1000;

function useRiskRefresh(refetch: () => void): void {
  useEffect(() => {
    const id = window.setInterval(refetch, RISK_REFRESH_MS);
    return () => window.clearInterval(id);
  }, [refetch]);
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
  const timeZone = user.effectiveTimeZone;
  const leadTimes = useSettings().data?.leadTimes;
  const { eventSources, forgetPrefetched } = useEventSources(
    filters,
    brands.data,
    showInvoices,
    timeZone,
    leadTimes,
  );
  const [dialog, setDialog] = useState<DialogTarget | null>(null);
  // What a dialog saves may show on the neighbouring months: their prefetches are not used.
  const showDialog = useCallback(
    (target: DialogTarget | null) => {
      forgetPrefetched();
      setDialog(target);
    },
    [forgetPrefetched],
  );
  const cardRef = useRef<HTMLDivElement>(null);
  const dialogFocus = useDialogFocus(cardRef, showDialog);
  const [loading, setLoading] = useState(false);
  const [subscribing, setSubscribing] = useState(false);
  const calendarShown = brands.isSuccess && deals.isSuccess && (deals.data?.length ?? 0) > 0;
  const linkedId = useLinkedDeliverable(calendarRef, timeZone, calendarShown);
  useNewFromUrl(calendarRef, timeZone, canEdit, dialogFocus.open);
  usePreloadDeliverableDialog();
  const riskCount = useRiskCount().data ?? null;

  const refetch = useCallback(() => {
    forgetPrefetched();
    calendarRef.current?.getApi().refetchEvents();
  }, [forgetPrefetched]);
  useRiskRefresh(refetch);
  const moveEvent = useMoveEvent(calendarRef, refetch, timeZone, forgetPrefetched);

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
            riskCount={riskCount}
          />
        ) : null
      }
      showInvoices={showInvoices}
      loading={loading}
      canEdit={canEdit}
      onSubscribe={() => setSubscribing(true)}
      onNew={() =>
        dialogFocus.open({ id: null, defaults: { publishAt: defaultPublishAt(timeZone) } })
      }
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
      onClose={dialogFocus.close}
      onCloseLinked={() => {
        replaceSearchParam('deliverable', null);
        if (linkedId) focusEvent(cardRef.current, { id: linkedId });
      }}
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
            <LoadFailed error={error} onRetry={() => void refreshAll()} />
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
      <div
        ref={cardRef}
        className={`card calendar-card${loading ? ' calendar-card--loading' : ''}`}
      >
        <CalendarView
          calendarRef={calendarRef}
          user={user}
          narrow={narrow}
          eventSources={eventSources}
          onLoading={onLoading}
          showInvoices={showInvoices}
          filterCount={filterCount}
          onOpen={dialogFocus.open}
          onDrop={moveEvent.onDrop}
          onMove={moveEvent.move}
        />
      </div>
      {dialogEl}
      {subscribeEl}
    </div>
  );
}
