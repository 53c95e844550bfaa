import type { EventDisplayInfo } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import breezyThemePlugin from '@fullcalendar/react/themes/breezy';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import { Temporal } from '#temporal';
import { EventContent } from '../../components/calendar-event';

// Static calendar options, defined once so FullCalendar sees the same objects on every render:
// a prop that is a new function or array on each render makes it redo every event.
export const PLUGINS = [
  dayGridPlugin,
  timeGridPlugin,
  listPlugin,
  interactionPlugin,
  breezyThemePlugin,
];
export const renderEventContent = (info: EventDisplayInfo) => <EventContent info={info} />;
export const eventClassOf = (info: EventDisplayInfo) =>
  info.view.type.startsWith('list') ? 'sc-fc-list-event' : 'sc-fc-event';
export const DESKTOP_TOOLBAR = {
  left: 'prev,next today',
  center: 'title',
  right: 'dayGridMonth,timeGridWeek,listMonth',
};
export const PHONE_TOOLBAR = { left: 'prev,next', center: 'title', right: 'listWeek,dayGridMonth' };
export const VIEW_BUTTONS = {
  listWeek: { text: 'List' },
  listMonth: { text: 'List' },
  dayGridMonth: { text: 'Month' },
  timeGridWeek: { text: 'Week' },
};
/**
 * The Today button's accessible name: FullCalendar's own ("This Month") leaves out the word
 * on the button, so speech input ("click Today") could not reach it.
 */
export const TODAY_HINT = 'Go to today';
export const DESKTOP_VIEWS = {
  // The title names the week: "Nov 29 – Dec 5, 2026", not "Nov – Dec 2026".
  timeGridWeek: { titleFormat: { month: 'short', day: 'numeric', year: 'numeric' } },
} as const;
export const PHONE_VIEWS = {
  listWeek: {
    // The title names the week: "Dec 7 – 13, 2026".
    titleFormat: { month: 'short', day: 'numeric', year: 'numeric' },
    listDayFormat: { weekday: 'long' },
    listDayAltFormat: { month: 'short', day: 'numeric' },
  },
} as const;
export const EVENT_TIME_FORMAT = {
  hour: 'numeric',
  minute: '2-digit',
  omitZeroMinute: true,
  meridiem: 'short',
} as const;

/** A new deliverable's go-live: the next full hour in the user's zone, as `datetime-local`. */
export function defaultPublishAt(timeZone: string): string {
  const next = Temporal.Now.zonedDateTimeISO(timeZone)
    .add({ hours: 1 })
    .round({ smallestUnit: 'hour', roundingMode: 'floor' });
  return next.toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/** Whether invoice due days are shown: remembered per browser, on unless turned off. */
const SHOW_INVOICES_KEY = 'sponsorcal.calendar.showInvoices';

export function readShowInvoices(): boolean {
  try {
    return window.localStorage.getItem(SHOW_INVOICES_KEY) !== 'false';
  } catch {
    return true;
  }
}

export function writeShowInvoices(show: boolean): void {
  try {
    window.localStorage.setItem(SHOW_INVOICES_KEY, String(show));
  } catch {
    // Storage may be unavailable (private mode): the choice lasts for this visit only.
  }
}
