import type { CalendarRef } from '@fullcalendar/react';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useDeliverable } from '../../resources/deliverables';
import { replaceSearchParam, useSearchParam } from '../../hooks/use-router';
import { dayOf } from '../../time';
import type { DialogTarget } from './calendar-dialogs';
import { defaultPublishAt } from './calendar-options';
import { eventElement } from './use-calendar-keyboard';

/** The event whose dialog is open: focus goes back to it when the dialog closes. */
export interface FocusTarget {
  id: string;
  /** Which of its events; its first on the page when not given. */
  kind?: 'publish' | 'draft';
}

/** How long a closed dialog waits for its event to be drawn again (after a save reloads). */
const FOCUS_WAIT_MS = 2000;

/**
 * Puts focus back on an event: at once when it is on the page, or as soon as the calendar
 * draws it again (a save reloads the range, so the old element is gone).
 */
export function focusEvent(container: HTMLElement | null, target: FocusTarget): void {
  if (!container) return;
  const found = eventElement(container, target);
  if (found) {
    found.focus();
    return;
  }
  const observer = new MutationObserver(() => {
    const el = eventElement(container, target);
    if (!el) return;
    observer.disconnect();
    el.focus();
  });
  observer.observe(container, { childList: true, subtree: true });
  window.setTimeout(() => observer.disconnect(), FOCUS_WAIT_MS);
}

/**
 * `/?deliverable=<id>` (the links in alert e-mails, webhooks and the bell) opens that
 * deliverable on its day: the calendar goes to the day (and, in a week, scrolls to the
 * hour), the event is marked, and the parameter goes when its dialog closes. Answers the id.
 */
export function useLinkedDeliverable(
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
    if (api.view.type.startsWith('timeGrid')) {
      // An hour before the moment, so it is not drawn at the very top edge.
      const hour = Math.max(0, Number(linkedAt.slice(11, 13)) - 1);
      api.scrollToTime({ hours: hour });
    }
  }, [calendarRef, linkedId, linkedAt, timeZone, calendarShown]);
  return linkedId;
}

/**
 * `/?new=1` (optionally `&day=YYYY-MM-DD`) opens "new deliverable" — on that day at 10:00,
 * or at the next full hour — and the calendar goes to the day; the parameters go at once,
 * so Back or a reload does not open it again. The global `n` shortcut navigates here.
 */
export function useNewFromUrl(
  calendarRef: RefObject<CalendarRef | null>,
  timeZone: string,
  canEdit: boolean,
  open: (target: DialogTarget) => void,
): void {
  const wanted = useSearchParam('new');
  const day = useSearchParam('day');
  useEffect(() => {
    if (wanted !== '1') return;
    replaceSearchParam('new', null);
    replaceSearchParam('day', null);
    if (!canEdit) return;
    const validDay = day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
    if (validDay) calendarRef.current?.getApi().gotoDate(validDay);
    open({
      id: null,
      defaults: { publishAt: validDay ? `${validDay}T10:00` : defaultPublishAt(timeZone) },
    });
  }, [wanted, day, canEdit, calendarRef, timeZone, open]);
}

/**
 * The dialog state's opener and closer: opening from an event remembers it (`from`),
 * closing puts focus back on it.
 */
export function useDialogFocus(
  container: RefObject<HTMLElement | null>,
  setDialog: (target: DialogTarget | null) => void,
) {
  const returnTo = useRef<FocusTarget | null>(null);
  const open = useCallback(
    (target: DialogTarget) => {
      returnTo.current = target.from ?? null;
      setDialog(target);
    },
    [setDialog],
  );
  const close = useCallback(() => {
    setDialog(null);
    const target = returnTo.current;
    returnTo.current = null;
    if (target) requestAnimationFrame(() => focusEvent(container.current, target));
  }, [container, setDialog]);
  return { open, close };
}
