import './calendar-page.css';
import FullCalendar, {
  type CalendarRef,
  type DateClickInfo,
  type EventClickInfo,
  type EventDisplayInfo,
  type EventDropInfo,
  type EventInput,
  type EventSourceFuncInfo,
} from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import breezyThemePlugin from '@fullcalendar/react/themes/breezy';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/breezy/theme.css';
import '@fullcalendar/react/themes/breezy/palettes/indigo.css';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Temporal } from 'temporal-polyfill';
import type { User } from '../../../shared/schemas/auth';
import type { Deliverable, DeliverableStatus, Platform } from '../../../shared/schemas/deliverable';
import { errorMessage, isApiError } from '../api';
import { BrandDot, PlatformBadge, Spinner } from '../components/badges';
import { EventContent, eventsOf, invoiceEventOf, metaOf } from '../components/calendar-event';
import { CalendarOnboarding } from '../components/calendar-onboarding';
import type { DeliverableDefaults } from '../components/deliverable-dialog';
import { FilterMenu } from '../components/filter-menu';
import { FeedIcon, PlusIcon } from '../components/icons';
import { useToast } from '../components/toast';
import {
  DELIVERABLE_STATUS_LABELS,
  DELIVERABLE_STATUS_VALUES,
  PLATFORM_LABELS,
  PLATFORM_VALUES,
  formatInstant,
} from '../format';
import { useBrands } from '../resources/brands';
import { useAllDeals } from '../resources/deals';
import { fetchCalendar, useDeliverable, useMoveDeliverable } from '../resources/deliverables';
import { fetchInvoicesDue } from '../resources/invoices';
import { useRefreshAll } from '../resources/keys';
import { NARROW_QUERY, useMediaQuery, useViewportHeight } from '../hooks/use-media-query';
import { navigate, replaceSearchParam, useSearchParam } from '../hooks/use-router';
import { dayOf, instantToLocalInput } from '../time';

// The dialog (and zod with its schemas) loads on first use, or once the calendar is idle.
const loadDeliverableDialog = () => import('../components/deliverable-dialog');
const DeliverableDialog = lazy(() =>
  loadDeliverableDialog().then((m) => ({ default: m.DeliverableDialog })),
);

const SubscribeDialog = lazy(() =>
  import('../components/subscribe-dialog').then((m) => ({ default: m.SubscribeDialog })),
);

interface Filters {
  brandId: string[];
  platform: Platform[];
  status: DeliverableStatus[];
}

const NO_FILTERS: Filters = { brandId: [], platform: [], status: [] };

/** Whether invoice due days are shown: remembered per browser, on unless turned off. */
const SHOW_INVOICES_KEY = 'sponsorcal.calendar.showInvoices';

function readShowInvoices(): boolean {
  try {
    return window.localStorage.getItem(SHOW_INVOICES_KEY) !== 'false';
  } catch {
    return true;
  }
}

function writeShowInvoices(show: boolean): void {
  try {
    window.localStorage.setItem(SHOW_INVOICES_KEY, String(show));
  } catch {
    // Storage may be unavailable (private mode): the choice lasts for this visit only.
  }
}

// Drafts are planned money, sent ones owed, paid ones done; void invoices owe nothing.
const CALENDAR_INVOICE_STATUSES = 'draft,sent,paid';

// Static calendar options, defined once so FullCalendar sees the same objects on every render:
// a prop that is a new function or array on each render makes it redo every event.
const PLUGINS = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, breezyThemePlugin];
const renderEventContent = (info: EventDisplayInfo) => <EventContent info={info} />;
const eventClassOf = (info: EventDisplayInfo) =>
  info.view.type.startsWith('list') ? 'sc-fc-list-event' : 'sc-fc-event';
/**
 * Events shown in a month cell before "+N more". A number, not `true`: fitting events to
 * the cell's height makes FullCalendar lay out every event to measure it (1–2 s for a month
 * of 1,000; about 0.25 s this way).
 */
