/**
 * The web bench's floor: FullCalendar's month grid alone, on the same Preact, stylesheets and
 * grid size as the app, with the bench workspace's events (`events.json`, written by
 * bench/web-floor.ts) and nothing else: each event's title as its face, no app around it,
 * no reads. What the app's month render and switch cannot undercut on this machine.
 *
 * The first month's events wait for `benchRelease()`, so the bench times FullCalendar from
 * the moment it has them; every later range is answered at once (a switch, as the app's
 * prefetched months are).
 */
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/breezy/theme.css';
import '@fullcalendar/react/themes/breezy/palettes/indigo.css';
import FullCalendar from '@fullcalendar/react';
import type { EventInput, EventSourceFuncInfo } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import breezyThemePlugin from '@fullcalendar/react/themes/breezy';
import { createRoot } from 'react-dom/client';
import { DAY_MAX_EVENTS, gridHeightFor } from '../../web/src/pages/calendar/month-grid';

/** What bench/web-floor.ts writes: the month shown first and every event around it. */
export interface FloorEvents {
  /** The first day of the month shown first, `YYYY-MM-DD`. */
  initialDate: string;
  /**
   * Deliverables' moments (`start` in epoch ms) and invoices' due days (all-day), each with
   * `at`, its start in epoch ms, by which a range picks them.
   */
  events: (EventInput & { at: number })[];
}

interface FloorWindow {
  benchRelease?: () => void;
  benchReleasedAt?: number;
}

const PLUGINS = [dayGridPlugin, breezyThemePlugin];
const floorWindow = window as unknown as FloorWindow;
const data = (await (await fetch('./events.json')).json()) as FloorEvents;
let held = true;

/** The events in the range asked for; the first range (the month shown first) waits. */
function rangeEvents(info: EventSourceFuncInfo, success: (events: EventInput[]) => void): void {
  const from = info.start.getTime();
  const to = info.end.getTime();
  const events = data.events.filter((e) => e.at >= from && e.at < to);
  if (!held) return success(events);
  floorWindow.benchRelease = () => {
    held = false;
    floorWindow.benchReleasedAt = performance.now();
    success(events);
  };
}

const titleOnly = (info: { event: { title: string } }) => (
  <span className="sc-ev">{info.event.title}</span>
);

createRoot(document.getElementById('root')!).render(
  <FullCalendar
    plugins={PLUGINS}
    initialView="dayGridMonth"
    initialDate={data.initialDate}
    timeZone="UTC"
    height={gridHeightFor(window.innerHeight)}
    headerToolbar={{ left: 'prev,next today', center: 'title', right: '' }}
    events={rangeEvents}
    eventContent={titleOnly}
    eventDisplay="block"
    displayEventEnd={false}
    eventOrder="start,title"
    dayMaxEvents={DAY_MAX_EVENTS}
    fixedWeekCount={false}
  />,
);
