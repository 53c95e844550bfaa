import type { CalendarRef, DayCellInfo } from '@fullcalendar/react';
import { useCallback, useEffect, type RefObject } from 'react';
import { Temporal } from '#temporal';
import { metaOf } from '../../components/calendar-event';
import type { DialogTarget } from './calendar-dialogs';
import type { EventMove } from './use-calendar-events';

/** What a focused day cell says beside its date. */
export const DAY_KEYS_HINT = 'Press Enter to add a deliverable on this day';

/** What a focused event says beside its name (docs/calendar.md: "The calendar: risk at a glance, and the keyboard"). */
export const EVENT_KEYS_HINT = 'Alt+Right or Alt+Left moves it a day';

/** A deliverable's event on the page: its focusable element, found by what it shows. */
export function eventElement(
  root: ParentNode,
  target: { id: string; kind?: string | undefined },
): HTMLElement | null {
  const kind = target.kind ? `[data-kind="${target.kind}"]` : '';
  const face = root.querySelector<HTMLElement>(
    `[data-deliverable-id="${CSS.escape(target.id)}"]${kind}`,
  );
  return face?.closest<HTMLElement>('[tabindex], a, button') ?? face;
}

/**
 * Day cells become focusable (each knows its day, `data-day`), when the user may create.
 * A stable function, like the other calendar options.
 */
export function markDayCell(info: DayCellInfo & { el: HTMLElement }): void {
  // FullCalendar's date markers hold the calendar zone's wall-clock time in their UTC fields.
  info.el.dataset.day = info.date.toISOString().slice(0, 10);
  info.el.tabIndex = 0;
  info.el.setAttribute('aria-description', DAY_KEYS_HINT);
}

/** An event's element says how to move it from the keyboard. */
export function markEvent(info: {
  el: HTMLElement;
  event: { extendedProps: Record<string, unknown> };
}) {
  if (metaOf(info.event).kind === 'invoice') return;
  info.el.setAttribute('aria-description', EVENT_KEYS_HINT);
}

export interface CalendarKeyboardOptions {
  calendarRef: RefObject<CalendarRef | null>;
  timeZone: string;
  canEdit: boolean;
  onOpen: (target: DialogTarget) => void;
  onMove: (move: EventMove) => Promise<boolean>;
}

/**
 * The calendar's own keys: Enter on a focused day cell opens "new deliverable" on that day
 * (at 10:00); Alt+→ / Alt+← on a focused event moves it a day (the same wall-clock time, in
 * the viewer's zone), through the same version-checked move as a drag, with Undo. Focus
 * stays on the moved event.
 */
export function useCalendarKeyboard(
  container: RefObject<HTMLElement | null>,
  { calendarRef, timeZone, canEdit, onOpen, onMove }: CalendarKeyboardOptions,
): void {
  const moveByDay = useCallback(
    async (el: HTMLElement, days: number) => {
      const face = el.matches('[data-deliverable-id]')
        ? el
        : el.querySelector<HTMLElement>('[data-deliverable-id]');
      const id = face?.dataset.deliverableId;
      const kind = face?.dataset.kind;
      const event = id && kind ? calendarRef.current?.getApi().getEventById(`${id}:${kind}`) : null;
      if (!event?.start) return;
      const meta = metaOf(event);
      if (meta.kind === 'invoice') return;
      const from = event.start.toISOString();
      const to = Temporal.Instant.from(from)
        .toZonedDateTimeISO(timeZone)
        .add({ days })
        .toInstant()
        .toString();
      event.setStart(to);
      const moved = await onMove({ meta, from, to, revert: () => event.setStart(from) });
      if (moved) {
        // The event is drawn again in its new day: focus follows it there.
        requestAnimationFrame(() => {
          const root = container.current;
          if (root) eventElement(root, { id: meta.deliverable.id, kind: meta.kind })?.focus();
        });
      }
    },
    [calendarRef, container, timeZone, onMove],
  );

  useEffect(() => {
    const root = container.current;
    if (!root || !canEdit) return;
    const onKeyDown = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key === 'Enter' && target.dataset.day && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        onOpen({ id: null, defaults: { publishAt: `${target.dataset.day}T10:00` } });
        return;
      }
      if (e.altKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
        const el = target.closest<HTMLElement>(
          '.sc-fc-event, .sc-fc-list-event, [data-deliverable-id]',
        );
        if (!el) return;
        e.preventDefault();
        void moveByDay(el, e.key === 'ArrowRight' ? 1 : -1);
      }
    };
    root.addEventListener('keydown', onKeyDown);
    return () => root.removeEventListener('keydown', onKeyDown);
  }, [container, canEdit, onOpen, moveByDay]);
}