const DAY_MAX_EVENTS = 3;
const DESKTOP_TOOLBAR = {
  left: 'prev,next today',
  center: 'title',
  right: 'dayGridMonth,timeGridWeek,listMonth',
};
const PHONE_TOOLBAR = { left: 'prev,next', center: 'title', right: 'listWeek,dayGridMonth' };
const VIEW_BUTTONS = {
  listWeek: { text: 'List' },
  listMonth: { text: 'List' },
  dayGridMonth: { text: 'Month' },
  timeGridWeek: { text: 'Week' },
};
/**
 * The Today button's accessible name: FullCalendar's own ("This Month") leaves out the word
 * on the button, so speech input ("click Today") could not reach it.
 */
const TODAY_HINT = 'Go to today';
const DESKTOP_VIEWS = {};
const PHONE_VIEWS = {
  listWeek: {
    titleFormat: { month: 'short', day: 'numeric' },
    listDayFormat: { weekday: 'long' },
    listDayAltFormat: { month: 'short', day: 'numeric' },
  },
} as const;
const EVENT_TIME_FORMAT = {
  hour: 'numeric',
  minute: '2-digit',
  omitZeroMinute: true,
  meridiem: 'short',
} as const;
function defaultPublishAt(timeZone: string): string {
  const next = Temporal.Now.zonedDateTimeISO(timeZone)
    .add({ hours: 1 })
    .round({ smallestUnit: 'hour', roundingMode: 'floor' });
  return next.toPlainDateTime().toString({ smallestUnit: 'minute' });
}

