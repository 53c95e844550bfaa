import FullCalendar, {
  type CalendarRef,
  type DateClickInfo,
  type EventClickInfo,
  type EventDropInfo,
  type EventSourceInput,
} from '@fullcalendar/react';
import { memo, useCallback, useEffect, useRef, type RefObject } from 'react';
import type { User } from '../../../../shared/schemas/auth';
import { metaOf } from '../../components/calendar-event';
import { useViewportHeight } from '../../hooks/use-media-query';
import { navigate } from '../../hooks/use-router';
import { instantToLocalInput } from '../../time';
import type { DialogTarget } from './calendar-dialogs';
import { DAY_MAX_EVENTS, gridHeightFor } from './month-grid';
import {
  DESKTOP_TOOLBAR,
  DESKTOP_VIEWS,
  EVENT_TIME_FORMAT,
  PHONE_TOOLBAR,
  PHONE_VIEWS,
  PLUGINS,
  TODAY_HINT,
  VIEW_BUTTONS,
  eventClassOf,
  renderEventContent,
} from './calendar-options';
import { markDayCell, markEvent, useCalendarKeyboard } from './use-calendar-keyboard';
import type { EventMove } from './use-calendar-events';

export interface CalendarViewProps {
  calendarRef: RefObject<CalendarRef | null>;
  user: User;
  narrow: boolean;
  eventSources: EventSourceInput[];
  onLoading: (loading: boolean) => void;
  showInvoices: boolean;
  /** How many filters are set: the empty period's words. */
  filterCount: number;
  /** Opens the deliverable dialog (a click on a day creates, on an event opens). */
  onOpen: (target: DialogTarget) => void;
  onDrop: (info: EventDropInfo) => Promise<void>;
  /** A move from the keyboard (Alt+→ / Alt+←): answers whether it was saved. */
  onMove: (move: EventMove) => Promise<boolean>;
}

/** Phones get the list view; wider screens the month grid. Follows rotation and resizes. */
function useViewForWidth(calendarRef: RefObject<CalendarRef | null>, narrow: boolean): void {
  useEffect(() => {
    const api = calendarRef.current?.getApi();
    if (!api) return;
    const type = api.view.type;
    if (narrow && type !== 'listWeek' && type !== 'listMonth') api.changeView('listWeek');
    if (!narrow && type === 'listWeek') api.changeView('dayGridMonth');
  }, [calendarRef, narrow]);
}

/**
 * FullCalendar with the app's options: month, week and list; drag to move when allowed.
 * Memoised: the page re-renders as loading starts and ends (its header's note), and each
 * render from above hands FullCalendar a new props object, which makes it recompute its
 * options and re-check its whole tree, in the middle of a month switch.
 */
export const CalendarView = memo(function CalendarView({
  calendarRef,
  user,
  narrow,
  eventSources,
  onLoading,
  showInvoices,
  filterCount,
  onOpen,
  onDrop,
  onMove,
}: CalendarViewProps) {
  const canEdit = user.role !== 'viewer';
  const timeZone = user.effectiveTimeZone;
  const keysRef = useRef<HTMLDivElement>(null);
  useCalendarKeyboard(keysRef, { calendarRef, timeZone, canEdit, onOpen, onMove });
  // Month and week grids fill the window below the page header, never shorter than 560px.
  const gridHeight = gridHeightFor(useViewportHeight());
  useViewForWidth(calendarRef, narrow);

  // Stable handlers, for the same reason as the static options.
  const onDateClick = useCallback(
    (info: DateClickInfo) => {
      const publishAt = info.allDay
        ? `${info.dateStr.slice(0, 10)}T10:00`
        : instantToLocalInput(info.date.toISOString(), timeZone);
      onOpen({ id: null, defaults: { publishAt } });
    },
    [timeZone, onOpen],
  );
  const onEventClick = useCallback(
    (info: EventClickInfo) => {
      info.jsEvent.preventDefault();
      const meta = metaOf(info.event);
      if (meta.kind === 'invoice') {
        navigate(`/deals/${meta.invoice.dealId}#invoice-${meta.invoice.id}`);
        return;
      }
      // The calendar holds the calendar's shape of a deliverable: the dialog loads the whole one.
      onOpen({ id: meta.deliverable.id, from: { id: meta.deliverable.id, kind: meta.kind } });
    },
    [onOpen],
  );
  const onEventDrop = useCallback((info: EventDropInfo) => void onDrop(info), [onDrop]);
  const noEventsContent = useCallback(
    () => (
      <div className="calendar-empty">
        <p>
          {filterCount > 0
            ? 'Nothing matches these filters in this period.'
            : 'Nothing planned in this period.'}
        </p>
      </div>
    ),
    [filterCount],
  );

  return (
    <div ref={keysRef} className="calendar-keys">
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
        dayCellDidMount={canEdit ? markDayCell : undefined}
        eventDidMount={canEdit ? markEvent : undefined}
      />
    </div>
  );
});