export function CalendarPage({ user }: { user: User }) {
  const brands = useBrands();
  const deals = useAllDeals();
  const canEdit = user.role !== 'viewer';
  const narrow = useMediaQuery(NARROW_QUERY);
  // Month and week grids fill the window below the page header, never shorter than 560px.
  const gridHeight = Math.max(560, useViewportHeight() - 190);
  const toast = useToast();
  const moveDeliverable = useMoveDeliverable();
  const refreshAll = useRefreshAll();
  const calendarRef = useRef<CalendarRef>(null);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [showInvoices, setShowInvoices] = useState(readShowInvoices);
  const [dialog, setDialog] = useState<{
    id: string | null;
    defaults?: DeliverableDefaults;
    initial?: Deliverable;
  } | null>(null);
  const [loading, setLoading] = useState(false);
  const [subscribing, setSubscribing] = useState(false);
  const timeZone = user.effectiveTimeZone;
  // `/?deliverable=<id>` (the links in alert e-mails, webhooks and the bell) opens that
  // deliverable on its day; the parameter goes when its dialog closes.
  const linkedId = useSearchParam('deliverable');
  const linked = useDeliverable(linkedId);
  const linkedAt = linked.data ? (linked.data.publishAt ?? linked.data.draftDueAt) : null;
  const jumpedTo = useRef<string | null>(null);

  const brandById = useMemo(
    () => new Map((brands.data ?? []).map((b) => [b.id, b])),
    [brands.data],
  );

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

  const eventSources = useMemo(
    () =>
      showInvoices
        ? [
            { id: 'deliverables', events: fetchEvents },
            { id: 'invoices', events: fetchInvoices, editable: false },
          ]
        : [{ id: 'deliverables', events: fetchEvents }],
    [fetchEvents, fetchInvoices, showInvoices],
  );

  const toggleInvoices = () => {
    setShowInvoices((show) => {
      writeShowInvoices(!show);
      return !show;
    });
  };

  // FullCalendar reports loading while it renders; the state update waits until it is done.
  const onLoading = useCallback((isLoading: boolean) => {
    queueMicrotask(() => setLoading(isLoading));
  }, []);

  const refetch = useCallback(() => calendarRef.current?.getApi().refetchEvents(), []);

  // Phones get the list view; wider screens the month grid. Follows rotation and resizes.
  useEffect(() => {
    const api = calendarRef.current?.getApi();
    if (!api) return;
    const type = api.view.type;
    if (narrow && type !== 'listWeek' && type !== 'listMonth') api.changeView('listWeek');
    if (!narrow && type === 'listWeek') api.changeView('dayGridMonth');
  }, [narrow]);

  const calendarShown = brands.isSuccess && deals.isSuccess && (deals.data?.length ?? 0) > 0;
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
  }, [linkedId, linkedAt, timeZone, calendarShown]);

  const moveEvent = useCallback(
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
    [moveDeliverable, refetch, timeZone, toast],
  );

  const activeFilterCount =
    filters.brandId.length + filters.platform.length + filters.status.length;

  // Stable handlers, for the same reason as the static options above.
  const onDateClick = useCallback(
    (info: DateClickInfo) => {
      const publishAt = info.allDay
        ? `${info.dateStr.slice(0, 10)}T10:00`
        : instantToLocalInput(info.date.toISOString(), timeZone);
      setDialog({ id: null, defaults: { publishAt } });
    },
    [timeZone],
  );
  const onEventClick = useCallback((info: EventClickInfo) => {
    info.jsEvent.preventDefault();
    const meta = metaOf(info.event);
    if (meta.kind === 'invoice') {
      navigate(`/deals/${meta.invoice.dealId}#invoice-${meta.invoice.id}`);
      return;
    }
    // The calendar holds the calendar's shape of a deliverable: the dialog loads the whole one.
    setDialog({ id: meta.deliverable.id });
  }, []);
  const onEventDrop = useCallback((info: EventDropInfo) => void moveEvent(info), [moveEvent]);
  const noEventsContent = useCallback(
    () => (
      <div className="calendar-empty">
        <p>
          {activeFilterCount > 0
            ? 'Nothing matches these filters in this period.'
            : 'Nothing planned in this period.'}
        </p>
      </div>
    ),
    [activeFilterCount],
  );
  const isEmpty = deals.data !== undefined && deals.data.length === 0;

  const brandOptions = (brands.data ?? []).map((b) => ({
    value: b.id,
    label: b.name,
    adornment: <BrandDot color={b.color} />,
  }));

  const filtersEl = (
    <div className="filters" role="group" aria-label="Filters">
      <FilterMenu
        name="Brand"
        options={brandOptions}
        selected={filters.brandId}
        onChange={(brandId) => setFilters((f) => ({ ...f, brandId }))}
      />
      <FilterMenu
        name="Platform"
        options={PLATFORM_VALUES.map((p) => ({
          value: p,
          label: PLATFORM_LABELS[p],
          adornment: <PlatformBadge platform={p} />,
        }))}
        selected={filters.platform}
        onChange={(platform) => setFilters((f) => ({ ...f, platform }))}
      />
      <FilterMenu
        name="Status"
        options={DELIVERABLE_STATUS_VALUES.map((s) => ({
          value: s,
          label: DELIVERABLE_STATUS_LABELS[s],
        }))}
        selected={filters.status}
        onChange={(status) => setFilters((f) => ({ ...f, status }))}
      />
      <button
        type="button"
        className={`filter-toggle${showInvoices ? ' filter-toggle--on' : ''}`}
        aria-pressed={showInvoices}
        onClick={toggleInvoices}
        title={showInvoices ? 'Hide invoice due days' : 'Show invoice due days'}
      >
        <span className="filter-toggle__check" aria-hidden="true">
          {showInvoices && (
            <svg viewBox="0 0 12 12" width="10" height="10">
              <path
                d="M2.5 6.2 5 8.5l4.5-5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
          )}
        </span>
        Invoices
      </button>
      {activeFilterCount > 0 && (
        <button type="button" className="link-button" onClick={() => setFilters(NO_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  );

  const renderHeader = (withFilters: boolean) => (
    <div className="page-header">
      <div>
        <h1 className="page-title">Calendar</h1>
        <p className="page-subtitle">
          <span>Times in {timeZone.replace(/_/g, ' ')}</span>
          {withFilters && (
            <span className="legend" aria-hidden="true">
              <span className="legend__item">
                <span className="legend__swatch legend__swatch--publish" /> Go-live
              </span>
              <span className="legend__item">
                <span className="legend__swatch legend__swatch--draft" /> Draft due
              </span>
              {showInvoices && (
                <span className="legend__item">
                  <span className="legend__swatch legend__swatch--invoice" /> Invoice due
                </span>
              )}
            </span>
          )}
          {loading && (
            <span className="inline-loading" role="status">
              Loading…
            </span>
          )}
        </p>
      </div>
      <div className="page-actions">
        {withFilters && filtersEl}
        <button
          type="button"
          className="button"
          onClick={() => setSubscribing(true)}
          title="See these dates in Google Calendar, Apple Calendar or Outlook"
        >
          <FeedIcon /> Subscribe
        </button>
        {canEdit && (
          <button
            type="button"
            className="button button--primary"
            onClick={() =>
              setDialog({ id: null, defaults: { publishAt: defaultPublishAt(timeZone) } })
            }
          >
            <PlusIcon /> New deliverable
          </button>
        )}
      </div>
    </div>
  );

  useEffect(() => {
    const id = window.setTimeout(() => void loadDeliverableDialog(), 1500);
    return () => window.clearTimeout(id);
  }, []);

  const subscribeEl = subscribing && (
    <Suspense fallback={null}>
      <SubscribeDialog user={user} onClose={() => setSubscribing(false)} />
    </Suspense>
  );

  const dialogEl = dialog ? (
    <Suspense fallback={null}>
      <DeliverableDialog
        user={user}
        deliverableId={dialog.id}
        {...(dialog.defaults ? { defaults: dialog.defaults } : {})}
        {...(dialog.initial ? { initial: dialog.initial } : {})}
        onClose={() => setDialog(null)}
        onSaved={refetch}
        onDeleted={refetch}
      />
    </Suspense>
  ) : (
    linkedId && (
      <Suspense fallback={null}>
        <DeliverableDialog
          key={linkedId}
          user={user}
          deliverableId={linkedId}
          onClose={() => replaceSearchParam('deliverable', null)}
          onSaved={refetch}
          onDeleted={refetch}
        />
      </Suspense>
    )
  );

  if (brands.isPending || deals.isPending) {
    return (
      <div className="page">
        {renderHeader(false)}
        <div className="card card--center">
          <Spinner label="Loading your calendar…" />
        </div>
        {subscribeEl}
      </div>
    );
  }

  if (brands.error || deals.error) {
    return (
      <div className="page">
        {renderHeader(false)}
        <div className="card card--center">
          <p className="banner banner--error" role="alert">
            {errorMessage(brands.error ?? deals.error)}
          </p>
          <button type="button" className="button" onClick={() => void refreshAll()}>
            Try again
          </button>
        </div>
        {subscribeEl}
      </div>
    );
  }

  if (isEmpty) {
    const hasBrands = (brands.data ?? []).length > 0;
    return (
      <div className="page">
        {renderHeader(false)}
        <CalendarOnboarding canEdit={canEdit} hasBrands={hasBrands} />
        {dialogEl}
        {subscribeEl}
      </div>
    );
  }

  return (
    <div className="page page--calendar">
      {renderHeader(true)}
      <div className={`card calendar-card${loading ? ' calendar-card--loading' : ''}`}>
        <FullCalendar
          ref={calendarRef}
          plugins={PLUGINS}
          initialView={narrow ? 'listWeek' : 'dayGridMonth'}
          timeZone={timeZone}
          headerToolbar={narrow ? PHONE_TOOLBAR : DESKTOP_TOOLBAR}
          buttons={VIEW_BUTTONS}
          todayHint={TODAY_HINT}
          height={narrow ? 'auto' : gridHeight}
          views={narrow ? PHONE_VIEWS : DESKTOP_VIEWS}
          listDayClass="sc-list-day"
          eventSources={eventSources}
          loading={onLoading}
          eventContent={renderEventContent}
          eventClass={eventClassOf}
          eventDisplay="block"
          displayEventEnd={false}
          eventTimeFormat={EVENT_TIME_FORMAT}
          eventOrder="start,title"
          dayMaxEvents={DAY_MAX_EVENTS}
          dayCellTopClass="sc-day-top"
          fixedWeekCount={false}
          allDaySlot={showInvoices}
          scrollTime="08:00:00"
          nowIndicator
          editable={canEdit}
          eventDurationEditable={false}
          eventStartEditable={canEdit}
          dateClick={canEdit ? onDateClick : undefined}
          eventClick={onEventClick}
          eventDrop={onEventDrop}
          noEventsContent={noEventsContent}
        />
      </div>
      {dialogEl}
      {subscribeEl}
    </div>
  );
}
